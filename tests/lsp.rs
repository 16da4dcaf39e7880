//! `slac lsp` end to end: a small LSP client spawns the real binary, speaks
//! JSON-RPC over its stdin and stdout (Content-Length framing) and checks
//! each feature on a contract that uses a library, in a workspace folder.
//! Every read has a timeout, so a hung server fails the test instead of
//! hanging CI.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: a broken assumption stops the test with its message"
)]

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// The longest wait for one message from the server.
const TIMEOUT: Duration = Duration::from_secs(30);

/// The contract: Chinese text and an emoji (two UTF-16 units) before the
/// unknown calendar `bussiness` on the channel line.
const CONTRACT: &str = r#"use "holidays/team.sla"

contract "客户服务 😀 SLA" {
  id        "T-1"
  version   "1.0"
  language  zh-CN
  effective 2026-01-01..2026-12-31
  timezone  "Asia/Shanghai"
  clock     business
  business-day ends-at-close

  party client   "艾克姆😀" { short "客户" }
  party provider "海普" { short "服务方" }

  scope {
    service desk "服务台"
  }

  calendar business "工作日" {
    mon-fri  09:00-18:00
    holidays team-days
  }
  calendar always "7x24" 24x7

  channel hotline "热线😀" { hours always }
  channel email   "邮件😀" { hours bussiness }

  priority P1 "紧急" { "核心业务中断。" clock always }
  priority P2 "高" { "重要功能受影响。" }

  response {
    P1 within 15 minutes
    P2 within 2 hours
  }
  resolution {
    P1 within 4 hours
    P2 within 2 business days
  }

  support {
    submit via hotline, email
    escalate P1 after 30 minutes to "值班经理"
  }

  exclusions {
    clause force-majeure "不可抗力。"
  }
}
"#;

const LIBRARY: &str = r#"holidays team-days "团队假日" {
  closed 2026-10-01..2026-10-07 "国庆节"
}
"#;

/// The language server under test, spoken to as an editor does.
struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: mpsc::Receiver<Value>,
    /// Notifications read while waiting for a response.
    notifications: Vec<Value>,
    next_id: i64,
}

