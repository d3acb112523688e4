//! The [`Prompter`] for people: inquire prompts on the terminal (drawn on
//! standard error, so standard output stays free for the posting).

use std::path::Path;

use ::inquire::error::InquireError;
use ::inquire::list_option::ListOption;
use ::inquire::validator::Validation;
use ::inquire::{Confirm, Editor, MultiSelect, Select, Text};

use crate::error::Error;

use super::{Ask, Check, Halt, NO_TERMINAL, Prompter, Reply, SUGGESTED};

/// Prompts on the terminal.
#[derive(Debug, Default)]
pub struct Terminal;

impl Terminal {
    /// A terminal prompter, coloured as [`colour`] last set.
    pub fn new() -> Self {
        Terminal
    }
}

/// Sets the prompts' colours for `--color`: `auto` is on unless `NO_COLOR` is set
/// and not empty (no-color.org); `always` wins over `NO_COLOR`, which the
/// terminal library also reads, so it is told explicitly either way.
pub fn colour(choice: clap::ColorChoice) {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let on = match choice {
        clap::ColorChoice::Always => true,
        clap::ColorChoice::Never => false,
        clap::ColorChoice::Auto => !no_color,
    };
    crossterm::style::force_color_output(on);
    if !on {
        ::inquire::set_global_render_config(::inquire::ui::RenderConfig::empty());
    }
}

/// Esc goes back, Ctrl-C stops; anything else is a failure.
fn halt(e: InquireError) -> Halt {
    match e {
        InquireError::OperationCanceled => Halt::Back,
        InquireError::OperationInterrupted => Halt::Interrupt,
        InquireError::NotTTY => Halt::Failed(Error::Usage(NO_TERMINAL.into())),
        InquireError::IO(e) => Halt::Failed(Error::io("use", Path::new("the terminal"), e)),
        other => Halt::Failed(Error::Usage(format!("the prompt failed: {other}"))),
    }
}

impl Prompter for Terminal {
    fn text(&mut self, ask: &Ask, default: &str, check: Check) -> Reply<String> {
        let validator = move |s: &str| {
            Ok(match check(s) {
                Ok(()) => Validation::Valid,
                Err(message) => Validation::Invalid(message.into()),
            })
        };
        let mut prompt = Text::new(ask.message)
            .with_help_message(ask.help)
            .with_validator(validator);
        if !default.is_empty() {
            prompt = prompt.with_default(default);
        }
        prompt.prompt().map_err(halt)
    }

    fn suggest(&mut self, ask: &Ask, suggestion: &str, check: Check) -> Reply<String> {
        let validator = move |s: &str| {
            Ok(match check(s) {
                Ok(()) => Validation::Valid,
                Err(message) => Validation::Invalid(message.into()),
            })
        };
        Text::new(ask.message)
            .with_help_message(ask.help)
            .with_placeholder(suggestion)
            .with_autocomplete(Suggestion(suggestion.to_string()))
            .with_validator(validator)
            .prompt()
            .map_err(halt)
    }

    fn select(&mut self, ask: &Ask, options: &[String], start: usize) -> Reply<usize> {
        Select::new(ask.message, options.to_vec())
            .with_help_message(ask.help)
            .with_formatter(&|o| {
                let label = o.value.trim_end_matches(SUGGESTED);
                label.split_whitespace().collect::<Vec<_>>().join(" ")
            })
            .with_starting_cursor(start)
            .with_page_size(10)
            .raw_prompt()
            .map(|o| o.index)
            .map_err(halt)
    }

    fn multi(&mut self, ask: &Ask, options: &[String], checked: &[usize]) -> Reply<Vec<usize>> {
        let total = options.len();
        let counted =
            move |picked: &[ListOption<&String>]| format!("{} of {total} kept", picked.len());
        MultiSelect::new(ask.message, options.to_vec())
            .with_help_message(ask.help)
            .with_formatter(&counted)
            .with_default(checked)
            .with_page_size(10)
            .raw_prompt()
            .map(|picked| picked.into_iter().map(|o| o.index).collect())
            .map_err(halt)
    }

    fn editor(&mut self, ask: &Ask, text: &str) -> Reply<String> {
        Editor::new(ask.message)
            .with_help_message(ask.help)
            .with_predefined_text(text)
            .with_file_extension(".md")
            .prompt()
            .map_err(halt)
    }

    fn confirm(&mut self, ask: &Ask, default: bool) -> Reply<bool> {
        Confirm::new(ask.message)
            .with_help_message(ask.help)
            .with_default(default)
            .prompt()
            .map_err(halt)
    }

    fn show(&mut self, text: &str) {
        eprintln!("{text}");
    }
}

/// Tab on an empty line fills in the suggestion; no list is shown, the greyed
/// placeholder already shows it.
#[derive(Debug, Clone)]
struct Suggestion(String);

impl ::inquire::Autocomplete for Suggestion {
    fn get_suggestions(&mut self, _: &str) -> Result<Vec<String>, ::inquire::CustomUserError> {
        Ok(Vec::new())
    }

    fn get_completion(
        &mut self,
        input: &str,
        _: Option<String>,
    ) -> Result<::inquire::autocompletion::Replacement, ::inquire::CustomUserError> {
        Ok(input.is_empty().then(|| self.0.clone()))
    }
}
