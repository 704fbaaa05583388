//! Clock-offset maths against OKX server time.
//!
//! OKX refuses a signed request whose timestamp is more than 30 s away from its own clock (REST
//! `50102`/`50112`, WebSocket login `60004`/`60006`). This module turns raw timing samples into an
//! offset estimate, grades it, and words the result. It does no I/O and never reads a clock itself:
//! every time is passed in as milliseconds (`f64`), so it builds for wasm32 and is tested natively.
//!
//! Sign convention used everywhere: `offset_ms = device − server`. Positive means the device clock is
//! AHEAD of OKX, negative means it is BEHIND.
//!
//! Method (REST): Cristian's algorithm. The server stamped `ts` somewhere between our send and our
//! receive, so `device_at_stamp ≈ wall_at_receive − rtt/2` and the error is at most `rtt/2` (+1 ms
//! because `ts` is whole milliseconds). We keep the sample with the smallest round trip, which has the
//! least room for asymmetric delays.

use serde_json::Value;

use crate::core::lang::Lang;
use crate::{t, tf};

/// OKX's tolerance: a signed request more than this far from server time is rejected.
pub const REJECT_WINDOW_MS: f64 = 30_000.0;
/// Below this the clock is fine.
pub const FINE_LIMIT_MS: f64 = 2_000.0;
/// From this value on we treat rejection as likely (leaves room for latency and library delays).
pub const DRIFT_LIMIT_MS: f64 = 15_000.0;
/// Below this we call the clock "in sync" in the headline.
pub const IN_SYNC_MS: f64 = 500.0;
/// Samples with a longer round trip are ignored: their error bound is too wide to be useful.
pub const MAX_RTT_MS: f64 = 3_000.0;
/// Extra uncertainty of the WebSocket method (ticker pushes may be slightly stale).
pub const WS_EXTRA_UNCERTAINTY_MS: f64 = 150.0;
/// Path of the public time endpoint.
pub const TIME_PATH: &str = "/api/v5/public/time";
/// The text keep-alive OKX answers with `pong`.
pub const WS_PING: &str = "ping";

// ---------------------------------------------------------------------------------------------
// Hosts

/// The OKX API region whose server clock we measure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Host {
    /// Accounts on www.okx.com.
    Global,
    /// EEA accounts (my.okx.com).
    Eea,
    /// US and Australia accounts (app.okx.com).
    Us,
}

impl Host {
    pub const ALL: [Host; 3] = [Host::Global, Host::Eea, Host::Us];

    /// Short id used on the command line, in URLs and in storage: `global`, `eea`, `us`.
    pub fn id(self) -> &'static str {
        match self {
            Host::Global => "global",
            Host::Eea => "eea",
            Host::Us => "us",
        }
    }

    /// Parses `global`, `eea` or `us` (case-insensitive; `www` and `eu` are accepted too).
    pub fn parse(s: &str) -> Option<Host> {
        match s.trim().to_ascii_lowercase().as_str() {
            "global" | "www" => Some(Host::Global),
            "eea" | "eu" => Some(Host::Eea),
            "us" => Some(Host::Us),
            _ => None,
        }
    }

    /// Human label for pickers.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Host::Global => t!(lang, "Global (www.okx.com)", "全球站（www.okx.com）"),
            Host::Eea => t!(lang, "EEA (my.okx.com accounts)", "欧洲经济区（my.okx.com 账户）"),
            Host::Us => t!(
                lang,
                "US & Australia (app.okx.com accounts)",
                "美国和澳大利亚（app.okx.com 账户）"
            ),
        }
    }

    /// REST base URL, without a trailing slash.
    pub fn rest_base(self) -> &'static str {
        match self {
            Host::Global => "https://www.okx.com",
            Host::Eea => "https://eea.okx.com",
            Host::Us => "https://us.okx.com",
        }
    }

    /// Public WebSocket URL.
    pub fn ws_public_url(self) -> &'static str {
        match self {
            Host::Global => "wss://ws.okx.com:8443/ws/v5/public",
            Host::Eea => "wss://wseea.okx.com:8443/ws/v5/public",
            Host::Us => "wss://wsus.okx.com:8443/ws/v5/public",
        }
    }

    /// Full URL of the time endpoint on this host.
    pub fn time_url(self) -> String {
        time_url(self.rest_base())
    }
}

/// Public WebSocket URL that belongs to a REST base (`http` → `ws`, `https` → `wss`, plus
/// `/ws/v5/public`); used for a validated `okx_base` test server. `None` for other schemes.
pub fn ws_url_for_base(base: &str) -> Option<String> {
    let base = base.trim_end_matches('/');
    let rest = if let Some(r) = base.strip_prefix("https://") {
        format!("wss://{r}")
    } else {
        format!("ws://{}", base.strip_prefix("http://")?)
    };
    Some(format!("{rest}/ws/v5/public"))
}

/// `base` + `/api/v5/public/time`, tolerating a trailing slash on `base`.
pub fn time_url(base: &str) -> String {
    format!("{}{}", base.trim_end_matches('/'), TIME_PATH)
}

// ---------------------------------------------------------------------------------------------
// Samples and estimates

/// One request/response to the time endpoint.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sample {
    /// Monotonic clock (`performance.now()` / `Instant`) when the request was sent, ms.
    pub sent_ms: f64,
    /// Monotonic clock when the response arrived, ms.
    pub received_ms: f64,
    /// Device wall clock (`Date.now()`) when the response arrived, Unix ms.
    pub wall_at_receive_ms: f64,
    /// Server time from the response (`data[0].ts`), Unix ms.
    pub server_ts_ms: f64,
}

impl Sample {
    /// Round-trip time in ms.
    pub fn rtt_ms(&self) -> f64 {
        self.received_ms - self.sent_ms
    }

    /// This sample's Cristian estimate of `device − server`, ms.
    pub fn offset_ms(&self) -> f64 {
        (self.wall_at_receive_ms - self.rtt_ms() / 2.0) - self.server_ts_ms
    }

    fn usable(&self) -> bool {
        let rtt = self.rtt_ms();
        rtt.is_finite()
            && (0.0..=MAX_RTT_MS).contains(&rtt)
            && self.wall_at_receive_ms.is_finite()
            && self.server_ts_ms.is_finite()
    }
}

/// The result of a measurement.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Estimate {
    /// `device − server` in ms: positive = device clock AHEAD of OKX.
    pub offset_ms: f64,
    /// Half-width of the error bound, ms (± this value).
    pub uncertainty_ms: f64,
    /// Round trip of the sample the estimate is based on, ms.
    pub best_rtt_ms: f64,
    /// How many samples passed the filters.
    pub samples_used: usize,
    /// Largest minus smallest per-sample offset among the used samples, ms. A large spread (> 2 s)
    /// means the network was unstable and the user should re-run.
    pub spread_ms: f64,
}

impl Estimate {
    pub fn verdict(&self) -> Verdict {
        verdict(self.offset_ms, self.uncertainty_ms)
    }

    /// True when the samples disagree so much that the result should be re-checked.
    pub fn unstable(&self) -> bool {
        self.spread_ms > 2_000.0
    }
}

