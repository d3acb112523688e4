//! Per-locale overrides in a preset: sentences that need more than a word swap.
//!
//! ```toml
//! [locale.en-GB]
//! purpose = "You help customers …"          # a text value, replaced whole
//! "qualifications.preferred" = ["…", "…"]    # a list, replaced whole
//!
//! [locale.en-GB.duties.daily]                # list items, each replaced in place
//! "Sell cashier's checks and money orders" = "Sell banker's drafts and money orders"
//! ```
//!
//! A table may serve several locales: `[locale."en-GB en-IE"]`. Keys are posting
//! paths (nested tables or quoted dotted keys).
//!
//! A tag may name what the employer said about itself after an `@`, as POSIX
//! locale modifiers do: `[locale."en-GB@public"]` rewords only for a public
//! service (`company.sector = "public"`), `[locale."en-GB@private"]` only for a
//! private business. Where text is true of one only (billing in a private
//! clinic, none in the NHS), the plain `[locale.en-GB]` text is the one true of
//! both, for an employer who did not say; the qualified one, where given, wins. An override only
//! rewords what the presets wrote: a value or item the employer gave is never
//! replaced, and an override for text the presets do not have is an error. The
//! spelling mapping ([`super::Table`]) runs after the overrides.

use std::collections::BTreeMap;
use std::sync::Arc;

use toml::de::{DeTable, DeValue};

use crate::error::{Error, Origin as Place, Problem, Result};
use crate::layer::{Kind, LineIndex, Origin, check_path, join};
use crate::model::{Sector, is_employer_fact, is_list_path, keys_of};

/// The name of the preset table holding the overrides.
pub const TABLE: &str = crate::layer::LOCALE_TABLE;

/// One override.
#[derive(Debug, Clone, PartialEq)]
pub struct Override {
    /// The posting path it rewords.
    pub path: String,
    /// Where the override's key stands.
    pub origin: Origin,
    /// What it does.
    pub change: Change,
}

/// What an override does at its path.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// A text value, replaced whole.
    Text(String),
    /// A list, replaced whole.
    List(Vec<String>),
    /// List items, each `(as the presets write it, as this locale reads it, where)`.
    Items(Vec<(String, String, Origin)>),
}

/// Overrides by locale tag.
pub type ByLocale = BTreeMap<String, Vec<Override>>;

/// Reads a preset's `[locale]` table. `file` names the file in messages; values
/// are credited to the preset `id`, like the preset's own.
pub fn parse(file: &str, id: &str, index: &LineIndex, table: &DeTable) -> Result<ByLocale> {
    let credit = Kind::Preset {
        id: Arc::from(id),
        hint: false,
        file: Arc::from(file),
    };
    let mut out = ByLocale::new();
    for (key, value) in table.iter() {
        let at = position(file, index, key.span().start);
        let name = key.get_ref();
        let tags: Vec<&str> = name
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|t| !t.is_empty())
            .collect();
        for tag in &tags {
            check_tag(tag).map_err(|r| {
                let problem =
                    Problem::new(at.clone(), format!("[{TABLE}.\"{name}\"]: {}", r.message));
                Error::from(problem.suggest(r.suggestion.as_deref()))
            })?;
        }
        let DeValue::Table(t) = value.get_ref() else {
            return Err(Error::input(
                at,
                format!(
                    "`{TABLE}.{name}` must be a table of posting paths, e.g. `[{TABLE}.en-GB]`"
                ),
            ));
        };
        let cx = Cx {
            file,
            index,
            credit: &credit,
        };
        let mut list = Vec::new();
        cx.walk(t, "", &mut list)?;
        for tag in tags {
            out.entry(tag.to_string())
                .or_default()
                .extend(list.iter().cloned());
        }
    }
    Ok(out)
}

/// Checks a tag: a locale or a region, then an optional `@sector`.
fn check_tag(tag: &str) -> std::result::Result<(), crate::error::Refusal> {
    let (place, sector) = split_sector(tag);
    if let Some(sector) = sector.filter(|s| Sector::from_key(s).is_none()) {
        let near = crate::error::closest(sector, Sector::KEYS.iter().copied());
        let message = format!(
            "unknown sector `@{sector}`; expected one of: {}",
            Sector::KEYS.join(", ")
        );
        let suggestion = near.map(|s| format!("{place}@{s}"));
        return Err(crate::error::Refusal::new(message, suggestion.as_deref()));
    }
    match is_region_tag(place) {
        true => Ok(()),
        false => crate::locale::refuse(place),
    }
}

