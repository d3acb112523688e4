//! Rendering through templates: the reader-facing [`View`] of a posting, and
//! [`Templates`], tera set up once with the embedded templates (a user folder
//! overrides them by name, and they stay reachable as `builtin/<name>` for
//! themes that extend them) and the Markdown filters. The output formats built
//! on them are in [`crate::format`].
//!
//! Nothing here prints or writes: templates render to strings.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::RwLock;

use serde::Serialize;
use tera::{Context, Kwargs, State, Tera, Value};

use crate::embedded::Folder;
use crate::error::{Error, Origin, Pos, Problem, Result};
use crate::locale::{self, Locale};
use crate::markdown;
use crate::model::{Posting, Workplace};
use crate::money;

/// The prefix under which the shipped templates stay reachable whatever the
/// user's folder holds, so a user template can `{% extends "builtin/posting.html" %}`
/// and override only the blocks it needs.
pub const BUILTIN: &str = "builtin/";

/// The blocks of the shipped posting templates, one per section, that a theme
/// extending `builtin/posting.*` can override; `head` and `style` are in the
/// HTML page only.
pub const POSTING_BLOCKS: [&str; 13] = [
    "head",
    "style",
    "header",
    "company",
    "purpose",
    "objectives",
    "duties",
    "skills",
    "conditions",
    "pay",
    "apply",
    "eeo",
    "footer",
];

/// The shipped and the user's templates, each parsed on first use (with the
/// templates it extends, includes or imports) and then kept for every later
/// render: one `render` parses one template, not the whole theme twice over.
pub struct Templates {
    tera: RwLock<Tera>,
    sources: TemplateSources,
}

/// Each template's text and, for the user's, its file: what a template error
/// shows and where it points.
#[derive(Default)]
struct TemplateSources {
    texts: BTreeMap<String, String>,
    files: BTreeMap<String, PathBuf>,
}

/// A posting's view as a template value: serialised once and shared by every
/// format a posting is rendered in (serialising it is a tenth of an export).
pub fn view_value(view: &View) -> tera::Value {
    tera::Value::from_serializable(view)
}

impl Templates {
    /// Loads the shipped templates under [`BUILTIN`], those of `user_dir` (a
    /// folder of templates, or the folder `jobpost eject` writes) by their own
    /// names, and the shipped ones again under the names the user's lack.
    pub fn new(user_dir: Option<&Path>) -> Result<Self> {
        let mut tera = Tera::new();
        tera.autoescape_on(vec![".html", ".htm", ".xml"]);
        register_filters(&mut tera);
        let mut sources = TemplateSources::default();
        let user = match user_dir {
            Some(dir) => {
                let folder = crate::theme::resolve(dir, &crate::theme::TEMPLATES)?;
                let user = read_user_templates(&folder)?;
                for (name, _) in &user {
                    sources.files.insert(name.clone(), folder.join(name));
                }
                user
            }
            None => Vec::new(),
        };
        sources.texts = template_set(user).into_iter().collect();
        Ok(Templates {
            tera: RwLock::new(tera),
            sources,
        })
    }

