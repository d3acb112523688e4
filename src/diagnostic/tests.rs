use super::*;
use crate::error::{Origin, Pos, Problem};

fn plain(d: &Diagnostic, sources: &Sources) -> String {
    render(d, sources, false)
}

#[test]
fn a_file_position_shows_the_line_and_underlines_the_span() {
    let origin = Origin::at("posting.toml", Pos { line: 5, col: 1 }).spanning(7);
    let p = Problem::new(origin, "unknown key `maximum`")
        .expected("one of: min, max")
        .suggest(Some("max"));
    let sources = Sources::new(|path| {
        (path == "posting.toml").then(|| "[pay]\nmin = 1\n\n\nmaximum = 18\n".to_string())
    });
    assert_eq!(
        plain(&Diagnostic::of_problem(&p), &sources),
        "posting.toml:5:1: error: unknown key `maximum`; expected one of: min, max\n \
         5 | maximum = 18\n   \
         | ^^^^^^^\n  \
         = help: did you mean `max`?\n"
    );
}

#[test]
fn a_line_the_problem_carries_wins_over_the_file() {
    let origin = Origin::at("p.toml", Pos { line: 1, col: 9 }).spanning(3);
    let p = Problem::new(origin, "bad").with_line("title = 123");
    let sources = Sources::new(|_| Some("something else\n".to_string()));
    let out = plain(&Diagnostic::of_problem(&p), &sources);
    assert!(
        out.ends_with(" 1 | title = 123\n   |         ^^^\n"),
        "{out}"
    );
}

#[test]
fn the_underline_stays_on_the_line_and_counts_wide_characters() {
    let origin = Origin::at("a.md", Pos { line: 1, col: 3 }).spanning(usize::MAX);
    let mut d = Diagnostic::error("too long");
    d.origin = Some(origin);
    d.line = Some("東京 ok".to_string());
    let out = plain(&d, &Sources::none());
    // "東京" is four cells wide; the span runs to the end of the line.
    assert!(out.ends_with(" 1 | 東京 ok\n   |     ^^^\n"), "{out}");
}

#[test]
fn a_flag_origin_has_no_excerpt() {
    let p = Problem::new(
        Origin::flag("--set", "pay.mni=20"),
        "unknown key `mni` in [pay]",
    )
    .suggest(Some("min"));
    let sources = Sources::new(|_| panic!("a flag has no source file"));
    assert_eq!(
        plain(&Diagnostic::of_problem(&p), &sources),
        "--set pay.mni=20: error: unknown key `mni` in [pay]\n  = help: did you mean `min`?\n"
    );
}

#[test]
fn a_field_origin_names_the_field_once() {
    let p = Problem::of_field("title", "missing").expected("a title");
    assert_eq!(
        plain(&Diagnostic::of_problem(&p), &Sources::none()),
        "title: error: missing; expected a title\n"
    );
    // Moved to the file that lacks it, the field leads the message.
    let moved = p.moved_to(Origin::file("posting.toml"));
    assert_eq!(
        plain(&Diagnostic::of_problem(&moved), &Sources::none()),
        "posting.toml: error: title: missing; expected a title\n"
    );
}

#[test]
fn a_list_of_problems_is_separated_and_counted() {
    let located = Problem::of_field("pay.max", "pay.min (25) is above pay.max (18)")
        .moved_to(Origin::at("posting.toml", Pos { line: 2, col: 1 }));
    let e = crate::error::Error::Invalid(vec![
        Problem::of_field("title", "missing").expected("a title"),
        located,
    ]);
    let sources = Sources::new(|_| Some("[pay]\nmax = 18\n".to_string()));
    assert_eq!(
        render_all(&of_error(&e), &sources, false),
        "title: error: missing; expected a title\n\
         \n\
         posting.toml:2:1: error: pay.max: pay.min (25) is above pay.max (18)\n \
         2 | max = 18\n   \
         | ^\n\
         \n\
         error: the posting has 2 problems\n"
    );
    // One problem needs no count.
    let one = crate::error::Error::Invalid(vec![Problem::of_field("title", "missing")]);
    assert_eq!(of_error(&one).len(), 1);
}

