//! The command line, as clap derive types. Doc comments here are the `--help`
//! text; these raw flags are resolved into settings in `app`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueHint};

use toml::value::Date;

use crate::format::Format;
use crate::jsonld::{parse_date, today};

/// Write job postings from industry role presets: render, explain and check them.
#[derive(Debug, Parser)]
#[command(name = "jobpost", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// A folder of role presets (`<id>.toml`) that win over the shipped ones with the same id, or the folder `eject` wrote.
    #[arg(long, global = true, value_name = "DIR", env = "JOBPOST_ROLES", value_hint = ValueHint::DirPath)]
    pub roles: Option<PathBuf>,
    /// A folder of templates (`posting.md`, `posting.html`, …) that win over the shipped ones by name, or the folder `eject` wrote; the shipped ones stay reachable as `builtin/<name>`.
    #[arg(long, global = true, value_name = "DIR", env = "JOBPOST_TEMPLATES", value_hint = ValueHint::DirPath)]
    pub templates: Option<PathBuf>,
    /// Print only what was asked for and errors: no notes, summaries or progress.
    #[arg(long, short = 'q', global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Also print each file written, on standard error.
    #[arg(long, short = 'v', global = true)]
    pub verbose: bool,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List or show the role presets (alone: list them).
    Roles(RolesArgs),
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
    /// Turn existing job descriptions (Word .docx, Markdown, HTML, text, Greenhouse,
    /// Lever, Workable or Personio exports) into posting files.
    Import(ImportArgs),
    /// Write the shipped templates and presets to a folder, to edit and pass back with --templates/--roles.
    Eject(EjectArgs),
    /// Print a shell completion script.
    Completions(CompletionsArgs),
    /// Print the man page (roff), or write one page per subcommand into a folder.
    Man(ManArgs),
}

/// `jobpost roles [list|show]`
#[derive(Debug, Args)]
pub struct RolesArgs {
    /// What to do with the presets [default: list].
    #[command(subcommand)]
    pub command: Option<RolesCommand>,
}

/// `jobpost man`
#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write `jobpost.1` and one `jobpost-<subcommand>.1` per subcommand into this
    /// folder (created if missing) instead of printing `jobpost.1`.
    #[arg(long, value_name = "DIR", value_hint = ValueHint::DirPath)]
    pub out: Option<PathBuf>,
    /// Overwrite pages that exist.
    #[arg(long, requires = "out")]
    pub force: bool,
}

/// `jobpost import`
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Files or folders of job descriptions: .docx, .md, .html, .txt, or an ATS export
    /// (.json from Greenhouse, Lever or Workable; Personio's .xml feed).
    #[arg(value_name = "INPUT", required = true, value_hint = ValueHint::AnyPath)]
    pub inputs: Vec<PathBuf>,
    /// Write the one posting to this file (default: standard output).
    #[arg(short = 'o', long = "output", value_name = "FILE", conflicts_with = "out", value_hint = ValueHint::FilePath)]
    pub output: Option<PathBuf>,
    /// Write one posting file per posting into this folder (created if missing), named
    /// from the title and reference.
    #[arg(long, value_name = "DIR", value_hint = ValueHint::DirPath)]
    pub out: Option<PathBuf>,
    /// Start each posting from this role preset: it adds only role knowledge the input
    /// lacks (duties, skills), which `explain` marks as the preset's.
    #[arg(long, value_name = "ID")]
    pub role: Option<String>,
    /// Overwrite posting files that exist.
    #[arg(long)]
    pub force: bool,
    /// The report's format on standard output: human (on standard error) or json.
    #[arg(long, short = 'f', default_value = "human", value_parser = ["human", "json"])]
    pub format: String,
}

