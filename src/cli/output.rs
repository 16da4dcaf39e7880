//! Where a command's output goes: written whole or not at all, never over
//! one of the run's inputs, in the format the flag or the file's extension
//! says.

use super::Failure;
use clap::ValueEnum;
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` whole or not at all: a temporary file in the
/// same folder, then a rename. Without a path, writes to standard output.
/// A file replaced keeps its permissions; through a symbolic link, the file
/// it points to is replaced and the link stays a link.
pub fn write_output(path: Option<&Path>, bytes: &[u8]) -> Result<(), Failure> {
    publish(path, bytes, Replace::Any)
}

/// As [`write_output`], for a file that must not exist yet (`slac init`):
/// refused when it does, also when another program creates it while this
/// one writes (the temporary file is linked to the name, which fails on an
/// existing name, rather than renamed over it).
pub fn write_new_file(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    publish(Some(path), bytes, Replace::Absent)
}

/// As [`write_output`], replacing `path` only if it still holds `read`
/// (`slac fmt` in place): an editor's save between the read and the write
/// is kept, and the run says so, rather than overwritten.
pub fn write_over_unchanged(path: &Path, bytes: &[u8], read: &[u8]) -> Result<(), Failure> {
    publish(Some(path), bytes, Replace::Unchanged(read))
}

/// What may be at the output path when the new contents take its place.
#[derive(Clone, Copy)]
enum Replace<'a> {
    Any,
    Absent,
    Unchanged(&'a [u8]),
}

fn publish(path: Option<&Path>, bytes: &[u8], replace: Replace<'_>) -> Result<(), Failure> {
    use std::io::Write;
    let Some(named) = path else {
        let mut stdout = std::io::stdout().lock();
        return stdout
            .write_all(bytes)
            .and_then(|()| stdout.flush())
            .map_err(|e| Failure::usage(format!("cannot write to standard output: {e}")));
    };
    let exists = || {
        Failure::usage(format!(
            "`{}` already exists; not overwriting it",
            named.display()
        ))
    };
    if matches!(replace, Replace::Absent) && std::fs::symlink_metadata(named).is_ok() {
        return Err(exists());
    }
    let is_link = std::fs::symlink_metadata(named).is_ok_and(|m| m.file_type().is_symlink());
    let target = if is_link {
        std::fs::canonicalize(named).map_err(|e| {
            Failure::usage(format!(
                "cannot write `{}`: it is a symbolic link to nothing readable ({e})",
                named.display()
            ))
        })?
    } else {
        named.to_path_buf()
    };
    let path = target.as_path();
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    let temporary = folder.join(format!(".{name}.slac-{}.tmp", std::process::id()));
    let permissions = std::fs::metadata(path).ok().map(|m| m.permissions());
    let written = std::fs::File::create(&temporary).and_then(|mut file| {
        file.write_all(bytes)?;
        if let Some(permissions) = permissions {
            file.set_permissions(permissions)?;
        }
        file.sync_all()
    });
    let cleanup = || {
        let _ = std::fs::remove_file(&temporary);
    };
    let failed =
        |e: std::io::Error| Failure::usage(format!("cannot write `{}`: {e}", named.display()));
    if let Err(e) = written {
        cleanup();
        return Err(failed(e));
    }
    let result = match replace {
        Replace::Any => std::fs::rename(&temporary, path),
        Replace::Unchanged(read) => {
            if std::fs::read(path).ok().as_deref() != Some(read) {
                cleanup();
                return Err(Failure::usage(format!(
                    "`{}` changed while it was being formatted; left as it is now (run again)",
                    named.display()
                )));
            }
            std::fs::rename(&temporary, path)
        }
        // A link fails on an existing name: no window between a check and
        // the write. Where links are not supported, a new file, written
        // in place, fails on an existing name too.
        Replace::Absent => match std::fs::hard_link(&temporary, path) {
            Ok(()) => {
                cleanup();
                Ok(())
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                cleanup();
                return Err(exists());
            }
            Err(_) => {
                cleanup();
                std::fs::OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .open(path)
                    .and_then(|mut file| file.write_all(bytes).and_then(|()| file.sync_all()))
                    .inspect_err(|e| {
                        if e.kind() != std::io::ErrorKind::AlreadyExists {
                            let _ = std::fs::remove_file(path);
                        }
                    })
            }
        },
    };
    result.map_err(|e| {
        cleanup();
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            exists()
        } else {
            failed(e)
        }
    })
}

/// Refuses (exit 2, before anything is written) an output file that is one
/// of the run's inputs. Compared by file identity, not by spelling: `x.sla`,
/// `./x.sla`, a symbolic link to it and a hard link of it are one file.
pub fn refuse_input_as_output(output: Option<&Path>, inputs: &[&Path]) -> Result<(), Failure> {
    let Some(output) = output else {
        return Ok(());
    };
    // An output that does not exist yet cannot be an input.
    let Ok(written) = std::fs::metadata(output) else {
        return Ok(());
    };
    for input in inputs {
        let Ok(read) = std::fs::metadata(input) else {
            continue;
        };
        if same_file(output, &written, input, &read) {
            return Err(Failure::usage(format!(
                "the output `{}` is the input `{}`; nothing was written (choose another -o file)",
                output.display(),
                input.display()
            )));
        }
    }
    Ok(())
}

#[cfg(unix)]
fn same_file(_: &Path, a: &std::fs::Metadata, _: &Path, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

/// Without inode numbers: the same canonical path (catches spellings and
/// symbolic links, not hard links).
#[cfg(not(unix))]
fn same_file(a: &Path, _: &std::fs::Metadata, b: &Path, _: &std::fs::Metadata) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// An output format that a file's extension can name.
pub trait ByExtension: ValueEnum + Copy + PartialEq {
    /// The format an extension (lower case, without the dot) names, if any.
    fn from_extension(extension: &str) -> Option<Self>;
}

/// The format to write: the flag when given, else the one the output file's
/// extension names, else `default`. A flag that contradicts the extension
/// (`--to markdown -o a.html`) is a usage error; an extension that names no
/// format leaves the choice to the flag or the default.
pub fn format_for<F: ByExtension>(
    flag: Option<F>,
    flag_name: &str,
    output: Option<&Path>,
    default: F,
) -> Result<F, Failure> {
    let implied = output
        .and_then(Path::extension)
        .map(|e| e.to_string_lossy().to_lowercase())
        .and_then(|e| F::from_extension(&e));
    match (flag, implied) {
        (Some(flag), Some(implied)) if flag != implied => Err(Failure::usage(format!(
            "`{flag_name} {}` contradicts the output file `{}`, whose extension means `{flag_name} {}`; \
             nothing was written (drop `{flag_name}` or rename the file)",
            name_of(flag),
            output.map(|p| p.display().to_string()).unwrap_or_default(),
            name_of(implied)
        ))),
        (Some(flag), _) => Ok(flag),
        (None, Some(implied)) => Ok(implied),
        (None, None) => Ok(default),
    }
}

fn name_of<F: ValueEnum>(format: F) -> String {
    format
        .to_possible_value()
        .map(|v| v.get_name().to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{BuildFormat, EvalFormat, RenderFormat, USAGE};

    fn at(name: &str) -> Option<&Path> {
        Some(Path::new(name))
    }

    /// The names left in `dir`: nothing temporary stays behind.
    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_new_file_is_written_once_and_never_over_another() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.sla");
        write_new_file(&path, b"first").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"first");
        // As when another program created the file after a look found none.
        let refused = write_new_file(&path, b"second").unwrap_err();
        assert!(
            refused.message.contains("already exists"),
            "{}",
            refused.message
        );
        assert_eq!(std::fs::read(&path).unwrap(), b"first");
        // A dangling link is a name taken too.
        #[cfg(unix)]
        {
            let link = dir.path().join("link.sla");
            std::os::unix::fs::symlink(dir.path().join("nowhere"), &link).unwrap();
            assert!(write_new_file(&link, b"x").is_err());
            assert!(!dir.path().join("nowhere").exists());
        }
        assert!(names(dir.path()).iter().all(|n| !n.ends_with(".tmp")));
    }

    #[test]
    fn a_file_changed_since_it_was_read_is_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.sla");
        std::fs::write(&path, b"saved by an editor meanwhile").unwrap();
        let refused = write_over_unchanged(&path, b"formatted", b"as read").unwrap_err();
        assert!(
            refused.message.contains("changed while"),
            "{}",
            refused.message
        );
        assert_eq!(
            std::fs::read(&path).unwrap(),
            b"saved by an editor meanwhile"
        );
        write_over_unchanged(&path, b"formatted", b"saved by an editor meanwhile").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"formatted");
        assert_eq!(names(dir.path()), ["c.sla"]);
    }

    #[test]
    fn the_extension_decides_without_a_flag() {
        let render = |name| format_for(None, "--to", at(name), RenderFormat::Markdown).unwrap();
        assert_eq!(render("a.html"), RenderFormat::Html);
        assert_eq!(render("A.HTM"), RenderFormat::Html);
        assert_eq!(render("a.md"), RenderFormat::Markdown);
        assert_eq!(render("a.markdown"), RenderFormat::Markdown);
        assert_eq!(render("a.pdf"), RenderFormat::Pdf);
        assert_eq!(render("a.txt"), RenderFormat::Markdown, "unknown: default");
        assert_eq!(render("noextension"), RenderFormat::Markdown);
        let build = |name| format_for(None, "--format", at(name), BuildFormat::Json).unwrap();
        assert_eq!(build("r.yaml"), BuildFormat::Yaml);
        assert_eq!(build("r.yml"), BuildFormat::Yaml);
        assert_eq!(build("r.json"), BuildFormat::Json);
        let eval = |name| format_for(None, "--format", at(name), EvalFormat::Text).unwrap();
        assert_eq!(eval("r.json"), EvalFormat::Json);
        assert_eq!(eval("r.md"), EvalFormat::Markdown);
        assert_eq!(eval("r.html"), EvalFormat::Html);
        assert_eq!(eval("r.txt"), EvalFormat::Text);
        assert_eq!(eval("r.csv"), EvalFormat::Text);
        assert_eq!(
            format_for(None, "--format", None, EvalFormat::Text).unwrap(),
            EvalFormat::Text
        );
    }

    #[test]
    fn a_flag_agreeing_or_unknown_extension_is_kept_a_contradiction_refused() {
        let html = Some(RenderFormat::Html);
        assert_eq!(
            format_for(html, "--to", at("a.html"), RenderFormat::Markdown).unwrap(),
            RenderFormat::Html
        );
        assert_eq!(
            format_for(html, "--to", at("a.page"), RenderFormat::Markdown).unwrap(),
            RenderFormat::Html
        );
        let e = format_for(
            Some(RenderFormat::Markdown),
            "--to",
            at("a.html"),
            RenderFormat::Markdown,
        )
        .unwrap_err();
        assert_eq!(e.code, USAGE);
        assert!(e.message.contains("`--to markdown`"), "{}", e.message);
        assert!(e.message.contains("`--to html`"), "{}", e.message);
    }
}
