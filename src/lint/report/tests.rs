//! Output formats: pinned human output, JSON fields, SARIF structure, GitHub commands.

use super::*;
use crate::lint::{Config, Doc, lint};
use serde_json::Value;

const SMALL: &str = "# Rockstar Baker\n\nYou bake bread for our café.\n\nHe must be a ninja.\n";

fn small() -> (Vec<Finding>, String) {
    let doc = Doc::from_markdown("jobs/baker.md", SMALL);
    let mut cfg = Config::default();
    // Keep the pinned output small: only the word-level rules.
    for r in ["missing-section", "word-count"] {
        cfg.rules.insert(r.to_string(), crate::lint::Level::Off);
    }
    (lint(&doc, &cfg), SMALL.to_string())
}

fn src(text: String) -> impl Fn(&str) -> Option<String> {
    move |_| Some(text.clone())
}

#[test]
fn human_output_is_pinned() {
    let (f, text) = small();
    let out = render(&f, &src(text), Format::Human);
    let want = r#"jobs/baker.md:1:3: warning[hype-title]: "Rockstar" is a hype title that puts many candidates off
 1 | # Rockstar Baker
   |   ^^^^^^^^
  = help: use the job's real name (e.g. "developer", "baker")

jobs/baker.md:5:1: warning[gendered-term]: "He" assumes the candidate's gender
 5 | He must be a ninja.
   | ^^
  = help: address the candidate as "you" (or use "they")

jobs/baker.md:5:14: warning[hype-title]: "ninja" is a hype title that puts many candidates off
 5 | He must be a ninja.
   |              ^^^^^
  = help: use the job's real name (e.g. "developer", "baker")

0 errors, 3 warnings, 0 notes in 1 file
"#;
    assert_eq!(out, want);
}

#[test]
fn human_output_without_sources_or_findings() {
    let (f, _) = small();
    let out = render(&f[..1], &|_| None, Format::Human);
    assert!(out.starts_with("jobs/baker.md:1:3: warning[hype-title]"));
    assert!(!out.contains(" | "));
    assert_eq!(render(&[], &|_| None, Format::Human), "no problems found\n");
    assert_eq!(
        render_human(&[], &|_| None, Some(3)),
        "0 errors, 0 warnings, 0 notes in 3 files\n"
    );
    assert!(!out.contains('\u{1b}'), "no colour codes");
}

#[test]
fn carets_follow_chars_not_bytes() {
    let text = "# Baker\n\nÜber café: a rockstar.\n";
    let f = lint(&Doc::from_markdown("p.md", text), &Config::default());
    let out = render(&f, &src(text.to_string()), Format::Human);
    assert!(
        out.contains(" 3 | Über café: a rockstar.\n   |              ^^^^^^^^\n"),
        "{out}"
    );
}

#[test]
fn summary_pluralises() {
    let (f, _) = small();
    assert_eq!(summary(&f, 1), "0 errors, 3 warnings, 0 notes in 1 file");
    assert_eq!(summary(&[], 2), "0 errors, 0 warnings, 0 notes in 2 files");
}

#[test]
fn json_has_the_documented_fields() {
    let (f, _) = small();
    let v: Value = serde_json::from_str(&render(&f, &|_| None, Format::Json)).unwrap();
    let first = &v[0];
    for k in [
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "rule",
        "severity",
        "message",
        "suggestion",
        "matched",
    ] {
        assert!(first.get(k).is_some(), "missing {k}");
    }
    assert_eq!(first["column"], 3);
    assert_eq!(first["end_column"], 11);
    assert_eq!(first["severity"], "warning");
    assert_eq!(first["matched"], "Rockstar");
}