/// Cristian estimate from REST samples: keeps the minimum-RTT sample; ignores samples with a
/// negative RTT, an RTT above [`MAX_RTT_MS`] or non-finite values. `None` when nothing is usable.
pub fn estimate(samples: &[Sample]) -> Option<Estimate> {
    let used: Vec<&Sample> = samples.iter().filter(|s| s.usable()).collect();
    let best = used.iter().min_by(|a, b| a.rtt_ms().total_cmp(&b.rtt_ms()))?;
    let (lo, hi) = used
        .iter()
        .map(|s| s.offset_ms())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), o| (lo.min(o), hi.max(o)));
    let rtt = best.rtt_ms();
    Some(Estimate {
        offset_ms: best.offset_ms(),
        uncertainty_ms: rtt / 2.0 + 1.0,
        best_rtt_ms: rtt,
        samples_used: used.len(),
        spread_ms: hi - lo,
    })
}

/// Estimate from the WebSocket fallback.
///
/// `ping_rtts_ms`: round trips of text `ping` → `pong` exchanges (the smallest valid one is used).
/// `pushes`: `(device wall clock at receive, push data ts)` pairs in arrival order; the first one is
/// skipped because the snapshot sent right after subscribing may be old.
///
/// Each push gives `ts − wall = −offset − (staleness + downlink delay) ≤ −offset`, so the largest
/// value is the least delayed; adding the one-way delay (≈ rtt/2) gives `server − device`.
/// Uncertainty is `rtt/2 + 150 ms` to cover the remaining staleness of the freshest push.
pub fn estimate_from_ws(ping_rtts_ms: &[f64], pushes: &[(f64, f64)]) -> Option<Estimate> {
    let rtt = ping_rtts_ms
        .iter()
        .copied()
        .filter(|r| r.is_finite() && (0.0..=MAX_RTT_MS).contains(r))
        .min_by(f64::total_cmp)?;
    let cands: Vec<f64> = pushes
        .iter()
        .skip(1)
        .filter(|(w, t)| w.is_finite() && t.is_finite())
        .map(|(wall, ts)| ts - wall)
        .collect();
    if cands.is_empty() {
        return None;
    }
    let max = cands.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let min = cands.iter().copied().fold(f64::INFINITY, f64::min);
    Some(Estimate {
        offset_ms: -(max + rtt / 2.0),
        uncertainty_ms: rtt / 2.0 + WS_EXTRA_UNCERTAINTY_MS,
        best_rtt_ms: rtt,
        samples_used: cands.len(),
        spread_ms: max - min,
    })
}

// ---------------------------------------------------------------------------------------------
// Verdict

/// How OKX will treat signatures made with this clock.
///
/// Bands (OKX allows 30 s; we keep a margin for request latency and for libraries that stamp the
/// request a little before sending it):
/// * `Fine`: |offset| < 2 s.
/// * `Drifting`: 2 s ≤ |offset| < 15 s. Still accepted, but the clock is not being synchronised.
/// * `WillBeRejected`: |offset| ≥ 15 s, or |offset| + uncertainty ≥ 30 s.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Verdict {
    Fine,
    Drifting,
    WillBeRejected,
}

/// Grades an offset (ms, either sign) given its uncertainty (ms). See [`Verdict`] for the bands.
pub fn verdict(offset_ms: f64, uncertainty_ms: f64) -> Verdict {
    let a = offset_ms.abs();
    if !a.is_finite() || a >= DRIFT_LIMIT_MS || a + uncertainty_ms.abs() >= REJECT_WINDOW_MS {
        Verdict::WillBeRejected
    } else if a >= FINE_LIMIT_MS {
        Verdict::Drifting
    } else {
        Verdict::Fine
    }
}

impl Verdict {
    /// Stable id: `fine`, `drifting`, `will-be-rejected`.
    pub fn id(self) -> &'static str {
        match self {
            Verdict::Fine => "fine",
            Verdict::Drifting => "drifting",
            Verdict::WillBeRejected => "will-be-rejected",
        }
    }

    /// Short label.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Verdict::Fine => t!(lang, "OK for OKX", "对欧易来说没问题"),
            Verdict::Drifting => t!(lang, "Accepted for now, but drifting", "暂时还能通过，但时间在漂移"),
            Verdict::WillBeRejected => t!(lang, "OKX will reject signed requests", "欧易会拒绝签名请求"),
        }
    }

    /// One or two sentences on what this means.
    pub fn explanation(self, lang: Lang) -> &'static str {
        match self {
            Verdict::Fine => t!(
                lang,
                "The difference is far inside the 30-second window OKX allows, so the clock is not the cause of \
                 timestamp errors on this device.",
                "这个偏差远在欧易允许的 30 秒之内，所以这台设备上的时间戳错误不是系统时间造成的。"
            ),
            Verdict::Drifting => t!(
                lang,
                "OKX still accepts this, but the clock is clearly not being kept in sync. Turn on automatic time \
                 sync before it drifts further.",
                "欧易目前还能接受，但系统时间显然没有在自动同步。趁偏差还没变大，打开自动同步时间。"
            ),
            Verdict::WillBeRejected => t!(
                lang,
                "The clock is too far off (or too close to the limit to be safe). Signed requests will fail with \
                 50102 \"Timestamp request expired\" (REST) or 60006 (WebSocket login), and orders with expTime \
                 will misbehave. Fix the clock, then check again.",
                "系统时间偏差太大（或离上限太近，不安全）。签名请求会失败：REST 报 50102“Timestamp request \
                 expired”，WebSocket 登录报 60006；带 expTime 的订单也会出问题。先校准系统时间，再检查一次。"
            ),
        }
    }

    /// True inside the band where OKX accepts signatures (`Fine` or `Drifting`).
    pub fn is_safe(self) -> bool {
        !matches!(self, Verdict::WillBeRejected)
    }
}

// ---------------------------------------------------------------------------------------------
// Time-zone heuristic

/// The offset looks like a whole number of quarter hours: a wrong time zone, a missed DST change, or
/// a clock set by hand to local time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimezoneHint {
    /// Whole hours of the nearest quarter-hour multiple.
    pub hours: u32,
    /// Remaining minutes (0, 15, 30 or 45).
    pub minutes: u32,
    /// Device clock ahead (true) or behind (false).
    pub ahead: bool,
}

impl TimezoneHint {
    /// `"2:00"`, `"5:30"`.
    pub fn hhmm(&self) -> String {
        format!("{}:{:02}", self.hours, self.minutes)
    }

    pub fn message(&self, lang: Lang) -> String {
        let (h, m) = (self.hours, format!("{:02}", self.minutes));
        let dir = if self.ahead {
            t!(lang, "ahead of", "快")
        } else {
            t!(lang, "behind", "慢")
        };
        tf!(
            lang,
            "The clock is about {h} h {m} min {dir} OKX, almost exactly a whole number of quarter hours. That \
             usually means the time zone is wrong (or a daylight-saving change was missed), or the time was typed \
             in by hand as local time. Set the correct time zone and turn on automatic time; do not just move the \
             hands.",
            "系统时间比欧易{dir}了约 {h} 小时 {m} 分，几乎正好是 15 分钟的整数倍。这通常说明时区设错了（或者没跟上\
             夏令时切换），或者时间是按本地时间手动输入的。请设置正确的时区并打开自动设置时间，不要只是手动把时间拨过去。"
        )
    }
}

/// |offset| ≥ 10 min and within 60 s of a multiple of 15 min → likely a time-zone or manual-setting
/// mistake.
pub fn timezone_hint(offset_ms: f64) -> Option<TimezoneHint> {
    const QUARTER: f64 = 15.0 * 60_000.0;
    let a = offset_ms.abs();
    if !a.is_finite() || a < 10.0 * 60_000.0 {
        return None;
    }
    let k = (a / QUARTER).round();
    if k < 1.0 || (a - k * QUARTER).abs() > 60_000.0 || k > 4.0 * 48.0 {
        return None;
    }
    let quarters = k as u32;
    Some(TimezoneHint {
        hours: quarters / 4,
        minutes: (quarters % 4) * 15,
        ahead: offset_ms > 0.0,
    })
}

