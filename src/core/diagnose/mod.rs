//! The diagnosis engine: finds every OKX error in pasted text of any shape — OKX bodies (JSON,
//! Python dict, JS object, curly quotes, escaped JSON, truncated), ccxt exceptions and tracebacks,
//! batch responses (`data[].sCode`), WebSocket error frames and close codes, bot logs, HTTP status
//! lines, message-only text (fuzzy), OKX's official Chinese messages, legacy OKEx v3 codes, errors
//! raised inside a library, and network failures. Codes of OKX Outcomes, a separate API, are named
//! as such and never read as v5 or legacy codes.
//!
//! A code is only reported when it stands in a code context (`"code":"50113"`, `sCode`, `okx 50113`,
//! `Error code 50113` …) or when a known message implies it; bare numbers (timestamps, order ids,
//! prices) never become codes.

mod causes;
mod chunked;
mod codes;
mod facts;
mod legacy;
mod library;
mod messages;
mod needles;
mod patterns;
mod prose;
mod text_zh;
mod zh;
pub use chunked::{diagnose_chunked, CHUNK_BYTES};
pub use text_zh::{notes_in, title_in};
pub(crate) mod util;

use super::catalog::{self, Entry, Kind};
use super::categorize;
use super::category::Category;
use super::facts::PasteFacts;
use super::secrets::{self, CredentialHit};
use super::template;
use codes::KeyKind;
use serde::Serialize;
use std::collections::HashMap;
use util::*;

/// Input beyond this many bytes is ignored (and [`Diagnosis::truncated_input`] is set).
pub const MAX_INPUT: usize = 8 * 1024 * 1024;
/// Distinct lines that get fuzzy message matching (the rest are still scanned for codes).
const MAX_FUZZY_LINES: usize = 300;
/// Long lines are cut into windows of this size for the line scanners.
const LINE_WINDOW: usize = 4096;
/// Bytes before a line that the library scanner reads for context (a few traceback frames).
const LIBRARY_CONTEXT: usize = 600;
/// Bytes from each end of a long paste that the fact detector reads.
const FACTS_SAMPLE: usize = 512 * 1024;

/// How a finding was recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    OkxCode,
    BatchItem,
    WsFrame,
    WsClose,
    HttpStatus,
    MessageMatch,
    LegacyV3,
    LibraryLocal,
    Network,
    /// A category read from the user's own description, not from an error message.
    Description,
    /// The paste holds an error the engine does not recognise.
    Unrecognised,
    /// A code of OKX Outcomes (prediction markets), a separate API whose codes are not v5 ones.
    OutcomesCode,
}

/// One error found in the paste.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    /// The OKX code (v5, or v3 for [`FindingKind::LegacyV3`]); `None` when there is none.
    pub code: Option<String>,
    #[serde(serialize_with = "ser_category")]
    pub category: Category,
    /// 0..=1.
    pub confidence: f32,
    /// The matched text, trimmed, at most ~300 characters.
    pub evidence: String,
    /// Byte range of the first occurrence in the input.
    pub span: (usize, usize),
    /// Short human title (`"50113 Invalid signature"`, `"Network: connection timed out"`).
    pub title: String,
    /// Cause titles from the knowledge base (may be empty).
    pub causes: Vec<String>,
    /// Occurrences in the paste (identical findings are merged).
    pub count: usize,
    pub kind: FindingKind,
    pub notes: Vec<String>,
    /// The catalog row whose message the finding's message is (a sub-code's, `51008_1001`), for a
    /// code finding: what the Chinese title shows OKX's Chinese message of. Not part of the JSON.
    #[serde(skip)]
    pub row: Option<&'static str>,
}

fn ser_category<S: serde::Serializer>(c: &Category, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(c.id())
}

/// Everything found in one paste.
#[derive(Debug, Clone)]
pub struct Diagnosis {
    /// Ranked, best first.
    pub findings: Vec<Finding>,
    pub facts: PasteFacts,
    pub credentials: Vec<CredentialHit>,
    /// The input was longer than [`MAX_INPUT`] and only its start was read.
    pub truncated_input: bool,
    /// The best finding's confidence is below [`UNSURE_BELOW`] (or nothing was found): the paste
    /// box and the CLI say they are not sure and offer the wizard's first question.
    pub unsure: bool,
}

/// Below this top-finding confidence the diagnosis is reported as unsure. Chosen from the
/// calibration table of the real-world corpus (`tests/corpus.rs` prints it). Before issue 13 the
/// findings under 0.6 were right 15 % of the time and those from 0.6 up 93 %; now descriptions
/// (0.45) and unrecognised errors (0.2) fall under it and are right about three times in four on
/// the held-out part, against 95 % for findings from 0.6 up. No pattern scores between 0.45 and
/// 0.6, so the line falls in a natural gap.
pub const UNSURE_BELOW: f32 = 0.6;

