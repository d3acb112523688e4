//! The document model the rules run on, and builders for Markdown and plain text.
//!
//! A [`Doc`] is a list of [`Segment`]s (title, headings, prose paragraphs, bullets), each
//! tagged with the posting [`Section`] it belongs to and with where its text sits in the
//! file, plus [`Facts`] extracted from the whole text (pay, location, benefits…) and the
//! inline [`Suppression`]s. Rules only read a `Doc`; they never parse files. TOML postings
//! are turned into a `Doc` by the caller from the structured posting (see
//! [`Segment::new`], [`Segment::inexact`], [`super::facts::extract_facts`] and
//! [`parse_toml_suppressions`]).
//!
//! Segment text is *exact* for Markdown and text: it maps char for char onto the file from
//! `loc` (Markdown syntax such as `**`, link targets and list markers is blanked to spaces
//! rather than removed), so a match anywhere in it gets its own `line:col`.

use std::ops::Range;
use std::sync::OnceLock;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};
use serde::{Deserialize, Serialize};

use super::facts::{Analysed, analyse, facts_from};
use super::text::{PhraseSet, tokenize};

/// A 1-based position in a file; `col` counts chars, not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Loc {
    /// 1-based line.
    pub line: usize,
    /// 1-based column in chars.
    pub col: usize,
}

impl Loc {
    /// The position `line:col`.
    pub fn new(line: usize, col: usize) -> Loc {
        Loc { line, col }
    }
}

/// The parts a job posting is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Section {
    /// The job title.
    Title,
    /// About the employer.
    Company,
    /// Why the role exists; the summary.
    Purpose,
    /// What success looks like.
    Objectives,
    /// Responsibilities.
    Duties,
    /// Skills the candidate brings.
    Skills,
    /// Required or preferred qualifications.
    Qualifications,
    /// Schedule, location, physical environment.
    Conditions,
    /// Pay range or rate.
    Pay,
    /// Benefits and perks.
    Benefits,
    /// How to apply.
    Apply,
    /// Equal-opportunity statement.
    Eeo,
    /// Anything else.
    Other,
}

impl Section {
    /// A lower-case human name ("duties", "working conditions").
    pub fn name(self) -> &'static str {
        match self {
            Section::Title => "title",
            Section::Company => "company",
            Section::Purpose => "purpose",
            Section::Objectives => "objectives",
            Section::Duties => "duties",
            Section::Skills => "skills",
            Section::Qualifications => "qualifications",
            Section::Conditions => "working conditions",
            Section::Pay => "pay",
            Section::Benefits => "benefits",
            Section::Apply => "how to apply",
            Section::Eeo => "equal opportunity",
            Section::Other => "other",
        }
    }
}

/// What kind of block a segment is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SegKind {
    /// The job title.
    Title,
    /// A section heading.
    Heading,
    /// A paragraph.
    Prose,
    /// A list item.
    Bullet,
}

/// One block of text with its section and position.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Segment {
    /// The section the block belongs to.
    pub section: Section,
    /// Title, heading, paragraph or bullet.
    pub kind: SegKind,
    /// The text.
    pub text: String,
    /// Where `text[0]` is in the file.
    pub loc: Loc,
    /// Bullets of the same list share an id.
    pub list: Option<usize>,
    /// True when `text` maps char for char onto the file from `loc` (newlines included);
    /// false (TOML strings with escapes) makes every finding in it point at `loc`.
    pub exact: bool,
}

impl Segment {
    /// An exact segment (its text appears verbatim in the file from `loc`).
    pub fn new(section: Section, kind: SegKind, text: impl Into<String>, loc: Loc) -> Segment {
        Segment {
            section,
            kind,
            text: text.into(),
            loc,
            list: None,
            exact: true,
        }
    }

