//! Pay transparency: the jurisdiction table and the checks it drives.
//!
//! [`JURISDICTIONS`] holds one row per law, with its source and effective date, read
//! once from `src/lint/data/jurisdictions.toml` (facts as of late 2026; not legal
//! advice). To update the rules, edit that file: the checks only read its flags.
//!
//! For every jurisdiction that applies (see [`jurisdictions_for`]):
//! - `pay-missing`: no pay figure or range;
//! - `pay-open-ended`: "$50k+", "up to $60,000", "from $40,000" or "competitive" where
//!   the law wants a bounded range;
//! - `pay-benefits-missing`: no benefits description where the law asks for one;
//! - `pay-deadline-missing`: no application deadline where the law asks for one;
//! - `pay-range-too-wide`: a range wider than the law allows (Ontario: $50,000 a year).
//!
//! `pay-min-above-max` fires whatever the jurisdiction. Each rule reports once, naming
//! the first law (in table order) and how many others agree.

use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use super::super::Severity;
use super::super::config::Config;
use super::super::data::{self, Text};
use super::super::doc::{Doc, JobFacts, Loc, PayFacts, Section, SegKind, Site};
use super::RuleId;
use super::inclusive::one_line;
use super::{Ctx, Report, join_and};

/// One pay-transparency law, a `[[law]]` of `src/lint/data/jurisdictions.toml`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Jurisdiction {
    /// Code used in configuration and flags ("US-CO", "US-NY-NYC", "CA-ON", "EU").
    #[serde(deserialize_with = "data::text")]
    pub code: Text,
    /// Other codes that name it ("NYC").
    #[serde(default, deserialize_with = "data::words")]
    pub aliases: &'static [&'static str],
    /// Place name.
    #[serde(deserialize_with = "data::text")]
    pub name: Text,
    /// The law, as messages name it.
    #[serde(deserialize_with = "data::text")]
    pub law: Text,
    /// Statute or regulation citation.
    #[serde(deserialize_with = "data::text")]
    pub source: Text,
    /// In force from (ISO date; notes give disputed readings).
    #[serde(deserialize_with = "data::text")]
    pub effective: Text,
    /// ISO country the law is in ("EU" for the directive).
    #[serde(deserialize_with = "data::text")]
    pub country: Text,
    /// The countries a law across several applies in (EU member states).
    #[serde(default, deserialize_with = "data::words")]
    pub countries: &'static [&'static str],
    /// State or province, for laws below country level.
    #[serde(default, deserialize_with = "data::maybe_text")]
    pub region: Option<Text>,
    /// City, for city ordinances.
    #[serde(default, deserialize_with = "data::maybe_text")]
    pub city: Option<Text>,
    /// What the posting must show, as the message words it.
    #[serde(deserialize_with = "data::text")]
    pub must_show: Text,
    /// A figure or range is required.
    pub requires_pay: bool,
    /// Open-ended ranges ("$50k+", "up to") are not allowed.
    pub bounded: bool,
    /// A description of benefits is required.
    pub benefits: bool,
    /// An application deadline is required.
    pub deadline: bool,
    /// The deadline is required from this ISO date, when later than `effective`.
    #[serde(default, deserialize_with = "data::maybe_text")]
    pub deadline_from: Option<Text>,
    /// Statements on AI screening and on whether the vacancy exists are required.
    #[serde(default)]
    pub hiring_statements: bool,
    /// Widest allowed range per year, in the local currency.
    #[serde(default)]
    pub max_width: Option<f64>,
    /// Ranges whose top is above this are exempt from `max_width`.
    #[serde(default)]
    pub width_exempt_above: Option<f64>,
    /// Employers covered.
    #[serde(deserialize_with = "data::text")]
    pub employer_size: Text,
    /// Disputed readings and other notes.
    #[serde(default, deserialize_with = "data::text")]
    pub notes: Text,
    /// In force, or adopted above the country and not yet its law.
    #[serde(default)]
    pub status: Status,
    /// The national bill a pending law waits for, as messages name it.
    #[serde(default, deserialize_with = "data::maybe_text")]
    pub bill: Option<Text>,
    /// A statement the law asks for beside the figure, as the message words it.
    #[serde(default, deserialize_with = "data::maybe_text")]
    pub must_say: Option<Text>,
    /// Words (lower case) any of which in the text makes that statement.
    #[serde(default, deserialize_with = "data::words")]
    pub say_words: &'static [&'static str],
}

