//! Maps every catalog entry to one [`Category`].
//!
//! Order of evidence: a hand-reviewed table for the frequent codes (the most specific meaning wins),
//! then keywords in the documented message (and its known variants), then the ccxt exception class,
//! then [`Category::Other`]. [`category_for_message`] refines the result with the message the API
//! actually returned (`Parameter posSide error` is an account-mode problem, not a bad parameter).

use super::catalog::{self, Entry, Kind};
use super::category::Category;

use Category::*;

/// Hand-reviewed categories for codes whose message alone is misleading or ambiguous.
static HAND: &[(&str, Category)] = &[
    // General / batch outer codes: the reason is elsewhere.
    ("0", Other),
    ("1", Other),
    ("2", Other),
    // Rate limits.
    ("50011", RateLimit),
    ("50061", RateLimit),
    ("50040", RateLimit),
    ("60014", RateLimit),
    ("60023", RateLimit),
    ("51113", RateLimit),
    ("58102", RateLimit),
    ("4003", RateLimit),
    ("4008", RateLimit),
    ("4009", RateLimit),
    ("60020", RateLimit),
    ("60025", RateLimit),
    // Signature.
    ("50113", AuthSignature),
    ("50114", AuthSignature),
    ("50106", AuthSignature),
    ("60002", AuthSignature),
    // API key.
    ("50111", AuthKey),
    ("50119", AuthKey),
    ("50100", AuthKey),
    ("50103", AuthKey),
    ("50008", AuthKey),
    ("60001", AuthKey),
    ("60005", AuthKey),
    ("60032", AuthKey),
    ("59506", AuthKey),
    ("4007", AuthKey),
    // Passphrase.
    ("50104", AuthPassphrase),
    ("50105", AuthPassphrase),
    ("60003", AuthPassphrase),
    ("60024", AuthPassphrase),
    // Timestamp / clock.
    ("50102", Timestamp),
    ("50107", Timestamp),
    ("50112", Timestamp),
    ("60004", Timestamp),
    ("60006", Timestamp),
    // Permission.
    ("50120", Permission),
    ("50030", Permission),
    ("50027", Permission),
    ("50034", Permission),
    ("50041", Permission),
    ("50051", Permission),
    ("50052", Permission),
    ("51155", Permission),
    ("51411", Permission),
    ("59500", Permission),
    ("59604", Permission),
    ("59608", Permission),
    ("60029", Permission),
    ("60030", Permission),
    ("64003", Permission),
    // Withdrawal-address whitelist (categories.md: permission, never ip_whitelist).
    ("58203", Permission),
    ("58207", Permission),
    // IP whitelist.
    ("50110", IpWhitelist),
    ("50118", IpWhitelist),
    ("50121", IpWhitelist),
    ("50035", IpWhitelist),
    ("59503", IpWhitelist),
    // Demo / live.
    ("50101", EnvironmentMismatch),
    ("50038", EnvironmentMismatch),
    ("50053", EnvironmentMismatch),
    // Balance.
    ("51008", InsufficientBalance),
    ("51119", InsufficientBalance),
    ("51127", InsufficientBalance),
    ("51131", InsufficientBalance),
    ("51502", InsufficientBalance),
    ("51736", InsufficientBalance),
    ("51764", InsufficientBalance),
    ("52918", InsufficientBalance),
    ("59103", InsufficientBalance),
    ("59108", InsufficientBalance),
    // Instrument / channel / URL.
    ("51001", Instrument),
    ("51002", Instrument),
    ("51012", Instrument),
    ("51014", Instrument),
    ("51021", Instrument),
    ("51022", Instrument),
    ("51026", Instrument),
    ("51027", Instrument),
    ("51028", Instrument),
    ("51087", Instrument),
    ("58009", Instrument),
    ("60008", Instrument),
    ("60017", Instrument),
    ("60018", Instrument),
    ("60028", Instrument),
    // The channel moved to the /business URL: like 60018, a channel that does not exist here.
    ("64001", Instrument),
    // Order size / precision.
    ("51004", OrderSizePrecision),
    ("51005", OrderSizePrecision),
    ("51007", OrderSizePrecision),
    ("51020", OrderSizePrecision),
    ("51101", OrderSizePrecision),
    ("51102", OrderSizePrecision),
    ("51103", OrderSizePrecision),
    ("51104", OrderSizePrecision),
    ("51105", OrderSizePrecision),
    ("51106", OrderSizePrecision),
    ("51107", OrderSizePrecision),
    ("51118", OrderSizePrecision),
    ("51120", OrderSizePrecision),
    ("51121", OrderSizePrecision),
    ("51150", OrderSizePrecision),
    ("51201", OrderSizePrecision),
    ("51202", OrderSizePrecision),
    ("50122", OrderSizePrecision),
    // Parameter.
    ("51000", Parameter),
    ("50000", Parameter),
    ("50002", Parameter),
    ("50006", Parameter),
    ("50015", Parameter),
    ("50016", Parameter),
    ("50024", Parameter),
    ("50025", Parameter),
    ("50115", Parameter),
    ("60013", Parameter),
    ("60019", Parameter),
    ("60027", Parameter),
    ("60033", Parameter),
    ("1009", Parameter),
    ("4002", Parameter),
    ("51003", Parameter),
    ("51015", Parameter),
    ("51006", Parameter),
    // Account / position mode.
    ("50014", AccountMode),
    ("51010", AccountMode),
    ("59000", AccountMode),
    ("51041", AccountMode),
    ("51057", AccountMode),
    ("51070", AccountMode),
    ("51128", AccountMode),
    ("51133", AccountMode),
    ("51139", AccountMode),
    ("50072", AccountMode),
    ("51298", AccountMode),
    ("51329", AccountMode),
    ("59101", AccountMode),
    ("59107", AccountMode),
    // WebSocket login.
    ("60009", WebsocketLogin),
    ("60010", WebsocketLogin),
    ("60011", WebsocketLogin),
    ("60021", WebsocketLogin),
    ("60022", WebsocketLogin),
    ("60026", WebsocketLogin),
    ("60031", WebsocketLogin),
    ("4001", WebsocketLogin),
    // categories.md: a WebSocket login's "Invalid sign" and "Invalid request" belong to the login.
    ("60007", WebsocketLogin),
    ("60012", WebsocketLogin),
    // Network / exchange availability.
    ("50001", Network),
    ("50004", Network),
    ("50005", Network),
    ("50013", Network),
    ("50026", Network),
    ("51054", Network),
    ("51149", Network),
    ("51412", Network),
    ("52923", Network),
    ("60015", Network),
    ("60016", Network),
    ("63999", Network),
    ("4004", Network),
    ("4005", Network),
    ("4006", Network),
];

