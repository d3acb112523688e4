//! Writing results: standard output, or files written atomically (a temporary
//! file in the same folder, then a rename), never over an existing file
//! without `--force`.

use std::io::Write;
use std::path::Path;

use crate::error::{Error, Origin, Problem, Result};

/// Temporary files are named `.jobpost-XXXXXX.tmp` until they are renamed into place.
pub const TMP_PREFIX: &str = ".jobpost-";
/// See [`TMP_PREFIX`].
pub const TMP_SUFFIX: &str = ".tmp";

/// The operating system's error without the random temporary path tempfile
/// appends to it (" at path …"), which would only confuse a reader.
fn os_error(e: std::io::Error) -> std::io::Error {
    let text = e.to_string();
    match text.split_once(" at path ") {
        Some((reason, _)) if e.raw_os_error().is_none() => {
            std::io::Error::new(e.kind(), reason.to_string())
        }
        _ => e,
    }
}

/// Writes `contents` to `path` atomically; refuses to replace a file unless `force`.
pub fn write_atomic(path: &Path, contents: &[u8], force: bool) -> Result<()> {
    write_atomic_with(path, force, |w| {
        w.write_all(contents)
            .map_err(|e| Error::io("write", path, os_error(e)))
    })
}

/// Like [`write_atomic`], with the contents written by `fill`, so a large file
/// (an export's index) need not be held in memory first.
pub fn write_atomic_with(
    path: &Path,
    force: bool,
    fill: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    if path.is_dir() {
        let problem = Problem::new(Origin::file(path.display()), "is a folder");
        return Err(Error::from(problem.expected("a file name to write")));
    }
    if !force && path.exists() {
        return Err(Error::Exists(path.to_path_buf()));
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        return Err(Error::input(
            Origin::file(path.display()),
            format!(
                "cannot write here: `{}` is not an existing folder; create it first",
                dir.display()
            ),
        ));
    }
    let mut builder = tempfile::Builder::new();
    builder.prefix(TMP_PREFIX).suffix(TMP_SUFFIX);
    // Outputs are published (a web server, a colleague reads them): the usual
    // 0666 less the umask, not the temporary file's private 0600.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut tmp = builder
        .tempfile_in(dir)
        .map_err(|e| Error::io("create a file in", dir, os_error(e)))?;
    // On failure `tmp` is dropped, which deletes it: no partial file stays.
    fill(&mut tmp)?;
    tmp.flush()
        .map_err(|e| Error::io("write", path, os_error(e)))?;
    let persisted = if force {
        tmp.persist(path)
    } else {
        tmp.persist_noclobber(path)
    };
    persisted.map(|_| ()).map_err(|e| match e.error.kind() {
        std::io::ErrorKind::AlreadyExists => Error::Exists(path.to_path_buf()),
        _ => Error::io("write", path, os_error(e.error)),
    })
}

/// Rewrites the existing file at `path` with `contents`, through links: a
/// symbolic link is followed to the file it names, which is replaced
/// atomically; a file with several hard links is rewritten in place, so every
/// name sees the change (a rename would leave the other names on the old text).
/// `lint --fix` writes postings this way.
pub fn rewrite_through_links(path: &Path, contents: &[u8]) -> Result<()> {
    let real = path
        .canonicalize()
        .map_err(|e| Error::io("write", path, e))?;
    if hard_links(&real) > 1 {
        return std::fs::write(&real, contents).map_err(|e| Error::io("write", &real, e));
    }
    write_atomic(&real, contents, true)
}

/// How many names the file has (one where the platform cannot say).
fn hard_links(path: &Path) -> u64 {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(path).map_or(1, |m| m.nlink())
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        1
    }
}

/// Creates `dir` and its parents, naming the part of the path that is a file
/// when one stands in the way.
pub fn create_folder(dir: &Path) -> Result<()> {
    let dir: std::path::PathBuf = dir.components().collect();
    std::fs::create_dir_all(&dir).map_err(|e| match dir.ancestors().find(|a| a.is_file()) {
        Some(file) => Error::from(
            Problem::new(Origin::file(file.display()), "is a file")
                .expected("a folder to write into"),
        ),
        None => Error::io("create", &dir, e),
    })
}

/// Removes the temporary files (`.jobpost-*.tmp`) a killed run left in `dir` and
/// its subfolders, so a rerun leaves only complete files. Links are not followed.
/// Returns how many were removed; a missing `dir` has none.
pub fn remove_stale_temps(dir: &Path) -> Result<usize> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(e) if e.kind() == std::io::ErrorKind::NotADirectory => return Ok(0),
        Err(e) => return Err(Error::io("read the folder", dir, e)),
    };
    let mut removed = 0;
    for entry in entries.filter_map(|e| e.ok()) {
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        match entry.file_type() {
            Ok(t) if t.is_dir() => removed += remove_stale_temps(&path)?,
            Ok(t) if t.is_file() && name.starts_with(TMP_PREFIX) && name.ends_with(TMP_SUFFIX) => {
                std::fs::remove_file(&path).map_err(|e| Error::io("remove", &path, e))?;
                removed += 1;
            }
            _ => {}
        }
    }
    Ok(removed)
}

/// Prints to standard output, treating a closed pipe (`| head`) as success.
pub fn print(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Error::io("write", Path::new("standard output"), e))
        }
        _ => Ok(()),
    }
}

/// `1 posting`, `2 postings`, `2 fixes`: a count with its noun, for summary lines.
pub fn count(n: usize, noun: &str) -> String {
    let es = ["s", "x", "ch", "sh"].iter().any(|e| noun.ends_with(e));
    match (n, es) {
        (1, _) => format!("1 {noun}"),
        (n, true) => format!("{n} {noun}es"),
        (n, false) => format!("{n} {noun}s"),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_take_the_plural_their_noun_needs() {
        assert_eq!(super::count(1, "file"), "1 file");
        assert_eq!(super::count(2, "posting"), "2 postings");
        assert_eq!(super::count(7, "fix"), "7 fixes");
        assert_eq!(super::count(0, "partial file"), "0 partial files");
    }

    use super::*;

    #[test]
    fn refuses_to_overwrite_without_force() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.md");
        write_atomic(&path, b"one", false).unwrap();
        assert!(matches!(
            write_atomic(&path, b"two", false),
            Err(Error::Exists(_))
        ));
        write_atomic(&path, b"three", true).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "three");
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary files left behind");
    }

    #[test]
    fn stale_temporary_files_are_removed_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("retail");
        std::fs::create_dir(&sub).unwrap();
        for name in [".jobpost-a1B2c3.tmp", "keep.html", ".jobpost-notes.txt"] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        std::fs::write(sub.join(".jobpost-x.tmp"), "half").unwrap();
        assert_eq!(remove_stale_temps(dir.path()).unwrap(), 2);
        let mut left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        assert_eq!(left, [".jobpost-notes.txt", "keep.html", "retail"]);
        assert_eq!(remove_stale_temps(&dir.path().join("missing")).unwrap(), 0);
    }

    #[test]
    fn refuses_a_folder() {
        let dir = tempfile::tempdir().unwrap();
        assert!(
            write_atomic(dir.path(), b"x", true)
                .unwrap_err()
                .to_string()
                .contains("is a folder")
        );
    }
}
