//! Batch export: many posting files to Markdown, HTML pages, JSON-LD and plain
//! text, plus a careers page (`index.html`) and the same data as `index.json`.
//!
//! Inputs are files, or folders searched recursively for `*.toml` (hidden
//! entries skipped). A folder's structure is mirrored below the output folder,
//! so equal file names in different folders stay apart; any remaining clash is
//! an error before anything is written. Partial files are skipped: those named
//! in a posting's `include`, the `--company` profile, and files whose first line
//! is [`PARTIAL_MARKER`].
//!
//! Postings are loaded, rendered and written inside the parallel loop, so memory
//! stays flat: only a small index row per posting is kept. Each output depends on
//! its own posting only, and rows keep input order, so the bytes written are the
//! same whatever the number of threads.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::io::{BufWriter, IsTerminal, Write};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::ThreadPool;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use toml::value::Date;

use crate::error::{Error, Problem, Result};
use crate::interrupt;
use crate::load::{self, Inputs, Merged};
use crate::model::Posting;
use crate::output::{write_atomic, write_atomic_with};
use crate::preset::Registry;
use crate::publish::{Output, publish_all};
use crate::render::{self, Renderer};
use crate::validate;

/// A first line that marks a TOML file in an input folder as a partial posting
/// (shared values for `include`), not a posting to export.
pub const PARTIAL_MARKER: &str = "# jobpost: partial";

/// The careers page and its data, written at the top of the output folder.
const INDEX_FILES: [&str; 2] = [INDEX_PAGE, "index.json"];

/// The careers page's template and file name.
const INDEX_PAGE: &str = "index.html";

/// The template of one row of the careers page's table.
const INDEX_ROW: &str = "index-row.html";

/// What to export, resolved from the command line.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Posting files and folders.
    pub inputs: Vec<PathBuf>,
    /// The output folder.
    pub out: PathBuf,
    /// Formats written per posting, without repeats.
    pub formats: Vec<Output>,
    /// Threads; `None` is one per CPU core.
    pub jobs: Option<NonZeroUsize>,
    /// Overwrite existing output files.
    pub force: bool,
    /// A company profile merged below every posting.
    pub company: Option<PathBuf>,
    /// `--posted`: the date of postings without `posted`; one for the whole run.
    pub date: Option<Date>,
    /// `--check`: lint each posting with this configuration; one with errors fails.
    pub check: Option<crate::lint::Config>,
    /// `--verbose`: name each file written on standard error.
    pub verbose: bool,
    /// `--quiet`: no progress bar.
    pub quiet: bool,
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

/// `1 posting`, `2 postings`.
fn count(n: usize, noun: &str) -> String {
    match n {
        1 => format!("1 {noun}"),
        n => format!("{n} {noun}s"),
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
    employment_type: &'static str,
    workplace: &'static str,
    location: String,
    pay: String,
    /// Output path relative to the output folder, `/`-separated, without extension.
    path: String,
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
    pay: &'a str,
    /// Relative URL of the posting's page (HTML if exported, else the first format).
    link: String,
    /// Relative path of each file written, by extension.
    files: BTreeMap<&'static str, String>,
}

impl<'a> Entry<'a> {
    fn new(row: &'a Row, formats: &[Output]) -> Self {
        let file = |f: &Output| format!("{}.{}", row.path, f.extension());
        let main = [Output::Html, Output::Md, Output::Txt, Output::Jsonld]
            .into_iter()
            .find(|f| formats.contains(f));
        Entry {
            title: &row.title,
            company: &row.company,
            employment_type: row.employment_type,
            workplace: row.workplace,
            location: &row.location,
            pay: &row.pay,
            link: main.map(|f| url_path(&file(&f))).unwrap_or_default(),
            files: formats.iter().map(|f| (f.extension(), file(f))).collect(),
        }
    }
}

/// `index.json`: the entries built one at a time as they are serialised.
#[derive(Debug, Serialize)]
struct IndexData<'a> {
    title: &'a str,
    #[serde(serialize_with = "entries")]
    postings: (&'a [Row], &'a [Output]),
}

fn entries<S: serde::Serializer>(
    (rows, formats): &(&[Row], &[Output]),
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
}

/// What the careers page lists.
struct Page<'a> {
    title: &'a str,
    rows: &'a [Row],
    formats: &'a [Output],
}

/// Stands for the table rows in the rendered page. Text from postings is
/// escaped there, so only the template itself can produce it.
const ROWS_PLACEHOLDER: &str = "<!-- jobpost: rows -->";

