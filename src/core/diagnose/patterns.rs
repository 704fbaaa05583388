//! Line patterns that are not OKX codes: HTTP status lines, network failures, and errors raised
//! inside a client library before anything reached OKX.

use super::util::*;
use crate::core::category::Category;

/// An HTTP status found in a line: (status, byte span relative to the line).
pub fn http_status(lower: &str) -> Option<(u16, (usize, usize))> {
    let b = lower.as_bytes();
    const KEYS: &[&str] = &[
        "status code",
        "status_code",
        "statuscode",
        "status:",
        "\"status\":",
        "'status':",
        "http/1.1",
        "http/1.0",
        "http/2",
        "http error",
        "httperror",
        "http",
        "response code",
        "status",
    ];
    for key in KEYS {
        for (p, _) in lower.match_indices(key) {
            if p > 0 && b[p - 1].is_ascii_alphabetic() {
                continue;
            }
            let mut j = p + key.len();
            if j < b.len() && b[j].is_ascii_alphabetic() {
                continue;
            }
            while j < b.len() && matches!(b[j], b' ' | b':' | b'=' | b'"' | b'\'' | b'(' | b'[' | b'#') {
                j += 1;
            }
            let (e, n) = digits_at(b, j);
            if n != 3 || (e < b.len() && (is_word_byte(b[e]) || b[e] == b'.')) {
                continue;
            }
            let v: u16 = lower[j..e].parse().unwrap_or(0);
            if (400..=599).contains(&v) {
                return Some((v, (p, e)));
            }
        }
    }
    // "401 Unauthorized", "502 Bad Gateway", or the phrase alone.
    const PHRASES: &[(&str, u16)] = &[
        ("unauthorized", 401),
        ("forbidden", 403),
        ("too many requests", 429),
        ("internal server error", 500),
        ("bad gateway", 502),
        ("service unavailable", 503),
        ("service temporarily unavailable", 503),
        ("gateway time-out", 504),
        ("gateway timeout", 504),
        ("bad request", 400),
        ("not found", 404),
        ("method not allowed", 405),
    ];
    for (ph, code) in PHRASES {
        if let Some(p) = lower.find(ph) {
            let pre = p.saturating_sub(4);
            let mut status = None;
            if p >= 4 && b[p - 1] == b' ' {
                let (e, n) = digits_at(b, pre);
                if n == 3 && e == p - 1 {
                    status = lower[pre..e].parse::<u16>().ok();
                }
            }
            match status {
                Some(s) if (400..=599).contains(&s) => return Some((s, (pre, p + ph.len()))),
                Some(_) => continue,
                None => {
                    // The phrase alone counts only for the unambiguous ones.
                    if matches!(code, 401 | 403 | 429 | 500 | 502 | 503 | 504) {
                        return Some((*code, (p, p + ph.len())));
                    }
                }
            }
        }
    }
    None
}

pub fn http_reason(s: u16) -> &'static str {
    match s {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        418 => "I'm a teapot",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "",
    }
}

/// (category, confidence, note) for an HTTP status without an OKX code.
pub fn http_category(s: u16) -> (Category, f32, &'static str) {
    match s {
        429 => (Category::RateLimit, 0.7, "HTTP 429: requests are being throttled"),
        401 => (
            Category::AuthKey,
            0.45,
            "HTTP 401 means authentication failed; OKX puts the exact reason (50111, 50113, 50102 …) in the response body — paste the body if you have it",
        ),
        403 => (Category::Permission, 0.45, "HTTP 403: access refused (permission, region or IP block)"),
        408 => (Category::Network, 0.6, "HTTP 408: the request timed out"),
        418 => (Category::RateLimit, 0.5, "HTTP 418: an IP ban after too many requests"),
        400 | 404 | 405 => (Category::Parameter, 0.4, "HTTP 4xx: the request itself was rejected (endpoint, method or body)"),
        500..=599 => (Category::Network, 0.65, "HTTP 5xx: a server or gateway problem, not your request"),
        _ => (Category::Other, 0.3, ""),
    }
}

