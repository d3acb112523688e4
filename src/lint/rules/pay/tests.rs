//! Pay transparency: the table, jurisdiction selection and each check.

use super::*;
use crate::lint::tests::{lint_md, lint_md_with, of};

/// A posting with everything Colorado asks for; tests remove pieces.
const CO: &str = "# Baker\n\nBake bread in Denver, CO.\n\n## Pay\n\n$20-$24 an hour.\n\n\
## Benefits\n\nHealth insurance and paid time off.\n\n## How to apply\n\nApply by March 31, 2027.\n";

/// The pay-law findings (`pay-vague`, about wording, is tested on its own).
fn pay_rules(f: &[crate::lint::Finding]) -> Vec<&'static str> {
    f.iter()
        .filter(|f| f.rule.starts_with("pay-") && f.rule != "pay-vague")
        .map(|f| f.rule)
        .collect()
}

#[test]
fn table_rows_are_complete() {
    let required = [
        "US-CO",
        "US-NY-NYC",
        "US-NY",
        "US-CA",
        "US-WA",
        "US-IL",
        "US-MD",
        "US-MN",
        "US-NJ",
        "US-DC",
        "US-HI",
        "US-MA",
        "US-VT",
        "CA-BC",
        "CA-ON",
        "EU",
    ];
    for code in required {
        let j = find_jurisdiction(code);
        assert_eq!(j.len(), 1, "{code}");
        let j = j[0];
        assert!(
            !j.law.is_empty() && !j.source.is_empty() && j.effective.len() == 10,
            "{code}"
        );
    }
    let benefits: Vec<&str> = JURISDICTIONS
        .iter()
        .filter(|j| j.benefits)
        .map(|j| j.code)
        .collect();
    assert_eq!(
        benefits,
        ["US-CO", "US-WA", "US-IL", "US-MD", "US-MN", "US-NJ"]
    );
    let deadline: Vec<&str> = JURISDICTIONS
        .iter()
        .filter(|j| j.deadline)
        .map(|j| j.code)
        .collect();
    assert_eq!(deadline, ["US-CO"]);
    assert_eq!(find_jurisdiction("nyc")[0].code, "US-NY-NYC");
    assert_eq!(find_jurisdiction("US").len(), 14);
    assert!(find_jurisdiction("US-XX").is_empty());
}

#[test]
fn complete_colorado_posting_passes() {
    assert!(pay_rules(&lint_md(CO)).is_empty(), "{:#?}", lint_md(CO));
}

#[test]
fn missing_pay_names_the_law() {
    let text = CO.replace("## Pay\n\n$20-$24 an hour.\n\n", "");
    let f = lint_md(&text);
    let p = of(&f, "pay-missing");
    assert_eq!(p.len(), 1);
    assert!(
        p[0].message
            .starts_with("Colorado's Equal Pay for Equal Work Act (C.R.S. 8-5-201"),
        "{}",
        p[0].message
    );
    assert_eq!(p[0].severity, crate::lint::Severity::Error);
}

#[test]
fn open_ended_forms() {
    for (pay, expect) in [
        ("$50k+", "pay-open-ended"),
        ("Up to $60,000 a year.", "pay-open-ended"),
        ("From $40,000 a year.", "pay-open-ended"),
        // No figure at all is no pay, even where the law asks for a bounded range.
        ("Competitive.", "pay-missing"),
    ] {
        let text = CO.replace("$20-$24 an hour.", pay);
        assert_eq!(pay_rules(&lint_md(&text)), [expect], "{pay}");
    }
    // California does not require a bounded range, and "competitive" is no pay at all.
    let ca = "# Baker\n\nIn San Francisco, CA.\n\n## Pay\n\nCompetitive.\n";
    assert_eq!(pay_rules(&lint_md(ca)), ["pay-missing"]);
    let ca = "# Baker\n\nIn San Francisco, CA.\n\n## Pay\n\nUp to $60,000.\n";
    assert!(pay_rules(&lint_md(ca)).is_empty());
}

