//! The wizard's state: what was given (role preset, `--from`, `--company`,
//! `--set`), what was answered, and the posting file both make.
//!
//! Answers are layer values keyed by dotted path. The posting file holds the role,
//! every given value and every answer that differs from the preset; it is merged
//! over the preset chain by [`load::merge`], exactly as `jobpost render` merges it.
//!
//! Preset text reads in the posting's locale, which the place decides. The base is
//! merged again once the place is answered ([`State::follow_place`]), so the values
//! to keep, the items to tick and the hints offered are in the employer's locale;
//! the preset values they are compared with are merged in that locale too, so a
//! kept preset value is still left out of the file (render respells it).

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use crate::error::Result;
use crate::layer::{self, Layer};
use crate::load::{self, Inputs, Merged, Slot};
use crate::model::keys_of;
use crate::preset::{Preset, Registry};

use crate::lint::config::Config;
use crate::lint::doc::{Doc, Facts};
use crate::lint::rules::consistency;
use crate::lint::rules::pay::{self, Jurisdiction};

use super::fields::{self, Field, Kind};

/// The step id of the role question (fields use their path).
pub const ROLE: &str = "role";

/// Everything known so far.
#[derive(Debug, Clone)]
pub struct State {
    /// The role preset: given, chosen, or none.
    pub role: Option<String>,
    /// The preset chain merged with what was given.
    pub base: Merged,
    /// The preset chain's values alone, by path.
    preset: Values,
    /// Paths whose values came from flags or files; they are not asked again.
    pub given: BTreeSet<String>,
    /// Answers by path; `None` means left out.
    pub answers: BTreeMap<String, Option<toml::Value>>,
    /// Steps answered: [`ROLE`] or a field path.
    pub answered: BTreeSet<String>,
    /// Every item a list showed, by path: unticked ones stay to be ticked again.
    pub offered: BTreeMap<String, Vec<String>>,
    inputs: Inputs,
    /// The answered place the base was merged with, as `--set` values (a place
    /// answer left out is an `--unset`).
    place: (Vec<String>, Vec<String>),
    /// The date offered as the date posted (read from the clock once, by the caller).
    pub today: Option<toml::value::Datetime>,
    /// Whether the preset words its text by `company.sector` in the job's locale
    /// or region, so the wizard asks it.
    pub sector_matters: bool,
}

/// What the statements on AI screening and the vacancy are, as lint words them.
use crate::lint::rules::pay::HIRING_STATEMENTS;

/// The answers that decide the locale (and the workplace the setting text).
const PLACE: &[&str] = &[
    "location.workplace",
    "location.country",
    "location.region",
    "location.applicant_countries",
    "locale",
    "company.sector",
];

impl State {
    /// Loads what `inputs` name. Paths of `answered` steps (from a draft) count
    /// as answers, the rest of the draft as given.
    pub fn new(registry: &Registry, inputs: &Inputs, answered: BTreeSet<String>) -> Result<Self> {
        let base = load::load(registry, inputs)?;
        let mut state = State {
            role: base.posting.role.clone(),
            base,
            preset: BTreeMap::new(),
            given: BTreeSet::new(),
            answers: BTreeMap::new(),
            answered,
            offered: BTreeMap::new(),
            inputs: inputs.clone(),
            place: Default::default(),
            today: None,
            sector_matters: false,
        };
        state.classify(registry)?;
        for path in state.answered.clone() {
            if path != ROLE {
                state.answers.insert(path.clone(), state.slot(&path));
            }
        }
        Ok(state)
    }

    /// Whether the role came from a flag or file rather than an answer.
    pub fn role_given(&self) -> bool {
        self.role.is_some() && !self.answered.contains(ROLE) && self.base.origin(ROLE).is_some()
    }

    /// Answers the role question: merges another preset below the answers.
    pub fn set_role(&mut self, registry: &Registry, role: Option<String>) -> Result<()> {
        self.inputs.role = role.clone();
        self.role = role;
        self.answered.insert(ROLE.to_string());
        self.remerge(registry).map(|_| ())
    }