    /// A segment whose text does not map onto the file (findings point at `loc`).
    pub fn inexact(section: Section, kind: SegKind, text: impl Into<String>, loc: Loc) -> Segment {
        Segment {
            exact: false,
            ..Segment::new(section, kind, text, loc)
        }
    }

    /// The same segment as a bullet of list `list`.
    pub fn in_list(mut self, list: usize) -> Segment {
        self.list = Some(list);
        self
    }

    /// The file position of char `offset` of the text (`loc` itself when not exact).
    pub fn loc_at(&self, offset: usize) -> Loc {
        if !self.exact {
            return self.loc;
        }
        let mut loc = self.loc;
        for c in self.text.chars().take(offset) {
            if c == '\n' {
                loc.line += 1;
                loc.col = 1;
            } else {
                loc.col += 1;
            }
        }
        loc
    }

    /// The last line the segment covers.
    pub fn last_line(&self) -> usize {
        if self.exact {
            self.loc.line + self.text.matches('\n').count()
        } else {
            self.loc.line
        }
    }
}

/// Pay found in a posting.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PayFacts {
    /// Lowest figure.
    pub min: Option<f64>,
    /// Highest figure.
    pub max: Option<f64>,
    /// ISO 4217 code ("USD").
    pub currency: Option<String>,
    /// hour, day, week, month or year.
    pub period: Option<String>,
    /// The wording that leaves the range open ("$50k+", "up to $60,000", "competitive").
    pub open_ended: Option<String>,
    /// Where the pay was found.
    pub loc: Option<Loc>,
    /// One past the end of the pay text, when it is known to sit on the file as written.
    pub end: Option<Loc>,
}

/// Facts about the posting that the rules need, however the posting was written.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Facts {
    /// Pay, if the posting states any.
    pub pay: Option<PayFacts>,
    /// Benefits are described.
    pub has_benefits: bool,
    /// An application deadline is given.
    pub has_deadline: bool,
    /// The posting bears its own date (`posted`, or a date outside the application
    /// section, such as "Publiée le 4 janvier 2027").
    pub dated: bool,
    /// The date the posting was published ("2024-04-24"), when it says: `posted`, a
    /// "Posted …" line or a front matter date. A law binds postings from its
    /// effective date on.
    pub posted_on: Option<String>,
    /// The pay is given as a grade of a collective agreement's pay scale ("nach TV-L
    /// E13 Stufe 3"), whose tables are public: stated, though with no figure.
    pub pay_grade: bool,
    /// The application deadline's date ("apply by January 30, 2015"): the posting was
    /// published before it, so a law in force only after it does not bind it.
    pub closes_on: Option<String>,
    /// How to apply is given.
    pub has_apply: bool,
    /// Whether AI screens applicants is stated (`apply.ai_screening`, or a sentence
    /// naming AI and screening, assessing or selecting).
    pub states_ai_screening: bool,
    /// Whether the posting is for an existing vacancy is stated (`apply.vacancy`,
    /// or "existing vacancy" in the text).
    pub states_vacancy: bool,
    /// ISO 3166-1 alpha-2 country.
    pub country: Option<String>,
    /// State or province code ("CO", "NY", "ON").
    pub region: Option<String>,
    /// City ("New York City").
    pub city: Option<String>,
    /// The job is remote.
    pub remote: bool,
    /// Places of work besides `country`/`region`/`city`, when the posting names several
    /// ("Location: New York / NJ"): each brings its own pay law.
    pub other_sites: Vec<Site>,
    /// The largest experience ask, in months.
    pub experience_months: Option<u32>,
    /// The role is entry-level or junior.
    pub entry_level: bool,
    /// Pay includes commission.
    pub commission: bool,
    /// The workplace a structured posting states (`location.workplace`).
    pub workplace: Option<crate::model::Workplace>,
    /// For remote roles: the countries applicants may live in (alpha-2).
    pub applicant_countries: Vec<String>,
    /// The locale the posting reads in (`en-GB`), when the posting or `--locale` says;
    /// without it rules use the country's.
    pub locale: Option<String>,
    /// The jobs of a page that lists several, each with what its own part states
    /// (empty for a posting of one job): one job's missing pay hides behind another's.
    pub jobs: Vec<JobFacts>,
}

