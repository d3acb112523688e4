//! Choosing one of a long list by typing to narrow it: the role search. The
//! typed text is edited with the keys of a shell prompt ([`super::edit`]: Ctrl-U,
//! Ctrl-W, Ctrl-A…), which inquire's list filter writes as letters; ↑ and ↓ move
//! through the options found, Enter chooses, Esc goes back, Ctrl-C stops.
//!
//! ```text
//! ? Role to start from contact centre
//! > Call center customer service representative  · Call center
//! [type to search, ↑↓ to move, Enter to choose]
//! ```

use std::io;

use crossterm::event::{self, Event, KeyCode, KeyEventKind};
use crossterm::style::Color;

use super::edit::{Line, Outcome};
use super::line::{Ended, Frame, Paint, Question, RawMode, Screen, answered, asking, cancelled};
use super::line::{piece, width, wrap};

/// How many options show at once.
const PAGE: usize = 10;

/// The options `query` finds, as indexes into the list, best first.
pub type Find<'a> = &'a dyn Fn(&str) -> Vec<usize>;

/// Asks `q` over `options`: the index chosen, or Esc or Ctrl-C. The cursor starts
/// on `start` while nothing is typed.
pub fn pick(
    q: &Question,
    options: &[String],
    find: Find,
    start: usize,
) -> io::Result<(Ended, usize)> {
    let _raw = RawMode::on()?;
    let mut screen = Screen::default();
    let mut line = Line::default();
    let mut found = find("");
    let mut at = found.iter().position(|i| *i == start).unwrap_or(0);
    let paint = Paint::from_terminal();
    loop {
        screen.draw(&listing(q, &line, options, &found, at, width(), paint))?;
        let key = match event::read()? {
            Event::Key(k) if k.kind != KeyEventKind::Release => k,
            Event::Paste(text) => {
                line.insert(&text);
                (found, at) = (find(&line.text()), 0);
                continue;
            }
            _ => continue,
        };
        match key.code {
            KeyCode::Up => at = at.saturating_sub(1),
            KeyCode::Down => at = (at + 1).min(found.len().saturating_sub(1)),
            _ => match line.press(key) {
                Outcome::Edited | Outcome::Complete => {
                    let before = found.get(at).copied();
                    found = find(&line.text());
                    at = before
                        .and_then(|b| found.iter().position(|i| *i == b))
                        .unwrap_or(0);
                }
                Outcome::Submit => {
                    if let Some(&i) = found.get(at) {
                        screen.finish(&answered(q, options[i].trim(), width(), paint))?;
                        return Ok((Ended::Answer(options[i].clone()), i));
                    }
                }
                Outcome::Back => {
                    screen.finish(&cancelled(q, width(), paint))?;
                    return Ok((Ended::Back, 0));
                }
                Outcome::Interrupt => {
                    screen.leave()?;
                    return Ok((Ended::Interrupt, 0));
                }
            },
        }
    }
}

/// The question with the typed text, then a page of the options found (the
/// chosen one marked `>`), then the help.
pub fn listing(
    q: &Question,
    line: &Line,
    options: &[String],
    found: &[usize],
    at: usize,
    width: usize,
    paint: Paint,
) -> Frame {
    let mut frame = asking(&Question { help: "", ..*q }, line, None, width, paint);
    let first = at.saturating_sub(PAGE - 1);
    let page = found.iter().enumerate().skip(first).take(PAGE);
    for (n, &i) in page {
        let row = match n == at {
            true => vec![piece(format!("> {}", options[i]), Some(Color::Cyan))],
            false => vec![piece(format!("  {}", options[i]), None)],
        };
        frame
            .rows
            .extend(wrap(&row, width, paint).into_iter().take(1));
    }
    if found.is_empty() {
        frame.rows.push(
            wrap(
                &[piece(
                    format!("  {}", crate::ui::t("flow.nothing_found")),
                    Some(Color::DarkGrey),
                )],
                width,
                paint,
            )
            .concat(),
        );
    }
    if !q.help.is_empty() {
        let help = [piece(format!("[{}]", q.help), Some(Color::Cyan))];
        frame.rows.extend(wrap(&help, width, paint));
    }
    frame
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyEvent, KeyModifiers};

    const PLAIN: Paint = Paint(false);

    fn options() -> Vec<String> {
        ["Cashier", "Call centre adviser", "Bank cashier"]
            .map(String::from)
            .to_vec()
    }

    #[test]
    fn the_list_shows_what_is_found_and_marks_the_choice() {
        let q = Question {
            message: "Role",
            help: "keys",
            default: "",
            placeholder: "",
        };
        let f = listing(&q, &Line::new("ca"), &options(), &[0, 2], 1, 80, PLAIN);
        assert_eq!(
            f.rows,
            ["? Role ca", "  Cashier", "> Bank cashier", "[keys]"]
        );
        let none = listing(&q, &Line::new("zz"), &options(), &[], 0, 80, PLAIN);
        assert_eq!(none.rows, ["? Role zz", "  (nothing found)", "[keys]"]);
    }

    #[test]
    fn the_search_line_takes_the_shell_keys() {
        let mut line = Line::new("contact centre");
        line.press(KeyEvent::new(KeyCode::Char('w'), KeyModifiers::CONTROL));
        assert_eq!(line.text(), "contact ");
        line.press(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
        assert_eq!(line.text(), "");
    }
}
