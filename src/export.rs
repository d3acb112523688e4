//! Batch export: many posting files to Markdown, HTML pages, JSON-LD and plain
//! text, plus a careers page (`index.html`) and the same data as `index.json`.
//!
//! Inputs are files, or folders searched recursively for `*.toml` (hidden
//! entries skipped). A folder's structure is mirrored below the output folder,
//! so equal file names in different folders stay apart; any remaining clash is
//! an error before anything is written. Partial files are skipped: those named
//! in a posting's `include`, the `--company` profile, and files whose first line
//! is [`crate::files::PARTIAL_MARKER`].
//!
//! Postings are loaded, rendered and written inside the parallel loop, so memory
//! stays flat: only a small index row per posting is kept. Each output depends on
//! its own posting only, and rows keep input order, so the bytes written are the
//! same whatever the number of threads.
//!
//! Nothing here prints or draws: how far the run is comes out as [`Event`]s to
//! the caller's callback (the command draws the progress bar from them), and
//! failures come back in the [`Report`].

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::io::{BufWriter, Write};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};

use rayon::ThreadPool;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use toml::value::Date;

use crate::error::{Error, Result};
use crate::format::{Format, Site, render_on_site};
use crate::interrupt;
use crate::load::{self, Inputs, Merged};
use crate::locale::{self, Locale};
use crate::model::Posting;
use crate::output::{count, write_atomic, write_atomic_with};
use crate::preset::Registry;
use crate::render::{self, SiteView, Templates};
use crate::validate;

/// The careers page and its data, written at the top of the output folder.
const INDEX_FILES: [&str; 2] = [INDEX_PAGE, "index.json"];

/// The careers page's template and file name.
const INDEX_PAGE: &str = "index.html";

/// The template of one row of the careers page's table.
const INDEX_ROW: &str = "index-row.html";

/// Written with `--base-url`: every posting page for search engines.
const SITEMAP: &str = "sitemap.xml";

/// The folder below the output folder that holds copied logos.
const LOGOS: &str = "logos";

/// What to export, resolved from the command line.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Posting files and folders.
    pub inputs: Vec<PathBuf>,
    /// The output folder.
    pub out: PathBuf,
    /// Formats written per posting, without repeats.
    pub formats: Vec<Format>,
    /// Threads; `None` is one per CPU core.
    pub jobs: Option<NonZeroUsize>,
    /// Overwrite existing output files.
    pub force: bool,
    /// A company profile merged below every posting.
    pub company: Option<PathBuf>,
    /// `--locale`: the locale of every posting, over their own.
    pub locale: Option<String>,
    /// `--posted`: the date of postings without `posted`; one for the whole run.
    pub date: Option<Date>,
    /// `--check`: lint each posting with this configuration; one with errors fails.
    pub check: Option<crate::lint::Config>,
    /// `--base-url`: the site's address, ending in `/`; adds canonical links and `sitemap.xml`.
    pub base_url: Option<String>,
}

/// How far an export is, told to the caller as it goes. Postings are exported on
/// many threads, so events of different postings arrive in any order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event<'a> {
    /// The postings to export are known: this many, partial files left out.
    Started {
        /// How many postings will be exported.
        postings: usize,
    },
    /// One output file of a posting was written.
    Wrote(&'a Path),
    /// One posting is done, written or failed (or, after Ctrl-C, never started).
    Posting,
    /// Every posting is done; the careers page is written next.
    Postings,
}

/// How an export went.
#[derive(Debug)]
pub struct Report {
    /// Postings written.
    pub exported: usize,
    /// Postings that failed, in input order.
    pub failed: Vec<Failure>,
    /// Partial files skipped.
    pub skipped: usize,
}

/// A posting that could not be exported.
#[derive(Debug)]
pub struct Failure {
    /// The posting file.
    pub file: PathBuf,
    /// Why.
    pub error: Error,
}

impl Report {
    /// The one-line summary printed at the end.
    pub fn summary(&self, s: &Settings) -> String {
        let total = self.exported + self.failed.len();
        let formats: Vec<&str> = s.formats.iter().map(|f| f.extension()).collect();
        let mut line = format!(
            "exported {} of {} ({}) to `{}`, with {}",
            self.exported,
            count(total, "posting"),
            formats.join(", "),
            s.out.display(),
            INDEX_FILES.join(" and ")
        );
        if s.base_url.is_some() {
            line.push_str(&format!(" and {SITEMAP}"));
        }
        if self.skipped > 0 {
            line.push_str(&format!(
                "; skipped {}",
                count(self.skipped, "partial file")
            ));
        }
        if !self.failed.is_empty() {
            line.push_str(&format!("; {} failed", self.failed.len()));
        }
        line
    }
}

