//! Catalog rows as plain data: what the home page's table shows for a search, or the not-found
//! page for the nearest codes. The analysis worker computes them next to the catalog and sends
//! them to the page as JSON, so the page's own wasm does not carry the catalog.

use super::catalog::{self, Channel, Entry};
use super::search::{self, Filters};
use super::template::readable;
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
    /// The row of an entry.
    pub fn of(e: &Entry) -> Row {
        Row {
            code: e.code.to_string(),
            http: catalog::http_statuses_text(e).unwrap_or_else(|| "–".into()),
            msg: if e.msg.is_empty() {
                "(no message: success)".into()
            } else {
                readable(e.msg)
            },
            section: e.section.to_string(),
            channel: e.channel.label().to_string(),
            ccxt: e.ccxt_exception.unwrap_or("–").to_string(),
        }
    }
}

/// The rows of a search: at most `limit` of them, and how many matched in all.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rows {
    pub rows: Vec<Row>,
    pub total: usize,
}

impl Rows {
    /// As JSON (what the worker sends).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Parses [`Rows::to_json`]'s output.
    pub fn from_json(s: &str) -> Option<Rows> {
        serde_json::from_str(s).ok()
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
            .map(|h| Row::of(&entries[h.index]))
            .collect(),
        total: hits.len(),
    }
}

/// The known codes nearest to `input` (for an unknown code's page).
pub fn nearest_rows(input: &str, n: usize) -> Rows {
    let near = search::nearest_codes(input, n);
    Rows {
        total: near.len(),
        rows: near.into_iter().map(Row::of).collect(),
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
        assert_eq!(Rows::from_json(&r.to_json()), Some(r));
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
}
