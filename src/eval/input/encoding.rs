//! The text encoding of a CSV log, and a reader that hands its bytes on as
//! UTF-8: as they are when they already are (only checked), transcoded by
//! `encoding_rs` otherwise.
//!
//! `auto` decides on the first 64 KiB: a byte-order mark (UTF-8, UTF-16LE,
//! UTF-16BE); else valid UTF-8; else UTF-16 without a mark when NUL bytes
//! fall on one side of the byte pairs; else GB18030 when those bytes decode
//! cleanly in it. A byte after the first 64 KiB that is not valid in the
//! encoding chosen ends the read with its offset, never a replacement
//! character in a field.

use encoding_rs::{Decoder, DecoderResult, GB18030, UTF_16BE, UTF_16LE};
use std::io::{self, Read};

/// How many bytes the encoding is judged on.
const HEAD: usize = 64 << 10;

/// The encoding a log is read in (`--encoding`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    /// Decided from the first 64 KiB (see the module's doc).
    #[default]
    Auto,
    Utf8,
    Utf16Le,
    Utf16Be,
    /// GB18030, which contains GBK: both decode the same.
    Gb18030,
}

impl Encoding {
    /// `auto`, `utf-8`, `utf-16le`, `utf-16be`, `gb18030` or `gbk`, in
    /// any case (`utf8`, `utf16le`, … too).
    pub fn parse(text: &str) -> Option<Encoding> {
        match text.to_ascii_lowercase().replace('-', "").as_str() {
            "auto" => Some(Encoding::Auto),
            "utf8" => Some(Encoding::Utf8),
            "utf16le" => Some(Encoding::Utf16Le),
            "utf16be" => Some(Encoding::Utf16Be),
            "gb18030" | "gbk" => Some(Encoding::Gb18030),
            _ => None,
        }
    }

    /// The values `parse` accepts, for an error message.
    pub const NAMES: &'static str = "auto, utf-8, utf-16le, utf-16be, gb18030, gbk";

    /// The name a message gives the encoding.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Auto => "auto",
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Gb18030 => "GB18030 (GBK)",
        }
    }

    fn decoder(self) -> Option<Decoder> {
        let encoding = match self {
            Encoding::Auto | Encoding::Utf8 => return None,
            Encoding::Utf16Le => UTF_16LE,
            Encoding::Utf16Be => UTF_16BE,
            Encoding::Gb18030 => GB18030,
        };
        Some(encoding.new_decoder_with_bom_removal())
    }
}

/// A log's bytes that are not in the encoding they are read in.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("byte {offset} is not valid {encoding}{judged}: pass --encoding to name the log's encoding ({})", Encoding::NAMES)]
    Invalid {
        offset: u64,
        encoding: &'static str,
        /// Why this encoding, when it was decided by `auto`.
        judged: &'static str,
    },
    #[error("the log is neither UTF-8 nor GB18030 (byte {offset} is valid in neither) and has no byte-order mark: pass --encoding to name its encoding ({})", Encoding::NAMES)]
    Unknown { offset: u64 },
}

/// How the encoding was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chosen {
    /// Given by the caller.
    Given,
    /// By the byte-order mark, or because the bytes are valid UTF-8.
    Certain,
    /// A guess from bytes that are not UTF-8 (GB18030, or UTF-16 without a
    /// mark): worth saying to the user.
    Guessed,
}

/// A reader of a log's bytes as UTF-8.
pub struct Decoded<R> {
    inner: R,
    encoding: Encoding,
    chosen: Chosen,
    /// Bytes read from `inner`; `raw[start..end]` not yet handed on.
    raw: Vec<u8>,
    start: usize,
    end: usize,
    /// UTF-8: `raw[start..checked]` is known valid.
    checked: usize,
    /// Offset in the file of `raw[0]`.
    offset: u64,
    eof: bool,
    /// Transcoding: the decoder, and its output not yet handed on.
    decoder: Option<Decoder>,
    out: Vec<u8>,
    out_start: usize,
}

