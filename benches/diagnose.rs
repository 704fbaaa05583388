//! Benchmarks (criterion). Being built with the diagnosis engine (issue 3).
use criterion::{criterion_group, criterion_main, Criterion};

fn bench_search(c: &mut Criterion) {
    let f = okx_doctor::core::search::Filters::default();
    c.bench_function("catalog search 'too many request'", |b| {
        b.iter(|| okx_doctor::core::search::search("too many request", &f))
    });
    c.bench_function("catalog search '5011'", |b| {
        b.iter(|| okx_doctor::core::search::search("5011", &f))
    });
}

criterion_group!(benches, bench_search);
criterion_main!(benches);
