//! The posting's fields and sections, described once.
//!
//! [`FIELDS`] names every key a posting file may hold: its dotted path, its kind, whether
//! only the employer can give it, its help line and example, the section it is rendered
//! in and the wizard's question. Everything that used to keep its own copy of the schema
//! is derived from it: the valid keys at each level ([`keys_of`], used by `--set`,
//! `--unset` and the layer parser for "did you mean"), the list paths the merge edits
//! ([`is_list_path`]), the employer facts a preset may only suggest
//! ([`is_employer_fact`]), `explain` and `init` (which walk [`tables`] and print
//! [`help`]), the wizard's questions ([`question`]), and lint's picture of a rendered
//! posting ([`SECTIONS`]).
//!
//! Why one hand-kept table rather than a derive macro: the table holds words for people
//! (help, examples, questions) that no struct attribute could hold readably, and a
//! proc-macro crate would cost a build step for a few dozen rows. What keeps the table
//! honest is a test (`every_model_field_is_in_the_table`): it serialises a posting whose
//! every value is given and fails naming each model key missing from the table and each
//! table row the model does not have; the helper that builds that posting destructures
//! every struct without `..`, so a new model field does not compile until the test
//! fills it in.
//!
//! Adding a field: add it to the model (`model.rs`), add one row here (in the model's
//! order; put it in a [`SECTIONS`] group if lint should read it), and show it in the
//! templates. The wizard asks it once `prompt/fields.rs` lists it (its order and input
//! kind are the wizard's own; the question comes from here). The help line and question
//! in German and French go in `src/ui/de.toml` and `fr.toml` under `[help]` and `[q]`
//! (a test names each one missing), as do a choice's labels under `[choice]`.
//!
//! [`SECTIONS`] is the rendered posting's outline: one entry per block of the posting
//! templates (`{% block company %}`…), with the catalogue key (`src/locale/*.toml`,
//! `p.t.*` in templates) of the heading each block prints, so lint's view of a TOML
//! posting carries the same headings its Markdown shows.

use std::sync::OnceLock;

use super::{AiScreening, Education, EmploymentType, Period, Sector, Vacancy, Workplace};

/// What a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One line of text.
    Text,
    /// Paragraphs of Markdown.
    Markdown,
    /// A list of text items: replaced by an array, edited by `{ add, remove }`.
    List,
    /// A date, `2027-01-04`.
    Date,
    /// A number (money, hours).
    Number,
    /// A whole number.
    Whole,
    /// One of these keys.
    Choice(&'static [&'static str]),
}

/// One key of a posting file.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// Dotted path, as in posting files and `--set`.
    pub path: &'static str,
    /// What it holds.
    pub kind: Kind,
    /// Only the employer can say it: a preset may suggest it under `[hints]` but never
    /// set it, and renderers show it only when a posting, profile or flag gives it.
    pub employer_fact: bool,
    /// The help line `init` writes above it (and the wizard shows with its question).
    pub help: &'static str,
    /// An example value, as TOML, for `init`.
    pub example: &'static str,
    /// The [`SECTIONS`] id of the template block that shows it; `None` for keys that
    /// steer the merge (`role`, `include`, `unset`) or the rendering (`locale`).
    pub section: Option<&'static str>,
    /// The wizard's question, for fields the wizard asks.
    pub question: Option<&'static str>,
}

const fn f(path: &'static str, kind: Kind, help: &'static str, example: &'static str) -> Field {
    Field {
        path,
        kind,
        employer_fact: false,
        help,
        example,
        section: None,
        question: None,
    }
}

impl Field {
    const fn fact(mut self) -> Field {
        self.employer_fact = true;
        self
    }
    const fn shown(mut self, section: &'static str) -> Field {
        self.section = Some(section);
        self
    }
    const fn ask(mut self, question: &'static str) -> Field {
        self.question = Some(question);
        self
    }
}

use Kind::{Choice, Date, List, Markdown, Number, Text, Whole};

