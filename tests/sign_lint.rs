//! Each lint rule: one input that triggers it and one that does not.
#![cfg(not(target_arch = "wasm32"))]

use okx_doctor::core::lang::Lang;
use okx_doctor::core::sign::{self as sign, *};

/// The credential lint in English (the messages these tests read).
fn lint(c: &Credentials) -> Vec<LintIssue> {
    sign::lint(c, Lang::En)
}

/// The request lint in English.
fn lint_request(
    method: &str,
    path: &str,
    body: &str,
    ts: &str,
    signed_path: Option<&str>,
    signed_body: Option<&str>,
) -> Vec<LintIssue> {
    sign::lint_request(method, path, body, ts, signed_path, signed_body, Lang::En)
}

const KEY: &str = "985d5b66-57ce-40fb-b714-afc0b9787083";
const SECRET: &str = "9B8A3C7F0D2E4A6B8C1D3E5F7A9B0C2D";
const PASS: &str = "Plain-Passphrase1";
const TS: &str = "2020-12-08T09:08:57.715Z";
const PATH: &str = "/api/v5/account/balance?ccy=BTC";

fn creds(k: &str, s: &str, p: &str) -> Credentials {
    Credentials {
        api_key: k.into(),
        secret: s.into(),
        passphrase: p.into(),
    }
}

fn good() -> Credentials {
    creds(KEY, SECRET, PASS)
}

fn rules(v: &[LintIssue]) -> Vec<(Field, LintRule)> {
    v.iter().map(|i| (i.field, i.rule)).collect()
}

fn has(v: &[LintIssue], field: Field, rule: LintRule) -> bool {
    v.iter().any(|i| i.field == field && i.rule == rule)
}

fn get(v: &[LintIssue], field: Field, rule: LintRule) -> &LintIssue {
    v.iter()
        .find(|i| i.field == field && i.rule == rule)
        .unwrap_or_else(|| panic!("{:?}", rules(v)))
}

/// A clean GET request lints clean.
fn req(method: &str, path: &str, body: &str, ts: &str) -> Vec<LintIssue> {
    lint_request(method, path, body, ts, None, None)
}

#[test]
fn good_credentials_are_clean() {
    assert!(lint(&good()).is_empty(), "{:?}", rules(&lint(&good())));
    // Upper- and lower-case hex both fine.
    assert!(lint(&creds(&KEY.to_uppercase(), &SECRET.to_lowercase(), PASS)).is_empty());
}

