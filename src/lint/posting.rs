//! A merged TOML posting as a lint [`Doc`], laid out the way readers see it
//! rendered: the same headings, the same combined "Required" list. Each text
//! value sits at the line of its key in the posting file; values inherited from
//! a preset or an include point at the `role`/`include` key, where they enter.

use super::doc::{Doc, Facts, Loc, PayFacts, Section, SegKind, Segment, parse_toml_suppressions};
use crate::layer::Origin;
use crate::load::{Merged, Slot};
use crate::model::Workplace;
use crate::render::View;

/// One group of the rendered posting: a heading and the fields under it.
struct Group {
    heading: &'static str,
    section: Section,
    fields: &'static [&'static str],
}

/// The rendered layout (see templates/posting.md). `=pay` and `=required-extra`
/// stand for text the renderer derives (the pay line; education and experience).
const GROUPS: &[Group] = &[
    Group {
        heading: "About us",
        section: Section::Company,
        // The name alone is not rendered as text (it only names the "About" heading
        // when there is an about text), so alone it is no company section.
        fields: &["company.about", "company.values"],
    },
    Group {
        heading: "About the role",
        section: Section::Purpose,
        fields: &["purpose"],
    },
    Group {
        heading: "What you will achieve",
        section: Section::Objectives,
        fields: &["objectives"],
    },
    Group {
        heading: "Every day",
        section: Section::Duties,
        fields: &["duties.daily"],
    },
    Group {
        heading: "Every week",
        section: Section::Duties,
        fields: &["duties.weekly"],
    },
    Group {
        heading: "Required",
        section: Section::Qualifications,
        fields: &[
            "skills.required",
            "qualifications.required",
            "=required-extra",
        ],
    },
    Group {
        heading: "Nice to have",
        section: Section::Qualifications,
        fields: &["skills.preferred", "qualifications.preferred"],
    },
    Group {
        heading: "Working conditions",
        section: Section::Conditions,
        fields: &[
            "conditions.environment",
            "conditions.schedule",
            "conditions.travel",
        ],
    },
    Group {
        heading: "Physical demands",
        section: Section::Conditions,
        fields: &["conditions.physical"],
    },
    Group {
        heading: "Pay",
        section: Section::Pay,
        fields: &["=pay", "pay.extras"],
    },
    Group {
        heading: "Benefits",
        section: Section::Benefits,
        fields: &["pay.benefits"],
    },
    Group {
        heading: "How to apply",
        section: Section::Apply,
        fields: &["apply.instructions", "apply.url", "apply.email"],
    },
    Group {
        heading: "Equal opportunity",
        section: Section::Eeo,
        fields: &["company.eeo"],
    },
];

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
    let mut segments: Vec<Segment> = b
        .text("title", Section::Title, SegKind::Title)
        .into_iter()
        .collect();
    for (id, group) in GROUPS.iter().enumerate() {
        let body: Vec<Segment> = group
            .fields
            .iter()
            .flat_map(|f| b.field(f, group.section))
            .map(|s| {
                if s.kind == SegKind::Bullet {
                    s.in_list(id)
                } else {
                    s
                }
            })
            .collect();
        if let Some(first) = body.first() {
            segments.push(Segment::inexact(
                group.section,
                SegKind::Heading,
                group.heading,
                first.loc,
            ));
            segments.extend(body);
        }
    }
    let facts = facts(&b);
    Doc::new(
        path,
        source,
        segments,
        facts,
        parse_toml_suppressions(source),
    )
}

impl Builder<'_> {
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
        let at = [
            "qualifications.education",
            "qualifications.experience_months",
        ]
        .into_iter()
        .find(|f| self.merged.slots.contains_key(*f))
        .unwrap_or("qualifications");
        let extra = self.view.required.get(listed..).unwrap_or_default();
        extra
            .iter()
            .flat_map(|t| self.derived(t, section, SegKind::Bullet, at))
            .collect()
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

fn facts(b: &Builder) -> Facts {
    let p = &b.merged.posting;
    let pay = p.pay.as_ref();
    let location = p.location.as_ref();
    let apply = p.apply.as_ref();
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
        has_apply: apply
            .is_some_and(|a| a.url.is_some() || a.email.is_some() || a.instructions.is_some()),
        country: location.and_then(country_of),
        region: location.and_then(|l| l.region.as_deref()).map(region_code),
        city: location.and_then(|l| l.city.clone()),
        remote: location.and_then(|l| l.workplace) == Some(Workplace::Remote),
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

/// A state or province as its code: "co", "Colorado" and "CO" are all "CO", so no
/// spelling switches a law off. Names outside the US and Canada stay as written.
pub fn region_code(region: &str) -> String {
    use super::facts::{CA_PROVINCES, US_STATES};
    let r = region.trim();
    US_STATES
        .iter()
        .chain(CA_PROVINCES)
        .find(|(name, code)| name.eq_ignore_ascii_case(r) || code.eq_ignore_ascii_case(r))
        .map_or_else(|| r.to_string(), |(_, code)| (*code).to_string())
}

/// `jsonld-required` errors: each field the JSON-LD output requires that the posting
/// lacks ([`crate::validate::jsonld_missing`], the check `export` and `render --format jsonld`
/// run), at the field's key, else where inherited values enter the file. Severity
/// configuration and inline suppressions apply as to every rule.
pub fn jsonld_findings(
    path: &str,
    merged: &Merged,
    doc: &Doc,
    cfg: &super::Config,
) -> Vec<super::Finding> {
    let rule = "jsonld-required";
    let Some(severity) = cfg.severity(rule, super::Severity::Error) else {
        return Vec::new();
    };
    let fallback = entry_point(path, merged);
    crate::validate::jsonld_missing(&merged.posting)
        .into_iter()
        .map(|p| {
            let field = p.field.as_deref().unwrap_or_default();
            let at = merged
                .origin(field)
                .filter(|o| &*o.source == path)
                .and_then(|o| o.pos)
                .map_or(fallback, |pos| Loc::new(pos.line, pos.col));
            super::Finding {
                path: path.to_string(),
                line: at.line,
                col: at.col,
                end_line: at.line,
                end_col: at.col + 1,
                rule,
                severity,
                message: format!("`{field}` {}", p.message),
                suggestion: Some(format!(
                    "set `{field}`; `jobpost export` refuses the posting without it"
                )),
                matched: None,
            }
        })
        .filter(|f| !doc.suppressions.iter().any(|s| s.covers(rule, f.line)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::region_code;

    #[test]
    fn regions_are_codes_whatever_their_spelling() {
        for r in ["co", "CO", "Colorado", "colorado ", "Co"] {
            assert_eq!(region_code(r), "CO", "{r}");
        }
        assert_eq!(region_code("Ontario"), "ON");
        assert_eq!(region_code("bc"), "BC");
        assert_eq!(region_code("Bavaria"), "Bavaria");
    }
}
