//! `jobpost lint` and the `--check` of other commands: find the inputs, build a
//! [`Doc`] for each (TOML postings after merging, Markdown and text as written),
//! run the rules, render the findings in the asked format and turn the worst
//! finding into an exit code. Nothing here prints: [`run`] returns a [`Report`]
//! and the command layer writes it out.

use std::path::{Path, PathBuf};

use crate::output::count;
use rayon::prelude::*;

use super::{
    Config, Doc, Finding, Format, Severity, find_config, lint, posting, render, render_human,
};
use crate::error::{EXIT_INPUT, EXIT_PROBLEMS, Error, Result, closest};
use crate::load::{self, Inputs, Merged};
use crate::preset::Registry;

/// When findings make the command fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    /// Fail on errors only.
    Error,
    /// Fail on warnings and errors.
    Warning,
    /// Never fail because of findings.
    Never,
}

impl FailOn {
    /// True when `severity` reaches this threshold.
    pub fn reached_by(self, severity: Severity) -> bool {
        match self {
            FailOn::Error => severity >= Severity::Error,
            FailOn::Warning => severity >= Severity::Warning,
            FailOn::Never => false,
        }
    }
}

/// Resolved `jobpost lint` settings.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Files and folders to check.
    pub inputs: Vec<PathBuf>,
    /// Output format.
    pub format: Format,
    /// Failure threshold.
    pub fail_on: FailOn,
    /// `--config`, else `jobpost.toml` found upward from the first input.
    pub config: Option<PathBuf>,
    /// Extra jurisdiction codes (`--jurisdiction`).
    pub jurisdictions: Vec<String>,
    /// `--quiet`: the human format without its summary line.
    pub quiet: bool,
    /// `--fix`: apply the safe one-for-one swaps (see [`super::fix`]).
    pub fix: bool,
    /// `--dry-run` with `--fix`: print the changes instead of writing them.
    pub dry_run: bool,
    /// `--locale`: the locale every posting is checked against.
    pub locale: Option<String>,
    /// `--lang`: the language every posting is read in.
    pub lang: Option<super::Lang>,
    /// `--posted`: the day undated postings are published (ISO).
    pub posted: Option<String>,
}

/// What `jobpost lint` has to say, for the command layer to print.
#[derive(Debug)]
pub struct Report {
    /// For standard output: the findings in the asked format, or with
    /// `--fix --dry-run` the changes the fixes would make.
    pub output: String,
    /// Lines for standard error, before the errors: what `--fix` did.
    pub notes: Vec<String>,
    /// Why inputs could not be checked, in input order.
    pub unreadable: Vec<Error>,
    /// The process exit code.
    pub exit_code: u8,
}

/// One checked input: its findings, or why it could not be read.
struct Checked {
    findings: Vec<Finding>,
    source: Option<(String, String)>,
    error: Option<Error>,
}

/// Runs `jobpost lint`: checks (and with `--fix` repairs) the inputs.
pub fn run(registry: &Registry, s: &Settings) -> Result<Report> {
    let mut cfg = config_for(
        s.config.as_deref(),
        s.inputs.first().map(PathBuf::as_path),
        &s.jurisdictions,
    )?;
    cfg.lang = s.lang.or(cfg.lang);
    cfg.posted.clone_from(&s.posted);
    if let Some(tag) = &s.locale {
        crate::locale::check(tag).map_err(|m| Error::Usage(format!("--locale {tag}: {m}")))?;
    }
    let files = find_inputs(&s.inputs)?;
    let locale = s.locale.as_deref();
    let check_all = || -> Vec<Checked> {
        files
            .par_iter()
            .map(|f| check_file(registry, &cfg, f, locale))
            .collect()
    };
    let mut checked = check_all();
    let mut notes = Vec::new();
    if s.fix {
        let all: Vec<Finding> = checked.iter().flat_map(|c| c.findings.clone()).collect();
        let fixed = super::fix::plan(&all)?;
        if s.dry_run {
            return Ok(Report {
                output: super::fix::diff(&fixed),
                notes: vec![format!(
                    "{} in {} (dry run: nothing written)",
                    count(fixed.count(), "fix"),
                    count(fixed.files.len(), "file")
                )],
                unreadable: Vec::new(),
                exit_code: 0,
            });
        }
        super::fix::write(&fixed)?;
        notes.push(format!(
            "fixed {} in {}",
            count(fixed.count(), "finding"),
            count(fixed.files.len(), "file")
        ));
        // Report what is left.
        checked = check_all();
    }
    let mut findings = Vec::new();
    let mut sources = std::collections::HashMap::new();
    let mut unreadable = Vec::new();
    for c in checked {
        unreadable.extend(c.error);
        findings.extend(c.findings);
        sources.extend(c.source);
    }
    let lookup = |p: &str| sources.get(p).cloned();
    let text = match s.format {
        Format::Human if s.quiet => without_summary(render_human(&findings, &lookup, Some(1))),
        Format::Human => render_human(&findings, &lookup, Some(files.len())),
        other => render(&findings, &lookup, other),
    };
    Ok(Report {
        output: text,
        notes,
        exit_code: exit_code(&findings, s.fail_on, !unreadable.is_empty()),
        unreadable,
    })
}

/// The human report less its last line, the summary ("2 errors … in 3 files"),
/// and the blank line before it.
fn without_summary(mut text: String) -> String {
    text.pop();
    text.truncate(text.rfind('\n').map_or(0, |i| i + 1));
    while text.ends_with("\n\n") {
        text.pop();
    }
    text
}

