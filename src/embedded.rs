//! Every file shipped inside the binary: the role presets (`roles/`), the
//! templates and stylesheet (`templates/`, the built-in theme) and the locale
//! catalogues (`src/locale/`). `build.rs` embeds them; this module is the one
//! place that reads them, so the rest asks for a [`Folder`]'s files by name
//! and never needs another module for them.

mod generated {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// A folder of shipped files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Folder {
    /// The role presets, `<id>.toml`.
    Roles,
    /// The templates of the built-in theme: posting, careers page, stylesheet.
    Templates,
    /// The message catalogue of each locale, `<tag>.toml`.
    Locales,
}

impl Folder {
    /// Every file of the folder as (file name, contents), sorted by name.
    pub fn files(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Folder::Roles => generated::ROLES,
            Folder::Templates => generated::TEMPLATES,
            Folder::Locales => generated::LOCALES,
        }
    }

    /// The contents of the file `name`, if the folder ships one.
    pub fn get(self, name: &str) -> Option<&'static str> {
        self.files()
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, text)| *text)
    }

    /// The file names, sorted.
    pub fn names(self) -> impl Iterator<Item = &'static str> {
        self.files().iter().map(|(n, _)| *n)
    }
}

#[cfg(test)]
mod tests {
    use super::Folder;

    #[test]
    fn every_folder_ships_files_found_by_name() {
        for folder in [Folder::Roles, Folder::Templates, Folder::Locales] {
            let (name, text) = folder.files()[0];
            assert_eq!(folder.get(name), Some(text), "{folder:?}");
            assert!(folder.names().is_sorted(), "{folder:?}");
        }
        assert!(Folder::Templates.get("posting.html").is_some());
        assert!(Folder::Locales.get("en-US.toml").is_some());
        assert_eq!(Folder::Roles.get("no-such-role.toml"), None);
    }
}
