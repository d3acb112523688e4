//! A driving licence asked for a job that names no driving (`ability-assumption`):
//! "Valid driver's license required" for a bookkeeper, "Führerschein Klasse B" for an
//! office assistant. People who cannot drive because of a disability are shut out of a
//! job that needs none. The job drives when its title or text names driving, a vehicle
//! or travel (`driving_work`); then the licence is the job's and nothing is said.

use std::sync::OnceLock;

use super::super::super::doc::Section;
use super::super::super::facts::Prepared;
use super::super::super::text::{Hit, PhraseSet};
use super::super::{Ctx, Report, RuleId};
use super::lists;

fn phrases() -> &'static PhraseSet {
    static SET: OnceLock<PhraseSet> = OnceLock::new();
    SET.get_or_init(|| PhraseSet::new(lists().licence_phrases.iter().copied()))
}

/// Reports each driving licence asked for when nothing in the posting drives.
pub(super) fn driving_licence(ctx: &mut Ctx<'_>) {
    let asks: Vec<(usize, Hit)> = ctx
        .prep
        .iter()
        .enumerate()
        .flat_map(|(si, p)| licences(p).into_iter().map(move |h| (si, h)))
        .filter(|(si, h)| !identity(&ctx.prep[*si], h))
        .collect();
    if asks.is_empty() || drives(ctx, &asks) {
        return;
    }
    for (si, h) in asks {
        let p = &ctx.prep[si];
        let Some(wish) = asked(p, &h) else {
            continue;
        };
        let m = p.tok_text(h.first, h.last);
        let mut r = Report::new(format!(
            "\"{m}\" asks for a driving licence, but nothing in the posting drives: people who cannot drive because of a disability are shut out"
        ))
        .help("ask for a licence only where the job drives, and say what it drives (\"to deliver orders in the company van\")");
        if wish {
            r.severity = Some(crate::lint::Severity::Note);
        }
        ctx.at_tokens(RuleId::AbilityAssumption, si, h.first, h.last, r);
    }
}

/// The driving licences named in a segment: listed phrases, and words starting with a
/// listed prefix ("Führerscheinbesitz").
fn licences(p: &Prepared<'_>) -> Vec<Hit> {
    let mut hits = p.find(phrases());
    let prefixes = lists().licence_prefixes;
    hits.extend(
        p.toks
            .iter()
            .enumerate()
            .filter(|(_, t)| prefixes.iter().any(|x| t.lower.starts_with(x)))
            .map(|(i, _)| Hit {
                first: i,
                last: i,
                item: usize::MAX,
            }),
    );
    hits
}

/// Does any word of the posting, outside the licence asks themselves and the
/// benefits, put driving or travel in the job?
fn drives(ctx: &Ctx<'_>, asks: &[(usize, Hit)]) -> bool {
    let words = lists().driving_work;
    let job = |p: &&Prepared<'_>| p.seg.section != Section::Benefits;
    ctx.prep
        .iter()
        .enumerate()
        .filter(|(_, p)| job(p))
        .any(|(si, p)| {
            p.toks.iter().enumerate().any(|(i, t)| {
                words.contains(&t.lower.as_str())
                    && !asks
                        .iter()
                        .any(|(s, h)| *s == si && h.first <= i && i <= h.last)
            })
        })
}

/// Is the licence one proof of identity among others ("a driver's license or state
/// ID")?
fn identity(p: &Prepared<'_>, h: &Hit) -> bool {
    let toks = p.toks;
    (h.last + 1..toks.len().min(h.last + 3))
        .find(|&k| matches!(toks[k].lower.as_str(), "or" | "oder" | "ou"))
        .is_some_and(|or| {
            (or + 1..toks.len().min(or + 5))
                .any(|k| lists().identity_words.contains(&toks[k].lower.as_str()))
        })
}

/// How far from the licence a word that makes it a wish may stand.
const WISH_REACH: usize = 4;

/// The most words a line may have beside the licence to be the licence alone
/// ("Permis B", "Führerschein Klasse B", "Driver's licence (full, UK)").
const LICENCE_LINE: usize = 4;

/// Is the licence asked for: `Some(true)` as a wish, `Some(false)` as a requirement,
/// `None` when its sentence neither asks, nor stands among the qualifications, nor is
/// a line of little but the licence; never in the benefits ("help with your driving
/// licence"), pay, company or application text ("bring your driver's license").
fn asked(p: &Prepared<'_>, h: &Hit) -> Option<bool> {
    if matches!(
        p.seg.section,
        Section::Benefits | Section::Pay | Section::Company | Section::Apply
    ) {
        return None;
    }
    let words = p.sentence_words(p.toks[h.first].start);
    let any = |list: &[&str]| words.iter().any(|t| list.contains(&t.lower.as_str()));
    // A wish stands by the licence ("Führerschein von Vorteil", "ideally a driver's
    // licence"): in a run-on list another line's "von Vorteil" wishes for that line.
    let near = h.first.saturating_sub(WISH_REACH)..p.toks.len().min(h.last + 1 + WISH_REACH);
    let (from, to) = p.sentence_at(p.toks[h.first].start);
    let wish = p.toks[near]
        .iter()
        .filter(|t| t.start >= from && t.start < to)
        .any(|t| lists().wish_words.contains(&t.lower.as_str()));
    let qualification = matches!(p.seg.section, Section::Skills | Section::Qualifications);
    let alone = clause_len(p, h) <= h.last - h.first + 1 + LICENCE_LINE;
    (qualification || alone || wish || any(lists().ask_words)).then_some(wish)
}

/// How many words the clause around `h` has: up to a line break, a semicolon, colon,
/// comma or bullet either way, within the sentence ("Anglais courant, Permis B, 1 an
/// d'expérience": "Permis B").
fn clause_len(p: &Prepared<'_>, h: &Hit) -> usize {
    let toks = p.toks;
    let (from, to) = p.sentence_at(toks[h.first].start);
    let joined = |k: usize| {
        toks[k].start >= from
            && toks[k].start < to
            && !p
                .slice(toks[k - 1].end, toks[k].start)
                .contains(['\n', ';', ':', ',', '•', '·', '|'])
    };
    let first = (1..=h.first).rev().take_while(|&k| joined(k)).count();
    let last = (h.last + 1..toks.len()).take_while(|&k| joined(k)).count();
    first + (h.last - h.first + 1) + last
}
