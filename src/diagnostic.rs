//! One printer for every diagnostic people read: input and validation errors,
//! template errors and lint findings all come out in lint's style:
//!
//! ```text
//! posting.toml:5:1: error: unknown key `maximum`; expected one of: min, max
//!  5 | maximum = 18
//!    | ^^^^^^^
//!   = help: did you mean `max`?
//! ```
//!
//! The place first (`file:line:col`, `--set key=value`, a field path), then the
//! severity with the rule id or error kind in brackets, the message, the source
//! line with the offending text underlined when the place is a file position,
//! then `= note:` and `= help:` lines. [`render`] is a pure function: the caller
//! decides where the text goes, whether it is coloured, and how source files are
//! read ([`Sources`]).

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::rc::Rc;

use unicode_width::UnicodeWidthChar;

use crate::error::{Error, Origin, Problem};

pub use crate::error::{Diagnostic, Severity, did_you_mean};

/// Bold red, bold yellow, bold cyan.
fn colour(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "\x1b[1;31m",
        Severity::Warning => "\x1b[1;33m",
        Severity::Note => "\x1b[1;36m",
    }
}

impl Diagnostic {
    /// A problem as a diagnostic: the field it concerns leads the message, what
    /// was expected follows it, and the suggestion becomes the help line.
    pub fn of_problem(p: &Problem) -> Self {
        let field = p.named_field();
        let mut message = field.map(|f| format!("{f}: ")).unwrap_or_default();
        message.push_str(&p.message);
        if let Some(e) = &p.expected {
            let _ = write!(message, "; expected {e}");
        }
        let mut notes = Vec::new();
        if let Origin::Preset { id, hint, .. } = &p.origin {
            let part = if *hint { "hints of the " } else { "" };
            notes.push(format!("the value comes from the {part}role preset `{id}`"));
        }
        Diagnostic {
            origin: Some(p.origin.clone()),
            line: p.line.clone(),
            notes,
            help: p.suggestion.as_deref().map(did_you_mean),
            ..Diagnostic::error(message)
        }
    }
}

/// Every diagnostic of an error, in order. A list of problems ends with a line
/// counting them.
pub fn of_error(e: &Error) -> Vec<Diagnostic> {
    match e {
        Error::Input(p) => vec![Diagnostic::of_problem(p)],
        Error::Template(p) => vec![Diagnostic {
            code: Some("template".to_string()),
            ..Diagnostic::of_problem(p)
        }],
        Error::Invalid(problems) => {
            let all = problems.iter().map(Diagnostic::of_problem).collect();
            counted(all)
        }
        Error::Checked(errors) => counted(errors.clone()),
        // Only `Io` has a source, and its message already quotes it.
        other => vec![Diagnostic::error(other.to_string())],
    }
}

/// Several diagnostics about one posting end with a line counting them.
fn counted(mut all: Vec<Diagnostic>) -> Vec<Diagnostic> {
    if all.len() > 1 {
        let count = crate::output::count(all.len(), "problem");
        all.push(Diagnostic::error(format!("the posting has {count}")));
    }
    all
}

/// Reads a source text by path.
type Loader<'a> = Box<dyn Fn(&str) -> Option<String> + 'a>;

/// Source texts by path, read once each and split into lines.
pub struct Sources<'a> {
    load: Loader<'a>,
    lines: RefCell<HashMap<String, Option<Rc<Vec<String>>>>>,
}

impl<'a> Sources<'a> {
    /// Sources that `load` returns by path (`None` to show no excerpt).
    pub fn new(load: impl Fn(&str) -> Option<String> + 'a) -> Self {
        Sources {
            load: Box::new(load),
            lines: RefCell::new(HashMap::new()),
        }
    }

