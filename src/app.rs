//! The commands: each resolves its flags, calls the library and does its I/O at
//! the edge. Returns the process exit code on success paths.

use std::path::Path;

use clap::CommandFactory;

use crate::cli::{
    Cli, Command, EjectArgs, ExportArgs, InitArgs, RenderArgs, RolesCommand, SourceArgs,
};
use crate::error::{EXIT_PROBLEMS, Error, Result};
use crate::explain;
use crate::export;
use crate::jsonld;
use crate::load::{self, Inputs, Merged};
use crate::output::{print, write_atomic};
use crate::preset::{EMBEDDED_ROLES, EMBEDDED_TEMPLATES, Registry};
use crate::publish::publish;
use crate::render::Renderer;
use crate::validate;

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<u8> {
    let roles = cli.roles.as_deref();
    let templates = cli.templates.as_deref();
    match cli.command {
        Command::Roles(cmd) => roles_command(&Registry::load(roles)?, cmd),
        Command::New(args) => crate::prompt::new(&Registry::load(roles)?, templates, &args),
        Command::Init(args) => init(&Registry::load(roles)?, args),
        Command::Render(args) => render(&Registry::load(roles)?, templates, args),
        Command::Export(args) => export(&Registry::load(roles)?, templates, args),
        Command::Explain(args) => print(&explain::explain(&load_valid(
            &Registry::load(roles)?,
            &args,
        )?))
        .map(|_| 0),
        Command::Lint(args) => lint(&Registry::load(roles)?, args),
        Command::Eject(args) => eject(args),
        Command::Completions(args) => {
            let mut out = Vec::new();
            clap_complete::generate(args.shell, &mut Cli::command(), "jobpost", &mut out);
            print(&String::from_utf8_lossy(&out)).map(|_| 0)
        }
        Command::Man => {
            let mut out = Vec::new();
            clap_mangen::Man::new(Cli::command())
                .render(&mut out)
                .map_err(|e| Error::io("write", Path::new("standard output"), e))?;
            print(&String::from_utf8_lossy(&out)).map(|_| 0)
        }
    }
}

/// The inputs a [`SourceArgs`] names.
pub fn inputs(args: &SourceArgs) -> Inputs {
    Inputs {
        file: args.file.clone(),
        role: args.role.clone(),
        company: args.company.clone(),
        sets: args.sets.clone(),
    }
}

/// Loads, merges and validates the posting `args` names.
pub fn load_valid(registry: &Registry, args: &SourceArgs) -> Result<Merged> {
    if args.file.is_none() && args.role.is_none() && args.sets.is_empty() {
        return Err(Error::Usage(
            "nothing to render: give a posting FILE, or --role ID (see `jobpost roles list`)"
                .into(),
        ));
    }
    let merged = load::load(registry, &inputs(args))?;
    validate::validate(&merged)?;
    Ok(merged)
}

fn render(registry: &Registry, templates: Option<&Path>, args: RenderArgs) -> Result<u8> {
    let merged = load_valid(registry, &args.source)?;
    if args.check && !check(&merged, args.source.file.as_deref())? {
        return Ok(EXIT_PROBLEMS);
    }
    let renderer = Renderer::new(templates)?;
    let text = publish(&renderer, &merged, args.format, args.date)?;
    match &args.output {
        Some(path) => write_atomic(path, text.as_bytes(), args.force)?,
        None => print(&text)?,
    }
    Ok(0)
}

fn export(registry: &Registry, templates: Option<&Path>, args: ExportArgs) -> Result<u8> {
    let renderer = Renderer::new(templates)?;
    let mut formats = Vec::new();
    for f in args.format {
        if !formats.contains(&f) {
            formats.push(f);
        }
    }
    let first = args.inputs.first().map(|p| p.as_path());
    let check = match args.check {
        true => Some(crate::lint::run::config_for(None, first, &[])?),
        false => None,
    };
    let settings = export::Settings {
        inputs: args.inputs,
        out: args.out,
        formats,
        jobs: args.jobs,
        force: args.force,
        company: args.company,
        // One date for the whole run, so postings exported together agree.
        date: args.date.unwrap_or_else(jsonld::today),
        check,
    };
    crate::interrupt::watch();
    let report = export::export(registry, &renderer, &settings)?;
    for f in &report.failed {
        // Most messages already start with the file (and line); say it once.
        let (file, error) = (f.file.display().to_string(), f.error.to_string());
        match error.starts_with(&file) {
            true => eprintln!("error: {error}"),
            false => eprintln!("error: {file}: {error}"),
        }
    }
    eprintln!("{}", report.summary(&settings));
    Ok(if report.failed.is_empty() {
        0
    } else {
        EXIT_PROBLEMS
    })
}

