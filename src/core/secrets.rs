//! Finds credentials that users paste by accident (API keys, secrets, passphrases, signatures,
//! `OK-ACCESS-*` header values) so the UI can warn and redact them.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CredentialKind {
    /// An OKX API key (a UUID).
    ApiKeyUuid,
    /// A 32-character hex secret key.
    SecretHex32,
    /// A passphrase / password field value.
    Passphrase,
    /// A base64 request signature.
    Signature,
    /// The value of an `OK-ACCESS-KEY` header.
    AccessHeader,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CredentialHit {
    pub kind: CredentialKind,
    /// Byte range of the secret value in the text.
    pub span: (usize, usize),
    /// A safe rendering, e.g. `"a1b2…(36 chars)"`.
    pub redacted: String,
}

fn redacted(kind: CredentialKind, v: &str) -> String {
    let n = v.chars().count();
    match kind {
        // Passphrases are short: show nothing of them.
        CredentialKind::Passphrase => format!("…({n} chars)"),
        _ => {
            let head: String = v.chars().take(4).collect();
            format!("{head}…({n} chars)")
        }
    }
}

fn is_hex(b: u8) -> bool {
    b.is_ascii_hexdigit()
}

fn word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

/// UUIDs (8-4-4-4-12 hex).
fn uuids(text: &str, out: &mut Vec<CredentialHit>) {
    let b = text.as_bytes();
    let mut i = 0;
    while i + 36 <= b.len() {
        if (i == 0 || !word(b[i - 1])) && is_hex(b[i]) {
            let s = &b[i..i + 36];
            let ok = s.iter().enumerate().all(|(k, &c)| {
                if matches!(k, 8 | 13 | 18 | 23) {
                    c == b'-'
                } else {
                    is_hex(c)
                }
            });
            if ok && (i + 36 == b.len() || !word(b[i + 36])) {
                let v = &text[i..i + 36];
                out.push(CredentialHit {
                    kind: CredentialKind::ApiKeyUuid,
                    span: (i, i + 36),
                    redacted: redacted(CredentialKind::ApiKeyUuid, v),
                });
                i += 36;
                continue;
            }
        }
        i += 1;
    }
}

/// 32-character hex runs with both letters and digits (OKX secret keys).
fn hex32(text: &str, out: &mut Vec<CredentialHit>) {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if is_hex(b[i]) && (i == 0 || !word(b[i - 1])) {
            let mut j = i;
            while j < b.len() && is_hex(b[j]) {
                j += 1;
            }
            if j - i == 32 && (j == b.len() || !word(b[j])) {
                let s = &b[i..j];
                // OKX secrets are single-case hex; mixed case is an id (ccxt's clOrdId "…dBC…").
                let upper = s.iter().any(|c| c.is_ascii_uppercase());
                let lower = s.iter().any(|c| c.is_ascii_lowercase());
                let mut a = i.saturating_sub(40);
                while !text.is_char_boundary(a) {
                    a += 1;
                }
                let id_key = text[a..i]
                    .to_ascii_lowercase()
                    .trim_end_matches(|c: char| !c.is_ascii_alphanumeric())
                    .ends_with("id");
                if s.iter().any(|c| c.is_ascii_digit()) && (upper || lower) && !(upper && lower) && !id_key {
                    out.push(CredentialHit {
                        kind: CredentialKind::SecretHex32,
                        span: (i, j),
                        redacted: redacted(CredentialKind::SecretHex32, &text[i..j]),
                    });
                }
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
}

/// Values of `key: value`, `key=value`, `"key": "value"`, `'key' => 'value'` for the given keys.
fn keyed(text: &str, lower: &str, keys: &[&str], kind: CredentialKind, out: &mut Vec<CredentialHit>) {
    let lb = lower.as_bytes();
    let b = text.as_bytes();
    for key in keys {
        let mut from = 0;
        while let Some(rel) = lower[from..].find(key) {
            let p = from + rel;
            from = p + key.len();
            if p > 0 && (lb[p - 1].is_ascii_alphanumeric()) {
                continue;
            }
            let mut j = p + key.len();
            if j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'_') {
                continue;
            }
            while j < b.len() && matches!(b[j], b'"' | b'\'' | b' ' | b'\t' | b'\\') {
                j += 1;
            }
            if j >= b.len() || !(b[j] == b':' || b[j] == b'=') {
                continue;
            }
            j += 1;
            if j < b.len() && b[j] == b'>' {
                j += 1;
            }
            while j < b.len() && matches!(b[j], b'"' | b'\'' | b' ' | b'\t' | b'\\' | b'`') {
                j += 1;
            }
            let start = j;
            while j < b.len()
                && !matches!(
                    b[j],
                    b'"' | b'\'' | b' ' | b'\t' | b',' | b'}' | b'\n' | b'\r' | b'\\' | b'`' | b')' | b';'
                )
            {
                j += 1;
            }
            // stay on a char boundary
            while j < b.len() && !text.is_char_boundary(j) {
                j += 1;
            }
            let v = &text[start..j];
            let vl = v.to_ascii_lowercase();
            let placeholder = v.is_empty()
                || v.chars()
                    .all(|c| c == '*' || c == 'x' || c == 'X' || c == '.' || c == '…')
                || matches!(
                    vl.as_str(),
                    "none"
                        | "null"
                        | "undefined"
                        | "true"
                        | "false"
                        | "your_passphrase"
                        | "passphrase"
                        | "password"
                        | "\"\""
                );
            if placeholder || v.len() > 200 {
                continue;
            }
            if kind == CredentialKind::Signature
                && !(v.len() >= 20
                    && v.bytes()
                        .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'/' | b'=')))
            {
                continue;
            }
            out.push(CredentialHit {
                kind,
                span: (start, j),
                redacted: redacted(kind, v),
            });
        }
    }
}

/// Every credential-looking value in `text`, in text order, without overlaps.
pub fn find_credentials(text: &str) -> Vec<CredentialHit> {
    let mut out = Vec::new();
    let lower = text.to_ascii_lowercase();
    let lower = lower.as_str();
    keyed(
        text,
        lower,
        &["ok-access-key", "ok_access_key"],
        CredentialKind::AccessHeader,
        &mut out,
    );
    keyed(
        text,
        lower,
        &[
            "ok-access-passphrase",
            "ok_access_passphrase",
            "passphrase",
            "password",
            "api_passphrase",
        ],
        CredentialKind::Passphrase,
        &mut out,
    );
    keyed(
        text,
        lower,
        &["ok-access-sign", "ok_access_sign", "sign", "signature"],
        CredentialKind::Signature,
        &mut out,
    );
    uuids(text, &mut out);
    hex32(text, &mut out);
    // Keep the first (most specific) hit for overlapping spans.
    let mut kept: Vec<CredentialHit> = Vec::new();
    for h in out {
        if !kept.iter().any(|k| h.span.0 < k.span.1 && k.span.0 < h.span.1) {
            kept.push(h);
        }
    }
    kept.sort_by_key(|h| h.span.0);
    kept
}

/// `text` with every credential replaced by its redacted form.
pub fn redact(text: &str) -> String {
    let hits = find_credentials(text);
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for h in hits {
        if h.span.0 < last {
            continue;
        }
        out.push_str(&text[last..h.span.0]);
        out.push_str(&h.redacted);
        last = h.span.1;
    }
    out.push_str(&text[last..]);
    out
}
