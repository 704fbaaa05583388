//! Runs every paste in tests/corpus/ through the engine and measures top-1 accuracy.
//! Each file starts with `# expect: <code|none> <category> [source: URL]`.
#![cfg(not(target_arch = "wasm32"))]

use okx_doctor::core::diagnose::diagnose;

#[test]
fn corpus_accuracy() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    files.retain(|p| p.extension().is_some_and(|x| x == "txt"));
    files.sort();
    assert!(files.len() >= 60, "corpus too small: {}", files.len());
    let (mut code_ok, mut cat_ok, mut n) = (0usize, 0usize, 0usize);
    let mut misses = Vec::new();
    for p in &files {
        let raw = std::fs::read_to_string(p).unwrap();
        let (head, body) = raw.split_once('\n').unwrap();
        let spec = head.strip_prefix("# expect:").expect("expect header").trim();
        let mut it = spec.split_whitespace();
        let want_code = it.next().unwrap();
        let want_cat = it.next().unwrap();
        let d = diagnose(body);
        let top = d.findings.first();
        let got_code = top.and_then(|f| f.code.clone()).unwrap_or_else(|| "none".into());
        // "none other" means: nothing at all should be found.
        let got_cat = match top {
            Some(f) => f.category.id().to_string(),
            None => "other".into(),
        };
        let c_ok = got_code == want_code;
        let k_ok = got_cat == want_cat;
        n += 1;
        code_ok += c_ok as usize;
        cat_ok += k_ok as usize;
        if !(c_ok && k_ok) {
            misses.push(format!(
                "{}: want {want_code} {want_cat}, got {got_code} {got_cat} ({})",
                p.file_name().unwrap().to_string_lossy(),
                top.map(|f| f.title.as_str()).unwrap_or("-")
            ));
        }
    }
    let ca = code_ok as f64 / n as f64 * 100.0;
    let ka = cat_ok as f64 / n as f64 * 100.0;
    for m in &misses {
        println!("MISS {m}");
    }
    println!("corpus: {n} cases, code top-1 {code_ok}/{n} = {ca:.1}%, category top-1 {cat_ok}/{n} = {ka:.1}%");
    eprintln!("corpus: {n} cases, code top-1 {ca:.1}%, category top-1 {ka:.1}%");
    assert!(ca >= 97.0, "code accuracy {ca:.1}% < 97%");
    assert!(ka >= 90.0, "category accuracy {ka:.1}% < 90%");
}