    /// Parses `name` and every template it reaches, unless parsed already;
    /// reports a template that does not parse or names one that is missing.
    pub fn ensure(&self, name: &str) -> Result<()> {
        if self.read().contains_template(name) {
            return Ok(());
        }
        let mut tera = self.tera.write().unwrap_or_else(|e| e.into_inner());
        let mut wanted = vec![name.to_string()];
        let mut new: BTreeMap<&str, &str> = BTreeMap::new();
        while let Some(n) = wanted.pop() {
            let Some((key, text)) = self.sources.texts.get_key_value(&n) else {
                continue;
            };
            if tera.contains_template(key) || new.insert(key, text).is_some() {
                continue;
            }
            wanted.extend(references(text));
        }
        tera.add_raw_templates(new)
            .map_err(|e| self.sources.error(&e))
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, Tera> {
        self.tera.read().unwrap_or_else(|e| e.into_inner())
    }

    /// Renders the posting template `name` (`posting.md`) with `view` and, for a
    /// page that embeds it, the JSON-LD `<script>` text (else empty). `tidy`
    /// collapses the blank lines template tags leave in text formats.
    pub fn render_posting(
        &self,
        view: &View,
        name: &str,
        jsonld: &str,
        tidy_text: bool,
    ) -> Result<String> {
        self.render_view(&view_value(view), name, jsonld, tidy_text)
    }

    /// [`Templates::render_posting`] from a view already made a template value
    /// ([`view_value`]): the view as `p`, with the JSON-LD script the HTML page
    /// embeds (empty elsewhere) as `p.jsonld`.
    pub fn render_view(
        &self,
        view: &tera::Value,
        name: &str,
        jsonld: &str,
        tidy_text: bool,
    ) -> Result<String> {
        self.ensure(name)?;
        let mut p = view.as_map().cloned().unwrap_or_default();
        p.insert("jsonld".into(), tera::Value::from(jsonld));
        let mut ctx = Context::new();
        ctx.insert_value("p", tera::Value::from(p));
        let out = self.render_bounded(name, &ctx)?;
        Ok(if tidy_text { tidy(&out) } else { out })
    }

    /// Renders any template with a serialisable context under the name `page`.
    pub fn render_template<T: Serialize>(
        &self,
        name: &str,
        key: &'static str,
        value: &T,
    ) -> Result<String> {
        self.ensure(name)?;
        let mut ctx = Context::new();
        ctx.insert(key, value);
        self.render_bounded(name, &ctx)
    }

    /// Renders `name` under [`MAX_OUTPUT_BYTES`] and [`MAX_RENDER_TIME`]: a
    /// theme is part of the repository, and a loop in it must not fill memory
    /// or keep CI busy. The limits are checked as output is written.
    fn render_bounded(&self, name: &str, ctx: &Context) -> Result<String> {
        let mut out = Bounded {
            bytes: Vec::new(),
            deadline: std::time::Instant::now() + MAX_RENDER_TIME,
            writes: 0,
            stopped: None,
        };
        let rendered = self.read().render_to(name, ctx, &mut out);
        if let Some(why) = out.stopped {
            let origin = Origin::file(self.sources.path_of(name));
            let problem = Problem::new(origin, format!("the template {why}"))
                .expected("a template that ends: check its loops and includes");
            return Err(Error::Template(Box::new(problem)));
        }
        rendered.map_err(|e| self.sources.error(&e))?;
        String::from_utf8(out.bytes).map_err(|e| {
            let origin = Origin::file(self.sources.path_of(name));
            Error::Template(Box::new(Problem::new(
                origin,
                format!("wrote invalid UTF-8: {e}"),
            )))
        })
    }
}

/// The most one template may write: far more than any posting page needs.
pub const MAX_OUTPUT_BYTES: usize = 16 * 1024 * 1024;
/// The longest one template may take to render.
pub const MAX_RENDER_TIME: std::time::Duration = std::time::Duration::from_secs(10);

/// A buffer that refuses writes past [`MAX_OUTPUT_BYTES`] or the deadline,
/// which stops tera's rendering there.
struct Bounded {
    bytes: Vec<u8>,
    deadline: std::time::Instant,
    /// Writes so far: the clock is read every [`CLOCK_EVERY`] writes, not at each
    /// one (tera writes every literal and value apart; reading the clock each time
    /// was 3% of an export).
    writes: u32,
    stopped: Option<String>,
}

/// How many writes pass between two readings of the clock.
const CLOCK_EVERY: u32 = 64;

impl std::io::Write for Bounded {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.bytes.len() + buf.len() > MAX_OUTPUT_BYTES {
            self.stopped = Some(format!("wrote more than {} MiB", MAX_OUTPUT_BYTES >> 20));
        } else if self.writes % CLOCK_EVERY == 0 && std::time::Instant::now() > self.deadline {
            let secs = MAX_RENDER_TIME.as_secs();
            self.stopped = Some(format!("ran for more than {secs} seconds"));
        }
        if self.stopped.is_some() {
            return Err(std::io::Error::other("template output limit"));
        }
        self.writes = self.writes.wrapping_add(1);
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The names a template's `extends`, `include` and `import` tags give: what
/// must be parsed with it. Reading more names than a tag uses (one in a
/// comment) only parses a template early.
fn references(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    for tag in text.split("{%").skip(1) {
        let tag = tag.trim_start_matches('-').trim_start();
        let Some(rest) = ["extends", "include", "import"]
            .iter()
            .find_map(|k| tag.strip_prefix(k))
        else {
            continue;
        };
        let end = rest.find("%}").unwrap_or(rest.len());
        let mut parts = rest[..end].split(['"', '\'']);
        while let (Some(_), Some(name)) = (parts.next(), parts.next()) {
            names.push(name.to_string());
        }
    }
    names
}

/// Every shipped template under `builtin/`, then the shipped ones the user's
/// do not replace under their own names, then the user's.
fn template_set(user: Vec<(String, String)>) -> Vec<(String, String)> {
    let shipped = Folder::Templates.files().iter();
    let mut set: Vec<(String, String)> = shipped
        .clone()
        .map(|(n, t)| (format!("{BUILTIN}{n}"), t.to_string()))
        .collect();
    set.extend(
        shipped
            .filter(|(n, _)| !user.iter().any(|(u, _)| u == n))
            .map(|(n, t)| (n.to_string(), t.to_string())),
    );
    set.extend(user);
    set
}

fn read_user_templates(dir: &Path) -> Result<Vec<(String, String)>> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| Error::io("read the templates folder", dir, e))?;
    // A theme is part of the project: a link out of it (to /etc/passwd) is an
    // error, and so is a FIFO or a link loop, named, rather than skipped.
    let root = crate::files::Root::of(dir);
    let mut out = Vec::new();
    for entry in entries.filter_map(|e| e.ok()) {
        let name = entry.file_name().to_string_lossy().to_string();
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if is_dir || name.starts_with('.') {
            continue;
        }
        let path = root.check(dir, &name).map_err(|why| {
            let origin = crate::error::Origin::file(entry.path().display());
            let problem = crate::error::Problem::new(origin, why.message());
            Error::from(problem.expected(crate::files::Outside::EXPECTED))
        })?;
        if path.is_dir() {
            continue;
        }
        out.push((name, crate::files::read_text(&path)?));
    }
    out.sort();
    Ok(out)
}

