//! Applies saved copies of the sources to the data files and reports what changed.

use super::ccxt::{self, Mapping};
use super::html::{self, Row};
use super::json::{self, Json};
use std::path::{Path, PathBuf};

const CODES: &str = "okx-v5-error-codes.json";
const ZH: &str = "okx-v5-error-messages-zh.json";
const CCXT: &str = "ccxt-okx-exceptions.json";
const SOURCES: &str = "sources.json";

/// Key order of a catalog entry (new keys go in their place; see `data/SOURCES.md`).
const ENTRY_KEYS: &[&str] = &[
    "code",
    "base_code",
    "sub_code",
    "http_status",
    "msg",
    "section",
    "section_inferred",
    "subsection",
    "channel",
    "kind",
    "docs_anchor",
    "doc_status",
    "msg_source",
    "msg_verbatim",
    "sources",
    "last_seen",
    "last_seen_in",
    "alt_rows",
    "http_statuses",
    "sub_codes",
    "note",
    "msg_variants",
    "ccxt_exception",
    "observed_runtime_msgs",
];

/// Section names of the zh-CN docs and the English ones the catalog uses.
const ZH_SECTIONS: &[(&str, &str)] = &[
    ("公共", "Public"),
    ("账户类", "Account"),
    ("资金类", "Funding"),
    ("大宗交易", "Block Trading and Spread Orderbook"),
    ("金融", "Finance"),
    ("跟单交易", "Copy trading"),
    ("闪兑", "Convert"),
    ("策略交易", "Trading bot"),
    ("交割合约类", "Futures"),
];

/// Section of codes known only from ccxt, as for 4088.
const UNLISTED_SECTION: &str = "Unlisted";

/// What to refresh from.
pub struct Inputs {
    pub date: String,
    pub en: Vec<String>,
    pub zh: Vec<String>,
    /// File and ccxt version.
    pub ccxt: Option<(String, String)>,
}

pub fn is_date(d: &str) -> bool {
    let b = d.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}

/// The data files, read with their key order.
struct Data {
    entries: Vec<Json>,
    zh: Json,
    ccxt: Json,
    sources: Json,
}

fn read(dir: &Path, name: &str) -> Result<(String, Json), String> {
    let path = dir.join(name);
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let v = json::parse(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok((text, v))
}

fn load(dir: &Path) -> Result<Data, String> {
    let entries = match read(dir, CODES)?.1 {
        Json::Array(a) => a,
        _ => return Err(format!("{CODES} is not an array")),
    };
    Ok(Data {
        entries,
        zh: read(dir, ZH)?.1,
        ccxt: read(dir, CCXT)?.1,
        sources: read(dir, SOURCES)?.1,
    })
}

fn save(dir: &Path, d: &Data) -> Result<(), String> {
    let files = [
        (CODES, json::pretty(&Json::Array(d.entries.clone()))),
        (ZH, json::pretty(&d.zh)),
        (CCXT, json::pretty(&d.ccxt)),
        (SOURCES, json::pretty(&d.sources)),
    ];
    for (name, text) in files {
        let path = dir.join(name);
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

/// `check`: every data file reads and writes back to the same bytes.
pub fn check(dir: &Path) -> Result<String, String> {
    for name in [CODES, ZH, CCXT, SOURCES] {
        let (text, v) = read(dir, name)?;
        if json::pretty(&v) != text {
            return Err(format!(
                "{name} is not in the form `refresh` writes (one-space indent, no escaped non-ASCII, no final newline)"
            ));
        }
    }
    Ok("data files are in canonical form\n".into())
}

/// The report: one line per change, grouped by file.
#[derive(Default)]
struct Report {
    lines: Vec<String>,
    added: usize,
    changed: usize,
    removed: usize,
}

impl Report {
    fn added(&mut self, file: &str, what: String) {
        self.added += 1;
        self.lines.push(format!("{file}: added   {what}"));
    }
    fn changed(&mut self, file: &str, what: String) {
        self.changed += 1;
        self.lines.push(format!("{file}: changed {what}"));
    }
    fn removed(&mut self, file: &str, what: String) {
        self.removed += 1;
        self.lines.push(format!("{file}: removed {what}"));
    }
    fn note(&mut self, what: String) {
        self.lines.push(format!("note: {what}"));
    }
    fn render(&self, written: bool) -> String {
        let mut out = self.lines.join("\n");
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&format!(
            "{} added, {} changed, {} removed{}\n",
            self.added,
            self.changed,
            self.removed,
            if written { "" } else { " (dry run: nothing written)" }
        ));
        out
    }
}

pub fn refresh(dir: &Path, inputs: &Inputs, write: bool) -> Result<String, String> {
    let mut data = load(dir)?;
    let mut report = Report::default();
    // English first: a code in both keeps the English docs as `last_seen_in`, and a code new in
    // both is added from the English row.
    if !inputs.en.is_empty() {
        let (rows, id) = docs_source(&mut data, &inputs.en, &ENGLISH, &inputs.date, &mut report)?;
        apply_en(&mut data, &rows, &id, &inputs.date, &mut report);
    }
    if !inputs.zh.is_empty() {
        let (rows, id) = docs_source(&mut data, &inputs.zh, &CHINESE, &inputs.date, &mut report)?;
        apply_zh(&mut data, &rows, &id, inputs, &mut report);
    }
    if let Some((file, version)) = &inputs.ccxt {
        let text = std::fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))?;
        let ex = ccxt::parse(&text).map_err(|e| format!("{file}: {e}"))?;
        let id = format!("ccxt-{version}");
        let title = format!(
            "ccxt {version}, okx exceptions map (saved copy: {})",
            file_names(std::slice::from_ref(file))
        );
        add_source(&mut data, &id, "sdk", &inputs.date, &title, false);
        let name = file_names(std::slice::from_ref(file));
        apply_ccxt(&mut data, &ex, &id, version, &name, &inputs.date, &mut report);
    }
    if report.added + report.changed + report.removed > 0 {
        report.note("update the counts in data/SOURCES.md and tests/catalog.rs, then run the tests".into());
    }
    if write {
        save(dir, &data)?;
    }
    Ok(report.render(write))
}

