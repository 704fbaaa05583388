//! Detects [`PasteFacts`]: library and version, exchange id, region, demo flag, WebSocket endpoint.

use super::util::*;
use crate::core::facts::{Library, PasteFacts, Region, Topic, WsChannel, WsEndpoint};

fn has(l: &str, n: &str) -> bool {
    l.contains(n)
}

fn has_word(l: &str, w: &str) -> bool {
    let b = l.as_bytes();
    find_all(b, w.as_bytes())
        .any(|p| (p == 0 || !is_word_byte(b[p - 1])) && (p + w.len() >= b.len() || !is_word_byte(b[p + w.len()])))
}

/// A version after `name` (`ccxt==4.2.1`, `"ccxt": "^4.1.0"`, `CCXT v4.3.2`, `ccxt version 4.2.1`).
fn version_after(lower: &str, name: &str) -> Option<String> {
    let b = lower.as_bytes();
    for p in find_all(b, name.as_bytes()) {
        if p > 0 && b[p - 1].is_ascii_alphanumeric() {
            continue;
        }
        let mut j = p + name.len();
        let start = j;
        while j < b.len()
            && j < start + 12
            && matches!(
                b[j],
                b'=' | b'"' | b'\'' | b':' | b' ' | b'^' | b'~' | b'@' | b'v' | b'>' | b'/'
            )
        {
            j += 1;
        }
        if lower[j..].starts_with("version") {
            j += 7;
            while j < b.len() && matches!(b[j], b' ' | b':' | b'=' | b'v') {
                j += 1;
            }
        }
        let s = j;
        while j < b.len() && (b[j].is_ascii_digit() || b[j] == b'.') {
            j += 1;
        }
        let v = lower[s..j].trim_end_matches('.');
        if v.contains('.') && v.as_bytes()[0].is_ascii_digit() {
            return Some(v.to_string());
        }
    }
    None
}

/// Markers of bots and libraries that are not ccxt itself (checked before ccxt, which they use).
const FREQTRADE_MARKERS: [&str; 2] = ["freqtrade", "ftuser"];
const HUMMINGBOT_MARKERS: [&str; 1] = ["hummingbot"];
const OCTOBOT_MARKERS: [&str; 3] = ["octobot", "okxccxtadapter", "drakkar"];
const NAUTILUS_MARKERS: [&str; 2] = ["nautilus", "execclient-okx"];
/// python-okx: package paths in tracebacks, its exception class, its imports.
const PYTHON_OKX_MARKERS: [&str; 11] = [
    "python-okx",
    "/okx/",
    "\\okx\\",
    "from okx",
    "import okx",
    "okx.trade",
    "okx.account",
    "okxapiexception",
    "okx.exceptions",
    "okx.consts",
    "wsprivateasync",
];
/// okx-api (Node): its package name and the wsKey it puts on every WebSocket event.
const OKX_API_MARKERS: [&str; 5] = ["okx-api", "wskey", "prodpublic", "prodprivate", "prodbusiness"];
const CCXT_JS_MARKERS: [&str; 7] = [
    "node_modules",
    "ccxt/js",
    "unhandledpromiserejection",
    ".js:",
    "at async",
    "require('ccxt')",
    "from 'ccxt'",
];
const CCXT_PHP_MARKERS: [&str; 4] = ["ccxt\\", ".php", "php fatal", "\\ccxt"];

fn any(l: &str, needles: &[&str]) -> bool {
    needles.iter().any(|n| l.contains(n))
}

/// The library or bot that produced the paste.
fn detect_library(l: &str) -> Option<Library> {
    let ccxt = has(l, "ccxt");
    if any(l, &FREQTRADE_MARKERS) {
        Some(Library::Freqtrade)
    } else if any(l, &HUMMINGBOT_MARKERS) {
        Some(Library::Hummingbot)
    } else if any(l, &OCTOBOT_MARKERS) {
        Some(Library::Octobot)
    } else if any(l, &NAUTILUS_MARKERS) {
        Some(Library::Nautilus)
    } else if ccxt && any(l, &CCXT_PHP_MARKERS) {
        Some(Library::CcxtPhp)
    } else if ccxt && any(l, &CCXT_JS_MARKERS) {
        Some(Library::CcxtJs)
    } else if ccxt {
        Some(Library::CcxtPython)
    } else if any(l, &PYTHON_OKX_MARKERS) {
        Some(Library::PythonOkx)
    } else if any(l, &OKX_API_MARKERS) || has(l, "okx_api") && has(l, "node") {
        Some(Library::OkxApiNode)
    } else {
        None
    }
}

/// Docker: compose log prefixes (`freqtrade    | …`), container paths, or the word itself.
fn detect_docker(l: &str) -> bool {
    let compose_prefix = l.lines().any(|line| {
        line.split_once(" | ")
            .or_else(|| line.split_once("  |"))
            .is_some_and(|(name, _)| {
                let name = name.trim_end();
                !name.is_empty()
                    && name.len() <= 40
                    && name
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            })
    });
    compose_prefix || any(l, &["docker", "/home/ftuser/", "host.docker.internal"])
}

