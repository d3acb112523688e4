//! Batch export: many posting files to Markdown, HTML pages, JSON-LD and plain
//! text, plus the site files made from all of them (the careers page
//! `index.html`, `index.json`, the sitemap).
//!
//! The stages, one module each: [`inputs`] finds the postings (folders searched
//! recursively for `*.toml`, hidden entries and partial files skipped; a
//! folder's structure is mirrored below the output folder) and checks their
//! outputs before anything is written; [`run`] exports each posting on the
//! thread pool; [`site`] holds the site renderers; [`stage`] keeps every file
//! out of the output folder until the run ends; [`manifest`] records what was
//! written, so the next export into the same folder writes only what changed.
//!
//! Memory stays flat: a posting is loaded, rendered and staged inside the
//! parallel loop and only its small index row is kept. Each output depends on
//! its own posting only, and rows keep input order, so the bytes written are
//! the same whatever the number of threads.
//!
//! Nothing here prints or draws: how far the run is comes out as [`Event`]s to
//! the caller's callback, and failures come back in the [`Report`].

pub mod inputs;
pub mod manifest;
pub mod parts;
pub mod row;
pub mod run;
pub mod site;
pub mod stage;

use std::collections::{BTreeMap, HashSet};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use toml::value::Date;

use crate::error::{Error, Result};
use crate::format::Format;
use crate::interrupt;
use crate::output::count;
use crate::preset::Registry;
use crate::render::Templates;

use inputs::{Job, output_name};
use manifest::{FileSum, Manifest};
use row::Row;
use run::{Done, Run};
use site::{Site, SiteRenderer};
use stage::Stage;

/// The folder below the output folder that holds copied logos.
pub const LOGOS: &str = "logos";

/// What to export, resolved from the command line.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// Posting files and folders.
    pub inputs: Vec<PathBuf>,
    /// The output folder.
    pub out: PathBuf,
    /// Formats written per posting, without repeats.
    pub formats: Vec<Format>,
    /// Threads; `None` is one per CPU core, and more than that are not started.
    pub jobs: Option<NonZeroUsize>,
    /// Overwrite files the export did not write, and write every file again.
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
    /// `--templates`: a theme folder, whose files every output depends on.
    pub templates: Option<PathBuf>,
    /// `--roles`: a presets folder, whose files every output depends on.
    pub roles: Option<PathBuf>,
    /// `--feeds`: the job-board feeds to write, without repeats.
    pub feeds: Vec<crate::feed::Kind>,
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
    /// One output file of a posting was staged (it is put in place at the end).
    Wrote(&'a Path),
    /// One posting is done, written or failed (or, after Ctrl-C, never started).
    Posting,
    /// Every posting is done; the site files are written next.
    Postings,
}

