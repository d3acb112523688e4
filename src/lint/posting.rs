//! A merged TOML posting as a lint [`Doc`], laid out the way readers see it
//! rendered: the sections of [`crate::model::fields::SECTIONS`] (the posting templates'
//! blocks) with the headings the templates print, in the posting's locale, and the
//! same combined "Required" list. Each text value sits at the line of its key in the
//! posting file; values inherited from a preset or an include point at the
//! `role`/`include` key, where they enter.

use super::doc::{Doc, Facts, Loc, PayFacts, Section, SegKind, Segment, parse_toml_suppressions};
use super::facts::Analysed;
use crate::layer::Origin;
use crate::load::{Merged, Slot};
use crate::model::Workplace;
use crate::model::fields::{Heading, Part, SECTIONS};
use crate::render::View;

/// Builds segments at their file positions.
struct Builder<'a> {
    merged: &'a Merged,
    view: View,
    path: &'a str,
    fallback: Loc,
}

/// The lint view of `merged`, read from the posting file `path` whose text is `source`.
pub fn from_merged(path: &str, source: &str, merged: &Merged) -> Doc {
    let b = Builder {
        merged,
        view: View::new(&merged.posting),
        path,
        fallback: entry_point(path, merged),
    };
    // The title as readers see it: with the marker German and French postings gain
    // when rendered ("Kassierer (m/w/d)"), so `title-gender` judges what is published.
    let shown = crate::title::shown(&merged.posting, crate::locale::of(&merged.posting));
    let mut segments: Vec<Segment> = b
        .text("title", Section::Title, SegKind::Title)
        .map(|mut s| {
            s.text = shown;
            s
        })
        .into_iter()
        .collect();
    segments.extend(b.sections());
    // Split once: the facts read the text where a field is missing, and lint's
    // rules read the same split from the cache.
    let analysed = super::facts::analyse(&segments);
    let facts = facts(&b, &segments, &analysed);
    let mut doc = Doc::new(
        path,
        source,
        segments,
        facts,
        parse_toml_suppressions(source),
    );
    doc.keys = key_positions(source);
    doc.analysis = super::doc::Analysis(analysed);
    // The posting is written in its resolved locale's language (the tag's first part).
    doc.lang = crate::locale::of(&merged.posting)
        .tag
        .split('-')
        .next()
        .and_then(super::Lang::from_tag);
    doc
}

/// Where each key and table header of the posting file `source` is, by posting
/// path: a key at its first character, a table at the `[` of its header, each
/// with the length to underline. A file that does not parse has none (the loader
/// reports it).
fn key_positions(source: &str) -> std::collections::BTreeMap<String, (Loc, usize)> {
    let mut out = std::collections::BTreeMap::new();
    if let Ok(table) = toml::de::DeTable::parse(source) {
        let index = crate::layer::LineIndex::new(source);
        walk_keys(source, &index, table.get_ref(), "", &mut out);
    }
    out
}

fn walk_keys(
    source: &str,
    index: &crate::layer::LineIndex,
    table: &toml::de::DeTable,
    prefix: &str,
    out: &mut std::collections::BTreeMap<String, (Loc, usize)>,
) {
    for (key, value) in table.iter() {
        let path = crate::layer::join(prefix, key.get_ref());
        let start = key.span().start;
        let pos = index.pos(start);
        // A table header: point at its `[`, underlining the header.
        let line = source
            .get(..start)
            .map_or(0, |b| b.rfind('\n').map_or(0, |i| i + 1));
        let text = source
            .get(line..)
            .and_then(|l| l.lines().next())
            .unwrap_or_default();
        let header = text.trim_start().starts_with('[');
        let at = match header {
            true => {
                let col = text.chars().take_while(|c| c.is_whitespace()).count() + 1;
                let len = text
                    .split('#')
                    .next()
                    .unwrap_or(text)
                    .trim()
                    .chars()
                    .count();
                (Loc::new(pos.line, col), len)
            }
            false => (Loc::new(pos.line, pos.col), key.get_ref().chars().count()),
        };
        out.entry(path.clone()).or_insert(at);
        if let toml::de::DeValue::Table(t) = value.get_ref() {
            walk_keys(source, index, t, &path, out);
        }
    }
}

