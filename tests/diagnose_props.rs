//! Property tests: the engine never panics and its output is always well-formed.
#![cfg(not(target_arch = "wasm32"))]

use okx_doctor::core::diagnose::{diagnose, to_json, FindingKind};
use okx_doctor::core::secrets::{find_credentials, redact};
use proptest::prelude::*;

const SEEDS: &[&str] = &[
    r#"{"code":"50113","msg":"Invalid Sign","data":[]}"#,
    "{'msg': 'Timestamp request expired', 'code': '50102'}",
    r#"ccxt.base.errors.InsufficientFunds: okx {"code":"1","data":[{"sCode":"51008","sMsg":"Order failed. Insufficient USDT balance in account"}],"msg":"All operations failed"}"#,
    r#"{"event":"error","code":"60009","msg":"Login failed.","connId":"a4d3ae55"}"#,
    "WebSocket closed with code 4004 No data received in 30s",
    "Your IP 1.2.3.4 is not included in your API key's IP whitelist",
    "{“code”:“50111”,“msg”:“Invalid OK-ACCESS-KEY”}",
    r#"error: "{\"code\":\"50105\",\"msg\":\"x\"}""#,
    "HTTP/1.1 502 Bad Gateway <html>",
    "OkexAPIException: API Request Error(code=30013): Invalid Sign",
    "OK-ACCESS-KEY: 3f8c2d1e-7a6b-4c5d-9e8f-0a1b2c3d4e5f passphrase=abc",
];

fn check(text: &str) {
    let d = diagnose(text);
    for f in &d.findings {
        let (a, b) = f.span;
        assert!(a <= b && b <= text.len(), "span {a}..{b} out of {}", text.len());
        assert!(
            text.is_char_boundary(a) && text.is_char_boundary(b),
            "span not on char boundaries"
        );
        assert!((0.0..=1.0).contains(&f.confidence), "confidence {}", f.confidence);
        assert!(f.count >= 1);
        assert!(f.evidence.chars().count() <= 310);
        if let Some(code) = &f.code {
            if f.kind != FindingKind::MessageMatch {
                assert!(text.contains(code.as_str()), "claimed code {code} absent from {text:?}");
            }
        }
    }
    for c in &d.credentials {
        assert!(c.span.1 <= text.len() && text.is_char_boundary(c.span.0) && text.is_char_boundary(c.span.1));
    }
    let j = to_json(&d);
    let v: serde_json::Value = serde_json::from_str(&j).expect("valid json");
    assert!(v.get("findings").is_some_and(|f| f.is_array()));
    let _ = redact(text);
    let _ = find_credentials(text);
}

fn mutate(seed: &str, ops: &[(u8, usize, char)]) -> String {
    let mut chars: Vec<char> = seed.chars().collect();
    for &(op, pos, ch) in ops {
        if chars.is_empty() {
            chars.push(ch);
            continue;
        }
        let p = pos % chars.len();
        match op % 4 {
            0 => {
                chars.remove(p);
            }
            1 => chars.insert(p, ch),
            2 => chars[p] = ch,
            _ => chars.truncate(p),
        }
    }
    chars.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings(s in "\\PC*") {
        check(&s);
    }

    #[test]
    fn arbitrary_bytes(b in proptest::collection::vec(any::<u8>(), 0..600)) {
        let s = String::from_utf8_lossy(&b).into_owned();
        check(&s);
    }

    #[test]
    fn code_shaped_soup(s in "([\"'{}:, \\n]|code|sCode|msg|okx|error|close|4004|50113|1|30008|429|HTTP|é|“|\\\\){0,40}") {
        check(&s);
    }

    #[test]
    fn mutated_real_pastes(i in 0..SEEDS.len(), ops in proptest::collection::vec((any::<u8>(), any::<usize>(), any::<char>()), 0..12)) {
        check(&mutate(SEEDS[i], &ops));
    }

    /// Issue 13: a text that holds an error is never answered with "nothing found".
    #[test]
    fn an_error_is_never_nothing(pre in "\\PC{0,40}", marker in "(TypeError|Traceback \\(most recent call last\\)|ERROR|Exception|failed|fatal|报错|失败)", post in "\\PC{0,40}") {
        let text = format!("{pre} {marker}: {post}");
        let d = diagnose(&text);
        prop_assert!(!d.findings.is_empty(), "nothing found in {:?}", text);
    }
}
