//! Words that give the job a sex: titles built on a sexed ending ("linesman", "busboy",
//! "usherette"), which no list can hold in full, and a stated preference for one sex
//! ("male driver", "we'd like a woman for this route").

use std::sync::OnceLock;

use super::super::super::doc::Section;
use super::super::super::facts::Prepared;
use super::super::super::lang::Lang;
use super::super::super::text::{Token, WordMap};
use super::super::{Ctx, Report, RuleId};
use super::lists;

/// The lists read per token, as maps probed by the token's hash: (listed -ess/-ette
/// titles, ending exceptions, sex words).
fn maps() -> &'static (WordMap<()>, WordMap<()>, WordMap<()>) {
    static MAPS: OnceLock<(WordMap<()>, WordMap<()>, WordMap<()>)> = OnceLock::new();
    MAPS.get_or_init(|| {
        let l = lists();
        let map = |words: &'static [&'static str]| WordMap::new(words.iter().map(|w| (*w, ())));
        (
            map(l.sexed_titles),
            map(l.sexed_ending_exceptions),
            map(l.sex_words),
        )
    })
}

/// The shortest word [`sexed_title`] can report ("busboy").
const SEXED_MIN: usize = 6;

/// A word `gendered-term` already reports from the word list ("salesman").
fn listed(word: &str) -> bool {
    lists()
        .terms
        .iter()
        .any(|t| t.rule == RuleId::GenderedTerm && t.phrase == word)
}

/// Is the token a job title built on a sexed ending, or a listed -ess/-ette title?
fn sexed_title(t: &Token) -> bool {
    let word = t.lower.as_str();
    // Most words are short or end otherwise: a length test and one hash probe.
    if word.len() < SEXED_MIN {
        return false;
    }
    let (titles, exceptions, _) = maps();
    if titles.contains(t) {
        return true;
    }
    let l = lists();
    let ends = l.sexed_endings.iter().any(|end| word.ends_with(end));
    if !ends || exceptions.contains(t) {
        return false;
    }
    l.sexed_endings.iter().any(|end| {
        word.strip_suffix(end)
            .is_some_and(|stem| stem.chars().count() >= 3 && stem.chars().all(char::is_alphabetic))
    })
}

/// Is token `i` written as a name? Capitalised in a paragraph or bullet with no
/// determiner before it ("Chaoyangmen", "Mr Goodman"; but "a Linesman" is a title).
fn name(p: &Prepared<'_>, i: usize) -> bool {
    use super::super::super::doc::SegKind;
    let prose = matches!(p.seg.kind, SegKind::Prose | SegKind::Bullet);
    let before = i.checked_sub(1).map_or("", |k| p.toks[k].lower.as_str());
    let determiner = matches!(before, "a" | "an" | "the" | "our" | "your" | "as");
    // "the Mailman School of Public Health", "the Goodman Theatre": a capitalised
    // word before another is part of a name, even after "the".
    let named_next = p.toks.get(i + 1).is_some_and(|n| {
        p.capitalised(n) && p.slice(p.toks[i].end, n.start).chars().all(|c| c == ' ')
    });
    prose && p.capitalised(&p.toks[i]) && (!determiner || named_next)
}

/// "Linesman", "busboys", "barmaid", "usherette": reported as `gendered-term`, unless
/// the word list already reports it or it is written as a name ("Mr Goodman").
pub(super) fn sexed_titles(ctx: &mut Ctx<'_>) {
    // The endings are English ones: German verbs end in "-men" too ("übernehmen").
    if ctx.lang != Lang::En {
        return;
    }
    let mut found = Vec::new();
    for (si, p) in ctx.prep.iter().enumerate() {
        // "jseiser@campworkcoeman.org": a word inside an address is no title.
        let addresses = std::cell::OnceCell::new();
        for (i, t) in p.toks.iter().enumerate() {
            if let Some(first) = two_word_title(p, i) {
                found.push((si, first, i, p.tok_text(first, i)));
                continue;
            }
            if sexed_title(t) && !listed(&t.lower) && !name(p, i) && !licence_class(p, i) {
                let inside = addresses
                    .get_or_init(|| p.address_spans())
                    .iter()
                    .any(|(a, b)| *a <= t.start && t.end <= *b);
                if inside {
                    continue;
                }
                found.push((si, i, i, p.word(t)));
            }
        }
    }
    for (si, a, b, m) in found {
        let r = Report::new(format!("\"{m}\" is a job title that names a sex"))
            .help("use the neutral title (\"line worker\", \"busser\", \"usher\", \"bar staff\")");
        ctx.at_tokens(RuleId::GenderedTerm, si, a, b, r);
    }
}

/// Is token `i` a licence class the law names with a sexed ending, before the trade
/// or the word licence ("Journeyman Electrician", "journeyman licence")?
fn licence_class(p: &Prepared<'_>, i: usize) -> bool {
    let l = lists();
    l.licence_classes.contains(&p.toks[i].lower.as_str())
        && p.toks
            .get(i + 1)
            .is_some_and(|n| l.licence_class_next.contains(&n.lower.as_str()))
}

