//! Finding what to export: posting files in the inputs, less partial files,
//! and the checks made before anything is written (two postings on one output,
//! a posting on one of the export's own files).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Deserialize;

use super::Settings;
use crate::error::{Error, Result};

/// One posting file and where its outputs go.
#[derive(Debug)]
pub struct Job {
    /// The posting file.
    pub source: PathBuf,
    /// Output path relative to the output folder, without extension.
    pub stem: PathBuf,
}

/// Every `*.toml` file the inputs name, in input order, folders sorted by name; the
/// lint configuration (`jobpost.toml`) lives beside postings and is not one.
pub fn candidates(inputs: &[PathBuf]) -> Result<Vec<Job>> {
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
pub fn skip_partials(jobs: Vec<Job>, company: Option<&Path>) -> Vec<Job> {
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
    let Ok(text) = std::fs::read_to_string(path) else {
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

/// `stem.ext`, `/`-separated, keeping dots already in the stem.
pub fn output_name(stem: &Path, ext: &str) -> String {
    format!("{}.{ext}", super::row::slash_path(stem))
}

/// Checks that no two postings write the same files and that no posting writes
/// one of the export's own files (`reserved`: the careers page, its data, the
/// sitemap, feeds, the manifest), before anything is written.
pub fn check_outputs(jobs: &[Job], s: &Settings, reserved: &[&str]) -> Result<()> {
    // Every posting writes the same extensions, so outputs clash exactly when stems do.
    let mut owner: HashMap<&Path, &Path> = HashMap::with_capacity(jobs.len());
    for job in jobs {
        if let Some(other) = owner.insert(&job.stem, &job.source) {
            return Err(clash(other, &job.source, &s.out.join(&job.stem)));
        }
        // Only a posting at the top of the output folder can take a site file's name.
        if job.stem.components().count() > 1 && reserved.iter().all(|r| !r.contains('/')) {
            continue;
        }
        for f in &s.formats {
            let name = output_name(&job.stem, f.extension());
            if reserved.contains(&name.as_str()) {
                return Err(Error::Usage(format!(
                    "`{}` would be written to `{}`, which the export writes itself ({}); rename the posting file",
                    job.source.display(),
                    s.out.join(&name).display(),
                    what_writes(&name)
                )));
            }
        }
    }
    Ok(())
}

/// What writes an export's own file, for the error that names it.
fn what_writes(name: &str) -> &'static str {
    match name {
        "index.html" => "the careers page",
        "index.json" => "the careers page's data",
        "sitemap.xml" => "the sitemap",
        super::manifest::FILE => "the export manifest",
        _ => "a feed",
    }
}

fn clash(a: &Path, b: &Path, path: &Path) -> Error {
    Error::Usage(format!(
        "`{}` and `{}` would both be written to `{}.*`; rename one, or export them separately",
        a.display(),
        b.display(),
        path.display()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_names_keep_dots() {
        assert_eq!(output_name(Path::new("a/v1.2"), "html"), "a/v1.2.html");
    }
}
