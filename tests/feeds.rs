//! The feeds `export --feeds` wrote for the `export-feeds` fixture (whose bytes
//! `tests/cli.rs` checks against the binary's output), read back by parsers
//! that are not ours: quick-xml for well-formedness and every element each
//! board requires, feed-rs for the Atom feed.

use std::path::PathBuf;

use quick_xml::Reader;
use quick_xml::events::Event;

fn feed(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/export-feeds/expected/files/out/feeds")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Each `<job>`'s child element names and text, read by a real XML parser,
/// which fails on anything not well formed.
fn jobs(xml: &str, job: &str) -> Vec<Vec<(String, String)>> {
    let mut reader = Reader::from_str(xml);
    let mut jobs: Vec<Vec<(String, String)>> = Vec::new();
    let (mut depth, mut name) = (0, String::new());
    loop {
        match reader.read_event().expect("well formed") {
            Event::Start(e) => {
                let n = String::from_utf8(e.name().0.to_vec()).unwrap();
                if n == job {
                    jobs.push(Vec::new());
                    depth = 1;
                } else if depth > 0 {
                    depth += 1;
                    name = n;
                }
            }
            Event::End(e) if e.name().0 == job.as_bytes() => depth = 0,
            Event::End(_) if depth > 0 => depth -= 1,
            Event::CData(t) if depth == 2 => {
                let text = String::from_utf8(t.into_inner().to_vec()).unwrap();
                let fields = jobs.last_mut().unwrap();
                match fields.last_mut() {
                    Some((n, v)) if *n == name => v.push_str(&text),
                    _ => fields.push((name.clone(), text)),
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    jobs
}

fn has(job: &[(String, String)], name: &str) -> bool {
    job.iter().any(|(n, v)| n == name && !v.is_empty())
}

#[test]
fn indeed_lists_the_open_complete_job_with_every_element_it_requires() {
    let jobs = jobs(&feed("indeed.xml"), "job");
    // `closed` is past its last day and `no-city` lacks a city: one job stays.
    assert_eq!(jobs.len(), 1, "{jobs:?}");
    for name in [
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
        "jobtype",
        "category",
        "experience",
        "expirationdate",
    ] {
        assert!(has(&jobs[0], name), "no <{name}> in {:?}", jobs[0]);
    }
    let get = |n: &str| jobs[0].iter().find(|(k, _)| k == n).unwrap().1.clone();
    assert_eq!(get("url"), "https://jobs.example/careers/open.html");
    assert_eq!(get("referencenumber"), "CSH-1");
    assert_eq!(get("category"), "Retail");
}

#[test]
fn linkedin_keeps_hostile_text_as_text() {
    let jobs = jobs(&feed("linkedin.xml"), "job");
    assert_eq!(jobs.len(), 2, "{jobs:?}");
    for job in &jobs {
        for name in [
            "partnerJobId",
            "company",
            "title",
            "description",
            "applyUrl",
            "country",
        ] {
            assert!(has(job, name), "no <{name}> in {job:?}");
        }
    }
    let title = &jobs[0].iter().find(|(n, _)| n == "title").unwrap().1;
    assert_eq!(title, "Cashier ]]> <script>alert(1)</script> <job>");
}

#[test]
fn atom_is_read_by_a_feed_parser() {
    let xml = feed("atom.xml");
    let parsed = feed_rs::parser::parse(xml.as_bytes()).expect("a valid feed");
    assert_eq!(parsed.feed_type, feed_rs::model::FeedType::Atom);
    assert_eq!(
        parsed.title.unwrap().content,
        "Careers at Juniper Outfitters"
    );
    let links: Vec<&str> = parsed
        .entries
        .iter()
        .map(|e| e.links[0].href.as_str())
        .collect();
    assert_eq!(
        links,
        [
            "https://jobs.example/careers/no-city.html",
            "https://jobs.example/careers/open.html"
        ]
    );
    let first = &parsed.entries[0];
    assert_eq!(
        first.title.as_ref().unwrap().content,
        "Cashier ]]> <script>alert(1)</script> <job>"
    );
    assert!(first.updated.is_some() && first.summary.is_some());
}

#[test]
fn the_careers_page_links_the_atom_feed_and_marks_the_closed_job() {
    let page = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/export-feeds/expected/files/out/index.html"),
    )
    .unwrap();
    assert!(page.contains(
        "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Careers at Juniper Outfitters\" href=\"https://jobs.example/careers/feeds/atom.xml\">"
    ));
    let closed = page
        .lines()
        .find(|l| l.contains("href=\"closed.html\""))
        .unwrap();
    assert!(closed.contains("<strong>Closed</strong>"), "{closed}");
}
