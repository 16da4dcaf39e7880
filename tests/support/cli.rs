//! Running the real `slac` binary, for the test binaries that drive the CLI.

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Generous for a debug build on a shared 2-core machine; a hang or a
/// quadratic blow-up on a 5 MB line still trips it.
pub const TIME_LIMIT: Duration = Duration::from_secs(60);

/// What one run printed, and its exit code (-1 when killed).
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

fn package_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `slac ARGS…` started in folder `cwd`, with the colour variables cleared
/// (plus `env`), checked never to panic and to finish within [`TIME_LIMIT`].
pub fn run_in(cwd: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut cmd = Command::cargo_bin("slac").unwrap();
    for var in ["NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE"] {
        cmd.env_remove(var);
    }
    cmd.envs(env.iter().copied())
        .args(args)
        .current_dir(cwd)
        .timeout(TIME_LIMIT);
    let output = cmd.output().unwrap();
    let run = Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    };
    assert!(
        !run.stderr.contains("panicked"),
        "slac {args:?} panicked:\n{}",
        run.stderr
    );
    assert_ne!(
        run.code, -1,
        "slac {args:?} was killed (timeout {TIME_LIMIT:?}?)"
    );
    run
}

/// `slac ARGS…` in the package root, with `env`, as [`run_in`].
pub fn run_env(args: &[&str], env: &[(&str, &str)]) -> Run {
    run_in(&package_root(), args, env)
}

/// `slac ARGS…` in the package root, as [`run_in`].
pub fn run(args: &[&str]) -> Run {
    run_env(args, &[])
}
