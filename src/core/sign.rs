//! OKX API v5 request signing, done locally, plus a lint for credentials and requests.
//!
//! Everything here is pure: no clock, no I/O, no web APIs. The caller supplies the timestamp (the
//! CLI from the system clock, the browser app from `Date.now()`), so the same code runs natively
//! and in wasm32.
//!
//! REST: `sign = Base64(HMAC-SHA256(secret, timestamp + METHOD + requestPath + body))`, where the
//! timestamp is ISO 8601 UTC with milliseconds, `requestPath` includes the query string and `body`
//! is the exact JSON text sent (empty for GET). WebSocket login uses the same formula with the Unix
//! time in seconds, `GET` and `/users/self/verify`.
//!
//! Nothing in this module writes a secret or passphrase into a message, a `Debug` output or a
//! lint text.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use hmac::{Hmac, Mac};
use serde::Serialize;
use sha2::Sha256;

use crate::core::lang::Lang;
use crate::{t, tf};

/// The request path OKX uses for WebSocket login signatures.
pub const WS_LOGIN_PATH: &str = "/users/self/verify";

// ---------------------------------------------------------------------------------------------
// Signing
// ---------------------------------------------------------------------------------------------

/// Raw HMAC-SHA256 of `msg` with `key` (RustCrypto `hmac` + `sha2`).
pub fn hmac_sha256(key: &[u8], msg: &[u8]) -> [u8; 32] {
    // HMAC accepts keys of any length, so this cannot fail.
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes keys of any length");
    mac.update(msg);
    mac.finalize().into_bytes().into()
}

/// Lower-case hex of `bytes` (used by tests and by the "hex instead of Base64" hint).
pub fn to_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[(b >> 4) as usize] as char);
        s.push(DIGITS[(b & 15) as usize] as char);
    }
    s
}

/// `Base64(HMAC-SHA256(secret, prehash))`: the OKX signature of a pre-hash string.
pub fn sign_prehash(secret: &str, prehash: &str) -> String {
    BASE64.encode(hmac_sha256(secret.as_bytes(), prehash.as_bytes()))
}

/// What a REST signature is computed from.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct SignInput {
    /// HTTP method; upper-cased when the pre-hash is built.
    pub method: String,
    /// Path with query string, e.g. `/api/v5/account/balance?ccy=BTC`. Used exactly as given.
    pub request_path: String,
    /// Exact body text (JSON for POST, empty for GET). Used exactly as given.
    pub body: String,
    /// The `OK-ACCESS-TIMESTAMP` value. Used exactly as given.
    pub timestamp: String,
    /// The API secret key.
    pub secret: String,
}

impl std::fmt::Debug for SignInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignInput")
            .field("method", &self.method)
            .field("request_path", &self.request_path)
            .field("body", &self.body)
            .field("timestamp", &self.timestamp)
            .field("secret", &"<hidden>")
            .finish()
    }
}

impl SignInput {
    /// `timestamp + METHOD + request_path + body`. The method is trimmed and upper-cased because
    /// that is what OKX signs; everything else is taken verbatim so mistakes stay visible.
    pub fn prehash(&self) -> String {
        let method = self.method.trim().to_ascii_uppercase();
        let mut s =
            String::with_capacity(self.timestamp.len() + method.len() + self.request_path.len() + self.body.len());
        s.push_str(&self.timestamp);
        s.push_str(&method);
        s.push_str(&self.request_path);
        s.push_str(&self.body);
        s
    }

    /// `Base64(HMAC-SHA256(secret, prehash()))`.
    pub fn signature(&self) -> String {
        sign_prehash(&self.secret, &self.prehash())
    }
}

/// The REST authentication headers, in the order OKX documents them. `demo` adds
/// `x-simulated-trading: 1`.
pub fn rest_headers(key: &str, passphrase: &str, sign: &str, timestamp: &str, demo: bool) -> Vec<(String, String)> {
    let mut h = vec![
        ("OK-ACCESS-KEY".to_string(), key.to_string()),
        ("OK-ACCESS-SIGN".to_string(), sign.to_string()),
        ("OK-ACCESS-TIMESTAMP".to_string(), timestamp.to_string()),
        ("OK-ACCESS-PASSPHRASE".to_string(), passphrase.to_string()),
    ];
    if demo {
        h.push(("x-simulated-trading".to_string(), "1".to_string()));
    }
    h
}

/// A value fit for display in place of a passphrase: its length only, never its characters.
pub fn mask(value: &str, lang: Lang) -> String {
    let n = value.chars().count();
    match n {
        0 => t!(lang, "(empty)", "（空）").to_string(),
        1 => t!(lang, "******** (1 character)", "********（1 个字符）").to_string(),
        _ => tf!(lang, "******** ({n} characters)", "********（{n} 个字符）"),
    }
}

/// Result of [`ws_login`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WsLogin {
    /// `unix_secs + "GET" + "/users/self/verify"`.
    pub prehash: String,
    /// Base64 HMAC-SHA256 of the pre-hash.
    pub sign: String,
    /// The complete `{"op":"login",...}` message, passphrase included (mask it before showing).
    pub login_json: String,
}

/// Builds the WebSocket login message. The timestamp is Unix time in seconds.
pub fn ws_login(api_key: &str, passphrase: &str, secret: &str, unix_secs: i64) -> WsLogin {
    let timestamp = unix_secs.to_string();
    let prehash = format!("{timestamp}GET{WS_LOGIN_PATH}");
    let sign = sign_prehash(secret, &prehash);
    let login_json = ws_login_json(api_key, passphrase, &timestamp, &sign);
    WsLogin {
        prehash,
        sign,
        login_json,
    }
}

/// The login message for given field values (pass a masked passphrase to display it).
pub fn ws_login_json(api_key: &str, passphrase: &str, timestamp: &str, sign: &str) -> String {
    // Written by hand to keep the documented key order (serde_json sorts object keys).
    let q = |s: &str| serde_json::Value::from(s).to_string();
    format!(
        r#"{{"op":"login","args":[{{"apiKey":{},"passphrase":{},"timestamp":{},"sign":{}}}]}}"#,
        q(api_key),
        q(passphrase),
        q(timestamp),
        q(sign)
    )
}

// ---------------------------------------------------------------------------------------------
// Timestamps
// ---------------------------------------------------------------------------------------------

/// Days since 1970-01-01 to a proleptic Gregorian (year, month, day). Howard Hinnant's
/// `civil_from_days` algorithm.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097); // [0, 146096]
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365; // [0, 399]
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // [0, 365]
    let mp = (5 * doy + 2) / 153; // [0, 11]
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32; // [1, 31]
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32; // [1, 12]
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Unix milliseconds to the REST timestamp format, e.g. `2020-12-08T09:08:57.715Z`.
pub fn iso_timestamp_from_unix_ms(ms: i64) -> String {
    let days = ms.div_euclid(86_400_000);
    let in_day = ms.rem_euclid(86_400_000);
    let (y, mo, d) = civil_from_days(days);
    let h = in_day / 3_600_000;
    let mi = in_day / 60_000 % 60;
    let s = in_day / 1000 % 60;
    let milli = in_day % 1000;
    format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}.{milli:03}Z")
}

/// Days since 1970-01-01 for a proleptic Gregorian date (inverse of [`civil_from_days`]).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Unix milliseconds of a timestamp in the REST format (`2020-12-08T09:08:57.715Z`, any fraction
/// length), Unix seconds or Unix milliseconds. `None` for anything else (e.g. a local offset).
pub fn timestamp_unix_ms(ts: &str) -> Option<i64> {
    let t = ts.trim();
    match timestamp_shape(t) {
        TimestampShape::UnixSeconds => return t.parse::<i64>().ok().map(|s| s * 1000),
        TimestampShape::UnixMillis => return t.parse::<i64>().ok(),
        TimestampShape::IsoUtcMillis | TimestampShape::IsoUtcOtherPrecision => {}
        _ => return None,
    }
    let b = t.as_bytes();
    let num = |a: usize, z: usize| -> Option<i64> { t.get(a..z)?.parse::<i64>().ok() };
    if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || b[10] != b'T' || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let (y, mo, d) = (num(0, 4)?, num(5, 7)?, num(8, 10)?);
    let (h, mi, sec) = (num(11, 13)?, num(14, 16)?, num(17, 19)?);
    if !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 || sec > 60 {
        return None;
    }
    let frac = t[19..].trim_end_matches('Z').trim_start_matches('.');
    let millis = if frac.is_empty() {
        0
    } else {
        let digits: String = frac.chars().take(3).collect();
        format!("{digits:0<3}").parse::<i64>().ok()?
    };
    let days = days_from_civil(y, mo as u32, d as u32);
    Some(days * 86_400_000 + h * 3_600_000 + mi * 60_000 + sec * 1000 + millis)
}

