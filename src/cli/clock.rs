//! `okx-doctor clock`: measures this machine's clock against OKX server time over REST.
//!
//! One warm-up request (pays for DNS, TCP and TLS), then `--samples` timed requests about 250 ms
//! apart; the maths is in [`crate::core::clock`]. The whole check is bounded to 10 s.
//!
//! Exit codes: 0 = inside the safe band (fine or drifting), 3 = the offset risks rejection,
//! 4 = no measurement was possible, 2 = bad usage.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde_json::json;

use crate::core::clock::{
    self as ck, describe, estimate, format_duration, manual_check_command, manual_check_note, parse_time_response,
    time_url, timezone_hint, verdict_sentence, ClockError, Estimate, Host, Library, Os, Sample, Shell,
};
use crate::core::lang::Lang;
use crate::{t, tf};

pub const EXIT_SAFE: i32 = 0;
pub const EXIT_USAGE: i32 = 2;
pub const EXIT_REJECT: i32 = 3;
pub const EXIT_NO_MEASUREMENT: i32 = 4;

/// Hard bound for the whole check.
const BUDGET: Duration = Duration::from_millis(9_500);

fn usage(lang: Lang) -> &'static str {
    t!(
        lang,
        "usage: okx-doctor clock [--host global|eea|us] [--base-url URL] [--samples N] [--timeout-ms N] [--json]
                        [--lang en|zh]

  --host        OKX region to measure against (default global); others are tried if it fails
  --base-url    measure against this base URL instead (e.g. http://127.0.0.1:8080); no fallback
  --samples     timed requests after the warm-up, 1-20 (default 6)
  --timeout-ms  per-request time limit, 100-10000 (default 2500); the whole check stops after 10 s
  --json        machine-readable output
  --lang        language of the output: en (default) or zh

Exit codes: 0 clock within the safe band, 3 offset risks rejection, 4 no measurement, 2 bad usage.
",
        "用法：okx-doctor clock [--host global|eea|us] [--base-url URL] [--samples N] [--timeout-ms N] [--json]
                        [--lang en|zh]

  --host        要对比的欧易站点（默认 global）；失败时会依次尝试其他站点
  --base-url    改为对比这个基础 URL（例如 http://127.0.0.1:8080）；不再尝试其他站点
  --samples     预热之后的计时请求次数，1–20（默认 6）
  --timeout-ms  每个请求的超时，100–10000 毫秒（默认 2500）；整个检查最多 10 秒
  --json        输出机器可读的 JSON
  --lang        输出语言：en（默认）或 zh

退出码：0 系统时间在安全范围内，3 偏差可能导致请求被拒，4 无法测量，2 用法错误。
"
    )
}

#[derive(Debug)]
struct Opts {
    host: Host,
    base_url: Option<String>,
    samples: usize,
    timeout_ms: u64,
    interval_ms: u64,
    json: bool,
    lang: Lang,
}

