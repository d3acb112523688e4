//! The parts of a `.docx` package around the body: content types, the
//! relationships, the styles (with the posting's language as every run's
//! default), the bullet list's numbering definition and the core properties;
//! and the zip that holds them. Fixed dates in the zip keep the bytes the same
//! from run to run.

use std::io::Write;
use std::path::Path;

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::Body;
use crate::error::{Error, Result};
use crate::render::View;
use crate::xml::escape;

/// The width of the facts table's label column, in twentieths of a point.
pub(super) const LABEL_WIDTH: u32 = 2400;

/// The width of its value column.
pub(super) const VALUE_WIDTH: u32 = 6600;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const RELS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// The document as the bytes of a `.docx` file.
pub(super) fn pack(v: &View, body: &Body) -> Result<Vec<u8>> {
    let parts = [
        ("[Content_Types].xml", content_types()),
        ("_rels/.rels", package_rels()),
        ("docProps/core.xml", core(v)),
        ("word/document.xml", document(v, body)),
        ("word/_rels/document.xml.rels", document_rels(body)),
        ("word/styles.xml", styles(&v.locale)),
        ("word/numbering.xml", numbering()),
    ];
    zip(&parts).map_err(|e| Error::io("write", Path::new("the Word document"), e))
}

fn zip(parts: &[(&str, String)]) -> std::io::Result<Vec<u8>> {
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default());
    let mut zip = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, text) in parts {
        zip.start_file(*name, options)
            .map_err(std::io::Error::other)?;
        zip.write_all(text.as_bytes())?;
    }
    let cursor = zip.finish().map_err(std::io::Error::other)?;
    Ok(cursor.into_inner())
}

fn content_types() -> String {
    let main = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    format!(
        "{DECLARATION}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
         <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
         <Override PartName=\"/word/document.xml\" ContentType=\"{main}.document.main+xml\"/>\
         <Override PartName=\"/word/styles.xml\" ContentType=\"{main}.styles+xml\"/>\
         <Override PartName=\"/word/numbering.xml\" ContentType=\"{main}.numbering+xml\"/>\
         <Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
         </Types>"
    )
}

fn package_rels() -> String {
    format!(
        "{DECLARATION}<Relationships xmlns=\"{RELS}\">\
         <Relationship Id=\"rId1\" Type=\"{R}/officeDocument\" Target=\"word/document.xml\"/>\
         <Relationship Id=\"rId2\" Type=\"{RELS}/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
         </Relationships>"
    )
}

/// The title and language, which file managers and search show; no dates, so
/// the same posting gives the same file.
fn core(v: &View) -> String {
    format!(
        "{DECLARATION}<cp:coreProperties \
         xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\
         <dc:title>{}</dc:title><dc:language>{}</dc:language></cp:coreProperties>",
        escape(&v.title),
        escape(&v.locale)
    )
}

fn document(v: &View, body: &Body) -> String {
    format!(
        "{DECLARATION}<w:document xmlns:w=\"{W}\" xmlns:r=\"{R}\"><w:body>{}{}</w:body></w:document>",
        body.xml,
        section(&v.locale)
    )
}

/// The page: US Letter where the locale's country prints on it, A4 elsewhere;
/// one-inch (2.54 cm) margins.
fn section(locale: &str) -> String {
    let (width, height) = match locale {
        "en-US" | "en-CA" => (12240, 15840),
        _ => (11906, 16838),
    };
    format!(
        "<w:sectPr><w:pgSz w:w=\"{width}\" w:h=\"{height}\"/>\
         <w:pgMar w:top=\"1440\" w:right=\"1440\" w:bottom=\"1440\" w:left=\"1440\" \
         w:header=\"720\" w:footer=\"720\" w:gutter=\"0\"/></w:sectPr>"
    )
}

/// The styles and numbering, then one external relationship per hyperlink.
fn document_rels(body: &Body) -> String {
    let links: String = body
        .links
        .iter()
        .enumerate()
        .map(|(i, url)| {
            format!(
                "<Relationship Id=\"link{}\" Type=\"{R}/hyperlink\" Target=\"{}\" TargetMode=\"External\"/>",
                i + 1,
                escape(url)
            )
        })
        .collect();
    format!(
        "{DECLARATION}<Relationships xmlns=\"{RELS}\">\
         <Relationship Id=\"rId1\" Type=\"{R}/styles\" Target=\"styles.xml\"/>\
         <Relationship Id=\"rId2\" Type=\"{R}/numbering\" Target=\"numbering.xml\"/>\
         {links}</Relationships>"
    )
}

/// Word's own style ids and names (`Heading1` / `heading 1`, `ListBullet`,
/// `Hyperlink`, `TableGrid`), so Word's navigation pane, outline and style
/// gallery treat them as its own; the language is every run's default.
fn styles(locale: &str) -> String {
    let heading = |level: u8, size: u8, before: u16| {
        format!(
            "<w:style w:type=\"paragraph\" w:styleId=\"Heading{level}\">\
             <w:name w:val=\"heading {level}\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>\
             <w:uiPriority w:val=\"9\"/><w:qFormat/>\
             <w:pPr><w:keepNext/><w:spacing w:before=\"{before}\" w:after=\"120\"/><w:outlineLvl w:val=\"{}\"/></w:pPr>\
             <w:rPr><w:b/><w:color w:val=\"1F3864\"/><w:sz w:val=\"{size}\"/></w:rPr></w:style>",
            level - 1
        )
    };
    format!(
        "{DECLARATION}<w:styles xmlns:w=\"{W}\">\
         <w:docDefaults><w:rPrDefault><w:rPr>\
         <w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\" w:eastAsia=\"Calibri\" w:cs=\"Calibri\"/>\
         <w:sz w:val=\"22\"/><w:lang w:val=\"{lang}\"/></w:rPr></w:rPrDefault>\
         <w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault>\
         </w:docDefaults>\
         <w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>\
         {}{}{}\
         <w:style w:type=\"paragraph\" w:styleId=\"ListBullet\"><w:name w:val=\"List Bullet\"/>\
         <w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"40\"/><w:contextualSpacing/></w:pPr></w:style>\
         <w:style w:type=\"character\" w:styleId=\"Hyperlink\"><w:name w:val=\"Hyperlink\"/>\
         <w:rPr><w:color w:val=\"0563C1\"/><w:u w:val=\"single\"/></w:rPr></w:style>\
         <w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/>\
         <w:tblPr><w:tblBorders>{}</w:tblBorders>\
         <w:tblCellMar><w:left w:w=\"108\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar>\
         </w:tblPr><w:pPr><w:spacing w:before=\"60\" w:after=\"60\"/></w:pPr></w:style>\
         </w:styles>",
        heading(1, 36, 0),
        heading(2, 28, 360),
        heading(3, 24, 240),
        ["top", "left", "bottom", "right", "insideH", "insideV"]
            .iter()
            .map(|side| format!(
                "<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A6A6A6\"/>"
            ))
            .collect::<String>(),
        lang = escape(locale),
    )
}

/// One bullet list definition: a bullet at the first level, indented half an inch.
fn numbering() -> String {
    format!(
        "{DECLARATION}<w:numbering xmlns:w=\"{W}\">\
         <w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"hybridMultilevel\"/>\
         <w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/>\
         <w:lvlText w:val=\"\u{2022}\"/><w:lvlJc w:val=\"left\"/>\
         <w:pPr><w:ind w:left=\"720\" w:hanging=\"360\"/></w:pPr></w:lvl></w:abstractNum>\
         <w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>"
    )
}