/// How an export went.
#[derive(Debug, Default)]
pub struct Report {
    /// Postings exported (written now, or unchanged since the last export).
    pub exported: usize,
    /// Postings that failed, in input order.
    pub failed: Vec<Failure>,
    /// Partial files skipped.
    pub skipped: usize,
    /// Files written.
    pub written: usize,
    /// Files left as they were, their bytes unchanged.
    pub unchanged: usize,
    /// Files of an earlier export removed: their posting or format is gone.
    pub removed: usize,
    /// Postings that named no date and got the day of this export as their
    /// date posted (kept for later exports in the manifest).
    pub dated: Vec<PathBuf>,
    /// The site files written, by path.
    pub site: Vec<&'static str>,
    /// `--jobs` asked for more threads than the machine has: (asked, used).
    pub capped: Option<(usize, usize)>,
    /// The date given to undated postings.
    pub today: Option<Date>,
    /// Open postings a feed left out for lack of a field it requires.
    pub left_out: Vec<crate::feed::LeftOut>,
    /// Postings whose last day to apply has passed: in no feed, marked closed.
    pub closed: usize,
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
    /// The summary printed at the end: one line, and one more per thing to know.
    pub fn summary(&self, s: &Settings) -> String {
        let total = self.exported + self.failed.len();
        let formats: Vec<&str> = s.formats.iter().map(|f| f.extension()).collect();
        let mut line = format!(
            "exported {} of {} ({}) to `{}`",
            self.exported,
            count(total, "posting"),
            formats.join(", "),
            s.out.display(),
        );
        match self.site.split_last() {
            Some((last, [])) => line.push_str(&format!(", with {last}")),
            Some((last, rest)) => line.push_str(&format!(", with {} and {last}", rest.join(", "))),
            None => line.push_str(", with no careers page (no posting was exported)"),
        }
        if self.skipped > 0 {
            line.push_str(&format!(
                "; skipped {}",
                count(self.skipped, "partial file")
            ));
        }
        if self.unchanged > 0 || self.removed > 0 {
            line.push_str(&format!(
                "; {} written, {} unchanged",
                count(self.written, "file"),
                self.unchanged
            ));
        }
        if self.removed > 0 {
            line.push_str(&format!(", {} removed", self.removed));
        }
        if !self.failed.is_empty() {
            line.push_str(&format!("; {} failed", self.failed.len()));
        }
        if let (false, Some(day)) = (self.dated.is_empty(), self.today) {
            let names: Vec<String> = self
                .dated
                .iter()
                .map(|p| format!("`{}`", p.display()))
                .collect();
            line.push_str(&format!(
                "\n{} named no date posted and got {day}, the day of this export (kept for later exports): {}",
                count(self.dated.len(), "posting"),
                names.join(", ")
            ));
        }
        if !s.feeds.is_empty() {
            line.push_str(&self.feeds_summary(s));
        }
        if let Some((asked, used)) = self.capped {
            line.push_str(&format!(
                "\n--jobs {asked} is more than the {used} this machine can run at once; used {used}"
            ));
        }
        line
    }
}

impl Report {
    /// What went into the feeds: the closed jobs and, per feed, the postings
    /// left out (a board rejects a feed with a broken job, so they are named).
    fn feeds_summary(&self, s: &Settings) -> String {
        let mut line = String::new();
        if self.closed > 0 {
            line.push_str(&format!(
                "\n{} closed (apply_by has passed): in no feed",
                count(self.closed, "posting")
            ));
        }
        for kind in &s.feeds {
            let out: Vec<&crate::feed::LeftOut> =
                self.left_out.iter().filter(|l| l.feed == *kind).collect();
            if out.is_empty() {
                continue;
            }
            let mut fields: Vec<&str> = out
                .iter()
                .flat_map(|l| l.fields.iter().map(String::as_str))
                .collect();
            fields.sort_unstable();
            fields.dedup();
            line.push_str(&format!(
                "\n{} left out of {}, lacking {}",
                count(out.len(), "posting"),
                kind.path(),
                fields.join(", ")
            ));
        }
        line
    }
}