// ---------------------------------------------------------------------------------------------
// Wording

/// Formats a duration given in ms (sign ignored): `40 ms`, `3.2 s`, `4 min 05 s`, `2 h 00 min`
/// (`40 毫秒`, `3.2 秒`, `4 分 05 秒`, `2 小时 00 分`).
pub fn format_duration(ms: f64, lang: Lang) -> String {
    let a = ms.abs();
    if !a.is_finite() {
        return t!(lang, "an unknown amount", "未知时长").into();
    }
    if a < 1_000.0 {
        let n = a.round() as u64;
        tf!(lang, "{n} ms", "{n} 毫秒")
    } else if a < 60_000.0 {
        let n = format!("{:.1}", a / 1_000.0);
        tf!(lang, "{n} s", "{n} 秒")
    } else if a < 3_600_000.0 {
        let s = (a / 1_000.0).round() as u64;
        let (m, s) = (s / 60, format!("{:02}", s % 60));
        tf!(lang, "{m} min {s} s", "{m} 分 {s} 秒")
    } else {
        let m = (a / 60_000.0).round() as u64;
        let (h, m) = (m / 60, format!("{:02}", m % 60));
        tf!(lang, "{h} h {m} min", "{h} 小时 {m} 分")
    }
}

/// Headline sentence, e.g. `Your clock is 3.2 s ahead of OKX (±40 ms)`.
pub fn describe(e: &Estimate, lang: Lang) -> String {
    let unc = format_duration(e.uncertainty_ms, lang);
    let off = format_duration(e.offset_ms, lang);
    if e.offset_ms.abs() < IN_SYNC_MS {
        tf!(
            lang,
            "Your clock is in sync with OKX (off by {off}, ±{unc})",
            "你的系统时间与欧易同步（相差 {off}，±{unc}）"
        )
    } else if e.offset_ms > 0.0 {
        tf!(
            lang,
            "Your clock is {off} ahead of OKX (±{unc})",
            "你的系统时间比欧易快 {off}（±{unc}）"
        )
    } else {
        tf!(
            lang,
            "Your clock is {off} behind OKX (±{unc})",
            "你的系统时间比欧易慢 {off}（±{unc}）"
        )
    }
}

/// The verdict in one plain sentence, with the offset in words: `Your clock is 2.3 s fast — fine
/// for OKX.`, `Your clock is 45.0 s slow — too far off: OKX will refuse signed requests.`
pub fn verdict_sentence(e: &Estimate, lang: Lang) -> String {
    let a = e.offset_ms.abs();
    if !a.is_finite() {
        return t!(
            lang,
            "Your clock could not be compared with OKX.",
            "无法把你的系统时间与欧易比较。"
        )
        .into();
    }
    let d = format_duration(a, lang);
    let fast = e.offset_ms > 0.0;
    match e.verdict() {
        Verdict::Fine if a < IN_SYNC_MS => t!(
            lang,
            "Your clock is on time — fine for OKX.",
            "你的系统时间是准的——对欧易来说没问题。"
        )
        .into(),
        Verdict::Fine if fast => tf!(
            lang,
            "Your clock is {d} fast — fine for OKX.",
            "你的系统时间快了 {d}——对欧易来说没问题。"
        ),
        Verdict::Fine => tf!(
            lang,
            "Your clock is {d} slow — fine for OKX.",
            "你的系统时间慢了 {d}——对欧易来说没问题。"
        ),
        Verdict::Drifting if fast => tf!(
            lang,
            "Your clock is {d} fast — OKX still accepts it, but it is drifting.",
            "你的系统时间快了 {d}——欧易目前还能接受，但时间在漂移。"
        ),
        Verdict::Drifting => tf!(
            lang,
            "Your clock is {d} slow — OKX still accepts it, but it is drifting.",
            "你的系统时间慢了 {d}——欧易目前还能接受，但时间在漂移。"
        ),
        // Only the uncertainty reaches the limit: say so rather than "too far off".
        Verdict::WillBeRejected if a < DRIFT_LIMIT_MS => {
            let u = format_duration(e.uncertainty_ms, lang);
            if fast {
                tf!(
                    lang,
                    "Your clock is {d} fast, give or take {u} — too close to OKX's limit to be safe.",
                    "你的系统时间快了 {d}，误差 ±{u}——离欧易的上限太近，不安全。"
                )
            } else {
                tf!(
                    lang,
                    "Your clock is {d} slow, give or take {u} — too close to OKX's limit to be safe.",
                    "你的系统时间慢了 {d}，误差 ±{u}——离欧易的上限太近，不安全。"
                )
            }
        }
        Verdict::WillBeRejected if fast => tf!(
            lang,
            "Your clock is {d} fast — too far off: OKX will refuse signed requests.",
            "你的系统时间快了 {d}——偏差太大：欧易会拒绝签名请求。"
        ),
        Verdict::WillBeRejected => tf!(
            lang,
            "Your clock is {d} slow — too far off: OKX will refuse signed requests.",
            "你的系统时间慢了 {d}——偏差太大：欧易会拒绝签名请求。"
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// Errors

/// Why a measurement failed. Each fault has its own variant and plain-words [`ClockError::message`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClockError {
    /// No answer within the time limit (ms).
    Timeout { after_ms: u64 },
    /// Nothing listens on that address/port.
    ConnectionRefused,
    /// Name resolution or connection-level failure, with detail.
    Network(String),
    /// The browser blocked reading the answer (or the request failed in a way a page cannot tell apart).
    Cors,
    /// The server answered with a non-2xx HTTP status.
    HttpStatus(u16),
    /// The body is not JSON (start of the body kept for display).
    NotJson { snippet: String },
    /// JSON, but no `data[0].ts`.
    MissingTs,
    /// OKX returned an error code instead of `"0"`.
    OkxCode { code: String, msg: String },
    /// `ts` is present but not a usable number.
    BadTs(String),
    /// WebSocket fallback failed.
    WebSocket(String),
    /// Answers arrived, but none was usable (all too slow or inconsistent).
    NoUsableSamples,
}

impl ClockError {
    /// Stable machine id: `timeout`, `connection-refused`, `network`, `cors`, `http-status`, `not-json`,
    /// `missing-ts`, `okx-code`, `bad-ts`, `websocket`, `no-usable-samples`.
    pub fn kind(&self) -> &'static str {
        match self {
            ClockError::Timeout { .. } => "timeout",
            ClockError::ConnectionRefused => "connection-refused",
            ClockError::Network(_) => "network",
            ClockError::Cors => "cors",
            ClockError::HttpStatus(_) => "http-status",
            ClockError::NotJson { .. } => "not-json",
            ClockError::MissingTs => "missing-ts",
            ClockError::OkxCode { .. } => "okx-code",
            ClockError::BadTs(_) => "bad-ts",
            ClockError::WebSocket(_) => "websocket",
            ClockError::NoUsableSamples => "no-usable-samples",
        }
    }

    /// Plain-words explanation for users.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ClockError::Timeout { after_ms } => {
                let d = format_duration(*after_ms as f64, lang);
                tf!(
                    lang,
                    "The time server did not answer within {d}. The network may be slow, a firewall or proxy may \
                     be holding the request, or the host may be unreachable from here.",
                    "时间服务器在 {d}内没有应答。可能是网络慢、防火墙或代理拦住了请求，或者从这里连不上该主机。"
                )
            }
            ClockError::ConnectionRefused => t!(
                lang,
                "The connection was refused: nothing is accepting connections at that address and port. Check the \
                 URL (and that any local test server or proxy is running).",
                "连接被拒绝：该地址和端口上没有程序在接受连接。请检查 URL（以及本地测试服务器或代理是否在运行）。"
            )
            .into(),
            ClockError::Network(d) => tf!(
                lang,
                "Could not reach the time server ({d}). Check the internet connection, DNS, VPN or proxy, and \
                 whether OKX is reachable from your country.",
                "连不上时间服务器（{d}）。请检查网络连接、DNS、VPN 或代理，以及在你所在的国家或地区能否访问欧易。"
            ),
            ClockError::Cors => t!(
                lang,
                "The browser would not let this page read the answer (a cross-origin block), or the request failed \
                 before reaching the server (offline, DNS, firewall). A web page cannot tell these apart. The \
                 WebSocket method or the command-line check (okx-doctor clock) may still work.",
                "浏览器不允许本页读取应答（跨域拦截），或者请求在到达服务器之前就失败了（断网、DNS、防火墙）。\
                 网页无法区分这两种情况。WebSocket 方式或命令行检查（okx-doctor clock）也许仍然可用。"
            )
            .into(),
            ClockError::HttpStatus(s) => {
                let why = match *s {
                    403 | 451 => t!(
                        lang,
                        " (access refused, possibly a blocked region)",
                        "（访问被拒绝，可能是所在地区受限）"
                    ),
                    404 => t!(
                        lang,
                        " (not found: is the base URL right?)",
                        "（未找到：基础 URL 对吗？）"
                    ),
                    429 => t!(
                        lang,
                        " (too many requests: wait a few seconds)",
                        "（请求过于频繁：等几秒再试）"
                    ),
                    500..=599 => t!(lang, " (a server-side error)", "（服务器端出错）"),
                    _ => "",
                };
                tf!(
                    lang,
                    "The time server answered with HTTP {s}{why}, not with the time.",
                    "时间服务器返回的是 HTTP {s}{why}，而不是时间。"
                )
            }
            ClockError::NotJson { snippet } => tf!(
                lang,
                "The answer was not JSON, so it is not OKX's time endpoint (maybe a captive portal, proxy or \
                 error page). It started with: {snippet:?}",
                "应答不是 JSON，所以不是欧易的时间接口（可能是网络认证页、代理或错误页面）。它的开头是：{snippet:?}"
            ),
            ClockError::MissingTs => t!(
                lang,
                "The answer was JSON but had no time in it (no data[0].ts). The URL may point at something other \
                 than OKX's /api/v5/public/time.",
                "应答是 JSON，但里面没有时间（没有 data[0].ts）。这个 URL 指向的可能不是欧易的 /api/v5/public/time。"
            )
            .into(),
            ClockError::OkxCode { code, msg } => {
                let msg = if msg.is_empty() {
                    String::new()
                } else {
                    tf!(lang, " ({msg})", "（{msg}）")
                };
                tf!(
                    lang,
                    "OKX answered with error code {code}{msg} instead of the time. Try again in a moment or pick \
                     another host.",
                    "欧易返回了错误码 {code}{msg}，而不是时间。请稍后再试，或者换一个站点。"
                )
            }
            ClockError::BadTs(v) => tf!(
                lang,
                "The answer's time value {v:?} is not a valid millisecond timestamp.",
                "应答里的时间值 {v:?} 不是有效的毫秒时间戳。"
            ),
            ClockError::WebSocket(d) => tf!(
                lang,
                "The WebSocket method failed too: {d}.",
                "WebSocket 方式也失败了：{d}。"
            ),
            ClockError::NoUsableSamples => t!(
                lang,
                "Answers arrived, but every one took longer than 3 s round trip, too slow to measure the clock \
                 reliably. Try again on a steadier connection.",
                "收到了应答，但每一次往返都超过 3 秒，太慢了，无法可靠地测量系统时间。请换个更稳定的网络再试。"
            )
            .into(),
        }
    }
}

