//! Runs every paste of both corpora through the engine and measures top-1 accuracy:
//! - `tests/corpus/`: examples written by this project;
//! - `tests/corpus-real/{tune,heldout}/`: pastes copied from public threads (see its README).
//!
//! Each file starts with `# expect: <code|none> <category|nothing> [source: URL]`. The test prints code and
//! category accuracy for our own examples, the tuning part and the held-out part, and a
//! calibration table (confidence bucket → share right) over the real corpus. Misses are printed for
//! our own examples and the tuning part only; the held-out part is reported in aggregate.
#![cfg(not(target_arch = "wasm32"))]

use okx_doctor::core::diagnose::{diagnose, Diagnosis, UNSURE_BELOW};
use std::path::{Path, PathBuf};

/// The expected "category" of a text that holds no error.
const NOTHING: &str = "nothing";

/// One corpus file.
struct Case {
    name: String,
    want_code: String,
    want_cat: String,
    source: Option<String>,
    body: String,
}

/// The outcome of one case.
struct Outcome {
    code_ok: bool,
    cat_ok: bool,
    confidence: f32,
    unsure: bool,
    line: String,
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    v.sort();
    v
}

fn load(dir: &Path) -> Vec<Case> {
    files(dir)
        .into_iter()
        .map(|p| {
            let raw = std::fs::read_to_string(&p).unwrap();
            let (head, body) = raw.split_once('\n').unwrap();
            let spec = head.strip_prefix("# expect:").expect("expect header").trim();
            let (spec, source) = match spec.split_once("source:") {
                Some((s, u)) => (s, Some(u.trim().to_string())),
                None => (spec, None),
            };
            let mut it = spec.split_whitespace();
            Case {
                name: p.file_name().unwrap().to_string_lossy().into_owned(),
                want_code: it.next().unwrap().to_string(),
                want_cat: it.next().unwrap().to_string(),
                source,
                body: body.to_string(),
            }
        })
        .collect()
}

fn run(c: &Case) -> Outcome {
    let d: Diagnosis = diagnose(&c.body);
    let top = d.findings.first();
    let got_code = top.and_then(|f| f.code.clone()).unwrap_or_else(|| "none".into());
    // "none nothing" means: the text holds no error, nothing should be found.
    let got_cat = top.map_or(NOTHING, |f| f.category.id()).to_string();
    let code_ok = got_code == c.want_code;
    let cat_ok = got_cat == c.want_cat;
    Outcome {
        code_ok,
        cat_ok,
        confidence: top.map_or(0.0, |f| f.confidence),
        unsure: d.unsure,
        line: format!(
            "{}: want {} {}, got {got_code} {got_cat} ({})",
            c.name,
            c.want_code,
            c.want_cat,
            top.map(|f| f.title.as_str()).unwrap_or("-")
        ),
    }
}

/// (n, code right, category right)
fn figures(outs: &[Outcome]) -> (usize, usize, usize) {
    (
        outs.len(),
        outs.iter().filter(|o| o.code_ok).count(),
        outs.iter().filter(|o| o.cat_ok).count(),
    )
}

fn pct(k: usize, n: usize) -> f64 {
    k as f64 / n.max(1) as f64 * 100.0
}

fn report(label: &str, outs: &[Outcome], show_misses: bool) -> (f64, f64) {
    let (n, c, k) = figures(outs);
    if show_misses {
        for o in outs.iter().filter(|o| !(o.code_ok && o.cat_ok)) {
            println!("MISS [{label}] {}", o.line);
        }
    }
    let line = format!(
        "{label}: {n} cases, code top-1 {c}/{n} = {:.1}%, category top-1 {k}/{n} = {:.1}%",
        pct(c, n),
        pct(k, n)
    );
    println!("{line}");
    eprintln!("{line}");
    (pct(c, n), pct(k, n))
}

/// Confidence buckets (lower bounds) of the calibration table.
const BUCKETS: [f32; 6] = [0.0, 0.5, 0.6, 0.7, 0.8, 0.9];

