//! The complete OKX API v5 error catalog as a static table generated at build time from
//! `data/okx-v5-error-codes.json` and `data/ccxt-okx-exceptions.json` (see `build/catalog.rs`),
//! with where each entry comes from (`data/sources.json`) and OKX's official Chinese messages
//! (`data/okx-v5-error-messages-zh.json`). The Chinese text is a table of its own, reached only
//! through [`zh_messages`], [`msg_zh`] and [`codes_for_zh_message`]: a build that calls none of
//! them does not carry it.

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
    /// In the newest English docs snapshot.
    Current,
    RemovedAfter2025_11,
    NotInDocsSnapshots,
    /// In OKX's zh-CN error-code tables only (59320, 59667).
    ZhDocsOnly,
    /// Announced in OKX's release notes, in neither error-code table (54084, 54085).
    ReleaseNotesOnly,
    /// Announced in the release notes for a feature removed since (54086).
    ProbablyObsolete,
    /// Dropped from the docs at a later refresh (`okx-doctor-data refresh`); `last_seen` says when
    /// it was last there.
    Removed,
}

impl DocStatus {
    /// The `doc_status` value in the JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            DocStatus::Current => "current",
            DocStatus::RemovedAfter2025_11 => "removed_after_2025-11",
            DocStatus::NotInDocsSnapshots => "not_in_docs_snapshots",
            DocStatus::ZhDocsOnly => "zh_docs_only",
            DocStatus::ReleaseNotesOnly => "release_notes_only",
            DocStatus::ProbablyObsolete => "probably_obsolete",
            DocStatus::Removed => "removed",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            DocStatus::Current => "in the current OKX docs",
            DocStatus::RemovedAfter2025_11 => "removed from the OKX docs after Nov 2025",
            DocStatus::NotInDocsSnapshots => "not in the OKX docs (known from SDKs)",
            DocStatus::ZhDocsOnly => "in the Chinese OKX docs only",
            DocStatus::ReleaseNotesOnly => "announced in OKX's release notes, not in the error-code tables",
            DocStatus::ProbablyObsolete => "announced in OKX's release notes for a feature since removed",
            DocStatus::Removed => "removed from the OKX docs",
        }
    }
    /// [`DocStatus::label`] in Simplified Chinese.
    pub fn label_zh(self) -> &'static str {
        match self {
            DocStatus::Current => "见于欧易当前文档",
            DocStatus::RemovedAfter2025_11 => "2025 年 11 月后已从欧易文档中移除",
            DocStatus::NotInDocsSnapshots => "欧易文档中没有（来自 SDK）",
            DocStatus::ZhDocsOnly => "仅见于欧易中文文档",
            DocStatus::ReleaseNotesOnly => "见于欧易更新日志，错误码表中没有",
            DocStatus::ProbablyObsolete => "见于欧易更新日志，相关功能已下线",
            DocStatus::Removed => "已从欧易文档中移除",
        }
    }
    /// The packed one-character form written by `build/catalog.rs` (`DOC_STATUSES`).
    fn from_packed(c: &str) -> DocStatus {
        match c {
            "1" => DocStatus::RemovedAfter2025_11,
            "2" => DocStatus::NotInDocsSnapshots,
            "3" => DocStatus::ZhDocsOnly,
            "4" => DocStatus::ReleaseNotesOnly,
            "5" => DocStatus::ProbablyObsolete,
            "6" => DocStatus::Removed,
            _ => DocStatus::Current,
        }
    }
}

/// What kind of publication a source is (`kind` in `data/sources.json`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// OKX's English API docs.
    OkxDocsEn,
    /// OKX's Simplified Chinese API docs.
    OkxDocsZh,
    OkxReleaseNotes,
    /// A third party's copy of OKX's docs.
    OkxDocsExtraction,
    /// An SDK's error map (ccxt, gocryptotrader).
    Sdk,
    /// Public issue threads quoting live responses.
    Issues,
}

impl SourceKind {
    pub fn label(self) -> &'static str {
        match self {
            SourceKind::OkxDocsEn => "OKX docs (English)",
            SourceKind::OkxDocsZh => "OKX docs (Chinese)",
            SourceKind::OkxReleaseNotes => "OKX release notes",
            SourceKind::OkxDocsExtraction => "copy of the OKX docs",
            SourceKind::Sdk => "SDK",
            SourceKind::Issues => "GitHub issues",
        }
    }
    /// [`SourceKind::label`] in Simplified Chinese.
    pub fn label_zh(self) -> &'static str {
        match self {
            SourceKind::OkxDocsEn => "欧易文档（英文）",
            SourceKind::OkxDocsZh => "欧易文档（中文）",
            SourceKind::OkxReleaseNotes => "欧易更新日志",
            SourceKind::OkxDocsExtraction => "欧易文档副本",
            SourceKind::Sdk => "SDK",
            SourceKind::Issues => "GitHub issue",
        }
    }
}

