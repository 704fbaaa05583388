//! Native tests of the signing core: HMAC test vectors, timestamps, headers, WS login, diff and
//! mismatch hints.
#![cfg(not(target_arch = "wasm32"))]

use okx_doctor::core::lang::Lang;
use okx_doctor::core::sign::{self as sign, *};

/// The mismatch hints in English.
fn explain_mismatch(ours: &SignInput, pasted: &str) -> Vec<MismatchHint> {
    sign::explain_mismatch(ours, pasted, Lang::En)
}

fn mask(v: &str) -> String {
    sign::mask(v, Lang::En)
}

fn hex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

// RFC 4231, HMAC-SHA256 outputs, test cases 1-4, 6 and 7 (case 5 is a truncated output).
#[test]
fn rfc4231_case1() {
    let out = hmac_sha256(&[0x0b; 20], b"Hi There");
    assert_eq!(
        to_hex(&out),
        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
    );
}

#[test]
fn rfc4231_case2() {
    let out = hmac_sha256(b"Jefe", b"what do ya want for nothing?");
    assert_eq!(
        to_hex(&out),
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
    );
}

#[test]
fn rfc4231_case3() {
    let out = hmac_sha256(&[0xaa; 20], &[0xdd; 50]);
    assert_eq!(
        to_hex(&out),
        "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"
    );
}

#[test]
fn rfc4231_case4() {
    let key = hex("0102030405060708090a0b0c0d0e0f10111213141516171819");
    let out = hmac_sha256(&key, &[0xcd; 50]);
    assert_eq!(
        to_hex(&out),
        "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"
    );
}

#[test]
fn rfc4231_case6() {
    let out = hmac_sha256(&[0xaa; 131], b"Test Using Larger Than Block-Size Key - Hash Key First");
    assert_eq!(
        to_hex(&out),
        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
    );
}

#[test]
fn rfc4231_case7() {
    let data = b"This is a test using a larger than block-size key and a larger than block-size data. \
The key needs to be hashed before being used by the HMAC algorithm.";
    let out = hmac_sha256(&[0xaa; 131], data);
    assert_eq!(
        to_hex(&out),
        "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"
    );
}

#[test]
fn sign_prehash_is_base64_of_the_same_hmac() {
    // Case 2 through the string API: Base64 of the hex above.
    let b64 = sign_prehash("Jefe", "what do ya want for nothing?");
    assert_eq!(b64, "W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=");
    assert_eq!(b64.len(), 44);
}

#[test]
fn iso_timestamps_known_dates() {
    for (ms, want) in [
        (0, "1970-01-01T00:00:00.000Z"),
        (1_607_418_537_715, "2020-12-08T09:08:57.715Z"),
        (951_782_400_000, "2000-02-29T00:00:00.000Z"),
        (1_709_251_199_999, "2024-02-29T23:59:59.999Z"),
        (-1, "1969-12-31T23:59:59.999Z"),
        (4_102_444_800_000, "2100-01-01T00:00:00.000Z"),
        (253_402_300_799_999, "9999-12-31T23:59:59.999Z"),
        (-62_135_596_800_000, "0001-01-01T00:00:00.000Z"),
    ] {
        assert_eq!(iso_timestamp_from_unix_ms(ms), want, "{ms}");
        assert_eq!(timestamp_shape(want), TimestampShape::IsoUtcMillis);
    }
}

fn next_day((y, m, d): (i64, u32, u32)) -> (i64, u32, u32) {
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let len = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if d < len {
        (y, m, d + 1)
    } else if m < 12 {
        (y, m + 1, 1)
    } else {
        (y + 1, 1, 1)
    }
}

#[test]
fn iso_timestamps_walk_days_without_gaps() {
    // Every day from 1900 to about 2200 follows the previous one by the Gregorian rules.
    let mut prev = civil_from_days(-25_567);
    assert_eq!(prev, (1900, 1, 1));
    for d in -25_566..84_000 {
        let cur = civil_from_days(d);
        assert_eq!(cur, next_day(prev), "day {d}");
        prev = cur;
    }
}

#[test]
fn timestamp_shapes() {
    use TimestampShape::*;
    assert_eq!(timestamp_shape("2020-12-08T09:08:57.715Z"), IsoUtcMillis);
    assert_eq!(timestamp_shape("2020-12-08T09:08:57Z"), IsoUtcOtherPrecision);
    assert_eq!(timestamp_shape("2020-12-08T09:08:57.715123Z"), IsoUtcOtherPrecision);
    assert_eq!(timestamp_shape("2020-12-08T17:08:57.715+08:00"), IsoWithOffset);
    assert_eq!(timestamp_shape("2020-12-08T09:08:57.715"), IsoNoZone);
    assert_eq!(timestamp_shape("1538054050"), UnixSeconds);
    assert_eq!(timestamp_shape("1538054050.123"), UnixSecondsFraction);
    assert_eq!(timestamp_shape("1538054050123"), UnixMillis);
    assert_eq!(timestamp_shape(""), Empty);
    assert_eq!(timestamp_shape("yesterday"), Other);
}

