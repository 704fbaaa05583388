//! Detects [`PasteFacts`]: library and version, exchange id, region, demo flag, WebSocket endpoint.

use super::util::*;
use crate::core::facts::{Library, PasteFacts, Region, WsEndpoint};

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

pub fn detect(lower: &str) -> PasteFacts {
    let mut f = PasteFacts::default();
    let l = lower;
    let ccxt = has(l, "ccxt");
    f.library = if has(l, "freqtrade") {
        Some(Library::Freqtrade)
    } else if has(l, "hummingbot") {
        Some(Library::Hummingbot)
    } else if ccxt && (has(l, "ccxt\\") || has(l, ".php") || has(l, "php fatal") || has(l, "\\ccxt")) {
        Some(Library::CcxtPhp)
    } else if ccxt
        && (has(l, "node_modules")
            || has(l, "ccxt/js")
            || has(l, "unhandledpromiserejection")
            || has(l, ".js:")
            || has(l, "at async")
            || has(l, "require('ccxt')")
            || has(l, "from 'ccxt'"))
    {
        Some(Library::CcxtJs)
    } else if ccxt {
        Some(Library::CcxtPython)
    } else if has(l, "python-okx")
        || has(l, "/okx/")
        || has(l, "\\okx\\")
        || has(l, "from okx")
        || has(l, "import okx")
        || has(l, "okx.trade")
        || has(l, "okx.account")
    {
        Some(Library::PythonOkx)
    } else if has(l, "okx-api") || has(l, "okx_api") && has(l, "node") {
        Some(Library::OkxApiNode)
    } else {
        None
    };
    f.library_version = match f.library {
        Some(Library::Freqtrade) => version_after(l, "freqtrade").or_else(|| version_after(l, "ccxt")),
        Some(Library::Hummingbot) => version_after(l, "hummingbot"),
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