/// A fixed timestamp more than 30 s away from `now_ms` (this device's clock) will be rejected
/// (50102 / 60006) unless this device's clock is itself off by the same amount.
pub fn lint_timestamp_skew(ts: &str, now_ms: f64, lang: Lang) -> Option<LintIssue> {
    let t = timestamp_unix_ms(ts)? as f64;
    let off = (t - now_ms) / 1000.0;
    if off.abs() <= 30.0 {
        return None;
    }
    let secs = format!("{:.0}", off.abs());
    let when = if off > 0.0 {
        t!(lang, "ahead of", "超前")
    } else {
        t!(lang, "behind", "落后")
    };
    Some(issue(
        Field::Timestamp,
        LintRule::TimestampSkew,
        Severity::Problem,
        tf!(
            lang,
            "This timestamp is {secs} s {when} this device's clock. OKX rejects requests whose timestamp is more \
             than 30 s from its server time (50102 on REST, 60006 on WebSocket login): sign with the current time, \
             and check the clock with the clock check.",
            "这个时间戳比本机时间{when} {secs} 秒。欧易（OKX）会拒绝时间戳与其服务器时间相差超过 30 秒的请求\
             （REST 报 50102，WebSocket 登录报 60006）：请用当前时间签名，并用“时钟检查”核对本机时间。"
        ),
        None,
    ))
}

/// What shape a timestamp string has.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TimestampShape {
    /// `2020-12-08T09:08:57.715Z`: what REST wants.
    IsoUtcMillis,
    /// ISO 8601 in UTC (`Z`) but without exactly three fraction digits.
    IsoUtcOtherPrecision,
    /// ISO 8601 with a numeric offset such as `+08:00` (or `+00:00`).
    IsoWithOffset,
    /// ISO 8601 date and time with no zone at all.
    IsoNoZone,
    /// Digits only, 9–11 of them: Unix seconds (what WebSocket login wants).
    UnixSeconds,
    /// Unix seconds with a fraction, e.g. `1538054050.123`.
    UnixSecondsFraction,
    /// Digits only, 12–14 of them: Unix milliseconds.
    UnixMillis,
    /// Empty.
    Empty,
    /// Anything else.
    Other,
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Classifies a timestamp string (outer whitespace ignored).
pub fn timestamp_shape(ts: &str) -> TimestampShape {
    let t = ts.trim();
    if t.is_empty() {
        return TimestampShape::Empty;
    }
    if all_digits(t) {
        return match t.len() {
            9..=11 => TimestampShape::UnixSeconds,
            12..=14 => TimestampShape::UnixMillis,
            _ => TimestampShape::Other,
        };
    }
    if let Some((a, b)) = t.split_once('.') {
        if all_digits(a) && all_digits(b) && (9..=11).contains(&a.len()) {
            return TimestampShape::UnixSecondsFraction;
        }
    }
    // ISO: YYYY-MM-DD[T ]hh:mm:ss[.fff...][Z|±hh:mm|±hhmm]
    let b = t.as_bytes();
    let date_ok = b.len() >= 19
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit)
        && (b[10] == b'T' || b[10] == b't' || b[10] == b' ')
        && b[11..13].iter().all(u8::is_ascii_digit)
        && b[13] == b':'
        && b[14..16].iter().all(u8::is_ascii_digit)
        && b[16] == b':'
        && b[17..19].iter().all(u8::is_ascii_digit);
    if !date_ok {
        return TimestampShape::Other;
    }
    let rest = &t[19..];
    let (frac, zone) = match rest.strip_prefix('.') {
        Some(r) => {
            let n = r.bytes().take_while(u8::is_ascii_digit).count();
            (Some(n), &r[n..])
        }
        None => (None, rest),
    };
    if frac == Some(0) {
        return TimestampShape::Other;
    }
    let strict_t = b[10] == b'T';
    match zone {
        "Z" if frac == Some(3) && strict_t => TimestampShape::IsoUtcMillis,
        "Z" | "z" => TimestampShape::IsoUtcOtherPrecision,
        "" => TimestampShape::IsoNoZone,
        z if is_offset(z) => TimestampShape::IsoWithOffset,
        _ => TimestampShape::Other,
    }
}

fn is_offset(z: &str) -> bool {
    let b = z.as_bytes();
    if b.is_empty() || (b[0] != b'+' && b[0] != b'-') {
        return false;
    }
    let r = &z[1..];
    let rb = r.as_bytes();
    (rb.len() == 5 && rb[2] == b':' && all_digits(&r[..2]) && all_digits(&r[3..]))
        || (rb.len() == 4 && all_digits(r))
        || (rb.len() == 2 && all_digits(r))
}

// ---------------------------------------------------------------------------------------------
// Comparing with what the user's code produced
// ---------------------------------------------------------------------------------------------

/// Where two strings first differ. Indices count characters, not bytes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diff {
    /// Character index of the first difference.
    pub index: usize,
    /// Character of `a` at `index` (`None` when `a` ends there).
    pub a_char: Option<char>,
    /// Character of `b` at `index` (`None` when `b` ends there).
    pub b_char: Option<char>,
    /// Up to [`DIFF_CONTEXT`] characters of `a` either side of `index`.
    pub context_a: String,
    /// Up to [`DIFF_CONTEXT`] characters of `b` either side of `index`.
    pub context_b: String,
    /// Character index in `a`/`b` where both contexts start.
    pub context_start: usize,
}

/// Characters of context shown on each side of a difference.
pub const DIFF_CONTEXT: usize = 12;

/// The first character at which `a` and `b` differ, or `None` when they are equal.
pub fn first_difference(a: &str, b: &str) -> Option<Diff> {
    let ac: Vec<char> = a.chars().collect();
    let bc: Vec<char> = b.chars().collect();
    let common = ac.iter().zip(&bc).take_while(|(x, y)| x == y).count();
    if common == ac.len() && common == bc.len() {
        return None;
    }
    let start = common.saturating_sub(DIFF_CONTEXT);
    let ctx = |v: &[char]| -> String {
        v[start.min(v.len())..(common + DIFF_CONTEXT + 1).min(v.len())]
            .iter()
            .collect()
    };
    Some(Diff {
        index: common,
        a_char: ac.get(common).copied(),
        b_char: bc.get(common).copied(),
        context_a: ctx(&ac),
        context_b: ctx(&bc),
        context_start: start,
    })
}

/// Splits `s` around character index `index`: (before, the character, after). Handy for
/// highlighting a [`Diff`].
pub fn split_at_char(s: &str, index: usize) -> (String, Option<char>, String) {
    let mut before = String::new();
    let mut at = None;
    let mut after = String::new();
    for (i, c) in s.chars().enumerate() {
        match i.cmp(&index) {
            std::cmp::Ordering::Less => before.push(c),
            std::cmp::Ordering::Equal => at = Some(c),
            std::cmp::Ordering::Greater => after.push(c),
        }
    }
    (before, at, after)
}

/// What a pasted value was compared with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PastedKind {
    Signature,
    Prehash,
}

