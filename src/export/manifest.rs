//! The export manifest: what an export wrote, so the next export into the same
//! folder writes only what changed, removes only what it wrote, and needs no
//! `--force` over its own output.
//!
//! "Changed" is decided twice. A posting whose input files (the posting, its
//! includes, the company profile, its logo) hash as they did, under the same
//! fingerprint (the program build, the `--templates` and `--roles` folders, the
//! settings that shape output), is not rendered again at all: its index row
//! comes from here. Any other posting is rendered, and each output is written
//! only when the hash of its bytes differs from the one recorded (or the file
//! in place is missing or has another size), so a static host sees new
//! timestamps only on files whose content changed.
//!
//! The manifest itself holds no clock reading and no machine path beyond what
//! the command line named, so two exports of the same inputs write the same one.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::row::Row;
use crate::error::{Error, Origin, Problem, Result};

/// The manifest's file name in the output folder.
pub const FILE: &str = ".jobpost-manifest.json";

/// What one export wrote.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Manifest {
    /// Hash of what every output depends on besides its own inputs.
    pub fingerprint: String,
    /// Each exported posting, by its output path without extension.
    pub postings: BTreeMap<String, Posting>,
    /// Files made from every posting (careers page, data, sitemap, feeds),
    /// copied logos, and the parts file ([`super::parts`]), by path.
    pub site: BTreeMap<String, FileSum>,
}

/// One exported posting.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Posting {
    /// The posting file as the command line reached it.
    pub source: String,
    /// Every file its merge read, with the hash of its bytes.
    pub inputs: FewMap<String>,
    /// The date given at its first export to a posting that named none: later
    /// exports keep it, so the date a job went up does not move.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub posted: Option<String>,
    /// Its output files, by path.
    pub files: FewMap<FileSum>,
    /// What the careers page and the site files show of it.
    pub row: Row,
}

/// A map of a few entries (a posting's inputs, its output files), kept as a vector
/// sorted by key and written as a JSON object. A `BTreeMap` takes a node of about
/// 0.6 KB for its first entry: for the two maps of each of 10,000 postings, over a
/// fifth of an export's peak memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FewMap<V>(Vec<(String, V)>);

impl<V> Default for FewMap<V> {
    fn default() -> Self {
        FewMap(Vec::new())
    }
}

impl<V> FewMap<V> {
    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&V> {
        let i = self.0.binary_search_by(|(k, _)| k.as_str().cmp(key)).ok()?;
        Some(&self.0[i].1)
    }

    /// The entries in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &V)> {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

impl<V> FromIterator<(String, V)> for FewMap<V> {
    /// As a map collects: sorted by key, the last value of a key kept.
    fn from_iter<I: IntoIterator<Item = (String, V)>>(entries: I) -> Self {
        let mut v: Vec<(String, V)> = entries.into_iter().collect();
        v.reverse();
        // Stable: of equal keys the last given comes first, and dedup keeps it.
        v.sort_by(|a, b| a.0.cmp(&b.0));
        v.dedup_by(|later, kept| later.0 == kept.0);
        v.shrink_to_fit();
        FewMap(v)
    }
}

impl<V: Serialize> Serialize for FewMap<V> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for FewMap<V> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let map = BTreeMap::<String, V>::deserialize(d)?;
        Ok(map.into_iter().collect())
    }
}

/// An output file as written: the hash of its bytes and its size.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileSum {
    /// 128-bit xxh3 of the bytes, in hex.
    pub hash: String,
    /// Bytes.
    pub size: u64,
}

impl FileSum {
    /// The sum of `bytes`.
    pub fn of(bytes: &[u8]) -> FileSum {
        FileSum::from_hash(xxhash_rust::xxh3::xxh3_128(bytes), bytes.len() as u64)
    }

    /// The sum of `size` bytes whose 128-bit xxh3 is `hash`.
    pub fn from_hash(hash: u128, size: u64) -> FileSum {
        FileSum {
            hash: format!("{hash:032x}"),
            size,
        }
    }

    /// Whether `path` still looks like the file recorded: there, a plain file,
    /// of the recorded size. (Reading every file back would cost as much as
    /// writing it; a hand edit that keeps the size is caught by `--force`.)
    pub fn in_place(&self, path: &Path) -> bool {
        std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file() && m.len() == self.size)
    }
}