/// One posting file and where its outputs go.
#[derive(Debug)]
struct Job {
    source: PathBuf,
    /// Output path relative to the output folder, without extension.
    stem: PathBuf,
}

/// What the index keeps of one exported posting: a few short strings.
#[derive(Debug)]
struct Row {
    title: String,
    company: String,
    employment_type: String,
    workplace: String,
    location: String,
    /// City and region (or country), for the location filter.
    place: String,
    pay: String,
    /// The pay with its dollar always named (`US$`, `CA$`), for a page that mixes currencies.
    pay_marked: String,
    /// The pay's ISO 4217 code, or empty.
    currency: String,
    /// `YYYY-MM-DD`: the posting's date, or the run's `--posted` for postings without
    /// one; empty when neither says.
    posted: String,
    /// Brand colour, or empty.
    color: String,
    /// A local logo to copy: the source file and its path below the output folder.
    logo: Option<(PathBuf, String)>,
    /// The logo as the careers page shows it: that path, or an https URL, or empty.
    logo_src: String,
    /// Output path relative to the output folder, `/`-separated, without extension.
    path: String,
    /// The posting's locale: the careers page reads in the most common one.
    locale: &'static Locale,
}

/// One posting as the index shows it: the row template's context and an
/// element of `index.json`. Built when needed, so rows stay small.
#[derive(Debug, Serialize)]
struct Entry<'a> {
    title: &'a str,
    company: &'a str,
    employment_type: &'a str,
    workplace: &'a str,
    location: &'a str,
    place: &'a str,
    pay: &'a str,
    posted: &'a str,
    /// Relative URL of the posting's page (HTML if exported, else the first format).
    link: String,
    /// Relative path of each file written, by extension.
    files: BTreeMap<&'static str, String>,
}

impl<'a> Entry<'a> {
    fn new(row: &'a Row, formats: &[Format]) -> Self {
        let file = |f: &Format| format!("{}.{}", row.path, f.extension());
        let main = formats.iter().max_by_key(|f| f.link_rank());
        Entry {
            title: &row.title,
            company: &row.company,
            employment_type: &row.employment_type,
            workplace: &row.workplace,
            location: &row.location,
            place: &row.place,
            pay: &row.pay,
            posted: &row.posted,
            link: main.map(|f| url_path(&file(f))).unwrap_or_default(),
            files: formats.iter().map(|f| (f.extension(), file(f))).collect(),
        }
    }
}

/// `index.json`: the entries built one at a time as they are serialised.
#[derive(Debug, Serialize)]
struct IndexData<'a> {
    title: &'a str,
    #[serde(serialize_with = "entries")]
    postings: (&'a [Row], &'a [Format]),
}

fn entries<S: serde::Serializer>(
    (rows, formats): &(&[Row], &[Format]),
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    s.collect_seq(rows.iter().map(|r| Entry::new(r, formats)))
}

/// The careers page's context. `rows` is a placeholder the rendered rows replace,
/// so the page is assembled once instead of passing every row through tera again.
#[derive(Debug, Serialize)]
struct IndexPage<'a> {
    title: &'a str,
    count: usize,
    rows: &'static str,
    /// The one employer every posting shares, or empty.
    company: &'a str,
    /// Their brand colour when every posting has the same one, or empty.
    color: &'a str,
    /// Their logo when every posting has the same one, or empty.
    logo: &'a str,
    /// More than one employer: show a company column.
    company_column: bool,
    /// The careers page's absolute URL (`--base-url`), or empty.
    canonical: String,
    /// The page's language tag, `en-GB`.
    lang: &'a str,
    /// `3 open positions`, `1 vacancy`.
    count_text: String,
    /// The page's headings and labels: `page.t.index_caption`.
    t: &'static BTreeMap<String, String>,
}

