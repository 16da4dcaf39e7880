//! Argument definitions and what every command shares: loading a contract,
//! printing diagnostics, writing an output file whole or not at all, and the
//! exit codes (0 success, 1 the contract has errors or a check failed,
//! 2 usage or I/O error).

mod build;
mod check;
mod completions;
mod diff;
mod due;
mod eval;
mod fmt;
mod holidays;
mod init;
mod log_reading;
mod lsp;
mod output;
mod render;
mod schema;

use chrono::{DateTime, Utc};
use clap::{Args, Parser, Subcommand, ValueEnum};
use slac::load::Root;
use slac::Checked;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub use output::{
    format_for, refuse_input_as_output, write_new_file, write_output, write_over_unchanged,
    ByExtension,
};

#[derive(Parser, Debug)]
#[command(
    name = "slac",
    version,
    about = "The SLA contract compiler: check .sla contracts, build rule sets, render the signed appendix, compute due times and evaluate ticket logs."
)]
pub struct Cli {
    /// When to colour output: `auto` colours a terminal unless NO_COLOR is set
    /// (CLICOLOR=0 turns it off, CLICOLOR_FORCE=1 forces it on).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Parse and check contracts: files, or folders searched for `*.sla`.
    Check(CheckArgs),
    /// Compile a contract into its rule set (JSON or YAML).
    Build(BuildArgs),
    /// Render the appendix both parties sign (Markdown or HTML).
    Render(RenderArgs),
    /// Response and resolution due times of one request.
    Due(DueArgs),
    /// Compliance of a ticket log (CSV or JSON Lines) against a contract.
    Eval(EvalArgs),
    /// Print the JSON Schema of the rule set.
    Schema,
    /// Write a new contract from the built-in template, placeholders included.
    Init(InitArgs),
    /// Format contracts in place (canonical layout, comments kept).
    Fmt(FmtArgs),
    /// What changed in meaning between two versions of a contract.
    Diff(DiffArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    Completions(CompletionsArgs),
    /// Print the manual page (roff) of slac, or of one command.
    Man(ManArgs),
    /// Holiday sets: `show` the days of a library's or a contract's sets,
    /// `import` an iCalendar feed as a library.
    Holidays(holidays::HolidaysArgs),
    /// Run the language server on stdin and stdout (for editors).
    Lsp,
}

/// `--root DIR`, for every command that loads a contract.
#[derive(Args, Debug, Clone, Default)]
pub struct RootArg {
    /// The project root: `use` reads only files under it (default: the
    /// nearest folder up from the contract that holds `.git`, else the
    /// contract's own folder).
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,
}

impl RootArg {
    /// The root for `file`: the one given, else the one it lies in.
    pub fn for_file(&self, file: &Path) -> Result<Root, Failure> {
        match &self.root {
            Some(dir) => Root::given(dir)
                .map_err(|e| Failure::usage(format!("cannot use `--root {}`: {e}", dir.display()))),
            None => Ok(Root::enclosing(file)),
        }
    }
}

#[derive(Args, Debug)]
pub struct CompletionsArgs {
    /// The shell, e.g. `slac completions bash > /etc/bash_completion.d/slac`.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Args, Debug)]
pub struct ManArgs {
    /// A command (`diff`) for its own page, slac-diff(1).
    pub command: Option<String>,
}

#[derive(Args, Debug)]
pub struct DiffArgs {
    /// The old version.
    pub old: PathBuf,
    /// The new version.
    pub new: PathBuf,
    /// `text` for a person, `json` for tools, `markdown` for a pull-request comment.
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
    /// Exit 1 when anything changed in meaning.
    #[arg(long)]
    pub exit_code: bool,
    #[command(flatten)]
    pub root: RootArg,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiffFormat {
    Text,
    Json,
    Markdown,
}

#[derive(Args, Debug)]
pub struct FmtArgs {
    /// Files or folders of `.sla` contracts.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Change nothing; list the files that are not formatted and exit 1.
    #[arg(long)]
    pub check: bool,
    #[command(flatten)]
    pub root: RootArg,
}

#[derive(Args, Debug)]
pub struct InitArgs {
    /// The file to create (never overwritten); standard output without one.
    pub file: Option<PathBuf>,
    /// The template's language.
    #[arg(long, value_parser = ["zh-CN", "en"], default_value = "zh-CN")]
    pub lang: String,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Files or folders of `.sla` contracts.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Output format of the diagnostics.
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
    /// Treat warnings as errors (exit 1).
    #[arg(long)]
    pub deny_warnings: bool,
    #[command(flatten)]
    pub root: RootArg,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckFormat {
    Human,
    /// One line per diagnostic, `file:line:col: CODE message`.
    Concise,
    Json,
    Github,
    Sarif,
}

#[derive(Args, Debug)]
pub struct BuildArgs {
    /// The contract.
    pub file: PathBuf,
    /// Write here instead of standard output (whole or not at all).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// The rule set's format (default: by the `-o` file's extension,
    /// `.yaml`/`.yml` or `.json`, else JSON).
    #[arg(long, value_enum)]
    pub format: Option<BuildFormat>,
    /// Allow placeholders: the rule set is marked `"draft": true`.
    #[arg(long)]
    pub draft: bool,
    #[command(flatten)]
    pub root: RootArg,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum BuildFormat {
    Json,
    Yaml,
}

impl ByExtension for BuildFormat {
    fn from_extension(extension: &str) -> Option<Self> {
        match extension {
            "json" => Some(BuildFormat::Json),
            "yaml" | "yml" => Some(BuildFormat::Yaml),
            _ => None,
        }
    }
}

#[derive(Args, Debug)]
pub struct RenderArgs {
    /// The contract.
    pub file: PathBuf,
    /// Write here instead of standard output (whole or not at all).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// The appendix's format (default: by the `-o` file's extension,
    /// `.html`/`.htm`, `.pdf` or `.md`/`.markdown`, else Markdown).
    #[arg(long = "to", value_enum)]
    pub to: Option<RenderFormat>,
    /// Language of the fixed text (default: the contract's `language`).
    #[arg(long, value_parser = ["zh-CN", "en"])]
    pub lang: Option<String>,
    /// Allow placeholders; they are rendered highlighted.
    #[arg(long)]
    pub draft: bool,
    /// PDF only: take fonts from this folder instead of the system's (the
    /// built-in Latin fonts are always there). For tests; see docs/appendix.md.
    #[arg(long, hide = true, env = "SLAC_FONT_DIR")]
    pub font_dir: Option<PathBuf>,
    #[command(flatten)]
    pub root: RootArg,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum RenderFormat {
    Markdown,
    Html,
    /// Typeset by the built-in engine, fonts embedded.
    Pdf,
}

impl ByExtension for RenderFormat {
    fn from_extension(extension: &str) -> Option<Self> {
        match extension {
            "md" | "markdown" => Some(RenderFormat::Markdown),
            "html" | "htm" => Some(RenderFormat::Html),
            "pdf" => Some(RenderFormat::Pdf),
            _ => None,
        }
    }
}

#[derive(Args, Debug)]
pub struct DueArgs {
    /// The contract.
    pub file: PathBuf,
    /// The priority of the request, e.g. `P1`.
    #[arg(long)]
    pub priority: String,
    /// When the request was received, RFC 3339 with offset
    /// (`2027-03-01T17:30:00+08:00`).
    #[arg(long)]
    pub received: String,
    /// A pause of the resolution clock, `FROM/TO` in RFC 3339; repeatable.
    #[arg(long)]
    pub paused: Vec<String>,
    #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
    pub format: TextOrJson,
    #[command(flatten)]
    pub root: RootArg,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextOrJson {
    Text,
    Json,
}

#[derive(Args, Debug)]
pub struct EvalArgs {
    /// The contract.
    pub file: PathBuf,
    /// The ticket log: CSV with a header, or JSON Lines. It may be left out
    /// when `--outages` is given.
    #[arg(required_unless_present = "outages")]
    pub tickets: Option<PathBuf>,
    /// The outage log (§11): CSV with a header, or JSON Lines, by extension
    /// (`.jsonl`/`.ndjson`); availability per channel is measured from it.
    #[arg(long, value_name = "FILE")]
    pub outages: Option<PathBuf>,
    /// A status history (`ticket_id, status, from, to`; read like the
    /// ticket log): time a ticket spends in a status of the contract's
    /// `pause on` pauses its resolution clock.
    #[arg(long, value_name = "FILE", requires = "tickets")]
    pub statuses: Option<PathBuf>,
    /// Tickets still open at this instant are pending unless already due
    /// (RFC 3339; default: now).
    #[arg(long)]
    pub as_of: Option<String>,
    #[arg(long, value_enum, default_value_t = EvalPeriod::Monthly)]
    pub period: EvalPeriod,
    /// The report's format (default: by the `-o` file's extension, `.json`,
    /// `.md`/`.markdown`, `.html`/`.htm` or `.txt`, else text).
    #[arg(long, value_enum)]
    pub format: Option<EvalFormat>,
    /// Language of the text, Markdown and HTML report (default: the
    /// contract's `language`); JSON and CSV keep their English keys.
    #[arg(long, value_parser = ["zh-CN", "en"])]
    pub lang: Option<String>,
    /// The log's format (default: by extension, `.jsonl`/`.ndjson`, `.xlsx`
    /// or CSV).
    #[arg(long, value_enum)]
    pub input_format: Option<InputFormat>,
    /// The ticket log's text encoding: auto (a byte-order mark, else UTF-8,
    /// else GB18030 when it decodes cleanly), utf-8, utf-16le, utf-16be,
    /// gb18030 or gbk.
    #[arg(long, default_value = "auto", value_parser = parse_encoding)]
    pub encoding: slac::eval::input::Encoding,
    /// The ticket log's CSV delimiter: auto (sniffed from the header line),
    /// `,`, `;` or tab (default for `.tsv`).
    #[arg(long, value_parser = parse_delimiter)]
    pub delimiter: Option<slac::eval::input::Delimiter>,
    /// The sheet of an `.xlsx` ticket log (default: the first).
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Write the report here instead of standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Also write one row per ticket and target (met, breached, pending or
    /// excluded, its due time and by how much it was late): `.csv` or
    /// `.jsonl`, written whole or not at all.
    #[arg(long, value_name = "FILE", requires = "tickets")]
    pub tickets_out: Option<PathBuf>,
    /// Exit 1 when any target was missed, or has no data at all.
    #[arg(long)]
    pub fail_on_breach: bool,
    /// With --fail-on-breach: accept targets that have no data at all
    /// (no decided ticket in the log).
    #[arg(long)]
    pub allow_empty: bool,
    #[command(flatten)]
    pub reading: log_reading::ReadingArgs,
    #[command(flatten)]
    pub root: RootArg,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum EvalPeriod {
    Monthly,
    Quarterly,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum EvalFormat {
    Text,
    Json,
    Markdown,
    Html,
}

impl ByExtension for EvalFormat {
    fn from_extension(extension: &str) -> Option<Self> {
        match extension {
            "txt" => Some(EvalFormat::Text),
            "json" => Some(EvalFormat::Json),
            "md" | "markdown" => Some(EvalFormat::Markdown),
            "html" | "htm" => Some(EvalFormat::Html),
            _ => None,
        }
    }
}

fn parse_encoding(text: &str) -> Result<slac::eval::input::Encoding, String> {
    use slac::eval::input::Encoding;
    Encoding::parse(text).ok_or_else(|| format!("not an encoding slac reads ({})", Encoding::NAMES))
}

fn parse_delimiter(text: &str) -> Result<slac::eval::input::Delimiter, String> {
    use slac::eval::input::Delimiter;
    Delimiter::parse(text)
        .ok_or_else(|| format!("not a delimiter slac reads ({})", Delimiter::NAMES))
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputFormat {
    Csv,
    Jsonl,
    Xlsx,
}

/// Exit codes of every command.
pub const OK: u8 = 0;
pub const FAILED: u8 = 1;
pub const USAGE: u8 = 2;

/// An error that ends a command: a message and its exit code.
#[derive(Debug)]
pub struct Failure {
    pub message: String,
    pub code: u8,
}

impl Failure {
    /// A usage or I/O error (exit 2).
    pub fn usage(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            code: USAGE,
        }
    }

    /// The input was understood but is wrong (exit 1).
    pub fn failed(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            code: FAILED,
        }
    }
}

pub type CmdResult = Result<u8, Failure>;

pub fn run(cli: Cli) -> ExitCode {
    let color = cli.color.enabled_for_stderr();
    let result = match &cli.command {
        Command::Check(args) => check::run(args, cli.color),
        Command::Build(args) => build::run(args, color),
        Command::Render(args) => render::run(args, color),
        Command::Due(args) => due::run(args, color),
        Command::Eval(args) => eval::run(args, color),
        Command::Schema => schema::run(),
        Command::Init(args) => init::run(args),
        Command::Fmt(args) => fmt::run(args, color),
        Command::Diff(args) => diff::run(args, color),
        Command::Completions(args) => completions::completions(args),
        Command::Man(args) => completions::man(args),
        Command::Holidays(args) => holidays::run(args, color),
        Command::Lsp => lsp::run(),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(failure) => {
            eprintln!("error: {}", failure.message);
            ExitCode::from(failure.code)
        }
    }
}

/// When to colour output.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether to colour a stream: `always`/`never` as said; `auto` colours
    /// a terminal unless NO_COLOR is set or CLICOLOR=0, and CLICOLOR_FORCE
    /// (not 0) colours even a pipe.
    pub fn enabled(self, is_terminal: bool) -> bool {
        let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                if var("NO_COLOR").is_some() {
                    false
                } else if var("CLICOLOR_FORCE").is_some_and(|v| v != "0") {
                    true
                } else if var("CLICOLOR").is_some_and(|v| v == "0") {
                    false
                } else {
                    is_terminal
                }
            }
        }
    }

