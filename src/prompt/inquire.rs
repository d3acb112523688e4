//! The [`Prompter`] for people: inquire's choice, confirm and editor prompts,
//! and our own line prompt ([`super::line`]) for text, all on the terminal
//! (drawn on standard error, so standard output stays free for the posting).

use std::ffi::OsStr;
use std::path::Path;

use ::inquire::error::InquireError;
use ::inquire::list_option::ListOption;
use ::inquire::{Confirm, Editor, MultiSelect, Select};

use crate::error::Error;

use super::line::{self, Ended, Question};
use crate::ui;

use super::{Ask, Check, Halt, Prompter, Reply, suggested};

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

/// One line of text, edited with the keys of a shell prompt ([`super::line`]):
/// inquire's text prompt writes Ctrl-U, Ctrl-W, Ctrl-A and Ctrl-E as letters.
fn line_prompt(ask: &Ask, default: &str, placeholder: &str, check: Check) -> Reply<String> {
    let question = Question {
        message: ask.message,
        help: ask.help,
        default,
        placeholder,
    };
    match line::ask(&question, check) {
        Ok(Ended::Answer(text)) => Ok(text),
        Ok(Ended::Back) => Err(Halt::Back),
        Ok(Ended::Interrupt) => Err(Halt::Interrupt),
        Err(e) => Err(Halt::Failed(Error::io("use", Path::new("the terminal"), e))),
    }
}

/// Esc goes back, Ctrl-C stops; anything else is a failure.
fn halt(e: InquireError) -> Halt {
    match e {
        InquireError::OperationCanceled => Halt::Back,
        InquireError::OperationInterrupted => Halt::Interrupt,
        InquireError::NotTTY => Halt::Failed(Error::Usage(super::no_terminal())),
        InquireError::IO(e) => Halt::Failed(Error::io("use", Path::new("the terminal"), e)),
        other => Halt::Failed(Error::Usage(format!("the prompt failed: {other}"))),
    }
}

impl Prompter for Terminal {
    fn text(&mut self, ask: &Ask, default: &str, check: Check) -> Reply<String> {
        line_prompt(ask, default, "", check)
    }

    fn suggest(&mut self, ask: &Ask, suggestion: &str, check: Check) -> Reply<String> {
        line_prompt(ask, "", suggestion, check)
    }

    fn select(&mut self, ask: &Ask, options: &[String], start: usize) -> Reply<usize> {
        Select::new(ask.message, options.to_vec())
            .with_help_message(ask.help)
            .with_formatter(&|o| {
                let label = o.value.trim_end_matches(suggested());
                label.split_whitespace().collect::<Vec<_>>().join(" ")
            })
            .with_starting_cursor(start)
            .with_page_size(10)
            .raw_prompt()
            .map(|o| o.index)
            .map_err(halt)
    }

    /// Our own list ([`super::pick`]), so the search line takes the shell keys.
    fn search(
        &mut self,
        ask: &Ask,
        options: &[String],
        words: &[String],
        start: usize,
    ) -> Reply<usize> {
        let question = Question {
            message: ask.message,
            help: ask.help,
            default: "",
            placeholder: "",
        };
        let find = |query: &str| super::search::find(query, options, words);
        match super::pick::pick(&question, options, &find, start) {
            Ok((Ended::Answer(_), i)) => Ok(i),
            Ok((Ended::Back, _)) => Err(Halt::Back),
            Ok((Ended::Interrupt, _)) => Err(Halt::Interrupt),
            Err(e) => Err(Halt::Failed(Error::io("use", Path::new("the terminal"), e))),
        }
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
        let Some(words) = editor_command() else {
            self.show(NO_EDITOR);
            return Err(Halt::Back);
        };
        let (command, args) = words.split_first().unwrap_or((&words[0], &[]));
        let args: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
        let edited = Editor::new(ask.message)
            .with_help_message(ask.help)
            .with_predefined_text(text)
            .with_file_extension(".md")
            .with_editor_command(OsStr::new(command))
            .with_args(&args)
            .prompt();
        match edited {
            // The editor did not start: say so and go back to the question.
            Err(InquireError::IO(e)) => {
                self.show(&format!(
                    "cannot start the editor `{command}`: {e}; {NO_EDITOR_FIX}"
                ));
                Err(Halt::Back)
            }
            other => other.map_err(halt),
        }
    }

    fn confirm(&mut self, ask: &Ask, default: bool) -> Reply<bool> {
        // Yes and no in the user's language ("j"/"ja" in German, "o"/"oui" in
        // French; "y" and "n" everywhere); in English, inquire's own wording.
        Confirm::new(ask.message)
            .with_help_message(ask.help)
            .with_default(default)
            .with_parser(&|typed| yes_or_no(typed).ok_or(()))
            .with_formatter(&|yes| ui::t(if yes { "confirm.yes" } else { "confirm.no" }).into())
            .with_default_value_formatter(&|yes| {
                ui::t(if yes {
                    "confirm.default_yes"
                } else {
                    "confirm.default_no"
                })
                .into()
            })
            .with_error_message(ui::t("confirm.error"))
            .prompt()
            .map_err(halt)
    }

    fn show(&mut self, text: &str) {
        eprintln!("{text}");
    }
}

/// A typed answer to a yes-or-no question, by the words of the user's language.
fn yes_or_no(typed: &str) -> Option<bool> {
    let typed = typed.trim().to_lowercase();
    let is = |key: &str| ui::t(key).split_whitespace().any(|w| w == typed);
    match () {
        _ if is("confirm.yes_words") => Some(true),
        _ if is("confirm.no_words") => Some(false),
        _ => None,
    }
}

const NO_EDITOR_FIX: &str = "set EDITOR to your editor, or choose “Write it here” to type the text";

const NO_EDITOR: &str = "cannot start an editor: VISUAL and EDITOR are not set and neither vi nor nano is installed; \
set EDITOR to your editor, or choose “Write it here” to type the text";

/// The editor to use, as words: `VISUAL`, else `EDITOR`, else `vi`, else `nano`,
/// whichever can be found; `None` when none can.
fn editor_command() -> Option<Vec<String>> {
    let from_env = ["VISUAL", "EDITOR"]
        .into_iter()
        .filter_map(|v| std::env::var(v).ok())
        .filter(|v| !v.trim().is_empty());
    from_env
        .chain(["vi".to_string(), "nano".to_string()])
        .map(|c| c.split_whitespace().map(str::to_string).collect::<Vec<_>>())
        .find(|words| words.first().is_some_and(|w| installed(w)))
}

/// Whether `program` is a file, or one on `PATH`.
fn installed(program: &str) -> bool {
    if program.contains('/') {
        return Path::new(program).is_file();
    }
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|d| d.join(program).is_file()))
}