impl std::fmt::Display for ClockError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ClockError {}

/// Reads the server time from an answer of `GET /api/v5/public/time`.
pub fn parse_time_response(status: u16, body: &str) -> Result<f64, ClockError> {
    if !(200..300).contains(&status) {
        return Err(ClockError::HttpStatus(status));
    }
    let v: Value = serde_json::from_str(body.trim_start_matches('\u{feff}')).map_err(|_| ClockError::NotJson {
        snippet: body.chars().take(60).collect(),
    })?;
    if !v.is_object() {
        return Err(ClockError::NotJson {
            snippet: body.chars().take(60).collect(),
        });
    }
    if let Some(code) = v.get("code") {
        let code = match code {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        if code != "0" {
            let msg = v.get("msg").and_then(Value::as_str).unwrap_or("").to_string();
            return Err(ClockError::OkxCode { code, msg });
        }
    }
    let ts = v
        .get("data")
        .and_then(|d| d.get(0))
        .and_then(|d| d.get("ts"))
        .ok_or(ClockError::MissingTs)?;
    parse_ts_value(ts)
}

fn parse_ts_value(ts: &Value) -> Result<f64, ClockError> {
    let n = match ts {
        Value::String(s) => s.trim().parse::<f64>().ok(),
        Value::Number(n) => n.as_f64(),
        _ => None,
    };
    match n {
        // Accept 2001-09-09 .. 2286-11-20 in ms; anything else is seconds, µs or garbage.
        Some(x) if x.is_finite() && (1e12..1e13).contains(&x) => Ok(x),
        _ => Err(ClockError::BadTs(match ts {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        })),
    }
}

// ---------------------------------------------------------------------------------------------
// WebSocket messages

/// Subscribe message for the public `tickers` channel of `inst_id`.
pub fn ws_subscribe_tickers(inst_id: &str) -> String {
    serde_json::json!({"op": "subscribe", "args": [{"channel": "tickers", "instId": inst_id}]}).to_string()
}

/// A message received on the public WebSocket.
#[derive(Clone, Debug, PartialEq)]
pub enum WsMessage {
    /// Text `pong`.
    Pong,
    /// `{"event":"subscribe",...}` acknowledgement.
    Subscribed,
    /// `{"event":"error","code":...,"msg":...}`.
    Error { code: String, msg: String },
    /// A push with `data[0].ts` (server ms).
    Push { ts_ms: f64 },
    /// Anything else (notices, pushes without a usable ts...).
    Other,
}

/// Classifies a WebSocket text frame.
pub fn parse_ws_message(text: &str) -> WsMessage {
    let t = text.trim();
    if t == "pong" {
        return WsMessage::Pong;
    }
    let Ok(v) = serde_json::from_str::<Value>(t) else {
        return WsMessage::Other;
    };
    match v.get("event").and_then(Value::as_str) {
        Some("subscribe") => return WsMessage::Subscribed,
        Some("error") => {
            let code = match v.get("code") {
                Some(Value::String(s)) => s.clone(),
                Some(other) => other.to_string(),
                None => String::new(),
            };
            let msg = v.get("msg").and_then(Value::as_str).unwrap_or("").to_string();
            return WsMessage::Error { code, msg };
        }
        Some(_) => return WsMessage::Other,
        None => {}
    }
    match v
        .get("data")
        .and_then(|d| d.get(0))
        .and_then(|d| d.get("ts"))
        .map(parse_ts_value)
    {
        Some(Ok(ts_ms)) => WsMessage::Push { ts_ms },
        _ => WsMessage::Other,
    }
}

// ---------------------------------------------------------------------------------------------
// Base URL override (browser `?okx_base=`)

/// Why an `okx_base` value was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BaseUrlError {
    EmptyOrTooLong,
    BadCharacters,
    ForbiddenCharacter,
    Scheme,
    UnclosedBracket,
    Ipv6Host,
    Host,
    JunkAfterHost,
    Port,
    PathCharacters,
    DotSegments,
}