/// Every key of a posting file, in the model's order (which is the order `explain`
/// and `init` print them in).
#[rustfmt::skip] // a table: one field a row reads best
pub const FIELDS: &[Field] = &[
    f("role", Text, "the closest role: it fills in duties, skills and qualifications you can keep, edit or drop", "\"cashier\""),
    f("locale", Text, "en-US | en-CA | en-GB | en-IE | en-AU | de-DE | de-AT | de-CH | fr-FR | fr-BE | fr-CH | fr-CA: headings, dates, school levels and money; without it, the job's country decides", "\"en-GB\"").fact().ask("Locale (how the posting reads)"),
    f("title", Text, "the job's name as people search for it; no location, pay or codes", "\"Customer Service Associate\"").shown("header").ask("Job title"),
    f("title_marker", Text, "German and French only: the mark that opens the title to all genders, e.g. \"(w/m/d)\", \"(all genders)\"; \"none\" when the title is neutral; without it, \"(m/w/d)\" or \"(H/F)\" (AGG §11, GlBG §9, Code du travail L1142-1)", "\"(w/m/d)\"").fact().shown("header").ask("Gender marker after the title"),
    f("purpose", Markdown, "what the role is for and how it helps the organisation (Markdown)", "\"\"\"You help our customers…\"\"\"").shown("purpose").ask("Purpose"),
    f("employment_type", Choice(EmploymentType::KEYS), "full-time | part-time | contract | temporary | internship | volunteer | per-diem | other", "\"full-time\"").fact().shown("header").ask("Employment type"),
    f("reference", Text, "your own reference for the opening", "\"CS-2027-014\"").fact().shown("footer").ask("Your reference for this job (e.g. REQ-1042)"),
    f("posted", Date, "the date the posting goes up", "2027-01-04").fact().shown("footer").ask("Date posted (YYYY-MM-DD)"),
    f("apply_by", Date, "the last day to apply (some laws ask for it)", "2027-02-01").fact().shown("apply").ask("Apply by (YYYY-MM-DD)"),
    f("objectives", List, "what the person will achieve", "[\"…\"]").shown("objectives"),
    f("include", List, "partial posting files merged below this one, relative to it", "[\"company.toml\"]"),
    f("unset", List, "values or whole tables that lower layers set and this file removes", "[\"conditions.travel\"]"),
    f("company.name", Text, "who is hiring", "\"Acme Stores\"").fact().shown("header").ask("Employer (company name)"),
    f("company.about", Markdown, "a few sentences about who you are (Markdown)", "\"\"\"…\"\"\"").fact().shown("company").ask("About the company"),
    f("company.website", Text, "your home page", "\"https://example.com\"").fact().shown("company").ask("Company website"),
    f("company.values", List, "what you stand for", "[\"…\"]").fact().shown("company"),
    f("company.eeo", Text, "your equal-opportunity statement", "\"…\"").fact().shown("eeo").ask("Equal-opportunity statement"),
    f("company.logo", Text, "logo for the page header: an image file or an https:// URL", "\"logo.png\"").fact().shown("header"),
    f("company.color", Text, "brand colour behind the page header and buttons", "\"#1f5f8b\"").fact().shown("header"),
    f("company.sector", Choice(Sector::KEYS), "public | private: a public service (the NHS, the HSE, a provincial health plan's hospital) or a private business; not printed, but a preset whose duties differ between them (billing, insurance) is worded to fit, and without it in words true of both", "\"private\"").fact().ask("Is the employer a public service or a private business?"),
    f("location.workplace", Choice(Workplace::KEYS), "on-site | hybrid | remote", "\"on-site\"").fact().shown("conditions").ask("Workplace"),
    f("location.street", Text, "street address", "\"100 Main St\"").fact().shown("conditions").ask("Street address"),
    f("location.city", Text, "city or town", "\"Denver\"").fact().shown("conditions").ask("City"),
    f("location.region", Text, "state, province or region; pay-transparency laws depend on it", "\"CO\"").fact().shown("conditions").ask("State or region"),
    f("location.postal_code", Text, "postal or ZIP code", "\"80202\"").fact().shown("conditions").ask("Postal code"),
    f("location.country", Text, "two-letter ISO 3166-1 code", "\"US\"").fact().shown("conditions").ask("Country (ISO code)"),
    f("location.applicant_countries", List, "for remote roles: where applicants may live", "[\"US\"]").fact().shown("conditions").ask("Countries applicants may live in (ISO codes, comma-separated)"),
    f("duties.daily", List, "what the person does every day, as actions", "[\"…\"]").shown("duties").ask("Daily duties"),
    f("duties.weekly", List, "what the person does each week", "[\"…\"]").shown("duties").ask("Weekly duties"),
    f("skills.required", List, "skills the person must have", "[\"…\"]").shown("skills").ask("Required skills"),
    f("skills.preferred", List, "skills that help", "[\"…\"]").shown("skills").ask("Preferred skills"),
    f("qualifications.required", List, "credentials the person must have", "[\"…\"]").shown("skills").ask("Required qualifications"),
    f("qualifications.preferred", List, "credentials that help", "[\"…\"]").shown("skills").ask("Preferred qualifications"),
    f("qualifications.education", Choice(Education::KEYS), "none | high-school | associate | bachelor | postgraduate", "\"high-school\"").shown("skills").ask("Education"),
    f("qualifications.experience_months", Whole, "months of relevant experience", "6").shown("skills").ask("Experience (months)"),
    f("conditions.environment", Text, "where and among whom the work happens", "\"…\"").shown("conditions").ask("Work environment"),
    f("conditions.schedule", Text, "shifts, days and hours", "\"…\"").fact().shown("conditions").ask("Schedule"),
    f("conditions.travel", Text, "how much travel, if any", "\"…\"").fact().shown("conditions"),
    f("conditions.physical", List, "physical demands, each with its reason", "[\"…\"]").shown("conditions").ask("Physical demands"),
    f("conditions.hours_per_week", Number, "typical hours a week", "40").fact().shown("conditions").ask("Hours a week"),
    f("pay.min", Number, "bottom of the pay range: state a range, many laws require it", "18.5").fact().shown("pay").ask("Pay from"),
    f("pay.max", Number, "top of the pay range", "22").fact().shown("pay").ask("Pay up to"),
    f("pay.currency", Text, "ISO 4217 code", "\"USD\"").fact().shown("pay").ask("Pay currency"),
    f("pay.period", Choice(Period::KEYS), "hour | day | week | month | year", "\"hour\"").fact().shown("pay").ask("Pay period"),
    f("pay.benefits", List, "benefits offered (several laws ask for them)", "[\"…\"]").fact().shown("pay").ask("Benefits"),
    f("pay.extras", Text, "bonus, commission, tips", "\"…\"").fact().shown("pay").ask("Extras (bonus, tips, commission)"),
    f("apply.url", Text, "where to apply", "\"https://example.com/careers/apply\"").fact().shown("apply").ask("Application page"),
    f("apply.email", Text, "where to send an application", "\"jobs@example.com\"").fact().shown("apply").ask("Application e-mail"),
    f("apply.instructions", Text, "what to send and what happens next", "\"…\"").fact().shown("apply").ask("How to apply"),
    f("apply.ai_screening", Choice(AiScreening::KEYS), "used | not-used: whether AI screens, assesses or selects applicants (Ontario requires the statement)", "\"not-used\"").fact().shown("apply").ask("Is AI used to screen, assess or select applicants?"),
    f("apply.vacancy", Choice(Vacancy::KEYS), "existing | not-existing: whether the posting is for a vacancy that exists now (Ontario requires the statement)", "\"existing\"").fact().shown("apply").ask("Is this posting for an existing vacancy?"),
];

