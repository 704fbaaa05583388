//! Reads the error-code tables of a saved OKX API v5 docs page (English or Chinese HTML, the
//! single-page docs at www.okx.com/docs-v5/{en,zh}/ saved from a browser).
//!
//! What the parser relies on (the docs' layout, as in `data/SOURCES.md`): the error codes sit
//! under headings whose `id` starts with `error-code`: `error-code-rest-api` and
//! `error-code-websocket` for the two APIs, one heading per section below them
//! (`error-code-rest-api-public`, `…-account`, …, `error-code-websocket-public`) and optional
//! headings per class below those (General Class, Trade Class, Close Frame; 通用类 …). Each table
//! has the code in its first column, the message in its last, and for REST an HTTP status column
//! whose header says "HTTP". Heading levels, attribute quoting and extra attributes do not matter.
//! Messages are normalised as `data/SOURCES.md` says: entities decoded, tags and backticks
//! removed, `<br>` and runs of white space become one space.

/// One row of an error-code table.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub code: String,
    pub http_status: Option<u64>,
    pub msg: String,
    /// `rest` or `websocket`.
    pub channel: &'static str,
    /// Section heading text (`Public`, `账户类`) and its anchor (`error-code-rest-api-account`).
    pub section: String,
    pub anchor: String,
    /// Class heading text under the section (`Trade Class`, `关闭帧`), if any.
    pub subsection: Option<String>,
}

/// The rows of every error-code table in the page, in page order, and the number of table rows
/// skipped because their first cell is not a code.
pub fn rows(html: &str) -> (Vec<Row>, usize) {
    let mut out = Vec::new();
    let mut skipped = 0;
    let mut headings: Vec<Heading> = Vec::new();
    let mut pos = 0;
    while let Some(tag) = next_tag(html, pos) {
        pos = tag.end;
        if let Some(level) = heading_level(&tag.name) {
            if tag.closing {
                continue;
            }
            let close = find_close(html, pos, &tag.name);
            let text = text_of(&html[pos..close]);
            headings.retain(|h| h.level < level);
            headings.push(Heading {
                level,
                id: tag.attr("id").unwrap_or_default(),
                text,
            });
            pos = close;
        } else if tag.name == "table" && !tag.closing {
            let close = find_close(html, pos, "table");
            if let Some(ctx) = Context::of(&headings) {
                let (mut r, s) = table_rows(&html[pos..close], &ctx);
                out.append(&mut r);
                skipped += s;
            }
            pos = close;
        }
    }
    (out, skipped)
}

struct Heading {
    level: u8,
    id: String,
    text: String,
}

/// Where a table stands: its API, section and class headings.
struct Context {
    channel: &'static str,
    section: String,
    anchor: String,
    subsection: Option<String>,
}

impl Context {
    fn of(headings: &[Heading]) -> Option<Context> {
        let api = headings
            .iter()
            .position(|h| h.id == "error-code-rest-api" || h.id == "error-code-websocket")?;
        let channel = if headings[api].id == "error-code-websocket" {
            "websocket"
        } else {
            "rest"
        };
        let section = headings.get(api + 1)?;
        Some(Context {
            channel,
            section: section.text.clone(),
            anchor: section.id.clone(),
            subsection: headings.get(api + 2).map(|h| h.text.clone()),
        })
    }
}

fn table_rows(table: &str, ctx: &Context) -> (Vec<Row>, usize) {
    let mut grid: Vec<(bool, Vec<String>)> = Vec::new();
    let mut pos = 0;
    while let Some(tag) = next_tag(table, pos) {
        pos = tag.end;
        if tag.closing {
            continue;
        }
        match tag.name.as_str() {
            "tr" => grid.push((false, Vec::new())),
            "th" | "td" => {
                let close = find_close(table, pos, &tag.name);
                if grid.is_empty() {
                    grid.push((false, Vec::new()));
                }
                let row = grid.last_mut().expect("a row");
                row.0 |= tag.name == "th";
                row.1.push(text_of(&table[pos..close]));
                pos = close;
            }
            _ => {}
        }
    }
    let Some(header) = grid.iter().find(|(th, _)| *th).map(|(_, cells)| cells.clone()) else {
        return (Vec::new(), 0);
    };
    let http_col = header.iter().position(|h| h.to_lowercase().contains("http"));
    let mut rows = Vec::new();
    let mut skipped = 0;
    for (is_header, cells) in &grid {
        if *is_header || cells.len() < 2 {
            continue;
        }
        let code = cells[0].trim();
        if !is_code(code) {
            skipped += 1;
            continue;
        }
        let msg = if cells.len() > header.len().saturating_sub(1) {
            cells[header.len() - 1].clone()
        } else {
            cells.last().cloned().unwrap_or_default()
        };
        rows.push(Row {
            code: code.to_string(),
            http_status: http_col.and_then(|c| cells.get(c)).and_then(|s| s.trim().parse().ok()),
            msg,
            channel: ctx.channel,
            section: ctx.section.clone(),
            anchor: ctx.anchor.clone(),
            subsection: ctx.subsection.clone(),
        });
    }
    (rows, skipped)
}

/// `50011` or `51008_1000`.
fn is_code(s: &str) -> bool {
    let (base, sub) = s.split_once('_').unwrap_or((s, "0"));
    let digits = |x: &str| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit());
    digits(base) && digits(sub)
}

