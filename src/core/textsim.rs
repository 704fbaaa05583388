//! Near-duplicate detection for knowledge-base text (cause titles and details).
//!
//! A code's own causes and its category's causes are merged for every finding and page; when
//! both say the same thing, the category's copy is dropped. Two causes are near-duplicates when
//! their normalised titles are almost the same string, or when their titles and details share
//! most of their content words. The measures are deliberately strict: paraphrases that these
//! measures cannot see are marked by hand in the data (`replaces = [...]`, see `build/kb.rs`).
//!
//! This file is also compiled into the build script (`build.rs` includes it with `#[path]`), which
//! precomputes the merged lists; so it must only use `std` and `strsim`.

/// Title similarity (Sørensen–Dice over character bigrams of the normalised titles) from which
/// two causes are the same. Chosen on `data/kb` (Dec 2026): word-order swaps ("Key expired or
/// deleted" / "Key deleted or expired", 1.0) and near-copies ("Machine clock off" / "The machine's
/// clock is off", 0.97) score above it; the closest titles left in any code's merged list score
/// 0.63 (`tests/kb.rs` prints it).
pub const NEAR_DUPLICATE_TITLE: f64 = 0.85;

/// Share of content words (Jaccard index of the word sets of title + detail) from which two causes
/// are the same. On `data/kb` (Dec 2026) the pairs at or above it each restate one cause (a key
/// deleted or expired, the regional WebSocket host, a live-only feature in demo, a changed bound
/// IP…); the closest texts left in any code's merged list share 0.22.
pub const NEAR_DUPLICATE_TEXT: f64 = 0.45;

/// Words too common to tell two causes apart.
const STOP_WORDS: &[&str] = &[
    "a", "an", "the", "of", "or", "and", "to", "in", "on", "for", "is", "are", "be", "by", "with", "as", "at", "from",
    "it", "its", "this", "that", "not", "no", "than", "then", "your", "you", "their", "only", "any", "all", "what",
    "when", "which",
];

/// Lower-case content words of `text`: ASCII letters and digits only, stop words dropped, a plural
/// `s` stripped from words longer than three letters (`keys` = `key`, but not `pass`), sorted and
/// without repeats.
pub fn words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_ascii_lowercase())
        .filter(|w| !STOP_WORDS.contains(&w.as_str()))
        .map(|w| {
            if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
                w[..w.len() - 1].to_string()
            } else {
                w
            }
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The normalised form of a title: its [`words`] joined by spaces.
pub fn normalise(text: &str) -> String {
    words(text).join(" ")
}

/// Similarity of two titles in 0..=1 (Sørensen–Dice of their normalised forms).
pub fn title_similarity(a: &str, b: &str) -> f64 {
    strsim::sorensen_dice(&normalise(a), &normalise(b))
}

/// Jaccard index of the content-word sets of two texts, in 0..=1 (1 when both have none).
pub fn text_similarity(a: &str, b: &str) -> f64 {
    let (wa, wb) = (words(a), words(b));
    if wa.is_empty() && wb.is_empty() {
        return 1.0;
    }
    let common = wa.iter().filter(|w| wb.binary_search(w).is_ok()).count();
    let union = wa.len() + wb.len() - common;
    common as f64 / union as f64
}

/// Whether two causes, given as (title, detail), say the same thing.
pub fn near_duplicate(a: (&str, &str), b: (&str, &str)) -> bool {
    title_similarity(a.0, b.0) >= NEAR_DUPLICATE_TITLE
        || text_similarity(&format!("{} {}", a.0, a.1), &format!("{} {}", b.0, b.1)) >= NEAR_DUPLICATE_TEXT
}
