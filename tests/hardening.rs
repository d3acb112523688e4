//! Hostile conditions the fixture folders cannot hold: a huge input file and a
//! full disk. Each must end in a clear message, exit code 2 and no partial file.
//!
//! This file has its own `main` (libtest-mimic) so that a check whose setup
//! cannot run here (mounting a small filesystem needs privileges) is reported
//! as `ignored` with the reason, in the normal test output, instead of passing.

use std::fs;
use std::path::Path;
use std::process::{Command, ExitCode, Output};

use libtest_mimic::{Arguments, Completion, Failed, Trial};

fn main() -> ExitCode {
    let trials = vec![
        Trial::test("a_huge_file_is_refused_by_size", || {
            a_huge_file_is_refused_by_size();
            Ok(())
        }),
        Trial::ignorable_test(
            "a_full_disk_is_reported_and_leaves_nothing_behind",
            a_full_disk_is_reported_and_leaves_nothing_behind,
        ),
    ];
    libtest_mimic::run(&Arguments::from_args(), trials).exit_code()
}

fn jobpost(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jobpost"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A 50 MiB file is refused from its size alone, before it is read.
fn a_huge_file_is_refused_by_size() {
    let dir = tempfile::tempdir().unwrap();
    let file = fs::File::create(dir.path().join("huge.toml")).unwrap();
    file.set_len(50 * 1024 * 1024).unwrap();
    let out = jobpost(dir.path(), &["render", "huge.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert_eq!(
        stderr(&out),
        "huge.toml: error: is too large for jobpost to read (50.0 MiB); expected a TOML file of at most 4 MiB\n"
    );
}

/// Mounts a 64 KiB tmpfs at `dir`, or says why the test cannot.
fn tiny_disk(dir: &Path) -> Result<(), String> {
    let out = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"])
        .arg(dir)
        .output()
        .map_err(|e| e.to_string())?;
    match out.status.success() {
        true => Ok(()),
        false => Err(stderr(&out)),
    }
}

/// Writing to a full disk reports the error and leaves no partial or temporary
/// file. Ignored, with the reason, where a small tmpfs cannot be mounted.
fn a_full_disk_is_reported_and_leaves_nothing_behind() -> Result<Completion, Failed> {
    let dir = tempfile::tempdir().unwrap();
    let disk = dir.path().join("disk");
    fs::create_dir(&disk).unwrap();
    if let Err(why) = tiny_disk(&disk) {
        let why = why.trim().replace('\n', " ");
        return Ok(Completion::ignored_with(format!(
            "skipped: cannot mount a 64 KiB tmpfs here: {why}"
        )));
    }
    // Fill the disk up to the last few bytes.
    let filler = vec![b'x'; 60 * 1024];
    let _ = fs::write(disk.join("filler"), &filler);
    let out = jobpost(
        dir.path(),
        &[
            "render",
            "--role",
            "cashier",
            "--format",
            "html",
            "-o",
            "disk/page.html",
        ],
    );
    let left: Vec<_> = fs::read_dir(&disk)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let _ = Command::new("umount").arg(&disk).status();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "error: cannot write `disk/page.html`: No space left on device (os error 28)\n"
    );
    assert_eq!(left, ["filler"], "no partial output, no temporary file");
    Ok(Completion::Completed)
}
