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
    self as ck, describe, estimate, format_duration, parse_time_response, time_url, timezone_hint, ClockError,
    Estimate, Host, Library, Os, Sample,
};

pub const EXIT_SAFE: i32 = 0;
pub const EXIT_USAGE: i32 = 2;
pub const EXIT_REJECT: i32 = 3;
pub const EXIT_NO_MEASUREMENT: i32 = 4;

/// Hard bound for the whole check.
const BUDGET: Duration = Duration::from_millis(9_500);

const USAGE: &str =
    "usage: okx-doctor clock [--host global|eea|us] [--base-url URL] [--samples N] [--timeout-ms N] [--json]

  --host        OKX region to measure against (default global); others are tried if it fails
  --base-url    measure against this base URL instead (e.g. http://127.0.0.1:8080); no fallback
  --samples     timed requests after the warm-up, 1-20 (default 6)
  --timeout-ms  per-request time limit, 100-10000 (default 2500); the whole check stops after 10 s
  --json        machine-readable output

Exit codes: 0 clock within the safe band, 3 offset risks rejection, 4 no measurement, 2 bad usage.
";

#[derive(Debug)]
struct Opts {
    host: Host,
    base_url: Option<String>,
    samples: usize,
    timeout_ms: u64,
    interval_ms: u64,
    json: bool,
}

fn parse_args(args: &[String]) -> Result<Opts, String> {
    let mut o = Opts {
        host: Host::Global,
        base_url: None,
        samples: 6,
        timeout_ms: 2_500,
        interval_ms: 250,
        json: false,
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
                None => it.next().cloned().ok_or_else(|| format!("{name} needs a value")),
            }
        };
        let num = |name: &str, v: String, lo: u64, hi: u64| -> Result<u64, String> {
            match v.parse::<u64>() {
                Ok(n) if (lo..=hi).contains(&n) => Ok(n),
                _ => Err(format!("{name} must be a whole number from {lo} to {hi}, got `{v}`")),
            }
        };
        match flag {
            "--host" => {
                let v = value("--host")?;
                o.host = Host::parse(&v).ok_or_else(|| format!("unknown host `{v}` (use global, eea or us)"))?;
            }
            "--base-url" => {
                let v = value("--base-url")?;
                if !(v.starts_with("http://") || v.starts_with("https://")) {
                    return Err(format!("--base-url must start with http:// or https://, got `{v}`"));
                }
                o.base_url = Some(v.trim_end_matches('/').to_string());
            }
            "--samples" => o.samples = num("--samples", value("--samples")?, 1, 20)? as usize,
            "--timeout-ms" => o.timeout_ms = num("--timeout-ms", value("--timeout-ms")?, 100, 10_000)?,
            // Not advertised: spacing between samples (tests shorten it).
            "--interval-ms" => o.interval_ms = num("--interval-ms", value("--interval-ms")?, 0, 2_000)?,
            "--json" if inline.is_none() => o.json = true,
            _ => return Err(format!("unknown argument `{a}`")),
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
    if args.iter().any(|a| a == "--help" || a == "-h") {
        print!("{USAGE}");
        return EXIT_SAFE;
    }
    let opts = match parse_args(args) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("okx-doctor clock: {e}\n\n{USAGE}");
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
    fetch_once(&agent, &url, t, origin)?;

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
        match fetch_once(&agent, &url, t, origin) {
            Ok(s) => samples.push(s),
            Err(e) => last_err = Some(e),
        }
    }
    if samples.is_empty() {
        return Err(last_err.unwrap_or(ClockError::NoUsableSamples));
    }
    estimate(&samples).ok_or(ClockError::NoUsableSamples)
}

