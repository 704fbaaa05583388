//! Finds codes that stand in a code context: `"code":"50113"`, `'sCode': '51000'`, `code: 50113`,
//! `code=4004`, `\"code\":\"50113\"`, `Error code 50113`, `errorCode`, `okx 50113`, `OKX error 1`.
//! Bare numbers never count.

use super::util::*;

/// Which key introduced the code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyKind {
    /// `code`, `errorCode`, `error_code`, `Error code …`
    Code,
    /// `sCode` inside a batch item.
    SCode,
    /// `okx 50113`, `OKX error 50113`, `error 50113`
    Prose,
}

#[derive(Debug, Clone)]
pub struct CodeHit {
    pub code: String,
    pub key: KeyKind,
    /// From the start of the key to the end of the value.
    pub span: (usize, usize),
    /// Byte range of the digits.
    pub value: (usize, usize),
}

/// Words that turn `… code 429` into something that is not an OKX code.
const NOT_OKX_BEFORE: &[&str] = &[
    "status",
    "http",
    "response",
    "exit",
    "return",
    "statuscode",
    "status_code",
];

fn word_before(lower: &[u8], mut i: usize) -> &[u8] {
    // skip separators (spaces, quotes, underscores) before position i
    while i > 0 && matches!(lower[i - 1], b' ' | b'_' | b'"' | b'\'' | b'-' | b'.') {
        i -= 1;
    }
    let end = i;
    while i > 0 && lower[i - 1].is_ascii_alphabetic() {
        i -= 1;
    }
    &lower[i..end]
}

/// After a key ending at `i`: closing quotes, spaces, a separator (`:` `=` `=>`), spaces, opening
/// quotes, then digits. `require_sep` is false for prose like `Error code 50113`.
fn value_after(text: &str, i: usize, allow_no_sep: bool) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    let mut j = skip_quotes(text, i);
    let before_ws = j;
    j = skip_ws(b, j);
    let had_ws = j > before_ws;
    let mut had_sep = false;
    if j < b.len() && (b[j] == b':' || b[j] == b'=') {
        had_sep = true;
        j += 1;
        if j < b.len() && b[j] == b'>' {
            j += 1;
        }
    } else if j + 1 < b.len() && b[j] == b'#' {
        had_sep = true;
        j += 1;
    }
    if !(had_sep || allow_no_sep && had_ws) {
        return None;
    }
    j = skip_ws(b, j);
    j = skip_quotes(text, j);
    j = skip_ws(b, j);
    let (end, n) = digits_at(b, j);
    if n == 0 || n > 6 {
        return None;
    }
    // Not part of a decimal number or a longer token.
    if end < b.len() && (is_word_byte(b[end]) || (b[end] == b'.' && end + 1 < b.len() && b[end + 1].is_ascii_digit())) {
        return None;
    }
    Some((j, end))
}