fn balance() -> SignInput {
    SignInput {
        method: "GET".into(),
        request_path: "/api/v5/account/balance?ccy=BTC".into(),
        body: String::new(),
        timestamp: "2020-12-08T09:08:57.715Z".into(),
        secret: "22582BD0CFF14C6DA9CF3E13A5E7B0C6".into(),
    }
}

#[test]
fn prehash_concatenates_and_upper_cases_method() {
    let mut i = balance();
    assert_eq!(
        i.prehash(),
        "2020-12-08T09:08:57.715ZGET/api/v5/account/balance?ccy=BTC"
    );
    let sig = i.signature();
    i.method = "get".into();
    assert_eq!(i.signature(), sig, "method case is normalised in the pre-hash");
    assert_eq!(sig, sign_prehash(&i.secret, &i.prehash()));
}

#[test]
fn debug_output_hides_secret() {
    let d = format!("{:?}", balance());
    assert!(!d.contains("22582BD0"), "{d}");
    let c = Credentials {
        api_key: "k".into(),
        secret: "SECRETVALUE".into(),
        passphrase: "PASSVALUE".into(),
    };
    let d = format!("{c:?}");
    assert!(!d.contains("SECRETVALUE") && !d.contains("PASSVALUE"), "{d}");
}

#[test]
fn headers_in_order_and_demo_flag() {
    let h = rest_headers("key", "pass", "sig", "ts", false);
    let names: Vec<&str> = h.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "OK-ACCESS-KEY",
            "OK-ACCESS-SIGN",
            "OK-ACCESS-TIMESTAMP",
            "OK-ACCESS-PASSPHRASE"
        ]
    );
    assert_eq!(h[3].1, "pass");
    let h = rest_headers("key", "pass", "sig", "ts", true);
    assert_eq!(h.last().unwrap(), &("x-simulated-trading".to_string(), "1".to_string()));
}

#[test]
fn mask_shows_length_only() {
    assert_eq!(mask(""), "(empty)");
    assert!(!mask("hunter2").contains("hunter2"));
    assert!(mask("hunter2").contains('7'));
}