/// Exports every posting `s` names; failures of single postings are in the report.
pub fn export(registry: &Registry, renderer: &Renderer, s: &Settings) -> Result<Report> {
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
    let bar = progress(jobs.len(), s.quiet);
    // After Ctrl-C, postings not yet started are `None`; those running finish.
    let results: Vec<Option<Result<Row>>> = pool.install(|| {
        jobs.par_iter()
            .map(|job| {
                let row = (!interrupt::requested()).then(|| export_one(registry, renderer, s, job));
                bar.inc(1);
                row
            })
            .collect()
    });
    bar.finish_and_clear();
    let results = finished(results, s)?;
    let (rows, failed) = split(&jobs, results);
    write_index(renderer, &pool, s, &rows)?;
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

/// True when a TOML text's first line is [`PARTIAL_MARKER`].
pub fn is_marked_partial(text: &str) -> bool {
    text.lines()
        .next()
        .is_some_and(|l| l.trim() == PARTIAL_MARKER)
}

/// Whether `path` is marked partial, and the files it includes. Unreadable or
/// malformed files count as postings, so the export reports what is wrong.
fn scan(path: &Path) -> (bool, Vec<PathBuf>) {
    let Ok(text) = std::fs::read_to_string(path) else {
        return (false, Vec::new());
    };
    let marked = is_marked_partial(&text);
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
    for job in jobs {
        if let Some(other) = owner.insert(&job.stem, &job.source) {
            return Err(clash(other, &job.source, &s.out.join(&job.stem)));
        }
        if job.stem == Path::new("index") && s.formats.contains(&Output::Html) {
            let index = s.out.join(INDEX_FILES[0]);
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
        let index = INDEX_FILES.iter().map(|f| s.out.join(f));
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

/// A progress bar on standard error when it is a terminal; hidden otherwise,
/// and with `--quiet`.
fn progress(len: usize, quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} postings, {eta} left") {
        bar.set_style(style);
    }
    bar
}

/// Loads, checks, renders and writes one posting; returns its index row.
fn export_one(registry: &Registry, renderer: &Renderer, s: &Settings, job: &Job) -> Result<Row> {
    let inputs = Inputs {
        file: Some(job.source.clone()),
        company: s.company.clone(),
        ..Inputs::default()
    };
    let merged = load::load(registry, &inputs)?;
    validate::validate(&merged)?;
    if let Some(cfg) = &s.check {
        lint_errors(&merged, &job.source, cfg)?;
    }
    // Render every format before writing any, so a failing posting writes nothing.
    let texts = publish_all(renderer, &merged, &s.formats, s.date)?;
    for (f, text) in s.formats.iter().zip(texts) {
        let path = output_path(&s.out, &job.stem, f.extension());
        write_atomic(&path, text.as_bytes(), s.force)?;
        if s.verbose {
            eprintln!("wrote {}", path.display());
        }
    }
    Ok(row(&merged.posting, &job.stem))
}

/// `--check`: the posting's lint errors as one failure, so it is not written.
fn lint_errors(merged: &Merged, file: &Path, cfg: &crate::lint::Config) -> Result<()> {
    let name = file.display().to_string();
    let source = load::read_text(file)?;
    let problems: Vec<Problem> = crate::lint::run::check_merged(merged, &name, &source, cfg)
        .into_iter()
        .filter(|f| f.severity == crate::lint::Severity::Error)
        .map(|f| Problem {
            at: format!("{}:{}:{}", f.path, f.line, f.col),
            message: format!("error[{}]: {}", f.rule, f.message),
        })
        .collect();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Error::Invalid(problems))
    }
}

fn row(p: &Posting, stem: &Path) -> Row {
    let parts: Vec<String> = stem
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    Row {
        title: p.title.clone().unwrap_or_default(),
        company: p
            .company
            .as_ref()
            .and_then(|c| c.name.clone())
            .unwrap_or_default(),
        employment_type: p.employment_type.map_or("", |e| e.label()),
        workplace: p
            .location
            .as_ref()
            .and_then(|l| l.workplace)
            .map_or("", |w| w.label()),
        location: render::location_text(p),
        pay: render::pay_range(p),
        path: parts.join("/"),
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

/// `index.html` and `index.json`, streamed to their files so a large export
/// never holds either whole.
fn write_index(renderer: &Renderer, pool: &ThreadPool, s: &Settings, rows: &[Row]) -> Result<()> {
    let companies: BTreeSet<&str> = rows.iter().map(|r| r.company.as_str()).collect();
    let title = match companies.into_iter().collect::<Vec<_>>()[..] {
        [one] if !one.is_empty() => format!("Open positions at {one}"),
        _ => "Open positions".to_string(),
    };
    let page_path = s.out.join(INDEX_PAGE);
    write_atomic_with(&page_path, s.force, |w| {
        let mut w = BufWriter::new(w);
        let page = Page {
            title: &title,
            rows,
            formats: &s.formats,
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

/// Writes the page shell with one `index-row.html` per posting in place of the
/// placeholder, the rows rendered a chunk at a time in parallel.
fn careers_page(
    renderer: &Renderer,
    pool: &ThreadPool,
    page: &Page,
    path: &Path,
    w: &mut dyn Write,
) -> Result<()> {
    let io = |e| Error::io("write", path, e);
    let context = IndexPage {
        title: page.title,
        count: page.rows.len(),
        rows: ROWS_PLACEHOLDER,
    };
    let shell = renderer.render_template(INDEX_PAGE, "page", &context)?;
    let (head, tail) = shell.split_once(ROWS_PLACEHOLDER).unwrap_or((&shell, ""));
    w.write_all(head.as_bytes()).map_err(io)?;
    for chunk in page.rows.chunks(1024) {
        let fragments: Vec<String> = pool.install(|| {
            chunk
                .par_iter()
                .map(|r| renderer.render_template(INDEX_ROW, "r", &Entry::new(r, page.formats)))
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
}
