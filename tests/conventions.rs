//! What a Unix user expects of the command line, checked on the real binary
//! where the output is too large for a fixture: the completion scripts offer
//! values, not file names, and `man --out` writes a page per subcommand with the
//! sections man readers look for.

use std::path::Path;
use std::process::{Command, Output};

fn jobpost(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jobpost"))
        .args(args)
        .current_dir(dir)
        .env_remove("JOBPOST_ROLES")
        .env_remove("JOBPOST_TEMPLATES")
        .output()
        .unwrap()
}

fn stdout(args: &[&str], dir: &Path) -> String {
    let out = jobpost(args, dir);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn completion_scripts_offer_values_and_role_ids() {
    let dir = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish"] {
        let script = stdout(&["completions", shell], dir.path());
        // Role ids come from the binary at completion time, --roles DIR included.
        assert!(script.contains("roles list --ids"), "{shell}");
        assert!(script.contains("_jobpost_role_ids"), "{shell}");
        for value in [
            "jsonld",
            "sarif",
            "github",
            "US-CO",
            "US-NY-NYC",
            "warning",
            "en-GB",
            "en-AU",
        ] {
            assert!(script.contains(value), "{shell} lacks {value}");
        }
    }
    let bash = stdout(&["completions", "bash"], dir.path());
    assert!(bash.contains("compgen -W \"$(_jobpost_role_ids)\""));
    assert!(bash.contains("compgen -W \"md html jsonld txt docx\""));
    assert!(
        bash.contains("compgen -W \"indeed linkedin atom\""),
        "export's feeds"
    );
    assert!(bash.contains("compgen -W \"md html txt\""), "new's formats");
    // Flags that do nothing for `man` are not offered there.
    let man_opts = bash
        .split("jobpost__subcmd__man)")
        .nth(1)
        .and_then(|block| block.lines().find(|l| l.contains("opts=")))
        .unwrap();
    assert!(man_opts.contains("--out"), "{man_opts}");
    assert!(!man_opts.contains("--roles"), "{man_opts}");
    // The edited bash script still parses.
    let file = dir.path().join("jobpost.bash");
    std::fs::write(&file, &bash).unwrap();
    if let Ok(check) = Command::new("bash").arg("-n").arg(&file).output() {
        assert!(
            check.status.success(),
            "{}",
            String::from_utf8_lossy(&check.stderr)
        );
    }
    let zsh = stdout(&["completions", "zsh"], dir.path());
    assert!(
        zsh.starts_with("#compdef jobpost\n"),
        "zsh reads #compdef on line 1"
    );
}

#[test]
fn role_ids_include_user_presets() {
    let dir = tempfile::tempdir().unwrap();
    let roles = dir.path().join("my-roles");
    std::fs::create_dir(&roles).unwrap();
    std::fs::write(
        roles.join("night-cashier.toml"),
        "name = \"Night cashier\"\nindustry = \"Retail\"\nextends = \"cashier\"\n",
    )
    .unwrap();
    let ids = stdout(
        &["--roles", "my-roles", "roles", "list", "--ids"],
        dir.path(),
    );
    assert!(ids.lines().any(|l| l == "night-cashier"), "{ids}");
    assert!(ids.lines().any(|l| l == "cashier"), "{ids}");
}

#[test]
fn man_out_writes_a_page_per_subcommand_with_the_usual_sections() {
    let dir = tempfile::tempdir().unwrap();
    let out = jobpost(&["man", "--out", "man1"], dir.path());
    assert!(out.status.success());
    let pages = dir.path().join("man1");
    let main = std::fs::read_to_string(pages.join("jobpost.1")).unwrap();
    for sub in [
        "render",
        "export",
        "lint",
        "new",
        "init",
        "explain",
        "eject",
        "roles",
        "roles-list",
        "roles-show",
        "completions",
        "man",
    ] {
        let name = format!("jobpost-{sub}.1");
        let page = std::fs::read_to_string(pages.join(&name))
            .unwrap_or_else(|e| panic!("{name} not written: {e}"));
        for section in [
            ".SH NAME",
            ".SH SYNOPSIS",
            ".SH \"EXIT STATUS\"",
            ".SH ENVIRONMENT",
            ".SH \"SEE ALSO\"",
        ] {
            assert!(page.contains(section), "{name} lacks {section}");
        }
        assert!(page.contains(".SH EXAMPLES"), "{name} lacks EXAMPLES");
        // Every page the main page refers to exists.
        if !sub.contains('-') {
            assert!(main.contains(&format!("jobpost\\-{sub}(1)")), "{sub}");
        }
    }
    for var in ["JOBPOST_ROLES", "JOBPOST_TEMPLATES", "NO_COLOR", "EDITOR"] {
        assert!(main.contains(var), "ENVIRONMENT lacks {var}");
    }
    assert!(!pages.join("jobpost-help.1").exists());
    // Printed, the main page is the same as the one written.
    assert_eq!(stdout(&["man"], dir.path()), main);
    // A second run refuses to overwrite without --force.
    assert_eq!(
        jobpost(&["man", "--out", "man1"], dir.path()).status.code(),
        Some(2)
    );
    assert!(
        jobpost(&["man", "--out", "man1", "--force"], dir.path())
            .status
            .success()
    );
}