/// Guesses whether a pasted value is a pre-hash (has a path in it) or a signature.
pub fn pasted_kind(pasted: &str) -> PastedKind {
    let p = pasted.trim();
    let upper = p.to_ascii_uppercase();
    let has_method = ["GET", "POST", "PUT", "DELETE"].iter().any(|m| upper.contains(m));
    if p.contains("/api/") || p.contains(WS_LOGIN_PATH) || (p.contains('/') && has_method) {
        PastedKind::Prehash
    } else {
        PastedKind::Signature
    }
}

/// One likely reason why a pasted signature or pre-hash differs from ours.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MismatchKind {
    /// Different timestamp.
    Timestamp,
    /// Method in lower or mixed case.
    MethodCase,
    /// A different method altogether.
    Method,
    /// `https://www.okx.com/api/...` signed instead of `/api/...`.
    FullUrl,
    /// The same query parameters in another order.
    QueryOrder,
    /// The query string is missing from one side.
    QueryMissing,
    /// Same parameters, different percent-encoding.
    QueryEncoding,
    /// Another path.
    Path,
    /// The same JSON, written differently (spaces, key order).
    BodySerialisation,
    /// A body on one side only.
    BodyPresence,
    /// Different JSON.
    Body,
    /// Extra whitespace or line break around the pasted text.
    Whitespace,
    /// The signature is hex, not Base64.
    HexDigest,
    /// The signature is Base64url (`-`/`_`), not standard Base64.
    Base64Url,
    /// Not the length of a Base64 SHA-256 digest.
    SignatureLength,
    /// Nothing specific found.
    Unknown,
}

/// A hint from [`explain_mismatch`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MismatchHint {
    pub kind: MismatchKind,
    pub message: String,
}

fn hint(kind: MismatchKind, message: impl Into<String>) -> MismatchHint {
    MismatchHint {
        kind,
        message: message.into(),
    }
}

/// What to say when the user's pre-hash equals ours but OKX still rejects the signature.
pub fn same_prehash_note(lang: Lang) -> &'static str {
    t!(
        lang,
        "The pre-hashes are identical. If OKX still answers 50113 for this request, the difference is in the HMAC \
         key or the encoding of the result: another secret, a secret with hidden whitespace, a secret decoded from \
         hex or Base64 before use (OKX uses the text as it is), or a hex/URL-safe Base64 result.",
        "两边的待签名字符串完全一致。如果欧易对这个请求仍然返回 50113，差别就在 HMAC 密钥或结果的编码上：用了另一个 \
         Secret Key、Secret Key 里藏着空白字符、Secret Key 在使用前被按 hex 或 Base64 解码过（欧易直接使用原文），\
         或者结果是 hex / URL 安全的 Base64。"
    )
}

/// Parts of a pre-hash string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrehashParts {
    pub timestamp: String,
    pub method: String,
    /// What followed the method up to the body: a path, or a full URL.
    pub target: String,
    pub body: String,
}

/// Splits a pre-hash into timestamp, method, path (or URL) and body, if it looks like one.
pub fn split_prehash(s: &str) -> Option<PrehashParts> {
    let lower = s.to_ascii_lowercase();
    let mut best: Option<(usize, usize)> = None; // (start, len)
    for m in ["get", "post", "put", "delete"] {
        let mut from = 0;
        while let Some(off) = lower[from..].find(m) {
            let pos = from + off;
            let after = &lower[pos + m.len()..];
            if after.starts_with('/') || after.starts_with("http") {
                if best.is_none_or(|(p, _)| pos < p) {
                    best = Some((pos, m.len()));
                }
                break;
            }
            from = pos + 1;
        }
    }
    let (pos, len) = best?;
    let rest = &s[pos + len..];
    let body_at = rest.find(['{', '[']).unwrap_or(rest.len());
    Some(PrehashParts {
        timestamp: s[..pos].to_string(),
        method: s[pos..pos + len].to_string(),
        target: rest[..body_at].to_string(),
        body: rest[body_at..].to_string(),
    })
}

/// Splits `https://host/path?q` into (`/path?q`, true); a path is returned unchanged with false.
pub fn strip_origin(target: &str) -> (String, bool) {
    let t = target.trim();
    let lower = t.to_ascii_lowercase();
    for scheme in ["https://", "http://", "wss://", "ws://"] {
        if lower.starts_with(scheme) {
            let after = &t[scheme.len()..];
            return match after.find('/') {
                Some(i) => (after[i..].to_string(), true),
                None => ("/".to_string(), true),
            };
        }
    }
    if lower.starts_with("www.") || lower.starts_with("okx.com") || lower.starts_with("my.okx.com") {
        if let Some(i) = t.find('/') {
            return (t[i..].to_string(), true);
        }
    }
    (t.to_string(), false)
}

fn split_query(path: &str) -> (&str, Option<&str>) {
    match path.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (path, None),
    }
}

fn query_pairs(q: &str) -> Vec<&str> {
    q.split('&').filter(|p| !p.is_empty()).collect()
}

fn decode(s: &str) -> String {
    percent_encoding::percent_decode_str(&s.replace('+', " "))
        .decode_utf8_lossy()
        .into_owned()
}

/// How two request paths compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathComparison {
    Same,
    QueryOrder,
    QueryEncoding,
    QueryMissing,
    Different,
}

/// Compares two request paths (both without origin).
pub fn compare_paths(a: &str, b: &str) -> PathComparison {
    if a == b {
        return PathComparison::Same;
    }
    let (pa, qa) = split_query(a);
    let (pb, qb) = split_query(b);
    if pa != pb {
        return PathComparison::Different;
    }
    match (qa, qb) {
        (Some(qa), Some(qb)) => {
            let mut xa = query_pairs(qa);
            let mut xb = query_pairs(qb);
            if xa == xb {
                return PathComparison::Same; // only empty `&` pieces differ
            }
            xa.sort_unstable();
            xb.sort_unstable();
            if xa == xb {
                return PathComparison::QueryOrder;
            }
            let mut da: Vec<String> = query_pairs(qa).into_iter().map(decode).collect();
            let mut db: Vec<String> = query_pairs(qb).into_iter().map(decode).collect();
            da.sort();
            db.sort();
            if da == db {
                PathComparison::QueryEncoding
            } else {
                PathComparison::Different
            }
        }
        (Some(q), None) | (None, Some(q)) if !q.is_empty() => PathComparison::QueryMissing,
        _ => PathComparison::Same,
    }
}

/// How two bodies compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BodyComparison {
    Same,
    /// Equal as JSON values, different as text.
    Serialisation,
    /// One side empty, the other not.
    Presence,
    Different,
}

/// Compares two request bodies exactly and, failing that, as JSON values.
pub fn compare_bodies(a: &str, b: &str) -> BodyComparison {
    if a == b {
        return BodyComparison::Same;
    }
    if a.trim().is_empty() != b.trim().is_empty() {
        return BodyComparison::Presence;
    }
    match (
        serde_json::from_str::<serde_json::Value>(a),
        serde_json::from_str::<serde_json::Value>(b),
    ) {
        (Ok(x), Ok(y)) if x == y => BodyComparison::Serialisation,
        _ => BodyComparison::Different,
    }
}

