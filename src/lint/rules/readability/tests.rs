//! Readability and length: syllables, Flesch–Kincaid, and each check.

use super::*;
use crate::lint::tests::{lint_md, lint_md_with, matched, of};

#[test]
fn syllable_heuristic() {
    let cases = [
        ("the", 1),
        ("cat", 1),
        ("bake", 1),
        ("baked", 1),
        ("bakes", 1),
        ("table", 2),
        ("people", 2),
        ("wanted", 2),
        ("boxes", 2),
        ("every", 3),
        ("morning", 2),
        ("bakers", 2),
        ("your", 1),
        ("year", 1),
        ("daily", 2),
        ("they", 1),
        ("café", 2),
        ("responsibilities", 6),
        ("x", 1),
    ];
    for (w, n) in cases {
        assert_eq!(syllables(w), n, "{w}");
    }
}

#[test]
fn flesch_kincaid_hand_computed() {
    // 6 words, 1 sentence, 6 syllables:
    // 0.39 × 6 + 11.8 × 1 − 15.59 = 2.34 + 11.8 − 15.59 = −1.45
    let s = stats("The cat sat on the mat.");
    assert_eq!((s.words, s.sentences, s.syllables), (6, 1, 6));
    assert!((s.grade().unwrap() - (-1.45)).abs() < 1e-9);

    // You(1) will(1) bake(1) bread(1) every(3) morning(2) = 6 words, 9 syllables;
    // Our(1) bakers(2) share(1) recipes(2: "-pes" drops its e) = 4 words, 6 syllables.
    // 10 words, 2 sentences, 15 syllables:
    // 0.39 × 5 + 11.8 × 1.5 − 15.59 = 1.95 + 17.7 − 15.59 = 4.06
    let s = stats("You will bake bread every morning. Our bakers share recipes.");
    assert_eq!((s.words, s.sentences, s.syllables), (10, 2, 15));
    assert!((s.grade().unwrap() - 4.06).abs() < 1e-9);

    // Numbers are not words; "$18.50" does not end a sentence.
    let s = stats("Pay is $18.50 an hour.");
    assert_eq!((s.words, s.sentences), (4, 1));
    assert_eq!(stats("").grade(), None);
}

const HARD: &str = "Incumbents systematically operationalize multidisciplinary organizational \
    responsibilities, facilitating comprehensive interdepartmental communication. \
    Additionally, individuals administer sophisticated documentation, evaluating \
    institutional compliance considerations. Consequently, representatives \
    collaboratively prioritize infrastructural modernization initiatives. Furthermore, \
    stakeholders continuously reevaluate organizational accountability methodologies and \
    interdependent operational capabilities.";

#[test]
fn reading_grade_on_prose_only() {
    let f = lint_md(&format!("# Baker\n\n{HARD}\n"));
    let g = of(&f, "reading-grade");
    assert_eq!(g.len(), 1);
    assert!(
        g[0].message.starts_with("prose reads at US grade"),
        "{}",
        g[0].message
    );
    assert_eq!(g[0].line, 3);
    // The same words as a list of short noun bullets are not graded.
    let bullets: String = HARD
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| format!("- {}\n", w.trim_end_matches([',', '.'])))
        .collect();
    assert!(of(&lint_md(&format!("# Baker\n\n{bullets}")), "reading-grade").is_empty());
    // Easy prose passes; the band is configurable.
    let easy =
        "You bake bread. You sell it. You clean the shop. You greet the people who come in. "
            .repeat(3);
    assert!(of(&lint_md(&format!("# Baker\n\n{easy}\n")), "reading-grade").is_empty());
    let f = lint_md_with(
        &format!("# Baker\n\n{HARD}\n"),
        "[lint]\ngrade_max = 99.0\n",
    );
    assert!(of(&f, "reading-grade").is_empty());
}

#[test]
fn word_count_band() {
    let f = lint_md("# Baker\n\nShort.\n");
    assert!(
        of(&f, "word-count")[0]
            .message
            .contains("too short: 1 words")
    );
    let words = "bread ".repeat(400);
    assert!(of(&lint_md(&format!("# Baker\n\n{words}\n")), "word-count").is_empty());
    let words = "bread ".repeat(701);
    assert!(
        of(&lint_md(&format!("# Baker\n\n{words}\n")), "word-count")[0]
            .message
            .contains("too long: 701 words")
    );
    let f = lint_md_with(
        "# Baker\n\nShort.\n",
        "[lint]\nwords = { min = 1, max = 5 }\n",
    );
    assert!(of(&f, "word-count").is_empty());
}

