//! Shared test helpers and whole-engine tests: configuration, suppression, ordering,
//! the rule registry, and robustness on arbitrary input.

use super::*;

/// Lints Markdown with the default configuration.
pub fn lint_md(text: &str) -> Vec<Finding> {
    lint(&Doc::from_markdown("post.md", text), &Config::default())
}

/// Lints plain text with the default configuration.
pub fn lint_txt(text: &str) -> Vec<Finding> {
    lint(&Doc::from_text("post.txt", text), &Config::default())
}

/// Lints Markdown with a configuration given as `[lint]` TOML.
pub fn lint_md_with(text: &str, cfg_toml: &str) -> Vec<Finding> {
    let cfg = Config::from_toml_str(cfg_toml).expect("test config");
    lint(&Doc::from_markdown("post.md", text), &cfg)
}

/// The rule ids of findings, in order.
pub fn ids(f: &[Finding]) -> Vec<&'static str> {
    f.iter().map(|f| f.rule).collect()
}

/// The findings of one rule.
pub fn of<'a>(f: &'a [Finding], rule: &str) -> Vec<&'a Finding> {
    f.iter().filter(|f| f.rule == rule).collect()
}

/// The matched texts of one rule's findings.
pub fn matched(f: &[Finding], rule: &str) -> Vec<String> {
    of(f, rule)
        .iter()
        .filter_map(|f| f.matched.clone())
        .collect()
}

const HYPE: &str = "# Baker\n\nWe want a rockstar baker.\n";

