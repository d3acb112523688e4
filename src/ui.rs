//! The language the tool speaks to its user: the wizard's questions, help lines,
//! choices, messages and summary, and the comments of `init`'s starter files.
//!
//! This is not the posting's locale ([`crate::locale`]): a recruiter in Vienna
//! with an English terminal may write a German posting, and a Montreal recruiter
//! with a French terminal an English one for Toronto. The UI language comes from
//! `--lang`, else `LC_ALL`, `LC_MESSAGES`, `LANG` as POSIX orders them
//! (`de_DE.UTF-8` → German; `C`, `POSIX` or a language without a catalogue →
//! English), and it never changes the posting.
//!
//! Messages live in `src/ui/{en,de,fr}.toml`, embedded in the binary; a message
//! with a value names it `{name}`. The field questions, help lines and choice
//! labels are written in English once, in the field table
//! ([`crate::model::fields::FIELDS`], the model's enums) that `explain` and the
//! documentation read too; the German and French catalogues give them by field
//! path (`q.title`, `help.title`, `choice.employment_type.full-time`). A test holds
//! every catalogue to every key English has and every key the code uses, so a
//! missing message is a failed test, never English text or a key at run time.
//!
//! The language is held per thread, set once by the command that talks to the
//! user: it is a property of the session, like the terminal's width, and passing
//! it through every prompt function would touch every signature of the wizard.

use std::cell::Cell;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// A language the tool speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    /// English (the default).
    #[default]
    En,
    /// German, in the "Sie" form.
    De,
    /// French.
    Fr,
}

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::De, Lang::Fr];

    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Fr => "fr",
        }
    }

    /// The language a POSIX locale value names (`de_DE.UTF-8`, `fr_CA`, `de`):
    /// `None` for an empty value (the next variable decides), English for `C`,
    /// `POSIX` and languages without a catalogue.
    pub fn of_posix(value: &str) -> Option<Lang> {
        let value = value.trim();
        if value.is_empty() {
            return None;
        }
        // `LANGUAGE`-style lists are not POSIX; the first entry decides.
        let first = value.split(':').next().unwrap_or(value);
        let lang = first.split(['_', '.', '@', '-']).next().unwrap_or("");
        Some(match lang.to_ascii_lowercase().as_str() {
            "de" => Lang::De,
            "fr" => Lang::Fr,
            _ => Lang::En,
        })
    }

    /// The language of this session: `flag`, else the first of `LC_ALL`,
    /// `LC_MESSAGES`, `LANG` that is set and not empty, else English.
    pub fn detect(flag: Option<Lang>) -> Lang {
        flag.unwrap_or_else(|| Self::from_vars(|name| std::env::var(name).ok()).unwrap_or_default())
    }

    /// [`Lang::detect`] without a flag, reading variables through `var`.
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Option<Lang> {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|name| var(name).as_deref().and_then(Lang::of_posix))
    }

    fn catalogue(self) -> &'static BTreeMap<String, String> {
        static CATALOGUES: OnceLock<[BTreeMap<String, String>; 3]> = OnceLock::new();
        let all = CATALOGUES.get_or_init(|| {
            [
                flatten(include_str!("ui/en.toml")),
                flatten(include_str!("ui/de.toml")),
                flatten(include_str!("ui/fr.toml")),
            ]
        });
        &all[self as usize]
    }
}

/// A catalogue's messages by dotted key. The catalogues are the binary's own and
/// tested; a broken one would read as empty and fail every test.
fn flatten(text: &str) -> BTreeMap<String, String> {
    let table: toml::Table = text.parse().unwrap_or_default();
    let mut out = BTreeMap::new();
    walk("", &table, &mut out);
    out
}

fn walk(prefix: &str, table: &toml::Table, out: &mut BTreeMap<String, String>) {
    for (key, value) in table {
        let path = match prefix {
            "" => key.clone(),
            p => format!("{p}.{key}"),
        };
        match value {
            toml::Value::Table(t) => walk(&path, t, out),
            toml::Value::String(s) => {
                out.insert(path, s.clone());
            }
            _ => {}
        }
    }
}

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// The language this thread speaks to the user.
pub fn lang() -> Lang {
    CURRENT.with(Cell::get)
}

/// Speaks `lang` on this thread from now on (the command sets it once).
pub fn set(lang: Lang) {
    CURRENT.with(|c| c.set(lang));
}

/// Speaks `lang` until the returned guard is dropped (tests in one language).
pub fn scope(lang: Lang) -> Scope {
    let before = self::lang();
    set(lang);
    Scope(before)
}

/// Restores the language spoken before [`scope`] when dropped.
#[must_use]
pub struct Scope(Lang);

impl Drop for Scope {
    fn drop(&mut self) {
        set(self.0);
    }
}

/// The message `key` in the current language. Every key the code names is in
/// every catalogue (tested); were one missing, the key itself shows, never
/// another language's text.
pub fn t(key: &str) -> &'static str {
    t_in(lang(), key)
}

/// The message `key` in `lang`.
pub fn t_in(lang: Lang, key: &str) -> &'static str {
    match lang.catalogue().get(key) {
        Some(s) => s.as_str(),
        None => leak_key(key),
    }
}

/// A missing key as text; interned so `t` can return `&'static str`. Tests make
/// this unreachable for every key in the code.
fn leak_key(key: &str) -> &'static str {
    static MISSING: OnceLock<std::sync::Mutex<BTreeMap<String, &'static str>>> = OnceLock::new();
    let mut seen = MISSING
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    seen.entry(key.to_string())
        .or_insert_with(|| Box::leak(key.to_string().into_boxed_str()))
}

/// The message `key` with each `{name}` replaced by its value.
pub fn f(key: &str, values: &[(&str, &str)]) -> String {
    fill(t(key), values)
}

/// `message` with each `{name}` replaced by its value.
pub fn fill(message: &str, values: &[(&str, &str)]) -> String {
    let mut out = message.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// The wizard's question for the field at `path`: the field table's in English.
pub fn question(path: &str) -> &'static str {
    match lang() {
        Lang::En => crate::model::fields::get(path)
            .and_then(|f| f.question)
            .unwrap_or_else(|| leak_key(path)),
        other => t_in(other, &format!("q.{path}")),
    }
}

/// The help line of the field at `path` (the wizard's advice, `init`'s comment).
pub fn help(path: &str) -> Option<&'static str> {
    let english = crate::model::fields::help(path)?;
    Some(match lang() {
        Lang::En => english,
        other => t_in(other, &format!("help.{path}")),
    })
}

/// The label of the choice `key` of the field at `path`; `english` is the
/// model's own label.
pub fn choice<'a>(path: &str, key: &str, english: &'a str) -> &'a str {
    match lang() {
        Lang::En => english,
        other => t_in(other, &format!("choice.{path}.{key}")),
    }
}

#[cfg(test)]
mod tests;
