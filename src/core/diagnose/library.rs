//! Errors raised inside a client library rather than returned by OKX: a missing credential or
//! argument, a method the exchange class does not implement, a bug in the library's own code
//! (`TypeError`, `KeyError` …), or a library exception that carries no OKX body. Each one is named
//! with the library's words, says whether the request reached OKX, and gives the usual cause.

use super::needles::Index;
use crate::core::categorize;
use crate::core::category::Category;
use std::sync::OnceLock;

/// Whether the request reached OKX before the library raised the error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reached {
    /// Raised before anything was sent.
    No,
    /// OKX answered; the library failed while reading the answer.
    Answered,
    /// The paste does not tell.
    Unknown,
}

/// One library-local error found in a line.
#[derive(Debug, Clone)]
pub struct LibError {
    pub category: Category,
    pub title: String,
    /// Byte span in the (lower-cased) line.
    pub span: (usize, usize),
    pub reached: Reached,
    /// The usual cause, in our words.
    pub cause: &'static str,
    /// How sure the pattern is (0..=1).
    pub confidence: f32,
}

impl LibError {
    fn new(
        category: Category,
        title: impl Into<String>,
        span: (usize, usize),
        reached: Reached,
        cause: &'static str,
    ) -> Self {
        LibError {
            category,
            title: title.into(),
            span,
            reached,
            cause,
            confidence: CONF_SPECIFIC,
        }
    }

    fn conf(mut self, c: f32) -> Self {
        self.confidence = c;
        self
    }

    /// The notes a finding carries: whether OKX was reached, and the usual cause.
    pub fn notes(&self) -> Vec<String> {
        let reached = match self.reached {
            Reached::No => "raised by the library before sending anything; the request never reached OKX",
            Reached::Answered => "OKX answered; the library failed while reading the answer",
            Reached::Unknown => "raised inside the library; the paste does not show whether OKX was reached",
        };
        vec![reached.to_string(), format!("usual cause: {}", self.cause)]
    }
}

/// Confidence of a pattern that names the problem exactly (a missing credential, a minimum size).
const CONF_SPECIFIC: f32 = 0.8;
/// Confidence of a runtime error inside library code: it is certainly an error, and "a library bug,
/// upgrade" is usually right, but the root cause can still be elsewhere.
const CONF_RUNTIME: f32 = 0.7;
/// A library exception class that names a category (`RateLimitExceeded`) but carries no OKX code.
pub const CONF_BARE: f32 = 0.6;
/// A generic library exception (`ExchangeError`) without any OKX body: it says almost nothing, so
/// it ranks below a network failure found next to it.
const CONF_BARE_GENERIC: f32 = 0.55;

fn find_any(l: &str, needles: &[&str]) -> Option<(usize, usize)> {
    needles.iter().find_map(|n| l.find(n).map(|p| (p, p + n.len())))
}

/// Which library raised it, from the line (`ccxt`, `python-okx`, `okx-api` …), for titles.
fn library_name(l: &str) -> &'static str {
    if l.contains("ccxt") {
        "ccxt"
    } else if l.contains("hummingbot") {
        "hummingbot"
    } else if l.contains("freqtrade") {
        "freqtrade"
    } else if l.contains("okx/websocket") || l.contains("python-okx") || l.contains("okx.api") {
        "python-okx"
    } else if l.contains("okx-api") {
        "okx-api"
    } else {
        "the client library"
    }
}

fn missing_credential(l: &str) -> Option<LibError> {
    // ccxt: `okx requires "password" credential`, `requires `password``.
    if let Some(r) = l.find("requires") {
        let rest = &l[r..super::util::floor(l, r + 40)];
        let which = [
            (
                "password",
                Category::AuthPassphrase,
                "\"password\" (the API key's passphrase)",
            ),
            ("secret", Category::AuthSignature, "\"secret\""),
            ("apikey", Category::AuthKey, "\"apiKey\""),
            ("api_key", Category::AuthKey, "\"apiKey\""),
        ];
        let credential = rest.contains("credential") || rest.contains('`');
        if credential {
            for (k, cat, what) in which {
                if rest.contains(k) {
                    return Some(LibError::new(
                        cat,
                        format!("Library: missing {what} credential"),
                        (r, r + rest.len()),
                        Reached::No,
                        "the exchange object was created without this credential (for OKX, ccxt's `password` is the API key's passphrase)",
                    ));
                }
            }
        }
    }
    None
}

