//! Shared by the language tests: finding English left in Chinese text.
#![allow(dead_code)]

/// Runs of three or more English words (an untranslated sentence), outside the `allowed` code.
/// Words belong to one run when only ASCII spaces and punctuation separate them.
pub fn english_runs(text: &str, allowed: &[&str]) -> Vec<String> {
    let mut text = text.to_string();
    for a in allowed {
        text = text.replace(a, "\u{3000}");
    }
    let mut found = Vec::new();
    let mut run: Vec<String> = Vec::new();
    let mut word = String::new();
    let mut gap_ok = true;
    for c in text.chars().chain(['\u{3000}']) {
        if c.is_ascii_alphabetic() {
            if word.is_empty() && !gap_ok {
                if run.len() >= 3 {
                    found.push(run.join(" "));
                }
                run.clear();
            }
            word.push(c);
            gap_ok = true;
        } else {
            if !word.is_empty() {
                if word.len() > 1 {
                    run.push(std::mem::take(&mut word));
                } else {
                    word.clear();
                }
            }
            if !c.is_ascii() || c.is_ascii_digit() || c == '\n' {
                gap_ok = false;
            }
        }
    }
    if run.len() >= 3 {
        found.push(run.join(" "));
    }
    found
}