impl<R: Read> Decoded<R> {
    /// Reads the first 64 KiB and decides the encoding (`Auto`), or takes
    /// the one given; a byte-order mark of that encoding is skipped.
    pub fn new(mut inner: R, encoding: Encoding) -> Result<Decoded<R>, io::Error> {
        let mut raw = vec![0; HEAD];
        let mut end = 0;
        let mut eof = false;
        while end < HEAD {
            match inner.read(raw.get_mut(end..).unwrap_or_default()) {
                Ok(0) => {
                    eof = true;
                    break;
                }
                Ok(n) => end += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        let head = raw.get(..end).unwrap_or_default();
        let (encoding, chosen) = match encoding {
            Encoding::Auto => judge(head, eof).map_err(invalid_data)?,
            given => (given, Chosen::Given),
        };
        let utf8_bom = usize::from(head.starts_with(b"\xEF\xBB\xBF")) * 3;
        Ok(Decoded {
            inner,
            encoding,
            chosen,
            raw,
            start: if encoding == Encoding::Utf8 {
                utf8_bom
            } else {
                0
            },
            end,
            checked: 0,
            offset: 0,
            eof,
            decoder: encoding.decoder(),
            out: Vec::new(),
            out_start: 0,
        })
    }

    /// The encoding the log is read in.
    pub fn encoding(&self) -> Encoding {
        self.encoding
    }

    pub fn chosen(&self) -> Chosen {
        self.chosen
    }

    /// Moves the unread bytes to the front and reads more after them.
    fn refill(&mut self) -> io::Result<()> {
        self.raw.copy_within(self.start..self.end, 0);
        self.offset += self.start as u64;
        self.checked = self.checked.saturating_sub(self.start);
        self.end -= self.start;
        self.start = 0;
        if self.raw.len() < HEAD {
            self.raw.resize(HEAD, 0);
        }
        loop {
            match self
                .inner
                .read(self.raw.get_mut(self.end..).unwrap_or_default())
            {
                Ok(0) => self.eof = true,
                Ok(n) => self.end += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
            return Ok(());
        }
    }

    fn judged(&self) -> &'static str {
        match self.chosen {
            Chosen::Given => "",
            Chosen::Certain if self.encoding == Encoding::Utf8 => {
                ", though the first 64 KiB were, so the log is read as UTF-8"
            }
            Chosen::Certain | Chosen::Guessed => {
                ", though the first 64 KiB were, so the log is read in it"
            }
        }
    }

    fn invalid(&self, at: usize) -> io::Error {
        invalid_data(DecodeError::Invalid {
            offset: self.offset + at as u64,
            encoding: self.encoding.name(),
            judged: self.judged(),
        })
    }

    /// UTF-8: hands on checked bytes as they are.
    fn read_utf8(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.checked <= self.start {
            let unread = self.raw.get(self.start..self.end).unwrap_or_default();
            match std::str::from_utf8(unread) {
                Ok(_) => self.checked = self.end,
                Err(e) => {
                    self.checked = self.start + e.valid_up_to();
                    // Nothing valid before a bad byte, or before a sequence
                    // the file ends inside.
                    if self.checked == self.start && (e.error_len().is_some() || self.eof) {
                        return Err(self.invalid(self.start));
                    }
                }
            }
            if self.checked > self.start {
                break;
            }
            if self.eof {
                return Ok(0);
            }
            self.refill()?;
        }
        let n = hand_on(self.raw.get(self.start..self.checked), buf);
        self.start += n;
        Ok(n)
    }

    /// Another encoding: decodes into `out`, then hands that on.
    fn read_transcoded(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.out_start >= self.out.len() {
            let Some(decoder) = self.decoder.as_mut() else {
                return Ok(0);
            };
            if self.start == self.end && !self.eof {
                self.refill()?;
                continue;
            }
            self.out.resize(HEAD * 2 + 16, 0);
            self.out_start = 0;
            let src = self.raw.get(self.start..self.end).unwrap_or_default();
            let (result, read, written) =
                decoder.decode_to_utf8_without_replacement(src, &mut self.out, self.eof);
            self.out.truncate(written);
            let at = self.start + read;
            self.start = at;
            match result {
                DecoderResult::Malformed(bad, after) => {
                    let bad_at = at - usize::from(bad) - usize::from(after);
                    return Err(self.invalid(bad_at));
                }
                DecoderResult::InputEmpty if self.eof => self.decoder = None,
                DecoderResult::InputEmpty | DecoderResult::OutputFull => {}
            }
        }
        let n = hand_on(self.out.get(self.out_start..), buf);
        self.out_start += n;
        Ok(n)
    }
}

/// Copies what fits of `ready` into `buf`: how many bytes.
fn hand_on(ready: Option<&[u8]>, buf: &mut [u8]) -> usize {
    let ready = ready.unwrap_or_default();
    let n = ready.len().min(buf.len());
    if let (Some(to), Some(from)) = (buf.get_mut(..n), ready.get(..n)) {
        to.copy_from_slice(from);
    }
    n
}

impl<R: Read> Read for Decoded<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        match self.encoding {
            Encoding::Auto | Encoding::Utf8 => self.read_utf8(buf),
            Encoding::Utf16Le | Encoding::Utf16Be | Encoding::Gb18030 => self.read_transcoded(buf),
        }
    }
}

