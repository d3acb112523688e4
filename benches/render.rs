//! Render one posting: Markdown, the HTML page (with its JSON-LD) and JSON-LD,
//! through the same entry points `render` and `export` use. Run with
//! `cargo bench --bench render`.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use jobpost::load::{self, Inputs, Merged};
use jobpost::preset::Registry;
use jobpost::publish::{Output, publish, publish_all};
use jobpost::render::Renderer;

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
    let renderer = Renderer::new(None).unwrap();
    let merged = load_fixture(&registry);
    let date = jobpost::jsonld::parse_date("2027-01-04").ok();
    for (name, output) in [
        ("render md", Output::Md),
        ("render html", Output::Html),
        ("jsonld", Output::Jsonld),
    ] {
        c.bench_function(name, |b| {
            b.iter(|| publish(&renderer, black_box(&merged), output, date).unwrap())
        });
    }
    let all = [Output::Md, Output::Html, Output::Jsonld];
    c.bench_function("md+html+jsonld (as export does)", |b| {
        b.iter(|| publish_all(&renderer, black_box(&merged), &all, date).unwrap())
    });
    c.bench_function("load and merge", |b| {
        b.iter(|| load_fixture(black_box(&registry)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