    /// Merges the base again when the answered place changed since the last
    /// merge, so preset text and hints read in the place's locale. Cheap when
    /// nothing changed: called after every answer.
    ///
    /// Answers stay as given, except a kept preset value: it is not the
    /// employer's own words (it is left out of the file, and render writes it in
    /// the posting's locale), so it follows the new wording, as do the items a
    /// list showed.
    pub fn follow_place(&mut self, registry: &Registry) -> Result<()> {
        if self.place_answers() == self.place {
            return Ok(());
        }
        let (preset, hints) = self.remerge(registry)?;
        for (path, answer) in self.answers.iter_mut() {
            let kept = answer.is_some() && answer.as_ref() == preset.get(path);
            if let (true, Some(now)) = (kept, self.preset.get(path)) {
                *answer = Some(now.clone());
            }
        }
        let hints_now = values_of(&self.base.hints);
        for (path, items) in self.offered.iter_mut() {
            follow(items, preset.get(path), self.preset.get(path));
            follow(items, hints.get(path), hints_now.get(path));
        }
        Ok(())
    }

    /// The place answers as `--set` values, and those left out as `--unset` ones.
    fn place_answers(&self) -> (Vec<String>, Vec<String>) {
        let (mut sets, mut unsets) = (Vec::new(), Vec::new());
        for path in PLACE.iter().filter(|p| self.answered.contains(**p)) {
            match self.answers.get(*path).cloned().flatten() {
                Some(v) => sets.push(format!("{path}={v}")),
                None => unsets.push(path.to_string()),
            }
        }
        (sets, unsets)
    }

    /// Merges the given inputs with the answered place and sorts the values
    /// again; returns the preset values and hints merged before.
    fn remerge(&mut self, registry: &Registry) -> Result<(Values, Values)> {
        let place = self.place_answers();
        let mut inputs = self.inputs.clone();
        // An answered place replaces what the flags gave for it.
        inputs
            .sets
            .retain(|s| !place_path(s).is_some_and(|p| self.answered.contains(p)));
        inputs.unsets.extend(place.1.iter().cloned());
        inputs.sets.extend(place.0.iter().cloned());
        let hints = values_of(&self.base.hints);
        self.base = load::load(registry, &inputs)?;
        self.place = place;
        let preset = std::mem::take(&mut self.preset);
        self.classify(registry)?;
        Ok((preset, hints))
    }

    /// Sorts the merged values into preset values and given values.
    fn classify(&mut self, registry: &Registry) -> Result<()> {
        let chain = self.chain(registry)?;
        self.sector_matters = crate::spelling::overrides::sector_matters(
            chain.iter().map(|p| &p.locales),
            &self.base.posting,
        );
        let sources: Vec<Arc<str>> = chain.iter().map(|p| p.layer.source.clone()).collect();
        self.preset = preset_values(&chain, &self.base)?;
        let from_preset = |slot: &Slot| match slot {
            Slot::Value(_, o) => sources.contains(&o.source),
            Slot::List(items) => items.iter().all(|(_, o)| sources.contains(&o.source)),
        };
        self.given = self
            .base
            .slots
            .iter()
            .filter(|(path, slot)| {
                *path != ROLE
                    && !self.answered.contains(*path)
                    && (!from_preset(slot) || self.preset.get(*path) != Some(&slot.value()))
            })
            .map(|(path, _)| path.clone())
            .collect();
        Ok(())
    }