/// `jobpost roles …`
#[derive(Debug, Subcommand)]
pub enum RolesCommand {
    /// The presets, grouped by industry.
    List {
        /// Print only the ids, one per line (for scripts and shell completion).
        #[arg(long)]
        ids: bool,
    },
    /// One preset merged with what it extends, as TOML.
    Show {
        /// Preset id, e.g. `retail-customer-service`.
        #[arg(value_name = "ID")]
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
    /// Remove a value or a whole table that a lower layer sets, e.g. `--unset pay` or
    /// `--unset company.eeo`; applied before the --set values. Repeatable.
    #[arg(long = "unset", value_name = "KEY")]
    pub unsets: Vec<String>,
    /// The locale the posting reads in (en-US, en-CA, en-GB, en-IE, en-AU): headings,
    /// dates, school levels, money and weights. Wins over `locale` in the files;
    /// without either, the job's country decides.
    #[arg(long, value_name = "TAG", value_parser = locale_tag)]
    pub locale: Option<String>,
}

/// `jobpost render`
#[derive(Debug, Args)]
pub struct RenderArgs {
    /// The posting to render.
    #[command(flatten)]
    pub source: SourceArgs,
    /// Output format [default: from the -o file name's extension, else md].
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<Format>,
    /// The date the posting shows and JSON-LD's `datePosted`, when the posting has no
    /// `posted`: `YYYY-MM-DD`, or `today` (UTC).
    #[arg(long, alias = "date", value_name = "YYYY-MM-DD|today", value_parser = parse_posted)]
    pub posted: Option<Date>,
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
    #[arg(long, short = 'o', value_name = "DIR", value_hint = ValueHint::DirPath)]
    pub out: PathBuf,
    /// Formats to write for each posting, comma-separated.
    #[arg(
        long,
        short = 'f',
        value_enum,
        value_delimiter = ',',
        default_value = "md,html,jsonld"
    )]
    pub format: Vec<Format>,
    /// How many postings to render at once (default, and most: one per CPU core).
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<std::num::NonZeroUsize>,
    /// Overwrite files an earlier export did not write (a `CNAME`, a page of your own),
    /// and write every output again. Not needed to export again into a folder jobpost
    /// wrote: that writes only the files whose content changed.
    #[arg(long)]
    pub force: bool,
    /// A company profile (partial posting) merged below every posting.
    #[arg(long, value_name = "FILE")]
    pub company: Option<PathBuf>,
    /// The locale every posting reads in (en-US, en-CA, en-GB, en-IE, en-AU), over
    /// each posting's own `locale`; without either, each job's country decides.
    #[arg(long, value_name = "TAG", value_parser = locale_tag)]
    pub locale: Option<String>,
    /// The date shown by postings without `posted` (and their JSON-LD `datePosted`):
    /// `YYYY-MM-DD`, or `today` (UTC). Without it, such a posting gets the day of its
    /// first export (`SOURCE_DATE_EPOCH` when set), which later exports keep.
    #[arg(long, alias = "date", value_name = "YYYY-MM-DD|today", value_parser = parse_posted)]
    pub posted: Option<Date>,
    /// Lint each posting first (with `jobpost.toml` found upward from the first input);
    /// a posting with lint errors fails and is not written.
    #[arg(long)]
    pub check: bool,
    /// The address the folder is published at (`https://example.com/jobs/`): pages get
    /// canonical links and `sitemap.xml` is written. Without it nothing is absolute.
    #[arg(long, value_name = "URL", value_parser = parse_base_url)]
    pub base_url: Option<String>,
    /// Job-board feeds to write below `feeds/` (needs --base-url, since a feed
    /// links each job by its address): indeed, linkedin, atom, comma-separated.
    /// Only open jobs go in; one lacking a field a board requires is left out and named.
    #[arg(long, value_name = "FEED,...", value_delimiter = ',')]
    pub feeds: Vec<crate::feed::Kind>,
}

/// A site address for `--base-url`, ending in `/` so page paths append to it.
fn parse_base_url(s: &str) -> Result<String, String> {
    crate::validate::url(s)?;
    if s.contains(['?', '#']) {
        return Err(format!(
            "`{s}` has a query or fragment; expected a folder address such as https://example.com/jobs/"
        ));
    }
    Ok(if s.ends_with('/') {
        s.to_string()
    } else {
        format!("{s}/")
    })
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
    /// Format of the rendered posting [default: from the -o file name's extension, else md].
    #[arg(long, short = 'f', value_parser = crate::format::document_parser())]
    pub format: Option<Format>,
    /// The date the posting goes up, written into the posting as `posted`:
    /// `YYYY-MM-DD`, or `today` (UTC).
    #[arg(long, alias = "date", value_name = "YYYY-MM-DD|today", value_parser = parse_posted)]
    pub posted: Option<Date>,
    /// Prompt and error colours: auto (when `NO_COLOR` is not set; errors only on a terminal), always or never.
    #[arg(long, value_enum, value_name = "WHEN", default_value = "auto")]
    pub color: clap::ColorChoice,
    /// Ask nothing: use the given values, else the preset's; fail naming what is missing.
    #[arg(long)]
    pub defaults: bool,
    /// Continue an interrupted run from its draft file.
    #[arg(long, value_name = "DRAFT")]
    pub resume: Option<PathBuf>,
    /// Overwrite existing files instead of asking for another name.
    #[arg(long)]
    pub force: bool,
    /// The language of the questions, help, messages and summary: de, fr or en
    /// [default: from LC_ALL, LC_MESSAGES or LANG, else en]. The posting's own
    /// language comes from the job's place (or --locale), never from this.
    #[arg(long, value_enum, value_name = "LANG")]
    pub lang: Option<crate::ui::Lang>,
}