/// The field at `path`.
pub fn get(path: &str) -> Option<&'static Field> {
    FIELDS.iter().find(|f| f.path == path)
}

/// The help line of `path`, if it is a field.
pub fn help(path: &str) -> Option<&'static str> {
    get(path).map(|f| f.help)
}

/// The wizard's question for `path`. Evaluated in constant context by the wizard's
/// field list, so a question missing here stops the build there.
pub const fn question(path: &str) -> &'static str {
    let mut i = 0;
    while i < FIELDS.len() {
        if eq(FIELDS[i].path, path) {
            match FIELDS[i].question {
                Some(q) => return q,
                None => panic!("the field table has no question for this path"),
            }
        }
        i += 1;
    }
    panic!("the wizard asks a path the field table does not have")
}

const fn eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The keys of each table, top level (`""`) first, in the model's order: the schema's
/// shape, as `explain`, `init`, the wizard's posting file and `--set` checks walk it.
pub fn tables() -> &'static [(&'static str, Vec<&'static str>)] {
    static TABLES: OnceLock<Vec<(&'static str, Vec<&'static str>)>> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut tables: Vec<(&'static str, Vec<&'static str>)> = vec![("", Vec::new())];
        for field in FIELDS {
            let (table, key) = field.path.split_once('.').unwrap_or(("", field.path));
            if !table.is_empty() && !tables.iter().any(|(t, _)| *t == table) {
                tables[0].1.push(table);
                tables.push((table, Vec::new()));
            }
            if let Some((_, keys)) = tables.iter_mut().find(|(t, _)| *t == table) {
                keys.push(key);
            }
        }
        tables
    })
}

/// The valid keys of the table at `path` (`""` is the top level), if it is a table.
pub fn keys_of(path: &str) -> Option<&'static [&'static str]> {
    tables()
        .iter()
        .find(|(p, _)| *p == path)
        .map(|(_, k)| k.as_slice())
}

/// True when `path` names a list field (the merge edits those with `add`/`remove`).
pub fn is_list_path(path: &str) -> bool {
    get(path).is_some_and(|f| f.kind == Kind::List)
}

/// True when `path` is an employer fact, lies inside one (`pay.min`), or is a table
/// whose every key is one (`company`, `pay`; not `conditions`, whose duties-like
/// keys a preset may give).
pub fn is_employer_fact(path: &str) -> bool {
    let mut under = FIELDS
        .iter()
        .filter(|f| super::within(f.path, path) || super::within(path, f.path))
        .peekable();
    under.peek().is_some() && under.all(|f| f.employer_fact)
}