#[test]
fn long_sentences() {
    let long = format!("{} end.", "word ".repeat(26));
    let f = lint_md(&format!(
        "# Baker\n\nShort one. {long} Another short one.\n"
    ));
    let l = of(&f, "long-sentence");
    assert_eq!(l.len(), 1);
    assert_eq!((l[0].line, l[0].col), (3, 12));
    assert!(l[0].message.starts_with("sentence has 27 words"));
    let ok = format!("{} end.", "word ".repeat(24));
    assert!(of(&lint_md(&format!("# Baker\n\n{ok}\n")), "long-sentence").is_empty());
    // A long bullet is a long sentence too.
    assert_eq!(
        of(&lint_md(&format!("# Baker\n\n- {long}\n")), "long-sentence").len(),
        1
    );
}

#[test]
fn bullets_per_section() {
    let list = |n: usize| {
        (1..=n)
            .map(|i| format!("- Task number {i}\n"))
            .collect::<String>()
    };
    let f = lint_md(&format!("# Baker\n\n## Duties\n\n{}", list(11)));
    let b = of(&f, "too-many-bullets");
    assert_eq!(b.len(), 1);
    assert_eq!(b[0].line, 15);
    assert!(b[0].message.starts_with("\"Duties\" has 11 bullets"));
    assert!(
        of(
            &lint_md(&format!("# Baker\n\n## Duties\n\n{}", list(10))),
            "too-many-bullets"
        )
        .is_empty()
    );
    // Two headings of ten each are fine.
    let two = format!(
        "# Baker\n\n## Duties\n\n{}\n## Tasks\n\n{}",
        list(10),
        list(10)
    );
    assert!(of(&lint_md(&two), "too-many-bullets").is_empty());
}

#[test]
fn required_qualifications() {
    let list = |n: usize| {
        (1..=n)
            .map(|i| format!("- Skill number {i}\n"))
            .collect::<String>()
    };
    let f = lint_md(&format!("# Baker\n\n## Requirements\n\n{}", list(9)));
    assert_eq!(of(&f, "too-many-requirements").len(), 1);
    // Nice-to-haves and "(preferred)" bullets are not required.
    let text = format!(
        "# Baker\n\n## Requirements\n\n{}- Forklift licence (preferred)\n- Spanish is a plus\n\n## Nice to have\n\n{}",
        list(8),
        list(5)
    );
    assert!(of(&lint_md(&text), "too-many-requirements").is_empty());
    // Duties are not qualifications.
    assert!(
        of(
            &lint_md(&format!("# Baker\n\n## Duties\n\n{}", list(9))),
            "too-many-requirements"
        )
        .is_empty()
    );
}

#[test]
fn title_length() {
    let t = "Senior Artisan Sourdough and Viennoiserie Production Baker Lead X";
    assert!(t.chars().count() > 60);
    assert_eq!(of(&lint_md(&format!("# {t}\n")), "title-length").len(), 1);
    assert!(of(&lint_md("# Senior Sourdough Baker\n"), "title-length").is_empty());
}

#[test]
fn title_noise_kinds() {
    let noise = |t: &str| matched(&lint_md(&format!("# {t}\n")), "title-noise");
    assert_eq!(noise("Baker - Denver, CO"), ["Denver, CO"]);
    assert_eq!(noise("Remote Baker"), ["Remote"]);
    assert_eq!(noise("Baker $20/hr"), ["$20"]);
    assert_eq!(noise("Baker (REQ-20391)"), ["REQ-20391"]);
    assert_eq!(noise("Baker #4432"), ["#4432"]);
    assert_eq!(noise("URGENT Baker"), ["URGENT"]);
    assert_eq!(noise("Baker!!"), ["!"]);
    assert_eq!(noise("SENIOR BAKER"), ["SENIOR BAKER"]);
    // Look-alikes that are fine.
    for t in [
        "Senior Baker",
        "CNC Machinist",
        "HVAC Technician II",
        "3D Artist",
        "SCADA Engineer",
        "Lead Pastry Chef",
        "Baker, Level 2",
    ] {
        assert!(noise(t).is_empty(), "{t}: {:?}", noise(t));
    }
}

#[test]
fn plain_text_title_in_capitals_is_the_format_not_shouting() {
    let noise = |text: &str| matched(&crate::lint::tests::lint_txt(text), "title-noise");
    assert!(noise("SENIOR BAKER\n\nBake bread.\n").is_empty());
    // Part capitals, and marketing words, still count.
    assert_eq!(
        noise("Baker NEEDED TODAY\n\nBake bread.\n"),
        ["NEEDED TODAY"]
    );
    assert_eq!(noise("URGENT BAKER\n\nBake bread.\n"), ["URGENT"]);
}