    /// The preset chain in the posting's language, as `render` loads it: preset
    /// text written in German or French is the preset's own there, not the
    /// employer's (so a kept item is not written to the file).
    fn chain<'r>(&self, registry: &'r Registry) -> Result<Vec<&'r Preset>> {
        Ok(match &self.role {
            Some(id) => registry.chain_in(id, self.locale().language())?,
            None => Vec::new(),
        })
    }

    fn slot(&self, path: &str) -> Option<toml::Value> {
        self.base.slots.get(path).map(Slot::value)
    }

    /// The value at `path` now: the answer, else what was given or preset.
    pub fn current(&self, path: &str) -> Option<toml::Value> {
        match self.answers.get(path) {
            Some(answer) => answer.clone(),
            None => self.slot(path),
        }
    }

    /// The preset's value at `path`.
    pub fn preset(&self, path: &str) -> Option<&toml::Value> {
        self.preset.get(path)
    }

    /// The preset's suggestion for the employer fact at `path` (`[hints]`).
    pub fn hint(&self, path: &str) -> Option<toml::Value> {
        self.base.hints.get(path).map(Slot::value)
    }

    /// Records the answer to `field`.
    pub fn answer(&mut self, path: &str, value: Option<toml::Value>) {
        self.answers.insert(path.to_string(), value);
        self.answered.insert(path.to_string());
    }

    /// Checks typed (non-empty) `text` for `field` with the `validate` rules,
    /// against the other answers where a rule spans two fields.
    pub fn check(&self, field: &Field, text: &str) -> std::result::Result<(), String> {
        match field.kind {
            Kind::Line(Some(rule)) => rule(text),
            Kind::Money(end) => {
                fields::money(text, end, self.other_end(end))?;
                self.plausible(text)
            }
            Kind::Months => fields::parse_months(text).map(|_| ()),
            Kind::Hours => fields::parse_hours(text).map(|_| ()),
            Kind::Date => fields::parse_date(text).map(|_| ()),
            Kind::Countries => fields::parse_countries(text).map(|_| ()),
            Kind::Country => fields::parse_country(text).map(|_| ()),
            _ => Ok(()),
        }
    }

    /// A pay figure must be pay for the chosen period ("15 per year" is not).
    fn plausible(&self, text: &str) -> std::result::Result<(), String> {
        let figure = fields::parse_number(text)?;
        let (Some(period), Some(currency)) =
            (self.text_of("pay.period"), self.text_of("pay.currency"))
        else {
            return Ok(());
        };
        match consistency::implausible(figure, &period, &currency) {
            Some(reason) => Err(crate::ui::f("check.implausible", &[("reason", &reason)])),
            None => Ok(()),
        }
    }

    /// The text value at `path`, if any.
    pub fn text_of(&self, path: &str) -> Option<String> {
        self.current(path)
            .and_then(|v| v.as_str().map(str::to_string))
            .filter(|s| !s.trim().is_empty())
    }

    /// The locale the posting reads in, as answered so far.
    pub fn locale(&self) -> &'static crate::locale::Locale {
        crate::locale::of(&self.base.posting)
    }

    /// Whether the job is remote.
    pub fn remote(&self) -> bool {
        self.text_of("location.workplace").as_deref() == Some("remote")
    }

    /// The pay-transparency laws of the job's place, as lint finds them.
    pub fn laws(&self) -> Vec<&'static Jurisdiction> {
        let facts = Facts {
            country: self.text_of("location.country"),
            // "Colorado" and "Colo." bring Colorado's law, as "CO" does.
            region: self
                .text_of("location.region")
                .map(|r| crate::lint::posting::region_code(&r)),
            city: self.text_of("location.city"),
            remote: self.remote(),
            ..Facts::default()
        };
        let doc = Doc::new("", "", Vec::new(), facts, Vec::new());
        pay::jurisdictions_for(&doc, &Config::default(), &[])
    }

    /// Why the law of the job's place needs `path` (naming the law), if it does.
    ///
    /// [`HIRING_STATEMENTS`] words the statements on AI screening and the vacancy.
    pub fn required_by_law(&self, path: &str) -> Option<String> {
        let wants: fn(&Jurisdiction) -> bool = match path {
            "pay.min" | "pay.currency" | "pay.period" => |j| j.requires_pay,
            "pay.benefits" => |j| j.benefits,
            "apply_by" => |j| j.deadline,
            "apply.ai_screening" | "apply.vacancy" => |j| j.hiring_statements,
            _ => return None,
        };
        let law = self.laws().into_iter().find(|j| wants(j))?;
        let what = match path {
            "pay.benefits" => "a general description of benefits",
            "apply_by" => "the application deadline",
            "apply.ai_screening" => HIRING_STATEMENTS[0],
            "apply.vacancy" => HIRING_STATEMENTS[1],
            _ => law.must_show,
        };
        Some(format!("{} requires {what}", law.law))
    }

    /// The other end of the pay range, to check `end` against. The top is asked
    /// after the bottom, so the bottom is checked only against a given top.
    fn other_end(&self, end: fields::End) -> Option<f64> {
        let other = match end {
            fields::End::Min if self.given.contains("pay.max") => "pay.max",
            fields::End::Min => return None,
            fields::End::Max => "pay.min",
        };
        let v = self.current(other)?;
        v.as_float().or(v.as_integer().map(|i| i as f64))
    }

    /// Whether a given value of `field` passes its rule (a bad one is asked again).
    pub fn given_ok(&self, field: &Field) -> bool {
        match self.current(field.path) {
            Some(v) => self.check(field, &display(&v)).is_ok(),
            None => true,
        }
    }

    /// The value written to the posting file at `path`, if any.
    fn written(&self, path: &str) -> Option<toml::Value> {
        if path == ROLE {
            return self.role.clone().map(toml::Value::String);
        }
        match self.answers.get(path) {
            Some(answer) => answer
                .clone()
                .filter(|v| self.given.contains(path) || self.preset.get(path) != Some(v)),
            None if self.given.contains(path) => self.slot(path),
            None => None,
        }
    }

    /// The posting file: role, given values and answers that differ from the preset.
    pub fn document(&self) -> toml::Table {
        let mut root = toml::Table::new();
        for (table, keys) in crate::model::fields::tables() {
            let mut section = toml::Table::new();
            for key in keys.iter() {
                let path = layer::join(table, key);
                // Tables come in their own turn; `include` values are written themselves.
                if keys_of(&path).is_some() || path == "include" {
                    continue;
                }
                if let Some(v) = self.written(&path) {
                    section.insert(key.to_string(), v);
                }
            }
            if table.is_empty() {
                root.extend(section);
            } else if !section.is_empty() {
                root.insert(table.to_string(), toml::Value::Table(section));
            }
        }
        root
    }

    /// The posting file as TOML text.
    pub fn text(&self) -> String {
        toml::to_string_pretty(&self.document()).unwrap_or_default()
    }

    /// The posting file (named `name`) merged over the preset chain: what
    /// `jobpost render` makes of the saved file.
    pub fn merged(&self, registry: &Registry, name: &str) -> Result<Merged> {
        let text = self.text();
        let (layer, _) = layer::parse(name, &text, false)?;
        let chain = self.chain(registry)?;
        let mut merged = load::merge_with_chain(&chain, &[layer])?;
        merged.file = Some(Arc::from(name));
        Ok(merged)
    }
}