/// Many calls at once: `Promise.all`, `asyncio.gather` and friends.
fn detect_parallel(l: &str) -> bool {
    any(
        l,
        &["promise.all", "asyncio.gather", "safe_gather", "promise.allsettled"],
    )
}

/// The library's "sign with server time" option is on.
fn detect_server_time_option(l: &str) -> bool {
    let compact: String = l.chars().filter(|c| !c.is_whitespace()).collect();
    any(
        &compact,
        &["use_server_time=true", "useservertime=true", "useservertime:true"],
    )
}

/// The parameter an OKX message names: "Parameter {x} error", "{x} can not be empty".
fn detect_named_param(l: &str) -> Option<String> {
    let word = |s: &str| -> Option<String> {
        let w: String = s
            .trim_start_matches([' ', '`', '"', '\''])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        (!w.is_empty() && w.len() <= 24).then_some(w)
    };
    if let Some(i) = l.find("parameter ") {
        let rest = &l[i + "parameter ".len()..];
        let w = word(rest)?;
        let tail = rest[w.len()..].trim_start();
        if tail.starts_with("error") || tail.starts_with("can not be empty") || tail.starts_with("cannot be empty") {
            return Some(w);
        }
    }
    if has(l, "ccy can not be empty") || has(l, "ccy cannot be empty") {
        return Some("ccy".to_string());
    }
    None
}

/// The WebSocket channel kind the paste names.
fn detect_ws_channel(l: &str) -> Option<WsChannel> {
    if !(has(l, "channel") || has(l, "/ws/v5")) {
        return None;
    }
    if any(l, &["index-tickers", "index-candle"]) {
        Some(WsChannel::Index)
    } else if has(l, "candle") || has(l, "kline") {
        Some(WsChannel::Candles)
    } else if any(l, &["orders-algo", "algo-advance", "grid-orders"]) {
        Some(WsChannel::BusinessPrivate)
    } else if any(
        l,
        &[
            "'orders'",
            "\"orders\"",
            "channel:orders",
            "positions",
            "balance_and_position",
            "'account'",
            "\"account\"",
        ],
    ) {
        Some(WsChannel::Private)
    } else if any(l, &["tickers", "books", "trades", "bbo-tbt"]) {
        Some(WsChannel::Market)
    } else {
        None
    }
}

/// Exceptions a library raises from its own code (not an OKX reply).
const LIBRARY_EXCEPTIONS: [&str; 6] = [
    "attributeerror",
    "typeerror",
    "keyerror",
    "nameerror",
    "importerror",
    "no credentials provided",
];
/// Where library code lives in tracebacks.
const LIBRARY_PATHS: [&str; 4] = ["site-packages", "node_modules", "\\lib\\", "dist-packages"];

/// A connection that drops or never opens.
const CONNECTION_MARKERS: [&str; 8] = [
    "no data received",
    "keepalive",
    "pong",
    "timed out",
    "connection refused",
    "connecterror",
    "connection reset",
    "getaddrinfo",
];
/// The order size is not what was meant.
const ORDER_SIZE_MARKERS: [&str; 4] = ["amount=", "minimum amount", "contract size", "was ordered"];

/// What the message is about (only used for pastes whose finding has no specific category).
fn detect_topic(l: &str) -> Option<Topic> {
    if any(
        l,
        &[
            "api key doesn't exist",
            "api key does not exist",
            "invalid ok-access-key",
        ],
    ) {
        Some(Topic::Key)
    } else if any(l, &["hedge_mode", "hedge mode", "position mode", "long_short_mode"]) {
        Some(Topic::PositionMode)
    } else if any(
        l,
        &["compliance", "not available in your country", "restricted in your"],
    ) {
        Some(Topic::Compliance)
    } else if any(l, &LIBRARY_EXCEPTIONS) && (any(l, &LIBRARY_PATHS) || has(l, "credentials")) {
        Some(Topic::LibraryCrash)
    } else if any(l, &["invalid logon", "login failed", "login failure"]) {
        Some(Topic::Login)
    } else if any(l, &CONNECTION_MARKERS) {
        Some(Topic::Connection)
    } else if any(l, &["websocket", "wss://", "/ws/v5", "channel"]) {
        Some(Topic::WebSocket)
    } else if any(l, &ORDER_SIZE_MARKERS) {
        Some(Topic::OrderSize)
    } else {
        None
    }
}