impl BaseUrlError {
    /// The reason, in words.
    pub fn message(self, lang: Lang) -> &'static str {
        match self {
            BaseUrlError::EmptyOrTooLong => t!(lang, "empty or too long", "为空或太长"),
            BaseUrlError::BadCharacters => t!(
                lang,
                "contains whitespace, control or non-ASCII characters",
                "含有空白、控制字符或非 ASCII 字符"
            ),
            BaseUrlError::ForbiddenCharacter => t!(
                lang,
                "must not contain '@', '\\', '%', '?' or '#'",
                "不能含有 '@'、'\\'、'%'、'?' 或 '#'"
            ),
            BaseUrlError::Scheme => t!(
                lang,
                "must start with http:// or https://",
                "必须以 http:// 或 https:// 开头"
            ),
            BaseUrlError::UnclosedBracket => t!(lang, "unclosed '['", "'[' 没有闭合"),
            BaseUrlError::Ipv6Host => t!(
                lang,
                "the only IPv6 host allowed is [::1]",
                "唯一允许的 IPv6 主机是 [::1]"
            ),
            BaseUrlError::Host => t!(
                lang,
                "host must be localhost, 127.x.x.x or [::1]",
                "主机必须是 localhost、127.x.x.x 或 [::1]"
            ),
            BaseUrlError::JunkAfterHost => t!(lang, "junk after host", "主机名后面有多余内容"),
            BaseUrlError::Port => t!(lang, "port must be 1-65535", "端口必须在 1–65535 之间"),
            BaseUrlError::PathCharacters => t!(
                lang,
                "path may contain only letters, digits, '/', '-', '.', '_' and '~'",
                "路径只能包含字母、数字以及 '/'、'-'、'.'、'_' 和 '~'"
            ),
            BaseUrlError::DotSegments => t!(
                lang,
                "path must not contain '.' or '..' segments",
                "路径不能包含 '.' 或 '..' 段"
            ),
        }
    }
}

impl std::fmt::Display for BaseUrlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "okx_base refused: {}", self.message(Lang::En))
    }
}

impl std::error::Error for BaseUrlError {}

/// Validates the browser's `?okx_base=` override. Only loopback `http`/`https` URLs are accepted
/// (`127.0.0.0/8`, `localhost`, `[::1]`), with an optional port and an optional plain path; no
/// userinfo, query, fragment, percent-escapes, backslashes or whitespace. This keeps a crafted link
/// from pointing visitors at a hostile "clock". Returns the normalised base without a trailing slash.
pub fn validate_base_url_param(s: &str) -> Result<String, BaseUrlError> {
    if s.is_empty() || s.len() > 200 {
        return Err(BaseUrlError::EmptyOrTooLong);
    }
    if s.chars().any(|c| c.is_whitespace() || c.is_control() || !c.is_ascii()) {
        return Err(BaseUrlError::BadCharacters);
    }
    if s.contains('@') || s.contains('\\') || s.contains('%') || s.contains('?') || s.contains('#') {
        return Err(BaseUrlError::ForbiddenCharacter);
    }
    let lower = s.to_ascii_lowercase();
    let (scheme, rest) = if let Some(r) = lower.strip_prefix("http://") {
        ("http", r)
    } else if let Some(r) = lower.strip_prefix("https://") {
        ("https", r)
    } else {
        return Err(BaseUrlError::Scheme);
    };
    let (authority, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    let (host, port) = if let Some(r) = authority.strip_prefix('[') {
        let Some(end) = r.find(']') else {
            return Err(BaseUrlError::UnclosedBracket);
        };
        let h = &r[..end];
        if h != "::1" && h != "0:0:0:0:0:0:0:1" {
            return Err(BaseUrlError::Ipv6Host);
        }
        ("[::1]".to_string(), &r[end + 1..])
    } else {
        let (h, p) = match authority.find(':') {
            Some(i) => (&authority[..i], &authority[i..]),
            None => (authority, ""),
        };
        if h == "localhost" || is_loopback_v4(h) {
            (h.to_string(), p)
        } else {
            return Err(BaseUrlError::Host);
        }
    };
    let port = if port.is_empty() {
        String::new()
    } else {
        let Some(digits) = port.strip_prefix(':') else {
            return Err(BaseUrlError::JunkAfterHost);
        };
        if digits.is_empty() || digits.len() > 5 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(BaseUrlError::Port);
        }
        match digits.parse::<u32>() {
            Ok(n) if (1..=65535).contains(&n) => format!(":{n}"),
            _ => return Err(BaseUrlError::Port),
        }
    };
    if !path.bytes().all(|b| b.is_ascii_alphanumeric() || b"/-._~".contains(&b)) || path.contains("//") {
        return Err(BaseUrlError::PathCharacters);
    }
    if path.split('/').any(|seg| seg == "." || seg == "..") {
        return Err(BaseUrlError::DotSegments);
    }
    // Keep the original case of the path (servers may care), lower-case the rest.
    let orig_path = &s[s.len() - path.len()..];
    Ok(format!("{scheme}://{host}{port}{}", orig_path.trim_end_matches('/')))
}

fn is_loopback_v4(h: &str) -> bool {
    let parts: Vec<&str> = h.split('.').collect();
    parts.len() == 4
        && parts[0] == "127"
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.len() <= 3
                && p.bytes().all(|b| b.is_ascii_digit())
                && (p.len() == 1 || !p.starts_with('0'))
                && p.parse::<u16>().map(|n| n <= 255).unwrap_or(false)
        })
}

// ---------------------------------------------------------------------------------------------
// Fix advice

/// Where the clock lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Os {
    Windows,
    MacOs,
    Linux,
    /// Windows Subsystem for Linux (its clock can fall behind after the PC sleeps).
    Wsl,
    /// A Docker container (uses the host's clock).
    Docker,
    /// A phone or tablet, when that is what shows the page.
    Android,
    Ios,
}

/// A command that helps fix the clock, with what it does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FixCommand {
    /// The command, exactly as it is typed.
    pub command: &'static str,
    /// What it does, and where to run it.
    pub note: &'static str,
}

impl Os {
    pub const ALL: [Os; 7] = [
        Os::Windows,
        Os::MacOs,
        Os::Linux,
        Os::Wsl,
        Os::Docker,
        Os::Android,
        Os::Ios,
    ];