fn fetch_once(agent: &ureq::Agent, url: &str, timeout: Duration, origin: Instant) -> Result<Sample, ClockError> {
    use ureq::OrAnyStatus;
    let sent_ms = ms_since(origin);
    let res = agent.get(url).timeout(timeout).call().or_any_status();
    let received_ms = ms_since(origin);
    let wall_at_receive_ms = wall_ms();
    let resp = res.map_err(|t| classify(&t, timeout))?;
    let status = resp.status();
    let body = resp.into_string().map_err(|e| {
        if matches!(e.kind(), std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock) {
            ClockError::Timeout {
                after_ms: timeout.as_millis() as u64,
            }
        } else {
            ClockError::Network(format!("reading the answer failed: {e}"))
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

fn classify(t: &ureq::Transport, timeout: Duration) -> ClockError {
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
        ureq::ErrorKind::Dns => ClockError::Network("the host name could not be resolved".into()),
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
            "summary": describe(e),
            "timezone_hint": tz.map(|h| h.hhmm()),
            "failed_first": failures.iter().map(|(t, err)| json!({"base_url": t.base, "kind": err.kind(), "message": err.message()})).collect::<Vec<_>>(),
            "elapsed_ms": elapsed_ms,
        });
        println!("{out}");
        return code;
    }
    let os = this_os();
    println!("OKX clock check");
    println!("  Host:     {}", m.target.label());
    for (t, err) in failures {
        println!("            (tried {} first: {})", t.label(), err.message());
    }
    println!(
        "  Method:   REST GET {}, {} sample(s) after a warm-up, best round trip {}",
        ck::TIME_PATH,
        e.samples_used,
        format_duration(e.best_rtt_ms)
    );
    println!(
        "  Offset:   {}{:.0} ms ({}) ±{:.0} ms",
        if e.offset_ms >= 0.0 { "+" } else { "-" },
        e.offset_ms.abs(),
        if e.offset_ms >= 0.0 {
            "device ahead"
        } else {
            "device behind"
        },
        e.uncertainty_ms
    );
    println!("  Verdict:  {}", v.label());
    println!();
    println!("{}", describe(e));
    println!("{}", v.explanation());
    if let Some(h) = tz {
        println!("\n{}", h.message());
    }
    if e.unstable() {
        println!(
            "\nThe samples disagreed by {}: the network was unsteady. Run the check again.",
            format_duration(e.spread_ms)
        );
    }
    if v != ck::Verdict::Fine {
        println!("\nHow to fix it on {}:\n  {}", os.label(), os.fix());
        println!("\nIf you cannot fix the clock right away, what your library does about it:");
        for lib in Library::ALL {
            println!("  - {}: {}", lib.label(), lib.advice());
        }
    }
    println!(
        "\nThis checked the machine that ran okx-doctor. If your bot runs elsewhere (VPS, container), run there:\n  {}",
        ck::remote_check_command(m.target.host.unwrap_or(Host::Global))
    );
    code
}

fn report_failure(failures: &[(Target, ClockError)], opts: &Opts, elapsed_ms: u64) -> i32 {
    let main = failures.first().map(|(_, e)| e.clone()).unwrap_or(ClockError::Timeout {
        after_ms: BUDGET.as_millis() as u64,
    });
    if opts.json {
        let out = json!({
            "ok": false,
            "exit_code": EXIT_NO_MEASUREMENT,
            "error": {"kind": main.kind(), "message": main.message()},
            "attempts": failures.iter().map(|(t, err)| json!({"base_url": t.base, "kind": err.kind(), "message": err.message()})).collect::<Vec<_>>(),
            "elapsed_ms": elapsed_ms,
        });
        println!("{out}");
        return EXIT_NO_MEASUREMENT;
    }
    println!("OKX clock check: no measurement was possible.");
    for (t, err) in failures {
        println!("  {}: {}", t.label(), err.message());
    }
    println!(
        "\nAs a rough manual check, open {} in a browser and compare the ts value (Unix milliseconds) with the \
         output of `date -u +%s%3N`.",
        Host::Global.time_url()
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
        let o = parse_args(&a(&["--host", "eea", "--samples=8", "--timeout-ms", "500", "--json"])).unwrap();
        assert_eq!((o.host, o.samples, o.timeout_ms, o.json), (Host::Eea, 8, 500, true));
        assert!(parse_args(&a(&["--host", "mars"])).is_err());
        assert!(parse_args(&a(&["--samples", "0"])).is_err());
        assert!(parse_args(&a(&["--samples"])).is_err());
        assert!(parse_args(&a(&["--base-url", "ftp://x"])).is_err());
        assert!(parse_args(&a(&["--bogus"])).is_err());
        assert_eq!(run(&a(&["--timeout-ms", "5"])), EXIT_USAGE);
    }
}
