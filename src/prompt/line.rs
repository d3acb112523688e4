//! The one-line text prompt of the terminal wizard, edited with the keys of a
//! shell prompt ([`super::edit`]). It is drawn on standard error as inquire draws
//! its prompts, so text and choice questions look alike:
//!
//! ```text
//! # the check's message, after a rejected Enter
//! ? Pay currency (GBP) typed text
//! [advice · keys]
//! ```
//!
//! and once answered the frame becomes `? Pay currency GBP`. The terminal is in
//! raw mode with bracketed paste on while the prompt waits, and is restored when
//! it returns, also on an error.

use std::io::{self, Write};

use crossterm::event::{self, Event, KeyEventKind};
use crossterm::style::{Color, Colored};
use crossterm::{cursor, terminal};
use unicode_width::UnicodeWidthChar;

use super::Check;
use super::edit::{Line, Outcome};

/// What is asked.
#[derive(Debug, Clone, Copy)]
pub struct Question<'a> {
    /// The question.
    pub message: &'a str,
    /// The line of advice under it.
    pub help: &'a str,
    /// The answer Enter gives on an empty line, shown as `(default)`.
    pub default: &'a str,
    /// Shown greyed on an empty line; Tab writes it into the line.
    pub placeholder: &'a str,
}

/// How the prompt ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ended {
    /// Enter, and the check passed.
    Answer(String),
    /// Esc.
    Back,
    /// Ctrl-C.
    Interrupt,
}

/// Asks `q` on the terminal until an answer passes `check`, or Esc or Ctrl-C.
pub fn ask(q: &Question, check: Check) -> io::Result<Ended> {
    let _raw = RawMode::on()?;
    let mut screen = Screen::default();
    let mut line = Line::default();
    let mut error: Option<String> = None;
    let paint = Paint::from_terminal();
    loop {
        screen.draw(&asking(q, &line, error.as_deref(), width(), paint))?;
        let outcome = match event::read()? {
            Event::Key(k) if k.kind != KeyEventKind::Release => line.press(k),
            Event::Paste(text) => line.paste(&text),
            _ => Outcome::Edited,
        };
        match outcome {
            Outcome::Edited => {}
            Outcome::Complete if line.is_empty() => line = Line::new(offer(q)),
            Outcome::Complete => {}
            Outcome::Submit => {
                let answer = answer(q, &line);
                match check(&answer) {
                    Ok(()) => {
                        screen.finish(&answered(q, &answer, width(), paint))?;
                        return Ok(Ended::Answer(answer));
                    }
                    Err(message) => error = Some(message),
                }
            }
            Outcome::Back => {
                screen.finish(&cancelled(q, width(), paint))?;
                return Ok(Ended::Back);
            }
            Outcome::Interrupt => {
                screen.leave()?;
                return Ok(Ended::Interrupt);
            }
        }
    }
}

/// What Enter gives: the typed text, or the default on an empty line.
fn answer(q: &Question, line: &Line) -> String {
    match line.is_empty() {
        true => q.default.to_string(),
        false => line.text(),
    }
}

/// What Tab writes into an empty line: the suggestion, else the value kept, to edit.
fn offer<'a>(q: &Question<'a>) -> &'a str {
    match q.placeholder.is_empty() {
        true => q.default,
        false => q.placeholder,
    }
}

/// The terminal's width in columns (80 when it cannot be read).
pub(super) fn width() -> usize {
    terminal::size().map_or(80, |(w, _)| usize::from(w.max(1)))
}

/// Raw mode and bracketed paste, on while the value lives.
pub(super) struct RawMode;

impl RawMode {
    /// Turns raw mode and bracketed paste on, until the value is dropped.
    pub(super) fn on() -> io::Result<Self> {
        terminal::enable_raw_mode()?;
        if let Err(e) = crossterm::execute!(io::stderr(), event::EnableBracketedPaste) {
            let _ = terminal::disable_raw_mode();
            return Err(e);
        }
        Ok(RawMode)
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        let _ = crossterm::execute!(io::stderr(), event::DisableBracketedPaste, cursor::Show);
        let _ = terminal::disable_raw_mode();
    }
}

/// Colours as inquire's prompts have them, or none (`--color never`, `NO_COLOR`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paint(pub(super) bool);

impl Paint {
    /// What [`super::inquire::colour`] chose.
    pub(super) fn from_terminal() -> Self {
        Paint(!Colored::ansi_color_disabled_memoized())
    }
}

/// A run of text in one colour.
pub(super) type Piece = (String, Option<Color>);

/// Lines of pieces wrapped to the terminal's width, and where the cursor goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    /// The rows, colours included.
    pub rows: Vec<String>,
    /// The cursor's row and column.
    pub cursor: (usize, usize),
}

pub(super) fn piece(text: impl Into<String>, colour: Option<Color>) -> Piece {
    (text.into(), colour)
}

