//! Word documents from the built binary, opened with the zip crate and read
//! with quick-xml (not with the code that wrote them): heading styles, real
//! bullet numbering, the pay in the facts table, hyperlinks, the language, and
//! hostile text kept as text. `.ci/docx.sh` opens the same files with
//! python-docx and LibreOffice.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use quick_xml::Reader;
use quick_xml::events::Event;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `jobpost render FILE -o posting.docx` into a temporary folder; its bytes.
fn render(posting: &Path) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("posting.docx");
    let status = Command::new(env!("CARGO_BIN_EXE_jobpost"))
        .arg("render")
        .arg(posting)
        .arg("-o")
        .arg(&out)
        .env("NO_COLOR", "1")
        .status()
        .unwrap();
    assert!(status.success());
    std::fs::read(out).unwrap()
}

fn part(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// Each paragraph of `word/document.xml`: its style, whether it is numbered,
/// and its text, as a real XML parser reads them.
fn paragraphs(xml: &str) -> Vec<(String, bool, String)> {
    let mut reader = Reader::from_str(xml);
    let mut out: Vec<(String, bool, String)> = Vec::new();
    let mut in_text = false;
    loop {
        match reader.read_event().expect("well formed") {
            Event::Start(e) if e.name().0 == b"w:p" => out.push(Default::default()),
            Event::Empty(e) if e.name().0 == b"w:p" => out.push(Default::default()),
            Event::Empty(e) if e.name().0 == b"w:pStyle" => {
                let style = e.try_get_attribute("w:val").unwrap().unwrap();
                out.last_mut().unwrap().0 = String::from_utf8(style.value.to_vec()).unwrap();
            }
            Event::Start(e) | Event::Empty(e) if e.name().0 == b"w:numPr" => {
                out.last_mut().unwrap().1 = true
            }
            Event::Start(e) if e.name().0 == b"w:t" => in_text = true,
            Event::End(e) if e.name().0 == b"w:t" => in_text = false,
            Event::Text(t) if in_text => out.last_mut().unwrap().2.push_str(&t.decode().unwrap()),
            Event::GeneralRef(r) if in_text => {
                let c = match &*r.decode().unwrap() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    _ => "'",
                };
                out.last_mut().unwrap().2.push_str(c)
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

#[test]
fn a_posting_becomes_headings_a_facts_table_and_word_bullet_lists() {
    let docx = render(&root().join("examples/uk-london-contact-centre.toml"));
    let doc = part(&docx, "word/document.xml");
    let paras = paragraphs(&doc);
    assert_eq!(paras[0].0, "Heading1");
    let h2: Vec<&str> = paras
        .iter()
        .filter(|p| p.0 == "Heading2")
        .map(|p| p.2.as_str())
        .collect();
    assert!(
        h2.contains(&"About the role") && h2.contains(&"Pay and benefits"),
        "{h2:?}"
    );
    let bullets: Vec<_> = paras.iter().filter(|p| p.1).collect();
    assert!(bullets.len() > 10 && bullets.iter().all(|p| p.0 == "ListBullet"));
    assert!(!doc.contains('\u{2022}'), "a bullet typed into the text");
    let numbering = part(&docx, "word/numbering.xml");
    assert!(
        numbering.contains("<w:numFmt w:val=\"bullet\"/>")
            && numbering.contains("<w:num w:numId=\"1\">")
    );
    // The facts table: the pay beside its label, as the page states it.
    assert!(
        paras.iter().any(|p| p.2 == "Pay") && paras.iter().any(|p| p.2.starts_with('£')),
        "{paras:?}"
    );
    assert!(doc.contains("<w:tbl>"));
    assert!(part(&docx, "word/styles.xml").contains("<w:lang w:val=\"en-GB\"/>"));
    let rels = part(&docx, "word/_rels/document.xml.rels");
    assert!(
        doc.contains("<w:hyperlink r:id=\"link1\"") && rels.contains("TargetMode=\"External\"")
    );
}

#[test]
fn the_same_posting_gives_the_same_bytes() {
    let posting = root().join("examples/us-denver-cashier.toml");
    assert_eq!(render(&posting), render(&posting));
}

#[test]
fn hostile_text_stays_text_in_a_well_formed_document() {
    let dir = tempfile::tempdir().unwrap();
    let posting = dir.path().join("evil.toml");
    // A control character is refused when the posting is loaded (see
    // tests/untrusted.rs); what XML cannot carry is dropped by `xml`'s own tests.
    std::fs::write(
        &posting,
        "role = \"cashier\"\ntitle = \"Cashier ]]> <w:p/> <script>x</script> & done\"\n\
         purpose = \"We **help** people. <b onclick=x>hi</b> [x](javascript:alert(1))\"\n",
    )
    .unwrap();
    let docx = render(&posting);
    let doc = part(&docx, "word/document.xml");
    let paras = paragraphs(&doc);
    assert_eq!(paras[0].2, "Cashier ]]> <w:p/> <script>x</script> & done");
    assert!(!doc.contains("javascript:"));
    assert!(
        paras.iter().any(|p| p.2.contains("<b onclick=x>hi</b>")),
        "{paras:?}"
    );
}
