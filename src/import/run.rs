//! A whole `jobpost import` run: every input read, every posting written (one file
//! per posting under `--out`, or the one posting to `-o` / standard output), and the
//! report of what each input gave. Nothing is written for an input that cannot be
//! read, and no file is replaced without `force`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::error::{EXIT_INPUT, EXIT_PROBLEMS, Error, Result};
use crate::files;
use crate::model::{ListPatch, Posting};
use crate::output::{create_folder, write_atomic};

use super::{Imported, Kind, write};

/// Where the postings go.
#[derive(Debug, Clone)]
pub enum Target {
    /// Standard output (one posting).
    Stdout,
    /// One file (one posting).
    File(PathBuf),
    /// A folder, one file per posting.
    Folder(PathBuf),
}

/// What the command was asked.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Files or folders to read.
    pub inputs: Vec<PathBuf>,
    /// Where to write.
    pub target: Target,
    /// The role preset to start each posting from (checked by the caller).
    pub role: Option<String>,
    /// Replace files that exist.
    pub force: bool,
}

/// One posting in the report.
#[derive(Debug, Clone, Serialize)]
pub struct Written {
    /// The posting's title, when it has one.
    pub title: Option<String>,
    /// The ATS id.
    pub ats_id: Option<String>,
    /// The employer's reference.
    pub reference: Option<String>,
    /// The file written (`None` for standard output or when it was not written).
    pub file: Option<String>,
    /// How many fields the input filled.
    pub fields: usize,
    /// Text with no field of its own and where it went.
    pub catch_all: Vec<String>,
    /// What import was unsure of.
    pub unsure: Vec<String>,
    /// Why the posting was not written.
    pub problem: Option<String>,
    /// The posting file's text, for standard output.
    #[serde(skip)]
    pub text: String,
}

/// One input in the report.
#[derive(Debug, Clone, Serialize)]
pub struct InputReport {
    /// The path as given.
    pub path: String,
    /// What it was read as.
    pub kind: Option<Kind>,
    /// The postings found in it.
    pub postings: Vec<Written>,
    /// Why it could not be read.
    #[serde(skip)]
    pub error: Option<std::sync::Arc<Error>>,
    /// The error as text, for `--format json`.
    pub problem: Option<String>,
}

/// Everything a run did.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Per input, in the order read.
    pub inputs: Vec<InputReport>,
    /// 0 when everything imported, 1 when some input had problems but postings were
    /// written, 2 when nothing could be read.
    pub exit_code: u8,
}

/// The file kinds a folder is searched for.
const EXTENSIONS: &[&str] = &[
    "docx", "doc", "md", "markdown", "html", "htm", "txt", "text", "json", "xml",
];

/// Reads every input and writes its postings.
pub fn run(settings: &Settings) -> Result<Report> {
    let keep = |p: &Path| EXTENSIONS.iter().any(|e| files::has_extension(p, e));
    let found = files::find(&settings.inputs, &keep)?;
    let mut inputs: Vec<InputReport> = found.iter().map(|f| read_one(&f.path, settings)).collect();
    let total: usize = inputs.iter().map(|i| i.postings.len()).sum();
    match &settings.target {
        Target::Folder(dir) if total > 0 => {
            create_folder(dir)?;
            write_folder(&mut inputs, dir, settings.force);
        }
        Target::Folder(_) => {}
        single if total > 1 => {
            let to = match single {
                Target::File(p) => format!("`{}`", p.display()),
                _ => "standard output".to_string(),
            };
            return Err(Error::Usage(format!(
                "the inputs hold {total} postings, but {to} takes one; pass --out DIR to write one file per posting"
            )));
        }
        Target::File(path) => {
            if let Some(w) = inputs.iter_mut().flat_map(|i| i.postings.iter_mut()).next() {
                write_file(w, path, settings.force);
            }
        }
        Target::Stdout => {}
    }
    let exit_code = exit_code(&inputs);
    Ok(Report { inputs, exit_code })
}

fn read_one(path: &Path, settings: &Settings) -> InputReport {
    let name = path.display().to_string();
    match super::read(path) {
        Ok(found) => InputReport {
            kind: Some(found.kind),
            postings: found
                .postings
                .into_iter()
                .map(|mut i| {
                    i.posting.role = settings.role.clone();
                    written(i, &name)
                })
                .collect(),
            path: name,
            error: None,
            problem: None,
        },
        Err(e) => InputReport {
            path: name,
            kind: None,
            postings: Vec::new(),
            problem: Some(e.to_string()),
            error: Some(std::sync::Arc::new(e)),
        },
    }
}

fn written(imported: Imported, source: &str) -> Written {
    let text = write::posting_file(&imported, source);
    // The file must load as a posting; a value the writer got wrong is reported, not
    // written.
    let problem = toml::from_str::<Posting<ListPatch>>(&text)
        .err()
        .map(|e| format!("the posting file would not load: {}", e.message()));
    Written {
        title: imported.posting.title.clone(),
        ats_id: imported.ats_id.clone(),
        reference: imported.posting.reference.clone(),
        file: None,
        fields: count_fields(&imported.posting),
        catch_all: imported.catch_all,
        unsure: imported.unsure,
        problem,
        text,
    }
}

/// The values a posting sets (a list counts once).
pub fn count_fields(p: &Posting) -> usize {
    fn count(v: &toml::Value) -> usize {
        match v {
            toml::Value::Table(t) => t.values().map(count).sum(),
            _ => 1,
        }
    }
    toml::Value::try_from(p).map_or(0, |v| count(&v))
}

fn write_file(w: &mut Written, path: &Path, force: bool) {
    if w.problem.is_some() {
        return;
    }
    match write_atomic(path, w.text.as_bytes(), force) {
        Ok(()) => w.file = Some(path.display().to_string()),
        Err(e) => w.problem = Some(e.to_string()),
    }
}

fn write_folder(inputs: &mut [InputReport], dir: &Path, force: bool) {
    let mut taken = BTreeSet::new();
    for w in inputs.iter_mut().flat_map(|i| i.postings.iter_mut()) {
        let name = file_name(w, &mut taken);
        write_file(w, &dir.join(name), force);
    }
}

/// `title-reference.toml` in lower-case ASCII words; a second posting with the same
/// name gets `-2`, and so on.
fn file_name(w: &Written, taken: &mut BTreeSet<String>) -> String {
    let title = w.title.as_deref().unwrap_or("posting");
    let reference = w.reference.as_deref().or(w.ats_id.as_deref());
    let base = [Some(title), reference]
        .iter()
        .flatten()
        .map(|s| slug(s))
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let base = if base.is_empty() {
        "posting".to_string()
    } else {
        base
    };
    let mut name = format!("{base}.toml");
    let mut n = 2;
    while !taken.insert(name.clone()) {
        name = format!("{base}-{n}.toml");
        n += 1;
    }
    name
}

fn slug(text: &str) -> String {
    let words: Vec<String> = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    words
        .join("-")
        .chars()
        .take(60)
        .collect::<String>()
        .trim_end_matches('-')
        .to_string()
}

fn exit_code(inputs: &[InputReport]) -> u8 {
    let postings = || inputs.iter().flat_map(|i| i.postings.iter());
    let bad = inputs.iter().any(|i| i.error.is_some()) || postings().any(|w| w.problem.is_some());
    let good = postings().any(|w| w.problem.is_none());
    match (good, bad) {
        (false, _) => EXIT_INPUT,
        (true, true) => EXIT_PROBLEMS,
        (true, false) => 0,
    }
}
