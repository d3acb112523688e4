//! The commands: each resolves its flags, calls the library and does its I/O at
//! the edge. Returns the process exit code on success paths.

use std::path::Path;

use toml::value::Date;

use crate::cli::{
    Cli, Command, EjectArgs, ExportArgs, InitArgs, ManArgs, NewArgs, RenderArgs, RolesCommand,
    SourceArgs,
};
use crate::error::{EXIT_PROBLEMS, Error, Result};
use crate::explain;
use crate::export;
use crate::jsonld;
use crate::load::{self, Inputs, Merged};
use crate::output::{print, write_atomic};
use crate::preset::{EMBEDDED_ROLES, EMBEDDED_TEMPLATES, Registry};
use crate::publish::{Output, publish};
use crate::render::{Format, Renderer, View};
use crate::validate;

/// How much a command says on standard error besides errors and findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chatter {
    /// `--quiet`: nothing but errors.
    Quiet,
    /// Notes and summaries.
    Normal,
    /// Also each file written.
    Verbose,
}

impl Chatter {
    fn of(cli: &Cli) -> Self {
        match (cli.quiet, cli.verbose) {
            (true, _) => Chatter::Quiet,
            (false, true) => Chatter::Verbose,
            (false, false) => Chatter::Normal,
        }
    }

    /// Prints a note or summary line on standard error unless quiet.
    fn say(self, line: &str) {
        if self != Chatter::Quiet {
            eprintln!("{line}");
        }
    }
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<u8> {
    let chatter = Chatter::of(&cli);
    let roles = cli.roles.as_deref();
    let templates = cli.templates.as_deref();
    match cli.command {
        Command::Roles(args) => roles_command(&Registry::load(roles)?, args.command),
        Command::New(args) => new(
            &Registry::load(roles)?,
            templates,
            NewArgs {
                quiet: chatter == Chatter::Quiet,
                ..args
            },
        ),
        Command::Init(args) => init(&Registry::load(roles)?, args, chatter),
        Command::Render(args) => render(&Registry::load(roles)?, templates, args, chatter),
        Command::Export(args) => export(&Registry::load(roles)?, templates, args, chatter),
        Command::Explain(args) => print(&explain::explain(&load_valid(
            &Registry::load(roles)?,
            &args,
        )?))
        .map(|_| 0),
        Command::Lint(args) => lint(&Registry::load(roles)?, args, chatter),
        Command::Eject(args) => eject(args, chatter),
        Command::Completions(args) => print(&crate::complete::script(args.shell)?).map(|_| 0),
        Command::Man(args) => man(args, chatter),
    }
}

/// `jobpost man`: the main page on standard output, or every page into a folder.
fn man(args: ManArgs, chatter: Chatter) -> Result<u8> {
    let Some(dir) = args.out else {
        print(&String::from_utf8_lossy(&crate::man::main_page()))?;
        return Ok(0);
    };
    let written = crate::man::write_pages(&dir, args.force)?;
    if chatter == Chatter::Verbose {
        written
            .iter()
            .for_each(|p| eprintln!("wrote {}", p.display()));
    }
    chatter.say(&format!(
        "wrote {} man pages to {}",
        written.len(),
        dir.display()
    ));
    Ok(0)
}

/// The format a file name's extension stands for, if any.
fn format_of_name(path: &Path) -> Option<Output> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "md" | "markdown" => Some(Output::Md),
        "html" | "htm" => Some(Output::Html),
        "txt" | "text" => Some(Output::Txt),
        "jsonld" | "json" => Some(Output::Jsonld),
        _ => None,
    }
}

/// `--format`, else the format the `-o` file name says, else Markdown; a flag
/// contradicting the file name is refused rather than writing, say, Markdown
/// into `posting.html`.
pub fn output_format(flag: Option<Output>, output: Option<&Path>) -> Result<Output> {
    let named = output.and_then(|p| format_of_name(p).map(|f| (p, f)));
    match (flag, named) {
        (Some(f), Some((path, n))) if f != n => Err(Error::Usage(format!(
            "--format {} contradicts the output file `{}`, whose extension means {}; \
             drop --format, or name the file `{}`",
            f.extension(),
            path.display(),
            n.extension(),
            path.with_extension(f.extension()).display()
        ))),
        (Some(f), _) => Ok(f),
        (None, Some((_, n))) => Ok(n),
        (None, None) => Ok(Output::Md),
    }
}

