//! Legacy OKEx codes, still pasted by users of old libraries and SDKs: API v3 (30001–36999, general
//! codes in the 300xx range, then futures, margin, account, swap and option families) and the
//! older v1 REST and WebSocket codes (10000–10099, 20000–20199). Small hand tables give the meaning
//! of the common ones and the v5 equivalent where there is one; other codes in these ranges are
//! categorised from the message next to them.

use crate::core::category::Category;

/// (v3 code, v3 meaning, v5 equivalent, category)
pub static V3: &[(&str, &str, Option<&str>, Category)] = &[
    (
        "30001",
        "OK-ACCESS-KEY header is required",
        Some("50103"),
        Category::AuthKey,
    ),
    (
        "30002",
        "OK-ACCESS-SIGN header is required",
        Some("50106"),
        Category::AuthSignature,
    ),
    (
        "30003",
        "OK-ACCESS-TIMESTAMP header is required",
        Some("50107"),
        Category::Timestamp,
    ),
    (
        "30004",
        "OK-ACCESS-PASSPHRASE header is required",
        Some("50104"),
        Category::AuthPassphrase,
    ),
    (
        "30005",
        "invalid OK-ACCESS-TIMESTAMP",
        Some("50112"),
        Category::Timestamp,
    ),
    ("30006", "invalid OK-ACCESS-KEY", Some("50111"), Category::AuthKey),
    ("30007", "invalid Content-Type", Some("50006"), Category::Parameter),
    ("30008", "timestamp request expired", Some("50102"), Category::Timestamp),
    ("30009", "system error", Some("50026"), Category::Network),
    ("30010", "API validation failed", None, Category::AuthSignature),
    ("30011", "invalid IP", Some("50110"), Category::IpWhitelist),
    ("30012", "invalid authorization", Some("50114"), Category::AuthSignature),
    ("30013", "invalid sign", Some("50113"), Category::AuthSignature),
    ("30014", "request too frequent", Some("50011"), Category::RateLimit),
    (
        "30015",
        "invalid OK-ACCESS-PASSPHRASE",
        Some("50105"),
        Category::AuthPassphrase,
    ),
    (
        "30016",
        "you are using a v1 API key; use a v3 (now v5) key",
        None,
        Category::AuthKey,
    ),
    (
        "30023",
        "required parameter cannot be blank",
        Some("50014"),
        Category::Parameter,
    ),
    ("30024", "invalid parameter", Some("51000"), Category::Parameter),
    ("30026", "requests too frequent", Some("50011"), Category::RateLimit),
    ("30027", "login failure", Some("60009"), Category::WebsocketLogin),
    ("30030", "endpoint request failed", Some("50026"), Category::Network),
    ("30032", "pair suspended", None, Category::Instrument),
    ("30038", "user does not exist", Some("50008"), Category::AuthKey),
];

/// (v1 code, meaning, category). From the OKCoin/OKEx v1 REST and WebSocket error tables.
pub static V1: &[(&str, &str, Category)] = &[
    ("10000", "required parameter is empty", Category::Parameter),
    ("10001", "requests too frequent", Category::RateLimit),
    ("10002", "system error", Category::Network),
    ("10005", "secret key does not exist", Category::AuthSignature),
    ("10006", "API key does not exist", Category::AuthKey),
    ("10007", "signature does not match", Category::AuthSignature),
    ("10008", "illegal parameter", Category::Parameter),
    ("10009", "order does not exist", Category::Other),
    ("10010", "insufficient funds", Category::InsufficientBalance),
    ("10011", "amount below the minimum", Category::OrderSizePrecision),
    ("10016", "insufficient coins", Category::InsufficientBalance),
    ("10017", "API authorisation error", Category::AuthKey),
    (
        "20102",
        "WebSocket login failed (invalid logon)",
        Category::WebsocketLogin,
    ),
    (
        "20103",
        "invalid WebSocket subscription event type",
        Category::Parameter,
    ),
];

/// The v3 code ranges: 30001–30099 general, 32xxx futures, 33xxx margin, 34xxx account,
/// 35xxx swap, 36xxx option.
fn v3_range(n: u32) -> bool {
    (30001..=30099).contains(&n) || (32001..=36999).contains(&n)
}

/// The v1 code ranges: 10000–10099 REST, 20000–20199 WebSocket.
fn v1_range(n: u32) -> bool {
    (10000..=10099).contains(&n) || (20000..=20199).contains(&n)
}

/// Which legacy API a code belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Api {
    V1,
    V3,
}

impl Api {
    pub fn label(self) -> &'static str {
        match self {
            Api::V1 => "OKEx v1",
            Api::V3 => "OKEx v3",
        }
    }
}

/// The legacy API of a code the v5 catalog does not know, if it is in a legacy range.
pub fn api_of(code: &str) -> Option<Api> {
    if code.len() != 5 || !code.bytes().all(|b| b.is_ascii_digit()) || crate::core::catalog::get(code).is_some() {
        return None;
    }
    let n: u32 = code.parse().ok()?;
    if v3_range(n) {
        Some(Api::V3)
    } else if v1_range(n) {
        Some(Api::V1)
    } else {
        None
    }
}

/// A code in a legacy range that the v5 catalog does not know.
pub fn is_legacy(code: &str) -> bool {
    api_of(code).is_some()
}

pub fn lookup(code: &str) -> Option<&'static (&'static str, &'static str, Option<&'static str>, Category)> {
    V3.iter().find(|r| r.0 == code)
}

pub fn lookup_v1(code: &str) -> Option<&'static (&'static str, &'static str, Category)> {
    V1.iter().find(|r| r.0 == code)
}