/// The path a `KEY=VALUE` sets, if it is a place path.
fn place_path(set: &str) -> Option<&'static str> {
    let path = set.split_once('=')?.0.trim();
    PLACE.iter().find(|p| **p == path).copied()
}

/// The preset chain's values as `base` shows them: in its locale, with the
/// setting text of its workplace. The locale and workplace are the preset's own.
fn preset_values(chain: &[&Preset], base: &Merged) -> Result<Values> {
    let layers: Vec<&Layer> = chain.iter().map(|p| &p.layer).collect();
    let own = values(&load::merge(&layers)?);
    let tag = crate::locale::of(&base.posting).tag.clone();
    let mut text = format!("locale = {}\n", toml::Value::String(tag));
    if let Some(w) = base.slots.get("location.workplace") {
        text.push_str(&format!("[location]\nworkplace = {}\n", w.value()));
    }
    let (place, _) = layer::parse("place", &text, false)?;
    let mut localised = values(&load::merge_with_chain(chain, &[place])?);
    for path in ["locale", "location.workplace"] {
        match own.get(path) {
            Some(v) => localised.insert(path.to_string(), v.clone()),
            None => localised.remove(path),
        };
    }
    Ok(localised)
}

/// Values by path.
type Values = BTreeMap<String, toml::Value>;

fn values(merged: &Merged) -> Values {
    values_of(&merged.slots)
}