fn looks_hex(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Why a value pasted from the user's logs (a signature or a pre-hash) differs from ours.
/// `ours` is the input we signed; `pasted` is compared against its pre-hash or signature,
/// as decided by [`pasted_kind`]. Returns an empty list when they are equal.
pub fn explain_mismatch(ours: &SignInput, pasted: &str, lang: Lang) -> Vec<MismatchHint> {
    let mut hints = Vec::new();
    let trimmed = pasted.trim();
    let kind = pasted_kind(pasted);
    let our_value = match kind {
        PastedKind::Prehash => ours.prehash(),
        PastedKind::Signature => ours.signature(),
    };
    if pasted == our_value {
        return hints;
    }
    if trimmed != pasted {
        hints.push(hint(
            MismatchKind::Whitespace,
            t!(
                lang,
                "The pasted text has spaces or a line break at its start or end. If those come from your code \
                 rather than from copying, they change the result.",
                "粘贴的内容开头或结尾有空格或换行。如果它们来自你的代码，而不是复制时带上的，就会改变结果。"
            ),
        ));
        if trimmed == our_value {
            return hints;
        }
    }
    match kind {
        PastedKind::Signature => explain_signature(ours, trimmed, lang, &mut hints),
        PastedKind::Prehash => explain_prehash(ours, trimmed, lang, &mut hints),
    }
    if hints.iter().all(|h| h.kind == MismatchKind::Whitespace) {
        hints.push(hint(
            MismatchKind::Unknown,
            t!(
                lang,
                "No specific cause found. Check that the same secret, timestamp, method, path and body were used \
                 on both sides; paste the pre-hash from your code instead of the signature for a finer comparison.",
                "没有找到具体原因。请确认两边用的是同一个 Secret Key、时间戳、请求方法、路径和请求体；改为粘贴你代码里的\
                 待签名字符串（pre-hash）而不是签名，可以比较得更细。"
            ),
        ));
    }
    hints
}

fn explain_signature(ours: &SignInput, sig: &str, lang: Lang, hints: &mut Vec<MismatchHint>) {
    let digest = hmac_sha256(ours.secret.as_bytes(), ours.prehash().as_bytes());
    if sig.len() == 64 && looks_hex(sig) {
        if sig.eq_ignore_ascii_case(&to_hex(&digest)) {
            hints.push(hint(
                MismatchKind::HexDigest,
                t!(
                    lang,
                    "Your code sends the HMAC as hex. The digest itself is correct, but OKX wants the raw 32 bytes \
                     encoded as Base64 (44 characters ending in `=`), not the hex string.",
                    "你的代码把 HMAC 结果按十六进制（hex）发送。摘要本身是对的，但欧易要求对原始的 32 个字节做 Base64 \
                     编码（44 个字符，以 `=` 结尾），而不是发送 hex 字符串。"
                ),
            ));
        } else {
            hints.push(hint(
                MismatchKind::HexDigest,
                t!(
                    lang,
                    "This looks like a hex digest (64 hex characters). OKX expects Base64 of the raw HMAC bytes; \
                     also check the inputs, as even the hex does not match ours.",
                    "这看起来是十六进制摘要（64 个 hex 字符）。欧易要求对原始 HMAC 字节做 Base64 编码；另外也请检查输入，\
                     因为连 hex 值都和我们算的不一样。"
                ),
            ));
        }
        return;
    }
    if sig.contains(['-', '_']) {
        let std = sig.replace('-', "+").replace('_', "/");
        let ours_sig = ours.signature();
        hints.push(hint(
            MismatchKind::Base64Url,
            if std.trim_end_matches('=') == ours_sig.trim_end_matches('=') {
                t!(
                    lang,
                    "Your code uses the URL-safe Base64 alphabet (`-` and `_`). The digest is right; switch to \
                     standard Base64 (`+`, `/` and `=` padding).",
                    "你的代码用的是 URL 安全的 Base64 字符表（`-` 和 `_`）。摘要是对的，换成标准 Base64（`+`、`/` 和 \
                     `=` 填充）即可。"
                )
            } else {
                t!(
                    lang,
                    "The signature contains `-` or `_`, which standard Base64 never does: your code may use \
                     URL-safe Base64. OKX wants the standard alphabet.",
                    "签名里有 `-` 或 `_`，标准 Base64 不会出现这两个字符：你的代码可能用了 URL 安全的 Base64。\
                     欧易要求标准字符表。"
                )
            },
        ));
        return;
    }
    if sig.len() != 44 {
        let n = sig.chars().count();
        hints.push(hint(
            MismatchKind::SignatureLength,
            tf!(
                lang,
                "A Base64 HMAC-SHA256 is 44 characters long; this one has {n}. It may be cut off, double-encoded, \
                 or made with another hash (SHA-512, SHA-1).",
                "Base64 编码的 HMAC-SHA256 长 44 个字符，这个有 {n} 个。它可能被截断了、被编码了两次，\
                 或者用了别的哈希算法（SHA-512、SHA-1）。"
            ),
        ));
    }
}

fn explain_prehash(ours: &SignInput, theirs: &str, lang: Lang, hints: &mut Vec<MismatchHint>) {
    let Some(parts) = split_prehash(theirs) else {
        return;
    };
    let our_method = ours.method.trim().to_ascii_uppercase();
    if parts.timestamp != ours.timestamp {
        let shape = timestamp_shape(&parts.timestamp);
        let extra = match shape {
            TimestampShape::UnixMillis | TimestampShape::UnixSeconds if ours.request_path != WS_LOGIN_PATH => t!(
                lang,
                " Yours is a Unix epoch number; REST wants ISO 8601 UTC with milliseconds.",
                "你的是 Unix 时间戳数字；REST 要求带毫秒的 ISO 8601 UTC 时间。"
            ),
            TimestampShape::IsoWithOffset => t!(
                lang,
                " Yours carries a local time-zone offset; use UTC with `Z`.",
                "你的带有本地时区偏移；请用以 `Z` 结尾的 UTC 时间。"
            ),
            TimestampShape::IsoUtcOtherPrecision => t!(
                lang,
                " Yours does not have exactly three fraction digits.",
                "你的小数部分不是正好三位。"
            ),
            TimestampShape::IsoNoZone => t!(lang, " Yours has no `Z` at the end.", "你的末尾没有 `Z`。"),
            _ => "",
        };
        hints.push(hint(
            MismatchKind::Timestamp,
            tf!(
                lang,
                "The timestamps differ. To compare signatures, both sides must use the same timestamp; in the \
                 request itself the header must carry the very value that was signed.{extra}",
                "时间戳不一样。要比较签名，两边必须用同一个时间戳；实际请求里，请求头带的也必须正是参与签名的那个值。{extra}"
            ),
        ));
    }
    if parts.method != our_method {
        if parts.method.eq_ignore_ascii_case(&our_method) {
            hints.push(hint(
                MismatchKind::MethodCase,
                t!(
                    lang,
                    "The method is not in upper case in your pre-hash. OKX signs `GET`/`POST`, never `get`/`post`.",
                    "你的待签名字符串里请求方法不是大写。欧易签名用的是 `GET`/`POST`，不是 `get`/`post`。"
                ),
            ));
        } else {
            hints.push(hint(
                MismatchKind::Method,
                t!(lang, "The HTTP methods differ.", "HTTP 请求方法不一样。"),
            ));
        }
    }
    let (their_path, was_url) = strip_origin(&parts.target);
    if was_url {
        hints.push(hint(
            MismatchKind::FullUrl,
            t!(
                lang,
                "Your pre-hash contains the full URL with scheme and host. Sign only the path and query, starting \
                 at `/api/v5/...`.",
                "你的待签名字符串里是带协议和域名的完整 URL。只应对路径和查询参数签名，从 `/api/v5/...` 开始。"
            ),
        ));
    }
    let (our_path, _) = strip_origin(&ours.request_path);
    match compare_paths(&their_path, &our_path) {
        PathComparison::Same => {}
        PathComparison::QueryOrder => hints.push(hint(
            MismatchKind::QueryOrder,
            t!(
                lang,
                "Same query parameters, different order. Sign the query string exactly as it is sent; an HTTP \
                 library that re-orders or rebuilds the query after signing breaks the signature.",
                "查询参数相同，但顺序不同。签名用的查询字符串必须和实际发送的一字不差；HTTP 库如果在签名之后重新排序\
                 或重建查询参数，签名就会失效。"
            ),
        )),
        PathComparison::QueryEncoding => hints.push(hint(
            MismatchKind::QueryEncoding,
            t!(
                lang,
                "Same query parameters, encoded differently (for example `%2C` against `,`). Sign the exact bytes \
                 that go on the wire.",
                "查询参数相同，但编码方式不同（例如 `%2C` 和 `,`）。签名要用实际发出去的字节。"
            ),
        )),
        PathComparison::QueryMissing => hints.push(hint(
            MismatchKind::QueryMissing,
            t!(
                lang,
                "The query string is on one side only. For GET requests the `?...` part belongs in the pre-hash.",
                "只有一边带了查询字符串。GET 请求的 `?...` 部分也要放进待签名字符串。"
            ),
        )),
        PathComparison::Different => hints.push(hint(
            MismatchKind::Path,
            t!(lang, "The request paths differ.", "请求路径不一样。"),
        )),
    }
    match compare_bodies(&parts.body, &ours.body) {
        BodyComparison::Same => {}
        BodyComparison::Serialisation => hints.push(hint(
            MismatchKind::BodySerialisation,
            t!(
                lang,
                "The bodies are the same JSON written differently (spaces or key order). Serialise the body once \
                 and send exactly the string that was signed.",
                "两边的请求体是同一个 JSON，只是写法不同（空格或键的顺序）。请求体只序列化一次，发送的就是参与签名的\
                 那个字符串。"
            ),
        )),
        BodyComparison::Presence => hints.push(hint(
            MismatchKind::BodyPresence,
            t!(
                lang,
                "A body appears on one side only. GET requests sign an empty body; POST requests sign the JSON text.",
                "只有一边有请求体。GET 请求签名时请求体为空；POST 请求签名的是 JSON 文本。"
            ),
        )),
        BodyComparison::Different => hints.push(hint(
            MismatchKind::Body,
            t!(lang, "The request bodies differ.", "请求体不一样。"),
        )),
    }
}

// ---------------------------------------------------------------------------------------------
// Lint
// ---------------------------------------------------------------------------------------------

/// The three values of an OKX API key.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Credentials {
    pub api_key: String,
    pub secret: String,
    pub passphrase: String,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("api_key", &self.api_key)
            .field("secret", &"<hidden>")
            .field("passphrase", &"<hidden>")
            .finish()
    }
}