/// Every code in a code context, in text order.
pub fn scan(text: &str, lower: &str) -> Vec<CodeHit> {
    let lb = lower.as_bytes();
    let mut out = Vec::new();
    for p in find_all(lb, b"code") {
        let end_key = p + 4;
        if end_key < lb.len() && lb[end_key].is_ascii_alphanumeric() {
            continue; // "codes", "coder"
        }
        // The word glued to "code": "", "s" (sCode), "error"/"err"/"ret" (errorCode, error_code).
        let mut w = p;
        while w > 0 && (lb[w - 1].is_ascii_alphanumeric() || lb[w - 1] == b'_') {
            w -= 1;
        }
        let glued = &lb[w..p];
        let key = match glued {
            b"" => KeyKind::Code,
            b"s" => KeyKind::SCode,
            b"error" | b"err" | b"error_" | b"err_" | b"errcode" | b"okx_" | b"ret" | b"ret_" => KeyKind::Code,
            _ => continue,
        };
        if glued.is_empty() {
            let wb = word_before(lb, p);
            if NOT_OKX_BEFORE.iter().any(|n| n.as_bytes() == wb) {
                continue;
            }
        }
        let Some((vs, ve)) = value_after(text, end_key, true) else {
            continue;
        };
        out.push(CodeHit {
            code: text[vs..ve].to_string(),
            key,
            span: (w, ve),
            value: (vs, ve),
        });
    }
    // Prose: "okx 50113", "okex 50113", "OKX error 1", "error 50113", "error: 50113".
    for kw in [&b"okx"[..], b"okex", b"okex5", b"error", b"err"] {
        for p in find_all(lb, kw) {
            if p > 0 && is_word_byte(lb[p - 1]) {
                continue;
            }
            let mut j = p + kw.len();
            if j < lb.len() && is_word_byte(lb[j]) {
                // allow "okx error 1" by letting the "error" pass handle it
                continue;
            }
            let is_okx = kw != b"error" && kw != b"err";
            // "OKX error 1", "okx API error 50113"
            let mut k = skip_ws(lb, j);
            for extra in [&b"api error"[..], b"error", b"api"] {
                if lb[k..].starts_with(extra) {
                    k = skip_ws(lb, k + extra.len());
                    break;
                }
            }
            j = k;
            if j < lb.len() && (lb[j] == b':' || lb[j] == b'#') {
                j = skip_ws(lb, j + 1);
            }
            // "error `60032`", "error '50119'"
            while j < lb.len() && matches!(lb[j], b'`' | b'"' | b'\'') {
                j += 1;
            }
            let (ve, n) = digits_at(lb, j);
            if n == 0 || n > 5 {
                continue;
            }
            if ve < lb.len()
                && (is_word_byte(lb[ve]) || (lb[ve] == b'.' && ve + 1 < lb.len() && lb[ve + 1].is_ascii_digit()))
            {
                continue;
            }
            // A word right after the number must not be a unit ("error 3 times", "okx 5 ms").
            let code = &text[j..ve];
            let known = crate::core::catalog::get(code).is_some() || super::legacy::is_legacy(code);
            if !known || (n < 4 && !is_okx) || code == "0" {
                continue;
            }
            if out.iter().any(|h: &CodeHit| h.value == (j, ve)) {
                continue;
            }
            out.push(CodeHit {
                code: code.to_string(),
                key: KeyKind::Prose,
                span: (p, ve),
                value: (j, ve),
            });
        }
    }
    colon_codes(text, lb, &mut out);
    out.sort_by_key(|h| h.span.0);
    out
}

/// SDK exception texts put the code before a colon and the message after it:
/// `APIException: 50102 : Timestamp request expired`, `Caused by: 50113:Invalid Sign`,
/// `OKX 51121: Order quantity …`. A known five-digit code followed by `:` and a word counts.
fn colon_codes(text: &str, lb: &[u8], out: &mut Vec<CodeHit>) {
    let mut i = 0;
    while i < lb.len() {
        if !lb[i].is_ascii_digit()
            || (i > 0 && (is_word_byte(lb[i - 1]) || matches!(lb[i - 1], b'.' | b'/' | b'-' | b':')))
        {
            i += 1;
            continue;
        }
        let (end, n) = digits_at(lb, i);
        if n != 5 {
            i = end.max(i + 1);
            continue;
        }
        let mut j = skip_ws(lb, end);
        let colon = j < lb.len() && lb[j] == b':';
        if colon {
            j = skip_ws(lb, j + 1);
        }
        let word = j < lb.len() && lb[j].is_ascii_alphabetic();
        let code = &text[i..end];
        let known = || crate::core::catalog::get(code).is_some() || super::legacy::is_legacy(code);
        if colon && word && known() && !out.iter().any(|h: &CodeHit| h.value == (i, end)) {
            out.push(CodeHit {
                code: code.to_string(),
                key: KeyKind::Prose,
                span: (i, end),
                value: (i, end),
            });
        }
        i = end;
    }
}

