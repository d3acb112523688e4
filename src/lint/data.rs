//! The lint's word lists as data: one TOML file per list family in `src/lint/data/`.
//! build.rs writes each as JSON into the binary (JSON parses several times faster than
//! TOML, and start-up is most of a one-file lint); the rule that reads a file parses
//! it once, on first use (a `OnceLock` in each rule module).
//!
//! Each file starts with a comment saying which rule reads it and how to edit it, and a
//! top-level `source = "…"` naming where its words come from. A linguist edits the file;
//! the tests (`cargo test --lib lint::data`) check that every file parses into the rule's
//! own shape and names its source.
//!
//! A new list is a new file here and a `#[derive(Deserialize)]` struct with a `source`
//! field in the rule that reads it; build.rs embeds every file of the folder.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};

mod json {
    include!(concat!(env!("OUT_DIR"), "/lint_data.rs"));
}

/// The embedded file `name`, parsed: from the JSON build.rs wrote of it, which reads
/// several times faster than the TOML. The files ship inside the binary and a test
/// parses each, so a parse error here is a bug in the build, reported with the file's
/// name.
pub fn load<T: DeserializeOwned>(name: &str) -> T {
    let text = json::JSON
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, t)| *t)
        .unwrap_or_else(|| panic!("no lint data file `{name}`"));
    serde_json::from_str(text).unwrap_or_else(|e| panic!("src/lint/data/{name}.toml: {e}"))
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
    use super::json::JSON;

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
                JSON.iter().any(|(n, _)| *n == name),
                "{}: not embedded by build.rs",
                path.display()
            );
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
