//! Tests for fact extraction: pay forms, location, experience, deadline, benefits.

use super::*;
use crate::lint::doc::Doc;

fn facts(md: &str) -> Facts {
    Doc::from_markdown("p.md", md).facts
}

fn pay(md: &str) -> PayFacts {
    facts(md).pay.unwrap_or_else(|| panic!("no pay in {md:?}"))
}

type PayCase = (
    &'static str,
    Option<f64>,
    Option<f64>,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
);

#[test]
fn pay_forms() {
    let cases: &[PayCase] = &[
        (
            "Salary: $50,000 - $60,000 a year.",
            Some(50000.0),
            Some(60000.0),
            "USD",
            Some("year"),
            None,
        ),
        (
            "Pay is $50k–$60k.",
            Some(50000.0),
            Some(60000.0),
            "USD",
            None,
            None,
        ),
        (
            "Pay: $50-60k per year",
            Some(50000.0),
            Some(60000.0),
            "USD",
            Some("year"),
            None,
        ),
        (
            "Salary starts from £22 - 25,000 per annum.",
            Some(22000.0),
            Some(25000.0),
            "GBP",
            Some("year"),
            None,
        ),
        (
            "Pay is $900 - $1,200 a week.",
            Some(900.0),
            Some(1200.0),
            "USD",
            Some("week"),
            None,
        ),
        (
            "We pay $18.50/hr.",
            Some(18.5),
            Some(18.5),
            "USD",
            Some("hour"),
            None,
        ),
        (
            "Salary €45.000 - €55.000 per annum",
            Some(45000.0),
            Some(55000.0),
            "EUR",
            Some("year"),
            None,
        ),
        (
            "Salary CA$70,000 to CA$80,000",
            Some(70000.0),
            Some(80000.0),
            "CAD",
            Some("year"),
            None,
        ),
        (
            "Salary A$90k",
            Some(90000.0),
            Some(90000.0),
            "AUD",
            Some("year"),
            None,
        ),
        (
            "Salary £30,000 per annum",
            Some(30000.0),
            Some(30000.0),
            "GBP",
            Some("year"),
            None,
        ),
        (
            "Salary ₹12,00,000 per year",
            Some(1200000.0),
            Some(1200000.0),
            "INR",
            Some("year"),
            None,
        ),
        (
            "Salary USD 50,000 to 60,000",
            Some(50000.0),
            Some(60000.0),
            "USD",
            Some("year"),
            None,
        ),
        (
            "Salary 50,000 EUR",
            Some(50000.0),
            Some(50000.0),
            "EUR",
            Some("year"),
            None,
        ),
        (
            "Pay between $40,000 and $50,000",
            Some(40000.0),
            Some(50000.0),
            "USD",
            None,
            None,
        ),
        (
            "Salary $50k+",
            Some(50000.0),
            None,
            "USD",
            Some("year"),
            Some("$50k+"),
        ),
        ("Pay $50k+", Some(50000.0), None, "USD", None, Some("$50k+")),
        (
            "Salary up to $60,000",
            None,
            Some(60000.0),
            "USD",
            Some("year"),
            Some("up to $60,000"),
        ),
        (
            "Salary from $40,000",
            Some(40000.0),
            None,
            "USD",
            Some("year"),
            Some("from $40,000"),
        ),
        (
            "Pay starting at $20/hr",
            Some(20.0),
            None,
            "USD",
            Some("hour"),
            Some("starting at $20"),
        ),
        (
            "Salary $40,000 or more",
            Some(40000.0),
            None,
            "USD",
            Some("year"),
            Some("$40,000 or more"),
        ),
        (
            "Pay: $18/hr and up.",
            Some(18.0),
            None,
            "USD",
            Some("hour"),
            Some("$18/hr and up"),
        ),
        (
            "Salary: min $50,000, max $60,000",
            Some(50000.0),
            Some(60000.0),
            "USD",
            Some("year"),
            None,
        ),
    ];
    for (text, min, max, cur, period, open) in cases {
        let p = pay(text);
        assert_eq!((p.min, p.max), (*min, *max), "{text}");
        assert_eq!(p.currency.as_deref(), Some(*cur), "{text}");
        assert_eq!(p.period.as_deref(), *period, "{text}");
        assert_eq!(p.open_ended.as_deref(), *open, "{text}");
    }
}

#[test]
fn vague_pay_is_open_ended_without_figures() {
    for (text, open) in [
        ("We offer a competitive salary.", "competitive salary"),
        ("Salary DOE", "DOE"),
        ("Pay depending on experience", "depending on experience"),
        ("# T\n\n## Pay\n\nCompetitive.", "Competitive"),
    ] {
        let p = pay(text);
        assert_eq!(p.open_ended.as_deref(), Some(open), "{text}");
        assert_eq!((p.min, p.max), (None, None));
    }
    // A figure wins over the vague words.
    let p = pay("Competitive salary: $50,000-$55,000 DOE");
    assert_eq!(
        (p.min, p.max, p.open_ended),
        (Some(50000.0), Some(55000.0), None)
    );
}

