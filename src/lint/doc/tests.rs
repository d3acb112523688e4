//! Tests for the document builders and suppression parsing.

use super::suppress::directive_body;
use super::*;

fn brief(doc: &Doc) -> Vec<(Section, SegKind, String, usize, usize)> {
    doc.segments
        .iter()
        .map(|s| (s.section, s.kind, s.text.clone(), s.loc.line, s.loc.col))
        .collect()
}

#[test]
fn headings_classify_into_sections() {
    let cases = [
        ("Responsibilities", Some(Section::Duties)),
        ("What you'll do", Some(Section::Duties)),
        ("What You’ll Do", Some(Section::Duties)),
        ("Duties", Some(Section::Duties)),
        ("Requirements", Some(Section::Qualifications)),
        ("Qualifications", Some(Section::Qualifications)),
        ("What you bring", Some(Section::Skills)),
        ("Skills", Some(Section::Skills)),
        ("Pay", Some(Section::Pay)),
        ("Salary", Some(Section::Pay)),
        ("Compensation & Benefits", Some(Section::Pay)),
        ("Benefits", Some(Section::Benefits)),
        ("How to apply", Some(Section::Apply)),
        ("About us", Some(Section::Company)),
        ("Who we are", Some(Section::Company)),
        ("About the role", Some(Section::Purpose)),
        ("Schedule", Some(Section::Conditions)),
        ("Working conditions", Some(Section::Conditions)),
        ("Where you'll work", Some(Section::Conditions)),
        ("Physical requirements", Some(Section::Conditions)),
        ("Equal opportunity", Some(Section::Eeo)),
        ("Our stack", None),
        ("Payroll", None),
    ];
    for (h, want) in cases {
        assert_eq!(classify_heading(h), want, "{h}");
    }
}

#[test]
fn markdown_segments_sections_lists_and_positions() {
    let text = "---\ntitle: x\n---\n# Baker\n\nIntro **text** here.\n\n## What you'll do\n\n- Bake\n- Serve *coffee*\n\n  More about serving.\n\n### Tools\n\n- Ovens\n\n## Salary\n\n$50,000 a year.\n\n```\nrockstar code\n```\n";
    let doc = Doc::from_markdown("p.md", text);
    let b = brief(&doc);
    assert_eq!(
        b,
        vec![
            (Section::Title, SegKind::Title, "Baker".into(), 4, 3),
            (
                Section::Purpose,
                SegKind::Prose,
                "Intro   text   here.".into(),
                6,
                1
            ),
            (
                Section::Duties,
                SegKind::Heading,
                "What you'll do".into(),
                8,
                4
            ),
            (Section::Duties, SegKind::Bullet, "Bake".into(), 10, 3),
            (
                Section::Duties,
                SegKind::Bullet,
                "Serve  coffee".into(),
                11,
                3
            ),
            (
                Section::Duties,
                SegKind::Prose,
                "More about serving.".into(),
                13,
                3
            ),
            (Section::Duties, SegKind::Heading, "Tools".into(), 15, 5),
            (Section::Duties, SegKind::Bullet, "Ovens".into(), 17, 3),
            (Section::Pay, SegKind::Heading, "Salary".into(), 19, 4),
            (
                Section::Pay,
                SegKind::Prose,
                "$50,000 a year.".into(),
                21,
                1
            ),
        ]
    );
    let lists: Vec<Option<usize>> = doc.segments.iter().map(|s| s.list).collect();
    assert_eq!(lists[3], lists[4]);
    assert_ne!(lists[4], lists[7]);
    assert!(lists[3].is_some());
}

#[test]
fn markdown_without_h1_takes_a_leading_unknown_heading_as_title() {
    let doc = Doc::from_markdown("p.md", "## Pastry Chef\n\nText.\n");
    assert_eq!(doc.title().map(|t| t.text.as_str()), Some("Pastry Chef"));
    let doc = Doc::from_markdown("p.md", "## Duties\n\nText.\n");
    assert!(doc.title().is_none());
}

#[test]
fn labels_set_a_block_section() {
    let doc = Doc::from_markdown(
        "p.md",
        "# Baker\n\n**Location:** Denver, CO\n\nSalary: $20/hr\n\nPlain.\n",
    );
    let secs: Vec<Section> = doc.segments.iter().map(|s| s.section).collect();
    assert_eq!(
        secs,
        [
            Section::Title,
            Section::Conditions,
            Section::Pay,
            Section::Purpose
        ]
    );
}

