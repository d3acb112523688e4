//! A posting repository is untrusted input: hostile files the fixture folders
//! cannot hold (symbolic links out of the project, FIFOs, links to devices).
//! Each must end in a clear error naming the posting and the path, never the
//! other file's contents, and never hang.
#![cfg(unix)]

use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Runs jobpost in `dir`, killing it after ten seconds (a hang is a failure).
fn jobpost(dir: &Path, args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_jobpost"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(10) {
            child.kill().unwrap();
            panic!("jobpost {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A project (`repo/`, with `.git`) beside a folder of secrets it must not reach.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("repo/.git")).unwrap();
    fs::create_dir_all(dir.path().join("outside")).unwrap();
    fs::write(
        dir.path().join("outside/secrets.toml"),
        "title = \"AWS_SECRET_ACCESS_KEY=not-a-real-key\"\n",
    )
    .unwrap();
    dir
}

/// A posting with a role and a title only.
const PLAIN: &str = "role = \"cashier\"\ntitle = \"Cashier\"\n";

/// Exports the project's folder `in`; returns standard error.
fn export_in(repo: &Path) -> String {
    let out = jobpost(
        repo,
        &["export", "in", "--out", "site", "--date", "2027-01-04"],
    );
    stderr(&out)
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success());
}

fn posting(include: &str) -> String {
    format!("role = \"cashier\"\ntitle = \"Cashier\"\ninclude = [\"{include}\"]\n")
}