fn parse_args(args: &[String], lang: Lang) -> Result<Opts, String> {
    let mut o = Opts {
        host: Host::Global,
        base_url: None,
        samples: 6,
        timeout_ms: 2_500,
        interval_ms: 250,
        json: false,
        lang,
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            _ => (a.as_str(), None),
        };
        let mut value = |name: &str| -> Result<String, String> {
            match &inline {
                Some(v) => Ok(v.clone()),
                None => it
                    .next()
                    .cloned()
                    .ok_or_else(|| tf!(lang, "{name} needs a value", "{name} 需要一个值")),
            }
        };
        let num = |name: &str, v: String, lo: u64, hi: u64| -> Result<u64, String> {
            match v.parse::<u64>() {
                Ok(n) if (lo..=hi).contains(&n) => Ok(n),
                _ => Err(tf!(
                    lang,
                    "{name} must be a whole number from {lo} to {hi}, got `{v}`",
                    "{name} 必须是 {lo} 到 {hi} 之间的整数，收到的是 `{v}`"
                )),
            }
        };
        match flag {
            "--host" => {
                let v = value("--host")?;
                o.host = Host::parse(&v).ok_or_else(|| {
                    tf!(
                        lang,
                        "unknown host `{v}` (use global, eea or us)",
                        "未知站点 `{v}`（可用 global、eea 或 us）"
                    )
                })?;
            }
            "--base-url" => {
                let v = value("--base-url")?;
                if !(v.starts_with("http://") || v.starts_with("https://")) {
                    return Err(tf!(
                        lang,
                        "--base-url must start with http:// or https://, got `{v}`",
                        "--base-url 必须以 http:// 或 https:// 开头，收到的是 `{v}`"
                    ));
                }
                o.base_url = Some(v.trim_end_matches('/').to_string());
            }
            "--samples" => o.samples = num("--samples", value("--samples")?, 1, 20)? as usize,
            "--timeout-ms" => o.timeout_ms = num("--timeout-ms", value("--timeout-ms")?, 100, 10_000)?,
            // Not advertised: spacing between samples (tests shorten it).
            "--interval-ms" => o.interval_ms = num("--interval-ms", value("--interval-ms")?, 0, 2_000)?,
            "--json" if inline.is_none() => o.json = true,
            // Read by `sign::lang_arg` before parsing.
            "--lang" => {
                value("--lang")?;
            }
            _ => return Err(tf!(lang, "unknown argument `{a}`", "未知参数 `{a}`")),
        }
    }
    Ok(o)
}

/// A place to measure: the base URL and, when it is an OKX region, which one.
#[derive(Clone, Debug)]
struct Target {
    base: String,
    host: Option<Host>,
}

impl Target {
    fn label(&self) -> String {
        match self.host {
            Some(h) => format!("{} ({})", h.id(), self.base),
            None => self.base.clone(),
        }
    }
}

struct Measured {
    target: Target,
    estimate: Estimate,
}

pub fn run(args: &[String]) -> i32 {
    let lang = match super::sign::lang_arg(args) {
        Ok(l) => l,
        Err(v) => {
            eprintln!("okx-doctor clock: {}\n\n{}", super::sign::bad_lang(&v), usage(Lang::En));
            return EXIT_USAGE;
        }
    };
    if args.iter().any(|a| a == "--help" || a == "-h") {
        print!("{}", usage(lang));
        return EXIT_SAFE;
    }
    let opts = match parse_args(args, lang) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("okx-doctor clock: {e}\n\n{}", usage(lang));
            return EXIT_USAGE;
        }
    };
    let targets: Vec<Target> = match &opts.base_url {
        Some(b) => vec![Target {
            base: b.clone(),
            host: None,
        }],
        None => std::iter::once(opts.host)
            .chain(Host::ALL.into_iter().filter(|h| *h != opts.host))
            .map(|h| Target {
                base: h.rest_base().to_string(),
                host: Some(h),
            })
            .collect(),
    };

    let start = Instant::now();
    let deadline = start + BUDGET;
    let mut failures: Vec<(Target, ClockError)> = Vec::new();
    let mut result = None;
    for t in targets {
        if Instant::now() + Duration::from_millis(100) >= deadline {
            break;
        }
        match measure(&t.base, &opts, start, deadline) {
            Ok(estimate) => {
                result = Some(Measured { target: t, estimate });
                break;
            }
            Err(e) => failures.push((t, e)),
        }
    }
    let elapsed_ms = start.elapsed().as_millis() as u64;
    match result {
        Some(m) => report_ok(&m, &failures, &opts, elapsed_ms),
        None => report_failure(&failures, &opts, elapsed_ms),
    }
}

fn ms_since(origin: Instant) -> f64 {
    origin.elapsed().as_secs_f64() * 1_000.0
}

fn wall_ms() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs_f64() * 1_000.0)
        .unwrap_or(0.0)
}

