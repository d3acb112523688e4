//! Gender-coded wording: faithful matching, exceptions, counting and the verdict.

use super::*;
use crate::lint::tests::{lint_md, lint_md_with, matched, of};
use crate::lint::text::tokenize;

/// Coded words as written (compounds joined with "-") with the entry they matched.
fn coded(text: &str) -> Vec<(String, &'static str)> {
    let chars: Vec<char> = text.chars().collect();
    let toks = tokenize(text);
    coded_words(&toks)
        .into_iter()
        .map(|w| {
            let words: Vec<String> = toks[w.first..=w.last]
                .iter()
                .map(|t| chars[t.start..t.end].iter().collect())
                .collect();
            (words.join("-"), w.entry.printed)
        })
        .collect()
}

#[test]
fn lists_have_the_papers_sizes() {
    assert_eq!(masculine().len(), 42);
    assert_eq!(feminine().len(), 40);
}

#[test]
fn stems_match_prefixes_and_words_match_whole() {
    assert_eq!(
        coded("leader leadership"),
        [("leader".into(), "lead*"), ("leadership".into(), "lead*")]
    );
    assert_eq!(coded("kind"), [("kind".into(), "kind")]);
    assert!(coded("kinds kindly kindness").is_empty());
    assert!(coded("logical logistics").is_empty());
    assert_eq!(coded("logic"), [("logic".into(), "logic")]);
    assert!(coded("actively objectives persistent").is_empty());
    assert_eq!(coded("the leader's view"), [("leader's".into(), "lead*")]);
}

#[test]
fn implusive_misprint_matches_impulsive() {
    assert_eq!(coded("impulsive"), [("impulsive".into(), "implusive")]);
    assert_eq!(coded("implusive"), [("implusive".into(), "implusive")]);
}

#[test]
fn overlapping_entries_count_once() {
    assert_eq!(
        coded("interpersonal"),
        [("interpersonal".into(), "interpersonal")]
    );
    assert_eq!(coded("dominant"), [("dominant".into(), "dominant")]);
    assert_eq!(
        coded("self-confident"),
        [("self-confident".into(), "self-confiden*")]
    );
    assert_eq!(
        coded("self-reliant"),
        [("self-reliant".into(), "self-relian*")]
    );
}

#[test]
fn compounds_fall_back_to_their_parts() {
    assert_eq!(coded("team-leading"), [("leading".into(), "lead*")]);
    assert_eq!(
        coded("co-operative"),
        [("co-operative".into(), "cooperat*")]
    );
    assert_eq!(coded("kind-hearted"), [("kind".into(), "kind")]);
}

#[test]
fn boilerplate_exceptions_are_not_counted() {
    for text in [
        "Responsibilities",
        "Your responsibilities include",
        "a committee of bakers",
        "competitive salary",
        "a highly competitive pay package",
        "competitive compensation",
        "individual contributor role",
        "dependent on the season",
        "pay depending on experience",
        "cover dependents",
        "follow up on sales leads",
        "lead generation",
        "lead-generation tools",
        "SharePoint",
    ] {
        assert!(coded(text).is_empty(), "{text}: {:?}", coded(text));
    }
    // The words themselves still count outside the boilerplate.
    assert_eq!(coded("responsible"), [("responsible".into(), "respon*")]);
    assert_eq!(coded("competitive"), [("competitive".into(), "compet*")]);
    assert_eq!(coded("she leads"), [("leads".into(), "lead*")]);
    assert_eq!(
        coded("individualistic"),
        [("individualistic".into(), "individual*")]
    );
}

#[test]
fn accented_words_are_not_split() {
    // "naïve" must not become "na" + "ve", nor "Ücheer" match "cheer*".
    assert!(coded("naïve Ücheerful").is_empty());
    assert_eq!(coded("chéri cheerful"), [("cheerful".into(), "cheer*")]);
}

#[test]
fn verdicts() {
    assert_eq!(verdict(0, 0), "neutral");
    assert_eq!(verdict(2, 2), "neutral");
    assert_eq!(verdict(1, 0), "feminine-coded");
    assert_eq!(verdict(3, 0), "feminine-coded");
    assert_eq!(verdict(4, 0), "strongly feminine-coded");
    assert_eq!(verdict(0, 1), "masculine-coded");
    assert_eq!(verdict(0, 3), "masculine-coded");
    assert_eq!(verdict(1, 5), "strongly masculine-coded");
}

#[test]
fn one_coded_word_is_not_strongly() {
    let f = lint_md("# Baker\n\nYou are ambitious.\n");
    let b = of(&f, "gender-balance");
    assert_eq!(b.len(), 1);
    assert!(
        b[0].message
            .starts_with("wording is masculine-coded: 0 feminine-coded and 1 masculine-coded"),
        "{}",
        b[0].message
    );
    assert_eq!(matched(&f, "gender-coded"), ["ambitious"]);
}

