//! A CSV log's records, split in place where they hold no quote.
//!
//! Nearly every record of a log is plain: fields without quotes, ended by
//! a line break. Such a record is split on the delimiter with `memchr`
//! where it lies in the read buffer (no copy); a record with a `"` before
//! its line end, and the file's first record (its byte-order mark), go
//! through `csv_core` exactly as the `csv` crate reads them. Either way a
//! record comes out as the `csv` crate gives it: blank lines skipped, a
//! lone CR a line end, the last line without its newline a record, and
//! the same line number (see [`CsvRecords::next`]).

use std::io::{self, Read};

/// The read buffer's first size; it grows only for a record longer than it.
const BUFFER: usize = 1 << 16;

/// One record: its fields as byte ranges of `bytes`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Record<'a> {
    bytes: &'a [u8],
    bounds: &'a [(usize, usize)],
}

impl<'a> Record<'a> {
    /// How many fields it has.
    pub fn len(&self) -> usize {
        self.bounds.len()
    }

    /// Its `i`th field.
    pub fn get(&self, i: usize) -> Option<&'a [u8]> {
        let &(from, to) = self.bounds.get(i)?;
        self.bytes.get(from..to)
    }

    /// Its fields in order.
    pub fn iter(&self) -> impl Iterator<Item = &'a [u8]> + 'a {
        let bytes = self.bytes;
        self.bounds
            .iter()
            .map(move |&(from, to)| bytes.get(from..to).unwrap_or_default())
    }
}

/// An owned record, filled field by field (a quoted CSV record, a row of
/// a sheet).
#[derive(Debug, Default)]
pub(crate) struct RecordBuf {
    bytes: Vec<u8>,
    bounds: Vec<(usize, usize)>,
}

impl RecordBuf {
    pub fn clear(&mut self) {
        self.bytes.clear();
        self.bounds.clear();
    }

    pub fn push_field(&mut self, field: &[u8]) {
        let from = self.bytes.len();
        self.bytes.extend_from_slice(field);
        self.bounds.push((from, self.bytes.len()));
    }

    pub fn record(&self) -> Record<'_> {
        Record {
            bytes: &self.bytes,
            bounds: &self.bounds,
        }
    }
}

/// The records of a CSV file, read through one growing buffer.
pub(crate) struct CsvRecords<R> {
    input: R,
    buffer: Vec<u8>,
    /// `buffer[start..end]` is read and not yet consumed.
    start: usize,
    end: usize,
    eof: bool,
    delimiter: u8,
    /// The `csv` crate's line count: 1 and a line for every `\n` consumed.
    line: u64,
    /// The first record goes through `csv_core`, which strips a BOM there.
    first: bool,
    /// After `csv_core` said the input holds no more records.
    done: bool,
    core: csv_core::Reader,
    /// The fields of the record handed out last, as ranges of its line
    /// (plain) or of `quoted`.
    bounds: Vec<(usize, usize)>,
    /// A quoted record as `csv_core` writes it: its bytes and field ends.
    quoted: Vec<u8>,
    ends: Vec<usize>,
}

impl<R: Read> CsvRecords<R> {
    /// Reads the first buffer of `input` (one read, as a `BufReader`
    /// fills), so [`head`](Self::head) can be sniffed before the first
    /// record; fields are split on a comma until
    /// [`delimiter`](Self::delimiter) says otherwise.
    pub fn new(input: R) -> io::Result<CsvRecords<R>> {
        let mut records = CsvRecords {
            input,
            buffer: vec![0; BUFFER],
            start: 0,
            end: 0,
            eof: false,
            delimiter: b',',
            line: 1,
            first: true,
            done: false,
            core: csv_core::Reader::new(),
            bounds: Vec::new(),
            quoted: vec![0; 1024],
            ends: vec![0; 64],
        };
        records.fill()?;
        Ok(records)
    }

    /// The bytes of the first read.
    pub fn head(&self) -> &[u8] {
        self.buffer.get(self.start..self.end).unwrap_or_default()
    }

