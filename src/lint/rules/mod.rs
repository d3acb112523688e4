//! The rule families, the registry of rule ids with their default severities, and the
//! context every rule writes its findings into.
//!
//! A rule family is a `check(&mut Ctx)` function. Rules report at their default severity;
//! [`super::lint`] then applies the configuration, the allow list and inline
//! suppressions, so rules never need to know about them (except where the allow list
//! changes a count, as in the gender verdict).
//!
//! Rule ids are a closed set. The `rules!` table below declares, one line per rule,
//! both the [`RuleId`] enum rules report with and the [`RULES`] registry that
//! configuration (`[lint.rules]`), suppression comments, the SARIF rule list and the
//! docs read, so an id cannot be used without being registered. Registering a rule is
//! one line in that table:
//!
//! ```text
//! LocaleMismatch = "locale-mismatch", locale, Warning, EN, "Spelling of another locale.";
//! ```
//!
//! then `pub mod locale;` and `locale::check(ctx)` in [`run_all`], and the rule reports
//! with `RuleId::LocaleMismatch`. Its word lists go in `src/lint/data/` (see
//! [`super::data`]). Tests check that every id written in fixtures and comparisons is
//! registered and that the README names every rule.

pub mod completeness;
pub mod consistency;
pub mod gender;
pub mod import;
pub mod inclusive;
pub mod locale;
pub mod pay;
pub mod places;
pub mod position;
pub mod readability;
pub mod suppress;
pub mod title;
pub mod voice;

use crate::text::FastMap;

use serde::{Deserialize, Serialize};

use super::config::Config;
use super::doc::{Doc, Loc, Segment};
use super::facts::{Analysed, Prepared, doc_start, prepare};
use super::lang::Lang;
use super::{Finding, Severity};
use crate::text::CharIndex;
use pay::Jurisdiction;
use position::SegmentLines;

/// How far past an inexact segment's start, in bytes, its text is looked for on its
/// line. A TOML string with escapes does not map char for char onto the file; its
/// findings are found again by text near the string, and a bound on "near" keeps a
/// line of thousands of such strings linear.
const SEARCH_WINDOW: usize = 4096;

/// A rule's id, family, default severity and one-line description.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RuleInfo {
    /// Kebab-case id used in output, configuration and suppressions.
    pub id: &'static str,
    /// The family (the file in `rules/`).
    pub family: &'static str,
    /// Severity unless configured otherwise.
    pub default: Severity,
    /// What the rule checks.
    pub summary: &'static str,
    /// The languages the rule has data for: on a posting in any other language it does
    /// not run (no English word list or readability grade on German text).
    pub langs: &'static [Lang],
}

impl RuleInfo {
    /// Does the rule have data for postings in `lang`?
    pub fn knows(&self, lang: Lang) -> bool {
        self.langs.contains(&lang)
    }
}

/// Rules with English data only (word lists, English grammar).
const EN: &[Lang] = &[Lang::En];
/// Rules with data for German and French only.
const DE_FR: &[Lang] = &[Lang::De, Lang::Fr];
/// Rules with word lists in English, German and French.
const EN_DE_FR: &[Lang] = &[Lang::En, Lang::De, Lang::Fr];
/// Language-neutral rules (facts, structure, laws): they run for every posting.
const ANY: &[Lang] = Lang::ALL;

const fn rule(
    id: &'static str,
    family: &'static str,
    default: Severity,
    langs: &'static [Lang],
    summary: &'static str,
) -> RuleInfo {
    RuleInfo {
        id,
        family,
        default,
        summary,
        langs,
    }
}

use Severity::{Error, Note, Warning};

/// Declares the closed set of rules: the [`RuleId`] enum and the [`RULES`] registry
/// from one line per rule, `Variant = "kebab-id", family, DefaultSeverity, LANGS, "summary";`
/// (`LANGS` is `EN`, `DE_FR`, `EN_DE_FR` or `ANY`: the languages it has data for).
macro_rules! rules {
    ($($variant:ident = $id:literal, $family:ident, $default:ident, $langs:ident, $summary:literal;)+) => {
        /// A rule's id. Rules report through [`Ctx`] with one of these, so an id that is
        /// not registered in [`RULES`] does not compile.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum RuleId {
            $(
                #[doc = $summary]
                $variant,
            )+
        }

        impl RuleId {
            /// Every rule, in documentation order (the order of [`RULES`]).
            pub const ALL: &'static [RuleId] = &[$(RuleId::$variant),+];

            /// The kebab-case id used in output, configuration and suppressions.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(RuleId::$variant => $id),+
                }
            }
        }

        /// Every rule, in documentation order.
        pub const RULES: &[RuleInfo] = &[$(rule($id, stringify!($family), $default, $langs, $summary)),+];
    };
}

