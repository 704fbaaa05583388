//! Phrase tables looked up by word. Each phrase is filed under its longest ASCII word (the rarest,
//! as a rule), so a line is only compared with the phrases whose key word it contains: the cost per
//! line follows the line's words, not the size of the tables (hundreds of phrases, most lines
//! matching none).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Words shorter than this are not keys (and not looked up).
const MIN_KEY: usize = 3;

/// FNV-1a: the keys are short ASCII words and need no protection against crafted collisions;
/// hashing them is most of the lookup cost on long logs.
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for b in bytes {
            h ^= *b as u64;
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = h;
    }
}

type Map<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// The phrases filed under one key word, with their rank (group, position in group).
type Bucket = Vec<((u16, u16), &'static str)>;

/// The ASCII alphanumeric words of a lower-cased line that can be keys: at least [`MIN_KEY`]
/// long and not starting with a digit (numbers, ids and timestamps are no phrase's key).
pub fn words(lower: &str) -> Vec<&str> {
    let mut v = Vec::new();
    words_into(lower, &mut v);
    v
}

/// [`words`] into a reused buffer.
pub fn words_into<'a>(lower: &'a str, out: &mut Vec<&'a str>) {
    out.extend(
        lower
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| w.len() >= MIN_KEY && !w.as_bytes()[0].is_ascii_digit()),
    );
}

/// The key word of a phrase: its longest word (the first of equals).
fn key(phrase: &'static str) -> &'static str {
    words(phrase)
        .into_iter()
        .fold(None, |best: Option<&str>, w| match best {
            Some(b) if b.len() >= w.len() => Some(b),
            _ => Some(w),
        })
        .unwrap_or(phrase)
}

/// Phrases of a table, filed by key word. Each keeps its rank (group, position in group):
/// a lower rank wins, as if the table were read top to bottom.
pub struct Index {
    by_word: Map<&'static str, Bucket>,
}

impl Index {
    /// Builds the index from `(group, phrases)` in table order.
    pub fn new<'a>(groups: impl Iterator<Item = &'a [&'static str]>) -> Index {
        let mut by_word: Map<&'static str, Bucket> = Map::default();
        for (g, phrases) in groups.enumerate() {
            for (i, p) in phrases.iter().enumerate() {
                by_word.entry(key(p)).or_default().push(((g as u16, i as u16), p));
            }
        }
        Index { by_word }
    }

    /// Whether a word is the key of any phrase.
    pub fn has_word(&self, w: &str) -> bool {
        self.by_word.contains_key(w)
    }

    /// The best-ranked phrase found in `lower` (whose words are `ws`): (group, byte span).
    pub fn first(&self, lower: &str, ws: &[&str]) -> Option<(usize, (usize, usize))> {
        let mut best: Option<((u16, u16), (usize, usize))> = None;
        for w in ws {
            let Some(cands) = self.by_word.get(w) else { continue };
            for (rank, p) in cands {
                if best.is_some_and(|(b, _)| b <= *rank) {
                    continue;
                }
                if let Some(at) = lower.find(p) {
                    best = Some((*rank, (at, at + p.len())));
                }
            }
        }
        best.map(|((g, _), sp)| (g as usize, sp))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_by_rank() {
        static A: &[&str] = &["timed out", "timeout of", "502 bad gateway</"];
        static B: &[&str] = &["connection refused"];
        let idx = Index::new([A, B].into_iter());
        let l = "connection refused after the request timed out";
        assert_eq!(idx.first(l, &words(l)).map(|(g, _)| g), Some(0));
        let l = "connection refused";
        assert_eq!(idx.first(l, &words(l)), Some((1, (0, 18))));
        assert!(idx.first("all good", &words("all good")).is_none());
        let l = "http 502 bad gateway</h1>";
        assert_eq!(idx.first(l, &words(l)).map(|(g, _)| g), Some(0));
        assert_eq!(key("must be greater than minimum amount precision"), "precision");
    }
}
