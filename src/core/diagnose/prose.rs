//! Text that is not an error message: a user's own sentence describing the problem (English or
//! Chinese), and the markers that show a paste holds *some* error even when nothing in it is
//! recognised. The first maps to a category with a modest confidence; the second guarantees that
//! an error is never answered with "nothing found".

use crate::core::category::Category;
use Category::*;

/// Confidence of a category read from a description: a maintainer would guess the same, but a
/// description is not an error message and is often incomplete. Kept below
/// [`super::UNSURE_BELOW`] on purpose, so the diagnosis is flagged as unsure and the wizard is
/// offered.
pub const CONF_DESCRIPTION: f32 = 0.45;
/// Confidence of the "an error the engine does not recognise" finding.
pub const CONF_UNRECOGNISED: f32 = 0.2;

/// Phrases (lower-cased) that point at a category when someone describes a problem in their own
/// words. Each phrase adds its weight; the category with the most weight wins. English first, then
/// Chinese (simplified and traditional).
static DESCRIPTION: &[(Category, &[(&str, u8)])] = &[
    (
        EnvironmentMismatch,
        &[
            ("demo trading", 2),
            ("demo account", 2),
            ("demo key", 2),
            ("demo api", 2),
            ("sandbox", 1),
            ("simulated", 1),
            ("testnet", 1),
            ("live key", 1),
            ("real account", 1),
            ("模拟盘", 3),
            ("模擬盤", 3),
            ("模拟交易", 3),
            ("实盘", 1),
            ("實盤", 1),
        ],
    ),
    (
        AuthKey,
        &[
            ("my.okx.com", 3),
            ("eea.okx.com", 3),
            ("app.okx.com", 3),
            ("myokx", 3),
            ("redirects me", 2),
            ("redirected to", 2),
            ("eea", 2),
            ("european", 1),
            ("europe", 1),
            ("api key does not work", 2),
            ("key doesn't exist", 2),
            ("key does not exist", 2),
            ("欧洲", 2),
        ],
    ),
    (
        Timestamp,
        &[
            ("clock", 2),
            ("time sync", 3),
            ("time system", 2),
            ("system time", 2),
            ("timezone", 2),
            ("time zone", 2),
            ("ntp", 2),
            ("时间戳", 3),
            ("時間戳", 3),
            ("服务器时间", 2),
            ("同步时间", 3),
            ("时区", 2),
            ("时间误差", 3),
            ("误差", 1),
        ],
    ),
    (
        AuthPassphrase,
        &[("passphrase", 3), ("口令", 2), ("密码短语", 3), ("api password", 2)],
    ),
    (
        AuthSignature,
        &[
            ("invalid sign", 3),
            ("signature", 2),
            ("sign error", 2),
            ("secret key", 1),
            ("签名", 3),
            ("簽名", 3),
        ],
    ),
    (
        InsufficientBalance,
        &[
            ("insufficient", 3),
            ("not enough balance", 3),
            ("balance is sufficient", 2),
            ("no balance", 2),
            ("余额不足", 3),
            ("餘額不足", 3),
            ("保证金不足", 3),
        ],
    ),
    (
        Permission,
        &[
            ("address is not whitelisted", 4),
            ("withdrawal address", 3),
            ("withdraw", 1),
            ("compliance", 3),
            ("not allowed in your country", 3),
            ("permission", 2),
            ("提币地址", 3),
            ("权限", 2),
        ],
    ),
    (
        IpWhitelist,
        &[
            ("ip whitelist", 3),
            ("whitelisted ip", 3),
            ("bound ip", 2),
            ("ip 白名单", 3),
            ("ip白名单", 3),
        ],
    ),
    (
        RateLimit,
        &[
            ("rate limit", 3),
            ("too many requests", 3),
            ("too frequent", 3),
            ("throttl", 2),
            ("频繁", 3),
            ("限频", 3),
            ("限流", 3),
        ],
    ),
    (
        AccountMode,
        &[
            ("hedge mode", 3),
            ("position mode", 3),
            ("account mode", 3),
            ("posside", 3),
            ("long/short mode", 3),
            ("双向持仓", 3),
            ("单向持仓", 3),
            ("持仓模式", 3),
            ("账户模式", 3),
        ],
    ),
    (
        WebsocketLogin,
        &[
            ("websocket login", 3),
            ("ws login", 3),
            ("login failed", 2),
            ("please log in", 3),
        ],
    ),
    (
        Network,
        &[
            ("timeout", 3),
            ("timed out", 3),
            ("time out", 2),
            ("cannot connect", 3),
            ("can't connect", 3),
            ("unable to connect", 3),
            ("connection", 1),
            ("disconnect", 2),
            ("vpn", 2),
            ("proxy", 2),
            ("firewall", 2),
            ("连不上", 3),
            ("连接", 2),
            ("連線", 2),
            ("拒绝连接", 3),
            ("超时", 3),
            ("翻墙", 3),
            ("梯子", 2),
            ("代理", 2),
            ("断开", 2),
            ("网络", 2),
        ],
    ),
];

