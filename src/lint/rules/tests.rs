//! The rule registry is a closed set: ids, docs, suppressions and tests agree with it.

use std::path::{Path, PathBuf};

use super::{RULES, RuleId, closest_id, rule_info};

#[test]
fn ids_and_registry_line_up() {
    assert_eq!(RuleId::ALL.len(), RULES.len());
    for (id, info) in RuleId::ALL.iter().zip(RULES) {
        assert_eq!(id.as_str(), info.id);
        assert_eq!(id.info().id, info.id);
        assert_eq!(RuleId::from_id(info.id), Some(*id));
        assert!(
            info.id
                .split('-')
                .all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase())),
            "`{}` is not kebab-case",
            info.id
        );
    }
    let mut ids: Vec<&str> = RULES.iter().map(|r| r.id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), RULES.len(), "an id is registered twice");
    assert!(rule_info("gender-coded").is_some());
    assert_eq!(closest_id("gender-code"), Some("gender-coded"));
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// Rule ids named after `marker` in `text` (up to the end of the comment or string).
fn named_after<'a>(text: &'a str, marker: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices(marker) {
        let rest = &text[at + marker.len()..];
        let end = rest.find(['\n', '"', '>', '\\', ')']).unwrap_or(rest.len());
        out.extend(
            rest[..end]
                .split([',', ' '])
                .map(|w| w.trim_end_matches('-'))
                // An id is written in ASCII; prose ("jobpost-disable …") is not one.
                .filter(|w| !w.is_empty() && *w != "all")
                .filter(|w| {
                    w.chars()
                        .all(|c| c.is_ascii_alphanumeric() || "-_".contains(c))
                }),
        );
    }
    out
}

/// Every rule id the repository writes down (suppression comments in test fixtures,
/// comparisons of a finding's rule with a quoted id in code and tests) is registered,
/// so a renamed rule cannot leave a silently dead suppression or test behind.
#[test]
fn every_id_written_anywhere_is_registered() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    for dir in ["src", "tests"] {
        files(&root.join(dir), &mut paths);
    }
    let texts: Vec<(PathBuf, String)> = paths
        .into_iter()
        .filter_map(|p| std::fs::read_to_string(&p).ok().map(|t| (p, t)))
        .collect();
    // A fixture that spells a wrong id on purpose has its report in its expected output.
    let reported = |id: &str| {
        let line = format!("unknown rule `{id}`");
        texts.iter().any(|(_, t)| t.contains(&line))
    };
    let mut unknown = Vec::new();
    for (path, text) in &texts {
        // Rust sources explain the comment syntax with placeholder ids; fixtures use
        // real ones.
        let comments = match path.extension().and_then(|e| e.to_str()) {
            Some("rs") => Vec::new(),
            _ => named_after(text, "jobpost-disable-file ")
                .into_iter()
                .chain(named_after(text, "jobpost-disable "))
                .collect(),
        };
        let ids = comments
            .into_iter()
            .chain(named_after(text, "rule == \""))
            .chain(named_after(text, ".rule, \""));
        for id in ids {
            if rule_info(id).is_none() && !reported(id) {
                unknown.push(format!("{}: `{id}`", path.display()));
            }
        }
    }
    assert!(unknown.is_empty(), "unregistered rule ids: {unknown:#?}");
}

#[test]
fn every_rule_is_documented_in_the_readme() {
    let readme = include_str!("../../../README.md");
    for r in RULES {
        assert!(
            readme.contains(&format!("`{}`", r.id)),
            "README.md does not name `{}`",
            r.id
        );
    }
}

#[test]
fn a_data_file_naming_an_unknown_rule_is_refused_with_the_closest_id() {
    #[derive(serde::Deserialize, Debug)]
    struct Term {
        #[allow(dead_code)] // only its parsing is under test
        rule: RuleId,
    }
    let err = toml::from_str::<Term>("rule = \"gender-code\"").unwrap_err();
    assert!(
        err.to_string()
            .contains("unknown rule `gender-code`; did you mean `gender-coded`?"),
        "{err}"
    );
    let ok: Term = toml::from_str("rule = \"hype-title\"").unwrap();
    assert_eq!(ok.rule, RuleId::HypeTitle);
}

#[test]
fn a_rule_reports_only_in_the_languages_it_knows() {
    use crate::lint::Lang;
    use crate::lint::tests::lint_md;
    assert!(
        RULES.iter().all(|r| !r.langs.is_empty()),
        "every rule names a language"
    );
    // English lists and formulas would fire all over this German text if they ran.
    let de = "---\nlang: de\n---\n# Verkäufer\n\nWir sind ein junges Team und suchen einen \
              Rockstar. Sie sind analytisch, kompetent und unterstützen unser Team. Der \
              Bewerber arbeitet selbstständig.\n";
    for f in lint_md(de) {
        let info = rule_info(f.rule).unwrap();
        assert!(
            info.knows(Lang::De),
            "{} ran on German text: {}",
            f.rule,
            f.message
        );
        assert_eq!(f.language, Some("de"));
    }
    let en_only = [
        "gender-coded",
        "gender-balance",
        "reading-grade",
        "impersonal-voice",
    ];
    for id in en_only {
        assert!(!rule_info(id).unwrap().knows(Lang::De), "{id}");
    }
}