/// Whether a law binds employers yet.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// In force: what it asks for is an error when missing.
    #[default]
    InForce,
    /// Adopted (an EU directive) but not yet the country's law: a warning.
    Pending,
}

/// `src/lint/data/jurisdictions.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    /// Where the facts come from.
    #[allow(dead_code)] // read by the data tests; kept so every file names its source
    source: String,
    law: Vec<Jurisdiction>,
}

/// The pay-transparency laws jobpost checks, in the order messages name them, read
/// once from `src/lint/data/jurisdictions.toml`.
pub static JURISDICTIONS: LazyLock<Vec<Jurisdiction>> =
    LazyLock::new(|| data::load::<File>("jurisdictions").law);

/// Parses the data file (for the data tests).
#[cfg(test)]
pub(crate) fn data_loads() {
    let _ = JURISDICTIONS.len();
}

/// Rows for a configuration or flag code: a row's code ("US-CO", case-insensitive) or
/// one of its aliases ("NYC"), or "US" (every US row).
pub fn find_jurisdiction(code: &str) -> Vec<&'static Jurisdiction> {
    let c = code.trim().to_ascii_uppercase();
    if c == "US" {
        return JURISDICTIONS.iter().filter(|j| j.country == "US").collect();
    }
    JURISDICTIONS
        .iter()
        .filter(|j| j.code == c || j.aliases.contains(&c.as_str()))
        .collect()
}

/// The laws to check a posting against: codes from the configuration and `extra`
/// (command-line flags), plus those the posting's location selects. A remote US posting
/// with no state gets every US law (Colorado, California and Washington reach remote jobs
/// their residents could fill); a New York City posting gets both the city and state laws.
pub fn jurisdictions_for(doc: &Doc, cfg: &Config, extra: &[String]) -> Vec<&'static Jurisdiction> {
    let mut picked: Vec<&'static Jurisdiction> = cfg
        .jurisdictions
        .iter()
        .chain(extra)
        .flat_map(|c| find_jurisdiction(c))
        .collect();
    let f = &doc.facts;
    let main = Site {
        country: f.country.clone().unwrap_or_default(),
        region: f.region.clone(),
        city: f.city.clone(),
    };
    // A law binds postings published from its effective date on; a posting that
    // bears no date is published on the day `--posted` names, else held to every law.
    // A posting published, or closed, before a law took effect is not bound by it.
    let by =
        |date: &Option<String>, j: &Jurisdiction| date.as_deref().is_none_or(|d| d >= j.effective);
    let posted = f.posted_on.clone().or_else(|| cfg.posted.clone());
    let in_force = |j: &Jurisdiction| by(&posted, j) && by(&f.closes_on, j);
    for site in std::iter::once(&main).chain(&f.other_sites) {
        picked.extend(
            JURISDICTIONS
                .iter()
                .filter(|j| applies_at(j, site, f.remote) && in_force(j)),
        );
    }
    // Table order, no repeats.
    JURISDICTIONS
        .iter()
        .filter(|j| picked.iter().any(|p| p.code == j.code))
        .collect()
}

/// Does law `j` apply at a place of work? A remote US or Canadian job with no state
/// or province answers to every state's or province's law.
fn applies_at(j: &Jurisdiction, site: &Site, remote: bool) -> bool {
    let country = site.country.as_str();
    match (j.country, site.region.as_deref()) {
        _ if !j.countries.is_empty() => j.countries.contains(&country),
        // A national law (Austria's GlBG, a state's transposition of the directive).
        (c, _) if j.region.is_none() => c == country,
        (c, Some(r)) if c == country => {
            j.region == Some(r) && j.city.is_none_or(|city| site.city.as_deref() == Some(city))
        }
        // A remote job in the country, open to every state or province.
        (c, None) => c == country && remote,
        _ => false,
    }
}