/// Each text's vague pay is read as the words given; each of `none` has none.
fn vague_cases(found: &[(&str, &str)], none: &[&str]) {
    for (text, open) in found {
        assert_eq!(pay(text).open_ended.as_deref(), Some(*open), "{text}");
    }
    for text in none {
        assert_eq!(facts(text).pay.and_then(|p| p.open_ended), None, "{text}");
    }
}

#[test]
fn vague_pay_in_german_and_french_and_on_a_line_of_its_own() {
    let found = [
        (
            "Wir bieten eine leistungsgerechte Bezahlung.",
            "leistungsgerechte Bezahlung",
        ),
        (
            "Mit fairer Vergütung und festen Zeiten.",
            "fairer Vergütung",
        ),
        ("Gehalt nach Vereinbarung.", "Gehalt nach Vereinbarung"),
        (
            "Nous offrons une rémunération très attractive.",
            "rémunération très attractive",
        ),
        ("Un salaire motivant.", "salaire motivant"),
        ("Salaire fixe + variable.", "Salaire fixe + variable"),
        (
            "Das Mindestentgelt liegt über dem Kollektivvertrag.",
            "über dem Kollektivvertrag",
        ),
        (
            "Wir zahlen ein überkollektivvertragliches Gehalt.",
            "überkollektivvertragliches Gehalt",
        ),
        ("# T\n\n## Compensation\n\nTBD\n", "TBD"),
        ("# T\n\n## Pay\n\nNegotiable\n", "Negotiable"),
        (
            "# T\n\n## Rémunération\n\nA discuter en fonction de votre profil.\n",
            "A discuter en fonction de votre profil",
        ),
        (
            "Rémunération : selon les souhaits du candidat.",
            "Rémunération : selon les souhaits du candidat",
        ),
    ];
    // Not pay praised: a stem inside a longer word ("Gutscheine"), a French praise
    // word after an English noun.
    let none = [
        "Gutscheine für die Kantine.",
        "Pay attention to the attractive displays.",
    ];
    vague_cases(&found, &none);
    // A sentence under a pay heading with no figure anywhere tells the pay in words:
    // quoted from its start (its "negotiable" is not the short line's bare word).
    vague_cases(
        &[(
            "# T\n\n## Pay\n\nThe board sets it each spring, and it is negotiable for nobody.\n",
            "The board sets it each spring, and it is negotiable for nobody",
        )],
        &[],
    );
}

#[test]
fn praised_participles_pay_grades_and_french_and_english_rates() {
    let found = [
        (
            "Eine attraktiv vergütete Festanstellung.",
            "attraktiv vergütete",
        ),
        (
            "Ein attraktives, leistungsabhängiges Einkommen.",
            "attraktives, leistungsabhängiges Einkommen",
        ),
        ("Eine gut bezahlte Stelle in Teilzeit.", "gut bezahlte"),
        (
            "Attraktive Bezahlung in Anlehnung an den TVöD.",
            "Attraktive Bezahlung",
        ),
        ("TJM à définir selon profil.", "TJM à définir selon profil"),
        (
            "Le salaire sera fixé en fonction de l'expérience.",
            "salaire sera fixé en fonction de l'expérience",
        ),
        (
            "We pay competitive market rates.",
            "competitive market rates",
        ),
    ];
    // English "paid" praises the leave or the overtime; a pay grade states the pay.
    let none = [
        "We offer good paid time off and a pension.",
        "Overtime is rare, and when it happens well paid.",
        "Faire Vergütung nach TV-L 11 (Stufe 1).",
        "Attraktive Vergütung nach Entgeltgruppe S8a TVöD.",
        "A competitive salary: the position is classified as AS-02.",
    ];
    vague_cases(&found, &none);
}

#[test]
fn pay_told_in_words_under_its_heading_or_label() {
    let found = [
        (
            "## Money\n\nWe're grant-funded, but we'll see what we can do.",
            "We're grant-funded, but we'll see what we can do",
        ),
        (
            "Salary: paid, as agreed at interview.",
            "Salary: paid, as agreed at interview",
        ),
        // "DOE" and "depending on experience" are vague pay where pay is spoken of.
        ("Salary: DOE", "DOE"),
        (
            "## Pay\n\nDepending on experience.",
            "Depending on experience",
        ),
        // An ordinal is no figure: a 13th month and a bonus, and no pay.
        (
            "Rémunération : 13ᵉ mois + Prime sur objectifs",
            "Rémunération : 13ᵉ mois + Prime sur objectifs",
        ),
    ];
    let none = [
        // Unpaid, said plainly; a figure lint cannot read; a slogan heading.
        "Salary: gratis, as for all our volunteers.",
        "## Salaire\n\n16,50$/heure",
        "## Create memories and earn a salary!\n\nSubmit an application.",
        // Elsewhere "depending on experience" and "DOE" say something else.
        "Depending on experience, you may train new staff.",
        "You will work in a DOE-funded lab.",
        // A pay section that lists benefits names no pay.
        "## Pay and benefits\n\nHealth insurance and a pension.",
        "## Compensation and Benefits\n\n- Equipment provided\n- Flexible hours",
    ];
    vague_cases(&found, &none);
}