/// One source of the data: an id used by entries, its kind, the date of the snapshot read and a
/// one-line title.
#[derive(Debug, Clone, Copy)]
pub struct SourceInfo {
    pub id: &'static str,
    pub kind: SourceKind,
    /// `YYYY-MM-DD`.
    pub date: &'static str,
    pub title: &'static str,
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
    /// Date (`YYYY-MM-DD`) of the newest snapshot that listed this code: OKX's docs or release
    /// notes when any did, otherwise the newest SDK snapshot.
    pub last_seen: &'static str,
    /// The source id of that snapshot (see [`source_info`]).
    pub last_seen_in: &'static str,
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
        let doc_status = DocStatus::from_packed(next());
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
        let last_seen = sym(next());
        let last_seen_in = sym(next());
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
            last_seen,
            last_seen_in,
        });
    }
    out
}

/// The entry with exactly this code (`"50011"`, `"51008_1000"`).
pub fn get(code: &str) -> Option<&'static Entry> {
    entries().iter().find(|e| e.code == code)
}

/// The message of `code` as OKX's English docs give it (`get(code)?.msg`), from a table of codes
/// and messages alone: a bundle that needs only this (the wizard's report) does not carry the
/// whole catalog.
pub fn message(code: &str) -> Option<&'static str> {
    MESSAGES
        .split('\u{1e}')
        .find_map(|rec| rec.strip_prefix(code)?.strip_prefix('\u{1f}'))
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

/// The date (`YYYY-MM-DD`) of the newest OKX-published snapshot the catalog was compiled from
/// (`data_date` in `data/sources.json`): what "data as of" on the catalog page and README means.
pub fn data_date() -> &'static str {
    DATA_DATE
}

/// Every source the data cites, in `data/sources.json` order.
pub fn source_infos() -> &'static [SourceInfo] {
    SOURCE_INFOS
}

/// The source with this id (`"ccxt-4.5.90"`); the build guarantees every id an entry cites exists.
pub fn source_info(id: &str) -> Option<&'static SourceInfo> {
    SOURCE_INFOS.iter().find(|s| s.id == id)
}

/// The sources an entry cites, in its order (for "where this comes from" on its page).
pub fn sources_of(e: &Entry) -> impl Iterator<Item = &'static SourceInfo> + '_ {
    e.sources.iter().filter_map(|id| source_info(id))
}

/// The source of the newest snapshot that listed the entry (its `last_seen_in`).
pub fn last_seen_source(e: &Entry) -> Option<&'static SourceInfo> {
    source_info(e.last_seen_in)
}

/// The position of `e` in [`entries`] (`None` for an entry that is not from the table).
pub fn index_of(e: &Entry) -> Option<usize> {
    let all = entries();
    let offset = (e as *const Entry as usize).checked_sub(all.as_ptr() as usize)?;
    let i = offset / std::mem::size_of::<Entry>();
    (i < all.len() && std::ptr::eq(&all[i], e))
        .then_some(i)
        .or_else(|| all.iter().position(|x| x.code == e.code))
}

/// Each entry's own official zh-CN messages, aligned with [`entries`] (unpacked on first use).
fn zh_table() -> &'static [&'static [&'static str]] {
    static TABLE: std::sync::OnceLock<Vec<&'static [&'static str]>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        ZH_BLOB
            .split('\u{1e}')
            .take(ENTRY_COUNT)
            .map(|rec| -> &'static [&'static str] {
                let msgs: Vec<&'static str> = rec.split('\u{1d}').filter(|m| !m.is_empty()).collect();
                if msgs.is_empty() {
                    &[]
                } else {
                    Vec::leak(msgs)
                }
            })
            .collect()
    })
}

/// OKX's official Simplified Chinese messages for an entry (primary first, then the other rows of
/// the zh-CN tables), copied as published. A base code listed only with sub-codes (51008) has the
/// messages of its first sub-code, as its English `msg` does. Empty when OKX publishes none.
pub fn zh_messages(e: &Entry) -> &'static [&'static str] {
    let table = zh_table();
    let own = index_of(e).and_then(|i| table.get(i)).copied().unwrap_or(&[]);
    if !own.is_empty() {
        return own;
    }
    e.sub_codes
        .first()
        .and_then(|sc| entries().iter().position(|x| x.code == *sc))
        .and_then(|i| table.get(i).copied())
        .unwrap_or(&[])
}

/// The primary official zh-CN message of an entry.
pub fn msg_zh(e: &Entry) -> Option<&'static str> {
    zh_messages(e).first().copied()
}

/// The date of the zh-CN docs snapshot the Chinese messages come from.
pub fn zh_source_date() -> &'static str {
    ZH_SOURCE_DATE
}