// The registry: one line per rule. A new rule is one more line here (and its family's
// `check` call in [`run_all`]); its id is then known to configuration, suppressions,
// SARIF and the docs, which all read [`RULES`].
#[rustfmt::skip]
rules! {
    MissingSection = "missing-section", completeness, Warning, ANY, "A section a good posting has is missing (title, purpose, duties, skills or qualifications, working conditions, pay, how to apply, company).";
    PayMissing = "pay-missing", pay, Error, ANY, "A pay-transparency law that applies requires a pay range or figure.";
    PayOpenEnded = "pay-open-ended", pay, Error, ANY, "A pay-transparency law that applies requires a bounded range, not \"$50k+\", \"up to\" or \"competitive\".";
    PayVague = "pay-vague", pay, Warning, ANY, "Pay described only as \"competitive\", \"DOE\" or \"negotiable\", with no figures.";
    PayMinAboveMax = "pay-min-above-max", pay, Error, ANY, "The pay range's minimum is above its maximum.";
    PayBenefitsMissing = "pay-benefits-missing", pay, Error, ANY, "A pay-transparency law that applies requires a description of benefits.";
    PayDeadlineMissing = "pay-deadline-missing", pay, Error, ANY, "A pay-transparency law that applies requires the application deadline.";
    HiringStatementMissing = "hiring-statement-missing", pay, Warning, ANY, "A statement the law of the job's place asks for is missing: whether AI screens applicants and whether the vacancy exists (Ontario).";
    PayRangeTooWide = "pay-range-too-wide", pay, Error, ANY, "A pay-transparency law that applies caps the width of the pay range, or asks for a good-faith range and the top is twice the bottom or more (a warning).";
    GenderCoded = "gender-coded", gender, Note, EN, "A word on Gaucher, Friesen & Kay's (2011) masculine- or feminine-coded list.";
    GenderBalance = "gender-balance", gender, Note, EN, "The posting's overall gender-coded wording verdict.";
    GenderedTerm = "gendered-term", inclusive, Warning, EN_DE_FR, "A gendered term or pronoun for the candidate (he/his, guys, manpower, salesman).";
    AgeCoded = "age-coded", inclusive, Warning, EN_DE_FR, "Wording that signals a preferred age (digital native, young, recent graduate, energetic).";
    AbilityAssumption = "ability-assumption", inclusive, Warning, EN_DE_FR, "A physical ability required without saying why it is essential, or a driving licence asked for a job that names no driving.";
    HypeTitle = "hype-title", inclusive, Warning, EN_DE_FR, "A hype title (rockstar, ninja, guru, wizard).";
    CultureCliche = "culture-cliche", inclusive, Warning, EN_DE_FR, "A culture cliché (work hard play hard, hit the ground running, we're a family; familiäres Arbeitsklima, ambiance familiale).";
    Cliche = "cliche", inclusive, Note, EN, "A tired phrase that tells candidates little (fast-paced, top of your game, heroic).";
    NativeSpeaker = "native-speaker", inclusive, Warning, EN_DE_FR, "Asking for a native speaker rather than fluency.";
    SexPreference = "sex-preference", inclusive, Warning, EN, "A stated preference for one sex (\"male driver\", \"we'd like a woman for this role\").";
    AppearanceAsk = "appearance-ask", inclusive, Warning, EN_DE_FR, "A request for a photo or for looks (\"send a picture of yourself\", \"must be presentable\").";
    InflatedExperience = "inflated-experience", inclusive, Warning, EN, "An experience ask out of line with an entry-level or junior role.";
    ExperienceUnmarkedSenior = "experience-unmarked-senior", inclusive, Warning, EN, "Five or more years asked where nothing marks the role as senior.";
    YearsOfExperience = "years-of-experience", inclusive, Note, EN, "A years-of-experience ask: the skills behind it say more.";
    BannedWord = "banned-word", inclusive, Warning, ANY, "A word or phrase banned in the project's jobpost.toml.";
    JsonldRequired = "jsonld-required", completeness, Error, ANY, "A field that search engines' JobPosting data requires is missing (TOML postings; `export` refuses such a posting).";
    WordCount = "word-count", readability, Warning, ANY, "The posting is shorter or longer than the configured word band (300-700).";
    ReadingGrade = "reading-grade", readability, Warning, EN, "The prose's Flesch-Kincaid grade is above the configured maximum (9).";
    ReadingEase = "reading-ease", readability, Warning, DE_FR, "German or French prose whose reading ease (Amstad's Flesch for German, Kandel & Moles' for French) is below the language's threshold.";
    LongSentence = "long-sentence", readability, Warning, ANY, "A sentence longer than the configured maximum (25 words).";
    TooManyBullets = "too-many-bullets", readability, Warning, ANY, "More bullets in one section than the configured maximum (10).";
    TooManyRequirements = "too-many-requirements", readability, Warning, ANY, "More required qualifications than the configured maximum (8).";
    TitleLength = "title-length", readability, Warning, ANY, "A title longer than the configured maximum (60 characters).";
    TitleGender = "title-gender", title, Warning, DE_FR, "A German or French job title with no gender marker ((m/w/d), (H/F)), pair form or neutral noun, as the law of the job's country asks.";
    TitleNoise = "title-noise", readability, Warning, ANY, "A title carrying a location, pay, codes, marketing words or capitals.";
    ImpersonalVoice = "impersonal-voice", voice, Warning, EN, "Talking about \"the ideal candidate\" instead of to \"you\".";
    NegativePhrasing = "negative-phrasing", voice, Warning, EN, "Negative phrasing where a positive form exists.";
    DuplicateBullet = "duplicate-bullet", voice, Warning, ANY, "A bullet that repeats another.";
    WorkplaceMismatch = "workplace-mismatch", consistency, Warning, EN, "The text says remote, from home or on-site against the posting's stated workplace.";
    CurrencyMismatch = "currency-mismatch", consistency, Warning, ANY, "The pay currency is not the currency of the job's country (a note where both are plausible).";
    PayPeriodImplausible = "pay-period-implausible", consistency, Warning, ANY, "A pay figure that cannot be pay for its period, such as 15 a year or 40,000 an hour.";
    PostingLanguage = "posting-language", places, Warning, ANY, "A posting not in the language the law of the job's place asks for (French in Quebec and France).";
    PostingUndated = "posting-undated", places, Warning, ANY, "A job offer in France that does not bear its date (Code du travail L5331-1).";
    UnknownRegion = "unknown-region", consistency, Warning, ANY, "A US or Canadian posting's `location.region` that names no state or province (TOML postings; no pay law can be found for it); the nearest is suggested.";
    LocaleMismatch = "locale-mismatch", locale, Note, EN, "A word that does not belong to the posting's country: US spelling or a US-only term (401(k), GED, zip code) outside the US, or a bare \"$\" where the dollar is ambiguous.";
    ImportUnsure = "import-unsure", import, Note, ANY, "A value `jobpost import` was unsure of (a date that could be day-first, a pay period read from \"salary\"), listed in the file's top comment until someone checks it.";
    UnknownRule = "unknown-rule", suppress, Warning, ANY, "A suppression comment (`jobpost-disable …`) names a rule that does not exist; the closest id is suggested.";
}