#[test]
fn pay_depending_before_its_noun_and_other_english_wordings() {
    let found = [
        (
            "Ein faires, Qualifikation abhängiges Einstiegsgehalt.",
            "abhängiges Einstiegsgehalt",
        ),
        (
            "Ein erfahrungsabhängiges Monatsgehalt.",
            "erfahrungsabhängiges Monatsgehalt",
        ),
        (
            "Salary dependant on experience.",
            "Salary dependant on experience",
        ),
        (
            "Salary: according to experience.",
            "Salary: according to experience",
        ),
        ("We offer an attractive package.", "attractive package"),
        (
            "Salary available on request.",
            "Salary available on request",
        ),
        ("Gehalt: nach Absprache.", "Gehalt: nach Absprache"),
        (
            "Faire Entlöhnung und zeitgemässe Anstellungen.",
            "Faire Entlöhnung",
        ),
        ("Ein attraktives Salär.", "attraktives Salär"),
    ];
    // A benefits package is no pay; a UK pay-scale point states the pay.
    let none = [
        "We offer a generous benefits package.",
        "Salary according to the NJC scale point 20.",
        "Pay: AfC Band 5, a competitive salary.",
    ];
    vague_cases(&found, &none);
}

#[test]
fn a_deadline_dates_the_posting_from_above() {
    let f = facts(
        "# T\n\nFor priority consideration please apply by Friday, January 30, 2015 at 5pm.\n",
    );
    assert_eq!(f.closes_on.as_deref(), Some("2015-01-30"));
    assert_eq!(f.posted_on, None);
    assert_eq!(facts("# T\n\nApply soon.\n").closes_on, None);
    // "until filled" names no date; the deadline after it does.
    let f = facts("# T\n\nOpen until filled, but please apply by Friday, January 30, 2015.\n");
    assert_eq!(f.closes_on.as_deref(), Some("2015-01-30"));
}

#[test]
fn a_date_label_needs_its_colon() {
    assert_eq!(
        facts("# T\n\nDate: 2020-10-09\n\nText.\n")
            .posted_on
            .as_deref(),
        Some("2020-10-09")
    );
    assert_eq!(
        facts("# T\n\nDatum: 3. März 2024\n\nText.\n")
            .posted_on
            .as_deref(),
        Some("2024-03-03")
    );
    assert_eq!(
        facts("# T\n\nDate of entry 2020-10-09 is flexible.\n").posted_on,
        None
    );
    // An applicant-tracking page's label lines, each value on the line below.
    assert_eq!(
        facts("# T\n\nJob Location:\nSand Point\nPosting Date:\n12/02/2020\nClosing Info:\nOpen Until Filled\n")
            .posted_on
            .as_deref(),
        Some("2020-12-02")
    );
    // A label opening a sentence after the employer's name and place.
    for (line, want) in [
        (
            "Gasthaus Lindenhof, Freiburg. Veröffentlicht am 14. März 2017.",
            "2017-03-14",
        ),
        (
            "Bright Suds, Savannah, Georgia. Posted 4 August 2025.",
            "2025-08-04",
        ),
    ] {
        let f = facts(&format!("# T\n\n{line}\n\nText.\n"));
        assert_eq!(f.posted_on.as_deref(), Some(want), "{line}");
    }
    // A letter's dateline: a place, a comma, a date, on a line of its own.
    for (line, want) in [
        ("*Paris, le 3 avril 2018*", "2018-04-03"),
        ("*Paris, 15 septembre 2017*", "2017-09-15"),
        ("Berlin, den 12. März 2024", "2024-03-12"),
    ] {
        let f = facts(&format!("# T\n\n{line}\n\nText.\n"));
        assert_eq!(f.posted_on.as_deref(), Some(want), "{line}");
    }
    for line in [
        "We open in Paris, on 3 April 2018 we hired our first cook, and more.",
        "Leeds, Bradford, York",
    ] {
        let f = facts(&format!("# T\n\n{line}\n\nText.\n"));
        assert_eq!(f.posted_on, None, "{line}");
    }
}

#[test]
fn money_that_is_not_pay() {
    for text in [
        "You will manage a $2M budget.",
        "We raised $10,000,000 last year.",
        "A $500 signing bonus.",
        "Learning stipend of $1,000 a year.",
        "We have 50,000 customers.",
        "- $3,500 per year in educational funds.",
        "# Physiotherapeut*in (m/w/d)\n\n### in Vollzeit/Teilzeit/450 Euro Minijob\n",
    ] {
        assert_eq!(facts(text).pay, None, "{text}");
    }
    // The words after a figure's period still make it pay.
    assert!(facts("- $48,000 per year in base salary.").pay.is_some());
    // In the pay section any figure is pay.
    assert!(facts("# T\n\n## Pay\n\n$52,000.").pay.is_some());
    // A budget for the role is its pay.
    assert_eq!(
        pay("We have a budget of £40,000 for this role, with a hardware budget.").min,
        Some(40_000.0)
    );
    // A budget for pay is pay; a budget for anything else is not.
    assert_eq!(
        pay("The compensation budget for this contract is a total of $50K-$80K.").max,
        Some(80_000.0)
    );
    assert_eq!(facts("The marketing budget is $50K-$80K.").pay, None);
    // A package is pay, as the salary is.
    assert_eq!(
        pay("Package - Up to £30,000 DOE + profit share").max,
        Some(30_000.0)
    );
}

