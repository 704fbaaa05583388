//! `okx-doctor-data`, run as a binary on the small fixtures in `tests/fixtures/refresh/`: saved
//! copies of an English and a Chinese docs page and of ccxt's okx.py, applied to a cut-down copy
//! of `data/` (10 entries).
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

const FIXTURES: &str = "tests/fixtures/refresh";

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_okx-doctor-data"))
}

/// A fresh copy of the fixture data directory.
fn data_copy(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("okx-doctor-data-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for f in std::fs::read_dir(Path::new(FIXTURES).join("data")).unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, dir.join(f.file_name().unwrap())).unwrap();
    }
    dir
}

fn refresh(dir: &Path, extra: &[&str]) -> (bool, String, String) {
    let fixture = |f: &str| format!("{FIXTURES}/{f}");
    let mut args: Vec<String> = ["refresh", "--date", "2026-12-01", "--data"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    args.push(dir.to_string_lossy().into_owned());
    for (flag, file) in [("--en", "docs-en.html"), ("--zh", "docs-zh.html"), ("--ccxt", "okx.py")] {
        args.push(flag.into());
        args.push(fixture(file));
    }
    args.extend(["--ccxt-version".to_string(), "4.6.0".to_string()]);
    args.extend(extra.iter().map(|s| s.to_string()));
    let out = bin().args(&args).output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn json(dir: &Path, file: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(dir.join(file)).unwrap()).unwrap()
}

fn entry(dir: &Path, code: &str) -> Value {
    json(dir, "okx-v5-error-codes.json")
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["code"] == code)
        .cloned()
        .unwrap_or_else(|| panic!("{code} missing"))
}