#[test]
fn codes_notes_and_labels_are_shown() {
    let mut d = Diagnostic::error("Unexpected end of input");
    d.code = Some("template".into());
    d.origin = Some(Origin::at("posting.md", Pos { line: 1, col: 13 }));
    d.line = Some("# {{ p.title ".into());
    d.label = Some("the tag is not closed".into());
    d.notes = vec!["templates are tera".into()];
    assert_eq!(
        plain(&d, &Sources::none()),
        "posting.md:1:13: error[template]: Unexpected end of input\n \
         1 | # {{ p.title\n   \
         |             ^ the tag is not closed\n  \
         = note: templates are tera\n"
    );
}

#[test]
fn colour_codes_only_when_asked() {
    let p = Problem::new(Origin::at("a.toml", Pos { line: 1, col: 1 }), "bad").with_line("x = 1");
    let d = Diagnostic::of_problem(&p);
    assert!(!render(&d, &Sources::none(), false).contains('\u{1b}'));
    let coloured = render(&d, &Sources::none(), true);
    assert!(
        coloured.contains("\u{1b}[1;31merror\u{1b}[0m"),
        "{coloured:?}"
    );
    assert!(coloured.contains("\u{1b}[1;31m^\u{1b}[0m"), "{coloured:?}");
}

#[test]
fn errors_without_a_place_read_as_before() {
    let e = crate::error::Error::Usage("nothing to render".into());
    assert_eq!(
        render_all(&of_error(&e), &Sources::none(), false),
        "error: nothing to render\n"
    );
}

#[test]
fn a_preset_origin_points_into_its_file_and_names_the_preset() {
    let origin = Origin::Preset {
        id: "teller".into(),
        hint: false,
        file: "myroles/teller.toml".into(),
        pos: Some(Pos { line: 2, col: 1 }),
    };
    let p = Problem::of_field("title", "`BANK TELLER` is all capitals").moved_to(origin);
    let sources = Sources::new(|path| {
        (path == "myroles/teller.toml").then(|| "name = \"T\"\ntitle = \"BANK TELLER\"\n".into())
    });
    assert_eq!(
        plain(&Diagnostic::of_problem(&p), &sources),
        "myroles/teller.toml:2:1: error: title: `BANK TELLER` is all capitals\n \
         2 | title = \"BANK TELLER\"\n   \
         | ^\n  \
         = note: the value comes from the role preset `teller`\n"
    );
}

#[test]
fn echoed_control_characters_are_escaped_everywhere() {
    let origin = Origin::at("p\u{1b}.toml", Pos { line: 1, col: 2 }).spanning(4);
    let p = Problem::new(origin, "unknown key `\u{1b}]0;PWNED\u{7}`").suggest(Some("\u{9b}x"));
    let sources = Sources::new(|_| Some("\"\u{1b}]0;PWNED\u{7}\" = 1\n".to_string()));
    let out = plain(&Diagnostic::of_problem(&p), &sources);
    assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{out:?}");
    assert_eq!(
        out,
        "p\\u{1b}.toml:1:2: error: unknown key `\\u{1b}]0;PWNED\\u{7}`\n \
         1 | \"\\u{1b}]0;PWNED\\u{7}\" = 1\n   \
         |  ^^^^^^^^^\n  \
         = help: did you mean `\\u{9b}x`?\n"
    );
}

#[test]
fn a_long_line_is_shown_in_a_window_around_the_span() {
    let line = format!("{}needle{}", "a".repeat(5000), "b".repeat(5000));
    let mut d = Diagnostic::error("found it");
    d.origin = Some(Origin::at("p.toml", Pos { line: 1, col: 5001 }).spanning(6));
    d.line = Some(line);
    let out = plain(&d, &Sources::none());
    let shown = format!("…{}needle{}…", "a".repeat(60), "b".repeat(194));
    let under = format!("{}^^^^^^", " ".repeat(61));
    assert_eq!(
        out,
        format!("p.toml:1:5001: error: found it\n 1 | {shown}\n   | {under}\n")
    );
}

#[test]
fn a_huge_message_is_cut_in_the_middle() {
    let key = "k".repeat(1_000_000);
    let out = plain(
        &Diagnostic::error(format!("unknown key `{key}`; expected x")),
        &Sources::none(),
    );
    assert!(out.len() < 1000, "{}", out.len());
    assert!(
        out.contains("kkk…kkk") && out.ends_with("`; expected x\n"),
        "{out}"
    );
}