/// The field a lint issue is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    ApiKey,
    Secret,
    Passphrase,
    Method,
    Path,
    Body,
    Timestamp,
}

impl Field {
    /// The field's name inside a sentence ("The secret key is empty").
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Field::ApiKey => t!(lang, "API key", "API Key"),
            Field::Secret => t!(lang, "secret key", "Secret Key"),
            Field::Passphrase => t!(lang, "passphrase", "Passphrase"),
            Field::Method => t!(lang, "method", "请求方法"),
            Field::Path => t!(lang, "request path", "请求路径"),
            Field::Body => t!(lang, "body", "请求体"),
            Field::Timestamp => t!(lang, "timestamp", "时间戳"),
        }
    }
}

/// Lint rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LintRule {
    /// A required value is empty.
    Empty,
    /// Space or tab at the start or end.
    OuterWhitespace,
    /// Newline, carriage return or tab inside.
    ControlChar,
    /// Zero-width space/joiner/non-joiner or byte-order mark.
    ZeroWidth,
    /// Non-breaking space (U+00A0, U+202F).
    NonBreakingSpace,
    /// Typographic quotes ‘ ’ “ ”.
    SmartQuote,
    /// Value wrapped in ASCII quotes that were probably meant for a shell or config file.
    WrappedInQuotes,
    /// API key is not a UUID.
    KeyNotUuid,
    /// Secret is not 32 hex characters.
    SecretNotHex32,
    /// Value looks like it belongs in another field.
    LikelySwap,
    /// Passphrase contains characters a shell treats specially.
    ShellSpecialChars,
    /// Method not in upper case.
    MethodCase,
    /// Method not one OKX uses.
    MethodUnknown,
    /// Full URL instead of the path.
    FullUrl,
    /// Path does not start with `/`.
    PathShape,
    /// Query parameters in another order than signed.
    QueryOrder,
    /// Query parameters encoded differently from what was signed.
    QueryEncoding,
    /// The sent path differs from the signed one in another way.
    SignedPathDiffers,
    /// Body is the same JSON but serialised differently from what was signed.
    BodySerialisation,
    /// Body differs from what was signed.
    SignedBodyDiffers,
    /// A GET request with a body.
    BodyOnGet,
    /// A POST body that is not valid JSON.
    BodyNotJson,
    /// Timestamp has the wrong format for its use.
    TimestampFormat,
    /// REST timestamp given as Unix seconds/milliseconds.
    TimestampEpochForRest,
    /// Timestamp with a local offset such as `+08:00`.
    TimestampLocalOffset,
    /// WebSocket login timestamp that is not Unix seconds.
    TimestampWsNotSeconds,
    /// Timestamp more than 30 s away from this device's clock.
    TimestampSkew,
}

/// How serious an issue is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Will (very likely) break authentication.
    Problem,
    /// Worth knowing; may be fine.
    Note,
}

impl Severity {
    /// The word that marks an issue (shown next to it, so severity never rests on colour alone).
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Severity::Problem => t!(lang, "Problem", "问题"),
            Severity::Note => t!(lang, "Note", "提示"),
        }
    }
}

/// One lint finding. Messages never quote the secret or the passphrase.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LintIssue {
    pub field: Field,
    pub rule: LintRule,
    pub severity: Severity,
    pub message: String,
    /// Character index of the offending character, when there is one.
    pub position: Option<usize>,
}

fn issue(
    field: Field,
    rule: LintRule,
    severity: Severity,
    message: impl Into<String>,
    position: Option<usize>,
) -> LintIssue {
    LintIssue {
        field,
        rule,
        severity,
        message: message.into(),
        position,
    }
}

/// True when any issue is a [`Severity::Problem`].
pub fn has_problems(issues: &[LintIssue]) -> bool {
    issues.iter().any(|i| i.severity == Severity::Problem)
}

/// True for `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` with hex digits (either case).
pub fn is_uuid(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() == 5
        && parts
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(p, n)| p.len() == n && p.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// True for exactly 32 hex digits (either case).
pub fn is_hex32(s: &str) -> bool {
    s.len() == 32 && looks_hex(s)
}

fn char_name(c: char, lang: Lang) -> &'static str {
    match c {
        '\n' => t!(lang, "a line break (LF)", "换行符（LF）"),
        '\r' => t!(lang, "a carriage return (CR)", "回车符（CR）"),
        '\t' => t!(lang, "a tab", "制表符（Tab）"),
        ' ' => t!(lang, "a space", "空格"),
        '\u{200B}' => t!(lang, "a zero-width space (U+200B)", "零宽空格（U+200B）"),
        '\u{200C}' => t!(lang, "a zero-width non-joiner (U+200C)", "零宽非连接符（U+200C）"),
        '\u{200D}' => t!(lang, "a zero-width joiner (U+200D)", "零宽连接符（U+200D）"),
        '\u{FEFF}' => t!(lang, "a byte-order mark (U+FEFF)", "字节顺序标记（BOM，U+FEFF）"),
        '\u{00A0}' => t!(lang, "a non-breaking space (U+00A0)", "不换行空格（U+00A0）"),
        '\u{202F}' => t!(lang, "a narrow non-breaking space (U+202F)", "窄不换行空格（U+202F）"),
        '\u{2018}' | '\u{2019}' => t!(lang, "a curly single quote", "弯单引号（‘ ’）"),
        '\u{201C}' | '\u{201D}' => t!(lang, "a curly double quote", "弯双引号（“ ”）"),
        _ => t!(lang, "a special character", "特殊字符"),
    }
}

/// A class of characters that silently change a credential: how to spot it, its rule, and the
/// advice that follows "The {field} contains {char} at position {n}".
struct InvisibleClass {
    matches: fn(char) -> bool,
    rule: LintRule,
    advice: fn(Lang) -> &'static str,
}