    /// Stable id: `windows`, `macos`, `linux`, `wsl`, `docker`, `android`, `ios`.
    pub fn id(self) -> &'static str {
        match self {
            Os::Windows => "windows",
            Os::MacOs => "macos",
            Os::Linux => "linux",
            Os::Wsl => "wsl",
            Os::Docker => "docker",
            Os::Android => "android",
            Os::Ios => "ios",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Os::Windows => "Windows",
            Os::MacOs => "macOS",
            Os::Linux => "Linux",
            Os::Wsl => t!(lang, "WSL (Linux on Windows)", "WSL（Windows 上的 Linux）"),
            Os::Docker => t!(lang, "Docker container", "Docker 容器"),
            Os::Android => "Android",
            Os::Ios => "iPhone / iPad",
        }
    }

    /// The system a browser runs on, from its user agent (`None` when it does not say, or for
    /// systems without a fix of their own here, such as ChromeOS). WSL and Docker never show
    /// pages, so they are never detected.
    pub fn from_user_agent(ua: &str) -> Option<Os> {
        if ua.contains("Windows") {
            Some(Os::Windows)
        } else if ua.contains("iPhone") || ua.contains("iPad") || ua.contains("iPod") {
            Some(Os::Ios)
        } else if ua.contains("Android") {
            Some(Os::Android)
        } else if ua.contains("CrOS") {
            None
        } else if ua.contains("Macintosh") || ua.contains("Mac OS X") {
            Some(Os::MacOs)
        } else if ua.contains("Linux") || ua.contains("X11") {
            Some(Os::Linux)
        } else {
            None
        }
    }

    /// What to do to make the clock synchronise itself, in words (commands in [`Os::commands`]).
    pub fn steps(self, lang: Lang) -> &'static str {
        match self {
            Os::Windows => t!(
                lang,
                "Open Settings > Time & language > Date & time, switch on \"Set time automatically\" and \"Set \
                 time zone automatically\" (or pick the right zone), then press \"Sync now\".",
                "打开“设置 > 时间和语言 > 日期和时间”，打开“自动设置时间”和“自动设置时区”（或者手动选对时区），\
                 然后点“立即同步”。"
            ),
            Os::MacOs => t!(
                lang,
                "Open System Settings > General > Date & Time and switch on \"Set time and date automatically\"; \
                 check the time zone there too.",
                "打开“系统设置 > 通用 > 日期与时间”，打开“自动设置时间和日期”，顺便检查一下时区。"
            ),
            Os::Linux => t!(
                lang,
                "Turn on network time synchronisation (NTP), and check that it is working.",
                "打开网络时间同步（NTP），并确认它在正常工作。"
            ),
            Os::Wsl => t!(
                lang,
                "WSL's clock can stay behind after Windows sleeps or hibernates. Make sure Windows itself syncs its \
                 time, then reload WSL's clock.",
                "Windows 睡眠或休眠之后，WSL 的时间可能一直落后。先确认 Windows 本身在自动同步时间，再让 WSL 重新读取时间。"
            ),
            Os::Docker => t!(
                lang,
                "A container has no clock of its own: it uses the host's. Fix the time on the host machine (or on \
                 the Docker Desktop VM: restarting Docker Desktop resyncs it); changing the time zone inside the \
                 container does not change the UTC time OKX checks.",
                "容器没有自己的时钟，用的是宿主机的时间。请校准宿主机的时间（如果用 Docker Desktop，重启它会重新同步\
                 其虚拟机的时间）；在容器里改时区不会改变欧易检查的 UTC 时间。"
            ),
            Os::Android => t!(
                lang,
                "Open Settings, search for \"Date & time\" and switch on \"Set time automatically\" (on some \
                 phones it is called \"Automatic date and time\" or \"Use network-provided time\").",
                "打开“设置”，搜索“日期和时间”，打开“自动设置时间”（有些手机上叫“自动确定日期和时间”或“使用网络提供的\
                 时间”）。"
            ),
            Os::Ios => t!(
                lang,
                "Open Settings > General > Date & Time and switch on \"Set Automatically\".",
                "打开“设置 > 通用 > 日期与时间”，打开“自动设置”。"
            ),
        }
    }

    /// Commands that check or correct the clock at once.
    pub fn commands(self, lang: Lang) -> Vec<FixCommand> {
        let c = |command, note| FixCommand { command, note };
        match self {
            Os::Windows => vec![c(
                "w32tm /resync",
                t!(
                    lang,
                    "syncs the clock at once (in a terminal run as administrator)",
                    "立即同步时间（在以管理员身份运行的终端里执行）"
                ),
            )],
            Os::MacOs => vec![c(
                "sudo sntp -sS time.apple.com",
                t!(lang, "corrects the clock at once", "立即校正时间"),
            )],
            Os::Linux => vec![
                c(
                    "timedatectl status",
                    t!(
                        lang,
                        "shows whether the clock is synchronised",
                        "查看系统时间是否已同步"
                    ),
                ),
                c(
                    "sudo timedatectl set-ntp true",
                    t!(lang, "turns synchronisation on", "打开自动同步"),
                ),
                c(
                    "sudo chronyc makestep",
                    t!(
                        lang,
                        "corrects the clock at once, if the machine uses chrony",
                        "如果机器用的是 chrony，立即校正时间"
                    ),
                ),
            ],
            Os::Wsl => vec![
                c(
                    "wsl --shutdown",
                    t!(
                        lang,
                        "in Windows (PowerShell or cmd); then reopen the distribution",
                        "在 Windows 里执行（PowerShell 或 cmd），然后重新打开发行版"
                    ),
                ),
                c(
                    "sudo hwclock -s",
                    t!(
                        lang,
                        "inside WSL: reloads the time from the PC",
                        "在 WSL 里执行：从电脑重新读取时间"
                    ),
                ),
            ],
            Os::Docker | Os::Android | Os::Ios => Vec::new(),
        }
    }
}

/// `name` ready to sit between Chinese characters: with a space on each side that touches a Latin
/// letter or digit ("在 macOS 上", "在 Docker 容器上").
pub fn spaced_in_chinese(name: &str) -> String {
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let lead = if latin(name.chars().next()) { " " } else { "" };
    let trail = if latin(name.chars().last()) { " " } else { "" };
    format!("{lead}{name}{trail}")
}

/// Client library the user signs requests with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Library {
    Ccxt,
    PythonOkx,
    OkxApi,
    /// The user's own signing code.
    Own,
}

impl Library {
    pub const ALL: [Library; 4] = [Library::Ccxt, Library::PythonOkx, Library::OkxApi, Library::Own];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Library::Ccxt => "ccxt / ccxt.pro",
            Library::PythonOkx => "python-okx",
            Library::OkxApi => t!(lang, "okx-api (Node.js)", "okx-api（Node.js）"),
            Library::Own => t!(lang, "Your own code", "自己写的代码"),
        }
    }

    /// What the library does (or does not do) about clock offsets.
    pub fn advice(self, lang: Lang) -> &'static str {
        match self {
            Library::Ccxt => t!(
                lang,
                "Setting `options['adjustForTimeDifference'] = True` makes ccxt measure the difference once when \
                 markets load and correct REST signatures. It does not correct the WebSocket login of ccxt.pro, \
                 which signs with the raw local clock, so fixing the machine's clock is the real cure.",
                "设置 `options['adjustForTimeDifference'] = True` 后，ccxt 会在加载市场时测一次时间差，并据此校正 \
                 REST 签名。它不会校正 ccxt.pro 的 WebSocket 登录，那里直接用本机时间签名，所以根本的办法还是校准\
                 机器的系统时间。"
            ),
            Library::PythonOkx => t!(
                lang,
                "The `use_server_time` option has done nothing since 2024 (it only prints a deprecation \
                 warning). python-okx always signs with the local clock, so the machine's clock must be right.",
                "`use_server_time` 选项从 2024 年起就不起作用了（只会打印一条弃用警告）。python-okx 总是用本机时间\
                 签名，所以机器的系统时间必须准确。"
            ),
            Library::OkxApi => t!(
                lang,
                "okx-api does not correct the clock on its own: REST signatures use the local time. Fix the \
                 system clock (a manual WebSocket time offset exists, but it is a workaround).",
                "okx-api 不会自己校正时间：REST 签名用的是本机时间。请校准系统时间（它有手动设置 WebSocket 时间偏移的\
                 选项，但那只是权宜之计）。"
            ),
            Library::Own => t!(
                lang,
                "Send the timestamp in UTC, ISO 8601 with milliseconds and a Z (e.g. 2026-07-21T09:08:57.715Z), \
                 never local time with a Z stuck on. If you cannot fix the clock, fetch /api/v5/public/time, \
                 keep the difference, and sign with local time corrected by it.",
                "时间戳要用 UTC，格式是带毫秒、以 Z 结尾的 ISO 8601（例如 2026-07-21T09:08:57.715Z），不要用本地时间\
                 再硬加一个 Z。如果暂时没法校准系统时间，可以请求 /api/v5/public/time，记下时间差，签名时用校正后的\
                 本机时间。"
            ),
        }
    }
}