#[test]
fn benefits_and_deadline() {
    let text = CO.replace("## Benefits\n\nHealth insurance and paid time off.\n\n", "");
    assert_eq!(pay_rules(&lint_md(&text)), ["pay-benefits-missing"]);
    let text = CO.replace("Apply by March 31, 2027.", "Apply online.");
    assert_eq!(pay_rules(&lint_md(&text)), ["pay-deadline-missing"]);
    // Colorado asks for the deadline from 2024 on: not of a posting that went up
    // before, by its own date or the day `--posted` names.
    let cfg = crate::lint::Config {
        posted: Some("2023-11-07".into()),
        ..crate::lint::Config::default()
    };
    let f = crate::lint::lint(&crate::lint::Doc::from_markdown("post.md", &text), &cfg);
    assert!(pay_rules(&f).is_empty(), "{:?}", pay_rules(&f));
    // Washington asks for benefits but not a deadline.
    let wa = "# Baker\n\nIn Seattle.\n\n## Pay\n\n$20-$24 an hour.\n";
    assert_eq!(pay_rules(&lint_md(wa)), ["pay-benefits-missing"]);
}

#[test]
fn min_above_max_fires_anywhere() {
    let f = lint_md("# Baker\n\nPay: $60,000-$50,000 a year.\n");
    assert_eq!(pay_rules(&f), ["pay-min-above-max"]);
    assert!(
        of(&f, "pay-min-above-max")[0]
            .message
            .contains("$60,000 is above the maximum $50,000")
    );
}

#[test]
fn ontario_width() {
    let on = |pay: &str| lint_md(&format!("# Baker\n\nIn Toronto, ON.\n\n## Pay\n\n{pay}\n"));
    assert_eq!(
        pay_rules(&on("$60,000-$120,000 a year")),
        ["pay-range-too-wide"]
    );
    assert!(pay_rules(&on("$60,000-$110,000 a year")).is_empty());
    assert!(
        pay_rules(&on("$190,000-$260,000 a year")).is_empty(),
        "exempt above $200,000"
    );
    assert_eq!(pay_rules(&on("$20-$50 an hour")), ["pay-range-too-wide"]);
    let f = on("$60,000-$120,000 a year");
    let msg = &of(&f, "pay-range-too-wide")[0].message;
    assert!(
        msg.contains("$60,000 a year wide") && msg.contains("O. Reg. 476/24"),
        "{msg}"
    );
}

#[test]
fn no_jurisdiction_no_pay_law_findings() {
    // Only the law-free warning about vague pay.
    let f = lint_md("# Baker\n\nIn Austin, TX.\n\nCompetitive pay.\n");
    assert!(pay_rules(&f).is_empty());
    assert_eq!(of(&f, "pay-vague").len(), 1);
    let f = lint_md("# Baker\n\nIn London.\n");
    assert!(pay_rules(&f).is_empty());
}

#[test]
fn remote_us_gets_every_us_law() {
    let doc = crate::lint::Doc::from_markdown("p.md", "# Baker\n\nRemote, United States.\n");
    let js = jurisdictions_for(&doc, &Config::default(), &[]);
    assert_eq!(js.len(), 14);
    let f = lint_md("# Baker\n\nRemote, United States.\n");
    let p = of(&f, "pay-missing");
    assert!(
        p[0].message
            .contains("(so do the laws of New York City, New York State, California and 10 more)"),
        "{}",
        p[0].message
    );
    assert_eq!(
        pay_rules(&f),
        [
            "pay-benefits-missing",
            "pay-deadline-missing",
            "pay-missing"
        ]
    );
}