impl RuleId {
    /// The rule with the kebab-case `id`.
    pub fn from_id(id: &str) -> Option<RuleId> {
        RuleId::ALL.iter().copied().find(|r| r.as_str() == id)
    }

    /// The rule's registry entry.
    pub fn info(self) -> &'static RuleInfo {
        &RULES[self as usize]
    }
}

/// Data files name rules by id; an unknown id is refused with the closest one.
impl<'de> Deserialize<'de> for RuleId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let id = String::deserialize(d)?;
        RuleId::from_id(&id).ok_or_else(|| {
            let hint = closest_id(&id)
                .map(|c| format!("; did you mean `{c}`?"))
                .unwrap_or_default();
            serde::de::Error::custom(format!("unknown rule `{id}`{hint}"))
        })
    }
}

impl std::fmt::Display for RuleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<&str> for RuleId {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<RuleId> for &str {
    fn eq(&self, other: &RuleId) -> bool {
        *self == other.as_str()
    }
}

/// The registry entry for `id`.
pub fn rule_info(id: &str) -> Option<&'static RuleInfo> {
    RULES.iter().find(|r| r.id == id)
}

/// " (did you mean `gender-coded`?)"-style hint for an unknown rule id: the closest
/// registered id, if one is close.
pub fn closest_id(id: &str) -> Option<&'static str> {
    crate::error::closest(id, RULES.iter().map(|r| r.id))
}