fn hand(code: &str) -> Option<Category> {
    HAND.iter().find(|(c, _)| *c == code).map(|(_, cat)| *cat)
}

fn has_any(s: &str, needles: &[&str]) -> bool {
    needles.iter().any(|n| s.contains(n))
}

/// Category from keywords of one (lower-cased) message. `None` when nothing specific is said.
pub(crate) fn by_keywords(m: &str) -> Option<Category> {
    if m.is_empty() {
        return None;
    }
    if m.contains("insufficient") && has_any(m, &["balance", "margin", "funds", "available", "asset", "equity"])
        || has_any(
            m,
            &[
                "available balance is 0",
                "balance is insufficient",
                "insufficient balance",
            ],
        )
    {
        return Some(InsufficientBalance);
    }
    if has_any(
        m,
        &[
            "too frequent",
            "rate limit",
            "requests too",
            "too many requests",
            "request frequency",
        ],
    ) {
        return Some(RateLimit);
    }
    if has_any(m, &["ip whitelist", "trusted ip", "bound to ip", "ip address"]) {
        return Some(IpWhitelist);
    }
    if m.contains("passphrase") {
        return Some(AuthPassphrase);
    }
    if has_any(m, &["invalid sign", "signature"]) {
        return Some(AuthSignature);
    }
    if m.contains("timestamp") && has_any(m, &["expired", "invalid"]) {
        return Some(Timestamp);
    }
    if has_any(m, &["apikey", "api key", "ok-access-key", "ok_access_key"])
        && has_any(m, &["exist", "invalid", "empty", "frozen", "deleted"])
    {
        return Some(AuthKey);
    }
    if has_any(m, &["demo trading", "current environment"]) {
        return Some(EnvironmentMismatch);
    }
    if has_any(
        m,
        &[
            "account mode",
            "position mode",
            "margin mode",
            "net mode",
            "long/short mode",
            "multi-currency margin",
            "single-currency margin",
            "portfolio margin",
            "hedge mode",
        ],
    ) {
        return Some(AccountMode);
    }
    if has_any(
        m,
        &[
            "lot size",
            "precision",
            "minimum order",
            "min amount",
            "minimum amount",
            "min order",
            "min tradable",
            "at least 1 contract",
            "max order amount",
            "order quantity",
        ],
    ) {
        return Some(OrderSizePrecision);
    }
    if has_any(
        m,
        &[
            "permission",
            "not allowed to",
            "restricted",
            "compliance",
            "kyc",
            "identity verification",
            "vip",
            "whitelist",
            "allowlist",
            "blocked",
            "frozen",
            "local laws",
        ],
    ) {
        return Some(Permission);
    }
    if (m.contains("instrument") || m.contains("contract") || m.contains("channel"))
        && has_any(
            m,
            &[
                "doesn't exist",
                "does not exist",
                "not exist",
                "expired",
                "not yet listed",
                "suspended",
            ],
        )
    {
        return Some(Instrument);
    }
    if has_any(
        m,
        &[
            "system error",
            "systems are busy",
            "system is busy",
            "timed out",
            "timeout",
            "service unavailable",
            "temporarily unavailable",
            "under maintenance",
            "system maintenance",
        ],
    ) {
        return Some(Network);
    }
    if has_any(
        m,
        &[
            "parameter",
            "invalid",
            "can not be empty",
            "cannot be empty",
            "can't be empty",
            "is required",
            "must be",
            "should be",
            "price limit",
            "buy limit",
            "sell limit",
            "error",
        ],
    ) {
        return Some(Parameter);
    }
    None
}