    pub fn enabled_for_stderr(self) -> bool {
        self.enabled(std::io::stderr().is_terminal())
    }

    pub fn enabled_for_stdout(self) -> bool {
        self.enabled(std::io::stdout().is_terminal())
    }
}

/// An RFC 3339 time with offset, or a usage error naming the argument.
pub fn parse_time(argument: &str, text: &str) -> Result<DateTime<Utc>, Failure> {
    DateTime::parse_from_rfc3339(text.trim())
        .map(|t| t.to_utc())
        .map_err(|e| {
            Failure::usage(format!(
                "{argument} `{text}` is not an RFC 3339 time with offset ({e}); \
                 write it like 2027-03-01T17:30:00+08:00"
            ))
        })
}

/// Reads a contract file, refusing one larger than
/// [`slac::load::MAX_FILE_BYTES`] (also when its size is not known up
/// front, as for a pipe): a usage error (exit 2), like any I/O error.
pub fn read_contract(path: &Path) -> Result<Vec<u8>, Failure> {
    slac::load::read_file(path).map_err(|e| match e {
        slac::load::ReadError::Io(e) => {
            Failure::usage(format!("cannot read `{}`: {e}", path.display()))
        }
        slac::load::ReadError::TooLarge => Failure::usage(format!(
            "`{}` is larger than {} MB: not a contract file (a contract is a few kilobytes)",
            path.display(),
            slac::load::MAX_FILE_BYTES / (1024 * 1024)
        )),
    })
}

/// Reads and checks a contract file with the files it uses: I/O errors are
/// usage errors (exit 2); text that is not UTF-8 becomes an E004
/// diagnostic like any other.
pub fn read_and_check(path: &Path, root: &RootArg) -> Result<Checked, Failure> {
    let root = root.for_file(path)?;
    let bytes = read_contract(path)?;
    Ok(slac::front::check_path(
        path,
        &path.display().to_string(),
        bytes,
        &root,
    ))
}

/// Loads and checks one contract for a command that needs its model
/// (`build`, `render`, `due`, `eval`). Diagnostics are printed to standard
/// error; the command fails (exit 1) on errors, and on placeholders unless
/// `draft` (W001 then counts as an error).
pub fn load_model(
    path: &Path,
    root: &RootArg,
    draft: bool,
    color: bool,
) -> Result<Checked, Failure> {
    load_model_hiding(path, root, draft, color, &[])
}

/// [`load_model`], not printing the warnings of the `hidden` codes: for a
/// command that says the same about its own input, more precisely (`due`
/// warns W010 only when the due times reach a year with no holidays).
pub fn load_model_hiding(
    path: &Path,
    root: &RootArg,
    draft: bool,
    color: bool,
    hidden: &[slac::Code],
) -> Result<Checked, Failure> {
    let mut checked = read_and_check(path, root)?;
    if checked.kind == slac::ast::FileKind::Library {
        return Err(Failure::usage(format!(
            "`{}` is a holiday library, not a contract: use its sets from a contract's calendar (`slac check` checks the library itself)",
            path.display()
        )));
    }
    if !draft {
        checked.placeholders_are_errors();
    }
    let shown: Vec<slac::Diagnostic> = checked
        .diagnostics
        .iter()
        .filter(|d| d.is_error() || !hidden.contains(&d.code))
        .cloned()
        .collect();
    if !shown.is_empty() {
        eprint!("{}", slac::report::human(&checked.sources, &shown, color));
    }
    if checked.has_errors() || checked.model.is_none() {
        let hint = if !draft && checked.has_placeholders() {
            " (placeholders need `--draft`)"
        } else {
            ""
        };
        return Err(Failure::failed(format!(
            "`{}` has errors{hint}; nothing was written",
            path.display()
        )));
    }
    Ok(checked)
}

/// The `.sla` files below a folder, sorted, recursing.
fn contracts_in(folder: &Path, found: &mut Vec<PathBuf>) -> Result<(), Failure> {
    let entries = std::fs::read_dir(folder)
        .map_err(|e| Failure::usage(format!("cannot read folder `{}`: {e}", folder.display())))?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        // Symlinked folders are not followed: a link to `.` would make the
        // walk endless (or check the same contract many times).
        let is_link = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
        if path.is_dir() {
            if !is_link {
                contracts_in(&path, found)?;
            }
        } else if path.extension().is_some_and(|e| e == "sla") {
            found.push(path);
        }
    }
    Ok(())
}

/// Files named directly, and `.sla` files in folders named.
pub fn collect(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Failure> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let before = files.len();
            contracts_in(path, &mut files)?;
            if files.len() == before {
                return Err(Failure::usage(format!(
                    "no `.sla` contracts in folder `{}`",
                    path.display()
                )));
            }
        } else if path.exists() {
            files.push(path.clone());
        } else {
            return Err(Failure::usage(format!(
                "no such file or folder `{}`",
                path.display()
            )));
        }
    }
    Ok(files)
}
