//! What the careers page and the site files keep of one exported posting: a
//! few short strings, small enough to hold for every posting of a large export
//! and to keep in the manifest, so an unchanged posting needs no render.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::{Deserialize, Serialize};
use toml::value::Date;

use super::parts::Span;
use crate::format::Format;
use crate::locale::{self, Locale};
use crate::model::Posting;
use crate::render;

/// One exported posting as the site shows it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Row {
    /// The title.
    pub title: String,
    /// The employer.
    pub company: String,
    /// `Full-time`, in the posting's locale.
    pub employment_type: String,
    /// `Hybrid`, in the posting's locale.
    pub workplace: String,
    /// The place as the page shows it.
    pub location: String,
    /// City and region (or country), for the location filter.
    pub place: String,
    /// The pay as the page shows it.
    pub pay: String,
    /// The pay with its dollar always named (`US$`, `CA$`), for a page that mixes currencies.
    pub pay_marked: String,
    /// The pay's ISO 4217 code, or empty.
    pub currency: String,
    /// `YYYY-MM-DD`: the posting's date, the run's `--posted`, or the date of
    /// its first export.
    pub posted: String,
    /// `YYYY-MM-DD`: the last day to apply, or empty.
    #[serde(default)]
    pub apply_by: String,
    /// Brand colour, or empty.
    pub color: String,
    /// A local logo to copy: the source file and its path below the output folder.
    pub logo: Option<(String, String)>,
    /// The logo as the careers page shows it: that path, or an https URL, or empty.
    pub logo_src: String,
    /// Output path relative to the output folder, `/`-separated, without extension.
    pub path: String,
    /// The posting's locale tag: the careers page reads in the most common one.
    pub locale: String,
    /// Where this posting's part of each site file that has one per posting
    /// (a feed's entry) lies in the parts file, by the site file's name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub parts: BTreeMap<String, Span>,
}

impl Row {
    /// Whether its last day to apply is before `today`.
    pub fn is_closed(&self, today: Date) -> bool {
        let apply_by = self.apply_by.parse::<toml::value::Datetime>().ok();
        crate::feed::is_closed(apply_by.and_then(|d| d.date), today)
    }

    /// The row of `p`, written to `stem`, shown with `date` when it names none.
    pub fn new(p: &Posting, stem: &Path, date: Option<Date>) -> Row {
        let posted = p.posted.as_ref().and_then(|d| d.date).or(date);
        let loc = crate::locale::of(p);
        let company = p.company.as_ref();
        Row {
            title: crate::title::shown(p, loc),
            company: company.and_then(|c| c.name.clone()).unwrap_or_default(),
            employment_type: p
                .employment_type
                .map_or(String::new(), |e| loc.employment(e)),
            workplace: p
                .location
                .as_ref()
                .and_then(|l| l.workplace)
                .map_or(String::new(), |w| loc.workplace(w)),
            location: render::location_text(p, loc),
            place: place(p),
            pay: render::pay_range(p, loc, false),
            pay_marked: render::pay_range(p, loc, true),
            currency: p
                .pay
                .as_ref()
                .and_then(|pay| pay.currency.clone())
                .unwrap_or_default(),
            posted: posted.map(|d| d.to_string()).unwrap_or_default(),
            apply_by: p
                .apply_by
                .and_then(|d| d.date)
                .map(|d| d.to_string())
                .unwrap_or_default(),
            color: company.and_then(|c| c.color.clone()).unwrap_or_default(),
            logo: None,
            logo_src: company
                .and_then(|c| c.logo.clone())
                .filter(|l| l.starts_with("https://"))
                .unwrap_or_default(),
            path: slash_path(stem),
            locale: loc.tag.to_string(),
            parts: BTreeMap::new(),
        }
    }

    /// The posting's locale.
    pub fn locale(&self) -> &'static Locale {
        locale::get(&self.locale)
            .unwrap_or_else(|| locale::get(locale::DEFAULT).expect("en-US is shipped"))
    }

    /// The relative path of the posting's file in `format`.
    pub fn file(&self, format: &Format) -> String {
        format!("{}.{}", self.path, format.extension())
    }

    /// The relative URL of the posting's page: HTML if exported, else the first format.
    pub fn link(&self, formats: &[Format]) -> String {
        let main = formats.iter().max_by_key(|f| f.link_rank());
        main.map(|f| url_path(&self.file(f))).unwrap_or_default()
    }
}

/// `Denver, CO`: the city and region, or the country, for the location filter.
fn place(p: &Posting) -> String {
    let Some(l) = &p.location else {
        return String::new();
    };
    let parts: Vec<&str> = [l.city.as_deref(), l.region.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    match (parts.is_empty(), &l.country) {
        (false, _) => parts.join(", "),
        (true, Some(c)) => crate::country::name(c),
        (true, None) => String::new(),
    }
}

/// `a/b` from a relative path, whatever the platform's separator.
pub fn slash_path(stem: &Path) -> String {
    let parts: Vec<String> = stem
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

/// Percent-encodes a relative path for an `href`, keeping `/`.
pub fn url_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Do the postings pay in more than one currency? Then on the careers page every
/// dollar says which it is (`US$`, `CA$`, [`Row::shown_pay`]), whatever the job's own
/// page shows.
pub fn mixed_currencies(rows: &[&Row]) -> bool {
    let currencies: BTreeSet<&str> = rows
        .iter()
        .map(|r| r.currency.as_str())
        .filter(|c| !c.is_empty())
        .collect();
    currencies.len() > 1
}

impl Row {
    /// The pay as the careers page shows it: with its marked currency when the
    /// postings pay in more than one.
    pub fn shown_pay(&self, mixed_currencies: bool) -> &str {
        if mixed_currencies {
            &self.pay_marked
        } else {
            &self.pay
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_encoded_paths() {
        assert_eq!(
            url_path("retail/night shift.html"),
            "retail/night%20shift.html"
        );
        assert_eq!(url_path("é.html"), "%C3%A9.html");
        assert_eq!(slash_path(Path::new("a/b")), "a/b");
    }
}
