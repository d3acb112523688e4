//! The end of the wizard: the summary and preview, choosing file names that do
//! not overwrite anything, writing the posting and its rendering, and saving a
//! draft when the run stops early.

use std::path::{Path, PathBuf};

use crate::error::{Error, Problem, Result};
use crate::format::{self, Format};
use crate::model::Posting;
use crate::output::write_atomic;
use crate::preset::Registry;
use crate::render::Templates;
use crate::ui;
use crate::validate;

use super::flow::Ctx;
use super::state::State;
use super::{Ask, Prompter, Reply, Settings, Target, draft};

/// The files a finished run writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// The posting file.
    pub save: PathBuf,
    /// The rendered posting, or `None` for standard output.
    pub output: Option<PathBuf>,
}

/// What a finished run wrote.
#[derive(Debug, Clone)]
pub struct Done {
    /// The posting file.
    pub posting: PathBuf,
    /// The rendered file, if not standard output.
    pub output: Option<PathBuf>,
    /// The rendered posting for standard output.
    pub stdout: Option<String>,
    /// The draft this run continued, now removed.
    pub removed_draft: Option<PathBuf>,
    /// The format rendered.
    pub format: Format,
    /// The company profile written from the employer's answers, if any.
    pub profile: Option<PathBuf>,
}

impl Done {
    /// One line for standard error saying what was written.
    pub fn report(&self) -> String {
        let posting = self.posting.display();
        let mut line = match &self.output {
            Some(out) => ui::f(
                "done.wrote_both",
                &[
                    ("posting", &posting.to_string()),
                    ("output", &out.display().to_string()),
                ],
            ),
            None => ui::f("done.wrote", &[("posting", &posting.to_string())]),
        };
        let flag = match self.format == Format::DEFAULT {
            true => String::new(),
            false => format!(" --format {}", self.format.name()),
        };
        let again = format!("{posting}{flag}");
        line.push_str(&ui::f("done.again", &[("command", &again)]));
        if let Some(p) = &self.profile {
            line.push('\n');
            line.push_str(&ui::f(
                "done.profile",
                &[("file", &p.display().to_string())],
            ));
        }
        if let Some(d) = &self.removed_draft {
            line.push('\n');
            line.push_str(&ui::f(
                "done.draft_removed",
                &[("file", &d.display().to_string())],
            ));
        }
        line
    }
}

/// The summary and preview shown before saving.
pub struct Preview {
    /// What is shown.
    pub text: String,
    /// How many problems stop the posting from being saved.
    pub problems: usize,
    /// The lint errors shown: each is offered to be fixed before saving.
    pub errors: Vec<Finding>,
}

/// One lint finding of the summary.
#[derive(Debug, Clone)]
pub struct Finding {
    /// How serious it is.
    pub severity: crate::lint::Severity,
    /// The lint rule.
    pub rule: String,
    /// What it says.
    pub message: String,
    /// The field (and item of a list) it is about, e.g. `duties.daily item 3`.
    pub place: Option<String>,
}

impl Finding {
    /// `error[rule] place: message`, marked `!` for errors and warnings, `·` for notes.
    fn line(&self) -> String {
        let mark = match self.severity >= crate::lint::Severity::Warning {
            true => '!',
            false => '·',
        };
        let place = self
            .place
            .as_ref()
            .map(|p| format!(" {p}"))
            .unwrap_or_default();
        format!(
            "  {mark} {}[{}]{place}: {}\n",
            self.severity.as_str(),
            self.rule,
            self.message
        )
    }
}

/// The summary (problems and warnings) and the rendered posting.
pub fn preview(ctx: &Ctx, state: &State) -> Result<Preview> {
    let name = ctx.settings.save.display().to_string();
    let merged = state.merged(ctx.registry, &name)?;
    let problems = validate::problems(&merged);
    let file = ctx.settings.format;
    let (format, title) = match file.preview_as() {
        Some(shown) => (
            shown,
            ui::f(
                "summary.preview_as",
                &[("shown", shown.title()), ("file", file.title())],
            ),
        ),
        None => (file, ui::t("summary.preview").to_string()),
    };
    let rendered = format::render(ctx.renderer, &merged, format, None)?.into_text(format)?;
    let findings = lint_findings(ctx, &merged, &name);
    let text = format!(
        "{}{}{}{}{rendered}{}",
        heading(ui::t("summary.heading")),
        summary(&problems, &warnings(&merged.posting), &findings),
        chosen(state),
        heading(&title),
        heading("").trim_end(),
    );
    let errors = findings
        .into_iter()
        .filter(|f| f.severity == crate::lint::Severity::Error)
        .collect();
    Ok(Preview {
        text,
        problems: problems.len(),
        errors,
    })
}