/// `jobpost new`: the format from `-o` like `render`, and `--posted` given as
/// the posting's own `posted` value, so the saved file keeps the date.
fn new(registry: &Registry, templates: Option<&Path>, mut args: NewArgs) -> Result<u8> {
    let output = output_format(args.format.map(output_of), args.output.as_deref())?;
    args.format = Some(output.template().ok_or_else(|| {
        Error::Usage(
            "`jobpost new` writes md, html or txt; render JSON-LD afterwards with \
             `jobpost render FILE --format jsonld`"
                .into(),
        )
    })?);
    if let Some(date) = args.posted {
        args.sets.push(format!("posted={}", jsonld::iso(&date)));
    }
    crate::prompt::inquire::colour(args.color);
    crate::prompt::new(registry, templates, &args)
}

/// The output of a template format.
fn output_of(format: Format) -> Output {
    match format {
        Format::Md => Output::Md,
        Format::Html => Output::Html,
        Format::Txt => Output::Txt,
    }
}

/// The inputs a [`SourceArgs`] names.
pub fn inputs(args: &SourceArgs) -> Inputs {
    Inputs {
        file: args.file.clone(),
        role: args.role.clone(),
        company: args.company.clone(),
        sets: args.sets.clone(),
        unsets: args.unsets.clone(),
        locale: args.locale.clone(),
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

fn render(
    registry: &Registry,
    templates: Option<&Path>,
    args: RenderArgs,
    chatter: Chatter,
) -> Result<u8> {
    let format = output_format(args.format, args.output.as_deref())?;
    let merged = load_valid(registry, &args.source)?;
    if args.check && !check(&merged, args.source.file.as_deref())? {
        return Ok(EXIT_PROBLEMS);
    }
    let renderer = Renderer::new(templates)?;
    let text = publish(&renderer, &merged, format, args.posted)?;
    match &args.output {
        Some(path) => {
            write_atomic(path, text.as_bytes(), args.force)?;
            if chatter == Chatter::Verbose {
                eprintln!("wrote {}", path.display());
            }
        }
        None => print(&text)?,
    }
    // After the output is out: a note about a page that failed to write is noise.
    let needs = validate::still_needed(&merged.posting);
    if !needs.is_empty() {
        chatter.say(&format!(
            "note: not ready to publish; the employer has not given: {}",
            needs.join(", ")
        ));
    }
    if format == Output::Html {
        if let Some(note) = page_note(&merged, args.posted) {
            chatter.say(&note);
        }
    }
    Ok(0)
}

/// Why an HTML page embeds no JSON-LD (search engines will not list it), in one
/// line naming the missing fields, or `None` when it does embed it.
fn page_note(merged: &Merged, posted: Option<Date>) -> Option<String> {
    let p = &merged.posting;
    let Err(Error::Invalid(problems)) = jsonld::build(p, &View::new(p), posted) else {
        return None;
    };
    let fields: Vec<&str> = problems.iter().map(|p| p.at.as_str()).collect();
    let how = match fields.contains(&"posted") {
        true => "; date it with `posted = 2027-01-04` in the posting or --posted YYYY-MM-DD|today",
        false => "",
    };
    Some(format!(
        "note: the page embeds no JSON-LD for job search engines: it needs {}{how}",
        fields.join(", ")
    ))
}

fn export(
    registry: &Registry,
    templates: Option<&Path>,
    args: ExportArgs,
    chatter: Chatter,
) -> Result<u8> {
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
    if let Some(tag) = &args.locale {
        // Once for the run, rather than once per posting.
        crate::locale::check(tag).map_err(|m| Error::input(format!("--locale {tag}"), m))?;
    }
    let settings = export::Settings {
        inputs: args.inputs,
        out: args.out,
        formats,
        jobs: args.jobs,
        force: args.force,
        company: args.company,
        locale: args.locale,
        date: args.posted,
        check,
        base_url: args.base_url,
        verbose: chatter == Chatter::Verbose,
        quiet: chatter == Chatter::Quiet,
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
    chatter.say(&report.summary(&settings));
    Ok(if report.failed.is_empty() {
        0
    } else {
        EXIT_PROBLEMS
    })
}

fn roles_command(registry: &Registry, cmd: Option<RolesCommand>) -> Result<u8> {
    match cmd.unwrap_or(RolesCommand::List { ids: false }) {
        RolesCommand::List { ids: false } => print(&roles_list(registry))?,
        RolesCommand::List { ids: true } => print(
            &registry
                .all()
                .map(|p| format!("{}\n", p.id))
                .collect::<String>(),
        )?,
        RolesCommand::Show { id, raw: true } => print(&registry.get(&id)?.text)?,
        RolesCommand::Show { id, raw: false } => {
            let preset = registry.get(&id)?;
            let merged = load::preset(registry, &id)?;
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
            print(&format!("{header}{}", explain::explain_preset(&merged)))?;
        }
    }
    Ok(0)
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

fn init(registry: &Registry, args: InitArgs, chatter: Chatter) -> Result<u8> {
    if let Some(company) = &args.company {
        write_atomic(company, explain::company_starter().as_bytes(), args.force)?;
        chatter.say(&format!(
            "wrote {}; fill in your employer's facts",
            company.display()
        ));
    }
    let Some(file) = &args.file else {
        return Ok(0);
    };
    let mut text = match &args.role {
        Some(id) => {
            let preset = registry.get(id)?;
            let merged = load::preset(registry, id)?;
            explain::starter(Some((id, &preset.name)), Some(&merged))
        }
        None => explain::starter(None, None),
    };
    if let Some(company) = &args.company {
        // A top-level key: it must come before the first table.
        let at = text.find("\n[").unwrap_or(text.len());
        let include = format!(
            "\n# Your company profile, merged below this file.\ninclude = [{}]\n",
            toml::Value::String(relative_to(company, file))
        );
        text.insert_str(at, &include);
    }
    write_atomic(file, text.as_bytes(), args.force)?;
    chatter.say(&format!(
        "wrote {}; render it with: jobpost render {}",
        file.display(),
        file.display()
    ));
    Ok(0)
}

/// `target` as a path relative to the folder of `file` when it lies below it.
fn relative_to(target: &Path, file: &Path) -> String {
    let dir = file.parent().unwrap_or(Path::new(""));
    target
        .strip_prefix(dir)
        .unwrap_or(target)
        .display()
        .to_string()
}

fn eject(args: EjectArgs, chatter: Chatter) -> Result<u8> {
    for (sub, files) in [("templates", EMBEDDED_TEMPLATES), ("roles", EMBEDDED_ROLES)] {
        let dir = args.dir.join(sub);
        std::fs::create_dir_all(&dir).map_err(|e| Error::io("create", &dir, e))?;
        for (name, text) in files {
            let path = dir.join(name);
            write_atomic(&path, text.as_bytes(), args.force)?;
            if chatter == Chatter::Verbose {
                eprintln!("wrote {}", path.display());
            }
        }
    }
    let dir = args.dir.display();
    chatter.say(&format!(
        "wrote templates/ and roles/ under {dir}; use them with --templates {dir} --roles {dir}"
    ));
    Ok(0)
}

fn lint(registry: &Registry, args: crate::cli::LintArgs, chatter: Chatter) -> Result<u8> {
    let settings = crate::lint::run::Settings {
        format: args.format.parse().map_err(Error::Usage)?,
        inputs: args.inputs,
        fail_on: args.fail_on,
        config: args.config,
        jurisdictions: args.jurisdictions,
        quiet: chatter == Chatter::Quiet,
        fix: args.fix,
        dry_run: args.dry_run,
        locale: args.locale,
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