fn roles_command(registry: &Registry, cmd: RolesCommand) -> Result<u8> {
    match cmd {
        RolesCommand::List => print(&roles_list(registry))?,
        RolesCommand::Show { id, raw: true } => print(&registry.get(&id)?.text)?,
        RolesCommand::Show { id, raw: false } => {
            let preset = registry.get(&id)?;
            let merged = preset_merged(registry, &id)?;
            let header = format!(
                "# {} ({}){}\n",
                preset.name,
                preset.industry,
                preset
                    .extends
                    .as_deref()
                    .map(|e| format!(", extends {e}"))
                    .unwrap_or_default()
            );
            print(&format!("{header}{}", explain::explain(&merged)))?;
        }
    }
    Ok(0)
}

fn preset_merged(registry: &Registry, id: &str) -> Result<Merged> {
    let layers: Vec<_> = registry.chain(id)?.into_iter().map(|p| &p.layer).collect();
    load::merge(&layers)
}

/// The presets grouped by industry, aligned in columns.
pub fn roles_list(registry: &Registry) -> String {
    let width = registry.all().map(|p| p.id.len()).max().unwrap_or(0);
    let mut out = String::new();
    for (industry, presets) in registry.by_industry() {
        out.push_str(&format!("{industry}\n"));
        for p in presets {
            let parent = p
                .extends
                .as_deref()
                .map(|e| format!("  (extends {e})"))
                .unwrap_or_default();
            out.push_str(&format!("  {:width$}  {}{parent}\n", p.id, p.name));
        }
    }
    out
}

fn init(registry: &Registry, args: InitArgs) -> Result<u8> {
    let text = match &args.role {
        Some(id) => {
            let preset = registry.get(id)?;
            let merged = preset_merged(registry, id)?;
            explain::starter(Some((id, &preset.name)), Some(&merged))
        }
        None => explain::starter(None, None),
    };
    write_atomic(&args.file, text.as_bytes(), args.force)?;
    eprintln!(
        "wrote {}; render it with: jobpost render {}",
        args.file.display(),
        args.file.display()
    );
    Ok(0)
}

fn eject(args: EjectArgs) -> Result<u8> {
    for (sub, files) in [("templates", EMBEDDED_TEMPLATES), ("roles", EMBEDDED_ROLES)] {
        let dir = args.dir.join(sub);
        std::fs::create_dir_all(&dir).map_err(|e| Error::io("create", &dir, e))?;
        for (name, text) in files {
            write_atomic(&dir.join(name), text.as_bytes(), args.force)?;
        }
    }
    eprintln!(
        "wrote templates/ and roles/ under {}; use them with --templates and --roles",
        args.dir.display()
    );
    Ok(0)
}

fn lint(registry: &Registry, args: crate::cli::LintArgs) -> Result<u8> {
    let settings = crate::lint::run::Settings {
        format: args.format.parse().map_err(Error::Usage)?,
        inputs: args.inputs,
        fail_on: args.fail_on,
        config: args.config,
        jurisdictions: args.jurisdictions,
        fix: args.fix,
        dry_run: args.dry_run,
    };
    crate::lint::run::run(registry, &settings)
}

/// Lints a merged posting for `--check`: prints findings on standard error and
/// says whether it may be published (no errors).
fn check(merged: &Merged, file: Option<&Path>) -> Result<bool> {
    use crate::lint::run::{FailOn, check_merged, config_for, report_to_stderr};
    let start = file.and_then(Path::parent).unwrap_or(Path::new("."));
    let cfg = config_for(None, Some(start), &[])?;
    let (name, source) = match file {
        Some(f) => (f.display().to_string(), load::read_text(f)?),
        None => ("(merged posting)".to_string(), String::new()),
    };
    let findings = check_merged(merged, &name, &source, &cfg);
    Ok(!report_to_stderr(&findings, &name, &source, FailOn::Error))
}