/// Errors a library raises before sending anything, recognised by their wording:
/// (phrases, category, title, usual cause). First match wins.
static BEFORE_SENDING: &[(&[&str], Category, &str, &str)] = &[
    (
        &[
            "no credentials provided",
            "missing api or secret or pass",
            "cannot auth - missing",
            "missing api key",
            "credentials are required",
        ],
        Category::WebsocketLogin,
        "Library: the WebSocket client has no API credentials to log in with",
        "credentials were set on the REST client only, or passed under names the WebSocket client does not read",
    ),
    (
        &[
            "must be greater than minimum amount precision",
            "must be greater than minimum price precision",
            "must be greater than minimum cost",
            "must be greater than minimum amount",
            "must be greater than or equal to minimum",
            "amount must be greater than",
            "minimum amount precision",
            "less than minimum amount",
            "is less than the minimum",
        ],
        Category::OrderSizePrecision,
        "Library: order size below the market's minimum / precision",
        "the amount rounds to zero at the market's precision or is below its minimum size (for swaps, amounts are in contracts)",
    ),
    (
        &["does not have market symbol"],
        Category::Instrument,
        "Library: unknown market symbol",
        "the symbol is written in another form than the library's (BTC/USDT for spot, BTC/USDT:USDT for the swap) or the markets were not loaded",
    ),
    (
        &[
            "argumentsrequired",
            "requires a symbol argument",
            "requires a price argument",
            "requires a `symbol` argument",
            "requires a symbol parameter",
            "requires type param",
            "requires a type param",
        ],
        Category::Parameter,
        "Library: a required argument is missing",
        "the method needs an argument (often the symbol) that the call left out",
    ),
];

fn before_sending(l: &str) -> Option<LibError> {
    BEFORE_SENDING.iter().find_map(|(phrases, cat, title, cause)| {
        find_any(l, phrases).map(|sp| LibError::new(*cat, *title, sp, Reached::No, cause))
    })
}

fn argument_exception(l: &str) -> Option<LibError> {
    // C#: ArgumentException: Either instId or ccy is required
    if let (Some(p), true) = (l.find("argumentexception"), l.contains("required")) {
        return Some(LibError::new(
            Category::Parameter,
            "Library: ArgumentException, a required argument is missing",
            (p, p + 17),
            Reached::No,
            "the method needs an argument that the call left out",
        ));
    }
    None
}

fn not_supported(l: &str, ctx: &str) -> Option<LibError> {
    find_any(l, NOT_SUPPORTED).map(|sp| {
        LibError::new(
            Category::Other,
            format!("Library: {} NotSupported, the method is not implemented for OKX", library_name(ctx)),
            sp,
            Reached::No,
            "this exchange class does not implement the method (in this version); use another method, an implicit API call, or upgrade",
        )
    })
}

/// Python / JavaScript / C# / Java runtime errors, by name or by their message text.
static RUNTIME: &[(&str, &str)] = &[
    ("unsupported operand type", "TypeError"),
    ("not supported between instances of", "TypeError"),
    ("object is not subscriptable", "TypeError"),
    ("object is not iterable", "TypeError"),
    ("got an unexpected keyword argument", "TypeError"),
    ("typeerror", "TypeError"),
    ("keyerror", "KeyError"),
    ("has no attribute", "AttributeError"),
    ("attributeerror", "AttributeError"),
    ("indexerror", "IndexError"),
    ("zerodivisionerror", "ZeroDivisionError"),
    ("conversionsyntax", "decimal.InvalidOperation"),
    ("decimal.invalidoperation", "decimal.InvalidOperation"),
    ("jsondecodeerror", "JSONDecodeError"),
    ("valueerror", "ValueError"),
    ("cannot read properties of undefined", "TypeError"),
    ("cannot read property", "TypeError"),
    ("is not a function", "TypeError"),
    ("nullreferenceexception", "NullReferenceException"),
    ("nullpointerexception", "NullPointerException"),
];

