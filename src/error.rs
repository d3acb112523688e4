//! The one error type users see, its exit codes, and where each problem is.
//!
//! A problem's place is data ([`Origin`]): a file position, a command-line flag,
//! a field of the merged posting, or a preset. Code that moves a problem to a
//! better place (a merged field to the line that set it, `role` to where the role
//! was named, an included file to the `include` entry) matches on the origin,
//! never on the wording. What was expected and the closest valid name are data
//! too; [`crate::diagnostic`] turns all of it into the text on standard error.
//!
//! Messages are lower-case and say what was found; `expected` says what would
//! be valid.

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

/// A 1-based line and column in a source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub col: usize,
}

/// Where a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A file, at a position when one is known.
    File {
        /// The path as the user named it (or a template's name).
        path: String,
        /// Line and column; `None` for the whole file.
        pos: Option<Pos>,
        /// Characters the problem spans from `pos` (at least one is marked).
        len: usize,
    },
    /// A command-line flag and its value, e.g. `--set` `pay.min=21`.
    Flag {
        /// The flag, with its dashes.
        name: String,
        /// Its value as given.
        value: String,
    },
    /// A field of the merged posting whose source is not known (yet).
    Field {
        /// Dotted path, e.g. `pay.max`.
        path: String,
    },
    /// A role preset, shipped or the user's; values are credited to its id.
    Preset {
        /// The preset's id.
        id: String,
        /// Whether the value comes from the preset's `[hints]`.
        hint: bool,
        /// The preset's file (`roles/cashier.toml` for a shipped one).
        file: String,
        /// Position in the preset's file.
        pos: Option<Pos>,
    },
}

impl Origin {
    /// A whole file.
    pub fn file(path: impl fmt::Display) -> Self {
        Origin::File {
            path: path.to_string(),
            pos: None,
            len: 1,
        }
    }

    /// A position in a file, one character wide.
    pub fn at(path: impl fmt::Display, pos: Pos) -> Self {
        Origin::File {
            path: path.to_string(),
            pos: Some(pos),
            len: 1,
        }
    }

    /// A command-line flag with its value.
    pub fn flag(name: impl Into<String>, value: impl Into<String>) -> Self {
        Origin::Flag {
            name: name.into(),
            value: value.into(),
        }
    }

    /// A field of the merged posting.
    pub fn field(path: impl Into<String>) -> Self {
        Origin::Field { path: path.into() }
    }

    /// The file and position to show the source line of: a file's or a preset's.
    pub fn source_position(&self) -> Option<(&str, Pos, usize)> {
        match self {
            Origin::File {
                path,
                pos: Some(pos),
                len,
            } => Some((path, *pos, *len)),
            Origin::Preset {
                file,
                pos: Some(pos),
                ..
            } => Some((file, *pos, 1)),
            _ => None,
        }
    }

    /// The same place, spanning `len` characters.
    pub fn spanning(mut self, chars: usize) -> Self {
        if let Origin::File { len, .. } = &mut self {
            *len = chars.max(1);
        }
        self
    }

    /// Line and column, for a file or preset position.
    pub fn pos(&self) -> Option<Pos> {
        match self {
            Origin::File { pos, .. } | Origin::Preset { pos, .. } => *pos,
            _ => None,
        }
    }

    /// Whether this is a place in the file `path` (anywhere in it).
    pub fn is_file(&self, path: &str) -> bool {
        matches!(self, Origin::File { path: p, .. } if p == path)
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pos = |f: &mut fmt::Formatter<'_>, pos: &Option<Pos>| match pos {
            Some(p) => write!(f, ":{}:{}", p.line, p.col),
            None => Ok(()),
        };
        match self {
            Origin::File { path, pos: p, .. } => {
                f.write_str(path)?;
                pos(f, p)
            }
            Origin::Flag { name, value } => write!(f, "{name} {value}"),
            Origin::Field { path } => f.write_str(path),
            // The file is where to look; the diagnostic names the preset.
            Origin::Preset { file, pos: p, .. } => {
                f.write_str(file)?;
                pos(f, p)
            }
        }
    }
}

