//! The command line, as clap derive types. Doc comments here are the `--help`
//! text; these raw flags are resolved into settings in `app`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use toml::value::Date;

use crate::jsonld::parse_date;
use crate::publish::Output;
use crate::render::Format;

/// Write job postings from industry role presets: render, explain and check them.
#[derive(Debug, Parser)]
#[command(name = "jobpost", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// A folder of role presets (`<id>.toml`) that win over the shipped ones with the same id.
    #[arg(long, global = true, value_name = "DIR", env = "JOBPOST_ROLES")]
    pub roles: Option<PathBuf>,
    /// A folder of templates (`posting.md`, `posting.html`, …) that win over the shipped ones by name.
    #[arg(long, global = true, value_name = "DIR", env = "JOBPOST_TEMPLATES")]
    pub templates: Option<PathBuf>,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List or show the role presets.
    #[command(subcommand)]
    Roles(RolesCommand),
    /// Write a posting by answering questions, starting from a role preset.
    New(NewArgs),
    /// Write a commented starter posting file from a role preset.
    Init(InitArgs),
    /// Render a posting as Markdown, an HTML page, schema.org JSON-LD or plain text.
    Render(RenderArgs),
    /// Export many postings at once, in parallel, with an index page.
    Export(ExportArgs),
    /// Check postings (TOML, Markdown or text) for completeness, pay transparency and wording.
    Lint(LintArgs),
    /// Print the merged posting as TOML, each value marked with where it came from.
    Explain(SourceArgs),
    /// Write the shipped templates and presets to a folder, to edit and pass back with --templates/--roles.
    Eject(EjectArgs),
    /// Print a shell completion script.
    Completions(CompletionsArgs),
    /// Print the man page (roff).
    Man,
}

/// `jobpost roles …`
#[derive(Debug, Subcommand)]
pub enum RolesCommand {
    /// The presets, grouped by industry.
    List,
    /// One preset merged with what it extends, as TOML.
    Show {
        /// Preset id, e.g. `retail-customer-service`.
        id: String,
        /// Print the preset file as written instead of the merged result.
        #[arg(long)]
        raw: bool,
    },
}

/// Where a posting comes from: a file, a role, a company profile, overrides.
#[derive(Debug, Clone, Args)]
pub struct SourceArgs {
    /// The posting file (TOML). Without it, the posting is the role preset plus --set values.
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// Start from this role preset (wins over `role` in the file).
    #[arg(long, value_name = "ID")]
    pub role: Option<String>,
    /// A company profile (partial posting) merged below the posting file.
    #[arg(long, value_name = "FILE")]
    pub company: Option<PathBuf>,
    /// Override one value, e.g. `--set pay.min=21` or `--set company.name="Acme"`. Repeatable.
    #[arg(long = "set", value_name = "KEY=VALUE")]
    pub sets: Vec<String>,
}

/// `jobpost render`
#[derive(Debug, Args)]
pub struct RenderArgs {
    /// The posting to render.
    #[command(flatten)]
    pub source: SourceArgs,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value = "md")]
    pub format: Output,
    /// JSON-LD `datePosted` when the posting has no `posted` date (default: today, UTC).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<Date>,
    /// Write to this file (atomically) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite the output file if it exists.
    #[arg(long)]
    pub force: bool,
    /// Lint first (with `jobpost.toml` found upward from the file); print the findings and
    /// write nothing when any is an error.
    #[arg(long)]
    pub check: bool,
}