/// `("en-GB", Some("public"))` for `en-GB@public`; `("en-GB", None)` for `en-GB`.
pub fn split_sector(tag: &str) -> (&str, Option<&str>) {
    match tag.split_once('@') {
        Some((place, sector)) => (place, Some(sector)),
        None => (tag, None),
    }
}

/// The tags whose rewordings apply to a job, most specific first: its region
/// and locale, each first with the employer's sector (when it said) and then
/// without. A rewording of a more specific tag wins (see `load::localise`).
pub fn tags_for(locale: &str, region: Option<&str>, sector: Option<Sector>) -> Vec<String> {
    let mut out = Vec::new();
    for place in region.into_iter().chain(std::iter::once(locale)) {
        if let Some(s) = sector {
            out.push(format!("{place}@{}", s.key()));
        }
        out.push(place.to_string());
    }
    out
}

/// Whether `tag` names a state or province rather than a locale: its country's
/// ISO code and the region's code, as `CA-ON` or `AU-NSW`. What a role needs can
/// differ by region (the licence to serve alcohol), so such a table rewords the
/// preset's text for jobs there, before the locale's rewordings.
pub fn is_region_tag(tag: &str) -> bool {
    let Some((country, region)) = tag.split_once('-') else {
        return false;
    };
    isocountry::CountryCode::for_alpha2(country).is_ok()
        && (2..=3).contains(&region.len())
        && region
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// The region tag of the job's place (`CA-ON`), when its country and region
/// make one.
pub fn region_of(posting: &crate::model::Posting) -> Option<String> {
    let l = posting.location.as_ref()?;
    let tag = region_tag(l.country.as_deref()?, l.region.as_deref()?);
    is_region_tag(&tag).then_some(tag)
}

/// Whether one of the presets' rewordings `chain` (a preset chain's, by locale)
/// words text by the employer's sector (`[locale."en-GB@public"]`) in the
/// locale and region of `posting`: then the wizard asks the employer which it is.
pub fn sector_matters<'a>(
    chain: impl IntoIterator<Item = &'a ByLocale>,
    posting: &crate::model::Posting,
) -> bool {
    let locale = &crate::locale::of(posting).tag;
    let region = region_of(posting);
    let qualified: Vec<String> = Sector::ALL
        .iter()
        .flat_map(|s| tags_for(locale, region.as_deref(), Some(*s)))
        .filter(|t| t.contains('@'))
        .collect();
    chain
        .into_iter()
        .any(|by| qualified.iter().any(|t| by.contains_key(t)))
}

/// The region tag of a job: `CA-ON` for `country = "CA"`, `region = "on"`.
pub fn region_tag(country: &str, region: &str) -> String {
    format!(
        "{}-{}",
        country.trim().to_ascii_uppercase(),
        region.trim().to_ascii_uppercase()
    )
}

/// What every override of one file shares.
struct Cx<'a> {
    file: &'a str,
    index: &'a LineIndex<'a>,
    credit: &'a Kind,
}

fn position(file: &str, index: &LineIndex, offset: usize) -> Place {
    Place::at(file, index.pos(offset))
}

impl Cx<'_> {
    fn origin(&self, offset: usize) -> Origin {
        Origin {
            source: self.credit.label().unwrap_or_default().into(),
            pos: Some(self.index.pos(offset)),
            kind: self.credit.clone(),
        }
    }

    fn walk(&self, table: &DeTable, prefix: &str, out: &mut Vec<Override>) -> Result<()> {
        for (key, value) in table.iter() {
            let path = join(prefix, key.get_ref());
            let offset = key.span().start;
            let at = position(self.file, self.index, offset);
            let table_path = keys_of(&path).is_some() && !path.is_empty();
            if !table_path {
                check_path(&path).map_err(|p| Error::from(p.moved_to(at.clone())))?;
            }
            if is_employer_fact(&path) {
                return Err(Error::input(
                    at,
                    format!(
                        "`{path}` is an employer fact; a preset's locale text rewords role knowledge only"
                    ),
                ));
            }
            let change = match (value.get_ref(), is_list_path(&path)) {
                (DeValue::Table(t), false) if table_path => {
                    self.walk(t, &path, out)?;
                    continue;
                }
                (DeValue::String(s), false) => Change::Text(s.to_string()),
                (DeValue::Array(a), true) => Change::List(self.strings(&path, a)?),
                (DeValue::Table(t), true) => Change::Items(self.items(&path, t)?),
                (_, list) => return Err(Error::input(at, expected(&path, list))),
            };
            out.push(Override {
                path,
                origin: self.origin(offset),
                change,
            });
        }
        Ok(())
    }

    fn strings(&self, path: &str, array: &toml::de::DeArray) -> Result<Vec<String>> {
        array
            .iter()
            .map(|v| match v.get_ref() {
                DeValue::String(s) => Ok(s.to_string()),
                _ => Err(Error::input(
                    position(self.file, self.index, v.span().start),
                    format!("`{path}` is a list of text; expected text in quotes"),
                )),
            })
            .collect()
    }

    fn items(&self, path: &str, table: &DeTable) -> Result<Vec<(String, String, Origin)>> {
        table
            .iter()
            .map(|(k, v)| match v.get_ref() {
                DeValue::String(s) => Ok((
                    k.get_ref().to_string(),
                    s.to_string(),
                    self.origin(k.span().start),
                )),
                _ => Err(Error::input(
                    position(self.file, self.index, v.span().start),
                    format!(
                        "an item of `{path}` is replaced by text in quotes: \"as the preset writes it\" = \"as this locale reads it\""
                    ),
                )),
            })
            .collect()
    }
}