#[test]
fn good_request_is_clean() {
    assert!(
        req("GET", PATH, "", TS).is_empty(),
        "{:?}",
        rules(&req("GET", PATH, "", TS))
    );
    assert!(req("POST", "/api/v5/trade/order", r#"{"instId":"BTC-USDT"}"#, TS).is_empty());
    assert!(req("GET", "/users/self/verify", "", "1538054050").is_empty());
}

#[test]
fn empty() {
    let v = lint(&creds(KEY, "", PASS));
    assert!(has(&v, Field::Secret, LintRule::Empty));
    assert!(!has(&lint(&good()), Field::Secret, LintRule::Empty));
    assert!(has(&req("GET", "", "", TS), Field::Path, LintRule::Empty));
    assert!(has(&req("GET", PATH, "", ""), Field::Timestamp, LintRule::Empty));
}

#[test]
fn outer_whitespace() {
    let v = lint(&creds(KEY, &format!("{SECRET} "), PASS));
    let i = get(&v, Field::Secret, LintRule::OuterWhitespace);
    assert_eq!(i.position, Some(32));
    assert_eq!(i.severity, Severity::Problem);
    let v = lint(&creds(&format!(" {KEY}"), SECRET, PASS));
    assert_eq!(get(&v, Field::ApiKey, LintRule::OuterWhitespace).position, Some(0));
    // Shape rules look at the trimmed value, so no second complaint.
    assert!(!has(&v, Field::ApiKey, LintRule::KeyNotUuid));
    // A space inside a passphrase is legitimate.
    assert!(!has(
        &lint(&creds(KEY, SECRET, "two words")),
        Field::Passphrase,
        LintRule::OuterWhitespace
    ));
    assert!(has(
        &req(" GET", PATH, "", TS),
        Field::Method,
        LintRule::OuterWhitespace
    ));
    assert!(has(
        &req("GET", PATH, "", &format!("{TS} ")),
        Field::Timestamp,
        LintRule::OuterWhitespace
    ));
}

#[test]
fn control_chars() {
    for (bad, pos) in [
        (format!("{SECRET}\n"), 32),
        (format!("{SECRET}\r"), 32),
        ("ab\tcd".to_string(), 2),
    ] {
        let v = lint(&creds(KEY, &bad, PASS));
        assert_eq!(
            get(&v, Field::Secret, LintRule::ControlChar).position,
            Some(pos),
            "{bad:?}"
        );
    }
    assert!(!has(&lint(&good()), Field::Secret, LintRule::ControlChar));
    assert!(has(
        &req("GET", &format!("{PATH}\n"), "", TS),
        Field::Path,
        LintRule::ControlChar
    ));
}

#[test]
fn zero_width() {
    for c in ['\u{200B}', '\u{200C}', '\u{200D}', '\u{FEFF}'] {
        let v = lint(&creds(&format!("{c}{KEY}"), SECRET, PASS));
        assert_eq!(get(&v, Field::ApiKey, LintRule::ZeroWidth).position, Some(0), "{c:?}");
    }
    assert!(!has(&lint(&good()), Field::ApiKey, LintRule::ZeroWidth));
}

#[test]
fn non_breaking_space() {
    for c in ['\u{00A0}', '\u{202F}'] {
        let v = lint(&creds(KEY, SECRET, &format!("my{c}pass")));
        assert_eq!(get(&v, Field::Passphrase, LintRule::NonBreakingSpace).position, Some(2));
    }
    assert!(!has(
        &lint(&creds(KEY, SECRET, "my pass")),
        Field::Passphrase,
        LintRule::NonBreakingSpace
    ));
}

#[test]
fn smart_quotes() {
    for c in ['\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}'] {
        let v = lint(&creds(KEY, SECRET, &format!("ab{c}cd")));
        assert_eq!(get(&v, Field::Passphrase, LintRule::SmartQuote).position, Some(2));
    }
    assert!(!has(&lint(&good()), Field::Passphrase, LintRule::SmartQuote));
}

#[test]
fn wrapped_in_quotes() {
    let v = lint(&creds(KEY, SECRET, "'secretpass'"));
    assert_eq!(
        get(&v, Field::Passphrase, LintRule::WrappedInQuotes).severity,
        Severity::Note
    );
    assert!(!has(
        &lint(&creds(KEY, SECRET, "it's")),
        Field::Passphrase,
        LintRule::WrappedInQuotes
    ));
}

#[test]
fn key_not_uuid() {
    let v = lint(&creds("985d5b66-57ce-40fb-b714-afc0b978708", SECRET, PASS)); // one short
    assert!(has(&v, Field::ApiKey, LintRule::KeyNotUuid));
    let v = lint(&creds("985d5b6657ce40fbb714afc0b9787083zz", SECRET, PASS));
    assert!(has(&v, Field::ApiKey, LintRule::KeyNotUuid));
    assert!(!has(&lint(&good()), Field::ApiKey, LintRule::KeyNotUuid));
}

#[test]
fn secret_not_hex32() {
    assert!(has(
        &lint(&creds(KEY, &SECRET[..31], PASS)),
        Field::Secret,
        LintRule::SecretNotHex32
    ));
    assert!(has(
        &lint(&creds(KEY, &format!("{}G", &SECRET[..31]), PASS)),
        Field::Secret,
        LintRule::SecretNotHex32
    ));
    assert!(!has(&lint(&good()), Field::Secret, LintRule::SecretNotHex32));
}

#[test]
fn likely_swaps() {
    // Key and secret swapped.
    let v = lint(&creds(SECRET, KEY, PASS));
    assert!(has(&v, Field::ApiKey, LintRule::LikelySwap));
    assert!(has(&v, Field::Secret, LintRule::LikelySwap));
    assert!(
        !has(&v, Field::ApiKey, LintRule::KeyNotUuid),
        "swap replaces the shape message"
    );
    assert!(!has(&v, Field::Secret, LintRule::SecretNotHex32));
    // Key and passphrase swapped.
    let v = lint(&creds(PASS, SECRET, KEY));
    assert!(has(&v, Field::ApiKey, LintRule::LikelySwap));
    assert!(has(&v, Field::Passphrase, LintRule::LikelySwap));
    // Secret and passphrase swapped.
    let v = lint(&creds(KEY, PASS, SECRET));
    assert!(has(&v, Field::Secret, LintRule::LikelySwap));
    assert!(has(&v, Field::Passphrase, LintRule::LikelySwap));
    // Nothing swapped.
    assert!(!lint(&good()).iter().any(|i| i.rule == LintRule::LikelySwap));
}

#[test]
fn shell_special_chars() {
    for (p, pos) in [("pa$$", 2), ("a`b", 1), ("a\"b", 1), ("a\\b", 1), ("hi!", 2)] {
        let v = lint(&creds(KEY, SECRET, p));
        let i = get(&v, Field::Passphrase, LintRule::ShellSpecialChars);
        assert_eq!(i.position, Some(pos), "{p}");
        assert_eq!(i.severity, Severity::Note);
        assert!(i.message.contains("export OKX_PASSPHRASE='"));
        assert!(!i.message.contains(p), "the message must not quote the passphrase");
    }
    let v = lint(&creds(KEY, SECRET, "it's"));
    assert!(get(&v, Field::Passphrase, LintRule::ShellSpecialChars)
        .message
        .contains(r"'\''"));
    assert!(!has(
        &lint(&creds(KEY, SECRET, "a-b_c.d@e#f")),
        Field::Passphrase,
        LintRule::ShellSpecialChars
    ));
}

#[test]
fn messages_never_contain_secret_or_passphrase() {
    let c = creds(SECRET, &format!(" {KEY}\u{200B}"), &format!("“{SECRET}$\n"));
    for i in lint(&c) {
        assert!(!i.message.contains(SECRET) && !i.message.contains(KEY), "{}", i.message);
    }
}

#[test]
fn method_case_and_unknown() {
    assert!(has(&req("get", PATH, "", TS), Field::Method, LintRule::MethodCase));
    assert!(has(
        &req("Post", "/api/v5/trade/order", "{}", TS),
        Field::Method,
        LintRule::MethodCase
    ));
    assert!(!has(&req("GET", PATH, "", TS), Field::Method, LintRule::MethodCase));
    assert!(has(&req("FETCH", PATH, "", TS), Field::Method, LintRule::MethodUnknown));
    assert!(!has(&req("POST", PATH, "", TS), Field::Method, LintRule::MethodUnknown));
}

#[test]
fn full_url_and_path_shape() {
    let v = req("GET", "https://www.okx.com/api/v5/account/balance?ccy=BTC", "", TS);
    assert!(has(&v, Field::Path, LintRule::FullUrl));
    assert!(has(
        &req("GET", "www.okx.com/api/v5/account/balance", "", TS),
        Field::Path,
        LintRule::FullUrl
    ));
    assert!(!has(&req("GET", PATH, "", TS), Field::Path, LintRule::FullUrl));
    assert!(has(
        &req("GET", "api/v5/account/balance", "", TS),
        Field::Path,
        LintRule::PathShape
    ));
    assert!(!has(&req("GET", PATH, "", TS), Field::Path, LintRule::PathShape));
}

#[test]
fn query_order_and_encoding_against_signed_path() {
    let sent = "/api/v5/market/tickers?instType=SPOT&uly=BTC-USD";
    let signed = "/api/v5/market/tickers?uly=BTC-USD&instType=SPOT";
    let v = lint_request("GET", sent, "", TS, Some(signed), None);
    assert!(has(&v, Field::Path, LintRule::QueryOrder));
    assert!(!has(
        &lint_request("GET", sent, "", TS, Some(sent), None),
        Field::Path,
        LintRule::QueryOrder
    ));
    let v = lint_request("GET", "/a?ccy=BTC,ETH", "", TS, Some("/a?ccy=BTC%2CETH"), None);
    assert!(has(&v, Field::Path, LintRule::QueryEncoding));
    assert!(!has(&v, Field::Path, LintRule::QueryOrder));
    // Signing a full URL while sending the path is compared on the path part.
    let v = lint_request("GET", PATH, "", TS, Some(&format!("https://www.okx.com{PATH}")), None);
    assert!(!has(&v, Field::Path, LintRule::SignedPathDiffers));
}

#[test]
fn signed_path_differs() {
    let v = lint_request("GET", PATH, "", TS, Some("/api/v5/account/balance"), None);
    assert!(has(&v, Field::Path, LintRule::SignedPathDiffers));
    let v = lint_request("GET", PATH, "", TS, Some("/api/v5/account/positions?ccy=BTC"), None);
    assert!(has(&v, Field::Path, LintRule::SignedPathDiffers));
    assert!(!has(
        &lint_request("GET", PATH, "", TS, Some(PATH), None),
        Field::Path,
        LintRule::SignedPathDiffers
    ));
}

#[test]
fn body_serialisation_against_signed_body() {
    let sent = r#"{"instId": "BTC-USDT", "side": "buy"}"#;
    let signed = r#"{"side":"buy","instId":"BTC-USDT"}"#;
    let v = lint_request("POST", "/api/v5/trade/order", sent, TS, None, Some(signed));
    assert!(has(&v, Field::Body, LintRule::BodySerialisation));
    assert!(!has(&v, Field::Body, LintRule::SignedBodyDiffers));
    let v = lint_request("POST", "/api/v5/trade/order", signed, TS, None, Some(signed));
    assert!(!has(&v, Field::Body, LintRule::BodySerialisation));
}

#[test]
fn signed_body_differs() {
    let v = lint_request(
        "POST",
        "/api/v5/trade/order",
        r#"{"a":1}"#,
        TS,
        None,
        Some(r#"{"a":2}"#),
    );
    assert!(has(&v, Field::Body, LintRule::SignedBodyDiffers));
    let v = lint_request("POST", "/api/v5/trade/order", r#"{"a":1}"#, TS, None, Some(""));
    assert!(has(&v, Field::Body, LintRule::SignedBodyDiffers));
    let v = lint_request(
        "POST",
        "/api/v5/trade/order",
        r#"{"a":1}"#,
        TS,
        None,
        Some(r#"{"a":1}"#),
    );
    assert!(!has(&v, Field::Body, LintRule::SignedBodyDiffers));
}

#[test]
fn body_on_get() {
    assert!(has(
        &req("GET", PATH, r#"{"ccy":"BTC"}"#, TS),
        Field::Body,
        LintRule::BodyOnGet
    ));
    assert!(!has(&req("GET", PATH, "", TS), Field::Body, LintRule::BodyOnGet));
}

#[test]
fn body_not_json() {
    assert!(has(
        &req("POST", "/api/v5/trade/order", "instId=BTC-USDT", TS),
        Field::Body,
        LintRule::BodyNotJson
    ));
    assert!(!has(
        &req("POST", "/api/v5/trade/order", r#"[{"a":1}]"#, TS),
        Field::Body,
        LintRule::BodyNotJson
    ));
}

#[test]
fn timestamp_format() {
    for bad in [
        "2020-12-08T09:08:57Z",
        "2020-12-08T09:08:57.715",
        "2020-12-08 09:08:57.715Z",
        "Tue, 08 Dec 2020",
    ] {
        assert!(
            has(&req("GET", PATH, "", bad), Field::Timestamp, LintRule::TimestampFormat),
            "{bad}"
        );
    }
    assert!(!has(
        &req("GET", PATH, "", TS),
        Field::Timestamp,
        LintRule::TimestampFormat
    ));
}

#[test]
fn timestamp_epoch_for_rest() {
    for bad in ["1607418537", "1607418537715", "1607418537.715"] {
        assert!(
            has(
                &req("GET", PATH, "", bad),
                Field::Timestamp,
                LintRule::TimestampEpochForRest
            ),
            "{bad}"
        );
    }
    assert!(!has(
        &req("GET", PATH, "", TS),
        Field::Timestamp,
        LintRule::TimestampEpochForRest
    ));
}

#[test]
fn timestamp_local_offset() {
    let v = req("GET", PATH, "", "2020-12-08T17:08:57.715+08:00");
    assert_eq!(
        get(&v, Field::Timestamp, LintRule::TimestampLocalOffset).position,
        Some(23)
    );
    assert!(has(
        &req("GET", PATH, "", "2020-12-08T09:08:57.715+0000"),
        Field::Timestamp,
        LintRule::TimestampLocalOffset
    ));
    assert!(!has(
        &req("GET", PATH, "", TS),
        Field::Timestamp,
        LintRule::TimestampLocalOffset
    ));
}

#[test]
fn timestamp_ws_login_wants_seconds() {
    let ws = "/users/self/verify";
    for bad in ["1538054050123", TS] {
        let v = req("GET", ws, "", bad);
        assert_eq!(
            get(&v, Field::Timestamp, LintRule::TimestampWsNotSeconds).severity,
            Severity::Problem,
            "{bad}"
        );
    }
    let v = req("GET", ws, "", "1538054050.5");
    assert_eq!(
        get(&v, Field::Timestamp, LintRule::TimestampWsNotSeconds).severity,
        Severity::Note
    );
    assert!(!has(
        &req("GET", ws, "", "1538054050"),
        Field::Timestamp,
        LintRule::TimestampWsNotSeconds
    ));
    // ...and Unix seconds are not an epoch complaint for WS.
    assert!(!has(
        &req("GET", ws, "", "1538054050"),
        Field::Timestamp,
        LintRule::TimestampEpochForRest
    ));
}

#[test]
fn has_problems_ignores_notes() {
    let v = lint(&creds(KEY, SECRET, "pa$$"));
    assert!(!v.is_empty());
    assert!(!has_problems(&v));
    assert!(has_problems(&lint(&creds(KEY, "", PASS))));
}

#[test]
fn timestamp_skew_rule() {
    use okx_doctor::core::sign::{lint_timestamp_skew, timestamp_unix_ms, LintRule};
    let lint_timestamp_skew = |ts: &str, now: f64| lint_timestamp_skew(ts, now, Lang::En);
    // 2020-12-08T09:08:57.715Z is 1607418537715 ms.
    assert_eq!(timestamp_unix_ms("2020-12-08T09:08:57.715Z"), Some(1_607_418_537_715));
    assert_eq!(timestamp_unix_ms("1607418537"), Some(1_607_418_537_000));
    assert_eq!(timestamp_unix_ms("2020-12-08T17:08:57.715+08:00"), None);
    let now = 1_607_418_537_715.0;
    // Triggers: 45 s behind and 31 s ahead.
    let i = lint_timestamp_skew("2020-12-08T09:08:12.715Z", now).expect("45 s behind");
    assert_eq!(i.rule, LintRule::TimestampSkew);
    assert!(i.message.contains("45 s behind"));
    assert!(lint_timestamp_skew("2020-12-08T09:09:28.715Z", now).is_some());
    // Does not trigger: within 30 s, or not a parseable timestamp.
    assert!(lint_timestamp_skew("2020-12-08T09:09:20.000Z", now).is_none());
    assert!(lint_timestamp_skew("not a time", now).is_none());
    // Round trip with the formatter over a range of dates.
    for ms in [0i64, 951_782_400_000, 1_709_164_800_123, 4_102_444_799_999] {
        let iso = okx_doctor::core::sign::iso_timestamp_from_unix_ms(ms);
        assert_eq!(timestamp_unix_ms(&iso), Some(ms), "{iso}");
    }
}

#[path = "common/english.rs"]
mod english;
use english::english_runs;

#[test]
fn findings_say_where_the_problem_is() {
    // A trailing space: where it is, in words and as a position.
    let v = lint(&creds(KEY, SECRET, &format!("{PASS} ")));
    let i = get(&v, Field::Passphrase, LintRule::OuterWhitespace);
    assert_eq!(i.position, Some(17));
    assert!(
        i.message.starts_with("The passphrase ends with a space (position 18)."),
        "{}",
        i.message
    );
    // A leading tab.
    let v = lint(&creds(&format!("\t{KEY}"), SECRET, PASS));
    let i = get(&v, Field::ApiKey, LintRule::OuterWhitespace);
    assert_eq!(i.position, Some(0));
    assert!(
        i.message.starts_with("The API key starts with a tab (position 1)."),
        "{}",
        i.message
    );
    // Both ends, several characters.
    let v = lint(&creds(KEY, &format!("  {SECRET}\t "), PASS));
    let i = get(&v, Field::Secret, LintRule::OuterWhitespace);
    assert!(
        i.message.starts_with(
            "The secret key starts with 2 spaces (positions 1–2) and ends with 2 spaces and tabs (positions 35–36)."
        ),
        "{}",
        i.message
    );
    // Invisible characters, shell characters and a time-zone offset say their position too.
    let v = lint(&creds(KEY, SECRET, "ab\u{200B}cd$"));
    assert!(get(&v, Field::Passphrase, LintRule::ZeroWidth)
        .message
        .contains("a zero-width space (U+200B) at position 3"));
    let shell = get(&v, Field::Passphrase, LintRule::ShellSpecialChars);
    assert_eq!(shell.position, Some(5));
    assert!(shell.message.contains("first at position 6"), "{}", shell.message);
    let v = req("GET", PATH, "", "2020-12-08T17:08:57.715+08:00");
    let i = get(&v, Field::Timestamp, LintRule::TimestampLocalOffset);
    assert_eq!(i.position, Some(23));
    assert!(i.message.contains("from position 24"), "{}", i.message);
    // A value of spaces only is reported once, from its start.
    let v = lint(&creds(KEY, SECRET, "   "));
    assert!(get(&v, Field::Passphrase, LintRule::OuterWhitespace)
        .message
        .starts_with("The passphrase starts with 3 spaces (positions 1–3)."));
}

#[test]
fn findings_in_chinese() {
    use okx_doctor::core::sign::{explain_mismatch, lint_timestamp_skew};
    let zh = Lang::Zh;
    let c = |k: &str, s: &str, p: &str| sign::lint(&creds(k, s, p), zh);
    let r = |m: &str, p: &str, b: &str, ts: &str, sp: Option<&str>, sb: Option<&str>| {
        sign::lint_request(m, p, b, ts, sp, sb, zh)
    };
    // Inputs that between them trigger every rule.
    let mut all = Vec::new();
    all.extend(c("", "", ""));
    all.extend(c(
        &format!("\t{KEY}\u{200B}"),
        &format!("{SECRET}\r"),
        "\"it's $x\u{00A0}y\u{201C}\"",
    ));
    all.extend(c(SECRET, KEY, PASS));
    all.extend(c("short", "short", KEY));
    all.extend(c("short", "short", SECRET));
    all.extend(r(
        " get",
        "https://www.okx.com/api/v5/x",
        "{}",
        "1607418537",
        None,
        None,
    ));
    all.extend(r("PATCH", "", "x", "", None, None));
    all.extend(r(
        "POST",
        "api/v5/x?b=1&a=2",
        "{bad",
        "2020-12-08T17:08:57.715+08:00",
        Some("api/v5/x?a=2&b=1"),
        Some("{}"),
    ));
    all.extend(r(
        "POST",
        "/x?a=%2C",
        "{\"a\":1}",
        "2020-12-08 09:08:57",
        Some("/x?a=,"),
        Some("{ \"a\": 1 }"),
    ));
    all.extend(r("GET", "/x?a=1", "", "2020-12-08T09:08:57.7Z", Some("/y"), Some("{}")));
    all.extend(r("GET", "/users/self/verify", "", "1538054050.5", None, None));
    all.extend(r("GET", "/users/self/verify", "", TS, None, None));
    all.extend(lint_timestamp_skew(TS, 1_607_418_537_715.0 + 60_000.0, zh));
    let rules: std::collections::HashSet<String> = all.iter().map(|i| format!("{:?}", i.rule)).collect();
    assert!(rules.len() >= 27, "{rules:?}");
    let allowed = [
        "export OKX_PASSPHRASE",
        "new Date().toISOString()",
        "GET /users/self/verify",
        "OKX API v5 只用 GET 和 POST",
    ];
    assert_eq!(
        english_runs("密钥 The secret key (is) empty.", &allowed),
        ["The secret key is empty"]
    );
    for i in &all {
        assert!(
            i.message.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{}",
            i.message
        );
        let left = english_runs(&i.message, &allowed);
        assert!(left.is_empty(), "English left in {:?}: {left:?}", i.message);
    }
    let v = c(KEY, SECRET, &format!("{PASS} "));
    assert_eq!(
        get(&v, Field::Passphrase, LintRule::OuterWhitespace).message,
        "Passphrase 结尾有 1 个空格（第 18 个字符）。欧易会把它当作值的一部分，请删掉。"
    );
    let v = c(KEY, &format!("{SECRET}\r"), PASS);
    assert!(get(&v, Field::Secret, LintRule::ControlChar)
        .message
        .starts_with("Secret Key 的第 33 个字符是回车符（CR）。"));
    assert_eq!(
        get(&c(KEY, "", PASS), Field::Secret, LintRule::Empty).message,
        "Secret Key 为空。"
    );
    assert_eq!(
        get(&r("GET", "", "", TS, None, None), Field::Path, LintRule::Empty).message,
        "请求路径为空。"
    );
    // The mismatch hints too.
    let input = SignInput {
        method: "GET".into(),
        request_path: PATH.into(),
        body: String::new(),
        timestamp: TS.into(),
        secret: SECRET.into(),
    };
    for pasted in [
        format!("{TS}get{PATH}"),
        format!("1607418537GEThttps://www.okx.com{PATH}{{}}"),
        "abc".to_string(),
        to_hex(&hmac_sha256(SECRET.as_bytes(), input.prehash().as_bytes())),
        format!(" {}", input.signature()),
    ] {
        for h in explain_mismatch(&input, &pasted, zh) {
            assert!(
                h.message.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{}",
                h.message
            );
            assert!(english_runs(&h.message, &allowed).is_empty(), "{}", h.message);
        }
    }
    assert!(english_runs(same_prehash_note(zh), &allowed).is_empty());
    assert_eq!(mask("abc", zh), "********（3 个字符）");
}