fn values_of(slots: &BTreeMap<String, Slot>) -> Values {
    slots.iter().map(|(p, s)| (p.clone(), s.value())).collect()
}

/// Rewrites the `items` that were items of the list `old` as the item at the same
/// place in `new`: the same list in another locale (kept when the lengths differ,
/// as when a locale rewords the whole list).
fn follow(items: &mut Vec<String>, old: Option<&toml::Value>, new: Option<&toml::Value>) {
    let (Some(old), Some(new)) = (
        old.and_then(|v| v.as_array()),
        new.and_then(|v| v.as_array()),
    ) else {
        return;
    };
    if old.len() != new.len() {
        return;
    }
    for item in items.iter_mut() {
        let at = old.iter().position(|v| v.as_str() == Some(item.as_str()));
        if let Some(now) = at.and_then(|i| new[i].as_str()) {
            *item = now.to_string();
        }
    }
    let mut seen = BTreeSet::new();
    items.retain(|i| seen.insert(i.clone()));
}

/// A value as a person would type it: text bare, numbers plain.
pub fn display(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => s.clone(),
        toml::Value::Float(f) => f.to_string(),
        toml::Value::Array(items) => items.iter().map(display).collect::<Vec<_>>().join(", "),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(sets: &[&str]) -> State {
        let inputs = Inputs {
            role: Some("cashier".into()),
            sets: sets.iter().map(|s| s.to_string()).collect(),
            ..Inputs::default()
        };
        State::new(&Registry::load(None).unwrap(), &inputs, BTreeSet::new()).unwrap()
    }

    #[test]
    fn a_region_in_any_spelling_brings_its_law() {
        for region in ["CO", "Colorado", "Colo.", "colorado"] {
            let set = format!("location.region={region}");
            let s = state(&["location.country=US", "location.city=Denver", &set]);
            let law = s.required_by_law("apply_by").unwrap_or_default();
            assert!(law.starts_with("Colorado's"), "{region}: {law}");
        }
    }

    #[test]
    fn given_values_are_told_apart_from_the_preset() {
        let s = state(&["company.name=Acme", "title=Cashier"]);
        assert!(s.given.contains("company.name"));
        assert!(
            s.given.contains("title"),
            "given even when equal to the preset"
        );
        assert!(!s.given.contains("purpose"));
        assert!(s.role_given());
    }

    #[test]
    fn the_document_holds_given_values_and_changed_answers() {
        let mut s = state(&["company.name=Acme"]);
        let preset_title = s.current("title");
        s.answer("title", preset_title);
        s.answer("pay.min", Some(toml::Value::Float(16.0)));
        let text = s.text();
        assert!(text.starts_with("role = \"cashier\"\n"), "{text}");
        assert!(
            !text.contains("title"),
            "unchanged answers stay in the preset: {text}"
        );
        assert!(text.contains("min = 16.0"), "{text}");
        assert!(text.contains("name = \"Acme\""), "{text}");
    }

    #[test]
    fn preset_text_in_a_given_locale_is_preset_not_given() {
        let s = state(&["location.country=GB", "location.workplace=on-site"]);
        let daily = s.current("duties.daily").unwrap();
        assert!(daily.to_string().contains("at the till"), "{daily}");
        for path in ["duties.daily", "purpose", "conditions.environment"] {
            assert!(!s.given.contains(path), "{path} is the preset's");
        }
        let text = s.text();
        assert!(
            !text.contains("duties") && !text.contains("environment"),
            "{text}"
        );
        assert!(
            s.hint("apply.instructions")
                .unwrap()
                .to_string()
                .contains("CV")
        );
    }

    #[test]
    fn the_merged_posting_is_what_render_loads() {
        let mut s = state(&[]);
        s.answer("duties.weekly", Some(toml::Value::Array(vec![])));
        let registry = Registry::load(None).unwrap();
        let merged = s.merged(&registry, "posting.toml").unwrap();
        let weekly = merged.posting.duties.unwrap().weekly.unwrap();
        assert!(weekly.is_empty());
        assert_eq!(merged.posting.title.as_deref(), Some("Cashier"));
    }
}
