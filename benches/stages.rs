//! One benchmark per pipeline stage, on the complete example and on the stress intake
//! (5,000-word answer, 40 medications, 200 diary nights), plus the whole `render`.
//!
//!     cargo bench --bench stages
//!
//! Run it on a quiet machine: `uptime` should show a load well under the core count.

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion};
use visitprep::fonts::{FontSet, Weight};
use visitprep::layout::PageOptions;
use visitprep::sheet::SheetOptions;
use visitprep::{intake, layout, pdf, sheet, RenderOptions};

const INPUTS: &[(&str, &str)] = &[
    ("complete", "examples/complete.toml"),
    ("stress", "benches/stress.toml"),
];

fn made() -> chrono::NaiveDateTime {
    chrono::DateTime::from_timestamp(1_764_072_000, 0)
        .unwrap()
        .naive_utc()
}

fn stages(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // Ready to measure text in both weights: what every sheet needs before layout.
    c.bench_function("fonts/load", |b| {
        b.iter(|| {
            let fonts = FontSet::embedded();
            layout::text::text_width(&fonts, "a", Weight::Regular, 1.0)
                + layout::text::text_width(&fonts, "a", Weight::Bold, 1.0)
        })
    });
    let fonts = FontSet::embedded();
    for (name, file) in INPUTS {
        let path = root.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        let dir = path.parent().unwrap();
        let (intake, guide) =
            intake::parse(&path, &text, dir, chrono::Local::now().date_naive()).unwrap();
        let options = SheetOptions::default();
        let doc = sheet::visit_sheet(&intake, &guide, made(), &options);
        let (pages, structure) =
            layout::layout_with_structure(&doc, &fonts, PageOptions::default());
        let info = visitprep::pdf_info(&doc);
        let loaded = intake::load(&path, chrono::Local::now().date_naive()).unwrap();

        let mut g = c.benchmark_group(*name);
        g.bench_function("parse", |b| {
            b.iter(|| intake::parse(&path, &text, dir, chrono::Local::now().date_naive()).unwrap())
        });
        g.bench_function("merge", |b| {
            b.iter(|| sheet::visit_sheet(&intake, &guide, made(), &options))
        });
        g.bench_function("layout", |b| {
            b.iter(|| layout::layout(&doc, &fonts, PageOptions::default()))
        });
        g.bench_function("write", |b| {
            b.iter(|| pdf::write_tagged(&pages, &structure, &fonts, &info, &[]))
        });
        g.bench_function("render", |b| {
            b.iter(|| visitprep::render(&loaded, &fonts, made(), RenderOptions::default()))
        });
        g.finish();
    }
}

criterion_group!(benches, stages);
criterion_main!(benches);
