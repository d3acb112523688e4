//! Lint agrees with jobpost's own output: every shipped preset, completed with an
//! employer layer (who is hiring, where, the pay, benefits and how to apply), renders to
//! Markdown, plain text and HTML that lint with no errors and no warnings, and a posting
//! linted as TOML gives the same rule ids as its own rendered Markdown and HTML.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;
use std::process::Command;

use jobpost::load::{self, Inputs};
use jobpost::model::Workplace;
use jobpost::preset::Registry;

#[path = "support/run.rs"]
mod run;
use run::stdout_of;

/// The employer layer a preset cannot know. Denver, Colorado: the strictest US law
/// (range, benefits and deadline required).
const EMPLOYER: &str = r#"title = "Posting"
apply_by = 2027-03-31

[company]
name = "Harbor Family Clinics"
about = "Harbor Family Clinics runs six small clinics and a bakery café across Denver. We have cared for families here since 1998."

[location]
workplace = "on-site"
city = "Denver"
region = "Colorado"
country = "US"

[pay]
min = 52000
max = 60000
currency = "USD"
period = "year"
benefits = ["Health insurance from your first month", "Four weeks of paid time off"]

[apply]
url = "https://harbor.example/jobs"
"#;

/// Lints `dir` as JSON; returns the findings.
fn lint_json(dir: &Path) -> Vec<serde_json::Value> {
    let out = Command::new(env!("CARGO_BIN_EXE_jobpost"))
        .args(["lint", ".", "--format", "json", "--fail-on", "never"])
        .current_dir(dir)
        .env_remove("JOBPOST_ROLES")
        .env_remove("JOBPOST_TEMPLATES")
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v.as_array().unwrap().clone()
}