#[test]
fn sarif_has_required_structure() {
    let (f, _) = small();
    let v: Value = serde_json::from_str(&render(&f, &|_| None, Format::Sarif)).unwrap();
    assert_eq!(v["version"], "2.1.0");
    assert!(v["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let run = &v["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "jobpost");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), RULES.len());
    for r in rules {
        assert!(r["id"].is_string() && r["shortDescription"]["text"].is_string());
    }
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 3);
    let r = &results[0];
    assert_eq!(r["ruleId"], "hype-title");
    assert_eq!(r["level"], "warning");
    assert_eq!(
        rules[r["ruleIndex"].as_u64().unwrap() as usize]["id"],
        "hype-title"
    );
    assert!(r["message"]["text"].is_string());
    let loc = &r["locations"][0]["physicalLocation"];
    assert_eq!(loc["artifactLocation"]["uri"], "jobs/baker.md");
    assert_eq!(loc["region"]["startLine"], 1);
    assert_eq!(loc["region"]["startColumn"], 3);
    assert_eq!(loc["region"]["endColumn"], 11);
}

#[test]
fn sarif_uri_encoding() {
    assert_eq!(uri("my jobs\\a#1.md"), "my%20jobs/a%231.md");
}

#[test]
fn github_annotations() {
    let (f, _) = small();
    let out = render(&f, &|_| None, Format::Github);
    let first = out.lines().next().unwrap();
    assert_eq!(
        first,
        "::warning file=jobs/baker.md,line=1,col=3,endColumn=11,title=hype-title::\"Rockstar\" is a hype title that puts many candidates off%0Ahelp: use the job's real name (e.g. \"developer\", \"baker\")"
    );
    let note = Finding {
        path: "a,b:c.md".into(),
        line: 2,
        col: 1,
        end_line: 3,
        end_col: 2,
        rule: "gender-coded",
        severity: Severity::Note,
        message: "50% done".into(),
        suggestion: None,
        matched: None,
        language: None,
    };
    assert_eq!(
        github(&[note]),
        "::notice file=a%2Cb%3Ac.md,line=2,col=1,endLine=3,endColumn=2,title=gender-coded::50%25 done\n"
    );
}

#[test]
fn format_names_parse() {
    assert_eq!("sarif".parse::<Format>(), Ok(Format::Sarif));
    assert!("xml".parse::<Format>().is_err());
}

#[test]
fn carets_line_up_after_wide_chars() {
    let text = "# Baker\n\n東京の店: a rockstar.\n";
    let f = lint(&Doc::from_markdown("p.md", text), &Config::default());
    let out = render(&f, &src(text.to_string()), Format::Human);
    // Four wide chars take eight cells, then ": a " four more.
    let under = format!("   | {}{}\n", " ".repeat(12), "^".repeat(8));
    assert!(
        out.contains(&format!(" 3 | 東京の店: a rockstar.\n{under}")),
        "{out}"
    );
}

#[test]
fn sarif_driver_has_an_information_uri() {
    let (f, _) = small();
    let v: Value = serde_json::from_str(&render(&f, &|_| None, Format::Sarif)).unwrap();
    let uri = v["runs"][0]["tool"]["driver"]["informationUri"]
        .as_str()
        .unwrap();
    assert!(uri.starts_with("https://"), "{uri}");
}

#[test]
fn github_groups_a_files_gender_notes_into_one() {
    let word = |path: &str, line: usize, w: &str| Finding {
        path: path.into(),
        line,
        col: 1,
        end_line: line,
        end_col: 1 + w.len(),
        rule: "gender-coded",
        severity: Severity::Note,
        message: format!("\"{w}\" is coded"),
        suggestion: None,
        matched: Some(w.into()),
        language: None,
    };
    let f = [
        word("a.md", 2, "lead"),
        word("a.md", 5, "support"),
        word("b.md", 3, "lead"),
    ];
    let out = github(&f);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(
        lines[0].contains("file=a.md,line=2")
            && lines[0].contains("2 gender-coded words (Gaucher, Friesen & Kay 2011): \"lead\" (line 2), \"support\" (line 5)"),
        "{out}"
    );
    assert!(lines[1].contains("file=b.md,line=3") && lines[1].ends_with("\"lead\" is coded"));
}
