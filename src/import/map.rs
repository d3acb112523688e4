//! The one mapper: a [`Doc`] (the section model lint reads) and the facts an input
//! stated in structured form ([`Given`]: front matter, ATS fields) turned into posting
//! fields. Each block goes to the field of its section; a "Label: value" line goes to
//! the field its label names; what has no field of its own goes to the nearest text
//! field (the role description for an unknown heading) and is listed in
//! [`Imported::catch_all`], so no word of the input is dropped.

use crate::lint::doc::{Doc, Section, SegKind, Segment};
use crate::model::{
    Apply, Company, Conditions, Duties, Location, Pay, Posting, Qualifications, Skills,
};

use super::{Imported, date, place};

/// Facts an input states outside its text, and what was unsure about them.
#[derive(Debug, Clone, Default)]
pub struct Given {
    /// Fields set from structured data.
    pub posting: Posting,
    /// The ATS's id for the posting.
    pub ats_id: Option<String>,
    /// What import was unsure of.
    pub unsure: Vec<String>,
    /// Text with no field of its own ("Department: Sales"), kept for the description.
    pub extra: Vec<String>,
    /// The pay was written with a bare `$`, read as US dollars until the country is known.
    pub bare_dollar: bool,
    /// A pay label was read (so the pay facts of the whole text are not read again).
    pub pay_read: bool,
}

impl Given {
    /// Sets the field a label names ("Location", "Closing date", "Salary") from its
    /// value; false (and nothing set) when the label names no field import knows.
    pub fn set_label(&mut self, label: &str, value: &str) -> bool {
        let value = value.trim();
        // "On-site: 1450 S Pearl St, Denver": the label is the workplace, the value the place.
        let workplace = place::workplace(label).filter(|_| label.split_whitespace().count() <= 2);
        if let (Some(w), false) = (workplace, value.is_empty()) {
            self.location(value);
            location(&mut self.posting).workplace = Some(w);
            return true;
        }
        let Some(target) = Label::of(label) else {
            return false;
        };
        if value.is_empty() {
            return true;
        }
        self.set(target, value)
    }

    /// [`Given::set_label`], keeping a value of an unknown label as text.
    pub fn label(&mut self, label: &str, value: &str) {
        if !value.trim().is_empty() && !self.set_label(label, value) {
            self.extra
                .push(format!("{}: {}", label.trim(), value.trim()));
        }
    }

    fn set(&mut self, target: Label, value: &str) -> bool {
        let p = &mut self.posting;
        match target {
            // A second title-like label ("role" after "title") is not the title.
            Label::Title if p.title.is_some() => return false,
            Label::Title => p.title = Some(value.to_string()),
            Label::Company => company(p).name = Some(value.to_string()),
            Label::Website => {
                company(p).website = Some(first_url(value).unwrap_or(value).to_string())
            }
            Label::Location => self.location(value),
            Label::Workplace => {
                location(p).workplace = place::workplace(value);
                let rest: String = value
                    .split_once(',')
                    .map_or("", |(_, r)| r)
                    .trim()
                    .to_string();
                if !rest.is_empty() {
                    self.location(&rest);
                }
            }
            Label::Type => match place::employment_type(value) {
                Some(t) => p.employment_type = Some(t),
                None => return false,
            },
            Label::Reference => p.reference = Some(value.to_string()),
            Label::Posted | Label::ApplyBy => return self.date(target, value),
            Label::Pay => return self.pay(value),
            Label::Schedule => conditions(p).schedule = Some(value.to_string()),
            Label::Hours => match place::hours_per_week(value) {
                Some(h) => conditions(p).hours_per_week = Some(h),
                None => conditions(p).schedule = Some(value.to_string()),
            },
            Label::Environment => conditions(p).environment = Some(value.to_string()),
            Label::Travel => conditions(p).travel = Some(value.to_string()),
            Label::Apply => {
                let any = self.apply(value);
                // Words besides the address ("Hiring Dept. <jobs@…>") are instructions.
                let words = value
                    .split_whitespace()
                    .filter(|w| !w.contains("://") && !w.contains('@'))
                    .any(|w| w.chars().any(char::is_alphabetic));
                if any && words {
                    append(&mut apply(&mut self.posting).instructions, value, " ");
                }
                return any;
            }
            Label::Email => match first_email(value) {
                Some(e) => apply(p).email = Some(e),
                None => return false,
            },
            Label::Benefits => push(&mut pay(p).benefits, value),
        }
        true
    }

    /// A place: its parts into `[location]`, the workplace when it says one.
    pub fn location(&mut self, value: &str) {
        let read = place::location(value);
        let loc = location(&mut self.posting);
        let keep = |old: &mut Option<String>, new: Option<String>| {
            if new.is_some() {
                *old = new;
            }
        };
        keep(&mut loc.street, read.street);
        keep(&mut loc.city, read.city);
        keep(&mut loc.region, read.region);
        keep(&mut loc.postal_code, read.postal_code);
        keep(&mut loc.country, read.country);
        if read.workplace.is_some() {
            loc.workplace = read.workplace;
        }
    }