fn exit_code(findings: &[Finding], fail_on: FailOn, unreadable: bool) -> u8 {
    if unreadable {
        EXIT_INPUT
    } else if findings.iter().any(|f| fail_on.reached_by(f.severity)) {
        EXIT_PROBLEMS
    } else {
        0
    }
}

/// The configuration: `--config`, else `jobpost.toml` upward from `start`, else defaults;
/// plus the `--jurisdiction` codes.
pub fn config_for(
    explicit: Option<&Path>,
    start: Option<&Path>,
    extra: &[String],
) -> Result<Config> {
    let found = explicit
        .map(Path::to_path_buf)
        .or_else(|| start.and_then(find_config));
    let mut cfg = match found {
        Some(path) => Config::load(&path).map_err(|e| Error::from(e.into_problem(&path)))?,
        None => Config::default(),
    };
    for code in extra {
        if super::find_jurisdiction(code).is_empty() {
            let codes = super::JURISDICTIONS.iter().map(|j| j.code);
            let origin = crate::error::Origin::flag("--jurisdiction", code.as_str());
            let list: Vec<&str> = codes.clone().collect();
            let problem = crate::error::Problem::new(origin, "unknown jurisdiction")
                .expected(format!("US (every US law) or one of: {}", list.join(", ")))
                .suggest(closest(code, codes));
            return Err(Error::from(problem));
        }
        cfg.jurisdictions.push(code.clone());
    }
    Ok(cfg)
}

fn check_file(registry: &Registry, cfg: &Config, path: &Path, locale: Option<&str>) -> Checked {
    match doc_for(registry, path, locale) {
        Ok((doc, merged)) => Checked {
            findings: with_jsonld(lint(&doc, cfg), &doc, merged.as_ref(), cfg),
            source: Some((doc.path.clone(), doc.source.clone())),
            error: None,
        },
        Err(e) => Checked {
            findings: Vec::new(),
            source: None,
            error: Some(e),
        },
    }
}

/// The lint view of one file (TOML postings are merged first, with `--locale` as
/// render merges it), with the merged posting.
fn doc_for(
    registry: &Registry,
    path: &Path,
    locale: Option<&str>,
) -> Result<(Doc, Option<Merged>)> {
    let name = path.display().to_string();
    let text = crate::files::read_text(path)?;
    if is_toml(path) {
        let inputs = Inputs {
            file: Some(path.to_path_buf()),
            locale: locale.map(str::to_string),
            ..Inputs::default()
        };
        let merged = load::load(registry, &inputs)?;
        let doc = posting::from_merged(&name, &text, &merged);
        return Ok((doc, Some(merged)));
    }
    let mut doc = Doc::from_path_text(&name, &text);
    if let Some(tag) = locale {
        doc.facts.locale = Some(tag.to_string());
        doc.lang = super::Lang::from_tag(tag).or(doc.lang);
    }
    Ok((doc, None))
}

/// Adds the findings about a TOML posting's keys (JSON-LD requirements, an
/// unknown region), in finding order.
fn with_jsonld(
    mut findings: Vec<Finding>,
    doc: &Doc,
    merged: Option<&Merged>,
    cfg: &Config,
) -> Vec<Finding> {
    if let Some(m) = merged {
        findings.extend(posting::jsonld_findings(&doc.path, m, doc, cfg));
        findings.sort_by(|a, b| (a.line, a.col, a.rule).cmp(&(b.line, b.col, b.rule)));
    }
    findings
}

/// Findings for an already merged posting (render --check, export --check, the wizard).
pub fn check_merged(merged: &Merged, path: &str, source: &str, cfg: &Config) -> Vec<Finding> {
    let doc = posting::from_merged(path, source, merged);
    with_jsonld(lint(&doc, cfg), &doc, Some(merged), cfg)
}

fn is_toml(path: &Path) -> bool {
    crate::files::has_extension(path, "toml")
}

fn is_lintable(path: &Path) -> bool {
    let ext = ["toml", "md", "markdown", "txt", "html", "htm"];
    let templates = super::doc::HTML_TEMPLATES;
    ext.iter()
        .chain(templates)
        .any(|e| crate::files::has_extension(path, e))
        && path
            .file_name()
            .is_some_and(|n| n != super::config::CONFIG_FILE)
        && !is_project_doc(path)
        && !(is_toml(path) && marked_partial(path))
}

/// A folder's own documents (`README.md`, `CHANGELOG.md`…) describe the postings
/// beside them and are not postings; named on the command line they are linted.
fn is_project_doc(path: &Path) -> bool {
    let stem = path.file_stem().map(|s| s.to_string_lossy().to_uppercase());
    let docs = [
        "README",
        "CHANGELOG",
        "CONTRIBUTING",
        "LICENSE",
        "CODE_OF_CONDUCT",
    ];
    stem.is_some_and(|s| docs.contains(&s.as_str()))
}

/// Files named directly, and lintable files found below folders (sorted; hidden
/// entries, the configuration, a folder's README and the like, and TOML partials
/// marked `# jobpost: partial` skipped).
pub fn find_inputs(inputs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let found = crate::files::find(inputs, &is_lintable)?;
    Ok(found.into_iter().map(|f| f.path).collect())
}

/// True when a TOML file's first line is the export's partial marker. Only that
/// line is read: the file is read whole again when it is linted.
fn marked_partial(path: &Path) -> bool {
    crate::files::marked_partial(path)
}

/// The findings of one file for people (`--check` shows them on standard error),
/// or nothing when there are none.
pub fn human_report(findings: &[Finding], path: &str, source: &str) -> String {
    if findings.is_empty() {
        return String::new();
    }
    let lookup = |q: &str| (q == path).then(|| source.to_string());
    render_human(findings, &lookup, Some(1))
}
