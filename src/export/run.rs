//! One posting of an export: reused from the manifest when nothing it depends
//! on changed; else loaded, checked, rendered in every format, and each output
//! whose bytes changed staged. A posting is staged whole or not at all: every
//! format is rendered before any is staged, and a failed write takes back what
//! the posting had staged.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Mutex;

use toml::value::Date;

use super::inputs::{Job, output_name};
use super::manifest::{self, FileSum, Manifest};
use super::parts;
use super::row::{Row, slash_path, url_path};
use super::site::{INDEX_PAGE, SiteRenderer};
use super::stage::Stage;
use super::{Event, LOGOS, Settings};
use crate::error::{Error, Result};
use crate::format::{Prepared, Site};
use crate::load::{self, Inputs, Merged};
use crate::preset::Registry;
use crate::render::{SiteView, Templates};
use crate::validate;

/// What every posting of one run shares.
pub struct Run<'a> {
    /// The presets.
    pub registry: &'a Registry,
    /// The templates.
    pub templates: &'a Templates,
    /// The settings.
    pub settings: &'a Settings,
    /// Where outputs are written until the run ends.
    pub stage: &'a Stage,
    /// What the previous export into the same folder wrote.
    pub old: Option<&'a Manifest>,
    /// Whether a posting whose inputs did not change may be reused unrendered:
    /// the previous export had the same fingerprint (build, themes, settings).
    pub reuse: bool,
    /// The day of the export: the date a posting without one goes up.
    pub today: Date,
    /// The site files this export writes, for their parts per posting.
    pub site: Vec<&'static dyn SiteRenderer>,
    /// Hashes of input files read so far (a company profile is read once).
    pub hashes: Mutex<HashMap<String, Option<String>>>,
    /// Where this run's parts of the site files go, when it writes any.
    pub parts: Option<parts::Writer>,
    /// The previous export's parts file, when it is the one its manifest recorded.
    pub old_parts: Option<parts::Reader>,
}

/// One posting done.
pub struct Done {
    /// Its manifest entry, with its index row.
    pub entry: manifest::Posting,
    /// Whether it got the date of this export as its date posted.
    pub dated: bool,
}