/// One job of a page that lists several: its name and what the text under it states.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JobFacts {
    /// The job's name as the page gives it ("Refrigeration Engineer").
    pub name: String,
    /// Where the name is.
    pub loc: Loc,
    /// Its length in chars, to underline.
    pub len: usize,
    /// Its part gives a pay figure (or a pay grade).
    pub has_figure: bool,
    /// Pay worded with no figure in its part ("Competitive rates of pay").
    pub vague: Option<PayFacts>,
    /// Its part describes benefits.
    pub has_benefits: bool,
    /// The pay its part states first, to check the range's width job by job.
    pub pay: Option<PayFacts>,
}

/// A place of work.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Site {
    /// ISO 3166-1 alpha-2 country.
    pub country: String,
    /// State or province code.
    pub region: Option<String>,
    /// City, when the city has its own pay law.
    pub city: Option<String>,
}

/// Rules turned off by an inline comment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suppression {
    /// Rule ids; empty means every rule.
    pub rules: Vec<String>,
    /// The line it applies to; `None` for the whole file.
    pub line: Option<usize>,
}

impl Suppression {
    /// Does this suppression silence `rule` at `line`?
    pub fn covers(&self, rule: &str, line: usize) -> bool {
        let rule_ok = self.rules.is_empty() || self.rules.iter().any(|r| r == rule || r == "all");
        rule_ok && self.line.is_none_or(|l| l == line)
    }
}

/// A posting ready to lint.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Doc {
    /// The file path as the user gave it.
    pub path: String,
    /// The file's text.
    pub source: String,
    /// The blocks in file order.
    pub segments: Vec<Segment>,
    /// Facts extracted from the text (or set by the caller for TOML).
    pub facts: Facts,
    /// Inline suppressions.
    pub suppressions: Vec<Suppression>,
    /// For a posting file: where each of its keys and table headers is, by
    /// posting path (`pay`, `pay.benefits`), with the length to underline, so a
    /// finding about a field or a section points at it (see
    /// [`Doc::key_or_table`]). Empty for Markdown, text and HTML.
    #[serde(skip)]
    pub keys: std::collections::BTreeMap<String, (Loc, usize)>,
    /// The language the posting says it is in (a TOML posting's locale, a front matter
    /// `lang`, `<html lang>`); `None` leaves it to the text (see [`super::lang`]).
    pub lang: Option<super::lang::Lang>,
    /// The builders' split of each segment into words, kept so that linting does not
    /// split the text again. Checked against the segments before use, so a `Doc` whose
    /// segments were changed afterwards, or built by hand with `..Doc::default()`, is
    /// still linted correctly.
    #[serde(skip)]
    pub(crate) analysis: Analysis,
}

/// A cache of [`Analysed`] segments; never part of a `Doc`'s value (always equal).
#[derive(Clone, Default)]
pub(crate) struct Analysis(pub(crate) Vec<Analysed>);

impl PartialEq for Analysis {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for Analysis {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Analysis({} segments)", self.0.len())
    }
}

/// Extensions of the HTML templates careers pages are kept in besides plain HTML
/// (PHP and Blade, Rails, Twig, Nunjucks, Handlebars, Liquid, Mustache, EJS, Razor,
/// JSP, Smarty): lint reads their markup and passes over their code.
pub const HTML_TEMPLATES: &[&str] = &[
    "php",
    "phtml",
    "erb",
    "twig",
    "njk",
    "hbs",
    "handlebars",
    "liquid",
    "mustache",
    "ejs",
    "cshtml",
    "jsp",
    "tpl",
];