    /// The delimiter between fields.
    pub fn delimiter(mut self, delimiter: u8) -> CsvRecords<R> {
        self.delimiter = delimiter;
        self.core = csv_core::ReaderBuilder::new().delimiter(delimiter).build();
        self
    }

    /// The next record, and its line as the `csv` crate numbers it
    /// (`ByteRecord::position().line()`): 1 and the `\n` bytes read before
    /// the record was asked for, the blank lines before it not counted,
    /// nor the `\n` of a CRLF ending the record before it (`csv_core`
    /// ends a record at its first line-break byte).
    pub fn next(&mut self) -> io::Result<Option<(u64, Record<'_>)>> {
        let line = self.line;
        if self.done {
            return Ok(None);
        }
        if self.first {
            self.first = false;
            return Ok(self.quoted_record()?.map(|record| (line, record)));
        }
        if !self.skip_blank_lines()? {
            return Ok(None);
        }
        let mut scanned = 0;
        loop {
            let rest = self.buffer.get(self.start..self.end).unwrap_or_default();
            let found = rest
                .get(scanned..)
                .and_then(|unseen| memchr::memchr3(b'\n', b'\r', b'"', unseen))
                .map(|at| scanned + at);
            match found.map(|at| (at, rest.get(at).copied())) {
                Some((_, Some(b'"'))) => {
                    return Ok(self.quoted_record()?.map(|record| (line, record)));
                }
                Some((at, byte)) => {
                    self.start += at + 1;
                    self.line += u64::from(byte == Some(b'\n'));
                    let from = self.start - at - 1;
                    return Ok(Some((line, self.split(from, from + at))));
                }
                None if self.eof => {
                    let (from, to) = (self.start, self.end);
                    self.start = to;
                    return Ok(Some((line, self.split(from, to))));
                }
                None => {
                    scanned = rest.len();
                    self.fill()?;
                }
            }
        }
    }

    /// Skips the line breaks before a record, as `csv_core` does; false
    /// when the input ends first.
    fn skip_blank_lines(&mut self) -> io::Result<bool> {
        loop {
            let rest = self.buffer.get(self.start..self.end).unwrap_or_default();
            let blank = rest
                .iter()
                .position(|b| !matches!(b, b'\n' | b'\r'))
                .unwrap_or(rest.len());
            let skipped = rest.get(..blank).unwrap_or_default();
            self.line += memchr::memchr_iter(b'\n', skipped).count() as u64;
            self.start += blank;
            if self.start < self.end {
                return Ok(true);
            }
            if self.eof || !self.fill()? {
                return Ok(false);
            }
        }
    }