fn preset_ids(dir: &Path) -> Vec<String> {
    stdout_of(dir, &["roles", "list"])
        .lines()
        .filter(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect()
}

/// Each preset completed by `employer(id)`, written as `<id>.toml`, with its Markdown,
/// text and HTML renderings as `<id>.md`, `<id>.txt` and `<id>.html`.
fn postings(dir: &Path, employer: impl Fn(&str) -> String) -> Vec<String> {
    let ids = preset_ids(dir);
    assert!(ids.len() >= 14, "presets: {ids:?}");
    for id in &ids {
        let file = format!("{id}.toml");
        fs::write(dir.join(&file), employer(id)).unwrap();
        for format in ["md", "txt", "html"] {
            let text = stdout_of(dir, &["render", &file, "--format", format]);
            fs::write(dir.join(format!("{id}.{format}")), text).unwrap();
        }
    }
    ids
}

/// Lints the folder `postings` wrote: no errors or warnings anywhere, and each
/// posting's TOML gives the same rule ids as its Markdown, text and HTML.
fn assert_clean_and_agreeing(dir: &Path, ids: &[String]) {
    let findings = lint_json(dir);
    let serious: Vec<String> = findings
        .iter()
        .filter(|f| f["severity"] != "note")
        .map(|f| {
            format!(
                "{}:{}: {} {}",
                f["path"], f["line"], f["rule"], f["message"]
            )
        })
        .collect();
    assert!(serious.is_empty(), "{}", serious.join("\n"));
    let rules_of = |path: &str| -> BTreeSet<String> {
        findings
            .iter()
            .filter(|f| f["path"].as_str().is_some_and(|p| p.ends_with(path)))
            .filter_map(|f| f["rule"].as_str().map(str::to_string))
            .collect()
    };
    for id in ids {
        let toml = rules_of(&format!("{id}.toml"));
        for format in ["md", "txt", "html"] {
            let rendered = rules_of(&format!("{id}.{format}"));
            assert_eq!(toml, rendered, "{id}: TOML and its {format} disagree");
        }
    }
}

#[test]
fn presets_rendered_with_an_employer_lint_clean_and_agree_with_their_toml() {
    let dir = tempfile::tempdir().unwrap();
    let employer =
        |id: &str| EMPLOYER.replacen("title = \"Posting\"\n", &format!("role = \"{id}\"\n"), 1);
    let ids = postings(dir.path(), employer);
    assert_clean_and_agreeing(dir.path(), &ids);
}

/// The employer's side of a posting: the preset's own hints taken as answers, in the
/// first workplace the preset has setting text for, plus who hires, where (Denver, so
/// Colorado's pay rule applies) and how to apply.
fn hints_taken(id: &str) -> String {
    let registry = Registry::load(None).unwrap();
    let workplace = registry.get(id).unwrap().setting.keys().next().copied();
    let mut root = toml::Table::new();
    for (path, slot) in load::preset(&registry, id).unwrap().hints {
        load::insert(&mut root, &path, slot.value());
    }
    let employer = format!(
        "role = \"{id}\"\nposted = 2027-01-04\napply_by = 2027-02-01\n\
         [company]\nname = \"Juniper Outfitters\"\nwebsite = \"https://juniper.example\"\n\
         about = \"Juniper Outfitters runs twelve stores and a support center in Colorado.\"\n\
         eeo = \"We are an equal opportunity employer. Tell us if you need an accommodation to apply.\"\n\
         [location]\nworkplace = \"{}\"\ncity = \"Denver\"\nregion = \"CO\"\ncountry = \"US\"\n\
         [apply]\nurl = \"https://juniper.example/jobs/{id}\"\n",
        workplace.unwrap_or(Workplace::OnSite).key()
    );
    for (path, value) in employer.parse::<toml::Table>().unwrap() {
        match value {
            toml::Value::Table(t) => t
                .into_iter()
                .for_each(|(k, v)| load::insert(&mut root, &format!("{path}.{k}"), v)),
            v => load::insert(&mut root, &path, v),
        }
    }
    root.entry("employment_type")
        .or_insert_with(|| "full-time".into());
    toml::to_string(&root).unwrap()
}

/// Each preset's hints, taken as the employer's answers, make a complete posting
/// (nothing a publishable posting needs is missing) of 300–700 words that lints clean
/// in every format and agrees with its TOML.
#[test]
fn presets_completed_with_their_own_hints_lint_clean_and_agree() {
    let dir = tempfile::tempdir().unwrap();
    let ids = postings(dir.path(), hints_taken);
    assert_clean_and_agreeing(dir.path(), &ids);
    let registry = Registry::load(None).unwrap();
    for id in &ids {
        let inputs = Inputs {
            file: Some(dir.path().join(format!("{id}.toml"))),
            ..Inputs::default()
        };
        let posting = load::load(&registry, &inputs).unwrap().posting;
        assert!(jobpost::validate::still_needed(&posting).is_empty(), "{id}");
        let md = fs::read_to_string(dir.path().join(format!("{id}.md"))).unwrap();
        let words = md.split_whitespace().count();
        assert!((300..=700).contains(&words), "{id}: {words} words");
    }
}

#[test]
fn remote_posting_with_applicant_countries_gets_us_pay_laws_as_toml_and_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let toml = "role = \"bank-teller\"\n\n[company]\nname = \"Harbor Savings\"\n\n\
                about = \"Harbor Savings is a community bank.\"\n\n\
                [location]\nworkplace = \"remote\"\napplicant_countries = [\"US\"]\n\n\
                [pay]\nmin = 18\nmax = 21\ncurrency = \"USD\"\nperiod = \"hour\"\n\
                benefits = [\"Paid time off\"]\n\n[apply]\nurl = \"https://harbor.example/jobs\"\n";
    fs::write(dir.path().join("remote.toml"), toml).unwrap();
    let md = stdout_of(dir.path(), &["render", "remote.toml", "--format", "md"]);
    fs::write(dir.path().join("remote.md"), md).unwrap();
    let findings = lint_json(dir.path());
    // Pay and benefits given, no deadline: Colorado's deadline rule reaches remote US
    // postings, whichever way the posting is read.
    for file in ["remote.toml", "remote.md"] {
        let rules: BTreeSet<&str> = findings
            .iter()
            .filter(|f| f["path"].as_str().is_some_and(|p| p.ends_with(file)))
            .filter_map(|f| f["rule"].as_str())
            .collect();
        assert!(rules.contains("pay-deadline-missing"), "{file}: {rules:?}");
        assert!(!rules.contains("missing-section"), "{file}: {rules:?}");
    }
}