/// `jobpost export`
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Posting files, or folders searched recursively for `*.toml` (files named in an
    /// `include`, and files whose first line is `# jobpost: partial`, are skipped).
    #[arg(value_name = "INPUT", required = true)]
    pub inputs: Vec<PathBuf>,
    /// Folder to write into, created if missing; folders of the inputs are mirrored below it.
    #[arg(long, short = 'o', value_name = "DIR")]
    pub out: PathBuf,
    /// Formats to write for each posting, comma-separated.
    #[arg(
        long,
        short = 'f',
        value_enum,
        value_delimiter = ',',
        default_value = "md,html,jsonld"
    )]
    pub format: Vec<Output>,
    /// How many postings to render at once (default: one per CPU core).
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<std::num::NonZeroUsize>,
    /// Overwrite output files that exist.
    #[arg(long)]
    pub force: bool,
    /// A company profile (partial posting) merged below every posting.
    #[arg(long, value_name = "FILE")]
    pub company: Option<PathBuf>,
    /// JSON-LD `datePosted` for postings without a `posted` date (default: today, UTC).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<Date>,
    /// Lint each posting first (with `jobpost.toml` found upward from the first input);
    /// a posting with lint errors fails and is not written.
    #[arg(long)]
    pub check: bool,
}

/// `jobpost new`
#[derive(Debug, Args)]
pub struct NewArgs {
    /// Start from this role preset instead of choosing one.
    #[arg(long, value_name = "ID")]
    pub role: Option<String>,
    /// A posting file whose values are taken as given (not asked again).
    #[arg(long, value_name = "FILE", conflicts_with = "resume")]
    pub from: Option<PathBuf>,
    /// A company profile (partial posting); its values are not asked again.
    #[arg(long, value_name = "FILE")]
    pub company: Option<PathBuf>,
    /// Give one value, e.g. `--set company.name="Acme"`; it is not asked again. Repeatable.
    #[arg(long = "set", value_name = "KEY=VALUE")]
    pub sets: Vec<String>,
    /// The posting file to write [default: posting.toml].
    #[arg(long, value_name = "FILE")]
    pub save: Option<PathBuf>,
    /// Write the rendered posting here [default: standard output, or beside the posting
    /// file when standard output is the terminal].
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Format of the rendered posting.
    #[arg(long, short = 'f', value_enum, default_value = "md")]
    pub format: Format,
    /// Ask nothing: use the given values, else the preset's; fail naming what is missing.
    #[arg(long)]
    pub defaults: bool,
    /// Continue an interrupted run from its draft file.
    #[arg(long, value_name = "DRAFT")]
    pub resume: Option<PathBuf>,
    /// Overwrite existing files instead of asking for another name.
    #[arg(long)]
    pub force: bool,
}

/// `jobpost init`
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The posting file to create.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The role preset to start from.
    #[arg(long, value_name = "ID")]
    pub role: Option<String>,
    /// Overwrite the file if it exists.
    #[arg(long)]
    pub force: bool,
}

/// `jobpost eject`
#[derive(Debug, Args)]
pub struct EjectArgs {
    /// Folder to write `templates/` and `roles/` into.
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// Overwrite files that exist.
    #[arg(long)]
    pub force: bool,
}

/// `jobpost completions`
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// `jobpost lint`
#[derive(Debug, Args)]
pub struct LintArgs {
    /// Posting files (TOML, Markdown, plain text) or folders to search.
    #[arg(value_name = "FILE", required = true)]
    pub inputs: Vec<PathBuf>,
    /// Output format: human, json, sarif (2.1.0) or github (workflow annotations).
    #[arg(long, default_value = "human", value_parser = ["human", "json", "sarif", "github"])]
    pub format: String,
    /// The lowest severity that makes the command exit 1.
    #[arg(long, value_enum, default_value = "error")]
    pub fail_on: crate::lint::run::FailOn,
    /// Configuration file (default: `jobpost.toml` found upward from the first input).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Also check the pay-transparency law of this jurisdiction (e.g. US-CO, US-NYC, CA-ON, EU). Repeatable.
    #[arg(long = "jurisdiction", value_name = "CODE")]
    pub jurisdictions: Vec<String>,
    /// Apply the safe one-for-one fixes (a gendered job word, "native English speaker",
    /// a hype title word) in place, then report what is left.
    #[arg(long)]
    pub fix: bool,
    /// With --fix: print the changes as a diff and write nothing.
    #[arg(long, requires = "fix")]
    pub dry_run: bool,
}