/// Whether ranked findings leave the diagnosis unsure (see [`Diagnosis::unsure`]).
pub(crate) fn is_unsure(findings: &[Finding]) -> bool {
    findings.first().is_none_or(|f| f.confidence < UNSURE_BELOW)
}

impl Diagnosis {
    pub fn top(&self) -> Option<&Finding> {
        self.findings.first()
    }
}

/// The wizard's first question for an unsure diagnosis (in the top finding's category, or `other`
/// when nothing was found), to offer instead of a confident guess. `None` when the diagnosis is
/// sure or the tree starts with something other than a question.
pub fn first_question(d: &Diagnosis) -> Option<&'static super::wizard::Question> {
    if !d.unsure {
        return None;
    }
    let cat = d.top().map_or(Category::Other, |f| f.category);
    match &super::wizard::tree_for(cat).start_node().kind {
        super::wizard::NodeKind::Question(q) => Some(q),
        _ => None,
    }
}

fn tier(f: &Finding) -> u8 {
    match f.kind {
        FindingKind::OkxCode
        | FindingKind::BatchItem
        | FindingKind::WsFrame
        | FindingKind::WsClose
        | FindingKind::LegacyV3
        | FindingKind::OutcomesCode => {
            if f.category == Category::Other && f.confidence < 0.5 {
                2
            } else {
                5
            }
        }
        // A library exception class with no OKX body says less than a network failure next to it.
        FindingKind::LibraryLocal if f.category == Category::Other && f.confidence < library::CONF_BARE => 0,
        FindingKind::LibraryLocal => 4,
        FindingKind::MessageMatch => 4,
        FindingKind::HttpStatus => 3,
        FindingKind::Network => 1,
        FindingKind::Description => 0,
        FindingKind::Unrecognised => 0,
    }
}

/// Collects findings, merging identical ones.
struct Acc<'t> {
    text: &'t str,
    list: Vec<Finding>,
    keys: HashMap<(Option<String>, Category, String, u8), usize>,
    /// code -> end offset of its last occurrence (to count one object once).
    last_end: HashMap<String, usize>,
}

impl<'t> Acc<'t> {
    /// A finding for catalog entry `e` whose message (English or official Chinese) was found in
    /// the line `body`: its category from the message and the line, its title from the catalog,
    /// and a note when the message is a sub-code's.
    fn add_message(
        &mut self,
        e: &'static Entry,
        body: &str,
        (kind, confidence): (FindingKind, f32),
        span: (usize, usize),
        mut notes: Vec<String>,
    ) -> usize {
        if let Some(sc) = e.sub_code {
            notes.push(format!("the message matches sub-code {} ({})", sc, e.code));
        }
        let category = categorize::category_for_message(e, body);
        let title = code_title(e, message_on_line(e, body).as_deref());
        let i = self.add(
            Some(e.base_code.to_string()),
            category,
            confidence,
            span,
            title,
            kind,
            notes,
            1,
        );
        self.list[i].row.get_or_insert(e.code);
        i
    }

    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        code: Option<String>,
        category: Category,
        confidence: f32,
        span: (usize, usize),
        title: String,
        kind: FindingKind,
        notes: Vec<String>,
        times: usize,
    ) -> usize {
        let group = match kind {
            FindingKind::Network => 1,
            FindingKind::HttpStatus => 2,
            FindingKind::LibraryLocal => 3,
            FindingKind::Description | FindingKind::Unrecognised => 4,
            _ => 0,
        };
        let key = (
            code.clone(),
            category,
            if code.is_some() { String::new() } else { title.clone() },
            group,
        );
        if let Some(&i) = self.keys.get(&key) {
            let f = &mut self.list[i];
            if let Some(c) = &code {
                let near = self.last_end.get(c).is_some_and(|&e| {
                    span.0 >= e && span.0 <= e + 300 && !self.text.as_bytes()[e..span.0].contains(&b'\n')
                });
                self.last_end.insert(c.clone(), span.1);
                if near {
                    // Same object seen through another key: upgrade but do not count twice.
                    if confidence > f.confidence {
                        f.confidence = confidence;
                    }
                    return i;
                }
            }
            f.count += times;
            if confidence > f.confidence {
                f.confidence = confidence;
            }
            for n in notes {
                if !f.notes.contains(&n) {
                    f.notes.push(n);
                }
            }
            return i;
        }
        if let Some(c) = &code {
            self.last_end.insert(c.clone(), span.1);
        }
        let evidence = evidence(self.text, span);
        self.keys.insert(key, self.list.len());
        self.list.push(Finding {
            code,
            category,
            confidence: confidence.clamp(0.0, 1.0),
            evidence,
            span,
            title,
            causes: Vec::new(),
            count: times,
            kind,
            notes,
            row: None,
        });
        self.list.len() - 1
    }
}

