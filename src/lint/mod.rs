//! jobpost's lint engine: checks a posting the way a careful recruiter, an equity reviewer
//! and a pay-law auditor would.
//!
//! ```text
//! Markdown / text ──Doc::from_markdown / from_text──┐
//! TOML posting ──(caller builds Segments + Facts)───┴─> Doc ──lint(doc, cfg)──> Vec<Finding>
//!                                                                      └─render(…, Format)
//! ```
//!
//! - [`doc`]: the document model ([`Doc`], [`Segment`], [`Facts`]) and the Markdown and
//!   plain-text builders, with inline suppressions.
//! - [`facts`]: pay, benefits, deadline, location, experience extraction.
//! - [`rules`]: the rule families (completeness, pay, gender, inclusive, readability,
//!   voice) and the registry [`RULES`] of ids and default severities.
//! - [`config`]: the `[lint]` table of `jobpost.toml`.
//! - [`report`]: human, JSON, SARIF 2.1.0 and GitHub-annotation output.
//!
//! Findings are sorted by line, column and rule id; the output is deterministic.

pub mod config;
pub mod data;
pub mod doc;
pub mod facts;
pub mod fix;
pub mod lang;
pub mod matcher;
pub mod posting;
pub mod report;
pub mod rules;
pub mod run;
pub use crate::text;

use serde::{Deserialize, Serialize};

pub use config::{Config, ConfigError, Level, WordBand, find_config};
pub use doc::{
    Doc, Facts, Loc, PayFacts, Section, SegKind, Segment, Site, Suppression, classify_heading,
    parse_toml_suppressions,
};
pub use facts::extract_facts;
pub use lang::Lang;
pub use report::{Format, render, render_human, summary};
pub use rules::pay::{JURISDICTIONS, Jurisdiction, find_jurisdiction, jurisdictions_for};
pub use rules::{RULES, RuleInfo, rule_info};

/// How serious a finding is. Ordered: `Note < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; never fails a build unless asked.
    Note,
    /// Should be fixed.
    Warning,
    /// Must be fixed (a legal requirement, or configured so).
    Error,
}

impl Severity {
    /// "note", "warning" or "error".
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem found in a posting. Positions are 1-based; columns count chars;
/// `end_line:end_col` is one past the last char (as in SARIF).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// The posting's path.
    pub path: String,
    /// Line of the first char.
    pub line: usize,
    /// Column of the first char.
    #[serde(rename = "column")]
    pub col: usize,
    /// Line of the end.
    pub end_line: usize,
    /// Column one past the last char.
    #[serde(rename = "end_column")]
    pub end_col: usize,
    /// Rule id.
    pub rule: &'static str,
    /// Severity after configuration.
    pub severity: Severity,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub suggestion: Option<String>,
    /// The offending text.
    pub matched: Option<String>,
    /// The language the posting was read in ("en", "de", "fr"), which decides the word
    /// lists and formulas that ran; none for findings about a file's keys.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<&'static str>,
}

/// Runs every enabled rule on a posting, applies the configured severities, the allow
/// list and the inline suppressions, and returns the findings sorted by
/// (line, column, rule). Pay jurisdictions come from the configuration and the posting
/// (see [`jurisdictions_for`]; add command-line codes to `cfg.jurisdictions`).
pub fn lint(doc: &Doc, cfg: &Config) -> Vec<Finding> {
    let jurisdictions = jurisdictions_for(doc, cfg, &[]);
    let fresh;
    let analysed = match doc.cached_analysis() {
        Some(a) => a,
        None => {
            fresh = facts::analyse(&doc.segments);
            &fresh
        }
    };
    let mut ctx = rules::Ctx::new(doc, cfg, jurisdictions, analysed);
    rules::run_all(&mut ctx);
    let mut out: Vec<Finding> = ctx
        .finish()
        .into_iter()
        .filter_map(|mut f| {
            f.severity = cfg.severity(f.rule, f.severity)?;
            let suppressed = doc.suppressions.iter().any(|s| s.covers(f.rule, f.line));
            let allowed = f.matched.as_deref().is_some_and(|m| cfg.allows(m));
            (!suppressed && !allowed).then_some(f)
        })
        .collect();
    // Stable: findings of one rule at one place keep the order the rule gave them.
    out.sort_by(|a, b| (a.line, a.col, a.rule).cmp(&(b.line, b.col, b.rule)));
    out
}

#[cfg(test)]
pub(crate) mod tests;
