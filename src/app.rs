//! The commands: each resolves its flags, calls the library and does its I/O at
//! the edge. Returns the process exit code on success paths.

use std::io::IsTerminal;
use std::path::Path;
use std::sync::OnceLock;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::cli::{
    Cli, Command, EjectArgs, ExportArgs, InitArgs, ManArgs, NewArgs, RenderArgs, RolesCommand,
    SourceArgs,
};
use clap::ColorChoice;

use crate::diagnostic::{self, Sources};
use crate::embedded::Folder;
use crate::error::{EXIT_PROBLEMS, Error, Problem, Result};
use crate::explain;
use crate::export;
use crate::format::{self, Format};
use crate::jsonld;
use crate::load::{self, Inputs, Merged};
use crate::output::{print, write_atomic};
use crate::preset::Registry;
use crate::render::Templates;
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
            // Lines quote file names and values, which may hold control characters.
            eprintln!("{}", crate::error::escaped(line, true));
        }
    }
}

/// "wrote PATH" for `--verbose`, the path escaped (an exported file is named
/// after a posting file, whose name may hold control characters).
fn wrote(path: &Path) {
    eprintln!(
        "wrote {}",
        crate::error::escaped(&path.display().to_string(), false)
    );
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<u8> {
    let chatter = Chatter::of(&cli);
    let roles = cli.roles.as_deref();
    let templates = cli.templates.as_deref();
    match cli.command {
        Command::Roles(args) => roles_command(&Registry::load(roles)?, args.command),
        Command::New(args) => new(&Registry::load(roles)?, templates, args, chatter),
        Command::Init(args) => init(&Registry::load(roles)?, args, chatter),
        Command::Render(args) => render(&Registry::load(roles)?, templates, args, chatter),
        Command::Export(args) => export(&Registry::load(roles)?, templates, roles, args, chatter),
        Command::Explain(args) => print(&explain::explain(&load_valid(
            &Registry::load(roles)?,
            &args,
        )?))
        .map(|_| 0),
        Command::Lint(args) => lint(&Registry::load(roles)?, args, chatter),
        Command::Import(args) => import(&Registry::load(roles)?, args, chatter),
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
        written.iter().for_each(|p| wrote(p));
    }
    chatter.say(&format!(
        "wrote {} man pages to {}",
        written.len(),
        dir.display()
    ));
    Ok(0)
}

/// `--format`, else the format the `-o` file name says, else Markdown; a flag
/// contradicting the file name is refused rather than writing, say, Markdown
/// into `posting.html`.
pub fn output_format(flag: Option<Format>, output: Option<&Path>) -> Result<Format> {
    let named = output.and_then(|p| Format::of_file_name(p).map(|f| (p, f)));
    match (flag, named) {
        (Some(f), Some((path, n))) if f != n => Err(Error::input(
            crate::error::Origin::flag("--format", f.extension()),
            format!(
                "contradicts the output file `{}`, whose extension means {}; \
                 drop --format, or name the file `{}`",
                path.display(),
                n.extension(),
                path.with_extension(f.extension()).display()
            ),
        )),
        (Some(f), _) => Ok(f),
        (None, Some((_, n))) => Ok(n),
        (None, None) => match output.and_then(|p| Some((p, p.extension()?))) {
            Some((path, ext)) => Err(unknown_extension(path, ext)),
            None => Ok(Format::DEFAULT),
        },
    }
}

/// An `-o` file whose extension names no format we write (`posting.pdf`): writing
/// Markdown under that name would give a file no reader opens, so it is refused,
/// naming the extensions [`Format::of_file_name`] knows (a format added to
/// `format::ALL` joins the list by itself).
fn unknown_extension(path: &Path, ext: &std::ffi::OsStr) -> Error {
    let known: Vec<String> = crate::format::ALL
        .iter()
        .map(|f| format!(".{}", f.extension()))
        .collect();
    let problem = Problem::new(
        crate::error::Origin::flag("-o", path.display().to_string()),
        format!("jobpost cannot write `.{}` files", ext.to_string_lossy()),
    )
    .expected(format!(
        "a file name ending in {}, or --format to write one of them under this name",
        one_of(known.iter().map(String::as_str).collect())
    ));
    Error::from(problem)
}

/// `jobpost new`: the format from `-o` like `render`, and `--posted` given as
/// the posting's own `posted` value, so the saved file keeps the date.
fn new(
    registry: &Registry,
    templates: Option<&Path>,
    mut args: NewArgs,
    chatter: Chatter,
) -> Result<u8> {
    let format = output_format(args.format, args.output.as_deref())?;
    if !format.is_document() {
        return Err(Error::Usage(format!(
            "`jobpost new` writes {}; render {} afterwards with `jobpost render FILE --format {}`",
            one_of(Format::documents().map(|f| f.name()).collect()),
            format.title(),
            format.name()
        )));
    }
    if let Some(date) = args.posted {
        args.sets.push(format!("posted={}", jsonld::iso(&date)));
    }
    crate::prompt::inquire::colour(args.color);
    // The wizard speaks the user's language; the posting's comes from its place.
    crate::ui::set(crate::ui::Lang::detect(args.lang));
    let options = crate::prompt::Options {
        role: args.role,
        from: args.from,
        company: args.company,
        sets: args.sets,
        save: args.save,
        output: args.output,
        format,
        defaults: args.defaults,
        resume: args.resume,
        force: args.force,
    };
    let done = crate::prompt::new(registry, templates, &options)?;
    if let Some(text) = &done.stdout {
        print(text)?;
    }
    chatter.say(&done.report());
    Ok(0)
}

/// `a, b or c`.
fn one_of(names: Vec<&str>) -> String {
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => names.join(""),
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
    if let Err(e) = validate::validate(&merged) {
        // A company profile is not a posting: say so, not what a posting lacks.
        let partial = args
            .file
            .as_deref()
            .filter(|f| crate::files::marked_partial(f));
        return Err(match partial {
            Some(f) => Error::input(
                crate::error::Origin::file(f.display().to_string()),
                "a partial file (its first line is `# jobpost: partial`), not a posting: render a posting that includes it (`include = [\"…\"]`)",
            ),
            None => e,
        });
    }
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
    let rendered = format::render(&Templates::new(templates)?, &merged, format, args.posted)?;
    match &args.output {
        Some(path) => {
            write_atomic(path, rendered.as_bytes(), args.force)?;
            if chatter == Chatter::Verbose {
                wrote(path);
            }
        }
        None => print(&rendered.into_text(format)?)?,
    }
    // After the output is out: a note about a page that failed to write is noise.
    let needs = validate::still_needed(&merged.posting);
    if !needs.is_empty() {
        chatter.say(&format!(
            "note: not ready to publish; the employer has not given: {}",
            needs.join(", ")
        ));
    }
    if let Some(note) = format.note(&merged, args.posted) {
        chatter.say(&note);
    }
    Ok(0)
}

fn export(
    registry: &Registry,
    templates: Option<&Path>,
    roles: Option<&Path>,
    args: ExportArgs,
    chatter: Chatter,
) -> Result<u8> {
    let renderer = Templates::new(templates)?;
    let mut formats = Vec::new();
    for f in args.format {
        if !formats.contains(&f) {
            formats.push(f);
        }
    }
    let mut feeds = Vec::new();
    for f in args.feeds {
        if !feeds.contains(&f) {
            feeds.push(f);
        }
    }
    if let (Some(first), None) = (feeds.first(), &args.base_url) {
        // A feed links each job by its full address; a relative one is useless to a board.
        return Err(Error::input(
            crate::error::Origin::flag("--feeds", first.name()),
            "needs --base-url: a job board reads each job at its full address; \
             add --base-url https://example.com/jobs/ (where the folder is published)",
        ));
    }
    let first = args.inputs.first().map(|p| p.as_path());
    let check = match args.check {
        true => Some(crate::lint::run::config_for(None, first, &[])?),
        false => None,
    };
    if let Some(tag) = &args.locale {
        // Once for the run, rather than once per posting.
        crate::locale::refuse(tag).map_err(|r| {
            let flag = crate::error::Origin::flag("--locale", tag.as_str());
            Error::from(
                crate::error::Problem::new(flag, r.message).suggest(r.suggestion.as_deref()),
            )
        })?;
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
        templates: templates.map(Path::to_path_buf),
        roles: roles.map(Path::to_path_buf),
        feeds,
    };
    crate::interrupt::watch();
    let bar = std::sync::OnceLock::new();
    let report = export::export(registry, &renderer, &settings, &|event| {
        show_progress(event, &bar, chatter)
    })?;
    let mut all = Vec::new();
    for f in &report.failed {
        // A diagnostic about no one place is about the posting file.
        let mut failed = diagnostic::of_error(&f.error);
        for d in failed.iter_mut().filter(|d| d.origin.is_none()) {
            d.origin = Some(crate::error::Origin::file(f.file.display()));
        }
        all.extend(failed);
    }
    all.extend(report.left_out.iter().map(left_out_warning));
    let colour = diagnostic::use_colour(ColorChoice::Auto);
    eprint!(
        "{}",
        diagnostic::render_all(&all, &Sources::files(), colour)
    );
    chatter.say(&report.summary(&settings));
    Ok(if report.failed.is_empty() && report.left_out.is_empty() {
        0
    } else {
        EXIT_PROBLEMS
    })
}

/// A posting a feed left out, as a warning at the posting file.
fn left_out_warning(l: &crate::feed::LeftOut) -> crate::error::Diagnostic {
    let mut d = crate::error::Diagnostic::error(l.to_string());
    d.severity = crate::error::Severity::Warning;
    d.origin = Some(crate::error::Origin::file(&l.file));
    d.help = Some(format!(
        "{} rejects a feed with an incomplete job, so the job is not in it; set {} in the posting",
        l.feed,
        l.fields.join(" and ")
    ));
    d
}

/// Draws `export`'s progress: a bar on standard error when it is a terminal
/// (not with `--quiet`), and with `--verbose` each file written.
fn show_progress(event: export::Event, bar: &OnceLock<ProgressBar>, chatter: Chatter) {
    match event {
        export::Event::Started { postings } => {
            bar.get_or_init(|| progress_bar(postings, chatter));
        }
        export::Event::Wrote(path) if chatter == Chatter::Verbose => wrote(path),
        export::Event::Wrote(_) => {}
        export::Event::Posting => bar.get().into_iter().for_each(|b| b.inc(1)),
        export::Event::Postings => bar
            .get()
            .into_iter()
            .for_each(ProgressBar::finish_and_clear),
    }
}

/// A progress bar on standard error when it is a terminal; hidden otherwise,
/// and with `--quiet`.
fn progress_bar(len: usize, chatter: Chatter) -> ProgressBar {
    if chatter == Chatter::Quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} postings, {eta} left") {
        bar.set_style(style);
    }
    bar
}

