//! The shipped presets, run through the real binary: a role draft publishes no
//! employer fact, no preset names a time zone, and setting text does not leak from
//! a parent. (Presets completed by an employer are linted in `lint_agreement.rs`.)

use std::path::Path;
use std::process::{Command, Output};

use jobpost::load::{self, Slot};
use jobpost::preset::Registry;

fn jobpost(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jobpost"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn ids() -> Vec<String> {
    Registry::load(None)
        .unwrap()
        .ids()
        .map(String::from)
        .collect()
}

/// `render --role ID` alone is the role draft: it succeeds, shows no pay, benefits,
/// schedule or way to apply, and says on standard error what the employer must add.
#[test]
fn a_role_draft_publishes_no_employer_fact() {
    let dir = tempfile::tempdir().unwrap();
    let registry = Registry::load(None).unwrap();
    for id in ids() {
        let hints: Vec<String> = load::preset(&registry, &id)
            .unwrap()
            .hints
            .values()
            .flat_map(|slot| match slot {
                Slot::Value(toml::Value::String(s), _) => vec![s.clone()],
                Slot::List(items) => items.iter().map(|(s, _)| s.clone()).collect(),
                _ => Vec::new(),
            })
            .filter(|s| s.contains(' '))
            .collect();
        for format in ["md", "html", "txt"] {
            let out = jobpost(dir.path(), &["render", "--role", &id, "--format", format]);
            let text = String::from_utf8_lossy(&out.stdout).to_lowercase();
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(out.status.success(), "{id} {format}: {err}");
            for absent in [
                "pay and benefits",
                "how to apply",
                "equal opportunity",
                "schedule:",
            ] {
                assert!(!text.contains(absent), "{id} {format} shows `{absent}`");
            }
            for hint in &hints {
                let hint = hint.to_lowercase();
                assert!(
                    !text.contains(&hint),
                    "{id} {format} shows the hint `{hint}`"
                );
            }
            assert!(
                err.contains("not ready to publish") && err.contains("pay.min"),
                "{id} {format}: {err}"
            );
        }
    }
}

/// Presets know the role, not the employer's clock or country: no time zones, and
/// no setting text for a workplace a preset does not list (a cashier is on-site).
#[test]
fn presets_name_no_time_zone_and_settings_do_not_leak_from_parents() {
    let registry = Registry::load(None).unwrap();
    let phrases = [
        "eastern time",
        "central time",
        "mountain time",
        "pacific time",
    ];
    let codes = [
        "et", "ct", "mt", "pt", "est", "cst", "mst", "pst", "edt", "pdt", "gmt", "utc", "bst",
        "aest", "aedt",
    ];
    for preset in registry.all().unwrap() {
        let text = preset.text.to_lowercase();
        let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).collect();
        for zone in phrases {
            assert!(
                !text.contains(zone),
                "{} names a time zone: {zone}",
                preset.id
            );
        }
        for code in codes {
            assert!(
                !words.contains(&code),
                "{} names a time zone: {code}",
                preset.id
            );
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let out = jobpost(
        dir.path(),
        &[
            "render",
            "--role",
            "cashier",
            "--set",
            "location.workplace=remote",
            "--set",
            "location.country=US",
        ],
    );
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(
        !md.contains("Environment:"),
        "a cashier has no remote setting:\n{md}"
    );
}