/// Every list path, for documentation and tests.
pub fn list_paths() -> impl Iterator<Item = &'static str> {
    FIELDS
        .iter()
        .filter(|f| f.kind == Kind::List)
        .map(|f| f.path)
}

/// How a section's heading reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Heading {
    /// The catalogue message with this key (`p.t.<key>` in templates).
    Text(&'static str),
    /// "About" and the employer's name, or "About us" without one.
    AboutEmployer,
}

/// What a group of fields is, for lint (which maps each to its own section kind).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// About the employer.
    Company,
    /// Why the role exists.
    Purpose,
    /// What success looks like.
    Objectives,
    /// Responsibilities.
    Duties,
    /// Required or preferred skills and qualifications.
    Qualifications,
    /// Schedule, environment, physical demands.
    Conditions,
    /// The pay line and extras.
    Pay,
    /// Benefits.
    Benefits,
    /// How to apply.
    Apply,
    /// The equal-opportunity statement.
    Eeo,
}

/// Fields shown together under one (sub)heading, read by lint as one group.
#[derive(Debug, Clone, Copy)]
pub struct Group {
    /// The sub-heading's catalogue key, if the group has its own.
    pub heading: Option<&'static str>,
    /// The part of a posting lint files the group's text under.
    pub part: Part,
    /// Fields in rendered order. `=pay` and `=required-extra` stand for text the
    /// renderer derives (the pay line; the education and experience lines).
    pub fields: &'static [&'static str],
}

/// One block of the posting templates.
#[derive(Debug, Clone, Copy)]
pub struct Section {
    /// The block's name in `templates/posting.{md,html,txt}`.
    pub id: &'static str,
    /// The heading the block prints, if any.
    pub heading: Option<Heading>,
    /// The text lint reads in it, group by group.
    pub groups: &'static [Group],
}

const fn group(
    heading: Option<&'static str>,
    part: Part,
    fields: &'static [&'static str],
) -> Group {
    Group {
        heading,
        part,
        fields,
    }
}

/// The posting templates' blocks, in rendered order (see templates/posting.md). The
/// header (title, employer, type) and the footer (reference, date) have no heading;
/// lint reads the title on its own.
#[rustfmt::skip]
pub const SECTIONS: &[Section] = &[
    Section { id: "header", heading: None, groups: &[] },
    // The name alone is not rendered as text (it only names the heading when there is an
    // about text), so alone it is no company section.
    Section { id: "company", heading: Some(Heading::AboutEmployer), groups: &[
        group(None, Part::Company, &["company.about", "company.values"]),
    ] },
    Section { id: "purpose", heading: Some(Heading::Text("about_role")), groups: &[
        group(None, Part::Purpose, &["purpose"]),
    ] },
    Section { id: "objectives", heading: Some(Heading::Text("achieve")), groups: &[
        group(None, Part::Objectives, &["objectives"]),
    ] },
    Section { id: "duties", heading: Some(Heading::Text("duties")), groups: &[
        group(Some("every_day"), Part::Duties, &["duties.daily"]),
        group(Some("every_week"), Part::Duties, &["duties.weekly"]),
    ] },
    Section { id: "skills", heading: Some(Heading::Text("bring")), groups: &[
        group(Some("required"), Part::Qualifications, &["skills.required", "qualifications.required", "=required-extra"]),
        group(Some("nice_to_have"), Part::Qualifications, &["skills.preferred", "qualifications.preferred"]),
    ] },
    Section { id: "conditions", heading: Some(Heading::Text("conditions")), groups: &[
        group(None, Part::Conditions, &["conditions.environment", "conditions.schedule", "conditions.travel"]),
        group(Some("physical"), Part::Conditions, &["conditions.physical"]),
    ] },
    Section { id: "pay", heading: Some(Heading::Text("pay_and_benefits")), groups: &[
        group(None, Part::Pay, &["=pay", "pay.extras"]),
        group(None, Part::Benefits, &["pay.benefits"]),
    ] },
    Section { id: "apply", heading: Some(Heading::Text("how_to_apply")), groups: &[
        group(None, Part::Apply, &["apply.instructions", "apply.url", "apply.email", "apply.ai_screening", "apply.vacancy"]),
    ] },
    Section { id: "eeo", heading: Some(Heading::Text("equal_opportunity")), groups: &[
        group(None, Part::Eeo, &["company.eeo"]),
    ] },
    Section { id: "footer", heading: None, groups: &[] },
];

#[cfg(test)]
mod tests;