    /// The plain record `buffer[from..to]`, split on the delimiter.
    fn split(&mut self, from: usize, to: usize) -> Record<'_> {
        let bytes = self.buffer.get(from..to).unwrap_or_default();
        self.bounds.clear();
        let mut field = 0;
        for at in memchr::memchr_iter(self.delimiter, bytes) {
            self.bounds.push((field, at));
            field = at + 1;
        }
        self.bounds.push((field, bytes.len()));
        Record {
            bytes,
            bounds: &self.bounds,
        }
    }

    /// The record at `start` through `csv_core`; `None` at the end.
    fn quoted_record(&mut self) -> io::Result<Option<Record<'_>>> {
        use csv_core::ReadRecordResult;
        let (mut written, mut fields) = (0, 0);
        loop {
            let input = self.buffer.get(self.start..self.end).unwrap_or_default();
            let (result, read, out, ended) = self.core.read_record(
                input,
                self.quoted.get_mut(written..).unwrap_or_default(),
                self.ends.get_mut(fields..).unwrap_or_default(),
            );
            let consumed = input.get(..read).unwrap_or_default();
            self.line += memchr::memchr_iter(b'\n', consumed).count() as u64;
            self.start += read;
            written += out;
            fields += ended;
            match result {
                ReadRecordResult::InputEmpty => {
                    self.fill()?;
                }
                ReadRecordResult::OutputFull => {
                    let grown = self.quoted.len() * 2;
                    self.quoted.resize(grown, 0);
                }
                ReadRecordResult::OutputEndsFull => {
                    let grown = self.ends.len() * 2;
                    self.ends.resize(grown, 0);
                }
                ReadRecordResult::Record => break,
                ReadRecordResult::End => {
                    self.done = true;
                    return Ok(None);
                }
            }
        }
        self.bounds.clear();
        let mut from = 0;
        for &to in self.ends.get(..fields).unwrap_or_default() {
            self.bounds.push((from, to));
            from = to;
        }
        Ok(Some(Record {
            bytes: self.quoted.get(..written).unwrap_or_default(),
            bounds: &self.bounds,
        }))
    }

    /// Reads more input after `buffer[start..end]` (moved to the front,
    /// the buffer doubled when it is full); false at the end of the input.
    fn fill(&mut self) -> io::Result<bool> {
        if self.eof {
            return Ok(false);
        }
        if self.start > 0 {
            self.buffer.copy_within(self.start..self.end, 0);
            self.end -= self.start;
            self.start = 0;
        }
        if self.end == self.buffer.len() {
            let grown = self.buffer.len() * 2;
            self.buffer.resize(grown, 0);
        }
        loop {
            match self
                .input
                .read(self.buffer.get_mut(self.end..).unwrap_or_default())
            {
                Ok(0) => {
                    self.eof = true;
                    return Ok(false);
                }
                Ok(n) => {
                    self.end += n;
                    return Ok(true);
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A reader that hands on at most `chunk` bytes a read, so records
    /// straddle the buffer's refills.
    struct Chunked<'a> {
        bytes: &'a [u8],
        chunk: usize,
    }

    impl Read for Chunked<'_> {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            let n = self.chunk.min(out.len()).min(self.bytes.len());
            let (now, later) = self.bytes.split_at(n);
            out[..n].copy_from_slice(now);
            self.bytes = later;
            Ok(n)
        }
    }

    type Records = Vec<(u64, Vec<Vec<u8>>)>;

    fn ours(bytes: &[u8], delimiter: u8, chunk: usize) -> Records {
        let input = Chunked { bytes, chunk };
        let mut records = CsvRecords::new(input).unwrap().delimiter(delimiter);
        let mut read = Vec::new();
        while let Some((line, record)) = records.next().unwrap() {
            read.push((line, record.iter().map(<[u8]>::to_vec).collect()));
        }
        read
    }

    /// The `csv` crate's records and lines on the same bytes, read as the
    /// log reader read them before.
    fn theirs(bytes: &[u8], delimiter: u8, chunk: usize) -> Records {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(Chunked { bytes, chunk });
        let mut record = csv::ByteRecord::new();
        let mut read = Vec::new();
        while reader.read_byte_record(&mut record).unwrap() {
            let line = record.position().unwrap().line();
            read.push((line, record.iter().map(<[u8]>::to_vec).collect()));
        }
        read
    }

    /// The same records and lines as the `csv` crate's, whole or read a
    /// few bytes at a time (a BOM split over two reads is kept by both).
    fn same_as_csv(text: &[u8], delimiter: u8) {
        for chunk in [usize::MAX, 1, 2, 3, 7, 64] {
            assert_eq!(
                ours(text, delimiter, chunk),
                theirs(text, delimiter, chunk),
                "{:?}, {chunk} bytes a read",
                String::from_utf8_lossy(text)
            );
        }
    }

    #[test]
    fn quoted_fields_read_as_the_csv_crate_reads_them() {
        same_as_csv(b"id,note\nT1,\"a, b\"\nT2,x\n", b',');
        same_as_csv(b"id,note\nT1,\"say \"\"hi\"\"\"\nT2,\"\"\n", b',');
        same_as_csv(
            b"id,note\nT1,\"two\nlines\"\nT2,\"three\r\nmore\rlines\"\nT3,x\n",
            b',',
        );
        same_as_csv(b"id;note\nT1;\"a;b\";c\"d\nT2;x\"y\"\n", b';');
        same_as_csv(b"id,note\nT1,\"open to the end\n", b',');
    }

    #[test]
    fn line_ends_and_blank_lines_read_as_the_csv_crate_reads_them() {
        same_as_csv(b"id,x\r\nT1,1\r\nT2,2\r\n", b',');
        same_as_csv(b"id,x\rT1,1\rT2,2\r", b',');
        same_as_csv(b"id,x\n\n\nT1,1\r\n\r\n\nT2,2\n\n", b',');
        same_as_csv(b"\n\r\nid,x\nT1,1\n", b',');
        same_as_csv(b"id,x\nT1,1\nT2,2", b',');
        same_as_csv(b"id,x\nT1,1\n,", b',');
        same_as_csv(b"id,x\r\nT1,\"q\"\r\nT2,2\r\n", b',');
        same_as_csv(b"", b',');
        same_as_csv(b"\n\n", b',');
    }

    #[test]
    fn short_and_long_rows_keep_their_widths() {
        same_as_csv(b"a\tb\tc\nT1\nT2\t1\t2\t3\t4\n\t\n", b'\t');
        same_as_csv(b"a,b,c\n,,\n,,,,\nx\n", b',');
    }

    #[test]
    fn the_byte_order_mark_is_stripped_from_the_first_record_only() {
        same_as_csv(b"\xEF\xBB\xBFid,x\nT1,1\n", b',');
        same_as_csv(b"\xEF\xBB\xBF\"id\",x\n\xEF\xBB\xBFT1,1\n", b',');
        same_as_csv(b"\n\xEF\xBB\xBFid,x\nT1,1\n", b',');
    }

    #[test]
    fn a_quote_only_in_a_later_record_takes_csv_core_there_only() {
        let mut text = b"id,note\n".to_vec();
        for i in 0..2000 {
            text.extend_from_slice(format!("T{i},plain\n").as_bytes());
        }
        text.extend_from_slice(b"T2000,\"quoted, with\nlines\"\nT2001,plain again\n");
        same_as_csv(&text, b',');
    }

    #[test]
    fn a_record_longer_than_the_buffer_is_read_whole() {
        let long = "x".repeat(3 * BUFFER + 17);
        let text = format!("id,note\nT1,{long}\nT2,\"{long}\"\nT3,{long}");
        same_as_csv(text.as_bytes(), b',');
        let read = ours(text.as_bytes(), b',', usize::MAX);
        assert_eq!(read.len(), 4);
        assert_eq!(read[1].1[1].len(), long.len());
    }

    #[test]
    fn sheet_rows_fill_a_record_field_by_field() {
        let mut row = RecordBuf::default();
        row.push_field(b"T1");
        row.push_field(b"");
        row.push_field(b"P2");
        let record = row.record();
        assert_eq!(record.len(), 3);
        assert_eq!(record.get(2), Some(&b"P2"[..]));
        assert_eq!(record.get(3), None);
        row.clear();
        assert_eq!(row.record().len(), 0);
    }

    /// Bytes that make CSV hard: quotes, both delimiters, every line end,
    /// the pieces of a byte-order mark.
    fn csv_bytes() -> impl Strategy<Value = Vec<u8>> {
        let byte = prop::sample::select(vec![
            b'a', b'b', b' ', b',', b',', b';', b'"', b'\n', b'\n', b'\r', 0xEF, 0xBB, 0xBF,
        ]);
        (any::<bool>(), prop::collection::vec(byte, 0..200)).prop_map(|(bom, mut bytes)| {
            if bom {
                bytes.splice(0..0, *b"\xEF\xBB\xBF");
            }
            bytes
        })
    }

    proptest! {
        #[test]
        fn any_bytes_read_as_the_csv_crate_reads_them(
            bytes in csv_bytes(),
            delimiter in prop::sample::select(vec![b',', b';']),
            chunk in 1usize..40,
        ) {
            prop_assert_eq!(ours(&bytes, delimiter, chunk), theirs(&bytes, delimiter, chunk));
        }
    }
}