/// The employer facts chosen from a list in this run (employment type, pay
/// period…), each as its choice reads: Enter takes the option the cursor is on,
/// so the summary shows what it took and nothing is filled in unseen.
fn chosen(state: &State) -> String {
    use super::fields::{FIELDS, Kind};
    let mut out = String::new();
    for f in FIELDS.iter().filter(|f| state.answered.contains(f.path)) {
        let Kind::Choice(choices) = f.kind else {
            continue;
        };
        if !crate::model::is_employer_fact(f.path) {
            continue;
        }
        let Some(value) = state.answers.get(f.path).cloned().flatten() else {
            continue;
        };
        let key = value.as_str().unwrap_or_default();
        let label = choices()
            .into_iter()
            .find(|(k, _)| *k == key)
            .map_or(key, |(_, l)| l);
        // Locales are shown by their tag, in every language.
        let label = match f.path {
            "locale" => label,
            path => ui::choice(path, key, label),
        };
        let question = f.message().trim_end_matches(['?', ' ']);
        out.push_str(&format!("  · {question}: {label}\n"));
    }
    out
}

/// `── Summary ───…`, 60 columns wide.
fn heading(title: &str) -> String {
    let title = if title.is_empty() {
        String::new()
    } else {
        format!(" {title} ")
    };
    format!("──{title}{}\n", "─".repeat(58 - title.chars().count()))
}

fn summary(problems: &[Problem], warnings: &[String], findings: &[Finding]) -> String {
    let mut out = String::new();
    for p in problems {
        out.push_str(&format!("  ✗ {p}\n"));
    }
    for w in warnings {
        out.push_str(&format!("  ! {w}\n"));
    }
    for f in findings {
        out.push_str(&f.line());
    }
    if problems.is_empty() && warnings.is_empty() && findings.is_empty() {
        out.push_str(&format!("  ✓ {}\n", ui::t("summary.no_problems")));
    }
    if !problems.is_empty() {
        out.push_str(&format!("  {}\n", ui::t("summary.fix_first")));
    }
    out
}

/// What `jobpost lint` would say (warnings and errors, and the wording verdict), with
/// the configuration found next to the posting file. The file is not written yet,
/// so findings name fields and list items instead of its lines.
fn lint_findings(ctx: &Ctx, merged: &crate::load::Merged, name: &str) -> Vec<Finding> {
    use crate::lint::{Severity, run};
    let dir = ctx
        .settings
        .save
        .parent()
        .filter(|d| !d.as_os_str().is_empty());
    let cfg = run::config_for(None, Some(dir.unwrap_or(Path::new("."))), &[]).unwrap_or_default();
    let (placed, places) = placed(merged, name);
    run::check_merged(&placed, name, "", &cfg)
        .into_iter()
        .filter(|f| f.severity >= Severity::Warning || f.rule == "gender-balance")
        .map(|f| Finding {
            severity: f.severity,
            rule: f.rule.to_string(),
            message: unlined(&f.message, &places),
            place: place_of(&f, &places),
        })
        .collect()
}

/// The field a finding is about. Findings about the whole posting sit at its
/// title; they are about no field, unlike the title's own findings (the title
/// rules, and words matched in it).
fn place_of(f: &crate::lint::Finding, places: &[String]) -> Option<String> {
    let place = places.get(f.line).filter(|p| !p.is_empty())?;
    let whole = place == "title" && f.matched.is_none() && !f.rule.starts_with("title");
    (!whole).then(|| place.clone())
}

