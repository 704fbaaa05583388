//! OKX message templates, and inline code in our own text.
//!
//! OKX documents many messages as templates: `Parameter {param0} error`, `this instrument ({0}) is
//! unavailable…`, `The minimum {ccy} conversion amount is {amount}`, `Interval must be
//! {%min}<= x<={%max}`, `You haven't borrowed any ${ccy} (${ccyPair})…`. The placeholder shapes in
//! `data/okx-v5-error-codes.json` are `{name}` (letters, digits, `_`: `{param0}`, `{instId}`,
//! `{TOKEN}`, `{0}`), `{%name}` and `${name}`; any other brace is literal text (one documented
//! variant of 51010 quotes a whole JSON body). `tests/template.rs` lists them all.
//!
//! - [`readable`] turns a template into text for headings, titles and search rows (`Parameter …
//!   error`).
//! - [`fill_from_paste`] recovers the concrete message (`Parameter posSide error`) from a paste that
//!   contains it, in bounded time on any input.
//! - [`values`] reads the placeholders' values out of a concrete message, and [`fill_named`] puts
//!   them into another template of the same row (OKX's Chinese message).
//! - [`code_segments`] splits knowledge-base text into plain and `code` parts for the views.

/// What a placeholder becomes in [`readable`] text.
pub const ELLIPSIS: &str = "…";

/// Longest placeholder name accepted (the longest in the catalog, `consientParameters`, has 18).
const MAX_NAME: usize = 40;

/// Longest value [`fill_from_paste`] accepts for one placeholder, in bytes: instrument ids, amounts,
/// currencies, an IPv6 address or a short reason fit; anything longer is not a value.
pub const MAX_VALUE: usize = 128;

/// How many occurrences of a template's longest literal part [`fill_from_paste`] tries in a paste
/// before giving up; with [`MAX_VALUE`] it bounds the work per template to a constant after one
/// linear scan of the paste.
pub const MAX_ATTEMPTS: usize = 32;

/// How many candidate values [`fill_from_paste`] tries around one occurrence of the anchor (a
/// value that contains the literal after it, `A-` in `{parameter1}-{parameter2}`, needs a second
/// try); keeps templates with several placeholders linear on any input.
pub const MAX_STEPS: usize = 256;

/// Characters that end a placeholder's value: quotes and braces of the JSON or Python text the
/// message sits in, and backslashes of escapes.
const VALUE_STOPS: &[char] = &['"', '\'', '\\', '{', '}', '`'];

/// A template split at its placeholders: literal text, or a hole (adjacent placeholders with
/// nothing between them are one hole).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part<'a> {
    Lit(&'a str),
    Hole,
}

/// The byte length of the placeholder at the start of `s`, if one starts there.
fn placeholder_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let open = usize::from(b.first() == Some(&b'$'));
    if b.get(open) != Some(&b'{') {
        return None;
    }
    let start = open + 1 + usize::from(b.get(open + 1) == Some(&b'%'));
    let name = b[start.min(b.len())..]
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == b'_')
        .count();
    let close = start + name;
    ((1..=MAX_NAME).contains(&name) && b.get(close) == Some(&b'}')).then_some(close + 1)
}

/// Whether `msg` contains at least one placeholder.
pub fn has_placeholder(msg: &str) -> bool {
    msg.char_indices().any(|(i, _)| placeholder_len(&msg[i..]).is_some())
}

/// `template` as literal parts and holes, alternating, with no empty literal.
fn parse(template: &str) -> Vec<Part<'_>> {
    let mut parts = Vec::new();
    for (name, text) in named_parts(template) {
        match name {
            None => parts.push(Part::Lit(text)),
            Some(_) if parts.last() == Some(&Part::Hole) => {}
            Some(_) => parts.push(Part::Hole),
        }
    }
    parts
}

/// The message for headings, titles and search rows: each placeholder becomes "…", and
/// placeholders separated only by spaces become one ("up to {dailyLimit} {symbol}" → "up to …").
pub fn readable(msg: &str) -> String {
    let parts = parse(msg);
    let mut out = String::with_capacity(msg.len());
    for (i, p) in parts.iter().enumerate() {
        match p {
            Part::Hole if out.ends_with(ELLIPSIS) => {}
            Part::Hole => out.push_str(ELLIPSIS),
            Part::Lit(l) => {
                let between_holes = i > 0 && parts.get(i + 1) == Some(&Part::Hole);
                if !(between_holes && l.trim().is_empty()) {
                    out.push_str(l);
                }
            }
        }
    }
    out
}

