//! Causes ranked by what the paste shows. The knowledge base lists a code's causes and then its
//! category's, most likely first in general; a paste that reveals the library, the host (region),
//! demo trading or the transport (WebSocket or REST) moves the causes that fit it to the front and
//! the ones written for another library or transport to the back.

use crate::core::category::Category;
use crate::core::facts::{Library, PasteFacts, Region};
use crate::core::kb::{self, Cause};

/// Words that tie a cause's text to a library (lower-cased, matched in title and detail).
fn library_words(l: Library) -> &'static [&'static str] {
    match l {
        Library::CcxtPython | Library::CcxtJs | Library::CcxtPhp => &["ccxt"],
        Library::PythonOkx => &["python-okx"],
        Library::OkxApiNode => &["okx-api"],
        Library::Freqtrade => &["freqtrade", "ccxt"],
        Library::Hummingbot => &["hummingbot"],
        Library::Other => &[],
    }
}

/// Every library name a cause may be written for.
const ALL_LIBRARY_WORDS: &[&str] = &["ccxt", "python-okx", "okx-api", "freqtrade", "hummingbot"];

/// How well a cause fits the facts: positive moves it forward, negative back.
fn fit(c: &Cause, facts: &PasteFacts) -> i32 {
    let text = format!("{} {}", c.title, c.detail).to_lowercase();
    let mut score = 0;
    if let Some(lib) = facts.library {
        let own = library_words(lib);
        if own.iter().any(|w| text.contains(w)) {
            score += 2;
        } else if ALL_LIBRARY_WORDS.iter().any(|w| text.contains(w)) {
            // Written for another library than the one in the paste.
            score -= 2;
        }
    }
    if let Some(demo) = facts.demo {
        let about_demo = ["demo", "sandbox", "simulated"].iter().any(|w| text.contains(w));
        if about_demo {
            score += if demo { 1 } else { 0 };
        }
    }
    if let Some(r) = facts.region {
        let about_region = ["region", "my.okx.com", "eea", "app.okx.com", "regional"]
            .iter()
            .any(|w| text.contains(w));
        if about_region && r != Region::Global {
            score += 2;
        }
    }
    let about_ws = text.contains("websocket");
    match facts.ws_endpoint {
        Some(_) if about_ws => score += 1,
        None if about_ws && facts.library.is_some() => score -= 1,
        _ => {}
    }
    score
}

/// Cause titles for a finding, those that fit the paste first (a stable sort keeps the knowledge
/// base's order among equals).
pub fn ranked(code: Option<&str>, category: Category, facts: &PasteFacts) -> Vec<String> {
    let mut causes: Vec<(i32, &'static Cause)> = kb::causes(code, category)
        .into_iter()
        .map(|c| (fit(c, facts), c))
        .collect();
    causes.sort_by(|a, b| b.0.cmp(&a.0));
    let mut out: Vec<String> = Vec::with_capacity(causes.len());
    for (_, c) in causes {
        if !out.iter().any(|t| t == c.title) {
            out.push(c.title.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_paste_s_library_comes_first() {
        let ccxt = PasteFacts {
            library: Some(Library::CcxtPython),
            ..Default::default()
        };
        let first = ranked(Some("50101"), Category::EnvironmentMismatch, &ccxt);
        assert!(first[0].to_lowercase().contains("ccxt"), "{first:?}");
        let pyokx = PasteFacts {
            library: Some(Library::PythonOkx),
            ..Default::default()
        };
        let first = ranked(Some("50101"), Category::EnvironmentMismatch, &pyokx);
        assert!(first[0].to_lowercase().contains("python-okx"), "{first:?}");
    }
}
