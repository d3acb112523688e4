//! Lint configuration: the `[lint]` table of a `jobpost.toml`.
//!
//! ```toml
//! [lint]
//! rules = { "gender-coded" = "off", "word-count" = "error" }
//! jurisdictions = ["US-CO", "CA-ON"]
//! words = { min = 300, max = 700 }
//! grade_max = 9.0
//! sentence_max = 25
//! allow = ["lead*"]          # never report these words (a trailing * allows a stem)
//! ban = ["synergy"]          # report these words (rule banned-word)
//! ```
//!
//! Every key is optional; [`Config::default`] holds the documented defaults. Unknown keys
//! inside `[lint]` are errors (a typo should not silently do nothing); other top-level
//! tables belong to other parts of jobpost and are ignored here.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Severity;
use super::rules::{RULES, RuleId, pay::JURISDICTIONS, pay::find_jurisdiction};
use crate::error::{Origin, Pos, Problem};

/// The file name searched for by [`find_config`].
pub const CONFIG_FILE: &str = "jobpost.toml";

/// A rule's configured level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Report as an error.
    Error,
    /// Report as a warning.
    Warning,
    /// Report as a note.
    Note,
    /// Do not report.
    Off,
}

impl Level {
    /// The severity this level reports at, `None` when off.
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Error => Some(Severity::Error),
            Level::Warning => Some(Severity::Warning),
            Level::Note => Some(Severity::Note),
            Level::Off => None,
        }
    }
}

/// The accepted word-count band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct WordBand {
    /// Fewest words (default 300).
    pub min: usize,
    /// Most words (default 700).
    pub max: usize,
}

impl Default for WordBand {
    fn default() -> Self {
        WordBand { min: 300, max: 700 }
    }
}

/// The lint settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Per-rule level overrides, by rule id.
    pub rules: BTreeMap<String, Level>,
    /// Jurisdiction codes to check pay against ("US-CO", "CA-ON", "EU", "US" for all US).
    pub jurisdictions: Vec<String>,
    /// Word-count band (Textio, Ongig: 300–700).
    pub words: WordBand,
    /// Highest Flesch–Kincaid grade for the prose (Ongig: US grade 8–9).
    pub grade_max: f64,
    /// Longest sentence, in words.
    pub sentence_max: usize,
    /// Most bullets in one section (Ongig: 6–10).
    pub bullets_max: usize,
    /// Most required qualifications.
    pub requirements_max: usize,
    /// Longest title, in chars (Glassdoor via Ongig: 60).
    pub title_max: usize,
    /// Words and phrases never reported (a trailing `*` allows every word with that stem).
    pub allow: Vec<String>,
    /// Words and phrases reported by `banned-word` (a trailing `*` bans a stem).
    pub ban: Vec<String>,
    /// The language every posting is read in ("en", "de", "fr"), over what each says
    /// of itself and what its words say (`--lang` wins over this).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<super::lang::Lang>,
    /// The day postings that bear no date of their own are published (`--posted`,
    /// ISO): a pay law binds them only if in force by then. `None` holds them to
    /// every law.
    #[serde(skip)]
    pub posted: Option<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            rules: BTreeMap::new(),
            jurisdictions: Vec::new(),
            words: WordBand::default(),
            grade_max: 9.0,
            sentence_max: 25,
            bullets_max: 10,
            requirements_max: 8,
            title_max: 60,
            allow: Vec::new(),
            ban: Vec::new(),
            lang: None,
            posted: None,
        }
    }
}

/// A configuration file that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The file, when read from one.
    pub path: Option<PathBuf>,
    /// What is wrong.
    pub message: String,
    /// Where in the text, how many characters, and that line, when known.
    pub at: Option<Box<(Pos, usize, String)>>,
    /// What would be valid.
    pub expected: Option<String>,
    /// The closest valid name.
    pub suggestion: Option<String>,
}

impl ConfigError {
    /// The error as a problem in the file `path` (the one it was read from, if known).
    pub fn into_problem(self, path: &Path) -> Problem {
        let path = self.path.as_deref().unwrap_or(path).display().to_string();
        let problem = match self.at.map(|at| *at) {
            Some((pos, len, line)) => {
                Problem::new(Origin::at(path, pos).spanning(len), self.message).with_line(line)
            }
            None => Problem::new(Origin::file(path), self.message),
        };
        let problem = problem.suggest(self.suggestion.as_deref());
        match self.expected {
            Some(e) => problem.expected(e),
            None => problem,
        }
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.as_deref().unwrap_or(Path::new(CONFIG_FILE));
        write!(f, "{}", self.clone().into_problem(path))
    }
}

