use super::*;
use quick_xml::Reader;
use quick_xml::events::Event;

fn date(s: &str) -> Date {
    s.parse::<toml::value::Datetime>().unwrap().date.unwrap()
}

fn channel() -> Channel {
    Channel {
        publisher: "Acme & Sons".into(),
        base_url: "https://jobs.example/".into(),
        title: "Careers at Acme".into(),
        lang: "en-US".into(),
        today: date("2027-01-10"),
    }
}

fn item(id: &str) -> Item {
    Item {
        file: format!("{id}.toml"),
        id: id.into(),
        title: "Cashier".into(),
        company: "Acme".into(),
        url: format!("https://jobs.example/{id}.html"),
        apply_url: format!("https://jobs.example/{id}.html"),
        city: "Denver".into(),
        region: "CO".into(),
        country: "US".into(),
        location: "Denver, CO, United States".into(),
        workplace: Some(Workplace::OnSite),
        employment: Some(EmploymentType::PartTime),
        description: format!(
            "<p>{}</p><h2>Pay</h2><ul><li>one</li></ul>",
            "x".repeat(120)
        ),
        summary: "You help customers.".into(),
        salary: "$18.00–$22.00 per hour".into(),
        pay: Some(PayRange {
            min: Some(18.0),
            max: Some(22.0),
            currency: "USD".into(),
            period: Period::Hour,
        }),
        posted: Some(date("2027-01-04")),
        apply_by: Some(date("2027-02-01")),
        ..Item::default()
    }
}

/// Every element's name and text, in order, read by a real XML parser; fails
/// on anything not well formed.
fn parse(xml: &str) -> Vec<(String, String)> {
    let mut reader = Reader::from_str(xml);
    let (mut out, mut stack) = (Vec::new(), Vec::<(String, String)>::new());
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) => stack.push((
                String::from_utf8(e.name().0.to_vec()).unwrap(),
                String::new(),
            )),
            Event::End(_) => out.push(stack.pop().unwrap()),
            Event::Empty(e) => out.push((
                String::from_utf8(e.name().0.to_vec()).unwrap(),
                String::new(),
            )),
            Event::CData(t) => stack
                .last_mut()
                .unwrap()
                .1
                .push_str(std::str::from_utf8(&t.into_inner()).unwrap()),
            // Line breaks between the declaration and the root are no one's text.
            Event::Text(t) => {
                if let Some(top) = stack.last_mut() {
                    top.1.push_str(&t.decode().unwrap())
                }
            }
            Event::GeneralRef(r) => {
                let c = match &*r.decode().unwrap() {
                    "amp" => '&',
                    "lt" => '<',
                    "gt" => '>',
                    "quot" => '"',
                    "apos" => '\'',
                    other => panic!("entity {other}"),
                };
                stack.last_mut().unwrap().1.push(c)
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert!(stack.is_empty());
    out
}

fn names(xml: &str) -> Vec<String> {
    parse(xml).into_iter().map(|(n, _)| n).collect()
}

fn value(xml: &str, name: &str) -> String {
    parse(xml)
        .into_iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v)
        .unwrap_or_else(|| panic!("no <{name}> in {xml}"))
}

#[test]
fn indeed_lists_every_element_the_board_reads() {
    let mut a = item("a");
    a.street = "1 Main St".into();
    a.postal_code = "80202".into();
    a.education = "High school diploma or equivalent".into();
    a.experience = "At least 1 year of relevant experience".into();
    a.category = "Retail".into();
    a.workplace = Some(Workplace::Hybrid);
    let w = write(Kind::Indeed, &[a], &channel());
    let names = names(&w.xml);
    for n in [
        "source",
        "publisher",
        "publisherurl",
        "lastBuildDate",
        "job",
        "title",
        "date",
        "referencenumber",
        "requisitionid",
        "url",
        "company",
        "city",
        "state",
        "country",
        "postalcode",
        "streetaddress",
        "description",
        "salary",
        "education",
        "jobtype",
        "category",
        "experience",
        "expirationdate",
        "remotetype",
    ] {
        assert!(names.iter().any(|x| x == n), "no <{n}> in {}", w.xml);
    }
    assert_eq!(value(&w.xml, "date"), "Mon, 04 Jan 2027 00:00:00 GMT");
    assert_eq!(
        value(&w.xml, "lastBuildDate"),
        "Sun, 10 Jan 2027 00:00:00 GMT"
    );
    assert_eq!(value(&w.xml, "salary"), "$18.00–$22.00 per hour");
    assert_eq!(value(&w.xml, "jobtype"), "parttime");
    assert_eq!(value(&w.xml, "remotetype"), "Hybrid remote");
    assert_eq!(value(&w.xml, "publisher"), "Acme & Sons");
    assert!(
        w.xml.contains("<title><![CDATA[Cashier]]></title>"),
        "{}",
        w.xml
    );
    assert_eq!((w.jobs, w.left_out.len()), (1, 0));
}