    fn country(&self) -> Option<&str> {
        self.posting.location.as_ref()?.country.as_deref()
    }

    fn date(&mut self, target: Label, value: &str) -> bool {
        let us = self.country().is_none_or(|c| c == "US");
        let Some(read) = date::find(value, us) else {
            return false;
        };
        if read.guessed {
            self.unsure.push(format!(
                "the date `{value}` could be day-first or month-first; read as {}",
                read.date
            ));
        }
        match target {
            Label::Posted => self.posting.posted = Some(read.date),
            _ => self.posting.apply_by = Some(read.date),
        }
        true
    }

    /// Pay in a label's value; words around the figure stay as the pay's extras.
    pub fn pay(&mut self, value: &str) -> bool {
        let country = self.country().map(str::to_string);
        let Some(read) = place::pay(value, country.as_deref()) else {
            return false;
        };
        self.pay_read = true;
        let read = salary_year(read, value, &mut self.unsure);
        if read.period.is_none() {
            // Figures without a period cannot be a pay range; they stay the employer's
            // words, in the pay's extras.
            self.unsure.push(format!(
                "the pay `{value}` names no period (hour, year…); it is kept as text, not as the pay range"
            ));
            append(&mut pay(&mut self.posting).extras, value, " ");
            return true;
        }
        self.bare_dollar =
            value.contains('$') && !value.to_uppercase().contains("USD") && !value.contains("US$");
        let p = pay(&mut self.posting);
        p.min = read.min;
        p.max = read.max;
        p.currency = read.currency;
        p.period = read.period;
        // Words beyond the figures and their period ("plus tips", "depending on
        // experience") are the employer's too: kept as the pay's extras.
        if says_more(value) {
            append(&mut p.extras, value, " ");
        }
        true
    }

    fn apply(&mut self, value: &str) -> bool {
        let a = apply(&mut self.posting);
        let mut any = false;
        if let Some(url) = first_url(value) {
            a.url = Some(url.to_string());
            any = true;
        }
        if let Some(email) = first_email(value) {
            a.email = Some(email);
            any = true;
        }
        if let Some(read) = date::find(value, true) {
            self.posting.apply_by = Some(read.date);
            any = true;
        }
        any
    }
}

/// The fields a label can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    Title,
    Company,
    Website,
    Location,
    Workplace,
    Type,
    Reference,
    Posted,
    ApplyBy,
    Pay,
    Schedule,
    Hours,
    Environment,
    Travel,
    Apply,
    Email,
    Benefits,
}

impl Label {
    /// The field a label names ("Closing date" → apply-by), case and punctuation aside.
    fn of(label: &str) -> Option<Label> {
        let l: String = label
            .trim()
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
            .replace(['_', '-'], " ");
        let table: &[(&[&str], Label)] = &[
            (
                &[
                    "title",
                    "job title",
                    "position",
                    "position title",
                    "role",
                    "job",
                ],
                Label::Title,
            ),
            (
                &[
                    "company",
                    "employer",
                    "organisation",
                    "organization",
                    "company name",
                    "hiring organization",
                ],
                Label::Company,
            ),
            (
                &["website", "web", "company website", "homepage"],
                Label::Website,
            ),
            (
                &[
                    "location",
                    "locations",
                    "job location",
                    "work location",
                    "based in",
                    "office",
                    "city",
                    "place of work",
                ],
                Label::Location,
            ),
            (
                &[
                    "workplace",
                    "workplace type",
                    "work model",
                    "remote",
                    "working model",
                    "work arrangement",
                ],
                Label::Workplace,
            ),
            (
                &[
                    "type",
                    "job type",
                    "employment type",
                    "contract type",
                    "contract",
                    "employment",
                    "commitment",
                    "work type",
                    "position type",
                    "hours type",
                ],
                Label::Type,
            ),
            (
                &[
                    "reference",
                    "ref",
                    "reference number",
                    "job reference",
                    "job ref",
                    "vacancy reference",
                    "job id",
                    "requisition",
                    "requisition id",
                    "req id",
                    "job number",
                    "vacancy id",
                ],
                Label::Reference,
            ),
            (
                &[
                    "posted",
                    "date posted",
                    "posting date",
                    "published",
                    "date",
                    "posted on",
                    "start posting",
                ],
                Label::Posted,
            ),
            (
                &[
                    "closing date",
                    "apply by",
                    "deadline",
                    "application deadline",
                    "closes",
                    "closing",
                    "expires",
                    "valid through",
                    "expiry date",
                    "apply before",
                    "applications close",
                ],
                Label::ApplyBy,
            ),
            (
                &[
                    "salary",
                    "pay",
                    "pay range",
                    "salary range",
                    "wage",
                    "wages",
                    "compensation",
                    "rate",
                    "rate of pay",
                    "pay rate",
                    "hourly rate",
                    "base salary",
                    "remuneration",
                ],
                Label::Pay,
            ),
            (
                &[
                    "schedule",
                    "shift",
                    "shifts",
                    "working hours",
                    "hours of work",
                    "work schedule",
                    "working pattern",
                ],
                Label::Schedule,
            ),
            (
                &["hours", "hours per week", "weekly hours", "hours a week"],
                Label::Hours,
            ),
            (
                &["environment", "work environment", "working environment"],
                Label::Environment,
            ),
            (&["travel", "travel required"], Label::Travel),
            (
                &[
                    "apply",
                    "apply online",
                    "apply now",
                    "how to apply",
                    "to apply",
                    "apply url",
                    "application url",
                    "apply here",
                    "url",
                ],
                Label::Apply,
            ),
            (
                &["email", "e mail", "apply by email", "contact email"],
                Label::Email,
            ),
            (&["benefit", "perk"], Label::Benefits),
        ];
        table
            .iter()
            .find(|(names, _)| names.contains(&l.as_str()))
            .map(|(_, t)| *t)
    }
}