impl std::error::Error for ConfigError {}

fn err(message: impl Into<String>) -> ConfigError {
    ConfigError {
        path: None,
        message: message.into(),
        at: None,
        expected: None,
        suggestion: None,
    }
}

/// A TOML or schema error of a `jobpost.toml` text, at its position, in the
/// wording of posting files.
fn toml_error(text: &str, e: &toml::de::Error) -> ConfigError {
    let p = crate::layer::plain(e.message());
    let at = e.span().map(|span| {
        let index = crate::layer::LineIndex::new(text);
        let pos = index.pos(span.start);
        let len = text.get(span).map_or(1, |t| t.chars().count());
        Box::new((pos, len, index.line_text(pos.line).to_string()))
    });
    ConfigError {
        at,
        expected: p.expected,
        suggestion: p.suggestion,
        ..err(p.message)
    }
}

/// A read error without the file name the config error already carries.
fn unplaced(e: &crate::error::Error) -> String {
    match e {
        crate::error::Error::Input(p) => match &p.expected {
            Some(x) => format!("it {}; expected {x}", p.message),
            None => format!("it {}", p.message),
        },
        other => other.to_string(),
    }
}

/// The parts of a `jobpost.toml` lint reads; other tables are ignored.
#[derive(Deserialize)]
struct ConfigFile {
    lint: Option<Config>,
}

impl Config {
    /// Reads the `[lint]` table of a `jobpost.toml` text (defaults when absent).
    pub fn from_toml_str(text: &str) -> Result<Config, ConfigError> {
        let file: ConfigFile = toml::from_str(text).map_err(|e| toml_error(text, &e))?;
        let cfg = file.lint.unwrap_or_default();
        cfg.validate()?;
        Ok(cfg)
    }

    /// Reads a `jobpost.toml` file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        // Through the one bounded reader: `--config /dev/zero` must not read forever.
        let text = crate::files::read_text(path).map_err(|e| ConfigError {
            path: Some(path.to_path_buf()),
            ..err(format!("cannot read it: {}", unplaced(&e)))
        })?;
        Config::from_toml_str(&text).map_err(|mut e| {
            e.path = Some(path.to_path_buf());
            e
        })
    }

    /// Checks rule ids, jurisdiction codes and bands, suggesting the closest valid name.
    pub fn validate(&self) -> Result<(), ConfigError> {
        for id in self.rules.keys() {
            if RuleId::from_id(id).is_none() {
                return Err(ConfigError {
                    suggestion: closest(id, RULES.iter().map(|r| r.id)),
                    ..err(format!("unknown rule `{id}` in [lint] rules"))
                });
            }
        }
        for code in &self.jurisdictions {
            if find_jurisdiction(code).is_empty() {
                return Err(ConfigError {
                    suggestion: closest(code, JURISDICTIONS.iter().map(|j| j.code)),
                    ..err(format!(
                        "unknown jurisdiction `{code}` in [lint] jurisdictions"
                    ))
                });
            }
        }
        if self.words.min > self.words.max {
            return Err(err(format!(
                "words.min ({}) is above words.max ({})",
                self.words.min, self.words.max
            )));
        }
        if !(self.grade_max.is_finite() && self.grade_max > 0.0) {
            return Err(err("grade_max must be a positive number"));
        }
        Ok(())
    }

    /// The severity `rule` reports at under this configuration (`None` when off).
    pub fn severity(&self, rule: &str, default: Severity) -> Option<Severity> {
        match self.rules.get(rule) {
            Some(level) => level.severity(),
            None => Some(default),
        }
    }

    /// Is `word` (as matched in a posting) on the allow list?
    pub fn allows(&self, word: &str) -> bool {
        if self.allow.is_empty() {
            return false;
        }
        let w = word.to_lowercase().replace('’', "'");
        self.allow.iter().any(|a| {
            let a = a.to_lowercase();
            match a.strip_suffix('*') {
                Some(stem) => w.starts_with(stem),
                None => w == a,
            }
        })
    }
}