#[test]
fn columns_count_chars_not_bytes() {
    let doc = Doc::from_markdown("p.md", "# Café Crème\n\nÜber naïve rockstar.\n");
    let seg = &doc.segments[1];
    let k = seg
        .text
        .find("rockstar")
        .map(|b| seg.text[..b].chars().count())
        .unwrap();
    assert_eq!(seg.loc_at(k), Loc::new(3, 12));
}

#[test]
fn plain_text_headings_bullets_and_paragraphs() {
    let text = "Line Cook\n\nABOUT US\nWe cook food\nfor people.\n\nResponsibilities:\n- Prep vegetables\n  and sauces\n• Clean\n\n1. Cook\n2) Plate\n\nBenefits\n\nHealth insurance.\n";
    let doc = Doc::from_text("p.txt", text);
    let b = brief(&doc);
    assert_eq!(
        b,
        vec![
            (Section::Title, SegKind::Title, "Line Cook".into(), 1, 1),
            (Section::Company, SegKind::Heading, "ABOUT US".into(), 3, 1),
            (
                Section::Company,
                SegKind::Prose,
                "We cook food\nfor people.".into(),
                4,
                1
            ),
            (
                Section::Duties,
                SegKind::Heading,
                "Responsibilities".into(),
                7,
                1
            ),
            (
                Section::Duties,
                SegKind::Bullet,
                "Prep vegetables\n  and sauces".into(),
                8,
                3
            ),
            (Section::Duties, SegKind::Bullet, "Clean".into(), 10, 3),
            (Section::Duties, SegKind::Bullet, "Cook".into(), 12, 4),
            (Section::Duties, SegKind::Bullet, "Plate".into(), 13, 4),
            (
                Section::Benefits,
                SegKind::Heading,
                "Benefits".into(),
                15,
                1
            ),
            (
                Section::Benefits,
                SegKind::Prose,
                "Health insurance.".into(),
                17,
                1
            ),
        ]
    );
    // One list across a blank line; the continuation line maps exactly.
    assert_eq!(doc.segments[4].list, doc.segments[7].list);
    assert_eq!(doc.segments[4].loc_at(18), Loc::new(9, 3));
}

#[test]
fn plain_text_handles_crlf_and_bom() {
    let doc = Doc::from_text("p.txt", "\u{feff}Baker\r\n\r\nWe bake.\r\n");
    assert_eq!(doc.segments[0].text, "Baker");
    assert_eq!(doc.segments[1].text, "We bake.");
    assert_eq!(doc.segments[1].loc, Loc::new(3, 1));
}

#[test]
fn markdown_directives_resolve_to_lines() {
    let text = "# T\n\n<!-- jobpost-disable a, b -->\n\nPara one\nline two\n\nX <!-- jobpost-disable c -->\n<!-- jobpost-disable-file d -->\n";
    let doc = Doc::from_markdown("p.md", text);
    let s = &doc.suppressions;
    let has = |rule: &str, line: usize| s.iter().any(|x| x.covers(rule, line));
    assert!(has("a", 5) && has("b", 6) && !has("a", 8));
    assert!(has("c", 8) && !has("c", 5));
    assert!(has("d", 1) && has("d", 99));
    assert!(!has("e", 5));
}

#[test]
fn not_a_directive() {
    assert!(directive_body("jobpost-disabled x").is_none());
    assert!(directive_body("see jobpost-disable x").is_none());
    assert_eq!(
        directive_body(" jobpost-disable x,y  z").map(|d| d.1.len()),
        Some(3)
    );
}

#[test]
fn toml_suppressions() {
    let text = r##"title = "Rockstar # not a comment"  # jobpost-disable hype-title
# jobpost-disable word-count
# a plain comment

description = """
A #hash inside
lines"""
pay = "x"
tags = [
  "a",  # jobpost-disable banned-word
  "b",
]
# jobpost-disable-file gender-coded
"##;
    let s = parse_toml_suppressions(text);
    let lines = |rule: &str| -> Vec<Option<usize>> {
        s.iter()
            .filter(|x| x.rules.iter().any(|r| r == rule))
            .map(|x| x.line)
            .collect()
    };
    assert_eq!(lines("hype-title"), [Some(1)]);
    assert_eq!(lines("word-count"), [Some(5), Some(6), Some(7)]);
    assert_eq!(lines("banned-word"), [Some(10)]);
    assert_eq!(lines("gender-coded"), [None]);
    assert_eq!(s.len(), 6);
}

