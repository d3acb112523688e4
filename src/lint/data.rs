//! The lint's word lists as data: one TOML file per list family in `src/lint/data/`,
//! embedded in the binary with `include_str!` and parsed once, on first use, by the rule
//! that reads it (a `OnceLock` in each rule module).
//!
//! Each file starts with a comment saying which rule reads it and how to edit it, and a
//! top-level `source = "…"` naming where its words come from. A linguist edits the file;
//! the tests (`cargo test --lib lint::data`) check that every file parses into the rule's
//! own shape and names its source.
//!
//! A new list is a new file here, a `#[derive(Deserialize)]` struct with a `source`
//! field in the rule that reads it, and one line in [`FILES`].

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};

/// Every embedded data file, by name (the file is `src/lint/data/<name>.toml`).
pub const FILES: &[(&str, &str)] = &[
    ("gender", include_str!("data/gender.toml")),
    ("inclusive", include_str!("data/inclusive.toml")),
    ("voice", include_str!("data/voice.toml")),
    ("readability", include_str!("data/readability.toml")),
    ("headings", include_str!("data/headings.toml")),
    ("completeness", include_str!("data/completeness.toml")),
    ("consistency", include_str!("data/consistency.toml")),
    ("pay", include_str!("data/pay.toml")),
    ("facts", include_str!("data/facts.toml")),
    ("places", include_str!("data/places.toml")),
    ("jurisdictions", include_str!("data/jurisdictions.toml")),
    ("locale", include_str!("data/locale.toml")),
    ("front", include_str!("data/front.toml")),
    ("matcher", include_str!("data/matcher.toml")),
    ("ease", include_str!("data/ease.toml")),
    ("wording", include_str!("data/wording.toml")),
    ("titles", include_str!("data/titles.toml")),
    ("languages", include_str!("data/languages.toml")),
];

/// The embedded file `name`, parsed. The files ship inside the binary and a test parses
/// each, so a parse error here is a bug in the build, reported with the file's name.
pub fn load<T: DeserializeOwned>(name: &str) -> T {
    let text = FILES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, t)| *t)
        .unwrap_or_else(|| panic!("no lint data file `{name}`"));
    toml::from_str(text).unwrap_or_else(|e| panic!("src/lint/data/{name}.toml: {e}"))
}

/// A string read from a data file. An alias, not `&'static str` written out: serde
/// would take a literal `&str` field as borrowed from the input.
pub type Text = &'static str;

/// A string kept for the life of the process, so rules can hold `&'static str` words as
/// they did when the lists were Rust tables (each file is parsed once).
pub fn text<'de, D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
    String::deserialize(d).map(|s| &*Box::leak(s.into_boxed_str()))
}

/// An optional string kept for the life of the process (see [`text`]); use with
/// `#[serde(default)]`.
pub fn maybe_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Text>, D::Error> {
    text(d).map(Some)
}

/// A list of strings kept for the life of the process (see [`text`]).
pub fn words<'de, D: Deserializer<'de>>(d: D) -> Result<&'static [&'static str], D::Error> {
    let words: Vec<String> = Vec::deserialize(d)?;
    let words: Box<[&'static str]> = words
        .into_iter()
        .map(|s| &*Box::leak(s.into_boxed_str()))
        .collect();
    Ok(Box::leak(words))
}

#[cfg(test)]
mod tests {
    use super::FILES;

    #[test]
    fn every_data_file_is_embedded_and_names_its_source() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lint/data");
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            let text = std::fs::read_to_string(&path).unwrap();
            let table: toml::Table =
                toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let source = table.get("source").and_then(|s| s.as_str());
            assert!(
                source.is_some_and(|s| !s.trim().is_empty()),
                "{}: no top-level `source = \"…\"`",
                path.display()
            );
            let name = path
                .file_stem()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            assert!(
                FILES.iter().any(|(n, _)| *n == name),
                "{}: not in lint::data::FILES, so not embedded",
                path.display()
            );
        }
        for (name, text) in FILES {
            assert!(dir.join(format!("{name}.toml")).exists(), "{name}");
            assert!(
                text.starts_with('#'),
                "{name}.toml: start with a comment saying how to edit the file"
            );
        }
    }

    #[test]
    fn every_rule_reads_its_file() {
        // Each call parses its file into the rule's own shape (and panics naming the
        // file if it does not fit).
        super::super::rules::gender::data_loads();
        super::super::rules::inclusive::data_loads();
        super::super::rules::voice::data_loads();
        super::super::rules::readability::data_loads();
        super::super::doc::data_loads();
        super::super::doc::front_data_loads();
        super::super::matcher::data_loads();
        super::super::rules::completeness::data_loads();
        super::super::rules::consistency::data_loads();
        super::super::facts::money_data_loads();
        super::super::facts::data_loads();
        super::super::facts::places_data_loads();
        super::super::rules::pay::data_loads();
        super::super::rules::readability::ease::data_loads();
        super::super::rules::inclusive::wording_loads();
        super::super::rules::title::data_loads();
        super::super::rules::places::data_loads();
    }
}
