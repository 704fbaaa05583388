//! Catalog rows as plain data: what the home page's table shows for a search, or the not-found
//! page for the nearest codes. The analysis worker computes them next to the catalog and sends
//! them to the page as JSON, so the page's own wasm does not carry the catalog.

use super::catalog::{self, Channel, Entry};
use super::lang::Lang;
use super::search::{self, Filters};
use super::template::readable;
use crate::t;
use serde::{Deserialize, Serialize};

/// One row of the catalog table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Row {
    pub code: String,
    /// HTTP statuses, or `–`.
    pub http: String,
    /// The message with placeholders made readable.
    pub msg: String,
    pub section: String,
    pub channel: String,
    /// ccxt's exception class, or `–`.
    pub ccxt: String,
}

impl Row {
    /// The row of an entry, in English.
    pub fn of(e: &Entry) -> Row {
        Row::of_in(e, Lang::En)
    }

    /// The row of an entry in `lang`: in Chinese, OKX's official Chinese message (the English
    /// one when OKX publishes none) and the section's Chinese name.
    pub fn of_in(e: &Entry, lang: Lang) -> Row {
        let en_msg = || {
            if e.msg.is_empty() {
                t!(lang, "(no message: success)", "（无消息：成功）").to_string()
            } else {
                readable(e.msg)
            }
        };
        Row {
            code: e.code.to_string(),
            http: catalog::http_statuses_text(e).unwrap_or_else(|| "–".into()),
            msg: t!(
                lang,
                en_msg(),
                catalog::msg_zh(e)
                    .filter(|m| !m.trim().is_empty())
                    .map(readable)
                    .unwrap_or_else(en_msg)
            ),
            section: section_label(e.section, lang).to_string(),
            channel: e.channel.label().to_string(),
            ccxt: e.ccxt_exception.unwrap_or("–").to_string(),
        }
    }
}

/// The name of a docs section (`Account`, `Public` …) in `lang`; in Chinese the name OKX's zh-CN
/// docs give it. Filter values and URLs keep the English name.
pub fn section_label(name: &str, lang: Lang) -> &str {
    t!(
        lang,
        name,
        match name {
            "Account" => "账户类",
            "Block Trading and Spread Orderbook" => "大宗交易和价差交易",
            "Convert" => "闪兑",
            "Copy trading" => "跟单交易",
            "Finance" => "金融",
            "Funding" => "资金类",
            "Futures" => "交割合约类",
            "Public" => "公共",
            "Trading bot" => "策略交易",
            "Unlisted" => "未收录",
            "WebSocket" => "WebSocket",
            _ => name,
        }
    )
}

/// The name of a docs subsection (`Trade Class` …) in `lang`, as OKX's zh-CN docs name it.
pub fn subsection_label(name: &str, lang: Lang) -> &str {
    t!(
        lang,
        name,
        match name {
            "API Class" => "API 类",
            "Data class" => "数据类",
            "General Class" => "通用类",
            "Trade Class" => "交易类",
            "Close Frame" => "关闭帧",
            _ => name,
        }
    )
}

/// The ids of the code families ([`catalog::FAMILIES`]), in display order, without their English labels
/// (so a Chinese wasm build that lists the families carries none of them).
pub const FAMILY_IDS: [&str; 16] = [
    "general", "50", "51", "52", "54", "55", "56", "58", "59", "60", "63", "64", "70", "75", "close", "other",
];

/// The label of a code family ([`catalog::FAMILIES`]) in `lang`.
pub fn family_label(id: &str, lang: Lang) -> &'static str {
    t!(
        lang,
        catalog::FAMILIES
            .iter()
            .find(|(f, _)| *f == id)
            .map(|(_, l)| *l)
            .unwrap_or("other"),
        match id {
            "general" => "0–2 通用",
            "50" => "50xxx 通用与 API",
            "51" => "51xxx 交易",
            "52" => "52xxx 数据",
            "54" => "54xxx",
            "55" => "55xxx",
            "56" => "56xxx",
            "58" => "58xxx 资金",
            "59" => "59xxx 账户",
            "60" => "60xxx WebSocket",
            "63" => "63xxx WebSocket",
            "64" => "64xxx WebSocket",
            "70" => "70xxx",
            "75" => "75xxx",
            "close" => "WebSocket 关闭帧",
            _ => "其他",
        }
    )
}

/// The rows of a search: at most `limit` of them, and how many matched in all.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rows {
    pub rows: Vec<Row>,
    pub total: usize,
}

impl Rows {
    /// As the worker sends them ([`wire`](crate::core::wire) bytes).
    pub fn to_wire(&self) -> Vec<u8> {
        crate::core::wire::encode(self)
    }

    /// Reads [`Rows::to_wire`]'s output.
    pub fn from_wire(bytes: &[u8]) -> Option<Rows> {
        crate::core::wire::decode(bytes)
    }
}

/// A search as the page asks for it: the query and the filters' values as in the URL.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Query {
    pub q: String,
    /// Family id, section name, `rest` or `websocket`; empty for "all".
    pub fam: String,
    pub sec: String,
    pub ch: String,
    /// Rows wanted at most.
    pub limit: usize,
    /// The language of the rows' text (a wasm worker answers in the language it was built for).
    #[serde(with = "lang_id")]
    pub lang: Lang,
}

