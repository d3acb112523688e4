//! `title-gender`: a German or French job title must be open to all genders, by a
//! marker ("(m/w/d)", "(H/F)"), a pair form ("Kassierer*in", "Vendeur / Vendeuse") or a
//! neutral noun ("Fachkraft", "Comptable"), as [`crate::title::open_to_all`] reads it
//! (the same reading that decides whether rendering adds the marker). The finding cites
//! the law of the job's country (`src/lint/data/titles.toml`); a title in a country with
//! no such rule on record (Quebec, the US) is left alone, and a posting that names no
//! country is checked with the convention alone.

use std::sync::OnceLock;

use serde::Deserialize;

use super::super::data;
use super::super::doc::Segment;
use super::super::lang::Lang;
use super::{Ctx, Report, RuleId};

/// `src/lint/data/titles.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[allow(dead_code)] // read by the data tests; kept so every file names its source
    source: String,
    law: Vec<Law>,
    #[serde(deserialize_with = "data::words")]
    eu_members: &'static [&'static str],
}

/// What a finding cites in a country.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Law {
    country: String,
    cite: String,
}

fn file() -> &'static File {
    static FILE: OnceLock<File> = OnceLock::new();
    FILE.get_or_init(|| data::load("titles"))
}

/// Parses the data file (for the data tests).
#[cfg(test)]
pub(crate) fn data_loads() {
    let _ = file();
}

/// What the finding cites for a job in `country`; `None` where no law on record asks
/// for a marker. A posting with no country gets the convention alone.
fn cite(country: Option<&str>) -> Option<String> {
    let f = file();
    let Some(c) = country else {
        return Some(String::new());
    };
    let eu = f.eu_members.contains(&c);
    f.law
        .iter()
        .find(|l| l.country == c || (eu && l.country == "*EU"))
        .map(|l| format!("; {}", l.cite))
}

/// Runs the check on the title and, when the title neither opens the posting to all
/// nor was reported, on the sentences that seek someone.
pub fn check(ctx: &mut Ctx<'_>) {
    one_sex_marker(ctx);
    if !ctx.runs(RuleId::TitleGender) {
        return;
    }
    let title = ctx.doc.title().cloned();
    let text = title.as_ref().map_or("", |t| t.text.trim()).to_string();
    if !text.is_empty() && crate::title::open_to_all(ctx.lang.code(), &text) {
        return;
    }
    let reported = match &title {
        Some(t) if !text.is_empty() => check_title(ctx, t, &text),
        _ => false,
    };
    if reported {
        return;
    }
    // "[Recrutement] Rejoignez notre équipe !" over "## Ingénieur développement web": a
    // title that names no job, and the heading right below it that does (only German
    // and French nouns name a sex).
    let gendered_language = matches!(ctx.lang, Lang::De | Lang::Fr);
    let job_heading = gendered_language
        .then(|| first_heading(ctx).or_else(|| labelled_title(ctx)))
        .flatten()
        .filter(|h| {
            let (lang, text) = (ctx.lang.code(), h.text.trim());
            let names = crate::title::names_a_person(lang, text)
                || crate::title::feminine_only(lang, text).is_some();
            names && !crate::title::open_to_all(lang, text)
        });
    if let Some(h) = job_heading {
        let text = h.text.trim().to_string();
        if check_title(ctx, &h, &text) {
            return;
        }
    }
    check_asks(ctx);
}

/// "eine motivierte Pflegehilfskraft (w)", "Serveur (h)": a marker naming one sex
/// after a noun, in a German or French posting, is `gendered-term` (the first one).
fn one_sex_marker(ctx: &mut Ctx<'_>) {
    let letters: &[&str] = match ctx.lang {
        Lang::De => &["w", "m"],
        Lang::Fr => &["f", "h"],
        _ => return,
    };
    let found = ctx.prep.iter().enumerate().find_map(|(si, p)| {
        p.toks.windows(2).find_map(|w| {
            let (noun, mark) = (&w[0], &w[1]);
            let marked = letters.contains(&mark.lower.as_str())
                && p.slice(noun.end, mark.start) == " ("
                && p.chars.get(mark.end) == Some(&')');
            let is_noun =
                noun.lower.chars().count() >= 3 && (ctx.lang != Lang::De || p.capitalised(noun));
            (marked && is_noun).then(|| (si, noun.start, mark.end + 1))
        })
    });
    let Some((si, start, end)) = found else {
        return;
    };
    let asked = ctx.prep[si].slice(start, end);
    let cite = cite(ctx.doc.facts.country.as_deref()).unwrap_or_default();
    let r = Report::new(format!("\"{asked}\" marks one sex only{cite}"))
        .matched(asked.clone())
        .help("mark all genders (\"(m/w/d)\", \"(H/F)\") or write both forms");
    ctx.at_span(RuleId::GenderedTerm, si, start, end, r);
}

