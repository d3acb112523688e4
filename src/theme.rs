//! The folders given to `--templates` and `--roles`: either a folder of files
//! that win over the shipped ones by name, or the folder `jobpost eject` writes,
//! which holds them in `templates/` and `roles/`. A folder with neither is an
//! error rather than silently ignored.

use std::path::{Path, PathBuf};

use crate::embedded::Folder;
use crate::error::{Error, Result, closest};

/// What one flag's folder holds.
#[derive(Debug)]
pub struct Kind {
    /// The flag, for messages: `--templates`.
    pub flag: &'static str,
    /// The subfolder `jobpost eject` writes: `templates`.
    pub sub: &'static str,
    /// What we were doing when reading the folder fails, for messages.
    pub action: &'static str,
    /// Whether a file name is one of the files this folder is for.
    pub accepts: fn(&str) -> bool,
    /// The shipped files, whose names a near-miss may have meant.
    pub shipped: Folder,
    /// One file of this kind, in words: `template`.
    pub noun: &'static str,
    /// What the folder should hold, in words.
    pub expected: &'static str,
}

/// `--templates`: a template named like a shipped one (`posting.html`, `style.css`, …).
pub const TEMPLATES: Kind = Kind {
    flag: "--templates",
    sub: "templates",
    action: "read the templates folder",
    accepts: |name| Folder::Templates.get(name).is_some(),
    shipped: Folder::Templates,
    noun: "template",
    expected: "a template named like a shipped one (index-row.html, index.html, posting.html, posting.md, posting.txt, style.css)",
};

/// `--roles`: role presets (`<id>.toml`).
pub const ROLES: Kind = Kind {
    flag: "--roles",
    sub: "roles",
    action: "read the roles folder",
    accepts: |name| name.ends_with(".toml"),
    shipped: Folder::Roles,
    noun: "role preset",
    expected: "role presets named `<id>.toml`",
};

/// The folder to read for `dir`: `dir` itself when it holds a file of `kind`,
/// else `dir/<sub>/` when that does (the layout `jobpost eject` writes).
pub fn resolve(dir: &Path, kind: &Kind) -> Result<PathBuf> {
    let top = file_names(dir, kind.action)?;
    if top.iter().any(|n| (kind.accepts)(n)) {
        return Ok(dir.to_path_buf());
    }
    let nested = dir.join(kind.sub);
    if nested.is_dir()
        && file_names(&nested, kind.action)?
            .iter()
            .any(|n| (kind.accepts)(n))
    {
        return Ok(nested);
    }
    Err(nothing_there(dir, kind, &top))
}

/// The names of the entries directly in `dir` that are not folders, sorted. A
/// FIFO or a broken link counts: reading it then names what is wrong with it,
/// where skipping it would report "found no template".
fn file_names(dir: &Path, action: &'static str) -> Result<Vec<String>> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(action, dir, e))?;
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .filter(|e| !e.path().is_dir() && !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    Ok(names)
}

/// Says what `dir` holds, what it should, where we looked, and the shipped name
/// a file there was probably meant to have.
fn nothing_there(dir: &Path, kind: &Kind, found: &[String]) -> Error {
    let found_text = match found {
        [] => "the folder is empty".to_string(),
        [..] if found.len() <= 5 => format!("only {}", found.join(", ")),
        _ => format!(
            "only {} and {} more",
            found[..5].join(", "),
            found.len() - 5
        ),
    };
    let hint = found.iter().find_map(|f| closest(f, kind.shipped.names()));
    let message = format!(
        "found no {} ({found_text}) and no `{}/` folder",
        kind.noun,
        dir.join(kind.sub).display(),
    );
    let expected = format!(
        "{}, or the folder `jobpost eject` writes (with `{}/` inside)",
        kind.expected, kind.sub,
    );
    let origin = crate::error::Origin::flag(kind.flag, dir.display().to_string());
    Error::from(
        crate::error::Problem::new(origin, message)
            .expected(expected)
            .suggest(hint),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(files: &[&str]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for f in files {
            let path = dir.path().join(f);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "x").unwrap();
        }
        dir
    }

    #[test]
    fn a_folder_of_templates_is_used_as_it_is() {
        let dir = folder(&["posting.md", "templates/posting.html"]);
        assert_eq!(resolve(dir.path(), &TEMPLATES).unwrap(), dir.path());
    }

    #[test]
    fn the_eject_folder_is_used_through_its_subfolders() {
        let dir = folder(&["templates/style.css", "roles/cashier.toml", "notes.txt"]);
        let templates = dir.path().join("templates");
        assert_eq!(resolve(dir.path(), &TEMPLATES).unwrap(), templates);
        assert_eq!(
            resolve(dir.path(), &ROLES).unwrap(),
            dir.path().join("roles")
        );
    }

    #[test]
    fn a_folder_with_neither_is_an_error_naming_the_near_miss() {
        let dir = folder(&["postng.html", "templates/readme.txt"]);
        let message = resolve(dir.path(), &TEMPLATES).unwrap_err().to_string();
        assert!(
            message.contains("found no template (only postng.html)"),
            "{message}"
        );
        assert!(message.contains("did you mean `posting.html`"), "{message}");
        let empty = folder(&[]);
        let message = resolve(empty.path(), &ROLES).unwrap_err().to_string();
        assert!(
            message.contains("found no role preset (the folder is empty)"),
            "{message}"
        );
    }
}