const INVISIBLE_CLASSES: [InvisibleClass; 4] = [
    InvisibleClass {
        matches: |c| matches!(c, '\n' | '\r' | '\t'),
        rule: LintRule::ControlChar,
        advice: |lang| {
            t!(
                lang,
                ". This usually comes from reading a file or a pasted line without stripping its line ending \
                 (Windows files end lines with CR LF).",
                "。这通常是读取文件或粘贴的一行时没有去掉行尾造成的（Windows 文件的行尾是 CR LF）。"
            )
        },
    },
    InvisibleClass {
        matches: |c| matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}'),
        rule: LintRule::ZeroWidth,
        advice: |lang| {
            t!(
                lang,
                ": an invisible character that rich-text editors, chat apps and web pages slip into copied text. \
                 Retype the value or copy it from the OKX page through a plain-text editor.",
                "，这是一个看不见的字符，富文本编辑器、聊天软件和网页常把它混进复制的文字里。请重新输入，或者从欧易页面\
                 复制后先粘贴到纯文本编辑器里再复制。"
            )
        },
    },
    InvisibleClass {
        matches: |c| matches!(c, '\u{00A0}' | '\u{202F}'),
        rule: LintRule::NonBreakingSpace,
        advice: |lang| {
            t!(
                lang,
                ". It looks like a space but is a different character.",
                "。它看起来像空格，其实是另一个字符。"
            )
        },
    },
    InvisibleClass {
        matches: |c| matches!(c, '\u{2018}' | '\u{2019}' | '\u{201C}' | '\u{201D}'),
        rule: LintRule::SmartQuote,
        advice: |lang| {
            t!(
                lang,
                ". Word processors and some note apps turn straight quotes into curly ones; the value you \
                 created at OKX almost certainly had none.",
                "。文字处理软件和一些笔记应用会把直引号自动换成弯引号，而你在欧易创建的值几乎不可能带弯引号。"
            )
        },
    },
];

/// Where a run of characters sits, in words: "(position 5)", "(positions 36–37)".
fn positions(first: usize, len: usize, lang: Lang) -> String {
    let a = first + 1;
    if len <= 1 {
        tf!(lang, "(position {a})", "（第 {a} 个字符）")
    } else {
        let b = first + len;
        tf!(lang, "(positions {a}–{b})", "（第 {a}–{b} 个字符）")
    }
}

/// A run of spaces and tabs in words: "a space", "2 tabs", "3 spaces and tabs".
fn whitespace_run(run: &[char], lang: Lang) -> String {
    let n = run.len();
    let tabs = run.iter().filter(|c| **c == '\t').count();
    match (tabs, n) {
        (0, 1) => t!(lang, "a space", "1 个空格").to_string(),
        (0, _) => tf!(lang, "{n} spaces", "{n} 个空格"),
        (1, 1) => t!(lang, "a tab", "1 个制表符").to_string(),
        (t, _) if t == n => tf!(lang, "{n} tabs", "{n} 个制表符"),
        _ => tf!(lang, "{n} spaces and tabs", "{n} 个空格和制表符"),
    }
}

/// The subject of a sentence about a field: "The secret key" in English; in Chinese the label,
/// with the space that separates Latin letters from the Chinese text that follows.
fn the_field(field: Field, lang: Lang) -> String {
    let label = field.label(lang);
    t!(
        lang,
        format!("The {label}"),
        if label.ends_with(|c: char| c.is_ascii_alphanumeric()) {
            format!("{label} ")
        } else {
            label.to_string()
        }
    )
}

fn empty_message(field: Field, lang: Lang) -> String {
    let the = the_field(field, lang);
    tf!(lang, "{the} is empty.", "{the}为空。")
}

/// Character-level checks shared by every field.
fn lint_chars(field: Field, value: &str, lang: Lang, out: &mut Vec<LintIssue>) {
    let chars: Vec<char> = value.chars().collect();
    let n = chars.len();
    let the = the_field(field, lang);
    // Leading/trailing ordinary whitespace (space or tab; line breaks are reported below).
    let lead = chars.iter().take_while(|c| **c == ' ' || **c == '\t').count();
    let trail = chars.iter().rev().take_while(|c| **c == ' ' || **c == '\t').count();
    // A value made of spaces only is all "lead".
    let trail = if lead == n { 0 } else { trail };
    if lead > 0 || trail > 0 {
        let pos = if lead > 0 { 0 } else { n - trail };
        let starts = (lead > 0).then(|| {
            let what = whitespace_run(&chars[..lead], lang);
            let at = positions(0, lead, lang);
            tf!(lang, "starts with {what} {at}", "开头有 {what}{at}")
        });
        let ends = (trail > 0).then(|| {
            let what = whitespace_run(&chars[n - trail..], lang);
            let at = positions(n - trail, trail, lang);
            tf!(lang, "ends with {what} {at}", "结尾有 {what}{at}")
        });
        let place = match (starts, ends) {
            (Some(s), Some(e)) => tf!(lang, "{s} and {e}", "{s}，{e}"),
            (Some(s), None) => s,
            (None, Some(e)) => e,
            (None, None) => String::new(),
        };
        out.push(issue(
            field,
            LintRule::OuterWhitespace,
            Severity::Problem,
            tf!(
                lang,
                "{the} {place}. As far as OKX is concerned it is part of the value; remove it.",
                "{the}{place}。欧易会把它当作值的一部分，请删掉。"
            ),
            Some(pos),
        ));
    }
    // Each class of invisible or look-alike character is reported once, at its first position.
    let mut seen = [false; INVISIBLE_CLASSES.len()];
    for (i, &c) in chars.iter().enumerate() {
        // Tabs at the edges were reported as outer whitespace already.
        if c == '\t' && (i < lead || i >= n - trail) {
            continue;
        }
        for (k, class) in INVISIBLE_CLASSES.iter().enumerate() {
            if !seen[k] && (class.matches)(c) {
                seen[k] = true;
                let name = char_name(c, lang);
                let at = i + 1;
                let advice = (class.advice)(lang);
                out.push(issue(
                    field,
                    class.rule,
                    Severity::Problem,
                    tf!(
                        lang,
                        "{the} contains {name} at position {at}{advice}",
                        "{the}的第 {at} 个字符是{name}{advice}"
                    ),
                    Some(i),
                ));
            }
        }
    }
    if n >= 2 {
        let (f, l) = (chars[0], chars[n - 1]);
        if (f == '"' && l == '"') || (f == '\'' && l == '\'') {
            out.push(issue(
                field,
                LintRule::WrappedInQuotes,
                Severity::Note,
                tf!(
                    lang,
                    "{the} begins and ends with a quote mark. If those quotes were meant for a shell or a config \
                     file, they have ended up inside the value.",
                    "{the}首尾各有一个引号。如果这对引号本来是写给 shell 或配置文件的，它们已经跑进值里了。"
                ),
                Some(0),
            ));
        }
    }
}