/// The shell a manual check runs in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shell {
    /// sh, bash or zsh, with curl (Linux, macOS, WSL, a VPS).
    Posix,
    /// Windows PowerShell.
    PowerShell,
}

impl Shell {
    /// The shell of a system's terminal.
    pub fn of(os: Option<Os>) -> Shell {
        if os == Some(Os::Windows) {
            Shell::PowerShell
        } else {
            Shell::Posix
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Shell::Posix => "Linux / macOS / WSL",
            Shell::PowerShell => "Windows PowerShell",
        }
    }
}

/// A manual check that needs no arithmetic: a one-line command that asks `host` for the time
/// and prints how many whole seconds this machine's clock is ahead of it (`+3 s`; `-45 s` is
/// behind). Good to about a second, which is plenty against OKX's 30 s.
pub fn manual_check_command(host: Host, shell: Shell) -> String {
    let url = host.time_url();
    match shell {
        Shell::Posix => {
            format!("ts=$(curl -s {url} | grep -o '[0-9]\\{{13\\}}'); printf '%+d s\\n' $(( $(date +%s) - ts / 1000 ))")
        }
        Shell::PowerShell => format!(
            "$ts = (Invoke-RestMethod {url}).data[0].ts; '{{0:+0;-0}} s' -f \
             [math]::Round(([DateTimeOffset]::UtcNow.ToUnixTimeMilliseconds() - [long]$ts) / 1000)"
        ),
    }
}