/// Why a field check refuses a value: what is wrong, and the closest valid
/// value as data. The checks the wizard shares show it as text ([`fmt::Display`]);
/// a posting's problems keep the suggestion apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// What is wrong, with what was expected.
    pub message: String,
    /// The closest valid value.
    pub suggestion: Option<String>,
}

impl Refusal {
    /// A refusal with the closest valid value, if there is one.
    pub fn new(message: impl Into<String>, suggestion: Option<&str>) -> Self {
        Refusal {
            message: message.into(),
            suggestion: suggestion.map(str::to_string),
        }
    }
}

impl From<String> for Refusal {
    fn from(message: String) -> Self {
        Refusal::new(message, None)
    }
}

impl From<&str> for Refusal {
    fn from(message: &str) -> Self {
        Refusal::new(message, None)
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        match &self.suggestion {
            Some(s) => write!(f, "; {}", did_you_mean(s)),
            None => Ok(()),
        }
    }
}

/// One thing wrong with the input, at one place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where it is.
    pub origin: Origin,
    /// The posting field it is about, when the origin is a place rather than the field.
    pub field: Option<String>,
    /// What is wrong (what was found).
    pub message: String,
    /// What would be valid, e.g. `one of: hour, day, week`.
    pub expected: Option<String>,
    /// The closest valid name to what was found.
    pub suggestion: Option<String>,
    /// The source line at a file position, when the text was at hand.
    pub line: Option<String>,
}

impl Problem {
    /// A problem at `origin`.
    pub fn new(origin: Origin, message: impl Into<String>) -> Self {
        Problem {
            origin,
            field: None,
            message: message.into(),
            expected: None,
            suggestion: None,
            line: None,
        }
    }

    /// A problem with the merged posting's field `path`;
    /// [`crate::load::Merged::locate`] moves it to the place that set the field.
    pub fn of_field(path: &str, message: impl Into<String>) -> Self {
        Problem {
            field: Some(path.to_string()),
            ..Problem::new(Origin::field(path), message)
        }
    }

    /// A refused value of the merged posting's field `path`.
    pub fn refused(path: &str, r: Refusal) -> Self {
        Problem::of_field(path, r.message).suggest(r.suggestion.as_deref())
    }

    /// Says what would be valid.
    pub fn expected(mut self, expected: impl Into<String>) -> Self {
        self.expected = Some(expected.into());
        self
    }

    /// Names the closest valid name, if there is one.
    pub fn suggest(mut self, suggestion: Option<&str>) -> Self {
        self.suggestion = suggestion.map(str::to_string);
        self
    }

    /// Keeps the source line the position points into.
    pub fn with_line(mut self, line: impl Into<String>) -> Self {
        self.line = Some(line.into());
        self
    }

    /// The problem moved to `origin`; a line of the old source no longer applies.
    pub fn moved_to(mut self, origin: Origin) -> Self {
        if self.origin != origin {
            self.line = None;
        }
        self.origin = origin;
        self
    }

    /// The field to name before the message: the one it is about, unless the
    /// place already is that field.
    pub fn named_field(&self) -> Option<&str> {
        match (&self.field, &self.origin) {
            (Some(f), Origin::Field { path }) if f == path => None,
            (f, _) => f.as_deref(),
        }
    }

    /// The message with what was expected and the suggestion, on one line
    /// (without the place): the form the wizard and summaries show.
    pub fn text(&self) -> String {
        let mut out = self.message.clone();
        if let Some(e) = &self.expected {
            out.push_str(&format!("; expected {e}"));
        }
        if let Some(s) = &self.suggestion {
            out.push_str(&format!("; {}", did_you_mean(s)));
        }
        out
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.origin)?;
        if let Some(field) = self.named_field() {
            write!(f, "{field}: ")?;
        }
        f.write_str(&self.text())
    }
}

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// Stops the command, or fails lint at the default threshold.
    Error,
    /// Worth fixing.
    Warning,
    /// For information.
    Note,
}