/// The message next to a code: value of the nearest `msg` / `sMsg` / `message` key within a
/// window (after the code first). Returns (message, byte span of the message).
pub fn message_near(text: &str, lower: &str, hit: &CodeHit) -> Option<(String, (usize, usize))> {
    let lb = lower.as_bytes();
    let lo = floor(text, hit.span.0.saturating_sub(400));
    let hi = ceil(text, (hit.span.1 + 400).min(text.len()));
    let keys: &[&[u8]] = if hit.key == KeyKind::SCode {
        &[b"smsg"]
    } else {
        &[b"msg", b"message", b"error_message", b"errmsg"]
    };
    let mut best: Option<(usize, (usize, usize))> = None;
    for key in keys {
        for rel in find_all(&lb[lo..hi], key) {
            let p = lo + rel;
            if p > 0 && lb[p - 1].is_ascii_alphanumeric() && !(key == b"msg" && lb[p - 1] == b'r') {
                // "smsg" is not "msg" (unless looking for smsg); "errmsg" handled by its own key
                continue;
            }
            let e = p + key.len();
            if e < lb.len() && lb[e].is_ascii_alphanumeric() {
                continue;
            }
            if let Some(v) = string_value(text, e) {
                // An empty or punctuation-only value says nothing.
                if !text[v.0..v.1].chars().any(char::is_alphanumeric) {
                    continue;
                }
                // A message with another `code` key between it and the hit belongs to another object.
                let (from, to) = if p >= hit.span.1 {
                    (hit.span.1, p)
                } else {
                    (p, hit.span.0)
                };
                if find(&lb[from..to], b"code").is_some() {
                    continue;
                }
                let dist = if p >= hit.span.1 {
                    p - hit.span.1
                } else {
                    (hit.span.0 - p.min(hit.span.0)) + 200
                };
                if best.is_none_or(|(d, _)| dist < d) {
                    best = Some((dist, v));
                }
            }
        }
    }
    let (_, (a, b)) = best?;
    Some((text[a..b].trim().to_string(), (a, b)))
}

/// The string value after a key ending at `i` (quoted in any style, or bare up to `,` / `}`).
fn string_value(text: &str, i: usize) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    let mut j = skip_quotes(text, i);
    j = skip_ws(b, j);
    if j >= b.len() || !(b[j] == b':' || b[j] == b'=') {
        return None;
    }
    j += 1;
    if j < b.len() && b[j] == b'>' {
        j += 1;
    }
    j = skip_ws(b, j);
    let escaped = j < b.len() && b[j] == b'\\';
    let q_start = j;
    j = skip_quotes(text, j);
    let quoted = j > q_start;
    let open = if quoted { text[q_start..j].chars().last() } else { None };
    let start = j;
    let limit = ceil(text, (start + 400).min(text.len()));
    let mut k = start;
    while k < limit {
        let c = b[k];
        let stop = match open {
            None => c == b',' || c == b'}' || c == b'\n' || c == b'\r',
            Some('"') if escaped => c == b'\\' && k + 1 < b.len() && b[k + 1] == b'"',
            Some('"') => c == b'"' && !(k > 0 && b[k - 1] == b'\\') || c == b'\n',
            Some('\'') => {
                c == b'\''
                    && !(k + 1 < b.len()
                        && b[k + 1].is_ascii_alphabetic()
                        && k > start
                        && b[k - 1].is_ascii_alphabetic())
                    || c == b'\n'
            }
            Some(_) => {
                b[k..].starts_with("”".as_bytes())
                    || b[k..].starts_with("“".as_bytes())
                    || b[k..].starts_with("’".as_bytes())
                    || c == b'"'
                    || c == b'\n'
            }
        };
        if stop {
            break;
        }
        k += 1;
    }
    let k = floor(text, k);
    if k <= start {
        return None;
    }
    Some((start, k))
}
