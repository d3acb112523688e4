//! The shipped presets, run through the real binary: a role draft publishes no
//! employer fact, and each preset completed by an employer renders in every format
//! to a posting that lints clean, with the same findings as its TOML.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use jobpost::load::{self, Slot};
use jobpost::model::Workplace;
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
        .all()
        .map(|p| p.id.clone())
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

/// The employer's side of a posting: the preset's own hints taken as answers, plus
/// who hires, where, and how to apply (in Denver, so Colorado's pay rule applies).
fn employer_layer(id: &str) -> String {
    let registry = Registry::load(None).unwrap();
    let merged = load::preset(&registry, id).unwrap();
    let preset = registry.get(id).unwrap();
    let workplace = preset
        .setting
        .keys()
        .next()
        .copied()
        .unwrap_or(Workplace::OnSite);
    let mut root = toml::Table::new();
    for (path, slot) in &merged.hints {
        insert(&mut root, path, slot);
    }
    let employer = format!(
        "posted = 2027-01-04\napply_by = 2027-02-01\n\
         [company]\nname = \"Juniper Outfitters\"\nwebsite = \"https://juniper.example\"\n\
         about = \"Juniper Outfitters runs twelve stores and a support center in Colorado.\"\n\
         eeo = \"We are an equal opportunity employer. Tell us if you need an accommodation to apply.\"\n\
         [location]\nworkplace = \"{}\"\ncity = \"Denver\"\nregion = \"CO\"\ncountry = \"US\"\n\
         [apply]\nurl = \"https://juniper.example/jobs/{id}\"\n",
        workplace.key()
    );
    deep_merge(&mut root, employer.parse().unwrap());
    root.entry("employment_type")
        .or_insert_with(|| "full-time".into());
    format!("role = \"{id}\"\n{}", toml::to_string(&root).unwrap())
}

fn deep_merge(into: &mut toml::Table, from: toml::Table) {
    for (key, value) in from {
        match (into.get_mut(&key), value) {
            (Some(toml::Value::Table(a)), toml::Value::Table(b)) => deep_merge(a, b),
            (_, v) => {
                into.insert(key, v);
            }
        }
    }
}

fn insert(root: &mut toml::Table, path: &str, slot: &Slot) {
    let (table, key) = path.split_once('.').unwrap_or(("", path));
    let target = match table {
        "" => root,
        t => root
            .entry(t)
            .or_insert_with(|| toml::Value::Table(toml::Table::new()))
            .as_table_mut()
            .unwrap(),
    };
    target.insert(key.to_string(), slot.value());
}

/// Rule ids of the warnings and errors `lint` finds in `file`.
fn serious(dir: &Path, file: &str) -> (BTreeSet<String>, Vec<String>) {
    let out = jobpost(dir, &["lint", file, "--format", "json"]);
    let findings: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{file}: {e}: {}", String::from_utf8_lossy(&out.stderr)));
    let all = findings.as_array().unwrap();
    let ids = all.iter().map(|f| f["rule"].as_str().unwrap().to_string());
    let bad = all
        .iter()
        .filter(|f| f["severity"] != "note")
        .map(|f| format!("{file}: {} {}", f["rule"], f["message"]));
    (ids.collect(), bad.collect())
}

/// The rendered formats lint reads as postings.
const FORMATS: &[&str] = &["md", "txt", "html"];

#[test]
fn every_preset_with_an_employer_lints_clean_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let mut problems = Vec::new();
    for id in ids() {
        let toml = format!("{id}.toml");
        fs::write(dir.path().join(&toml), employer_layer(&id)).unwrap();
        let (toml_rules, bad) = serious(dir.path(), &toml);
        problems.extend(bad);
        for format in FORMATS {
            let file = format!("{id}.{format}");
            let out = jobpost(dir.path(), &["render", &toml, "-f", format, "-o", &file]);
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(
                out.stderr.is_empty(),
                "{id}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let (rules, bad) = serious(dir.path(), &file);
            problems.extend(bad);
            if rules != toml_rules {
                problems.push(format!(
                    "{id}: TOML finds {toml_rules:?}, Markdown {rules:?}"
                ));
            }
        }
        let md = fs::read_to_string(dir.path().join(format!("{id}.md"))).unwrap();
        let words = md.split_whitespace().count();
        if !(300..=700).contains(&words) {
            problems.push(format!("{id}: {words} words"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
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
    for preset in registry.all() {
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