impl Acc<'_> {
    /// Adds a library-local error found in the line that starts at byte `off`.
    fn add_library(&mut self, off: usize, e: &library::LibError) -> usize {
        self.add(
            None,
            e.category,
            e.confidence,
            (off + e.span.0, off + e.span.1),
            e.title.clone(),
            FindingKind::LibraryLocal,
            e.notes(),
            1,
        )
    }
}

fn clean_msg(m: &str) -> &str {
    m.trim().trim_end_matches('.').trim()
}

fn code_title(e: &Entry, runtime: Option<&str>) -> String {
    // The pasted wording when the paste has it; else the catalog's, with placeholders readable.
    let mut msg = match runtime {
        Some(r) if !r.trim().is_empty() && r.len() <= 110 && !r.contains('{') => clean_msg(r).to_string(),
        _ => clean_msg(&template::readable(e.msg)).to_string(),
    };
    if msg.chars().count() > 100 {
        msg = msg.chars().take(97).collect::<String>() + "…";
    }
    if msg.is_empty() {
        e.code.to_string()
    } else {
        format!("{} {}", e.base_code, msg)
    }
}

/// The code's message as `line` has it, with its real values, when the catalog's message is a
/// template and no message field gave it ("51000 Parameter posSide error" in a sentence): what a
/// title shows instead of "Parameter … error".
fn message_on_line(e: &Entry, line: &str) -> Option<String> {
    template::has_placeholder(e.msg)
        .then(|| template::fill_from_paste(e.msg, line))
        .flatten()
}

/// A sub-code entry whose message matches the runtime message better than the base entry.
fn refine_subcode(e: &'static Entry, runtime: &str) -> &'static Entry {
    if e.sub_codes.is_empty() && catalog::sub_entries(e.base_code).next().is_none() {
        return e;
    }
    // A Chinese message is one of the sub-codes' official Chinese messages, or none of them.
    if runtime.chars().any(crate::core::search::is_cjk) {
        return catalog::codes_for_zh_message(runtime)
            .into_iter()
            .find(|s| s.base_code == e.base_code)
            .unwrap_or(e);
    }
    let rl = crate::core::search::normalize(runtime);
    let mut best: Option<(&'static Entry, f64)> = None;
    for s in catalog::sub_entries(e.base_code) {
        let tmpl = crate::core::search::normalize(s.msg);
        let sim = strsim::normalized_levenshtein(&rl, &tmpl);
        if best.is_none_or(|(_, b)| sim > b) {
            best = Some((s, sim));
        }
    }
    match best {
        Some((s, sim)) if sim > 0.75 => s,
        _ => e,
    }
}

/// `s` without runs of 4+ digits (3-digit HTTP statuses stay distinct).
fn cache_key(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    let mut last = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let st = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            if i - st >= 4 {
                out.push_str(&s[last..st]);
                out.push('#');
                last = i;
            }
        } else {
            i += 1;
        }
    }
    out.push_str(&s[last..]);
    out
}

fn near_ws_close(lower: &str, span: (usize, usize)) -> bool {
    let a = floor(lower, span.0.saturating_sub(160));
    let b = ceil(lower, (span.1 + 160).min(lower.len()));
    let w = &lower[a..b];
    [
        "close",
        "websocket",
        "disconnect",
        "ws ",
        "ws:",
        "wss:",
        "onclose",
        "[ws]",
        "socket",
    ]
    .iter()
    .any(|n| w.contains(n))
}

fn near_ws_event(lower: &str, span: (usize, usize)) -> bool {
    let a = floor(lower, span.0.saturating_sub(200));
    let b = ceil(lower, (span.1 + 200).min(lower.len()));
    let w = &lower[a..b];
    w.contains("event") && w.contains("error")
}

/// Confidence of a legacy (v1/v3) code: the code is certain, its meaning comes from a small table
/// or from the message next to it.
const CONF_LEGACY: f32 = 0.85;