impl Builder<'_> {
    /// Every section's text with the headings the templates print: a block's heading
    /// once, before its first group with text, then each group's own sub-heading.
    fn sections(&self) -> Vec<Segment> {
        let locale = crate::locale::of(&self.merged.posting);
        let groups = SECTIONS
            .iter()
            .flat_map(|s| s.groups.iter().map(move |g| (s, g)));
        let mut segments = Vec::new();
        let mut opened = None;
        for (id, (section, group)) in groups.enumerate() {
            let body = self.group(group, id);
            let Some(at) = body.first().map(|s| s.loc) else {
                continue;
            };
            let heading =
                |text: String| Segment::inexact(section_of(group.part), SegKind::Heading, text, at);
            if opened != Some(section.id) {
                opened = Some(section.id);
                let text = section.heading.map(|h| self.heading(h, locale));
                segments.extend(text.map(heading));
            }
            let sub = group.heading.map(|key| locale.text(key).to_string());
            segments.extend(sub.map(heading));
            segments.extend(body);
        }
        segments
    }

    /// The segments of one group's fields; its bullets form list `id`.
    fn group(&self, group: &crate::model::fields::Group, id: usize) -> Vec<Segment> {
        group
            .fields
            .iter()
            .flat_map(|f| self.field(f, section_of(group.part)))
            .map(|s| {
                if s.kind == SegKind::Bullet {
                    s.in_list(id)
                } else {
                    s
                }
            })
            .collect()
    }

    /// A block's heading as the templates print it.
    fn heading(&self, heading: Heading, locale: &crate::locale::Locale) -> String {
        match heading {
            Heading::Text(key) => locale.text(key).to_string(),
            Heading::AboutEmployer => {
                let name = self.view.company.name.as_str();
                let name = if name.is_empty() {
                    locale.text("about_us")
                } else {
                    name
                };
                format!("{} {name}", locale.text("about"))
            }
        }
    }

    fn loc(&self, origin: Option<&Origin>) -> Loc {
        match origin {
            Some(o) if &*o.source == self.path => {
                o.pos.map_or(self.fallback, |p| Loc::new(p.line, p.col))
            }
            _ => self.fallback,
        }
    }

    /// The segments of one field: prose for text, bullets for lists.
    fn field(&self, field: &str, section: Section) -> Vec<Segment> {
        match field {
            "=pay" => self.derived(&self.view.pay.range, section, SegKind::Prose, "pay.min"),
            "=required-extra" => self.required_extra(section),
            "apply.url" | "apply.email" => self
                .text(field, section, SegKind::Heading)
                .into_iter()
                .collect(),
            _ => match self.merged.slots.get(field) {
                Some(Slot::List(items)) => items
                    .iter()
                    .map(|(text, o)| {
                        Segment::inexact(section, SegKind::Bullet, text.clone(), self.loc(Some(o)))
                    })
                    .collect(),
                _ => self
                    .text(field, section, SegKind::Prose)
                    .into_iter()
                    .collect(),
            },
        }
    }

    fn text(&self, field: &str, section: Section, kind: SegKind) -> Option<Segment> {
        match self.merged.slots.get(field)? {
            Slot::Value(toml::Value::String(s), o) if !s.trim().is_empty() => Some(
                Segment::inexact(section, kind, s.clone(), self.loc(Some(o))),
            ),
            _ => None,
        }
    }

    /// Text the renderer derives from a field, placed at that field.
    fn derived(&self, text: &str, section: Section, kind: SegKind, at: &str) -> Vec<Segment> {
        if text.is_empty() {
            return Vec::new();
        }
        vec![Segment::inexact(
            section,
            kind,
            text,
            self.loc(self.merged.origin(at)),
        )]
    }

    /// The education and experience lines the "Required" list gains when rendered.
    fn required_extra(&self, section: Section) -> Vec<Segment> {
        let p = &self.merged.posting;
        let listed = p
            .skills
            .iter()
            .flat_map(|s| s.required.iter().flatten())
            .count()
            + p.qualifications
                .iter()
                .flat_map(|q| q.required.iter().flatten())
                .count();
        let extra = self.view.required.get(listed..).unwrap_or_default();
        // The renderer adds the education line, then the experience line last.
        let experience = p
            .qualifications
            .as_ref()
            .and_then(|q| q.experience_months)
            .is_some_and(|m| m > 0);
        extra
            .iter()
            .enumerate()
            .flat_map(|(i, t)| {
                let at = match experience && i + 1 == extra.len() {
                    true => "qualifications.experience_months",
                    false => "qualifications.education",
                };
                self.derived(t, section, SegKind::Bullet, at)
            })
            .collect()
    }
}