    /// No sources: diagnostics show only the lines they carry.
    pub fn none() -> Sources<'static> {
        Sources::new(|_| None)
    }

    /// Files read from disk, as named.
    pub fn files() -> Sources<'static> {
        // Through the one safe reader: a FIFO or a huge file named in a
        // diagnostic must not hang or flood the printer.
        Sources::new(|p| crate::files::read_text(std::path::Path::new(p)).ok())
    }

    /// 1-based line `n` of `path`, without a byte-order mark or line end.
    pub fn line(&self, path: &str, n: usize) -> Option<String> {
        let mut cache = self.lines.borrow_mut();
        let lines = cache.entry(path.to_string()).or_insert_with(|| {
            (self.load)(path).map(|s| {
                let s = s.strip_prefix('\u{feff}').unwrap_or(&s);
                Rc::new(
                    s.lines()
                        .map(|l| l.trim_end_matches('\r').to_string())
                        .collect(),
                )
            })
        });
        lines.as_ref()?.get(n.checked_sub(1)?).cloned()
    }
}

/// Whether diagnostics on standard error are coloured: `always`, `never`, or with
/// `auto` when standard error is a terminal and `NO_COLOR` is not set (no-color.org).
pub fn use_colour(choice: clap::ColorChoice) -> bool {
    use std::io::IsTerminal;
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    match choice {
        clap::ColorChoice::Always => true,
        clap::ColorChoice::Never => false,
        clap::ColorChoice::Auto => !no_color && std::io::stderr().is_terminal(),
    }
}

/// ANSI styles, or none.
struct Paint(bool);

impl Paint {
    fn on(&self, style: &str, text: &str) -> String {
        match self.0 {
            true => format!("{style}{text}\x1b[0m"),
            false => text.to_string(),
        }
    }
}

const BOLD: &str = "\x1b[1m";
const GUTTER: &str = "\x1b[1;34m";

/// The diagnostic as text, ending in a newline. Everything it echoes (the place,
/// the message with the values it quotes, notes, the source line) is escaped
/// ([`crate::error::escaped`]) and cut to a bounded length, so a hostile posting
/// can neither drive the reader's terminal nor flood it.
pub fn render(d: &Diagnostic, sources: &Sources, color: bool) -> String {
    let paint = Paint(color);
    let mut out = String::new();
    if let Some(o) = &d.origin {
        out.push_str(&paint.on(BOLD, &format!("{}:", bounded(&o.to_string(), false))));
        out.push(' ');
    }
    let severity = d.severity_code();
    let _ = writeln!(
        out,
        "{}{}",
        paint.on(colour(d.severity), &severity),
        paint.on(BOLD, &format!(": {}", bounded(&d.message, true)))
    );
    if let Some((path, pos, len)) = d.origin.as_ref().and_then(Origin::source_position) {
        let line = d.line.clone().or_else(|| sources.line(path, pos.line));
        if let Some(line) = line {
            let shown = Excerpt {
                line: &line,
                num: pos.line,
                col: pos.col,
                len,
                label: d.label.as_deref(),
            };
            shown.write(&mut out, &paint, d.severity);
        }
    }
    for note in &d.notes {
        let _ = writeln!(
            out,
            "  {} {}",
            paint.on(BOLD, "= note:"),
            bounded(note, true)
        );
    }
    if let Some(help) = &d.help {
        let _ = writeln!(
            out,
            "  {} {}",
            paint.on(BOLD, "= help:"),
            bounded(help, true)
        );
    }
    out
}

/// The most characters of one line of a message, note or place we print; a
/// longer one (a megabyte-long key quoted in it) keeps its start and end around `…`.
const MAX_MESSAGE: usize = 600;
/// Characters kept from the end of a line cut to [`MAX_MESSAGE`].
const MESSAGE_TAIL: usize = 100;
/// The most lines of one message we print.
const MAX_MESSAGE_LINES: usize = 100;

/// `text` escaped, each line cut to [`MAX_MESSAGE`] characters and the whole to
/// [`MAX_MESSAGE_LINES`] lines.
fn bounded(text: &str, keep_newlines: bool) -> String {
    let text = crate::error::escaped(text, keep_newlines);
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out: Vec<String> = lines
        .iter()
        .take(MAX_MESSAGE_LINES)
        .map(|l| bounded_line(l))
        .collect();
    if lines.len() > MAX_MESSAGE_LINES {
        let more = lines.len() - MAX_MESSAGE_LINES;
        out.push(format!("… and {} more", crate::output::count(more, "line")));
    }
    out.join("\n")
}

