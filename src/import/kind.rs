//! Which kind of input a file is, from its extension and its first bytes, and reading
//! it safely: text through [`crate::files::read_text`] (size, binary and UTF-8 checks),
//! a Word document as bytes under its own size limit. Old binary Word files, empty
//! files and files too large to be a posting are refused with the file named.

use std::io::Read;
use std::path::Path;

use serde::Serialize;

use crate::error::{Error, Origin, Problem, Result};
use crate::files;

/// The largest `.docx` read: Word files carry images, so they may be larger than a
/// text posting, but anything this size is not a job description.
pub const MAX_DOCX_BYTES: u64 = 16 * 1024 * 1024;

/// The kinds of input import reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A Word `.docx` document.
    Docx,
    /// Markdown, with or without front matter.
    Markdown,
    /// An HTML page or fragment.
    Html,
    /// Plain text.
    Text,
    /// Greenhouse job board JSON (`{"jobs": [...]}`).
    Greenhouse,
    /// Lever postings JSON (a list of postings).
    Lever,
    /// Workable jobs JSON.
    Workable,
    /// Personio's XML feed (`workzag-jobs`).
    Personio,
}

/// A file's content, as the kind needs it.
#[derive(Debug)]
pub enum Data {
    /// Text inputs.
    Text(String),
    /// A Word document's bytes.
    Bytes(Vec<u8>),
}

/// A file read and its kind.
#[derive(Debug)]
pub struct Input {
    /// What the file is.
    pub kind: Kind,
    /// Its content.
    pub data: Data,
}

/// The start of every zip file (a `.docx` is one).
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
/// The start of an OLE compound file: an old `.doc`, or a password-protected `.docx`.
const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Reads `path` and tells its kind.
pub fn load(path: &Path) -> Result<Input> {
    let name = path.display().to_string();
    let head = first_bytes(path)?;
    if head.starts_with(OLE_MAGIC) {
        return Err(ole_error(path, &name));
    }
    if files::has_extension(path, "doc") {
        return Err(old_word(&name));
    }
    if head.starts_with(ZIP_MAGIC) || files::has_extension(path, "docx") {
        let bytes = read_bytes(path, &name)?;
        if bytes.is_empty() {
            return Err(empty(&name, "no bytes"));
        }
        return Ok(Input {
            kind: Kind::Docx,
            data: Data::Bytes(bytes),
        });
    }
    let text = files::read_text(path)?;
    let kind = of_text(path, &text);
    Ok(Input {
        kind,
        data: Data::Text(text),
    })
}

/// The kind of a text input: the extension, else what the text starts with.
fn of_text(path: &Path, text: &str) -> Kind {
    let start = text.trim_start_matches('\u{feff}').trim_start();
    let ext = |e| files::has_extension(path, e);
    if ext("json") || start.starts_with('{') || start.starts_with('[') {
        return json_kind(start);
    }
    if ext("xml") || start.contains("<workzag-jobs") {
        return Kind::Personio;
    }
    if ext("md") || ext("markdown") {
        Kind::Markdown
    } else if ext("html") || ext("htm") || start.starts_with('<') {
        Kind::Html
    } else {
        Kind::Text
    }
}

/// Which ATS wrote a JSON export, from the keys its postings have.
fn json_kind(text: &str) -> Kind {
    let has = |key: &str| text.contains(&format!("\"{key}\""));
    if has("shortcode") || has("application_url") {
        Kind::Workable
    } else if has("categories") || has("descriptionPlain") || has("hostedUrl") {
        Kind::Lever
    } else {
        Kind::Greenhouse
    }
}

fn first_bytes(path: &Path) -> Result<Vec<u8>> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io("read", path, e))?;
    if meta.is_dir() {
        let problem = Problem::new(Origin::file(path.display()), "is a folder");
        return Err(Error::from(problem.expected("a posting file")));
    }
    let mut head = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(8).read_to_end(&mut head))
        .map_err(|e| Error::io("read", path, e))?;
    Ok(head)
}

fn read_bytes(path: &Path, name: &str) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    // One byte past the limit tells a file that is too large without reading it all.
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_DOCX_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| Error::io("read", path, e))?;
    if bytes.len() as u64 > MAX_DOCX_BYTES {
        let limit = MAX_DOCX_BYTES / (1024 * 1024);
        let problem = Problem::new(
            Origin::file(name),
            format!("is too large to be a job description (more than {limit} MiB)"),
        );
        return Err(Error::from(
            problem.expected(format!("a .docx of at most {limit} MiB")),
        ));
    }
    Ok(bytes)
}

/// An OLE file is an old `.doc`, or a `.docx` Word encrypted with a password (its
/// streams are named in UTF-16, among them `EncryptedPackage`).
fn ole_error(path: &Path, name: &str) -> Error {
    let marker: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    let bytes = read_bytes(path, name).unwrap_or_default();
    if bytes.windows(marker.len()).any(|w| w == marker.as_slice()) {
        let problem = Problem::new(
            Origin::file(name),
            "is a password-protected Word document; open it in Word, remove the password \
             and save it again",
        );
        return Error::from(problem.expected("a .docx without a password"));
    }
    old_word(name)
}

fn old_word(name: &str) -> Error {
    let problem = Problem::new(
        Origin::file(name),
        "is an old binary Word document (.doc), which import cannot read; open it in \
         Word and save it as a .docx (Word Document)",
    );
    Error::from(problem.expected("a .docx, Markdown, HTML or text file"))
}

/// An input with nothing to import.
pub fn empty(name: &str, what: &str) -> Error {
    let problem = Problem::new(Origin::file(name), format!("has {what} to import"));
    Error::from(problem.expected("a job posting"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file of `len` bytes (sparse, so the test writes almost nothing).
    fn sized(dir: &Path, name: &str, head: &[u8], len: u64) -> std::path::PathBuf {
        let path = dir.join(name);
        let mut f = std::fs::File::create(&path).unwrap();
        std::io::Write::write_all(&mut f, head).unwrap();
        f.set_len(len).unwrap();
        path
    }

    #[test]
    fn fifty_megabyte_inputs_are_refused_with_the_file_named() {
        let dir = tempfile::tempdir().unwrap();
        let big = 50 * 1024 * 1024;
        let docx = sized(dir.path(), "big.docx", ZIP_MAGIC, big);
        let err = load(&docx).unwrap_err().to_string();
        assert!(
            err.contains("big.docx") && err.contains("too large"),
            "{err}"
        );
        let md = sized(dir.path(), "big.md", b"# Title\n", big);
        let err = load(&md).unwrap_err().to_string();
        assert!(err.contains("too large"), "{err}");
    }

    #[test]
    fn kinds_from_extension_and_content() {
        let p = Path::new("x.txt");
        assert_eq!(of_text(p, "{\"jobs\": []}"), Kind::Greenhouse);
        assert_eq!(
            of_text(p, "[{\"text\": \"a\", \"categories\": {}}]"),
            Kind::Lever
        );
        assert_eq!(
            of_text(p, "{\"jobs\": [{\"shortcode\": \"A\"}]}"),
            Kind::Workable
        );
        assert_eq!(
            of_text(p, "<?xml version=\"1.0\"?><workzag-jobs/>"),
            Kind::Personio
        );
        assert_eq!(of_text(p, "<p>Cook</p>"), Kind::Html);
        assert_eq!(of_text(Path::new("a.md"), "# Cook"), Kind::Markdown);
        assert_eq!(of_text(p, "Cook\n\nDuties:"), Kind::Text);
    }
}
