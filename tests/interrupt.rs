//! Interrupted exports: Ctrl-C stops cleanly with a summary, and a run killed at
//! any moment leaves only complete files, which a rerun with `--force` tidies
//! and completes.
//!
//! The SIGKILL test is slow (many runs), so it is ignored by default; run it with
//! `.ci/kill.sh` or `cargo test --test interrupt -- --ignored` (rounds:
//! `JOBPOST_KILL_ROUNDS`, default 20).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

fn jobpost() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_jobpost"));
    cmd.env("NO_COLOR", "1");
    cmd
}

/// `count` small postings spread over the shipped presets, in `dir/in`.
fn postings(dir: &Path, count: usize) -> PathBuf {
    let list = jobpost().args(["roles", "list"]).output().unwrap();
    let ids: Vec<String> = String::from_utf8(list.stdout)
        .unwrap()
        .lines()
        .filter(|l| l.starts_with("  "))
        .map(|l| l.split_whitespace().next().unwrap().to_string())
        .collect();
    let input = dir.join("in");
    fs::create_dir_all(&input).unwrap();
    for i in 0..count {
        let text = format!(
            "role = \"{}\"\nreference = \"R-{i}\"\n[company]\nname = \"Acme {i}\"\n[location]\ncity = \"Denver\"\ncountry = \"US\"\n",
            ids[i % ids.len()]
        );
        fs::write(input.join(format!("p{i:04}.toml")), text).unwrap();
    }
    input
}

fn export(input: &Path, out: &Path, force: bool) -> Command {
    let mut cmd = jobpost();
    cmd.arg("export")
        .arg(input)
        .arg("--out")
        .arg(out)
        .args([
            "--format",
            "md,html,jsonld",
            "--date",
            "2027-01-04",
            "--jobs",
            "2",
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if force {
        cmd.arg("--force");
    }
    cmd
}

/// Every file below `dir`, recursively.
fn all_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).into_iter().flatten() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out
}

/// A file no reader of the output folder sees as an output: an older
/// version's temporary file, or one in the staging folder of a run that did
/// not finish (staged files are put in place only when a run ends).
fn is_temp(path: &Path) -> bool {
    let name = path.file_name().unwrap().to_string_lossy();
    let staged = path.components().any(|c| c.as_os_str() == ".jobpost-stage");
    staged || (name.starts_with(".jobpost-") && name.ends_with(".tmp"))
}

/// Every finished output in `out` is whole: pages end with `</html>`, JSON parses.
/// Returns how many there are; temporary files are allowed only if `temps_ok`.
fn assert_complete(out: &Path, temps_ok: bool) -> usize {
    let mut finished = 0;
    for path in all_files(out) {
        if is_temp(&path) {
            assert!(temps_ok, "temporary file left behind: {}", path.display());
            continue;
        }
        let text = fs::read_to_string(&path).unwrap();
        let ext = path.extension().unwrap().to_string_lossy().into_owned();
        match ext.as_str() {
            "html" => assert!(text.trim_end().ends_with("</html>"), "{}", path.display()),
            "json" | "jsonld" => {
                let parsed: Result<serde_json::Value, _> = serde_json::from_str(&text);
                assert!(parsed.is_ok(), "{} does not parse", path.display());
            }
            "md" => assert!(
                text.starts_with("# ") && text.ends_with('\n'),
                "{}",
                path.display()
            ),
            other => panic!("unexpected output {other}: {}", path.display()),
        }
        finished += 1;
    }
    finished
}

/// The folder a cold export stages its files in, beside the output folder.
fn stage_of(out: &Path) -> PathBuf {
    let name = out.file_name().unwrap().to_string_lossy();
    out.with_file_name(format!(".{name}.jobpost-stage"))
}