/// `auto` on the first bytes of a log (`eof`: they are all of it).
fn judge(head: &[u8], eof: bool) -> Result<(Encoding, Chosen), DecodeError> {
    if head.starts_with(b"\xEF\xBB\xBF") {
        return Ok((Encoding::Utf8, Chosen::Certain));
    }
    if head.starts_with(b"\xFF\xFE") {
        return Ok((Encoding::Utf16Le, Chosen::Certain));
    }
    if head.starts_with(b"\xFE\xFF") {
        return Ok((Encoding::Utf16Be, Chosen::Certain));
    }
    // ASCII text in UTF-16 has a NUL in every pair, on one side (and NUL
    // bytes, though valid UTF-8, are in no text log).
    let nul_at = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|b| **b == 0)
            .count()
    };
    let (even, odd) = (nul_at(0), nul_at(1));
    let utf16 = if odd > head.len() / 8 && even * 8 < odd {
        Some(Encoding::Utf16Le)
    } else if even > head.len() / 8 && odd * 8 < even {
        Some(Encoding::Utf16Be)
    } else {
        None
    };
    if let Some(encoding) = utf16.filter(|e| decodes_cleanly(*e, head, eof)) {
        return Ok((encoding, Chosen::Guessed));
    }
    let not_utf8 = match std::str::from_utf8(head) {
        Ok(_) => return Ok((Encoding::Utf8, Chosen::Certain)),
        Err(e) if e.error_len().is_none() && !eof => {
            return Ok((Encoding::Utf8, Chosen::Certain));
        }
        Err(e) => e.valid_up_to(),
    };
    if decodes_cleanly(Encoding::Gb18030, head, eof) {
        return Ok((Encoding::Gb18030, Chosen::Guessed));
    }
    Err(DecodeError::Unknown {
        offset: not_utf8 as u64,
    })
}

/// True when `head` decodes without a malformed sequence (one cut at the
/// end of the head, when more follows, is not one).
fn decodes_cleanly(encoding: Encoding, head: &[u8], eof: bool) -> bool {
    let Some(mut decoder) = encoding.decoder() else {
        return false;
    };
    let mut out = vec![0; head.len() * 3 + 16];
    let (result, _, _) = decoder.decode_to_utf8_without_replacement(head, &mut out, eof);
    matches!(result, DecoderResult::InputEmpty)
}

fn invalid_data(e: DecodeError) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, e)
}