/// "Lead Men", "Delivery Man" in a heading or the title, or opening a short bullet of a
/// list of openings ("- Lead Men (Carpentry)"): a capitalised word, one space, then "Man"
/// or "Men" capitalised, as a title of two words. Returns the first token.
fn two_word_title(p: &Prepared<'_>, i: usize) -> Option<usize> {
    use super::super::super::doc::SegKind;
    let t = &p.toks[i];
    if !matches!(t.lower.as_str(), "man" | "men") || i == 0 {
        return None;
    }
    let heading = matches!(p.seg.kind, SegKind::Heading | SegKind::Title);
    let opens_short_bullet = p.seg.kind == SegKind::Bullet && i == 1 && p.toks.len() <= 6;
    if !(heading || opens_short_bullet) || !p.capitalised(t) {
        return None;
    }
    let before = &p.toks[i - 1];
    let joined = p.slice(before.end, t.start) == " ";
    let word = before.lower.chars().all(char::is_alphabetic);
    (joined
        && word
        && p.capitalised(before)
        && !lists().not_man_titles.contains(&before.lower.as_str()))
    .then_some(i - 1)
}

/// A preference for one sex at token `i` of `p`: (first, last) token.
fn preference_at(p: &Prepared<'_>, i: usize) -> Option<(usize, usize)> {
    let l = lists();
    let toks = p.toks;
    let word = |k: usize| toks.get(k).map_or("", |t| t.lower.as_str());
    // "to man the desk" is a verb.
    if !maps().2.contains(&toks[i]) || word(i.wrapping_sub(1)) == "to" {
        return None;
    }
    // "male and female staff", "men or women": both sexes named.
    let both = [i.wrapping_sub(2), i + 2].iter().any(|&k| {
        l.sex_words.contains(&word(k)) && matches!(word(k.min(i) + 1), "and" | "or" | "&")
    }) || toks.get(i + 1).is_some_and(|t| t.hyphen_before);
    if both {
        return None;
    }
    if outreach(p, i) {
        return None;
    }
    // "our female staff" are the staff there now.
    let adjective = matches!(word(i), "male" | "female" | "males" | "females")
        && word(i.wrapping_sub(1)) != "our";
    if let Some(noun) = adjective.then(|| job_noun_after(p, i)).flatten() {
        return Some((i, noun));
    }
    if matches!(word(i + 1), "only" | "preferred") {
        return Some((i, i + 1));
    }
    // "prefer a male", "we'd like a woman": a preference word up to five words before.
    // Up to five: "seeking a strong, fit young man".
    let lead = (i.saturating_sub(5)..i).find(|&k| l.preference_words.contains(&word(k)))?;
    // "like" wants only as a verb ("we'd like a woman"); "groups of people, like
    // women, are less likely to apply" gives an example.
    let wanting = |k: usize| matches!(word(k), "would" | "we'd" | "i'd" | "we" | "i" | "they'd");
    if word(lead) == "like" && !wanting(lead.wrapping_sub(1)) {
        return None;
    }
    Some((lead, i))
}

/// The job noun a sex adjective at `i` describes: the next word, or one after other
/// adjectives joined by "and" or a comma ("female and bilingual instructors"; "male and
/// female staff" names both and is read before this).
fn job_noun_after(p: &Prepared<'_>, i: usize) -> Option<usize> {
    const REACH: usize = 4;
    let l = lists();
    let toks = p.toks;
    let noun = |k: usize| l.job_nouns.contains(&toks[k].lower.as_str());
    let next = toks.get(i + 1)?;
    if noun(i + 1) {
        return Some(i + 1);
    }
    let coordinated = matches!(next.lower.as_str(), "and" | "or")
        || p.slice(toks[i].end, next.start).contains(',');
    if !coordinated {
        return None;
    }
    (i + 2..toks.len().min(i + 2 + REACH))
        .take_while(|&k| {
            let t = &toks[k];
            !l.sex_words.contains(&t.lower.as_str())
                && !p.slice(toks[k - 1].end, t.start).contains(['.', ';', ':'])
        })
        .find(|&k| noun(k))
}

/// Is the sentence of token `i` outreach or positive action, which equality law allows:
/// "Female applicants are explicitly encouraged to apply", "women are welcome to
/// apply", "preference will be given to women when equally qualified"?
fn outreach(p: &Prepared<'_>, i: usize) -> bool {
    let words = p.sentence_words(p.toks[i].start);
    let has = |w: &str| words.iter().any(|t| t.lower == w);
    has("encouraged")
        || has("encourage")
        || has("welcome")
        || (has("equally") && has("qualified"))
        || (has("equal") && (has("qualification") || has("qualifications")))
}

/// "male driver", "female staff preferred", "we'd like a woman for this route":
/// `sex-preference`, outside the equal-opportunity statement.
pub(super) fn sex_preference(ctx: &mut Ctx<'_>) {
    let mut found = Vec::new();
    for (si, p) in ctx.prep.iter().enumerate() {
        if p.seg.section == Section::Eeo {
            continue;
        }
        for i in 0..p.toks.len() {
            if let Some((a, b)) = preference_at(p, i) {
                found.push((si, a, b));
            }
        }
    }
    for (si, a, b) in found {
        let m = ctx.prep[si].tok_text(a, b);
        let r = Report::new(format!("\"{m}\" states a preference for one sex"))
            .help("describe the work; anyone who can do it may apply");
        ctx.at_tokens(RuleId::SexPreference, si, a, b, r);
    }
}
