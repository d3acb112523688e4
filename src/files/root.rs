//! The project root: the folder a posting's own paths (`include`, `company.logo`)
//! and a theme's files must stay inside. A posting repository is untrusted input
//! (many people commit to it, CI publishes what it renders), so a path in it must
//! not reach `/etc/passwd`, a CI secret beside the checkout, or, through a
//! symbolic link, anything else outside.
//!
//! The root is the nearest folder upwards from the file holding `jobpost.toml`
//! or `.git`; else the folder jobpost runs in, when the file is below it; else
//! the file's own folder. Its `jobpost.toml` may name further
//! folders on purpose: `allow_outside = ["../shared"]`, relative to the root.

use std::path::{Component, Path, PathBuf};

use serde::Deserialize;

/// A project root, and its `jobpost.toml` (read only when a path leads out, for
/// the folders it allows).
#[derive(Debug, Clone)]
pub struct Root {
    /// The root folder, canonical.
    pub dir: PathBuf,
    /// The root's `jobpost.toml`, when it has one.
    config: Option<PathBuf>,
}

/// Why a path is refused: where it leads, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outside {
    /// An absolute path outside the root.
    Absolute,
    /// `..` steps that leave the root.
    Leaves,
    /// A symbolic link (the path or a folder on it) whose target is outside.
    Link,
}

impl Outside {
    /// The refusal in words, after the path: "`x`: it is …".
    pub fn message(&self) -> &'static str {
        match self {
            Outside::Absolute => "it is an absolute path outside the project folder",
            Outside::Leaves => "its `..` steps leave the project folder",
            Outside::Link => "it is a link to a place outside the project folder",
        }
    }

    /// What would be accepted.
    pub const EXPECTED: &'static str = "a path inside the project folder (the nearest folder upwards holding jobpost.toml or .git, else the folder named on the command line or the one jobpost runs in), or in a folder its jobpost.toml names in `allow_outside = [...]`";
}

impl Root {
    /// The root for a file named on the command line (or for a folder).
    pub fn of(file: &Path) -> Root {
        // Postings of one folder share their root: looked for once per folder, not
        // once per file (an export or lint of 10,000 postings walks up once a folder).
        static SEEN: std::sync::OnceLock<
            std::sync::Mutex<std::collections::HashMap<PathBuf, Root>>,
        > = std::sync::OnceLock::new();
        let key = match file.parent() {
            Some(dir) if !file.is_dir() => dir.to_path_buf(),
            _ => file.to_path_buf(),
        };
        let seen = SEEN.get_or_init(Default::default);
        if let Some(root) = seen.lock().ok().and_then(|m| m.get(&key).cloned()) {
            return root;
        }
        let root = Self::find(file);
        if let Ok(mut m) = seen.lock() {
            m.insert(key, root.clone());
        }
        root
    }

    /// [`Root::of`], looked for on the disk.
    fn find(file: &Path) -> Root {
        let start = match file.is_dir() {
            true => file.to_path_buf(),
            false => file.parent().map(Path::to_path_buf).unwrap_or_default(),
        };
        // `p.toml` has the parent ``, which is the current folder.
        let start = match start.as_os_str().is_empty() {
            true => PathBuf::from("."),
            false => start,
        };
        let start = absolute(&start);
        let start = start.canonicalize().unwrap_or(start);
        let found = start
            .ancestors()
            .find(|d| d.join(crate::files::PROJECT_FILE).is_file() || d.join(".git").exists());
        let dir = match found {
            Some(d) => d.to_path_buf(),
            None => outside_a_project(&start),
        };
        let config = Some(dir.join(crate::files::PROJECT_FILE)).filter(|c| c.is_file());
        Root { dir, config }
    }

    /// `path` (relative to `base`, a folder inside the project) checked to stay
    /// inside the root or an allowed folder, before anything reads it. Returns
    /// the path to read.
    pub fn check(&self, base: &Path, written: &str) -> std::result::Result<PathBuf, Outside> {
        let path = base.join(written);
        let refusal = self.refusal(written, &path);
        match refusal {
            Some(r) if !self.allowed(&path) => Err(r),
            _ => Ok(path),
        }
    }

    /// Why `path` is outside the root, if it is.
    fn refusal(&self, written: &str, path: &Path) -> Option<Outside> {
        let lexical = normalise(&absolute(path));
        if !self.inside(&lexical) {
            return Some(match Path::new(written).is_absolute() {
                true => Outside::Absolute,
                false => Outside::Leaves,
            });
        }
        // Inside by its name; a link on the way may still lead out.
        match path.canonicalize() {
            Ok(real) if !real.starts_with(&self.dir) => Some(Outside::Link),
            _ => None,
        }
    }

    /// Whether a lexically normalised absolute path is below the root. The root is
    /// canonical; a path reached through a link to the root compares by its
    /// canonical parent.
    fn inside(&self, lexical: &Path) -> bool {
        if lexical.starts_with(&self.dir) {
            return true;
        }
        // The path as named may go through a link to the project (e.g. /tmp on
        // macOS): compare its nearest existing folder, resolved.
        let existing = lexical.ancestors().find(|a| a.exists());
        existing
            .and_then(|e| e.canonicalize().ok())
            .zip(existing)
            .is_some_and(|(real, e)| {
                let rest = lexical.strip_prefix(e).unwrap_or(Path::new(""));
                normalise(&real.join(rest)).starts_with(&self.dir)
            })
    }