/// Exports every posting `s` names, telling `progress` how far it is; failures
/// of single postings are in the report.
pub fn export(
    registry: &Registry,
    templates: &Templates,
    s: &Settings,
    progress: &(dyn Fn(Event) + Sync),
) -> Result<Report> {
    let (workers, capped) = workers(s.jobs);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(workers)
        .build()
        .map_err(|e| Error::Usage(format!("cannot start the export threads: {e}")))?;
    let found = inputs::candidates(&s.inputs)?;
    let total = found.len();
    let jobs = pool.install(|| inputs::skip_partials(found, s.company.as_deref()));
    if jobs.is_empty() {
        return Err(Error::Usage(format!(
            "no posting files (*.toml) found in {}",
            names(&s.inputs)
        )));
    }
    let site: Vec<&'static dyn SiteRenderer> = site::wanted(s).collect();
    let mut reserved = site::reserved();
    reserved.extend([manifest::FILE, parts::FILE]);
    inputs::check_outputs(&jobs, s, &reserved)?;
    let old = previous(s)?;
    refuse_foreign(&jobs, s, old.as_ref(), &site)?;
    // A killed run of an older version can leave temporary files.
    crate::output::remove_stale_temps(&s.out)?;
    let fingerprint = fingerprint(s, &site);
    let reuse =
        !s.force && s.check.is_none() && old.as_ref().is_some_and(|m| m.fingerprint == fingerprint);
    let stage = Stage::new(&s.out)?;
    let with_parts = site.iter().any(|r| r.has_parts());
    let run = Run {
        parts: with_parts
            .then(|| parts::Writer::create(stage.dir()))
            .transpose()?,
        old_parts: old
            .as_ref()
            .filter(|_| with_parts)
            .and_then(|m| parts::Reader::previous(&s.out, m)),
        registry,
        templates,
        settings: s,
        stage: &stage,
        old: old.as_ref(),
        reuse,
        today: crate::jsonld::today(),
        site: site.clone(),
        hashes: Default::default(),
    };
    progress(Event::Started {
        postings: jobs.len(),
    });
    // After Ctrl-C, postings not yet started are `None`; those running finish.
    let results: Vec<Option<Result<Done>>> = pool.install(|| {
        jobs.par_iter()
            .map(|job| {
                let done = (!interrupt::requested()).then(|| run.posting(job, progress));
                progress(Event::Posting);
                done
            })
            .collect()
    });
    progress(Event::Postings);
    let mut report = Report {
        skipped: total - jobs.len(),
        capped,
        today: Some(run.today),
        ..Report::default()
    };
    let mut new = Manifest {
        fingerprint,
        ..Manifest::default()
    };
    let stopped = gather(&jobs, results, old.as_ref(), &mut new, &mut report, &s.out);
    let parts = run.finish_parts(&mut new)?;
    if let Some(stopped) = stopped {
        // What finished is put in place and recorded, so the same command finishes the job.
        drop(run);
        new.site = old.map(|m| m.site).unwrap_or_default();
        if let Some((_, sum)) = parts {
            new.site.insert(parts::FILE.to_string(), sum);
        }
        stage.commit()?;
        new.write(&s.out)?;
        return Err(stopped);
    }
    if new.postings.is_empty() {
        stage.abandon();
        return Ok(report);
    }
    let (parts, parts_sum) = parts.unzip();
    let mut sums = site_files(&run, &new, &mut report, &pool, parts.as_ref())?;
    if !s.feeds.is_empty() {
        let rows: Vec<&Row> = new.postings.values().map(|p| &p.row).collect();
        report.left_out = site::feeds::left_out(&run.site, &rows, run.today, parts.as_ref());
        report.closed = rows.iter().filter(|r| r.is_closed(run.today)).count();
    }
    if let Some(sum) = parts_sum {
        // Like any output, left in place when its bytes did not change.
        if already_in_place(&run, parts::FILE, &sum) {
            run.stage.discard(parts::FILE);
        }
        sums.insert(parts::FILE.to_string(), sum);
    }
    new.site = sums;
    drop(run);
    report.written = stage.commit()?;
    report.unchanged = new.files().count() - report.written;
    report.removed = remove_gone(&s.out, old.as_ref(), &new)?;
    new.write(&s.out)?;
    Ok(report)
}

/// Whether the previous export recorded `sum` for the site file `rel` and the
/// file is still in place.
fn already_in_place(run: &Run, rel: &str, sum: &FileSum) -> bool {
    run.old.and_then(|m| m.site.get(rel)) == Some(sum) && sum.in_place(&run.settings.out.join(rel))
}

/// The manifest of the previous export into the folder. With `--force` a
/// damaged one is ignored, since every file is written again anyway.
fn previous(s: &Settings) -> Result<Option<Manifest>> {
    match Manifest::read(&s.out) {
        Err(_) if s.force => Ok(None),
        other => other,
    }
}

/// How many threads to start: `--jobs`, but no more than the machine runs at
/// once (thousands of threads only thrash); with what was asked when capped.
fn workers(jobs: Option<NonZeroUsize>) -> (usize, Option<(usize, usize)>) {
    let cores = std::thread::available_parallelism().map_or(1, NonZeroUsize::get);
    match jobs.map(NonZeroUsize::get) {
        Some(asked) if asked > cores => (cores, Some((asked, cores))),
        Some(asked) => (asked, None),
        None => (cores, None),
    }
}