fn bounded_line(line: &str) -> String {
    let count = line.chars().count();
    if count <= MAX_MESSAGE {
        return line.to_string();
    }
    let head: String = line.chars().take(MAX_MESSAGE - MESSAGE_TAIL - 1).collect();
    let tail: String = line.chars().skip(count - MESSAGE_TAIL).collect();
    format!("{head}…{tail}")
}

/// Diagnostics one after the other, a blank line between them.
pub fn render_all(diagnostics: &[Diagnostic], sources: &Sources, color: bool) -> String {
    let texts: Vec<String> = diagnostics
        .iter()
        .map(|d| render(d, sources, color))
        .collect();
    texts.join("\n")
}

/// A source line with the offending characters underlined.
struct Excerpt<'a> {
    line: &'a str,
    num: usize,
    col: usize,
    len: usize,
    label: Option<&'a str>,
}

/// A source line up to this many characters is shown whole.
const MAX_LINE: usize = 300;
/// Of a longer line, the characters shown before the underlined span.
const CONTEXT_BEFORE: usize = 60;
/// Characters of the span and after it shown; more are cut to `…`.
const CONTEXT_AFTER: usize = 200;

/// One source character as the excerpt shows it: a tab as a space, a control
/// character escaped, anything else as it is; with its width in terminal cells
/// (wide CJK and emoji take two, combining accents none).
fn cell(c: char) -> (String, usize) {
    match c {
        '\t' => (" ".to_string(), 1),
        c if crate::error::is_unsafe_char(c) => {
            let text = crate::error::escaped(&c.to_string(), false).into_owned();
            let width = text.len();
            (text, width)
        }
        c => (c.to_string(), UnicodeWidthChar::width(c).unwrap_or(0)),
    }
}

impl Excerpt<'_> {
    fn write(&self, out: &mut String, paint: &Paint, severity: Severity) {
        let chars = self.line.chars().count();
        let start = self.col.max(1).min(chars + 1);
        // The underline stays on the line, and marks at least one cell (the end
        // of the line, for a problem there).
        let avail = (chars + 1).saturating_sub(start).max(1);
        let carets = self.len.clamp(1, avail);
        // A window around the span, so a megabyte-long line prints a few hundred
        // characters; `…` says where it was cut.
        let (from, to) = match chars <= MAX_LINE {
            true => (0, chars),
            false => (
                (start - 1).saturating_sub(CONTEXT_BEFORE),
                chars.min(start - 1 + CONTEXT_AFTER),
            ),
        };
        let carets = carets.min((to + 1).saturating_sub(start - 1)).max(1);
        // Only the window's characters are laid out.
        let cells: Vec<(String, usize)> = self
            .line
            .chars()
            .skip(from)
            .take(to - from)
            .map(cell)
            .collect();
        let width = |range: std::ops::Range<usize>| -> usize {
            let range = range.start - from..range.end - from;
            cells
                .get(range)
                .map_or(0, |c| c.iter().map(|(_, w)| w).sum())
        };
        let mut shown = String::new();
        if from > 0 {
            shown.push('…');
        }
        cells.iter().for_each(|(t, _)| shown.push_str(t));
        if to < chars {
            shown.push('…');
        }
        let lead = usize::from(from > 0) + width(from..start - 1);
        let end = (start - 1 + carets).min(to);
        let under = (width(start - 1..end) + usize::from(start - 1 + carets > chars)).max(1);
        let num = self.num.to_string();
        let pad = " ".repeat(num.len());
        let bar = paint.on(GUTTER, "|");
        let _ = writeln!(
            out,
            " {} {bar} {}",
            paint.on(GUTTER, &num),
            shown.trim_end()
        );
        let label = self
            .label
            .map(|l| format!(" {}", bounded(l, false)))
            .unwrap_or_default();
        let marks = paint.on(colour(severity), &format!("{}{label}", "^".repeat(under)));
        let _ = writeln!(out, " {pad} {bar} {}{marks}", " ".repeat(lead));
    }
}

#[cfg(test)]
mod tests;