#[test]
fn toml_suppression_on_unterminated_string_does_not_panic() {
    let s = parse_toml_suppressions("a = \"open\n# jobpost-disable x\nb = 1\n");
    assert_eq!(
        s,
        vec![Suppression {
            rules: vec!["x".into()],
            line: Some(3)
        }]
    );
}

#[test]
fn headings_real_postings_use() {
    for (heading, section) in [
        ("Person specification", Section::Qualifications),
        ("Your profile", Section::Skills),
        ("Where and when you'll work", Section::Conditions),
        ("You will", Section::Duties),
        ("You'll have", Section::Skills),
        ("Essential", Section::Qualifications),
        ("At this level you will:", Section::Duties),
        ("What the job involves", Section::Duties),
        ("As a Service Designer you will:", Section::Duties),
        ("Selection criteria", Section::Qualifications),
        ("Selection process details", Section::Apply),
    ] {
        assert_eq!(classify_heading(heading), Some(section), "{heading}");
    }
    // Whole-heading entries do not take over longer headings.
    assert_ne!(
        classify_heading("What you will achieve"),
        Some(Section::Duties)
    );
}

#[test]
fn front_matter_title_is_the_title_when_there_is_no_h1() {
    let doc = Doc::from_markdown(
        "p.md",
        "---\nlayout: job\ntitle: \"Clinic Receptionist\"\n---\n\nYou greet patients.\n",
    );
    let t = doc.title().expect("title");
    assert_eq!(
        (t.text.as_str(), t.loc),
        ("Clinic Receptionist", Loc::new(3, 9))
    );
    // An H1 still wins.
    let doc = Doc::from_markdown("p.md", "---\ntitle: Old\n---\n\n# Baker\n\nText.\n");
    assert_eq!(doc.title().map(|t| t.text.as_str()), Some("Baker"));
}

#[test]
fn a_posting_all_in_front_matter_is_read_from_its_own_keys() {
    let src = "---\nlayout: job\ntitle: Porter\nblurb: \"You carry bags and keep the lobby clear.\"\n\
               list_one:\n  - item: Greet guests at the door\n  - item: Dental: covered\n\
               hero: /img/lobby.jpg\nbadge: new\n---\n";
    let doc = Doc::from_markdown("p.md", src);
    let texts: Vec<String> = brief(&doc).into_iter().map(|b| b.2).collect();
    assert!(
        texts
            .iter()
            .any(|t| t == "You carry bags and keep the lobby clear."),
        "{texts:?}"
    );
    assert!(
        texts.iter().any(|t| t == "Greet guests at the door"),
        "{texts:?}"
    );
    // A capitalised label is the item's text; paths and one-word values are not prose.
    assert!(texts.iter().any(|t| t == "Dental: covered"), "{texts:?}");
    assert!(
        !texts.iter().any(|t| t.contains("lobby.jpg") || t == "new"),
        "{texts:?}"
    );
    // With a body, keys no list names stay out.
    let doc = Doc::from_markdown("p.md", &format!("{src}\n# Porter\n\nYou carry bags.\n"));
    let texts: Vec<String> = brief(&doc).into_iter().map(|b| b.2).collect();
    assert!(
        !texts.iter().any(|t| t.contains("Greet guests")),
        "{texts:?}"
    );
}

#[test]
fn a_list_of_job_records_in_front_matter_is_read_key_by_key() {
    let src = "---\ntitle: Emplois\njobs:\n  - job_date: '2018-04-18'\n    job_desc: >-\n      \
               Nous cherchons des chauffeurs pour des transports vers le Nord.\n    \
               job_salary: À négocier\n    job_title: Chauffeur\n---\n";
    let doc = Doc::from_markdown("p.md", src);
    let texts: Vec<String> = brief(&doc).into_iter().map(|b| b.2).collect();
    assert!(
        texts
            .iter()
            .any(|t| t.contains("Nous cherchons des chauffeurs")),
        "{texts:?}"
    );
    assert!(texts.iter().any(|t| t.contains("À négocier")), "{texts:?}");
    assert_eq!(doc.facts.posted_on.as_deref(), Some("2018-04-18"));
}