/// Title, category and note of a legacy code.
fn legacy_finding(code: &str, api: legacy::Api, runtime: Option<&str>) -> (String, Category, String) {
    let retired = "was retired: move to API v5 (a current library or SDK version)";
    let by_msg = || runtime.and_then(|r| categorize::by_keywords(&r.to_lowercase()));
    match (api, legacy::lookup(code), legacy::lookup_v1(code)) {
        (legacy::Api::V3, Some((c, meaning, v5, cat)), _) => (
            format!("{c} (OKEx v3) {meaning}"),
            *cat,
            match v5 {
                Some(v) => format!("OKEx v3 code; the v5 equivalent is {v}. v3 {retired}"),
                None => format!("OKEx v3 code with no direct v5 equivalent. v3 {retired}"),
            },
        ),
        (legacy::Api::V1, _, Some((c, meaning, cat))) => (
            format!("{c} (OKEx v1) {meaning}"),
            *cat,
            format!("OKEx v1 code. v1 {retired}"),
        ),
        _ => {
            let title = match runtime.filter(|r| !r.trim().is_empty() && r.len() <= 110) {
                Some(r) => format!("{code} ({}) {}", api.label(), clean_msg(r)),
                None => format!("{code} ({} code)", api.label()),
            };
            (
                title,
                by_msg().unwrap_or(Category::Other),
                format!("{} code, not in the v5 catalog. The old API {retired}", api.label()),
            )
        }
    }
}

/// Confidence that a code is OKX Outcomes': its code table is OKX's own, but the engine knows
/// nothing more about it.
const CONF_OUTCOMES: f32 = 0.8;

/// Whether the paste shows OKEx's retired v1 API, whose REST codes 10000–10002 OKX Outcomes uses
/// again (`{"error_code":10000,"result":false}` from `/api/v1/`).
fn v1_context(lower: &str) -> bool {
    [
        "error_code",
        "/api/v1/",
        "okcoin",
        "\"result\":false",
        "\"result\": false",
        "'result': false",
    ]
    .iter()
    .any(|m| lower.contains(m))
}

/// Whether the paste names another exchange and not OKX (6-digit codes are common elsewhere).
fn other_exchange(lower: &str) -> bool {
    let okx = ["okx", "okex", "ouyi", "欧易"].iter().any(|m| lower.contains(m));
    !okx && [
        "bybit", "binance", "bitget", "kucoin", "gate.io", "gateio", "huobi", "htx", "mexc", "bingx", "deribit",
    ]
    .iter()
    .any(|m| lower.contains(m))
}

/// Whether a code in a code context is OKX Outcomes' rather than a v5 or legacy one: listed, or
/// of its 6-digit shape outside prose (`okx 123456` may be an id), and the paste is not about
/// OKEx v1 or another exchange.
fn is_outcomes(code: &str, key: KeyKind, lower: &str) -> bool {
    catalog::is_outcomes_api_code(code)
        && (key != KeyKind::Prose || catalog::OUTCOMES_API_CODES.contains(&code))
        && !v1_context(lower)
        && !other_exchange(lower)
}

/// RFC 6455 WebSocket close codes that OKX does not define itself.
fn ws_close_rfc(code: &str) -> bool {
    code.parse::<u16>().is_ok_and(|n| (1000..=1015).contains(&n)) && catalog::get(code).is_none()
}

/// The line without the HTTP reason phrase that follows status `st` (found at `sp`), if it has one.
fn without_reason(body: &str, lbody: &str, st: u16, sp: (usize, usize)) -> Option<String> {
    let reason = patterns::http_reason(st).to_ascii_lowercase();
    if reason.is_empty() {
        return None;
    }
    let from = sp.0.min(lbody.len());
    let rel = lbody[from..].find(&reason)?;
    let (a, b) = (from + rel, from + rel + reason.len());
    // Only when the phrase follows the status number closely ("429 Too Many Requests"), or after
    // the words Python's requests puts between them ("429 Client Error: Too Many Requests").
    let number = st.to_string();
    let gap = lbody.get(sp.1.min(a)..a).unwrap_or("").trim();
    let close = a <= sp.1 + 2 || matches!(gap, "client error:" | "server error:");
    if !close || !lbody[sp.0..a].contains(number.as_str()) {
        return None;
    }
    // A placeholder word keeps the line's length, so a generic message ("Request failed") is not
    // taken for the whole line.
    Some(format!("{}http{}", &body[..a], &body[b..]))
}

/// A proxy on the local machine (`127.0.0.1`, `localhost`) in the paste: inside Docker that
/// address is the container itself, the classic cause of refused or timed-out connections.
fn local_proxy(lower: &str) -> bool {
    ["127.0.0.1", "localhost"].iter().any(|h| lower.contains(h))
        && ["proxy", "proxies", "socks5"].iter().any(|k| lower.contains(k))
}

/// Adds the local-proxy context: a note on network findings, and a library exception without an
/// OKX body becomes a network failure (the request most likely never got an answer).
fn proxy_context(findings: &mut [Finding]) {
    const NOTE: &str = "the paste configures a proxy on 127.0.0.1 / localhost: inside a Docker container that address is the container itself, so the proxy must be reached through the host's address (host.docker.internal) or run in the same container";
    for f in findings.iter_mut() {
        if f.kind == FindingKind::LibraryLocal && f.category == Category::Other && f.confidence < library::CONF_BARE {
            f.category = Category::Network;
            f.title = "Network: the request got no OKX answer (a proxy is configured)".into();
        }
        if f.category == Category::Network && !f.notes.iter().any(|n| n == NOTE) {
            f.notes.push(NOTE.into());
        }
    }
}

