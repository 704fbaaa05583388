//! OKX's official Chinese messages in a paste: a bot that asks OKX for Chinese text
//! (`Accept-Language: zh-CN`), a log that prints only the message, or a message copied from a
//! Chinese page. A message is recognised when it stands on its own in the line: the whole line,
//! or a part of it set off by punctuation, spaces or quotes (`下单失败：无效的签名`), with its
//! placeholders filled by any value (`委托失败，USDT 可用余额不足，…`). Inside a sentence
//! (`下单提示余额不足`) it is not a message but a description, which the Chinese search reads.
//!
//! Text is compared folded as [`catalog::fold_zh`] folds it (letters and digits only), so spaces
//! and full- or half-width punctuation do not matter; [`catalog::codes_for_zh_message`] matches a
//! whole text the same way, except that a placeholder at a message's start or end must hold a
//! value rather than Chinese words (`tests/diagnose_zh.rs` checks that the two agree on OKX's own
//! messages).

use crate::core::catalog::{self, fold_zh, Channel, Entry};
use std::collections::HashMap;
use std::sync::OnceLock;

/// A message whose literal text is this short (folded characters: `余额不足`, `登录失败`) says
/// too little to be told from a user's own words: it must be the whole line, or for a template
/// (`{param0}参数错误`), start the line or follow punctuation (`错误信息：posSide参数错误`, not
/// `我的 USDT 余额不足`).
const SHORT_CHARS: usize = 4;

/// Fewest literal characters a message needs to be matched at all (as in the catalog).
const MIN_CHARS: usize = 2;

/// Boundaries tried on each side of a template's anchor.
const MAX_BOUNDARIES: usize = 16;

/// Characters of a line that are folded and compared at most (a Chinese message is far shorter).
const MAX_LINE_CHARS: usize = 1200;

/// One official Chinese message, prepared.
struct Msg {
    /// Index of its entry in [`catalog::entries`].
    entry: usize,
    /// The literal pieces between placeholders, folded (one piece: no placeholder).
    pieces: Vec<String>,
    /// Index of the longest piece: where a match is looked for.
    anchor: usize,
    /// Folded literal characters in all.
    chars: usize,
}

struct Index {
    msgs: Vec<Msg>,
    /// The messages whose anchor starts with these two characters.
    by_pair: HashMap<(char, char), Vec<u32>>,
}

/// A message template split at its placeholders (`{param0}`, `{ccy}`, `${ccy}`), each literal
/// piece folded (the catalog splits the same way).
fn pieces(msg: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut rest = msg;
    while let Some(open) = rest.find('{') {
        match rest[open..].find('}') {
            Some(close) => {
                out.last_mut().expect("non-empty").push_str(&rest[..open]);
                out.push(String::new());
                rest = &rest[open + close + 1..];
            }
            None => break,
        }
    }
    out.last_mut().expect("non-empty").push_str(rest);
    out.iter().map(|p| fold_zh(p)).collect()
}

fn index() -> &'static Index {
    static I: OnceLock<Index> = OnceLock::new();
    I.get_or_init(|| {
        let mut msgs = Vec::new();
        let mut by_pair: HashMap<(char, char), Vec<u32>> = HashMap::new();
        for (i, e) in catalog::entries().iter().enumerate() {
            for m in catalog::zh_messages(e) {
                let pieces = pieces(m);
                let chars: usize = pieces.iter().map(|p| p.chars().count()).sum();
                let Some((anchor, a)) = pieces
                    .iter()
                    .enumerate()
                    .max_by_key(|(i, p)| (p.chars().count(), usize::MAX - i))
                else {
                    continue;
                };
                let mut cs = a.chars();
                let (Some(c0), Some(c1)) = (cs.next(), cs.next()) else {
                    continue; // an anchor of one character would be found everywhere
                };
                if chars < MIN_CHARS {
                    continue;
                }
                let id = msgs.len() as u32;
                let ids = by_pair.entry((c0, c1)).or_default();
                if ids.last() != Some(&id) {
                    ids.push(id);
                }
                msgs.push(Msg {
                    entry: i,
                    pieces,
                    anchor,
                    chars,
                });
            }
        }
        Index { msgs, by_pair }
    })
}

