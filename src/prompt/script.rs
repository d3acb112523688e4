//! A [`Prompter`] that replays scripted keys, for fast tests of the flow: it
//! applies the same checks a terminal would and logs every question.

use std::collections::VecDeque;

use crate::error::Error;

use super::{Ask, Check, Halt, Prompter, Reply};

/// One scripted answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Key {
    /// Accept what is offered.
    Enter,
    /// Type this text, then Enter.
    Type(String),
    /// Choose the option at this index.
    Pick(usize),
    /// Tick exactly these options.
    Ticks(Vec<usize>),
    /// Answer a confirm.
    Yes,
    /// Answer a confirm.
    No,
    /// Go back.
    Esc,
    /// Stop.
    CtrlC,
    /// Take the suggestion (Tab), then Enter.
    Tab,
    /// Press Enter at every question until this one, then go on with the next key.
    EnterUntil(&'static str),
}

/// Replays keys; every question, rejection and shown text is logged.
#[derive(Debug, Default)]
pub struct Script {
    keys: VecDeque<Key>,
    /// `? message`, `! rejection`, `> shown text`, in order.
    pub log: Vec<String>,
    /// What each question offered, by its message: the greyed suggestion of a
    /// `suggest`, the text Enter keeps of a `text`, the items of a `multi`.
    pub offered: Vec<(String, Vec<String>)>,
    /// The help line of each question, by its message, in the order asked.
    pub helps: Vec<(String, String)>,
}

impl Script {
    /// A script of `keys`.
    pub fn new(keys: impl IntoIterator<Item = Key>) -> Self {
        Script {
            keys: keys.into_iter().collect(),
            log: Vec::new(),
            offered: Vec::new(),
            helps: Vec::new(),
        }
    }

    /// The help lines the question `message` showed, each time it was asked.
    pub fn help_at(&self, message: &str) -> Vec<&str> {
        let asked = self.helps.iter().filter(|(m, _)| m == message);
        asked.map(|(_, h)| h.as_str()).collect()
    }

    /// Everything the question `message` offered, each time it was asked.
    pub fn offered_at(&self, message: &str) -> Vec<&str> {
        let asked = self.offered.iter().filter(|(m, _)| m == message);
        asked
            .flat_map(|(_, o)| o.iter().map(String::as_str))
            .collect()
    }

    fn offer(&mut self, ask: &Ask, offered: &[String]) {
        self.offered
            .push((ask.message.to_string(), offered.to_vec()));
    }

    /// The next key for `ask`; a script that runs out fails the run.
    fn next(&mut self, ask: &Ask) -> Reply<Key> {
        self.log.push(format!("? {}", ask.message));
        self.helps
            .push((ask.message.to_string(), ask.help.to_string()));
        // A question asked again and again (a rejected Enter) would never end.
        if self.log.len() > 2_000 {
            return Err(Halt::Failed(Error::Usage(format!(
                "the script loops at `{}`",
                ask.message
            ))));
        }
        if let Some(Key::EnterUntil(until)) = self.keys.front() {
            if *until != ask.message {
                return Ok(Key::Enter);
            }
            self.keys.pop_front();
        }
        match self.keys.pop_front() {
            Some(Key::Esc) => Err(Halt::Back),
            Some(Key::CtrlC) => Err(Halt::Interrupt),
            Some(key) => Ok(key),
            None => Err(Halt::Failed(Error::Usage(format!(
                "the script ran out at `{}`",
                ask.message
            )))),
        }
    }

    fn unexpected<T>(&self, key: Key, ask: &Ask) -> Reply<T> {
        Err(Halt::Failed(Error::Usage(format!(
            "the script answered `{}` with {key:?}",
            ask.message
        ))))
    }
}

impl Prompter for Script {
    fn text(&mut self, ask: &Ask, default: &str, check: Check) -> Reply<String> {
        self.offer(ask, &[default.to_string()]);
        loop {
            let typed = match self.next(ask)? {
                Key::Enter => default.to_string(),
                Key::Type(s) if s.is_empty() => default.to_string(),
                Key::Type(s) => s,
                other => return self.unexpected(other, ask),
            };
            match check(&typed) {
                Ok(()) => return Ok(typed),
                Err(message) => self.log.push(format!("! {message}")),
            }
        }
    }

    fn suggest(&mut self, ask: &Ask, suggestion: &str, check: Check) -> Reply<String> {
        self.offer(ask, &[suggestion.to_string()]);
        loop {
            let typed = match self.next(ask)? {
                Key::Enter => String::new(),
                Key::Tab => suggestion.to_string(),
                Key::Type(s) => s,
                other => return self.unexpected(other, ask),
            };
            match check(&typed) {
                Ok(()) => return Ok(typed),
                Err(message) => self.log.push(format!("! {message}")),
            }
        }
    }

    /// Typed text chooses the first option it finds, as the terminal's list
    /// shows it first.
    fn search(
        &mut self,
        ask: &Ask,
        options: &[String],
        words: &[String],
        start: usize,
    ) -> Reply<usize> {
        if let Some(Key::Type(query)) = self.keys.front().cloned() {
            self.offer(ask, options);
            self.keys.pop_front();
            self.log.push(format!("? {}", ask.message));
            let found = super::search::find(&query, options, words)
                .into_iter()
                .find(|&i| !words[i].is_empty())
                .map(|i| (i, ()));
            return match found {
                Some((i, _)) => Ok(i),
                None => Err(Halt::Failed(Error::Usage(format!(
                    "no role found for `{query}`"
                )))),
            };
        }
        self.select(ask, options, start)
    }

    fn select(&mut self, ask: &Ask, options: &[String], start: usize) -> Reply<usize> {
        self.offer(ask, options);
        match self.next(ask)? {
            Key::Enter => Ok(start),
            Key::Pick(i) if i < options.len() => Ok(i),
            other => self.unexpected(other, ask),
        }
    }

    fn multi(&mut self, ask: &Ask, options: &[String], checked: &[usize]) -> Reply<Vec<usize>> {
        self.offer(ask, options);
        match self.next(ask)? {
            Key::Enter => Ok(checked.to_vec()),
            Key::Ticks(ticks) => Ok(ticks),
            other => self.unexpected(other, ask),
        }
    }

    fn editor(&mut self, ask: &Ask, text: &str) -> Reply<String> {
        match self.next(ask)? {
            Key::Enter => Ok(text.to_string()),
            Key::Type(s) => Ok(s),
            other => self.unexpected(other, ask),
        }
    }

    fn confirm(&mut self, ask: &Ask, default: bool) -> Reply<bool> {
        match self.next(ask)? {
            Key::Enter => Ok(default),
            Key::Yes => Ok(true),
            Key::No => Ok(false),
            other => self.unexpected(other, ask),
        }
    }

    fn show(&mut self, text: &str) {
        self.log.push(format!("> {text}"));
    }
}