#[test]
fn a_bold_label_does_not_hide_a_sentence_break() {
    let text = "# Baker\n\n## Where and when you'll work\n\n- **Schedule:** The branch is open \
                weekdays from eight in the morning until six in the evening and on Saturday \
                mornings. You work two Saturday mornings a month and get a weekday off.\n";
    let f = lint_md(text);
    assert!(of(&f, "long-sentence").is_empty(), "{f:#?}");
    // A long sentence inside a bullet is still found, without its label.
    let long = "- **Schedule:** one two three four five six seven eight nine ten eleven twelve \
                thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twentyone \
                twentytwo twentythree twentyfour twentyfive twentysix.\n";
    let f = lint_md(&format!("# Baker\n\n{long}"));
    let l = of(&f, "long-sentence");
    assert_eq!(l.len(), 1);
    assert!(
        l[0].matched
            .as_deref()
            .is_some_and(|m| m.starts_with("one two"))
    );
}

#[test]
fn matched_text_across_a_line_break_is_one_line() {
    let words = (1..=30).map(|i| format!("w{i}x")).collect::<Vec<_>>();
    let text = format!(
        "# Baker\n\n{}\n{}.\n",
        words[..15].join(" "),
        words[15..].join(" ")
    );
    let f = lint_md(&text);
    let l = of(&f, "long-sentence");
    assert_eq!(l.len(), 1);
    assert!(!l[0].matched.as_deref().unwrap_or("\n").contains('\n'));
    assert!(
        l[0].matched
            .as_deref()
            .is_some_and(|m| m.contains("w15x w16x"))
    );
}

#[test]
fn german_and_french_syllables() {
    use super::ease::syllables;
    use crate::lint::Lang;
    for (w, n) in [
        ("Theater", 3),
        ("Situation", 5),
        ("Bewerbung", 3),
        ("Qualität", 3),
        ("Feuer", 2),
        ("Zeit", 1),
        ("Kassierer", 3),
    ] {
        assert_eq!(syllables(Lang::De, w), n, "{w}");
    }
    for (w, n) in [
        ("équipe", 2),
        ("boutique", 2),
        ("livres", 1),
        ("le", 1),
        ("rémunération", 5),
        ("vous", 1),
        ("conseillez", 3),
    ] {
        assert_eq!(syllables(Lang::Fr, w), n, "{w}");
    }
}

#[test]
fn reading_ease_formulas_hand_computed() {
    use super::ease::score;
    use crate::lint::Lang;
    // 20 words, 2 sentences, 30 syllables: ASL 10, ASW 1.5.
    let s = TextStats {
        words: 20,
        sentences: 2,
        syllables: 30,
    };
    let de = score(Lang::De, &s).unwrap();
    let fr = score(Lang::Fr, &s).unwrap();
    assert!((de - (180.0 - 10.0 - 58.5 * 1.5)).abs() < 1e-9, "{de}");
    assert!(
        (fr - (207.0 - 1.015 * 10.0 - 73.6 * 1.5)).abs() < 1e-9,
        "{fr}"
    );
    assert_eq!(score(Lang::En, &s), None);
}

#[test]
fn reading_ease_runs_for_german_and_grade_does_not() {
    let hard = "Die Sachbearbeitung übernimmt im Rahmen der ordnungsgemäßen Abwicklung \
                sämtlicher buchhalterischer Geschäftsvorfälle die eigenverantwortliche \
                Kontierung, Erfassung und Abstimmung der Kreditorenbuchhaltung einschließlich \
                der dazugehörigen Umsatzsteuervoranmeldungen sowie die Mitwirkung bei der \
                Erstellung der Monatsabschlüsse nach handelsrechtlichen Vorschriften.";
    let f = lint_md(&format!(
        "---\nlang: de\n---\n# Buchhaltung (m/w/d)\n\n{hard}\n"
    ));
    assert_eq!(of(&f, "reading-ease").len(), 1);
    assert!(of(&f, "reading-grade").is_empty());
    let easy = "Sie kassieren. Sie beraten die Kundschaft. Sie zählen die Kasse. Sie füllen \
                Regale auf. Sie helfen im Lager. Sie grüßen die Gäste. Sie packen Waren aus. \
                Sie machen gern mit.";
    let f = lint_md(&format!(
        "---\nlang: de\n---\n# Kassierer (m/w/d)\n\n{easy}\n"
    ));
    assert!(of(&f, "reading-ease").is_empty());
}