fn calibration(label: &str, outs: &[&Outcome]) {
    println!("calibration, {label} (right = code and category both right):");
    println!("  confidence   cases  right");
    for (i, lo) in BUCKETS.iter().enumerate() {
        let hi = BUCKETS.get(i + 1).copied().unwrap_or(1.01);
        let inb: Vec<_> = outs
            .iter()
            .filter(|o| o.confidence >= *lo && o.confidence < hi)
            .collect();
        let right = inb.iter().filter(|o| o.code_ok && o.cat_ok).count();
        println!(
            "  {lo:.1}–{:.1}   {:>5}  {:>5.1}%",
            hi.min(1.0),
            inb.len(),
            pct(right, inb.len())
        );
    }
    for (label, unsure) in [("sure", false), ("unsure", true)] {
        let inb: Vec<_> = outs.iter().filter(|o| o.unsure == unsure).collect();
        let right = inb.iter().filter(|o| o.code_ok && o.cat_ok).count();
        println!(
            "  {label:<6} (threshold {UNSURE_BELOW}) {:>4} cases, {:.1}% right",
            inb.len(),
            pct(right, inb.len())
        );
    }
}

/// Whether `text` holds a CJK ideograph (Chinese text).
fn has_chinese(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// The held-out rule of `tests/corpus-real/README.md`.
fn heldout_by_rule(url: &str) -> bool {
    let u = url.split('#').next().unwrap().trim_end_matches('/').to_lowercase();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in u.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h % 5 < 2
}

fn dir(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

#[test]
fn corpus_accuracy() {
    let own = load(&dir("tests/corpus"));
    let tune = load(&dir("tests/corpus-real/tune"));
    let held = load(&dir("tests/corpus-real/heldout"));
    assert!(own.len() >= 60, "own corpus too small: {}", own.len());
    assert!(tune.len() + held.len() >= 200, "real corpus too small");
    assert!(
        held.len() * 3 >= tune.len() + held.len(),
        "held-out part is less than a third"
    );
    for (cases, want) in [(&tune, false), (&held, true)] {
        for c in cases.iter() {
            let url = c.source.as_deref().unwrap_or_else(|| panic!("{}: no source", c.name));
            assert_eq!(
                heldout_by_rule(url),
                want,
                "{} is on the wrong side of the split",
                c.name
            );
        }
    }

    let own_out: Vec<Outcome> = own.iter().map(run).collect();
    let tune_out: Vec<Outcome> = tune.iter().map(run).collect();
    let held_out: Vec<Outcome> = held.iter().map(run).collect();
    let (oc, ok) = report("own examples", &own_out, true);
    let (tc, tk) = report("real corpus, tune", &tune_out, true);
    let (hc, hk) = report("real corpus, held out", &held_out, false);
    // The pastes with Chinese text in them (Chinese logs, messages and prose), reported apart.
    let zh = |cases: &[Case]| -> Vec<Outcome> { cases.iter().filter(|c| has_chinese(&c.body)).map(run).collect() };
    report("real corpus, tune, pastes with Chinese text", &zh(&tune), false);
    report("real corpus, held out, pastes with Chinese text", &zh(&held), false);
    let real: Vec<&Outcome> = tune_out.iter().chain(held_out.iter()).collect();
    calibration("whole real corpus", &real);
    calibration("held-out part only", &held_out.iter().collect::<Vec<_>>());

    assert!(oc >= 97.0, "own examples: code accuracy {oc:.1}% < 97%");
    assert!(ok >= 90.0, "own examples: category accuracy {ok:.1}% < 90%");
    assert!(tc >= TUNE_CODE && tk >= TUNE_CATEGORY, "tune part: {tc:.1}% / {tk:.1}%");
    assert!(hc >= HELDOUT_CODE, "held out: code accuracy {hc:.1}% < {HELDOUT_CODE}%");
    assert!(
        hk >= HELDOUT_CATEGORY,
        "held out: category accuracy {hk:.1}% < {HELDOUT_CATEGORY}%"
    );
}

/// Targets of issue 13 for the held-out part.
const HELDOUT_CODE: f64 = 97.0;
const HELDOUT_CATEGORY: f64 = 92.0;
/// The tuning part must stay at least as good as the held-out target.
const TUNE_CODE: f64 = 97.0;
const TUNE_CATEGORY: f64 = 92.0;