fn expected(path: &str, list: bool) -> String {
    if list {
        format!(
            "`{path}` is a list; expected the whole list (`[\"…\"]`) or items to replace (`{{ \"as written\" = \"in this locale\" }}`)"
        )
    } else {
        format!("`{path}` is text; expected text in quotes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Result<ByLocale> {
        let index = LineIndex::new(text);
        let table = DeTable::parse(text).unwrap();
        let locale = match table.get_ref().get(TABLE).map(|v| v.get_ref()) {
            Some(DeValue::Table(t)) => t.clone(),
            _ => panic!("no [locale]"),
        };
        parse("p.toml", "p", &index, &locale)
    }

    #[test]
    fn values_lists_and_items_are_read_with_positions() {
        let by = run(
            "[locale.en-GB]\npurpose = \"A\"\n\"skills.required\" = [\"x\"]\n\
                      [locale.en-GB.duties.daily]\n\"Cash checks\" = \"Cash cheques\"\n",
        )
        .unwrap();
        let gb = &by["en-GB"];
        assert_eq!(gb[0].change, Change::Text("A".into()));
        assert_eq!(gb[1].path, "skills.required");
        assert_eq!(gb[2].path, "duties.daily");
        let Change::Items(items) = &gb[2].change else {
            panic!()
        };
        assert_eq!(items[0].0, "Cash checks");
        assert_eq!(items[0].2.to_string(), "preset p:5:1");
    }

    #[test]
    fn one_table_serves_several_locales() {
        let by = run("[locale.\"en-GB, en-IE\"]\npurpose = \"A\"\n[locale.en-GB]\ntitle = \"B\"\n")
            .unwrap();
        assert_eq!(by["en-IE"].len(), 1);
        assert_eq!(by["en-GB"].len(), 2);
        assert!(!by.contains_key("en-AU"));
    }

    #[test]
    fn a_tag_may_name_the_employer_sector() {
        let by = run("[locale.\"en-GB@public en-IE\"]\npurpose = \"A\"\n").unwrap();
        assert!(by.contains_key("en-GB@public") && by.contains_key("en-IE"));
        let e = run("[locale.\"en-GB@privat\"]\npurpose = \"A\"\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("unknown sector `@privat`"), "{e}");
        assert!(e.ends_with("did you mean `en-GB@private`?"), "{e}");
        assert_eq!(
            tags_for("en-CA", Some("CA-ON"), Some(Sector::Private)),
            ["CA-ON@private", "CA-ON", "en-CA@private", "en-CA"]
        );
        assert_eq!(tags_for("en-GB", None, None), ["en-GB"]);
    }

    #[test]
    fn mistakes_name_the_place_and_the_closest_name() {
        let err = |t: &str| run(t).unwrap_err().to_string();
        let e = err("[locale.en-UK]\npurpose = \"A\"\n");
        assert!(
            e.starts_with("p.toml:1:9: [locale.\"en-UK\"]: unknown locale"),
            "{e}"
        );
        assert!(e.ends_with("did you mean `en-GB`?"), "{e}");
        let e = err("[locale.en-GB]\npurpse = \"A\"\n");
        assert!(
            e.starts_with("p.toml:2:1: unknown key `purpse` at the top level;"),
            "{e}"
        );
        assert!(e.ends_with("did you mean `purpose`?"), "{e}");
        let e = err("[locale.en-GB.duties]\ndaily = \"A\"\n");
        assert!(e.starts_with("p.toml:2:1: `duties.daily` is a list"), "{e}");
        let e = err("[locale.en-GB.pay]\nextras = \"A\"\n");
        assert!(e.contains("is an employer fact"), "{e}");
    }
}