/// Nothing was recognised: a category read from the user's description, else, when the text still
/// holds an error, a finding that names it as unrecognised. Only text without any error gets none.
fn description_or_unrecognised(text: &str, lower: &str) -> Option<Finding> {
    let mk = |category, confidence, span: (usize, usize), title: String, kind, notes: Vec<String>| Finding {
        code: None,
        category,
        confidence,
        evidence: evidence(text, span),
        span,
        title,
        causes: Vec::new(),
        count: 1,
        kind,
        notes,
        row: None,
    };
    if let Some((cat, span)) = prose::describe(text, lower) {
        return Some(mk(
            cat,
            prose::CONF_DESCRIPTION,
            span,
            format!("{}: read from a description, not from an error message", cat.label()),
            FindingKind::Description,
            vec!["no error message in the paste; the category comes from the words used to describe the problem. Paste the exact error text (response body, exception line or log line) for a firm diagnosis".into()],
        ));
    }
    prose::error_marker(lower).map(|span| {
        mk(
            Category::Other,
            prose::CONF_UNRECOGNISED,
            span,
            "An error okx-doctor does not recognise".into(),
            FindingKind::Unrecognised,
            vec!["the text holds an error, but no OKX code, known message, library or network pattern; paste the raw OKX response body (with \"code\" / \"sCode\") or the full exception line".into()],
        )
    })
}

/// Prepares the engine's lookup tables ahead of the first paste (optional: `diagnose` builds
/// them on first use otherwise).
pub fn warm_up() {
    messages::warm_up();
}

