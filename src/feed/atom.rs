//! An Atom feed (RFC 4287): the careers page as a feed, an entry per open
//! posting with its page as id and link, its date as `updated`, and what the
//! role is for as the summary.

use toml::value::Date;

use super::{Channel, DECLARATION, Item, Kind};
use crate::xml::{element, escape};

/// An entry needs a title and a date (`updated` is required).
pub(super) fn required(item: &Item) -> Vec<&'static str> {
    super::lacking(&[
        ("title", !item.title.is_empty()),
        ("posted", item.posted.is_some()),
    ])
}

/// The `<feed>` element's start and what it says of itself; it changed when
/// its newest entry did (with no entries, today).
pub(super) fn head(channel: &Channel, newest: Option<Date>) -> String {
    let base = &channel.base_url;
    let self_url = format!("{base}{}", Kind::Atom.path());
    format!(
        "{DECLARATION}<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n\
         {}{}{}<link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\
         <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/><author>{}</author>\n",
        escape(&channel.lang),
        element("id", &self_url),
        element("title", &channel.title),
        element("updated", &timestamp(newest.unwrap_or(channel.today))),
        escape(&self_url),
        escape(&format!("{base}index.html")),
        element("name", &channel.publisher)
    )
}

/// One `<entry>`.
pub(super) fn entry(item: &Item) -> String {
    let mut xml = String::from("<entry>");
    xml.push_str(&element("id", &item.url));
    xml.push_str(&element("title", &item.title));
    xml.push_str(&format!(
        "<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
        escape(&item.url)
    ));
    if let Some(d) = item.posted {
        xml.push_str(&element("updated", &timestamp(d)));
    }
    if !item.company.is_empty() {
        xml.push_str(&format!(
            "<author>{}</author>",
            element("name", &item.company)
        ));
    }
    if !item.summary.is_empty() {
        xml.push_str(&element("summary", &item.summary));
    }
    xml.push_str("</entry>\n");
    xml
}

/// `2027-01-04T00:00:00Z`: a date as an RFC 3339 timestamp.
fn timestamp(d: Date) -> String {
    format!("{d}T00:00:00Z")
}