#[test]
fn ws_login_message() {
    let w = ws_login("my-key", "my \"pass\"", "SECRET", 1_538_054_050);
    assert_eq!(w.prehash, "1538054050GET/users/self/verify");
    assert_eq!(w.sign, sign_prehash("SECRET", &w.prehash));
    assert!(
        w.login_json.starts_with(r#"{"op":"login","args":[{"apiKey":"my-key","#),
        "{}",
        w.login_json
    );
    let v: serde_json::Value = serde_json::from_str(&w.login_json).unwrap();
    assert_eq!(v["args"][0]["passphrase"], "my \"pass\"");
    assert_eq!(v["args"][0]["timestamp"], "1538054050");
    assert_eq!(v["args"][0]["sign"], w.sign.as_str());
}

#[test]
fn first_difference_reports_char_index_and_context() {
    assert_eq!(first_difference("abc", "abc"), None);
    let d = first_difference("abcdef", "abXdef").unwrap();
    assert_eq!((d.index, d.a_char, d.b_char), (2, Some('c'), Some('X')));
    assert_eq!(d.context_a, "abcdef");
    // Character indices, not bytes.
    let d = first_difference("é€x", "é€y").unwrap();
    assert_eq!(d.index, 2);
    // One is a prefix of the other.
    let d = first_difference("abc", "abcd").unwrap();
    assert_eq!((d.index, d.a_char, d.b_char), (3, None, Some('d')));
    // Long strings get a window.
    let a = "x".repeat(100) + "A" + &"y".repeat(100);
    let b = "x".repeat(100) + "B" + &"y".repeat(100);
    let d = first_difference(&a, &b).unwrap();
    assert_eq!(d.index, 100);
    assert_eq!(d.context_start, 100 - DIFF_CONTEXT);
    assert_eq!(d.context_a.chars().count(), 2 * DIFF_CONTEXT + 1);
    let (before, at, after) = split_at_char(&a, d.index);
    assert_eq!((before.len(), at, after.len()), (100, Some('A'), 100));
}

fn kinds(h: &[MismatchHint]) -> Vec<MismatchKind> {
    h.iter().map(|h| h.kind).collect()
}

#[test]
fn explain_equal_is_empty() {
    let i = balance();
    assert!(explain_mismatch(&i, &i.prehash()).is_empty());
    assert!(explain_mismatch(&i, &i.signature()).is_empty());
}

#[test]
fn explain_timestamp_and_method_case() {
    let i = balance();
    let theirs = "2020-12-08T17:08:57.715+08:00get/api/v5/account/balance?ccy=BTC";
    let k = kinds(&explain_mismatch(&i, theirs));
    assert_eq!(k, [MismatchKind::Timestamp, MismatchKind::MethodCase]);
}

#[test]
fn explain_full_url() {
    let i = balance();
    let theirs = "2020-12-08T09:08:57.715ZGEThttps://www.okx.com/api/v5/account/balance?ccy=BTC";
    assert_eq!(kinds(&explain_mismatch(&i, theirs)), [MismatchKind::FullUrl]);
}

#[test]
fn explain_query_order_and_encoding() {
    let mut i = balance();
    i.request_path = "/api/v5/market/tickers?instType=SPOT&uly=BTC-USD".into();
    let theirs = "2020-12-08T09:08:57.715ZGET/api/v5/market/tickers?uly=BTC-USD&instType=SPOT";
    assert_eq!(kinds(&explain_mismatch(&i, theirs)), [MismatchKind::QueryOrder]);
    i.request_path = "/api/v5/account/balance?ccy=BTC,ETH".into();
    let theirs = "2020-12-08T09:08:57.715ZGET/api/v5/account/balance?ccy=BTC%2CETH";
    assert_eq!(kinds(&explain_mismatch(&i, theirs)), [MismatchKind::QueryEncoding]);
    let theirs = "2020-12-08T09:08:57.715ZGET/api/v5/account/balance";
    assert_eq!(kinds(&explain_mismatch(&i, theirs)), [MismatchKind::QueryMissing]);
}

#[test]
fn explain_body_serialisation() {
    let mut i = balance();
    i.method = "POST".into();
    i.request_path = "/api/v5/trade/order".into();
    i.body = r#"{"instId":"BTC-USDT","side":"buy"}"#.into();
    let theirs = r#"2020-12-08T09:08:57.715ZPOST/api/v5/trade/order{"side": "buy", "instId": "BTC-USDT"}"#;
    assert_eq!(kinds(&explain_mismatch(&i, theirs)), [MismatchKind::BodySerialisation]);
    let theirs = r#"2020-12-08T09:08:57.715ZPOST/api/v5/trade/order{"side":"sell","instId":"BTC-USDT"}"#;
    assert_eq!(kinds(&explain_mismatch(&i, theirs)), [MismatchKind::Body]);
    let theirs = "2020-12-08T09:08:57.715ZPOST/api/v5/trade/order";
    assert_eq!(kinds(&explain_mismatch(&i, theirs)), [MismatchKind::BodyPresence]);
}

#[test]
fn explain_signature_shapes() {
    let i = balance();
    let digest = hmac_sha256(i.secret.as_bytes(), i.prehash().as_bytes());
    assert_eq!(
        kinds(&explain_mismatch(&i, &to_hex(&digest))),
        [MismatchKind::HexDigest]
    );
    let url = i.signature().replace('+', "-").replace('/', "_");
    if url != i.signature() {
        assert_eq!(kinds(&explain_mismatch(&i, &url)), [MismatchKind::Base64Url]);
    }
    assert_eq!(kinds(&explain_mismatch(&i, "abc")), [MismatchKind::SignatureLength]);
    let other = sign_prehash("other", &i.prehash());
    assert_eq!(kinds(&explain_mismatch(&i, &other)), [MismatchKind::Unknown]);
    let padded = format!("{}\n", i.signature());
    assert_eq!(kinds(&explain_mismatch(&i, &padded)), [MismatchKind::Whitespace]);
}

#[test]
fn explain_same_prehash_points_at_secret() {
    let i = balance();
    // Same pre-hash pasted: nothing to explain.
    assert!(explain_mismatch(&i, &i.prehash()).is_empty());
    // The helper used when the user pastes their pre-hash and their signature differs is the
    // signature path; a different secret gives Unknown there, covered above.
    assert_eq!(pasted_kind(&i.prehash()), PastedKind::Prehash);
    assert_eq!(pasted_kind(&i.signature()), PastedKind::Signature);
}

#[test]
fn split_prehash_parts() {
    let p = split_prehash(r#"1538054050GET/users/self/verify"#).unwrap();
    assert_eq!(
        (
            p.timestamp.as_str(),
            p.method.as_str(),
            p.target.as_str(),
            p.body.as_str()
        ),
        ("1538054050", "GET", "/users/self/verify", "")
    );
    let p = split_prehash(r#"2020-12-08T09:08:57.715Zpost/api/v5/trade/order{"a":1}"#).unwrap();
    assert_eq!(
        (p.method.as_str(), p.target.as_str(), p.body.as_str()),
        ("post", "/api/v5/trade/order", r#"{"a":1}"#)
    );
    assert!(split_prehash("nothing here").is_none());
}