#[test]
fn no_coded_words_no_verdict() {
    let f = lint_md("# Baker\n\nYou bake bread.\n");
    assert!(of(&f, "gender-balance").is_empty() && of(&f, "gender-coded").is_empty());
}

#[test]
fn strongly_masculine_past_three() {
    let f = lint_md("# Baker\n\nAn ambitious, assertive, decisive, dominant leader.\n");
    assert!(
        of(&f, "gender-balance")[0]
            .message
            .starts_with("wording is strongly masculine-coded")
    );
    assert_eq!(of(&f, "gender-coded").len(), 5);
}

#[test]
fn allowed_words_are_not_counted() {
    let f = lint_md_with(
        "# Baker\n\nA leader who supports the team.\n",
        "[lint]\nallow = [\"lead*\"]\n",
    );
    assert_eq!(matched(&f, "gender-coded"), ["supports"]);
    assert!(
        of(&f, "gender-balance")[0]
            .message
            .starts_with("wording is feminine-coded: 1 feminine")
    );
}

#[test]
fn findings_are_notes_with_positions() {
    let f = lint_md("# Baker\n\nBe warm.\n");
    let w = of(&f, "gender-coded");
    assert_eq!((w[0].line, w[0].col, w[0].end_col), (3, 4, 8));
    assert_eq!(w[0].severity, crate::lint::Severity::Note);
}

/// Coded words reported in a Markdown posting's body, as matched.
fn reported(body: &str) -> Vec<String> {
    matched(&lint_md(&format!("# Baker\n\n{body}\n")), "gender-coded")
}

#[test]
fn each_sense_exemption_is_not_coded() {
    // One case per exception entry added from real postings; the bare word still counts.
    let cases: &[(&str, &str)] = &[
        ("Pay is dependent upon experience.", "dependent"),
        ("Pay depending upon experience.", "depending"),
        ("You work as an independent contractor.", "independent"),
        ("Independent contractors invoice monthly.", "independent"),
        ("You join the emergency response rota.", "response"),
        ("You lead incident response.", "response"),
        ("Keep the response time under an hour.", "response"),
        ("We track response times daily.", "response"),
        ("You prepare tender documents.", "tender"),
        ("Draft each tender document.", "tender"),
        ("You run the tender process.", "tender"),
        ("Tendering is part of the job.", "tendering"),
        ("An NHS foundation trust.", "trust"),
        ("We are an NHS trust.", "trust"),
        ("Veterans of the armed forces are welcome.", "forces"),
        ("Air force veterans welcome.", "force"),
        ("Join the task force.", "force"),
        ("Former police force staff welcome.", "force"),
        ("You read the yield report.", "yield"),
        ("Send yield reports weekly.", "yield"),
        ("We offer child care.", "child"),
        ("Subsidised childcare.", "childcare"),
        ("You generate your own leads.", "leads"),
    ];
    for (text, word) in cases {
        let got = reported(text);
        assert!(
            !got.iter().any(|w| w.eq_ignore_ascii_case(word)),
            "{text}: {got:?}"
        );
    }
    // The words themselves stay coded.
    for (text, word) in [
        ("You are independent.", "independent"),
        ("You respond to patients.", "respond"),
        ("A tender touch.", "tender"),
        ("Earn their trust.", "trust"),
        ("You lead the shift.", "lead"),
    ] {
        assert_eq!(reported(text), [word], "{text}");
    }
}

#[test]
fn organisations_and_proper_names_are_not_coded() {
    assert!(reported("You audit clients with Ernst & Young.").is_empty());
    assert!(reported("Reviews come from Trustpilot.").is_empty());
    // Capitalised mid-sentence: a name ("Yield Reports" is a product, "the Armed
    // Forces" an institution).
    assert!(reported("You file Yield Reports for the Armed Forces.").is_empty());
    // Capitalised at the start of a sentence, a bullet or after a label: a word.
    assert_eq!(reported("Lead the team."), ["Lead"]);
    assert_eq!(reported("- Support the bakers"), ["Support"]);
    assert_eq!(reported("Duties: Support the bakers."), ["Support"]);
}

#[test]
fn job_title_and_addresses_are_not_coded() {
    let f = lint_md(
        "# Technical Support Specialist\n\nAs a Technical Support Specialist you answer \
         calls. You give technical support by phone. See \
         https://example.org/leaders-can-benefit-from-support or write to lead@example.org.\n",
    );
    assert!(matched(&f, "gender-coded").is_empty(), "{f:#?}");
    // Outside the title's words, "support" still counts.
    let f = lint_md("# Technical Support Specialist\n\nYou support the team.\n");
    assert_eq!(matched(&f, "gender-coded"), ["support"]);
}