/// Runs the pay checks.
pub fn check(ctx: &mut Ctx<'_>) {
    min_above_max(ctx);
    vague(ctx);
    if ctx.jurisdictions.is_empty() {
        return;
    }
    let js = ctx.jurisdictions.clone();
    let pay = ctx.doc.facts.pay.clone();
    // A collective-agreement grade ("TV-L E13") states the pay where no figure does.
    let has_figure = pay
        .as_ref()
        .is_some_and(|p| p.min.is_some() || p.max.is_some())
        || ctx.doc.facts.pay_grade;
    let open = pay.as_ref().and_then(|p| p.open_ended.clone());

    // "Competitive" with no figure states no pay: missing, whatever the law asks (the
    // words themselves are `pay-vague`). Open-ended is a figure bounded on one side.
    let (missing, pending): (Vec<&Jurisdiction>, Vec<&Jurisdiction>) = js
        .iter()
        .filter(|j| j.requires_pay && !has_figure)
        .copied()
        .partition(|j| j.status == Status::InForce);
    if let Some(first) = pending.first().filter(|_| missing.is_empty()) {
        pending_pay(ctx, first, open.as_deref());
    }
    if has_figure {
        unstated(ctx, &js);
        job_missing(ctx, &js);
    }
    if let Some(first) = missing.first() {
        let mut r = Report::new(format!(
            "{} requires {}; the posting states no pay{}",
            cite(first),
            first.must_show,
            also(&missing)
        ))
        .help(format!(
            "add the pay range with its period, e.g. {}",
            super::completeness::example_range(ctx)
        ));
        if let Some(o) = &open {
            r = r.matched(one_line(o));
        }
        at_pay(ctx, RuleId::PayMissing, r);
    }

    if let Some(o) = open.as_ref().filter(|_| has_figure) {
        let bounded: Vec<_> = js.iter().filter(|j| j.bounded).copied().collect();
        if let Some(first) = bounded.first() {
            let r = Report::new(format!(
                "\"{}\" is open-ended; {} requires a bounded range (a minimum and a maximum) or a single figure{}",
                one_line(o),
                cite(first),
                also(&bounded)
            ))
            .help(format!(
                "give both ends of the range, e.g. {}",
                super::completeness::example_range(ctx)
            ))
            .matched(one_line(o));
            at_pay(ctx, RuleId::PayOpenEnded, r);
        }
    }

    let (benefits, deadline) = (ctx.doc.facts.has_benefits, ctx.doc.facts.has_deadline);
    if benefits {
        job_benefits(ctx, &js);
    } else {
        let help = match super::completeness::is_toml(&ctx.doc.path) {
            true => {
                "list them in `[pay]` as `benefits = [\"…\"]`: health insurance, paid time off, retirement plan and other compensation"
            }
            false => {
                "add a \"Benefits\" section: health insurance, paid time off, retirement plan and other compensation"
            }
        };
        requirement(
            ctx,
            &js,
            |j| j.benefits,
            RuleId::PayBenefitsMissing,
            "pay.benefits",
            "a general description of benefits",
            help,
        );
    }
    if !deadline {
        // A posting published, or closed, before the requirement came in is not bound by it.
        // The posting's own date, else the day `--posted` names, as for the laws.
        let f = &ctx.doc.facts;
        let posted = f.posted_on.clone().or_else(|| ctx.cfg.posted.clone());
        let dates = [posted, f.closes_on.clone()];
        let required = move |j: &Jurisdiction| {
            j.deadline
                && j.deadline_from
                    .is_none_or(|from| dates.iter().flatten().all(|d| d.as_str() >= from))
        };
        let help = match super::completeness::is_toml(&ctx.doc.path) {
            true => "set `apply_by = 2027-02-01` at the top of the posting file",
            false => "add \"Apply by <date>\" to the How to apply section",
        };
        requirement(
            ctx,
            &js,
            required,
            RuleId::PayDeadlineMissing,
            "apply_by",
            "the application deadline",
            help,
        );
    }
    hiring_statements(ctx, &js);
    too_wide(ctx, &js);
}