fn runtime_error(l: &str, ctx: &str) -> Option<LibError> {
    let (p, n, name) = RUNTIME
        .iter()
        .find_map(|(n, name)| l.find(n).map(|p| (p, n.len(), *name)))?;
    let lib = library_name(ctx);
    let parsing = [
        "parse_market",
        "load_markets",
        "set_markets",
        "fetch_markets",
        "parsemarket",
        "loadmarkets",
    ]
    .iter()
    .any(|k| ctx.contains(k));
    let (reached, cause) = if parsing {
        (
            Reached::Answered,
            "a bug in the library's OKX market parser: OKX listed an instrument this version cannot read; upgrade the library (the fix usually ships within days)",
        )
    } else {
        (
            Reached::Unknown,
            "a bug in the library or a call it does not expect (wrong argument type, old version); upgrade the library and check the arguments",
        )
    };
    Some(
        LibError::new(
            Category::Other,
            format!("Library error: {name} inside {lib}"),
            (p, p + n),
            reached,
            cause,
        )
        .conf(CONF_RUNTIME),
    )
}

/// ccxt exception classes (lower-cased), the specific ones first.
static CLASSES: &[&str] = &[
    "ratelimitexceeded",
    "ddosprotection",
    "insufficientfunds",
    "invalidnonce",
    "authenticationerror",
    "permissiondenied",
    "badsymbol",
    "badrequest",
    "invalidorder",
    "ordernotfound",
    "exchangeerror",
];

/// A ccxt (or SDK) exception class on a line that holds no OKX body: `ExchangeError: okex GET url`,
/// `RateLimitExceeded: okex5 POST … 429`, an error raised on a successful response.
fn bare_exception(l: &str) -> Option<LibError> {
    let (p, class) = CLASSES.iter().find_map(|c| l.find(c).map(|p| (p, *c)))?;
    let span = (p, p + class.len());
    if class == "exchangeerror" {
        // ccxt raising on a success body is a known bug of old versions.
        let success = (l.contains("\"result\":true") || l.contains("'result': true"))
            && (l.contains("\"error_code\":\"0\"") || l.contains("\"code\":\"0\""));
        if success {
            return Some(
                LibError::new(
                    Category::Other,
                    "Library: ccxt raised ExchangeError on a successful OKX response",
                    span,
                    Reached::Answered,
                    "a ccxt bug (the body says result true, error code 0); upgrade ccxt",
                )
                .conf(CONF_RUNTIME),
            );
        }
        return Some(
            LibError::new(
                Category::Other,
                "Library: ccxt ExchangeError without OKX's reason",
                span,
                Reached::Unknown,
                "ccxt did not pass on OKX's response body; run with verbose output (exchange.verbose = True) to see the code and message",
            )
            .conf(CONF_BARE_GENERIC),
        );
    }
    let cat = ccxt_class_category(class)?;
    Some(
        LibError::new(
            cat,
            format!("Library: ccxt {} without an OKX code", ccxt_class_name(class)),
            span,
            Reached::Unknown,
            "ccxt mapped OKX's answer (or an HTTP status) to this class; the OKX code, if any, is not in the paste",
        )
        .conf(CONF_BARE),
    )
}

fn ccxt_class_name(lower: &str) -> &'static str {
    match lower {
        "ratelimitexceeded" => "RateLimitExceeded",
        "ddosprotection" => "DDoSProtection",
        "insufficientfunds" => "InsufficientFunds",
        "invalidnonce" => "InvalidNonce",
        "authenticationerror" => "AuthenticationError",
        "permissiondenied" => "PermissionDenied",
        "badsymbol" => "BadSymbol",
        "badrequest" => "BadRequest",
        "invalidorder" => "InvalidOrder",
        "ordernotfound" => "OrderNotFound",
        _ => "exception",
    }
}