/// The least weight a description needs before a category is named.
const MIN_WEIGHT: u32 = 2;

/// The category a description points at, with the byte span of its strongest phrase. `lower` is
/// the whole (ASCII-lower-cased) paste; only lines that read like sentences count.
pub fn describe(text: &str, lower: &str) -> Option<(Category, (usize, usize))> {
    let mut best: Option<(u32, Category, (usize, usize))> = None;
    for (cat, phrases) in DESCRIPTION {
        let mut weight = 0u32;
        let mut span: Option<((usize, usize), u8)> = None;
        for (p, w) in phrases.iter() {
            if let Some(at) = find_in_sentence(text, lower, p) {
                weight += *w as u32;
                if span.is_none_or(|(_, sw)| *w > sw) {
                    span = Some(((at, at + p.len()), *w));
                }
            }
        }
        if weight >= MIN_WEIGHT && best.is_none_or(|(bw, _, _)| weight > bw) {
            best = Some((weight, *cat, span.map(|(s, _)| s).unwrap_or((0, 0))));
        }
    }
    best.map(|(_, c, s)| (c, s))
}

/// The first occurrence of `phrase` on a line that reads like a sentence (not code, not a config
/// dict, not a data dump).
fn find_in_sentence(text: &str, lower: &str, phrase: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(rel) = lower[from..].find(phrase) {
        let at = from + rel;
        let (ls, le) = super::util::line_bounds(lower, at);
        if is_sentence(&text[ls..le]) {
            return Some(at);
        }
        from = at + phrase.len();
    }
    None
}

/// Whether a line reads like a sentence someone wrote: enough words, few code symbols.
fn is_sentence(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() || t.starts_with('{') || t.starts_with('[') || t.starts_with('\'') || t.starts_with('"') {
        return false;
    }
    let non_ascii = t.chars().filter(|c| !c.is_ascii()).count();
    if non_ascii >= 4 {
        return true; // Chinese (and other scripts) sentences have no spaces to count.
    }
    let words = t
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    let symbols = t
        .chars()
        .filter(|c| matches!(c, '{' | '}' | '=' | ';' | '[' | ']' | '\'' | '"'))
        .count();
    words >= 4 && symbols * 6 <= words
}

/// Markers that a paste holds an error: an exception name, a traceback, an error / failed / fatal
/// line, an HTTP status of 400 or more, a non-zero code, and their Chinese equivalents. Returns the
/// byte span of the first marker.
pub fn error_marker(lower: &str) -> Option<(usize, usize)> {
    static MARKERS: &[&str] = &[
        "traceback (most recent call last)",
        "exception",
        "error",
        "failed",
        "failure",
        "fatal",
        "panic",
        "errno",
        "unhandled",
        "rejected",
        "报错",
        "錯誤",
        "错误",
        "失败",
        "失敗",
        "异常",
        "異常",
    ];
    // Inside words too: exception names end in them (TypeError, APIException).
    MARKERS
        .iter()
        .filter_map(|m| lower.find(m).map(|p| (p, p + m.len())))
        .min_by_key(|s| s.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(t: &str) -> Option<Category> {
        describe(t, &t.to_ascii_lowercase()).map(|(c, _)| c)
    }

    #[test]
    fn descriptions() {
        assert_eq!(d("fetch_balance results in timeout and I tried a VPN"), Some(Network));
        assert_eq!(
            d("我是在做模擬盤的測試，因此APIKEY也是模擬盤的，但也是跳出錯誤"),
            Some(EnvironmentMismatch)
        );
        assert_eq!(
            d("if I try logging into okx.com, it redirects me to my.okx.com"),
            Some(AuthKey)
        );
        assert_eq!(d("就是本地时间戳和服务器时间戳误差太大导致的"), Some(Timestamp));
        assert_eq!(d("I am trying to make OKX orders on spot and futures."), None);
        // A config dict is not a sentence.
        assert_eq!(d("{'timeout': 30000, 'enableRateLimit': True}"), None);
    }

    #[test]
    fn markers() {
        assert!(error_marker("typeerror: x").is_some());
        assert!(error_marker("订单执行失败").is_some());
        assert!(error_marker("all good, order placed").is_none());
    }
}
