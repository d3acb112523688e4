//! Input files: reading one as text (refusing folders, binary files, huge
//! files and bad UTF-8), finding the files named and, below named folders, every
//! file a command reads, sorted by name so runs are deterministic, and telling
//! partial postings apart. Shared by `load`, `preset`, `render`, `export` and
//! `lint`, so none of them needs another for its files.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::{Error, Problem, Result};
use crate::layer;

mod logo;
mod root;
pub use logo::{MAX_LOGO_BYTES, check_logo, sanitise_svg};
pub use root::{Outside, Root};

/// The project file whose folder is the project root (and which holds `[lint]`).
pub const PROJECT_FILE: &str = "jobpost.toml";

/// The largest posting file we read; anything bigger is not a posting.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// A first line that marks a TOML file in an input folder as a partial posting
/// (shared values for `include`), not a posting to export or lint.
pub const PARTIAL_MARKER: &str = "# jobpost: partial";

/// True when a TOML text's first line is [`PARTIAL_MARKER`].
pub fn is_marked_partial(text: &str) -> bool {
    text.lines()
        .next()
        .is_some_and(|l| l.trim() == PARTIAL_MARKER)
}

/// True when the regular file at `path` starts with [`PARTIAL_MARKER`]. Only
/// its first line is read, and at most a few hundred bytes of it, so a FIFO, a
/// device or a file without line ends cannot hang or fill memory.
pub fn marked_partial(path: &Path) -> bool {
    use std::io::BufRead;
    if !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
        return false;
    }
    let mut first = String::new();
    std::fs::File::open(path)
        .map(|f| std::io::BufReader::new(f.take(256)))
        .and_then(|mut r| r.read_line(&mut first))
        .is_ok_and(|_| is_marked_partial(&first))
}

/// Reads a text file, refusing folders, FIFOs, devices, sockets, binary files,
/// huge files and bad UTF-8.
pub fn read_text(path: &Path) -> Result<String> {
    let meta = regular_file(path, "a TOML file")?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_big(path, Some(meta.len())));
    }
    // Read at most one byte past the limit: a device or a pipe reports no size
    // and could otherwise be read forever.
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| Error::io("read", path, e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_big(path, None));
    }
    decode(path, bytes)
}

/// The metadata of `path` (through links) when it is a regular file; a folder,
/// FIFO, device or socket is refused by its type before it is opened, since
/// opening a FIFO blocks until someone writes to it and a device never ends.
/// `expected` says what should be there, for the message. Export and import call
/// this for every file they take from a folder.
pub fn regular_file(path: &Path, expected: &str) -> Result<std::fs::Metadata> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io("read", path, e))?;
    if meta.is_file() {
        return Ok(meta);
    }
    let problem = Problem::new(crate::error::Origin::file(path.display()), file_kind(&meta));
    Err(Error::from(problem.expected(expected.to_string())))
}

/// What a file that is not a regular file is, in words.
fn file_kind(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "is a named pipe (FIFO), not a file";
        } else if t.is_socket() {
            return "is a socket, not a file";
        } else if t.is_block_device() || t.is_char_device() {
            return "is a device, not a file";
        }
    }
    match meta.is_dir() {
        true => "is a folder",
        false => "is not a regular file",
    }
}

/// `size` is `None` for a stream with no known length.
fn too_big(path: &Path, size: Option<u64>) -> Error {
    const MIB: u64 = 1024 * 1024;
    let limit = MAX_FILE_BYTES / MIB;
    let size = size.map_or(format!("more than {limit} MiB"), |s| {
        format!("{:.1} MiB", s as f64 / MIB as f64)
    });
    let message = format!("is too large for jobpost to read ({size})");
    let problem = Problem::new(crate::error::Origin::file(path.display()), message);
    Error::from(problem.expected(format!("a TOML file of at most {limit} MiB")))
}

fn decode(path: &Path, bytes: Vec<u8>) -> Result<String> {
    let name = path.display().to_string();
    if bytes.contains(&0) {
        let message = "looks like a binary file (it contains NUL bytes)";
        let problem = Problem::new(crate::error::Origin::file(&name), message);
        return Err(Error::from(problem.expected("UTF-8 TOML text")));
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let text = String::from_utf8_lossy(valid);
        let index = layer::LineIndex::new(&text);
        let pos = index.pos(text.len());
        let origin = crate::error::Origin::at(&name, pos);
        // The valid part of the line only: the rest is not text to show.
        let line = index.line_text(pos.line).to_string();
        Error::from(
            Problem::new(origin, "invalid UTF-8; save the file as UTF-8 text").with_line(line),
        )
    })
}

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
            root::trust(input);
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
        if kind.is_symlink() && keep(&path) {
            // A link among the postings must not publish or print a file from
            // outside the project (`postings/x.md -> ~/.aws/credentials`).
            let name = entry.file_name().to_string_lossy().into_owned();
            Root::of(root).check(dir, &name).map_err(|why| {
                let problem =
                    Problem::new(crate::error::Origin::file(path.display()), why.message());
                Error::from(problem.expected(Outside::EXPECTED))
            })?;
        }
        if kind.is_dir() {
            walk(root, &path, keep, out)?;
        } else if keep(&path) {
            // A FIFO or a link to a device is kept too: reading it refuses it
            // by type, so the run names it instead of skipping it silently.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_bytes_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let bin = dir.path().join("x.toml");
        std::fs::write(&bin, b"title = \"a\0b\"").unwrap();
        assert!(
            read_text(&bin)
                .unwrap_err()
                .to_string()
                .contains("binary file")
        );
        std::fs::write(&bin, b"title = \"caf\xe9\"\n").unwrap();
        assert!(
            read_text(&bin)
                .unwrap_err()
                .to_string()
                .ends_with("x.toml:1:13: invalid UTF-8; save the file as UTF-8 text")
        );
    }
}