impl Severity {
    /// `error`, `warning` or `note`.
    pub fn word(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

/// One message for people, with its place and what helps fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// Lint's rule id, or the kind of error (`template`); shown in brackets.
    pub code: Option<String>,
    /// What is wrong, on one line.
    pub message: String,
    /// Where; `None` for errors that are about no one place (a full disk).
    pub origin: Option<Origin>,
    /// The source line at a file position, when the caller has it; else
    /// [`Sources`] is asked.
    pub line: Option<String>,
    /// Text after the underline.
    pub label: Option<String>,
    /// `= note:` lines: facts that help.
    pub notes: Vec<String>,
    /// The `= help:` line: what to do.
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error with a message and nothing else.
    pub fn error(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code: None,
            message: message.into(),
            origin: None,
            line: None,
            label: None,
            notes: Vec::new(),
            help: None,
        }
    }

    /// The first line: place, severity and code, message, without colour.
    pub fn summary(&self) -> String {
        let place = self
            .origin
            .as_ref()
            .map(|o| format!("{o}: "))
            .unwrap_or_default();
        format!("{place}{}: {}", self.severity_code(), self.message)
    }

    /// `error[rule-id]`, or the severity alone when there is no code.
    pub fn severity_code(&self) -> String {
        match &self.code {
            Some(c) => format!("{}[{c}]", self.severity.word()),
            None => self.severity.word().to_string(),
        }
    }
}

/// "did you mean `x`?": the one wording of a suggestion.
pub fn did_you_mean(suggestion: &str) -> String {
    format!("did you mean `{suggestion}`?")
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
    Input(Box<Problem>),
    /// A merged posting that fails validation: every problem, not the first.
    #[error("{}", list_problems(.0))]
    Invalid(Vec<Problem>),
    /// A template that does not parse or render, at the place in the template
    /// tera reports.
    #[error("template {0}")]
    Template(Box<Problem>),
    /// Lint errors that stop a posting from being exported (`export --check`).
    #[error("{}", list_checked(.0))]
    Checked(Vec<Diagnostic>),
    /// An output file exists and `--force` was not given.
    #[error("`{}` already exists; pass --force to overwrite it", .0.display())]
    Exists(PathBuf),
    /// A command-line combination that cannot work.
    #[error("{0}")]
    Usage(String),
    /// The user interrupted an export; what was written is complete.
    #[error(
        "interrupted after exporting {written} of {total} postings to `{}`{}; the careers page was not written (run the same command to finish)",
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

impl From<Problem> for Error {
    fn from(p: Problem) -> Self {
        Error::Input(Box::new(p))
    }
}

fn list_checked(errors: &[Diagnostic]) -> String {
    let lines: Vec<String> = errors.iter().map(|d| d.summary()).collect();
    lines.join("\n")
}

impl Error {
    /// The process exit code for this error.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Interrupted(_) | Error::Cancelled | Error::Stopped { .. } => EXIT_INTERRUPTED,
            _ => EXIT_INPUT,
        }
    }

    /// An input problem at `origin`.
    pub fn input(origin: Origin, message: impl Into<String>) -> Self {
        Error::from(Problem::new(origin, message))
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
            Problem::of_field("title", "missing").expected("a title"),
            Problem::of_field("pay.max", "pay.min (25) is above pay.max (18)")
                .moved_to(Origin::at("posting.toml", Pos { line: 7, col: 1 })),
        ]);
        assert_eq!(
            e.to_string(),
            "the posting has 2 problems:\n  title: missing; expected a title\n  posting.toml:7:1: pay.max: pay.min (25) is above pay.max (18)"
        );
    }
}