/// The lint section a part of the rendered posting is.
fn section_of(part: Part) -> Section {
    match part {
        Part::Company => Section::Company,
        Part::Purpose => Section::Purpose,
        Part::Objectives => Section::Objectives,
        Part::Duties => Section::Duties,
        Part::Qualifications => Section::Qualifications,
        Part::Conditions => Section::Conditions,
        Part::Pay => Section::Pay,
        Part::Benefits => Section::Benefits,
        Part::Apply => Section::Apply,
        Part::Eeo => Section::Eeo,
    }
}

/// Where inherited values enter the file: its `role` key, else its first `include`.
fn entry_point(path: &str, merged: &Merged) -> Loc {
    ["role", "include"]
        .iter()
        .filter_map(|k| merged.origin(k))
        .find(|o| &*o.source == path)
        .and_then(|o| o.pos)
        .map_or(Loc::new(1, 1), |p| Loc::new(p.line, p.col))
}

fn facts(b: &Builder, segments: &[Segment], analysed: &[Analysed]) -> Facts {
    let p = &b.merged.posting;
    let pay = p.pay.as_ref();
    let location = p.location.as_ref();
    let apply = p.apply.as_ref();
    // Read from the text only when a field is missing (text analysis is the cost).
    let given = apply.map_or((false, false), |a| {
        (a.ai_screening.is_some(), a.vacancy.is_some())
    });
    let in_text = match given {
        (true, true) => given,
        _ => super::facts::statements_in(segments, analysed),
    };
    let months = p.qualifications.as_ref().and_then(|q| q.experience_months);
    let pay_at = b
        .merged
        .origin("pay.min")
        .or_else(|| b.merged.origin("pay.max"));
    Facts {
        pay: pay
            .filter(|pay| pay.min.is_some() || pay.max.is_some())
            .map(|pay| PayFacts {
                min: pay.min,
                max: pay.max,
                currency: pay.currency.clone(),
                period: pay.period.map(|x| x.key().to_string()),
                open_ended: None,
                loc: Some(b.loc(pay_at)),
                end: None,
            }),
        has_benefits: pay
            .and_then(|x| x.benefits.as_ref())
            .is_some_and(|l| !l.is_empty()),
        has_deadline: p.apply_by.is_some(),
        dated: p.posted.is_some(),
        posted_on: p
            .posted
            .as_ref()
            .and_then(|d| super::facts::parse_date(&d.to_string())),
        pay_grade: super::facts::prepare(segments, analysed)
            .iter()
            .any(super::facts::names_pay_grade),
        closes_on: p
            .apply_by
            .as_ref()
            .and_then(|d| super::facts::parse_date(&d.to_string())),
        has_apply: apply
            .is_some_and(|a| a.url.is_some() || a.email.is_some() || a.instructions.is_some()),
        // Given as fields, or in the employer's own words (in the instructions,
        // the purpose…), as lint finds them in the rendered posting.
        states_ai_screening: given.0 || in_text.0,
        states_vacancy: given.1 || in_text.1,
        country: location.and_then(country_of),
        region: location.and_then(|l| l.region.as_deref()).map(region_code),
        city: location.and_then(|l| l.city.clone()),
        remote: location.and_then(|l| l.workplace) == Some(Workplace::Remote),
        // A TOML posting has one location.
        other_sites: Vec::new(),
        experience_months: months,
        entry_level: months.is_some_and(|m| m <= 12),
        commission: pay
            .and_then(|x| x.extras.as_deref())
            .is_some_and(|e| e.to_lowercase().contains("commission")),
        workplace: location.and_then(|l| l.workplace),
        applicant_countries: location
            .and_then(|l| l.applicant_countries.clone())
            .unwrap_or_default(),
        locale: Some(crate::locale::of(p).tag.clone()),
        // A posting file is one job.
        jobs: Vec::new(),
    }
}