/// `pay-missing` as a warning where the only laws asking for pay are pending: the
/// directive is adopted, the country's bill is not yet law.
fn pending_pay(ctx: &mut Ctx<'_>, j: &Jurisdiction, open: Option<&str>) {
    let bill = j.bill.map(|b| format!(" ({b})")).unwrap_or_default();
    let mut r = Report::new(format!(
        "{} is not yet law in {}{bill}; once it is, a posting must give {}, and this one states no pay",
        cite(j),
        j.name,
        j.must_show
    ))
    .help(format!(
        "add the pay range with its period, e.g. {}",
        super::completeness::example_range(ctx)
    ));
    r.severity = Some(Severity::Warning);
    if let Some(o) = open {
        r = r.matched(one_line(o));
    }
    at_pay(ctx, RuleId::PayMissing, r);
}

/// A note for a statement a law in force asks for beside the figure where it holds
/// (Austria: that more than the minimum may be paid, "if such willingness exists"),
/// when no word of it is in the text. Only the employer knows whether it holds, so
/// its absence is no breach: a reminder, not a finding.
fn unstated(ctx: &mut Ctx<'_>, js: &[&'static Jurisdiction]) {
    // The posting's text as read (a TOML posting's inherited `pay.extras` included).
    let lower: String = ctx
        .doc
        .segments
        .iter()
        .map(|s| s.text.to_lowercase())
        .collect::<Vec<_>>()
        .join("\n");
    let law = js.iter().find(|j| {
        j.status == Status::InForce
            && j.must_say.is_some()
            && !j.say_words.iter().any(|w| lower.contains(w))
    });
    let Some(j) = law else { return };
    let mut r = Report::new(format!(
        "{} asks for {} where that holds; the posting gives the pay and does not say it",
        cite(j),
        j.must_say.unwrap_or_default()
    ))
    .help("if more may be paid, add a sentence such as \"Bereitschaft zur Überzahlung je nach Qualifikation und Erfahrung\"");
    r.severity = Some(Severity::Note);
    at_pay(ctx, RuleId::PayMissing, r);
}

/// What the statements a law like Ontario's asks for are, as messages name them:
/// on AI screening, then on the vacancy.
pub const HIRING_STATEMENTS: [&str; 2] = [
    "a statement of whether AI is used to screen, assess or select applicants",
    "a statement of whether the posting is for an existing vacancy",
];

/// `hiring-statement-missing`: a statement the law asks for is missing. A warning,
/// since the law covers employers of a size the posting does not say.
fn hiring_statements(ctx: &mut Ctx<'_>, js: &[&'static Jurisdiction]) {
    let Some(law) = js.iter().find(|j| j.hiring_statements) else {
        return;
    };
    let facts = &ctx.doc.facts;
    let missing = [
        (
            facts.states_ai_screening,
            HIRING_STATEMENTS[0],
            "ai_screening = \"used\"` or `\"not-used\"",
            "apply.ai_screening",
        ),
        (
            facts.states_vacancy,
            HIRING_STATEMENTS[1],
            "vacancy = \"existing\"` or `\"not-existing\"",
            "apply.vacancy",
        ),
    ];
    let toml = super::completeness::is_toml(&ctx.doc.path);
    for (_, what, key, field) in missing.into_iter().filter(|(given, ..)| !given) {
        let help = match toml {
            true => format!("set `{key}` under `[apply]`"),
            false => format!("add {what} to the How to apply section"),
        };
        let r = Report::new(format!(
            "{} requires {what} in the posting; none found (the law covers employers of {} employees)",
            cite(law),
            law.employer_size
        ))
        .help(help);
        ctx.at_key(RuleId::HiringStatementMissing, field, r);
    }
}

/// `pay-vague`: pay given only as "competitive", "DOE" or "negotiable", wherever the
/// posting is. Where a pay law applies, `pay-missing` or `pay-open-ended` already says so
/// with the law's name, and this stays quiet.
fn vague(ctx: &mut Ctx<'_>) {
    let Some(pay) = ctx.doc.facts.pay.as_ref() else {
        return;
    };
    if pay.min.is_some() || pay.max.is_some() {
        job_vague(ctx);
        return;
    }
    let Some(words) = pay.open_ended.as_deref() else {
        return;
    };
    // Vague wording is a fault of its own, law or no law: where a law applies its
    // finding names the law, this one the words ("competitive salary") to replace.
    let words = one_line(words);
    let r = Report::new(format!(
        "\"{words}\" gives no figures; candidates skip postings that hide the pay"
    ))
    .help(format!(
        "state the range with its period, e.g. {}",
        super::completeness::example_range(ctx)
    ))
    .matched(words);
    at_pay(ctx, RuleId::PayVague, r);
}