/// The concrete message in `pasted` that `msg_template` describes, with the real values in place
/// of its placeholders (`Parameter {param0} error` in `…"msg":"Parameter posSide error"…` gives
/// `Parameter posSide error`), or `None` when the paste does not contain it. A template without
/// placeholders gives itself when the paste contains it.
///
/// The longest literal part of the template is looked up (at most [`MAX_ATTEMPTS`] occurrences),
/// and the other parts are matched outwards from it (at most [`MAX_STEPS`] candidate values each). A value is one word (no spaces, quotes,
/// braces or backslashes) of at most [`MAX_VALUE`] bytes, except a placeholder that ends the
/// template, which may be a phrase up to the end of the line or string. A final literal made only
/// of punctuation (the closing `.`) may be missing from the paste.
pub fn fill_from_paste(msg_template: &str, pasted: &str) -> Option<String> {
    let parts = parse(msg_template);
    let (anchor_at, anchor) = parts
        .iter()
        .enumerate()
        .filter_map(|(i, p)| match p {
            Part::Lit(l) => Some((i, *l)),
            Part::Hole => None,
        })
        .max_by_key(|(_, l)| l.len())?;
    if parts.len() == 1 {
        return pasted.contains(anchor).then(|| anchor.to_string());
    }
    pasted.match_indices(anchor).take(MAX_ATTEMPTS).find_map(|(at, _)| {
        let mut budget = MAX_STEPS;
        let end = match_right(&parts[anchor_at + 1..], pasted, at + anchor.len(), &mut budget)?;
        let start = match_left(&parts[..anchor_at], pasted, at, &mut budget)?;
        Some(pasted[start..end].to_string())
    })
}

/// A template split at its placeholders, each placeholder with its name (`param0` for `{param0}`,
/// `${param0}` and `{%param0}`): `None` for a literal piece.
fn named_parts(template: &str) -> Vec<(Option<&str>, &str)> {
    let mut parts = Vec::new();
    let (mut lit_start, mut i) = (0, 0);
    while i < template.len() {
        match placeholder_len(&template[i..]) {
            Some(n) => {
                if lit_start < i {
                    parts.push((None, &template[lit_start..i]));
                }
                let ph = &template[i..i + n];
                let name = ph
                    .trim_start_matches('$')
                    .trim_start_matches('{')
                    .trim_start_matches('%');
                parts.push((Some(name.trim_end_matches('}')), ph));
                i += n;
                lit_start = i;
            }
            None => i += template[i..].chars().next().map_or(1, char::len_utf8),
        }
    }
    if lit_start < template.len() {
        parts.push((None, &template[lit_start..]));
    }
    parts
}

/// The value of each placeholder of `template` in `message`, a concrete message of that template
/// (as [`fill_from_paste`] or a paste gives it): `Insufficient {param0} balance` and
/// `Insufficient USDT balance` give `[("param0", "USDT")]`. `None` when `message` does not have the
/// template's shape, when two placeholders touch (their values cannot be told apart), or when a
/// value is empty or longer than [`MAX_VALUE`]. A value ends at the first occurrence of the literal
/// after it; the template's closing punctuation may be missing.
pub fn values<'t>(template: &'t str, message: &str) -> Option<Vec<(&'t str, String)>> {
    let parts = named_parts(template);
    let mut out = Vec::new();
    let mut rest = message;
    for (i, (name, text)) in parts.iter().enumerate() {
        match name {
            None => match rest.strip_prefix(text) {
                Some(r) => rest = r,
                // The template's end without its closing punctuation.
                None if i + 1 == parts.len() && rest == without_tail(text) => rest = "",
                None => return None,
            },
            Some(name) => {
                let len = match parts.get(i + 1) {
                    Some((Some(_), _)) => return None,
                    Some((None, next)) => rest.find(next).or_else(|| {
                        let bare = without_tail(next);
                        (i + 2 == parts.len() && rest.ends_with(bare)).then(|| rest.len() - bare.len())
                    })?,
                    None => rest.len(),
                };
                let value = rest[..len].trim();
                if value.is_empty() || value.len() > MAX_VALUE {
                    return None;
                }
                out.push((*name, value.to_string()));
                rest = &rest[len..];
            }
        }
    }
    rest.is_empty().then_some(out)
}

/// `literal` without its closing punctuation and spaces (`" failed."` → `" failed"`), which a
/// message may leave out.
fn without_tail(literal: &str) -> &str {
    literal.trim_end_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace())
}

/// `template` with each placeholder named in `values` replaced by its value, and the others made
/// readable ("…", see [`readable`]): how an official Chinese message shows the values of the
/// English one the API returned.
pub fn fill_named(template: &str, values: &[(&str, String)]) -> String {
    let filled: String = named_parts(template)
        .into_iter()
        .map(
            |(name, text)| match name.and_then(|n| values.iter().find(|(k, _)| *k == n)) {
                Some((_, v)) => v.as_str(),
                None => text,
            },
        )
        .collect();
    readable(&filled)
}

/// Scans `chars` until `stop` holds or [`MAX_VALUE`] bytes are reached: the bytes taken, and
/// whether the run ended by itself (a stop or the end of the text) rather than at the bound.
fn scan(chars: impl Iterator<Item = char>, stop: impl Fn(char) -> bool) -> (usize, bool) {
    let mut n = 0;
    for c in chars {
        if stop(c) {
            return (n, true);
        }
        if n + c.len_utf8() > MAX_VALUE {
            return (n, false);
        }
        n += c.len_utf8();
    }
    (n, true)
}

