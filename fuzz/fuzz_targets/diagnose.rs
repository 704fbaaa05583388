#![no_main]
//! Fuzz target: any bytes (lossy UTF-8) through the diagnosis engine, the JSON output and the
//! credential redactor; checks the output invariants.
use libfuzzer_sys::fuzz_target;
use okx_doctor::core::diagnose::{diagnose, to_json};
use okx_doctor::core::secrets::redact;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let d = diagnose(&text);
    for f in &d.findings {
        assert!(f.span.0 <= f.span.1 && f.span.1 <= text.len());
        assert!(text.is_char_boundary(f.span.0) && text.is_char_boundary(f.span.1));
        assert!((0.0..=1.0).contains(&f.confidence));
    }
    let j = to_json(&d);
    assert!(j.starts_with("{\"findings\":["));
    let _ = redact(&text);
});