fn ccxt_class_category(lower: &str) -> Option<Category> {
    if lower == "ordernotfound" {
        return Some(Category::Other);
    }
    categorize::category_of_ccxt_class(ccxt_class_name(lower))
}

/// The library-local error in a lower-cased line, most specific pattern first. `ctx` is the line
/// with the lines before it (a traceback names the library and the function that failed).
pub fn scan(l: &str, ctx: &str, ws: &[&str]) -> Option<LibError> {
    if !ws.iter().any(|w| is_trigger(w)) {
        return None;
    }
    missing_credential(l)
        .or_else(|| before_sending(l))
        .or_else(|| argument_exception(l))
        .or_else(|| not_supported(l, ctx))
        .or_else(|| runtime_error(l, ctx))
}

/// A library exception class standing without an OKX body; only used on lines where no OKX code
/// or message was found.
pub fn scan_bare(l: &str, ws: &[&str]) -> Option<LibError> {
    if !ws.iter().any(|w| CLASSES.contains(w)) {
        return None;
    }
    bare_exception(l)
}

/// Phrases of the patterns above that are not in a table of their own.
static OTHER_PHRASES: &[&str] = &["requires", "argumentexception"];
static NOT_SUPPORTED: &[&str] = &[
    "notsupported",
    "is not implemented",
    "not supported yet",
    "does not support",
];

/// Every phrase of this module, filed by first word (for [`is_trigger`]).
fn index() -> &'static Index {
    static I: OnceLock<Index> = OnceLock::new();
    static RUNTIME_PHRASES: OnceLock<Vec<&'static str>> = OnceLock::new();
    let runtime = RUNTIME_PHRASES.get_or_init(|| RUNTIME.iter().map(|(n, _)| *n).collect());
    I.get_or_init(|| {
        Index::new(BEFORE_SENDING.iter().map(|(p, ..)| *p).chain([
            OTHER_PHRASES,
            NOT_SUPPORTED,
            runtime.as_slice(),
            CLASSES,
        ]))
    })
}

/// Whether a word (of a lower-cased line) can start one of the patterns above.
pub fn is_trigger(w: &str) -> bool {
    index().has_word(w)
}

#[cfg(test)]
mod tests {
    use super::super::needles::words;
    use super::*;

    #[test]
    fn names_and_causes() {
        let line = "typeerror: unsupported operand type(s) for +: 'nonetype' and 'str'";
        let ctx = "  file \"ccxt/async_support/okx.py\", line 1609, in parse_market\n";
        let e = scan(line, &format!("{ctx}{line}"), &words(line)).unwrap();
        assert_eq!(e.category, Category::Other);
        assert_eq!(e.reached, Reached::Answered);
        assert!(e.title.contains("TypeError") && e.title.contains("ccxt"), "{}", e.title);
        let l = "ccxt.base.errors.authenticationerror: requires `password`";
        let e = scan(l, l, &words(l)).unwrap();
        assert_eq!(e.category, Category::AuthPassphrase);
        assert_eq!(e.reached, Reached::No);
        let l = "trace error: cannot auth - missing api or secret or pass in config";
        let e = scan(l, l, &words(l)).unwrap();
        assert_eq!(e.category, Category::WebsocketLogin);
        assert!(scan("the weather is fine", "", &words("the weather is fine")).is_none());
        // Never cuts inside a character.
        let l = "okx requires 密码密码密码密码密码密码密码密码密码密码密码";
        let _ = scan(l, l, &words(l));
    }

    #[test]
    fn bare_classes() {
        let l = "exchangeerror:okex get https://www.okex.com/api/v5/asset/currencies";
        let e = scan_bare(l, &words(l)).unwrap();
        assert_eq!(e.category, Category::Other);
        let l = "ratelimitexceeded: okex5 post https://www.okex.com/api/v5/trade/order 429 too many requests";
        let e = scan_bare(l, &words(l)).unwrap();
        assert_eq!(e.category, Category::RateLimit);
    }
}