/// `? message ` and the default in brackets.
fn head(q: &Question, prefix: &str) -> Vec<Piece> {
    let mut pieces = vec![
        piece(prefix, Some(Color::Green)),
        piece(format!(" {} ", q.message), None),
    ];
    if !q.default.is_empty() {
        pieces.push(piece(format!("({}) ", q.default), None));
    }
    pieces
}

/// The frame while the question waits for an answer.
pub fn asking(q: &Question, line: &Line, error: Option<&str>, width: usize, paint: Paint) -> Frame {
    let mut rows = Vec::new();
    if let Some(message) = error {
        let error = [
            piece("#", Some(Color::Red)),
            piece(format!(" {message}"), Some(Color::Red)),
        ];
        rows.extend(wrap(&error, width, paint));
    }
    let head = head(q, "?");
    let mut input = head.clone();
    input.push(match line.is_empty() {
        true => piece(q.placeholder, Some(Color::DarkGrey)),
        false => piece(line.text(), None),
    });
    let head_text: String = head.iter().map(|(t, _)| t.as_str()).collect();
    let (row, col) = end_of(&format!("{head_text}{}", line.before_cursor()), width);
    let mut input_rows = wrap(&input, width, paint);
    // The cursor after the last column of a full row is on the next row.
    input_rows.resize(input_rows.len().max(row + 1), String::new());
    let cursor = (rows.len() + row, col);
    rows.extend(input_rows);
    if !q.help.is_empty() {
        rows.extend(wrap(
            &[piece(format!("[{}]", q.help), Some(Color::Cyan))],
            width,
            paint,
        ));
    }
    Frame { rows, cursor }
}

/// The frame left on the screen once answered.
pub fn answered(q: &Question, answer: &str, width: usize, paint: Paint) -> Frame {
    let prefix = if paint.0 { ">" } else { "?" };
    let mut pieces = head(&Question { default: "", ..*q }, prefix);
    pieces.push(piece(answer, Some(Color::Cyan)));
    ended(wrap(&pieces, width, paint))
}

/// The frame left on the screen after Esc.
pub fn cancelled(q: &Question, width: usize, paint: Paint) -> Frame {
    let mut pieces = head(&Question { default: "", ..*q }, "?");
    pieces.push(piece("<canceled>", Some(Color::DarkRed)));
    ended(wrap(&pieces, width, paint))
}

/// A frame that takes no more keys: the cursor rests at the start of its last row.
fn ended(rows: Vec<String>) -> Frame {
    let last = rows.len().saturating_sub(1);
    Frame {
        rows,
        cursor: (last, 0),
    }
}

/// Where the cursor is after writing `text` from column 0: its row and column,
/// wide characters moved to the next row when they do not fit, as terminals do.
fn end_of(text: &str, width: usize) -> (usize, usize) {
    let (mut row, mut col) = (0, 0);
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if col + w > width && col > 0 {
            row += 1;
            col = 0;
        }
        col += w;
    }
    if col >= width {
        (row + 1, 0)
    } else {
        (row, col)
    }
}

/// The pieces cut into rows of at most `width` columns, coloured if painted.
pub(super) fn wrap(pieces: &[Piece], width: usize, paint: Paint) -> Vec<String> {
    let mut rows = vec![Vec::<Piece>::new()];
    let mut col = 0;
    for (text, colour) in pieces {
        for c in text.chars() {
            let w = c.width().unwrap_or(0);
            if col + w > width && col > 0 {
                rows.push(Vec::new());
                col = 0;
            }
            let row = rows.last_mut().expect("a row");
            match row.last_mut() {
                Some((t, c2)) if c2 == colour => t.push(c),
                _ => row.push((c.to_string(), *colour)),
            }
            col += w;
        }
    }
    rows.iter()
        .map(|row| row.iter().map(|(t, c)| coloured(t, *c, paint)).collect())
        .collect()
}

fn coloured(text: &str, colour: Option<Color>, paint: Paint) -> String {
    match colour {
        Some(c) if paint.0 => format!(
            "\x1b[{}m{text}\x1b[{}m",
            Colored::ForegroundColor(c),
            Colored::ForegroundColor(Color::Reset)
        ),
        _ => text.to_string(),
    }
}

/// The prompt's rows on standard error, redrawn in place.
#[derive(Debug, Default)]
pub(super) struct Screen {
    /// The cursor's row in the frame drawn, if one is.
    cursor_row: Option<usize>,
    /// How many rows the frame drawn has below the cursor.
    below: usize,
}

