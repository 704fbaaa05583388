//! Small text helpers shared by the scanners. Everything works on byte offsets into the input and
//! never slices inside a UTF-8 character.

/// Largest char boundary `<= i` (clamped to the text).
pub fn floor(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Smallest char boundary `>= i` (clamped to the text).
pub fn ceil(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// `s[a..b]` with both ends moved to char boundaries (never panics).
pub fn slice(s: &str, a: usize, b: usize) -> &str {
    let a = floor(s, a);
    let b = ceil(s, b.max(a));
    &s[a..b]
}

/// All start offsets of `needle` in `hay` (ASCII, case already folded by the caller).
pub fn find_all<'a>(hay: &'a [u8], needle: &'a [u8]) -> impl Iterator<Item = usize> + 'a {
    let mut pos = 0usize;
    std::iter::from_fn(move || {
        if needle.is_empty() || pos >= hay.len() {
            return None;
        }
        let found = find(&hay[pos..], needle)? + pos;
        pos = found + 1;
        Some(found)
    })
}

/// First offset of `needle` in `hay`.
pub fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || needle.len() > hay.len() {
        return None;
    }
    let first = needle[0];
    let last_start = hay.len() - needle.len();
    let mut i = 0;
    while i <= last_start {
        match hay[i..=last_start].iter().position(|&b| b == first) {
            None => return None,
            Some(off) => {
                let j = i + off;
                if &hay[j..j + needle.len()] == needle {
                    return Some(j);
                }
                i = j + 1;
            }
        }
    }
    None
}

pub fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Line containing byte `i`: (start, end) without the newline.
pub fn line_bounds(s: &str, i: usize) -> (usize, usize) {
    let b = s.as_bytes();
    let i = i.min(b.len());
    let start = b[..i].iter().rposition(|&c| c == b'\n').map_or(0, |p| p + 1);
    let end = b[i..].iter().position(|&c| c == b'\n').map_or(b.len(), |p| i + p);
    (start, end)
}

/// Start offsets of every line of a text, for line lookups in O(log n). [`line_bounds`] reads
/// the whole line each time, which is quadratic when one long line holds many codes.
pub struct LineIndex {
    starts: Vec<usize>,
    len: usize,
}

impl LineIndex {
    pub fn new(s: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(s.bytes().enumerate().filter(|&(_, c)| c == b'\n').map(|(p, _)| p + 1));
        LineIndex { starts, len: s.len() }
    }

    /// The same as [`line_bounds`]`(s, i)` for the indexed `s`.
    pub fn bounds(&self, i: usize) -> (usize, usize) {
        let i = i.min(self.len);
        let k = self.starts.partition_point(|&st| st <= i) - 1;
        let end = self.starts.get(k + 1).map_or(self.len, |&next| next - 1);
        (self.starts[k], end)
    }
}

/// An excerpt keeps this many bytes of context before the match…
const EXCERPT_BEFORE: usize = 140;
/// …and this many after its end: enough for a JSON body's neighbouring fields (`"msg"` next to
/// `"code"`), short enough to read in a finding.
const EXCERPT_AFTER: usize = 160;
/// The longest excerpt, in bytes (a minified log line can be megabytes long).
const EXCERPT_MAX: usize = 300;

/// A readable excerpt around `span`, inside its line, at most [`EXCERPT_MAX`] bytes, trimmed.
pub fn evidence(s: &str, span: (usize, usize)) -> String {
    let b = s.as_bytes();
    let lo = span.0.saturating_sub(EXCERPT_BEFORE);
    let hi = (span.1.max(span.0) + EXCERPT_AFTER).min(b.len());
    // The line's ends, looked for only near the span (cost bounded on a very long line): a start
    // before `lo` is stood in for by `lo - 1`, an end after `hi` by `hi + 1`; both give the same
    // excerpt and the same ellipses as the exact values.
    let (ls, le) = if span.0 > b.len() {
        line_bounds(s, span.0)
    } else {
        let from = lo.saturating_sub(1);
        let ls = match b[from..span.0].iter().rposition(|&c| c == b'\n') {
            Some(p) => from + p + 1,
            None if lo == 0 => 0,
            None => lo - 1,
        };
        let to = (hi + 1).min(b.len());
        let le = match b[span.0..to].iter().position(|&c| c == b'\n') {
            Some(p) => span.0 + p,
            None if to == b.len() => b.len(),
            None => hi + 1,
        };
        (ls, le)
    };
    excerpt(s, span, (ls, le))
}

/// The excerpt of `span` within the line `(ls, le)` (or stand-ins for its ends beyond the
/// context window), with an ellipsis where the line goes on.
fn excerpt(s: &str, span: (usize, usize), (ls, le): (usize, usize)) -> String {
    let mut a = ls.max(span.0.saturating_sub(EXCERPT_BEFORE));
    let mut b = le.min(span.1.max(span.0) + EXCERPT_AFTER).max(a);
    if b - a > EXCERPT_MAX {
        b = a + EXCERPT_MAX;
    }
    if b < span.0 {
        a = span.0;
        b = (span.0 + EXCERPT_MAX).min(s.len());
    }
    let t = slice(s, a, b).trim();
    let mut out = String::new();
    if a > ls {
        out.push('…');
    }
    out.push_str(t);
    if b < le {
        out.push('…');
    }
    out
}

/// Digits removed and whitespace collapsed: the key under which "the same line" is cached.
pub fn skeleton(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for ch in s.chars() {
        if ch.is_ascii_digit() {
            continue;
        }
        if ch.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(ch);
            space = false;
        }
    }
    out
}