#[test]
fn a_rate_of_something_else_is_no_pay() {
    let f = facts("# T\n\n- Keep a response rate according to agreed standards.\n");
    assert_eq!(f.pay, None);
    let f = facts("# T\n\n- Hourly rate according to experience.\n");
    assert!(f.pay.is_some_and(|p| p.open_ended.is_some()));
}

#[test]
fn a_telephone_number_is_no_pay() {
    for text in [
        "Questions about starting a career with us? Call (02) 6120 8701.",
        "Questions about starting your career? Call 555-123-4567.",
        "Pour votre salaire de départ, appelez le 06 12 34 56 78.",
        "Questions about pay? Ring 01632 960123.",
        "Salary questions: +44 20 7946 0958.",
        // Label lines run into one paragraph: the figure is the requisition's.
        "Req #:\n185187\nDepartment:\nCollege of the Environment\nJob Location:\nSand Point\nSalary:\nSalary is commensurate with education and experience.",
    ] {
        assert_eq!(facts(text).pay.and_then(|p| p.min), None, "{text}");
    }
    for (text, min) in [
        ("Starting salary 52 000 - 60 000 per year.", 52_000.0),
        ("Salary: 1 000 000 per year.", 1_000_000.0),
        ("Salary 45000-55000.", 45_000.0),
        ("The pay for this role is 45000 to 55000 a year.", 45_000.0),
    ] {
        assert_eq!(pay(text).min, Some(min), "{text}");
    }
}

#[test]
fn pay_location_is_reported() {
    let p = pay("# T\n\nIntro.\n\n## Pay\n\nBase: $50,000-$60,000");
    assert_eq!(p.loc, Some(Loc::new(7, 7)));
}

#[test]
fn locations() {
    type Case = (
        &'static str,
        Option<&'static str>,
        Option<&'static str>,
        Option<&'static str>,
    );
    let cases: &[Case] = &[
        ("Work in Denver, CO.", Some("US"), Some("CO"), None),
        (
            "Location: New York, NY",
            Some("US"),
            Some("NY"),
            Some("New York City"),
        ),
        (
            "Our Brooklyn bakery.",
            Some("US"),
            Some("NY"),
            Some("New York City"),
        ),
        ("Based in Albany, New York.", Some("US"), Some("NY"), None),
        ("Office in Washington, DC.", Some("US"), Some("DC"), None),
        ("Office in Toronto, ON.", Some("CA"), Some("ON"), None),
        ("Office in Berlin.", Some("DE"), None, None),
        ("Remote (US only).", Some("US"), None, None),
        ("Help us grow.", None, None, None),
        (
            "## Location\n\nRemote (WA residents only).",
            Some("US"),
            Some("WA"),
            None,
        ),
        ("## Location\n\nRemote OR hybrid.", None, None, None),
        ("Our WA team.", None, None, None),
        (
            "In Cleveland, OH.",
            Some("US"),
            Some("OH"),
            Some("Cleveland"),
        ),
        // Postcodes name their country; "WA" beside an Australian place is not Washington.
        ("Our office, Leeds LS11 5AB.", Some("GB"), None, None),
        ("Visit us at SW1A 1AA.", Some("GB"), None, None),
        ("Albert Quay, T12 X8N4.", Some("IE"), None, None),
        ("Our depot, Fremantle WA 6160.", Some("AU"), None, None),
        ("## Location\n\nPerth, WA.", Some("AU"), None, None),
        ("## Location\n\nPerth WA.", Some("AU"), None, None),
        ("Office in Vancouver, WA.", Some("US"), Some("WA"), None),
        ("Unit 4, Toronto ON M5V 2T6.", Some("CA"), Some("ON"), None),
        ("Mail code M5V 2T6.", Some("CA"), None, None),
        // Not postcodes: a product code, a year after a state, a word.
        ("We ship the X12 ABCD kit.", None, None, None),
        ("Our team in WA 2024.", None, None, None),
        // The head office "located in" a place is not where the job is.
        (
            "Our headquarters is located in Austin, Texas. This role is based in Denver, Colorado.",
            Some("US"),
            Some("CO"),
            None,
        ),
        (
            "Location: Austin, TX (our parent company is based in Denver, Colorado).",
            Some("US"),
            Some("TX"),
            None,
        ),
        // A doctor's degree after a name is not Maryland.
        (
            "The lab of Jane Roe, MD PhD, studies sleep.",
            None,
            None,
            None,
        ),
        ("Ask Jane Roe, MD, MPH.", None, None, None),
        // A word for a part of the region may stand between "in" and the region; a
        // partner named earlier ("California Institute of Technology") is no place.
        (
            "A project with the California Institute of Technology. The lab is situated in central New Jersey.",
            Some("US"),
            Some("NJ"),
            None,
        ),
        // The state written with its okina, or an apostrophe for it.
        (
            "The University of Hawai’i at Mānoa is hiring an Associate Professor.",
            Some("US"),
            Some("HI"),
            None,
        ),
        (
            "Our clinic in Hilo, Hawaiʻi is hiring a receptionist.",
            Some("US"),
            Some("HI"),
            None,
        ),
    ];
    for (text, country, region, city) in cases {
        let f = facts(text);
        assert_eq!(f.country.as_deref(), *country, "{text}");
        assert_eq!(f.region.as_deref(), *region, "{text}");
        assert_eq!(f.city.as_deref(), *city, "{text}");
    }
}