/// Whether folded `text` is the template `pieces` with each placeholder filled by at least one
/// character (leftmost match of each piece; the catalog's rule), and a placeholder that starts or
/// ends the template holds a value, not Chinese words: `{ccy} 余额不足` is `USDT 余额不足`, not
/// a sentence that ends in 余额不足.
fn matches_template(text: &str, pieces: &[String]) -> bool {
    fn cjk(s: &str) -> bool {
        s.chars().any(crate::core::search::is_cjk)
    }
    let Some((first, rest)) = pieces.split_first() else {
        return false;
    };
    let Some(mut tail) = text.strip_prefix(first.as_str()) else {
        return false;
    };
    for (i, piece) in rest.iter().enumerate() {
        let Some(c) = tail.chars().next() else {
            return false;
        };
        let after = &tail[c.len_utf8()..];
        if i + 1 == rest.len() {
            let Some(value) = after.strip_suffix(piece.as_str()) else {
                return false;
            };
            let value = &tail[..c.len_utf8() + value.len()];
            let outer = (i == 0 && first.is_empty()) || piece.is_empty();
            return !(outer && cjk(value));
        }
        let Some(j) = after.find(piece.as_str()) else {
            return false;
        };
        if i == 0 && first.is_empty() && cjk(&tail[..c.len_utf8() + j]) {
            return false;
        }
        tail = &after[j + piece.len()..];
    }
    tail.is_empty()
}

/// A line folded, with where each folded character came from and where the line may be cut.
struct Folded {
    text: String,
    /// Byte offset in the line of each folded byte's character (plus the line's end).
    orig: Vec<usize>,
    /// Folded byte positions a message may start at: the start, and after any dropped character.
    starts: Vec<usize>,
    /// Those of [`Folded::starts`] that follow punctuation or a quote (not only spaces).
    marked: Vec<usize>,
    /// Folded byte positions a message may end at: the end, and before any dropped character.
    ends: Vec<usize>,
}

fn fold_line(line: &str) -> Folded {
    let mut f = Folded {
        text: String::new(),
        orig: Vec::new(),
        starts: vec![0],
        marked: vec![0],
        ends: Vec::new(),
    };
    let (mut dropped, mut punct) = (false, false);
    for (n, (at, c)) in line.char_indices().enumerate() {
        if n >= MAX_LINE_CHARS {
            break;
        }
        if c.is_alphanumeric() {
            if dropped && !f.text.is_empty() {
                f.ends.push(f.text.len());
                f.starts.push(f.text.len());
                if punct {
                    f.marked.push(f.text.len());
                }
            }
            (dropped, punct) = (false, false);
            let c = c.to_ascii_lowercase();
            for _ in 0..c.len_utf8() {
                f.orig.push(at);
            }
            f.text.push(c);
        } else {
            dropped = true;
            punct |= !c.is_whitespace();
        }
    }
    f.ends.push(f.text.len());
    f.starts.dedup();
    f
}

/// An official Chinese message found in a line.
#[derive(Debug, Clone)]
pub struct ZhHit {
    /// The entry whose message it is (a sub-code entry when the message is a sub-code's).
    pub entry: &'static Entry,
    /// Byte range of the message in the line.
    pub span: (usize, usize),
    /// Other base codes with the same Chinese message (`无效的签名`: 50113 and 60007), which the
    /// line's code or transport did not rule out.
    pub others: Vec<&'static str>,
}

