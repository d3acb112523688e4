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
        .flat_map(|(si, p)| p.find(phrases()).into_iter().map(move |h| (si, h)))
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

/// Does any word of the posting, outside the licence asks themselves, put driving or
/// travel in the job?
fn drives(ctx: &Ctx<'_>, asks: &[(usize, Hit)]) -> bool {
    let words = lists().driving_work;
    ctx.prep.iter().enumerate().any(|(si, p)| {
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

/// Is the licence asked for: `Some(true)` as a wish, `Some(false)` as a requirement,
/// `None` when its sentence neither asks nor stands among the qualifications (a
/// benefit, "help with your driving licence", is no ask).
fn asked(p: &Prepared<'_>, h: &Hit) -> Option<bool> {
    if matches!(p.seg.section, Section::Benefits | Section::Pay) {
        return None;
    }
    let words = p.sentence_words(p.toks[h.first].start);
    let any = |list: &[&str]| words.iter().any(|t| list.contains(&t.lower.as_str()));
    let wish = any(lists().wish_words);
    let qualification = matches!(p.seg.section, Section::Skills | Section::Qualifications);
    (qualification || wish || any(lists().ask_words)).then_some(wish)
}
