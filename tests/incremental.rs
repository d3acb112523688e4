//! Exporting again into a folder jobpost wrote: only changed files are written,
//! outputs of removed postings go, files jobpost did not write stay, and the
//! result equals a fresh export byte for byte. Each test runs the real binary
//! several times over one folder, which a single-command fixture cannot.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::SystemTime;

const MANIFEST: &str = ".jobpost-manifest.json";

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")
}

/// A folder of postings: the three examples and their company profiles.
fn postings(dir: &Path) -> PathBuf {
    let to = dir.join("postings");
    fs::create_dir_all(&to).unwrap();
    for entry in fs::read_dir(examples()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            fs::copy(&path, to.join(path.file_name().unwrap())).unwrap();
        }
    }
    to
}

fn export(input: &Path, out: &Path, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jobpost"))
        .arg("export")
        .arg(input)
        .arg("--out")
        .arg(out)
        .args(["--format", "md,html,jsonld"])
        .args(extra)
        .env("NO_COLOR", "1")
        .env("SOURCE_DATE_EPOCH", "1798761600")
        .output()
        .unwrap()
}

fn ok(out: Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(0), "{err}");
    err
}

/// Every file below `dir` with its bytes, the manifest's build line left out.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let mut bytes = fs::read(&path).unwrap();
            if path.file_name().unwrap() == MANIFEST {
                let text = String::from_utf8(bytes).unwrap();
                bytes = text
                    .lines()
                    .filter(|l| !l.contains("\"fingerprint\""))
                    .collect::<Vec<_>>()
                    .join("\n")
                    .into_bytes();
            }
            out.insert(path.strip_prefix(dir).unwrap().to_path_buf(), bytes);
        }
    }
    out
}

fn modified(dir: &Path) -> BTreeMap<PathBuf, SystemTime> {
    tree(dir)
        .into_keys()
        .map(|rel| {
            let time = fs::metadata(dir.join(&rel)).unwrap().modified().unwrap();
            (rel, time)
        })
        .collect()
}

#[test]
fn exporting_again_needs_no_force_and_writes_nothing_when_nothing_changed() {
    let tmp = tempfile::tempdir().unwrap();
    let (input, out) = (postings(tmp.path()), tmp.path().join("site"));
    ok(export(&input, &out, &[]));
    let before = modified(&out);
    std::thread::sleep(std::time::Duration::from_millis(20));
    let err = ok(export(&input, &out, &[]));
    // Every output but the manifest: each posting's three files and the careers page's two.
    let outputs = before.len() - 1;
    assert!(
        err.contains(&format!("0 files written, {outputs} unchanged")),
        "{err}"
    );
    let after = modified(&out);
    for (rel, time) in &before {
        if rel != Path::new(MANIFEST) {
            assert_eq!(after.get(rel), Some(time), "{} was touched", rel.display());
        }
    }
}

#[test]
fn a_changed_posting_rewrites_its_files_and_the_result_equals_a_fresh_export() {
    let tmp = tempfile::tempdir().unwrap();
    let (input, out) = (postings(tmp.path()), tmp.path().join("site"));
    ok(export(&input, &out, &[]));
    let before = modified(&out);
    let file = input.join("us-denver-cashier.toml");
    let text = fs::read_to_string(&file).unwrap();
    fs::write(&file, text.replacen("title = \"", "title = \"Senior ", 1)).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let err = ok(export(&input, &out, &[]));
    // The posting's three files and the careers page's two.
    let outputs = before.len() - 1;
    let want = format!("5 files written, {} unchanged", outputs - 5);
    assert!(err.contains(&want), "{err}");
    let after = modified(&out);
    let touched: Vec<&Path> = after
        .iter()
        .filter(|(rel, time)| before.get(*rel) != Some(time))
        .map(|(rel, _)| rel.as_path())
        .collect();
    let expected = [
        MANIFEST,
        "index.html",
        "index.json",
        "us-denver-cashier.html",
        "us-denver-cashier.jsonld",
        "us-denver-cashier.md",
    ];
    assert_eq!(touched, expected.map(Path::new));
    let fresh = tmp.path().join("fresh");
    ok(export(&input, &fresh, &[]));
    assert!(
        tree(&out) == tree(&fresh),
        "incremental and fresh exports differ"
    );
}