/// Does a page of several jobs state `what` job by job: in the part of a job other
/// than the last, whose part may run on into text written for every job?
fn by_job(jobs: &[JobFacts], what: impl Fn(&JobFacts) -> bool) -> bool {
    jobs.split_last()
        .is_some_and(|(_, rest)| rest.iter().any(what))
}

/// `pay-vague` for one job of a page that gives pay job by job, when its part words
/// the pay with no figure ("Competitive rates of pay" under "Refrigeration Engineer").
fn job_vague(ctx: &mut Ctx<'_>) {
    let jobs = &ctx.doc.facts.jobs;
    if !by_job(jobs, |j| j.has_figure) {
        return;
    }
    let found = jobs.iter().filter(|j| !j.has_figure).find_map(|j| {
        let v = j.vague.as_ref()?;
        Some((
            j.name.clone(),
            one_line(v.open_ended.as_deref()?),
            v.loc?,
            v.end,
        ))
    });
    let Some((job, words, at, end)) = found else {
        return;
    };
    let r = Report::new(format!(
        "\"{words}\" gives no figures for the job \"{job}\", where other jobs on the page give theirs; candidates skip postings that hide the pay"
    ))
    .help(format!(
        "state its range with its period, e.g. {}",
        super::completeness::example_range(ctx)
    ))
    .matched(words);
    at_words(ctx, RuleId::PayVague, at, end, r);
}

/// `pay-missing` for one job of a page that gives pay job by job, when its part
/// gives none and a law in force asks for it.
fn job_missing(ctx: &mut Ctx<'_>, js: &[&'static Jurisdiction]) {
    let laws: Vec<_> = js
        .iter()
        .filter(|j| j.requires_pay && j.status == Status::InForce)
        .copied()
        .collect();
    let jobs = &ctx.doc.facts.jobs;
    let (Some(first), true) = (laws.first(), by_job(jobs, |j| j.has_figure)) else {
        return;
    };
    let Some(job) = jobs.iter().find(|j| !j.has_figure).cloned() else {
        return;
    };
    let r = Report::new(format!(
        "{} requires {}; the job \"{}\" states no pay, where other jobs on the page do{}",
        cite(first),
        first.must_show,
        job.name,
        also(&laws)
    ))
    .help(format!(
        "add its pay range with its period, e.g. {}",
        super::completeness::example_range(ctx)
    ));
    ctx.at_loc(RuleId::PayMissing, job.loc, job.len, r);
}

/// `pay-benefits-missing` for one job of a page that describes benefits job by job,
/// when its part describes none and a law asks for them.
fn job_benefits(ctx: &mut Ctx<'_>, js: &[&'static Jurisdiction]) {
    let laws: Vec<_> = js.iter().filter(|j| j.benefits).copied().collect();
    let jobs = &ctx.doc.facts.jobs;
    let (Some(first), true) = (laws.first(), by_job(jobs, |j| j.has_benefits)) else {
        return;
    };
    let Some(job) = jobs.iter().find(|j| !j.has_benefits).cloned() else {
        return;
    };
    let r = Report::new(format!(
        "{} requires a general description of benefits; the job \"{}\" describes none, where other jobs on the page do{}",
        cite(first),
        job.name,
        also(&laws)
    ))
    .help("describe its benefits: health insurance, paid time off, retirement plan and other compensation");
    ctx.at_loc(RuleId::PayBenefitsMissing, job.loc, job.len, r);
}

/// "Colorado's Equal Pay for Equal Work Act (C.R.S. 8-5-201; …)".
fn cite(j: &Jurisdiction) -> String {
    format!("{} ({})", j.law, j.source)
}

