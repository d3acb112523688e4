//! Pages that list several jobs ("Job Vacancies" › "Production Operatives" ›
//! "Refrigeration Engineer"), each under a heading or a short line of its own with its
//! own pay. Read as one posting, one job's pay stands for all: "Competitive rates of pay"
//! under one passes because another gives "£8.05 per hour". Here each job's part is read
//! on its own for the facts the pay checks need.
//!
//! A job's name is a heading or a short line of its own, every word capitalised but the
//! small ones, ending in a job noun ("Engineer", "Operatives") or carrying a German or
//! French gender marker ("(m/w/d)", "(H/F)"), that names no section ("Benefits").
//! Two such names, each with text under it, make a page of several jobs.

use super::super::doc::{JobFacts, Section, SegKind, classify_heading};
use super::{Prepared, has_benefits, lists};

/// The most words a job's name has ("Senior Night Hygiene Operatives (m/w/d)").
const NAME_WORDS: usize = 8;

/// The fewest words under a job's name that make a part of its own: fewer is a list
/// of links, or a contact's title over a phone number ("Human Resources Manager").
const PART_WORDS: usize = 20;

/// The jobs of a page that lists at least two, each with its part's facts; empty
/// otherwise.
pub(super) fn jobs(prep: &[Prepared<'_>]) -> Vec<JobFacts> {
    let heads: Vec<usize> = (0..prep.len()).filter(|&i| names_job(&prep[i])).collect();
    // Each name with the text up to the next name; a name with little under it is no
    // part of its own.
    let parts: Vec<(usize, &[Prepared<'_>])> = heads
        .iter()
        .enumerate()
        .map(|(k, &h)| {
            let end = heads.get(k + 1).copied().unwrap_or(prep.len());
            (h, &prep[h + 1..end])
        })
        .filter(|(_, body)| body.iter().map(|p| p.toks.len()).sum::<usize>() >= PART_WORDS)
        .collect();
    if parts.len() < 2 {
        return Vec::new();
    }
    // Benefits written for every job: a benefits section, or benefits named before the
    // first job.
    let shared =
        prep.iter().any(|p| p.seg.section == Section::Benefits) || has_benefits(&prep[..heads[0]]);
    parts
        .into_iter()
        .map(|(h, body)| {
            let p = &prep[h];
            let name = p.seg.text.trim().to_string();
            JobFacts {
                loc: p.seg.loc,
                len: name.chars().count(),
                name,
                has_figure: body.iter().any(super::money::states_figure),
                vague: super::money::vague_pay(body),
                has_benefits: shared || has_benefits(body),
                pay: super::money::find_pay(body),
            }
        })
        .collect()
}

/// Does the segment name a job: a heading or a short line of its own ending in a job
/// noun or a gender marker, in title case, naming no section?
fn names_job(p: &Prepared<'_>) -> bool {
    let short = (1..=NAME_WORDS).contains(&p.toks.len());
    if !short || !matches!(p.seg.kind, SegKind::Heading | SegKind::Prose) {
        return false;
    }
    let text = p.seg.text.trim();
    // A label ("Reports to: Operations Manager") or a sentence is not a name.
    if text.contains(':') || text.ends_with(['.', '!', '?', ',', ';']) {
        return false;
    }
    let l = lists();
    let noun = p.toks.last().is_some_and(|t| {
        let w = t.lower.as_str();
        l.job_nouns.contains(&w)
            || w.strip_suffix('s')
                .is_some_and(|s| l.job_nouns.contains(&s))
    });
    // A marker closes the name ("(m/w/d)", "(H/F)"): only then is it looked for.
    let marked = !noun
        && text.ends_with(')')
        && (crate::title::marker_language(text).is_some() || crate::title::binary_marker(text));
    if !(marked || noun) {
        return false;
    }
    // Title case: a line of prose that ends in a job noun ("Reporting to the Head
    // Chef") is a sentence, not a name.
    let title_case = p
        .toks
        .iter()
        .all(|t| p.capitalised(t) || l.job_name_connectors.contains(&t.lower.as_str()) || marked);
    title_case && classify_heading(text).is_none()
}
