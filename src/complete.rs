//! Shell completion scripts. clap_complete writes them from the command; before
//! that, the arguments whose values clap cannot know get them: `--role` and
//! `roles show` the preset ids, `--jurisdiction` the pay-law codes, `--locale`
//! the locale tags. In bash, zsh
//! and fish the preset ids are then asked of `jobpost roles list --ids` at
//! completion time, so presets from `--roles DIR` or `JOBPOST_ROLES` are offered
//! too. (clap_complete's elvish and PowerShell scripts complete subcommands and
//! flags only, no values.)
//!
//! Scripts stay static (clap_complete's dynamic completion is still an unstable
//! feature): they load fast, can be packaged, and only the role ids need the binary.

use clap::builder::PossibleValue;
use clap::{Arg, Command, CommandFactory};
use clap_complete::Shell;

use crate::cli::Cli;
use crate::embedded::Folder;
use crate::error::{Error, Result};
use crate::help;
use crate::lint::rules::pay::JURISDICTIONS;
use crate::preset::Registry;

/// The completion script for `shell`.
pub fn script(shell: Shell) -> Result<String> {
    // The shipped presets' ids, borrowed from the embedded file names (clap's
    // value names must live as long as the program).
    let registry = Registry::load(None)?;
    let ids: Vec<&'static str> = Folder::Roles
        .names()
        .filter_map(|file| file.strip_suffix(".toml"))
        .filter(|id| registry.get(id).is_ok())
        .collect();
    let mut cmd = with_values(local_globals(Cli::command()), &ids);
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "jobpost", &mut out);
    let text = String::from_utf8_lossy(&out).into_owned();
    dynamic_ids(shell, text, &ids)
}

/// `cmd` with its global flags copied into each subcommand where they do
/// something instead of being global, since the generators offer hidden flags
/// too and would complete `jobpost man --roles`.
fn local_globals(mut cmd: Command) -> Command {
    let globals: Vec<Arg> = cmd
        .get_arguments()
        .filter(|a| a.is_global_set())
        .cloned()
        .collect();
    for arg in &globals {
        cmd = cmd.mut_arg(arg.get_id(), |a| a.global(false));
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let idle = help::IDLE_GLOBALS
            .iter()
            .find(|(sub, _)| *sub == name)
            .map_or(&[][..], |(_, idle)| *idle);
        let keep: Vec<Arg> = globals
            .iter()
            .filter(|a| !idle.contains(&a.get_id().as_str()))
            .cloned()
            .collect();
        cmd = cmd.mut_subcommand(name, |c| with_args(c, &keep));
    }
    cmd
}

/// `cmd` and its subcommands with `args` added.
fn with_args(mut cmd: Command, args: &[Arg]) -> Command {
    cmd = cmd.args(args.iter().cloned());
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(name, |c| with_args(c, args));
    }
    cmd
}

/// `cmd` with the value lists completion offers.
fn with_values(cmd: Command, ids: &[&'static str]) -> Command {
    let roles = values(ids.iter().copied());
    let codes = values(JURISDICTIONS.iter().map(|j| j.code));
    let locales = values(crate::locale::tags());
    let role = |c: Command| c.mut_arg("role", |a| a.value_parser(roles.clone()));
    let locale = |c: Command| c.mut_arg("locale", |a| a.value_parser(locales.clone()));
    cmd.mut_subcommand("render", |c| locale(role(c)))
        .mut_subcommand("explain", |c| locale(role(c)))
        .mut_subcommand("export", locale)
        .mut_subcommand("new", role)
        .mut_subcommand("init", |c| locale(role(c)))
        .mut_subcommand("roles", |c| {
            c.mut_subcommand("show", |s| {
                s.mut_arg("id", |a| a.value_parser(roles.clone()))
            })
        })
        .mut_subcommand("lint", |c| {
            locale(c.mut_arg("jurisdictions", |a| a.value_parser(codes.clone())))
        })
}

fn values(names: impl Iterator<Item = &'static str>) -> clap::builder::PossibleValuesParser {
    let list: Vec<PossibleValue> = names.map(PossibleValue::new).collect();
    clap::builder::PossibleValuesParser::new(list)
}

/// Replaces the static preset ids in `text` with a call of `jobpost roles list
/// --ids`, in the shells that can run a command while completing.
fn dynamic_ids(shell: Shell, text: String, ids: &[&str]) -> Result<String> {
    let words = ids.join(" ");
    // fish lists each value on its own line with an empty description.
    let described: Vec<String> = ids.iter().map(|id| format!("{id}\\t''")).collect();
    let (from, to, function) = match shell {
        // Inside double quotes: `-W "…"`, and the word list of `roles show`.
        Shell::Bash => (words, "$(_jobpost_role_ids)", BASH),
        Shell::Zsh => (format!(":({words})"), ":_jobpost_role_ids", ZSH),
        Shell::Fish => (
            format!("-a \"{}\"", described.join("\n")),
            "-a \"(__jobpost_role_ids)\"",
            FISH,
        ),
        _ => return Ok(text),
    };
    if !text.contains(&from) {
        // The generator's output changed shape: fail loudly rather than ship a
        // script that silently completes file names again.
        return Err(Error::Usage(format!(
            "cannot add the role ids to the {shell} completion script; please report this"
        )));
    }
    let text = text.replace(&from, to);
    // zsh reads `#compdef` only on the first line; the function goes after it.
    Ok(match text.split_once('\n') {
        Some((first, rest)) if first.starts_with("#compdef") => {
            format!("{first}\n\n{function}\n{rest}")
        }
        _ => format!("{function}\n\n{text}"),
    })
}

/// Bash: the ids, with the `--roles DIR` of the line being completed.
const BASH: &str = r#"# Role ids, shipped and from --roles DIR / JOBPOST_ROLES, as jobpost lists them.
_jobpost_role_ids() {
    local i roles=()
    for ((i = 1; i < COMP_CWORD; i++)); do
        case "${COMP_WORDS[i]}" in
            --roles) roles=(--roles "${COMP_WORDS[i + 1]/#\~/$HOME}") ;;
            --roles=*) roles=("${COMP_WORDS[i]/#--roles=\~/--roles=$HOME}") ;;
        esac
    done
    "${COMP_WORDS[0]}" "${roles[@]}" roles list --ids 2>/dev/null
}"#;

/// Zsh: as for bash, with `compadd`.
const ZSH: &str = r#"# Role ids, shipped and from --roles DIR / JOBPOST_ROLES, as jobpost lists them.
_jobpost_role_ids() {
    local i
    local -a roles ids
    for ((i = 2; i < CURRENT; i++)); do
        case $words[i] in
            --roles) roles=(--roles ${~words[i+1]}) ;;
            --roles=*) roles=(${~words[i]}) ;;
        esac
    done
    ids=(${(f)"$(jobpost $roles roles list --ids 2>/dev/null)"})
    compadd -a ids
}"#;

/// Fish: as for bash.
const FISH: &str = r#"# Role ids, shipped and from --roles DIR / JOBPOST_ROLES, as jobpost lists them.
function __jobpost_role_ids
    set -l tokens (commandline -opc)
    set -l roles
    for i in (seq 2 (count $tokens))
        switch $tokens[$i]
            case --roles
                set roles --roles $tokens[(math $i + 1)]
            case '--roles=*'
                set roles $tokens[$i]
        end
    end
    $tokens[1] $roles roles list --ids 2>/dev/null
end"#;
