//! Running the built binary in tests: standard output of a run that must succeed.

use std::path::Path;
use std::process::Command;

/// Standard output of a successful `jobpost ARGS` run in `dir`, with the user's
/// preset and template folders out of the way.
pub fn stdout_of(dir: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_jobpost"))
        .args(args)
        .current_dir(dir)
        .env_remove("JOBPOST_ROLES")
        .env_remove("JOBPOST_TEMPLATES")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{args:?}: {stderr}");
    String::from_utf8(out.stdout).unwrap()
}