/// `merged` with every value, and every item of a list, at a line of its own in
/// `name`, and what is at each line: lint then tells apart what a preset and the
/// answers set, which would share a line. Lines 0 and 1 hold nothing, as lint
/// puts findings with no place at 1:1 (or at the role, which is no field either).
pub fn placed(merged: &crate::load::Merged, name: &str) -> (crate::load::Merged, Vec<String>) {
    use crate::layer::{Origin, Pos};
    use crate::load::Slot;
    let source: std::sync::Arc<str> = std::sync::Arc::from(name);
    let mut placed = merged.clone();
    let mut places = vec![String::new(), String::new()];
    let mut next = |label: String| {
        places.push(label);
        Origin {
            source: source.clone(),
            pos: Some(Pos {
                line: places.len() - 1,
                col: 1,
            }),
            kind: crate::layer::Kind::File,
        }
    };
    for (path, slot) in placed.slots.iter_mut() {
        match slot {
            Slot::Value(_, origin) if ["role", "include"].contains(&path.as_str()) => {
                *origin = next(String::new());
            }
            Slot::Value(_, origin) => *origin = next(path.clone()),
            Slot::List(items) => {
                for (i, (_, origin)) in items.iter_mut().enumerate() {
                    *origin = next(format!("{path} item {}", i + 1));
                }
            }
        }
    }
    (placed, places)
}