/// A job title given on a label line ("Intitulé du poste: agent de service", a row of
/// a job board's table of facts), where the page's own title names no job.
fn labelled_title(ctx: &Ctx<'_>) -> Option<Segment> {
    use super::super::doc::{SegKind, title_label_value};
    ctx.doc.segments.iter().find_map(|s| {
        let (_, value) = title_label_value(&s.text).filter(|_| s.kind == SegKind::Prose)?;
        Some(Segment::inexact(s.section, SegKind::Prose, value, s.loc))
    })
}

/// The heading that opens the body, when no text stands between it and the title. A
/// page that is all front matter opens with its first job ("profiles: - title: …"),
/// past the label lines the front matter adds (place, pay), which are not its text.
fn first_heading(ctx: &Ctx<'_>) -> Option<Segment> {
    use super::super::doc::SegKind;
    let not_title = |s: &&Segment| s.kind != SegKind::Title;
    let first = match ctx.doc.body().find(not_title) {
        Some(s) => Some(s),
        None => ctx.doc.segments.iter().filter(not_title).find(|s| s.exact),
    };
    first.filter(|s| s.kind == SegKind::Heading).cloned()
}

/// Reports a title that names one sex; true when it did.
fn check_title(ctx: &mut Ctx<'_>, title: &Segment, text: &str) -> bool {
    let binary = crate::title::binary_marker(text);
    // "(m/w)" was the marker for all before the third option entered civil-status law
    // (December 2018): a title dated earlier that carries it is open to all.
    let before_divers = ctx
        .doc
        .facts
        .posted_on
        .as_deref()
        .is_some_and(|d| d < DIVERS_SINCE);
    if binary && before_divers {
        return false;
    }
    // A feminine-only title ("Hauswirtschafterin", "Vendeuse") is worse than a missing
    // marker: it names one sex, as "waitress" does in English; with a marker
    // ("Organizerin (m/w)") it names the post, open to the sexes the marker names.
    if let Some(word) = crate::title::feminine_only(ctx.lang.code(), text).filter(|_| !binary) {
        let cite = cite(ctx.doc.facts.country.as_deref()).unwrap_or_default();
        let r = Report::new(format!("the title \"{text}\" names women only (\"{word}\"){cite}"))
            .matched(word)
            .help("write both forms (\"Hauswirtschafter*in\", \"Vendeur / Vendeuse\") or add the marker (\"(m/w/d)\", \"(H/F)\")");
        ctx.at_segment(RuleId::GenderedTerm, title, r);
        return true;
    }
    let Some(cite) = cite(ctx.doc.facts.country.as_deref()) else {
        return false;
    };
    // A two-gender marker is a title of one; otherwise only a title naming a person
    // by a gendered noun asks for a marker.
    // Switzerland's civil status knows two genders: there "(m/w)" is open to all.
    if binary && ctx.doc.facts.country.as_deref() == Some("CH") {
        return false;
    }
    if !binary && !crate::title::names_a_person(ctx.lang.code(), text) {
        return false;
    }
    let (msg, help) = match ctx.lang {
        Lang::De if binary => (
            format!(
                "the title \"{text}\" marks two genders only, (m/w) without \"d\" (divers, since 2018){cite}"
            ),
            "write \"(m/w/d)\" (or \"(w/m/d)\", \"(all genders)\", \"*in\")",
        ),
        Lang::De => (
            format!("the title \"{text}\" names no gender marker or neutral form{cite}"),
            "add \"(m/w/d)\" (or your form: \"(w/m/d)\", \"(all genders)\", \"*in\"), write both forms, or use a neutral noun (\"Fachkraft\")",
        ),
        _ => (
            format!("the title \"{text}\" names no gender marker or both forms{cite}"),
            "add \"(H/F)\" (\"(h/f/x)\" in Belgium), write both forms (\"Vendeur / Vendeuse\"), or use an epicene title",
        ),
    };
    ctx.at_segment(RuleId::TitleGender, title, Report::new(msg).help(help));
    true
}

/// The day Germany's civil-status law first knew a third gender ("divers").
const DIVERS_SINCE: &str = "2018-12-22";

/// Words a bullet naming a job has at most ("freiberufliche Immobilienmakler").
const TITLE_BULLET_WORDS: usize = 4;

/// A list of jobs whose titles are written open to all but one ("- Telefonist/in",
/// "- freiberufliche Immobilienmakler"), or under a heading that announces open jobs
/// ("## Postes ouverts", "- Développeurs Full-Stack"): the first unmarked one, as
/// (segment, start, end, text). The marked sibling or the heading shows the list names
/// jobs, not duties.
fn listed_title(ctx: &Ctx<'_>) -> Option<(usize, usize, usize, String)> {
    let lang = ctx.lang.code();
    let short = |p: &super::super::facts::Prepared<'_>| {
        p.seg.kind == super::super::doc::SegKind::Bullet
            && (1..=TITLE_BULLET_WORDS).contains(&p.toks.len())
    };
    let open = |text: &str| crate::title::open_to_all(lang, text);
    ctx.prep.iter().enumerate().find_map(|(si, p)| {
        let list = p.seg.list?;
        let text = p.seg.text.trim();
        if !short(p) || open(text) || !crate::title::names_a_person(lang, text) {
            return None;
        }
        let marked_sibling = ctx
            .prep
            .iter()
            .any(|q| q.seg.list == Some(list) && short(q) && open(q.seg.text.trim()));
        let (first, last) = (p.toks.first()?, p.toks.last()?);
        (marked_sibling || under_openings(ctx, si) || after_seeking(ctx, list))
            .then(|| (si, first.start, last.end, p.slice(first.start, last.end)))
    })
}