/// The decoding error inside an I/O error, if it is one.
pub(crate) fn decode_error(e: &io::Error) -> Option<DecodeError> {
    e.get_ref()
        .and_then(|inner| inner.downcast_ref::<DecodeError>())
        .cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(bytes: &[u8], encoding: Encoding) -> Result<(String, Encoding, Chosen), String> {
        let mut decoded = Decoded::new(bytes, encoding).map_err(|e| e.to_string())?;
        let mut text = String::new();
        decoded
            .read_to_string(&mut text)
            .map_err(|e| e.to_string())?;
        Ok((text, decoded.encoding(), decoded.chosen()))
    }

    const TEXT: &str = "id,priority\nA1,紧急\n";

    #[test]
    fn utf8_with_or_without_bom_reads_as_written() {
        let plain = read_all(TEXT.as_bytes(), Encoding::Auto).unwrap();
        assert_eq!(plain, (TEXT.into(), Encoding::Utf8, Chosen::Certain));
        let bom = [b"\xEF\xBB\xBF".as_slice(), TEXT.as_bytes()].concat();
        assert_eq!(read_all(&bom, Encoding::Auto).unwrap().0, TEXT);
        assert_eq!(read_all(&bom, Encoding::Utf8).unwrap().0, TEXT);
    }

    #[test]
    fn utf16_by_its_mark_or_its_nul_bytes() {
        let le: Vec<u8> = TEXT.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = TEXT.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let marked = [b"\xFF\xFE".as_slice(), &le].concat();
        assert_eq!(
            read_all(&marked, Encoding::Auto).unwrap(),
            (TEXT.into(), Encoding::Utf16Le, Chosen::Certain)
        );
        let marked = [b"\xFE\xFF".as_slice(), &be].concat();
        assert_eq!(read_all(&marked, Encoding::Auto).unwrap().0, TEXT);
        assert_eq!(
            read_all(&le, Encoding::Auto).unwrap(),
            (TEXT.into(), Encoding::Utf16Le, Chosen::Guessed)
        );
        assert_eq!(read_all(&be, Encoding::Utf16Be).unwrap().0, TEXT);
    }

    #[test]
    fn gbk_is_guessed_when_not_utf8() {
        let (gbk, _, _) = GB18030.encode(TEXT);
        assert_eq!(
            read_all(&gbk, Encoding::Auto).unwrap(),
            (TEXT.into(), Encoding::Gb18030, Chosen::Guessed)
        );
        assert_eq!(read_all(&gbk, Encoding::Gb18030).unwrap().0, TEXT);
        assert_eq!(Encoding::parse("GBK"), Some(Encoding::Gb18030));
        assert_eq!(Encoding::parse("utf8"), Some(Encoding::Utf8));
        assert_eq!(Encoding::parse("latin1"), None);
    }

    /// A multi-byte character across every read boundary, and far more than
    /// one buffer of text, come out whole.
    #[test]
    fn long_text_in_small_reads_is_whole() {
        let text = "编号,优先级\n".repeat(20_000);
        for encoding in [Encoding::Utf8, Encoding::Gb18030] {
            let bytes = match encoding {
                Encoding::Utf8 => text.as_bytes().to_vec(),
                _ => GB18030.encode(&text).0.into_owned(),
            };
            let mut decoded = Decoded::new(bytes.as_slice(), Encoding::Auto).unwrap();
            let mut out = Vec::new();
            let mut buf = [0u8; 7];
            loop {
                let n = decoded.read(&mut buf).unwrap();
                if n == 0 {
                    break;
                }
                out.extend_from_slice(&buf[..n]);
            }
            assert_eq!(String::from_utf8(out).unwrap(), text, "{encoding:?}");
        }
    }

    /// Bytes past the first 64 KiB that are not UTF-8 end the read with
    /// their offset, not with replacement characters.
    #[test]
    fn a_late_invalid_byte_is_an_error_with_its_offset() {
        let mut bytes = "a,b\n".repeat(20_000).into_bytes();
        let at = bytes.len();
        bytes.extend_from_slice(b"\xB1\xE0,x\n");
        let e = read_all(&bytes, Encoding::Auto).unwrap_err();
        assert!(
            e.contains(&format!(
                "byte {at} is not valid UTF-8, though the first 64 KiB were"
            )),
            "{e}"
        );
        let e = read_all(b"a,\xFF\xFE\xFD\n", Encoding::Gb18030).unwrap_err();
        assert!(e.contains("byte 2 is not valid GB18030"), "{e}");
        let e = read_all(b"a,\x80\xFF\xFF\n", Encoding::Auto).unwrap_err();
        assert!(e.contains("neither UTF-8 nor GB18030 (byte 2"), "{e}");
    }
}
