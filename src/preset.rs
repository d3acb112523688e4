//! Role presets: the embedded `roles/*.toml`, a user folder that wins id by id,
//! and the `extends` chain from the base preset up.

use std::collections::BTreeMap;
use std::path::Path;

use std::sync::{Arc, OnceLock};

use crate::embedded::Folder;
use crate::error::{Error, Origin as Place, Problem, Result, closest};
use crate::layer::{self, Kind, Layer, Origin, Pos};
use crate::model::{Workplace, is_employer_fact};

/// One role preset: a partial posting with a label, an industry and a parent.
#[derive(Debug, Clone)]
pub struct Preset {
    /// The file stem.
    pub id: String,
    /// Human label.
    pub name: String,
    /// Industry it is grouped under.
    pub industry: String,
    /// Parent preset id.
    pub extends: Option<String>,
    /// Where it was read from (`roles/x.toml (embedded)` or a user path).
    pub file: String,
    /// The source text, for `roles show --raw` and `eject`.
    pub text: String,
    /// Its role knowledge, as posting values.
    pub layer: Layer,
    /// Suggested employer facts (`[hints]`): offered by `init` and the wizard, never rendered.
    pub hints: Option<Layer>,
    /// Where the hints (a pay band, say) come from, with the year.
    pub hint_source: Option<String>,
    /// Setting text per workplace (`[setting]`), chosen by `location.workplace`.
    pub setting: BTreeMap<Workplace, (String, Origin)>,
    /// Rewordings per locale (`[locale.<tag>]`) for text a word swap cannot fix.
    pub locales: crate::spelling::overrides::ByLocale,
    /// The chains ending in this preset, merged (see [`ChainMemo`]).
    pub memo: ChainMemo,
}

/// A chain of presets merged once: its values, its removals and its hints, which every
/// posting on the role starts from.
#[derive(Debug, Default)]
pub struct ChainBase {
    /// Every value the chain sets, by dotted path.
    pub slots: BTreeMap<String, layer::Slot>,
    /// Paths the chain removes.
    pub removed: BTreeMap<String, Origin>,
    /// The chain's `[hints]`, merged.
    pub hints: BTreeMap<String, layer::Slot>,
}

/// The merged chains that end in a preset, kept by that preset so they live and die
/// with its registry. A chain is named by the addresses of its presets: the same last
/// preset heads a different chain in another language (a translated parent), and
/// addresses are stable while the registry that holds them lives. A clone starts
/// empty, since its chains are made of other presets.
#[derive(Default)]
pub struct ChainMemo(std::sync::Mutex<Vec<(Vec<usize>, Arc<ChainBase>)>>);

impl ChainMemo {
    /// The merged `chain` (which ends in the preset holding this memo), merged by
    /// `build` the first time; an error is returned and not kept.
    pub fn get_or_try(
        &self,
        chain: &[&Preset],
        build: impl FnOnce() -> Result<ChainBase>,
    ) -> Result<Arc<ChainBase>> {
        let key: Vec<usize> = chain
            .iter()
            .map(|p| std::ptr::from_ref(*p) as usize)
            .collect();
        let found = |memo: &[(Vec<usize>, Arc<ChainBase>)]| {
            memo.iter().find(|(k, _)| *k == key).map(|(_, b)| b.clone())
        };
        if let Some(base) = found(&self.lock()) {
            return Ok(base);
        }
        // Built outside the lock: two threads may both build it once, and one wins.
        let base = Arc::new(build()?);
        let mut memo = self.lock();
        match found(&memo) {
            Some(b) => Ok(b),
            None => {
                memo.push((key, base.clone()));
                Ok(base)
            }
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<(Vec<usize>, Arc<ChainBase>)>> {
        // A panic while holding the lock leaves a complete list: keep using it.
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl Clone for ChainMemo {
    fn clone(&self) -> Self {
        ChainMemo::default()
    }
}

impl std::fmt::Debug for ChainMemo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ChainMemo")
    }
}

/// All presets known to this run. A shipped preset is parsed when first used
/// (a render needs one chain, not every preset); a user's presets are parsed
/// when the folder is read, so a mistake in one is reported at once.
///
/// Presets are written in US English; the same preset in another language is a
/// file of the same id in a folder named for the language (`roles/de/cashier.toml`),
/// a complete preset whose text a reviewer of that language can read on its own.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    presets: BTreeMap<String, Entry>,
    /// The presets in other languages, by language and id.
    translations: BTreeMap<(String, String), Entry>,
}

/// One preset's source and, once parsed, the preset.
#[derive(Debug, Clone)]
struct Entry {
    file: String,
    text: &'static str,
    parsed: OnceLock<Preset>,
}

impl Entry {
    fn preset(&self, id: &str) -> Result<&Preset> {
        if let Some(p) = self.parsed.get() {
            return Ok(p);
        }
        let preset = parse_preset(id, &self.file, self.text)?;
        Ok(self.parsed.get_or_init(|| preset))
    }
}

impl Registry {
    /// The embedded presets, then those of `user_dir` (a folder of presets, or
    /// the folder `jobpost eject` writes) over them.
    pub fn load(user_dir: Option<&Path>) -> Result<Self> {
        let mut reg = Registry::default();
        for (file, text) in Folder::Roles.files() {
            let entry = Entry {
                file: format!("roles/{file}"),
                text,
                parsed: OnceLock::new(),
            };
            let stem = file.trim_end_matches(".toml");
            match stem.split_once('/') {
                Some((lang, id)) => {
                    reg.translations
                        .insert((lang.to_string(), id.to_string()), entry);
                }
                None => {
                    reg.presets.insert(stem.to_string(), entry);
                }
            }
        }
        if let Some(dir) = user_dir {
            reg.load_dir(&crate::theme::resolve(dir, &crate::theme::ROLES)?)?;
        }
        Ok(reg)
    }