/// One row's template context: the entry plus what the page decides for all rows.
#[derive(Debug, Serialize)]
struct RowView<'a> {
    #[serde(flatten)]
    entry: Entry<'a>,
    company_column: bool,
    /// The absolute URL, printed after the link on paper (`--base-url`), or empty.
    url: String,
    /// The date posted, written the way the page's locale writes dates, or empty.
    posted_text: String,
    /// The page's labels, in its locale.
    t: &'a RowLabels,
}

/// The labels of a row, from the catalogue of the page's locale: a few strings
/// rather than the whole catalogue, since every row is its own context.
#[derive(Debug, Serialize)]
struct RowLabels {
    company: String,
    location: String,
    workplace: String,
    pay: String,
    posted: String,
    not_stated: String,
}

impl RowLabels {
    fn new(loc: &Locale) -> Self {
        let t = |k: &str| loc.text(k).to_string();
        RowLabels {
            company: t("index_company"),
            location: t("location"),
            workplace: t("workplace"),
            pay: t("pay"),
            posted: t("posted"),
            not_stated: t("not_stated"),
        }
    }
}

/// What the careers page lists.
struct Page<'a> {
    title: &'a str,
    /// The locale the page reads in.
    locale: &'static Locale,
    company: &'a str,
    color: &'a str,
    logo: &'a str,
    rows: &'a [Row],
    formats: &'a [Format],
    base_url: Option<&'a str>,
}

/// Stands for the table rows in the rendered page. Text from postings is
/// escaped there, so only the template itself can produce it.
const ROWS_PLACEHOLDER: &str = "<!-- jobpost: rows -->";

/// Exports every posting `s` names, telling `progress` how far it is; failures
/// of single postings are in the report.
pub fn export(
    registry: &Registry,
    renderer: &Templates,
    s: &Settings,
    progress: &(dyn Fn(Event) + Sync),
) -> Result<Report> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(s.jobs.map_or(0, NonZeroUsize::get))
        .build()
        .map_err(|e| Error::Usage(format!("cannot start the export threads: {e}")))?;
    let found = candidates(&s.inputs)?;
    let count = found.len();
    let jobs = pool.install(|| skip_partials(found, s.company.as_deref()));
    if jobs.is_empty() {
        return Err(Error::Usage(format!(
            "no posting files (*.toml) found in {}",
            names(&s.inputs)
        )));
    }
    prepare(&jobs, s)?;
    progress(Event::Started {
        postings: jobs.len(),
    });
    // After Ctrl-C, postings not yet started are `None`; those running finish.
    let results: Vec<Option<Result<Row>>> = pool.install(|| {
        jobs.par_iter()
            .map(|job| {
                let row = (!interrupt::requested())
                    .then(|| export_one(registry, renderer, s, job, progress));
                progress(Event::Posting);
                row
            })
            .collect()
    });
    progress(Event::Postings);
    let results = finished(results, s)?;
    let (mut rows, failed) = split(&jobs, results);
    mark_mixed_currencies(&mut rows);
    copy_logos(&rows, s)?;
    // Newest first; the sort is stable, so equal dates keep input order.
    rows.sort_by(|a, b| b.posted.cmp(&a.posted));
    write_index(renderer, &pool, s, &rows)?;
    if let Some(base) = &s.base_url {
        write_sitemap(s, base, &rows)?;
    }
    Ok(Report {
        exported: rows.len(),
        failed,
        skipped: count - jobs.len(),
    })
}

/// Every posting's result, or, after an interrupt, how far the run got.
fn finished(results: Vec<Option<Result<Row>>>, s: &Settings) -> Result<Vec<Result<Row>>> {
    if results.iter().all(Option::is_some) {
        return Ok(results.into_iter().flatten().collect());
    }
    let count = |ok: bool| results.iter().flatten().filter(|r| r.is_ok() == ok).count();
    Err(Error::Stopped {
        written: count(true),
        failed: count(false),
        total: results.len(),
        out: s.out.clone(),
    })
}

fn names(paths: &[PathBuf]) -> String {
    let quoted: Vec<String> = paths.iter().map(|p| format!("`{}`", p.display())).collect();
    quoted.join(", ")
}

/// Every `*.toml` file the inputs name, in input order, folders sorted by name; the
/// lint configuration (`jobpost.toml`) lives beside postings and is not one.
fn candidates(inputs: &[PathBuf]) -> Result<Vec<Job>> {
    let keep = |p: &Path| {
        crate::files::has_extension(p, "toml")
            && p.file_name()
                .is_some_and(|n| n != crate::lint::config::CONFIG_FILE)
    };
    let found = crate::files::find(inputs, &keep)?;
    Ok(found
        .into_iter()
        .map(|f| Job {
            stem: f.rel.with_extension(""),
            source: f.path,
        })
        .collect())
}

