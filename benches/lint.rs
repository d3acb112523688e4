//! Lint one posting: a Markdown posting as written, and a TOML posting merged
//! and laid out as rendered, through the entry points `jobpost lint` uses. Run
//! with `cargo bench --bench lint`.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use jobpost::lint::{Config, Doc, lint, posting};
use jobpost::load::{self, Inputs};
use jobpost::preset::Registry;

fn fixture(rel: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

fn bench(c: &mut Criterion) {
    let cfg = Config::default();
    let md_path = fixture("lint/postings/remote-support.md");
    let md = std::fs::read_to_string(&md_path).unwrap();
    c.bench_function("lint markdown (parse + rules)", |b| {
        b.iter(|| lint(&Doc::from_markdown("posting.md", black_box(&md)), &cfg))
    });

    let registry = Registry::load(None).unwrap();
    let toml_path = fixture("render-md/posting.toml");
    let text = std::fs::read_to_string(&toml_path).unwrap();
    let inputs = Inputs {
        file: Some(toml_path.clone()),
        ..Inputs::default()
    };
    let merged = load::load(&registry, &inputs).unwrap();
    c.bench_function("lint toml (merged posting + rules)", |b| {
        b.iter(|| {
            lint(
                &posting::from_merged("posting.toml", &text, black_box(&merged)),
                &cfg,
            )
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