/// What a rule sees, and where it writes.
pub struct Ctx<'a> {
    /// The posting.
    pub doc: &'a Doc,
    /// The configuration (bands, allow and ban lists).
    pub cfg: &'a Config,
    /// Every segment, split into chars and words once.
    pub prep: Vec<Prepared<'a>>,
    /// The pay-transparency laws that apply.
    pub jurisdictions: Vec<&'static Jurisdiction>,
    /// The language the posting is read in.
    pub lang: Lang,
    /// Whether the language was declared or detected, not assumed: short or mixed text
    /// reads as English, but no rule says a posting *is* English on that guess.
    pub lang_known: bool,
    out: Vec<Finding>,
    /// Byte offsets where the source's lines start, found once when first
    /// needed: a lookup per finding would make a long posting quadratic.
    line_starts: std::cell::OnceCell<Vec<usize>>,
    /// Position indexes built when a finding first needs them (see [`position`]).
    places: Places,
}

/// The position indexes of one posting, each built once.
#[derive(Default)]
struct Places {
    /// Per exact segment, its line breaks.
    segments: FastMap<usize, SegmentLines>,
    /// The source's char/byte checkpoints.
    chars: Option<CharIndex>,
    /// Per inexact segment, the column its text starts at when it stands verbatim on
    /// its line (a TOML string without escapes), else `None`.
    verbatim: FastMap<usize, Option<usize>>,
}

/// A finding's text, fix and matched words.
pub struct Report {
    /// The message.
    pub message: String,
    /// How to fix it.
    pub suggestion: Option<String>,
    /// The offending text.
    pub matched: Option<String>,
    /// A severity below the rule's default, for a weaker case of the same fault.
    pub severity: Option<Severity>,
}

impl Report {
    /// A message with no fix.
    pub fn new(message: impl Into<String>) -> Report {
        Report {
            message: message.into(),
            suggestion: None,
            matched: None,
            severity: None,
        }
    }

    /// Adds a fix.
    pub fn help(mut self, s: impl Into<String>) -> Report {
        self.suggestion = Some(s.into());
        self
    }

    /// Adds the matched text.
    pub fn matched(mut self, s: impl Into<String>) -> Report {
        self.matched = Some(s.into());
        self
    }
}

impl<'a> Ctx<'a> {
    /// A context for one posting.
    pub fn new(
        doc: &'a Doc,
        cfg: &'a Config,
        jurisdictions: Vec<&'static Jurisdiction>,
        analysed: &'a [Analysed],
    ) -> Self {
        let prep = prepare(&doc.segments, analysed);
        let known = posting_lang(doc, cfg, &prep);
        let lang = known.unwrap_or(Lang::En);
        Ctx {
            doc,
            cfg,
            prep,
            jurisdictions,
            lang,
            lang_known: known.is_some(),
            out: Vec::new(),
            line_starts: std::cell::OnceCell::new(),
            places: Places::default(),
        }
    }

    /// Does `rule` run on this posting (does it have data for its language)? Families
    /// ask before doing work; [`Ctx::push`] drops what a rule that does not reports.
    pub fn runs(&self, rule: RuleId) -> bool {
        rule.info().knows(self.lang)
    }

    /// The findings written so far.
    pub fn finish(self) -> Vec<Finding> {
        self.out
    }

    /// Reports chars `start..end` of segment `seg_index`.
    pub fn at_span(&mut self, rule: RuleId, seg_index: usize, start: usize, end: usize, r: Report) {
        let Some(p) = self.prep.get(seg_index) else {
            return;
        };
        let (from, to) = if p.seg.exact {
            let (seg, chars) = (p.seg, p.chars);
            let lines = self
                .places
                .segments
                .entry(seg_index)
                .or_insert_with(|| SegmentLines::new(chars));
            let at = |k: usize| {
                let (line, col) = lines.loc_at(seg.loc.line, seg.loc.col, k);
                Loc::new(line, col)
            };
            (at(start), at(end.max(start + 1)))
        } else {
            self.inexact_span(seg_index, start, end)
        };
        self.push(rule, from, to, r);
    }