/// The country whose laws the posting answers to: `country`, else for a remote role the
/// first of `applicant_countries` (the rendered posting names them, and the Markdown
/// lint reads them there), upper-cased like the codes in the jurisdiction table.
fn country_of(l: &crate::model::Location) -> Option<String> {
    let remote = l.workplace == Some(Workplace::Remote);
    l.country
        .clone()
        .or_else(|| {
            l.applicant_countries
                .iter()
                .flatten()
                .next()
                .filter(|_| remote)
                .cloned()
        })
        .map(|c| c.trim().to_ascii_uppercase())
}

/// A state or province as its code: "co", "Colorado", "Colo." and "CO" are all
/// "CO", so no spelling switches a law off. Names outside the US and Canada stay as
/// written.
pub fn region_code(region: &str) -> String {
    let r = region.trim();
    known_region(r).map_or_else(|| r.to_string(), |g| g.code.to_string())
}

/// The US state or Canadian province `r` names by its name, code or abbreviation,
/// in any case, with or without the abbreviation's dots.
fn known_region(r: &str) -> Option<&'static super::facts::Region> {
    // Compared char by char, dots left out, with no string built per region: every
    // posting asks this more than once.
    fn bare(s: &str) -> impl Iterator<Item = char> + '_ {
        s.chars().filter(|&c| c != '.').flat_map(char::to_lowercase)
    }
    let same_bare = |a: &str| bare(a).eq(bare(r));
    super::facts::regions().iter().find(|g| {
        g.name.eq_ignore_ascii_case(r)
            || g.code.eq_ignore_ascii_case(r)
            || g.abbr.is_some_and(same_bare)
    })
}

/// For a job in the US or Canada whose `region` names no state or province
/// ("Illnois"), the nearest one's name, or `None` when none is near; `Ok` when
/// the region is known or the country has no list.
pub fn unknown_region(country: &str, region: &str) -> Result<(), Option<&'static str>> {
    let of_country: Vec<&str> = super::facts::regions()
        .iter()
        .filter(|g| g.country == country)
        .map(|g| g.name)
        .collect();
    if of_country.is_empty() || known_region(region.trim()).is_some() {
        return Ok(());
    }
    Err(crate::error::closest(region.trim(), of_country))
}

/// `jsonld-required` errors: each field the JSON-LD output requires that the posting
/// lacks ([`crate::validate::jsonld_missing`], the check `export` and `render --format jsonld`
/// run), at the field's key, else where inherited values enter the file; then
/// `unknown-region` (see [`region_finding`]). Severity configuration and inline
/// suppressions apply as to every rule.
pub fn jsonld_findings(
    path: &str,
    merged: &Merged,
    doc: &Doc,
    cfg: &super::Config,
) -> Vec<super::Finding> {
    let rule = super::rules::RuleId::JsonldRequired;
    let mut out: Vec<super::Finding> = match cfg.severity(rule.as_str(), super::Severity::Error) {
        None => Vec::new(),
        Some(severity) => crate::validate::jsonld_missing(&merged.posting)
            .into_iter()
            .map(|p| {
                let field = p.field.as_deref().unwrap_or_default();
                let at = key_loc(path, merged, doc, field);
                super::Finding {
                    message: format!("`{field}` {}", p.message),
                    suggestion: Some(format!(
                        "set `{field}`; `jobpost export` refuses the posting without it"
                    )),
                    ..finding(path, rule, severity, at)
                }
            })
            .collect(),
    };
    out.extend(region_finding(path, merged, doc, cfg));
    out.retain(|f| !doc.suppressions.iter().any(|s| s.covers(f.rule, f.line)));
    out
}

/// `unknown-region`: a job in the US or Canada whose `location.region` names no
/// state or province ("Illnois"): no pay law is found for it, so the posting
/// would go out without what the law asks. At the key, with the nearest name.
fn region_finding(
    path: &str,
    merged: &Merged,
    doc: &Doc,
    cfg: &super::Config,
) -> Option<super::Finding> {
    let rule = super::rules::RuleId::UnknownRegion;
    let severity = cfg.severity(rule.as_str(), super::Severity::Warning)?;
    let location = merged.posting.location.as_ref()?;
    let region = location.region.as_deref()?;
    let country = country_of(location)?;
    let nearest = unknown_region(&country, region).err()?;
    let at = key_loc(path, merged, doc, "location.region");
    let message = format!(
        "`location.region` \"{region}\" is no state or province of {}; no pay law can be found for it",
        crate::country::in_prose(&country)
    );
    let suggestion = match nearest {
        Some(name) => format!("did you mean \"{name}\" ({})?", region_code(name)),
        None => "write the state or province by its name or code, such as `CO`".to_string(),
    };
    Some(super::Finding {
        message,
        suggestion: Some(suggestion),
        ..finding(path, rule, severity, at)
    })
}

