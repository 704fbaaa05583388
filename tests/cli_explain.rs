//! Runs the built `okx-doctor` binary: explain and lookup, exit codes, JSON contract.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_okx-doctor");

fn run(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn explain_stdin_human() {
    let (code, out, _) = run(&["explain"], br#"{"code":"50113","msg":"Invalid Sign","data":[]}"#);
    assert_eq!(code, 0);
    assert!(out.contains("50113") && out.contains("auth_signature"), "{out}");
}

#[test]
fn explain_json_exactly_one_object() {
    let (code, out, _) = run(
        &["explain", "--json", "-"],
        b"{'msg': 'Timestamp request expired', 'code': '50102'}",
    );
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(out.trim()).expect("one JSON object");
    assert_eq!(v["findings"][0]["code"], "50102");
    assert_eq!(v["findings"][0]["category"], "timestamp");
    assert!(v["findings"][0]["confidence"].as_f64().unwrap() > 0.5);
    assert!(v["findings"][0]["causes"].is_array());
}

#[test]
fn explain_nothing_found_exits_1() {
    let (code, out, _) = run(&["explain", "--json"], b"hello world");
    assert_eq!(code, 1);
    // The contract's fields are unchanged; `unsure` was added (issue 13).
    assert_eq!(out.trim(), r#"{"findings":[],"unsure":true}"#);
}

#[test]
fn explain_unsure_offers_the_first_question() {
    // A description, not an error: a category with a modest confidence, flagged unsure.
    let (code, out, _) = run(
        &["explain", "-"],
        b"fetch_balance results in timeout, I already tried a VPN",
    );
    assert_eq!(code, 0);
    assert!(out.contains("Not sure"), "{out}");
    assert!(out.contains("read from a description"), "{out}");
    assert!(out.contains("First question"), "{out}");
    let (_, json, _) = run(
        &["explain", "--json", "-"],
        b"fetch_balance results in timeout, I already tried a VPN",
    );
    let v: serde_json::Value = serde_json::from_str(json.trim()).unwrap();
    assert_eq!(v["unsure"], true);
    assert_eq!(v["findings"][0]["category"], "network");
}

#[test]
fn explain_library_error_is_named() {
    let (code, out, _) = run(
        &["explain", "-"],
        b"  File \"ccxt/async_support/okx.py\", line 1609, in parse_market\nTypeError: unsupported operand type(s) for +: 'NoneType' and 'str'\n",
    );
    assert_eq!(code, 0);
    assert!(out.contains("TypeError") && out.contains("ccxt"), "{out}");
    assert!(out.contains("upgrade"), "{out}");
}

#[test]
fn explain_file_and_non_utf8() {
    let dir = std::env::temp_dir().join(format!("okx-doctor-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("paste.txt");
    let mut bytes = b"\xff\xfe garbage \x80 ".to_vec();
    bytes.extend_from_slice(br#"okx {"msg":"Invalid OK-ACCESS-KEY","code":"50111"}"#);
    std::fs::write(&p, &bytes).unwrap();
    let (code, out, _) = run(&["explain", p.to_str().unwrap()], b"");
    assert_eq!(code, 0);
    assert!(out.contains("50111"), "{out}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn explain_usage_errors_exit_2() {
    assert_eq!(run(&["explain", "--bogus"], b"").0, 2);
    assert_eq!(run(&["explain", "a", "b"], b"").0, 2);
    assert_eq!(run(&["explain", "/nonexistent/okx-doctor/file"], b"").0, 2);
}

#[test]
fn explain_warns_about_credentials() {
    let (_, out, _) = run(
        &["explain"],
        b"OK-ACCESS-KEY: 3f8c2d1e-7a6b-4c5d-9e8f-0a1b2c3d4e5f\n{\"code\":\"50113\"}",
    );
    assert!(out.contains("WARNING") && !out.contains("0a1b2c3d4e5f"), "{out}");
}

#[test]
fn lookup_found_unknown_usage() {
    let (code, out, _) = run(&["lookup", "50113"], b"");
    assert_eq!(code, 0);
    assert!(out.contains("Invalid signature") && out.contains("auth_signature") && out.contains("AuthenticationError"));
    assert!(out.contains("401"));
    let (code, out, _) = run(&["lookup", "5011"], b"");
    assert_eq!(code, 1);
    assert!(out.contains("Nearest") && out.contains("50110"), "{out}");
    assert_eq!(run(&["lookup"], b"").0, 2);
    assert_eq!(run(&["lookup", "1", "2"], b"").0, 2);
    assert_eq!(run(&["lookup", "--x"], b"").0, 2);
    let (code, out, _) = run(&["lookup", "51008_1001"], b"");
    assert_eq!(code, 0);
    assert!(out.contains("sub-code"), "{out}");
}

/// `okx-doctor explain log | head`: the reader goes away before the output is written. The tool
/// must end quietly (killed by SIGPIPE, as other command-line tools are), not panic.
#[cfg(unix)]
#[test]
fn a_closed_output_pipe_ends_quietly() {
    let mut child = Command::new(BIN)
        .args(["explain"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    drop(child.stdout.take()); // the reader is gone before anything is written
    let paste = br#"{"code":"50113","msg":"Invalid Sign"} {"code":"50011","msg":"Too Many Requests"}"#.repeat(50);
    child.stdin.take().unwrap().write_all(&paste).unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "stderr: {stderr}");
    use std::os::unix::process::ExitStatusExt;
    assert_eq!(out.status.signal(), Some(libc_sigpipe()), "status {:?}", out.status);
}

#[cfg(unix)]
fn libc_sigpipe() -> i32 {
    13 // SIGPIPE on Linux and macOS
}

#[test]
fn explain_in_chinese() {
    let body = br#"{"code":"50113","msg":"Invalid Sign","data":[]}"#;
    for flag in [&["explain", "--lang", "zh"][..], &["explain", "--lang=zh", "-"][..]] {
        let (code, out, _) = run(flag, body);
        assert_eq!(code, 0);
        assert!(out.contains("50113") && out.contains("auth_signature"), "{out}");
        for zh in ["auth_signature · 签名 · 置信度 0.95", "原文：", "可能的原因："] {
            assert!(out.contains(zh), "{zh}: {out}");
        }
        for en in ["confidence", "evidence:", "likely causes"] {
            assert!(!out.contains(en), "{en}: {out}");
        }
    }
    // Unsure, with the wizard's first question.
    let (code, out, _) = run(
        &["explain", "--lang", "zh"],
        "下单提示余额不足，资金账户里明明有钱".as_bytes(),
    );
    assert_eq!(code, 0);
    assert!(
        out.contains("不确定：") && out.contains("排查向导的第一个问题：") && out.contains("/zh/wizard/"),
        "{out}"
    );
    assert!(!out.contains("Not sure:") && !out.contains("First question"), "{out}");
    // The engine's title and note in Chinese.
    assert!(
        out.contains("1. 余额不足：根据问题描述推断，不是来自报错信息") && out.contains("说明：粘贴内容里没有报错信息"),
        "{out}"
    );
    assert!(
        !out.contains("read from a description") && !out.contains("no error message in the paste"),
        "{out}"
    );
    // The codes its words point to.
    assert!(
        out.contains("以下错误码与其中的词语相符") && out.contains("51008"),
        "{out}"
    );
    // Nothing found, facts and a credential warning.
    let (code, out, _) = run(&["explain", "--lang", "zh"], b"hello world");
    assert_eq!(code, 1);
    assert!(out.starts_with("这段文字里没有发现错误。\n"), "{out}");
    let (_, out, _) = run(
        &["explain", "--lang", "zh"],
        b"ccxt 4.4.12 POST https://www.okx.com/api/v5/trade/order\nOK-ACCESS-KEY: 3f8c2d1e-7a6b-4c5d-9e8f-0a1b2c3d4e5f\n{\"code\":\"50113\"}",
    );
    assert!(
        out.contains("从粘贴内容看出：") && out.contains("警告：") && !out.contains("0a1b2c3d4e5f"),
        "{out}"
    );
    assert!(!out.contains("WARNING") && !out.contains("From the paste"), "{out}");
    assert!(out.contains("OK-ACCESS 请求头的值 3f8c…（36 个字符）"), "{out}");
}

#[test]
fn explain_recognises_an_official_chinese_message() {
    let (code, out, _) = run(&["explain", "--json"], "请求时间戳过期".as_bytes());
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["findings"][0]["code"], "50102");
    assert_eq!(v["findings"][0]["category"], "timestamp");
    assert_eq!(v["unsure"], false);
}

#[test]
fn explain_json_is_the_same_in_both_languages_and_bad_languages_are_usage_errors() {
    let body = b"{'msg': 'Timestamp request expired', 'code': '50102'}";
    let en = run(&["explain", "--json"], body).1;
    let zh = run(&["explain", "--json", "--lang", "zh"], body).1;
    assert_eq!(en, zh);
    assert_eq!(run(&["explain", "--lang", "en"], body).1, run(&["explain"], body).1);
    assert_eq!(run(&["explain", "--lang", "fr"], b"").0, 2);
    assert_eq!(run(&["explain", "--lang"], b"").0, 2);
    assert_eq!(run(&["lookup", "--lang", "de", "50113"], b"").0, 2);
}

#[test]
fn lookup_in_chinese() {
    let (code, out, _) = run(&["lookup", "--lang", "zh", "50113"], b"");
    assert_eq!(code, 0);
    for zh in [
        "错误码：50113",
        "HTTP 状态码：401",
        "中文消息：无效的签名",
        "英文消息：Invalid signature",
        "可能的原因：",
    ] {
        assert!(out.contains(zh), "{zh}: {out}");
    }
    assert!(!out.contains("code:") && !out.contains("likely causes"), "{out}");
    let (code, out, _) = run(&["lookup", "51008_1001", "--lang=zh"], b"");
    assert_eq!(code, 0);
    assert!(out.contains("子错误码：1001（属于 51008）"), "{out}");
    assert!(out.contains("问题类别：insufficient_balance（余额不足）"), "{out}");
    let (code, out, _) = run(&["lookup", "--lang", "zh", "5011"], b"");
    assert_eq!(code, 1);
    assert!(
        out.contains("不在欧易 API v5 错误码目录中") && out.contains("最接近的错误码："),
        "{out}"
    );
}

#[test]
fn lookup_names_outcomes_codes() {
    for c in ["100001", "10002", "654321"] {
        let (code, out, _) = run(&["lookup", c], b"");
        assert_eq!(code, 1, "{c}");
        assert!(out.contains("OKX Outcomes") && !out.contains("Nearest"), "{c}: {out}");
        let (_, out, _) = run(&["lookup", "--lang", "zh", c], b"");
        assert!(out.contains("预测市场") && !out.contains("最接近"), "{c}: {out}");
    }
}

#[test]
fn help_in_both_languages() {
    let (code, out, _) = run(&["help"], b"");
    assert_eq!(code, 0);
    assert!(
        out.starts_with("okx-doctor: find the cause") && out.contains("--lang en|zh"),
        "{out}"
    );
    let (code, out, _) = run(&["help", "--lang", "zh"], b"");
    assert_eq!(code, 0);
    assert!(
        out.contains("用法：") && out.contains("欧易（OKX）") && !out.contains("USAGE"),
        "{out}"
    );
}