/// The first `http(s)://` URL in `text`, without trailing punctuation.
pub fn first_url(text: &str) -> Option<&str> {
    let start = text.find("https://").or_else(|| text.find("http://"))?;
    let rest = &text[start..];
    let end = rest
        .find(|c: char| c.is_whitespace() || matches!(c, '>' | ')' | '"' | '\'' | '<' | ']'))
        .unwrap_or(rest.len());
    Some(rest[..end].trim_end_matches(['.', ',', ';']))
}

/// The first e-mail address in `text`.
pub fn first_email(text: &str) -> Option<String> {
    text.split(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '(' | ')' | ',' | ';' | ':'))
        .map(|w| w.trim_end_matches('.'))
        .find(|w| {
            let mut parts = w.split('@');
            matches!((parts.next(), parts.next(), parts.next()),
                (Some(a), Some(d), None) if !a.is_empty() && d.contains('.') && !d.starts_with('.'))
        })
        .map(|w| w.trim_start_matches("mailto").to_string())
}

fn company(p: &mut Posting) -> &mut Company {
    p.company.get_or_insert(Company {
        name: None,
        about: None,
        website: None,
        values: None,
        eeo: None,
        logo: None,
        color: None,
        sector: None,
    })
}

fn location(p: &mut Posting) -> &mut Location {
    p.location.get_or_insert_with(|| place::location(""))
}

fn conditions(p: &mut Posting) -> &mut Conditions {
    p.conditions.get_or_insert(Conditions {
        environment: None,
        schedule: None,
        travel: None,
        physical: None,
        hours_per_week: None,
    })
}

/// The posting's `[pay]`, made when missing.
pub(super) fn pay(p: &mut Posting) -> &mut Pay {
    p.pay.get_or_insert(Pay {
        min: None,
        max: None,
        currency: None,
        period: None,
        benefits: None,
        extras: None,
    })
}

fn apply(p: &mut Posting) -> &mut Apply {
    p.apply.get_or_insert(Apply {
        url: None,
        email: None,
        instructions: None,
        ai_screening: None,
        vacancy: None,
    })
}

fn duties(p: &mut Posting) -> &mut Duties {
    p.duties.get_or_insert(Duties {
        daily: None,
        weekly: None,
    })
}

fn skills(p: &mut Posting) -> &mut Skills {
    p.skills.get_or_insert(Skills {
        required: None,
        preferred: None,
    })
}

fn qualifications(p: &mut Posting) -> &mut Qualifications {
    p.qualifications.get_or_insert(Qualifications {
        required: None,
        preferred: None,
        education: None,
        experience_months: None,
    })
}

fn push(list: &mut Option<Vec<String>>, item: &str) {
    list.get_or_insert_with(Vec::new).push(item.to_string());
}

/// Appends a paragraph to a text field, a blank line between paragraphs.
fn append(field: &mut Option<String>, text: &str, sep: &str) {
    match field {
        Some(old) => {
            old.push_str(sep);
            old.push_str(text);
        }
        None => *field = Some(text.to_string()),
    }
}

/// A Markdown posting (front matter already read into `given`). Lines indented
/// outside a fenced block are read as text, not code: postings pasted into Markdown
/// keep their indentation, and a job description holds no code to show as such.
pub fn from_markdown(name: &str, text: &str, given: Given) -> Imported {
    map(&Doc::from_markdown(name, &dedent(text)), given)
}

fn dedent(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut fenced = false;
    for line in text.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fenced = !fenced;
        }
        out.push_str(if fenced { line } else { trimmed });
        out.push('\n');
    }
    out
}