/// "; so do the laws of Washington, Maryland and 3 more" for the rows after the first.
fn also(js: &[&Jurisdiction]) -> String {
    if js.len() < 2 {
        return String::new();
    }
    let rest = &js[1..];
    let mut names: Vec<String> = rest.iter().take(3).map(|j| j.name.to_string()).collect();
    if rest.len() > 3 {
        names.push(format!("{} more", rest.len() - 3));
    }
    format!(" (so do the laws of {})", join_and(&names))
}

/// Reports `rule` where pay findings go, covering what they are about: the pay text as
/// written (to the end of its line when its end is not known, as for a TOML key), else
/// the pay heading, else the title.
pub(super) fn at_pay(ctx: &mut Ctx<'_>, rule: RuleId, r: Report) {
    let pay = ctx.doc.facts.pay.as_ref();
    if let Some(at) = pay.and_then(|p| p.loc) {
        at_words(ctx, rule, at, pay.and_then(|p| p.end), r);
        return;
    }
    let heading = ctx
        .doc
        .segments
        .iter()
        .find(|s| s.section == Section::Pay && s.kind == SegKind::Heading)
        .cloned();
    match heading {
        Some(h) => ctx.at_segment(rule, &h, r),
        None => ctx.at_key(rule, "pay", r),
    }
}

/// Reports `rule` over words from `at` to `end`, or to the end of the line when their
/// end is not known or on another line.
fn at_words(ctx: &mut Ctx<'_>, rule: RuleId, at: Loc, end: Option<Loc>, r: Report) {
    let len = match end.filter(|e| e.line == at.line) {
        Some(e) => e.col.saturating_sub(at.col),
        None => rest_of_line(&ctx.doc.source, at),
    };
    ctx.at_loc(rule, at, len, r);
}

/// Chars from `at` to the end of its line, trailing spaces left out (at least 1).
fn rest_of_line(source: &str, at: Loc) -> usize {
    source
        .lines()
        .nth(at.line.saturating_sub(1))
        .map_or(1, |l| {
            let n = l.trim_end().chars().count();
            (n + 1).saturating_sub(at.col).max(1)
        })
}

/// Reports `rule` once when any law in `js` `asks` for something the posting lacks.
fn requirement(
    ctx: &mut Ctx<'_>,
    js: &[&'static Jurisdiction],
    asks: impl Fn(&Jurisdiction) -> bool,
    rule: RuleId,
    key: &str,
    what: &str,
    help: &str,
) {
    let laws: Vec<_> = js.iter().filter(|j| asks(j)).copied().collect();
    if let Some(first) = laws.first() {
        let r = Report::new(format!(
            "{} requires {what} in the posting; none found{}",
            cite(first),
            also(&laws)
        ))
        .help(help);
        ctx.at_key(rule, key, r);
    }
}

fn min_above_max(ctx: &mut Ctx<'_>) {
    let Some(pay) = ctx.doc.facts.pay.clone() else {
        return;
    };
    let (Some(min), Some(max)) = (pay.min, pay.max) else {
        return;
    };
    if min <= max {
        return;
    }
    let cur = pay.currency.as_deref();
    let r = Report::new(format!(
        "pay range is reversed: the minimum {} is above the maximum {}",
        money(min, cur),
        money(max, cur)
    ))
    .help("put the lower figure first");
    at_pay(ctx, RuleId::PayMinAboveMax, r);
}

/// Yearly equivalent of a figure: 2,080 hours, 260 days, 52 weeks or 12 months a year.
/// With no period, figures of 1,000 or more are taken as yearly and smaller ones as hourly.
pub fn annualize(value: f64, period: Option<&str>) -> f64 {
    match period {
        Some("hour") => value * 2080.0,
        Some("day") => value * 260.0,
        Some("week") => value * 52.0,
        Some("month") => value * 12.0,
        Some(_) => value,
        None if value >= 1000.0 => value,
        None => value * 2080.0,
    }
}

/// `pay-range-too-wide` on the posting's pay, or on each job's where a page lists
/// several with their own ranges (the first too wide is reported).
fn too_wide(ctx: &mut Ctx<'_>, js: &[&'static Jurisdiction]) {
    let pays: Vec<PayFacts> = if ctx.doc.facts.jobs.is_empty() {
        ctx.doc.facts.pay.iter().cloned().collect()
    } else {
        ctx.doc
            .facts
            .jobs
            .iter()
            .filter_map(|j| j.pay.clone())
            .collect()
    };
    let found = pays
        .iter()
        .find_map(|pay| width_report(pay, js).map(|r| (pay, r)));
    if let Some((pay, r)) = found {
        match pay.loc {
            Some(at) => at_words(ctx, RuleId::PayRangeTooWide, at, pay.end, r),
            None => at_pay(ctx, RuleId::PayRangeTooWide, r),
        }
    }
}

