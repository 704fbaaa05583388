//! Runs the `okx-doctor sign` binary and checks its output against the library and Python.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

use okx_doctor::core::sign::{sign_prehash, SignInput};

const KEY: &str = "985d5b66-57ce-40fb-b714-afc0b9787083";
const SECRET: &str = "22582BD0CFF14C6DA9CF3E13A5E7B0C6";
const PASS: &str = "Correct-Horse-7";
const TS: &str = "2020-12-08T09:08:57.715Z";
const PATH: &str = "/api/v5/account/balance?ccy=BTC";

fn cmd() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_okx-doctor"));
    c.arg("sign")
        .env_remove("OKX_API_KEY")
        .env_remove("OKX_SECRET_KEY")
        .env_remove("OKX_PASSPHRASE");
    c
}

fn with_env(args: &[&str]) -> Output {
    cmd()
        .args(args)
        .env("OKX_API_KEY", KEY)
        .env("OKX_SECRET_KEY", SECRET)
        .env("OKX_PASSPHRASE", PASS)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn line_value(out: &str, label: &str) -> String {
    out.lines()
        .find_map(|l| l.strip_prefix(label))
        .unwrap_or_else(|| panic!("no `{label}` in\n{out}"))
        .trim()
        .to_string()
}

fn python_sign(secret: &str, prehash: &str) -> Option<String> {
    let py = "import base64,hashlib,hmac,sys\nprint(base64.b64encode(hmac.new(sys.argv[1].encode(), sys.argv[2].encode(), hashlib.sha256).digest()).decode())";
    let out = Command::new("python3")
        .args(["-c", py, secret, prehash])
        .output()
        .ok()?;
    assert!(out.status.success());
    Some(String::from_utf8(out.stdout).unwrap().trim().to_string())
}

fn no_secrets(o: &Output) {
    for s in [stdout(o), stderr(o)] {
        assert!(!s.contains(SECRET), "secret leaked:\n{s}");
        assert!(!s.contains(PASS), "passphrase leaked:\n{s}");
    }
}

#[test]
fn rest_signature_matches_library_and_python() {
    let o = with_env(&["--path", PATH, "--timestamp", TS]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let out = stdout(&o);
    let lib = SignInput {
        method: "GET".into(),
        request_path: PATH.into(),
        body: String::new(),
        timestamp: TS.into(),
        secret: SECRET.into(),
    };
    assert_eq!(line_value(&out, "Pre-hash:"), lib.prehash());
    let sig = line_value(&out, "Signature:");
    assert_eq!(sig, lib.signature());
    if let Some(py) = python_sign(SECRET, &format!("{TS}GET{PATH}")) {
        assert_eq!(sig, py);
    }
    assert!(out.contains(&format!("OK-ACCESS-KEY: {KEY}")));
    assert!(out.contains(&format!("OK-ACCESS-SIGN: {sig}")));
    assert!(out.contains(&format!("OK-ACCESS-TIMESTAMP: {TS}")));
    assert!(out.contains("OK-ACCESS-PASSPHRASE: ********"));
    assert!(!out.contains("x-simulated-trading"));
    assert!(out.contains("no problems found"));
    no_secrets(&o);
}

#[test]
fn post_body_json_output_and_demo() {
    let body = r#"{"instId":"BTC-USDT","side":"buy"}"#;
    let o = with_env(&[
        "--method",
        "POST",
        "--path",
        "/api/v5/trade/order",
        "--body",
        body,
        "--timestamp",
        TS,
        "--demo",
        "--json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let prehash = format!("{TS}POST/api/v5/trade/order{body}");
    assert_eq!(v["prehash"], prehash.as_str());
    assert_eq!(v["signature"], sign_prehash(SECRET, &prehash).as_str());
    if let Some(py) = python_sign(SECRET, &prehash) {
        assert_eq!(v["signature"], py.as_str());
    }
    let headers = v["headers"].as_array().unwrap();
    assert_eq!(headers.last().unwrap()["name"], "x-simulated-trading");
    assert_eq!(v["problems"], false);
    no_secrets(&o);
}

#[test]
fn ws_login_signature() {
    let o = with_env(&["--ws-login", "--unix-secs", "1538054050"]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let out = stdout(&o);
    assert_eq!(line_value(&out, "Pre-hash:"), "1538054050GET/users/self/verify");
    let sig = line_value(&out, "Signature:");
    assert_eq!(sig, sign_prehash(SECRET, "1538054050GET/users/self/verify"));
    if let Some(py) = python_sign(SECRET, "1538054050GET/users/self/verify") {
        assert_eq!(sig, py);
    }
    assert!(out.contains(r#""op":"login""#));
    no_secrets(&o);
}

#[test]
fn timestamp_now_is_iso_millis() {
    let o = with_env(&["--path", PATH, "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let ts = v["timestamp"].as_str().unwrap();
    assert_eq!(
        okx_doctor::core::sign::timestamp_shape(ts),
        okx_doctor::core::sign::TimestampShape::IsoUtcMillis,
        "{ts}"
    );
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn credentials_from_stdin() {
    let mut child = cmd()
        .args(["--stdin", "--path", PATH, "--timestamp", TS])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    write!(
        child.stdin.take().unwrap(),
        "# my key\nOKX_API_KEY={KEY}\nOKX_SECRET_KEY={SECRET}\nOKX_PASSPHRASE={PASS}\n"
    )
    .unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert_eq!(
        line_value(&stdout(&o), "Signature:"),
        sign_prehash(SECRET, &format!("{TS}GET{PATH}"))
    );
    no_secrets(&o);
}

#[test]
fn stdin_keeps_carriage_return_for_the_lint() {
    let mut child = cmd()
        .args(["--stdin", "--path", PATH, "--timestamp", TS])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    write!(
        child.stdin.take().unwrap(),
        "api_key={KEY}\r\nsecret={SECRET}\r\npassphrase={PASS}\r\n"
    )
    .unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("carriage return"), "{}", stdout(&o));
}

#[test]
fn secrets_on_the_command_line_are_refused() {
    for args in [
        vec!["--secret", "abc"],
        vec!["--passphrase=abc"],
        vec!["--api-key", "abc"],
        vec!["--SECRET-KEY", "x"],
    ] {
        let o = cmd().args(&args).args(["--path", PATH]).output().unwrap();
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains("history"), "{}", stderr(&o));
        assert!(stdout(&o).is_empty());
    }
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(with_env(&[]).status.code(), Some(2), "missing --path");
    assert_eq!(with_env(&["--path"]).status.code(), Some(2), "missing value");
    assert_eq!(with_env(&["--path", PATH, "--bogus"]).status.code(), Some(2));
    assert_eq!(with_env(&["--ws-login", "--path", PATH]).status.code(), Some(2));
    assert_eq!(with_env(&["--ws-login", "--unix-secs", "soon"]).status.code(), Some(2));
    assert_eq!(with_env(&["--help"]).status.code(), Some(0));
}

#[test]
fn lint_problems_exit_1() {
    let o = with_env(&[
        "--method",
        "get",
        "--path",
        "https://www.okx.com/api/v5/account/balance",
        "--timestamp",
        "1607418537715",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("[problem] method"), "{out}");
    assert!(out.contains("[problem] request path"), "{out}");
    assert!(out.contains("[problem] timestamp"), "{out}");
    // Missing credentials are a lint problem, not a crash.
    let o = cmd().args(["--path", PATH, "--timestamp", TS]).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("secret key is empty"));
}

#[test]
fn compare_match_and_mismatch() {
    let sig = sign_prehash(SECRET, &format!("{TS}GET{PATH}"));
    let o = with_env(&["--path", PATH, "--timestamp", TS, "--compare", &sig]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("matches ours"));

    let o = with_env(&[
        "--path",
        PATH,
        "--timestamp",
        TS,
        "--compare",
        &format!("{TS}GET{PATH}"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("pre-hashes are identical"), "{}", stdout(&o));

    let hex = "ab".repeat(32);
    let o = with_env(&["--path", PATH, "--timestamp", TS, "--compare", &hex]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("hex"), "{}", stdout(&o));

    let theirs = format!("{TS}GEThttps://www.okx.com{PATH}");
    let o = with_env(&["--path", PATH, "--timestamp", TS, "--compare", &theirs, "--json"]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["compare"]["kind"], "prehash");
    assert_eq!(v["compare"]["diff"]["index"], 27);
    assert_eq!(v["compare"]["hints"][0]["kind"], "full_url");
}

#[test]
fn chinese_output_with_lang_zh() {
    let o = with_env(&["--path", PATH, "--timestamp", TS, "--lang", "zh"]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let out = stdout(&o);
    let sig = sign_prehash(SECRET, &format!("{TS}GET{PATH}"));
    assert_eq!(line_value(&out, "时间戳："), TS);
    assert_eq!(line_value(&out, "待签名字符串："), format!("{TS}GET{PATH}"));
    assert_eq!(line_value(&out, "签名："), sig);
    for want in [
        "请求头（Passphrase 已隐藏）：",
        "OK-ACCESS-PASSPHRASE: ********（15 个字符）",
        "检查：没有发现问题。",
    ] {
        assert!(out.contains(want), "missing {want:?} in\n{out}");
    }
    assert!(!out.contains("Signature") && !out.contains("no problems"), "{out}");

    // Findings and comparisons in Chinese; the exit codes do not change.
    let o = cmd()
        .args([
            "--path",
            PATH,
            "--timestamp",
            TS,
            "--lang=zh",
            "--compare",
            &format!("{TS}get{PATH}"),
        ])
        .env("OKX_API_KEY", KEY)
        .env("OKX_SECRET_KEY", SECRET)
        .env("OKX_PASSPHRASE", format!("{PASS} "))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    for want in [
        "[问题] Passphrase：Passphrase 结尾有 1 个空格（第 16 个字符）。",
        "比对：你的待签名字符串和我们算的不一样。",
        "第一处不同在第 25 个字符：我们的是 'G'，你的是 'g'",
        "你的待签名字符串里请求方法不是大写。",
    ] {
        assert!(out.contains(want), "missing {want:?} in\n{out}");
    }

    // JSON keeps its keys; the messages are Chinese.
    let o = with_env(&["--path", "api/v5/x", "--timestamp", TS, "--lang", "zh", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["lint"][0]["rule"], "path_shape");
    assert_eq!(
        v["lint"][0]["message"],
        "请求路径不是以 `/` 开头。它应该像 `/api/v5/account/balance` 这样。"
    );

    // Usage in Chinese; a language we do not have is a usage error.
    let o = with_env(&["--lang", "zh", "--help"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stdout(&o).starts_with("okx-doctor sign：在本地计算 OKX API v5 签名"),
        "{}",
        stdout(&o)
    );
    let o = with_env(&["--path", PATH, "--bogus", "--lang", "zh"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("未知参数 `--bogus`"), "{}", stderr(&o));
    let o = with_env(&["--lang", "zh", "--secret", "x"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("有意拒绝"), "{}", stderr(&o));
    assert_eq!(with_env(&["--path", PATH, "--lang", "fr"]).status.code(), Some(2));
    assert_eq!(with_env(&["--path", PATH, "--lang"]).status.code(), Some(2));
}
