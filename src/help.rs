//! The clap command as users meet it: the derive definition in [`crate::cli`]
//! plus what derive cannot say per subcommand — the examples each `--help` ends
//! with, and the global flags hidden where they do nothing. Parsing, completion
//! scripts and man pages all start here, so they describe the same command.

use clap::{Command, CommandFactory};

use crate::cli::Cli;

/// A worked example: what it does, and the command line.
pub type Example = (&'static str, &'static str);

/// Examples per subcommand path (`"render"`, `"roles show"`; `""` is the top level).
pub const EXAMPLES: &[(&str, &[Example])] = &[
    (
        "",
        &[
            ("Write a posting by answering questions", "jobpost new"),
            (
                "Start a commented posting file from a preset",
                "jobpost init posting.toml --role call-center-customer-service",
            ),
            (
                "Render it as an HTML page",
                "jobpost render posting.toml -o posting.html",
            ),
        ],
    ),
    (
        "roles",
        &[
            ("The shipped presets, grouped by industry", "jobpost roles"),
            (
                "One preset merged with what it extends",
                "jobpost roles show retail-customer-service",
            ),
            (
                "Your presets beside the shipped ones, ids only",
                "jobpost roles list --ids --roles my-roles",
            ),
        ],
    ),
    (
        "roles list",
        &[
            ("The presets, grouped by industry", "jobpost roles list"),
            ("Only the ids, one per line", "jobpost roles list --ids"),
        ],
    ),
    (
        "roles show",
        &[
            (
                "A preset merged with what it extends, each value marked",
                "jobpost roles show retail-customer-service",
            ),
            (
                "The preset file as written",
                "jobpost roles show cashier --raw",
            ),
        ],
    ),
    (
        "new",
        &[
            (
                "Ask everything, starting from a chosen preset",
                "jobpost new",
            ),
            (
                "Ask nothing: the preset plus the given values",
                "jobpost new --role cashier --defaults --set company.name=\"Acme Stores\" > posting.md",
            ),
            (
                "Save the answers and an HTML page dated today",
                "jobpost new --role cashier --save cashier.toml -o cashier.html --posted today",
            ),
        ],
    ),
    (
        "init",
        &[
            (
                "A starter file with the preset's values as comments",
                "jobpost init posting.toml --role call-center-customer-service",
            ),
            (
                "A starter whose preset text reads in British English",
                "jobpost init posting.toml --role cashier --locale en-GB",
            ),
            ("A blank starter file", "jobpost init posting.toml"),
            (
                "A company profile suggesting the UK's equal-opportunity statement",
                "jobpost init --company company.toml --country GB",
            ),
        ],
    ),
    (
        "render",
        &[
            ("Markdown to standard output", "jobpost render posting.toml"),
            (
                "An HTML page (the format follows the file name)",
                "jobpost render posting.toml -o posting.html",
            ),
            (
                "JSON-LD for job search engines, dated today",
                "jobpost render posting.toml --format jsonld --posted today",
            ),
            (
                "A preset with a few values, no file",
                "jobpost render --role cashier --set company.name=\"Corner Market\" --set pay.min=16",
            ),
        ],
    ),
    (
        "export",
        &[
            (
                "Every posting as md, html and JSON-LD, plus an index page",
                "jobpost export postings/ --out site/ --posted today",
            ),
            (
                "HTML and text only, replacing the last run's files",
                "jobpost export postings/ --out site/ -f html,txt --force",
            ),
        ],
    ),
    (
        "lint",
        &[
            ("Check one posting", "jobpost lint posting.toml"),
            (
                "Annotations for GitHub Actions; warnings fail too",
                "jobpost lint postings/ -f github --fail-on warning",
            ),
            (
                "Also check Colorado's pay-transparency law",
                "jobpost lint postings/ --jurisdiction US-CO",
            ),
        ],
    ),
    (
        "import",
        &[
            (
                "A folder of Word, Markdown and HTML job descriptions, one posting file each",
                "jobpost import jds/ --out postings/",
            ),
            (
                "One document to one posting file",
                "jobpost import cashier.docx -o cashier.toml",
            ),
            (
                "A Greenhouse export, with the report as JSON for a script",
                "jobpost import greenhouse.json --out postings/ --format json",
            ),
        ],
    ),
    (
        "explain",
        &[
            (
                "The merged posting, each value marked with its layer",
                "jobpost explain posting.toml",
            ),
            (
                "What a preset plus one override gives",
                "jobpost explain --role cashier --set pay.min=19",
            ),
        ],
    ),
    (
        "eject",
        &[
            (
                "Copy the shipped templates and presets to edit",
                "jobpost eject my-theme",
            ),
            (
                "Render with the edited templates",
                "jobpost render posting.toml --templates my-theme/templates",
            ),
        ],
    ),
    (
        "completions",
        &[
            (
                "Bash, for your user",
                "jobpost completions bash > ~/.local/share/bash-completion/completions/jobpost",
            ),
            (
                "Zsh (a folder in your $fpath)",
                "jobpost completions zsh > ~/.zfunc/_jobpost",
            ),
            (
                "Fish",
                "jobpost completions fish > ~/.config/fish/completions/jobpost.fish",
            ),
        ],
    ),
    (
        "man",
        &[
            ("The main page", "jobpost man > jobpost.1"),
            (
                "One page per subcommand, for man(1) to find",
                "jobpost man --out ~/.local/share/man/man1",
            ),
        ],
    ),
];

