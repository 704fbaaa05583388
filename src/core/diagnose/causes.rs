//! Causes ranked by what the paste shows. The knowledge base lists a code's causes and then its
//! category's, most likely first in general; a paste that reveals the library, the host (region),
//! demo trading or the transport (WebSocket or REST) moves the causes that fit it to the front and
//! the ones written for another library or transport to the back.

use super::needles::Fnv;
use crate::core::category::Category;
use crate::core::facts::{Library, PasteFacts, Region};
use crate::core::kb::{self, Cause};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

type ByAddress = HashMap<usize, u16, BuildHasherDefault<Fnv>>;

/// What a cause's text is about, read once per cause (bit flags).
const LIB_CCXT: u16 = 1;
const LIB_PYTHON_OKX: u16 = 1 << 1;
const LIB_OKX_API: u16 = 1 << 2;
const LIB_FREQTRADE: u16 = 1 << 3;
const LIB_HUMMINGBOT: u16 = 1 << 4;
const ANY_LIB: u16 = LIB_CCXT | LIB_PYTHON_OKX | LIB_OKX_API | LIB_FREQTRADE | LIB_HUMMINGBOT;
const ABOUT_DEMO: u16 = 1 << 5;
const ABOUT_REGION: u16 = 1 << 6;
const ABOUT_WS: u16 = 1 << 7;

/// (words in a cause's title or detail, flag)
static TOPICS: &[(&[&str], u16)] = &[
    (&["ccxt"], LIB_CCXT),
    (&["python-okx"], LIB_PYTHON_OKX),
    (&["okx-api"], LIB_OKX_API),
    (&["freqtrade"], LIB_FREQTRADE),
    (&["hummingbot"], LIB_HUMMINGBOT),
    (&["demo", "sandbox", "simulated"], ABOUT_DEMO),
    (&["region", "my.okx.com", "eea", "app.okx.com"], ABOUT_REGION),
    (&["websocket"], ABOUT_WS),
];

fn topics(c: &Cause) -> u16 {
    let text = format!("{} {}", c.title, c.detail).to_lowercase();
    TOPICS
        .iter()
        .filter(|(words, _)| words.iter().any(|w| text.contains(w)))
        .fold(0, |acc, (_, f)| acc | f)
}

/// The topics of every cause in the knowledge base, by the cause's address (they are statics).
fn topics_of(c: &'static Cause) -> u16 {
    static T: OnceLock<ByAddress> = OnceLock::new();
    let map = T.get_or_init(|| {
        kb::code_infos()
            .iter()
            .flat_map(|i| i.causes.iter())
            .chain(kb::category_infos().iter().flat_map(|i| i.causes.iter()))
            .map(|c| (c as *const Cause as usize, topics(c)))
            .collect()
    });
    map.get(&(c as *const Cause as usize))
        .copied()
        .unwrap_or_else(|| topics(c))
}

/// The library flags that fit a library of the paste.
fn library_flags(l: Library) -> u16 {
    match l {
        Library::CcxtPython | Library::CcxtJs | Library::CcxtPhp => LIB_CCXT,
        Library::PythonOkx => LIB_PYTHON_OKX,
        Library::OkxApiNode => LIB_OKX_API,
        Library::Freqtrade => LIB_FREQTRADE | LIB_CCXT,
        Library::Hummingbot => LIB_HUMMINGBOT,
        // OctoBot talks to OKX through ccxt; nautilus_trader has its own adapter.
        Library::Octobot => LIB_CCXT,
        Library::Nautilus | Library::Other => 0,
    }
}

/// How well a cause fits the facts: positive moves it forward, negative back.
fn fit(c: &'static Cause, facts: &PasteFacts) -> i32 {
    let t = topics_of(c);
    let mut score = 0;
    if let Some(lib) = facts.library {
        if t & library_flags(lib) != 0 {
            score += 2;
        } else if t & ANY_LIB != 0 {
            // Written for another library than the one in the paste.
            score -= 2;
        }
    }
    if facts.demo == Some(true) && t & ABOUT_DEMO != 0 {
        score += 1;
    }
    if facts.region.is_some_and(|r| r != Region::Global) && t & ABOUT_REGION != 0 {
        score += 2;
    }
    let about_ws = t & ABOUT_WS != 0;
    match facts.ws_endpoint {
        Some(_) if about_ws => score += 1,
        None if about_ws && facts.library.is_some() => score -= 1,
        _ => {}
    }
    score
}

/// Cause titles for a finding, those that fit the paste first (a stable sort keeps the knowledge
/// base's order among equals). Causes about a parameter the finding's `message` does not name are
/// left out (a message naming posSide does not list tdMode).
pub fn ranked(code: Option<&str>, category: Category, facts: &PasteFacts, message: &str) -> Vec<String> {
    let nothing_to_rank_by = facts.library.is_none()
        && facts.demo.is_none()
        && facts.region.is_none_or(|r| r == Region::Global)
        && facts.ws_endpoint.is_none();
    if nothing_to_rank_by {
        return kb::cause_titles_for_message(code, category, message)
            .into_iter()
            .map(String::from)
            .collect();
    }
    let mut causes: Vec<(i32, &'static Cause)> = kb::causes_for_message(code, category, message)
        .into_iter()
        .map(|c| (fit(c, facts), c))
        .collect();
    causes.sort_by_key(|c| std::cmp::Reverse(c.0));
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
        let first = ranked(Some("50101"), Category::EnvironmentMismatch, &ccxt, "");
        assert!(first[0].to_lowercase().contains("ccxt"), "{first:?}");
        let pyokx = PasteFacts {
            library: Some(Library::PythonOkx),
            ..Default::default()
        };
        let first = ranked(Some("50101"), Category::EnvironmentMismatch, &pyokx, "");
        assert!(first[0].to_lowercase().contains("python-okx"), "{first:?}");
    }
}
