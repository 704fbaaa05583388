//! Message-only matching: a line is compared with every known message (docs message, alt rows,
//! variants, observed runtime messages), tolerant of typos, casing, punctuation, surrounding text
//! and filled-in templates (`{param0}`, `{0}`, `{ccy}`). Candidates come from an inverted word
//! index, so the fuzzy work per line is bounded.

use crate::core::catalog::{self, Channel};
use std::collections::HashMap;
use std::sync::OnceLock;

/// One token of a known message: a word, or a template hole.
#[derive(Debug)]
enum Tok {
    Word(String),
    Hole,
}

#[derive(Debug)]
struct Msg {
    entry: usize,
    toks: Vec<Tok>,
    words: usize,
    weight: usize,
    /// Whether this is the entry's primary docs message.
    primary: bool,
    /// Plain English that says nothing specific ("Request failed").
    generic: bool,
}

/// Messages too generic to identify a code unless they are the whole line.
const GENERIC: &[&str] = &[
    "request failed",
    "action not allowed",
    "sold out",
    "redeem error",
    "cancel redeem error",
    "no updates",
    "invalid request",
    "illegal request",
    "invalid args",
    "status not found",
    "no available offers",
    "no available offer",
    "no profit available",
    "no recommended parameters",
    "quote expired",
    "order expired",
    "repeated request",
    "request timed out please try again",
    "this feature is currently unavailable",
    "abnormal disconnection",
    "invalid url path",
    "no position",
];

/// Messages OKX returns today that the catalog does not list yet, with the thread that shows them.
/// They are matched like the catalog's own wording.
static OBSERVED: &[(&str, &str)] = &[
    // https://github.com/freqtrade/freqtrade/issues/12399
    (
        "51155",
        "You can't trade this pair or borrow this crypto due to local compliance restrictions.",
    ),
];

struct Index {
    msgs: Vec<Msg>,
    by_word: HashMap<String, Vec<u32>>,
}

const STOP: &[&str] = &[
    "the", "a", "an", "to", "of", "in", "is", "and", "or", "for", "be", "your", "you", "please", "try", "again",
    "this", "it", "at", "on", "as", "by", "with", "can", "are", "has", "have", "been", "that", "order", "failed",
];

fn is_stop(w: &str) -> bool {
    STOP.contains(&w)
}

/// Lower-case alphanumeric words; `{…}` placeholders become holes.
fn tokenize_template(m: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut in_hole = false;
    for ch in m.chars() {
        if in_hole {
            if ch == '}' {
                in_hole = false;
                if !matches!(out.last(), Some(Tok::Hole)) {
                    out.push(Tok::Hole);
                }
            }
            continue;
        }
        if ch == '{' {
            if !cur.is_empty() {
                out.push(Tok::Word(std::mem::take(&mut cur)));
            }
            in_hole = true;
            continue;
        }
        if ch.is_alphanumeric() {
            cur.extend(ch.to_lowercase());
        } else if ch == '\'' || ch == '’' {
            // "doesn't" -> "doesnt"
        } else if !cur.is_empty() {
            out.push(Tok::Word(std::mem::take(&mut cur)));
        }
    }
    if !cur.is_empty() {
        out.push(Tok::Word(cur));
    }
    out
}