/// Warm-up plus `opts.samples` samples against `base`, never past `deadline`.
fn measure(base: &str, opts: &Opts, origin: Instant, deadline: Instant) -> Result<Estimate, ClockError> {
    let url = time_url(base);
    let agent = ureq::AgentBuilder::new()
        .user_agent(concat!("okx-doctor/", env!("CARGO_PKG_VERSION")))
        .build();
    let per_request = Duration::from_millis(opts.timeout_ms);
    let limit = |now: Instant| per_request.min(deadline.saturating_duration_since(now));

    // Warm-up: its timing is discarded, but any fault is reported at once.
    let t = limit(Instant::now());
    fetch_once(&agent, &url, t, origin, opts.lang)?;

    let mut samples = Vec::with_capacity(opts.samples);
    let mut last_err = None;
    for _ in 0..opts.samples {
        let pause = Duration::from_millis(opts.interval_ms);
        if Instant::now() + pause + Duration::from_millis(50) >= deadline {
            break;
        }
        std::thread::sleep(pause);
        let t = limit(Instant::now());
        if t < Duration::from_millis(50) {
            break;
        }
        match fetch_once(&agent, &url, t, origin, opts.lang) {
            Ok(s) => samples.push(s),
            Err(e) => last_err = Some(e),
        }
    }
    if samples.is_empty() {
        return Err(last_err.unwrap_or(ClockError::NoUsableSamples));
    }
    estimate(&samples).ok_or(ClockError::NoUsableSamples)
}

fn fetch_once(
    agent: &ureq::Agent,
    url: &str,
    timeout: Duration,
    origin: Instant,
    lang: Lang,
) -> Result<Sample, ClockError> {
    use ureq::OrAnyStatus;
    let sent_ms = ms_since(origin);
    let res = agent.get(url).timeout(timeout).call().or_any_status();
    let received_ms = ms_since(origin);
    let wall_at_receive_ms = wall_ms();
    let resp = res.map_err(|t| classify(&t, timeout, lang))?;
    let status = resp.status();
    let body = resp.into_string().map_err(|e| {
        if matches!(e.kind(), std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock) {
            ClockError::Timeout {
                after_ms: timeout.as_millis() as u64,
            }
        } else {
            ClockError::Network(tf!(lang, "reading the answer failed: {e}", "读取应答失败：{e}"))
        }
    })?;
    let server_ts_ms = parse_time_response(status, &body)?;
    Ok(Sample {
        sent_ms,
        received_ms,
        wall_at_receive_ms,
        server_ts_ms,
    })
}

