//! Man pages: `jobpost.1` and one `jobpost-<subcommand>.1` per subcommand (the
//! pages the main page's COMMANDS section refers to). clap_mangen writes the
//! name, synopsis, description and options; this adds what a man page reader
//! looks for and clap knows nothing of: EXAMPLES, EXIT STATUS, ENVIRONMENT and
//! SEE ALSO.

use std::path::{Path, PathBuf};

use clap::{Command, CommandFactory};
use clap_mangen::Man;
use roff::{Roff, bold, roman};

use crate::cli::Cli;
use crate::error::{EXIT_INPUT, EXIT_INTERRUPTED, EXIT_PROBLEMS, Error, Result};
use crate::help;
use crate::output::{create_folder, write_atomic};

/// Exit codes, as EXIT STATUS lists them.
const EXIT_STATUS: &[(u8, &str)] = &[
    (0, "Success."),
    (
        EXIT_PROBLEMS,
        "The command ran and found problems: lint findings at or above --fail-on, \
         postings an export could not write, or lint errors under --check.",
    ),
    (
        EXIT_INPUT,
        "Usage or input error: an unknown flag or value, a file that cannot be read or \
         parsed, a posting that fails validation, an output file that exists without --force.",
    ),
    (
        EXIT_INTERRUPTED,
        "Interrupted (Ctrl-C, or Esc to cancel the wizard); files already written are complete.",
    ),
];

/// Environment variables, as ENVIRONMENT lists them.
const ENVIRONMENT: &[(&str, &str)] = &[
    (
        "JOBPOST_ROLES",
        "A folder of role presets that win over the shipped ones with the same id; \
         what --roles gives when it is not passed.",
    ),
    (
        "JOBPOST_TEMPLATES",
        "A folder of templates that win over the shipped ones with the same name; \
         what --templates gives when it is not passed.",
    ),
    (
        "NO_COLOR",
        "When set and not empty, error messages and the wizard's prompts are drawn \
         without colour (see https://no-color.org), unless the wizard gets --color always.",
    ),
    (
        "EDITOR, VISUAL",
        "The editor the wizard opens for long text (EDITOR first, then VISUAL; \
         else nano, or notepad on Windows).",
    ),
];

/// The whole command's pages: `(file name, roff)`, the main page first.
pub fn pages() -> Vec<(String, Vec<u8>)> {
    // No `help` subcommand: `--help` is there, and a page for it says nothing.
    let cmd = help::adjust(Cli::command().disable_help_subcommand(true));
    let mut out = Vec::new();
    collect(&cmd, "", &mut out);
    out
}

/// The main page, as `jobpost man` prints it.
pub fn main_page() -> Vec<u8> {
    pages().swap_remove(0).1
}

/// Writes every page into `dir`, created if missing; returns the paths written.
pub fn write_pages(dir: &Path, force: bool) -> Result<Vec<PathBuf>> {
    create_folder(dir)?;
    let pages = pages();
    // Refuse before writing any, so a second run without --force changes nothing.
    if !force {
        if let Some((name, _)) = pages.iter().find(|(name, _)| dir.join(name).exists()) {
            return Err(Error::Exists(dir.join(name)));
        }
    }
    let mut written = Vec::new();
    for (name, roff) in pages {
        let path = dir.join(name);
        write_atomic(&path, &roff, force)?;
        written.push(path);
    }
    Ok(written)
}

/// The page of `cmd` (at subcommand `path`) and of each of its subcommands.
fn collect(cmd: &Command, path: &str, out: &mut Vec<(String, Vec<u8>)>) {
    out.push((
        format!("{}.1", display_name(cmd)),
        page(cmd, path, &see_also(cmd, path)),
    ));
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        collect(sub, format!("{path} {}", sub.get_name()).trim(), out);
    }
}

/// `jobpost-roles-list`: the page name clap gives a built subcommand.
fn display_name(cmd: &Command) -> &str {
    cmd.get_display_name().unwrap_or(cmd.get_name())
}