/// Does a text open as an HTML page (`<!DOCTYPE html>` or `<html>` first)?
fn opens_as_html(text: &str) -> bool {
    let head: String = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(9)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype") || head.starts_with("<html")
}

impl Doc {
    /// A Markdown posting: the first H1 is the title, headings set sections.
    pub fn from_markdown(path: &str, text: &str) -> Doc {
        let source = strip_bom(text);
        let segments = markdown::segments(source);
        finish(path, source, segments, markdown_directives(source))
    }

    /// A plain-text posting: the first line is the title; lines ending with `:`, lines in
    /// capitals and short lines followed by a blank line are headings; lines starting with
    /// `-`, `*`, `•` or `1.` are bullets.
    pub fn from_text(path: &str, text: &str) -> Doc {
        let source = strip_bom(text);
        let segments = plain::segments(source);
        finish(path, source, segments, text_directives(source))
    }

    /// An HTML page: headings, list items and paragraphs from its elements; scripts,
    /// styles, comments and the head left out (the `<title>` is the title when the page
    /// has no `<h1>`).
    pub fn from_html(path: &str, text: &str) -> Doc {
        let source = strip_bom(text);
        let segments = html::segments(source);
        finish(path, source, segments, markdown_directives(source))
    }

    /// Markdown for `.md`/`.markdown` paths, HTML for `.html`/`.htm` and the HTML
    /// templates of site generators and web frameworks (`.php`, `.erb`, `.njk`…; see
    /// [`HTML_TEMPLATES`]) and for any other file that opens as an HTML page, plain
    /// text otherwise.
    pub fn from_path_text(path: &str, text: &str) -> Doc {
        let lower = path.to_ascii_lowercase();
        let ext = lower.rsplit_once('.').map_or("", |(_, e)| e);
        if ext == "md" || ext == "markdown" {
            Doc::from_markdown(path, text)
        } else if ext == "html"
            || ext == "htm"
            || HTML_TEMPLATES.contains(&ext)
            || opens_as_html(text)
        {
            Doc::from_html(path, text)
        } else {
            Doc::from_text(path, text)
        }
    }

    /// A posting built by the caller (TOML): segments, facts and suppressions as given.
    pub fn new(
        path: &str,
        source: &str,
        segments: Vec<Segment>,
        facts: Facts,
        suppressions: Vec<Suppression>,
    ) -> Doc {
        Doc {
            path: path.to_string(),
            source: source.to_string(),
            segments,
            facts,
            suppressions,
            keys: Default::default(),
            lang: None,
            analysis: Analysis::default(),
        }
    }

    /// For a posting file, where a finding about `path` points: its key, else
    /// the table it would go in (`pay` for a missing `pay.benefits`), else the
    /// first line; `None` for a posting that is not a posting file.
    pub fn key_or_table(&self, path: &str) -> Option<(Loc, usize)> {
        if !self.path.to_ascii_lowercase().ends_with(".toml") {
            return None;
        }
        let mut at = path;
        loop {
            if let Some(found) = self.keys.get(at) {
                return Some(*found);
            }
            match at.rsplit_once('.') {
                Some((table, _)) => at = table,
                None => return Some((Loc::new(1, 1), 1)),
            }
        }
    }

    /// The cached analysis, when it still matches the segments.
    pub(crate) fn cached_analysis(&self) -> Option<&[Analysed]> {
        let a = &self.analysis.0;
        let fits = a.len() == self.segments.len()
            && a.iter().zip(&self.segments).all(|(a, s)| a.is_for(&s.text));
        fits.then_some(a.as_slice())
    }

    /// Was the posting read as plain text (not Markdown, HTML or a TOML posting)?
    pub fn is_plain_text(&self) -> bool {
        let lower = self.path.to_ascii_lowercase();
        ![".md", ".markdown", ".toml", ".html", ".htm"]
            .iter()
            .any(|e| lower.ends_with(e))
    }