    /// Start and (exclusive) end positions of chars `start..end` of an inexact segment:
    /// exact when its text stands verbatim on its line, else where the text is found
    /// near the segment's start on that line, else the segment's own `loc`.
    fn inexact_span(&mut self, seg_index: usize, start: usize, end: usize) -> (Loc, Loc) {
        let p = &self.prep[seg_index];
        let seg = p.seg;
        let unplaced = (seg.loc, Loc::new(seg.loc.line, seg.loc.col + 1));
        let end = end.min(p.chars.len());
        let span = p.chars.get(start..end).unwrap_or_default();
        let Some((line_start, line)) = self.source_line(seg.loc.line) else {
            return unplaced;
        };
        if span.is_empty() || span.contains(&'\n') {
            return unplaced;
        }
        let needle: String = span.iter().collect();
        let source: &str = &self.doc.source;
        let index = self
            .places
            .chars
            .get_or_insert_with(|| CharIndex::new(source));
        // Columns are chars from the line's start; the index counts from the file's.
        let line_chars = index.chars_before(source, line_start);
        let col_of = |byte: usize| index.chars_before(source, line_start + byte) - line_chars + 1;
        let from = index
            .byte_of(source, line_chars + seg.loc.col.saturating_sub(1))
            .saturating_sub(line_start)
            .min(line.len());
        let verbatim = *self
            .places
            .verbatim
            .entry(seg_index)
            .or_insert_with(|| verbatim_start(line, from, &seg.text).map(col_of));
        let col = match verbatim {
            Some(text_col) => Some(text_col + start),
            None => {
                let mut stop = (from + SEARCH_WINDOW + needle.len()).min(line.len());
                while !line.is_char_boundary(stop) {
                    stop -= 1;
                }
                line.get(from..stop)
                    .and_then(|near| near.find(&needle))
                    .map(|at| col_of(from + at))
            }
        };
        match col {
            Some(col) => (
                Loc::new(seg.loc.line, col),
                Loc::new(seg.loc.line, col + span.len()),
            ),
            None => unplaced,
        }
    }

    /// Reports tokens `first..=last` of segment `seg_index`, with their text as `matched`.
    pub fn at_tokens(
        &mut self,
        rule: RuleId,
        seg_index: usize,
        first: usize,
        last: usize,
        r: Report,
    ) {
        let Some(p) = self.prep.get(seg_index) else {
            return;
        };
        let (Some(a), Some(b)) = (p.toks.get(first), p.toks.get(last)) else {
            return;
        };
        let (start, end) = (a.start, b.end);
        let r = if r.matched.is_none() {
            let m = p.slice(start, end);
            r.matched(m)
        } else {
            r
        };
        self.at_span(rule, seg_index, start, end, r);
    }

    /// Reports a whole segment (its first line).
    pub fn at_segment(&mut self, rule: RuleId, seg: &Segment, r: Report) {
        let len = seg
            .text
            .lines()
            .next()
            .map_or(1, |l| l.chars().count().max(1));
        let end = if seg.exact {
            Loc::new(seg.loc.line, seg.loc.col + len)
        } else {
            Loc::new(seg.loc.line, seg.loc.col + 1)
        };
        self.push(rule, seg.loc, end, r);
    }

    /// Reports a finding about the whole posting, at its title (or 1:1).
    pub fn at_doc(&mut self, rule: RuleId, r: Report) {
        match self.doc.title() {
            Some(t) => {
                let t = t.clone();
                self.at_segment(rule, &t, r);
            }
            None => {
                let at = doc_start(&self.doc.segments);
                self.push(rule, at, Loc::new(at.line, at.col + 1), r);
            }
        }
    }

    /// Reports a finding about the posting field `path` (`pay.benefits`): in a
    /// posting file at its key, else at the table it would go in, else the first
    /// line; in a rendered posting at its title, as [`Ctx::at_doc`].
    pub fn at_key(&mut self, rule: RuleId, path: &str, r: Report) {
        match self.doc.key_or_table(path) {
            Some((loc, len)) => self.at_loc(rule, loc, len, r),
            None => self.at_doc(rule, r),
        }
    }