#[test]
fn region_spelled_any_way_selects_the_colorado_law() {
    let dir = tempfile::tempdir().unwrap();
    for (name, region) in [("a", "co"), ("b", "Colorado"), ("c", "CO")] {
        let toml = format!(
            "role = \"bank-teller\"\n\n[company]\nname = \"Harbor Savings\"\n\n\
             [location]\nworkplace = \"on-site\"\ncity = \"Springfield\"\nregion = \"{region}\"\ncountry = \"US\"\n"
        );
        fs::write(dir.path().join(format!("{name}.toml")), toml).unwrap();
    }
    let findings = lint_json(dir.path());
    for name in ["a", "b", "c"] {
        let colorado = findings.iter().any(|f| {
            f["path"]
                .as_str()
                .is_some_and(|p| p.ends_with(&format!("{name}.toml")))
                && f["message"]
                    .as_str()
                    .is_some_and(|m| m.contains("Colorado"))
        });
        assert!(colorado, "{name}: {findings:#?}");
    }
}

#[test]
fn lint_errors_where_json_ld_output_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "remote.toml",
            "role = \"bank-teller\"\n\n[company]\nname = \"Harbor Savings\"\n\n[location]\nworkplace = \"remote\"\n",
            "location.applicant_countries",
        ),
        (
            "nameless.toml",
            "role = \"bank-teller\"\n\n[location]\nworkplace = \"on-site\"\ncountry = \"US\"\n",
            "company.name",
        ),
    ];
    for (file, text, _) in &cases {
        fs::write(dir.path().join(file), text).unwrap();
    }
    let findings = lint_json(dir.path());
    for (file, _, field) in &cases {
        let hit = findings.iter().any(|f| {
            f["path"].as_str().is_some_and(|p| p.ends_with(file))
                && f["rule"] == "jsonld-required"
                && f["severity"] == "error"
                && f["message"].as_str().is_some_and(|m| m.contains(field))
        });
        assert!(hit, "{file}: {findings:#?}");
        // The JSON-LD output refuses the same posting.
        let out = Command::new(env!("CARGO_BIN_EXE_jobpost"))
            .args(["render", file, "--format", "jsonld"])
            .current_dir(dir.path())
            .output()
            .unwrap();
        assert!(!out.status.success(), "{file}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains(field),
            "{file}"
        );
    }
}

/// `locale-mismatch` reads a TOML posting and its renderings alike: the employer's own
/// US words in a UK posting, and bare dollars in a posting open to two dollar countries,
/// are the same notes on the same words; the preset's text, written for the locale, is
/// no note in any of them.
#[test]
fn locale_notes_agree_between_toml_and_its_renderings() {
    let dir = tempfile::tempdir().unwrap();
    let uk = "role = \"bank-teller\"\n\n[company]\nname = \"Harbour Savings\"\n\
              about = \"Harbour Savings helps families organize their money, whatever the color of their accounts.\"\n\n\
              [location]\nworkplace = \"on-site\"\ncity = \"Leeds\"\ncountry = \"GB\"\n\n\
              [pay]\nmin = 24000\nmax = 27000\ncurrency = \"GBP\"\nperiod = \"year\"\n\
              benefits = [\"A 401(k) match\", \"Free parking\"]\n\n[apply]\nurl = \"https://harbour.example/jobs\"\n";
    let ca = "role = \"customer-service\"\n\n[company]\nname = \"Maple Lane\"\n\
              about = \"Maple Lane sells outdoor gear. Orders over $150 ship free.\"\n\n\
              [location]\nworkplace = \"remote\"\ncountry = \"CA\"\napplicant_countries = [\"CA\", \"US\"]\n\n\
              [pay]\nmin = 21\nmax = 24\ncurrency = \"CAD\"\nperiod = \"hour\"\n\
              benefits = [\"A $500 home office allowance\"]\n\n[apply]\nurl = \"https://maple.example/jobs\"\n";
    for (name, text) in [("uk", uk), ("ca", ca)] {
        fs::write(dir.path().join(format!("{name}.toml")), text).unwrap();
        for format in ["md", "txt", "html"] {
            let file = format!("{name}.toml");
            let out = stdout_of(dir.path(), &["render", &file, "--format", format]);
            fs::write(dir.path().join(format!("{name}.{format}")), out).unwrap();
        }
    }
    let findings = lint_json(dir.path());
    let notes = |file: &str| -> Vec<String> {
        let mut m: Vec<String> = findings
            .iter()
            .filter(|f| f["path"].as_str().is_some_and(|p| p.ends_with(file)))
            .filter(|f| f["rule"] == "locale-mismatch")
            .filter_map(|f| f["matched"].as_str().map(str::to_string))
            .collect();
        m.sort();
        m
    };
    assert_eq!(notes("uk.toml"), ["401(k)", "color", "organize"]);
    assert_eq!(notes("ca.toml"), ["$150", "$500"]);
    for name in ["uk", "ca"] {
        for format in ["md", "txt", "html"] {
            let file = format!("{name}.{format}");
            assert_eq!(notes(&format!("{name}.toml")), notes(&file), "{file}");
        }
    }
}