/// The name in `template 'NAME'` of a tera message, if any.
fn quoted_template(message: &str) -> Option<String> {
    let rest = message.split_once("template '")?.1;
    Some(rest.split_once('\'')?.0.to_string())
}

impl TemplateSources {
    /// Tera's error as a problem at the template file, line and column it names.
    fn error(&self, e: &tera::Error) -> Error {
        let mut causes = String::new();
        let mut source = std::error::Error::source(e);
        while let Some(s) = source {
            causes.push_str(&format!(": {s}"));
            source = s.source();
        }
        let report = match e.kind() {
            tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => {
                Some(Report::of(r))
            }
            // Errors found while linking templates together come as the text of
            // tera's reports only (tera gives no other form): read the first one.
            tera::ErrorKind::Msg(text) => Report::parse(text),
            _ => None,
        };
        let Some(report) = report else {
            let name = match e.kind() {
                tera::ErrorKind::TemplateNotFound(n) => n.clone(),
                // "Circular include detected for template 'posting.md'": the
                // template is named only in the text.
                _ => quoted_template(&e.to_string()).unwrap_or_default(),
            };
            let origin = Origin::file(self.path_of(&name));
            return Error::Template(Box::new(Problem::new(origin, format!("{e}{causes}"))));
        };
        let line = self
            .texts
            .get(&report.name)
            .and_then(|t| t.lines().nth(report.pos.line - 1))
            .map(|l| l.trim_end_matches('\r').to_string());
        let origin = Origin::at(self.path_of(&report.name), report.pos).spanning(report.len);
        let mut problem = Problem::new(origin, format!("{}{causes}", report.message));
        problem.line = line;
        if let Some(block) = &report.unknown_block {
            problem = problem
                .expected(format!(
                    "a block of the shipped posting templates: {}",
                    POSTING_BLOCKS.join(", ")
                ))
                .suggest(crate::error::closest(block, POSTING_BLOCKS));
        }
        Error::Template(Box::new(problem))
    }

    /// The user's file for a template of theirs, else the template's name.
    fn path_of(&self, name: &str) -> String {
        match self.files.get(name) {
            Some(path) => path.display().to_string(),
            None => name.to_string(),
        }
    }
}

/// What a tera report says: the message, the template and where in it.
struct Report {
    message: String,
    name: String,
    pos: Pos,
    /// Characters underlined on the first line.
    len: usize,
    /// The block a theme overrides that no parent has.
    unknown_block: Option<String>,
}

