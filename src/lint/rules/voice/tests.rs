//! Positive, candidate-facing language: impersonal voice, negative phrasing, duplicates.

use super::*;
use crate::lint::tests::{lint_md, matched, of};

fn m(text: &str, rule: &str) -> Vec<String> {
    matched(&lint_md(&format!("# Baker\n\n{text}\n")), rule)
}

#[test]
fn impersonal_phrases() {
    assert_eq!(
        m(
            "The ideal candidate bakes. The applicant will bake. Candidates must bake.",
            "impersonal-voice"
        ),
        ["The ideal candidate", "The applicant", "Candidates must"]
    );
    assert!(m("You bake. We use an applicant tracking system. The candidate experience matters. Ideal candidates.", "impersonal-voice").is_empty());
}

#[test]
fn we_outnumbering_you() {
    let we = "We bake. We sell. We clean. Our shop is ours. We open early. You help.";
    let f = lint_md(&format!("# Baker\n\n{we}\n"));
    let v = of(&f, "impersonal-voice");
    assert_eq!(v.len(), 1);
    assert!(
        v[0].message.contains("6 times") && v[0].message.contains("once"),
        "{}",
        v[0].message
    );
    // The company section may talk about "we".
    let f = lint_md(&format!("# Baker\n\nYou help.\n\n## About us\n\n{we}\n"));
    assert!(of(&f, "impersonal-voice").is_empty());
    // Balanced is fine.
    assert!(m("We bake and you sell. We clean and you greet. We open, you close. Our shop, your team. We rest.", "impersonal-voice").is_empty());
}

#[test]
fn negative_phrasing() {
    assert_eq!(
        m(
            "Do not apply unless you bake. Failure to clean is not tolerated. Don't hesitate to ask.",
            "negative-phrasing"
        ),
        [
            "Do not apply",
            "Failure to",
            "not tolerated",
            "Don't hesitate"
        ]
    );
    assert!(
        m(
            "A fail-safe oven. A degree is not required. No experience needed. Apply now.",
            "negative-phrasing"
        )
        .is_empty()
    );
}

#[test]
fn duplicate_bullets() {
    let f = lint_md(
        "# Baker\n\n- Bake bread every morning\n- Serve coffee\n- bake bread, every morning!\n",
    );
    let d = of(&f, "duplicate-bullet");
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].line, 5);
    assert_eq!(d[0].message, "bullet repeats the one on line 3");
    // Near-duplicates of some length count; short different bullets do not.
    let f = lint_md(
        "# Baker\n\n- Keep the bakery floor clean and safe\n- Keep the bakery floors clean and safe\n",
    );
    assert_eq!(of(&f, "duplicate-bullet").len(), 1);
    let f = lint_md("# Baker\n\n- Bake bread\n- Bake cakes\n- Python\n- Python\n");
    assert_eq!(
        of(&f, "duplicate-bullet").len(),
        0,
        "one-word bullets are not compared"
    );
}

#[test]
fn similarity_bounds() {
    fn b(s: &str) -> Bullet {
        Bullet::new(&crate::text::tokenize(s))
    }
    let budget = &mut FUZZY_BUDGET.clone();
    assert!(similar(
        &b("bake bread every morning"),
        &b("bake bread every morning"),
        budget
    ));
    assert!(!similar(
        &b("bake bread every morning"),
        &b("sell cakes every evening"),
        budget
    ));
    assert!(!similar(&b("short one"), &b("short two"), budget));
    let (a, c) = (
        b("bake the bread and the rolls every morning"),
        b("bake the bread and the buns every morning"),
    );
    assert!(similar(&a, &c, budget), "one word apart");
    // Once the edit-distance budget is spent, only exact repeats are found.
    assert!(!similar(&a, &c, &mut 10));
    assert!(similar(&a, &a, &mut 0));
}

#[test]
fn long_bullets_are_compared_for_exact_repeats_only() {
    let long = "bake bread ".repeat(100);
    let other = format!("{long}x");
    let (a, c) = (
        Bullet::new(&crate::text::tokenize(&long)),
        Bullet::new(&crate::text::tokenize(&other)),
    );
    assert!(a.chars > MAX_FUZZY_CHARS);
    assert!(!similar(&a, &c, &mut FUZZY_BUDGET.clone()));
    assert!(similar(&a, &a, &mut 0));
}