/// Network failures: (needles, title). First match wins, most specific first.
static NETWORK: &[(&[&str], &str)] = &[
    (
        &[
            "enotfound",
            "getaddrinfo",
            "name or service not known",
            "temporary failure in name resolution",
            "nodename nor servname",
            "eai_again",
            "could not resolve host",
            "failed to resolve",
            "name resolution",
            "nameresolutionerror",
            "no address associated with hostname",
        ],
        "Network: DNS lookup failed",
    ),
    (
        &[
            "proxyerror",
            "proxy error",
            "cannot connect to proxy",
            "unable to connect to proxy",
            "tunnel connection failed",
            "socks5",
            "proxy connection",
        ],
        "Network: proxy error",
    ),
    (
        &[
            "certificate verify failed",
            "sslerror",
            "ssl error",
            "ssl:",
            "tls handshake",
            "certificate has expired",
            "self signed certificate",
            "self-signed certificate",
            "unable to get local issuer certificate",
            "ssleoferror",
            "wrong version number",
            "err_tls",
            "cert_has_expired",
        ],
        "Network: SSL/TLS error",
    ),
    (
        &["econnrefused", "connection refused", "connectionrefusederror"],
        "Network: connection refused",
    ),
    (
        &[
            "econnreset",
            "connection reset",
            "connectionreseterror",
            "socket hang up",
            "remote end closed connection",
            "remotedisconnected",
            "connection aborted",
            "server disconnected",
            "serverdisconnectederror",
            "broken pipe",
            "epipe",
        ],
        "Network: connection dropped",
    ),
    (
        &[
            "etimedout",
            "timed out",
            "timeout of",
            "timeouterror",
            "readtimeout",
            "connecttimeout",
            "requesttimeout",
            "timeout error",
            "timeout exceeded",
            "esockettimedout",
            "read timeout",
            "connect timeout",
            "deadline exceeded",
        ],
        "Network: connection timed out",
    ),
    (
        &[
            "ehostunreach",
            "enetunreach",
            "network is unreachable",
            "no route to host",
        ],
        "Network: host unreachable",
    ),
    (
        &[
            "<!doctype html",
            "<html",
            "cloudflare",
            "cf-ray",
            "502 bad gateway</",
            "nginx",
        ],
        "Network: an HTML error page from a gateway instead of an OKX response",
    ),
    (
        &[
            "max retries exceeded",
            "failed to establish a new connection",
            "clientconnectorerror",
            "cannot connect to host",
        ],
        "Network: connection failed",
    ),
    (
        &[
            "ccxt.base.errors.networkerror",
            "networkerror:",
            "ccxt.networkerror",
            "ccxt\\networkerror",
        ],
        "Network: connection failed (ccxt NetworkError)",
    ),
    (
        &["exchangenotavailable", "onmaintenance"],
        "Network: the exchange is unavailable or under maintenance",
    ),
];

pub fn network(lower: &str) -> Option<(&'static str, (usize, usize))> {
    for (needles, title) in NETWORK {
        for n in needles.iter() {
            if let Some(p) = lower.find(n) {
                return Some((title, (p, p + n.len())));
            }
        }
    }
    None
}