/// What the run did, folded into the new manifest and the report. A posting
/// that failed keeps what an earlier export wrote for it, so a broken edit
/// takes nothing off the site. Returns the interrupt, if the run was stopped.
fn gather(
    jobs: &[Job],
    results: Vec<Option<Result<Done>>>,
    old: Option<&Manifest>,
    new: &mut Manifest,
    report: &mut Report,
    out: &Path,
) -> Option<Error> {
    let (mut written, mut failed) = (0, 0);
    let stopped = results.iter().any(Option::is_none);
    for (job, result) in jobs.iter().zip(results) {
        let key = row::slash_path(&job.stem);
        match result {
            Some(Ok(done)) => {
                written += 1;
                if done.dated {
                    report.dated.push(job.source.clone());
                }
                new.postings.insert(key, done.entry);
            }
            Some(Err(error)) => {
                failed += 1;
                report.failed.push(Failure {
                    file: job.source.clone(),
                    error,
                });
                if let Some(kept) = old.and_then(|m| m.postings.get(&key)) {
                    new.postings.insert(key, kept.clone());
                }
            }
            None => {
                if let Some(kept) = old.and_then(|m| m.postings.get(&key)) {
                    new.postings.insert(key, kept.clone());
                }
            }
        }
    }
    report.exported = written;
    stopped.then(|| Error::Stopped {
        written,
        failed,
        total: jobs.len(),
        out: out.to_path_buf(),
    })
}

/// Copies the logos and renders every site file into the stage, each only
/// when its bytes changed; returns their sums for the manifest.
fn site_files(
    run: &Run,
    new: &Manifest,
    report: &mut Report,
    pool: &rayon::ThreadPool,
    parts: Option<&parts::Reader>,
) -> Result<BTreeMap<String, FileSum>> {
    let s = run.settings;
    // Borrowed, not cloned: at 10,000 postings a copy of every row was a third of
    // the export's peak memory.
    let mut rows: Vec<&Row> = new.postings.values().map(|p| &p.row).collect();
    let mixed_currencies = row::mixed_currencies(&rows);
    // Newest first; the sort is stable, so equal dates keep path order.
    rows.sort_by(|a, b| b.posted.cmp(&a.posted));
    let mut sums = logos(run, &rows)?;
    let site = Site {
        rows: &rows,
        mixed_currencies,
        settings: s,
        templates: run.templates,
        pool,
        today: run.today,
        parts,
    };
    for r in &run.site {
        // Streamed into the stage (a feed of 10,000 jobs is tens of MB), then
        // taken back when its bytes turn out to be those in place.
        let sum = run.stage.write_summed(r.path(), |w| r.write(&site, w))?;
        if already_in_place(run, r.path(), &sum) {
            run.stage.discard(r.path());
        }
        sums.insert(r.path().to_string(), sum);
        report.site.push(r.path());
    }
    Ok(sums)
}

/// Copies each distinct local logo once into the `logos` folder.
fn logos(run: &Run, rows: &[&Row]) -> Result<BTreeMap<String, FileSum>> {
    let logos: BTreeMap<&str, &str> = rows
        .iter()
        .filter_map(|r| r.logo.as_ref())
        .map(|(file, name)| (name.as_str(), file.as_str()))
        .collect();
    let mut sums = BTreeMap::new();
    for (name, file) in logos {
        let file = Path::new(file);
        let bytes = crate::files::check_logo(file)?;
        stage_if_changed(run, name, &bytes)?;
        sums.insert(name.to_string(), FileSum::of(&bytes));
    }
    Ok(sums)
}

/// Stages `rel` unless the file in place has these bytes already.
fn stage_if_changed(run: &Run, rel: &str, bytes: &[u8]) -> Result<()> {
    let sum = FileSum::of(bytes);
    if already_in_place(run, rel, &sum) {
        return Ok(());
    }
    run.stage.write(rel, bytes)
}