/// Global flags and the subcommands where they do nothing, so neither `--help`,
/// completion nor the man page offers them there.
pub const IDLE_GLOBALS: &[(&str, &[&str])] = &[
    ("completions", &["roles", "templates", "quiet", "verbose"]),
    ("man", &["roles", "templates"]),
    ("eject", &["roles", "templates"]),
    ("roles", &["templates", "quiet", "verbose"]),
    ("explain", &["templates", "quiet", "verbose"]),
    ("init", &["templates"]),
];
// `--quiet` conflicts with `--verbose`: a subcommand keeps both or neither.

/// The examples of the subcommand at `path` (`""` for the top level).
pub fn examples(path: &str) -> &'static [Example] {
    EXAMPLES
        .iter()
        .find(|(p, _)| *p == path)
        .map_or(&[], |(_, e)| *e)
}

/// Examples as the tail of `--help`: each a comment line, then the command.
fn after_help(examples: &[Example]) -> String {
    let mut out = String::from("Examples:");
    for (what, line) in examples {
        out.push_str(&format!("\n  # {what}\n  {line}"));
    }
    out
}

/// The command without examples: what completion scripts and man pages are built
/// from (man pages show the examples in their own section).
pub fn base() -> Command {
    adjust(Cli::command())
}

/// `cmd` (the derive definition, maybe with settings added) built, with the idle
/// global flags hidden.
pub fn adjust(mut cmd: Command) -> Command {
    // Build first: global flags are copied into the subcommands only then.
    cmd.build();
    for (sub, names) in IDLE_GLOBALS {
        cmd = cmd.mut_subcommand(sub, |c| hide(c, names));
    }
    cmd
}

/// `cmd` and its subcommands with the arguments `names` hidden.
fn hide(mut cmd: Command, names: &[&str]) -> Command {
    // `mut_args` edits in place; `mut_arg` would move the argument to the end,
    // which on a built command leaves the flag lookup pointing at the wrong ones.
    cmd = cmd.mut_args(|a| match names.contains(&a.get_id().as_str()) {
        true => a.hide(true),
        false => a,
    });
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for sub in subs {
        cmd = cmd.mut_subcommand(sub, |c| hide(c, names));
    }
    cmd
}

/// The command as parsed, whose `--help` ends with examples.
pub fn command() -> Command {
    with_examples(base(), "")
}

fn with_examples(mut cmd: Command, path: &str) -> Command {
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let sub_path = format!("{path} {name}").trim().to_string();
        cmd = cmd.mut_subcommand(name, |c| with_examples(c, &sub_path));
    }
    match examples(path) {
        [] => cmd,
        list => cmd.after_help(after_help(list)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_subcommand_has_examples_that_parse() {
        let cmd = command();
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            let list = examples(sub.get_name());
            assert!(list.len() >= 2, "{} has too few examples", sub.get_name());
        }
        for (path, list) in EXAMPLES {
            for (_, line) in *list {
                let words = words(line.split(" > ").next().unwrap());
                assert_eq!(words[0], "jobpost", "{line}");
                assert!(
                    command().try_get_matches_from(&words).is_ok(),
                    "example of `{path}` does not parse: {line}"
                );
            }
        }
    }

    /// Shell words of a simple command line: blanks split, double quotes group.
    fn words(line: &str) -> Vec<String> {
        let mut out = vec![String::new()];
        let mut quoted = false;
        for ch in line.chars() {
            match ch {
                '"' => quoted = !quoted,
                ' ' if !quoted => out.push(String::new()),
                c => out.last_mut().unwrap().push(c),
            }
        }
        out.retain(|w| !w.is_empty());
        out
    }

    #[test]
    fn every_subcommand_still_parses_its_flags() {
        let cmd = command();
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            let name = sub.get_name();
            let e = command()
                .try_get_matches_from(["jobpost", name, "--help"])
                .unwrap_err();
            assert_eq!(e.kind(), clap::error::ErrorKind::DisplayHelp, "{name}");
        }
        let m = command()
            .try_get_matches_from(["jobpost", "man", "--out", "pages", "-q"])
            .unwrap();
        let (_, man) = m.subcommand().unwrap();
        assert_eq!(man.get_one::<std::path::PathBuf>("out").unwrap(), "pages");
        assert!(man.get_flag("quiet"));
        let m = command()
            .try_get_matches_from(["jobpost", "roles", "show", "cashier", "--raw"])
            .unwrap();
        let show = m.subcommand().unwrap().1.subcommand().unwrap().1;
        assert_eq!(show.get_one::<String>("id").unwrap(), "cashier");
    }

    #[test]
    fn idle_globals_are_hidden_where_idle_only() {
        let cmd = command();
        let sub = |n: &str| cmd.find_subcommand(n).unwrap().clone();
        let hidden = |c: &Command, a: &str| {
            c.get_arguments()
                .find(|x| x.get_id() == a)
                .unwrap()
                .is_hide_set()
        };
        assert!(hidden(&sub("man"), "roles"));
        assert!(hidden(&sub("completions"), "templates"));
        assert!(!hidden(&sub("render"), "roles"));
        assert!(!hidden(&sub("export"), "quiet"));
    }
}