#[test]
fn a_schema_org_salary_map_in_front_matter_is_the_pay() {
    let src = "---\nposition: \"Apprentice Electrician\"\ndatePosted: \"2024-11-21T00:00:00Z\"\n\
               baseSalary:\n  currency: \"USD\"\n  value: 26\n  minValue: 22\n  maxValue: 36\n  \
               unitText: \"Hour\"\n---\n\nYou will wire shops in Fresno, California.\n";
    let doc = Doc::from_markdown("p.md", src);
    let pay = doc.facts.pay.as_ref().expect("pay");
    assert_eq!((pay.min, pay.max), (Some(22.0), Some(36.0)));
    assert_eq!(doc.facts.posted_on.as_deref(), Some("2024-11-21"));
}

#[test]
fn plain_text_known_heading_may_run_into_its_text() {
    let doc = Doc::from_text(
        "p.txt",
        "Receptionist\n\nIntro text here.\n\nWhere and when you'll work\nWeekdays at the clinic.\n",
    );
    let b = brief(&doc);
    assert_eq!(b[2].0, Section::Conditions);
    assert_eq!(b[2].1, SegKind::Heading);
    assert_eq!((b[3].0, b[3].1), (Section::Conditions, SegKind::Prose));
}

#[test]
fn html_pages_are_read_by_their_structure() {
    let page = "<!DOCTYPE html>\n<html><head><title>Baker at Crumb</title>\n\
<style>h1 { COLOR: RED }</style><script>var SHOUT = \"IGNORE ME\";</script></head>\n\
<body><h1>Baker</h1>\n<p>You bake bread &amp; rolls for <b>our</b> caf&eacute;.</p>\n\
<h2>What you&#39;ll do</h2>\n<ul><li>Shape loaves</li><li>Run the oven</li></ul>\n\
<!-- a comment -->\n</body></html>\n";
    let doc = Doc::from_html("p.html", page);
    let b = brief(&doc);
    assert_eq!(
        b[0],
        (Section::Title, SegKind::Title, "Baker".into(), 4, 11)
    );
    assert_eq!(b[1].1, SegKind::Prose);
    assert!(
        b[1].2
            .starts_with("You bake bread &     rolls for    our     caf"),
        "{:?}",
        b[1].2
    );
    assert_eq!((b[2].0, b[2].1), (Section::Duties, SegKind::Heading));
    assert_eq!((b[3].1, b[3].2.as_str()), (SegKind::Bullet, "Shape loaves"));
    assert_eq!(doc.segments[3].list, doc.segments[4].list);
    assert!(
        doc.segments
            .iter()
            .all(|s| !s.text.contains("IGNORE") && !s.text.contains("COLOR"))
    );
    // Without an <h1> the page's <title> is the title.
    let doc = Doc::from_html("p.html", "<title>Baker</title><p>Text.</p>");
    assert_eq!(doc.title().map(|t| t.text.as_str()), Some("Baker"));
}

#[test]
fn html_oddities_do_not_panic() {
    for page in [
        "<",
        "<p",
        "<p>&",
        "&#xZZ;",
        "<!--",
        "<script>never closed",
        "<a href='>'>x</a>",
        "<p>é&amp;</p>",
        "</p></ul><li>x",
        "<ul><li>a<ul><li>b</li></ul></li></ul>",
    ] {
        let _ = Doc::from_html("p.html", page);
    }
}

#[test]
fn markdown_bold_paragraphs_are_headings_and_bold_sentences_are_not() {
    let src = "**Baker**\n\n**About Us**\n\nWe bake.\n\n**The Job:**\n\n- Mix dough\n\n\
               **Applications close on Friday.**\n\n**Note:** bring your own apron\n";
    let doc = Doc::from_markdown("p.md", src);
    let got: Vec<(Section, SegKind)> = doc.segments.iter().map(|s| (s.section, s.kind)).collect();
    assert_eq!(
        got,
        [
            (Section::Title, SegKind::Title),
            (Section::Company, SegKind::Heading),
            (Section::Company, SegKind::Prose),
            (Section::Duties, SegKind::Heading),
            (Section::Duties, SegKind::Bullet),
            // A bold sentence and a bold label followed by text stay paragraphs.
            (Section::Duties, SegKind::Prose),
            (Section::Duties, SegKind::Prose),
        ]
    );
}