impl Client {
    /// Starts `slac lsp` and does the handshake with `folder` as the
    /// workspace.
    fn start(folder: &Path) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_slac"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start slac lsp");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (send, incoming) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_message(&mut reader) {
                if send.send(message).is_err() {
                    return;
                }
            }
        });
        let mut client = Client {
            child,
            stdin,
            incoming,
            notifications: Vec::new(),
            next_id: 0,
        };
        let folder_uri = uri(folder);
        let init = client.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": folder_uri,
                "capabilities": {},
                "workspaceFolders": [{"uri": folder_uri, "name": "contracts"}],
            }),
        );
        assert_eq!(init["result"]["serverInfo"]["name"], "slac", "{init}");
        client.notify("initialized", json!({}));
        client
    }

    fn send(&mut self, message: &Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and waits for its response (result or error).
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let message = self.next_message(method);
            if message.get("id") == Some(&json!(id)) && message.get("method").is_none() {
                return message;
            }
            self.notifications.push(message);
        }
    }

    /// The result of a request that must succeed.
    fn result(&mut self, method: &str, params: Value) -> Value {
        let response = self.request(method, params);
        assert!(response.get("error").is_none(), "{method}: {response}");
        response["result"].clone()
    }

    fn next_message(&mut self, waiting_for: &str) -> Value {
        match self.incoming.recv_timeout(TIMEOUT) {
            Ok(message) => message,
            Err(_) => {
                panic!("no message from the server within {TIMEOUT:?} (waiting for {waiting_for})")
            }
        }
    }

    /// The first diagnostics published for `uri` that `wanted` accepts
    /// (earlier ones are for older text).
    fn diagnostics(&mut self, uri: &str, wanted: impl Fn(&[Value]) -> bool) -> Vec<Value> {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let index = self.notifications.iter().position(|n| {
                n["method"] == "textDocument/publishDiagnostics" && n["params"]["uri"] == uri
            });
            if let Some(index) = index {
                let n = self.notifications.remove(index);
                let list = n["params"]["diagnostics"].as_array().cloned().unwrap();
                if wanted(&list) {
                    return list;
                }
                continue;
            }
            assert!(
                Instant::now() < deadline,
                "no fitting diagnostics for {uri}"
            );
            let message = self.next_message("diagnostics");
            self.notifications.push(message);
        }
    }

    fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "sla", "version": 1, "text": text}}),
        );
    }

    /// Shuts the server down and checks it exits cleanly.
    fn shutdown(mut self) {
        let response = self.request("shutdown", Value::Null);
        assert!(response.get("error").is_none(), "{response}");
        self.notify("exit", Value::Null);
        assert_eq!(self.exit_code(), Some(0));
    }

    /// Waits (up to the timeout) for the server to end; its exit code.
    fn exit_code(&mut self) -> Option<i32> {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code();
            }
            assert!(Instant::now() < deadline, "slac lsp did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One framed message, or `None` at the end of the stream.
fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(n) = line.strip_prefix("Content-Length: ") {
            length = n.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

fn uri(path: &Path) -> String {
    let mut out = String::from("file://");
    for byte in path.to_str().unwrap().bytes() {
        if byte.is_ascii_alphanumeric() || b"/-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// A workspace folder with the contract and its library on disk.
fn workspace() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    std::fs::create_dir(root.join("holidays")).unwrap();
    let contract = root.join("contract.sla");
    let library = root.join("holidays/team.sla");
    std::fs::write(&contract, CONTRACT).unwrap();
    std::fs::write(&library, LIBRARY).unwrap();
    (dir, contract, library)
}

/// The 0-based line of the first line of `text` holding `needle`.
fn line_of(text: &str, needle: &str) -> u64 {
    text.lines().position(|l| l.contains(needle)).unwrap() as u64
}

fn position(line: u64, character: u64) -> Value {
    json!({"line": line, "character": character})
}

fn range(line: u64, from: u64, to: u64) -> Value {
    json!({"start": position(line, from), "end": position(line, to)})
}

fn has_code(list: &[Value], code: &str) -> bool {
    list.iter().any(|d| d["code"] == code)
}

#[test]
fn diagnostics_count_utf16_columns_and_link_their_page() {
    let (_dir, contract, _) = workspace();
    let mut client = Client::start(contract.parent().unwrap());
    let uri = uri(&contract);
    client.open(&uri, CONTRACT);
    let list = client.diagnostics(&uri, |l| has_code(l, "E012"));
    let line = line_of(CONTRACT, "bussiness");
    // `  channel email   "邮件😀" { hours ` is 32 characters, 39 bytes and
    // 33 UTF-16 code units (the emoji counts two).
    let unknown = list
        .iter()
        .find(|d| d["message"].as_str().unwrap().contains("bussiness"))
        .unwrap_or_else(|| panic!("no diagnostic on `bussiness`: {list:?}"));
    assert_eq!(unknown["range"], range(line, 33, 42));
    assert_eq!(unknown["code"], "E012");
    assert_eq!(unknown["severity"], 1);
    assert_eq!(unknown["source"], "slac");
    let href = unknown["codeDescription"]["href"].as_str().unwrap();
    assert!(href.ends_with("docs/codes/E012.md"), "{href}");
    assert!(href.starts_with(slac::lsp::CODE_PAGES), "{href}");
    assert!(
        unknown["message"]
            .as_str()
            .unwrap()
            .contains("did you mean `business`"),
        "the help line is in the message: {unknown}"
    );

    // An edit of the unsaved text (incremental, in UTF-16 columns) fixes it.
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"range": range(line, 33, 42), "text": "business"}],
        }),
    );
    let list = client.diagnostics(&uri, |l| {
        !l.iter()
            .any(|d| d["message"].as_str().unwrap().contains("bussiness"))
    });
    assert!(
        list.iter().all(|d| d["range"]["start"]["line"] != line),
        "{list:?}"
    );
    client.shutdown();
}

