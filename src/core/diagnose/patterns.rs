//! Line patterns that are not OKX codes: HTTP status lines and network failures worded by the
//! OS, a library or a gateway (in English and in the common locales of Windows socket errors).

use super::needles::Index;
use super::util::*;
use crate::core::category::Category;
use std::sync::OnceLock;

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
        // categories.md: a bare 401 is `other`; the reason is in the body.
        401 => (
            Category::Other,
            0.45,
            "HTTP 401 means authentication failed, but not why: OKX puts the exact reason (50111, 50113, 50102 …) in the response body — paste the body if you have it",
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
            "getaddrinfow",
            "name resolution failed",
            "winerror 11001",
            "errno 11001",
            "errno 11004",
            "no such host",
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
            "proxyconnectionerror",
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
            "sslhandshakeexception",
            "ssl handshake failed",
            "handshake_failure",
        ],
        "Network: SSL/TLS error",
    ),
    (
        &[
            "econnrefused",
            "connection refused",
            "connectionrefusederror",
            "winerror 10061",
            "errno 111]",
            "errno 111 ",
            "actively refused",
        ],
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
            "winerror 10054",
            "wsaeconnreset",
            "connectionclosederror",
            "connectiondone",
            "connection was closed",
            "clientconnectionlost",
            "connection lost",
            "connectionlost",
            "abnormal closure",
            "closed by the host",
            "closed by remote",
            "disconnected websocket",
            "websocket not connected",
            "websocket is not connected",
            "socket closed unexpectedly",
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
            "connection timeout",
            "request timeout",
            "pong timeout",
            "ping timeout",
            "ping-pong keepalive",
            "keepalive ping",
            "sockettimeoutexception",
            "receive pong",
            "winerror 10060",
            "errno 110]",
            "timeoutexception",
            "taskcanceledexception",
        ],
        "Network: connection timed out",
    ),
    (
        &[
            "ehostunreach",
            "enetunreach",
            "network is unreachable",
            "no route to host",
            "winerror 10065",
            "winerror 10051",
            "errno 113]",
            "errno 101]",
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
            "create_connection",
            "connecterror",
            "httprequestexception",
            "error occurred while sending the request",
            "can't connect to the server",
            "cannot connect to the server",
            "unable to connect to the remote server",
            "connection error",
            "connectionerror",
            "an unexpected error occurred",
            "service temporarily unavailable",
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

/// Windows socket and OS network messages in other languages (as Windows and Python print them):
/// Chinese (simplified and traditional), Japanese, Korean, Russian, German, French, Spanish,
/// Portuguese. (needles, title), checked only on lines with non-ASCII text.
static NETWORK_LOCALE: &[(&[&str], &str)] = &[
    (
        &[
            "由于目标计算机积极拒绝",
            "由於目標電腦拒絕連線",
            "対象のコンピューターによって拒否された",
            "대상 컴퓨터에서 연결을 거부",
            "конечный компьютер отверг запрос",
            "da der zielcomputer die verbindung verweigerte",
            "l’ordinateur cible l’a expressément refusée",
            "l'ordinateur cible l'a expressément refusée",
            "el equipo de destino denegó expresamente",
            "a máquina de destino as recusou ativamente",
            "拒绝连接",
            "拒絕連線",
        ],
        "Network: connection refused",
    ),
    (
        &[
            "由于连接方在一段时间后没有正确答复",
            "由於連線方在一段時間後沒有正確回應",
            "连接尝试失败",
            "信号灯超时时间已到",
            "接続済みの呼び出し先が一定の時間を過ぎても正しく応答しなかった",
            "연결된 구성원으로부터 응답이 없어",
            "не получен нужный отклик",
            "keine ordnungsgemäße antwort",
            "n’a pas répondu correctement",
            "n'a pas répondu correctement",
            "no respondió adecuadamente",
            "连接超时",
            "请求超时",
        ],
        "Network: connection timed out",
    ),
    (
        &[
            "套接字操作尝试一个无法连接的主机",
            "套接字操作尝试一个无法访问的网络",
            "远程主机强迫关闭了一个现有的连接",
            "遠端主機已強制關閉一個現存的連線",
            "既存の接続はリモート ホストに強制的に切断されました",
            "удаленный хост принудительно разорвал",
            "连接已断开",
            "连接被重置",
        ],
        "Network: connection dropped or host unreachable",
    ),
    (
        &["不知道这样的主机", "无法解析", "getaddrinfo 失败"],
        "Network: DNS lookup failed",
    ),
    (
        &[
            "连不上",
            "连接不上",
            "无法连接",
            "連不上",
            "网络错误",
            "网络异常",
            "需要翻墙",
            "需要vpn",
        ],
        "Network: the connection to OKX failed",
    ),
];

fn network_index() -> &'static Index {
    static I: OnceLock<Index> = OnceLock::new();
    I.get_or_init(|| Index::new(NETWORK.iter().map(|(n, _)| *n)))
}

/// A network failure in a lower-cased line whose words are `ws`: (title, span in the line).
pub fn network(lower: &str, ws: &[&str]) -> Option<(&'static str, (usize, usize))> {
    if let Some((g, sp)) = network_index().first(lower, ws) {
        return Some((NETWORK[g].1, sp));
    }
    if lower.is_ascii() {
        return None;
    }
    NETWORK_LOCALE.iter().find_map(|(needles, title)| {
        needles
            .iter()
            .find_map(|n| lower.find(n).map(|p| (*title, (p, p + n.len()))))
    })
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

/// Words that can start an HTTP status pattern of [`http_status`].
fn is_http_word(w: &str) -> bool {
    matches!(
        w,
        "status"
            | "statuscode"
            | "http"
            | "httperror"
            | "response"
            | "unauthorized"
            | "forbidden"
            | "many"
            | "internal"
            | "gateway"
            | "unavailable"
            | "bad"
            | "method"
    )
}

/// Whether any pattern of this module (or of the library module) could match a lower-cased line
/// whose words are `ws`. Lines with non-ASCII text always qualify (OS messages in other languages).
pub fn has_trigger(lower: &str, ws: &[&str]) -> bool {
    !lower.is_ascii()
        || ws
            .iter()
            .any(|w| is_http_word(w) || network_index().has_word(w) || super::library::is_trigger(w))
}