impl Report {
    fn of(r: &tera::ReportError) -> Self {
        let span = r.span();
        let len = match span.end_line == span.start_line {
            true => span.end_col.saturating_sub(span.start_col),
            false => usize::MAX,
        };
        Report {
            message: r.message().to_string(),
            name: r.filename().to_string(),
            pos: Pos {
                line: span.start_line,
                col: span.start_col + 1,
            },
            len,
            unknown_block: None,
        }
    }

    /// The first report of a text of tera reports:
    /// `error: MESSAGE`, ` --> NAME:LINE:COL`, ` |`, `N | SOURCE`, `  | ^^^`.
    fn parse(text: &str) -> Option<Self> {
        let first = text.split("\n\n").next()?;
        let mut lines = first.lines();
        let message = lines.next()?.trim().strip_prefix("error: ")?.to_string();
        let at = lines.find_map(|l| l.trim().strip_prefix("--> "))?;
        let mut parts = at.rsplitn(3, ':');
        let col = parts.next()?.parse().ok()?;
        let line = parts.next()?.parse().ok()?;
        let name = parts.next()?.to_string();
        let len = first
            .lines()
            .last()
            .map_or(1, |l| l.chars().filter(|&c| c == '^').count());
        let unknown_block = message
            .strip_prefix("Block `")
            .and_then(|rest| rest.split_once("` is not defined in any parent template"))
            .map(|(block, _)| block.to_string());
        Some(Report {
            message,
            name,
            pos: Pos { line, col },
            len,
            unknown_block,
        })
    }
}

fn register_filters(tera: &mut Tera) {
    tera.register_filter("markdown", |s: &str, _: Kwargs, _: &State| {
        Value::safe_string(&markdown::to_html(s))
    });
    tera.register_filter("md_block", |s: &str, _: Kwargs, _: &State| {
        markdown::to_safe_markdown(s)
    });
    tera.register_filter("md_text", |s: &str, _: Kwargs, _: &State| {
        markdown::escape_text(s)
    });
    tera.register_filter("plain", |s: &str, _: Kwargs, _: &State| {
        markdown::to_plain(s)
    });
}

/// Collapses blank-line runs and trailing spaces left by template tags, and keeps
/// the bullets of one list together (each loop turn leaves a blank line behind).
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    let mut last = "";
    for line in text.lines().map(str::trim_end) {
        if line.is_empty() {
            blank = true;
            continue;
        }
        let same_list = last.starts_with("- ") && line.starts_with("- ");
        if !out.is_empty() && blank && !same_list {
            out.push('\n');
        }
        blank = false;
        out.push_str(line);
        out.push('\n');
        last = line;
    }
    out
}

/// What templates see: every field present, display strings computed once here
/// so all formats say the same thing, in the posting's locale.
#[derive(Debug, Serialize)]
pub struct View {
    /// The locale's tag, e.g. `en-GB`.
    pub locale: String,
    /// The locale's messages (headings and labels): `p.t.about_role`. Templates
    /// take every word from here, never from a branch on the locale.
    pub t: &'static BTreeMap<String, String>,
    /// Job title.
    pub title: String,
    /// `Full-time`, or empty.
    pub employment_type: String,
    /// Employer's reference.
    pub reference: String,
    /// `January 5, 2027` (`5 January 2027`), or empty.
    pub posted: String,
    /// `January 5, 2027` (`5 January 2027`), or empty.
    pub apply_by: String,
    /// The employer.
    pub company: CompanyView,
    /// Purpose (Markdown).
    pub purpose: String,
    /// Objectives.
    pub objectives: Vec<String>,
    /// Daily duties.
    pub daily: Vec<String>,
    /// Weekly duties.
    pub weekly: Vec<String>,
    /// Required skills, qualifications, education and experience.
    pub required: Vec<String>,
    /// Preferred skills and qualifications.
    pub preferred: Vec<String>,
    /// Working conditions.
    pub conditions: ConditionsView,
    /// Pay and benefits.
    pub pay: PayView,
    /// How to apply.
    pub apply: ApplyView,
    /// Whole sentences and headings that hold a value, in the locale's word order.
    pub lines: LinesView,
    /// Where the page sits on a site: set by `export`, empty for `render`.
    pub site: SiteView,
}