#[test]
fn a_used_library_gets_its_diagnostics_in_its_own_file() {
    let (_dir, contract, library) = workspace();
    std::fs::write(&library, LIBRARY.replace("  closed 2026", "  clsoed 2026")).unwrap();
    let mut client = Client::start(contract.parent().unwrap());
    let (contract_uri, library_uri) = (uri(&contract), uri(&library));
    client.open(&contract_uri, CONTRACT);
    let list = client.diagnostics(&library_uri, |l| !l.is_empty());
    assert_eq!(list[0]["range"]["start"], position(1, 2), "{list:?}");
    assert_eq!(list[0]["code"], "E002", "{list:?}");
    // Closing the contract clears what its check said of the library.
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": contract_uri}}),
    );
    client.diagnostics(&library_uri, <[Value]>::is_empty);
    client.shutdown();
}

#[test]
fn formatting_is_one_edit_and_refused_on_syntax_errors() {
    let (_dir, contract, _) = workspace();
    let mut client = Client::start(contract.parent().unwrap());
    let uri = uri(&contract);
    let messy = CONTRACT.replace("  id        \"T-1\"", "      id \"T-1\"");
    client.open(&uri, &messy);
    let params = json!({
        "textDocument": {"uri": uri},
        "options": {"tabSize": 2, "insertSpaces": true},
    });
    let edits = client.result("textDocument/formatting", params.clone());
    let edits = edits.as_array().unwrap();
    assert_eq!(edits.len(), 1, "{edits:?}");
    assert_eq!(edits[0]["newText"], CONTRACT);
    let last = messy.lines().count() as u64;
    assert_eq!(
        edits[0]["range"],
        json!({"start": position(0, 0), "end": position(last, 0)})
    );

    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"text": CONTRACT.replace("  scope {", "  scope { bogus")}],
        }),
    );
    let refused = client.request("textDocument/formatting", params);
    let error = &refused["error"];
    assert!(
        error["message"].as_str().unwrap().contains("syntax error"),
        "{refused}"
    );
    client.shutdown();
}

#[test]
fn document_symbols_are_the_outline() {
    let (_dir, contract, _) = workspace();
    let mut client = Client::start(contract.parent().unwrap());
    let uri = uri(&contract);
    client.open(&uri, CONTRACT);
    client.diagnostics(&uri, |_| true);
    let symbols = client.result(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri}}),
    );
    let contract = &symbols[0];
    assert_eq!(contract["name"], "客户服务 😀 SLA");
    let names: Vec<&str> = contract["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "client 艾克姆😀",
            "provider 海普",
            "business",
            "always",
            "hotline",
            "email",
            "P1",
            "P2",
            "exclusions"
        ]
    );
    let p1 = &contract["children"][6];
    let targets: Vec<&str> = p1["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(targets, ["response 15 minutes", "resolution 4 hours"]);
    let line = line_of(CONTRACT, "priority P1");
    assert_eq!(p1["selectionRange"], range(line, 11, 13));
    assert_eq!(
        contract["children"][8]["children"][0]["name"],
        "force-majeure"
    );
    client.shutdown();
}

/// The protocol: `exit` before `shutdown` ends the server with code 1.
#[test]
fn exit_without_shutdown_is_exit_code_one() {
    let (_dir, contract, _) = workspace();
    let mut client = Client::start(contract.parent().unwrap());
    client.notify("exit", Value::Null);
    assert_eq!(client.exit_code(), Some(1));
}

/// A message whose `Content-Length` is above the limit is refused before
/// anything is allocated: the editor is told, and the session ends with
/// the usage exit code (lsp-server's own transport would allocate the
/// 1 TB and abort).
#[test]
fn a_message_above_the_size_limit_ends_the_session_with_a_message() {
    let (_dir, contract, _) = workspace();
    let mut client = Client::start(contract.parent().unwrap());
    write!(client.stdin, "Content-Length: 1000000000000\r\n\r\n{{").unwrap();
    client.stdin.flush().unwrap();
    let shown = loop {
        let message = client.next_message("window/showMessage");
        if message["method"] == "window/showMessage" {
            break message;
        }
    };
    let text = shown["params"]["message"].as_str().unwrap();
    assert!(
        text.contains("1000000000000 bytes") && text.contains("64 MiB"),
        "{shown}"
    );
    assert_eq!(shown["params"]["type"], 1, "an error: {shown}");
    assert_eq!(client.exit_code(), Some(2));
}