/// What [`manual_check_command`]'s output means.
pub fn manual_check_note(lang: Lang) -> &'static str {
    t!(
        lang,
        "It prints how many seconds that machine's clock is ahead of OKX; a minus sign means behind. Up to about \
         15 is fine; from 30 on, OKX refuses signed requests.",
        "它会打印这台机器的系统时间比欧易快多少秒，负号表示慢。15 秒以内没问题；达到 30 秒，欧易就会拒绝签名请求。"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(sent: f64, recv: f64, wall: f64, ts: f64) -> Sample {
        Sample {
            sent_ms: sent,
            received_ms: recv,
            wall_at_receive_ms: wall,
            server_ts_ms: ts,
        }
    }

    #[test]
    fn min_rtt_sample_wins() {
        // Device ahead by 3000 ms. Sample 1: rtt 100, sample 2: rtt 40.
        let a = s(0.0, 100.0, 1_000_000.0, 1_000_000.0 - 50.0 - 3000.0);
        let b = s(500.0, 540.0, 1_000_540.0, 1_000_540.0 - 20.0 - 3000.0 + 7.0);
        let e = estimate(&[a, b]).unwrap();
        assert_eq!(e.best_rtt_ms, 40.0);
        assert_eq!(e.offset_ms, 2993.0);
        assert_eq!(e.uncertainty_ms, 21.0);
        assert_eq!(e.samples_used, 2);
        assert_eq!(e.spread_ms, 7.0);
    }

    #[test]
    fn filters_bad_rtts() {
        let slow = s(0.0, 3500.0, 0.0, 0.0);
        let neg = s(10.0, 5.0, 0.0, 0.0);
        assert!(estimate(&[slow, neg]).is_none());
        assert!(estimate(&[]).is_none());
        let ok = s(0.0, 10.0, 1e12, 1e12);
        assert_eq!(estimate(&[slow, ok, neg]).unwrap().samples_used, 1);
    }

    #[test]
    fn verdict_bands() {
        assert_eq!(verdict(0.0, 10.0), Verdict::Fine);
        assert_eq!(verdict(-1999.0, 10.0), Verdict::Fine);
        assert_eq!(verdict(2000.0, 10.0), Verdict::Drifting);
        assert_eq!(verdict(-14_999.0, 10.0), Verdict::Drifting);
        assert_eq!(verdict(15_000.0, 10.0), Verdict::WillBeRejected);
        assert_eq!(verdict(-45_000.0, 10.0), Verdict::WillBeRejected);
        assert_eq!(verdict(10_000.0, 20_000.0), Verdict::WillBeRejected);
        assert_eq!(verdict(f64::NAN, 0.0), Verdict::WillBeRejected);
        assert!(Verdict::Drifting.is_safe() && !Verdict::WillBeRejected.is_safe());
    }

    #[test]
    fn timezone() {
        let h = timezone_hint(-2.0 * 3_600_000.0 + 300.0).unwrap();
        assert_eq!((h.hours, h.minutes, h.ahead), (2, 0, false));
        assert_eq!(h.hhmm(), "2:00");
        let h = timezone_hint(5.5 * 3_600_000.0 + 40_000.0).unwrap();
        assert_eq!((h.hours, h.minutes, h.ahead), (5, 30, true));
        assert!(h.message(Lang::En).contains("5 h 30 min ahead"));
        assert_eq!(timezone_hint(15.0 * 60_000.0).unwrap().hhmm(), "0:15");
        assert!(timezone_hint(9.0 * 60_000.0).is_none());
        assert!(timezone_hint(3_600_000.0 + 120_000.0).is_none());
        assert!(timezone_hint(31_000.0).is_none());
    }

    #[test]
    fn describing() {
        let describe_en = |e: &Estimate| describe(e, Lang::En);
        let mk = |o, u| Estimate {
            offset_ms: o,
            uncertainty_ms: u,
            best_rtt_ms: 0.0,
            samples_used: 1,
            spread_ms: 0.0,
        };
        assert_eq!(
            describe_en(&mk(3200.0, 40.0)),
            "Your clock is 3.2 s ahead of OKX (±40 ms)"
        );
        assert_eq!(
            describe_en(&mk(-3200.0, 1500.0)),
            "Your clock is 3.2 s behind OKX (±1.5 s)"
        );
        assert!(describe_en(&mk(-120.0, 40.0)).starts_with("Your clock is in sync with OKX"));
        assert_eq!(
            describe_en(&mk(7_260_000.0, 40.0)),
            "Your clock is 2 h 01 min ahead of OKX (±40 ms)"
        );
        assert_eq!(
            describe_en(&mk(-65_000.0, 40.0)),
            "Your clock is 1 min 05 s behind OKX (±40 ms)"
        );
    }

    #[test]
    fn parse_ok_and_faults() {
        assert_eq!(
            parse_time_response(200, r#"{"code":"0","msg":"","data":[{"ts":"1597026383085"}]}"#),
            Ok(1597026383085.0)
        );
        assert_eq!(
            parse_time_response(200, r#"{"code":"0","data":[{"ts":1597026383085}]}"#),
            Ok(1597026383085.0)
        );
        assert_eq!(parse_time_response(500, "oops"), Err(ClockError::HttpStatus(500)));
        assert!(matches!(
            parse_time_response(200, "<html>"),
            Err(ClockError::NotJson { .. })
        ));
        assert!(matches!(
            parse_time_response(200, "[1,2]"),
            Err(ClockError::NotJson { .. })
        ));
        assert_eq!(
            parse_time_response(200, r#"{"code":"0","data":[{}]}"#),
            Err(ClockError::MissingTs)
        );
        assert_eq!(
            parse_time_response(200, r#"{"code":"0","data":[]}"#),
            Err(ClockError::MissingTs)
        );
        assert_eq!(
            parse_time_response(200, r#"{"code":"50011","msg":"Too Many Requests","data":[]}"#),
            Err(ClockError::OkxCode {
                code: "50011".into(),
                msg: "Too Many Requests".into()
            })
        );
        assert_eq!(
            parse_time_response(200, r#"{"code":"0","data":[{"ts":"soon"}]}"#),
            Err(ClockError::BadTs("soon".into()))
        );
        assert_eq!(
            parse_time_response(200, r#"{"code":"0","data":[{"ts":"1597026383"}]}"#),
            Err(ClockError::BadTs("1597026383".into()))
        );
        // Every error has its own kind and a non-empty message.
        let errs = [
            ClockError::Timeout { after_ms: 2000 },
            ClockError::ConnectionRefused,
            ClockError::Network("dns".into()),
            ClockError::Cors,
            ClockError::HttpStatus(500),
            ClockError::NotJson { snippet: "x".into() },
            ClockError::MissingTs,
            ClockError::OkxCode {
                code: "1".into(),
                msg: String::new(),
            },
            ClockError::BadTs("x".into()),
            ClockError::WebSocket("x".into()),
            ClockError::NoUsableSamples,
        ];
        let kinds: std::collections::HashSet<_> = errs.iter().map(|e| e.kind()).collect();
        assert_eq!(kinds.len(), errs.len());
        assert!(errs
            .iter()
            .all(|e| e.message(Lang::En).len() > 20 && e.message(Lang::Zh).len() > 20));
        assert!(ClockError::Timeout { after_ms: 2000 }
            .message(Lang::En)
            .contains("2.0 s"));
    }

    #[test]
    fn ws_maths_and_messages() {
        // Device behind by 1000 ms: wall = server − 1000 + delay.
        let pushes = [
            (0.0, 5000.0),
            (1_000.0 + 60.0 - 1000.0, 1_000.0),
            (2_000.0 + 30.0 - 1000.0, 2_000.0),
        ];
        let e = estimate_from_ws(&[80.0, 60.0, 200.0], &pushes).unwrap();
        assert_eq!(e.best_rtt_ms, 60.0);
        assert_eq!(e.offset_ms, -1000.0);
        assert_eq!(e.uncertainty_ms, 180.0);
        assert_eq!(e.samples_used, 2);
        assert!(estimate_from_ws(&[], &pushes).is_none());
        assert!(estimate_from_ws(&[50.0], &pushes[..1]).is_none());

        let v: Value = serde_json::from_str(&ws_subscribe_tickers("BTC-USDT")).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"op":"subscribe","args":[{"channel":"tickers","instId":"BTC-USDT"}]})
        );
        assert_eq!(parse_ws_message("pong"), WsMessage::Pong);
        assert_eq!(
            parse_ws_message(r#"{"event":"subscribe","arg":{"channel":"tickers","instId":"BTC-USDT"},"connId":"a"}"#),
            WsMessage::Subscribed
        );
        assert_eq!(
            parse_ws_message(r#"{"event":"error","code":"60018","msg":"Wrong URL"}"#),
            WsMessage::Error {
                code: "60018".into(),
                msg: "Wrong URL".into()
            }
        );
        assert_eq!(
            parse_ws_message(
                r#"{"arg":{"channel":"tickers","instId":"BTC-USDT"},"data":[{"last":"1","ts":"1597026383085"}]}"#
            ),
            WsMessage::Push { ts_ms: 1597026383085.0 }
        );
        assert_eq!(parse_ws_message("garbage"), WsMessage::Other);
    }

    #[test]
    fn base_url_validation() {
        for ok in [
            "http://127.0.0.1:8080",
            "http://127.0.0.1",
            "https://localhost:3000/",
            "http://LOCALHOST:1",
            "http://[::1]:9000",
            "http://127.255.0.9:65535/okx/proxy",
        ] {
            assert!(validate_base_url_param(ok).is_ok(), "{ok}");
        }
        assert_eq!(
            validate_base_url_param("http://127.0.0.1:8080/").unwrap(),
            "http://127.0.0.1:8080"
        );
        assert_eq!(
            validate_base_url_param("HTTP://LocalHost:80/Api").unwrap(),
            "http://localhost:80/Api"
        );
        for bad in [
            "",
            "127.0.0.1:8080",
            "ftp://127.0.0.1",
            "javascript:alert(1)",
            "//127.0.0.1",
            "http://127.0.0.1@evil.com",
            "http://user:pw@127.0.0.1",
            "http://127.0.0.1.evil.com",
            "http://127.0.0.1:80.evil.com",
            "http://evil.com/127.0.0.1",
            "http://evil.com#@127.0.0.1",
            "http://127.0.0.1#@evil.com",
            "http://127.0.0.1?x=@evil.com",
            "http://127.0.0.1\\@evil.com",
            "http://127.0.0.1\\.evil.com",
            "http://localhost.evil.com",
            "http://localhost.",
            "http://127.1",
            "http://0177.0.0.1",
            "http://127.0.0.256",
            "http://127.0.0.01",
            "http://2130706433",
            "http://0x7f.0.0.1",
            "http://[::1].evil.com",
            "http://[::ffff:127.0.0.1]",
            "http://[::2]",
            "http://127.0.0.1:0",
            "http://127.0.0.1:99999",
            "http://127.0.0.1:",
            "http://127.0.0.1:80:81",
            "http://127.0.0.1 .evil.com",
            "http://127.0.0.1\t.evil.com",
            "http://127.0.0.1%2eevil.com",
            "http://127.0.0.1/../x",
            "https://www.okx.com",
            "http://10.0.0.1",
        ] {
            assert!(validate_base_url_param(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn hosts() {
        assert_eq!(Host::parse("EEA"), Some(Host::Eea));
        assert_eq!(Host::parse("mars"), None);
        assert_eq!(Host::Us.time_url(), "https://us.okx.com/api/v5/public/time");
        assert_eq!(time_url("http://127.0.0.1:9/"), "http://127.0.0.1:9/api/v5/public/time");
        assert_eq!(Host::Eea.ws_public_url(), "wss://wseea.okx.com:8443/ws/v5/public");
        assert_eq!(
            ws_url_for_base("http://127.0.0.1:9/").unwrap(),
            "ws://127.0.0.1:9/ws/v5/public"
        );
        assert_eq!(
            ws_url_for_base("https://localhost").unwrap(),
            "wss://localhost/ws/v5/public"
        );
        assert!(ws_url_for_base("ftp://x").is_none());
        for h in Host::ALL {
            assert_eq!(Host::parse(h.id()), Some(h));
        }
        assert!(Os::ALL.iter().all(|o| !o.steps(Lang::En).is_empty()));
        assert!(Os::Wsl.commands(Lang::En).iter().any(|c| c.command == "wsl --shutdown"));
        assert!(Library::Ccxt.advice(Lang::Zh).contains("adjustForTimeDifference"));
    }
}