#[test]
fn location_picks_city_and_state_laws() {
    let codes = |md: &str| {
        let doc = crate::lint::Doc::from_markdown("p.md", md);
        jurisdictions_for(&doc, &Config::default(), &[])
            .iter()
            .map(|j| j.code)
            .collect::<Vec<_>>()
    };
    assert_eq!(codes("# B\n\nIn Brooklyn."), ["US-NY-NYC", "US-NY"]);
    assert_eq!(codes("# B\n\nIn Albany, NY."), ["US-NY"]);
    assert_eq!(codes("# B\n\nIn Cleveland, OH."), ["US-OH-CLE"]);
    assert_eq!(codes("# B\n\nIn Columbus, OH."), Vec::<&str>::new());
    assert_eq!(codes("# B\n\nIn Vancouver, BC."), ["CA-BC"]);
    assert_eq!(codes("# B\n\nIn Berlin, Germany."), ["EU-DE"]);
    assert_eq!(codes("# B\n\nIn Wien, Österreich."), ["AT", "EU"]);
    assert_eq!(codes("# B\n\nIn Dublin, Ireland."), ["EU"]);
    assert_eq!(codes("# B\n\nSomewhere."), Vec::<&str>::new());
}

/// The data file's places are ones lint can find: every state or provincial law's
/// region is a listed region of its country, every city ordinance's city is found in
/// text, and every code and alias names one law.
#[test]
fn every_law_applies_somewhere_lint_can_find() {
    let regions = crate::lint::facts::regions();
    for j in JURISDICTIONS.iter() {
        if let Some(r) = j.region {
            assert!(
                regions
                    .iter()
                    .any(|g| g.code == r && g.country == j.country),
                "jurisdictions.toml: {}: `{r}` is not a region of {} in places.toml",
                j.code,
                j.country
            );
        }
        if let Some(city) = j.city {
            let doc = crate::lint::Doc::from_markdown("p.md", &format!("# B\n\nIn {city}.\n"));
            let found = jurisdictions_for(&doc, &Config::default(), &[]);
            assert!(
                found.iter().any(|f| f.code == j.code),
                "jurisdictions.toml: {}: \"{city}\" is not a city of places.toml",
                j.code
            );
        }
        for c in j.countries {
            assert!(
                isocountry::CountryCode::for_alpha2(c).is_ok(),
                "{}: {c}",
                j.code
            );
        }
        for name in std::iter::once(&j.code).chain(j.aliases) {
            assert_eq!(find_jurisdiction(name), [j], "{name} names one law");
        }
    }
}

#[test]
fn config_jurisdictions_apply_without_a_location() {
    let f = lint_md_with(
        "# Baker\n\nBake.\n",
        "[lint]\njurisdictions = [\"US-NY\"]\n",
    );
    let p = of(&f, "pay-missing");
    assert!(
        p[0].message.starts_with("New York Labor Law 194-b"),
        "{}",
        p[0].message
    );
}

#[test]
fn annualize_periods() {
    assert_eq!(annualize(20.0, Some("hour")), 41_600.0);
    assert_eq!(annualize(1000.0, Some("week")), 52_000.0);
    assert_eq!(annualize(5000.0, Some("month")), 60_000.0);
    assert_eq!(annualize(50_000.0, None), 50_000.0);
    assert_eq!(annualize(25.0, None), 52_000.0);
    assert_eq!(money(52_000.0, None), "$52,000");
    assert_eq!(money(18.5, Some("USD")), "$18.50");
    assert_eq!(money(3_000.0, Some("EUR")), "€3,000");
    assert_eq!(money(3_000.0, Some("CHF")), "CHF 3,000");
    assert_eq!(money(-3_000.0, Some("GBP")), "-£3,000");
    // The sign a rendered posting shows (src/money.rs).
    assert_eq!(money(5_000.0, Some("JPY")), "¥5,000");
    assert_eq!(money(60_000.0, Some("CAD")), "$60,000");
}

#[test]
fn bonus_after_the_range_keeps_colorado_satisfied() {
    let text = CO.replace(
        "$20-$24 an hour.",
        "$145,000 to $165,000 a year, plus a yearly bonus of up to 10% of salary.",
    );
    assert!(
        pay_rules(&lint_md(&text)).is_empty(),
        "{:#?}",
        lint_md(&text)
    );
}