    /// Whether `path` lies, resolved, in a folder the root's `jobpost.toml` allows.
    fn allowed(&self, path: &Path) -> bool {
        let Some(config) = &self.config else {
            return false;
        };
        let real = path
            .canonicalize()
            .unwrap_or_else(|_| normalise(&absolute(path)));
        allowed_folders(config)
            .iter()
            .filter_map(|f| self.dir.join(f).canonicalize().ok())
            .any(|f| real.starts_with(f))
    }
}

/// Folders named on the command line (`export postings/`, `lint jds/`): like the
/// command line itself they are trusted, so a file below one in no project may
/// include what else is below it.
static GIVEN: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

/// Records a folder named on the command line as a project root for the files
/// below it that belong to no project.
pub fn trust(dir: &Path) {
    let dir = absolute(dir);
    let dir = dir.canonicalize().unwrap_or(dir);
    GIVEN.lock().unwrap_or_else(|e| e.into_inner()).push(dir);
}

/// The root for a file in no project: the outermost folder named on the command
/// line that holds it, else the folder jobpost runs in when the file is below
/// it, else the file's own folder. Where jobpost runs is chosen by whoever runs
/// it, like the command line, so it is trusted.
fn outside_a_project(start: &Path) -> PathBuf {
    let given = GIVEN.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(dir) = given
        .iter()
        .filter(|d| start.starts_with(d))
        .min_by_key(|d| d.components().count())
    {
        return dir.clone();
    }
    let here = std::env::current_dir()
        .ok()
        .and_then(|d| d.canonicalize().ok());
    match here {
        Some(here) if start.starts_with(&here) => here,
        _ => start.to_path_buf(),
    }
}

/// The folders `allow_outside` in a `jobpost.toml` names; none when it cannot be
/// read (lint reports a broken `jobpost.toml` itself).
fn allowed_folders(config: &Path) -> Vec<PathBuf> {
    #[derive(Deserialize)]
    struct Project {
        #[serde(default)]
        allow_outside: Vec<PathBuf>,
    }
    let Ok(text) = crate::files::read_text(config) else {
        return Vec::new();
    };
    toml::from_str::<Project>(&text).map_or_else(|_| Vec::new(), |p| p.allow_outside)
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// `a/b/../c` as `a/c`, without touching the file system.
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("repo/postings")).unwrap();
        std::fs::create_dir_all(dir.path().join("shared")).unwrap();
        std::fs::write(dir.path().join("repo/jobpost.toml"), "").unwrap();
        std::fs::write(dir.path().join("repo/co.toml"), "").unwrap();
        std::fs::write(dir.path().join("shared/co.toml"), "").unwrap();
        dir
    }

    #[test]
    fn paths_stay_inside_the_nearest_project_folder() {
        let dir = project();
        let posting = dir.path().join("repo/postings/p.toml");
        let root = Root::of(&posting);
        let base = dir.path().join("repo/postings");
        assert!(root.check(&base, "../co.toml").is_ok());
        assert_eq!(
            root.check(&base, "../../shared/co.toml"),
            Err(Outside::Leaves)
        );
        assert_eq!(root.check(&base, "/etc/passwd"), Err(Outside::Absolute));
        assert_eq!(
            root.check(&base, "../../../../../../etc/shadow"),
            Err(Outside::Leaves)
        );
    }

    #[test]
    fn a_folder_named_on_the_command_line_is_the_root_of_the_files_below_it() {
        // No jobpost.toml or .git above: `export DIR` makes DIR the root.
        let dir = tempfile::tempdir().unwrap();
        let given = dir.path().join("postings");
        std::fs::create_dir_all(given.join("retail")).unwrap();
        std::fs::write(given.join("co.toml"), "").unwrap();
        trust(&given);
        let root = Root::of(&given.join("retail/p.toml"));
        let base = given.join("retail");
        assert!(root.check(&base, "../co.toml").is_ok());
        assert_eq!(root.check(&base, "../../x.toml"), Err(Outside::Leaves));
    }

    #[cfg(unix)]
    #[test]
    fn a_link_leading_out_is_refused_and_allow_outside_names_a_folder() {
        let dir = project();
        let link = dir.path().join("repo/postings/secrets.toml");
        std::os::unix::fs::symlink(dir.path().join("shared/co.toml"), &link).unwrap();
        let base = dir.path().join("repo/postings");
        let root = Root::of(&base.join("p.toml"));
        assert_eq!(root.check(&base, "secrets.toml"), Err(Outside::Link));
        std::fs::write(
            dir.path().join("repo/jobpost.toml"),
            "allow_outside = [\"../shared\"]\n",
        )
        .unwrap();
        assert!(root.check(&base, "secrets.toml").is_ok());
        assert!(root.check(&base, "../../shared/co.toml").is_ok());
        assert!(root.check(&base, "/etc/passwd").is_err());
    }
}