/// Drops partial files: marked ones, included ones and the company profile.
fn skip_partials(jobs: Vec<Job>, company: Option<&Path>) -> Vec<Job> {
    let scans: Vec<(bool, Vec<PathBuf>)> = jobs.par_iter().map(|j| scan(&j.source)).collect();
    let mut included: HashSet<PathBuf> = company.map(canonical).into_iter().collect();
    included.extend(scans.iter().flat_map(|(_, inc)| inc.iter().cloned()));
    jobs.into_iter()
        .zip(scans)
        .filter(|(job, (marked, _))| {
            !marked && (included.is_empty() || !included.contains(&canonical(&job.source)))
        })
        .map(|(job, _)| job)
        .collect()
}

/// Whether `path` is marked partial, and the files it includes. Unreadable or
/// malformed files count as postings, so the export reports what is wrong.
fn scan(path: &Path) -> (bool, Vec<PathBuf>) {
    let Ok(text) = crate::files::read_text(path) else {
        return (false, Vec::new());
    };
    let marked = crate::files::is_marked_partial(&text);
    // Parsing is the slow part, so only files that mention `include` pay for it.
    if !text.contains("include") {
        return (marked, Vec::new());
    }
    #[derive(Deserialize)]
    struct Includes {
        #[serde(default)]
        include: Vec<String>,
    }
    let dir = path.parent().unwrap_or(Path::new(""));
    let includes = toml::from_str::<Includes>(&text)
        .map(|i| i.include.iter().map(|f| canonical(&dir.join(f))).collect())
        .unwrap_or_default();
    (marked, includes)
}

fn canonical(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}

/// `out/stem.ext`, keeping dots already in the stem.
fn output_path(out: &Path, stem: &Path, ext: &str) -> PathBuf {
    let mut path = out.join(stem).into_os_string();
    path.push(".");
    path.push(ext);
    PathBuf::from(path)
}

/// Checks that no two postings write the same files and that no file would be
/// overwritten without `--force`, then creates the folders: all before writing.
fn prepare(jobs: &[Job], s: &Settings) -> Result<()> {
    // Every posting writes the same extensions, so outputs clash exactly when stems do.
    let mut owner: HashMap<&Path, &Path> = HashMap::with_capacity(jobs.len());
    // A posting named `index` in a format the careers page's files use would replace them.
    let index = s
        .formats
        .iter()
        .map(|f| format!("index.{}", f.extension()))
        .find(|name| INDEX_FILES.contains(&name.as_str()));
    for job in jobs {
        if let Some(other) = owner.insert(&job.stem, &job.source) {
            return Err(clash(other, &job.source, &s.out.join(&job.stem)));
        }
        if let (Some(index), true) = (&index, job.stem == Path::new("index")) {
            let index = s.out.join(index);
            return Err(clash(Path::new("the careers page"), &job.source, &index));
        }
    }
    if !s.force && has_entries(&s.out) {
        let outputs = jobs.iter().flat_map(|j| {
            let stem = &j.stem;
            s.formats
                .iter()
                .map(move |f| output_path(&s.out, stem, f.extension()))
        });
        let sitemap = s.base_url.as_ref().map(|_| SITEMAP);
        let index = INDEX_FILES.iter().chain(&sitemap).map(|f| s.out.join(f));
        if let Some(p) = outputs.chain(index).find(|p| p.exists()) {
            return Err(Error::Exists(p));
        }
    }
    // A killed run can leave temporary files; they are never complete outputs.
    crate::output::remove_stale_temps(&s.out)?;
    let folders: BTreeSet<&Path> = jobs.iter().filter_map(|j| j.stem.parent()).collect();
    for dir in folders.into_iter().map(|d| s.out.join(d)) {
        crate::output::create_folder(&dir)?;
    }
    Ok(())
}

fn clash(a: &Path, b: &Path, path: &Path) -> Error {
    Error::Usage(format!(
        "`{}` and `{}` would both be written to `{}.*`; rename one, or export them separately",
        a.display(),
        b.display(),
        path.display()
    ))
}