    fn load_dir(&mut self, dir: &Path) -> Result<()> {
        let entries =
            std::fs::read_dir(dir).map_err(|e| Error::io("read the roles folder", dir, e))?;
        let mut paths: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
        paths.sort();
        for path in paths
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        {
            self.insert(None, read_preset(path)?);
        }
        // A user's presets in another language: `DIR/de/<id>.toml`.
        for lang_dir in paths.iter().filter(|p| is_language_dir(p)) {
            let lang = lang_dir.file_name().unwrap_or_default().to_string_lossy();
            let entries = std::fs::read_dir(lang_dir)
                .map_err(|e| Error::io("read the roles folder", lang_dir, e))?;
            let mut files: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
            files.sort();
            for path in files
                .iter()
                .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            {
                self.insert(Some(&lang), read_preset(path)?);
            }
        }
        Ok(())
    }

    fn insert(&mut self, lang: Option<&str>, preset: Preset) {
        let id = preset.id.clone();
        let entry = Entry {
            file: preset.file.clone(),
            text: "",
            parsed: OnceLock::from(preset),
        };
        match lang {
            Some(lang) => {
                self.translations.insert((lang.to_string(), id), entry);
            }
            None => {
                self.presets.insert(id, entry);
            }
        }
    }

    /// The chain of `id` ([`Registry::chain`]) with each preset in `lang` where
    /// it is written in that language: a shipped preset by its shipped
    /// translation, a user's preset by the user's own (`DIR/de/<id>.toml`), never
    /// a shipped translation over a user's rewrite of the English text. A preset
    /// with no text in `lang` stays as written (lint's `locale-mismatch` says so).
    pub fn chain_in(&self, id: &str, lang: &str) -> Result<Vec<&Preset>> {
        let chain = self.chain(id)?;
        if lang == "en" {
            return Ok(chain);
        }
        chain
            .into_iter()
            .map(|p| self.translated(p, lang).map(|t| t.unwrap_or(p)))
            .collect()
    }

    /// `preset` in `lang`, if it is written in that language.
    fn translated(&self, preset: &Preset, lang: &str) -> Result<Option<&Preset>> {
        let key = (lang.to_string(), preset.id.clone());
        let Some(entry) = self.translations.get(&key) else {
            return Ok(None);
        };
        let shipped_english = self
            .presets
            .get(&preset.id)
            .is_some_and(|e| !e.text.is_empty());
        let shipped_translation = !entry.text.is_empty();
        if shipped_translation && !shipped_english {
            return Ok(None);
        }
        entry.preset(&preset.id).map(Some)
    }

    /// The languages presets are written in besides English, and the ids of each.
    pub fn translated_ids(&self) -> impl Iterator<Item = (&str, &str)> {
        self.translations
            .keys()
            .map(|(lang, id)| (lang.as_str(), id.as_str()))
    }

    /// Every preset, by id.
    pub fn all(&self) -> Result<Vec<&Preset>> {
        self.presets.iter().map(|(id, e)| e.preset(id)).collect()
    }