/// Headings and lines that hold a value, each one catalogue message with its
/// placeholders filled, so word order is the language's ("Kassierer (m/w/d) bei
/// Spreemarkt"), never English fragments joined in a template.
#[derive(Debug, Serialize, Default)]
pub struct LinesView {
    /// `Cashier at Acme Stores`, or the title alone: the page's `<title>`.
    pub page_title: String,
    /// `About Acme Stores`, or `About us`.
    pub about: String,
    /// `Acme Stores website`, or `Our website`.
    pub website: String,
    /// `Apply by February 1, 2027`, or empty.
    pub apply_by: String,
    /// `Posted January 4, 2027`, or empty.
    pub posted: String,
}

impl LinesView {
    fn new(loc: &Locale, title: &str, company: &str, apply_by: &str, posted: &str) -> Self {
        let with = |key: &str, name: &str, value: &str| {
            locale::fill(loc.text(key), &[(name, value), ("title", title)])
        };
        let named = |key: &str, other: &str| match company.is_empty() {
            true => loc.text(other).to_string(),
            false => with(key, "company", company),
        };
        let dated = |key: &str, date: &str| match date.is_empty() {
            true => String::new(),
            false => with(key, "date", date),
        };
        LinesView {
            page_title: match company.is_empty() {
                true => title.to_string(),
                false => with("title_at", "company", company),
            },
            about: named("about_company", "about_us_heading"),
            website: named("company_website", "our_website"),
            apply_by: dated("apply_by_date", apply_by),
            posted: dated("posted_date", posted),
        }
    }
}

/// Links an exported page has and a single rendered page does not.
#[derive(Debug, Serialize, Default, Clone)]
pub struct SiteView {
    /// Relative link to the careers page (`index.html`, `../index.html`), or empty.
    pub index: String,
    /// Absolute URL of the page itself (`--base-url`), or empty.
    pub canonical: String,
}

/// `[company]` for readers.
#[derive(Debug, Serialize, Default)]
pub struct CompanyView {
    /// Name.
    pub name: String,
    /// About (Markdown).
    pub about: String,
    /// Website (safe scheme only).
    pub website: String,
    /// Values.
    pub values: Vec<String>,
    /// Equal-opportunity statement.
    pub eeo: String,
    /// Logo `src`: an https URL or a relative path, or empty.
    pub logo: String,
    /// Brand colour `#rrggbb` that passes the contrast check, or empty.
    pub color: String,
}

/// Working conditions for readers.
#[derive(Debug, Serialize, Default)]
pub struct ConditionsView {
    /// `Hybrid`, `Remote`, `On-site`, or empty.
    pub workplace: String,
    /// `Denver, CO 80202, United States`, or for remote roles the countries.
    pub location: String,
    /// The workplace and place in one line for the conditions list: `On-site,
    /// 1600 Main St, Denver…`, `Remote, open to applicants in Canada`.
    pub workplace_line: String,
    /// Schedule.
    pub schedule: String,
    /// `About 30 hours a week`.
    pub hours: String,
    /// Environment.
    pub environment: String,
    /// Travel.
    pub travel: String,
    /// Physical demands.
    pub physical: Vec<String>,
}

/// Pay for readers.
#[derive(Debug, Serialize, Default)]
pub struct PayView {
    /// `$18.50–$22.00 per hour`, or empty.
    pub range: String,
    /// Bonus, commission, tips.
    pub extras: String,
    /// Benefits.
    pub benefits: Vec<String>,
}

/// How to apply, for readers.
#[derive(Debug, Serialize, Default)]
pub struct ApplyView {
    /// Application page (safe scheme only).
    pub url: String,
    /// Application e-mail.
    pub email: String,
    /// Instructions.
    pub instructions: String,
    /// The statements on AI screening and on the vacancy (`apply.ai_screening`,
    /// `apply.vacancy`), as sentences in the locale; those not given are left out.
    pub statements: Vec<String>,
}

fn text(s: &Option<String>) -> String {
    s.clone().unwrap_or_default()
}

fn list(l: Option<&Vec<String>>) -> Vec<String> {
    l.cloned().unwrap_or_default()
}

fn link(s: &Option<String>) -> String {
    s.clone()
        .filter(|u| markdown::is_safe_url(u))
        .unwrap_or_default()
}