/// Folds text for comparing Chinese messages: letters and digits only (ASCII lower-cased), so
/// spaces, full- and half-width punctuation and quotes do not matter (Chinese messages put spaces
/// around Latin words inconsistently: `API key 不存在`, `API key不存在`). The search folds the same way.
pub(crate) fn fold_zh(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// A message template split at its placeholders (`{param0}`, `{ccy}`, `${ccy}`), each literal
/// piece folded with [`fold_zh`].
fn template_pieces(msg: &str) -> Vec<String> {
    let mut pieces = vec![String::new()];
    let mut rest = msg;
    while let Some(open) = rest.find('{') {
        match rest[open..].find('}') {
            Some(close) => {
                pieces.last_mut().expect("non-empty").push_str(&rest[..open]);
                pieces.push(String::new());
                rest = &rest[open + close + 1..];
            }
            None => break,
        }
    }
    pieces.last_mut().expect("non-empty").push_str(rest);
    pieces.iter().map(|p| fold_zh(p)).collect()
}

/// Fewest folded characters of literal text a template needs before a whole-message match counts
/// (a bare `{param0} 参数错误` has four; a template of placeholders only would match anything).
const MIN_ZH_LITERAL_CHARS: usize = 2;

/// Whether folded `text` is the template `pieces` with each placeholder filled by at least one
/// character (leftmost match of each literal piece).
fn matches_template(text: &str, pieces: &[String]) -> bool {
    fn fill(text: &str, pieces: &[String]) -> Option<()> {
        let (first, rest) = pieces.split_first()?;
        let mut tail = text.strip_prefix(first.as_str())?;
        for (i, piece) in rest.iter().enumerate() {
            let after = &tail[tail.chars().next()?.len_utf8()..];
            if i + 1 == rest.len() {
                return after.ends_with(piece.as_str()).then_some(());
            }
            let j = after.find(piece.as_str())?;
            tail = &after[j + piece.len()..];
        }
        tail.is_empty().then_some(())
    }
    fill(text, pieces).is_some()
}

/// The entries whose official zh-CN message is exactly `text`, give or take spaces and
/// punctuation, with placeholders (`{param0}`) matching any filled-in value: how the paste box
/// recognises an OKX Chinese message pasted on its own (`余额不足` alone is not a message; the
/// whole `委托失败，USDT 可用余额不足，…` is). Sub-code entries come before base codes, in catalog
/// order; empty when nothing matches.
pub fn codes_for_zh_message(text: &str) -> Vec<&'static Entry> {
    static TEMPLATES: std::sync::OnceLock<Vec<(usize, Vec<String>)>> = std::sync::OnceLock::new();
    let templates = TEMPLATES.get_or_init(|| {
        let mut v = Vec::new();
        for (i, msgs) in zh_table().iter().enumerate() {
            for m in msgs.iter() {
                let pieces = template_pieces(m);
                if pieces.iter().map(|p| p.chars().count()).sum::<usize>() >= MIN_ZH_LITERAL_CHARS {
                    v.push((i, pieces));
                }
            }
        }
        v
    });
    let folded = fold_zh(text);
    if folded.chars().count() < MIN_ZH_LITERAL_CHARS {
        return Vec::new();
    }
    let all = entries();
    let mut out: Vec<&'static Entry> = Vec::new();
    for (i, pieces) in templates {
        let e = &all[*i];
        if !out.iter().any(|o| o.code == e.code) && matches_template(&folded, pieces) {
            out.push(e);
        }
    }
    out.sort_by_key(|e| e.sub_code.is_none());
    out
}

/// Codes of OKX Outcomes (prediction markets, `/api/v5/predictions/*`), a separate API with its
/// own code table documented in zh-CN only (`out_of_scope` in `data/okx-codes-since-catalog.json`;
/// `tests/catalog.rs` keeps the two in step). They are not v5 error codes.
pub const OUTCOMES_API_CODES: &[&str] = &[
    "10000", "10001", "10002", "100001", "100002", "100006", "100010", "100011", "100012", "100013", "100015",
    "100016", "100017", "100018", "100101", "120007", "120022", "201001", "201002", "206004", "213003",
];

/// Digits of an OKX Outcomes API code that is not listed yet: its table uses 6-digit codes, and no
/// v5 catalog code has 6 digits (checked by `tests/catalog.rs`).
const OUTCOMES_CODE_DIGITS: usize = 6;

/// Whether `code` belongs to the OKX Outcomes API rather than to this catalog: one of
/// [`OUTCOMES_API_CODES`] (including 10000–10002), or any other 6-digit code. The paste engine
/// should not report such a code as a v5 error (nor as a typo of one).
pub fn is_outcomes_api_code(code: &str) -> bool {
    let code = code.trim();
    OUTCOMES_API_CODES.contains(&code)
        || (code.len() == OUTCOMES_CODE_DIGITS && code.bytes().all(|b| b.is_ascii_digit()))
}