    /// The preset `id`, or an error suggesting the closest id.
    pub fn get(&self, id: &str) -> Result<&Preset> {
        match self.presets.get(id) {
            Some(entry) => entry.preset(id),
            None => Err(self.unknown(id)),
        }
    }

    fn unknown(&self, id: &str) -> Error {
        {
            let suggestion = closest(id, self.presets.keys().map(String::as_str));
            let listing = match suggestion {
                Some(_) => "",
                None => "; run `jobpost roles list` to see them",
            };
            // At the field: the loader moves it to where the role was named.
            let problem = Problem::new(
                Place::field("role"),
                format!("unknown role `{id}`{listing}"),
            );
            Error::from(problem.suggest(suggestion))
        }
    }

    /// `id` and its ancestors, base first; an error names a loop or a missing parent.
    pub fn chain(&self, id: &str) -> Result<Vec<&Preset>> {
        let mut chain = vec![self.get(id)?];
        while let Some(parent) = chain.last().and_then(|p| p.extends.as_deref()) {
            let names = || {
                chain
                    .iter()
                    .map(|p| p.id.as_str())
                    .collect::<Vec<_>>()
                    .join(" → ")
            };
            if chain.iter().any(|p| p.id == parent) {
                return Err(Error::input(
                    Place::field("role"),
                    format!("preset `extends` loop: {} → {parent}", names()),
                ));
            }
            let Some(next) = self.presets.get(parent) else {
                let suggestion = closest(parent, self.presets.keys().map(String::as_str));
                let file = chain.last().map(|p| p.file.clone()).unwrap_or_default();
                let message = format!(
                    "preset extends `{parent}`, which does not exist (chain: {} → {parent})",
                    names()
                );
                let problem = Problem::new(Place::file(file), message).suggest(suggestion);
                return Err(Error::from(problem));
            };
            chain.push(next.preset(parent)?);
        }
        chain.reverse();
        Ok(chain)
    }

    /// Industries in alphabetical order, each with its presets by id.
    pub fn by_industry(&self) -> Result<BTreeMap<&str, Vec<&Preset>>> {
        let mut map: BTreeMap<&str, Vec<&Preset>> = BTreeMap::new();
        for p in self.all()? {
            map.entry(p.industry.as_str()).or_default().push(p);
        }
        Ok(map)
    }

    /// Every preset id, without parsing any preset.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.presets.keys().map(String::as_str)
    }
}

/// A user's preset file, named by its stem.
fn read_preset(path: &Path) -> Result<Preset> {
    let text = crate::files::read_text(path)?;
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    parse_preset(&stem, &path.display().to_string(), &text)
}

/// A folder of presets in another language: two lower-case letters (`de`, `fr`).
fn is_language_dir(path: &Path) -> bool {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    path.is_dir() && name.len() == 2 && name.chars().all(|c| c.is_ascii_lowercase())
}

/// Parses one preset file, checking its metadata keys and that it sets role
/// knowledge only (employer facts go under `[hints]`).
fn parse_preset(id: &str, file: &str, text: &str) -> Result<Preset> {
    let (mut layer, parsed) = layer::parse(file, text, true)?;
    check_kinds(&layer, false)?;
    let mut hints = parsed.hints;
    if let Some(h) = &mut hints {
        check_kinds(h, true)?;
        h.credit(Kind::Preset {
            id: Arc::from(id),
            hint: true,
            file: Arc::from(file),
        });
    }
    let setting = setting(id, file, parsed.setting)?;
    let locales = match &parsed.locale {
        Some(t) => {
            let index = layer::LineIndex::new(text);
            crate::spelling::overrides::parse(file, id, &index, t.get_ref())?
        }
        None => Default::default(),
    };
    check_override_text(file, &locales)?;
    // Once parsed, values are credited to the preset by id (`explain`, merge errors).
    layer.credit(Kind::Preset {
        id: Arc::from(id),
        hint: false,
        file: Arc::from(file),
    });
    let meta = meta(id, file, parsed.meta)?;
    let missing = |k: &str| {
        let problem = Problem::new(Place::file(file), format!("no `{k}`"));
        Error::from(problem.expected(format!("`{k} = \"…\"` at the top of a preset")))
    };
    Ok(Preset {
        id: id.to_string(),
        name: meta.name.ok_or_else(|| missing("name"))?,
        industry: meta.industry.ok_or_else(|| missing("industry"))?,
        extends: meta.extends,
        file: file.to_string(),
        text: text.to_string(),
        layer,
        hints,
        hint_source: meta.source,
        setting,
        locales,
        memo: ChainMemo::default(),
    })
}

