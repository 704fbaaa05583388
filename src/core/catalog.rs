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

/// All entries, in source order. The table is unpacked from the generated packed string on first
/// use (well under a millisecond) and kept for the life of the program.
pub fn entries() -> &'static [Entry] {
    static TABLE: std::sync::OnceLock<Vec<Entry>> = std::sync::OnceLock::new();
    TABLE.get_or_init(unpack)
}

/// Unpacks `BLOB` (one record per entry, fields in the order `build/catalog.rs` writes them).
/// The blob is generated and checked at build time and every field of every entry is compared
/// with the JSON by `tests/catalog.rs`, so a malformed record is a build bug, not input.
fn unpack() -> Vec<Entry> {
    fn leak<T>(v: Vec<T>) -> &'static [T] {
        if v.is_empty() {
            &[]
        } else {
            Vec::leak(v)
        }
    }
    fn opt(s: &'static str) -> Option<&'static str> {
        (!s.is_empty()).then_some(s)
    }
    fn status(s: &str) -> Option<u16> {
        s.parse().ok()
    }
    fn sym(s: &str) -> &'static str {
        s.parse::<usize>().ok().and_then(|i| SYMS.get(i).copied()).unwrap_or("")
    }
    fn opt_sym(s: &str) -> Option<&'static str> {
        (!s.is_empty()).then(|| sym(s))
    }
    fn items(s: &'static str, sep: char) -> impl Iterator<Item = &'static str> {
        s.split(sep).filter(|x| !x.is_empty())
    }
    let mut out = Vec::with_capacity(ENTRY_COUNT);
    for rec in items(BLOB, '\u{1e}') {
        let mut f = rec.split('\u{1f}');
        let mut next = || f.next().unwrap_or("");
        let code = next();
        let base = next();
        let sub_code = opt(next());
        let http_status = status(next());
        let http_statuses = leak(next().split(',').filter_map(status).collect());
        let msg = next();
        let alt_rows = leak(
            items(next(), '\u{1d}')
                .map(|r| {
                    let mut g = r.split('\u{1c}');
                    AltRow {
                        http_status: status(g.next().unwrap_or("")),
                        msg: g.next().unwrap_or(""),
                        section: opt_sym(g.next().unwrap_or("")),
                        subsection: opt_sym(g.next().unwrap_or("")),
                    }
                })
                .collect(),
        );
        let msg_variants = leak(
            items(next(), '\u{1d}')
                .map(|r| {
                    let (msg, source) = r.split_once('\u{1c}').unwrap_or((r, ""));
                    Variant {
                        msg,
                        source: sym(source),
                    }
                })
                .collect(),
        );
        let observed = leak(
            items(next(), '\u{1d}')
                .map(|r| {
                    let mut g = r.split('\u{1c}');
                    Observed {
                        msg: g.next().unwrap_or(""),
                        http_status: status(g.next().unwrap_or("")),
                        note: opt(g.next().unwrap_or("")),
                        evidence: leak(items(g.next().unwrap_or(""), ',').map(sym).collect()),
                    }
                })
                .collect(),
        );
        let section = sym(next());
        let subsection = opt_sym(next());
        let channel = if next() == "w" {
            Channel::WebSocket
        } else {
            Channel::Rest
        };
        let kind = if next() == "c" {
            Kind::WsCloseFrame
        } else {
            Kind::ErrorCode
        };
        let docs_anchor = opt_sym(next());
        let doc_status = match next() {
            "1" => DocStatus::RemovedAfter2025_11,
            "2" => DocStatus::NotInDocsSnapshots,
            _ => DocStatus::Current,
        };
        let sources = leak(items(next(), ',').map(sym).collect());
        let ccxt_exception = opt_sym(next());
        let sub_codes = leak(items(next(), ',').collect());
        let note = opt(next());
        let msg_source = opt_sym(next());
        let msg_verbatim = match next() {
            "1" => Some(true),
            "0" => Some(false),
            _ => None,
        };
        let section_inferred = next() == "1";
        out.push(Entry {
            code,
            base_code: if base.is_empty() { code } else { base },
            sub_code,
            http_status,
            http_statuses,
            msg,
            alt_rows,
            msg_variants,
            observed,
            section,
            subsection,
            channel,
            kind,
            docs_anchor,
            doc_status,
            sources,
            ccxt_exception,
            sub_codes,
            note,
            msg_source,
            msg_verbatim,
            section_inferred,
        });
    }
    out
}

/// The entry with exactly this code (`"50011"`, `"51008_1000"`).
pub fn get(code: &str) -> Option<&'static Entry> {
    entries().iter().find(|e| e.code == code)
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
    entries()
        .iter()
        .filter(move |e| e.base_code == base && e.sub_code.is_some())
}

/// Number of distinct base codes.
pub fn distinct_base_codes() -> usize {
    let mut v: Vec<&str> = entries().iter().map(|e| e.base_code).collect();
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
    for e in entries() {
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