#[test]
fn markdown_label_lines_are_read_one_by_one() {
    // Soft breaks before labels, a hard break (two spaces), and a soft break inside a
    // sentence, which stays one paragraph; "9:30" is a time, not a label.
    let src = "# Baker\n\nURL: https://example.com/job  \nLocation: Leeds\nSalary: £12 an hour\n\n\
               We open at\n9:30 every day.\n";
    let doc = Doc::from_markdown("p.md", src);
    let got: Vec<(Section, usize)> = doc
        .segments
        .iter()
        .map(|s| (s.section, s.loc.line))
        .collect();
    assert_eq!(
        got,
        [
            (Section::Title, 1),
            (Section::Purpose, 3),
            (Section::Conditions, 4),
            (Section::Pay, 5),
            (Section::Purpose, 7),
        ]
    );
}

#[test]
fn a_list_under_the_role_is_duties_and_a_pay_headline_keeps_the_section() {
    let src = "# Cook\n\n## Up to £31,000 + benefits\n\nWe run a café.\n\n## The role\n\n\
               You keep the kitchen going.\n\n- Cook breakfasts\n";
    let doc = Doc::from_markdown("p.md", src);
    let got: Vec<(Section, SegKind)> = doc.segments.iter().map(|s| (s.section, s.kind)).collect();
    assert_eq!(
        got,
        [
            (Section::Title, SegKind::Title),
            (Section::Pay, SegKind::Heading),
            (Section::Purpose, SegKind::Prose),
            (Section::Purpose, SegKind::Heading),
            (Section::Purpose, SegKind::Prose),
            (Section::Duties, SegKind::Bullet),
        ]
    );
}

#[test]
fn a_lead_in_naming_a_section_heads_its_list() {
    let md = "# Clerk\n\nWe file papers.\n\nWe are looking for someone who will:\n\n- File\n\n\
              A great candidate can show that they:\n\n- Read well\n\nOur office is small:\n\n- Two desks\n";
    let html = "<h1>Clerk</h1><p>We file papers.</p><p>We are looking for someone who will:</p>\
                <ul><li>File</li></ul><p>A great candidate can show that they:</p><ul><li>Read \
                well</li></ul><p>Our office is small:</p><ul><li>Two desks</li></ul>";
    for doc in [
        Doc::from_markdown("p.md", md),
        Doc::from_html("p.html", html),
    ] {
        let got: Vec<(Section, SegKind)> =
            doc.segments.iter().map(|s| (s.section, s.kind)).collect();
        assert_eq!(
            got,
            [
                (Section::Title, SegKind::Title),
                (Section::Purpose, SegKind::Prose),
                (Section::Duties, SegKind::Heading),
                (Section::Duties, SegKind::Bullet),
                (Section::Skills, SegKind::Heading),
                (Section::Skills, SegKind::Bullet),
                // A lead-in that names no section stays a paragraph.
                (Section::Skills, SegKind::Prose),
                (Section::Skills, SegKind::Bullet),
            ]
        );
    }
}

#[test]
fn a_leading_job_title_label_is_the_title() {
    let doc = Doc::from_markdown(
        "p.md",
        "**Position Title:** Site Fitter\n\nWe fit kitchens.\n",
    );
    let t = doc.title().expect("title");
    assert_eq!(
        (t.text.as_str(), t.loc.line, t.loc.col),
        ("Site Fitter", 1, 21)
    );
    // Other labels, or a title label later in the posting, are not the title.
    let doc = Doc::from_markdown("p.md", "Location: Leeds\n\nJob title: Fitter\n");
    assert!(doc.title().is_none());
}

#[test]
fn a_badge_line_of_code_spans_opens_no_section() {
    let doc = Doc::from_markdown(
        "p.md",
        "# Clerk\n#### `⏰ Full-time` `🌎 UK`\n\nWe file papers.\n\n**What do we do?**\n\nWe sell maps.\n",
    );
    let got: Vec<(Section, SegKind)> = doc.segments.iter().map(|s| (s.section, s.kind)).collect();
    assert_eq!(
        got,
        [
            (Section::Title, SegKind::Title),
            (Section::Purpose, SegKind::Prose),
            (Section::Purpose, SegKind::Prose),
            (Section::Company, SegKind::Heading),
            (Section::Company, SegKind::Prose),
        ]
    );
}

