//! `jobpost new`: the interactive wizard.
//!
//! The flow ([`flow`]) asks one question per field through the [`Prompter`] seam:
//! [`inquire::Terminal`] talks to a person, [`script::Script`] replays answers in
//! tests. Answers are kept as layer values ([`state`]) and merged with the role
//! preset by the same load/merge/validate path `jobpost render` uses, so a saved
//! posting renders to exactly the preview. `--defaults` asks nothing and takes
//! what is given, else the preset's value.

pub mod draft;
pub mod edit;
pub mod fields;
pub mod finish;
pub mod flow;
pub mod inquire;
pub mod line;
pub mod pick;
pub mod profile;
pub mod script;
pub mod state;

use std::collections::BTreeSet;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::format::Format;
use crate::load::Inputs;
use crate::preset::Registry;
use crate::render::Templates;

pub use finish::Done;

/// Why a prompt returned without an answer.
#[derive(Debug)]
pub enum Halt {
    /// Esc: go back one step.
    Back,
    /// Ctrl-C: stop, keeping the answers so far.
    Interrupt,
    /// The terminal failed.
    Failed(Error),
}

/// Marks the choice a preset suggests; the answer is shown without it.
pub fn suggested() -> &'static str {
    crate::ui::t("flow.suggested")
}

/// What a prompt gives: an answer, or why there is none.
pub type Reply<T> = std::result::Result<T, Halt>;

/// A check on typed text; `Err` is shown before the question is asked again.
pub type Check<'a> = &'a dyn Fn(&str) -> std::result::Result<(), String>;

/// A question and the line of advice shown under it.
#[derive(Debug, Clone, Copy)]
pub struct Ask<'a> {
    /// The question.
    pub message: &'a str,
    /// Good practice for this field, and the keys that work here.
    pub help: &'a str,
}

/// The seam between the flow and a terminal: one method per kind of prompt.
pub trait Prompter {
    /// One line of text; Enter on an empty line gives `default`.
    fn text(&mut self, ask: &Ask, default: &str, check: Check) -> Reply<String>;
    /// One line of text that starts empty, with `suggestion` shown greyed: Tab
    /// takes it, Enter on the empty line gives nothing. For employer facts, which
    /// a preset may suggest but never fill in.
    fn suggest(&mut self, ask: &Ask, suggestion: &str, check: Check) -> Reply<String>;
    /// One of `options` (filtered by typing), the cursor on `start`.
    fn select(&mut self, ask: &Ask, options: &[String], start: usize) -> Reply<usize>;
    /// [`Prompter::select`] where typing finds an option by its `words` too (its
    /// other names and spellings, [`search::words`]), not only by its label.
    fn search(
        &mut self,
        ask: &Ask,
        options: &[String],
        words: &[String],
        start: usize,
    ) -> Reply<usize> {
        let _ = words;
        self.select(ask, options, start)
    }
    /// Any of `options`, the `checked` ones ticked to begin with.
    fn multi(&mut self, ask: &Ask, options: &[String], checked: &[usize]) -> Reply<Vec<usize>>;
    /// Long text in the user's editor, starting from `text`.
    fn editor(&mut self, ask: &Ask, text: &str) -> Reply<String>;
    /// Yes or no.
    fn confirm(&mut self, ask: &Ask, default: bool) -> Reply<bool>;
    /// Shows text between prompts: the summary, the preview, notes.
    fn show(&mut self, text: &str);
}

/// Where the rendered posting goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Standard output (it is not the terminal the prompts use).
    Stdout,
    /// This file.
    File(PathBuf),
    /// A file beside the posting file, named after it.
    BesidePosting,
}