#[test]
fn linkedin_lists_its_elements_pay_as_numbers_and_basic_html() {
    let w = write(Kind::LinkedIn, &[item("a")], &channel());
    let names = names(&w.xml);
    for n in [
        "partnerJobId",
        "company",
        "title",
        "description",
        "applyUrl",
        "location",
        "city",
        "state",
        "country",
        "isRemote",
        "jobtype",
        "listDate",
        "expirationDate",
        "salaries",
        "salary",
        "highEnd",
        "lowEnd",
        "amount",
        "currencyCode",
        "period",
        "type",
    ] {
        assert!(names.iter().any(|x| x == n), "no <{n}> in {}", w.xml);
    }
    let d = value(&w.xml, "description");
    assert!(
        d.contains("<p><strong>Pay</strong></p><ul><li>one</li></ul>"),
        "{d}"
    );
    assert_eq!(value(&w.xml, "period"), "HOURLY");
    assert_eq!(value(&w.xml, "jobtype"), "PART_TIME");
    assert_eq!(value(&w.xml, "isRemote"), "false");
    assert!(
        w.xml
            .contains("<highEnd><amount>22.00</amount><currencyCode>USD</currencyCode></highEnd>")
    );
}

#[test]
fn atom_has_the_feed_and_entry_elements_rfc_4287_requires() {
    let w = write(Kind::Atom, &[item("a")], &channel());
    let xml = &w.xml;
    let names = names(xml);
    for n in [
        "feed", "id", "title", "updated", "link", "author", "name", "entry", "summary",
    ] {
        assert!(names.iter().any(|x| x == n), "no <{n}> in {xml}");
    }
    assert_eq!(value(xml, "id"), "https://jobs.example/feeds/atom.xml");
    assert_eq!(value(xml, "updated"), "2027-01-04T00:00:00Z");
    assert!(
        xml.contains("<entry><id>https://jobs.example/a.html</id>"),
        "{xml}"
    );
}

#[test]
fn closed_jobs_are_left_out_of_every_feed_without_a_finding() {
    let mut closed = item("closed");
    closed.apply_by = Some(date("2027-01-09"));
    let mut last_day = item("today");
    last_day.apply_by = Some(date("2027-01-10"));
    for kind in Kind::ALL {
        let w = write(kind, &[closed.clone(), last_day.clone()], &channel());
        assert_eq!((w.jobs, w.left_out.len()), (1, 0), "{kind}");
        assert!(!w.xml.contains("closed.html"), "{}", w.xml);
    }
}

#[test]
fn incomplete_postings_are_left_out_naming_the_fields() {
    let mut no_city = item("no-city");
    no_city.city.clear();
    no_city.posted = None;
    let mut remote = item("remote");
    remote.city.clear();
    remote.workplace = Some(Workplace::Remote);
    let w = write(Kind::Indeed, &[no_city, remote], &channel());
    assert_eq!(w.jobs, 1);
    assert_eq!(
        w.left_out,
        [LeftOut {
            feed: Kind::Indeed,
            file: "no-city.toml".into(),
            fields: vec!["posted".into(), "location.city".into()]
        }]
    );
    assert_eq!(
        w.left_out[0].to_string(),
        "left out of the Indeed feed: it needs posted, location.city"
    );
    let mut short = item("short");
    short.description = "<p>Short.</p>".into();
    short.id = "x".repeat(41);
    let w = write(Kind::LinkedIn, &[short], &channel());
    assert_eq!(w.left_out[0].fields.len(), 2, "{:?}", w.left_out);
}

#[test]
fn hostile_text_keeps_every_feed_well_formed_and_adds_no_element() {
    let mut evil = item("evil");
    evil.title = "A]]><script>alert(1)</script>\u{0}\u{1b}\u{FFFF}<job>".into();
    evil.company = "]]>]]><x/>".into();
    evil.summary = evil.title.clone();
    evil.description = format!("{}<p>]]&gt;</p>", evil.description);
    for kind in Kind::ALL {
        let w = write(kind, &[evil.clone()], &channel());
        let parsed = parse(&w.xml);
        assert!(
            !parsed.iter().any(|(n, _)| n == "script" || n == "x"),
            "{}",
            w.xml
        );
        assert_eq!(
            parsed
                .iter()
                .filter(|(n, _)| n == "job" || n == "entry")
                .count(),
            1
        );
        // The job's title: Atom's first is the feed's own.
        let title = parsed
            .iter()
            .rev()
            .find(|(n, _)| n == "title")
            .unwrap()
            .1
            .clone();
        assert_eq!(title, "A]]><script>alert(1)</script><job>", "{kind}");
    }
}

#[test]
fn dates_convert_both_ways() {
    for s in ["1970-01-01", "2000-02-29", "2027-01-04", "2100-12-31"] {
        let d = date(s);
        assert_eq!(crate::jsonld::civil_from_days(days(d)), d);
    }
    assert_eq!(rfc822(date("2027-01-04")), "Mon, 04 Jan 2027 00:00:00 GMT");
}