#[test]
fn a_badge_line_stating_the_pay_is_the_headline_pay() {
    let src = "# Clerk\n#### `💰 USD $52,000~$60,000` `🌎 United States`\n\nWe file papers.\n";
    let doc = Doc::from_markdown("p.md", src);
    let got: Vec<(Section, SegKind)> = doc.segments.iter().map(|s| (s.section, s.kind)).collect();
    assert_eq!(
        got,
        [
            (Section::Title, SegKind::Title),
            (Section::Pay, SegKind::Heading),
            (Section::Purpose, SegKind::Prose),
        ]
    );
    assert!(doc.facts.pay.is_some());
}

#[test]
fn declared_language_from_front_matter_and_html() {
    use crate::lint::Lang;
    let md = Doc::from_markdown("p.md", "---\nlang: de-AT\n---\n# Koch\n");
    assert_eq!(md.lang, Some(Lang::De));
    let md = Doc::from_markdown("p.md", "+++\nlocale = \"fr-CA\"\n+++\n# Serveur\n");
    assert_eq!(md.lang, Some(Lang::Fr));
    let html = Doc::from_html(
        "p.html",
        "<!doctype html><html lang=\"fr\"><h1>Serveur</h1>",
    );
    assert_eq!(html.lang, Some(Lang::Fr));
    let none = Doc::from_markdown("p.md", "---\ntitle: Koch\n---\n# Koch\n");
    assert_eq!(none.lang, None);
    // A template's <html lang="en-us"> over a page its words say is German.
    let page = Doc::from_html(
        "p.html",
        "<html lang=\"en-us\"><h1>Karriere</h1><p>Wir suchen für unser Team in Köln eine \
         Kauffrau oder einen Kaufmann. Sie übernehmen die Buchhaltung und sind für die \
         Ablage zuständig, und wir freuen uns auf die Bewerbung.</p>",
    );
    assert_eq!(page.lang, Some(Lang::De));
}

#[test]
fn german_and_french_headings_name_their_sections() {
    for (h, s) in [
        ("Ihre Aufgaben", Section::Duties),
        ("Das erwartet Sie", Section::Duties),
        ("Ihr Profil", Section::Skills),
        ("Das bringen Sie mit", Section::Skills),
        ("Wir bieten", Section::Benefits),
        ("Das bieten wir", Section::Benefits),
        ("Bewerbung", Section::Apply),
        ("Kontakt", Section::Apply),
        ("Über uns", Section::Company),
        ("Vos missions", Section::Duties),
        ("Profil recherché", Section::Skills),
        ("Rémunération", Section::Pay),
        ("Avantages", Section::Benefits),
        ("Pour postuler", Section::Apply),
        ("Qui sommes-nous ?", Section::Company),
    ] {
        assert_eq!(classify_heading(h), Some(s), "{h}");
    }
}

/// Every heading jobpost's own templates print, in every locale, names its section
/// when a Markdown posting is read back: a German or French posting jobpost wrote
/// is never "missing" a section it has.
#[test]
fn every_catalogue_heading_of_every_locale_is_read_back() {
    let wanted = [
        ("duties", Section::Duties),
        ("bring", Section::Skills),
        ("conditions", Section::Conditions),
        ("physical", Section::Conditions),
        ("pay_and_benefits", Section::Pay),
        ("how_to_apply", Section::Apply),
    ];
    for loc in crate::locale::all() {
        for (key, section) in wanted {
            let heading = loc.text(key);
            let got = classify_heading(heading);
            // "Pay and benefits" may be read as either of the two it names.
            let ok =
                got == Some(section) || (section == Section::Pay && got == Some(Section::Benefits));
            assert!(ok, "{} `{key}` = {heading:?} is read as {got:?}", loc.tag);
        }
    }
}

#[test]
fn a_date_in_the_file_name_is_the_publication_date() {
    let posted = |path: &str, text: &str| Doc::from_markdown(path, text).facts.posted_on;
    assert_eq!(
        posted("_posts/2020-07-24-data-analyst.md", "# Analyst\n\nText.\n").as_deref(),
        Some("2020-07-24")
    );
    assert_eq!(
        posted("jobs/cook-2023-11-02.md", "# Cook\n\nText.\n").as_deref(),
        Some("2023-11-02")
    );
    // The text's own date wins; a number that is not a date is none.
    assert_eq!(
        posted("2020-07-24-x.md", "# Cook\n\nPosted: 2021-03-01\n").as_deref(),
        Some("2021-03-01")
    );
    assert_eq!(posted("jobs/job-12345-2024.md", "# Cook\n\nText.\n"), None);
    assert_eq!(posted("2020-13-45-x.md", "# Cook\n\nText.\n"), None);
    // The digits run together, as some sites name their files.
    assert_eq!(
        posted(
            "careers/PE_Storm_Denver_20230516.md",
            "# Engineer\n\nText.\n"
        )
        .as_deref(),
        Some("2023-05-16")
    );
    // Not inside a longer number, and only a day that exists.
    assert_eq!(posted("req-120230516.md", "# Cook\n\nText.\n"), None);
    assert_eq!(posted("job_20231345.md", "# Cook\n\nText.\n"), None);
    assert_eq!(
        posted("résumé_20230516.md", "# Cook\n\nText.\n").as_deref(),
        Some("2023-05-16")
    );
}