/// A writer that hashes what goes through it, for the sum of a file written (or
/// read) in pieces.
pub struct Summing<W> {
    w: W,
    hasher: xxhash_rust::xxh3::Xxh3,
    size: u64,
}

impl<W: Write> Summing<W> {
    /// Hashes what is written to `w`.
    pub fn new(w: W) -> Summing<W> {
        Summing {
            w,
            hasher: xxhash_rust::xxh3::Xxh3::new(),
            size: 0,
        }
    }

    /// How many bytes have gone through.
    pub fn size(&self) -> u64 {
        self.size
    }

    /// The sum of the bytes so far.
    pub fn sum(&self) -> FileSum {
        FileSum::from_hash(self.hasher.digest128(), self.size)
    }
}

impl<W: Write> Write for Summing<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.w.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.size += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.w.flush()
    }
}

/// The 128-bit xxh3 of `bytes`, in hex: fast enough to hash every output.
pub fn hash(bytes: &[u8]) -> String {
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(bytes))
}

impl Manifest {
    /// The manifest in `out`, or `None` when there is none.
    pub fn read(out: &Path) -> Result<Option<Manifest>> {
        let path = out.join(FILE);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) if e.kind() == std::io::ErrorKind::NotADirectory => return Ok(None),
            Err(e) => return Err(Error::io("read", &path, e)),
        };
        serde_json::from_str(&text).map(Some).map_err(|e| {
            let pos = crate::error::Pos {
                line: e.line(),
                col: e.column(),
            };
            let origin = Origin::at(path.display(), pos);
            let problem = Problem::new(origin, format!("is not an export manifest: {e}"))
                .expected("the file an earlier `jobpost export` wrote; delete it, or export with --force to write everything again");
            Error::from(problem)
        })
    }

    /// Writes the manifest into `out`.
    /// Streamed: for a large export it is tens of MB.
    pub fn write(&self, out: &Path) -> Result<()> {
        let path = out.join(FILE);
        crate::output::write_atomic_with(&path, true, |w| {
            let mut w = std::io::BufWriter::new(w);
            serde_json::to_writer_pretty(&mut w, self)
                .map_err(|e| Error::Usage(format!("cannot write the export manifest: {e}")))?;
            w.write_all(b"\n")
                .and_then(|()| w.flush())
                .map_err(|e| Error::io("write", &path, e))
        })
    }

    /// Every file this export wrote, by path.
    pub fn files(&self) -> impl Iterator<Item = (&String, &FileSum)> {
        self.postings
            .values()
            .flat_map(|p| p.files.iter())
            .chain(self.site.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_few_map_is_sorted_keeps_the_last_value_and_reads_as_an_object() {
        let m: FewMap<u32> = [
            ("b".to_string(), 1),
            ("a".to_string(), 2),
            ("b".to_string(), 3),
        ]
        .into_iter()
        .collect();
        assert_eq!(
            m.iter().map(|(k, v)| (k.as_str(), *v)).collect::<Vec<_>>(),
            [("a", 2), ("b", 3)]
        );
        assert_eq!(m.get("b"), Some(&3));
        assert_eq!(m.get("c"), None);
        let json = serde_json::to_string(&m).unwrap();
        assert_eq!(json, r#"{"a":2,"b":3}"#);
        assert_eq!(serde_json::from_str::<FewMap<u32>>(&json).unwrap(), m);
    }

    #[test]
    fn sums_tell_bytes_apart_and_check_the_file_in_place() {
        assert_eq!(hash(b"a"), hash(b"a"));
        assert_ne!(hash(b"a"), hash(b"b"));
        assert_eq!(hash(b"").len(), 32);
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("a.md");
        std::fs::write(&path, "four").unwrap();
        assert!(FileSum::of(b"four").in_place(&path));
        assert!(!FileSum::of(b"three").in_place(&path));
        assert!(!FileSum::of(b"four").in_place(&tmp.path().join("missing")));
    }

    #[test]
    fn a_damaged_manifest_is_an_error_naming_its_place() {
        let tmp = tempfile::tempdir().unwrap();
        assert!(Manifest::read(tmp.path()).unwrap().is_none());
        std::fs::write(tmp.path().join(FILE), "{\n  \"fingerprint\": 3\n}").unwrap();
        let e = Manifest::read(tmp.path()).unwrap_err().to_string();
        assert!(e.contains(".jobpost-manifest.json"), "{e}");
        assert!(e.contains("not an export manifest"), "{e}");
    }
}