#[test]
fn conditions_section_outranks_company_blurb() {
    let f = facts("# T\n\n## About us\n\nHead office in Chicago.\n\n## Location\n\nSeattle.\n");
    assert_eq!(f.region.as_deref(), Some("WA"));
}

#[test]
fn canadian_dollars_from_location() {
    let f = facts("# T\n\nToronto, ON. Salary $60,000-$70,000.");
    assert_eq!(f.pay.and_then(|p| p.currency).as_deref(), Some("CAD"));
    let f = facts("Remote. Salary $60,000-$70,000.");
    assert_eq!(f.country.as_deref(), Some("US"));
    assert!(f.remote);
}

#[test]
fn remote_detection() {
    assert!(facts("This is a remote role.").remote);
    assert!(facts("Work from home.").remote);
    assert!(!facts("Experience with remote sensing.").remote);
    assert!(!facts("This is not remote.").remote);
    assert!(!facts("Hybrid: two days remote.").remote);
    for denied in [
        "This is an onsite position, remote work is not available.",
        "Remote work isn't possible for this role.",
        "The work cannot be done remotely or from home.",
        "We are not able to offer remote work.",
    ] {
        assert!(!facts(denied).remote, "{denied}");
    }
    // A denial in another clause does not count.
    assert!(facts("Fully remote, no office to commute to.").remote);
}

#[test]
fn each_place_listed_after_a_cue_is_a_site() {
    let f = facts(
        "# Analyst\n\nWe are seeking an analyst to join our markets team in Houston, TX, \
         Austin, TX, Denver, CO or Calgary, AB. We serve customers in Ohio.\n",
    );
    let mut regions: Vec<Option<&str>> =
        f.other_sites.iter().map(|s| s.region.as_deref()).collect();
    regions.push(f.region.as_deref());
    regions.sort();
    regions.dedup();
    assert_eq!(regions, [Some("AB"), Some("CO"), Some("TX")]);
    // A team mentioned, not joined, names no place of work.
    let f = facts("# Analyst\n\nOur sales team in Denver, CO sells our reports.\n");
    assert!(f.other_sites.is_empty());
}

#[test]
fn a_country_after_remote_is_a_site_of_its_own() {
    let f = facts("---\nlocation: [\"Remote-US\", \"Washington, DC\"]\n---\n\nWe test software.\n");
    assert!(f.remote);
    let mut sites: Vec<(Option<&str>, &str)> = f
        .other_sites
        .iter()
        .map(|s| (s.region.as_deref(), s.country.as_str()))
        .collect();
    sites.push((f.region.as_deref(), f.country.as_deref().unwrap_or("")));
    sites.sort();
    assert_eq!(sites, [(None, "US"), (Some("DC"), "US")]);
    // Remote as an item of its own beside the office opens the job to the country.
    for line in [
        "location:\n  - \"Washington, DC\"\n  - Remote",
        "location: Denver, CO or remote",
    ] {
        let f = facts(&format!("---\n{line}\n---\n\nWe test software.\n"));
        assert!(f.remote, "{line}");
        assert_eq!(f.other_sites.len(), 1, "{line}");
        assert_eq!(f.other_sites[0].region, None, "{line}");
    }
    // A remark on the office's place is no second site.
    let f = facts("---\nlocation: Denver, CO (remote)\n---\n\nWe test software.\n");
    assert!(f.other_sites.is_empty());
    // A country beside one of its cities adds nothing when no remote word names it.
    let f = facts("---\nlocation: \"Chicago, Illinois, USA\"\n---\n\nWe test software.\n");
    assert!(f.other_sites.is_empty());
}

#[test]
fn experience_asks_and_seniority() {
    let cases: &[(&str, Option<u32>)] = &[
        ("3+ years of experience", Some(36)),
        ("At least 2 years experience in retail", Some(24)),
        ("3-5 years of experience", Some(36)),
        ("Two or more years of experience", Some(24)),
        ("6 months experience", Some(6)),
        ("Must be 18 years or older", None),
        ("Founded 25 years ago", None),
        ("We have 10 years in business", None),
    ];
    for (text, months) in cases {
        assert_eq!(facts(text).experience_months, *months, "{text}");
    }
    // In a qualifications list "experience" need not follow.
    assert_eq!(
        facts("# T\n\n## Requirements\n\n- 4 years in kitchens\n").experience_months,
        Some(48)
    );
    // A window of time is not time asked for.
    assert_eq!(
        facts("# T\n\n## Requirements\n\n- A degree earned within the last 3 years\n")
            .experience_months,
        None
    );
    assert!(facts("# Junior Baker\n").entry_level);
    assert!(facts("# Baker\n\nThis is an entry-level role.").entry_level);
    assert!(!facts("# Senior Baker\n\nMentor junior bakers.").entry_level);
}