#[test]
fn a_removed_posting_takes_its_files_and_files_jobpost_did_not_write_stay() {
    let tmp = tempfile::tempdir().unwrap();
    let (input, out) = (postings(tmp.path()), tmp.path().join("site"));
    ok(export(&input, &out, &[]));
    fs::write(out.join("CNAME"), "jobs.example.com\n").unwrap();
    fs::remove_file(input.join("ca-toronto-bank-teller.toml")).unwrap();
    let err = ok(export(&input, &out, &[]));
    assert!(err.contains("3 removed"), "{err}");
    assert!(!out.join("ca-toronto-bank-teller.html").exists());
    assert_eq!(
        fs::read_to_string(out.join("CNAME")).unwrap(),
        "jobs.example.com\n"
    );
    let fresh = tmp.path().join("fresh");
    ok(export(&input, &fresh, &[]));
    fs::write(fresh.join("CNAME"), "jobs.example.com\n").unwrap();
    assert!(tree(&out) == tree(&fresh));
}

#[test]
fn a_file_jobpost_did_not_write_is_replaced_only_with_force() {
    let tmp = tempfile::tempdir().unwrap();
    let (input, out) = (postings(tmp.path()), tmp.path().join("site"));
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join("index.html"), "my own page").unwrap();
    let refused = export(&input, &out, &[]);
    assert_eq!(refused.status.code(), Some(2));
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(err.contains("already exists; pass --force"), "{err}");
    assert_eq!(
        fs::read_to_string(out.join("index.html")).unwrap(),
        "my own page"
    );
    assert!(!out.join(MANIFEST).exists(), "nothing was written");
    ok(export(&input, &out, &["--force"]));
    assert!(
        fs::read_to_string(out.join("index.html"))
            .unwrap()
            .contains("</html>")
    );
}

#[test]
fn an_undated_posting_keeps_the_day_of_its_first_export() {
    let tmp = tempfile::tempdir().unwrap();
    let (input, out) = (postings(tmp.path()), tmp.path().join("site"));
    let file = input.join("us-denver-cashier.toml");
    let text = fs::read_to_string(&file).unwrap();
    let undated: String = text
        .lines()
        .filter(|l| !l.starts_with("posted"))
        .map(|l| format!("{l}\n"))
        .collect();
    fs::write(&file, undated).unwrap();
    let err = ok(export(&input, &out, &[]));
    assert!(
        err.contains("got 2027-01-01, the day of this export"),
        "{err}"
    );
    // A later day, and a change that makes the posting render again.
    fs::write(&file, fs::read_to_string(&file).unwrap() + "\n").unwrap();
    let later = Command::new(env!("CARGO_BIN_EXE_jobpost"))
        .args(["export", "--format", "md,html,jsonld", "--out"])
        .arg(&out)
        .arg(&input)
        .env("SOURCE_DATE_EPOCH", "1801440000")
        .output()
        .unwrap();
    let err = ok(later);
    assert!(!err.contains("the day of this export"), "{err}");
    let jsonld = fs::read_to_string(out.join("us-denver-cashier.jsonld")).unwrap();
    assert!(
        jsonld.contains("\"datePosted\": \"2027-01-01\""),
        "{jsonld}"
    );
}

#[test]
fn an_export_that_exports_no_posting_writes_no_careers_page() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("postings");
    fs::create_dir_all(&input).unwrap();
    fs::write(input.join("broken.toml"), "title = \"Cashier\"\npay = 3\n").unwrap();
    let out = tmp.path().join("site");
    let result = export(&input, &out, &[]);
    assert_eq!(result.status.code(), Some(1));
    let err = String::from_utf8_lossy(&result.stderr);
    assert!(err.contains("with no careers page"), "{err}");
    assert!(!out.join("index.html").exists());
    // The corrected posting then exports without --force.
    fs::write(
        input.join("broken.toml"),
        fs::read_to_string(examples().join("us-denver-cashier.toml"))
            .unwrap()
            .replace("include = [\"company.toml\"]", ""),
    )
    .unwrap();
    let fixed = export(&input, &out, &[]);
    assert_ne!(
        fixed.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&fixed.stderr)
    );
}