    /// The title segment, if any.
    pub fn title(&self) -> Option<&Segment> {
        self.segments.iter().find(|s| s.kind == SegKind::Title)
    }

    /// The segments of the body, after the front matter block (all of a file without
    /// one, or of a TOML posting).
    pub fn body(&self) -> impl Iterator<Item = &Segment> {
        let lines = front::lines(&self.source);
        self.segments.iter().filter(move |s| s.loc.line > lines)
    }
}

/// The language a Markdown, HTML or text posting declares: a `lang`, `language`,
/// `locale` or `inLanguage` key of its front matter, else the `lang` of its `<html>`
/// element, unless its `words` plainly say another: a site's template often keeps
/// `<html lang="en-us">` over pages written in German. A value naming no language
/// lint knows declares nothing.
fn declared_lang<'a>(
    source: &str,
    words: impl IntoIterator<Item = &'a super::text::Token>,
) -> Option<super::lang::Lang> {
    front_matter_lang(source).or_else(|| {
        let page = html_lang(source)?;
        Some(super::lang::detect(words).unwrap_or(page))
    })
}

/// Keys of front matter that name the posting's language.
const LANG_KEYS: &[&str] = &["lang", "language", "locale", "inlanguage"];

fn front_matter_lang(source: &str) -> Option<super::lang::Lang> {
    let mut lines = source.lines();
    let fence = lines.next()?.trim_end();
    if fence != "---" && fence != "+++" {
        return None;
    }
    lines
        .take_while(|l| l.trim_end() != fence)
        .filter_map(|l| l.split_once([':', '=']))
        .find(|(k, _)| LANG_KEYS.contains(&k.trim().to_ascii_lowercase().as_str()))
        .and_then(|(_, v)| super::lang::Lang::from_tag(v.trim().trim_matches(['"', '\''])))
}

fn html_lang(source: &str) -> Option<super::lang::Lang> {
    let lower = source.get(..source.len().min(4096))?.to_ascii_lowercase();
    let tag_at = lower.find("<html")?;
    let tag = &lower[tag_at..tag_at + lower[tag_at..].find('>')?];
    let value = tag.split("lang=").nth(1)?.trim_start_matches(['"', '\'']);
    super::lang::Lang::from_tag(value.split(['"', '\'', ' ']).next()?)
}

/// The date in a file's name, "2020-07-24-data-analyst.md" as Jekyll names its posts
/// (and other sites their postings), or "PE_Storm_20230516.md" with the digits run
/// together: the day it was published, when the text says none.
fn date_in_name(path: &str) -> Option<String> {
    let name = std::path::Path::new(path).file_name()?.to_str()?;
    dashed_date(name).or_else(|| compact_date(name))
}

/// "20230516" standing alone (not inside a longer run of digits), read as year, month
/// and day: a date that exists, from 1990 on ([`super::facts::parse_date`]).
fn compact_date(name: &str) -> Option<String> {
    let b = name.as_bytes();
    (0..b.len().saturating_sub(7)).find_map(|i| {
        let bounded = (i == 0 || !b[i - 1].is_ascii_digit())
            && !b.get(i + 8).is_some_and(u8::is_ascii_digit)
            && b[i..i + 8].iter().all(u8::is_ascii_digit);
        if !bounded {
            return None;
        }
        // All eight bytes are ASCII digits, so these are char boundaries.
        let (y, m, d) = (&name[i..i + 4], &name[i + 4..i + 6], &name[i + 6..i + 8]);
        super::facts::parse_date(&format!("{y}-{m}-{d}"))
    })
}

/// "2020-07-24" in a file name.
fn dashed_date(name: &str) -> Option<String> {
    let b = name.as_bytes();
    (0..b.len().saturating_sub(9)).find_map(|i| {
        let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
        let bounded = (i == 0 || !b[i - 1].is_ascii_digit())
            && !b.get(i + 10).is_some_and(u8::is_ascii_digit);
        let shape = digits(i..i + 4)
            && b[i + 4] == b'-'
            && digits(i + 5..i + 7)
            && b[i + 7] == b'-'
            && digits(i + 8..i + 10);
        (bounded && shape)
            .then(|| super::facts::parse_date(&name[i..i + 10]))
            .flatten()
    })
}

fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

fn finish(path: &str, source: &str, segments: Vec<Segment>, dirs: Vec<Directive>) -> Doc {
    let analysed = analyse(&segments);
    let mut facts = facts_from(&segments, &analysed);
    if facts.posted_on.is_none() {
        facts.posted_on = date_in_name(path);
    }
    let suppressions = resolve_directives(&dirs, &segments);
    let words = analysed.iter().flat_map(|a| a.toks.iter());
    Doc {
        lang: declared_lang(source, words),
        analysis: Analysis(analysed),
        ..Doc::new(path, source, segments, facts, suppressions)
    }
}

/// Maps a heading (or a label like "Salary:") to the section it introduces: the first
/// section, in priority order, with a keyword phrase in the text ("physical
/// requirements" is working conditions before "requirements" is qualifications).
pub fn classify_heading(text: &str) -> Option<Section> {
    static INDEX: OnceLock<(PhraseSet, Vec<Section>)> = OnceLock::new();
    let (set, sections) = INDEX.get_or_init(|| {
        let pairs: Vec<(&str, Section)> = headings()
            .keywords
            .iter()
            .flat_map(|k| k.words.iter().map(move |w| (w.as_str(), k.section)))
            .collect();
        (
            PhraseSet::new(pairs.iter().map(|(w, _)| *w)),
            pairs.iter().map(|(_, s)| *s).collect(),
        )
    });
    let toks = tokenize(text);
    let words: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
    let whole = words.join(" ");
    if let Some(e) = headings().exact.iter().find(|e| e.heading == whole) {
        return Some(e.section);
    }
    // "As a Service Designer you will:" introduces the duties.
    if whole.ends_with(" you will") || whole.ends_with(" you'll") {
        return Some(Section::Duties);
    }
    // Keywords are listed in section priority order, so the lowest index wins.
    set.find_all(&toks)
        .iter()
        .map(|h| h.item)
        .min()
        .and_then(|i| sections.get(i).copied())
}

/// The heading words, from `src/lint/data/headings.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Headings {
    /// Where the headings come from.
    #[allow(dead_code)] // read by the data tests; kept so every file names its source
    source: String,
    /// Headings that name a section only as a whole (as words inside a longer heading
    /// they mean something else: "you will" in "what you will achieve").
    exact: Vec<Exact>,
    /// Keyword phrases by section, checked in order, so "physical requirements" is
    /// Conditions before "requirements" is Qualifications, and "about the role" is
    /// Purpose before "about" is Company.
    keywords: Vec<Keywords>,
}

/// A whole heading and the section it names.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Exact {
    heading: String,
    section: Section,
}

/// The keyword phrases of one section.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Keywords {
    /// The language the headings are in, for whoever reads the file (a heading names
    /// its section in any posting: German and French headings do not occur in English
    /// text, and a posting's language is decided after its sections are).
    #[serde(default)]
    #[allow(dead_code)]
    lang: Option<String>,
    section: Section,
    words: Vec<String>,
}

fn headings() -> &'static Headings {
    static HEADINGS: OnceLock<Headings> = OnceLock::new();
    HEADINGS.get_or_init(|| super::data::load("headings"))
}

/// Parses the data file (for the data tests).
#[cfg(test)]
pub(crate) fn data_loads() {
    let _ = headings();
}

/// Parses the front matter keys (for the data tests).
#[cfg(test)]
pub(crate) fn front_data_loads() {
    front::data_loads();
}