fn has_entries(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_some())
}

/// Loads, checks, renders and writes one posting; returns its index row.
fn export_one(
    registry: &Registry,
    renderer: &Templates,
    s: &Settings,
    job: &Job,
    progress: &(dyn Fn(Event) + Sync),
) -> Result<Row> {
    let inputs = Inputs {
        file: Some(job.source.clone()),
        company: s.company.clone(),
        locale: s.locale.clone(),
        ..Inputs::default()
    };
    let merged = load::load(registry, &inputs)?;
    validate::validate(&merged)?;
    if let Some(cfg) = &s.check {
        lint_errors(&merged, &job.source, cfg)?;
    }
    let logo = logo_copy(&merged)?;
    let site = site(s, &job.stem, logo.as_ref().map(|(_, name)| name.as_str()));
    // Render every format before writing any, so a failing posting writes nothing.
    let texts = render_on_site(renderer, &merged, &s.formats, s.date, &site)?;
    for (f, text) in s.formats.iter().zip(texts) {
        let path = output_path(&s.out, &job.stem, f.extension());
        write_atomic(&path, text.as_bytes(), s.force)?;
        progress(Event::Wrote(&path));
    }
    let mut row = row(&merged.posting, &job.stem, s.date);
    if let Some((_, name)) = &logo {
        row.logo_src = url_path(name);
    }
    row.logo = logo;
    Ok(row)
}

/// The page's links: back to the careers page, its canonical URL, its logo copy.
fn site(s: &Settings, stem: &Path, logo: Option<&str>) -> Site {
    let up = "../".repeat(stem.components().count().saturating_sub(1));
    let page = format!("{}.html", slash_path(stem));
    Site {
        links: SiteView {
            index: format!("{up}{INDEX_PAGE}"),
            canonical: s
                .base_url
                .as_ref()
                .map(|b| format!("{b}{}", url_path(&page)))
                .unwrap_or_default(),
        },
        logo: logo.map(|name| format!("{up}{}", url_path(name))),
    }
}

/// A local `company.logo`: the file, and where its copy goes below the output
/// folder. The name starts with a hash of the content, so different logos with
/// the same file name stay apart and one logo shared by many postings is one file.
fn logo_copy(merged: &Merged) -> Result<Option<(PathBuf, String)>> {
    let Some(file) = validate::logo_file(merged) else {
        return Ok(None);
    };
    let bytes = crate::files::check_logo(&file)?;
    let name = file.file_name().map_or_else(
        || "logo".to_string(),
        |n| {
            n.to_string_lossy()
                .replace(|c: char| c.is_whitespace() || c == '/', "-")
        },
    );
    Ok(Some((
        file,
        format!("{LOGOS}/{:08x}-{name}", fnv1a(&bytes)),
    )))
}

/// 32-bit FNV-1a: a stable, dependency-free content hash for file names.
fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5, |h, b| {
        (h ^ u32::from(*b)).wrapping_mul(0x0100_0193)
    })
}

/// Copies each distinct logo once into the `logos` folder.
fn copy_logos(rows: &[Row], s: &Settings) -> Result<()> {
    let logos: BTreeMap<&str, &Path> = rows
        .iter()
        .filter_map(|r| r.logo.as_ref())
        .map(|(file, name)| (name.as_str(), file.as_path()))
        .collect();
    if logos.is_empty() {
        return Ok(());
    }
    crate::output::create_folder(&s.out.join(LOGOS))?;
    for (name, file) in logos {
        let bytes = crate::files::check_logo(file)?;
        let target = s.out.join(name);
        // Named by content: an existing copy with the same bytes is this logo.
        if std::fs::read(&target).is_ok_and(|old| old == bytes) {
            continue;
        }
        write_atomic(&target, &bytes, s.force)?;
    }
    Ok(())
}