    /// Reports at a position, underlining `len` chars.
    pub fn at_loc(&mut self, rule: RuleId, loc: Loc, len: usize, r: Report) {
        self.push(rule, loc, Loc::new(loc.line, loc.col + len.max(1)), r);
    }

    /// 1-based line `n` of the source, without its line end, and its byte offset.
    fn source_line(&self, n: usize) -> Option<(usize, &'a str)> {
        let source: &'a str = &self.doc.source;
        let starts = self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(source.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        });
        let start = *starts.get(n.checked_sub(1)?)?;
        let end = starts.get(n).map_or(source.len(), |e| e - 1);
        source
            .get(start..end)
            .map(|l| (start, l.strip_suffix('\r').unwrap_or(l)))
    }

    fn push(&mut self, rule: RuleId, from: Loc, to: Loc, r: Report) {
        if !self.runs(rule) {
            return;
        }
        let severity = r.severity.unwrap_or(rule.info().default);
        self.out.push(Finding {
            path: self.doc.path.clone(),
            line: from.line,
            col: from.col,
            end_line: to.line,
            end_col: to.col,
            rule: rule.as_str(),
            severity,
            message: single_line(r.message),
            suggestion: r.suggestion.map(single_line),
            matched: r.matched.map(single_line),
            language: Some(self.lang.code()),
        });
    }
}

/// Byte offset in `line` where `text` starts when it stands there verbatim from byte
/// `from`, after the opening quote of a TOML string if there is one.
fn verbatim_start(line: &str, from: usize, text: &str) -> Option<usize> {
    let rest = line.get(from..)?;
    let quote = ["\"\"\"", "'''", "\"", "'"]
        .into_iter()
        .find(|q| rest.starts_with(q))
        .map_or(0, str::len);
    rest[quote..]
        .starts_with(text)
        .then_some(from + quote)
        .filter(|_| !text.is_empty())
}

/// Text for a one-line report: a match that spans a line break would otherwise split the
/// `file:line:col:` line (and show as `%0A` in annotations), so each run of whitespace
/// holding a line break becomes one space.
fn single_line(s: String) -> String {
    if !s.contains(['\n', '\r']) {
        return s;
    }
    let mut out = String::with_capacity(s.len());
    let mut pending: Option<String> = None;
    for c in s.chars() {
        if c.is_whitespace() {
            pending.get_or_insert_with(String::new).push(c);
            continue;
        }
        if let Some(ws) = pending.take() {
            if ws.contains(['\n', '\r']) {
                out.push(' ');
            } else {
                out.push_str(&ws);
            }
        }
        out.push(c);
    }
    out
}

/// The language a posting is read in: `--lang` or the configuration's `lang`, else what
/// the posting says of itself (a TOML posting's locale, front matter, `<html lang>`),
/// else what its words say, else the language of its title's gender marker (a short
/// "Lagerhelfer (m/w/d)" posting has too few words to tell), else the one language its
/// few function words are in, if it is written in the job's country; `None` when none of these
/// tells (it is then read as English; see [`super::lang`]).
fn posting_lang(doc: &Doc, cfg: &Config, prep: &[Prepared<'_>]) -> Option<Lang> {
    cfg.lang
        .or(doc.lang)
        .or_else(|| super::lang::detect(prep.iter().flat_map(|p| p.toks.iter())))
        .or_else(|| {
            let marker = crate::title::marker_language(&doc.title()?.text)?;
            Lang::ALL.iter().copied().find(|l| l.code() == marker)
        })
        .or_else(|| {
            let country = doc.facts.country.as_deref()?;
            super::lang::lean(prep.iter().flat_map(|p| p.toks.iter()), |l| {
                crate::locale::written_in(l.code(), country)
            })
        })
}

/// Runs every rule family.
pub fn run_all(ctx: &mut Ctx<'_>) {
    completeness::check(ctx);
    title::check(ctx);
    places::check(ctx);
    pay::check(ctx);
    gender::check(ctx);
    inclusive::check(ctx);
    readability::check(ctx);
    voice::check(ctx);
    consistency::check(ctx);
    locale::check(ctx);
    suppress::check(ctx);
    import::check(ctx);
}

/// "a, b and c", as en-US writes a list (lint's messages are in English).
pub fn join_and(items: &[String]) -> String {
    crate::locale::get(crate::locale::DEFAULT)
        .expect("en-US is shipped")
        .list_and(items)
}

#[cfg(test)]
mod tests;