#[test]
fn denied_remote_does_not_pull_in_colorado() {
    let text = "# Baker\n\nThis is an onsite position, remote work is not available.\n\n\
                Salary $50,000 a year.\n";
    let f = lint_md(text);
    assert!(pay_rules(&f).is_empty(), "{f:#?}");
}

#[test]
fn vague_pay_is_a_warning_without_a_pay_law() {
    let f = lint_md("# Baker\n\nBake bread in London for a competitive salary.\n");
    let v = of(&f, "pay-vague");
    assert_eq!(v.len(), 1, "{f:#?}");
    assert_eq!(v[0].matched.as_deref(), Some("competitive salary"));
    assert_eq!((v[0].col, v[0].end_col), (28, 46));
    // Where a law applies, its own rule names the law, and the wording is still vague.
    let f = lint_md("# Baker\n\nBake bread in Denver, CO for a competitive salary.\n");
    assert_eq!(of(&f, "pay-vague").len(), 1);
    assert!(!pay_rules(&f).is_empty());
}

#[test]
fn pay_spans_cover_the_pay_text_and_messages_use_its_currency() {
    let text = "# Baker\n\nToronto, ON.\n\n## Pay\n\n$40,000-$120,000 a year.\n";
    let f = lint_md(text);
    let w = of(&f, "pay-range-too-wide");
    assert_eq!((w[0].line, w[0].col, w[0].end_col), (7, 1, 17), "{w:#?}");
    // No pay at all: the finding covers the whole title, not one letter of it.
    let f = lint_md("# Baker\n\nBake bread in Denver, CO.\n");
    let m = of(&f, "pay-missing");
    assert_eq!((m[0].line, m[0].col, m[0].end_col), (1, 3, 8));
    let f = lint_md("# Baker\n\nIn Berlin.\n\n## Pay\n\nEUR 5,000-3,000 a month.\n");
    let r = of(&f, "pay-min-above-max");
    assert!(r[0].message.contains("€5,000"), "{}", r[0].message);
}

#[test]
fn pending_and_national_laws() {
    // Germany: the directive is not yet law; a warning names it and the bill.
    let f = lint_md("# Koch (m/w/d)\n\nIn Berlin, Deutschland.\n");
    let missing = of(&f, "pay-missing");
    assert_eq!(missing.len(), 1);
    assert_eq!(missing[0].severity, crate::lint::Severity::Warning);
    assert!(
        missing[0].message.contains("2023/970"),
        "{}",
        missing[0].message
    );
    assert!(missing[0].message.contains("Entgelttransparenzgesetz"));
    // Austria: GlBG §9(2) is in force: an error, and the overpay statement is asked for.
    let f = lint_md("# Koch (m/w/d)\n\nIn Wien, Österreich.\n");
    let missing = of(&f, "pay-missing");
    assert_eq!(missing[0].severity, crate::lint::Severity::Error);
    assert!(missing[0].message.contains("GlBG §9(2)"));
    let pay = "# Koch (m/w/d)\n\nIn Wien, Österreich.\n\n## Gehalt\n\n2.100 € brutto im Monat.\n";
    // Whether more may be paid only the employer knows: a reminder, as a note.
    let f = lint_md(pay);
    let unstated = of(&f, "pay-missing");
    assert!(unstated[0].message.contains("more than the minimum"));
    assert_eq!(unstated[0].severity, crate::lint::Severity::Note);
    let f = lint_md(&format!(
        "{pay}Bereitschaft zur Überzahlung je nach Erfahrung.\n"
    ));
    assert!(of(&f, "pay-missing").is_empty());
    // Italy: transposed and in force: an error.
    let f = lint_md("# Cuoco\n\nIn Milan, Italy.\n");
    assert_eq!(
        of(&f, "pay-missing")[0].severity,
        crate::lint::Severity::Error
    );
}