/// Refuses, before anything is written, to replace a file that no earlier
/// export wrote (a `CNAME`, a user's `robots.txt`) unless `--force`.
fn refuse_foreign(
    jobs: &[Job],
    s: &Settings,
    old: Option<&Manifest>,
    site: &[&dyn SiteRenderer],
) -> Result<()> {
    if s.force || stage::is_empty_or_missing(&s.out) {
        return Ok(());
    }
    let owned: HashSet<&str> = old
        .map(|m| m.files().map(|(rel, _)| rel.as_str()).collect())
        .unwrap_or_default();
    let postings = jobs.iter().flat_map(|j| {
        s.formats
            .iter()
            .map(move |f| output_name(&j.stem, f.extension()))
    });
    let site = site.iter().map(|r| r.path().to_string());
    for rel in postings.chain(site) {
        if owned.contains(rel.as_str()) {
            continue;
        }
        let path = s.out.join(&rel);
        if std::fs::symlink_metadata(&path).is_ok() {
            return Err(Error::Exists(path));
        }
    }
    Ok(())
}

/// Removes the files the previous export wrote that this one did not: outputs
/// of postings that are gone, of formats no longer asked for, site files no
/// longer wanted. Returns how many were removed.
fn remove_gone(out: &Path, old: Option<&Manifest>, new: &Manifest) -> Result<usize> {
    let Some(old) = old else {
        return Ok(0);
    };
    let keep: HashSet<&str> = new.files().map(|(rel, _)| rel.as_str()).collect();
    let mut removed = 0;
    for (rel, _) in old.files().filter(|(rel, _)| !keep.contains(rel.as_str())) {
        let path = out.join(rel);
        match std::fs::remove_file(&path) {
            Ok(()) => removed += 1,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::io("remove", &path, e)),
        }
        // A folder that held only removed outputs goes too; one with anything else stays.
        let mut dir = path.parent();
        while let Some(d) = dir.filter(|d| *d != out) {
            if std::fs::remove_dir(d).is_err() {
                break;
            }
            dir = d.parent();
        }
    }
    Ok(removed)
}

/// Hash of what every output depends on besides its own inputs: this build of
/// the program, the theme and preset folders, and the settings that shape output.
fn fingerprint(s: &Settings, site: &[&dyn SiteRenderer]) -> String {
    let formats: Vec<&str> = s.formats.iter().map(|f| f.name()).collect();
    let site: Vec<&str> = site.iter().map(|r| r.path()).collect();
    let mut text = format!(
        "{}\n{}\n{formats:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{site:?}\n",
        env!("CARGO_PKG_VERSION"),
        build_identity(),
        s.locale,
        s.date.map(|d| d.to_string()),
        s.base_url,
        s.company,
    );
    for dir in [&s.templates, &s.roles].into_iter().flatten() {
        folder_digest(dir, &mut text);
    }
    manifest::hash(text.as_bytes())
}

/// The running program's size and modification time: a new build of the
/// program (new templates, presets or code inside it) renders everything again.
fn build_identity() -> String {
    let meta = std::env::current_exe().and_then(std::fs::metadata);
    match meta {
        Ok(m) => {
            let modified = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            format!("{} {modified}", m.len())
        }
        // Unknown: never match, so everything is rendered.
        Err(_) => format!("unknown {:?}", std::time::SystemTime::now()),
    }
}

/// Appends every file below `dir` with the hash of its bytes, sorted by path.
fn folder_digest(dir: &Path, text: &mut String) {
    let keep = |_: &Path| true;
    let Ok(found) = crate::files::find(&[dir.to_path_buf()], &keep) else {
        return;
    };
    let mut files: Vec<_> = found.into_iter().map(|f| f.path).collect();
    files.sort();
    for f in files {
        let hash = std::fs::read(&f).map_or_else(|_| "unreadable".into(), |b| manifest::hash(&b));
        text.push_str(&format!("{} {hash}\n", f.display()));
    }
}

fn names(paths: &[PathBuf]) -> String {
    let quoted: Vec<String> = paths.iter().map(|p| format!("`{}`", p.display())).collect();
    quoted.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn threads_are_capped_at_what_the_machine_runs() {
        let cores = std::thread::available_parallelism().map_or(1, NonZeroUsize::get);
        let (used, capped) = workers(NonZeroUsize::new(20_000));
        assert_eq!(used, cores);
        assert_eq!(capped, Some((20_000, cores)));
        assert_eq!(workers(NonZeroUsize::new(1)), (1, None));
        assert_eq!(workers(None), (cores, None));
    }
}
