//! Logos: a `company.logo` file must be an image by its bytes (PNG, JPEG, WebP,
//! GIF or SVG), not by its name, and under [`MAX_LOGO_BYTES`]. An SVG is a
//! document that can run scripts when opened on its own, so it is rebuilt from
//! drawing elements and their presentation attributes only: no script, no
//! event handler, no link, no foreign object, no external reference.

use std::collections::HashSet;
use std::io::Read;
use std::path::Path;

use crate::error::{Error, Origin, Problem, Result};

/// The largest logo file we copy.
pub const MAX_LOGO_BYTES: u64 = 1024 * 1024;

/// The logo's bytes, ready to publish: a raster image as it is, an SVG
/// sanitised. Refuses anything that is not a regular file, is too large, or is
/// not an image by its content. Export copies what this returns.
pub fn check_logo(path: &Path) -> Result<Vec<u8>> {
    let meta = super::regular_file(path, "an image file")?;
    let refuse = |message: String| {
        let problem = Problem::new(Origin::file(path.display()), message);
        Error::from(problem.expected("a PNG, JPEG, WebP, GIF or SVG image of at most 1 MiB"))
    };
    if meta.len() > MAX_LOGO_BYTES {
        return Err(refuse(format!(
            "is too large for a logo ({} bytes)",
            meta.len()
        )));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_LOGO_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| Error::io("read the logo", path, e))?;
    if bytes.len() as u64 > MAX_LOGO_BYTES {
        return Err(refuse("is too large for a logo".to_string()));
    }
    match image_kind(&bytes) {
        Some(Kind::Raster) => Ok(bytes),
        Some(Kind::Svg(text)) => Ok(sanitise_svg(text).into_bytes()),
        None => Err(refuse(
            "is not an image (its bytes are neither PNG, JPEG, WebP, GIF nor SVG)".to_string(),
        )),
    }
}

enum Kind<'a> {
    Raster,
    Svg(&'a str),
}

/// The image type by magic bytes; SVG by its text starting (after an XML
/// declaration, comments and a doctype) with `<svg`.
fn image_kind(bytes: &[u8]) -> Option<Kind<'_>> {
    let raster = bytes.starts_with(b"\x89PNG\r\n\x1a\n")
        || bytes.starts_with(b"\xff\xd8\xff")
        || bytes.starts_with(b"GIF87a")
        || bytes.starts_with(b"GIF89a")
        || (bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP");
    if raster {
        return Some(Kind::Raster);
    }
    let text = std::str::from_utf8(bytes).ok()?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rest = text.trim_start();
    while let Some(r) = rest.strip_prefix("<?").or_else(|| rest.strip_prefix("<!")) {
        let end = match r.starts_with("--") {
            true => r.find("-->").map(|i| i + 3)?,
            false => r.find('>').map(|i| i + 1)?,
        };
        rest = r[end..].trim_start();
    }
    rest.starts_with("<svg").then_some(Kind::Svg(text))
}

/// The drawing elements an SVG logo may keep.
/// SVG's mixed-case names are as the HTML parser gives them back (`linearGradient`).
const SVG_TAGS: [&str; 20] = [
    "svg",
    "g",
    "path",
    "rect",
    "circle",
    "ellipse",
    "line",
    "polyline",
    "polygon",
    "text",
    "tspan",
    "title",
    "desc",
    "defs",
    "linearGradient",
    "radialGradient",
    "stop",
    "clipPath",
    "mask",
    "symbol",
];

/// Geometry and presentation attributes; no `href`, no `on…`, no `style` (which
/// can load URLs).
const SVG_ATTRIBUTES: [&str; 44] = [
    "viewBox",
    "width",
    "height",
    "x",
    "y",
    "x1",
    "y1",
    "x2",
    "y2",
    "cx",
    "cy",
    "r",
    "rx",
    "ry",
    "d",
    "points",
    "fill",
    "fill-opacity",
    "fill-rule",
    "stroke",
    "stroke-width",
    "stroke-opacity",
    "stroke-linecap",
    "stroke-linejoin",
    "stroke-miterlimit",
    "stroke-dasharray",
    "opacity",
    "transform",
    "id",
    "offset",
    "stop-color",
    "stop-opacity",
    "gradientUnits",
    "gradientTransform",
    "font-family",
    "font-size",
    "font-weight",
    "text-anchor",
    "preserveAspectRatio",
    "clip-rule",
    "clip-path",
    "mask",
    "version",
    "class",
];

/// An SVG rebuilt from [`SVG_TAGS`] and [`SVG_ATTRIBUTES`]: anything else is
/// dropped with its content (scripts, `foreignObject`, `use`, `image`, links).
pub fn sanitise_svg(text: &str) -> String {
    let tags: HashSet<&str> = SVG_TAGS.into_iter().collect();
    let attributes: HashSet<&str> = SVG_ATTRIBUTES.into_iter().collect();
    let clean = ammonia::Builder::empty()
        .tags(tags)
        .generic_attributes(attributes)
        .url_schemes(HashSet::new())
        .url_relative(ammonia::UrlRelative::Deny)
        .clean(text)
        .to_string()
        .trim()
        .to_string();
    // HTML serialisation leaves out the namespace a standalone SVG file needs.
    let start = clean.find("<svg").map(|i| i + 4);
    match start {
        Some(i) if !clean[..clean.find('>').unwrap_or(0)].contains("xmlns") => {
            format!(
                "{} xmlns=\"http://www.w3.org/2000/svg\"{}",
                &clean[..i],
                &clean[i..]
            )
        }
        _ => clean,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_svg_keeps_its_drawing_and_loses_scripts_and_links() {
        let svg = r#"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert(1)"><script>alert(2)</script><a href="javascript:alert(3)"><path d="M0 0L10 10" fill="red"/></a><foreignObject><p>x</p></foreignObject><image href="https://evil.example/x.png"/><rect x="1" y="1" width="2" height="2" style="background:url(https://x)"/></svg>"#;
        let out = sanitise_svg(svg);
        assert_eq!(
            out,
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path d="M0 0L10 10" fill="red"></path><rect x="1" y="1" width="2" height="2"></rect></svg>"#
        );
    }

    #[test]
    fn the_type_comes_from_the_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let fake = dir.path().join("logo.png");
        std::fs::write(&fake, "root:x:0:0:root:/root:/bin/bash\n").unwrap();
        let message = check_logo(&fake).unwrap_err().to_string();
        assert!(message.contains("is not an image"), "{message}");
        std::fs::write(&fake, b"\x89PNG\r\n\x1a\nrest").unwrap();
        assert!(check_logo(&fake).is_ok());
    }
}