/// An HTML page or fragment, tidied first by [`super::html::prepare`]; the stand-ins
/// for escaped markup become their characters again once the fields are read.
pub fn from_html(name: &str, text: &str, given: Given) -> Imported {
    let html = super::html::prepare(text);
    let mut imported = map(&Doc::from_html(name, &html), given);
    if restore(&mut imported.posting) || super::html::has_script(text) {
        imported
            .unsure
            .push("the page has script; it was left out, and no field holds it".to_string());
    }
    imported
}

/// The stand-ins back to the characters they stand for, in every text of a posting;
/// escaped `<script>` text is taken out too. True when script was taken out.
fn restore(p: &mut Posting) -> bool {
    let Ok(text) = toml::to_string(p) else {
        return false;
    };
    if !text.contains(['\u{E000}', '\u{E001}', '\u{E002}']) {
        return false;
    }
    let mut fixed = text;
    for (stand_in, c) in super::html::STAND_INS {
        fixed = fixed.replace(stand_in, &c.to_string());
    }
    let (fixed, had_script) = strip_script(&fixed);
    if let Ok(back) = toml::from_str::<Posting>(&fixed) {
        *p = back;
    }
    had_script
}

/// `<script …>…</script>` taken out of text (to the end of the line when unclosed).
fn strip_script(text: &str) -> (String, bool) {
    let mut out = String::new();
    let mut rest = text;
    let mut found = false;
    while let Some(at) = rest.to_ascii_lowercase().find("<script") {
        found = true;
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let lower = tail.to_ascii_lowercase();
        let end = lower
            .find("</script>")
            .map(|e| e + "</script>".len())
            .or_else(|| tail.find(['"', '\n']))
            .unwrap_or(tail.len());
        rest = &tail[end..];
    }
    out.push_str(rest);
    (out, found)
}

/// A plain-text posting.
pub fn from_text(name: &str, text: &str) -> Imported {
    map(&Doc::from_text(name, text), Given::default())
}

/// Where the blocks being read go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sub {
    Plain,
    Preferred,
    Weekly,
    Physical,
}

/// The mapper's state while it walks the segments.
struct Mapper {
    given: Given,
    heading: String,
    sub: Sub,
    /// The section one of our own headings names, over lint's reading, until a heading
    /// lint knows.
    ours: Option<Section>,
    /// An unknown heading's text, written once its first block is placed.
    pending: Option<String>,
    catch_all: Vec<String>,
    seen_body: bool,
}

/// The sections' blocks into fields, then the facts lint read from the whole text
/// (pay, place) where no block stated them; structured facts win over both.
fn map(doc: &Doc, given: Given) -> Imported {
    let structured = given.posting.clone();
    let mut m = Mapper {
        given: Given {
            posting: Posting::default(),
            ats_id: given.ats_id,
            unsure: given.unsure,
            extra: Vec::new(),
            bare_dollar: false,
            pay_read: false,
        },
        heading: String::new(),
        sub: Sub::Plain,
        ours: None,
        pending: None,
        catch_all: Vec::new(),
        seen_body: false,
    };
    for seg in &doc.segments {
        m.segment(seg);
    }
    for extra in &given.extra {
        m.catch_all(extra);
    }
    m.facts(doc);
    let bare_dollar = m.given.bare_dollar;
    let mut posting = m.given.posting;
    overlay(&mut posting, structured);
    if bare_dollar {
        settle_dollar(&mut posting);
    }
    let mut unsure = m.given.unsure;
    if posting.title.is_none() {
        unsure.push("no job title was found".to_string());
    }
    let body = doc
        .segments
        .iter()
        .any(|s| matches!(s.kind, SegKind::Prose | SegKind::Bullet));
    if !body {
        unsure.push("the input has no text besides its title and headings".to_string());
    }
    Imported {
        posting,
        ats_id: m.given.ats_id,
        unsure,
        catch_all: m.catch_all,
    }
}

impl Mapper {
    fn segment(&mut self, seg: &Segment) {
        let text = tidy(&seg.text);
        if text.is_empty() {
            return;
        }
        match seg.kind {
            SegKind::Title if self.given.posting.title.is_none() => {
                self.given.posting.title = Some(self.title_case(text))
            }
            // Plain text reads a short header line ("Employer · Denver, CO") as a heading.
            SegKind::Heading
                if self.heading.is_empty()
                    && (text.contains(" · ") || text.contains(" | "))
                    && self.header_line(&text) =>
            {
                self.seen_body = true;
            }
            // A short "Label: value" line reads as a heading in plain text.
            SegKind::Heading
                if text.split(" · ").all(|p| label_pair(p).is_some()) && self.labelled(&text) => {}
            SegKind::Title | SegKind::Heading => self.heading(seg.section, text),
            SegKind::Prose if seg.text.trim().contains('\n') && self.label_lines(seg) => {}
            SegKind::Prose | SegKind::Bullet => {
                let first = !self.seen_body;
                self.seen_body = true;
                if first && seg.kind == SegKind::Prose && self.header_line(&seg.text) {
                    return;
                }
                if self.labelled(&text) {
                    return;
                }
                if seg.kind == SegKind::Prose {
                    if let Some(section) = pseudo_heading(&text) {
                        // Lint read the paragraphs under it in the section before; this
                        // heading's section holds them.
                        self.heading(section, text);
                        self.ours = Some(section);
                        return;
                    }
                }
                let section = match (seg.section, self.ours) {
                    (Section::Other | Section::Purpose, Some(ours)) => ours,
                    (section, _) => section,
                };
                self.block(section, seg.kind, &text);
            }
        }
    }