/// Checks an API key, secret and passphrase for the usual copy-and-paste and shell mistakes.
pub fn lint(fields: &Credentials, lang: Lang) -> Vec<LintIssue> {
    let mut out = Vec::new();
    let key = fields.api_key.as_str();
    let secret = fields.secret.as_str();
    let pass = fields.passphrase.as_str();

    for (field, v) in [(Field::ApiKey, key), (Field::Secret, secret), (Field::Passphrase, pass)] {
        if v.is_empty() {
            out.push(issue(
                field,
                LintRule::Empty,
                Severity::Problem,
                empty_message(field, lang),
                None,
            ));
        } else {
            lint_chars(field, v, lang, &mut out);
        }
    }

    // Shapes, judged on the trimmed value so a stray space is not reported twice.
    let (k, s, p) = (key.trim(), secret.trim(), pass.trim());
    let mut swapped_key = false;
    let mut swapped_secret = false;
    if is_hex32(k) {
        swapped_key = true;
        out.push(issue(
            Field::ApiKey,
            LintRule::LikelySwap,
            Severity::Problem,
            t!(
                lang,
                "The API key field holds 32 hex characters, which is what a secret key looks like. The API key \
                 is the UUID (8-4-4-4-12 characters with dashes).",
                "API Key 一栏填的是 32 个十六进制字符，这是 Secret Key 的样子。API Key 是 UUID 格式\
                 （8-4-4-4-12 个字符，用短横线隔开）。"
            ),
            None,
        ));
    } else if !k.is_empty() && is_uuid(p) && !is_uuid(k) {
        swapped_key = true;
        out.push(issue(
            Field::ApiKey,
            LintRule::LikelySwap,
            Severity::Problem,
            t!(
                lang,
                "The passphrase is shaped like an API key while the API key field is not: the two look swapped.",
                "Passphrase 的格式像 API Key，API Key 一栏却不像：两者似乎填反了。"
            ),
            None,
        ));
    }
    if is_uuid(s) {
        swapped_secret = true;
        out.push(issue(
            Field::Secret,
            LintRule::LikelySwap,
            Severity::Problem,
            t!(
                lang,
                "The secret key field holds a UUID, which is what an API key looks like. The secret is 32 hex \
                 characters, shown once when the key was created.",
                "Secret Key 一栏填的是 UUID，这是 API Key 的样子。Secret Key 是 32 个十六进制字符，只在创建 API Key \
                 时显示一次。"
            ),
            None,
        ));
    } else if !s.is_empty() && is_hex32(p) && !is_hex32(s) {
        swapped_secret = true;
        out.push(issue(
            Field::Secret,
            LintRule::LikelySwap,
            Severity::Problem,
            t!(
                lang,
                "The passphrase is shaped like a secret key while the secret field is not: the two look swapped.",
                "Passphrase 的格式像 Secret Key，Secret Key 一栏却不像：两者似乎填反了。"
            ),
            None,
        ));
    }
    if is_uuid(p) || is_hex32(p) {
        out.push(issue(
            Field::Passphrase,
            LintRule::LikelySwap,
            Severity::Note,
            if is_uuid(p) {
                t!(
                    lang,
                    "The passphrase looks like an API key (a UUID). The passphrase is the one you chose yourself \
                     when creating the key; check the fields were not mixed up.",
                    "Passphrase 看起来像 API Key（UUID 格式）。Passphrase 是你创建 API Key 时自己设的密码，\
                     请检查几个字段有没有填混。"
                )
            } else {
                t!(
                    lang,
                    "The passphrase looks like a secret key (32 hex characters). The passphrase is the one you chose \
                     yourself when creating the key; check the fields were not mixed up.",
                    "Passphrase 看起来像 Secret Key（32 个十六进制字符）。Passphrase 是你创建 API Key 时自己设的密码，\
                     请检查几个字段有没有填混。"
                )
            },
            None,
        ));
    }
    if !k.is_empty() && !swapped_key && !is_uuid(k) {
        let n = k.chars().count();
        out.push(issue(
            Field::ApiKey,
            LintRule::KeyNotUuid,
            Severity::Problem,
            tf!(
                lang,
                "The API key is not shaped like OKX API keys (a UUID: 8-4-4-4-12 hex characters with dashes, \
                 36 in total); it has {n} characters. It may be cut off or contain extra text.",
                "这个 API Key 不符合欧易 API Key 的格式（UUID：8-4-4-4-12 个十六进制字符，用短横线隔开，共 36 个），\
                 它有 {n} 个字符。可能被截断了，或者混进了多余的文字。"
            ),
            None,
        ));
    }
    if !s.is_empty() && !swapped_secret && !is_hex32(s) {
        let n = s.chars().count();
        out.push(issue(
            Field::Secret,
            LintRule::SecretNotHex32,
            Severity::Problem,
            tf!(
                lang,
                "The secret key is not shaped like OKX secrets (32 hex characters); it has {n}. It may be cut \
                 off, or be some other value.",
                "这个 Secret Key 不符合欧易 Secret Key 的格式（32 个十六进制字符），它有 {n} 个字符。可能被截断了，\
                 或者填的是别的值。"
            ),
            None,
        ));
    }

    // Shell-sensitive characters in the passphrase.
    let specials = ['$', '`', '"', '\'', '\\', '!'];
    if let Some(pos) = pass.chars().position(|c| specials.contains(&c)) {
        let has_single = pass.contains('\'');
        let at = pos + 1;
        let mut msg = tf!(
            lang,
            "The passphrase contains a character that shells treat specially ($, backtick, quotes, backslash \
             or !), first at position {at}. Inside double quotes or unquoted, bash would change it before your \
             program sees it. Set it with single quotes: export OKX_PASSPHRASE='your passphrase'.",
            "Passphrase 里有 shell 会特殊处理的字符（$、反引号、引号、反斜杠或 !），第一个在第 {at} 个字符。\
             放在双引号里或不加引号时，bash 会在你的程序拿到它之前把它改掉。请用单引号设置：\
             export OKX_PASSPHRASE='你的 Passphrase'。"
        );
        if has_single {
            msg.push_str(t!(
                lang,
                " A single quote cannot appear inside single quotes: close the quotes, add \\' and reopen, so \
                 it's becomes 'it'\\''s'.",
                "单引号里不能再写单引号：先闭合引号，加上 \\'，再重新打开引号，例如 it's 要写成 'it'\\''s'。"
            ));
        }
        msg.push_str(t!(
            lang,
            " In .env files and YAML, quoting rules differ again; check how your loader reads them.",
            ".env 文件和 YAML 的引号规则又不一样，请确认你用的加载方式如何读取它们。"
        ));
        out.push(issue(
            Field::Passphrase,
            LintRule::ShellSpecialChars,
            Severity::Note,
            msg,
            Some(pos),
        ));
    }
    out
}