/// An error raised inside the client library: (category, title, span in line).
pub fn library_local(lower: &str) -> Option<(Category, String, (usize, usize))> {
    if let Some(p) = lower.find("credential") {
        if let Some(r) = lower[..p].find("requires") {
            let mid = &lower[r..p];
            let (cat, what) = if mid.contains("password") {
                (Category::AuthPassphrase, "\"password\" (the API key's passphrase)")
            } else if mid.contains("secret") {
                (Category::AuthSignature, "\"secret\"")
            } else if mid.contains("apikey") || mid.contains("api_key") {
                (Category::AuthKey, "\"apiKey\"")
            } else {
                // the generic `raise …(' requires "' + key + '" credential')` source line
                return None;
            };
            return Some((cat, format!("Library: missing {what} credential"), (r, p + 10)));
        }
    }
    for n in [
        "must be greater than minimum amount precision",
        "must be greater than minimum price precision",
        "must be greater than minimum cost",
        "must be greater than minimum amount",
        "must be greater than or equal to minimum",
        "amount must be greater than",
        "minimum amount precision",
        "less than minimum amount",
        "is less than the minimum",
    ] {
        if let Some(p) = lower.find(n) {
            return Some((
                Category::OrderSizePrecision,
                "Library: order size below the market's minimum / precision".into(),
                (p, p + n.len()),
            ));
        }
    }
    if let Some(p) = lower.find("does not have market symbol") {
        return Some((
            Category::Instrument,
            "Library: unknown market symbol".into(),
            (p, p + 27),
        ));
    }
    if let Some(p) = lower.find("argumentsrequired") {
        return Some((
            Category::Parameter,
            "Library: a required argument is missing".into(),
            (p, p + 17),
        ));
    }
    for n in [
        "requires a symbol argument",
        "requires a price argument",
        "requires a `symbol` argument",
    ] {
        if let Some(p) = lower.find(n) {
            return Some((
                Category::Parameter,
                "Library: a required argument is missing".into(),
                (p, p + n.len()),
            ));
        }
    }
    None
}

/// Whether a line is worth fuzzy message matching (one pass over its words).
pub fn looks_like_error(lower: &str) -> bool {
    lower.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| {
        matches!(
            w,
            "fail"
                | "failed"
                | "failure"
                | "fails"
                | "exception"
                | "insufficient"
                | "cannot"
                | "can"
                | "doesn"
                | "doesnt"
                | "not"
                | "exceed"
                | "exceeds"
                | "exceeded"
                | "expired"
                | "too"
                | "wrong"
                | "denied"
                | "forbidden"
                | "unauthorized"
                | "refused"
                | "must"
                | "should"
                | "please"
                | "unable"
                | "unavailable"
                | "limit"
                | "frequent"
                | "whitelist"
                | "empty"
                | "required"
                | "restricted"
                | "blocked"
                | "match"
                | "msg"
                | "warn"
                | "warning"
                | "reject"
                | "rejected"
                | "unsupported"
                | "permission"
                | "don"
                | "isn"
                | "only"
                | "login"
                | "log"
                | "exist"
                | "incorrect"
                | "suspended"
                | "frozen"
        ) || w.contains("error")
            || w.contains("invalid")
            || w.contains("fail")
    })
}

/// Words (ASCII alphanumeric runs of a lower-cased line) that can start one of the patterns above.
/// Lines without any of them skip the pattern tables entirely.
fn is_trigger(w: &str) -> bool {
    matches!(
        w,
        // HTTP
        "status" | "statuscode" | "http" | "httperror" | "response" | "unauthorized" | "forbidden" | "many"
            | "internal" | "gateway" | "unavailable" | "bad" | "method"
            // network
            | "enotfound" | "getaddrinfo" | "resolution" | "nodename" | "eai" | "resolve" | "nameresolutionerror"
            | "hostname" | "host" | "proxyerror" | "proxy" | "tunnel" | "socks5" | "certificate" | "sslerror" | "ssl"
            | "tls" | "signed" | "ssleoferror" | "version" | "cert" | "econnrefused" | "connection"
            | "connectionrefusederror" | "econnreset" | "connectionreseterror" | "hang" | "remotedisconnected"
            | "disconnected" | "serverdisconnectederror" | "pipe" | "epipe" | "etimedout" | "timed" | "timeout"
            | "timeouterror" | "readtimeout" | "connecttimeout" | "requesttimeout" | "esockettimedout" | "deadline"
            | "ehostunreach" | "enetunreach" | "unreachable" | "route" | "associated" | "doctype" | "html"
            | "cloudflare" | "cf" | "nginx" | "retries" | "establish" | "clientconnectorerror" | "networkerror"
            | "exchangenotavailable" | "onmaintenance"
            // library-local
            | "credential" | "requires" | "minimum" | "greater" | "market" | "argumentsrequired"
    )
}

/// Whether any pattern of this module could match the (lower-cased) line.
pub fn has_trigger(lower: &str) -> bool {
    lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| !w.is_empty() && is_trigger(w))
}