#[test]
fn a_posting_that_fails_keeps_what_an_earlier_export_wrote_for_it() {
    let tmp = tempfile::tempdir().unwrap();
    let (input, out) = (postings(tmp.path()), tmp.path().join("site"));
    ok(export(&input, &out, &[]));
    let page = fs::read(out.join("us-denver-cashier.html")).unwrap();
    fs::write(input.join("us-denver-cashier.toml"), "pay = \"lots\"\n").unwrap();
    let failed = export(&input, &out, &[]);
    assert_eq!(failed.status.code(), Some(1));
    assert_eq!(fs::read(out.join("us-denver-cashier.html")).unwrap(), page);
    let index = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains("us-denver-cashier.html"), "still listed");
}

#[test]
fn more_jobs_than_cores_are_capped_and_said() {
    let tmp = tempfile::tempdir().unwrap();
    let (input, out) = (postings(tmp.path()), tmp.path().join("site"));
    let err = ok(export(&input, &out, &["--jobs", "20000"]));
    assert!(err.contains("--jobs 20000 is more than the"), "{err}");
}

#[test]
fn a_posting_whose_last_format_cannot_be_written_writes_none_of_them() {
    let tmp = tempfile::tempdir().unwrap();
    let (input, out) = (postings(tmp.path()), tmp.path().join("site"));
    // 250 characters: `.md` and `.html` fit a file name, `.jsonld` does not.
    let long = "a".repeat(250);
    fs::copy(
        input.join("us-denver-cashier.toml"),
        input.join(format!("{long}.toml")),
    )
    .unwrap();
    let result = export(&input, &out, &[]);
    assert_eq!(result.status.code(), Some(1));
    let err = String::from_utf8_lossy(&result.stderr);
    assert!(err.contains("1 failed"), "{err}");
    assert!(
        !err.contains(".jobpost-stage"),
        "no staging path is shown: {err}"
    );
    assert!(!out.join(format!("{long}.md")).exists());
    assert!(!out.join(format!("{long}.html")).exists());
    assert!(
        out.join("us-denver-cashier.html").exists(),
        "the others are written"
    );
}

/// The feeds' parts per posting live in `.jobpost-parts`: a re-export after one
/// change, after a failed posting and after the parts file was damaged each
/// equals a fresh export, and the feeds keep every job.
#[test]
fn feeds_from_kept_parts_equal_a_fresh_export() {
    let feeds = [
        "--base-url",
        "https://jobs.example/",
        "--feeds",
        "indeed,linkedin,atom",
    ];
    let tmp = tempfile::tempdir().unwrap();
    let (input, out) = (postings(tmp.path()), tmp.path().join("site"));
    ok(export(&input, &out, &feeds));
    let jobs = |dir: &Path| fs::read_to_string(dir.join("feeds/indeed.xml")).unwrap();
    let listed = jobs(&out).matches("<job>").count();
    assert!(listed >= 2, "{}", jobs(&out));
    let file = input.join("us-denver-cashier.toml");
    let text = fs::read_to_string(&file).unwrap();
    fs::write(&file, text.replacen("title = \"", "title = \"Senior ", 1)).unwrap();
    ok(export(&input, &out, &feeds));
    let fresh = tmp.path().join("fresh");
    ok(export(&input, &fresh, &feeds));
    assert!(tree(&out) == tree(&fresh), "incremental and fresh differ");
    assert!(jobs(&out).contains("Senior "));
    // A broken edit keeps the posting's job in the feeds.
    fs::write(&file, "pay = \"lots\"\n").unwrap();
    assert_eq!(export(&input, &out, &feeds).status.code(), Some(1));
    assert_eq!(jobs(&out).matches("<job>").count(), listed);
    assert!(jobs(&out).contains("Senior "));
    // A damaged parts file is not trusted: its postings are rendered again.
    fs::write(&file, text).unwrap();
    fs::write(out.join(".jobpost-parts"), "damaged").unwrap();
    ok(export(&input, &out, &feeds));
    let fresh = tmp.path().join("fresh2");
    ok(export(&input, &fresh, &feeds));
    assert!(
        tree(&out) == tree(&fresh),
        "after damage, incremental and fresh differ"
    );
    // Without feeds the parts file goes.
    ok(export(&input, &out, &[]));
    assert!(!out.join(".jobpost-parts").exists());
}