/// Headings looked back over for one that announces open jobs: the list's own and two
/// above it ("## Postes ouverts" › "### Développement" › "- Développeurs").
const OPENINGS_HEADINGS_BACK: usize = 3;

/// Is segment `si` under a heading that announces open jobs ("Offene Stellen")?
fn under_openings(ctx: &Ctx<'_>, si: usize) -> bool {
    use super::super::doc::SegKind;
    ctx.prep[..si]
        .iter()
        .rev()
        .filter(|q| q.seg.kind == SegKind::Heading)
        .take(OPENINGS_HEADINGS_BACK)
        .any(|q| crate::title::announces_openings(ctx.lang.code(), &q.seg.text))
}

/// Does list `list` follow a sentence that seeks the people it names ("Wir suchen ab
/// sofort und unbefristet" over "- Pflasterer", "- Bauhelfer")? The paragraph right
/// before its first bullet ends in such a sentence.
fn after_seeking(ctx: &Ctx<'_>, list: usize) -> bool {
    use super::super::doc::SegKind;
    let Some(first) = ctx.prep.iter().position(|q| q.seg.list == Some(list)) else {
        return false;
    };
    let Some(before) = first.checked_sub(1).map(|k| &ctx.prep[k]) else {
        return false;
    };
    let Some(s) = before.sentences.last() else {
        return false;
    };
    let toks = &before.toks[before.toks_within(s.start, s.end)];
    let words = sentence_words(before, toks);
    before.seg.kind == SegKind::Prose && crate::title::seeks_a_list(ctx.lang.code(), &words)
}

/// The words of one sentence of `p` (its tokens `toks`) as the title reader takes them.
pub(super) fn sentence_words<'a>(
    p: &super::super::facts::Prepared<'a>,
    toks: &'a [super::super::text::Token],
) -> Vec<crate::title::SentenceWord<'a>> {
    toks.iter()
        .map(|t| crate::title::SentenceWord {
            lower: &t.lower,
            first: p.chars[t.start],
        })
        .collect()
}

/// Words after a sought noun read for a marker or second form ("einen Koch (m/w/d)",
/// "un vendeur ou une vendeuse").
const AFTER_NOUN: usize = 6;

/// In sentence `s` of `p`, someone sought by a masculine article and noun with no
/// marker or second form after it ("Wir suchen einen Koch"): the tokens of the article
/// and the noun.
pub(super) fn masculine_ask_in(
    lang: &str,
    p: &super::super::facts::Prepared<'_>,
    s: &super::super::text::Span,
) -> Option<(usize, usize)> {
    let range = p.toks_within(s.start, s.end);
    let toks = &p.toks[range.clone()];
    let words = sentence_words(p, toks);
    let (article, noun) = crate::title::masculine_ask(lang, &words)?;
    let tail_end = toks.get(noun + AFTER_NOUN).map_or(s.end, |t| t.end);
    let phrase = p.slice(toks[noun].start, tail_end);
    (!crate::title::open_to_all(lang, &phrase))
        .then_some((range.start + article, range.start + noun))
}

/// Reports the first sentence that seeks someone by a masculine article and noun
/// with no marker or second form after it ("Wir suchen einen Koch"): a career page
/// whose title names no job asks for its people there.
fn check_asks(ctx: &mut Ctx<'_>) {
    let Some(cite) = cite(ctx.doc.facts.country.as_deref()) else {
        return;
    };
    let lang = ctx.lang.code();
    let found = ctx.prep.iter().enumerate().find_map(|(si, p)| {
        p.sentences.iter().find_map(|s| {
            let (article, noun) = masculine_ask_in(lang, p, s)?;
            let (start, end) = (p.toks[article].start, p.toks[noun].end);
            Some((si, start, end, p.slice(start, end)))
        })
    });
    let Some((si, start, end, asked)) = found.or_else(|| listed_title(ctx)) else {
        return;
    };
    let msg =
        format!("\"{asked}\" asks for a man only: no gender marker or second form follows{cite}");
    let help = match ctx.lang {
        Lang::De => {
            "add \"(m/w/d)\" after the noun, write both forms (\"einen Koch oder eine Köchin\", \"Koch*Köchin\"), or use a neutral noun"
        }
        _ => {
            "add \"(H/F)\", write both forms (\"un vendeur ou une vendeuse\", \"un·e vendeur·se\"), or use an epicene noun"
        }
    };
    let r = Report::new(msg).matched(asked).help(help);
    ctx.at_span(RuleId::TitleGender, si, start, end, r);
}

#[cfg(test)]
mod tests;