/// Where the value at `field` stands in the file at `path`; for a value the file
/// does not give, the table it would go in, else the first line.
fn key_loc(path: &str, merged: &Merged, doc: &Doc, field: &str) -> Loc {
    let missing = || {
        doc.key_or_table(field)
            .map_or(entry_point(path, merged), |(loc, _)| loc)
    };
    merged
        .origin(field)
        .filter(|o| &*o.source == path)
        .and_then(|o| o.pos)
        .map_or_else(missing, |pos| Loc::new(pos.line, pos.col))
}

/// A finding of `rule` at `at`, its message to be filled in.
fn finding(
    path: &str,
    rule: super::rules::RuleId,
    severity: super::Severity,
    at: Loc,
) -> super::Finding {
    super::Finding {
        path: path.to_string(),
        line: at.line,
        col: at.col,
        end_line: at.line,
        end_col: at.col + 1,
        rule: rule.as_str(),
        severity,
        message: String::new(),
        suggestion: None,
        matched: None,
        language: None,
    }
}

#[cfg(test)]
mod tests {
    use super::region_code;
    use crate::lint::SegKind;

    const POSTING: &str = r#"title = "Baker"
purpose = "You bake the bread our neighbours buy each morning."

[company]
name = "Acme Bakery"
about = "A small bakery on the corner."

[duties]
daily = ["Bake bread"]

[skills]
required = ["Kneading by hand"]

[conditions]
schedule = "Early mornings"
physical = ["Lift 20 kg flour sacks, with a trolley for longer distances"]

[pay]
min = 18
max = 22
currency = "USD"
period = "hour"
benefits = ["Free bread"]

[apply]
instructions = "Send a note about your baking."
"#;

    /// The headings lint sees in a TOML posting are the ones its Markdown shows, in
    /// the same order.
    #[test]
    fn toml_headings_are_the_rendered_ones() {
        let (layer, _) = crate::layer::parse("p.toml", POSTING, false).unwrap();
        let merged = crate::load::merge_with_chain(&[], &[layer]).unwrap();
        let doc = super::from_merged("p.toml", POSTING, &merged);
        let seen: Vec<&str> = doc
            .segments
            .iter()
            .filter(|s| s.kind == SegKind::Heading)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(
            seen,
            [
                "About Acme Bakery",
                "About the role",
                "What you will do",
                "Every day",
                "What you bring",
                "Required",
                "Working conditions",
                "Physical demands",
                "Pay and benefits",
                "How to apply",
            ]
        );
        let templates = crate::render::Templates::new(None).unwrap();
        let md = crate::format::render(&templates, &merged, crate::format::Format::MD, None)
            .unwrap()
            .into_text(crate::format::Format::MD)
            .unwrap();
        let rendered: Vec<&str> = md
            .lines()
            .filter_map(|l| l.strip_prefix("### ").or_else(|| l.strip_prefix("## ")))
            .collect();
        assert_eq!(seen, rendered);
    }

    #[test]
    fn regions_are_codes_whatever_their_spelling() {
        for r in ["co", "CO", "Colorado", "colorado ", "Co"] {
            assert_eq!(region_code(r), "CO", "{r}");
        }
        assert_eq!(region_code("Ontario"), "ON");
        assert_eq!(region_code("bc"), "BC");
        assert_eq!(region_code("Bavaria"), "Bavaria");
        for r in ["Colo.", "colo", "COLO."] {
            assert_eq!(region_code(r), "CO", "{r}");
        }
        assert_eq!(region_code("B.C."), "BC");
    }

    #[test]
    fn an_unknown_region_of_a_listed_country_gets_the_nearest() {
        use super::unknown_region;
        assert_eq!(unknown_region("US", "Illnois"), Err(Some("Illinois")));
        assert_eq!(unknown_region("US", "Atlantis"), Err(None));
        assert_eq!(unknown_region("CA", "Ontaroi"), Err(Some("Ontario")));
        assert_eq!(unknown_region("US", "Colo."), Ok(()));
        assert_eq!(unknown_region("GB", "Narnia"), Ok(()));
    }
}