#[test]
fn json_front_matter_is_read_as_hugo_writes_it() {
    let src = "{\n    \"layout\": \"jobs/single\",\n    \"Job\": {\n        \"Title\": \"Empfang (m/w/d)\",\n        \"Text\": \"Ein professionelles Erscheinungsbild rundet dein Profil ab.\",\n        \"tags\": [\"München\"]\n    }\n}\n";
    let doc = Doc::from_markdown("p.md", src);
    assert_eq!(
        doc.title().map(|t| t.text.as_str()),
        Some("Empfang (m/w/d)")
    );
    let text = doc
        .segments
        .iter()
        .find(|s| s.text.contains("Erscheinungsbild"))
        .expect("the text is read");
    assert_eq!(text.loc, Loc::new(5, 18));
    // An object opened on a line is no value: its keys follow.
    assert!(!doc.segments.iter().any(|s| s.text == "{"));
}

#[test]
fn a_json_pay_object_is_read_as_a_yaml_pay_map() {
    let src = "---\n{\n\t\"title\": \"Designer\",\n\t\"salary\": {\n\t\t\"currencyCode\": \"GBP\",\n\t\t\"minValue\": 44000,\n\t\t\"maxValue\": 48000\n\t},\n\t\"tags\": [\"design\"]\n}\n---\n\nText.\n";
    let doc = Doc::from_markdown("p.md", src);
    let pay: Vec<&str> = doc
        .segments
        .iter()
        .filter(|s| s.section == Section::Pay)
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(pay, ["Salary: GBP 44000 - 48000"]);
}

#[test]
fn html_blocks_in_markdown_are_read_in_their_section() {
    let src = "# Engineer\n\n## Pay\n\n<p>Salary range is $90k to $120k.</p>\n\nMore text.\n";
    let doc = Doc::from_markdown("p.md", src);
    let pay = doc
        .segments
        .iter()
        .find(|s| s.text.contains("$90k"))
        .expect("the HTML block is read");
    assert_eq!(pay.section, Section::Pay);
    assert_eq!(pay.loc.line, 5);
    // A page that is HTML more than Markdown is read whole, as the page it is.
    let page =
        "bgclass: careers\n\n<div>\n    <h2>Cook</h2>\n    <p>Salary: $20 an hour</p>\n</div>\n";
    let doc = Doc::from_markdown("p.md", page);
    assert!(doc.segments.iter().any(|s| s.text.contains("$20 an hour")));
}

#[test]
fn an_image_title_in_front_matter_is_not_the_posting_title() {
    let src = "---\nimage:\n  src: /logo.png\n  title: \"Acme-Logo\"\ntitle: \"Jurist*in gesucht\"\n---\n\nText.\n";
    let doc = Doc::from_markdown("p.md", src);
    assert_eq!(
        doc.title().map(|t| t.text.as_str()),
        Some("Jurist*in gesucht")
    );
}

#[test]
fn html_templates_and_pages_in_any_file_are_read_as_html() {
    let page =
        "<?php include 'header.php'; ?>\n<h1>Serveur en salle</h1>\n<p>Service du midi.</p>\n";
    for path in ["careers.php", "jobs/serveur.blade.php", "emploi.njk"] {
        let doc = Doc::from_path_text(path, page);
        let title = doc.title().map(|s| s.text.trim().to_string());
        assert_eq!(title.as_deref(), Some("Serveur en salle"), "{path}");
    }
    let saved =
        "<!DOCTYPE html>\n<html><body><h1>Line Cook</h1><p>Grill and fry.</p></body></html>\n";
    let doc = Doc::from_path_text("saved-page.txt", saved);
    assert_eq!(doc.title().map(|s| s.text.trim()), Some("Line Cook"));
    // Plain text stays plain text.
    let doc = Doc::from_path_text("cook.txt", "Line Cook\n\nGrill and fry.\n");
    assert_eq!(doc.title().map(|s| s.text.trim()), Some("Line Cook"));
}