/// Waits until the run has staged at least one finished page, or it ends.
fn wait_for_first_page(child: &mut Child, out: &Path) {
    let stage = stage_of(out);
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(30) {
        if child.try_wait().unwrap().is_some() {
            return;
        }
        let page = all_files(&stage)
            .iter()
            .any(|p| p.extension().is_some_and(|e| e == "html"));
        if page {
            return;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

fn signal(child: &Child, name: &str) {
    let status = Command::new("kill")
        .arg(format!("-{name}"))
        .arg(child.id().to_string())
        .status()
        .unwrap();
    assert!(status.success());
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Ctrl-C: the postings being written finish and are put in place with the
/// manifest, the rest are not started, the careers page is not written, and
/// the summary says how far the run got; exit 130. The same command finishes.
#[test]
fn sigint_stops_cleanly_with_a_summary() {
    let dir = tempfile::tempdir().unwrap();
    let input = postings(dir.path(), 600);
    let out = dir.path().join("out");
    let mut child = export(&input, &out, false).spawn().unwrap();
    wait_for_first_page(&mut child, &out);
    signal(&child, "INT");
    let result = child.wait_with_output().unwrap();
    let message = stderr(&result);
    assert_eq!(result.status.code(), Some(130), "{message}");
    let written: usize = message
        .strip_prefix("error: interrupted after exporting ")
        .and_then(|m| m.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no summary: {message}"));
    let tail = format!(
        "of 600 postings to `{}`; the careers page was not written (run the same command to finish)\n",
        out.display()
    );
    assert!(message.ends_with(&tail), "{message}");
    assert!(written < 600, "the run stopped early");
    assert_eq!(
        assert_complete(&out, false),
        written * 3 + 1,
        "three files per posting written, and the manifest"
    );
    assert!(!out.join("index.html").exists());
    assert!(!stage_of(&out).exists(), "the stage is gone");
    let rerun = export(&input, &out, false).output().unwrap();
    assert_eq!(rerun.status.code(), Some(0), "{}", stderr(&rerun));
    assert_eq!(assert_complete(&out, false), 600 * 3 + 2 + 1);
}

/// A tiny xorshift, seeded from the clock: different kill moments each run.
fn random(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

/// SIGKILL at random moments: whatever is present is complete (temporary files
/// aside), and a rerun with `--force` removes the temporary files and finishes.
#[test]
#[ignore = "slow: run by .ci/kill.sh"]
fn sigkill_at_random_moments_never_leaves_a_half_file() {
    let rounds: usize = std::env::var("JOBPOST_KILL_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(20);
    let dir = tempfile::tempdir().unwrap();
    let input = postings(dir.path(), 300);
    let out = dir.path().join("out");
    // How long a whole run takes, to spread the kills over it.
    let start = Instant::now();
    let full = export(&input, &out, false).output().unwrap();
    assert_eq!(full.status.code(), Some(0), "{}", stderr(&full));
    let span = start.elapsed().as_micros() as u64;
    let mut state = 0x9E37_79B9_7F4A_7C15 ^ u64::from(start.elapsed().subsec_nanos());
    let mut killed = 0;
    for round in 0..rounds {
        // From an empty folder, so every file present was written by this run.
        if out.exists() {
            fs::remove_dir_all(&out).unwrap();
        }
        let mut child = export(&input, &out, false).spawn().unwrap();
        let wait = Duration::from_micros(random(&mut state) % span.max(1));
        std::thread::sleep(wait);
        signal(&child, "KILL");
        killed += usize::from(child.wait().unwrap().code().is_none());
        let finished = assert_complete(&out, true);
        let temps = all_files(&out).iter().filter(|p| is_temp(p)).count();
        eprintln!(
            "round {round}: killed after {wait:?}: {finished} complete files, {temps} temporary"
        );
    }
    // A stale temporary file for certain, whatever the last round left.
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join(".jobpost-stale1.tmp"), "<!DOCTYPE html><html><bo").unwrap();
    let rerun = export(&input, &out, true).output().unwrap();
    assert_eq!(rerun.status.code(), Some(0), "{}", stderr(&rerun));
    assert_eq!(
        assert_complete(&out, false),
        300 * 3 + 2 + 1,
        "all there with the manifest, no temporary files"
    );
    eprintln!("{killed} of {rounds} runs were killed mid-way (the others had finished)");
}