#[test]
fn refresh_reports_and_writes_what_was_added_changed_and_removed() {
    let dir = data_copy("full");
    let (ok, out, err) = refresh(&dir, &[]);
    assert!(ok, "{err}");
    for line in [
        "okx-v5-error-codes.json: added   51999 \"Order sz can't be 0 & must be a multiple of lotSz\" (English docs)",
        "okx-v5-error-codes.json: changed 50113 msg: \"Invalid signature.\" -> \"Invalid signature. Check the OK-ACCESS-SIGN header.\"",
        "okx-v5-error-codes.json: removed 51000 (not in the English docs of 2026-12-01; doc_status removed)",
        "okx-v5-error-messages-zh.json: changed 50113 msg_zh: \"无效的签名\" -> \"无效的签名，请检查 OK-ACCESS-SIGN 请求头\"",
        "okx-v5-error-codes.json: added   59998 (Chinese docs only: \"仅在中文文档中出现的错误\"; write its English msg by hand)",
        "ccxt-okx-exceptions.json: added   exact \"60099\": AuthenticationError",
        "ccxt-okx-exceptions.json: removed exact \"60001\": AuthenticationError",
        "okx-v5-error-codes.json: added   60099 (ccxt only: AuthenticationError)",
        "9 added, 4 changed, 3 removed",
    ] {
        assert!(out.contains(line), "missing line {line:?} in:\n{out}");
    }
    // The English row wins for a new code; the HTML is normalised (entities, <code>, <br>, backticks).
    let new = entry(&dir, "51999");
    assert_eq!(new["doc_status"], "current");
    assert_eq!(new["section"], "Public");
    assert_eq!(new["subsection"], "Trade Class");
    assert_eq!(new["docs_anchor"], "error-code-rest-api-public");
    assert_eq!(new["last_seen"], "2026-12-01");
    assert_eq!(new["last_seen_in"], "okxdocs-en-2026-12-01");
    assert_eq!(new["ccxt_exception"], "InvalidOrder");
    // Two rows of one code: the second is an alternative row with its HTTP status.
    let rl = entry(&dir, "50011");
    assert_eq!(rl["alt_rows"][0]["http_status"], 429);
    assert_eq!(rl["http_statuses"], serde_json::json!([200, 429]));
    assert!(rl["sources"].as_array().unwrap().contains(&"ccxt-4.6.0".into()));
    assert!(!rl["sources"].as_array().unwrap().contains(&"ccxt-4.5.90".into()));
    // Close frames and WebSocket codes keep their kind and section.
    assert_eq!(entry(&dir, "4001")["last_seen_in"], "okxdocs-en-2026-12-01");
    // A code only in the Chinese tables: its own status, no English text yet.
    let zh_only = entry(&dir, "59998");
    assert_eq!(zh_only["doc_status"], "zh_docs_only");
    assert_eq!(zh_only["section"], "Account");
    assert_eq!(zh_only["msg"], "");
    // 59320 is still only in the Chinese docs: seen there on the new date.
    assert_eq!(entry(&dir, "59320")["last_seen_in"], "okxdocs-zh-2026-12-01");
    assert_eq!(entry(&dir, "51000")["doc_status"], "removed");
    assert!(entry(&dir, "60001").get("ccxt_exception").is_none());
    // A base code listed only through its sub-codes is not removed.
    assert_eq!(entry(&dir, "51008")["doc_status"], "current");
    // The Chinese file is rebuilt from the page, in table order, with its date.
    let zh = json(&dir, "okx-v5-error-messages-zh.json");
    assert_eq!(zh["meta"]["source_date"], "2026-12-01");
    assert_eq!(zh["rows"].as_array().unwrap().len(), 11);
    assert_eq!(zh["rows"][3]["msg_zh"], "请求频率太高");
    assert_eq!(zh["rows"][10]["subsection_zh"], "关闭帧");
    // Sources and the data's date.
    let sources = json(&dir, "sources.json");
    assert_eq!(sources["data_date"], "2026-12-01");
    let ids: Vec<&str> = sources["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    for id in ["okxdocs-en-2026-12-01", "okxdocs-zh-2026-12-01", "ccxt-4.6.0"] {
        assert!(ids.contains(&id), "{id} in {ids:?}");
    }
    let ccxt = json(&dir, "ccxt-okx-exceptions.json");
    assert_eq!(ccxt["exact"]["51999"], "InvalidOrder");
    assert_eq!(ccxt["counts"]["exact"], 9);

    // The same copies again: nothing to do, and the files are in canonical form.
    let (ok, again, _) = refresh(&dir, &[]);
    assert!(ok);
    assert_eq!(again, "0 added, 0 changed, 0 removed\n");
    let check = bin().args(["check", "--data", dir.to_str().unwrap()]).output().unwrap();
    assert!(check.status.success());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_dry_run_writes_nothing() {
    let dir = data_copy("dry");
    let before = std::fs::read_to_string(dir.join("okx-v5-error-codes.json")).unwrap();
    let (ok, out, _) = refresh(&dir, &["--dry-run"]);
    assert!(ok);
    assert!(
        out.ends_with("9 added, 4 changed, 3 removed (dry run: nothing written)\n"),
        "{out}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("okx-v5-error-codes.json")).unwrap(),
        before
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_real_data_files_are_in_the_form_refresh_writes() {
    let out = bin().args(["check", "--data", "data"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn bad_usage_exits_2() {
    for args in [
        vec![],
        vec!["refresh"],
        vec!["refresh", "--date", "2026-12-01"],
        vec!["refresh", "--date", "yesterday", "--en", "x.html"],
        vec!["refresh", "--date", "2026-12-01", "--ccxt", "okx.py"],
        vec!["frobnicate"],
    ] {
        let out = bin().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
    // A page without error-code tables is an error, not an empty refresh.
    let dir = data_copy("notable");
    let out = bin()
        .args(["refresh", "--date", "2026-12-01", "--data", dir.to_str().unwrap()])
        .args(["--en", "README.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no error-code table"));
    let _ = std::fs::remove_dir_all(&dir);
}
