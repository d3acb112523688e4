//! The staging folder: every file an export writes goes here first, and is put
//! in place only when the run ends, so the output folder holds each file
//! complete or not at all, whatever kills the process.
//!
//! A cold export (an output folder that is missing or empty) stages in a hidden
//! folder beside it and renames that one folder into place: one rename for the
//! whole export instead of a temporary file and a rename per output file, which
//! was most of an export's cost (see BENCHMARKS.md). An export into a folder
//! that already holds files stages inside it (`.jobpost-stage/`) and renames
//! each changed file into place. A stage left by a killed run is removed by the
//! next one; it never holds the only copy of anything.

use std::collections::HashSet;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::manifest::{FileSum, Summing};
use crate::error::{Error, Result};

/// The staging folder's name inside an output folder that already holds files.
pub const INNER: &str = ".jobpost-stage";

/// Files written so far, waiting to be put in place.
#[derive(Debug)]
pub struct Stage {
    dir: PathBuf,
    out: PathBuf,
    /// The whole stage becomes the output folder (a cold export).
    whole: bool,
    made: Mutex<HashSet<PathBuf>>,
    files: Mutex<Vec<String>>,
}

impl Stage {
    /// A stage for exporting into `out`, with any stage a killed run left removed.
    pub fn new(out: &Path) -> Result<Stage> {
        remove_stale(out)?;
        let whole = is_empty_or_missing(out);
        let dir = match (whole, beside(out)) {
            (true, Some(dir)) if std::fs::create_dir(&dir).is_ok() => dir,
            _ => {
                crate::output::create_folder(out)?;
                let dir = out.join(INNER);
                std::fs::create_dir(&dir).map_err(|e| Error::io("create", &dir, e))?;
                dir
            }
        };
        let whole = whole && dir.parent() != Some(out);
        Ok(Stage {
            dir,
            out: out.to_path_buf(),
            whole,
            made: Mutex::new(HashSet::new()),
            files: Mutex::new(Vec::new()),
        })
    }

    /// Writes `rel` (a `/`-separated path below the output folder) in the stage.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> Result<()> {
        self.write_with(rel, |w| w.write_all(bytes))
    }

    /// Like [`Stage::write`], with the contents written by `fill`.
    pub fn write_with(
        &self,
        rel: &str,
        fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> Result<()> {
        let (mut file, shown) = self.create(rel)?;
        fill(&mut file).map_err(|e| Error::io("write", &shown, e))?;
        self.adopt(rel);
        Ok(())
    }

    /// Like [`Stage::write_with`], for a file of any size: `fill` writes through
    /// a buffer and the bytes are hashed on the way. Returns their sum.
    pub fn write_summed(
        &self,
        rel: &str,
        fill: impl FnOnce(&mut dyn Write) -> Result<()>,
    ) -> Result<FileSum> {
        let (file, shown) = self.create(rel)?;
        let mut w = Summing::new(BufWriter::new(file));
        fill(&mut w)?;
        w.flush().map_err(|e| Error::io("write", &shown, e))?;
        self.adopt(rel);
        Ok(w.sum())
    }

    /// Creates `rel` in the stage, its folders too; returns it and the path it will
    /// have in the output folder, which errors name.
    fn create(&self, rel: &str) -> Result<(File, PathBuf)> {
        let path = self.dir.join(rel);
        self.make_parent(&path, rel)?;
        let shown = self.out.join(rel);
        let file = File::create(&path).map_err(|e| Error::io("write", &shown, e))?;
        Ok((file, shown))
    }

    /// The staging folder, for a file written there by other means and then
    /// registered with [`Stage::adopt`].
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Registers `rel`, written into [`Stage::dir`] directly, to be put in place.
    pub fn adopt(&self, rel: &str) {
        self.files.lock().expect("stage list").push(rel.to_string());
    }

    /// Forgets a staged file (its bytes turned out to equal the file in place).
    pub fn discard(&self, rel: &str) {
        let _ = std::fs::remove_file(self.dir.join(rel));
        self.files.lock().expect("stage list").retain(|f| f != rel);
    }

    fn make_parent(&self, path: &Path, rel: &str) -> Result<()> {
        let Some(parent) = path.parent() else {
            return Ok(());
        };
        if self.made.lock().expect("stage folders").contains(parent) {
            return Ok(());
        }
        std::fs::create_dir_all(parent).map_err(|e| {
            let shown = self.out.join(rel);
            Error::io("create the folder of", &shown, e)
        })?;
        self.made
            .lock()
            .expect("stage folders")
            .insert(parent.to_path_buf());
        Ok(())
    }

    /// Puts every staged file in place and removes the stage. Returns how many
    /// files were put in place.
    pub fn commit(self) -> Result<usize> {
        let files = std::mem::take(&mut *self.files.lock().expect("stage list"));
        // When something appeared in the output folder meanwhile: file by file.
        if self.whole && is_empty_or_missing(&self.out) {
            let _ = std::fs::remove_dir(&self.out);
            std::fs::rename(&self.dir, &self.out)
                .map_err(|e| Error::io("move the export into", &self.out, e))?;
            return Ok(files.len());
        }
        for rel in &files {
            let (from, to) = (self.dir.join(rel), self.out.join(rel));
            if let Some(parent) = to.parent() {
                crate::output::create_folder(parent)?;
            }
            std::fs::rename(&from, &to).map_err(|e| Error::io("write", &to, e))?;
        }
        remove_tree(&self.dir)?;
        Ok(files.len())
    }

    /// Removes the stage and everything in it: nothing reaches the output folder.
    pub fn abandon(self) {}
}

