//! Round trip: a posting we render to Markdown, text, HTML or a Word document,
//! imported back, renders to the same Markdown. Runs the built binary on every
//! shipped example.

use std::path::Path;
use std::process::Command;

fn jobpost(args: &[&str], dir: &Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_jobpost"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "jobpost {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn round_trip(example: &str) {
    let work = tempfile::tempdir().unwrap();
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    for f in std::fs::read_dir(&examples).unwrap().flatten() {
        std::fs::copy(f.path(), work.path().join(f.file_name())).unwrap();
    }
    let dir = work.path();
    let toml = format!("{example}.toml");
    let first = jobpost(&["render", &toml, "--format", "md"], dir);
    for ext in ["md", "txt", "html", "docx"] {
        let rendered = format!("rendered.{ext}");
        let back = format!("back-{ext}.toml");
        jobpost(&["render", &toml, "-o", &rendered], dir);
        jobpost(&["import", &rendered, "-o", &back, "-q"], dir);
        let second = jobpost(&["render", &back, "--format", "md"], dir);
        assert_eq!(
            first, second,
            "{example}: imported from {ext}, the posting renders differently"
        );
    }
}

#[test]
fn ca_bank_teller_imports_back_to_the_same_markdown() {
    round_trip("ca-toronto-bank-teller");
}

#[test]
fn us_cashier_imports_back_to_the_same_markdown() {
    round_trip("us-denver-cashier");
}

#[test]
fn uk_contact_centre_imports_back_to_the_same_markdown() {
    round_trip("uk-london-contact-centre");
}