#[test]
fn an_unknown_request_gets_method_not_found() {
    let (_dir, contract, _) = workspace();
    let mut client = Client::start(contract.parent().unwrap());
    let response = client.request("slac/nothing", json!({}));
    assert_eq!(response["error"]["code"], -32601, "{response}");
    client.shutdown();
}

/// The `line`, and the UTF-16 column of `word` in it, of the first line
/// holding `needle`.
fn find(text: &str, needle: &str, word: &str) -> (u64, u64) {
    let line = line_of(text, needle);
    let content = text.lines().nth(line as usize).unwrap();
    let at = content.find(word).unwrap();
    (line, content[..at].encode_utf16().count() as u64)
}

fn at(uri: &str, (line, character): (u64, u64)) -> Value {
    json!({"textDocument": {"uri": uri}, "position": position(line, character)})
}

#[test]
fn definition_goes_to_the_declaration_also_in_a_used_library() {
    let (_dir, contract, library) = workspace();
    let mut client = Client::start(contract.parent().unwrap());
    let (uri, library_uri) = (uri(&contract), uri(&library));
    // The library is open with unsaved text: its set one line further down.
    let unsaved = format!("// moved\n{LIBRARY}");
    client.open(&library_uri, &unsaved);
    client.open(&uri, CONTRACT);
    client.diagnostics(&uri, |_| true);

    // From `clock always` on P1 to `calendar always`.
    let (line, column) = find(CONTRACT, "clock always }", "always");
    let found = client.result("textDocument/definition", at(&uri, (line, column + 2)));
    let (decl_line, decl_column) = find(CONTRACT, "calendar always", "always");
    assert_eq!(
        found,
        json!([{"uri": uri, "range": range(decl_line, decl_column, decl_column + 6)}])
    );

    // From `holidays team-days` into the library's unsaved text.
    let (line, column) = find(CONTRACT, "holidays team-days", "team-days");
    let found = client.result("textDocument/definition", at(&uri, (line, column)));
    assert_eq!(
        found,
        json!([{"uri": library_uri, "range": range(1, 9, 18)}]),
        "the set is on line 1 of the unsaved text"
    );

    // Nothing to go to from a keyword.
    let found = client.result("textDocument/definition", at(&uri, (line, 5)));
    assert_eq!(found, Value::Null);
    client.shutdown();
}

#[test]
fn references_and_rename_cover_every_use() {
    let (_dir, contract, library) = workspace();
    let mut client = Client::start(contract.parent().unwrap());
    let (uri, library_uri) = (uri(&contract), uri(&library));
    client.open(&uri, CONTRACT);
    client.diagnostics(&uri, |_| true);

    // P1: declared once, used by two targets, the escalation.
    let (line, column) = find(CONTRACT, "priority P1", "P1");
    let mut params = at(&uri, (line, column));
    params["context"] = json!({"includeDeclaration": true});
    let found = client.result("textDocument/references", params.clone());
    let lines: Vec<u64> = found
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["range"]["start"]["line"].as_u64().unwrap())
        .collect();
    let expected = vec![
        line,
        line_of(CONTRACT, "P1 within 15 minutes"),
        line_of(CONTRACT, "P1 within 4 hours"),
        line_of(CONTRACT, "escalate P1"),
    ];
    assert_eq!(lines, expected, "{found}");
    params["context"] = json!({"includeDeclaration": false});
    let found = client.result("textDocument/references", params);
    assert_eq!(found.as_array().unwrap().len(), 3);

    // Renaming the channel `email` edits its declaration and `submit via`.
    let (line, column) = find(CONTRACT, "channel email", "email");
    let mut params = at(&uri, (line, column + 1));
    params["newName"] = json!("mail");
    let edit = client.result("textDocument/rename", params.clone());
    let edits = edit["changes"][&uri].as_array().unwrap();
    let (via_line, via_column) = find(CONTRACT, "submit via", "email");
    assert_eq!(
        edits,
        &vec![
            json!({"range": range(line, column, column + 5), "newText": "mail"}),
            json!({"range": range(via_line, via_column, via_column + 5), "newText": "mail"}),
        ]
    );

    // Refused: a name that is taken, and one that is no name.
    params["newName"] = json!("hotline");
    let refused = client.request("textDocument/rename", params.clone());
    assert!(
        refused["error"]["message"]
            .as_str()
            .unwrap()
            .contains("already a channel `hotline`"),
        "{refused}"
    );
    params["newName"] = json!("two words");
    let refused = client.request("textDocument/rename", params);
    assert_eq!(refused["error"]["code"], -32602, "{refused}");

    // A holiday set is renamed in the library too.
    let (line, column) = find(CONTRACT, "holidays team-days", "team-days");
    let mut params = at(&uri, (line, column));
    params["newName"] = json!("team");
    let edit = client.result("textDocument/rename", params);
    assert_eq!(
        edit["changes"][&library_uri],
        json!([{"range": range(0, 9, 18), "newText": "team"}])
    );
    assert_eq!(edit["changes"][&uri].as_array().unwrap().len(), 1);
    client.shutdown();
}