/// What `jobpost new` is asked to do, as plain values (the command layer
/// converts its flags into these).
#[derive(Debug, Clone)]
pub struct Options {
    /// Start from this role preset instead of choosing one.
    pub role: Option<String>,
    /// A posting file whose values are taken as given.
    pub from: Option<PathBuf>,
    /// A company profile merged below the answers.
    pub company: Option<PathBuf>,
    /// `KEY=VALUE` values given up front, in order.
    pub sets: Vec<String>,
    /// The posting file to write; `None` is [`DEFAULT_SAVE`] (or the draft's).
    pub save: Option<PathBuf>,
    /// Where the rendered posting goes; `None` is standard output, or beside the
    /// posting file when standard output is the terminal.
    pub output: Option<PathBuf>,
    /// The rendered format.
    pub format: Format,
    /// Ask nothing: use the given values, else the preset's.
    pub defaults: bool,
    /// Continue an interrupted run from this draft file.
    pub resume: Option<PathBuf>,
    /// Overwrite existing files instead of asking for another name.
    pub force: bool,
}

/// `jobpost new`'s options, resolved.
#[derive(Debug, Clone)]
pub struct Settings {
    /// What to merge below the answers: `--from` (or the draft), `--role`, `--company`, `--set`.
    pub inputs: Inputs,
    /// The posting file to write.
    pub save: PathBuf,
    /// Where the rendered posting goes.
    pub output: Target,
    /// The rendered format.
    pub format: Format,
    /// Overwrite existing files.
    pub force: bool,
    /// The draft being continued, if any.
    pub resume: Option<PathBuf>,
    /// The steps the draft answered.
    pub answered: BTreeSet<String>,
    /// Today, offered as the date posted; `None` offers nothing.
    pub today: Option<toml::value::Datetime>,
}

/// The default posting file name.
pub const DEFAULT_SAVE: &str = "posting.toml";

/// Why `new` cannot prompt without a terminal, and how to run it without one.
pub fn no_terminal() -> String {
    crate::ui::t("new.no_terminal").to_string()
}

impl Settings {
    /// Resolves the flags; `interactive` is false for `--defaults`, and
    /// `stdout_terminal` tells whether standard output is a terminal.
    pub fn resolve(args: &Options, interactive: bool, stdout_terminal: bool) -> Result<Self> {
        let resumed = match &args.resume {
            Some(path) => draft::read_header(path)?,
            None => draft::Header::default(),
        };
        let save = args
            .save
            .clone()
            .or(resumed.save)
            .unwrap_or_else(|| PathBuf::from(DEFAULT_SAVE));
        let output = match &args.output {
            Some(path) => Target::File(path.clone()),
            None if interactive && stdout_terminal => Target::BesidePosting,
            None => Target::Stdout,
        };
        Ok(Settings {
            inputs: Inputs {
                file: args.resume.clone().or_else(|| args.from.clone()),
                role: args.role.clone(),
                company: args.company.clone(),
                sets: args.sets.clone(),
                unsets: Vec::new(),
                locale: None,
            },
            save,
            output,
            format: args.format,
            force: args.force,
            resume: args.resume.clone(),
            // The clock is read once, here, only when someone is asked.
            today: interactive
                .then(crate::jsonld::today)
                .map(|d| toml::value::Datetime {
                    date: Some(d),
                    time: None,
                    offset: None,
                }),
            answered: resumed.answered,
        })
    }
}

/// Runs `jobpost new`: asks (or, with `defaults`, takes the given values), writes
/// the files and returns what was written; the caller prints the rendered posting
/// meant for standard output and the report.
pub fn new(registry: &Registry, templates: Option<&Path>, args: &Options) -> Result<Done> {
    let interactive = !args.defaults;
    if interactive && !std::io::stdin().is_terminal() {
        return Err(Error::Usage(no_terminal()));
    }
    let settings = Settings::resolve(args, interactive, std::io::stdout().is_terminal())?;
    let renderer = Templates::new(templates)?;
    if interactive {
        flow::run(
            &mut inquire::Terminal::new(),
            registry,
            &renderer,
            &settings,
        )
    } else {
        finish::defaults(registry, &renderer, &settings)
    }
}
pub mod search;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_lang;
