//! Each posting's parts of the site files that have one per posting (a feed's
//! `<job>` element), kept in one file beside the manifest, `.jobpost-parts`,
//! instead of in memory and in the manifest: three feeds' parts are about 8 KB
//! a posting, which made an export's memory and manifest grow with the site
//! (see BENCHMARKS.md). A row keeps only where each of its parts lies.
//!
//! Workers append the parts they render to a spool in the stage, in whatever
//! order they finish. When every posting is done, [`Writer::finish`] copies
//! each row's parts, in row order, from the spool (rendered this run) or from
//! the previous export's parts file (reused), into the new parts file, so two
//! exports of the same inputs write the same bytes; the manifest records that
//! file's sum among the site files, and a parts file that does not match it is
//! not read. Every part read is checked against the hash its span keeps: a
//! part that does not check out is dropped from its row, and the posting is
//! rendered again by the next export.

use std::fs::File;
use std::io::{BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_64;

use super::manifest::{FileSum, Manifest, Summing};
use crate::error::{Error, Result};

/// The parts file's name in the output folder.
pub const FILE: &str = ".jobpost-parts";

/// The spool's name in the stage; never put in place.
const SPOOL: &str = ".jobpost-parts.spool";

/// Where one part lies in a parts file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// Byte offset.
    pub at: u64,
    /// Length in bytes.
    pub len: u64,
    /// 64-bit xxh3 of the part's bytes.
    pub hash: u64,
    /// Rendered by this run: the part is in the spool, not the previous file.
    #[serde(skip)]
    pub fresh: bool,
}

/// A parts file to read from (behind a lock: a read is a seek and a read).
#[derive(Debug)]
pub struct Reader {
    file: Mutex<File>,
}

impl Reader {
    /// The parts file at `path`, if it is there.
    pub fn open(path: &Path) -> Option<Reader> {
        File::open(path).ok().map(|file| Reader {
            file: Mutex::new(file),
        })
    }

    /// The previous export's parts file in `out`, when it is the one its
    /// manifest recorded: a file a killed run or a hand left there is not read.
    pub fn previous(out: &Path, old: &Manifest) -> Option<Reader> {
        let sum = old.site.get(FILE)?;
        let path = out.join(FILE);
        let reader = Reader::open(&path)?;
        let size = reader.lock().metadata().ok()?.len();
        (size == sum.size && reader.sum().ok()? == *sum).then_some(reader)
    }

    /// The part at `span`, if its bytes are there and hash as recorded.
    pub fn get(&self, span: &Span) -> Option<Vec<u8>> {
        let mut bytes = vec![0; usize::try_from(span.len).ok()?];
        let mut file = self.lock();
        file.seek(SeekFrom::Start(span.at)).ok()?;
        file.read_exact(&mut bytes).ok()?;
        (xxh3_64(&bytes) == span.hash).then_some(bytes)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, File> {
        self.file.lock().expect("parts file")
    }

    /// The sum of the whole file, read in blocks.
    fn sum(&self) -> std::io::Result<FileSum> {
        let mut file = self.lock();
        file.seek(SeekFrom::Start(0))?;
        let mut sum = Summing::new(std::io::sink());
        std::io::copy(&mut *file, &mut sum)?;
        Ok(sum.sum())
    }
}

/// The spool the workers append to while an export runs.
#[derive(Debug)]
pub struct Writer {
    spool: Mutex<(BufWriter<File>, u64)>,
    path: PathBuf,
}

impl Writer {
    /// A spool in the staging folder `stage_dir`.
    pub fn create(stage_dir: &Path) -> Result<Writer> {
        let path = stage_dir.join(SPOOL);
        let file = File::create(&path).map_err(|e| Error::io("write", &path, e))?;
        Ok(Writer {
            spool: Mutex::new((BufWriter::new(file), 0)),
            path,
        })
    }

    /// Appends a part rendered by this run; returns where it lies.
    pub fn append(&self, bytes: &[u8]) -> Result<Span> {
        let mut spool = self.spool.lock().expect("parts spool");
        let (w, end) = &mut *spool;
        w.write_all(bytes)
            .map_err(|e| Error::io("write", &self.path, e))?;
        let span = Span {
            at: *end,
            len: bytes.len() as u64,
            hash: xxh3_64(bytes),
            fresh: true,
        };
        *end += span.len;
        Ok(span)
    }

    /// Writes the parts file `to`: every row's parts in manifest order, from
    /// the spool or from `old`, with each span moved to its new place. Parts
    /// that cannot be read back are dropped from their rows. Returns the new
    /// file to read from and its sum; the spool is removed.
    pub fn finish(
        &self,
        new: &mut Manifest,
        old: Option<&Reader>,
        to: &Path,
    ) -> Result<(Reader, FileSum)> {
        let mut spool = self.spool.lock().expect("parts spool");
        spool
            .0
            .flush()
            .map_err(|e| Error::io("write", &self.path, e))?;
        let spool = Reader::open(&self.path)
            .ok_or_else(|| Error::io("read", &self.path, std::io::ErrorKind::NotFound.into()))?;
        let file = File::create(to).map_err(|e| Error::io("write", to, e))?;
        let mut out = Summing::new(BufWriter::new(file));
        for posting in new.postings.values_mut() {
            posting.row.parts.retain(|_, span| {
                let from = if span.fresh { Some(&spool) } else { old };
                let Some(bytes) = from.and_then(|r| r.get(span)) else {
                    return false;
                };
                *span = Span {
                    at: out.size(),
                    fresh: false,
                    ..*span
                };
                out.write_all(&bytes).is_ok()
            });
        }
        out.flush().map_err(|e| Error::io("write", to, e))?;
        let _ = std::fs::remove_file(&self.path);
        let sum = out.sum();
        let reader = Reader::open(to)
            .ok_or_else(|| Error::io("read", to, std::io::ErrorKind::NotFound.into()))?;
        Ok((reader, sum))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::manifest;

    #[test]
    fn parts_are_copied_in_row_order_from_spool_and_previous_file() {
        let tmp = tempfile::tempdir().unwrap();
        let old_path = tmp.path().join("old");
        std::fs::write(&old_path, b"xxOLDyy").unwrap();
        let old = Reader::open(&old_path).unwrap();
        let kept = Span {
            at: 2,
            len: 3,
            hash: xxh3_64(b"OLD"),
            fresh: false,
        };
        let spool = Writer::create(tmp.path()).unwrap();
        let b = spool.append(b"second").unwrap();
        let a = spool.append(b"first").unwrap();
        let broken = Span { hash: 1, ..kept };
        let mut new = Manifest::default();
        for (key, span) in [("a", a), ("b", b), ("c", kept), ("d", broken)] {
            let mut posting = manifest::Posting::default();
            posting.row.parts.insert("feed".into(), span);
            new.postings.insert(key.into(), posting);
        }
        let to = tmp.path().join(FILE);
        let (reader, sum) = spool.finish(&mut new, Some(&old), &to).unwrap();
        assert_eq!(std::fs::read(&to).unwrap(), b"firstsecondOLD");
        assert_eq!(sum, FileSum::of(b"firstsecondOLD"));
        let span = new.postings["b"].row.parts["feed"];
        assert_eq!(reader.get(&span).unwrap(), b"second");
        assert!(
            new.postings["d"].row.parts.is_empty(),
            "a bad part is dropped"
        );
        assert!(!tmp.path().join(SPOOL).exists());
    }
}
