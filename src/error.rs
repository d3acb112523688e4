//! The one error type users see, its message style and its exit codes.
//!
//! Messages are lower-case, start with where the problem is (`file:line:col` or a
//! field path), say what was found and what was expected, and suggest the closest
//! valid name when there is one.

use std::fmt;
use std::path::{Path, PathBuf};

/// Exit code for a command that ran and found problems (lint findings, failed postings).
pub const EXIT_PROBLEMS: u8 = 1;
/// Exit code for usage and input errors.
pub const EXIT_INPUT: u8 = 2;
/// Exit code after an interrupt (Ctrl-C, Esc-cancel).
pub const EXIT_INTERRUPTED: u8 = 130;

/// Shorthand for results carrying [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A place in an input: a file position or a field path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// `file:line:col`, `--set key=value`, or a field path.
    pub at: String,
    /// What is wrong, what was expected.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.message)
    }
}

/// Everything that can stop a command.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or folder could not be read or written.
    #[error("cannot {action} `{}`: {source}", path.display())]
    Io {
        /// What we tried: "read", "write", "create", …
        action: &'static str,
        /// The path involved.
        path: PathBuf,
        /// The operating system's reason.
        #[source]
        source: std::io::Error,
    },
    /// Input that is not what it should be, at one place (TOML syntax or schema,
    /// a bad `--set`, an unknown role, a preset chain, an include chain…).
    #[error("{0}")]
    Input(Problem),
    /// A merged posting that fails validation: every problem, not the first.
    #[error("{}", list_problems(.0))]
    Invalid(Vec<Problem>),
    /// A template that does not parse or render.
    #[error("template `{name}`: {detail}")]
    Template {
        /// Template name, e.g. `posting.html`.
        name: String,
        /// Tera's report, with line and column.
        detail: String,
    },
    /// An output file exists and `--force` was not given.
    #[error("`{}` already exists; pass --force to overwrite it", .0.display())]
    Exists(PathBuf),
    /// A command-line combination that cannot work.
    #[error("{0}")]
    Usage(String),
    /// The user interrupted an export; what was written is complete.
    #[error(
        "interrupted after exporting {written} of {total} postings to `{}`{}; the index was not written (run the same command with --force to finish)",
        out.display(),
        if *failed > 0 { format!(" ({failed} failed)") } else { String::new() }
    )]
    Stopped {
        /// Postings whose files were all written.
        written: usize,
        /// Postings that failed before the interrupt.
        failed: usize,
        /// Postings in the run.
        total: usize,
        /// The output folder.
        out: PathBuf,
    },
    /// The user interrupted the wizard; the draft keeps what was answered.
    #[error("interrupted; your answers so far are saved in `{}` (continue with `jobpost new --resume {}`)", .0.display(), .0.display())]
    Interrupted(PathBuf),
    /// The user stopped the wizard before answering anything: there is nothing to keep.
    #[error("interrupted before any question was answered; nothing was saved")]
    Cancelled,
}

fn list_problems(problems: &[Problem]) -> String {
    let count = problems.len();
    let noun = if count == 1 { "problem" } else { "problems" };
    let mut out = format!("the posting has {count} {noun}:");
    for p in problems {
        out.push_str(&format!("\n  {p}"));
    }
    out
}

impl Error {
    /// The process exit code for this error.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Interrupted(_) | Error::Cancelled | Error::Stopped { .. } => EXIT_INTERRUPTED,
            _ => EXIT_INPUT,
        }
    }

    /// An input problem at `at`.
    pub fn input(at: impl Into<String>, message: impl Into<String>) -> Self {
        Error::Input(Problem {
            at: at.into(),
            message: message.into(),
        })
    }

    /// An I/O failure on `path`.
    pub fn io(action: &'static str, path: &Path, source: std::io::Error) -> Self {
        Error::Io {
            action,
            path: path.to_path_buf(),
            source,
        }
    }
}

/// The candidate closest to `found`, if it is close enough to be a likely typo.
pub fn closest<'a, I>(found: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    // Edit distance catches short typos ("mni" → "min") that Jaro-Winkler scores
    // low; Jaro-Winkler catches long names with a few slips.
    let found_lc = found.to_lowercase();
    let allowed = (found_lc.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .filter_map(|c| {
            let c_lc = c.to_lowercase();
            let edits = strsim::damerau_levenshtein(&found_lc, &c_lc);
            let jw = strsim::jaro_winkler(&found_lc, &c_lc);
            (edits <= allowed || jw >= 0.85).then_some((edits, -jw, c))
        })
        .min_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)))
        .map(|(_, _, c)| c)
}

/// `"; did you mean `x`?"`, or nothing.
pub fn did_you_mean<'a, I>(found: &str, candidates: I) -> String
where
    I: IntoIterator<Item = &'a str>,
{
    closest(found, candidates)
        .map(|c| format!("; did you mean `{c}`?"))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        let roles = ["retail-customer-service", "cashier", "bank-teller"];
        assert_eq!(
            closest("retial-customer-service", roles),
            Some("retail-customer-service")
        );
        assert_eq!(closest("casheir", roles), Some("cashier"));
        assert_eq!(closest("astronaut", roles), None);
    }

    #[test]
    fn invalid_lists_every_problem() {
        let e = Error::Invalid(vec![
            Problem {
                at: "title".into(),
                message: "missing".into(),
            },
            Problem {
                at: "purpose".into(),
                message: "missing".into(),
            },
        ]);
        assert_eq!(
            e.to_string(),
            "the posting has 2 problems:\n  title: missing\n  purpose: missing"
        );
    }
}