/// `sitemap.xml`: every posting's page with its date, for search engines.
fn write_sitemap(s: &Settings, base: &str, rows: &[Row]) -> Result<()> {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for r in rows {
        let link = Entry::new(r, &s.formats).link;
        let lastmod = match r.posted.as_str() {
            "" => String::new(),
            date => format!("<lastmod>{date}</lastmod>"),
        };
        xml.push_str(&format!(
            "<url><loc>{}</loc>{lastmod}</url>\n",
            xml_escape(&format!("{base}{link}"))
        ));
    }
    xml.push_str("</urlset>\n");
    write_atomic(&s.out.join(SITEMAP), xml.as_bytes(), s.force)
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

/// `--check`: the posting's lint errors as one failure, so it is not written.
fn lint_errors(merged: &Merged, file: &Path, cfg: &crate::lint::Config) -> Result<()> {
    let name = file.display().to_string();
    let source = crate::files::read_text(file)?;
    let errors: Vec<_> = crate::lint::run::check_merged(merged, &name, &source, cfg)
        .iter()
        .filter(|f| f.severity == crate::lint::Severity::Error)
        .map(crate::lint::report::diagnostic)
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::Checked(errors))
    }
}

/// `a/b` from a relative path, whatever the platform's separator.
fn slash_path(stem: &Path) -> String {
    let parts: Vec<String> = stem
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

fn row(p: &Posting, stem: &Path, date: Option<Date>) -> Row {
    let posted = p.posted.as_ref().and_then(|d| d.date).or(date);
    let loc = crate::locale::of(p);
    Row {
        title: p.title.clone().unwrap_or_default(),
        company: p
            .company
            .as_ref()
            .and_then(|c| c.name.clone())
            .unwrap_or_default(),
        employment_type: p
            .employment_type
            .map_or(String::new(), |e| loc.employment(e)),
        workplace: p
            .location
            .as_ref()
            .and_then(|l| l.workplace)
            .map_or(String::new(), |w| loc.workplace(w)),
        location: render::location_text(p, loc),
        place: place(p),
        pay: render::pay_range(p, loc, false),
        pay_marked: render::pay_range(p, loc, true),
        currency: p
            .pay
            .as_ref()
            .and_then(|pay| pay.currency.clone())
            .unwrap_or_default(),
        posted: posted.map(|d| d.to_string()).unwrap_or_default(),
        color: p
            .company
            .as_ref()
            .and_then(|c| c.color.clone())
            .unwrap_or_default(),
        logo: None,
        logo_src: p
            .company
            .as_ref()
            .and_then(|c| c.logo.clone())
            .filter(|l| l.starts_with("https://"))
            .unwrap_or_default(),
        path: slash_path(stem),
        locale: loc,
    }
}

/// `Denver, CO`: the city and region, or the country, for the location filter.
fn place(p: &Posting) -> String {
    let Some(l) = &p.location else {
        return String::new();
    };
    let parts: Vec<&str> = [l.city.as_deref(), l.region.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    match (parts.is_empty(), &l.country) {
        (false, _) => parts.join(", "),
        (true, Some(c)) => crate::country::name(c),
        (true, None) => String::new(),
    }
}

/// Percent-encodes a relative path for an `href`, keeping `/`.
fn url_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Rows of the postings that were written, and the failures, both in input order.
fn split(jobs: &[Job], results: Vec<Result<Row>>) -> (Vec<Row>, Vec<Failure>) {
    let mut rows = Vec::with_capacity(results.len());
    let mut failed = Vec::new();
    for (job, result) in jobs.iter().zip(results) {
        match result {
            Ok(row) => rows.push(row),
            Err(error) => failed.push(Failure {
                file: job.source.clone(),
                error,
            }),
        }
    }
    (rows, failed)
}

/// On a careers page listing pay in more than one currency, every dollar says
/// which it is (`US$`, `CA$`), whatever the job's own page shows.
fn mark_mixed_currencies(rows: &mut [Row]) {
    let currencies: BTreeSet<&str> = rows
        .iter()
        .map(|r| r.currency.as_str())
        .filter(|c| !c.is_empty())
        .collect();
    if currencies.len() > 1 {
        for r in rows.iter_mut() {
            r.pay = std::mem::take(&mut r.pay_marked);
        }
    }
}

/// `index.html` and `index.json`, streamed to their files so a large export
/// never holds either whole.
fn write_index(renderer: &Templates, pool: &ThreadPool, s: &Settings, rows: &[Row]) -> Result<()> {
    let company = shared(rows, |r| &r.company);
    let loc = index_locale(rows, s.locale.as_deref());
    let title = match company {
        "" => loc.text("index_title").to_string(),
        one => locale::fill(loc.text("index_title_company"), &[("company", one)]),
    };
    let page_path = s.out.join(INDEX_PAGE);
    write_atomic_with(&page_path, s.force, |w| {
        let mut w = BufWriter::new(w);
        let page = Page {
            title: &title,
            locale: loc,
            company,
            // Brand only a one-employer page.
            color: brand(company, rows, |r| &r.color),
            logo: brand(company, rows, |r| &r.logo_src),
            rows,
            formats: &s.formats,
            base_url: s.base_url.as_deref(),
        };
        careers_page(renderer, pool, &page, &page_path, &mut w)?;
        w.flush().map_err(|e| Error::io("write", &page_path, e))
    })?;
    let data = IndexData {
        title: &title,
        postings: (rows, &s.formats),
    };
    let json_path = s.out.join(INDEX_FILES[1]);
    write_atomic_with(&json_path, s.force, |w| {
        let mut w = BufWriter::new(w);
        serde_json::to_writer_pretty(&mut w, &data)
            .map_err(std::io::Error::from)
            .and_then(|_| w.write_all(b"\n"))
            .and_then(|_| w.flush())
            .map_err(|e| Error::io("write", &json_path, e))
    })
}

/// The locale of the careers page: the one most of its postings read in (ties go
/// to the locale listed first, `en-US` before the others), else `--locale`, else
/// the default. Each posting's own page keeps its own locale.
fn index_locale(rows: &[Row], given: Option<&str>) -> &'static Locale {
    let mut counts: Vec<(usize, &'static Locale)> = locale::all()
        .iter()
        .map(|l| (rows.iter().filter(|r| r.locale.tag == l.tag).count(), l))
        .collect();
    // Stable: among equal counts the first listed stays first.
    counts.sort_by_key(|c| std::cmp::Reverse(c.0));
    match counts.first() {
        Some((n, l)) if *n > 0 => l,
        _ => given
            .and_then(locale::get)
            .unwrap_or_else(|| locale::get(locale::DEFAULT).expect("en-US is shipped")),
    }
}

/// `3 open positions`, `1 vacancy`, in the page's locale.
fn count_text(loc: &Locale, n: usize) -> String {
    match n {
        1 => loc.text("index_count_one").to_string(),
        n => locale::fill(loc.text("index_count"), &[("n", &n.to_string())]),
    }
}

/// `YYYY-MM-DD` as the locale writes a date in prose; empty stays empty.
fn date_text(loc: &Locale, iso: &str) -> String {
    iso.parse::<toml::value::Datetime>()
        .map(|d| loc.date(&d))
        .unwrap_or_default()
}

/// The value every row has for `field`, or empty when they differ.
fn shared<'a>(rows: &'a [Row], field: impl Fn(&'a Row) -> &'a String) -> &'a str {
    let values: BTreeSet<&str> = rows.iter().map(|r| field(r).as_str()).collect();
    match values.into_iter().collect::<Vec<_>>()[..] {
        [one] => one,
        _ => "",
    }
}

/// `shared` on a page of one employer; empty otherwise.
fn brand<'a>(company: &str, rows: &'a [Row], field: impl Fn(&'a Row) -> &'a String) -> &'a str {
    if company.is_empty() {
        ""
    } else {
        shared(rows, field)
    }
}