#[test]
fn deadline_apply_and_benefits() {
    assert!(facts("Apply by March 31, 2027.").has_deadline);
    assert!(facts("Applications close 2027-04-01.").has_deadline);
    assert!(facts("# T\n\n## How to apply\n\nSend a CV before 15 April.").has_deadline);
    assert!(!facts("Open until filled.").has_deadline);
    assert!(facts("Send a short note to hiring@example.com by June 30.").has_deadline);
    assert!(facts("Submit applications by 15 April 2027.").has_deadline);
    assert!(!facts("We expect to be fully staffed by June 30.").has_deadline);
    assert!(!facts("Apply with a note, reviewed by our chef.").has_deadline);
    let f = facts("Email your CV to jobs@example.com by March 3, 2015.");
    assert_eq!(f.closes_on.as_deref(), Some("2015-03-03"));
    assert!(!facts("We opened in March 2019.").has_deadline);
    assert!(facts("Send your resume to a@b.example.").has_apply);
    assert!(!facts("We bake bread.").has_apply);
    assert!(facts("Health insurance and paid time off.").has_benefits);
    assert!(facts("We match your 401(k).").has_benefits);
    assert!(facts("# T\n\n## Perks\n\nFree bread.").has_benefits);
    assert!(!facts("We bake bread.").has_benefits);
    // "Benefits" named, none described; benefits said not to exist are stated.
    assert!(!facts("The salary is $69k/yr, including generous benefits.").has_benefits);
    assert!(facts("This position comes with no benefits.").has_benefits);
    // The employer's field is no benefit; a plan for staff is.
    assert!(!facts("We are out to disrupt healthcare technology.").has_benefits);
    assert!(facts("Private healthcare for you and your family.").has_benefits);
    assert!(facts("Base plus commission.").commission);
}

#[test]
fn extras_after_the_range_are_separate_facts() {
    let range = "$145,000 to $165,000 a year";
    for extra in [
        ", plus a yearly bonus of up to 10% of salary",
        ", with a 401(k) match",
        ", plus a 30% staff discount",
        " plus commission",
        " (plus bonus)",
        " and a $5,000 signing bonus",
    ] {
        let text = format!("Pay: {range}{extra}.");
        let p = pay(&text);
        assert_eq!((p.min, p.max), (Some(145000.0), Some(165000.0)), "{text}");
        assert_eq!(p.open_ended, None, "{text}");
    }
    // The bonus figure itself is still not pay.
    assert_eq!(facts("Plus a bonus of up to $10,000.").pay, None);
    assert_eq!(facts("A $401 match and a $5,000 bonus.").pay, None);
}

#[test]
fn a_space_or_an_html_entity_between_sign_and_figure() {
    let p = pay("Salary: £ 25,000 - £ 30,000 per annum.");
    assert_eq!(
        (p.min, p.max, p.currency.as_deref()),
        (Some(25000.0), Some(30000.0), Some("GBP"))
    );
    let html = "<h1>Cook</h1><p>Pay: &pound;25,000 to &pound;30,000 a year.</p>";
    let p = Doc::from_html("p.html", html)
        .facts
        .pay
        .expect("pay from entities");
    assert_eq!(
        (p.min, p.max, p.currency.as_deref()),
        (Some(25000.0), Some(30000.0), Some("GBP"))
    );
    // Far apart, a sign and a number are not one amount.
    assert!(facts("# Cook\n\nPay: £         12 a year.\n").pay.is_none());
}

#[test]
fn a_figure_in_a_heading_is_the_headline_pay() {
    let p = pay("# Cook\n\n### Up to £31,000 + benefits\n\nWe run a café.\n");
    assert_eq!((p.max, p.currency.as_deref()), (Some(31000.0), Some("GBP")));
}

#[test]
fn the_euro_by_name_after_a_figure() {
    let p = pay("Salary: 48,000 - 56,000 Euro a year.");
    assert_eq!((p.min, p.max), (Some(48000.0), Some(56000.0)));
    assert_eq!(p.currency.as_deref(), Some("EUR"));
    assert_eq!(
        pay("Pay: 60,000 euros a year.").currency.as_deref(),
        Some("EUR")
    );
    assert!(
        facts("# Cook\n\nSalary talks in 5 European cities.\n")
            .pay
            .is_none()
    );
}

#[test]
fn zero_is_a_placeholder_not_pay() {
    assert!(
        facts("# Cook\n\n#### Pay: $0, Canada (remote)\n\nWe cook.\n")
            .pay
            .is_none()
    );
    assert!(facts("# Cook\n\nSalary: $0 a year.\n").pay.is_none());
    assert!(
        facts("# Cook\n\nSalary: $0 - $40,000 a year.\n")
            .pay
            .is_some()
    );
}

