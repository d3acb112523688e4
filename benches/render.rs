//! Render one posting: Markdown, the HTML page (with its JSON-LD) and JSON-LD,
//! through the same entry points `render` and `export` use. Run with
//! `cargo bench --bench render`.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use jobpost::format::{Format, render, render_all};
use jobpost::load::{self, Inputs, Merged};
use jobpost::preset::Registry;
use jobpost::render::Templates;

/// The fixture posting used by the golden tests: a preset, an include, overrides.
fn load_fixture(registry: &Registry) -> Merged {
    let file =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/render-html/posting.toml");
    let inputs = Inputs {
        file: Some(file),
        ..Inputs::default()
    };
    load::load(registry, &inputs).expect("the fixture posting loads")
}

fn bench(c: &mut Criterion) {
    let registry = Registry::load(None).unwrap();
    let renderer = Templates::new(None).unwrap();
    let merged = load_fixture(&registry);
    let date = jobpost::jsonld::parse_date("2027-01-04").ok();
    for (name, output) in [
        ("render md", Format::MD),
        ("render html", Format::HTML),
        ("jsonld", Format::JSONLD),
    ] {
        c.bench_function(name, |b| {
            b.iter(|| render(&renderer, black_box(&merged), output, date).unwrap())
        });
    }
    let all = [Format::MD, Format::HTML, Format::JSONLD];
    c.bench_function("md+html+jsonld (as export does)", |b| {
        b.iter(|| render_all(&renderer, black_box(&merged), &all, date).unwrap())
    });
    c.bench_function("load and merge", |b| {
        b.iter(|| load_fixture(black_box(&registry)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