/// A contract with no `use`, so it has a model to hover over.
fn checked_contract() -> String {
    CONTRACT
        .replace("use \"holidays/team.sla\"\n\n", "")
        .replace("    holidays team-days\n", "")
        .replace("hours bussiness", "hours business")
        .replace(
            "  calendar always",
            "  holidays team-days \"团队假日\" {\n    closed 2026-10-01..2026-10-07 \"国庆节\"\n  }\n  calendar always",
        )
}

#[test]
fn hover_says_targets_with_due_times_a_calendar_week_and_a_sets_days() {
    let (_dir, contract, _) = workspace();
    let text = checked_contract();
    std::fs::write(&contract, &text).unwrap();
    let mut client = Client::start(contract.parent().unwrap());
    let uri = uri(&contract);
    client.open(&uri, &text);
    let list = client.diagnostics(&uri, |_| true);
    assert!(
        list.iter().all(|d| d["severity"] != 1),
        "the contract checks: {list:?}"
    );
    let hover = |client: &mut Client, needle: &str, word: &str| -> String {
        let found = client.result("textDocument/hover", at(&uri, find(&text, needle, word)));
        found["contents"]["value"].as_str().unwrap().to_owned()
    };

    let p1 = hover(&mut client, "P1 within 15", "P1");
    assert!(p1.contains("**priority `P1`** 紧急"), "{p1}");
    assert!(p1.contains("A request received now"), "{p1}");
    assert!(p1.contains("response due"), "{p1}");
    assert!(
        p1.contains("P1 within 15 minutes on calendar `always`"),
        "{p1}"
    );
    assert!(p1.contains("resolution due"), "{p1}");

    let business = hover(&mut client, "calendar business", "business");
    assert!(
        business.contains("**calendar `business`** 工作日 (Asia/Shanghai)"),
        "{business}"
    );
    assert!(
        business.contains("mon-fri 09:00-18:00\nsat-sun closed\n"),
        "{business}"
    );

    let set = hover(&mut client, "holidays team-days", "team-days");
    assert!(
        set.contains("**holiday set `team-days`** 团队假日"),
        "{set}"
    );
    // The days of this year: the set's 2026 days show only in 2026.
    let this_year = chrono::Utc::now().format("%Y").to_string();
    if this_year == "2026" {
        assert!(
            set.contains("2026-10-01 Thu closed 国庆节 [team-days]"),
            "{set}"
        );
    } else {
        assert!(set.contains(&format!("No days in {this_year}.")), "{set}");
    }
    client.shutdown();
}

