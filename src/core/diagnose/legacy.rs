//! Legacy OKEx API v3 codes (30001–30099), still pasted by users of old libraries. A small hand
//! table maps the common ones to their v5 equivalents.

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

/// A code in the v3 range that the v5 catalog does not know.
pub fn is_v3(code: &str) -> bool {
    code.len() == 5
        && code.starts_with("300")
        && code != "30000"
        && crate::core::catalog::get(code).is_none()
        && code.bytes().all(|b| b.is_ascii_digit())
}

pub fn lookup(code: &str) -> Option<&'static (&'static str, &'static str, Option<&'static str>, Category)> {
    V3.iter().find(|r| r.0 == code)
}
