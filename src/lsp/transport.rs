//! The stdio transport: Content-Length framing with a size limit.
//!
//! `lsp-server`'s own stdio transport allocates whatever a message's
//! `Content-Length` says before reading it, so one bad header ends the
//! server in an out-of-memory abort. This one reads headers in bounded
//! lines and refuses a message above [`MESSAGE_LIMIT`]: it tells the
//! client (`window/showMessage`) and ends the session with that error
//! (the editor restarts the server). Skipping the message instead would
//! leave an incrementally synced document out of step with the editor.

use lsp_server::{Connection, Message, Notification};
use lsp_types::notification::{Notification as _, ShowMessage};
use lsp_types::{MessageType, ShowMessageParams};
use std::io::{self, BufRead, Read, Write};
use std::thread;

/// The largest message body read: far above any contract an editor sends.
pub const MESSAGE_LIMIT: usize = 64 * 1024 * 1024;
/// The longest header line (`Content-Length: …` is a few dozen bytes).
const HEADER_LINE_LIMIT: u64 = 4096;

/// What one read of the stream gave.
#[derive(Debug)]
pub enum Incoming {
    Message(Message),
    /// The message of this many bytes is above the limit (left unread).
    TooLarge(usize),
    /// The stream ended between two messages.
    End,
}

/// Reads one framed message, reading at most `limit` bytes of body.
pub fn read(input: &mut impl BufRead, limit: usize) -> io::Result<Incoming> {
    let mut length = None;
    let mut line = String::new();
    loop {
        line.clear();
        let read = input
            .by_ref()
            .take(HEADER_LINE_LIMIT)
            .read_line(&mut line)?;
        if read == 0 {
            return Ok(Incoming::End);
        }
        let Some(header) = line.strip_suffix("\r\n") else {
            let start: String = line.chars().take(40).collect();
            return Err(invalid(format!("malformed header line: {start:?}")));
        };
        if header.is_empty() {
            break;
        }
        let Some((name, value)) = header.split_once(": ") else {
            return Err(invalid(format!("malformed header line: {header:?}")));
        };
        if name.eq_ignore_ascii_case("Content-Length") {
            let n = value
                .parse::<usize>()
                .map_err(|e| invalid(format!("bad Content-Length {value:?}: {e}")))?;
            length = Some(n);
        }
    }
    let length = length.ok_or_else(|| invalid("a message without Content-Length".into()))?;
    if length > limit {
        return Ok(Incoming::TooLarge(length));
    }
    let mut body = vec![0; length];
    input.read_exact(&mut body)?;
    let message = serde_json::from_slice(&body).map_err(|e| invalid(e.to_string()))?;
    Ok(Incoming::Message(message))
}

fn invalid(message: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, message)
}

/// The error for a message above the limit.
fn too_large(length: usize) -> String {
    format!(
        "a message of {length} bytes is above the limit of {} MiB; the session ends",
        MESSAGE_LIMIT / (1024 * 1024)
    )
}

/// The reader and writer threads of [`stdio`].
pub struct IoThreads {
    reader: thread::JoinHandle<io::Result<()>>,
    writer: thread::JoinHandle<io::Result<()>>,
}

impl IoThreads {
    /// Waits for both threads; the reader's error first.
    pub fn join(self) -> io::Result<()> {
        let reader = self.reader.join();
        let writer = self.writer.join();
        for outcome in [reader, writer] {
            match outcome {
                Ok(result) => result?,
                Err(_) => return Err(io::Error::other("a transport thread panicked")),
            }
        }
        Ok(())
    }
}

/// A connection on stdin and stdout, for the server.
pub fn stdio() -> io::Result<(Connection, IoThreads)> {
    let (server, client) = Connection::memory();
    let Connection {
        sender: to_server,
        receiver: from_server,
    } = client;
    let to_client = server.sender.clone();
    let writer = thread::Builder::new()
        .name("slac-lsp-writer".into())
        .spawn(move || {
            let stdout = io::stdout();
            let mut stdout = stdout.lock();
            for message in from_server {
                message.write(&mut stdout)?;
            }
            stdout.flush()
        })?;
    let reader = thread::Builder::new()
        .name("slac-lsp-reader".into())
        .spawn(move || {
            let stdin = io::stdin();
            let mut stdin = stdin.lock();
            loop {
                match read(&mut stdin, MESSAGE_LIMIT)? {
                    Incoming::Message(message) => {
                        let exit =
                            matches!(&message, Message::Notification(n) if n.method == "exit");
                        if to_server.send(message).is_err() || exit {
                            return Ok(());
                        }
                    }
                    Incoming::TooLarge(length) => {
                        let error = too_large(length);
                        let _ = to_client.send(show_error(&error));
                        return Err(io::Error::new(io::ErrorKind::InvalidData, error));
                    }
                    Incoming::End => return Ok(()),
                }
            }
        })?;
    Ok((server, IoThreads { reader, writer }))
}

/// A `window/showMessage` error for the editor.
fn show_error(error: &str) -> Message {
    let params = ShowMessageParams {
        typ: MessageType::ERROR,
        message: format!("slac lsp: {error}"),
    };
    Message::Notification(Notification::new(ShowMessage::METHOD.into(), params))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn framed(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    #[test]
    fn reads_messages_in_turn_then_the_end() {
        let one = r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
        let two = r#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#;
        let text = format!("{}{}", framed(one), framed(two));
        let mut input = text.as_bytes();
        let first = read(&mut input, 1024).unwrap();
        assert!(
            matches!(first, Incoming::Message(Message::Notification(n)) if n.method == "initialized")
        );
        let second = read(&mut input, 1024).unwrap();
        assert!(matches!(second, Incoming::Message(Message::Request(r)) if r.method == "shutdown"));
        assert!(matches!(read(&mut input, 1024).unwrap(), Incoming::End));
    }

    #[test]
    fn a_body_above_the_limit_is_refused_unread() {
        let body = r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
        let text = framed(body);
        let mut input = text.as_bytes();
        let outcome = read(&mut input, body.len() - 1).unwrap();
        assert!(matches!(outcome, Incoming::TooLarge(n) if n == body.len()));
        assert_eq!(input, body.as_bytes(), "the body is left unread");
        // A huge length is refused before anything is allocated.
        let mut huge = "Content-Length: 18446744073709551615\r\n\r\n".as_bytes();
        let outcome = read(&mut huge, MESSAGE_LIMIT).unwrap();
        assert!(matches!(outcome, Incoming::TooLarge(usize::MAX)));
        assert!(too_large(usize::MAX).contains("64 MiB"));
    }

    #[test]
    fn bad_headers_are_errors_not_allocations() {
        for text in [
            "Content-Length: 12\n\n{}".to_string(),
            "Content-Length: twelve\r\n\r\n".to_string(),
            "Content-Type: x\r\n\r\n{}".to_string(),
            format!("X-Long: {}\r\n\r\n", "a".repeat(10_000)),
        ] {
            let mut input = text.as_bytes();
            let error = read(&mut input, 1024).unwrap_err();
            assert_eq!(error.kind(), io::ErrorKind::InvalidData, "{text:.40}");
        }
    }
}
