//! Output formats for findings.
//!
//! - [`Format::Human`]: each finding as [`crate::diagnostic`] prints every diagnostic
//!   (`path:line:col: severity[rule-id]: message`, the source line with the offending
//!   text underlined, `  = help: …` when there is a fix), a blank line after each, and a
//!   summary line ("3 errors, 2 warnings, 1 note in 2 files"). Plain text, no colour
//!   codes: colouring is the caller's business.
//! - [`Format::Json`]: an array of objects with path, line, column, end_line,
//!   end_column, rule, severity, message, suggestion, matched.
//! - [`Format::Sarif`]: SARIF 2.1.0 with tool.driver "jobpost", every rule in the rules
//!   array, and results with physicalLocation regions (columns in Unicode code points).
//! - [`Format::Github`]: workflow commands, `::error file=…,line=…,col=…,endColumn=…,
//!   title=rule-id::message` (notes become `::notice`); a file's per-word
//!   `gender-coded` notes become one notice listing the words.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::diagnostic::{self, Diagnostic, Sources};
use crate::error::{Origin, Pos};

use super::rules::{RULES, RuleId};
use super::{Finding, Severity};

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Compiler-style text for people.
    Human,
    /// A JSON array.
    Json,
    /// SARIF 2.1.0 for code-scanning uploads.
    Sarif,
    /// GitHub Actions workflow annotations.
    Github,
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "human" => Ok(Format::Human),
            "json" => Ok(Format::Json),
            "sarif" => Ok(Format::Sarif),
            "github" => Ok(Format::Github),
            _ => Err(format!(
                "unknown format \"{s}\" (human, json, sarif, github)"
            )),
        }
    }
}

/// Renders findings. `sources` returns a file's text by path, for the human format's
/// excerpts (return `None` to skip them).
pub fn render(
    findings: &[Finding],
    sources: &dyn Fn(&str) -> Option<String>,
    format: Format,
) -> String {
    let findings = &bounded(findings);
    match format {
        Format::Human => render_human(findings, sources, None),
        Format::Json => json(findings),
        Format::Sarif => sarif(findings),
        Format::Github => github(findings),
    }
}

/// The most findings of one rule on one line with different messages; more are
/// counted in the last one.
const MAX_PER_RULE_AND_LINE: usize = 10;

/// One finding per rule, severity, line and message, the first, counting the others
/// ("and 3,999 more on this line"), and at most [`MAX_PER_RULE_AND_LINE`] per
/// rule and line. A line repeating one phrase thousands of times gives one
/// finding, so a report grows with its input, not with its input times the
/// matches in it.
pub fn bounded(findings: &[Finding]) -> Vec<Finding> {
    // The severity is part of the key: a warning is never folded into a note.
    type Key<'a> = (&'a str, usize, &'a str, Severity);
    let mut by_message: HashMap<(Key, &str), usize> = HashMap::new();
    let mut by_line: HashMap<Key, Vec<usize>> = HashMap::new();
    let mut out: Vec<(Finding, usize)> = Vec::new();
    for f in findings {
        let key = (f.path.as_str(), f.line, f.rule, f.severity);
        let kept = by_line.entry(key).or_default();
        match by_message.get(&(key, f.message.as_str())) {
            Some(&i) => out[i].1 += 1,
            None if kept.len() == MAX_PER_RULE_AND_LINE => out[kept[kept.len() - 1]].1 += 1,
            None => {
                by_message.insert((key, f.message.as_str()), out.len());
                kept.push(out.len());
                out.push((f.clone(), 0));
            }
        }
    }
    out.into_iter()
        .map(|(mut f, more)| {
            if more > 0 {
                let more = crate::money::group_thousands(&more.to_string());
                let _ = write!(f.message, " (and {more} more on this line)");
            }
            f
        })
        .collect()
}

/// "3 errors, 2 warnings, 1 note in 2 files".
pub fn summary(findings: &[Finding], files: usize) -> String {
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!(
        "{}, {}, {} in {}",
        plural(count(Severity::Error), "error"),
        plural(count(Severity::Warning), "warning"),
        plural(count(Severity::Note), "note"),
        plural(files, "file")
    )
}

