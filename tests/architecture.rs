//! The module layering of `src/`, read from the source: which top-level module
//! names which (`crate::x` in `use` lines and paths). No two modules may reach
//! each other (a circle makes both hard to change and test alone); the bottom
//! modules use nothing but each other; only the command layer reads flags and
//! talks to the terminal, and no library module may use it. See
//! `docs/ARCHITECTURE.md` for the module map.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The command layer: flags, help, completion, man pages and the `main` that
/// runs them. Library modules return values; these print them.
const COMMAND_LAYER: [&str; 6] = ["main", "app", "cli", "help", "complete", "man"];

/// The bottom: the posting contract, the error type and the shipped files. They
/// may use each other only.
const BOTTOM: [&str; 3] = ["model", "error", "embedded"];

/// Module → the modules it names → where it first names each (`file:line`).
type Graph = BTreeMap<String, BTreeMap<String, String>>;

/// The top-level module graph of the crate's source (test code left out).
fn source_graph() -> Graph {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut graph = Graph::new();
    let mut files = Vec::new();
    collect(&src, &mut files);
    files.sort();
    for file in files {
        let rel = file.strip_prefix(&src).unwrap();
        let top = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_string();
        if top == "lib" || rel.file_name().is_some_and(|n| n == "tests.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        let uses = graph.entry(top.clone()).or_default();
        for (line, used) in crate_paths(&text) {
            if used != top {
                let at = format!("src/{}:{line}", rel.display());
                uses.entry(used).or_insert(at);
            }
        }
    }
    graph
}

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Each `crate::name` (and each name of `crate::{a, b::c}`) outside comments, with
/// its line. The item after a top-level `#[cfg(test)]` (a `mod tests { … }` up to
/// its closing `}` in column 0, or a one-line item) is test code and not counted.
fn crate_paths(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut test_item = TestItem::None;
    for (i, line) in text.lines().enumerate() {
        // The line after an item's last one is ordinary code again.
        let before = match test_item {
            TestItem::Ended => TestItem::None,
            state => state,
        };
        test_item = match (before, line) {
            (TestItem::None, "#[cfg(test)]") => TestItem::Next,
            (TestItem::Next, l) if l.ends_with('{') => TestItem::Block,
            (TestItem::Next, _) | (TestItem::Block, "}") => TestItem::Ended,
            (state, _) => state,
        };
        if test_item != TestItem::None {
            continue;
        }
        let code = line.trim_start();
        if code.starts_with("//") {
            continue;
        }
        for (at, _) in code.match_indices("crate::") {
            let rest = &code[at + "crate::".len()..];
            match rest.strip_prefix('{') {
                Some(group) => out.extend(group_heads(group).into_iter().map(|m| (i + 1, m))),
                None => out.extend(ident(rest).map(|m| (i + 1, m))),
            }
        }
    }
    out
}

/// Where a scan is relative to a `#[cfg(test)]` item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TestItem {
    /// In ordinary code.
    None,
    /// On the line after the attribute.
    Next,
    /// Inside the test module's braces.
    Block,
    /// On the item's last line.
    Ended,
}

/// The first name of each item of a `{a, b::c, d::{e, f}}` group.
fn group_heads(group: &str) -> Vec<String> {
    let mut heads = Vec::new();
    let mut depth = 0;
    let mut start = true;
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => break,
            '}' => depth -= 1,
            ',' if depth == 0 => start = true,
            c if start && !c.is_whitespace() => {
                heads.extend(ident(&group[i..]));
                start = false;
            }
            _ => {}
        }
    }
    heads
}

fn ident(s: &str) -> Option<String> {
    let name: String = s
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    (!name.is_empty() && name != "self").then_some(name)
}

/// A circle of modules, first module repeated at the end, or `None`.
fn find_cycle(graph: &Graph) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &Graph,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if !done.insert(node.to_string()) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flat_map(|m| m.keys()) {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|n| visit(n, graph, &mut Vec::new(), &mut done))
}

/// The cycle in words, each step with the line that makes it.
fn describe(cycle: &[String], graph: &Graph) -> String {
    let steps: Vec<String> = cycle
        .windows(2)
        .map(|w| format!("{} → {} ({})", w[0], w[1], graph[&w[0]][&w[1]]))
        .collect();
    format!(
        "modules call each other in a circle: {}; move the shared piece into the module \
         that owns it, or into a lower module both use",
        steps.join(", ")
    )
}

#[test]
fn top_level_modules_form_no_circle() {
    let graph = source_graph();
    assert!(graph.contains_key("app") && graph["app"].contains_key("render"));
    if let Some(cycle) = find_cycle(&graph) {
        panic!("{}", describe(&cycle, &graph));
    }
}

#[test]
fn library_modules_never_use_the_command_layer() {
    let graph = source_graph();
    let wrong: Vec<String> = graph
        .iter()
        .filter(|(module, _)| !COMMAND_LAYER.contains(&module.as_str()))
        .flat_map(|(module, uses)| {
            uses.iter()
                .filter(|(used, _)| COMMAND_LAYER.contains(&used.as_str()))
                .map(move |(used, at)| format!("{module} uses {used} ({at})"))
        })
        .collect();
    assert!(
        wrong.is_empty(),
        "library code must take plain values, not the command line's types: {}",
        wrong.join(", ")
    );
}

#[test]
fn bottom_modules_use_only_each_other() {
    let graph = source_graph();
    for module in BOTTOM {
        let uses = graph.get(module).expect("a bottom module exists");
        let above: Vec<String> = uses
            .iter()
            .filter(|(used, _)| !BOTTOM.contains(&used.as_str()))
            .map(|(used, at)| format!("{used} ({at})"))
            .collect();
        assert!(above.is_empty(), "{module} uses {}", above.join(", "));
    }
}

#[test]
fn the_checks_see_paths_groups_and_circles() {
    let text = "use crate::a::X;\n// crate::comment\nfn f() { crate::b::g(); }\n\
                use crate::{c, d::{E, F}};\n#[cfg(test)]\nuse crate::tested;\n\
                #[cfg(test)]\nmod tests {\n    use crate::tested;\n}\nuse crate::after;\n";
    let found: Vec<(usize, String)> = crate_paths(text);
    let names: Vec<&str> = found.iter().map(|(_, m)| m.as_str()).collect();
    assert_eq!(names, ["a", "b", "c", "d", "after"]);
    assert_eq!(found[4].0, 11, "lines count from 1");
    let mut graph = Graph::new();
    for (from, to) in [("x", "y"), ("y", "z"), ("z", "x"), ("w", "x")] {
        graph
            .entry(from.into())
            .or_default()
            .insert(to.into(), format!("src/{from}.rs:1"));
    }
    let cycle = find_cycle(&graph).unwrap();
    assert_eq!(cycle, ["w", "x", "y", "z", "x"][1..]);
    assert!(describe(&cycle, &graph).contains("z → x (src/z.rs:1)"));
    graph.get_mut("z").unwrap().clear();
    assert_eq!(find_cycle(&graph), None);
}
