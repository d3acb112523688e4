//! An Atom feed (RFC 4287): the careers page as a feed, an entry per open
//! posting with its page as id and link, its date as `updated`, and what the
//! role is for as the summary.

use super::{Channel, DECLARATION, Item, Kind, days};
use crate::xml::{element, escape};

/// An entry needs a title and a date (`updated` is required).
pub(super) fn required(item: &Item) -> Vec<&'static str> {
    let mut missing = Vec::new();
    if item.title.is_empty() {
        missing.push("title");
    }
    if item.posted.is_none() {
        missing.push("posted");
    }
    missing
}

pub(super) fn write(items: &[&Item], channel: &Channel) -> String {
    let base = &channel.base_url;
    let self_url = format!("{base}{}", Kind::Atom.path());
    // The feed changed when its newest entry did; with no entries, today.
    let updated = items
        .iter()
        .filter_map(|i| i.posted)
        .max_by_key(|d| days(*d))
        .unwrap_or(channel.today);
    let mut xml = String::with_capacity(512 + items.len() * 512);
    xml.push_str(DECLARATION);
    xml.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        escape(&channel.lang)
    ));
    xml.push_str(&element("id", &self_url));
    xml.push_str(&element("title", &channel.title));
    xml.push_str(&element("updated", &timestamp(updated)));
    xml.push_str(&format!(
        "<link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\
         <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
        escape(&self_url),
        escape(&format!("{base}index.html"))
    ));
    xml.push_str(&format!(
        "<author>{}</author>\n",
        element("name", &channel.publisher)
    ));
    for item in items {
        entry(&mut xml, item);
    }
    xml.push_str("</feed>\n");
    xml
}

fn entry(xml: &mut String, item: &Item) {
    xml.push_str("<entry>");
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
}

/// `2027-01-04T00:00:00Z`: a date as an RFC 3339 timestamp.
fn timestamp(d: toml::value::Date) -> String {
    format!("{d}T00:00:00Z")
}