impl Screen {
    /// Draws `frame` over the one drawn before, in one write.
    pub(super) fn draw(&mut self, frame: &Frame) -> io::Result<()> {
        use std::fmt::Write as _;
        let mut out = String::from("\x1b[?25l");
        if let Some(row) = self.cursor_row {
            if row > 0 {
                let _ = write!(out, "\x1b[{row}A");
            }
            out.push_str("\r\x1b[J");
        }
        out.push_str(&frame.rows.join("\r\n"));
        let last = frame.rows.len().saturating_sub(1);
        let (row, col) = frame.cursor;
        if last > row {
            let _ = write!(out, "\x1b[{}A", last - row);
        }
        out.push('\r');
        if col > 0 {
            let _ = write!(out, "\x1b[{col}C");
        }
        out.push_str("\x1b[?25h");
        self.cursor_row = Some(row);
        self.below = last.saturating_sub(row);
        let mut err = io::stderr().lock();
        err.write_all(out.as_bytes())?;
        err.flush()
    }

    /// Draws the last frame and moves below it.
    pub(super) fn finish(&mut self, frame: &Frame) -> io::Result<()> {
        self.draw(frame)?;
        self.leave()
    }

    /// Moves below the frame, leaving it on the screen.
    pub(super) fn leave(&mut self) -> io::Result<()> {
        let down = match self.below {
            0 => String::new(),
            n => format!("\x1b[{n}B"),
        };
        self.cursor_row = None;
        let mut err = io::stderr().lock();
        write!(err, "{down}\r\n")?;
        err.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAIN: Paint = Paint(false);

    fn q<'a>(default: &'a str, placeholder: &'a str) -> Question<'a> {
        Question {
            message: "Pay currency",
            help: "Enter keeps it",
            default,
            placeholder,
        }
    }

    #[test]
    fn the_question_shows_the_default_the_text_and_the_help() {
        let line = Line::new("EUR");
        let f = asking(&q("GBP", ""), &line, None, 100, PLAIN);
        assert_eq!(f.rows, ["? Pay currency (GBP) EUR", "[Enter keeps it]"]);
        assert_eq!(f.cursor, (0, "? Pay currency (GBP) EUR".len()));
    }

    #[test]
    fn an_empty_line_shows_the_suggestion_with_the_cursor_before_it() {
        let f = asking(&q("", "USD"), &Line::default(), None, 100, PLAIN);
        assert_eq!(f.rows[0], "? Pay currency USD");
        assert_eq!(f.cursor, (0, "? Pay currency ".len()));
    }

    #[test]
    fn a_rejected_answer_shows_why_above_the_question() {
        let f = asking(
            &q("", ""),
            &Line::new("uGBP"),
            Some("unknown currency"),
            100,
            PLAIN,
        );
        assert_eq!(f.rows[0], "# unknown currency");
        assert_eq!(f.cursor.0, 1);
    }

    #[test]
    fn long_lines_wrap_and_the_cursor_follows() {
        let line = Line::new("abcdef");
        let f = asking(&q("", ""), &line, None, 10, PLAIN);
        // "? Pay currency abcdef" in rows of 10 columns.
        assert_eq!(f.rows[..3], ["? Pay curr", "ency abcde", "f"]);
        assert_eq!(f.cursor, (2, 1));
    }

    #[test]
    fn the_cursor_after_a_full_row_is_on_a_row_of_its_own() {
        let f = asking(&q("", ""), &Line::new("abcde"), None, 10, PLAIN);
        assert_eq!(f.rows[..3], ["? Pay curr", "ency abcde", ""]);
        assert_eq!(f.cursor, (2, 0));
    }

    #[test]
    fn wide_characters_take_two_columns_and_do_not_split() {
        let question = Question {
            message: "City",
            help: "",
            default: "",
            placeholder: "",
        };
        let f = asking(&question, &Line::new("東京都"), None, 11, PLAIN);
        // "? City " is 7 columns; 東京 fill 4 more; 都 goes to the next row.
        assert_eq!(f.rows, ["? City 東京", "都"]);
        assert_eq!(f.cursor, (1, 2));
        assert_eq!(end_of("? City 東", 11), (0, 9));
    }

    #[test]
    fn answered_and_cancelled_frames() {
        let f = answered(&q("GBP", ""), "GBP", 100, PLAIN);
        assert_eq!(f.rows, ["? Pay currency GBP"]);
        let f = cancelled(&q("GBP", ""), 100, PLAIN);
        assert_eq!(f.rows, ["? Pay currency <canceled>"]);
    }

    #[test]
    fn colours_wrap_each_run_and_end_with_a_reset() {
        let f = answered(&q("", ""), "GBP", 100, Paint(true));
        assert_eq!(
            f.rows[0],
            "\x1b[38;5;10m>\x1b[39m Pay currency \x1b[38;5;14mGBP\x1b[39m"
        );
    }

    #[test]
    fn tab_offers_the_suggestion_else_the_default() {
        assert_eq!(offer(&q("GBP", "")), "GBP");
        assert_eq!(offer(&q("", "USD")), "USD");
        assert_eq!(answer(&q("GBP", ""), &Line::default()), "GBP");
        assert_eq!(answer(&q("GBP", ""), &Line::new("EUR")), "EUR");
    }
}