/// A [`Lang`] as its id (`"zh"`) on the wire.
mod lang_id {
    use super::Lang;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(lang: &Lang, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(lang.id())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Lang, D::Error> {
        Ok(Lang::parse(&String::deserialize(d)?).unwrap_or_default())
    }
}

/// The rows matching a query, best first.
pub fn search_rows(query: &Query) -> Rows {
    let filters = Filters {
        family: Some(query.fam.clone()).filter(|s| !s.is_empty()),
        section: Some(query.sec.clone()).filter(|s| !s.is_empty()),
        channel: match query.ch.as_str() {
            "rest" => Some(Channel::Rest),
            "websocket" => Some(Channel::WebSocket),
            _ => None,
        },
    };
    let hits = search::search(&query.q, &filters);
    let entries = catalog::entries();
    Rows {
        rows: hits
            .iter()
            .take(query.limit)
            .map(|h| Row::of_in(&entries[h.index], query.lang))
            .collect(),
        total: hits.len(),
    }
}

/// The known codes nearest to `input` (for an unknown code's page), in English (in a wasm
/// worker: in the language it was built for).
pub fn nearest_rows(input: &str, n: usize) -> Rows {
    nearest_rows_in(input, n, Lang::En)
}

/// The known codes nearest to `input`, in `lang`.
pub fn nearest_rows_in(input: &str, n: usize, lang: Lang) -> Rows {
    let near = search::nearest_codes(input, n);
    Rows {
        total: near.len(),
        rows: near.into_iter().map(|e| Row::of_in(e, lang)).collect(),
    }
}

/// The code of an exact match of `query`, if any (Enter opens its page).
pub fn exact(query: &str) -> Option<String> {
    search::exact_code(query).map(|e| e.code.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_round_trip_and_are_capped() {
        let r = search_rows(&Query {
            q: "too many request".into(),
            limit: 5,
            ..Default::default()
        });
        assert_eq!(r.rows[0].code, "50011");
        assert!(r.rows.len() <= 5 && r.total >= r.rows.len());
        assert_eq!(Rows::from_wire(&r.to_wire()), Some(r));
        let all = search_rows(&Query {
            limit: usize::MAX,
            ..Default::default()
        });
        assert_eq!(all.total, catalog::entries().len());
        assert!(
            all.rows.iter().all(|r| !r.msg.contains("{param")),
            "placeholders made readable"
        );
        let ws = search_rows(&Query {
            ch: "websocket".into(),
            limit: usize::MAX,
            ..Default::default()
        });
        assert!(ws.total > 0 && ws.total < all.total);
        assert!(!nearest_rows("5011x", 5).rows.is_empty());
        assert_eq!(exact("50113").as_deref(), Some("50113"));
    }

    fn has_cjk(s: &str) -> bool {
        s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    #[test]
    fn rows_in_chinese_carry_the_official_message_and_section_names() {
        let e = catalog::get("50011").unwrap();
        assert_eq!(Row::of(e), Row::of_in(e, Lang::En));
        let zh = Row::of_in(e, Lang::Zh);
        assert_eq!(Some(zh.msg.as_str()), catalog::msg_zh(e));
        assert_eq!(zh.section, "公共");
        assert_eq!(Row::of_in(catalog::get("0").unwrap(), Lang::Zh).msg, "（无消息：成功）");
        // A code OKX gives no Chinese message keeps its English one.
        let no_zh = catalog::entries()
            .iter()
            .find(|e| !e.msg.is_empty() && catalog::msg_zh(e).is_none())
            .unwrap();
        assert_eq!(Row::of_in(no_zh, Lang::Zh).msg, readable(no_zh.msg));
        // Every section and family has a Chinese name; English names are unchanged.
        for s in catalog::sections() {
            assert_eq!(section_label(s, Lang::En), s);
            assert!(s == "WebSocket" || section_label(s, Lang::Zh) != s, "{s}");
        }
        assert_eq!(FAMILY_IDS.len(), catalog::FAMILIES.len());
        for ((id, label), own) in catalog::FAMILIES.iter().zip(FAMILY_IDS) {
            assert_eq!((*id, family_label(id, Lang::En)), (own, *label));
            assert!(family_label(id, Lang::Zh).starts_with(&id[..1]) || has_cjk(family_label(id, Lang::Zh)));
        }
        assert_eq!(family_label("51", Lang::Zh), "51xxx 交易");
        // The query, with its language, travels to the worker and back unchanged.
        let q = Query {
            q: "余额".into(),
            lang: Lang::Zh,
            limit: 3,
            ..Default::default()
        };
        assert_eq!(
            crate::core::wire::decode::<Query>(&crate::core::wire::encode(&q)),
            Some(q)
        );
        let rows = search_rows(&Query {
            q: "too many request".into(),
            lang: Lang::Zh,
            limit: 1,
            ..Default::default()
        });
        assert_eq!(rows.rows[0].msg, catalog::msg_zh(e).unwrap());
        let near = nearest_rows_in("5011x", 5, Lang::Zh);
        assert_eq!(near.total, nearest_rows("5011x", 5).total);
    }
}
