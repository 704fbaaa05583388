//! Phrase tables looked up by word. Each phrase is filed under its first ASCII word, so a line is
//! only compared with the phrases whose first word it contains: the cost per line follows the
//! line's words, not the size of the tables (hundreds of phrases, most lines matching none).

use std::collections::HashMap;

/// The ASCII alphanumeric words of a lower-cased line.
pub fn words(lower: &str) -> Vec<&str> {
    lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Phrases of a table, filed by first word. Each keeps its rank (group, position in group):
/// a lower rank wins, as if the table were read top to bottom.
pub struct Index {
    by_word: HashMap<&'static str, Vec<((u16, u16), &'static str)>>,
}

impl Index {
    /// Builds the index from `(group, phrases)` in table order.
    pub fn new<'a>(groups: impl Iterator<Item = &'a [&'static str]>) -> Index {
        let mut by_word: HashMap<&'static str, Vec<((u16, u16), &'static str)>> = HashMap::new();
        for (g, phrases) in groups.enumerate() {
            for (i, p) in phrases.iter().enumerate() {
                let first = words(p).into_iter().next().unwrap_or(p);
                by_word.entry(first).or_default().push(((g as u16, i as u16), p));
            }
        }
        Index { by_word }
    }

    /// Whether a word starts any phrase.
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
        static A: &[&str] = &["timed out", "timeout of"];
        static B: &[&str] = &["connection refused"];
        let idx = Index::new([A, B].into_iter());
        let l = "connection refused after the request timed out";
        assert_eq!(idx.first(l, &words(l)).map(|(g, _)| g), Some(0));
        let l = "connection refused";
        assert_eq!(idx.first(l, &words(l)), Some((1, (0, 18))));
        assert!(idx.first("all good", &words("all good")).is_none());
    }
}
