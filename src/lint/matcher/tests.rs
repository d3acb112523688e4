//! The matcher finds listed words in their other spellings and reads their scope.

use super::{Found, Matcher, english};
use crate::lint::doc::{Loc, Section, SegKind, Segment};
use crate::lint::facts::{analyse, prepare};

/// The matched texts of `phrases` in `text`, with whether each is negated and about
/// the applicant.
fn run(phrases: &[&str], text: &str) -> Vec<(String, bool, bool)> {
    let segs = [Segment::new(
        Section::Purpose,
        SegKind::Prose,
        text,
        Loc::new(1, 1),
    )];
    let analysed = analyse(&segs);
    let prep = prepare(&segs, &analysed);
    let p = &prep[0];
    let m = Matcher::new(english(), phrases.iter().copied());
    m.find(p)
        .iter()
        .map(|f: &Found| {
            (
                p.tok_text(f.first, f.last),
                m.negated(p, f),
                m.about_applicant(p, f),
            )
        })
        .collect()
}

fn texts(phrases: &[&str], text: &str) -> Vec<String> {
    run(phrases, text).into_iter().map(|(t, _, _)| t).collect()
}

#[test]
fn case_plurals_and_compounds_are_one_word() {
    assert_eq!(
        texts(
            &["guru", "superstar", "rockstar"],
            "GURUS wanted. Super Stars and rock-stars."
        ),
        ["GURUS", "Super Stars", "rock-stars"]
    );
}

#[test]
fn a_word_the_stemmer_only_folds_with_a_listed_one_is_not_it() {
    assert!(texts(&["be presentable"], "Ideas must be presented clearly.").is_empty());
    assert_eq!(
        texts(&["be presentable"], "You must be presentable."),
        ["be presentable"]
    );
}

#[test]
fn a_listed_word_inside_a_longer_word_is_not_found() {
    assert!(texts(&["guru", "ninja"], "Gurudwara visits; Ninjago fans.").is_empty());
}

#[test]
fn phrases_allow_punctuation_and_small_words_but_not_a_sentence_end() {
    let phrases = ["work hard play hard", "we're a family"];
    assert_eq!(
        texts(
            &phrases,
            "We work hard / play hard. We're a close-knit family of bakers."
        ),
        ["work hard / play hard", "We're a close-knit family"]
    );
    assert!(texts(&phrases, "We work hard. Play hard on weekends.").is_empty());
    assert!(texts(&phrases, "We're a family-owned bakery.").is_empty());
}

#[test]
fn after_and_a_second_word_qualifying_the_noun_may_stand_between() {
    let phrases = ["well-groomed appearance", "work hard play hard"];
    assert_eq!(
        texts(
            &phrases,
            "A well-groomed and professional appearance is a must."
        ),
        ["well-groomed and professional appearance"]
    );
    // One word only, and only after "and" or "or".
    assert!(texts(&phrases, "A well-groomed and very professional appearance.").is_empty());
    assert!(texts(&phrases, "A well-groomed, professional appearance.").is_empty());
    assert_eq!(
        texts(&phrases, "We work hard and really play hard."),
        ["work hard and really play hard"]
    );
}

#[test]
fn negation_before_a_term_in_its_clause() {
    let r = run(
        &["rockstar"],
        "We are not looking for rockstars, but a rockstar baker is fine.",
    );
    assert_eq!(r.len(), 2);
    assert!(r[0].1, "negated: {r:?}");
    assert!(!r[1].1, "the second clause is not negated: {r:?}");
}

#[test]
fn negation_reaches_every_item_of_a_list() {
    let r = run(
        &["rockstar", "ninja", "guru"],
        "We are not looking for rockstars or ninjas or gurus, just kind people.",
    );
    assert_eq!(r.len(), 3);
    assert!(r.iter().all(|(_, negated, _)| *negated), "{r:?}");
    // Without a list in between, four words is the reach.
    let r = run(&["ninja"], "We are not saying this job needs a ninja.");
    assert!(!r[0].1, "{r:?}");
}

#[test]
fn subject_employer_or_people_served_is_not_the_applicant() {
    for text in [
        "We are a young, dynamic team.",
        "You will teach young patients.",
        "Join a young company.",
        "We're young and energetic.",
    ] {
        let r = run(&["young", "energetic"], text);
        assert!(
            r.iter().all(|(_, _, applicant)| !applicant),
            "{text}: {r:?}"
        );
    }
    let r = run(&["young"], "We want young candidates who love bread.");
    assert!(r[0].2, "{r:?}");
}

#[test]
fn a_pronoun_after_a_named_person_is_about_that_person() {
    let segs = [Segment::new(
        Section::Company,
        SegKind::Prose,
        "Our founder, Freddie Blackett, bakes. His bread sells out. The candidate will help; he will bake too.",
        Loc::new(1, 1),
    )];
    let analysed = analyse(&segs);
    let prep = prepare(&segs, &analysed);
    let p = &prep[0];
    let m = Matcher::new(english(), ["his", "he"]);
    let verdicts: Vec<(String, bool)> = m
        .find(p)
        .iter()
        .map(|f| {
            (
                p.tok_text(f.first, f.last),
                m.pronoun_for_applicant(p, f.first),
            )
        })
        .collect();
    assert_eq!(
        verdicts,
        [("His".to_string(), false), ("he".to_string(), true)]
    );
}
