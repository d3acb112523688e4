//! The catalogues are complete and every key the code names is in them.

use super::*;

/// Every key of `lang`'s catalogue, with the field questions, help lines and
/// choice labels English takes from the field table.
fn keys(lang: Lang) -> Vec<String> {
    lang.catalogue().keys().cloned().collect()
}

/// The keys English has: its catalogue, and a question, help line and choice
/// label for every field and choice the field table and the wizard have.
fn english_keys() -> Vec<String> {
    let mut all = keys(Lang::En);
    for f in crate::model::fields::FIELDS {
        all.push(format!("help.{}", f.path));
        if f.question.is_some() {
            all.push(format!("q.{}", f.path));
        }
    }
    for f in crate::prompt::fields::FIELDS {
        if let crate::prompt::fields::Kind::Choice(choices) = f.kind {
            // Locales are shown by tag; school levels by the posting's locale.
            if ["locale", "qualifications.education"].contains(&f.path) {
                continue;
            }
            for (key, _) in choices() {
                all.push(format!("choice.{}.{key}", f.path));
            }
        }
    }
    all
}

fn placeholders(message: &str) -> Vec<&str> {
    let mut names: Vec<&str> = message
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .filter(|name| name.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

#[test]
fn german_and_french_have_every_english_key_and_no_other() {
    let english = english_keys();
    for lang in [Lang::De, Lang::Fr] {
        let have = keys(lang);
        let missing: Vec<&String> = english.iter().filter(|k| !have.contains(k)).collect();
        let extra: Vec<&String> = have.iter().filter(|k| !english.contains(k)).collect();
        assert!(missing.is_empty(), "{lang:?} misses {missing:?}");
        assert!(
            extra.is_empty(),
            "{lang:?} has keys English does not: {extra:?}"
        );
    }
}

#[test]
fn translations_keep_every_placeholder_and_are_not_english() {
    for key in keys(Lang::En) {
        let english = t_in(Lang::En, &key);
        for lang in [Lang::De, Lang::Fr] {
            let other = t_in(lang, &key);
            assert_eq!(
                placeholders(english),
                placeholders(other),
                "{lang:?} {key}: {other}"
            );
        }
    }
    // A catalogue copied from English would pass the key test: count what is
    // left untranslated (a few messages, such as "(all genders)", may be
    // the same words).
    for lang in [Lang::De, Lang::Fr] {
        let same: Vec<String> = keys(Lang::En)
            .into_iter()
            .filter(|k| t_in(Lang::En, k) == t_in(lang, k) && !t_in(lang, k).trim().is_empty())
            .collect();
        assert!(
            same.len() <= 3,
            "{lang:?} leaves these in English: {same:?}"
        );
    }
}

/// Every `ui::t("…")` and `ui::f("…", …)` in the sources names a key English
/// has (German and French then have it by the test above).
#[test]
fn every_key_the_code_names_is_in_the_catalogue() {
    let english = english_keys();
    let mut named = Vec::new();
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut dirs = vec![src];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("ui/tests.rs")
            {
                let text = std::fs::read_to_string(&path).unwrap();
                named.extend(keys_named(&text).into_iter().map(|k| (path.clone(), k)));
            }
        }
    }
    assert!(named.len() > 80, "found only {} keys", named.len());
    for (path, key) in named {
        assert!(
            english.contains(&key),
            "{}: `{key}` is in no catalogue",
            path.display()
        );
    }
}

/// The catalogue keys a source file names: every string literal that starts with
/// a catalogue table's name and a dot (`"flow.role"`, `"confirm.yes"`), wherever
/// it stands (`ui::t("…")`, a match arm, a field's `List("add.…")`).
fn keys_named(text: &str) -> Vec<String> {
    const TABLES: &[&str] = &[
        "flow", "keys", "check", "long", "add", "section", "summary", "fix", "save", "done",
        "profile", "confirm", "marker", "init", "new",
    ];
    let mut out = Vec::new();
    for literal in text.split('"').skip(1).step_by(2) {
        let Some((table, rest)) = literal.split_once('.') else {
            continue;
        };
        let word = |c: char| c.is_ascii_lowercase() || c == '_' || c == '.';
        if TABLES.contains(&table) && !rest.is_empty() && rest.chars().all(word) {
            out.push(literal.to_string());
        }
    }
    out
}

#[test]
fn the_language_comes_from_the_flag_then_lc_all_lc_messages_lang() {
    let vars = |pairs: &'static [(&str, &str)]| {
        move |name: &str| {
            pairs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        }
    };
    assert_eq!(
        Lang::from_vars(vars(&[("LANG", "de_DE.UTF-8")])),
        Some(Lang::De)
    );
    assert_eq!(
        Lang::from_vars(vars(&[("LANG", "fr_CA.UTF-8")])),
        Some(Lang::Fr)
    );
    assert_eq!(
        Lang::from_vars(vars(&[("LANG", "de_DE.UTF-8"), ("LC_MESSAGES", "fr_FR")])),
        Some(Lang::Fr)
    );
    assert_eq!(
        Lang::from_vars(vars(&[("LC_ALL", "C"), ("LANG", "de_AT.UTF-8")])),
        Some(Lang::En)
    );
    // An empty variable is not set: the next one decides.
    assert_eq!(
        Lang::from_vars(vars(&[("LC_ALL", ""), ("LANG", "de_CH")])),
        Some(Lang::De)
    );
    assert_eq!(Lang::from_vars(vars(&[("LANG", "POSIX")])), Some(Lang::En));
    assert_eq!(
        Lang::from_vars(vars(&[("LANG", "es_ES.UTF-8")])),
        Some(Lang::En)
    );
    assert_eq!(Lang::from_vars(vars(&[])), None);
    assert_eq!(Lang::detect(Some(Lang::Fr)), Lang::Fr);
}

#[test]
fn a_scope_speaks_its_language_and_restores_the_one_before() {
    assert_eq!(lang(), Lang::En);
    {
        let _de = scope(Lang::De);
        assert_eq!(question("title"), "Stellenbezeichnung");
        assert_eq!(
            choice("employment_type", "full-time", "Full-time"),
            "Vollzeit"
        );
    }
    assert_eq!(question("title"), "Job title");
    assert_eq!(t("section.pay"), "Pay and benefits");
    assert_eq!(f("done.wrote", &[("posting", "p.toml")]), "wrote p.toml");
}
