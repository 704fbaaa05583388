//! The complete OKX API v5 error catalog as a static table generated at build time from
//! `data/okx-v5-error-codes.json` and `data/ccxt-okx-exceptions.json` (see `build/catalog.rs`).

/// REST or WebSocket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Channel {
    Rest,
    WebSocket,
}

impl Channel {
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Rest => "rest",
            Channel::WebSocket => "websocket",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Channel::Rest => "REST",
            Channel::WebSocket => "WebSocket",
        }
    }
}

/// A code in a JSON body, or a WebSocket close frame code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    ErrorCode,
    WsCloseFrame,
}

/// Where the entry stands in the official documentation snapshots.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocStatus {
    Current,
    RemovedAfter2025_11,
    NotInDocsSnapshots,
}

impl DocStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            DocStatus::Current => "current",
            DocStatus::RemovedAfter2025_11 => "removed_after_2025-11",
            DocStatus::NotInDocsSnapshots => "not_in_docs_snapshots",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            DocStatus::Current => "in the current OKX docs",
            DocStatus::RemovedAfter2025_11 => "removed from the OKX docs after Nov 2025",
            DocStatus::NotInDocsSnapshots => "not in the OKX docs (known from SDKs)",
        }
    }
}

/// A further docs row for the same code, with another message or HTTP status.
#[derive(Debug, Clone, Copy)]
pub struct AltRow {
    pub http_status: Option<u16>,
    pub msg: &'static str,
    /// Set when the row stands in another section of the docs than the primary row.
    pub section: Option<&'static str>,
    pub subsection: Option<&'static str>,
}

/// Older or SDK wording of the message.
#[derive(Debug, Clone, Copy)]
pub struct Variant {
    pub msg: &'static str,
    pub source: &'static str,
}

/// A message the live API was seen to return, with public evidence.
#[derive(Debug, Clone, Copy)]
pub struct Observed {
    pub msg: &'static str,
    pub http_status: Option<u16>,
    pub note: Option<&'static str>,
    pub evidence: &'static [&'static str],
}

/// One catalog entry: a code, or a code with a sub-code (`51008_1000`).
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    pub code: &'static str,
    pub base_code: &'static str,
    pub sub_code: Option<&'static str>,
    pub http_status: Option<u16>,
    /// Every distinct HTTP status the docs give this code (primary first).
    pub http_statuses: &'static [u16],
    pub msg: &'static str,
    pub alt_rows: &'static [AltRow],
    pub msg_variants: &'static [Variant],
    pub observed: &'static [Observed],
    pub section: &'static str,
    pub subsection: Option<&'static str>,
    pub channel: Channel,
    pub kind: Kind,
    pub docs_anchor: Option<&'static str>,
    pub doc_status: DocStatus,
    pub sources: &'static [&'static str],
    pub ccxt_exception: Option<&'static str>,
    pub sub_codes: &'static [&'static str],
    pub note: Option<&'static str>,
    pub msg_source: Option<&'static str>,
    pub msg_verbatim: Option<bool>,
    pub section_inferred: bool,
}

include!(concat!(env!("OUT_DIR"), "/catalog.rs"));

/// All entries, in source order.
pub fn entries() -> &'static [Entry] {
    ENTRIES
}

/// The entry with exactly this code (`"50011"`, `"51008_1000"`).
pub fn get(code: &str) -> Option<&'static Entry> {
    ENTRIES.iter().find(|e| e.code == code)
}

/// The documented HTTP statuses as text (`"200, 429"`), or `None` when the docs give none.
pub fn http_statuses_text(e: &Entry) -> Option<String> {
    (!e.http_statuses.is_empty()).then(|| {
        e.http_statuses
            .iter()
            .map(u16::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    })
}

/// The HTTP status line of an error page: the statuses, or why there is none.
pub fn http_status_label(e: &Entry) -> String {
    http_statuses_text(e).unwrap_or_else(|| match e.kind {
        Kind::WsCloseFrame => "none (WebSocket close frame)".into(),
        Kind::ErrorCode if e.channel == Channel::WebSocket => "none (WebSocket message)".into(),
        Kind::ErrorCode => "not documented".into(),
    })
}

/// Sub-code entries of a base code (empty for most codes).
pub fn sub_entries(base: &str) -> impl Iterator<Item = &'static Entry> + '_ {
    ENTRIES
        .iter()
        .filter(move |e| e.base_code == base && e.sub_code.is_some())
}

/// Number of distinct base codes.
pub fn distinct_base_codes() -> usize {
    let mut v: Vec<&str> = ENTRIES.iter().map(|e| e.base_code).collect();
    v.sort_unstable();
    v.dedup();
    v.len()
}

/// Parent of a ccxt exception class (`None` for the root `BaseError` or an unknown class).
pub fn ccxt_parent(class: &str) -> Option<&'static str> {
    CCXT_HIERARCHY
        .iter()
        .find(|(c, _)| *c == class)
        .and_then(|(_, p)| if p.is_empty() { None } else { Some(*p) })
}

/// Whether `class` is one of ccxt's exception classes.
pub fn is_ccxt_class(class: &str) -> bool {
    CCXT_HIERARCHY.iter().any(|(c, _)| *c == class)
}

/// The chain from `class` up to `BaseError`.
pub fn ccxt_ancestry(class: &str) -> Vec<&'static str> {
    let mut out = Vec::new();
    let mut cur = CCXT_HIERARCHY.iter().find(|(c, _)| *c == class).map(|(c, _)| *c);
    while let Some(c) = cur {
        if out.contains(&c) {
            break;
        }
        out.push(c);
        cur = ccxt_parent(c);
    }
    out
}

/// A code family used for filtering: "general" (0/1/2), "close" (WS close frames), "50" … "75", "other".
pub fn family(e: &Entry) -> &'static str {
    if e.kind == Kind::WsCloseFrame {
        return "close";
    }
    let b = e.base_code;
    if b.len() <= 1 {
        return "general";
    }
    if b.len() == 5 {
        for f in FAMILIES {
            if b.starts_with(f.0) && f.0.len() == 2 {
                return f.0;
            }
        }
    }
    "other"
}

/// Families with their labels, in display order.
pub static FAMILIES: &[(&str, &str)] = &[
    ("general", "0–2 general"),
    ("50", "50xxx general and API"),
    ("51", "51xxx trade"),
    ("52", "52xxx data"),
    ("54", "54xxx"),
    ("55", "55xxx"),
    ("56", "56xxx"),
    ("58", "58xxx funding"),
    ("59", "59xxx account"),
    ("60", "60xxx WebSocket"),
    ("63", "63xxx WebSocket"),
    ("64", "64xxx WebSocket"),
    ("70", "70xxx"),
    ("75", "75xxx"),
    ("close", "WebSocket close frames"),
    ("other", "other"),
];

/// Distinct sections in first-seen order.
pub fn sections() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = Vec::new();
    for e in ENTRIES {
        if !v.contains(&e.section) {
            v.push(e.section);
        }
    }
    v
}

/// Every message text an entry is known by: the docs message, alternative rows, variants and
/// observed runtime messages (deduplicated, primary first).
pub fn all_messages(e: &Entry) -> Vec<&'static str> {
    let mut v: Vec<&'static str> = Vec::new();
    let mut add = |m: &'static str| {
        if !m.trim().is_empty() && !v.contains(&m) {
            v.push(m);
        }
    };
    add(e.msg);
    for r in e.alt_rows {
        add(r.msg);
    }
    for r in e.msg_variants {
        add(r.msg);
    }
    for r in e.observed {
        add(r.msg);
    }
    v
}