/// The human format. The summary counts `files_checked` files when given (the caller
/// knows how many it linted), else the files that have findings; with neither findings
/// nor a count it reads "no problems found".
pub fn render_human(
    findings: &[Finding],
    sources: &dyn Fn(&str) -> Option<String>,
    files_checked: Option<usize>,
) -> String {
    let sources = Sources::new(sources);
    let findings = &bounded(findings);
    let mut out = String::new();
    for f in findings {
        out.push_str(&diagnostic::render(&diagnostic(f), &sources, false));
        out.push('\n');
    }
    let with_findings: BTreeSet<&str> = findings.iter().map(|f| f.path.as_str()).collect();
    match files_checked {
        None if findings.is_empty() => out.push_str("no problems found\n"),
        files => {
            let n = files.unwrap_or(with_findings.len());
            let _ = writeln!(out, "{}", summary(findings, n));
        }
    }
    out
}

/// A finding as a diagnostic: its rule id is the code, its fix the help line. A
/// finding running onto later lines is underlined to the end of its first line.
pub fn diagnostic(f: &Finding) -> Diagnostic {
    let len = match f.end_line == f.line {
        true => f.end_col.saturating_sub(f.col.max(1)),
        false => usize::MAX,
    };
    let pos = Pos {
        line: f.line,
        col: f.col,
    };
    Diagnostic {
        severity: match f.severity {
            Severity::Error => diagnostic::Severity::Error,
            Severity::Warning => diagnostic::Severity::Warning,
            Severity::Note => diagnostic::Severity::Note,
        },
        code: Some(f.rule.to_string()),
        origin: Some(Origin::at(&f.path, pos).spanning(len)),
        help: f.suggestion.clone(),
        ..Diagnostic::error(f.message.clone())
    }
}

fn json(findings: &[Finding]) -> String {
    let mut s = serde_json::to_string_pretty(findings).unwrap_or_else(|_| "[]".to_string());
    s.push('\n');
    s
}

/// "missing-section" → "MissingSection".
fn pascal(id: &str) -> String {
    id.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

/// A relative path as a URI reference: `\` becomes `/`, anything outside the
/// unreserved set and `/` is percent-encoded.
fn uri(path: &str) -> String {
    let mut out = String::new();
    for b in path.replace('\\', "/").bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

fn sarif_level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

/// Where code-scanning tools link the tool's name: the package's homepage, else its
/// repository, else the crate's page.
const INFORMATION_URI: &str = match option_env!("CARGO_PKG_HOMEPAGE") {
    Some(h) if !h.is_empty() => h,
    _ => match option_env!("CARGO_PKG_REPOSITORY") {
        Some(r) if !r.is_empty() => r,
        _ => "https://crates.io/crates/jobpost",
    },
};

fn sarif(findings: &[Finding]) -> String {
    let doc = sarif::Log {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        runs: [sarif::Run {
            column_kind: "unicodeCodePoints",
            results: findings.iter().map(sarif_result).collect(),
            tool: sarif::Tool {
                driver: sarif::Driver {
                    information_uri: INFORMATION_URI,
                    name: "jobpost",
                    rules: sarif_rules(),
                    version: env!("CARGO_PKG_VERSION"),
                },
            },
        }],
        version: "2.1.0",
    };
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}

/// The rule list every SARIF report carries, built once: it is the same for every
/// report, and most of one.
fn sarif_rules() -> &'static [sarif::Rule] {
    static RULE_LIST: std::sync::OnceLock<Vec<sarif::Rule>> = std::sync::OnceLock::new();
    RULE_LIST.get_or_init(|| {
        RULES
            .iter()
            .map(|r| sarif::Rule {
                default_configuration: sarif::Level {
                    level: sarif_level(r.default),
                },
                id: r.id,
                name: pascal(r.id),
                properties: sarif::Family { family: r.family },
                short_description: sarif::Text { text: r.summary },
            })
            .collect()
    })
}

fn sarif_result(f: &Finding) -> sarif::Result<'_> {
    let text = match &f.suggestion {
        Some(h) => format!("{} (help: {h})", f.message),
        None => f.message.clone(),
    };
    sarif::Result {
        level: sarif_level(f.severity),
        locations: [sarif::Location {
            physical_location: sarif::Physical {
                artifact_location: sarif::Uri { uri: uri(&f.path) },
                region: sarif::Region {
                    end_column: f.end_col,
                    end_line: f.end_line,
                    start_column: f.col,
                    start_line: f.line,
                },
            },
        }],
        message: sarif::Text { text },
        rule_id: f.rule,
        rule_index: RULES.iter().position(|r| r.id == f.rule),
    }
}