impl View {
    /// The reader-facing view of `p`, in its locale.
    pub fn new(p: &Posting) -> Self {
        let duties = p.duties.as_ref();
        let loc = locale::of(p);
        let title = crate::title::shown(p, loc);
        let posted = p.posted.as_ref().map(|d| loc.date(d)).unwrap_or_default();
        let apply_by = p.apply_by.as_ref().map(|d| loc.date(d)).unwrap_or_default();
        let company = company_view(p);
        let lines = LinesView::new(loc, &title, &company.name, &apply_by, &posted);
        View {
            locale: loc.tag.clone(),
            t: &loc.messages,
            title,
            employment_type: p
                .employment_type
                .map(|e| loc.employment(e))
                .unwrap_or_default(),
            reference: text(&p.reference),
            posted,
            apply_by,
            company,
            purpose: text(&p.purpose),
            objectives: list(p.objectives.as_ref()),
            daily: list(duties.and_then(|d| d.daily.as_ref())),
            weekly: list(duties.and_then(|d| d.weekly.as_ref())),
            required: required(p, loc),
            preferred: preferred(p),
            conditions: conditions_view(p, loc),
            pay: pay_view(p, loc),
            apply: apply_view(p, loc),
            lines,
            site: SiteView::default(),
        }
    }
}

impl View {
    /// Shows `date` as the date posted (a posting dated by its export).
    pub fn set_posted(&mut self, loc: &Locale, date: &toml::value::Datetime) {
        self.posted = loc.date(date);
        self.lines.posted = locale::fill(loc.text("posted_date"), &[("date", &self.posted)]);
    }
}

fn company_view(p: &Posting) -> CompanyView {
    let Some(c) = &p.company else {
        return CompanyView::default();
    };
    CompanyView {
        name: text(&c.name),
        about: text(&c.about),
        website: link(&c.website),
        values: list(c.values.as_ref()),
        eeo: text(&c.eeo),
        logo: c
            .logo
            .clone()
            .filter(|l| logo_src_ok(l))
            .unwrap_or_default(),
        color: c
            .color
            .clone()
            .filter(|c| crate::validate::color(c).is_ok())
            .unwrap_or_default(),
    }
}

/// A logo the page may load: an https URL, or a relative path with no scheme
/// (the only network request a page makes is one the employer asked for).
fn logo_src_ok(logo: &str) -> bool {
    let relative = !logo.contains(':') && !logo.starts_with('/') && !logo.starts_with('\\');
    relative || (logo.starts_with("https://") && crate::validate::url(logo).is_ok())
}

fn required(p: &Posting, loc: &Locale) -> Vec<String> {
    let mut out = list(p.skills.as_ref().and_then(|s| s.required.as_ref()));
    if let Some(q) = &p.qualifications {
        out.extend(list(q.required.as_ref()));
        // Presets often spell the education out as a qualification too.
        if let Some(e) = q.education.filter(|e| *e != crate::model::Education::None) {
            let label = loc.education(e);
            if !out
                .iter()
                .any(|r| r.eq_ignore_ascii_case(&label) || r.eq_ignore_ascii_case(e.label()))
            {
                out.push(label);
            }
        }
        if let Some(m) = q.experience_months.filter(|m| *m > 0) {
            out.push(loc.experience(m));
        }
    }
    out
}

fn preferred(p: &Posting) -> Vec<String> {
    let mut out = list(p.skills.as_ref().and_then(|s| s.preferred.as_ref()));
    out.extend(list(
        p.qualifications.as_ref().and_then(|q| q.preferred.as_ref()),
    ));
    out
}

fn conditions_view(p: &Posting, loc: &Locale) -> ConditionsView {
    let c = p.conditions.as_ref();
    let get = |f: fn(&crate::model::Conditions) -> &Option<String>| {
        c.map(|c| text(f(c))).unwrap_or_default()
    };
    let workplace = p
        .location
        .as_ref()
        .and_then(|l| l.workplace)
        .map(|w| loc.workplace(w))
        .unwrap_or_default();
    let location = location_text(p, loc);
    ConditionsView {
        workplace_line: workplace_line(&workplace, &location, is_open_to(p)),
        workplace,
        location,
        schedule: get(|c| &c.schedule),
        hours: c
            .and_then(|c| c.hours_per_week)
            .map(|h| loc.hours(h))
            .unwrap_or_default(),
        environment: get(|c| &c.environment),
        travel: get(|c| &c.travel),
        physical: list(c.and_then(|c| c.physical.as_ref()))
            .iter()
            .map(|d| loc.weights(d))
            .collect(),
    }
}