/// A stage not committed (a failed site file, an abandoned run) is removed, so
/// nothing half done stays beside or inside the output folder.
impl Drop for Stage {
    fn drop(&mut self) {
        let _ = remove_tree(&self.dir);
    }
}

/// `.site.jobpost-stage`, beside `out`, when `out` has a parent we can name.
fn beside(out: &Path) -> Option<PathBuf> {
    let abs = std::path::absolute(out).ok()?;
    let name = abs.file_name()?.to_string_lossy().into_owned();
    Some(abs.parent()?.join(format!(".{name}.jobpost-stage")))
}

/// Removes the stages a killed run left, beside `out` and inside it.
fn remove_stale(out: &Path) -> Result<()> {
    for dir in beside(out).into_iter().chain([out.join(INNER)]) {
        if dir.is_dir() {
            remove_tree(&dir)?;
        }
    }
    Ok(())
}

fn remove_tree(dir: &Path) -> Result<()> {
    match std::fs::remove_dir_all(dir) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(Error::io("remove the staging folder", dir, e))
        }
        _ => Ok(()),
    }
}

/// Whether `dir` holds nothing (or is not there yet).
pub fn is_empty_or_missing(dir: &Path) -> bool {
    match std::fs::read_dir(dir) {
        Ok(mut entries) => entries.next().is_none(),
        Err(e) => e.kind() == std::io::ErrorKind::NotFound,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cold_export_moves_its_stage_into_place_whole() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("site");
        let stage = Stage::new(&out).unwrap();
        assert!(!out.exists(), "nothing is in place before the commit");
        stage.write("a/b.html", b"<html></html>").unwrap();
        stage.write("index.html", b"i").unwrap();
        stage.write("gone.md", b"x").unwrap();
        stage.discard("gone.md");
        assert_eq!(stage.commit().unwrap(), 2);
        assert_eq!(
            std::fs::read(out.join("a/b.html")).unwrap(),
            b"<html></html>"
        );
        assert!(!out.join("gone.md").exists());
        let left: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "the stage is gone");
    }

    #[test]
    fn an_export_into_a_folder_with_files_puts_each_file_in_place() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("site");
        std::fs::create_dir_all(out.join(INNER)).unwrap(); // a killed run's stage
        std::fs::write(out.join("CNAME"), "jobs.example.com").unwrap();
        let stage = Stage::new(&out).unwrap();
        stage.write("x/y.md", b"y").unwrap();
        assert!(!out.join("x/y.md").exists());
        stage.commit().unwrap();
        assert_eq!(std::fs::read(out.join("x/y.md")).unwrap(), b"y");
        assert_eq!(
            std::fs::read(out.join("CNAME")).unwrap(),
            b"jobs.example.com"
        );
        assert!(!out.join(INNER).exists());
    }

    #[test]
    fn an_abandoned_stage_writes_nothing() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("site");
        let stage = Stage::new(&out).unwrap();
        stage.write("a.md", b"a").unwrap();
        stage.abandon();
        assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 0);
    }
}
