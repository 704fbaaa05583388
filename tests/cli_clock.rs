//! End-to-end tests of `okx-doctor clock` against `tests/support/fake-okx.mjs` (needs `node`).
#![cfg(not(target_arch = "wasm32"))]

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::Value;

/// Kills the fake server when the test ends, whatever happens.
struct Server {
    child: Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_server(args: &[&str]) -> Server {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/support/fake-okx.mjs");
    let mut child = Command::new("node")
        .arg(script)
        .args(["--port", "0"])
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("node must be installed to run the clock CLI tests");
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(p) = line.strip_prefix("LISTENING ") {
                let _ = tx.send(p.trim().parse::<u16>().unwrap());
            }
        }
    });
    // Build the guard first so the child is killed even if the wait below panics.
    let mut server = Server { child, port: 0 };
    server.port = rx
        .recv_timeout(Duration::from_secs(10))
        .expect("fake server did not start");
    server
}

struct Run {
    code: i32,
    json: Value,
    elapsed: Duration,
}

fn run_clock(base: &str, extra: &[&str]) -> Run {
    let t = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_okx-doctor"))
        .args(["clock", "--json", "--base-url", base, "--interval-ms", "100"])
        .args(extra)
        .output()
        .unwrap();
    let elapsed = t.elapsed();
    let text = String::from_utf8_lossy(&out.stdout);
    let json: Value = serde_json::from_str(text.trim()).unwrap_or_else(|e| panic!("bad JSON {text:?}: {e}"));
    Run {
        code: out.status.code().unwrap_or(-1),
        json,
        elapsed,
    }
}

fn base(s: &Server) -> String {
    format!("http://127.0.0.1:{}", s.port)
}

/// Runs one skew case: the device offset the CLI must find is `-skew_ms`.
/// `verdicts`: acceptable verdicts (more than one when the truth sits on a band edge, where the
/// measurement error may land on either side).
fn skew_case(skew_ms: i64, latency_ms: u64, expected_exit: i32, verdicts: &[&str]) {
    let s = start_server(&[
        "--skew-ms",
        &skew_ms.to_string(),
        "--latency-ms",
        &latency_ms.to_string(),
    ]);
    let r = run_clock(&base(&s), &[]);
    assert!(r.elapsed < Duration::from_secs(10), "took {:?}", r.elapsed);
    assert_eq!(r.json["ok"], true, "{}", r.json);
    let offset = r.json["offset_ms"].as_f64().unwrap();
    let unc = r.json["uncertainty_ms"].as_f64().unwrap();
    let rtt = r.json["best_rtt_ms"].as_f64().unwrap();
    let truth = -(skew_ms as f64);
    eprintln!(
        "skew {skew_ms:+} ms, latency {latency_ms} ms: offset {offset:.1} ms ±{unc:.1} (rtt {rtt:.1}, {} samples, truth {truth})",
        r.json["samples_used"]
    );
    assert!(rtt >= latency_ms as f64, "rtt {rtt} below the injected latency");
    assert!(
        (offset - truth).abs() <= rtt / 2.0 + 20.0,
        "offset {offset} vs truth {truth}, rtt {rtt}"
    );
    assert!(r.json["samples_used"].as_u64().unwrap() >= 5);
    let v = r.json["verdict"].as_str().unwrap();
    assert!(verdicts.contains(&v), "verdict {v} not in {verdicts:?}");
    assert_eq!(r.code, expected_exit);
    assert_eq!(r.json["exit_code"], expected_exit);
    assert_eq!(r.json["method"], "rest");
}

#[test]
fn device_ahead_45s_is_rejected() {
    skew_case(-45_000, 50, 3, &["will-be-rejected"]);
}

#[test]
fn device_ahead_3s_is_drifting() {
    skew_case(-3_000, 50, 0, &["drifting"]);
}

#[test]
fn in_sync() {
    skew_case(0, 50, 0, &["fine"]);
}

#[test]
fn device_behind_2s_is_drifting() {
    // Exactly on the 2 s edge: either side is a correct reading; both are exit 0.
    skew_case(2_000, 50, 0, &["fine", "drifting"]);
}

#[test]
fn device_behind_31s_is_rejected() {
    skew_case(31_000, 50, 3, &["will-be-rejected"]);
}

#[test]
fn no_latency_is_tight() {
    skew_case(-500, 0, 0, &["fine"]);
}

fn fault_case(fault: &str, kind: &str, needle: &str, extra: &[&str]) -> Run {
    let s = start_server(&["--fault", fault]);
    let r = run_clock(&base(&s), extra);
    assert!(r.elapsed < Duration::from_secs(10), "{fault}: took {:?}", r.elapsed);
    assert_eq!(r.code, 4, "{fault}: {}", r.json);
    assert_eq!(r.json["ok"], false);
    assert_eq!(r.json["error"]["kind"], kind, "{}", r.json);
    let msg = r.json["error"]["message"].as_str().unwrap();
    assert!(msg.contains(needle), "{fault}: message {msg:?} lacks {needle:?}");
    r
}

