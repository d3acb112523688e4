//! Editing one line of text the way a shell prompt does (readline's emacs keys):
//! a pure function from a key and the line to the changed line and what the
//! prompt does next. [`super::line`] draws it and reads the keys.
//!
//! inquire's text prompt writes every character key, Ctrl held or not, so Ctrl-U
//! typed `u` into the answer; here a key with Ctrl or Alt never writes text.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The byte Ctrl-C sends (end of text).
const ETX: char = '\u{3}';
use unicode_width::UnicodeWidthStr;

/// The text typed so far and where the cursor is in it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Line {
    chars: Vec<char>,
    /// The cursor, as a count of characters before it.
    cursor: usize,
}

/// What a key asks of the prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The line or the cursor changed (or nothing did): draw it again.
    Edited,
    /// Enter: check the answer and give it.
    Submit,
    /// Tab: fill an empty line with what is offered.
    Complete,
    /// Esc: go back a question.
    Back,
    /// Ctrl-C: stop.
    Interrupt,
}

impl Line {
    /// A line holding `text`, the cursor at its end.
    pub fn new(text: &str) -> Self {
        let chars: Vec<char> = text.chars().collect();
        Line {
            cursor: chars.len(),
            chars,
        }
    }

    /// The text.
    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }

    /// The text before the cursor.
    pub fn before_cursor(&self) -> String {
        self.chars[..self.cursor].iter().collect()
    }

    /// How many columns the text before the cursor takes on a terminal.
    pub fn cursor_column(&self) -> usize {
        self.before_cursor().width()
    }

    /// Whether nothing is typed.
    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// Applies one key; see the README's table of keys.
    pub fn press(&mut self, key: KeyEvent) -> Outcome {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        match key.code {
            KeyCode::Enter => return Outcome::Submit,
            KeyCode::Tab => return Outcome::Complete,
            KeyCode::Esc => return Outcome::Back,
            // Ctrl-C is Ctrl-C whatever came before it: the raw ETX byte (as a
            // key after an unfinished escape or UTF-8 sequence is dropped),
            // with Shift or Alt held too.
            KeyCode::Char(ETX) => return Outcome::Interrupt,
            KeyCode::Char(c) if ctrl => return self.control(c.to_ascii_lowercase()),
            KeyCode::Char(c) if alt => self.meta(c),
            KeyCode::Char(c) => self.insert(&c.to_string()),
            KeyCode::Backspace if ctrl || alt => self.delete_word_before(),
            KeyCode::Backspace => self.delete_before(),
            KeyCode::Delete => self.delete_after(),
            KeyCode::Left if ctrl || alt => self.cursor = self.word_start(),
            KeyCode::Right if ctrl || alt => self.cursor = self.word_end(),
            KeyCode::Left => self.cursor = self.cursor.saturating_sub(1),
            KeyCode::Right => self.cursor = (self.cursor + 1).min(self.chars.len()),
            KeyCode::Home => self.cursor = 0,
            KeyCode::End => self.cursor = self.chars.len(),
            _ => {}
        }
        Outcome::Edited
    }

    /// Pasted text (bracketed paste): inserted, unless it holds the Ctrl-C byte,
    /// which a terminal sends inside an unfinished paste when the user presses
    /// Ctrl-C to stop it; that interrupts.
    pub fn paste(&mut self, text: &str) -> Outcome {
        if text.contains(ETX) {
            return Outcome::Interrupt;
        }
        self.insert(text);
        Outcome::Edited
    }

    /// Ctrl and a letter: the shell's line-editing keys; other letters do nothing.
    fn control(&mut self, c: char) -> Outcome {
        match c {
            'c' => return Outcome::Interrupt,
            // Enter as a terminal in raw mode may send it.
            'm' | 'j' => return Outcome::Submit,
            'a' => self.cursor = 0,
            'e' => self.cursor = self.chars.len(),
            'b' => self.cursor = self.cursor.saturating_sub(1),
            'f' => self.cursor = (self.cursor + 1).min(self.chars.len()),
            // Backspace on terminals that send ^H.
            'h' => self.delete_before(),
            'd' => self.delete_after(),
            'u' => {
                self.chars.drain(..self.cursor);
                self.cursor = 0;
            }
            'k' => self.chars.truncate(self.cursor),
            'w' => self.delete_word_before(),
            _ => {}
        }
        Outcome::Edited
    }

    /// Alt and a letter: moving and deleting by words.
    fn meta(&mut self, c: char) {
        match c {
            'b' => self.cursor = self.word_start(),
            'f' => self.cursor = self.word_end(),
            'd' => {
                let end = self.word_end();
                self.chars.drain(self.cursor..end);
            }
            _ => {}
        }
    }

    /// Inserts text at the cursor; pasted line breaks and tabs become spaces and
    /// other control characters are dropped, since the answer is one line.
    pub fn insert(&mut self, text: &str) {
        let clean = text.replace("\r\n", " ");
        let typed: Vec<char> = clean
            .chars()
            .map(|c| {
                if matches!(c, '\r' | '\n' | '\t') {
                    ' '
                } else {
                    c
                }
            })
            .filter(|c| !c.is_control())
            .collect();
        let n = typed.len();
        self.chars.splice(self.cursor..self.cursor, typed);
        self.cursor += n;
    }

    fn delete_before(&mut self) {
        if self.cursor > 0 {
            self.cursor -= 1;
            self.chars.remove(self.cursor);
        }
    }

    fn delete_after(&mut self) {
        if self.cursor < self.chars.len() {
            self.chars.remove(self.cursor);
        }
    }

    /// Ctrl-W: the spaces before the cursor, then the word before them (as
    /// readline's unix-word-rubout: a word ends at whitespace).
    fn delete_word_before(&mut self) {
        let mut start = self.cursor;
        while start > 0 && self.chars[start - 1].is_whitespace() {
            start -= 1;
        }
        while start > 0 && !self.chars[start - 1].is_whitespace() {
            start -= 1;
        }
        self.chars.drain(start..self.cursor);
        self.cursor = start;
    }

    /// Where the word at or before the cursor starts (Alt-B).
    fn word_start(&self) -> usize {
        let mut i = self.cursor;
        while i > 0 && !self.chars[i - 1].is_alphanumeric() {
            i -= 1;
        }
        while i > 0 && self.chars[i - 1].is_alphanumeric() {
            i -= 1;
        }
        i
    }

    /// Where the word at or after the cursor ends (Alt-F).
    fn word_end(&self) -> usize {
        let n = self.chars.len();
        let mut i = self.cursor;
        while i < n && !self.chars[i].is_alphanumeric() {
            i += 1;
        }
        while i < n && self.chars[i].is_alphanumeric() {
            i += 1;
        }
        i
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn ctrl(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
    }

    fn alt(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::ALT)
    }

    #[test]
    fn ctrl_c_interrupts_whatever_came_before_it() {
        let mut line = Line::new("half typed");
        assert_eq!(line.press(key(KeyCode::Char('\u{3}'))), Outcome::Interrupt);
        let shifted = KeyEvent::new(
            KeyCode::Char('C'),
            KeyModifiers::CONTROL | KeyModifiers::SHIFT,
        );
        assert_eq!(line.press(shifted), Outcome::Interrupt);
        let alt_ctrl = KeyEvent::new(
            KeyCode::Char('c'),
            KeyModifiers::CONTROL | KeyModifiers::ALT,
        );
        assert_eq!(line.press(alt_ctrl), Outcome::Interrupt);
        assert_eq!(line.paste("a long paste\u{3}"), Outcome::Interrupt);
        assert_eq!(line.paste("plain"), Outcome::Edited);
        assert_eq!(line.text(), "half typedplain");
    }

    /// Types `text` into `line` key by key.
    fn typed(line: &mut Line, text: &str) {
        for c in text.chars() {
            assert_eq!(line.press(key(KeyCode::Char(c))), Outcome::Edited);
        }
    }

    /// The line as `before|after`, the bar at the cursor.
    fn shown(line: &Line) -> String {
        let text = line.text();
        let before = line.before_cursor();
        format!("{before}|{}", &text[before.len()..])
    }

    fn after(start: &str, keys: &[KeyEvent]) -> String {
        let mut line = Line::new(start);
        for k in keys {
            line.press(*k);
        }
        shown(&line)
    }

    #[test]
    fn characters_are_written_at_the_cursor() {
        let mut line = Line::default();
        typed(&mut line, "GBP");
        assert_eq!(shown(&line), "GBP|");
        line.press(key(KeyCode::Left));
        typed(&mut line, "x");
        assert_eq!(shown(&line), "GBx|P");
        // Shift only changes the letter the terminal sends.
        line.press(KeyEvent::new(KeyCode::Char('Q'), KeyModifiers::SHIFT));
        assert_eq!(line.text(), "GBxQP");
    }

    #[test]
    fn ctrl_u_deletes_to_the_start_and_writes_nothing() {
        assert_eq!(after("xGBP", &[ctrl('u')]), "|");
        let mut line = Line::new("xGBP");
        line.press(ctrl('u'));
        typed(&mut line, "GBP");
        assert_eq!(line.text(), "GBP");
        // In the middle it keeps what is after the cursor, as a shell does.
        assert_eq!(
            after(
                "xxGBP",
                &[
                    key(KeyCode::Left),
                    key(KeyCode::Left),
                    key(KeyCode::Left),
                    ctrl('u')
                ]
            ),
            "|GBP"
        );
    }

    #[test]
    fn ctrl_w_deletes_the_word_before_the_cursor() {
        assert_eq!(after("foo bar", &[ctrl('w')]), "foo |");
        assert_eq!(after("foo bar  ", &[ctrl('w')]), "foo |");
        assert_eq!(after("foo bar", &[ctrl('w'), ctrl('w')]), "|");
        assert_eq!(after("", &[ctrl('w')]), "|");
        // A word runs to whitespace: punctuation is part of it.
        assert_eq!(after("see example.com/jobs", &[ctrl('w')]), "see |");
        assert_eq!(after("foo bar", &[key(KeyCode::Left), ctrl('w')]), "foo |r");
    }

    #[test]
    fn home_end_and_ctrl_a_ctrl_e_move_to_the_ends() {
        assert_eq!(after("ello", &[key(KeyCode::Home)]), "|ello");
        assert_eq!(after("ello", &[ctrl('a')]), "|ello");
        assert_eq!(after("ello", &[ctrl('a'), key(KeyCode::End)]), "ello|");
        assert_eq!(after("ello", &[ctrl('a'), ctrl('e')]), "ello|");
        let mut line = Line::new("ello");
        line.press(key(KeyCode::Home));
        typed(&mut line, "H");
        line.press(ctrl('e'));
        typed(&mut line, "!");
        assert_eq!(line.text(), "Hello!");
    }

    #[test]
    fn left_right_and_ctrl_b_ctrl_f_move_by_one_and_stop_at_the_ends() {
        assert_eq!(after("ab", &[key(KeyCode::Left)]), "a|b");
        assert_eq!(after("ab", &[ctrl('b'), ctrl('b'), ctrl('b')]), "|ab");
        assert_eq!(after("ab", &[key(KeyCode::Right)]), "ab|");
        assert_eq!(after("ab", &[key(KeyCode::Home), ctrl('f')]), "a|b");
    }

    #[test]
    fn words_are_skipped_with_alt_or_ctrl_arrows() {
        let line = "Head Cashier, nights";
        assert_eq!(
            after(line, &[alt(KeyCode::Char('b'))]),
            "Head Cashier, |nights"
        );
        assert_eq!(
            after(
                line,
                &[
                    alt(KeyCode::Char('b')),
                    KeyEvent::new(KeyCode::Left, KeyModifiers::CONTROL)
                ]
            ),
            "Head |Cashier, nights"
        );
        assert_eq!(
            after(line, &[key(KeyCode::Home), alt(KeyCode::Char('f'))]),
            "Head| Cashier, nights"
        );
        assert_eq!(
            after(
                line,
                &[key(KeyCode::Home), alt(KeyCode::Right), alt(KeyCode::Right)]
            ),
            "Head Cashier|, nights"
        );
        assert_eq!(
            after(line, &[key(KeyCode::Home), alt(KeyCode::Char('d'))]),
            "| Cashier, nights"
        );
    }

    #[test]
    fn backspace_and_delete_remove_one_character() {
        assert_eq!(after("abc", &[key(KeyCode::Backspace)]), "ab|");
        assert_eq!(after("abc", &[ctrl('h')]), "ab|");
        assert_eq!(after("", &[key(KeyCode::Backspace)]), "|");
        assert_eq!(
            after("abc", &[key(KeyCode::Home), key(KeyCode::Delete)]),
            "|bc"
        );
        assert_eq!(after("abc", &[key(KeyCode::Home), ctrl('d')]), "|bc");
        assert_eq!(after("abc", &[key(KeyCode::Delete)]), "abc|");
        assert_eq!(after("foo bar", &[alt(KeyCode::Backspace)]), "foo |");
    }

    #[test]
    fn ctrl_k_deletes_to_the_end() {
        assert_eq!(
            after("foo bar", &[ctrl('a'), alt(KeyCode::Char('f')), ctrl('k')]),
            "foo|"
        );
    }

    #[test]
    fn enter_tab_esc_and_ctrl_c_end_or_complete_the_line() {
        let mut line = Line::new("x");
        assert_eq!(line.press(key(KeyCode::Enter)), Outcome::Submit);
        assert_eq!(line.press(ctrl('m')), Outcome::Submit);
        assert_eq!(line.press(ctrl('j')), Outcome::Submit);
        assert_eq!(line.press(key(KeyCode::Tab)), Outcome::Complete);
        assert_eq!(line.press(key(KeyCode::Esc)), Outcome::Back);
        assert_eq!(line.press(ctrl('c')), Outcome::Interrupt);
        assert_eq!(line.text(), "x");
    }

    #[test]
    fn other_control_and_alt_keys_write_nothing() {
        let keys = [
            ctrl('x'),
            ctrl('z'),
            ctrl('l'),
            alt(KeyCode::Char('x')),
            key(KeyCode::Up),
        ];
        assert_eq!(after("ab", &keys), "ab|");
    }

    #[test]
    fn wide_characters_count_two_columns() {
        let mut line = Line::new("東京 x");
        assert_eq!(line.cursor_column(), 6);
        line.press(key(KeyCode::Home));
        line.press(key(KeyCode::Right));
        assert_eq!(line.cursor_column(), 2);
        line.press(key(KeyCode::Backspace));
        assert_eq!(shown(&line), "|京 x");
        line.press(ctrl('e'));
        line.press(ctrl('w'));
        assert_eq!(shown(&line), "京 |");
    }

    #[test]
    fn pasted_text_stays_one_line() {
        let mut line = Line::new("a");
        line.insert("b\r\nc\nd\te\u{7}f");
        assert_eq!(shown(&line), "ab c d ef|");
    }
}
