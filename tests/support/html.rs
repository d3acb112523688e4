//! A small HTML start-tag reader shared by the property tests and the fuzz
//! targets: it finds markup that would run script in a browser.

/// One start tag of an HTML text: its name and attributes, read the way a
/// browser tokenizer does (quoted values taken whole).
#[derive(Debug)]
pub struct Tag {
    /// Lower-case tag name.
    pub name: String,
    /// Names and values, lower-cased.
    pub attributes: Vec<(String, String)>,
}

/// Every start tag of `html`, in order.
pub fn start_tags(html: &str) -> Vec<Tag> {
    let mut tags = Vec::new();
    let mut i = 0;
    while let Some(at) = html[i..].find('<') {
        i += at + 1;
        if !html.as_bytes().get(i).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let mut cursor = Cursor { html, i };
        tags.push(cursor.tag());
        i = cursor.i;
    }
    tags
}

/// A position in an HTML text, read forwards.
struct Cursor<'a> {
    html: &'a str,
    i: usize,
}

impl Cursor<'_> {
    /// One byte on, never past the end.
    fn step(&mut self) {
        self.i = (self.i + 1).min(self.html.len());
    }

    fn peek(&self) -> Option<u8> {
        self.html.as_bytes().get(self.i).copied()
    }

    fn skip(&mut self, what: impl Fn(u8) -> bool) {
        while self.peek().is_some_and(&what) {
            self.i += 1;
        }
    }

    /// Bytes up to the first `stop`, lower-cased.
    fn until(&mut self, stop: impl Fn(u8) -> bool) -> String {
        let start = self.i;
        self.skip(|c| !stop(c));
        self.html[start..self.i].to_ascii_lowercase()
    }

    /// The tag whose name starts here; leaves the cursor after its `>`.
    fn tag(&mut self) -> Tag {
        let name = self.until(|c| c.is_ascii_whitespace() || c == b'/' || c == b'>');
        let mut attributes = Vec::new();
        loop {
            self.skip(|c| c.is_ascii_whitespace() || c == b'/');
            if self.peek().is_none_or(|c| c == b'>') {
                self.step();
                return Tag { name, attributes };
            }
            let attr =
                self.until(|c| c.is_ascii_whitespace() || c == b'=' || c == b'>' || c == b'/');
            self.skip(|c| c.is_ascii_whitespace());
            let value = if self.peek() == Some(b'=') {
                self.i += 1;
                self.skip(|c| c.is_ascii_whitespace());
                self.value()
            } else {
                String::new()
            };
            attributes.push((attr, value));
        }
    }

    fn value(&mut self) -> String {
        match self.peek() {
            Some(q) if q == b'"' || q == b'\'' => {
                self.step();
                let value = self.until(|c| c == q);
                self.step();
                value
            }
            _ => self.until(|c| c.is_ascii_whitespace() || c == b'>'),
        }
    }
}

/// What makes `html` unsafe to open in a browser, if anything: a script other
/// than the one JSON-LD block, an embedding element, an event handler, or a
/// `javascript:`/`data:` URL in an attribute.
pub fn problem(html: &str) -> Option<String> {
    let tags = start_tags(html);
    let scripts: Vec<&Tag> = tags.iter().filter(|t| t.name == "script").collect();
    let ld = [("type".to_string(), "application/ld+json".to_string())];
    if scripts.len() > 1 || scripts.first().is_some_and(|s| s.attributes[..] != ld[..]) {
        return Some(format!("{} script elements", scripts.len()));
    }
    tags.iter()
        .find_map(|t| embedding(t).or_else(|| scripting(t)))
}

/// What in `html` can run script, if anything: a script element, an event
/// handler, or a `javascript:`/`data:` URL. Looser than [`problem`]: for HTML a
/// third party makes from our Markdown, where a plain `https` image is fine.
pub fn script_problem(html: &str) -> Option<String> {
    let tags = start_tags(html);
    tags.iter().find_map(|t| match t.name.as_str() {
        "script" => Some("a script element".to_string()),
        _ => scripting(t),
    })
}

fn embedding(tag: &Tag) -> Option<String> {
    let embeds = [
        "img", "svg", "iframe", "object", "embed", "form", "math", "base",
    ];
    embeds
        .contains(&tag.name.as_str())
        .then(|| format!("unexpected <{}>", tag.name))
}

/// Attributes a browser loads or follows as a URL.
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "srcset",
    "action",
    "formaction",
    "xlink:href",
    "data",
    "poster",
    "background",
];

fn scripting(tag: &Tag) -> Option<String> {
    tag.attributes.iter().find_map(|(attr, value)| {
        let url: String = value.chars().filter(|c| !c.is_whitespace()).collect();
        let bad_url = ["javascript:", "vbscript:", "data:"]
            .iter()
            .any(|scheme| url.starts_with(scheme));
        let bad = attr.starts_with("on")
            || attr == "srcdoc"
            || (URL_ATTRIBUTES.contains(&attr.as_str()) && bad_url);
        bad.then(|| format!("<{} {attr}=\"{value}\">", tag.name))
    })
}

/// Markdown as a careless job board would show it: CommonMark, raw HTML kept.
pub fn board(md: &str) -> String {
    let mut out = String::new();
    pulldown_cmark::html::push_html(&mut out, pulldown_cmark::Parser::new(md));
    out
}
