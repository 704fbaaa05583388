//! Cross-check: the same OKX-style signatures computed independently by Python's standard
//! library (hmac, hashlib, base64). Skips (with a message) when python3 is not installed.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

use okx_doctor::core::sign::*;

const PY: &str = r#"
import base64, datetime, hashlib, hmac, sys
secret, prehash = sys.argv[1], sys.argv[2]
print(base64.b64encode(hmac.new(secret.encode(), prehash.encode(), hashlib.sha256).digest()).decode())
"#;

/// Python's signature of `prehash`, or None when python3 is missing.
pub fn python_sign(secret: &str, prehash: &str) -> Option<String> {
    let out = match Command::new("python3").args(["-c", PY, secret, prehash]).output() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("python3 not available ({e}); skipping the cross-check");
            return None;
        }
    };
    assert!(
        out.status.success(),
        "python failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8(out.stdout).unwrap().trim().to_string())
}

const SECRET: &str = "22582BD0CFF14C6DA9CF3E13A5E7B0C6";

#[test]
fn get_with_query_matches_python() {
    let i = SignInput {
        method: "GET".into(),
        request_path: "/api/v5/account/balance?ccy=BTC".into(),
        body: String::new(),
        timestamp: "2020-12-08T09:08:57.715Z".into(),
        secret: SECRET.into(),
    };
    // The pre-hash string is typed out here, not rebuilt from the same code.
    let Some(py) = python_sign(SECRET, "2020-12-08T09:08:57.715ZGET/api/v5/account/balance?ccy=BTC") else {
        return;
    };
    assert_eq!(i.signature(), py);
}

#[test]
fn post_with_json_body_matches_python() {
    let body = r#"{"instId":"BTC-USDT","tdMode":"cash","side":"buy","ordType":"limit","px":"2.15","sz":"2"}"#;
    let i = SignInput {
        method: "POST".into(),
        request_path: "/api/v5/trade/order".into(),
        body: body.into(),
        timestamp: "2023-03-01T12:00:00.001Z".into(),
        secret: SECRET.into(),
    };
    let Some(py) = python_sign(
        SECRET,
        &format!("2023-03-01T12:00:00.001ZPOST/api/v5/trade/order{body}"),
    ) else {
        return;
    };
    assert_eq!(i.signature(), py);
}

#[test]
fn ws_login_matches_python() {
    let w = ws_login("985d5b66-57ce-40fb-b714-afc0b9787083", "pass", SECRET, 1_538_054_050);
    let Some(py) = python_sign(SECRET, "1538054050GET/users/self/verify") else {
        return;
    };
    assert_eq!(w.sign, py);
}

#[test]
fn unicode_secret_and_body_match_python() {
    // Non-ASCII text is signed as UTF-8 on both sides.
    let secret = "sécret-ключ";
    let body = r#"{"clOrdId":"ordre-été"}"#;
    let prehash = format!("2024-02-29T23:59:59.999ZPOST/api/v5/trade/order{body}");
    let Some(py) = python_sign(secret, &prehash) else {
        return;
    };
    assert_eq!(sign_prehash(secret, &prehash), py);
}

#[test]
fn iso_timestamps_match_python() {
    let ms: Vec<i64> = vec![
        0,
        1,
        999,
        1_000,
        86_399_999,
        951_868_799_999,
        1_607_418_537_715,
        1_709_251_200_000,
        4_102_444_799_999,
    ];
    let args: Vec<String> = ms.iter().map(|m| m.to_string()).collect();
    let script = "import datetime,sys\nfor a in sys.argv[1:]:\n print((datetime.datetime(1970,1,1)+datetime.timedelta(milliseconds=int(a))).isoformat(timespec='milliseconds')+'Z')";
    let out = match Command::new("python3").arg("-c").arg(script).args(&args).output() {
        Ok(o) => o,
        Err(_) => return,
    };
    let text = String::from_utf8(out.stdout).unwrap();
    let py: Vec<&str> = text.lines().collect();
    assert_eq!(py.len(), ms.len());
    for (m, p) in ms.iter().zip(py) {
        assert_eq!(iso_timestamp_from_unix_ms(*m), p, "{m}");
    }
}