/// What is wrong with the width of one range: wider than a law allows (an error), or
/// its top twice its bottom or more where a law asks for a good-faith range (a
/// warning).
fn width_report(pay: &PayFacts, js: &[&'static Jurisdiction]) -> Option<Report> {
    let (min, max) = (pay.min?, pay.max?);
    let period = pay.period.as_deref();
    let (lo, hi) = (annualize(min, period), annualize(max, period));
    let Some(j) = js.iter().find(|j| {
        j.max_width.is_some_and(|w| hi - lo > w) && j.width_exempt_above.is_none_or(|top| hi <= top)
    }) else {
        return not_in_good_faith(js, lo, hi);
    };
    let width = j.max_width.unwrap_or_default();
    let cur = pay.currency.as_deref();
    let r = Report::new(format!(
        "pay range is {} a year wide; {} allows at most {} a year (ranges topping {} are exempt)",
        money(hi - lo, cur),
        cite(j),
        money(width, cur),
        money(j.width_exempt_above.unwrap_or(f64::INFINITY), cur),
    ))
    .help(format!(
        "narrow the range to at most {} a year",
        money(width, cur)
    ));
    Some(r)
}

/// The top of a range at this many times its bottom or more is no range an employer
/// expects to pay: "$63,301 - $140,000", "$25-70/hour".
const GOOD_FAITH_RATIO: f64 = 2.0;

/// `pay-range-too-wide` as a warning where a law in force asks for the range the
/// employer expects to pay (in good faith) and the top is at least twice the bottom:
/// regulators have called such ranges a way round the law. A warning, since no law
/// sets the ratio.
fn not_in_good_faith(js: &[&'static Jurisdiction], lo: f64, hi: f64) -> Option<Report> {
    let j = js
        .iter()
        .find(|j| j.requires_pay && j.status == Status::InForce)?;
    if !(lo > 0.0 && hi >= lo * GOOD_FAITH_RATIO) {
        return None;
    }
    let mut r = Report::new(format!(
        "the top of the pay range is {:.1} times its bottom; {} asks for the range the employer expects in good faith to pay",
        hi / lo,
        cite(j)
    ))
    .help("give the range you expect to pay for this job, not every level it could be filled at");
    r.severity = Some(Severity::Warning);
    Some(r)
}

/// "$52,000", "$18.50", "€3,000" or "CHF 3,000": the figure in the posting's currency
/// (dollars when it is not known), with the sign rendered postings use
/// ([`crate::money::symbol`]); every dollar is a plain `$`.
fn money(v: f64, currency: Option<&str>) -> String {
    if !v.is_finite() {
        return "-".to_string();
    }
    let code = currency
        .filter(|c| *c != crate::money::DOLLAR)
        .unwrap_or("USD");
    let symbol = match crate::money::symbol(code, true) {
        Some(s) => s.to_string(),
        None => format!("{code} "),
    };
    let plain = dollars(v);
    match plain.strip_prefix('-') {
        Some(rest) => format!("-{symbol}{}", rest.trim_start_matches('$')),
        None => format!("{symbol}{}", plain.trim_start_matches('$')),
    }
}

/// "$52,000" or "$18.50".
fn dollars(v: f64) -> String {
    if !v.is_finite() {
        return "-".to_string();
    }
    let cents = (v * 100.0).round() as i64;
    let whole = cents / 100;
    let digits = whole.abs().to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if whole < 0 { "-" } else { "" };
    if cents % 100 == 0 {
        format!("{sign}${grouped}")
    } else {
        format!("{sign}${grouped}.{:02}", (cents % 100).abs())
    }
}

#[cfg(test)]
mod tests;
