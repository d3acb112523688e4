//! `locale-mismatch`: US words in non-US postings, and dollars that do not say which.

use super::*;
use crate::lint::tests::{lint_md, matched, of};
use crate::lint::{Config, Doc, lint};

const RULE: &str = "locale-mismatch";

/// A Markdown posting in London (the country decides the locale).
fn uk(text: &str) -> Vec<String> {
    matched(
        &lint_md(&format!(
            "# Baker\n\nA bakery in London, United Kingdom.\n\n{text}\n"
        )),
        RULE,
    )
}

fn with_locale(text: &str, tag: &str) -> Vec<String> {
    let mut doc = Doc::from_text("post.txt", text);
    doc.facts.locale = Some(tag.to_string());
    matched(&lint(&doc, &Config::default()), RULE)
}

#[test]
fn the_data_names_its_source_and_every_term_a_known_locale() {
    let file = terms();
    assert!(file.source.len() > 20);
    for t in &file.term {
        assert!(!t.us.is_empty() && !t.local.is_empty(), "{:?}", t.us);
        for tag in t.local.keys() {
            assert!(locale::get(tag).is_some(), "{tag}");
            assert_ne!(tag, locale::DEFAULT);
        }
    }
}

#[test]
fn us_spelling_and_terms_in_a_uk_posting() {
    assert_eq!(
        uk(
            "Pick the color of each cake. We match your 401(k) and need a high school diploma or GED. Give your zip code."
        ),
        ["color", "401(k)", "high school diploma", "GED", "zip code"]
    );
    let f = lint_md("# Baker\n\nA bakery in London, United Kingdom.\n\nPick a color.\n");
    let n = of(&f, RULE);
    assert_eq!(n[0].suggestion.as_deref(), Some("use `colour` (en-GB)"));
    assert_eq!(n[0].severity, crate::lint::Severity::Note);
}

#[test]
fn the_same_words_in_a_us_posting_are_fine() {
    let text = "# Baker\n\nA bakery in Denver, CO.\n\nPick the color. We match your 401(k) and need a high school diploma or GED.\n";
    assert!(matched(&lint_md(text), RULE).is_empty());
    // No country, no locale: nothing to compare with.
    assert!(matched(&lint_md("# Baker\n\nPick the color.\n"), RULE).is_empty());
}

#[test]
fn canada_writes_organize_but_colour_and_cheque() {
    let text = "Organize the shelves, pick a color, cash checks and check the till.";
    assert_eq!(with_locale(text, "en-CA"), ["color", "cash checks"]);
    assert_eq!(
        with_locale(text, "en-GB"),
        ["Organize", "color", "cash checks"]
    );
}

#[test]
fn names_addresses_and_code_are_left_alone() {
    assert!(
        uk("You train at the Kennedy Space Center. Color Street Inc. is our client. Visit https://example.com/color or mail color@example.com. Set `color` in the file.")
            .is_empty()
    );
    // The verb "check" and software "program" are no findings.
    assert!(uk("Check the program before you check out.").is_empty());
    // Case is kept in the fix.
    let f = lint_md("# Baker\n\nA bakery in London, United Kingdom.\n\nColor matters.\n");
    assert_eq!(
        of(&f, RULE)[0].suggestion.as_deref(),
        Some("use `Colour` (en-GB)")
    );
}

#[test]
fn resume_is_a_cv_in_the_uk_and_ireland_only_as_the_document() {
    assert_eq!(with_locale("Send your resume.", "en-IE"), ["your resume"]);
    assert!(with_locale("Send your resume.", "en-AU").is_empty());
    assert!(with_locale("Work resumes at nine; resume after lunch.", "en-GB").is_empty());
}

#[test]
fn a_bare_dollar_is_noted_only_where_the_dollar_is_ambiguous() {
    let marked = "Pay: CA$21.00 an hour, and a $500 signing bonus.";
    assert_eq!(with_locale(marked, "en-CA"), ["$500"]);
    // One dollar country, one way of writing it: fine.
    assert!(with_locale("Pay: $21.00 an hour, and a $500 bonus.", "en-CA").is_empty());
    // An amount with its code after it is marked.
    assert!(with_locale("Pay: US$40,000, and a $500 USD bonus.", "en-US").is_empty());
    let mut doc = Doc::from_text("post.txt", "A $500 signing bonus.");
    doc.facts.country = Some("CA".into());
    doc.facts.applicant_countries = vec!["CA".into(), "US".into()];
    let f = lint(&doc, &Config::default());
    let n = of(&f, RULE);
    assert_eq!(n.len(), 1);
    assert_eq!(n[0].suggestion.as_deref(), Some("write `CA$500`"));
}

#[test]
fn real_world_names_and_words_with_a_second_reading_are_no_findings() {
    let text = "Analyst\n\nYou support the Department of Defense account and the World Health Organization. \
                Work resumes each Monday. License the software for each seat. \
                Inventory checks run weekly. Run the dialog in the program.";
    assert!(
        with_locale(text, "en-GB").is_empty(),
        "{:?}",
        with_locale(text, "en-GB")
    );
    // A title is capitalised throughout, so a US spelling there is still one.
    let f = lint_md("# Call Center Agent\n\nA call centre in Leeds, United Kingdom.\n");
    assert_eq!(matched(&f, RULE), ["Center"]);
}

#[test]
fn each_locale_gets_its_own_local_form() {
    let help = |tag: &str| {
        let mut doc = Doc::from_text("post.txt", "Give your zip code.");
        doc.facts.locale = Some(tag.to_string());
        of(&lint(&doc, &Config::default()), RULE)[0]
            .suggestion
            .clone()
            .unwrap()
    };
    assert_eq!(help("en-IE"), "use `Eircode` (en-IE)");
    assert_eq!(help("en-CA"), "use `postal code` (en-CA)");
    assert_eq!(help("en-AU"), "use `postcode` (en-AU)");
    // Dollars inside an address are not amounts.
    assert!(with_locale("Pay: CA$20. See https://example.com/$50 for more.", "en-CA").is_empty());
}

#[test]
fn a_us_term_in_a_sentence_about_the_us_is_not_a_finding() {
    assert!(uk("Staff in the US get a 401(k) match.").is_empty());
    assert!(uk("In the United States we offer a 401(k).").is_empty());
    assert_eq!(uk("We offer a 401(k) match."), ["401(k)"]);
    // Spelling is still the posting's own, whatever the sentence is about.
    assert_eq!(uk("Our US team picks the color."), ["color"]);
}