/// Strips a leading timestamp / log prefix made of digits, separators and brackets
/// (`2024-01-05 10:00:01,123 - `, `[2024-01-05T10:00:01Z] `). `T`/`Z` count only after a digit.
pub fn strip_log_prefix(line: &str) -> &str {
    let t = line.trim_start();
    let starts = t.chars().next().is_some_and(|c| c.is_ascii_digit() || c == '[');
    if !starts {
        return t.trim_end();
    }
    let mut prev_digit = false;
    let mut cut = t.len();
    for (i, c) in t.char_indices() {
        let ok = c.is_ascii_digit()
            || matches!(c, ' ' | '\t' | ':' | '-' | '.' | ',' | '/' | '[' | ']' | '+' | '|')
            || (matches!(c, 'T' | 'Z') && prev_digit);
        if !ok {
            cut = i;
            break;
        }
        prev_digit = c.is_ascii_digit();
    }
    t[cut..].trim()
}

/// Quote characters users' pastes contain around keys and values (ASCII, escaped, curly).
pub fn skip_quotes(s: &str, mut i: usize) -> usize {
    let b = s.as_bytes();
    loop {
        if i >= b.len() {
            return i;
        }
        match b[i] {
            b'"' | b'\'' | b'\\' | b'`' => i += 1,
            0xE2 if s[i..].starts_with('“')
                || s[i..].starts_with('”')
                || s[i..].starts_with('‘')
                || s[i..].starts_with('’')
                || s[i..].starts_with('„') =>
            {
                i += 3
            }
            _ => return i,
        }
    }
}

pub fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
        i += 1;
    }
    i
}

/// Reads a run of ASCII digits at `i`: (end, digits).
pub fn digits_at(b: &[u8], i: usize) -> (usize, usize) {
    let mut j = i;
    while j < b.len() && b[j].is_ascii_digit() {
        j += 1;
    }
    (j, j - i)
}

/// True when `word` occurs in `line` as a standalone token (not inside a longer number or word).
pub fn has_token(line: &str, word: &str) -> bool {
    let b = line.as_bytes();
    find_all(b, word.as_bytes()).any(|p| {
        let before = p == 0 || !is_word_byte(b[p - 1]);
        let e = p + word.len();
        let after = e >= b.len() || !is_word_byte(b[e]);
        // A dotted number (price) around it does not count.
        let dot_before = p >= 2 && b[p - 1] == b'.' && b[p - 2].is_ascii_digit();
        let dot_after = e + 1 < b.len() && b[e] == b'.' && b[e + 1].is_ascii_digit();
        before && after && !dot_before && !dot_after
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The excerpt as it was computed before the bounded search (whole-line bounds).
    fn evidence_whole_line(s: &str, span: (usize, usize)) -> String {
        excerpt(s, span, line_bounds(s, span.0))
    }

    #[test]
    fn line_index_and_bounded_evidence_match_the_whole_line_versions() {
        // Lines of many lengths (0 to ~1,200 bytes), some multi-byte, ending with or without a newline.
        let mut x = 12345u32;
        let mut rnd = move |n: u32| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x % n
        };
        for round in 0..16 {
            let mut s = String::new();
            for _ in 0..(1 + rnd(8)) {
                let len = [0, 1, 139, 140, 141, 160, 300, 301, 700, 1200][rnd(10) as usize];
                for k in 0..len {
                    s.push(if k % 97 == 5 {
                        'é'
                    } else {
                        (b'a' + (k % 26) as u8) as char
                    });
                }
                if rnd(4) != 0 {
                    s.push('\n');
                }
            }
            let idx = LineIndex::new(&s);
            for i in (0..=s.len() + 2).step_by(3) {
                assert_eq!(idx.bounds(i), line_bounds(&s, i), "round {round}, i {i}");
                if s.is_char_boundary(i.min(s.len())) && i <= s.len() {
                    for w in [0, 1, 5, 200] {
                        let end = ceil(&s, (i + w).min(s.len()));
                        assert_eq!(
                            evidence(&s, (i, end)),
                            evidence_whole_line(&s, (i, end)),
                            "round {round}, span {i}..{end}"
                        );
                    }
                }
            }
        }
    }
}