    /// A title in capitals ("CASHIER", as plain-text postings set it) in title case,
    /// which is how a posting file keeps it.
    fn title_case(&mut self, text: String) -> String {
        let letters = text.chars().filter(|c| c.is_alphabetic());
        if letters.clone().count() < 2 || letters.clone().any(char::is_lowercase) {
            return text;
        }
        self.given.unsure.push(format!(
            "the title `{text}` was in capitals; it is written in title case"
        ));
        text.split(' ')
            .map(|w| {
                let mut cs = w.chars();
                cs.next()
                    .map(|c| c.to_string() + &cs.as_str().to_lowercase())
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn heading(&mut self, section: Section, text: String) {
        let lower = text.to_lowercase();
        self.sub = sub_of(&lower);
        self.heading = lower;
        self.pending = None;
        match our_heading(&text) {
            Some((Some(s), sub)) => {
                self.ours = Some(s);
                self.sub = sub;
                return;
            }
            Some((None, sub)) => {
                self.sub = sub;
                return;
            }
            None if section != Section::Other => self.ours = None,
            None => {}
        }
        if section == Section::Other && self.ours.is_none() {
            self.given
                .unsure
                .push(format!("the heading `{text}` names no section import knows; its text is in the role description"));
            self.pending = Some(text);
        }
    }

    /// Our own header line under the title ("Employer · **Full-time** · Hybrid · Denver,
    /// CO"), or one like it: every part a company name, type, workplace or place.
    fn header_line(&mut self, text: &str) -> bool {
        // Each line of a header block is its own part ("Employer" above "Boston, MA").
        let parts: Vec<&str> = text
            .lines()
            .flat_map(|l| l.split(" · "))
            .flat_map(|p| p.split(" | "))
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        let kinds: Option<Vec<HeaderPart>> = parts
            .iter()
            .enumerate()
            .map(|(i, p)| HeaderPart::of(p, i == 0, parts.len() == 1))
            .collect();
        let Some(kinds) = kinds else {
            return false;
        };
        let parts: Vec<String> = parts.iter().map(|p| tidy(p)).collect();
        for (part, kind) in parts.iter().zip(kinds) {
            match kind {
                HeaderPart::Type(t) => self.given.posting.employment_type = Some(t),
                HeaderPart::Workplace(w) => location(&mut self.given.posting).workplace = Some(w),
                HeaderPart::Name => company(&mut self.given.posting).name = Some(part.to_string()),
                HeaderPart::Place => self.given.location(part),
            }
        }
        true
    }

    /// A paragraph of several lines, some of them "Label: value" lines (a plain-text
    /// posting's head): the label lines set their fields, the rest is read as a block.
    /// False when no line is a label.
    fn label_lines(&mut self, seg: &Segment) -> bool {
        let lines: Vec<String> = seg
            .text
            .lines()
            .map(tidy)
            .filter(|l| !l.is_empty())
            .collect();
        let labelled: Vec<bool> = lines.iter().map(|l| self.labelled(l)).collect();
        if !labelled.iter().any(|l| *l) {
            return false;
        }
        self.seen_body = true;
        let rest: Vec<&str> = lines
            .iter()
            .zip(&labelled)
            .filter(|(_, l)| !**l)
            .map(|(t, _)| t.as_str())
            .collect();
        if !rest.is_empty() {
            self.block(seg.section, seg.kind, &rest.join(" "));
        }
        true
    }

    /// A "Label: value" block (or a footer of such parts joined by " · ") whose labels
    /// all name fields.
    fn labelled(&mut self, text: &str) -> bool {
        let parts: Vec<&str> = text.split(" · ").collect();
        let pairs: Option<Vec<(&str, &str)>> = parts.iter().map(|p| label_pair(p)).collect();
        let Some(pairs) = pairs else {
            return false;
        };
        let mut trial = self.given.clone();
        if !pairs.iter().all(|(l, v)| trial.set_label(l, v)) {
            return false;
        }
        self.given = trial;
        true
    }

    fn block(&mut self, section: Section, kind: SegKind, text: &str) {
        let bullet = kind == SegKind::Bullet;
        let section = if bullet {
            section
        } else {
            prose_section(section, text)
        };
        let p = &mut self.given.posting;
        match (section, self.sub) {
            (Section::Title | Section::Purpose, _) if bullet => {
                append(&mut p.purpose, &format!("- {text}"), "\n")
            }
            (Section::Title | Section::Purpose, _) => append(&mut p.purpose, text, "\n\n"),
            (Section::Company, _) if bullet => push(&mut company(p).values, text),
            (Section::Company, _) => append(&mut company(p).about, text, "\n\n"),
            (Section::Objectives, _) => push(&mut p.objectives, text),
            (Section::Duties, Sub::Weekly) => push(&mut duties(p).weekly, text),
            (Section::Duties, _) => push(&mut duties(p).daily, text),
            (Section::Skills, Sub::Preferred) => push(&mut skills(p).preferred, text),
            (Section::Skills, _) => push(&mut skills(p).required, text),
            (Section::Qualifications, Sub::Preferred) => {
                push(&mut qualifications(p).preferred, text)
            }
            (Section::Qualifications, _) => push(&mut qualifications(p).required, text),
            (Section::Conditions, Sub::Physical) => push(&mut conditions(p).physical, text),
            (Section::Conditions, _) if bullet && is_physical(text) => {
                push(&mut conditions(p).physical, text)
            }
            (Section::Conditions, _) => append(&mut conditions(p).environment, text, " "),
            (Section::Pay | Section::Benefits, _) if bullet => push(&mut pay(p).benefits, text),
            (Section::Pay | Section::Benefits, _) => append(&mut pay(p).extras, text, " "),
            (Section::Apply, _) => {
                self.given.apply(text);
                let p = &mut self.given.posting;
                let rest = Self::hiring_statements(apply(p), text);
                if !rest.is_empty() {
                    append(&mut apply(p).instructions, &rest, " ")
                }
            }
            (Section::Eeo, _) => append(&mut company(p).eeo, text, " "),
            (Section::Other, _) => self.other(text, bullet),
        }
    }

    /// Ontario's two statements as rendering writes them (in any shipped locale)
    /// set `ai_screening` and `vacancy`; the rest of `text` is returned.
    fn hiring_statements(a: &mut Apply, text: &str) -> String {
        use crate::model::{AiScreening, Vacancy};
        let mut rest = text.to_string();
        for loc in crate::locale::all() {
            for key in [
                "ai_screening_used",
                "ai_screening_not_used",
                "vacancy_existing",
                "vacancy_not_existing",
            ] {
                let sentence = loc.text(key);
                if !rest.contains(sentence) {
                    continue;
                }
                match key {
                    "ai_screening_used" => a.ai_screening = Some(AiScreening::Used),
                    "ai_screening_not_used" => a.ai_screening = Some(AiScreening::NotUsed),
                    "vacancy_existing" => a.vacancy = Some(Vacancy::Existing),
                    _ => a.vacancy = Some(Vacancy::NotExisting),
                }
                rest = rest.replace(sentence, " ");
            }
        }
        rest.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// A block under an unknown heading: into the role description, under the heading.
    fn other(&mut self, text: &str, bullet: bool) {
        if let Some(h) = self.pending.take() {
            append(&mut self.given.posting.purpose, &format!("**{h}**"), "\n\n");
            self.catch_all.push(format!("`{h}` → purpose"));
        }
        let p = &mut self.given.posting;
        if bullet {
            append(&mut p.purpose, &format!("- {text}"), "\n\n");
        } else {
            append(&mut p.purpose, text, "\n\n");
        }
    }

    /// Text with no field of its own, into the role description.
    fn catch_all(&mut self, text: &str) {
        append(&mut self.given.posting.purpose, text, "\n\n");
        self.catch_all.push(format!("`{text}` → purpose"));
    }

    /// Pay and place lint read from the whole text, where no label stated them.
    fn facts(&mut self, doc: &Doc) {
        let f = &doc.facts;
        let p = &mut self.given.posting;
        let no_place = p
            .location
            .as_ref()
            .is_none_or(|l| l.city.is_none() && l.country.is_none());
        if no_place && (f.city.is_some() || f.region.is_some()) {
            let loc = location(p);
            loc.city = f.city.clone();
            loc.region = f.region.clone();
            loc.country = f.country.clone();
        }
        if f.remote && location(p).workplace.is_none() {
            location(p).workplace = Some(crate::model::Workplace::Remote);
        }
        if !self.given.pay_read && p.pay.as_ref().is_none_or(|p| p.min.is_none()) {
            if let Some(facts) = f
                .pay
                .as_ref()
                .filter(|f| f.min.is_some() || f.max.is_some())
            {
                let mut period = facts.period.as_deref().and_then(place::period_of);
                let low = facts.min.or(facts.max).unwrap_or(0.0);
                if period.is_none() && is_salary(&doc.source, low) {
                    period = Some(crate::model::Period::Year);
                    self.given.unsure.push(SALARY_NOTE.to_string());
                }
                if period.is_none() {
                    self.given.unsure.push(
                        "a pay figure in the text names no period (hour, year…); it stays in the text, not as the pay range"
                            .to_string(),
                    );
                    return;
                }
                let p = pay(&mut self.given.posting);
                p.min = facts.min.or(facts.max);
                p.max = facts.max.or(facts.min);
                p.currency = facts.currency.clone();
                p.period = period;
            }
        }
        if p_location_empty(&self.given.posting) {
            self.given.posting.location = None;
        }
    }
}

/// A bare `$` is the dollar of the job's country (Canadian in Halifax).
fn settle_dollar(p: &mut Posting) {
    let country = p.location.as_ref().and_then(|l| l.country.clone());
    let dollar = country.as_deref().and_then(crate::money::dollar_of);
    if let (Some(d), Some(pay)) = (dollar, p.pay.as_mut()) {
        pay.currency = Some(d.to_string());
    }
}

fn p_location_empty(p: &Posting) -> bool {
    p.location.as_ref().is_some_and(|l| {
        l.workplace.is_none()
            && l.street.is_none()
            && l.city.is_none()
            && l.region.is_none()
            && l.postal_code.is_none()
            && l.country.is_none()
    })
}

/// The list a heading's words put its items in ("Nice to have" → preferred).
fn sub_of(heading: &str) -> Sub {
    let preferred = [
        "nice to have",
        "preferred",
        "desirable",
        "bonus",
        "plus",
        "ideal",
        "advantage",
        "would be great",
    ];
    if preferred.iter().any(|w| heading.contains(w)) {
        Sub::Preferred
    } else if heading.contains("week") {
        Sub::Weekly
    } else if heading.contains("physical") {
        Sub::Physical
    } else {
        Sub::Plain
    }
}

/// Why a salary with no period was read as a year's.
const SALARY_NOTE: &str =
    "a salary of ten thousand or more with no period was read as a year's pay";

/// Text calls the figure a salary, and it is too large to be paid by the hour, day or
/// week: a year's pay.
fn is_salary(text: &str, low: f64) -> bool {
    low >= 10_000.0 && text.to_lowercase().contains("salary")
}

/// [`is_salary`] for a label's value ("Salary: $60,000 - $75,000").
fn salary_year(mut read: Pay, value: &str, unsure: &mut Vec<String>) -> Pay {
    let low = read.min.or(read.max).unwrap_or(0.0);
    if read.period.is_none() && (is_salary(value, low) || low >= 10_000.0) {
        read.period = Some(crate::model::Period::Year);
        unsure.push(SALARY_NOTE.to_string());
    }
    read
}

/// Does a pay value say more than its figures, currency and period?
fn says_more(value: &str) -> bool {
    const PAY_WORDS: &[&str] = &[
        "per", "a", "an", "to", "hour", "hourly", "year", "yearly", "annum", "annual", "annually",
        "month", "monthly", "week", "weekly", "day", "daily", "pa", "p", "hr", "usd", "gbp", "eur",
        "cad", "aud", "between", "and", "from", "k",
    ];
    value
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .any(|w| !PAY_WORDS.contains(&w.to_lowercase().as_str()))
}

/// The headings our own templates write, in every shipped locale: the section each
/// names (`None` for a sub-heading that keeps its parent's) and the list under it.
fn our_heading(text: &str) -> Option<(Option<Section>, Sub)> {
    const KEYS: &[(&str, Option<Section>, Sub)] = &[
        ("about_role", Some(Section::Purpose), Sub::Plain),
        ("achieve", Some(Section::Objectives), Sub::Plain),
        ("duties", Some(Section::Duties), Sub::Plain),
        ("every_day", None, Sub::Plain),
        ("every_week", None, Sub::Weekly),
        ("bring", Some(Section::Skills), Sub::Plain),
        ("required", None, Sub::Plain),
        ("nice_to_have", None, Sub::Preferred),
        ("conditions", Some(Section::Conditions), Sub::Plain),
        ("physical", None, Sub::Physical),
        ("pay_and_benefits", Some(Section::Pay), Sub::Plain),
        ("how_to_apply", Some(Section::Apply), Sub::Plain),
        ("equal_opportunity", Some(Section::Eeo), Sub::Plain),
    ];
    let t = text.trim().trim_end_matches(':').trim_end();
    KEYS.iter()
        .find(|(key, _, _)| {
            crate::locale::all().iter().any(|l| {
                l.messages
                    .get(*key)
                    .is_some_and(|m| m.eq_ignore_ascii_case(t))
            })
        })
        .map(|(_, s, sub)| (*s, *sub))
}

/// Labels written without a colon before their value ("Posted January 4, 2027",
/// "Apply by February 1, 2027").
const BARE_LABELS: &[&str] = &["posted", "apply by", "closing date", "closes", "deadline"];

/// One part of a header line under the title.
enum HeaderPart {
    Type(crate::model::EmploymentType),
    Workplace(crate::model::Workplace),
    Name,
    Place,
}

impl HeaderPart {
    /// What a part is; `None` when it is not a header's (a sentence, a long phrase).
    /// A lone part must name a place with its country, or be a proper name.
    fn of(part: &str, first: bool, alone: bool) -> Option<HeaderPart> {
        let words = part.split_whitespace().count();
        if words == 0 || words > 10 || part.ends_with(['.', '!', '?']) || part.contains(':') {
            return None;
        }
        if words <= 2 {
            if let Some(t) = place::employment_type(part) {
                return Some(HeaderPart::Type(t));
            }
            if let Some(w) = place::workplace(part) {
                return Some(HeaderPart::Workplace(w));
            }
        }
        let country = part.rsplit(',').next().and_then(place::country_code);
        if part.contains(',') && (country.is_some() || !alone) {
            return Some(HeaderPart::Place);
        }
        let proper = part
            .split_whitespace()
            .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '&'));
        (first && proper && words <= 5).then_some(HeaderPart::Name)
    }
}

/// A short paragraph that is a heading in all but markup ("What you'll be doing",
/// "What we offer:") when its words name a section; a phrase with figures, commas or a
/// dash carries a value and stays text.
fn pseudo_heading(text: &str) -> Option<Section> {
    let words = text.split_whitespace().count();
    let plain =
        !text.contains([',', '.', '!', '?', '-', '–']) && !text.chars().any(|c| c.is_ascii_digit());
    if !(1..=6).contains(&words) || !plain {
        return None;
    }
    crate::lint::doc::classify_heading(text.trim_end_matches(':'))
}

/// "Label: value" with a short label (at most four words), "Label - value" with a
/// label import knows, or a bare label and a date.
fn label_pair(text: &str) -> Option<(&str, &str)> {
    let lower = text.trim_start().to_lowercase();
    if let Some(bare) = BARE_LABELS
        .iter()
        .find(|b| lower.starts_with(&format!("{b} ")))
    {
        let t = text.trim_start();
        if date::find(&t[bare.len()..], true).is_some() && !t[..bare.len() + 1].contains(':') {
            return Some((&t[..bare.len()], &t[bare.len()..]));
        }
    }
    // "Location - Utrecht": a dash after a label import knows.
    if let Some((label, value)) = text.split_once(" - ") {
        if !label.contains(':') && Label::of(label).is_some() {
            return Some((label, value));
        }
    }
    let (label, value) = text.split_once(':')?;
    let words = label.split_whitespace().count();
    (words > 0 && words <= 4 && !label.contains("http")).then_some((label, value))
}

/// A paragraph that says what it is whatever heading it is under: how to apply
/// ("To apply, email …"), the equal-opportunity statement.
fn prose_section(section: Section, text: &str) -> Section {
    let t = text.to_lowercase();
    let apply = [
        "to apply",
        "how to apply",
        "send your",
        "please send",
        "apply at ",
        "apply online",
    ];
    if apply.iter().any(|a| t.starts_with(a)) {
        Section::Apply
    } else if t.contains("equal opportunity") || t.contains("equal employment opportunity") {
        Section::Eeo
    } else {
        section
    }
}

/// Does a working-conditions bullet describe a physical demand?
fn is_physical(text: &str) -> bool {
    let t = text.to_lowercase();
    [
        "lift", "stand", "walk", "carry", "bend", "kneel", "climb", "reach", "sit ", "pounds",
        " kg", " lbs",
    ]
    .iter()
    .any(|w| t.contains(w))
}

/// A segment's text as one line: Markdown syntax the reader blanked to spaces, line
/// breaks and runs of spaces become single spaces.
fn tidy(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Copies each field `source` sets over `target`'s.
macro_rules! fill {
    ($target:expr, $source:expr; $($f:ident),*) => {{
        let (t, s) = ($target, $source);
        $( if s.$f.is_some() { t.$f = s.$f; } )*
    }};
}

/// Structured facts (front matter, ATS fields) over what the text said.
fn overlay(p: &mut Posting, s: Posting) {
    fill!(&mut *p, s.clone(); title, employment_type, reference, posted, apply_by, purpose, objectives);
    if let Some(sc) = s.company {
        fill!(company(p), sc; name, about, website, values, eeo);
    }
    if let Some(sl) = s.location {
        fill!(location(p), sl; workplace, street, city, region, postal_code, country);
    }
    if let Some(sp) = s.pay {
        fill!(pay(p), sp; min, max, currency, period, benefits, extras);
    }
    if let Some(sa) = s.apply {
        fill!(apply(p), sa; url, email, instructions);
    }
    if let Some(sc) = s.conditions {
        fill!(conditions(p), sc; schedule, environment, travel, physical, hours_per_week);
    }
}