/// Diagnoses pasted text. Never panics; linear in the input (fuzzy work is bounded).
pub fn diagnose(input: &str) -> Diagnosis {
    let truncated_input = input.len() > MAX_INPUT;
    let text = &input[..floor(input, MAX_INPUT)];
    let lower = text.to_ascii_lowercase();
    // Facts: a long log is sampled (its start and end hold the start-up banner and the last
    // traceback); scanning 8 MB for ~70 markers would dominate the run time.
    let (facts, ws, proxy) = if lower.len() <= FACTS_SAMPLE * 2 {
        (facts::detect(&lower), facts::is_ws(&lower), local_proxy(&lower))
    } else {
        let mut sample = String::with_capacity(FACTS_SAMPLE * 2 + 1);
        sample.push_str(&lower[..floor(&lower, FACTS_SAMPLE)]);
        sample.push('\n');
        sample.push_str(&lower[ceil(&lower, lower.len() - FACTS_SAMPLE)..]);
        (facts::detect(&sample), facts::is_ws(&sample), local_proxy(&sample))
    };
    let mut acc = Acc {
        text,
        list: Vec::new(),
        keys: HashMap::new(),
        last_end: HashMap::new(),
    };
    // Line starts that a code finding already explains.
    let mut claimed: Vec<(usize, usize)> = Vec::new();
    let lines = LineIndex::new(text);

    // 1. Codes in code contexts.
    let hits = codes::scan(text, &lower);
    // Batch: outer code 1/2 followed by inner sCodes.
    let mut suppressed = vec![false; hits.len()];
    let mut outer_of: Vec<Option<String>> = vec![None; hits.len()];
    for i in 0..hits.len() {
        let h = &hits[i];
        if h.key == KeyKind::SCode || !(h.code == "1" || h.code == "2") {
            continue;
        }
        // look forwards and backwards (keys may come in any order) within the same body: the
        // neighbouring sCode hits up to the next other code.
        let mut found = false;
        let mut j = i + 1;
        while j < hits.len() && hits[j].key == KeyKind::SCode && hits[j].span.0 < h.span.1 + 3000 {
            if hits[j].code != "0" {
                found = true;
                outer_of[j] = Some(h.code.clone());
            }
            j += 1;
        }
        let mut j = i;
        while j > 0 && hits[j - 1].key == KeyKind::SCode && hits[j - 1].span.1 + 3000 > h.span.0 {
            j -= 1;
            if hits[j].code != "0" && outer_of[j].is_none() {
                // only when no other outer code follows before it (that one owns it)
                found = true;
                outer_of[j] = Some(h.code.clone());
            }
        }
        if found {
            suppressed[i] = true;
        }
    }
    let mut sub_cache: HashMap<(&'static str, String), &'static Entry> = HashMap::new();
    for (i, h) in hits.iter().enumerate() {
        if suppressed[i] {
            claimed.push(lines.bounds(h.span.0));
            continue;
        }
        let msg = codes::message_near(text, &lower, h);
        if let Some((_, ms)) = &msg {
            claimed.push(lines.bounds(ms.0));
        }
        let runtime = msg.as_ref().map(|(m, _)| m.as_str());
        let mut notes = Vec::new();
        let code = h.code.as_str();
        if code == "0" {
            continue;
        }
        if let Some(e) = catalog::get(code) {
            let kind = if e.kind == Kind::WsCloseFrame {
                if !near_ws_close(&lower, h.span) {
                    continue;
                }
                FindingKind::WsClose
            } else if h.key == KeyKind::SCode {
                FindingKind::BatchItem
            } else if near_ws_event(&lower, h.span) {
                FindingKind::WsFrame
            } else {
                FindingKind::OkxCode
            };
            claimed.push(lines.bounds(h.span.0));
            let mut cat = match runtime {
                Some(r) => categorize::category_for_message(e, r),
                None => categorize::category_of(e),
            };
            let mut conf = if h.key == KeyKind::Prose { 0.85 } else { 0.95 };
            if let Some(outer) = &outer_of[i] {
                notes.push(format!(
                    "outer code {outer} ({}); inner sCode {code} is the reason",
                    if outer == "1" {
                        "batch: all operations failed"
                    } else {
                        "batch: partially succeeded"
                    }
                ));
            }
            if (code == "1" || code == "2") && h.key != KeyKind::SCode {
                cat = Category::Other;
                conf = 0.4;
                notes.push(format!(
                    "code {code} only says that {}; the real reason is in data[].sCode / data[].sMsg, which this paste does not show",
                    if code == "1" { "the operation failed" } else { "a batch partially succeeded" }
                ));
            }
            let row = match runtime {
                Some(r) => *sub_cache
                    .entry((e.code, r.to_string()))
                    .or_insert_with(|| refine_subcode(e, r)),
                None => e,
            };
            if let (Some(sc), true) = (row.sub_code, row.code != e.code) {
                notes.push(format!("the message matches sub-code {} ({})", sc, row.code));
            }
            if e.kind == Kind::WsCloseFrame {
                notes.push("WebSocket close frame code".into());
            }
            let on_line = match runtime {
                None => {
                    let (start, end) = lines.bounds(h.span.0);
                    message_on_line(e, &text[start..end])
                }
                Some(_) => None,
            };
            let title = code_title(e, runtime.or(on_line.as_deref()));
            let i = acc.add(Some(e.base_code.to_string()), cat, conf, h.span, title, kind, notes, 1);
            acc.list[i].row.get_or_insert(row.code);
        } else if is_outcomes(code, h.key, &lower) {
            claimed.push(lines.bounds(h.span.0));
            acc.add(
                Some(code.to_string()),
                Category::Other,
                CONF_OUTCOMES,
                h.span,
                format!("{code} (OKX Outcomes API, not an API v5 code)"),
                FindingKind::OutcomesCode,
                vec!["OKX Outcomes (prediction markets, /api/v5/predictions/*) is a separate API with its own error codes, documented in OKX's Chinese docs only; okx-doctor explains the codes of the trading API v5, so look this one up in the Outcomes docs".into()],
                1,
            );
        } else if let Some(api) = legacy::api_of(code) {
            claimed.push(lines.bounds(h.span.0));
            let (title, cat, note) = legacy_finding(code, api, runtime);
            acc.add(
                Some(code.to_string()),
                cat,
                CONF_LEGACY,
                h.span,
                title,
                FindingKind::LegacyV3,
                vec![note],
                1,
            );
        } else if ws_close_rfc(code) {
            // RFC 6455 close codes (1000–1015) belong to the WebSocket layer, not to OKX: the
            // network scanner words them.
            continue;
        } else if code.len() >= 4 && h.key != KeyKind::Prose {
            claimed.push(lines.bounds(h.span.0));
            acc.add(
                Some(code.to_string()),
                runtime.and_then(categorize::by_keywords).unwrap_or(Category::Other),
                0.3,
                h.span,
                format!("{code} (not an OKX v5 code)"),
                FindingKind::OkxCode,
                vec!["this code is not in the OKX v5 catalog; it may come from another exchange or library".into()],
                1,
            );
        } else if code.len() == 3 {
            if let Ok(s @ 400..=599) = code.parse::<u16>() {
                let (cat, conf, note) = patterns::http_category(s);
                acc.add(
                    None,
                    cat,
                    conf,
                    h.span,
                    format!("HTTP {s} {}", patterns::http_reason(s)).trim().to_string(),
                    FindingKind::HttpStatus,
                    vec![note.to_string()],
                    1,
                );
            }
        }
    }
    claimed.sort_unstable();
    claimed.dedup();

    // 2. Line scanners: library-local errors, HTTP status, network failures, message matches.
    let mut line_cache: HashMap<String, Vec<usize>> = HashMap::new();
    let mut fuzzy_cache: HashMap<String, Option<messages::MsgMatch>> = HashMap::new();
    let mut zh_cache: HashMap<String, Option<zh::ZhHit>> = HashMap::new();
    let line_count = text.lines().take(50).count();
    let mut pos = 0usize;
    let tb = text.as_bytes();
    // The words of the line being scanned (one buffer for all lines).
    let mut line_words: Vec<&str> = Vec::new();
    while pos < tb.len() {
        let nl = tb[pos..].iter().position(|&c| c == b'\n').map_or(tb.len(), |p| pos + p);
        let (ls, le) = (pos, nl);
        pos = nl + 1;
        if le <= ls {
            continue;
        }
        let is_claimed = claimed.binary_search_by(|c| c.0.cmp(&ls)).is_ok();
        if is_claimed {
            continue;
        }
        // windows over long lines
        let mut ws_ = ls;
        while ws_ < le {
            let we = floor(text, (ws_ + LINE_WINDOW).min(le)).max(ceil(text, ws_ + 1).min(le));
            let seg_start = ws_;
            ws_ = if we > ws_ { we } else { le };
            let seg = &text[seg_start..ws_];
            let body = strip_log_prefix(seg);
            if body.is_empty() {
                continue;
            }
            // Lines that differ only in long numbers (timestamps, ids, prices) are the same line.
            let key = cache_key(body);
            if let Some(ids) = line_cache.get(&key) {
                for &i in ids {
                    acc.list[i].count += 1;
                }
                continue;
            }
            let off = seg_start + (body.as_ptr() as usize - seg.as_ptr() as usize);
            let lbody = &lower[off..off + body.len()];
            let mut produced = Vec::new();
            line_words.clear();
            needles::words_into(lbody, &mut line_words);
            let trig = patterns::has_trigger(lbody, &line_words);
            // The lines before this one (a traceback names the library and the failing function).
            let ctx = &lower[floor(&lower, off.saturating_sub(LIBRARY_CONTEXT))..off + lbody.len()];
            if let Some(e) = if trig {
                library::scan(lbody, ctx, &line_words)
            } else {
                None
            } {
                produced.push(acc.add_library(off, &e));
            }
            let status = if trig { patterns::http_status(lbody) } else { None };
            if let Some((s, sp)) = status {
                let (cat, conf, note) = patterns::http_category(s);
                produced.push(acc.add(
                    None,
                    cat,
                    conf,
                    (off + sp.0, off + sp.1),
                    format!("HTTP {s} {}", patterns::http_reason(s)).trim().to_string(),
                    FindingKind::HttpStatus,
                    vec![note.to_string()],
                    1,
                ));
            }
            if let Some((title, sp)) = if trig {
                patterns::network(lbody, &line_words)
            } else {
                None
            } {
                produced.push(acc.add(
                    None,
                    Category::Network,
                    0.6,
                    (off + sp.0, off + sp.1),
                    title.to_string(),
                    FindingKind::Network,
                    vec!["the request failed on the way to OKX (or back); no OKX error code was returned".into()],
                    1,
                ));
            }
            let cjk = !body.is_ascii() && body.chars().any(super::search::is_cjk);
            let error_like =
                line_count <= 20 || patterns::looks_like_error(lbody) || (cjk && zh::looks_like_error(body));
            if error_like && fuzzy_cache.len() + zh_cache.len() < MAX_FUZZY_LINES {
                // "429 Too Many Requests": the words right after a status are its HTTP reason
                // phrase, not OKX's message of the same wording; they are left out of matching.
                let stripped = status.and_then(|(st, sp)| without_reason(body, lbody, st, sp));
                let input = stripped.as_deref().unwrap_or(body);
                let sk = skeleton(input);
                let m = match fuzzy_cache.get(&sk) {
                    Some(m) => *m,
                    None => {
                        let m = messages::best_match(input, ws);
                        fuzzy_cache.insert(sk, m);
                        m
                    }
                };
                // OKX's official Chinese messages, when no English one matched.
                let zh_hit = match (m, cjk) {
                    // Keyed by the line itself: the hit's span is a place in it.
                    (None, true) => match zh_cache.get(body) {
                        Some(h) => h.clone(),
                        None => {
                            let h = zh::find(body, ws);
                            zh_cache.insert(body.to_string(), h.clone());
                            h
                        }
                    },
                    _ => None,
                };
                if let Some(h) = zh_hit {
                    let e = h.entry;
                    let code_in_line = has_token(body, e.base_code);
                    let (kind, conf) = if code_in_line {
                        (FindingKind::OkxCode, 0.9)
                    } else if h.others.is_empty() {
                        (FindingKind::MessageMatch, 0.88)
                    } else {
                        (FindingKind::MessageMatch, 0.75)
                    };
                    let mut notes = Vec::new();
                    if kind == FindingKind::MessageMatch {
                        notes.push(format!(
                            "no code in the paste; the text is OKX's official Chinese message of {}",
                            e.base_code
                        ));
                    }
                    if !h.others.is_empty() {
                        notes.push(format!(
                            "OKX gives the same Chinese message for {} too",
                            h.others.join(", ")
                        ));
                    }
                    produced.push(acc.add_message(e, body, (kind, conf), (off + h.span.0, off + h.span.1), notes));
                }
                if let Some(m) = m {
                    let e = &catalog::entries()[m.entry];
                    let code_in_line = has_token(body, e.base_code);
                    let (kind, conf) =
                        if code_in_line && (e.kind != Kind::WsCloseFrame || near_ws_close(lbody, (0, lbody.len()))) {
                            (FindingKind::OkxCode, 0.9)
                        } else {
                            (
                                FindingKind::MessageMatch,
                                if m.exact { 0.88 } else { 0.45 + 0.4 * m.score },
                            )
                        };
                    let mut notes = Vec::new();
                    if kind == FindingKind::MessageMatch {
                        notes.push(format!(
                            "no code in the paste; {} the known message of {}",
                            if m.exact {
                                "the text matches"
                            } else {
                                "the text closely resembles"
                            },
                            e.base_code
                        ));
                    }
                    produced.push(acc.add_message(e, body, (kind, conf), (seg_start, ws_), notes));
                }
            }
            // A library exception class with nothing else on its line.
            if produced.is_empty() && trig {
                if let Some(e) = library::scan_bare(lbody, &line_words) {
                    produced.push(acc.add_library(off, &e));
                }
            }
            line_cache.insert(key, produced);
        }
    }
    let mut findings = acc.list;
    if proxy {
        proxy_context(&mut findings);
    }
    if findings.is_empty() {
        findings.extend(description_or_unrecognised(text, &lower));
    }

    // 3. Rank, attach causes.
    rank(&mut findings, &facts);
    Diagnosis {
        unsure: is_unsure(&findings),
        findings,
        facts,
        credentials: secrets::find_credentials(text),
        truncated_input,
    }
}

/// Drops message matches for codes also found with their code, attaches causes (those that fit
/// the paste's library, host, demo flag and transport first), rounds confidences and sorts best
/// first. Shared by [`diagnose`] and [`diagnose_chunked`].
fn rank(findings: &mut Vec<Finding>, facts: &PasteFacts) {
    // A message match for a code that was also found with its code adds nothing.
    let coded: Vec<String> = findings
        .iter()
        .filter(|f| f.kind != FindingKind::MessageMatch)
        .filter_map(|f| f.code.clone())
        .collect();
    findings.retain(|f| !(f.kind == FindingKind::MessageMatch && f.code.as_ref().is_some_and(|c| coded.contains(c))));
    for f in findings.iter_mut() {
        // The knowledge base has nothing on another API's codes.
        if f.kind != FindingKind::OutcomesCode {
            f.causes = causes::ranked(f.code.as_deref(), f.category, facts, &f.title);
        }
        f.confidence = (f.confidence.clamp(0.0, 1.0) * 100.0).round() / 100.0;
    }
    findings.sort_by(|a, b| {
        tier(b)
            .cmp(&tier(a))
            .then(
                b.confidence
                    .partial_cmp(&a.confidence)
                    .unwrap_or(std::cmp::Ordering::Equal),
            )
            .then(b.count.cmp(&a.count))
            .then(a.span.0.cmp(&b.span.0))
    });
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    code: Option<&'a str>,
    category: &'static str,
    confidence: f32,
    title: &'a str,
    evidence: &'a str,
    causes: &'a [String],
}

#[derive(Serialize)]
struct JsonOut<'a> {
    findings: Vec<JsonFinding<'a>>,
    /// Added in issue 13: the engine is not sure (see [`Diagnosis::unsure`]).
    unsure: bool,
}

/// The machine-readable result: exactly one JSON object
/// `{"findings":[{"code":…,"category":…,"confidence":…,"title":…,"evidence":…,"causes":[…]}],"unsure":…}`.
pub fn to_json(d: &Diagnosis) -> String {
    let out = JsonOut {
        findings: d
            .findings
            .iter()
            .map(|f| JsonFinding {
                code: f.code.as_deref(),
                category: f.category.id(),
                confidence: f.confidence,
                title: &f.title,
                evidence: &f.evidence,
                causes: &f.causes,
            })
            .collect(),
        unsure: d.unsure,
    };
    serde_json::to_string(&out).unwrap_or_else(|_| "{\"findings\":[],\"unsure\":true}".to_string())
}