#[test]
fn an_include_linked_out_of_the_project_is_refused_at_the_entry() {
    let dir = project();
    let repo = dir.path().join("repo");
    symlink(
        dir.path().join("outside/secrets.toml"),
        repo.join("co.toml"),
    )
    .unwrap();
    fs::write(repo.join("p.toml"), posting("co.toml")).unwrap();
    let out = jobpost(&repo, &["render", "p.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = stderr(&out);
    assert!(
        err.starts_with(
            "p.toml:3:12: error: cannot include `co.toml`: it is a link to a place outside the project folder"
        ),
        "{err}"
    );
    assert!(!err.contains("AWS"), "{err}");
}

#[test]
fn a_folder_linked_out_of_the_project_is_refused_too() {
    let dir = project();
    let repo = dir.path().join("repo");
    symlink(dir.path().join("outside"), repo.join("shared")).unwrap();
    fs::write(repo.join("p.toml"), posting("shared/secrets.toml")).unwrap();
    let out = jobpost(&repo, &["lint", "p.toml"]);
    let err = stderr(&out);
    assert!(
        err.contains("cannot include `shared/secrets.toml`: it is a link"),
        "{err}"
    );
    assert!(!err.contains("AWS") && !String::from_utf8_lossy(&out.stdout).contains("AWS"));
}

#[test]
fn a_logo_linked_out_of_the_project_is_not_published() {
    let dir = project();
    let repo = dir.path().join("repo");
    fs::create_dir(repo.join("in")).unwrap();
    symlink(
        dir.path().join("outside/secrets.toml"),
        repo.join("in/logo.png"),
    )
    .unwrap();
    let text =
        "role = \"cashier\"\ntitle = \"Cashier\"\n[company]\nname = \"Co\"\nlogo = \"logo.png\"\n";
    fs::write(repo.join("in/p.toml"), text).unwrap();
    let err = export_in(&repo);
    assert!(
        err.contains(
            "company.logo: `logo.png`: it is a link to a place outside the project folder"
        ),
        "{err}"
    );
    assert!(!repo.join("site/logos").exists());
}

#[test]
fn a_theme_template_linked_out_of_the_project_is_refused() {
    let dir = project();
    let repo = dir.path().join("repo");
    fs::create_dir(repo.join("theme")).unwrap();
    symlink(
        dir.path().join("outside/secrets.toml"),
        repo.join("theme/posting.md"),
    )
    .unwrap();
    fs::write(repo.join("p.toml"), PLAIN).unwrap();
    let out = jobpost(&repo, &["render", "p.toml", "--templates", "theme"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = stderr(&out);
    assert!(
        err.starts_with(
            "theme/posting.md: error: it is a link to a place outside the project folder"
        ),
        "{err}"
    );
}

#[test]
fn a_fifo_named_as_a_posting_is_refused_at_once() {
    let dir = project();
    let repo = dir.path().join("repo");
    mkfifo(&repo.join("p.toml"));
    for command in ["render", "lint"] {
        let out = jobpost(&repo, &[command, "p.toml"]);
        assert_eq!(out.status.code(), Some(2), "{command}");
        assert!(
            stderr(&out).contains("p.toml: error: is a named pipe (FIFO), not a file"),
            "{command}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn a_fifo_in_an_exported_folder_is_named() {
    let dir = project();
    let repo = dir.path().join("repo");
    fs::create_dir(repo.join("in")).unwrap();
    mkfifo(&repo.join("in/fifo.toml"));
    let err = export_in(&repo);
    assert!(
        err.contains("in/fifo.toml: error: is a named pipe (FIFO), not a file"),
        "{err}"
    );
}

#[test]
fn a_link_to_a_device_in_an_exported_folder_is_named() {
    let dir = project();
    let repo = dir.path().join("repo");
    fs::create_dir(repo.join("in")).unwrap();
    symlink("/dev/zero", repo.join("in/zero.toml")).unwrap();
    let err = export_in(&repo);
    assert!(
        err.starts_with("in/zero.toml: error: it is a link to a place outside the project folder"),
        "{err}"
    );
    // Named on the command line, it is trusted as a place but refused by type.
    let out = jobpost(&repo, &["render", "in/zero.toml"]);
    assert!(
        stderr(&out).contains("in/zero.toml: error: is a device, not a file"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_fifo_template_is_named() {
    let dir = project();
    let repo = dir.path().join("repo");
    fs::create_dir(repo.join("theme")).unwrap();
    mkfifo(&repo.join("theme/posting.md"));
    fs::write(repo.join("p.toml"), PLAIN).unwrap();
    let out = jobpost(&repo, &["render", "p.toml", "--templates", "theme"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("theme/posting.md: error: is a named pipe (FIFO)"),
        "{err}"
    );
}

const FIXABLE: &str =
    "# Pastry Chef\n\nWe want a pastry ninja who works with our chairman on new recipes.\n";

#[test]
fn fix_writes_through_a_symbolic_link_to_the_real_posting() {
    let dir = project();
    let repo = dir.path().join("repo");
    fs::create_dir(repo.join("real")).unwrap();
    fs::write(repo.join("real/chef.md"), FIXABLE).unwrap();
    symlink("real/chef.md", repo.join("chef.md")).unwrap();
    let out = jobpost(&repo, &["lint", "--fix", "chef.md"]);
    assert_ne!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        fs::symlink_metadata(repo.join("chef.md"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let fixed = fs::read_to_string(repo.join("real/chef.md")).unwrap();
    assert!(
        fixed.contains("chair") && !fixed.contains("chairman"),
        "{fixed}"
    );
}

#[test]
fn fix_writes_through_a_hard_link_so_every_name_sees_it() {
    let dir = project();
    let repo = dir.path().join("repo");
    fs::write(repo.join("chef.md"), FIXABLE).unwrap();
    fs::hard_link(repo.join("chef.md"), repo.join("other-name.md")).unwrap();
    let out = jobpost(&repo, &["lint", "--fix", "chef.md"]);
    assert_ne!(out.status.code(), Some(2), "{}", stderr(&out));
    let fixed = fs::read_to_string(repo.join("other-name.md")).unwrap();
    assert!(!fixed.contains("chairman"), "{fixed}");
}

#[test]
fn a_posting_in_a_folder_linked_out_of_the_project_is_refused() {
    let dir = project();
    let repo = dir.path().join("repo");
    fs::create_dir(repo.join("postings")).unwrap();
    symlink(
        dir.path().join("outside/secrets.toml"),
        repo.join("postings/x.toml"),
    )
    .unwrap();
    for args in [
        &["lint", "postings"][..],
        &["export", "postings", "--out", "site"],
    ] {
        let out = jobpost(&repo, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = stderr(&out);
        assert!(
            err.starts_with(
                "postings/x.toml: error: it is a link to a place outside the project folder"
            ),
            "{err}"
        );
        assert!(!err.contains("AWS") && !String::from_utf8_lossy(&out.stdout).contains("AWS"));
    }
}

#[test]
fn a_file_name_with_control_characters_is_escaped_in_every_report() {
    let dir = project();
    let repo = dir.path().join("repo");
    fs::create_dir(repo.join("p")).unwrap();
    fs::write(
        repo.join("p/x\u{1b}]0;PWNED\u{7}.md"),
        "# Rockstar ninja\n\nWe want a rockstar.\n",
    )
    .unwrap();
    for format in ["human", "github", "json", "sarif"] {
        let out = jobpost(&repo, &["lint", "p", "--format", format]);
        let all = [out.stdout, out.stderr].concat();
        assert!(
            !all.contains(&0x1b) && !all.contains(&0x07),
            "{format}: {}",
            String::from_utf8_lossy(&all)
        );
    }
    let out = jobpost(
        &repo,
        &[
            "export",
            "p",
            "--out",
            "site",
            "--verbose",
            "--date",
            "2027-01-04",
        ],
    );
    assert!(!out.stderr.contains(&0x1b), "{}", stderr(&out));
}

#[test]
fn an_exported_svg_logo_keeps_its_drawing_only() {
    let dir = project();
    let repo = dir.path().join("repo");
    fs::create_dir(repo.join("in")).unwrap();
    let svg = concat!(
        "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\" onload=\"alert(1)\">",
        "<script>alert(document.cookie)</script><a href=\"javascript:alert(3)\"><path d=\"M0 0L10 10\" fill=\"#123456\"/></a>",
        "<foreignObject><iframe src=\"https://evil.example\"></iframe></foreignObject>",
        "<image href=\"data:image/png;base64,AAAA\"/></svg>\n"
    );
    fs::write(repo.join("in/logo.svg"), svg).unwrap();
    let posting =
        "role = \"cashier\"\ntitle = \"Cashier\"\n[company]\nname = \"Co\"\nlogo = \"logo.svg\"\n";
    fs::write(repo.join("in/p.toml"), posting).unwrap();
    let out = jobpost(&repo, &["export", "in", "--out", "site", "--format", "md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let logos: Vec<_> = fs::read_dir(repo.join("site/logos")).unwrap().collect();
    assert_eq!(logos.len(), 1);
    let copied = fs::read_to_string(logos[0].as_ref().unwrap().path()).unwrap();
    assert_eq!(
        copied,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><path d=\"M0 0L10 10\" fill=\"#123456\"></path></svg>"
    );
}