#[test]
fn a_dollar_code_beside_the_sign_names_the_dollar() {
    for text in [
        "Salary: CAD $70,000 to $85,000 a year.",
        "Salary: $70,000 CAD a year.",
        "Salary: $70,000 - $85,000 CAD a year.",
    ] {
        assert_eq!(pay(text).currency.as_deref(), Some("CAD"), "{text}");
    }
    let p = pay("Salary: CAD $70,000 to $85,000 a year.");
    assert_eq!((p.min, p.max), (Some(70000.0), Some(85000.0)));
}

#[test]
fn a_sign_glued_after_its_figures() {
    let p = pay("The role is 10 hours a week at a rate of 25-40$/hour based on experience.");
    assert_eq!((p.min, p.max), (Some(25.0), Some(40.0)));
    assert_eq!(p.period.as_deref(), Some("hour"));
    let p = pay("Pay: 18$ an hour.");
    assert_eq!((p.min, p.max), (Some(18.0), Some(18.0)));
}

#[test]
fn german_and_french_pay_forms() {
    let cases: &[(&str, f64, f64, &str)] = &[
        (
            "## Gehalt\n\n2.600 bis 2.900 € brutto im Monat",
            2600.0,
            2900.0,
            "month",
        ),
        (
            "## Gehalt\n\n2.100,50 € brutto im Monat",
            2100.5,
            2100.5,
            "month",
        ),
        (
            "## Rémunération\n\nDe 24 000 à 26 000 € bruts par an",
            24000.0,
            26000.0,
            "year",
        ),
        (
            "## Rémunération\n\nEntre 24 000 et 26 000 € par an",
            24000.0,
            26000.0,
            "year",
        ),
        (
            "## Gehalt\n\nZwischen 45.000 und 52.000 € im Jahr",
            45000.0,
            52000.0,
            "year",
        ),
        (
            "## Gehalt\n\n2.600-2.900€ brutto im Monat",
            2600.0,
            2900.0,
            "month",
        ),
    ];
    for (md, min, max, period) in cases {
        let p = pay(&format!("# Koch\n\n{md}\n"));
        assert_eq!(p.min, Some(*min), "{md}");
        assert_eq!(p.max, Some(*max), "{md}");
        assert_eq!(p.currency.as_deref(), Some("EUR"), "{md}");
        assert_eq!(p.period.as_deref(), Some(*period), "{md}");
    }
}

#[test]
fn swiss_amounts_grouped_with_an_apostrophe() {
    for (md, min, max) in [
        ("## Lohn\n\nCHF 4'800 – CHF 5'400 pro Monat", 4800.0, 5400.0),
        (
            "## Salaire\n\n4'700 CHF – 5'300 CHF par mois",
            4700.0,
            5300.0,
        ),
        (
            "## Lohn\n\nCHF 4\u{2019}800 bis 5\u{2019}400 im Monat",
            4800.0,
            5400.0,
        ),
        // As an HTML reader passes "4&#x27;700": the entity padded to its width.
        (
            "## Salaire\n\n4'     700 CHF – 5'     300 CHF par mois",
            4700.0,
            5300.0,
        ),
    ] {
        let p = pay(&format!("# Koch\n\n{md}\n"));
        assert_eq!((p.min, p.max), (Some(min), Some(max)), "{md}");
        assert_eq!(p.currency.as_deref(), Some("CHF"), "{md}");
    }
}

#[test]
fn a_dollar_after_its_figure_in_quebec_french() {
    let p = pay("# Caissier\n\n## Rémunération\n\n18,50\u{a0}$ – 20,00\u{a0}$ de l’heure\n");
    assert_eq!((p.min, p.max), (Some(18.5), Some(20.0)));
    let p = pay("# Caissier\n\n## Salaire\n\nDe 45 000 $ à 52 000 $ par année\n");
    assert_eq!((p.min, p.max), (Some(45000.0), Some(52000.0)));
}

#[test]
fn a_dollar_code_before_each_figure_of_a_range() {
    for text in [
        "Zone A: USD $163,600 - USD $245,400",
        "Pay: CAD $60,000 to CAD $70,000",
    ] {
        let p = pay(text);
        assert!(p.min.is_some() && p.max > p.min, "{text}: {p:?}");
    }
}

#[test]
fn a_country_only_mentioned_in_another_language_is_not_the_place() {
    let de = "# Berater (m/w/d)\n\nWir arbeiten remote und bei den Kunden, und Sie teilen sich die Stunden \
              selbst ein. Jedes Jahr fahren wir mit dem Team zu einer Konferenz (USA), und Sie sind dabei.\n";
    assert_eq!(facts(de).country, None);
    let en = "# Consultant\n\nWe work remotely and at clients, and you plan your own hours. Each year \
              the team goes to a conference (USA) and you come with us.\n";
    assert_eq!(facts(en).country.as_deref(), Some("US"));
}