/// A preset's body holds role knowledge only; its `[hints]` employer facts only.
fn check_kinds(layer: &Layer, hints: bool) -> Result<()> {
    let stray = layer
        .ops
        .iter()
        .find(|op| is_employer_fact(&op.path) != hints);
    if let Some(op) = stray {
        let message = match hints {
            false => format!(
                "`{}` is an employer fact, which a preset cannot set; suggest it under `[hints]` instead (e.g. `[hints.{}]`)",
                op.path,
                op.path.split('.').next().unwrap_or_default()
            ),
            true => format!(
                "`{}` is role knowledge, not an employer fact; set it outside `[hints]`",
                op.path
            ),
        };
        return Err(Error::input(op.origin.place(), message));
    }
    match layer.include.first() {
        Some((_, origin)) => Err(Error::input(
            origin.place(),
            "a preset cannot `include` files; use `extends` to build on another preset",
        )),
        None => Ok(()),
    }
}

/// A preset's text is refused as a posting's is (see [`layer::text_problem`]): a
/// user's preset folder is as untrusted as a posting, and its name, industry,
/// setting and locale texts reach the terminal (`roles list`) and the pages.
fn refuse_text(at: Place, what: &str, text: &str) -> Result<()> {
    match layer::text_problem(text) {
        Some((message, expected)) => Err(Error::from(
            Problem::new(at, format!("{what} {message}")).expected(expected),
        )),
        None => Ok(()),
    }
}

/// Every text of the `[locale]` overrides, both sides of an item's rewording
/// included, checked by [`refuse_text`] at its key.
fn check_override_text(file: &str, locales: &crate::spelling::overrides::ByLocale) -> Result<()> {
    use crate::spelling::overrides::Change;
    for (tag, overrides) in locales {
        for o in overrides {
            let what = format!("`{}` in [locale.{tag}]", o.path);
            let at = |origin: &Origin| match origin.pos {
                Some(pos) => Place::at(file, pos),
                None => Place::file(file),
            };
            match &o.change {
                Change::Text(t) => refuse_text(at(&o.origin), &what, t)?,
                Change::List(items) => items
                    .iter()
                    .try_for_each(|t| refuse_text(at(&o.origin), &what, t))?,
                Change::Items(items) => {
                    for (from, to, origin) in items {
                        refuse_text(at(origin), &what, from)?;
                        refuse_text(at(origin), &what, to)?;
                    }
                }
            }
        }
    }
    Ok(())
}

/// `[setting]`: text per workplace key (`on-site`, `hybrid`, `remote`).
fn setting(
    id: &str,
    file: &str,
    entries: Vec<(String, toml::Value, Pos)>,
) -> Result<BTreeMap<Workplace, (String, Origin)>> {
    let mut out = BTreeMap::new();
    for (key, value, pos) in entries {
        let at = Place::at(file, pos).spanning(key.chars().count());
        let Some(workplace) = Workplace::from_key(&key) else {
            let keys = Workplace::ALL.iter().map(|w| w.key());
            let list = keys.clone().collect::<Vec<_>>().join(", ");
            let problem = Problem::new(at, format!("unknown workplace `{key}` in [setting]"))
                .expected(format!("one of: {list}"))
                .suggest(closest(&key, keys));
            return Err(Error::from(problem));
        };
        let Some(text) = value.as_str() else {
            return Err(Error::input(
                at,
                format!("`setting.{key}` must be text in quotes"),
            ));
        };
        refuse_text(at, &format!("`setting.{key}`"), text)?;
        let kind = Kind::Preset {
            id: Arc::from(id),
            hint: false,
            file: Arc::from(file),
        };
        let origin = Origin {
            source: kind.label().unwrap_or_default().into(),
            pos: Some(pos),
            kind,
        };
        out.insert(workplace, (text.to_string(), origin));
    }
    Ok(out)
}

