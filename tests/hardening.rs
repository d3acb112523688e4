//! Hostile conditions the fixture folders cannot hold: a huge input file, a full
//! disk, and postings of megabytes on one line. Each must end in a clear message,
//! exit code 2 and no partial file, or in a report that grows with the input's
//! lines, not with the matches on them.
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
        Trial::test(
            "forty_thousand_duties_on_one_toml_line_are_reported_once",
            || {
                forty_thousand_duties_on_one_toml_line_are_reported_once();
                Ok(())
            },
        ),
        Trial::test(
            "forty_thousand_sentences_on_one_markdown_line_are_reported_once",
            || {
                forty_thousand_sentences_on_one_markdown_line_are_reported_once();
                Ok(())
            },
        ),
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

/// Lints `name` holding `text` in a fresh folder: the exit code and the report.
fn lint(name: &str, text: &str) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(name), text).unwrap();
    let out = jobpost(dir.path(), &["lint", name]);
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

/// The report's `file:line:col: severity[rule]: message` lines.
fn finding_lines(report: &str) -> Vec<&str> {
    report
        .lines()
        .filter(|l| !l.starts_with(' ') && l.contains("]: "))
        .collect()
}

/// Every rule has at most one finding per line and message in `report`, and the
/// report stays small: each snippet is a window of its line, not the line.
fn assert_bounded(report: &str) {
    let findings = finding_lines(report);
    let mut seen = std::collections::HashSet::new();
    for f in &findings {
        // "posting.toml:4:23: warning[hype-title]: message (and N more on this line)"
        let mut parts = f.splitn(4, ':');
        let (_, line, _, rest) = (parts.next(), parts.next(), parts.next(), parts.next());
        let key = (line, rest.map(|r| r.split(" (and ").next().unwrap_or(r)));
        assert!(seen.insert(key), "reported twice: {f}");
    }
    assert!(report.len() < 16_000, "a report of {} bytes", report.len());
    for l in report.lines() {
        assert!(
            l.chars().count() < 400,
            "a line of {} chars",
            l.chars().count()
        );
    }
}

/// 40,000 identical duties on one line of a TOML posting (1.3 MB): one finding per
/// rule on that line, counting the others, found in seconds (lint is linear in the
/// line: a finding's column is looked up, not counted from the line's start).
fn forty_thousand_duties_on_one_toml_line_are_reported_once() {
    let duty = "\"Greet every rockstar customer\"";
    let duties = vec![duty; 40_000].join(", ");
    let posting =
        format!("role = \"cashier\"\ntitle = \"Cashier\"\n[duties]\ndaily = [{duties}]\n");
    let (code, report) = lint("posting.toml", &posting);
    assert_eq!(code, Some(1), "{report}");
    assert_bounded(&report);
    let on_line = |rule: &str| {
        finding_lines(&report)
            .into_iter()
            .filter(|f| f.starts_with("posting.toml:4:") && f.contains(&format!("[{rule}]")))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        on_line("hype-title"),
        [
            "posting.toml:4:23: warning[hype-title]: \"rockstar\" is a hype title that puts many candidates off (and 39,999 more on this line)"
        ]
    );
    assert_eq!(
        on_line("duplicate-bullet"),
        [
            "posting.toml:4:43: warning[duplicate-bullet]: bullet repeats the one on line 4 (and 39,998 more on this line)"
        ]
    );
    assert_eq!(on_line("too-many-bullets").len(), 1, "{report}");
}

/// 40,000 sentences on one line of a Markdown posting (2 MB), three flagged words in
/// each: one finding per rule and word, counting the others.
fn forty_thousand_sentences_on_one_markdown_line_are_reported_once() {
    let sentence = "Greet every rockstar customer like a ninja guys.";
    let posting = format!(
        "# Cashier\n\n## Duties\n\n{}\n",
        vec![sentence; 40_000].join(" ")
    );
    let (code, report) = lint("posting.md", &posting);
    // Warnings only: lint exits 0.
    assert_eq!(code, Some(0), "{report}");
    assert_bounded(&report);
    let on_line: Vec<&str> = finding_lines(&report)
        .into_iter()
        .filter(|f| f.starts_with("posting.md:5:"))
        .collect();
    assert_eq!(
        on_line,
        [
            "posting.md:5:13: warning[hype-title]: \"rockstar\" is a hype title that puts many candidates off (and 39,999 more on this line)",
            "posting.md:5:38: warning[hype-title]: \"ninja\" is a hype title that puts many candidates off (and 39,999 more on this line)",
            "posting.md:5:44: warning[gendered-term]: \"guys\" is a gendered term (and 39,999 more on this line)",
        ]
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