/// WebSocket or REST, from what the paste shows.
fn detect_websocket(l: &str) -> Option<bool> {
    let ws = any(
        l,
        &[
            "wss://",
            "websocket",
            "/ws/v5",
            "\"event\"",
            "'event'",
            "event:",
            "wskey",
            "\"op\"",
        ],
    );
    let rest = any(
        l,
        &[
            "/api/v5/",
            "get https",
            "post https",
            "http/1.1",
            "401 unauthorized",
            "requests.exceptions",
        ],
    );
    match (ws, rest) {
        (true, _) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

/// Whether the reply's own code and message are visible, or only a wrapper's summary.
fn detect_reply_visible(l: &str) -> Option<bool> {
    if has(l, "scode") || has(l, "s_code") || (has(l, "\"code\"") && has(l, "\"msg\"")) {
        Some(true)
    } else if any(
        l,
        &[
            "okx error 1",
            "okx error 2",
            "all operations failed",
            "operation failed",
        ],
    ) {
        Some(false)
    } else {
        None
    }
}

/// Hand-written signing code in the paste.
fn detect_own_signing(l: &str) -> bool {
    any(
        l,
        &[
            "hmac.new(",
            "hash_hmac(",
            "createhmac(",
            "hmacsha256",
            "ok-access-sign\":",
            "'ok-access-sign':",
        ],
    ) || has(l, "prehash")
}

pub fn detect(lower: &str) -> PasteFacts {
    let mut f = PasteFacts::default();
    let l = lower;
    let ccxt = has(l, "ccxt");
    f.library = detect_library(l);
    f.docker = detect_docker(l);
    f.parallel = detect_parallel(l);
    f.server_time_option = detect_server_time_option(l);
    f.named_param = detect_named_param(l);
    f.ws_channel = detect_ws_channel(l);
    f.topic = detect_topic(l);
    f.websocket = detect_websocket(l);
    f.reply_visible = detect_reply_visible(l);
    f.own_signing = detect_own_signing(l);
    f.library_version = match f.library {
        Some(Library::Freqtrade) => version_after(l, "freqtrade").or_else(|| version_after(l, "ccxt")),
        Some(Library::Hummingbot) => version_after(l, "hummingbot"),
        Some(Library::Octobot) => version_after(l, "octobot"),
        Some(Library::Nautilus) => version_after(l, "nautilus_trader"),
        Some(Library::PythonOkx) => version_after(l, "python-okx"),
        Some(Library::OkxApiNode) => version_after(l, "okx-api"),
        Some(_) => version_after(l, "ccxt"),
        None => None,
    };
    for id in ["myokx", "okxus", "okex5", "okex", "okx"] {
        if has_word(l, id) {
            // plain "okx" only counts in a library context (it is also the exchange's name)
            if id == "okx"
                && !(ccxt || f.library.is_some() || has(l, "okx {") || has(l, "okx get ") || has(l, "okx post "))
            {
                continue;
            }
            f.exchange_id = Some(id.to_string());
            break;
        }
    }
    f.region = if has(l, "my.okx.com") || has(l, "eea.okx.com") || has(l, "wseea") || has_word(l, "myokx") {
        Some(Region::Eea)
    } else if has(l, "app.okx.com") || has(l, "us.okx.com") || has(l, "wsus") || has_word(l, "okxus") {
        Some(Region::Us)
    } else if has(l, "www.okx.com") || has(l, "ws.okx.com") || has(l, "aws.okx.com") || has(l, "wspap.okx.com") {
        Some(Region::Global)
    } else {
        None
    };
    let demo_on = has(l, "wspap")
        || has(l, "x-simulated-trading: 1")
        || has(l, "x-simulated-trading\": \"1")
        || has(l, "x-simulated-trading':'1")
        || has(l, "x-simulated-trading': '1")
        || has(l, "x-simulated-trading\":\"1")
        || has(l, "set_sandbox_mode(true)")
        || has(l, "setsandboxmode(true)")
        || has(l, "'sandbox': true")
        || has(l, "\"sandbox\": true")
        || has(l, "sandbox: true")
        || has(l, "flag='1'")
        || has(l, "flag=\"1\"")
        || has(l, "flag = '1'")
        || has(l, "flag = \"1\"")
        || has(l, "demo trading");
    let demo_off = has(l, "x-simulated-trading: 0")
        || has(l, "flag='0'")
        || has(l, "flag=\"0\"")
        || has(l, "flag = '0'")
        || has(l, "flag = \"0\"")
        || has(l, "set_sandbox_mode(false)");
    f.demo = if demo_on {
        Some(true)
    } else if demo_off {
        Some(false)
    } else {
        None
    };
    f.ws_endpoint = if has(l, "/ws/v5/business") {
        Some(WsEndpoint::Business)
    } else if has(l, "/ws/v5/private") {
        Some(WsEndpoint::Private)
    } else if has(l, "/ws/v5/public") {
        Some(WsEndpoint::Public)
    } else {
        None
    };
    f
}

/// Whether the paste is about a WebSocket connection.
pub fn is_ws(lower: &str) -> bool {
    has(lower, "wss://")
        || has(lower, "websocket")
        || has(lower, "\"event\"")
        || has(lower, "'event'")
        || has(lower, "event:")
        || has(lower, "/ws/v5")
        || has(lower, "\"op\"")
}