#[test]
fn html_in_a_front_matter_field_is_read_as_html() {
    let src = "+++\ncontent = \"<p>Wir suchen</p><p>-Pflasterer</p><p>• Bauhelfer</p><p>Ruf an!</p>\"\n+++\n";
    let doc = Doc::from_markdown("p.md", src);
    let segs = brief(&doc);
    let texts: Vec<(&str, SegKind)> = segs.iter().map(|s| (s.2.as_str(), s.1)).collect();
    assert_eq!(
        texts,
        [
            ("Wir suchen", SegKind::Prose),
            ("Pflasterer", SegKind::Bullet),
            ("Bauhelfer", SegKind::Bullet),
            ("Ruf an!", SegKind::Prose)
        ]
    );
    // Each block points at its own place in the file.
    assert_eq!((segs[1].3, segs[1].4), (2, 33));
    let lists: Vec<Option<usize>> = doc.segments.iter().map(|s| s.list).collect();
    assert_eq!(lists[1], lists[2]);
    assert!(lists[1].is_some());
}

#[test]
fn entities_in_a_front_matter_value_are_read_as_the_page_shows_them() {
    let src = "---\ntitle: Scrum Master\ntagline: Package - Up to &pound;30,000 DOE &amp; more\n---\n\n# Scrum Master\n\nText.\n";
    let doc = Doc::from_markdown("p.md", src);
    let texts: Vec<String> = brief(&doc).into_iter().map(|b| b.2).collect();
    assert!(
        texts
            .iter()
            .any(|t| t == "Package - Up to £30,000 DOE & more"),
        "{texts:?}"
    );
}

#[test]
fn a_title_in_a_front_matter_list_names_a_job_of_the_page() {
    let src = "---\ntitle: Carrières\nprofiles:\n- title: Programmeur\n  description: Tu écris du code.\n---\n";
    let doc = Doc::from_markdown("p.md", src);
    let kinds: Vec<(SegKind, &str)> = doc
        .segments
        .iter()
        .map(|s| (s.kind, s.text.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            (SegKind::Title, "Carrières"),
            (SegKind::Heading, "Programmeur"),
            (SegKind::Prose, "Tu écris du code.")
        ]
    );
}

#[test]
fn a_table_row_of_label_and_value_is_a_label_line() {
    let src = "<h2>Offres</h2><table><tr><td>Lieu de travail</td><td>Lyon</td></tr>\
               <tr><td>Salaire :</td><td>1 900 €</td></tr>\
               <tr><td>a</td><td>b</td><td>c</td></tr></table>";
    let doc = Doc::from_html("p.html", src);
    let texts: Vec<(&str, bool)> = doc
        .segments
        .iter()
        .map(|s| (s.text.as_str(), s.exact))
        .collect();
    assert_eq!(
        texts,
        [
            ("Offres", true),
            ("Lieu de travail: Lyon", false),
            ("Salaire : 1 900 €", false),
            ("a", true),
            ("b", true),
            ("c", true)
        ]
    );
}

#[test]
fn a_bare_short_line_naming_a_section_is_a_heading() {
    let doc = Doc::from_markdown(
        "p.md",
        "# Technician\n\nPay Range\n\n$19.22 - $38.77 USD\n\nPay depends on the shift.\n",
    );
    let kinds: Vec<(SegKind, Section)> = doc.segments.iter().map(|s| (s.kind, s.section)).collect();
    assert_eq!(
        kinds,
        [
            (SegKind::Title, Section::Title),
            (SegKind::Heading, Section::Pay),
            (SegKind::Prose, Section::Pay),
            (SegKind::Prose, Section::Pay)
        ]
    );
}

#[test]
fn text_in_a_template_comment_is_not_read() {
    let src = "<h1>Educator</h1>\n<ul>{% comment %}<li>Must lift 25 pounds</li>{% endcomment %}\
               <li>Teach coding</li>{# <li>Old duty</li> #}{{!-- <li>Gone</li> --}}</ul>";
    let doc = Doc::from_html("p.html", src);
    let texts: Vec<&str> = doc.segments.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(texts, ["Educator", "Teach coding"]);
}