/// The pages a page refers to: the main page from a subcommand's, the parent's.
fn see_also(cmd: &Command, path: &str) -> Vec<String> {
    let mut names = Vec::new();
    if !path.is_empty() {
        names.push("jobpost".to_string());
    }
    if let Some((parent, _)) = path.rsplit_once(' ') {
        names.push(format!("jobpost-{}", parent.replace(' ', "-")));
    }
    if path.is_empty() {
        let mut subs: Vec<String> = cmd
            .get_subcommands()
            .map(|s| display_name(s).to_string())
            .collect();
        subs.sort();
        names.extend(subs);
    }
    names
}

/// One page: clap_mangen's, with our sections before VERSION.
fn page(cmd: &Command, path: &str, see_also: &[String]) -> Vec<u8> {
    let mut generated = Vec::new();
    Man::new(cmd.clone())
        .source(format!("jobpost {}", env!("CARGO_PKG_VERSION")))
        .render(&mut generated)
        .expect("writing to memory cannot fail");
    let generated = String::from_utf8_lossy(&generated).into_owned();
    let ours = sections(path, see_also);
    let at = generated
        .find("\n.SH VERSION")
        .map_or(generated.len(), |i| i + 1);
    let mut text = generated[..at].to_string();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(&ours);
    text.push_str(&generated[at..]);
    text.into_bytes()
}

/// EXAMPLES, EXIT STATUS, ENVIRONMENT and SEE ALSO, in roff without the preamble
/// (the page already has it).
fn sections(path: &str, see_also: &[String]) -> String {
    let mut roff = Roff::new();
    let examples = help::examples(path);
    if !examples.is_empty() {
        roff.control("SH", ["EXAMPLES"]);
        for (what, line) in examples {
            roff.control("TP", [] as [&str; 0])
                .text([bold(*line)])
                .text([roman(format!("{what}."))]);
        }
    }
    roff.control("SH", ["EXIT STATUS"]);
    for (code, meaning) in EXIT_STATUS {
        roff.control("TP", [] as [&str; 0])
            .text([bold(code.to_string())])
            .text([roman(*meaning)]);
    }
    roff.control("SH", ["ENVIRONMENT"]);
    for (name, meaning) in ENVIRONMENT {
        roff.control("TP", [] as [&str; 0])
            .text([bold(*name)])
            .text([roman(*meaning)]);
    }
    if !see_also.is_empty() {
        roff.control("SH", ["SEE ALSO"]);
        let mut refs = Vec::new();
        for (i, name) in see_also.iter().enumerate() {
            if i > 0 {
                refs.push(roman(", "));
            }
            refs.push(bold(name.as_str()));
            refs.push(roman("(1)"));
        }
        roff.text(refs);
    }
    let preamble = Roff::new().render();
    let text = roff.render();
    text.strip_prefix(&preamble).unwrap_or(&text).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_per_subcommand_each_with_the_added_sections() {
        let pages = pages();
        let names: Vec<&str> = pages.iter().map(|(n, _)| n.as_str()).collect();
        for want in [
            "jobpost.1",
            "jobpost-render.1",
            "jobpost-roles.1",
            "jobpost-roles-show.1",
        ] {
            assert!(names.contains(&want), "{want} missing from {names:?}");
        }
        for (name, roff) in &pages {
            let text = String::from_utf8_lossy(roff);
            for section in [".SH \"EXIT STATUS\"", ".SH ENVIRONMENT", ".SH \"SEE ALSO\""] {
                assert!(text.contains(section), "{name} lacks {section}");
            }
            assert_eq!(text.matches(".ds Aq").count(), 2, "{name}: one preamble");
        }
        let main = String::from_utf8_lossy(&pages[0].1).into_owned();
        assert!(main.contains("jobpost\\-render(1)"));
        assert!(main.contains(".SH EXAMPLES"));
        assert!(!names.contains(&"jobpost-help.1"));
    }
}