/// `On-site, Denver…`; after a comma the remote phrase ("Open to applicants in…")
/// goes on in lower case, since it no longer starts the line.
fn workplace_line(workplace: &str, location: &str, open_to: bool) -> String {
    match (workplace.is_empty(), location.is_empty()) {
        (_, true) => workplace.to_string(),
        (true, false) => location.to_string(),
        (false, false) if open_to => format!("{workplace}, {}", crate::text::lower_first(location)),
        (false, false) => format!("{workplace}, {location}"),
    }
}

/// Whether [`location_text`] gives the countries a remote role is open to.
fn is_open_to(p: &Posting) -> bool {
    p.location.as_ref().is_some_and(|l| {
        l.workplace == Some(Workplace::Remote)
            && l.applicant_countries
                .as_ref()
                .is_some_and(|c| !c.is_empty())
    })
}

/// A one-line place: `1600 Market St, Denver, CO 80202, United States`; for remote roles the
/// countries applicants may live in.
pub fn location_text(p: &Posting, loc: &Locale) -> String {
    let Some(l) = &p.location else {
        return String::new();
    };
    let lang = loc.language();
    let country = |c: &String| crate::country::name_in(c, lang);
    if is_open_to(p) {
        let applicants: Vec<String> = l
            .applicant_countries
            .iter()
            .flatten()
            .map(|c| match lang {
                "en" => crate::country::in_prose(c),
                _ => country(c),
            })
            .collect();
        let countries = loc.list_and(&applicants);
        return locale::fill(loc.text("remote_open_to"), &[("countries", &countries)]);
    }
    // The street is shown because the JSON-LD address carries it.
    let mut parts = vec![l.street.clone()];
    parts.extend(town_line(l));
    parts.push(l.country.as_ref().map(country));
    parts
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The town, region and postcode in the order the post of the address's country
/// writes them: `Denver, CO 80202` (US, Canada), `Brisbane QLD 4000` (Australia),
/// `Manchester M1 1PW` (UK: the nation is no part of an address), `Cork, Co. Cork,
/// T12 X2KD` (Ireland: the Eircode last, on its own), `10243 Berlin` (the postcode
/// first in Germany, Austria, Switzerland, France, Belgium and their neighbours).
fn town_line(l: &crate::model::Location) -> Vec<Option<String>> {
    let join = |parts: &[Option<&str>]| {
        let words: Vec<&str> = parts
            .iter()
            .flatten()
            .copied()
            .filter(|s| !s.is_empty())
            .collect();
        Some(words.join(" "))
    };
    let (city, region, code) = (
        l.city.as_deref(),
        l.region.as_deref(),
        l.postal_code.as_deref(),
    );
    match l.country.as_deref() {
        Some("GB") => vec![join(&[city, code])],
        Some("AU") => vec![join(&[city, region, code])],
        Some("DE" | "AT" | "CH" | "LI" | "LU" | "FR" | "MC" | "BE" | "NL" | "IT" | "ES") => {
            vec![join(&[code, city])]
        }
        Some("IE") => {
            let county = region.filter(|r| Some(*r) != city);
            vec![join(&[city]), join(&[county]), join(&[code])]
        }
        _ => vec![join(&[city]), join(&[region, code])],
    }
}

/// `$18.50–$22.00 per hour`, or empty when the posting states no amounts. A
/// dollar is a plain `$` where the job's countries and the reader's locale both
/// pay in it, else `US$`, `CA$`… (a Toronto posting read in en-US says `CA$`);
/// `marked` always says which dollar (for a page that mixes currencies).
pub fn pay_range(p: &Posting, loc: &Locale, marked: bool) -> String {
    let Some(pay) = &p.pay else {
        return String::new();
    };
    let Some(code) = pay.currency.as_deref() else {
        return String::new();
    };
    let words = money::Wording {
        from: loc.text("pay_from").to_string(),
        up_to: loc.text("pay_up_to").to_string(),
        period: pay.period.map(|p| loc.period(p)),
        plain_dollar: !marked
            && money::dollar_is_plain(code, &job_countries(p))
            && loc
                .home_countries()
                .any(|c| money::dollar_of(c) == Some(code)),
        style: money::Style::of(loc),
    };
    money::format_range(pay.min, pay.max, code, &words).unwrap_or_default()
}

/// The countries a job's readers are in: where applicants may live for a remote
/// role, else the workplace's country.
fn job_countries(p: &Posting) -> Vec<&str> {
    let Some(l) = &p.location else {
        return Vec::new();
    };
    let applicants: Vec<&str> = l
        .applicant_countries
        .iter()
        .flatten()
        .map(|c| c.as_str())
        .collect();
    match (
        l.workplace == Some(Workplace::Remote),
        applicants.is_empty(),
    ) {
        (true, false) => applicants,
        _ => l.country.iter().map(|c| c.as_str()).collect(),
    }
}

fn pay_view(p: &Posting, loc: &Locale) -> PayView {
    let Some(pay) = &p.pay else {
        return PayView::default();
    };
    PayView {
        range: pay_range(p, loc, false),
        extras: text(&pay.extras),
        benefits: list(pay.benefits.as_ref()),
    }
}

fn apply_view(p: &Posting, loc: &Locale) -> ApplyView {
    let Some(a) = &p.apply else {
        return ApplyView::default();
    };
    let statements = [
        a.ai_screening
            .map(|s| keyed_text(loc, "ai_screening", s.key())),
        a.vacancy.map(|v| keyed_text(loc, "vacancy", v.key())),
    ];
    ApplyView {
        url: link(&a.url),
        email: a
            .email
            .clone()
            .filter(|e| crate::validate::email(e).is_ok())
            .unwrap_or_default(),
        instructions: text(&a.instructions),
        statements: statements.into_iter().flatten().collect(),
    }
}

/// The locale's sentence for a choice: `ai_screening` and `not-used` read
/// `ai_screening_not_used`.
fn keyed_text(loc: &Locale, prefix: &str, key: &str) -> String {
    loc.text(&format!("{prefix}_{}", key.replace('-', "_")))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidy_collapses_blank_runs() {
        assert_eq!(tidy("a  \n\n\n\nb\n\n"), "a\n\nb\n");
        assert_eq!(tidy("x\n\n- a\n\n- b\n\ny\n"), "x\n\n- a\n- b\n\ny\n");
    }

    /// A theme folder holding one `posting.<ext>` with `text`.
    fn theme(ext: &str, text: &str) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(format!("posting.{ext}")), text).unwrap();
        dir
    }

    fn sample() -> Posting {
        let registry = crate::preset::Registry::load(None).unwrap();
        let inputs = crate::load::Inputs {
            role: Some("cashier".into()),
            ..Default::default()
        };
        crate::load::load(&registry, &inputs).unwrap().posting
    }

    #[test]
    fn every_section_block_can_be_overridden_alone() {
        let posting = sample();
        let view = View::new(&posting);
        let render = |templates: Templates, ext: &str| {
            let name = format!("posting.{ext}");
            templates.render_posting(&view, &name, "", false).unwrap()
        };
        for ext in ["md", "txt", "html"] {
            let shipped = render(Templates::new(None).unwrap(), ext);
            let blocks = match ext {
                "html" => &POSTING_BLOCKS[..],
                _ => &POSTING_BLOCKS[2..],
            };
            for block in blocks {
                let text = format!(
                    "{{% extends \"builtin/posting.{ext}\" %}}{{% block {block} %}}MARK-{block}{{% endblock %}}"
                );
                let dir = theme(ext, &text);
                let out = render(Templates::new(Some(dir.path())).unwrap(), ext);
                assert!(out.contains(&format!("MARK-{block}")), "{ext} {block}");
                assert_ne!(out, shipped, "{ext} {block}");
            }
        }
    }

    #[test]
    fn an_unknown_block_names_the_closest_one() {
        let dir = theme(
            "md",
            "{% extends \"builtin/posting.md\" %}{% block payy %}x{% endblock %}",
        );
        // Templates are parsed when first used.
        let templates = Templates::new(Some(dir.path())).unwrap();
        let Err(Error::Template(p)) = templates.ensure("posting.md") else {
            panic!("expected a template error")
        };
        assert_eq!(
            p.message,
            "Block `payy` is not defined in any parent template"
        );
        assert_eq!(p.suggestion.as_deref(), Some("pay"));
        let file = dir.path().join("posting.md").display().to_string();
        assert_eq!(p.origin.to_string(), format!("{file}:1:44"));
        assert_eq!(
            p.line.as_deref(),
            Some("{% extends \"builtin/posting.md\" %}{% block payy %}x{% endblock %}")
        );
    }
}