fn classify(t: &ureq::Transport, timeout: Duration, lang: Lang) -> ClockError {
    let mut src: Option<&(dyn std::error::Error + 'static)> = std::error::Error::source(t);
    while let Some(e) = src {
        if let Some(io) = e.downcast_ref::<std::io::Error>() {
            match io.kind() {
                std::io::ErrorKind::ConnectionRefused => return ClockError::ConnectionRefused,
                std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => {
                    return ClockError::Timeout {
                        after_ms: timeout.as_millis() as u64,
                    }
                }
                _ => {}
            }
        }
        src = e.source();
    }
    let text = t.to_string();
    if text.contains("timed out") || text.contains("Timeout") {
        return ClockError::Timeout {
            after_ms: timeout.as_millis() as u64,
        };
    }
    if text.contains("onnection refused") {
        return ClockError::ConnectionRefused;
    }
    match t.kind() {
        ureq::ErrorKind::Dns => {
            ClockError::Network(t!(lang, "the host name could not be resolved", "无法解析主机名").into())
        }
        _ => ClockError::Network(text),
    }
}

fn this_os() -> Os {
    if cfg!(windows) {
        Os::Windows
    } else if cfg!(target_os = "macos") {
        Os::MacOs
    } else if std::path::Path::new("/.dockerenv").exists() {
        Os::Docker
    } else if std::fs::read_to_string("/proc/sys/kernel/osrelease")
        .map(|s| s.to_ascii_lowercase().contains("microsoft"))
        .unwrap_or(false)
    {
        Os::Wsl
    } else {
        Os::Linux
    }
}

fn exit_for(e: &Estimate) -> i32 {
    if e.verdict().is_safe() {
        EXIT_SAFE
    } else {
        EXIT_REJECT
    }
}

fn report_ok(m: &Measured, failures: &[(Target, ClockError)], opts: &Opts, elapsed_ms: u64) -> i32 {
    let lang = opts.lang;
    let e = &m.estimate;
    let v = e.verdict();
    let code = exit_for(e);
    let tz = timezone_hint(e.offset_ms);
    if opts.json {
        let out = json!({
            "ok": true,
            "exit_code": code,
            "offset_ms": e.offset_ms,
            "uncertainty_ms": e.uncertainty_ms,
            "best_rtt_ms": e.best_rtt_ms,
            "samples_used": e.samples_used,
            "spread_ms": e.spread_ms,
            "unstable": e.unstable(),
            "host": m.target.host.map(Host::id),
            "base_url": m.target.base,
            "method": "rest",
            "verdict": v.id(),
            "verdict_text": verdict_sentence(e, lang),
            "summary": describe(e, lang),
            "timezone_hint": tz.map(|h| h.hhmm()),
            "failed_first": failures.iter().map(|(t, err)| json!({"base_url": t.base, "kind": err.kind(), "message": err.message(lang)})).collect::<Vec<_>>(),
            "elapsed_ms": elapsed_ms,
        });
        println!("{out}");
        return code;
    }
    let os = this_os();
    let label = |en: &'static str, zh: &'static str| t!(lang, en, zh);
    println!("{}", label("OKX clock check", "欧易（OKX）时钟检查"));
    println!("{}{}", label("  Host:     ", "  站点："), m.target.label());
    for (t, err) in failures {
        let (host, why) = (t.label(), err.message(lang));
        println!(
            "{}",
            tf!(
                lang,
                "            (tried {host} first: {why})",
                "        （先试了 {host}：{why}）"
            )
        );
    }
    let (path, n, rtt) = (ck::TIME_PATH, e.samples_used, format_duration(e.best_rtt_ms, lang));
    println!(
        "{}",
        tf!(
            lang,
            "  Method:   REST GET {path}, {n} sample(s) after a warm-up, best round trip {rtt}",
            "  方式：REST GET {path}，预热后取样 {n} 次，最短往返 {rtt}"
        )
    );
    let sign = if e.offset_ms >= 0.0 { "+" } else { "-" };
    let (off, unc) = (format!("{:.0}", e.offset_ms.abs()), format!("{:.0}", e.uncertainty_ms));
    let dir = if e.offset_ms >= 0.0 {
        t!(lang, "device ahead", "本机快")
    } else {
        t!(lang, "device behind", "本机慢")
    };
    println!(
        "{}",
        tf!(
            lang,
            "  Offset:   {sign}{off} ms ({dir}) ±{unc} ms",
            "  偏差：{sign}{off} 毫秒（{dir}）±{unc} 毫秒"
        )
    );
    println!("{}{}", label("  Verdict:  ", "  结论："), v.label(lang));
    println!();
    println!("{}", verdict_sentence(e, lang));
    println!("{}", v.explanation(lang));
    if let Some(h) = tz {
        println!("\n{}", h.message(lang));
    }
    if e.unstable() {
        let spread = format_duration(e.spread_ms, lang);
        println!(
            "\n{}",
            tf!(
                lang,
                "The samples disagreed by {spread}: the network was unsteady. Run the check again.",
                "几次取样相差 {spread}：网络不稳定。请再检查一次。"
            )
        );
    }
    if v != ck::Verdict::Fine {
        let name = os.label(lang);
        println!(
            "\n{}",
            t!(
                lang,
                format!("How to fix it on {name}:"),
                format!("在{}上这样修复：", ck::spaced_in_chinese(name))
            )
        );
        println!("  {}", os.steps(lang));
        let cmds = os.commands(lang);
        let width = cmds.iter().map(|c| c.command.len()).max().unwrap_or(0);
        for c in cmds {
            println!("    {:width$}  # {}", c.command, c.note);
        }
        println!(
            "\n{}",
            label(
                "If you cannot fix the clock right away, what your library does about it:",
                "如果暂时没法校准系统时间，你用的库能做什么："
            )
        );
        for lib in Library::ALL {
            println!("  - {}{}{}", lib.label(lang), t!(lang, ": ", "："), lib.advice(lang));
        }
    }
    println!(
        "\n{}\n  {}\n{}",
        label(
            "This checked the machine that ran okx-doctor. If your bot runs elsewhere (VPS, container), run there:",
            "这次检查的是运行 okx-doctor 的这台机器。如果你的机器人运行在别处（VPS、容器），请在那里运行："
        ),
        manual_check_command(m.target.host.unwrap_or(Host::Global), Shell::Posix),
        manual_check_note(lang)
    );
    code
}

fn report_failure(failures: &[(Target, ClockError)], opts: &Opts, elapsed_ms: u64) -> i32 {
    let lang = opts.lang;
    let main = failures.first().map(|(_, e)| e.clone()).unwrap_or(ClockError::Timeout {
        after_ms: BUDGET.as_millis() as u64,
    });
    if opts.json {
        let out = json!({
            "ok": false,
            "exit_code": EXIT_NO_MEASUREMENT,
            "error": {"kind": main.kind(), "message": main.message(lang)},
            "attempts": failures.iter().map(|(t, err)| json!({"base_url": t.base, "kind": err.kind(), "message": err.message(lang)})).collect::<Vec<_>>(),
            "elapsed_ms": elapsed_ms,
        });
        println!("{out}");
        return EXIT_NO_MEASUREMENT;
    }
    println!(
        "{}",
        t!(
            lang,
            "OKX clock check: no measurement was possible.",
            "欧易（OKX）时钟检查：无法测量。"
        )
    );
    for (t, err) in failures {
        println!("  {}{}{}", t.label(), t!(lang, ": ", "："), err.message(lang));
    }
    println!(
        "\n{}\n  {}\n{}",
        t!(
            lang,
            "Once OKX answers from this machine (curl follows https_proxy if you need a proxy), this checks the \
             clock by hand:",
            "等这台机器能连上欧易之后（需要代理的话，curl 会使用 https_proxy），可以用这条命令手动检查系统时间："
        ),
        manual_check_command(Host::Global, Shell::of(Some(this_os()))),
        manual_check_note(lang)
    );
    EXIT_NO_MEASUREMENT
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn args() {
        let en = Lang::En;
        let o = parse_args(
            &a(&["--host", "eea", "--samples=8", "--timeout-ms", "500", "--json"]),
            en,
        )
        .unwrap();
        assert_eq!((o.host, o.samples, o.timeout_ms, o.json), (Host::Eea, 8, 500, true));
        assert!(parse_args(&a(&["--host", "mars"]), en).is_err());
        assert!(parse_args(&a(&["--samples", "0"]), en).is_err());
        assert!(parse_args(&a(&["--samples"]), en).is_err());
        assert!(parse_args(&a(&["--base-url", "ftp://x"]), en).is_err());
        assert!(parse_args(&a(&["--bogus"]), en).is_err());
        assert!(parse_args(&a(&["--lang", "zh", "--json"]), Lang::Zh).unwrap().json);
        assert!(parse_args(&a(&["--host", "mars"]), Lang::Zh)
            .unwrap_err()
            .contains("未知站点"));
        assert_eq!(run(&a(&["--lang", "fr"])), EXIT_USAGE);
        assert_eq!(run(&a(&["--timeout-ms", "5"])), EXIT_USAGE);
    }
}