impl Run<'_> {
    /// Exports one posting.
    pub fn posting(&self, job: &Job, progress: &(dyn Fn(Event) + Sync)) -> Result<Done> {
        let key = slash_path(&job.stem);
        let old = self.old.and_then(|m| m.postings.get(&key));
        if let Some(old) = old.filter(|o| self.reuse && self.unchanged(o)) {
            let entry = old.clone();
            return Ok(Done {
                entry,
                dated: false,
            });
        }
        let merged = self.load(job)?;
        let logo = logo_copy(&merged)?;
        let given = merged.posting.posted.as_ref().and_then(|d| d.date);
        let assigned = match (given, self.settings.date) {
            (None, None) => Some(
                old.and_then(|o| parse_date(o.posted.as_deref()))
                    .unwrap_or(self.today),
            ),
            _ => None,
        };
        let date = self.settings.date.or(assigned);
        let site = page_links(
            self.settings,
            &job.stem,
            logo.as_ref().map(|(_, n)| n.as_str()),
        );
        let prepared = Prepared::new(&merged, date, &site);
        let mut row = Row::new(&merged.posting, &job.stem, date);
        let files = self.render(&prepared, &job.stem)?;
        for r in &self.site {
            if let (Some(item), Some(parts)) = (r.item(&prepared, &row, self), &self.parts) {
                let span = parts.append(item?.as_bytes())?;
                row.parts.insert(r.path().to_string(), span);
            }
        }
        if let Some((file, name)) = &logo {
            row.logo_src = url_path(name);
            row.logo = Some((file.display().to_string(), name.clone()));
        }
        let sums = self.stage_files(old, files, progress)?;
        let entry = manifest::Posting {
            source: job.source.display().to_string(),
            inputs: self.inputs(&merged, logo.as_ref().map(|(f, _)| f.as_path())),
            posted: assigned.map(|d| d.to_string()),
            files: sums,
            row,
        };
        Ok(Done {
            dated: assigned.is_some() && old.and_then(|o| o.posted.as_ref()).is_none(),
            entry,
        })
    }

    fn load(&self, job: &Job) -> Result<Merged> {
        let inputs = Inputs {
            file: Some(job.source.clone()),
            company: self.settings.company.clone(),
            locale: self.settings.locale.clone(),
            ..Inputs::default()
        };
        let merged = load::load(self.registry, &inputs)?;
        validate::validate(&merged)?;
        if let Some(cfg) = &self.settings.check {
            lint_errors(&merged, &job.source, cfg)?;
        }
        Ok(merged)
    }

    /// Every format's output, by path, all rendered before any is staged.
    fn render(&self, posting: &Prepared, stem: &Path) -> Result<Vec<(String, Vec<u8>)>> {
        self.settings
            .formats
            .iter()
            .map(|f| {
                let text = f.render(posting, self.templates)?;
                Ok((output_name(stem, f.extension()), text.into_bytes()))
            })
            .collect()
    }

    /// Stages the files whose bytes differ from what is in place; on a failed
    /// write, takes back what this posting staged.
    fn stage_files(
        &self,
        old: Option<&manifest::Posting>,
        files: Vec<(String, Vec<u8>)>,
        progress: &(dyn Fn(Event) + Sync),
    ) -> Result<manifest::FewMap<FileSum>> {
        let mut sums = Vec::new();
        let mut staged: Vec<String> = Vec::new();
        for (rel, bytes) in files {
            let sum = FileSum::of(&bytes);
            let same = old.and_then(|o| o.files.get(&rel)) == Some(&sum)
                && sum.in_place(&self.settings.out.join(&rel));
            if !same {
                if let Err(e) = self.stage.write(&rel, &bytes) {
                    staged.iter().for_each(|f| self.stage.discard(f));
                    return Err(e);
                }
                progress(Event::Wrote(&self.settings.out.join(&rel)));
                staged.push(rel.clone());
            }
            sums.push((rel, sum));
        }
        Ok(sums.into_iter().collect())
    }

    /// Whether nothing `old` was made from changed and its files are in place.
    fn unchanged(&self, old: &manifest::Posting) -> bool {
        self.parts_kept(old)
            && old
                .inputs
                .iter()
                .all(|(path, hash)| self.hash_of(path).as_deref() == Some(hash.as_str()))
            && old
                .files
                .iter()
                .all(|(rel, sum)| sum.in_place(&self.settings.out.join(rel)))
    }

    /// Whether the previous export kept every part this one writes for `old`,
    /// in a parts file that is still there as it was.
    fn parts_kept(&self, old: &manifest::Posting) -> bool {
        let wanted = self.site.iter().filter(|r| r.has_parts());
        let mut wanted = wanted.map(|r| old.row.parts.contains_key(r.path()));
        match self.old_parts {
            Some(_) => wanted.all(|kept| kept),
            None => wanted.next().is_none(),
        }
    }

    /// Writes the parts file into the stage from this run's parts and the
    /// ones reused from the previous export, pointing `new`'s rows at them.
    /// Returns the file to read the parts from, and its sum.
    pub fn finish_parts(&self, new: &mut Manifest) -> Result<Option<(parts::Reader, FileSum)>> {
        let Some(spool) = &self.parts else {
            return Ok(None);
        };
        let to = self.stage.dir().join(parts::FILE);
        let done = spool.finish(new, self.old_parts.as_ref(), &to)?;
        self.stage.adopt(parts::FILE);
        Ok(Some(done))
    }

    /// The files the merge read (posting, includes, company profile) and the
    /// logo, with the hash of each.
    fn inputs(&self, merged: &Merged, logo: Option<&Path>) -> manifest::FewMap<String> {
        let files = merged.layers.iter().map(|l| l.to_string());
        let logo = logo.map(|l| l.display().to_string());
        files
            .chain(logo)
            .filter_map(|p| Some((p.clone(), self.hash_of(&p)?)))
            .collect()
    }

    /// The hash of the file at `path`, read once per run; `None` when it is
    /// not a readable file (a layer named after a flag or a preset).
    fn hash_of(&self, path: &str) -> Option<String> {
        if let Some(h) = self.hashes.lock().expect("hash cache").get(path) {
            return h.clone();
        }
        let p = Path::new(path);
        let hash = p
            .is_file()
            .then(|| std::fs::read(p).ok())
            .flatten()
            .map(|b| manifest::hash(&b));
        self.hashes
            .lock()
            .expect("hash cache")
            .insert(path.to_string(), hash.clone());
        hash
    }
}

fn parse_date(s: Option<&str>) -> Option<Date> {
    s?.parse::<toml::value::Datetime>().ok()?.date
}

/// The page's links: back to the careers page, its canonical URL, its logo copy.
pub fn page_links(s: &Settings, stem: &Path, logo: Option<&str>) -> Site {
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
fn logo_copy(merged: &Merged) -> Result<Option<(std::path::PathBuf, String)>> {
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
    let hash = &manifest::hash(&bytes)[..8];
    Ok(Some((file, format!("{LOGOS}/{hash}-{name}"))))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::Format;
    use std::path::PathBuf;

    fn settings(base_url: Option<&str>) -> Settings {
        Settings {
            out: PathBuf::from("out"),
            formats: vec![Format::HTML],
            base_url: base_url.map(String::from),
            ..Settings::default()
        }
    }

    #[test]
    fn pages_link_back_up_to_the_index_and_are_absolute_only_with_a_base_url() {
        let nested = page_links(
            &settings(None),
            Path::new("retail/night shift"),
            Some("logos/1-a.png"),
        );
        assert_eq!(nested.links.index, "../index.html");
        assert_eq!(nested.links.canonical, "");
        assert_eq!(nested.logo.as_deref(), Some("../logos/1-a.png"));
        let top = page_links(
            &settings(Some("https://example.com/jobs/")),
            Path::new("retail/night shift"),
            None,
        );
        assert_eq!(
            top.links.canonical,
            "https://example.com/jobs/retail/night%20shift.html"
        );
        assert_eq!(top.logo, None);
    }
}