fn heading_level(name: &str) -> Option<u8> {
    match name.as_bytes() {
        [b'h', d @ b'1'..=b'6'] => Some(d - b'0'),
        _ => None,
    }
}

struct Tag {
    name: String,
    closing: bool,
    attrs: String,
    end: usize,
}

impl Tag {
    /// An attribute's value, with double, single or no quotes.
    fn attr(&self, name: &str) -> Option<String> {
        let lower = self.attrs.to_lowercase();
        let mut from = 0;
        while let Some(i) = lower[from..].find(name).map(|i| i + from) {
            let before_ok = i == 0 || lower.as_bytes()[i - 1].is_ascii_whitespace();
            let rest = lower[i + name.len()..].trim_start();
            if before_ok && rest.starts_with('=') {
                let start = self.attrs.len() - rest.len() + 1;
                let value = self.attrs[start..].trim_start();
                return Some(match value.chars().next() {
                    Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or("").to_string(),
                    _ => value
                        .split(|c: char| c.is_whitespace() || c == '>')
                        .next()
                        .unwrap_or("")
                        .to_string(),
                });
            }
            from = i + name.len();
        }
        None
    }
}

/// The next tag at or after `pos` (comments, doctype and script/style bodies are skipped).
fn next_tag(html: &str, mut pos: usize) -> Option<Tag> {
    loop {
        let start = html[pos..].find('<')? + pos;
        if html[start..].starts_with("<!--") {
            pos = html[start..].find("-->").map_or(html.len(), |i| start + i + 3);
            continue;
        }
        let end = tag_end(html, start)?;
        let inner = &html[start + 1..end - 1];
        let closing = inner.starts_with('/');
        let inner = inner.trim_start_matches('/');
        let name_len = inner
            .find(|c: char| c.is_whitespace() || c == '/' || c == '>')
            .unwrap_or(inner.len());
        let name = inner[..name_len].to_ascii_lowercase();
        if name.is_empty() || name.starts_with('!') || name.starts_with('?') {
            pos = end;
            continue;
        }
        if !closing && (name == "script" || name == "style") {
            pos = find_close(html, end, &name);
            continue;
        }
        return Some(Tag {
            name,
            closing,
            attrs: inner[name_len..].to_string(),
            end,
        });
    }
}

/// Index just past the `>` closing the tag that starts at `start`, ignoring `>` inside quotes.
fn tag_end(html: &str, start: usize) -> Option<usize> {
    let mut quote: Option<u8> = None;
    for (i, b) in html.as_bytes()[start..].iter().enumerate() {
        match (quote, *b) {
            (Some(q), c) if c == q => quote = None,
            (None, b'"' | b'\'') => quote = Some(*b),
            (None, b'>') => return Some(start + i + 1),
            _ => {}
        }
    }
    None
}

/// Start of the closing tag `</name>` at or after `pos` (the end of the text when missing).
fn find_close(html: &str, pos: usize, name: &str) -> usize {
    let mut from = pos;
    while let Some(tag_start) = html[from..].find("</").map(|i| i + from) {
        let rest = &html[tag_start + 2..];
        if rest.len() >= name.len()
            && rest[..name.len()].eq_ignore_ascii_case(name)
            && !rest[name.len()..].starts_with(|c: char| c.is_ascii_alphanumeric())
        {
            return tag_start;
        }
        from = tag_start + 2;
    }
    html.len()
}

/// The text of an HTML fragment: tags removed (`<br>` is a space), entities decoded, backticks
/// removed, white space collapsed.
pub fn text_of(fragment: &str) -> String {
    let mut raw = String::with_capacity(fragment.len());
    let mut pos = 0;
    while let Some(lt) = fragment[pos..].find('<').map(|i| i + pos) {
        raw.push_str(&fragment[pos..lt]);
        let end = tag_end(fragment, lt).unwrap_or(fragment.len());
        let tag = fragment[lt + 1..end].trim_start_matches('/').to_ascii_lowercase();
        if tag.starts_with("br") || tag.starts_with('p') && !tag.starts_with("pre") {
            raw.push(' ');
        }
        pos = end;
    }
    raw.push_str(&fragment[pos..]);
    let decoded = decode_entities(&raw).replace('`', "");
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Decodes the named entities the docs use and every numeric one.
fn decode_entities(s: &str) -> String {
    const NAMED: &[(&str, &str)] = &[
        ("amp", "&"),
        ("lt", "<"),
        ("gt", ">"),
        ("quot", "\""),
        ("apos", "'"),
        ("nbsp", " "),
        ("rsquo", "\u{2019}"),
        ("lsquo", "\u{2018}"),
        ("rdquo", "\u{201d}"),
        ("ldquo", "\u{201c}"),
        ("hellip", "\u{2026}"),
        ("ndash", "\u{2013}"),
        ("mdash", "\u{2014}"),
    ];
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let semi = after.find(';').filter(|i| *i <= 10);
        let decoded = semi.and_then(|i| {
            let name = &after[..i];
            let num = |digits: &str, radix| u32::from_str_radix(digits, radix).ok().and_then(char::from_u32);
            let ch = if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                num(hex, 16).map(String::from)
            } else if let Some(dec) = name.strip_prefix('#') {
                num(dec, 10).map(String::from)
            } else {
                NAMED.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string())
            };
            ch.map(|c| (c, i))
        });
        match decoded {
            Some((text, i)) => {
                out.push_str(&text);
                rest = &after[i + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}