/// Checks a request. The timestamp rules depend on the path: `/users/self/verify` is treated as a
/// WebSocket login (Unix seconds), anything else as REST (ISO 8601 UTC with milliseconds).
/// `signed_path`/`signed_body` are what the user's code fed into the signature, when known;
/// `path`/`body` are what is actually sent.
pub fn lint_request(
    method: &str,
    path: &str,
    body: &str,
    timestamp: &str,
    signed_path: Option<&str>,
    signed_body: Option<&str>,
    lang: Lang,
) -> Vec<LintIssue> {
    let mut out = Vec::new();
    lint_method(method, lang, &mut out);
    for (field, v) in [(Field::Path, path), (Field::Timestamp, timestamp)] {
        if !v.is_empty() {
            lint_chars(field, v, lang, &mut out);
        }
    }
    let m = method.trim().to_ascii_uppercase();

    // Path.
    let (bare, was_url) = strip_origin(path);
    if was_url {
        out.push(issue(
            Field::Path,
            LintRule::FullUrl,
            Severity::Problem,
            t!(
                lang,
                "The request path is a full URL. Only the part from `/api/v5/...` on (with its query string) is \
                 signed; the scheme and host are not.",
                "请求路径填的是完整 URL。参与签名的只有从 `/api/v5/...` 开始的部分（含查询字符串），协议和域名不参与签名。"
            ),
            Some(0),
        ));
    } else if path.trim().is_empty() {
        out.push(issue(
            Field::Path,
            LintRule::Empty,
            Severity::Problem,
            empty_message(Field::Path, lang),
            None,
        ));
    } else if !path.trim().starts_with('/') {
        out.push(issue(
            Field::Path,
            LintRule::PathShape,
            Severity::Problem,
            t!(
                lang,
                "The request path does not start with `/`. It should look like `/api/v5/account/balance`.",
                "请求路径不是以 `/` 开头。它应该像 `/api/v5/account/balance` 这样。"
            ),
            Some(0),
        ));
    }
    if let Some(sp) = signed_path {
        let (signed_bare, _) = strip_origin(sp);
        match compare_paths(&bare, &signed_bare) {
            PathComparison::Same => {}
            PathComparison::QueryOrder => out.push(issue(
                Field::Path,
                LintRule::QueryOrder,
                Severity::Problem,
                t!(
                    lang,
                    "The query parameters are sent in a different order from the one that was signed. OKX signs \
                     the query string as text, so the order must be the same on both sides.",
                    "实际发送的查询参数顺序和签名时的不一样。欧易是把查询字符串当作文本来签名的，所以两边的顺序必须一致。"
                ),
                None,
            )),
            PathComparison::QueryEncoding => out.push(issue(
                Field::Path,
                LintRule::QueryEncoding,
                Severity::Problem,
                t!(
                    lang,
                    "The query parameters are encoded differently from the signed ones (for example `%2C` against \
                     `,`). Sign the exact text that is sent.",
                    "查询参数的编码方式和签名时的不一样（例如 `%2C` 和 `,`）。签名要用实际发送的原文。"
                ),
                None,
            )),
            PathComparison::QueryMissing | PathComparison::Different => out.push(issue(
                Field::Path,
                LintRule::SignedPathDiffers,
                Severity::Problem,
                t!(
                    lang,
                    "The path that is sent is not the one that was signed (check the query string).",
                    "实际发送的路径不是参与签名的那个（请检查查询字符串）。"
                ),
                None,
            )),
        }
    }

    // Body.
    if m == "GET" && !body.is_empty() {
        out.push(issue(
            Field::Body,
            LintRule::BodyOnGet,
            Severity::Problem,
            t!(
                lang,
                "A GET request signs an empty body. Put GET parameters in the query string of the path instead.",
                "GET 请求签名时请求体为空。GET 的参数请放到路径的查询字符串里。"
            ),
            None,
        ));
    }
    if m == "POST" && !body.trim().is_empty() && serde_json::from_str::<serde_json::Value>(body).is_err() {
        out.push(issue(
            Field::Body,
            LintRule::BodyNotJson,
            Severity::Problem,
            t!(
                lang,
                "The POST body is not valid JSON. OKX expects a JSON object (or array) as the body.",
                "POST 请求体不是合法的 JSON。欧易要求请求体是一个 JSON 对象（或数组）。"
            ),
            None,
        ));
    }
    if let Some(sb) = signed_body {
        match compare_bodies(body, sb) {
            BodyComparison::Same => {}
            BodyComparison::Serialisation => out.push(issue(
                Field::Body,
                LintRule::BodySerialisation,
                Severity::Problem,
                t!(
                    lang,
                    "The body sent is the same JSON as the signed one but written differently (spaces, key \
                     order). The signature covers the exact text: serialise once and send that string.",
                    "实际发送的请求体和签名时的是同一个 JSON，只是写法不同（空格、键的顺序）。签名覆盖的是原文：\
                     只序列化一次，发送的就是那个字符串。"
                ),
                None,
            )),
            BodyComparison::Presence | BodyComparison::Different => out.push(issue(
                Field::Body,
                LintRule::SignedBodyDiffers,
                Severity::Problem,
                t!(
                    lang,
                    "The body sent is not the body that was signed.",
                    "实际发送的请求体不是参与签名的那个。"
                ),
                None,
            )),
        }
    }

    // Timestamp.
    let ws = bare.trim() == WS_LOGIN_PATH;
    let shape = timestamp_shape(timestamp);
    if shape == TimestampShape::Empty {
        out.push(issue(
            Field::Timestamp,
            LintRule::Empty,
            Severity::Problem,
            empty_message(Field::Timestamp, lang),
            None,
        ));
    } else if ws {
        match shape {
            TimestampShape::UnixSeconds => {}
            TimestampShape::UnixSecondsFraction => out.push(issue(
                Field::Timestamp,
                LintRule::TimestampWsNotSeconds,
                Severity::Note,
                t!(
                    lang,
                    "The login timestamp has a fraction. OKX documents Unix seconds; most clients send a whole \
                     number, which is the safe choice.",
                    "登录时间戳带有小数部分。欧易文档写的是 Unix 秒；大多数客户端发送整数，这样最稳妥。"
                ),
                None,
            )),
            _ => out.push(issue(
                Field::Timestamp,
                LintRule::TimestampWsNotSeconds,
                Severity::Problem,
                t!(
                    lang,
                    "WebSocket login wants the Unix time in seconds (10 digits today), not milliseconds and not \
                     an ISO date.",
                    "WebSocket 登录要求以秒为单位的 Unix 时间（目前是 10 位数字），不是毫秒，也不是 ISO 日期。"
                ),
                None,
            )),
        }
    } else {
        match shape {
            TimestampShape::IsoUtcMillis | TimestampShape::Empty => {}
            TimestampShape::UnixSeconds | TimestampShape::UnixMillis | TimestampShape::UnixSecondsFraction => {
                out.push(issue(
                    Field::Timestamp,
                    LintRule::TimestampEpochForRest,
                    Severity::Problem,
                    t!(
                        lang,
                        "REST requests want an ISO 8601 UTC timestamp with milliseconds, like \
                         2020-12-08T09:08:57.715Z, not a Unix epoch number. (Epoch seconds are for WebSocket \
                         login.)",
                        "REST 请求要求带毫秒的 ISO 8601 UTC 时间戳，例如 2020-12-08T09:08:57.715Z，而不是 Unix \
                         时间戳数字。（Unix 秒是给 WebSocket 登录用的。）"
                    ),
                    None,
                ))
            }
            TimestampShape::IsoWithOffset => {
                let pos = timestamp
                    .chars()
                    .enumerate()
                    .filter(|(_, c)| *c == '+' || *c == '-')
                    .map(|(i, _)| i)
                    .last();
                let at = pos.map(|p| p + 1).unwrap_or(0);
                out.push(issue(
                    Field::Timestamp,
                    LintRule::TimestampLocalOffset,
                    Severity::Problem,
                    tf!(
                        lang,
                        "The timestamp carries a time-zone offset, from position {at}. OKX wants UTC written with \
                         a trailing Z (2020-12-08T09:08:57.715Z). A local time with the offset dropped, or with Z \
                         pasted on, is off by hours and gets rejected as expired.",
                        "时间戳从第 {at} 个字符起带有时区偏移。欧易要求以 Z 结尾的 UTC 时间\
                         （2020-12-08T09:08:57.715Z）。把本地时间去掉偏移、或者直接在后面加个 Z，都会差出几个小时，\
                         被当作过期请求拒绝。"
                    ),
                    pos,
                ))
            }
            TimestampShape::IsoUtcOtherPrecision | TimestampShape::IsoNoZone | TimestampShape::Other => {
                out.push(issue(
                    Field::Timestamp,
                    LintRule::TimestampFormat,
                    Severity::Problem,
                    t!(
                        lang,
                        "The timestamp is not in the REST format: ISO 8601 in UTC with exactly three fraction \
                         digits and a trailing Z, like 2020-12-08T09:08:57.715Z. (In JavaScript, new \
                         Date().toISOString() gives exactly that.)",
                        "时间戳不是 REST 要求的格式：UTC 的 ISO 8601 时间，小数部分正好三位，以 Z 结尾，例如 \
                         2020-12-08T09:08:57.715Z。（JavaScript 里 new Date().toISOString() 得到的正是这种格式。）"
                    ),
                    None,
                ))
            }
        }
    }
    out
}

fn lint_method(method: &str, lang: Lang, out: &mut Vec<LintIssue>) {
    let t = method.trim();
    if t.is_empty() {
        out.push(issue(
            Field::Method,
            LintRule::Empty,
            Severity::Problem,
            empty_message(Field::Method, lang),
            None,
        ));
        return;
    }
    if t != method {
        out.push(issue(
            Field::Method,
            LintRule::OuterWhitespace,
            Severity::Problem,
            t!(lang, "The method has whitespace around it.", "请求方法前后有空白字符。"),
            Some(0),
        ));
    }
    let upper = t.to_ascii_uppercase();
    if !["GET", "POST", "PUT", "DELETE"].contains(&upper.as_str()) {
        out.push(issue(
            Field::Method,
            LintRule::MethodUnknown,
            Severity::Problem,
            t!(
                lang,
                "OKX API v5 uses GET and POST; this method is not one of them.",
                "OKX API v5 只用 GET 和 POST，这个请求方法不在其中。"
            ),
            None,
        ));
    } else if t != upper {
        out.push(issue(
            Field::Method,
            LintRule::MethodCase,
            Severity::Problem,
            t!(
                lang,
                "The method must be upper case in the pre-hash (GET, POST). A lower-case method gives a different \
                 signature.",
                "待签名字符串里的请求方法必须大写（GET、POST）。小写的请求方法会得到不同的签名。"
            ),
            None,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_from_days_epoch() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
    }
}