/// The closest name, when one is close enough.
fn closest<'a>(word: &str, names: impl Iterator<Item = &'a str>) -> Option<String> {
    let lower = word.to_lowercase();
    names
        .map(|n| (strsim::jaro_winkler(&lower, &n.to_lowercase()), n))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, n)| n.to_string())
}

/// Walks up from `start` (a file or a folder) to the first folder holding a
/// `jobpost.toml`, and returns that file's path.
pub fn find_config(start: &Path) -> Option<PathBuf> {
    let dir = if start.is_file() {
        start.parent()?
    } else {
        start
    };
    dir.ancestors()
        .map(|d| d.join(CONFIG_FILE))
        .find(|p| p.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_match_the_documentation() {
        let c = Config::default();
        assert_eq!((c.words.min, c.words.max), (300, 700));
        assert_eq!(c.grade_max, 9.0);
        assert_eq!(c.sentence_max, 25);
        assert_eq!(Config::from_toml_str("").unwrap(), c);
        assert_eq!(Config::from_toml_str("[other]\nx = 1\n").unwrap(), c);
    }

    #[test]
    fn reads_every_key() {
        let c = Config::from_toml_str(
            r#"
            [lint]
            rules = { "gender-coded" = "off", "word-count" = "error" }
            jurisdictions = ["US-CO", "ca-on"]
            words = { min = 100, max = 900 }
            grade_max = 11.5
            sentence_max = 30
            allow = ["lead*"]
            ban = ["synergy"]
            "#,
        )
        .unwrap();
        assert_eq!(c.severity("gender-coded", Severity::Note), None);
        assert_eq!(
            c.severity("word-count", Severity::Warning),
            Some(Severity::Error)
        );
        assert_eq!(
            c.severity("long-sentence", Severity::Warning),
            Some(Severity::Warning)
        );
        assert_eq!(c.words, WordBand { min: 100, max: 900 });
        assert!(c.allows("Leadership"));
        assert!(!c.allows("mislead"));
        assert_eq!(c.ban, ["synergy"]);
    }

    #[test]
    fn rejects_unknown_keys_rules_and_codes_with_hints() {
        let e = Config::from_toml_str("[lint]\ngrade = 3\n").unwrap_err();
        assert_eq!(e.message, "unknown key `grade`");
        assert_eq!(e.suggestion.as_deref(), Some("grade_max"));
        let (pos, len, line) = *e.at.unwrap();
        assert_eq!(
            (pos, len, line.as_str()),
            (Pos { line: 2, col: 1 }, 5, "grade = 3")
        );
        let e =
            Config::from_toml_str("[lint]\nrules = { \"gender-coeded\" = \"off\" }\n").unwrap_err();
        assert_eq!(e.suggestion.as_deref(), Some("gender-coded"));
        let e =
            Config::from_toml_str("[lint]\nrules = { \"word-count\" = \"loud\" }\n").unwrap_err();
        assert_eq!(e.message, "unknown value `loud`");
        assert_eq!(
            e.expected.as_deref(),
            Some("one of: error, warning, note, off")
        );
        let e = Config::from_toml_str("[lint]\njurisdictions = [\"US-CX\"]\n").unwrap_err();
        assert!(e.message.contains("unknown jurisdiction"), "{e}");
        assert_eq!(e.suggestion.as_deref(), Some("US-CA"));
        let e = Config::from_toml_str("[lint]\nwords = { min = 800 }\n").unwrap_err();
        assert!(e.message.contains("above"), "{e}");
    }

    #[test]
    fn find_config_walks_upward() {
        let base = std::env::temp_dir().join(format!("jobpost-lint-cfg-{}", std::process::id()));
        let deep = base.join("a").join("b");
        std::fs::create_dir_all(&deep).unwrap();
        std::fs::write(base.join(CONFIG_FILE), "[lint]\n").unwrap();
        let post = deep.join("post.md");
        std::fs::write(&post, "# Baker\n").unwrap();
        assert_eq!(find_config(&post), Some(base.join(CONFIG_FILE)));
        assert_eq!(find_config(&deep), Some(base.join(CONFIG_FILE)));
        std::fs::remove_dir_all(&base).unwrap();
    }
}