/// `jobpost init`
#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("what").required(true).multiple(true).args(["file", "company"]))]
pub struct InitArgs {
    /// The posting file to create.
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// Also (or only) create this commented company profile: the employer facts
    /// postings share (name, about, equal-opportunity statement, benefits, how to
    /// apply); the posting file then includes it.
    #[arg(long, value_name = "FILE")]
    pub company: Option<PathBuf>,
    /// The role preset to start from.
    #[arg(long, value_name = "ID")]
    pub role: Option<String>,
    /// The country of your jobs (ISO 3166-1 alpha-2, e.g. `GB`): the company
    /// profile suggests that country's equal-opportunity statement (commented
    /// out) and its code; without it, the United States is assumed.
    #[arg(long, value_name = "CODE", requires = "company")]
    pub country: Option<String>,
    /// The locale the posting reads in (en-US, en-CA, en-GB, en-IE, en-AU): the
    /// starter sets `locale` and writes the preset's text and suggestions in it.
    /// Without it, the locale of --country is used, else en-US; the starter says which.
    #[arg(long, value_name = "TAG", requires = "file", value_parser = locale_tag)]
    pub locale: Option<String>,
    /// Overwrite the file if it exists.
    #[arg(long)]
    pub force: bool,
    /// The language of the starter file's comments: de, fr or en
    /// [default: from LC_ALL, LC_MESSAGES or LANG, else en]. The posting's own
    /// language comes from the job's place (or --locale), never from this.
    #[arg(long, value_enum, value_name = "LANG")]
    pub lang: Option<crate::ui::Lang>,
}

/// `jobpost eject`
#[derive(Debug, Args)]
pub struct EjectArgs {
    /// Folder to write `templates/` and `roles/` into.
    #[arg(value_name = "DIR", value_hint = ValueHint::DirPath)]
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
    #[arg(long, short = 'f', default_value = "human", value_parser = ["human", "json", "sarif", "github"])]
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
    /// The locale to check postings against (en-US, en-CA, en-GB, en-IE, en-AU), over a
    /// TOML posting's own `locale` and the country a Markdown or text posting names:
    /// the `locale-mismatch` note then points at words that do not belong there.
    #[arg(long, value_name = "TAG", value_parser = locale_tag)]
    pub locale: Option<String>,
    /// The language to read postings in (en, de, fr), over what each posting declares
    /// (a TOML posting's locale, front matter `lang`, `<html lang>`) and what its words
    /// say: it picks the word lists, headings and readability formula that run.
    #[arg(long, value_name = "LANG")]
    pub lang: Option<crate::lint::Lang>,
    /// The day postings that bear no date of their own are (or were) published:
    /// `YYYY-MM-DD`, or `today`. A pay-transparency law binds postings published from
    /// its effective date on, so an archive checked as of its own day is not held to
    /// later laws (default: every law in force, as for a posting going up now).
    #[arg(long, alias = "date", value_name = "YYYY-MM-DD|today", value_parser = parse_posted)]
    pub posted: Option<Date>,
}

/// Parses a `--posted` value: `YYYY-MM-DD`, or `today` for the current date (UTC),
/// read here, once, so rendering itself never reads the clock.
pub fn parse_posted(s: &str) -> Result<Date, String> {
    match s {
        "today" => Ok(today()),
        _ => parse_date(s).map_err(|e| format!("{e}, or `today`")),
    }
}

/// A `--locale` tag in the case BCP 47 writes it (`en-gb` → `en-GB`): tags are
/// case-insensitive, and people type them in lower case. Whether the locale
/// exists is checked with the posting, which names the tags there are.
fn locale_tag(s: &str) -> Result<String, String> {
    match s.split_once('-') {
        Some((lang, region))
            if lang.chars().all(|c| c.is_ascii_alphabetic())
                && region.len() == 2
                && region.chars().all(|c| c.is_ascii_alphabetic()) =>
        {
            Ok(format!(
                "{}-{}",
                lang.to_ascii_lowercase(),
                region.to_ascii_uppercase()
            ))
        }
        _ => Ok(s.to_string()),
    }
}