#[test]
fn a_german_compound_pay_noun_makes_its_figure_pay() {
    let p = pay("* Ein Monatsbruttogehalt ab € 3.000,- (je nach Erfahrung)");
    assert_eq!(p.min, Some(3000.0));
    // A figure with no pay word is not pay.
    assert!(
        facts("* Ein Firmenwagen ab € 3.000,- Listenpreis")
            .pay
            .is_none()
    );
}

/// The jobs a page lists, by name, with whether each part gives a figure, words its pay
/// vaguely, and describes benefits.
fn jobs_of(md: &str) -> Vec<(String, bool, bool, bool)> {
    facts(md)
        .jobs
        .into_iter()
        .map(|j| (j.name, j.has_figure, j.vague.is_some(), j.has_benefits))
        .collect()
}

#[test]
fn a_page_of_several_jobs_is_read_job_by_job() {
    let page = "# Vacancies\n\n\
        ## Packing Operatives\n\nDay shifts packing and labelling chilled food on the line, four days on and four off, in a cold room.\n\n£12.60 per hour.\n\n\
        ## Maintenance Engineer\n\nDays, Monday to Friday, keeping the packing lines, compressors and chillers running for the whole site.\n\nCompetitive rates of pay.\n\n\
        ## Night Hygiene Operatives (m/w/d)\n\nNights from Sunday to Thursday, cleaning the lines and the chillers ready for the early morning shift, with health insurance from the first day.\n";
    let want = |n: &str, f, v, b| (n.to_string(), f, v, b);
    assert_eq!(
        jobs_of(page),
        vec![
            want("Packing Operatives", true, false, false),
            want("Maintenance Engineer", false, true, false),
            want("Night Hygiene Operatives (m/w/d)", false, false, true),
        ]
    );
}

#[test]
fn one_job_or_a_contact_is_no_list_of_jobs() {
    // Sections of one posting name no job; a contact's title over a phone number is no
    // part of its own; a sentence ending in a job noun is no name.
    let one = "# Line Cook\n\n## What you'll do\n\nCook to order and keep the line clean through the lunch and dinner services, five days a week.\n\n\
        ## Benefits\n\nPaid time off and a staff meal every shift.\n\nReporting to the Head Chef\n\n\
        ## Contact\n\nHuman Resources Manager\n\n360.555.0148\n";
    assert!(jobs_of(one).is_empty());
    let one_named = "# Careers\n\n## Sous Chef\n\nRun the pass on busy nights and train the line cooks in the house recipes and our standards of service.\n\n$24 an hour.\n";
    assert!(jobs_of(one_named).is_empty());
}

#[test]
fn an_hourly_rate_written_without_a_currency() {
    for (text, min, max) in [
        ("Hourly rate: 22.50-25.00.", 22.5, 25.0),
        ("Hourly rate: 22-25.", 22.0, 25.0),
        ("Pay: 22.50 to 25.00 per hour.", 22.5, 25.0),
    ] {
        let p = pay(text);
        assert_eq!((p.min, p.max), (Some(min), Some(max)), "{text}");
        assert_eq!(p.period.as_deref(), Some("hour"), "{text}");
    }
    for text in [
        "Wage: 3 shifts per week.",
        "Pay: overtime after 40 hours per week.",
        "Pay: we review pay after 90 days.",
        "Contract terms: part-time, hourly contractual basis (20 hours per week).",
    ] {
        assert_eq!(facts(text).pay.and_then(|p| p.min), None, "{text}");
    }
}

#[test]
fn pay_not_given_and_pay_schemes_are_not_vague_pay() {
    // A job board's placeholder is pay missing, not pay described.
    assert_eq!(facts("# Analyst\n\nSalary: Not specified\n").pay, None);
    // Praise of a salary-packaging scheme praises no pay.
    assert_eq!(
        facts("We offer attractive salary packaging benefits to reduce your taxable income.").pay,
        None
    );
    assert!(facts("We offer an attractive salary.").pay.is_some());
    // Pay offered by its name alone, with no figure, is pay described.
    for item in [
        "Salary base",
        "Base salary plus commissions",
        "Salary + bonus",
        "Salary base plus commissions and travel expenses paid",
    ] {
        let text = format!("# Driver\n\n## What we offer\n\n- {item}\n- Paid holidays\n");
        let pay = facts(&text).pay;
        assert!(
            pay.is_some_and(|p| p.min.is_none() && p.open_ended.is_some()),
            "{item}"
        );
    }
    assert_eq!(
        facts("# Driver\n\n## What we offer\n\n- Paid holidays\n- Training\n").pay,
        None
    );
    assert_eq!(
        facts("# Driver\n\n## What we offer\n\n- Travel expenses paid\n- Training\n").pay,
        None
    );
}

#[test]
fn pay_praised_after_its_noun_in_english() {
    for text in ["Pay is competitive.", "The salary is very attractive."] {
        assert!(facts(text).pay.is_some_and(|p| p.min.is_none()), "{text}");
    }
    assert!(facts("Our response rate is excellent.").pay.is_none());
}