/// A section label at the start of a paragraph or bullet ("Salary: $50,000" or
/// "**Location:** Denver"), if it names a section.
fn label_section(text: &str) -> Option<Section> {
    let colon = text.char_indices().take(40).find(|(_, c)| *c == ':')?.0;
    let label = text.get(..colon)?;
    if label.trim().is_empty() || tokenize(label).len() > 4 {
        return None;
    }
    classify_heading(label)
}

/// Does a heading state a money figure: a currency sign right before a digit ("£51,763",
/// "€ 35k", "$20"), not a placeholder "$0"? Entity padding in HTML ("&pound;" read as "£" and spaces) is skipped.
fn states_money(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.iter().enumerate().any(|(i, c)| {
        matches!(c, '£' | '€' | '$')
            && chars[i + 1..]
                .iter()
                .find(|c| **c != ' ')
                .is_some_and(|c| matches!(c, '1'..='9'))
    })
}

/// The most words a paragraph introducing a list may have to name the list's section.
const LEAD_IN_WORDS: usize = 12;

/// A list is starting: when the paragraph just before it is a lead-in naming a section
/// ("We are looking for someone who will:", "A great candidate can:"), it is read as
/// the list's heading, the way a plain-text line ending in a colon is. A lead-in that
/// names no section changes nothing.
fn lead_in_heading(out: &mut [Segment], state: &mut SectionState) {
    let Some(last) = out.last_mut() else {
        return;
    };
    let text = last.text.trim();
    let Some(words) = text.strip_suffix(':') else {
        return;
    };
    if last.kind != SegKind::Prose || tokenize(words).len() > LEAD_IN_WORDS {
        return;
    }
    if classify_heading(words).is_some() {
        last.section = state.heading(words, LEAD_IN_LEVEL);
        last.kind = SegKind::Heading;
    }
}

/// The heading level of a lead-in: under any real heading around it.
const LEAD_IN_LEVEL: usize = 6;

/// Tracks which section the blocks being read belong to.
struct SectionState {
    current: Section,
    level: usize,
    seen_heading: bool,
    /// A level-1 heading was taken as the title.
    has_title: bool,
}

impl SectionState {
    fn new() -> Self {
        // Text before the first recognised heading (the intro under the title) is the
        // posting's purpose statement.
        SectionState {
            current: Section::Purpose,
            level: 0,
            seen_heading: false,
            has_title: false,
        }
    }

    /// A block of a Markdown or HTML posting as a segment: the first level-1 heading
    /// is the title, other headings open their section, other blocks fall in the
    /// current section (or the one their label names).
    fn segment(&mut self, block: BlockText<'_>, text: String, loc: Loc) -> Segment {
        let words = block.words.unwrap_or(&text);
        match block.kind {
            SegKind::Heading if block.level == 1 && !self.has_title => {
                self.has_title = true;
                Segment::new(Section::Title, SegKind::Title, text, loc)
            }
            SegKind::Heading => {
                let section = self.heading(words, block.level);
                Segment::new(section, SegKind::Heading, text, loc)
            }
            kind => {
                let section = self.block(kind, words);
                let mut s = Segment::new(section, kind, text, loc);
                s.list = block.list;
                s
            }
        }
    }

    /// A heading of `level` (1 = top); returns its section.
    fn heading(&mut self, text: &str, level: usize) -> Section {
        // A headline figure ("Up to £51,763 + benefits") states the pay; the text
        // under it stays in the section it was in.
        if states_money(text) {
            return Section::Pay;
        }
        match classify_heading(text) {
            Some(s) => {
                self.current = s;
                self.level = level;
                self.seen_heading = true;
            }
            // An unknown sub-heading stays in its parent's section; an unknown heading
            // at the same or a higher level starts an unrecognised section.
            None if self.seen_heading && level <= self.level => self.current = Section::Other,
            None => {}
        }
        self.current
    }