fn by_ccxt(class: Option<&str>) -> Option<Category> {
    Some(match class? {
        "RateLimitExceeded" | "DDoSProtection" => RateLimit,
        "InsufficientFunds" => InsufficientBalance,
        "BadSymbol" | "ContractUnavailable" => Instrument,
        "PermissionDenied" | "AccountSuspended" | "AccountNotEnabled" | "RestrictedLocation" => Permission,
        "NetworkError" | "ExchangeNotAvailable" | "OnMaintenance" | "RequestTimeout" => Network,
        "InvalidNonce" => Timestamp,
        "AuthenticationError" => AuthKey,
        "InvalidOrder" | "BadRequest" | "ArgumentsRequired" => Parameter,
        // A method the exchange class does not implement (categories.md: `other`).
        "NotSupported" => Other,
        _ => return None,
    })
}

/// The category of a ccxt exception class name (`RateLimitExceeded` …), when it says one.
pub(crate) fn category_of_ccxt_class(class: &str) -> Option<Category> {
    by_ccxt(Some(class))
}

/// The category of a catalog entry.
pub fn category_of(e: &Entry) -> Category {
    if let Some(c) = hand(e.code).or_else(|| hand(e.base_code)) {
        return c;
    }
    if e.kind == Kind::WsCloseFrame {
        if let Some(c) = by_ccxt(e.ccxt_exception) {
            return c;
        }
    }
    if let Some(c) = by_keywords(&e.msg.to_lowercase()) {
        return c;
    }
    for m in catalog::all_messages(e).into_iter().skip(1) {
        if let Some(c) = by_keywords(&m.to_lowercase()) {
            return c;
        }
    }
    by_ccxt(e.ccxt_exception).unwrap_or(Other)
}

/// The category of an entry given the message the API actually returned (templates filled in).
/// Refines [`category_of`]: `Parameter posSide error` → account mode, `APIKey does not match
/// current environment` → demo/live mismatch, `Parameter ccy can not be empty` → account mode but
/// `Parameter instId can not be empty` → parameter.
pub fn category_for_message(e: &Entry, runtime_msg: &str) -> Category {
    let base = category_of(e);
    let m = runtime_msg.to_lowercase();
    if m.trim().is_empty() {
        return base;
    }
    if m.contains("does not match current environment") || m.contains("doesn't match current environment") {
        return EnvironmentMismatch;
    }
    match e.base_code {
        // "Parameter {param0} error": which parameter decides.
        // categories.md: any parameter but posSide / tdMode is `parameter`, including a rejected
        // instType, uly, instFamily or instId.
        "51000" | "60033" => {
            if has_any(&m, &["posside", "tdmode"]) {
                return AccountMode;
            }
            return Parameter;
        }
        // "ccy can not be empty" means single-currency margin mode.
        "50014" | "60027" => {
            if has_any(&m, &["parameter ccy", "ccy can", "posside", "tdmode"]) {
                return AccountMode;
            }
            if m.contains("param0") || m.contains("{0}") {
                return base;
            }
            return Parameter;
        }
        "60018" => return Instrument,
        _ => {}
    }
    if base == Other || base == Parameter {
        if let Some(c) = by_keywords(&m) {
            if c != Parameter || base == Other {
                return c;
            }
        }
    }
    base
}
