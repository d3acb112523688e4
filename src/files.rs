//! Finding input files: the files named, and below named folders every file a
//! command reads, sorted by name so runs are deterministic. Shared by `export`
//! and `lint`.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// A file to read, with its path relative to the input that named it (for a file
/// named directly, its file name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The path to read.
    pub path: PathBuf,
    /// The path below the input folder, e.g. `retail/cashier.toml`.
    pub rel: PathBuf,
}

/// Files named in `inputs`, and the files below folders that `keep` accepts.
/// Hidden entries (`.git`, editor files) are skipped; links to folders are not
/// followed, so a link cannot loop.
pub fn find(inputs: &[PathBuf], keep: &dyn Fn(&Path) -> bool) -> Result<Vec<Found>> {
    let mut out = Vec::new();
    for input in inputs {
        let meta = std::fs::metadata(input).map_err(|e| Error::io("read", input, e))?;
        if meta.is_dir() {
            walk(input, input, keep, &mut out)?;
        } else {
            let rel = input.file_name().map(PathBuf::from).unwrap_or_default();
            out.push(Found {
                path: input.clone(),
                rel,
            });
        }
    }
    Ok(out)
}

fn walk(root: &Path, dir: &Path, keep: &dyn Fn(&Path) -> bool, out: &mut Vec<Found>) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io("read the folder", dir, e))?;
    let mut entries: Vec<_> = entries.filter_map(|e| e.ok()).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let kind = entry.file_type().map_err(|e| Error::io("read", &path, e))?;
        if kind.is_dir() {
            walk(root, &path, keep, out)?;
        } else if path.is_file() && keep(&path) {
            let rel = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
            out.push(Found { path, rel });
        }
    }
    Ok(())
}

/// True when `path` ends in `.ext` (any case).
pub fn has_extension(path: &Path, ext: &str) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(ext))
}