/// Whether `c` ends a one-word value.
fn word_stop(c: char) -> bool {
    c.is_whitespace() || VALUE_STOPS.contains(&c)
}

/// Length in bytes of the word at the start of `s` (see [`fill_from_paste`]), at most [`MAX_VALUE`].
fn word_len(s: &str) -> usize {
    scan(s.chars(), word_stop).0
}

/// Length in bytes of the word that ends `s`, at most [`MAX_VALUE`], and whether it is whole.
fn word_len_back(s: &str) -> (usize, bool) {
    scan(s.chars().rev(), word_stop)
}

/// Length in bytes of the value of a template-ending placeholder at the start of `s`: the phrase
/// up to a line end or a value stop, without trailing spaces; or, when that is longer than
/// [`MAX_VALUE`], the first word if it is whole. `None` when there is neither.
fn final_value_len(s: &str) -> Option<usize> {
    let (n, whole) = scan(s.chars(), |c| c == '\n' || c == '\r' || VALUE_STOPS.contains(&c));
    let n = if whole {
        s[..n].trim_end().len()
    } else {
        let (w, whole_word) = scan(s.chars(), word_stop);
        if whole_word {
            w
        } else {
            0
        }
    };
    (n > 0).then_some(n)
}

/// Whether a literal is only punctuation and spaces (may be missing at the end of a paste).
fn optional_tail(l: &str) -> bool {
    l.chars().all(|c| c.is_ascii_punctuation() || c.is_whitespace())
}

/// Matches `parts` (starting with a hole) forwards from byte `cur` of `pasted`; the end offset.
/// A value is tried longest first, then shorter, while `budget` (candidate values left) lasts.
fn match_right(parts: &[Part<'_>], pasted: &str, cur: usize, budget: &mut usize) -> Option<usize> {
    let rest = &pasted[cur..];
    match parts.get(1) {
        None if parts.is_empty() => Some(cur),
        // A final placeholder: a phrase.
        None => Some(cur + final_value_len(rest)?),
        Some(Part::Lit(l)) => {
            let w = word_len(rest);
            let ends = rest[..w].char_indices().map(|(i, c)| i + c.len_utf8()).rev();
            for i in ends.filter(|&i| rest[i..].starts_with(l)) {
                *budget = budget.checked_sub(1)?;
                if let Some(end) = match_right(&parts[2..], pasted, cur + i + l.len(), budget) {
                    return Some(end);
                }
            }
            let last = parts.len() == 2;
            (last && optional_tail(l) && w > 0).then_some(cur + w)
        }
        Some(Part::Hole) => None, // parse() never puts two holes in a row
    }
}

/// Matches `parts` (ending with a hole) backwards from byte `cur` of `pasted`; the start offset.
/// A value is tried longest first, then shorter, while `budget` lasts.
fn match_left(parts: &[Part<'_>], pasted: &str, cur: usize, budget: &mut usize) -> Option<usize> {
    let before = &pasted[..cur];
    let (w, whole) = word_len_back(before);
    let n = parts.len();
    match n.checked_sub(2).map(|j| parts[j]) {
        None if n == 0 => Some(cur),
        // A leading placeholder: the whole word.
        None => (w > 0 && whole).then(|| cur - w),
        Some(Part::Lit(l)) => {
            let word_start = cur - w;
            let starts = before[word_start..].char_indices().map(|(i, _)| word_start + i);
            for i in starts.filter(|&i| before[..i].ends_with(l)) {
                *budget = budget.checked_sub(1)?;
                if let Some(start) = match_left(&parts[..n - 2], pasted, i - l.len(), budget) {
                    return Some(start);
                }
            }
            None
        }
        Some(Part::Hole) => None,
    }
}

/// A piece of knowledge-base text: plain, or code written between backticks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Segment<'a> {
    Text(&'a str),
    Code(&'a str),
}

/// `text` split into plain and code segments at pairs of backticks (`` `password` `` is code).
/// A backtick without a partner, and an empty pair, stay plain text; the segments, joined with
/// backticks around the code ones, give `text` back.
pub fn code_segments(text: &str) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    let (mut text_start, mut i) = (0, 0);
    while let Some(open) = text[i..].find('`').map(|o| i + o) {
        let Some(close) = text[open + 1..].find('`').map(|c| open + 1 + c) else {
            break;
        };
        if close == open + 1 {
            i = close + 1;
            continue;
        }
        if text_start < open {
            out.push(Segment::Text(&text[text_start..open]));
        }
        out.push(Segment::Code(&text[open + 1..close]));
        i = close + 1;
        text_start = i;
    }
    if text_start < text.len() {
        out.push(Segment::Text(&text[text_start..]));
    }
    out
}