fn roles_command(registry: &Registry, cmd: Option<RolesCommand>) -> Result<u8> {
    match cmd.unwrap_or(RolesCommand::List { ids: false }) {
        RolesCommand::List { ids: false } => print(&roles_list(registry)?)?,
        // Read while a shell completes: ids only, no preset parsed.
        RolesCommand::List { ids: true } => print(
            &registry
                .ids()
                .map(|id| format!("{id}\n"))
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
pub fn roles_list(registry: &Registry) -> Result<String> {
    let width = registry.ids().map(str::len).max().unwrap_or(0);
    let mut out = String::new();
    for (industry, presets) in registry.by_industry()? {
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
    Ok(out)
}

fn init(registry: &Registry, args: InitArgs, chatter: Chatter) -> Result<u8> {
    // The comments speak the user's language; the posting's comes from its place.
    crate::ui::set(crate::ui::Lang::detect(args.lang));
    let country = init_country(args.country.as_deref())?;
    if let Some(company) = &args.company {
        let text = explain::company_starter(country.as_deref());
        write_atomic(company, text.as_bytes(), args.force)?;
        let file = company.display().to_string();
        chatter.say(&crate::ui::f("init.wrote_company", &[("file", &file)]));
    }
    let Some(file) = &args.file else {
        return Ok(0);
    };
    let locale = starter_locale(args.locale.as_deref(), country.as_deref())?;
    let mut text = match &args.role {
        Some(id) => {
            // Named as the preset is in the posting's language ("Kassierer/-in").
            let lang = crate::locale::get(locale.tag()).map_or("en", |l| l.language());
            let chain = registry.chain_in(id, lang)?;
            let preset = match chain.iter().find(|p| &p.id == id) {
                Some(p) => p,
                None => registry.get(id)?,
            };
            let merged = preset_in(registry, id, locale.tag())?;
            explain::starter(Some((id, &preset.name)), Some(&merged), locale)
        }
        None => explain::starter(None, None, locale),
    };
    if let Some(company) = &args.company {
        // A top-level key: it must come before the first table.
        let at = text.find("\n[").unwrap_or(text.len());
        let include = format!(
            "\n# {}\ninclude = [{}]\n",
            crate::ui::t("init.include"),
            toml::Value::String(relative_to(company, file))
        );
        text.insert_str(at, &include);
    }
    write_atomic(file, text.as_bytes(), args.force)?;
    let file = file.display().to_string();
    chatter.say(&crate::ui::f("init.wrote", &[("file", &file)]));
    Ok(0)
}

/// The locale `init` writes the starter for: `--locale` (checked), else the
/// locale of `--country`, else the default.
fn starter_locale<'a>(
    flag: Option<&'a str>,
    country: Option<&'a str>,
) -> Result<explain::StarterLocale<'a>> {
    use explain::StarterLocale;
    if let Some(tag) = flag {
        crate::locale::refuse(tag).map_err(|r| {
            let origin = crate::error::Origin::flag("--locale", tag);
            Error::from(Problem::new(origin, r.message).suggest(r.suggestion.as_deref()))
        })?;
        return Ok(StarterLocale::Flag(tag));
    }
    let of_country = country.and_then(|c| Some((crate::locale::for_country(c)?, c)));
    Ok(match of_country {
        Some((l, code)) => StarterLocale::Country(&l.tag, code),
        None => StarterLocale::Default,
    })
}

/// The preset `id` merged as a posting in the locale `tag`: its text and
/// suggestions respelled for it, as render shows them.
fn preset_in(registry: &Registry, id: &str, tag: &str) -> Result<load::Merged> {
    let text = format!("locale = {}\n", toml::Value::String(tag.to_string()));
    let (layer, _) = crate::layer::parse("--locale", &text, false)?;
    // The preset's text in the locale's language (a German starter reads German).
    let lang = crate::locale::get(tag).map_or("en", |l| l.language());
    let mut merged = load::merge_with_chain(&registry.chain_in(id, lang)?, &[layer])?;
    // The locale is the starter's to write, not a preset value.
    merged.slots.remove("locale");
    Ok(merged)
}

/// The `--country` of `init` as its ISO code: a code in any case, the country's
/// name or a common short form (`UK`) are all taken.
fn init_country(code: Option<&str>) -> Result<Option<String>> {
    let Some(code) = code.map(str::trim) else {
        return Ok(None);
    };
    if let Some(iso) = crate::country::code_of(code) {
        return Ok(Some(iso.to_string()));
    }
    let origin = crate::error::Origin::flag("--country", code);
    let problem = match crate::validate::refuse_country(code) {
        Err(refusal) => {
            Problem::new(origin, refusal.message).suggest(refusal.suggestion.as_deref())
        }
        Ok(()) => Problem::new(origin, format!("`{code}` is not a two-letter code")),
    };
    Err(Error::from(problem))
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
    for (sub, folder) in [("templates", Folder::Templates), ("roles", Folder::Roles)] {
        let dir = args.dir.join(sub);
        std::fs::create_dir_all(&dir).map_err(|e| Error::io("create", &dir, e))?;
        for (name, text) in folder.files() {
            let path = dir.join(name);
            // Presets in other languages sit one folder down (`roles/de/`).
            if let Some(parent) = path.parent().filter(|p| !p.is_dir()) {
                std::fs::create_dir_all(parent).map_err(|e| Error::io("create", parent, e))?;
            }
            write_atomic(&path, text.as_bytes(), args.force)?;
            if chatter == Chatter::Verbose {
                wrote(&path);
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
        lang: args.lang,
        posted: args.posted.as_ref().map(crate::jsonld::iso),
    };
    let report = crate::lint::run::run(registry, &settings)?;
    // Notes quote file names, which may hold control characters.
    let notes = report.notes.iter().map(|n| crate::error::escaped(n, true));
    notes.for_each(|n| eprintln!("{n}"));
    let unreadable: Vec<_> = report
        .unreadable
        .iter()
        .flat_map(diagnostic::of_error)
        .collect();
    eprint!(
        "{}",
        diagnostic::render_all(&unreadable, &Sources::files(), false)
    );
    print(&report.output)?;
    Ok(report.exit_code)
}

/// `jobpost import`: reads the inputs, writes the postings, reports per input.
fn import(registry: &Registry, args: crate::cli::ImportArgs, chatter: Chatter) -> Result<u8> {
    use crate::import::run::{self, Target};
    if let Some(id) = &args.role {
        registry.get(id)?;
    }
    let target = match (args.output, args.out) {
        (Some(file), _) => Target::File(file),
        (None, Some(dir)) => Target::Folder(dir),
        (None, None) => Target::Stdout,
    };
    let json = args.format == "json";
    if json && matches!(target, Target::Stdout) {
        return Err(Error::Usage(
            "--format json prints the report on standard output, where the posting would go; pass -o FILE or --out DIR".into(),
        ));
    }
    let settings = run::Settings {
        inputs: args.inputs,
        target: target.clone(),
        role: args.role,
        force: args.force,
    };
    let report = run::run(&settings)?;
    for input in &report.inputs {
        if let Some(e) = &input.error {
            let shown: Vec<_> = diagnostic::of_error(e).into_iter().collect();
            eprint!(
                "{}",
                diagnostic::render_all(&shown, &Sources::files(), false)
            );
        }
    }
    if json {
        let text =
            serde_json::to_string_pretty(&report).map_err(|e| Error::Usage(e.to_string()))?;
        print(&format!("{text}\n"))?;
    } else {
        if chatter != Chatter::Quiet {
            eprint!("{}", import_summary(&report));
        }
        if matches!(target, Target::Stdout) {
            let posting = report
                .inputs
                .iter()
                .flat_map(|i| &i.postings)
                .find(|w| w.problem.is_none());
            if let Some(w) = posting {
                print(&w.text)?;
            }
        }
    }
    Ok(report.exit_code)
}

/// The human report: per input, its postings, where each went, what import was unsure of.
fn import_summary(report: &crate::import::run::Report) -> String {
    let mut out = String::new();
    for input in &report.inputs {
        let Some(kind) = input.kind else {
            continue;
        };
        let kind = serde_json::to_value(kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let count = crate::output::count(input.postings.len(), "posting");
        out.push_str(&format!("{} ({kind}): {count}\n", input.path));
        for w in &input.postings {
            let title = w.title.as_deref().unwrap_or("(no title)");
            let place = match (&w.file, &w.problem) {
                (_, Some(p)) => format!("not written: {p}"),
                (Some(f), None) => format!("→ {f}"),
                (None, None) => "→ standard output".to_string(),
            };
            out.push_str(&format!(
                "  {title}: {} {place}\n",
                crate::output::count(w.fields, "field")
            ));
            for c in &w.catch_all {
                out.push_str(&format!("    kept in the description: {c}\n"));
            }
            for u in &w.unsure {
                out.push_str(&format!("    check: {u}\n"));
            }
        }
    }
    out
}

/// Lints a merged posting for `--check`: prints findings on standard error and
/// says whether it may be published (no errors).
fn check(merged: &Merged, file: Option<&Path>) -> Result<bool> {
    use crate::lint::run::{FailOn, check_merged, config_for, human_report};
    let start = file.and_then(Path::parent).unwrap_or(Path::new("."));
    let cfg = config_for(None, Some(start), &[])?;
    let (name, source) = match file {
        Some(f) => (f.display().to_string(), crate::files::read_text(f)?),
        None => ("(merged posting)".to_string(), String::new()),
    };
    let findings = check_merged(merged, &name, &source, &cfg);
    eprint!("{}", human_report(&findings, &name, &source));
    Ok(!findings
        .iter()
        .any(|f| FailOn::Error.reached_by(f.severity)))
}