fn labels(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn completion_offers_what_fits_the_place() {
    let (_dir, contract, _) = workspace();
    let mut client = Client::start(contract.parent().unwrap());
    let uri = uri(&contract);
    client.open(&uri, CONTRACT);
    client.diagnostics(&uri, |_| true);
    let mut complete = |text: &str, version: i64| -> Vec<String> {
        // The text up to the cursor is the edited contract's, cursor at the
        // end of the line that holds `|`.
        let line = line_of(text, "|");
        let content = text.lines().nth(line as usize).unwrap();
        let column = content[..content.find('|').unwrap()].encode_utf16().count() as u64;
        client.notify(
            "textDocument/didChange",
            json!({
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"text": text.replace('|', "")}],
            }),
        );
        labels(&client.result("textDocument/completion", at(&uri, (line, column))))
    };

    // Calendars after `hours`, declared in this contract.
    let names = complete(&CONTRACT.replace("hours bussiness", "hours |"), 2);
    assert_eq!(names, ["business", "always"]);

    // The keywords of a channel's block, not every keyword.
    let fields = complete(&CONTRACT.replace("{ hours always }", "{\n    |\n  }"), 3);
    assert_eq!(fields, ["hours", "availability", "contact", "aka"]);

    // Item keywords in the contract's body.
    let items = complete(&CONTRACT.replace("  scope {", "  |\n  scope {"), 4);
    assert!(items.contains(&"calendar".to_owned()) && items.contains(&"priority".to_owned()));
    assert!(!items.contains(&"hours".to_owned()), "{items:?}");

    // Units after a number.
    let units = complete(&CONTRACT.replace("P2 within 2 hours", "P2 within 2 |"), 5);
    assert_eq!(units, ["minutes", "hours", "days", "business days"]);

    // Priorities at the start of a target line.
    let priorities = complete(&CONTRACT.replace("    P2 within 2 hours", "    |"), 6);
    assert_eq!(priorities, ["P1", "P2"]);

    // IANA time zones after `timezone`, the quotes inserted.
    let zones = complete(
        &CONTRACT.replace("timezone  \"Asia/Shanghai\"", "timezone  |"),
        7,
    );
    assert!(
        zones.contains(&"Asia/Shanghai".to_owned()) && zones.contains(&"Europe/London".to_owned())
    );
    assert!(zones.len() > 400, "{}", zones.len());
    client.shutdown();
}

#[test]
fn a_request_during_a_long_check_is_answered_from_the_last_check() {
    let (_dir, contract, _) = workspace();
    // A 2 MB contract: thousands of terms, Chinese text in each.
    let terms: String = (0..22_000)
        .map(|i| {
            format!(
                "  term \"合格服务请求{i}\" \"通过约定渠道提交、信息完整的服务请求，编号 {i}。\"\n"
            )
        })
        .collect();
    let big = checked_contract().replace("  scope {", &format!("{terms}\n  scope {{"));
    assert!(big.len() > 2_000_000);
    std::fs::write(&contract, &big).unwrap();
    let mut client = Client::start(contract.parent().unwrap());
    let uri = uri(&contract);
    client.open(&uri, &big);
    client.diagnostics(&uri, |_| true);

    // An unused calendar: a new warning once the change is checked.
    let line = line_of(&big, "calendar always");
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{
                "range": range(line, 0, 0),
                "text": "  calendar spare \"备用\" 24x7\n",
            }],
        }),
    );
    let started = Instant::now();
    let symbols = client.result(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri}}),
    );
    let answered = started.elapsed();
    let published_before = client
        .notifications
        .iter()
        .any(|n| n["method"] == "textDocument/publishDiagnostics");
    assert!(
        !published_before,
        "the check of version 2 ended before the answer"
    );
    let names = labels_of(&symbols[0]["children"]);
    assert!(
        !names.contains(&"spare".to_owned()),
        "answered from version 1: {names:?}"
    );

    let spare = |d: &Value| d["code"] == "W005" && d["message"].as_str().unwrap().contains("spare");
    client.diagnostics(&uri, |l| l.iter().any(spare));
    let checked = started.elapsed();
    assert!(
        answered < checked,
        "answered in {answered:?}, checked in {checked:?}"
    );
    let symbols = client.result(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri}}),
    );
    assert!(labels_of(&symbols[0]["children"]).contains(&"spare".to_owned()));
    client.shutdown();
}

fn labels_of(symbols: &Value) -> Vec<String> {
    symbols
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap().to_owned())
        .collect()
}