/// Ontario's two statements (whether AI screens applicants, whether the vacancy
/// exists) lint the same in a posting file and in its renderings, however the
/// employer gives them: as the `apply` fields, in their own words in the
/// instructions or the purpose, one of each, or not at all (then both warn).
#[test]
fn ontario_statements_as_fields_or_free_text_agree_between_toml_and_its_renderings() {
    let dir = tempfile::tempdir().unwrap();
    let base = "role = \"bank-teller\"\nposted = 2027-01-04\napply_by = 2027-01-25\n\
                employment_type = \"full-time\"\n{purpose}\n\
                [company]\nname = \"Northgate Bank\"\n\
                about = \"Northgate Bank has served Toronto families since 1952.\"\n\n\
                [location]\nworkplace = \"on-site\"\ncity = \"Toronto\"\nregion = \"ON\"\ncountry = \"CA\"\n\n\
                [pay]\nmin = 21\nmax = 24\ncurrency = \"CAD\"\nperiod = \"hour\"\n\
                benefits = [\"Health and dental cover\"]\n\n\
                [apply]\nurl = \"https://northgate.example/jobs\"\n{apply}";
    let said = "We do not use AI to screen, assess or select applicants. This posting is for an existing vacancy.";
    let cases: [(&str, String, String, usize); 5] = [
        (
            "fields",
            String::new(),
            "ai_screening = \"not-used\"\nvacancy = \"existing\"\n".into(),
            0,
        ),
        ("instructions", String::new(), format!("instructions = \"Send your resume. {said}\"\n"), 0),
        (
            "purpose",
            format!("purpose = \"You serve our branch customers. {said}\"\n"),
            String::new(),
            0,
        ),
        (
            "mixed",
            String::new(),
            "vacancy = \"not-existing\"\ninstructions = \"Artificial intelligence tools assess every application.\"\n".into(),
            0,
        ),
        ("missing", String::new(), String::new(), 2),
    ];
    for (name, purpose, apply, _) in &cases {
        let text = base.replace("{purpose}", purpose).replace("{apply}", apply);
        let file = format!("{name}.toml");
        fs::write(dir.path().join(&file), text).unwrap();
        for format in ["md", "txt", "html"] {
            let out = stdout_of(dir.path(), &["render", &file, "--format", format]);
            fs::write(dir.path().join(format!("{name}.{format}")), out).unwrap();
        }
    }
    let findings = lint_json(dir.path());
    let missing = |file: &str| {
        findings
            .iter()
            .filter(|f| f["path"].as_str().is_some_and(|p| p.ends_with(file)))
            .filter(|f| f["rule"] == "hiring-statement-missing")
            .count()
    };
    for (name, _, _, expected) in &cases {
        for format in ["toml", "md", "txt", "html"] {
            let file = format!("{name}.{format}");
            assert_eq!(missing(&file), *expected, "{file}: {findings:#?}");
        }
    }
}