/// The official Chinese message in `line`, if one stands on its own there: the longest one, and
/// among entries sharing it, the one whose code is in the line, then the one of the paste's
/// transport (`ws`), then sub-codes first, in catalog order.
pub fn find(line: &str, ws: bool) -> Option<ZhHit> {
    if !line.chars().any(crate::core::search::is_cjk) {
        return None;
    }
    let idx = index();
    let f = fold_line(line);
    let t = f.text.as_str();
    let whole = t.len();
    // (folded start, end, message id) of every match.
    let mut found: Vec<(usize, usize, u32)> = Vec::new();
    let chars: Vec<(usize, char)> = t.char_indices().collect();
    for w in chars.windows(2) {
        let (q, pair) = (w[0].0, (w[0].1, w[1].1));
        let Some(ids) = idx.by_pair.get(&pair) else {
            continue;
        };
        for &id in ids {
            let m = &idx.msgs[id as usize];
            let anchor = &m.pieces[m.anchor];
            if !t[q..].starts_with(anchor.as_str()) {
                continue;
            }
            let (a_end, short) = (q + anchor.len(), m.chars <= SHORT_CHARS);
            if m.pieces.len() == 1 {
                // No placeholder: the anchor is the message.
                let aligned = f.starts.binary_search(&q).is_ok() && f.ends.binary_search(&a_end).is_ok();
                if aligned && (!short || (q == 0 && a_end == whole)) {
                    found.push((q, a_end, id));
                }
                continue;
            }
            let before = f.starts.partition_point(|&s| s <= q);
            let after = f.ends.partition_point(|&e| e < a_end);
            // The nearest cuts around the anchor first: a placeholder at either end takes the
            // least text that makes a match (one word, as values are).
            'outer: for &s in f.starts[..before].iter().rev().take(MAX_BOUNDARIES) {
                for &e in f.ends[after..].iter().take(MAX_BOUNDARIES) {
                    if (short && f.marked.binary_search(&s).is_err()) || !matches_template(&t[s..e], &m.pieces) {
                        continue;
                    }
                    found.push((s, e, id));
                    break 'outer;
                }
            }
        }
    }
    let longest = found.iter().map(|(s, e, _)| e - s).max()?;
    found.retain(|(s, e, _)| e - s == longest);
    let entries = catalog::entries();
    let (s, e, _) = found[0];
    let mut cands: Vec<&'static Entry> = Vec::new();
    for (_, _, id) in &found {
        let entry = &entries[idx.msgs[*id as usize].entry];
        if !cands.iter().any(|c| c.code == entry.code) {
            cands.push(entry);
        }
    }
    let in_line = |c: &Entry| crate::core::diagnose::util::has_token(line, c.base_code);
    let rank = |c: &Entry| {
        (
            !in_line(c),
            (c.channel == Channel::WebSocket) != ws,
            c.sub_code.is_none(),
            catalog::index_of(c),
        )
    };
    cands.sort_by_key(|c| rank(c));
    let best = cands[0];
    let mut others: Vec<&'static str> = Vec::new();
    if !in_line(best) {
        for c in &cands[1..] {
            if c.base_code != best.base_code && !others.contains(&c.base_code) {
                others.push(c.base_code);
            }
        }
    }
    // The message ends with the line's character of its last folded one.
    let last = f.orig[e - 1];
    let end = last + line[last..].chars().next().map_or(0, char::len_utf8);
    Some(ZhHit {
        entry: best,
        span: (f.orig[s], end),
        others,
    })
}

/// Words that make a Chinese line read like an error, for long pastes where only such lines are
/// compared with messages.
pub fn looks_like_error(line: &str) -> bool {
    const MARKERS: &[&str] = &[
        "失败",
        "错误",
        "不足",
        "无效",
        "不存在",
        "不能",
        "不可",
        "不支持",
        "过期",
        "超过",
        "超出",
        "频率",
        "限制",
        "拒绝",
        "禁止",
        "异常",
        "报错",
        "冻结",
        "不合法",
        "非法",
        "为空",
    ];
    MARKERS.iter().any(|m| line.contains(m))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(line: &str) -> Option<&'static str> {
        find(line, false).map(|h| h.entry.code)
    }

    #[test]
    fn whole_messages_and_parts_set_off() {
        assert_eq!(code("无效的签名"), Some("50113"));
        assert_eq!(find("无效的签名", true).unwrap().entry.code, "60007");
        assert_eq!(find("无效的签名", false).unwrap().others, vec!["60007"]);
        assert_eq!(code("ERROR 下单失败: 无效的签名"), Some("50113"));
        assert_eq!(code("\"msg\": \"请求时间戳过期\""), Some("50102"));
        assert_eq!(
            code("委托失败，USDT 可用余额不足，该委托会产生借币，当前账户可用保证金过低无法借币"),
            Some("51008_1000")
        );
        assert_eq!(code("posSide参数错误"), Some("51000"));
        assert_eq!(code("下单失败，错误信息：posSide参数错误"), Some("51000"));
        assert_eq!(code("我的 USDT 余额不足"), None);
        // The span is the message, with its own characters.
        let line = "错误：API key 不存在。";
        let h = find(line, false).unwrap();
        assert_eq!(&line[h.span.0..h.span.1], "API key 不存在");
        assert_eq!(h.entry.code, "50119");
    }

    #[test]
    fn not_inside_a_sentence_and_short_ones_only_alone() {
        assert_eq!(code("下单提示余额不足"), None);
        assert_eq!(code("USDT 余额不足"), Some("51736"));
        assert_eq!(code("API key 不存在是什么原因"), None);
        assert_eq!(code("余额不足"), Some("51764"));
        assert_eq!(code("报错：余额不足"), None);
        assert_eq!(code("no chinese here: Invalid Sign"), None);
        assert_eq!(code(""), None);
    }
}
