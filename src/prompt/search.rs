//! Finding a role by the words job seekers and recruiters use for it where they
//! are: "contact centre" finds the call center preset, "adviser" the
//! representatives, "waiting staff" the restaurant server (its UK title).
//!
//! Each option has its words ([`words`]): the preset's name, industry, titles in
//! every locale and the name respelled for each locale. A query matches when each
//! of its words is found in them, after both are folded to one spelling
//! ([`fold`]: centre/center, adviser/advisor/agent/representative, contact/call).

use crate::preset::Preset;

/// Spellings and synonyms folded to one form, as whole words.
const FOLDS: &[(&str, &str)] = &[
    ("centre", "center"),
    ("centres", "center"),
    ("centers", "center"),
    ("adviser", "representative"),
    ("advisor", "representative"),
    ("advisers", "representative"),
    ("advisors", "representative"),
    ("agent", "representative"),
    ("agents", "representative"),
    ("rep", "representative"),
    ("consultant", "representative"),
    ("contact", "call"),
    ("waiter", "server"),
    ("waitress", "server"),
    ("waiting", "server"),
    ("wait", "server"),
    ("handler", "representative"),
    ("teller", "cashier"),
];

/// `text` in lower case, each word in its folded form.
pub fn fold(text: &str) -> String {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            FOLDS
                .iter()
                .find(|(from, _)| *from == w)
                .map_or(w, |(_, to)| *to)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The words a preset is found by, folded: its name, industry and id, its title
/// in every locale, and its name as each locale spells it.
pub fn words(preset: &Preset) -> String {
    use crate::spelling::overrides::Change;
    let mut out = vec![
        preset.name.clone(),
        preset.industry.clone(),
        preset.id.clone(),
    ];
    for overrides in preset.locales.values() {
        for o in overrides.iter().filter(|o| o.path == "title") {
            if let Change::Text(t) = &o.change {
                out.push(t.clone());
            }
        }
    }
    for tag in crate::locale::tags() {
        if let Some(table) = crate::spelling::table(tag) {
            out.push(table.apply(&preset.name));
        }
    }
    fold(&out.join(" "))
}

/// The options `query` finds, in list order: those whose label holds it as
/// typed first, then those found by their `words`. An option with no words (a
/// line that is not a role) is found only by its label, or by an empty query.
pub fn find(query: &str, options: &[String], words: &[String]) -> Vec<usize> {
    let all = 0..options.len();
    if query.trim().is_empty() {
        return all.collect();
    }
    let by_label = all.clone().filter(|&i| in_label(query, &options[i]));
    let by_words = all.filter(|&i| {
        !in_label(query, &options[i])
            && words
                .get(i)
                .is_some_and(|w| !w.is_empty() && matches(query, w))
    });
    by_label.chain(by_words).collect()
}

/// Whether `query` is in `label` as typed, in any case: such a match is shown
/// before one found only by [`matches`].
pub fn in_label(query: &str, label: &str) -> bool {
    label.to_lowercase().contains(&query.trim().to_lowercase())
}

/// Whether every word of `query` starts a word of `words` (already folded).
pub fn matches(query: &str, words: &str) -> bool {
    let have: Vec<&str> = words.split(' ').collect();
    fold(query)
        .split(' ')
        .filter(|q| !q.is_empty())
        .all(|q| have.iter().any(|w| w.starts_with(q)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::preset::Registry;

    fn found(query: &str) -> Vec<String> {
        let registry = Registry::load(None).unwrap();
        registry
            .all()
            .unwrap()
            .into_iter()
            .filter(|p| matches(query, &words(p)))
            .map(|p| p.id.clone())
            .collect()
    }

    #[test]
    fn roles_are_found_by_the_words_of_each_country() {
        assert!(found("contact centre").contains(&"call-center-customer-service".to_string()));
        assert!(found("call center").contains(&"call-center-customer-service".to_string()));
        assert!(found("customer service adviser").contains(&"customer-service".to_string()));
        assert!(found("customer service advisor").contains(&"customer-service".to_string()));
        assert!(found("waiting staff").contains(&"restaurant-server".to_string()));
        assert!(found("claims handler").contains(&"claims-representative".to_string()));
        assert!(found("bank cashier").contains(&"bank-teller".to_string()));
        assert!(found("nurse").is_empty());
    }

    #[test]
    fn an_empty_query_finds_everything() {
        assert!(matches("", "anything"));
        assert!(matches("  ", "anything"));
    }
}