/// Writes the page shell with one `index-row.html` per posting in place of the
/// placeholder, the rows rendered a chunk at a time in parallel.
fn careers_page(
    renderer: &Templates,
    pool: &ThreadPool,
    page: &Page,
    path: &Path,
    w: &mut dyn Write,
) -> Result<()> {
    let io = |e| Error::io("write", path, e);
    let company_column = page.company.is_empty() && page.rows.iter().any(|r| !r.company.is_empty());
    let absolute = |link: &str| {
        page.base_url
            .map(|b| format!("{b}{link}"))
            .unwrap_or_default()
    };
    let context = IndexPage {
        title: page.title,
        count: page.rows.len(),
        rows: ROWS_PLACEHOLDER,
        company: page.company,
        color: page.color,
        logo: page.logo,
        company_column,
        canonical: absolute(INDEX_PAGE),
        lang: &page.locale.tag,
        count_text: count_text(page.locale, page.rows.len()),
        t: &page.locale.messages,
    };
    let labels = RowLabels::new(page.locale);
    let shell = renderer.render_template(INDEX_PAGE, "page", &context)?;
    let (head, tail) = shell.split_once(ROWS_PLACEHOLDER).unwrap_or((&shell, ""));
    w.write_all(head.as_bytes()).map_err(io)?;
    for chunk in page.rows.chunks(1024) {
        let fragments: Vec<String> = pool.install(|| {
            chunk
                .par_iter()
                .map(|r| {
                    let entry = Entry::new(r, page.formats);
                    let url = absolute(&entry.link);
                    let view = RowView {
                        entry,
                        company_column,
                        url,
                        posted_text: date_text(page.locale, &r.posted),
                        t: &labels,
                    };
                    renderer.render_template(INDEX_ROW, "r", &view)
                })
                .collect::<Result<_>>()
        })?;
        for f in &fragments {
            w.write_all(f.as_bytes()).map_err(io)?;
        }
    }
    w.write_all(tail.as_bytes()).map_err(io)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_keep_dots_and_encode_for_links() {
        assert_eq!(
            output_path(Path::new("out"), Path::new("a/v1.2"), "html"),
            Path::new("out/a/v1.2.html")
        );
        assert_eq!(
            url_path("retail/night shift.html"),
            "retail/night%20shift.html"
        );
        assert_eq!(url_path("é.html"), "%C3%A9.html");
    }

    fn settings(base_url: Option<&str>) -> Settings {
        Settings {
            inputs: Vec::new(),
            out: PathBuf::from("out"),
            formats: vec![Format::HTML],
            jobs: None,
            force: false,
            company: None,
            locale: None,
            date: Some(Date {
                year: 2027,
                month: 1,
                day: 4,
            }),
            check: None,
            base_url: base_url.map(String::from),
        }
    }

    #[test]
    fn pages_link_back_up_to_the_index_and_are_absolute_only_with_a_base_url() {
        let nested = site(
            &settings(None),
            Path::new("retail/night shift"),
            Some("logos/1-a.png"),
        );
        assert_eq!(nested.links.index, "../index.html");
        assert_eq!(nested.links.canonical, "");
        assert_eq!(nested.logo.as_deref(), Some("../logos/1-a.png"));
        let top = site(
            &settings(Some("https://example.com/jobs/")),
            Path::new("retail/night shift"),
            None,
        );
        assert_eq!(
            top.links.canonical,
            "https://example.com/jobs/retail/night%20shift.html"
        );
        assert_eq!(top.logo, None);
        assert_eq!(
            xml_escape("https://x.test/?a=1&b='2'"),
            "https://x.test/?a=1&amp;b=&apos;2&apos;"
        );
    }

    #[test]
    fn logo_copies_are_named_by_content() {
        assert_eq!(fnv1a(b""), 0x811c_9dc5);
        assert_ne!(fnv1a(b"logo one"), fnv1a(b"logo two"));
    }

    fn row_in(country: &str) -> Row {
        let text = format!("[location]\ncountry = \"{country}\"");
        let p: Posting = toml::from_str(&text).unwrap();
        row(&p, Path::new(country), None)
    }

    #[test]
    fn the_careers_page_reads_in_the_locale_most_postings_read_in() {
        let tag = |rows: &[Row], given| index_locale(rows, given).tag.as_str();
        let (us, ca, gb) = (row_in("US"), row_in("CA"), row_in("GB"));
        let (ca2, gb2) = (row_in("CA"), row_in("GB"));
        assert_eq!(tag(&[us, ca, ca2], None), "en-CA");
        // A tie goes to the locale listed first.
        assert_eq!(tag(&[gb, row_in("US")], None), "en-US");
        assert_eq!(tag(&[gb2, row_in("AU")], None), "en-AU");
        assert_eq!(tag(&[], Some("en-IE")), "en-IE");
        assert_eq!(tag(&[], None), "en-US");
    }

    #[test]
    fn counts_and_dates_on_the_careers_page_follow_its_locale() {
        let gb = locale::get("en-GB").unwrap();
        let us = locale::get("en-US").unwrap();
        assert_eq!(count_text(gb, 1), "1 vacancy");
        assert_eq!(count_text(gb, 3), "3 vacancies");
        assert_eq!(count_text(us, 1), "1 open position");
        assert_eq!(count_text(us, 0), "0 open positions");
        assert_eq!(date_text(gb, "2027-02-01"), "1 February 2027");
        assert_eq!(date_text(us, "2027-02-01"), "February 1, 2027");
        assert_eq!(date_text(us, ""), "");
    }
}