#[test]
fn every_emitted_rule_is_registered_with_its_default_severity() {
    let text = "# ANALYST NINJA!!! Denver, CO $50k+\n\nThe ideal candidate is a young rockstar. He must lift 80 lbs.\n\n- Do it\n- Do it\n";
    let f = lint_md(text);
    assert!(!f.is_empty());
    for x in &f {
        let info = rule_info(x.rule).expect("registered");
        assert_eq!(x.severity, info.default, "{}", x.rule);
    }
    let mut seen = std::collections::HashSet::new();
    for r in RULES {
        assert!(seen.insert(r.id), "duplicate id {}", r.id);
        assert!(r.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'));
    }
}

#[test]
fn config_changes_severity_and_turns_rules_off() {
    let f = lint_md_with(HYPE, "[lint]\nrules = { \"hype-title\" = \"error\" }\n");
    assert_eq!(of(&f, "hype-title")[0].severity, Severity::Error);
    let f = lint_md_with(HYPE, "[lint]\nrules = { \"hype-title\" = \"off\" }\n");
    assert!(of(&f, "hype-title").is_empty());
}

#[test]
fn allow_list_drops_matching_findings() {
    let f = lint_md_with(HYPE, "[lint]\nallow = [\"Rockstar\"]\n");
    assert!(of(&f, "hype-title").is_empty());
    let f = lint_md_with(HYPE, "[lint]\nallow = [\"rock*\"]\n");
    assert!(of(&f, "hype-title").is_empty());
    let f = lint_md_with(HYPE, "[lint]\nallow = [\"rock\"]\n");
    assert_eq!(of(&f, "hype-title").len(), 1);
}

#[test]
fn markdown_suppressions_cover_next_block_or_file() {
    let text = "# Baker\n\n<!-- jobpost-disable hype-title -->\nWe want a rockstar\nbaker, a ninja.\n\nAnother rockstar.\n";
    let f = lint_md(text);
    let lines: Vec<usize> = of(&f, "hype-title").iter().map(|f| f.line).collect();
    assert_eq!(lines, [7]);

    let text = "<!-- jobpost-disable-file hype-title, word-count -->\n# Baker\n\nA rockstar.\n";
    let f = lint_md(text);
    assert!(of(&f, "hype-title").is_empty() && of(&f, "word-count").is_empty());
    assert!(!of(&f, "missing-section").is_empty());

    // A trailing comment covers its own line only.
    let text = "# Baker\n\nA rockstar. <!-- jobpost-disable hype-title -->\nA ninja.\n";
    let f = lint_md(text);
    assert_eq!(matched(&f, "hype-title"), ["ninja"]);

    // No ids: every rule.
    let text = "# Baker\n\n<!-- jobpost-disable -->\nA rockstar, he said.\n";
    let f = lint_md(text);
    assert!(f.iter().all(|f| f.line != 4), "{f:#?}");
}

#[test]
fn text_suppression_lines_are_not_linted_and_disable_the_next_line() {
    let text = "Baker\n\njobpost-disable hype-title\nA rockstar baker.\nA ninja baker.\n";
    let f = lint_txt(text);
    // The paragraph spans lines 4-5; the comment covers the whole block.
    assert!(of(&f, "hype-title").is_empty(), "{f:#?}");
    let text = "Baker\n\njobpost-disable-file\nA rockstar baker.\n";
    assert!(lint_txt(text).is_empty());
}

#[test]
fn findings_are_sorted_by_line_col_rule() {
    let f = lint_md("# Baker\n\nA ninja, he is a rockstar. The applicant is young.\n");
    let keys: Vec<(usize, usize, &str)> = f.iter().map(|f| (f.line, f.col, f.rule)).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

#[test]
fn cli_jurisdictions_and_location_combine() {
    let doc = Doc::from_markdown("p.md", "# Baker\n\nWork in Denver, CO.\n");
    let codes = |js: Vec<&Jurisdiction>| js.iter().map(|j| j.code).collect::<Vec<_>>();
    let cfg = Config::default();
    assert_eq!(codes(jurisdictions_for(&doc, &cfg, &[])), ["US-CO"]);
    let extra = vec!["ca-on".to_string(), "US-CO".to_string()];
    assert_eq!(
        codes(jurisdictions_for(&doc, &cfg, &extra)),
        ["US-CO", "CA-ON"]
    );
}

/// A tiny deterministic generator for the robustness test.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

#[test]
fn arbitrary_input_never_panics() {
    let pieces = [
        "# ",
        "## ",
        "- ",
        "* ",
        "1. ",
        "\n",
        "\n\n",
        "$",
        "€",
        "£",
        "₹",
        "CA$",
        "50",
        ",000",
        ".5",
        "k",
        "+",
        "-",
        "–",
        " to ",
        "up to ",
        "é",
        "ü",
        "日本",
        "🙂",
        "\u{301}",
        "<!-- jobpost-disable ",
        "-->",
        "jobpost-disable",
        "**",
        "[x](y)",
        "`",
        "```\n",
        "&amp;",
        "\\",
        "\t",
        "\r\n",
        "rockstar",
        "he",
        "Her Majesty",
        "self-",
        "confident",
        "years",
        "3+",
        "Denver, CO",
        "remote",
        "Pay",
        ":",
        "'",
        "’",
        "\"",
        "#",
        "|",
        ">",
        "---\n",
        "İ",
        "ǅ",
    ];
    let mut rng = Lcg(42);
    let cfg = Config::default();
    let rounds = std::env::var("FUZZ_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(400);
    for _ in 0..rounds {
        let n = (rng.next() % 60) as usize;
        let text: String = (0..n)
            .map(|_| pieces[(rng.next() as usize) % pieces.len()])
            .collect();
        for doc in [
            Doc::from_markdown("a.md", &text),
            Doc::from_text("a.txt", &text),
        ] {
            let f = lint(&doc, &cfg);
            for x in &f {
                assert!(x.line >= 1 && x.col >= 1, "{x:?} in {text:?}");
            }
            for fmt in [Format::Human, Format::Json, Format::Sarif, Format::Github] {
                let _ = render(&f, &|_| Some(text.clone()), fmt);
            }
        }
        let _ = parse_toml_suppressions(&text);
    }
}

#[test]
fn segments_map_exactly_onto_the_source() {
    let text = "# Caf\u{e9} **Baker**\n\nWe bake *cr\u{e8}me* [br\u{fb}l\u{e9}e](http://x.example) daily\nand more &amp; more.\n\n- one `two`\n  three\n";
    let doc = Doc::from_markdown("p.md", text);
    let lines: Vec<&str> = text.lines().collect();
    for s in &doc.segments {
        for (k, c) in s.text.chars().enumerate() {
            if c == ' ' || c == '\n' {
                continue;
            }
            let at = s.loc_at(k);
            let line_chars: Vec<char> = lines[at.line - 1].chars().collect();
            let src = line_chars[at.col - 1];
            assert!(
                src == c || (c == '&' && src == '&'),
                "{c} vs {src} at {at:?}"
            );
        }
    }
}

/// A well-written Markdown posting (a remote US role, so every US pay law applies).
const CLEAN_REMOTE_MD: &str = r#"# Backend Software Engineer

Northwind Health builds scheduling software that 400 clinics use to book patient visits. You will join the platform team to make our booking service faster and easier to change. Clinic staff then spend less time on hold and more time with patients.

## About us

Northwind Health is a company of 85 people, founded in 2016. We build tools for small clinics and answer every support ticket within a day. Our engineers work in small teams, write design notes before large changes, and review each other's code with care.

## What you'll do

- Design, build and run the services behind online booking
- Write clear tests and keep our test suite fast
- Improve how we deploy, monitor and recover from incidents
- Pair with product designers to turn clinic feedback into features
- Review code and share what you learn in weekly tech talks
- Take part in an on-call rotation, about one week in eight, with paid time in lieu

## What you bring

- Three or more years building web services in Go, Rust, Java or a similar language
- Experience with relational databases such as PostgreSQL
- Comfort reading logs and metrics to find the cause of a problem
- Clear written communication in English

## Nice to have

- Experience with healthcare data or scheduling systems
- Familiarity with Kubernetes

## Where and when you'll work

This is a remote role open to people living anywhere in the United States. Most of the team works between 9 am and 5 pm Eastern time, and you can set your own hours around two shared meetings a week. We meet in person twice a year, and we pay for travel.

## Pay and benefits

- Base salary of $135,000 to $160,000 a year, depending on experience
- Medical, dental and vision insurance with 90% of premiums paid for you and your dependents
- A 401(k) plan with a 4% match
- 25 days of paid time off plus public holidays
- 16 weeks of paid parental leave
- A $1,500 yearly learning budget

## How to apply

Apply on our careers page with your resume and a few lines about a system you are proud of. Applications close on April 30, 2027. We reply to everyone within two weeks. The process has three steps: a 30-minute call, a paid take-home exercise of about three hours, and a talk with the team.

## Equal opportunity

Northwind Health is an equal opportunity employer. We welcome applications from people of every background, and we provide reasonable accommodation at any stage of the process. Tell us what you need and we will make it work.
"#;

/// A well-written plain-text posting (Denver: Colorado's law applies).
const CLEAN_DENVER_TXT: &str = r#"Line Cook

Join the kitchen at Harbor Table, a neighborhood restaurant in Denver, CO, as a line cook. You will prepare fresh, seasonal dishes for about 120 guests each evening and help keep our kitchen a calm, safe place to work.

ABOUT US

Harbor Table opened in 2015. We serve simple food made from local produce, and we train every cook we hire. Our team of 14 shares tips fairly and eats a family meal together before each service.

WHAT YOU'LL DO

• Prepare vegetables, sauces and proteins before service
• Cook dishes on the grill and sauté stations during service
• Keep your station clean and follow food safety rules
• Check deliveries and rotate stock so nothing goes to waste
• Help new cooks learn the menu and our recipes
• Share ideas for the weekly specials

WHAT YOU BRING

• At least one year of experience cooking in a restaurant
• A food handler's card, or willingness to get one in your first month
• Comfort working with knives, hot pans and fryers
• Clear communication with the team during busy hours

NICE TO HAVE

• Experience with wood-fired grills
• Spanish or Vietnamese

WHERE AND WHEN YOU'LL WORK

You will work in our kitchen in Denver. Shifts run from 2 pm to 10 pm, four or five evenings a week, including most weekends. The kitchen is warm and you will be on your feet for most of a shift, because cooking happens at the stations. We provide non-slip shoes and reasonable accommodation on request.

PAY AND BENEFITS

• $21 to $25 an hour, plus an equal share of tips
• Health, dental and vision insurance after 60 days
• Paid time off from your first month: one hour for every 30 hours worked
• A free meal every shift

HOW TO APPLY

Send your resume or a short note about your cooking to jobs@harbortable.example by March 31, 2027. We reply to every applicant within a week, and interviews include a short paid cooking trial.

EQUAL OPPORTUNITY

Harbor Table is an equal opportunity employer. We welcome applicants of every background, age and ability.
"#;

/// The Markdown version of the same posting.
const CLEAN_DENVER_MD: &str = r#"# Line Cook

Join the kitchen at Harbor Table, a neighborhood restaurant in Denver, CO, as a line cook. You will prepare fresh, seasonal dishes for about 120 guests each evening and help keep our kitchen a calm, safe place to work.

## About us

Harbor Table opened in 2015. We serve simple food made from local produce, and we train every cook we hire. Our team of 14 shares tips fairly and eats a family meal together before each service.

## What you'll do

- Prepare vegetables, sauces and proteins before service
- Cook dishes on the grill and sauté stations during service
- Keep your station clean and follow food safety rules
- Check deliveries and rotate stock so nothing goes to waste
- Help new cooks learn the menu and our recipes
- Share ideas for the weekly specials

## What you bring

- At least one year of experience cooking in a restaurant
- A food handler's card, or willingness to get one in your first month
- Comfort working with knives, hot pans and fryers
- Clear communication with the team during busy hours

## Nice to have

- Experience with wood-fired grills
- Spanish or Vietnamese

## Where and when you'll work

You will work in our kitchen in Denver. Shifts run from 2 pm to 10 pm, four or five evenings a week, including most weekends. The kitchen is warm and you will be on your feet for most of a shift, because cooking happens at the stations. We provide non-slip shoes and reasonable accommodation on request.

## Pay and benefits

- $21 to $25 an hour, plus an equal share of tips
- Health, dental and vision insurance after 60 days
- Paid time off from your first month: one hour for every 30 hours worked
- A free meal every shift

## How to apply

Send your resume or a short note about your cooking to jobs@harbortable.example by March 31, 2027. We reply to every applicant within a week, and interviews include a short paid cooking trial.

## Equal opportunity

Harbor Table is an equal opportunity employer. We welcome applicants of every background, age and ability.
"#;

#[test]
fn realistic_clean_postings_have_only_notes() {
    for (name, f) in [
        ("remote md", lint_md(CLEAN_REMOTE_MD)),
        ("denver txt", lint_txt(CLEAN_DENVER_TXT)),
        ("denver md", lint_md(CLEAN_DENVER_MD)),
    ] {
        let loud: Vec<&Finding> = f.iter().filter(|f| f.severity > Severity::Note).collect();
        assert!(loud.is_empty(), "{name}: {loud:#?}");
        assert!(!of(&f, "gender-balance").is_empty(), "{name}");
    }
    let doc = Doc::from_markdown("p.md", CLEAN_REMOTE_MD);
    assert_eq!(jurisdictions_for(&doc, &Config::default(), &[]).len(), 14);
    let doc = Doc::from_text("p.txt", CLEAN_DENVER_TXT);
    let codes: Vec<&str> = jurisdictions_for(&doc, &Config::default(), &[])
        .iter()
        .map(|j| j.code)
        .collect();
    assert_eq!(codes, ["US-CO"]);
}

#[test]
fn caller_built_docs_point_at_the_toml_key_line() {
    // As the TOML front end would build it: strings with escapes are inexact segments at
    // their key; facts come from the structured fields; suppressions from comments.
    let source = "title = \"Baker\"\n\
                  # jobpost-disable age-coded\n\
                  summary = \"A young team.\"\n\
                  duties = \"We need a \\\"rockstar\\\".\\nBake.\"\n";
    let segments = vec![
        Segment::inexact(Section::Title, SegKind::Title, "Baker", Loc::new(1, 9)),
        Segment::inexact(
            Section::Purpose,
            SegKind::Prose,
            "A young team.",
            Loc::new(3, 11),
        ),
        Segment::inexact(
            Section::Duties,
            SegKind::Prose,
            "We need a \"rockstar\".\nBake.",
            Loc::new(4, 10),
        ),
    ];
    let facts = extract_facts(&segments);
    let doc = Doc::new(
        "post.toml",
        source,
        segments,
        facts,
        parse_toml_suppressions(source),
    );
    let f = lint(&doc, &Config::default());
    assert!(of(&f, "age-coded").is_empty(), "suppressed by the comment");
    let h = of(&f, "hype-title");
    assert_eq!(h.len(), 1);
    // "rockstar" is found on the key's line even though the segment is inexact.
    assert_eq!((h[0].line, h[0].col, h[0].end_col), (4, 23, 31));
    // Text that is not on the key's line (a multi-line string) falls back to the
    // segment start.
    let doc2 = Doc::new(
        "post.toml",
        "duties = \"\"\"\nA ninja.\n\"\"\"\n",
        vec![Segment::inexact(
            Section::Duties,
            SegKind::Prose,
            "A ninja.",
            Loc::new(1, 10),
        )],
        Facts::default(),
        Vec::new(),
    );
    let h = lint(&doc2, &Config::default());
    let n = of(&h, "hype-title");
    assert_eq!((n[0].line, n[0].col), (1, 10));
}
