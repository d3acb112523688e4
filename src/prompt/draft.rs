//! Drafts: the answers of an unfinished run, kept so `jobpost new --resume`
//! can go on from the first unanswered question.
//!
//! A draft is a posting file (the same layer the finished run would write) with
//! comment lines on top recording which questions were answered and where the
//! posting is to be saved. Comments keep it a valid posting file.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::files::read_text;
use crate::output::write_atomic;

use super::Settings;
use super::state::State;

const ANSWERED: &str = "# answered:";
const SAVE: &str = "# save:";

/// What a draft's comment lines record.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Header {
    /// Steps answered: `role` or field paths.
    pub answered: BTreeSet<String>,
    /// The posting file the run was to write.
    pub save: Option<PathBuf>,
}

/// Reads the header of the draft at `path`.
pub fn read_header(path: &Path) -> Result<Header> {
    parse_header(&read_text(path)?).ok_or_else(|| {
        Error::input(
            crate::error::Origin::file(path.display()),
            "is not a draft of `jobpost new` (it has no `# answered:` line); \
             to start from a posting file, use --from",
        )
    })
}

fn parse_header(text: &str) -> Option<Header> {
    let mut header = None::<Header>;
    let mut save = None;
    for line in text
        .lines()
        .take_while(|l| l.starts_with('#') || l.trim().is_empty())
    {
        if let Some(rest) = line.strip_prefix(ANSWERED) {
            let answered = rest.split_whitespace().map(str::to_string).collect();
            header = Some(Header {
                answered,
                save: None,
            });
        } else if let Some(rest) = line.strip_prefix(SAVE) {
            save = Some(PathBuf::from(rest.trim()));
        }
    }
    header.map(|h| Header { save, ..h })
}

/// The draft's text: the header, then the posting layer.
pub fn text(state: &State, save: &Path, draft: &Path) -> String {
    let answered: Vec<&str> = state.answered.iter().map(String::as_str).collect();
    format!(
        "# A draft of `jobpost new`; continue it with: jobpost new --resume {}\n\
         {ANSWERED} {}\n{SAVE} {}\n\n{}",
        draft.display(),
        answered.join(" "),
        save.display(),
        state.text()
    )
}

/// `posting.draft.toml` beside `posting.toml`, or the next free name; the draft
/// being continued is written over.
pub fn path_for(settings: &Settings) -> PathBuf {
    if let Some(resumed) = &settings.resume {
        return resumed.clone();
    }
    let stem = settings
        .save
        .file_stem()
        .unwrap_or_default()
        .to_string_lossy();
    let first = settings.save.with_file_name(format!("{stem}.draft.toml"));
    if !first.exists() {
        return first;
    }
    super::finish::next_free(&first)
}

/// Saves the draft beside the posting, else in the temporary folder; returns its path.
pub fn save(state: &State, settings: &Settings) -> Result<PathBuf> {
    let path = path_for(settings);
    let overwrite = settings.resume.is_some();
    match write_atomic(
        &path,
        text(state, &settings.save, &path).as_bytes(),
        overwrite,
    ) {
        Ok(()) => Ok(path),
        Err(first) => {
            let name = path.file_name().unwrap_or_default();
            let fallback = std::env::temp_dir().join(name);
            let fallback = if fallback.exists() {
                super::finish::next_free(&fallback)
            } else {
                fallback
            };
            write_atomic(
                &fallback,
                text(state, &settings.save, &fallback).as_bytes(),
                false,
            )
            .map(|_| fallback)
            .map_err(|_| first)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_round_trips() {
        let text = "# A draft\n# answered: role title\n# save: out/p.toml\n\nrole = \"x\"\n# answered: late\n";
        let h = parse_header(text).unwrap();
        assert_eq!(h.answered, BTreeSet::from(["role".into(), "title".into()]));
        assert_eq!(h.save, Some(PathBuf::from("out/p.toml")));
        assert!(parse_header("title = \"A\"\n").is_none());
    }
}