/// Words of a pasted line, same folding as [`tokenize_template`] (braces are just punctuation).
pub fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for ch in line.chars() {
        if ch.is_alphanumeric() {
            cur.extend(ch.to_lowercase());
        } else if ch == '\'' || ch == '’' {
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        if out.len() > 120 {
            break;
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Builds the message index now rather than on the first paste (the app calls this when the
/// page is idle; about 10 ms in a browser on a fast machine).
pub fn warm_up() {
    let _ = index();
}

fn index() -> &'static Index {
    static I: OnceLock<Index> = OnceLock::new();
    I.get_or_init(|| {
        let mut msgs = Vec::new();
        let mut by_word: HashMap<String, Vec<u32>> = HashMap::new();
        for (ei, e) in catalog::entries().iter().enumerate() {
            let observed = OBSERVED.iter().filter(|(c, _)| *c == e.code).map(|(_, m)| *m);
            for (mi, m) in catalog::all_messages(e).into_iter().chain(observed).enumerate() {
                // Messages that quote a whole body ("Account level too low {"code":"1"…") are not
                // messages; cut at the first brace-quote.
                let m = m.split("{\"").next().unwrap_or(m);
                let toks = tokenize_template(m);
                let words: Vec<&String> = toks
                    .iter()
                    .filter_map(|t| if let Tok::Word(w) = t { Some(w) } else { None })
                    .collect();
                let weight: usize = words.iter().map(|w| w.chars().count()).sum();
                if words.len() < 2 || weight < 9 {
                    continue;
                }
                let id = msgs.len() as u32;
                for w in &words {
                    if w.len() >= 3 && !is_stop(w) {
                        let v = by_word.entry((*w).clone()).or_default();
                        if v.last() != Some(&id) {
                            v.push(id);
                        }
                    }
                }
                let n = words.len();
                let joined: Vec<&str> = words.iter().map(|w| w.as_str()).collect();
                let generic = GENERIC.contains(&joined.join(" ").as_str());
                msgs.push(Msg {
                    entry: ei,
                    toks,
                    words: n,
                    weight,
                    primary: mi == 0,
                    generic,
                });
            }
        }
        Index { msgs, by_word }
    })
}

fn allowed_typos(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

fn word_eq(a: &str, b: &str) -> f32 {
    if a == b {
        return 1.0;
    }
    let la = a.chars().count();
    let t = allowed_typos(la);
    if t == 0 {
        return 0.0;
    }
    let lb = b.chars().count();
    if lb + t < la || lb > la + t {
        return 0.0;
    }
    if strsim::osa_distance(a, b) <= t {
        0.85
    } else {
        0.0
    }
}

/// A message match: catalog entry index, score in 0..=1, and the word range it used.
#[derive(Debug, Clone, Copy)]
pub struct MsgMatch {
    pub entry: usize,
    pub score: f32,
    pub exact: bool,
}

/// Scores one message against the line's words (in-order greedy alignment).
fn score(msg: &Msg, lw: &[String]) -> (f32, bool) {
    let mut pos = 0usize;
    let mut got = 0.0f32;
    let mut first: Option<usize> = None;
    let mut last = 0usize;
    let mut all_exact = true;
    let mut holes = 0usize;
    for t in &msg.toks {
        let w = match t {
            Tok::Hole => {
                holes += 1;
                continue;
            }
            Tok::Word(w) => w,
        };
        let wl = w.chars().count() as f32;
        // Look ahead a bounded distance (a hole may swallow a few words).
        let reach = if first.is_none() {
            lw.len()
        } else {
            (pos + 6 + holes * 6).min(lw.len())
        };
        let mut found = None;
        for (j, lwj) in lw.iter().enumerate().take(reach).skip(pos) {
            let s = word_eq(w, lwj);
            if s > 0.0 {
                found = Some((j, s));
                break;
            }
        }
        match found {
            Some((j, s)) => {
                if s < 1.0 {
                    all_exact = false;
                }
                got += wl * s;
                first.get_or_insert(j);
                last = j;
                pos = j + 1;
            }
            None => all_exact = false,
        }
    }
    let mut sc = got / msg.weight.max(1) as f32;
    if let Some(f) = first {
        let used = last + 1 - f;
        if used > msg.words + holes * 6 + 3 {
            sc *= 0.8;
        }
    }
    (sc.min(1.0), all_exact)
}

/// The best message match for a line, if any scores high enough. `ws` prefers WebSocket entries on
/// ties, otherwise REST ones.
pub fn best_match(line: &str, ws: bool) -> Option<MsgMatch> {
    let lw = words(line);
    let close_ctx = lw.iter().any(|w| {
        matches!(
            w.as_str(),
            "close" | "closed" | "onclose" | "disconnect" | "disconnected" | "closing"
        )
    });
    if lw.is_empty() {
        return None;
    }
    let idx = index();
    let mut hits: HashMap<u32, u32> = HashMap::new();
    let mut seen: Vec<&str> = Vec::new();
    for w in &lw {
        if w.len() < 3 || is_stop(w) || seen.contains(&w.as_str()) {
            continue;
        }
        seen.push(w);
        if let Some(ids) = idx.by_word.get(w) {
            for id in ids {
                *hits.entry(*id).or_default() += 1;
            }
        }
    }
    let mut cands: Vec<(u32, u32)> = hits.into_iter().collect();
    cands.retain(|(id, h)| {
        let m = &idx.msgs[*id as usize];
        let content = m
            .toks
            .iter()
            .filter(|t| matches!(t, Tok::Word(w) if w.len() >= 3 && !is_stop(w)))
            .count()
            .max(1) as u32;
        *h * 3 >= content
    });
    cands.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    cands.truncate(80);
    let entries = catalog::entries();
    // (score, exact, tie-break, message id, weight)
    let mut best: Option<(f32, bool, i32, u32, usize)> = None;
    for (id, _) in cands {
        let m = &idx.msgs[id as usize];
        let (s, exact) = score(m, &lw);
        if s < 0.86 {
            continue;
        }
        // Generic messages ("Request failed") only when they are the whole line; short ones
        // ("Invalid Sign", "Login failed") only exact and when the line is about them.
        if m.generic && lw.len() > m.words + 1 {
            continue;
        }
        if m.words <= 2 && m.weight < 14 && (lw.len() > m.words + 4 || !exact) {
            continue;
        }
        let e = &entries[m.entry];
        // WebSocket close-frame codes need a close context.
        if e.kind == catalog::Kind::WsCloseFrame && !close_ctx {
            continue;
        }
        let mut tie = 0i32;
        if crate::core::diagnose::util::has_token(line, e.base_code) {
            tie += 8;
        }
        if (e.channel == Channel::WebSocket) == ws {
            tie += 2;
        }
        if m.primary {
            tie += 1;
        }
        // Among equal scores, the code in the line, then the longer (more specific) message that
        // fully matched, then the transport, then the primary wording.
        let better = match best {
            None => true,
            Some((bs, _, bt, bid, bw)) => {
                s > bs + 0.02
                    || ((s - bs).abs() <= 0.02
                        && (tie / 8 > bt / 8
                            || (tie / 8 == bt / 8 && m.weight > bw)
                            || (tie / 8 == bt / 8
                                && m.weight == bw
                                && (tie > bt || (tie == bt && m.entry < idx.msgs[bid as usize].entry)))))
            }
        };
        if better {
            best = Some((s, exact, tie, id, m.weight));
        }
    }
    let (s, exact, _, id, _) = best?;
    Some(MsgMatch {
        entry: idx.msgs[id as usize].entry,
        score: s,
        exact,
    })
}