    /// The section of a paragraph or bullet: the one its label names, else the current
    /// one. A list under "The role" or "About the role" names what the job holds day to
    /// day, its duties: a purpose statement is a few sentences, never a list.
    fn block(&self, kind: SegKind, text: &str) -> Section {
        match label_section(text).unwrap_or(self.current) {
            Section::Purpose if kind == SegKind::Bullet && self.seen_heading => Section::Duties,
            section => section,
        }
    }
}

/// What [`SectionState::segment`] needs of a block besides its text and place.
struct BlockText<'a> {
    kind: SegKind,
    level: usize,
    /// The words to classify, when they differ from the block's text.
    words: Option<&'a str>,
    list: Option<usize>,
}

/// When no H1 or first line was taken as the title, a leading unrecognised heading is,
/// or a leading "Job title: …" line (its value).
fn promote_title(segments: &mut [Segment]) {
    if segments.iter().any(|s| s.kind == SegKind::Title) {
        return;
    }
    if let Some(first) = segments.first_mut() {
        if first.kind == SegKind::Heading && classify_heading(&first.text).is_none() {
            first.kind = SegKind::Title;
            first.section = Section::Title;
        } else if first.kind == SegKind::Prose {
            if let Some((at, value)) = title_label_value(&first.text) {
                let loc = Loc::new(first.loc.line, first.loc.col + at);
                *first = Segment::new(Section::Title, SegKind::Title, value, loc);
            }
        }
    }
}

/// Labels that introduce the job title in postings copied from job boards.
const TITLE_LABELS: &[&str] = &[
    "job title",
    "position title",
    "role title",
    "title",
    "position",
    "role",
    "vacancy",
    "job",
    "intitulé du poste",
    "intitulé",
    "titre du poste",
    "poste",
    "stellenbezeichnung",
    "berufsbezeichnung",
    "jobtitel",
];

/// "Position Title: Full-Stack Developer" on one line: the char where the title starts
/// and the title.
pub(crate) fn title_label_value(text: &str) -> Option<(usize, String)> {
    let (label, value) = text.split_once(':')?;
    let words: Vec<String> = tokenize(label).into_iter().map(|t| t.lower).collect();
    let title = value.trim();
    let known = TITLE_LABELS.contains(&words.join(" ").as_str());
    if !known || title.is_empty() || title.contains('\n') || tokenize(title).len() > 12 {
        return None;
    }
    let lead = value.chars().count() - value.trim_start().chars().count();
    Some((label.chars().count() + 1 + lead, title.to_string()))
}

/// How far into a line [`LineIndex::loc`] counts chars one by one.
const NEAR: usize = 256;

/// Maps byte offsets to 1-based line:col (col in chars).
struct LineIndex<'a> {
    src: &'a str,
    starts: Vec<usize>,
    /// Columns count chars, through checkpoints rather than from the line's start
    /// per position (a paragraph of megabytes may be one line).
    chars: crate::text::CharIndex,
}

impl<'a> LineIndex<'a> {
    fn new(src: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(src.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex {
            src,
            starts,
            chars: crate::text::CharIndex::new(src),
        }
    }

    fn loc(&self, byte: usize) -> Loc {
        let line = self.starts.partition_point(|&s| s <= byte).max(1);
        let start = self.starts[line - 1];
        let byte = byte.max(start).min(self.src.len());
        // Near the line's start (most positions), count the chars in between; far
        // into a long line, through the checkpoints.
        let col = if byte - start <= NEAR {
            let between = &self.src.as_bytes()[start..byte];
            between.iter().filter(|&&b| (b as i8) >= -0x40).count()
        } else {
            self.chars.chars_before(self.src, byte) - self.chars.chars_before(self.src, start)
        };
        Loc { line, col: col + 1 }
    }
}

mod front;
mod html;
mod markdown;
mod plain;
mod suppress;

pub use front::is_place_label;
use suppress::{Directive, markdown_directives, resolve_directives, text_directives};
pub use suppress::{NamedId, named_ids, parse_toml_suppressions};

#[cfg(test)]
mod tests;
