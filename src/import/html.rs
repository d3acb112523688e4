//! HTML tidied for the section reader: entities decoded (so the reader does not pad
//! them to their width and "store&#x27;s" stays one word), with `&lt;`, `&gt;` and
//! `&amp;` as private-use stand-ins so escaped markup stays text; a short bold
//! paragraph made a heading; a definition list's `<dt>`/`<dd>` pairs, an apply button,
//! a website link and our own pages' pay line made "Label: value"
//! paragraphs the mapper reads as facts.

/// The page ready for [`crate::lint::doc::Doc::from_html`].
pub fn prepare(html: &str) -> String {
    let html = decode_entities(html);
    let html = strong_headings(&html);
    let html = definitions(&html);
    let html = classed(&html, "pay", "Pay");
    links(&html)
}

/// Does the page carry script (other than JSON-LD data)?
pub fn has_script(html: &str) -> bool {
    let lower = html.to_ascii_lowercase();
    lower.match_indices("<script").any(|(at, _)| {
        let tag = &lower[at..lower[at..].find('>').map_or(lower.len(), |e| at + e)];
        !tag.contains("application/ld+json")
    })
}

/// `<dt>Pay</dt><dd>$20</dd>` → `<p>Pay: $20</p>`.
fn definitions(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<dt") {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let pair = (|| {
            let open_end = tail.find('>')? + 1;
            let close = tail.find("</dt>")?;
            let label = tail.get(open_end..close)?;
            let after = tail[close + 5..].trim_start();
            let dd = after.strip_prefix("<dd")?;
            let dd_open = dd.find('>')? + 1;
            let dd_close = dd.find("</dd>")?;
            let value = dd.get(dd_open..dd_close)?;
            let used = tail.len() - dd[dd_close + 5..].len();
            Some((label, value, used))
        })();
        match pair {
            Some((label, value, used)) => {
                out.push_str(&format!("<p>{}: {}</p>", label.trim(), value.trim()));
                rest = &tail[used..];
            }
            None => {
                out.push_str("<dt");
                rest = &tail[3..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// `<p class="NAME">X</p>` → `<p>LABEL: X</p>` (our own pages' pay line).
fn classed(html: &str, class: &str, label: &str) -> String {
    let open = format!("<p class=\"{class}\">");
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(&open) {
        out.push_str(&rest[..at]);
        out.push_str(&format!("<p>{label}: "));
        rest = &rest[at + open.len()..];
    }
    out.push_str(rest);
    out
}

/// A link whose text starts "Apply" or ends "website" keeps its address as a label's
/// value (`Apply online: https://…`); the reader keeps only link text otherwise.
fn links(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<a ") {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let link = (|| {
            let open_end = tail.find('>')? + 1;
            let close = tail.find("</a>")?;
            let href_at = tail[..open_end].find("href=\"")? + 6;
            let href_end = href_at + tail[href_at..open_end].find('"')?;
            let text = tail.get(open_end..close)?.trim();
            Some((&tail[href_at..href_end], text, close + 4))
        })();
        match link {
            Some((href, text, used)) if href.starts_with("http") && !text.contains('<') => {
                let lower = text.to_lowercase();
                if lower.starts_with("apply") {
                    out.push_str(&format!("{text}: {href}"));
                } else if lower.ends_with("website") {
                    out.push_str(&format!("Website: {href}"));
                } else {
                    out.push_str(text);
                }
                rest = &tail[used..];
            }
            _ => {
                out.push_str("<a ");
                rest = &tail[3..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A paragraph that is only a short bold phrase (`<p><strong>What you'll do</strong></p>`)
/// is a heading in all but name: it becomes an `<h3>`.
fn strong_headings(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<p>") {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        match pseudo_heading(tail) {
            Some((inner, len)) => {
                out.push_str(&format!("<h3>{inner}</h3>"));
                rest = &tail[len..];
            }
            None => {
                out.push_str("<p>");
                rest = &tail[3..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The text of `<p><strong>…</strong></p>` (or `<b>`) at the start of `tail`, and
/// the markup's length, when it is short and plain.
fn pseudo_heading(tail: &str) -> Option<(&str, usize)> {
    for (open, close) in [("<p><strong>", "</strong></p>"), ("<p><b>", "</b></p>")] {
        if let Some(body) = tail.strip_prefix(open) {
            let end = body.find(close)?;
            let inner = &body[..end];
            let words = inner.split_whitespace().count();
            if !inner.contains('<') && (1..=8).contains(&words) && !inner.trim_end().ends_with('.')
            {
                return Some((inner, open.len() + end + close.len()));
            }
        }
    }
    None
}

/// Stand-ins for the three characters that are markup in HTML.
pub const STAND_INS: [(char, char); 3] = [('\u{E000}', '&'), ('\u{E001}', '<'), ('\u{E002}', '>')];

fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest[..rest.len().min(12)].find(';');
        let c = end.and_then(|e| entity(&rest[1..e]));
        match (c, end) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character an entity name (without `&` and `;`) stands for.
fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let n = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return match char::from_u32(n)? {
            '&' => Some('\u{E000}'),
            '<' => Some('\u{E001}'),
            '>' => Some('\u{E002}'),
            c if c.is_control() && c != '\n' && c != '\t' => None,
            c => Some(c),
        };
    }
    Some(match name {
        "amp" => '\u{E000}',
        "lt" => '\u{E001}',
        "gt" => '\u{E002}',
        "nbsp" => ' ',
        "quot" => '"',
        "apos" | "rsquo" => '\u{2019}',
        "lsquo" => '\u{2018}',
        "ldquo" => '\u{201C}',
        "rdquo" => '\u{201D}',
        "ndash" => '\u{2013}',
        "mdash" => '\u{2014}',
        "hellip" => '\u{2026}',
        "bull" => '\u{2022}',
        "middot" => '\u{00B7}',
        "pound" => '\u{00A3}',
        "euro" => '\u{20AC}',
        "copy" => '\u{00A9}',
        "reg" => '\u{00AE}',
        "trade" => '\u{2122}',
        "eacute" => '\u{00E9}',
        "times" => '\u{00D7}',
        _ => return None,
    })
}
