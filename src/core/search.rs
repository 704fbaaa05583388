//! Search over the catalog as the user types: codes (exact, prefix, partial, one typo) and
//! messages (substring, word prefixes, typos), with filters by family, section and channel.

use super::catalog::{self, Channel, Entry};
use std::sync::OnceLock;

/// Longest query we look at; anything longer is cut (a search box is not a paste box).
pub const MAX_QUERY_CHARS: usize = 200;

/// Filters applied before scoring. `None` means "any".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub family: Option<String>,
    pub section: Option<String>,
    pub channel: Option<Channel>,
}

impl Filters {
    fn accepts(&self, e: &Entry) -> bool {
        self.family.as_deref().is_none_or(|f| catalog::family(e) == f)
            && self.section.as_deref().is_none_or(|s| e.section == s)
            && self.channel.is_none_or(|c| e.channel == c)
    }
}

/// A search result: index into [`catalog::entries`] and a relevance score (higher is better).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub index: usize,
    pub score: u32,
}

struct Doc {
    /// Normalised messages (lower case, punctuation folded to spaces, single spaces).
    texts: Vec<String>,
    /// Distinct words of all messages.
    words: Vec<String>,
}

fn index() -> &'static [Doc] {
    static INDEX: OnceLock<Vec<Doc>> = OnceLock::new();
    INDEX.get_or_init(|| {
        catalog::entries()
            .iter()
            .map(|e| {
                let texts: Vec<String> = catalog::all_messages(e).into_iter().map(normalize).collect();
                let mut words: Vec<String> = Vec::new();
                for t in &texts {
                    for w in t.split(' ') {
                        if !w.is_empty() && !words.iter().any(|x| x == w) {
                            words.push(w.to_string());
                        }
                    }
                }
                Doc { texts, words }
            })
            .collect()
    })
}

/// Lower case, every non-alphanumeric run folded to one space, trimmed. Template placeholders such
/// as `{param0}` become the word `param0`.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = true;
    for ch in s.chars() {
        if ch.is_alphanumeric() {
            for l in ch.to_lowercase() {
                out.push(l);
            }
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Edit distance allowed for a word of this length.
fn allowed_typos(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// How well one query token matches a document's words: 3 exact, 2 prefix, 1 typo, 0 none.
fn token_score(token: &str, words: &[String]) -> u32 {
    let mut best = 0;
    let tlen = token.chars().count();
    let typos = allowed_typos(tlen);
    for w in words {
        if w == token {
            return 3;
        }
        if w.starts_with(token) {
            best = best.max(2);
            continue;
        }
        if typos > 0 && best < 1 {
            let wlen = w.chars().count();
            if wlen + typos >= tlen && wlen <= tlen + typos && strsim::osa_distance(token, w) <= typos {
                best = 1;
            }
        }
    }
    best
}

fn code_score(q: &str, e: &Entry) -> u32 {
    let code = e.code;
    let base = e.base_code;
    if code == q || base == q {
        return if code == q { 1000 } else { 980 };
    }
    if code.starts_with(q) {
        return 900 - (code.len() - q.len()).min(50) as u32;
    }
    if code.contains(q) {
        return 700;
    }
    if q.len() >= 4 && strsim::osa_distance(q, base) <= 1 {
        return 600;
    }
    0
}

/// Searches the catalog. An empty query returns every entry that passes the filters, in catalog order.
pub fn search(query: &str, filters: &Filters) -> Vec<Hit> {
    let entries = catalog::entries();
    let q: String = query.chars().take(MAX_QUERY_CHARS).collect();
    let qn = normalize(&q);
    if qn.is_empty() {
        return entries
            .iter()
            .enumerate()
            .filter(|(_, e)| filters.accepts(e))
            .map(|(index, _)| Hit { index, score: 0 })
            .collect();
    }
    // A code query: digits, optionally with the `_` of a sub-code.
    let code_like =
        q.trim().chars().all(|c| c.is_ascii_digit() || c == '_') && q.trim().chars().any(|c| c.is_ascii_digit());
    let idx = index();
    let tokens: Vec<&str> = qn.split(' ').collect();
    let mut hits: Vec<Hit> = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        if !filters.accepts(e) {
            continue;
        }
        let score = if code_like {
            code_score(q.trim(), e)
        } else {
            text_score(&qn, &tokens, &idx[i])
        };
        if score > 0 {
            hits.push(Hit { index: i, score });
        }
    }
    hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.index.cmp(&b.index)));
    hits
}

fn text_score(qn: &str, tokens: &[&str], doc: &Doc) -> u32 {
    // Whole query as a substring of a message: best.
    let mut best = 0u32;
    for t in &doc.texts {
        if let Some(pos) = t.find(qn) {
            let at_word = pos == 0 || t.as_bytes()[pos - 1] == b' ';
            best = best.max(if at_word { 520 } else { 480 } + (qn.len().min(60) as u32));
        }
    }
    if best > 0 {
        return best;
    }
    // Otherwise every token must match some word (exactly, as a prefix, or with a typo).
    let mut total = 0;
    let mut matched = 0;
    for tok in tokens {
        let s = token_score(tok, &doc.words);
        if s > 0 {
            matched += 1;
        }
        total += s;
    }
    let n = tokens.len() as u32;
    if matched == n as usize as u32 {
        return 200 + total * 20 / n.max(1);
    }
    // Long queries (pasted sentences) may carry extra words: accept most tokens matching.
    if n >= 4 && matched * 4 >= n * 3 {
        return 50 + total * 10 / n;
    }
    0
}

/// The known codes nearest to a (possibly malformed) code, for "did you mean".
pub fn nearest_codes(input: &str, n: usize) -> Vec<&'static Entry> {
    let digits: String = input
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '_')
        .take(16)
        .collect();
    if digits.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(usize, usize, &'static Entry)> = catalog::entries()
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let d = strsim::levenshtein(&digits, e.code);
            let prefix = digits.chars().zip(e.code.chars()).take_while(|(a, b)| a == b).count();
            (d * 10 + (9 - prefix.min(9)), i, e)
        })
        .collect();
    scored.sort_by_key(|(d, i, _)| (*d, *i));
    scored.into_iter().take(n).map(|(_, _, e)| e).collect()
}