/// One language of the docs: its source id prefix, `kind` in `sources.json` and title.
struct DocsLanguage {
    id_prefix: &'static str,
    kind: &'static str,
    title: &'static str,
}

const ENGLISH: DocsLanguage = DocsLanguage {
    id_prefix: "okxdocs-en",
    kind: "okx-docs-en",
    title: "OKX API v5 docs, English error-code tables",
};

const CHINESE: DocsLanguage = DocsLanguage {
    id_prefix: "okxdocs-zh",
    kind: "okx-docs-zh",
    title: "OKX API v5 docs, zh-CN error-code tables",
};

/// Reads the saved docs pages of one language and registers them as a source: their rows and the
/// source id.
fn docs_source(
    d: &mut Data,
    files: &[String],
    lang: &DocsLanguage,
    date: &str,
    report: &mut Report,
) -> Result<(Vec<Row>, String), String> {
    let rows = read_rows(files, report)?;
    let id = format!("{}-{date}", lang.id_prefix);
    let title = format!("{} (saved copy: {})", lang.title, file_names(files));
    add_source(d, &id, lang.kind, date, &title, true);
    Ok((rows, id))
}

/// The file names of some paths, for a source title.
fn file_names(files: &[String]) -> String {
    files
        .iter()
        .map(|f| {
            PathBuf::from(f)
                .file_name()
                .map_or(f.clone(), |n| n.to_string_lossy().into_owned())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn read_rows(files: &[String], report: &mut Report) -> Result<Vec<Row>, String> {
    let mut rows = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(f).map_err(|e| format!("{f}: {e}"))?;
        let (mut r, skipped) = html::rows(&text);
        if r.is_empty() {
            return Err(format!(
                "{f}: no error-code table found (headings with id error-code-…)"
            ));
        }
        if skipped > 0 {
            report.note(format!("{f}: {skipped} table rows without a code were skipped"));
        }
        rows.append(&mut r);
    }
    Ok(rows)
}

/// Adds a source to `sources.json` (or updates its date and title); an OKX docs source also
/// moves the data's overall date forward.
fn add_source(d: &mut Data, id: &str, kind: &str, date: &str, title: &str, okx: bool) {
    let src = Json::Object(vec![
        ("id".into(), Json::str(id)),
        ("kind".into(), Json::str(kind)),
        ("date".into(), Json::str(date)),
        ("title".into(), Json::str(title)),
    ]);
    if let Some(list) = d.sources.get_mut("sources").and_then(Json::as_array_mut) {
        match list.iter_mut().find(|s| s.str_field("id") == Some(id)) {
            Some(existing) => *existing = src,
            None => list.push(src),
        }
    }
    let newer = d.sources.str_field("data_date").is_none_or(|old| old < date);
    if okx && newer {
        d.sources.set("data_date", Json::str(date), &[]);
    }
}

/// Rows grouped by code, in first-seen order.
fn group(rows: &[Row]) -> Vec<(String, Vec<&Row>)> {
    let mut groups: Vec<(String, Vec<&Row>)> = Vec::new();
    for r in rows {
        match groups.iter_mut().find(|(c, _)| *c == r.code) {
            Some((_, g)) => g.push(r),
            None => groups.push((r.code.clone(), vec![r])),
        }
    }
    groups
}

fn find(entries: &[Json], code: &str) -> Option<usize> {
    entries.iter().position(|e| e.str_field("code") == Some(code))
}

fn strings(e: &Json, key: &str) -> Vec<String> {
    e.get(key)
        .and_then(Json::as_array)
        .map(|a| a.iter().filter_map(|x| x.as_str().map(String::from)).collect())
        .unwrap_or_default()
}

fn str_array(items: &[String]) -> Json {
    Json::Array(items.iter().map(|s| Json::str(s)).collect())
}

/// Marks an entry as listed in `id` on `date`.
fn seen(e: &mut Json, id: &str, date: &str) {
    let mut sources = strings(e, "sources");
    if !sources.iter().any(|s| s == id) {
        sources.push(id.to_string());
        e.set("sources", str_array(&sources), ENTRY_KEYS);
    }
    e.set("last_seen", Json::str(date), ENTRY_KEYS);
    e.set("last_seen_in", Json::str(id), ENTRY_KEYS);
}

/// Whether a code (or, for a base code listed only with sub-codes, one of them) is in `codes`.
fn listed(e: &Json, codes: &[&str]) -> bool {
    let code = e.str_field("code").unwrap_or("");
    codes.contains(&code) || strings(e, "sub_codes").iter().any(|s| codes.contains(&s.as_str()))
}

/// Entries with `doc_status` `status` that the docs' rows no longer list become `removed` (their
/// `last_seen` keeps the last date they were listed).
fn mark_removed(entries: &mut [Json], groups: &[(String, Vec<&Row>)], status: &str, why: &str, report: &mut Report) {
    let codes: Vec<&str> = groups.iter().map(|(c, _)| c.as_str()).collect();
    for e in entries.iter_mut() {
        if e.str_field("doc_status") == Some(status) && !listed(e, &codes) {
            let code = e.str_field("code").unwrap_or("").to_string();
            e.set("doc_status", Json::str("removed"), ENTRY_KEYS);
            report.removed(CODES, format!("{code} ({why}; doc_status removed)"));
        }
    }
}

fn status_json(s: Option<u64>) -> Json {
    s.map_or(Json::Null, Json::num)
}

fn apply_en(d: &mut Data, rows: &[Row], id: &str, date: &str, report: &mut Report) {
    let groups = group(rows);
    let mut prev: Option<usize> = None;
    for (code, g) in &groups {
        match find(&d.entries, code) {
            Some(i) => {
                update_from_en(&mut d.entries[i], g, report);
                seen(&mut d.entries[i], id, date);
                prev = Some(i);
            }
            None => {
                let e = new_en_entry(code, g, id, date);
                report.added(CODES, format!("{code} {:?} (English docs)", g[0].msg));
                let at = prev.map_or(d.entries.len(), |p| p + 1);
                d.entries.insert(at, e);
                prev = Some(at);
            }
        }
    }
    let why = format!("not in the English docs of {date}");
    mark_removed(&mut d.entries, &groups, "current", &why, report);
}

/// The section name the catalog uses for a docs row (WebSocket codes are one section).
fn section_of(r: &Row) -> String {
    if r.channel == "websocket" {
        "WebSocket".into()
    } else {
        r.section.clone()
    }
}

fn kind_of(r: &Row) -> &'static str {
    let close = r
        .subsection
        .as_deref()
        .is_some_and(|s| s.eq_ignore_ascii_case("Close Frame") || s == "关闭帧");
    if close {
        "ws_close_frame"
    } else {
        "error_code"
    }
}

/// The further rows of a code (other message or status than the primary), once each.
fn alt_rows(primary: &Row, g: &[&Row]) -> Vec<(Option<u64>, String)> {
    let mut alts: Vec<(Option<u64>, String)> = Vec::new();
    for r in g {
        let key = (r.http_status, r.msg.clone());
        if std::ptr::eq(*r, primary) || (key.0 == primary.http_status && key.1 == primary.msg) || alts.contains(&key) {
            continue;
        }
        alts.push(key);
    }
    alts
}

fn set_rows(e: &mut Json, primary: &Row, g: &[&Row]) {
    let alts = alt_rows(primary, g);
    if alts.is_empty() {
        e.remove("alt_rows");
    } else {
        let rows = alts
            .iter()
            .map(|(s, m)| {
                Json::Object(vec![
                    ("http_status".into(), status_json(*s)),
                    ("msg".into(), Json::str(m)),
                ])
            })
            .collect();
        e.set("alt_rows", Json::Array(rows), ENTRY_KEYS);
    }
    let mut statuses: Vec<u64> = Vec::new();
    for s in std::iter::once(primary.http_status)
        .chain(alts.iter().map(|a| a.0))
        .flatten()
    {
        if !statuses.contains(&s) {
            statuses.push(s);
        }
    }
    if statuses.len() > 1 {
        e.set(
            "http_statuses",
            Json::Array(statuses.into_iter().map(Json::num).collect()),
            ENTRY_KEYS,
        );
    } else {
        e.remove("http_statuses");
    }
}

fn update_from_en(e: &mut Json, g: &[&Row], report: &mut Report) {
    let code = e.str_field("code").unwrap_or("").to_string();
    // Keep the entry's section when the code is still listed there (59509: Public and Account).
    let anchor = e.str_field("docs_anchor").map(String::from);
    let primary = g
        .iter()
        .find(|r| Some(&r.anchor) == anchor.as_ref())
        .copied()
        .unwrap_or(g[0]);
    let old_msg = e.str_field("msg").unwrap_or("").to_string();
    if old_msg != primary.msg {
        report.changed(CODES, format!("{code} msg: {old_msg:?} -> {:?}", primary.msg));
        e.set("msg", Json::str(&primary.msg), ENTRY_KEYS);
        e.remove("msg_source");
        e.remove("msg_verbatim");
    }
    let old_status = e.get("http_status").and_then(Json::as_u64);
    if old_status != primary.http_status {
        report.changed(
            CODES,
            format!("{code} http_status: {old_status:?} -> {:?}", primary.http_status),
        );
        e.set("http_status", status_json(primary.http_status), ENTRY_KEYS);
    }
    let old_alts: Vec<String> = e
        .get("alt_rows")
        .and_then(Json::as_array)
        .map(|a| a.iter().filter_map(|r| r.str_field("msg").map(String::from)).collect())
        .unwrap_or_default();
    let new_alts: Vec<String> = alt_rows(primary, g).into_iter().map(|a| a.1).collect();
    if old_alts != new_alts {
        report.changed(
            CODES,
            format!("{code} further rows: {} -> {}", old_alts.len(), new_alts.len()),
        );
        set_rows(e, primary, g);
    }
    let status = e.str_field("doc_status").unwrap_or("").to_string();
    if status != "current" {
        report.changed(
            CODES,
            format!("{code} doc_status: {status} -> current (listed in the English docs)"),
        );
        e.set("doc_status", Json::str("current"), ENTRY_KEYS);
        e.set("section", Json::str(&section_of(primary)), ENTRY_KEYS);
        e.set("docs_anchor", Json::str(&primary.anchor), ENTRY_KEYS);
        e.remove("section_inferred");
        e.remove("msg_source");
        e.remove("msg_verbatim");
    }
}

fn base_fields(code: &str) -> Vec<(String, Json)> {
    let mut f = vec![("code".to_string(), Json::str(code))];
    if let Some((base, sub)) = code.split_once('_') {
        f.push(("base_code".into(), Json::str(base)));
        f.push(("sub_code".into(), Json::str(sub)));
    }
    f
}

fn new_en_entry(code: &str, g: &[&Row], id: &str, date: &str) -> Json {
    let r = g[0];
    let mut f = base_fields(code);
    f.push(("http_status".into(), status_json(r.http_status)));
    f.push(("msg".into(), Json::str(&r.msg)));
    f.push(("section".into(), Json::str(&section_of(r))));
    if let Some(sub) = &r.subsection {
        f.push(("subsection".into(), Json::str(sub)));
    }
    f.push(("channel".into(), Json::str(r.channel)));
    f.push(("kind".into(), Json::str(kind_of(r))));
    f.push(("docs_anchor".into(), Json::str(&r.anchor)));
    f.push(("doc_status".into(), Json::str("current")));
    f.push(("sources".into(), str_array(&[id.to_string()])));
    f.push(("last_seen".into(), Json::str(date)));
    f.push(("last_seen_in".into(), Json::str(id)));
    let mut e = Json::Object(f);
    set_rows(&mut e, r, g);
    e
}

fn apply_zh(d: &mut Data, rows: &[Row], id: &str, inputs: &Inputs, report: &mut Report) {
    let old: Vec<(String, String)> =
        d.zh.get("rows")
            .and_then(Json::as_array)
            .map(|a| {
                a.iter()
                    .map(|r| {
                        (
                            r.str_field("code").unwrap_or("").to_string(),
                            r.str_field("msg_zh").unwrap_or("").to_string(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
    let first = |list: &[(String, String)], code: &str| list.iter().find(|(c, _)| c == code).map(|(_, m)| m.clone());
    let new: Vec<(String, String)> = rows.iter().map(|r| (r.code.clone(), r.msg.clone())).collect();
    for (code, _) in group(rows) {
        let now = first(&new, &code).unwrap_or_default();
        match first(&old, &code) {
            None => report.added(ZH, format!("{code} {now:?}")),
            Some(was) if was != now => report.changed(ZH, format!("{code} msg_zh: {was:?} -> {now:?}")),
            _ => {}
        }
    }
    let mut gone: Vec<&str> = Vec::new();
    for (code, was) in &old {
        if first(&new, code).is_none() && !gone.contains(&code.as_str()) {
            gone.push(code);
            report.removed(ZH, format!("{code} {was:?}"));
        }
    }
    let json_rows = rows
        .iter()
        .map(|r| {
            Json::Object(vec![
                ("code".into(), Json::str(&r.code)),
                ("http_status".into(), status_json(r.http_status)),
                ("msg_zh".into(), Json::str(&r.msg)),
                (
                    "api".into(),
                    Json::str(if r.channel == "websocket" { "WebSocket" } else { "REST" }),
                ),
                ("section_zh".into(), Json::str(&r.section)),
                (
                    "subsection_zh".into(),
                    r.subsection.as_deref().map_or(Json::Null, Json::str),
                ),
            ])
        })
        .collect();
    if let Some(meta) = d.zh.get_mut("meta") {
        let order = ["what", "source", "source_commit", "source_date", "rows", "notes"];
        meta.set(
            "source",
            Json::str(&format!(
                "OKX API v5 docs, zh-CN error-code section, saved copies: {}",
                inputs.zh.join(", ")
            )),
            &order,
        );
        meta.remove("source_commit");
        meta.set("source_date", Json::str(&inputs.date), &order);
        meta.set("rows", Json::num(rows.len() as u64), &order);
    }
    d.zh.set("rows", Json::Array(json_rows), &["meta", "rows"]);
    // The catalog: codes listed in zh are seen; codes only in zh are added.
    let groups = group(rows);
    for (code, g) in &groups {
        match find(&d.entries, code) {
            Some(i) => {
                let e = &mut d.entries[i];
                let seen_in_en_today = e.str_field("last_seen") == Some(inputs.date.as_str())
                    && e.str_field("last_seen_in")
                        .is_some_and(|s| s.starts_with("okxdocs-en-"));
                if !seen_in_en_today {
                    seen(e, id, &inputs.date);
                }
            }
            None => {
                report.added(
                    CODES,
                    format!(
                        "{code} (Chinese docs only: {:?}; write its English msg by hand)",
                        g[0].msg
                    ),
                );
                d.entries.push(new_zh_entry(code, g[0], id, &inputs.date));
            }
        }
    }
    mark_removed(
        &mut d.entries,
        &groups,
        "zh_docs_only",
        "no longer in the Chinese docs",
        report,
    );
}

fn new_zh_entry(code: &str, r: &Row, id: &str, date: &str) -> Json {
    let section = if r.channel == "websocket" {
        "WebSocket"
    } else {
        ZH_SECTIONS
            .iter()
            .find(|(zh, _)| *zh == r.section)
            .map_or(UNLISTED_SECTION, |(_, en)| *en)
    };
    let mut f = base_fields(code);
    f.extend([
        ("http_status".into(), status_json(r.http_status)),
        ("msg".into(), Json::str("")),
        ("section".into(), Json::str(section)),
        ("channel".into(), Json::str(r.channel)),
        ("kind".into(), Json::str(kind_of(r))),
        ("docs_anchor".into(), Json::str(&r.anchor)),
        ("doc_status".into(), Json::str("zh_docs_only")),
        (
            "msg_source".into(),
            Json::str("none yet: OKX documents this code only in Chinese"),
        ),
        ("msg_verbatim".into(), Json::Bool(false)),
        ("sources".into(), str_array(&[id.to_string()])),
        ("last_seen".into(), Json::str(date)),
        ("last_seen_in".into(), Json::str(id)),
    ]);
    Json::Object(f)
}

/// The new map in the old one's order: kept keys where they were, new keys after them in
/// source order (a refresh's diff then shows only real changes).
fn mapping_object(old: Option<&Json>, list: &[Mapping]) -> Json {
    let class_of = |k: &str| list.iter().find(|m| m.key == k).map(|m| Json::str(&m.class));
    let mut out: Vec<(String, Json)> = match old {
        Some(Json::Object(m)) => m
            .iter()
            .filter_map(|(k, _)| class_of(k).map(|c| (k.clone(), c)))
            .collect(),
        _ => Vec::new(),
    };
    for m in list {
        if !out.iter().any(|(k, _)| *k == m.key) {
            out.push((m.key.clone(), Json::str(&m.class)));
        }
    }
    Json::Object(out)
}

fn diff_maps(report: &mut Report, what: &str, old: Option<&Json>, new: &[Mapping]) {
    let old: Vec<(String, String)> = match old {
        Some(Json::Object(m)) => m
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str().unwrap_or("").to_string()))
            .collect(),
        _ => Vec::new(),
    };
    for m in new {
        match old.iter().find(|(k, _)| *k == m.key) {
            None => report.added(CCXT, format!("{what} {:?}: {}", m.key, m.class)),
            Some((_, c)) if *c != m.class => report.changed(CCXT, format!("{what} {:?}: {c} -> {}", m.key, m.class)),
            _ => {}
        }
    }
    for (k, c) in &old {
        if !new.iter().any(|m| m.key == *k) {
            report.removed(CCXT, format!("{what} {k:?}: {c}"));
        }
    }
}

fn apply_ccxt(
    d: &mut Data,
    ex: &ccxt::Exceptions,
    id: &str,
    version: &str,
    file: &str,
    date: &str,
    report: &mut Report,
) {
    diff_maps(report, "exact", d.ccxt.get("exact"), &ex.exact);
    diff_maps(report, "broad", d.ccxt.get("broad"), &ex.broad);
    diff_maps(report, "httpExceptions", d.ccxt.get("httpExceptions"), &ex.http);
    let order = [
        "exact",
        "broad",
        "httpExceptions",
        "ccxt_version_or_commit",
        "source",
        "hierarchy",
        "hierarchy_note",
        "counts",
    ];
    let exact = mapping_object(d.ccxt.get("exact"), &ex.exact);
    let broad = mapping_object(d.ccxt.get("broad"), &ex.broad);
    let http = mapping_object(d.ccxt.get("httpExceptions"), &ex.http);
    d.ccxt.set("exact", exact, &order);
    d.ccxt.set("broad", broad, &order);
    d.ccxt.set("httpExceptions", http, &order);
    d.ccxt.set(
        "ccxt_version_or_commit",
        Json::str(&format!("{version} (saved copy: {file})")),
        &order,
    );
    let mut classes: Vec<&str> = ex.exact.iter().map(|m| m.class.as_str()).collect();
    classes.sort_unstable();
    classes.dedup();
    let hierarchy_has = |c: &str| d.ccxt.get("hierarchy").and_then(|h| h.get(c)).is_some();
    for c in ex.exact.iter().chain(&ex.broad).map(|m| m.class.as_str()) {
        if !hierarchy_has(c) {
            report.note(format!("ccxt class {c} is not in the hierarchy of {CCXT}: add it"));
        }
    }
    if let Some(counts) = d.ccxt.get_mut("counts") {
        counts.set("exact", Json::num(ex.exact.len() as u64), &[]);
        counts.set("broad", Json::num(ex.broad.len() as u64), &[]);
        counts.set("classes_used_in_exact", Json::num(classes.len() as u64), &[]);
    }
    for e in d.entries.iter_mut() {
        let code = e.str_field("code").unwrap_or("").to_string();
        let class = ex.exact.iter().find(|m| m.key == code).map(|m| m.class.clone());
        let old = e.str_field("ccxt_exception").map(String::from);
        if class != old {
            report.changed(CODES, format!("{code} ccxt_exception: {old:?} -> {class:?}"));
            match &class {
                Some(c) => e.set("ccxt_exception", Json::str(c), ENTRY_KEYS),
                None => e.remove("ccxt_exception"),
            }
        }
        if class.is_some() {
            // The new ccxt version takes the place of the old one in `sources`.
            let mut sources = strings(e, "sources");
            match sources.iter().position(|s| s.starts_with("ccxt-")) {
                Some(p) => sources[p] = id.to_string(),
                None => sources.push(id.to_string()),
            }
            let mut kept: Vec<String> = Vec::new();
            for s in sources {
                if !(s.starts_with("ccxt-") && kept.iter().any(|k| k.starts_with("ccxt-"))) {
                    kept.push(s);
                }
            }
            e.set("sources", str_array(&kept), ENTRY_KEYS);
            if e.str_field("doc_status") == Some("not_in_docs_snapshots") {
                seen(e, id, date);
            }
        }
    }
    for m in &ex.exact {
        let is_code = !m.key.is_empty() && m.key.bytes().all(|b| b.is_ascii_digit());
        if is_code && find(&d.entries, &m.key).is_none() {
            report.added(CODES, format!("{} (ccxt only: {})", m.key, m.class));
            d.entries.push(new_ccxt_entry(m, id, date));
        }
    }
}

/// WebSocket codes are 60000–64999.
fn is_websocket_code(code: &str) -> bool {
    code.len() == 5 && ("60".."65").contains(&&code[..2])
}

fn new_ccxt_entry(m: &Mapping, id: &str, date: &str) -> Json {
    let ws = is_websocket_code(&m.key);
    let mut f = base_fields(&m.key);
    f.extend([
        ("http_status".into(), Json::Null),
        ("msg".into(), Json::str(m.comment.as_deref().unwrap_or(""))),
        (
            "section".into(),
            Json::str(if ws { "WebSocket" } else { UNLISTED_SECTION }),
        ),
        ("section_inferred".into(), Json::Bool(true)),
        ("channel".into(), Json::str(if ws { "websocket" } else { "rest" })),
        ("kind".into(), Json::str("error_code")),
        ("docs_anchor".into(), Json::Null),
        ("doc_status".into(), Json::str("not_in_docs_snapshots")),
        ("msg_source".into(), Json::str(&format!("{id} (source comment)"))),
        ("msg_verbatim".into(), Json::Bool(false)),
        ("sources".into(), str_array(&[id.to_string()])),
        ("last_seen".into(), Json::str(date)),
        ("last_seen_in".into(), Json::str(id)),
        ("ccxt_exception".into(), Json::str(&m.class)),
    ]);
    Json::Object(f)
}