/// The preset's metadata keys, checked.
fn meta(id: &str, file: &str, entries: Vec<(String, toml::Value, Pos)>) -> Result<Meta> {
    let mut meta = Meta::default();
    for (key, value, pos) in entries {
        let at = |p: Pos| Place::at(file, p).spanning(key.chars().count());
        let Some(s) = value.as_str().map(str::to_string) else {
            return Err(Error::input(
                at(pos),
                format!("`{key}` must be text in quotes"),
            ));
        };
        refuse_text(at(pos), &format!("`{key}`"), &s)?;
        match key.as_str() {
            "id" if s != id => {
                return Err(Error::input(
                    at(pos),
                    format!(
                        "`id = \"{s}\"` does not match the file name; a preset's id is its file stem `{id}`"
                    ),
                ));
            }
            "name" => meta.name = Some(s),
            "industry" => meta.industry = Some(s),
            "extends" => meta.extends = Some(s),
            layer::HINTS_SOURCE => meta.source = Some(s),
            _ => {}
        }
    }
    Ok(meta)
}

#[derive(Default)]
struct Meta {
    name: Option<String>,
    industry: Option<String>,
    extends: Option<String>,
    source: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reg(files: &[(&str, &str)]) -> Registry {
        let mut r = Registry::default();
        for (id, text) in files {
            r.insert(None, parse_preset(id, &format!("{id}.toml"), text).unwrap());
        }
        r
    }

    /// The paths a preset writes, as `path` or `path:add` / `path:remove` for a
    /// list edit, without the hints (suggestions differ by country).
    fn shape(p: &Preset) -> Vec<String> {
        let mut paths: Vec<String> = p.layer.ops.iter().map(|op| op.path.clone()).collect();
        paths.extend(p.setting.keys().map(|w| format!("setting.{}", w.key())));
        paths.sort();
        paths.dedup();
        paths
    }

    #[test]
    fn every_shipped_preset_is_written_in_german_and_french() {
        let reg = Registry::load(None).unwrap();
        for english in reg.all().unwrap() {
            for lang in ["de", "fr"] {
                let key = (lang.to_string(), english.id.clone());
                let entry = reg.translations.get(&key);
                let file = format!("roles/{lang}/{}.toml", english.id);
                let t = entry.unwrap_or_else(|| panic!("{file} is missing"));
                let t = t
                    .preset(&english.id)
                    .unwrap_or_else(|e| panic!("{file}: {e}"));
                assert_eq!(t.extends, english.extends, "{file}: extends");
                assert_eq!(shape(t), shape(english), "{file}: not the same fields");
                let foreign = t.locales.keys().find(|tag| !tag.starts_with(lang));
                assert!(foreign.is_none(), "{file}: rewordings for {foreign:?}");
                // The chain resolves in the language: every `remove` names an item
                // of the translated parent.
                crate::load::preset_in(&reg, &english.id, lang)
                    .unwrap_or_else(|e| panic!("{file}: {e}"));
            }
        }
    }

    #[test]
    fn chain_is_base_first() {
        let r = reg(&[
            ("a", "name = \"A\"\nindustry = \"X\"\n"),
            ("b", "name = \"B\"\nindustry = \"X\"\nextends = \"a\"\n"),
        ]);
        let ids: Vec<_> = r.chain("b").unwrap().iter().map(|p| p.id.clone()).collect();
        assert_eq!(ids, ["a", "b"]);
    }

    #[test]
    fn loops_and_missing_parents_name_the_chain() {
        let r = reg(&[
            ("a", "name = \"A\"\nindustry = \"X\"\nextends = \"b\"\n"),
            ("b", "name = \"B\"\nindustry = \"X\"\nextends = \"a\"\n"),
            ("c", "name = \"C\"\nindustry = \"X\"\nextends = \"bb\"\n"),
        ]);
        assert_eq!(
            r.chain("a").unwrap_err().to_string(),
            "role: preset `extends` loop: a → b → a"
        );
        assert_eq!(
            r.chain("c").unwrap_err().to_string(),
            "c.toml: preset extends `bb`, which does not exist (chain: c → bb); did you mean `b`?"
        );
    }

    #[test]
    fn id_must_match_file_stem() {
        let err = parse_preset(
            "a",
            "a.toml",
            "id = \"b\"\nname = \"A\"\nindustry = \"X\"\n",
        )
        .unwrap_err();
        assert!(
            err.to_string()
                .starts_with("a.toml:1:1: `id = \"b\"` does not match")
        );
    }

    #[test]
    fn every_embedded_preset_parses() {
        let r = Registry::load(None).unwrap();
        for p in r.all().unwrap() {
            r.chain(&p.id).unwrap();
        }
    }
}