#[test]
fn fault_hang_times_out() {
    let r = fault_case(
        "hang",
        "timeout",
        "did not answer within 1.0 s",
        &["--timeout-ms", "1000"],
    );
    assert!(r.elapsed < Duration::from_secs(3), "{:?}", r.elapsed);
}

#[test]
fn fault_hang_default_timeout_stays_bounded() {
    fault_case("hang", "timeout", "did not answer", &[]);
}

#[test]
fn fault_500() {
    fault_case("500", "http-status", "HTTP 500", &[]);
}

#[test]
fn fault_nonjson() {
    fault_case("nonjson", "not-json", "not JSON", &[]);
}

#[test]
fn fault_missing_ts() {
    fault_case("missing-ts", "missing-ts", "no data[0].ts", &[]);
}

#[test]
fn fault_okx_error_code() {
    fault_case("okx-error", "okx-code", "50011", &[]);
}

#[test]
fn fault_bad_ts() {
    fault_case("bad-ts", "bad-ts", "soon", &[]);
}

#[test]
fn no_cors_does_not_matter_natively() {
    let s = start_server(&["--fault", "no-cors"]);
    let r = run_clock(&base(&s), &[]);
    assert_eq!(r.code, 0, "{}", r.json);
}

#[test]
fn connection_refused() {
    // Grab a free port and close it again: nothing listens there.
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let r = run_clock(&format!("http://127.0.0.1:{port}"), &[]);
    assert!(r.elapsed < Duration::from_secs(10));
    assert_eq!(r.code, 4, "{}", r.json);
    assert_eq!(r.json["error"]["kind"], "connection-refused", "{}", r.json);
    assert!(r.json["error"]["message"].as_str().unwrap().contains("refused"));
}

#[test]
fn bad_usage_exits_2() {
    let out = Command::new(env!("CARGO_BIN_EXE_okx-doctor"))
        .args(["clock", "--host", "mars"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown host"));
}

#[test]
fn human_output_mentions_everything() {
    let s = start_server(&["--skew-ms", "-3000"]);
    let out = Command::new(env!("CARGO_BIN_EXE_okx-doctor"))
        .args(["clock", "--base-url", &base(&s), "--interval-ms", "50"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    for needle in [
        "Host:",
        "Method:",
        "Offset:",
        "Verdict:",
        "Your clock is 3.0 s fast — OKX still accepts it, but it is drifting.",
        "How to fix it on",
        "adjustForTimeDifference",
        "printf '%+d s\\n'",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
    }
}

#[test]
fn chinese_output_with_lang_zh() {
    let s = start_server(&["--skew-ms", "-20000"]);
    let out = Command::new(env!("CARGO_BIN_EXE_okx-doctor"))
        .args(["clock", "--base-url", &base(&s), "--interval-ms", "50", "--lang", "zh"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(3), "{text}");
    for needle in [
        "欧易（OKX）时钟检查",
        "站点：",
        "方式：REST GET /api/v5/public/time",
        "结论：欧易会拒绝签名请求",
        "你的系统时间快了 20.0 秒——偏差太大：欧易会拒绝签名请求。",
        "上这样修复：",
        "如果暂时没法校准系统时间，你用的库能做什么：",
        "ccxt / ccxt.pro：设置 `options['adjustForTimeDifference'] = True` 后",
        "它会打印这台机器的系统时间比欧易快多少秒",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
    }
    for english in ["Host:", "Verdict:", "Your clock", "How to fix", "This checked"] {
        assert!(!text.contains(english), "English {english:?} in:\n{text}");
    }

    // JSON: the same keys, the words in Chinese.
    let r = run_clock(&base(&s), &["--lang=zh"]);
    assert_eq!(r.json["verdict"], "will-be-rejected");
    assert_eq!(
        r.json["verdict_text"],
        "你的系统时间快了 20.0 秒——偏差太大：欧易会拒绝签名请求。"
    );
    assert!(r.json["summary"]
        .as_str()
        .unwrap()
        .starts_with("你的系统时间比欧易快 20.0 秒"));

    // Errors and usage in Chinese.
    let r = run_clock("http://127.0.0.1:9", &["--lang", "zh"]);
    assert_eq!(r.json["error"]["kind"], "connection-refused");
    assert!(r.json["error"]["message"].as_str().unwrap().starts_with("连接被拒绝"));
    let out = Command::new(env!("CARGO_BIN_EXE_okx-doctor"))
        .args(["clock", "--host", "mars", "--lang", "zh"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("未知站点 `mars`") && err.contains("用法："), "{err}");
}