/// SARIF 2.1.0 as written, typed: serialised straight from borrowed data rather
/// than through a `serde_json::Value` tree built and dropped per report. Fields
/// are declared in alphabetical order, the order the report has always had.
mod sarif {
    use serde::Serialize;

    #[derive(Serialize)]
    pub struct Log<'a> {
        #[serde(rename = "$schema")]
        pub schema: &'static str,
        pub runs: [Run<'a>; 1],
        pub version: &'static str,
    }

    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    pub struct Run<'a> {
        pub column_kind: &'static str,
        pub results: Vec<Result<'a>>,
        pub tool: Tool,
    }

    #[derive(Serialize)]
    pub struct Tool {
        pub driver: Driver,
    }

    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    pub struct Driver {
        pub information_uri: &'static str,
        pub name: &'static str,
        pub rules: &'static [Rule],
        pub version: &'static str,
    }

    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    pub struct Rule {
        pub default_configuration: Level,
        pub id: &'static str,
        pub name: String,
        pub properties: Family,
        pub short_description: Text<&'static str>,
    }

    #[derive(Serialize)]
    pub struct Level {
        pub level: &'static str,
    }

    #[derive(Serialize)]
    pub struct Family {
        pub family: &'static str,
    }

    #[derive(Serialize)]
    pub struct Text<T> {
        pub text: T,
    }

    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    pub struct Result<'a> {
        pub level: &'static str,
        pub locations: [Location; 1],
        pub message: Text<String>,
        pub rule_id: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub rule_index: Option<usize>,
    }

    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    pub struct Location {
        pub physical_location: Physical,
    }

    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    pub struct Physical {
        pub artifact_location: Uri,
        pub region: Region,
    }

    #[derive(Serialize)]
    pub struct Uri {
        pub uri: String,
    }

    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    pub struct Region {
        pub end_column: usize,
        pub end_line: usize,
        pub start_column: usize,
        pub start_line: usize,
    }
}

/// Escapes workflow-command data.
fn gh_data(s: &str) -> String {
    // Other control characters (an escape in a file name) are written as
    // `\u{1b}`: the annotations are printed raw in the CI log.
    let line_ends_kept = s.replace('\r', "\n");
    crate::error::escaped(&line_ends_kept, true)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes workflow-command property values.
fn gh_prop(s: &str) -> String {
    gh_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// The per-word `gender-coded` notes of each file as one finding at the first word,
/// listing the words with their lines, so a pull request is not buried in notes. Other
/// findings pass through in order.
fn group_gender_notes(findings: &[Finding]) -> Vec<Finding> {
    let mut out: Vec<Finding> = Vec::new();
    let mut words: HashMap<String, (usize, Vec<String>)> = HashMap::new();
    for f in findings {
        let grouped = RuleId::GenderCoded == f.rule && f.severity == Severity::Note;
        if !grouped {
            out.push(f.clone());
            continue;
        }
        let word = f.matched.clone().unwrap_or_default();
        let entry = format!("\"{word}\" (line {})", f.line);
        match words.get_mut(&f.path) {
            Some((_, list)) => list.push(entry),
            None => {
                words.insert(f.path.clone(), (out.len(), vec![entry]));
                out.push(f.clone());
            }
        }
    }
    for (at, list) in words.into_values() {
        let f = &mut out[at];
        if list.len() > 1 {
            f.message = format!(
                "{} gender-coded words (Gaucher, Friesen & Kay 2011): {}",
                list.len(),
                list.join(", ")
            );
            f.suggestion =
                Some("see `jobpost lint` for each word and its neutral alternative".to_string());
        }
    }
    out
}

fn github(findings: &[Finding]) -> String {
    let mut out = String::new();
    for f in &group_gender_notes(findings) {
        let cmd = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "notice",
        };
        let end_line = if f.end_line != f.line {
            format!(",endLine={}", f.end_line)
        } else {
            String::new()
        };
        let msg = match &f.suggestion {
            Some(h) => format!("{}\nhelp: {h}", f.message),
            None => f.message.clone(),
        };
        let _ = writeln!(
            out,
            "::{cmd} file={},line={},col={}{end_line},endColumn={},title={}::{}",
            gh_prop(&f.path),
            f.line,
            f.col,
            f.end_col,
            gh_prop(f.rule),
            gh_data(&msg)
        );
    }
    out
}

#[cfg(test)]
mod tests;