/// A lint message with its line references (`on line 21`, `line 21`) turned into
/// the field or item at that line.
pub fn unlined(message: &str, places: &[String]) -> String {
    let mut out = String::new();
    let mut rest = message;
    while let Some(i) = rest.find("line ") {
        let digits: String = rest[i + 5..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        // `line` as a word: not the end of `deadline`.
        let word = !rest[..i].ends_with(|c: char| c.is_alphanumeric());
        let place = digits
            .parse::<usize>()
            .ok()
            .and_then(|n| places.get(n))
            .filter(|p| word && !p.is_empty());
        let Some(place) = place else {
            out.push_str(&rest[..i + 5]);
            rest = &rest[i + 5..];
            continue;
        };
        let before = &rest[..i];
        match before.strip_suffix("on ") {
            Some(b) => out.push_str(&format!("{b}at {place}")),
            None => out.push_str(&format!("{before}{place}")),
        }
        rest = &rest[i + 5 + digits.len()..];
    }
    out.push_str(rest);
    out
}

/// Checks a reader would notice that neither the field rules nor lint make
/// (lint reports a missing company; these are about the pay and apply fields).
pub fn warnings(p: &Posting) -> Vec<String> {
    let mut out = Vec::new();
    let pay = p.pay.as_ref();
    if pay.is_none_or(|pay| pay.min.is_none() || pay.max.is_none()) {
        out.push(ui::t("summary.no_pay").into());
    }
    let apply = p.apply.as_ref();
    if apply.is_none_or(|a| a.url.is_none() && a.email.is_none()) {
        out.push(ui::t("summary.no_apply").into());
    }
    out
}

/// The files to write, asking for another name where one exists (never overwriting
/// without `--force`).
pub fn plan(p: &mut dyn Prompter, settings: &Settings) -> Reply<Plan> {
    let save = free_name(p, &settings.save, settings.force)?;
    let output = match &settings.output {
        Target::Stdout => None,
        Target::File(path) => Some(free_name(p, path, settings.force)?),
        Target::BesidePosting => {
            let beside = save.with_extension(settings.format.extension());
            Some(free_name(p, &beside, settings.force)?)
        }
    };
    Ok(Plan { save, output })
}

fn free_name(p: &mut dyn Prompter, path: &Path, force: bool) -> Reply<PathBuf> {
    if force || !path.exists() {
        return Ok(path.to_path_buf());
    }
    let suggestion = next_free(path).display().to_string();
    let message = ui::f("save.exists", &[("file", &path.display().to_string())]);
    let check = |s: &str| match s.trim() {
        "" => Err(ui::t("save.empty").to_string()),
        s if Path::new(s).exists() => Err(ui::f("save.exists_too", &[("file", s)])),
        _ => Ok(()),
    };
    let ask = Ask {
        message: &message,
        help: ui::t("save.help"),
    };
    p.text(&ask, &suggestion, &check)
        .map(|s| PathBuf::from(s.trim()))
}

/// `posting-2.toml`, `posting-3.toml`, … whichever is free first.
pub fn next_free(path: &Path) -> PathBuf {
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    let ext = path
        .extension()
        .map(|e| format!(".{}", e.to_string_lossy()));
    (2..)
        .map(|n| path.with_file_name(format!("{stem}-{n}{}", ext.as_deref().unwrap_or(""))))
        .find(|p| !p.exists())
        .unwrap_or_else(|| path.to_path_buf())
}

/// The posting file's text: a header, then the layer.
pub fn posting_text(state: &State, save: &Path) -> String {
    format!(
        "# Written by `jobpost new`. Render it with: jobpost render {}\n\
         # Values not set here come from the role preset; see them all with: jobpost explain {}\n\n{}",
        save.display(),
        save.display(),
        state.text()
    )
}

/// Writes the posting and its rendering. With `keep_draft`, a failed posting
/// write saves a draft first.
pub fn write(ctx: &Ctx, state: &State, plan: &Plan, keep_draft: bool) -> Result<Done> {
    let merged = state.merged(ctx.registry, &plan.save.display().to_string())?;
    validate::validate(&merged)?;
    let format = ctx.settings.format;
    let rendered = format::render(ctx.renderer, &merged, format, None)?.into_text(format)?;
    let force = ctx.settings.force;
    if let Err(e) = write_atomic(
        &plan.save,
        posting_text(state, &plan.save).as_bytes(),
        force,
    ) {
        return Err(if keep_draft { failed(ctx, state, e) } else { e });
    }
    if let Some(out) = &plan.output {
        write_atomic(out, rendered.as_bytes(), force).inspect_err(|_| {
            let file = plan.save.display().to_string();
            eprintln!("{}", ui::f("done.not_rendered", &[("file", &file)]))
        })?;
    }
    let removed_draft = ctx
        .settings
        .resume
        .clone()
        .filter(|d| std::fs::remove_file(d).is_ok());
    Ok(Done {
        posting: plan.save.clone(),
        output: plan.output.clone(),
        stdout: plan.output.is_none().then_some(rendered),
        removed_draft,
        format: ctx.settings.format,
        profile: None,
    })
}

/// Saves a draft after Ctrl-C or Esc on the first question.
pub fn interrupted(ctx: &Ctx, state: &State) -> Error {
    match draft::save(state, ctx.settings) {
        Ok(path) => Error::Interrupted(path),
        Err(e) => e,
    }
}

/// Saves a draft after a failure, reports the failure, and ends as interrupted.
pub fn failed(ctx: &Ctx, state: &State, e: Error) -> Error {
    match draft::save(state, ctx.settings) {
        Ok(path) => {
            eprintln!("error: {e}");
            Error::Interrupted(path)
        }
        Err(_) => e,
    }
}

/// The employer facts the law of the job's place requires that are not given,
/// each with the law: `pay.min (…)`.
pub fn missing_by_law(state: &State) -> Vec<String> {
    let pay_given = ["pay.min", "pay.max"]
        .iter()
        .any(|p| state.current(p).is_some());
    [
        "pay.min",
        "pay.currency",
        "pay.period",
        "pay.benefits",
        "apply_by",
    ]
    .into_iter()
    .filter(|p| !(p.starts_with("pay.m") && pay_given) && state.current(p).is_none())
    .filter_map(|p| {
        let law = state.required_by_law(p)?;
        let key = if p == "pay.min" {
            "pay.min or pay.max"
        } else {
            p
        };
        Some(format!("{key}: {law}"))
    })
    .collect()
}

/// `--defaults`: nothing is asked; what is given, else the preset, must make a
/// whole posting.
pub fn defaults(registry: &Registry, renderer: &Templates, settings: &Settings) -> Result<Done> {
    let state = State::new(registry, &settings.inputs, settings.answered.clone())?;
    let problems = validate::problems(&state.base);
    let missing = missing_by_law(&state);
    if !problems.is_empty() || !missing.is_empty() {
        let mut why = Vec::new();
        if !problems.is_empty() {
            why.push(Error::Invalid(problems).to_string());
        }
        if !missing.is_empty() {
            let facts = missing.join("\n  ");
            why.push(ui::f("new.missing_by_law", &[("facts", &facts)]));
        }
        let why = why.join("\n");
        return Err(Error::Usage(ui::f("new.defaults", &[("why", &why)])));
    }
    let plan = Plan {
        save: settings.save.clone(),
        output: match &settings.output {
            Target::File(path) => Some(path.clone()),
            _ => None,
        },
    };
    let ctx = Ctx {
        registry,
        renderer,
        settings,
    };
    write(&ctx, &state, &plan, false)
}
