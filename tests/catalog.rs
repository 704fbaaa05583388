//! Native tests of the generated catalog: nothing from the source data is lost.
#![cfg(not(target_arch = "wasm32"))]

use okx_doctor::core::catalog::{self, Channel, Kind};
use serde_json::Value;

fn source() -> Vec<Value> {
    serde_json::from_str(&std::fs::read_to_string("data/okx-v5-error-codes.json").unwrap()).unwrap()
}

#[test]
fn every_source_entry_is_in_the_table_in_order() {
    let src = source();
    assert_eq!(
        src.len(),
        1104,
        "the reference data has 1,104 entries (update this count on refresh)"
    );
    assert_eq!(catalog::entries().len(), src.len());
    for (e, s) in catalog::entries().iter().zip(&src) {
        assert_eq!(e.code, s["code"].as_str().unwrap());
        assert_eq!(e.msg, s["msg"].as_str().unwrap());
        assert_eq!(e.http_status.map(u64::from), s["http_status"].as_u64(), "{}", e.code);
        assert_eq!(e.section, s["section"].as_str().unwrap());
        assert_eq!(e.ccxt_exception, s.get("ccxt_exception").and_then(Value::as_str));
        let n = |k: &str| s.get(k).and_then(Value::as_array).map_or(0, Vec::len);
        assert_eq!(e.alt_rows.len(), n("alt_rows"), "{}", e.code);
        assert_eq!(e.msg_variants.len(), n("msg_variants"), "{}", e.code);
        assert_eq!(e.observed.len(), n("observed_runtime_msgs"), "{}", e.code);
        assert_eq!(e.sources.len(), n("sources"), "{}", e.code);
        assert_eq!(e.sub_codes.len(), n("sub_codes"), "{}", e.code);
        assert_eq!(e.doc_status.as_str(), s["doc_status"].as_str().unwrap(), "{}", e.code);
        assert_eq!(e.last_seen, s["last_seen"].as_str().unwrap(), "{}", e.code);
        assert_eq!(e.last_seen_in, s["last_seen_in"].as_str().unwrap(), "{}", e.code);
    }
}

#[test]
fn counts_match_sources_md() {
    assert_eq!(catalog::distinct_base_codes(), 1063);
    assert_eq!(catalog::entries().iter().filter(|e| e.sub_code.is_some()).count(), 41);
    assert_eq!(
        catalog::entries().iter().filter(|e| e.http_status.is_some()).count(),
        1034
    );
    assert_eq!(
        catalog::entries().iter().filter(|e| e.ccxt_exception.is_some()).count(),
        402
    );
    assert_eq!(catalog::entries().iter().filter(|e| !e.alt_rows.is_empty()).count(), 13);
    assert_eq!(
        catalog::entries().iter().filter(|e| !e.msg_variants.is_empty()).count(),
        243
    );
    assert_eq!(catalog::entries().iter().filter(|e| !e.observed.is_empty()).count(), 13);
    let codes: std::collections::HashSet<&str> = catalog::entries().iter().map(|e| e.code).collect();
    assert_eq!(codes.len(), 1104, "codes are unique");
}

#[test]
fn rate_limit_50011_has_both_http_rows() {
    let e = catalog::get("50011").unwrap();
    assert_eq!(e.http_status, Some(200));
    assert_eq!(e.http_statuses, &[200, 429]);
    assert!(e.msg.starts_with("Rate limit reached"));
    assert!(e
        .alt_rows
        .iter()
        .any(|r| r.http_status == Some(429) && r.msg == "Too Many Requests"));
    assert_eq!(e.ccxt_exception, Some("RateLimitExceeded"));
}

#[test]
fn websocket_codes_have_no_http_status() {
    let ws: Vec<_> = catalog::entries()
        .iter()
        .filter(|e| e.channel == Channel::WebSocket)
        .collect();
    assert!(ws.len() >= 40);
    for e in ws {
        assert!(
            e.http_status.is_none() && e.http_statuses.is_empty(),
            "{} has an HTTP status",
            e.code
        );
    }
    let close = catalog::get("4001").unwrap();
    assert_eq!(close.kind, Kind::WsCloseFrame);
}

#[test]
fn every_ccxt_class_is_in_ccxts_hierarchy() {
    for e in catalog::entries() {
        if let Some(c) = e.ccxt_exception {
            assert!(catalog::is_ccxt_class(c), "{}: {c} is not a ccxt class", e.code);
            assert_eq!(catalog::ccxt_ancestry(c).last(), Some(&"BaseError"), "{c}");
        }
    }
    for (_, class) in catalog::CCXT_EXACT.iter().chain(catalog::CCXT_BROAD) {
        assert!(catalog::is_ccxt_class(class), "{class}");
    }
    assert_eq!(
        catalog::ccxt_ancestry("InvalidNonce"),
        vec!["InvalidNonce", "NetworkError", "OperationFailed", "BaseError"]
    );
}

#[test]
fn sub_codes_link_to_their_base() {
    let base = catalog::get("51008").unwrap();
    assert_eq!(base.sub_codes.len(), 16);
    for sc in base.sub_codes {
        let e = catalog::get(sc).unwrap_or_else(|| panic!("{sc} missing"));
        assert_eq!(e.base_code, "51008");
    }
    assert_eq!(catalog::sub_entries("51008").count(), 16);
}

#[test]
fn every_entry_has_a_family() {
    for e in catalog::entries() {
        let f = catalog::family(e);
        assert!(catalog::FAMILIES.iter().any(|(id, _)| *id == f), "{}", e.code);
    }
    assert_eq!(catalog::family(catalog::get("1").unwrap()), "general");
    assert_eq!(catalog::family(catalog::get("4001").unwrap()), "close");
    assert_eq!(catalog::family(catalog::get("51008_1000").unwrap()), "51");
}

fn json(path: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn codes_added_after_the_snapshot_have_their_status_and_provenance() {
    use catalog::DocStatus::*;
    let expected = [
        ("59320", ZhDocsOnly),
        ("59667", ZhDocsOnly),
        ("54084", ReleaseNotesOnly),
        ("54085", ReleaseNotesOnly),
        ("54086", ProbablyObsolete),
    ];
    let since = json("data/okx-codes-since-catalog.json");
    let listed: Vec<&str> = since["codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["code"].as_str().unwrap())
        .collect();
    assert_eq!(listed, expected.iter().map(|(c, _)| *c).collect::<Vec<_>>());
    for (code, status) in expected {
        let e = catalog::get(code).unwrap_or_else(|| panic!("{code} missing"));
        assert_eq!(e.doc_status, status, "{code}");
        assert!(e.note.is_some() && !e.msg.is_empty(), "{code} says where it was seen");
        let src = catalog::source_info(e.last_seen_in).unwrap();
        assert!(
            matches!(
                src.kind,
                catalog::SourceKind::OkxDocsZh | catalog::SourceKind::OkxReleaseNotes
            ),
            "{code}"
        );
    }
    // Our English text for a code OKX documents only in Chinese is flagged as not verbatim.
    assert_eq!(catalog::get("59320").unwrap().msg_verbatim, Some(false));
    assert_eq!(catalog::msg_zh(catalog::get("59320").unwrap()), Some("超出借贷限额"));
    assert_eq!(
        catalog::msg_zh(catalog::get("54085").unwrap()),
        Some("滑点百分比小数位不可超过 2 位。")
    );
    assert_eq!(catalog::msg_zh(catalog::get("54086").unwrap()), None);
}

#[test]
fn every_entry_says_where_it_was_last_seen() {
    assert_eq!(catalog::data_date(), "2026-07-28");
    for e in catalog::entries() {
        let src = catalog::source_info(e.last_seen_in).unwrap_or_else(|| panic!("{}", e.code));
        assert_eq!(e.last_seen.len(), 10, "{}", e.code);
        assert!(
            e.last_seen <= src.date,
            "{}: seen {} after {}",
            e.code,
            e.last_seen,
            src.date
        );
        for s in e.sources {
            assert!(catalog::source_info(s).is_some(), "{}: {s}", e.code);
        }
        if e.doc_status == catalog::DocStatus::Current {
            assert!(e.last_seen.starts_with("2026-07"), "{}", e.code);
        }
    }
    let e = catalog::get("50011").unwrap();
    let kinds: Vec<catalog::SourceKind> = catalog::sources_of(e).map(|s| s.kind).collect();
    assert!(kinds.contains(&catalog::SourceKind::OkxDocsEn) && kinds.contains(&catalog::SourceKind::Sdk));
    assert_eq!(
        catalog::last_seen_source(e).unwrap().kind,
        catalog::SourceKind::OkxDocsZh
    );
    let by_source = |id: &str| catalog::entries().iter().filter(|e| e.last_seen_in == id).count();
    assert_eq!(by_source("okxdocs-zh-mirror-2026-07-28"), 1055);
    assert_eq!(by_source("okxdocs-mirror-2026-07"), 13);
    assert_eq!(by_source("okx-release-notes-zh-2026-07-24"), 3);
    assert_eq!(by_source("ccxt-4.5.90"), 21);
    assert_eq!(by_source("gocryptotrader-okx_err_codes"), 9);
    assert_eq!(by_source("coincise-okx-error_code-2025-11-08"), 3);
}

#[test]
fn every_official_zh_row_belongs_to_an_entry() {
    let zh = json("data/okx-v5-error-messages-zh.json");
    let rows = zh["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 1101);
    for r in rows {
        let code = r["code"].as_str().unwrap();
        let e = catalog::get(code).unwrap_or_else(|| panic!("zh row {code} has no entry"));
        let m = r["msg_zh"].as_str().unwrap();
        assert!(m.is_empty() || catalog::zh_messages(e).contains(&m), "{code}: {m}");
    }
    let with_zh = catalog::entries()
        .iter()
        .filter(|e| !catalog::zh_messages(e).is_empty())
        .count();
    // 1,104 entries: 1,052 zh codes less code 0 (empty message), the 3 base codes that take their
    // first sub-code's message, and 54084/54085 from the release notes.
    assert_eq!(with_zh, 1051 + 3 + 2);
    assert_eq!(catalog::zh_source_date(), "2026-07-28");
}

#[test]
fn zh_messages_keep_every_row_of_a_code() {
    let e = catalog::get("50011").unwrap();
    assert_eq!(
        catalog::zh_messages(e),
        &[
            "用户请求频率过快，超过该接口允许的限额。请参考 API 文档并限制请求",
            "请求频率太高"
        ]
    );
    assert_eq!(catalog::zh_messages(catalog::get("51024").unwrap()).len(), 30);
    // Identical rows are kept once.
    assert_eq!(catalog::zh_messages(catalog::get("51411").unwrap()).len(), 1);
    // A base code listed only with sub-codes takes its first sub-code's message, like `msg`.
    assert_eq!(
        catalog::msg_zh(catalog::get("51008").unwrap()),
        catalog::msg_zh(catalog::get("51008_1000").unwrap())
    );
    assert_eq!(catalog::msg_zh(catalog::get("0").unwrap()), None);
    assert_eq!(catalog::msg_zh(catalog::get("60001").unwrap()), None);
}

#[test]
fn a_pasted_official_zh_message_names_its_codes() {
    let codes = |t: &str| -> Vec<&str> { catalog::codes_for_zh_message(t).iter().map(|e| e.code).collect() };
    assert_eq!(codes("无效的签名"), vec!["50113", "60007"]);
    assert_eq!(
        codes("  无效的签名。 "),
        vec!["50113", "60007"],
        "spaces and punctuation"
    );
    assert_eq!(codes("登录失败"), vec!["4001", "60009"]);
    assert_eq!(codes("请求频率太高"), vec!["50011"], "a second row counts too");
    // Placeholders match the value OKX filled in.
    assert_eq!(
        codes("委托失败，USDT 可用余额不足，该委托会产生借币，当前账户可用保证金过低无法借币"),
        vec!["51008_1000"]
    );
    assert_eq!(codes("instId 参数错误"), vec!["51000", "60033"]);
    // A fragment, another language or nothing is not a message.
    assert!(codes("可用余额").is_empty());
    assert!(codes("Invalid Sign").is_empty());
    assert!(codes("").is_empty());
    assert!(codes("参数错误").is_empty(), "the placeholder needs a value");
}

#[test]
fn outcomes_api_codes_are_not_catalog_codes() {
    // The constant lists exactly the codes named in the reference's `out_of_scope` text.
    let text = json("data/okx-codes-since-catalog.json")["out_of_scope"]["what"]
        .as_str()
        .unwrap()
        .to_string();
    let mut named: Vec<String> = Vec::new();
    for tok in text.split(|c: char| !(c.is_ascii_digit() || c == '-')) {
        match tok.split_once('-') {
            Some((a, b)) if !a.is_empty() && !b.is_empty() => {
                let (a, b): (u32, u32) = (a.parse().unwrap(), b.parse().unwrap());
                named.extend((a..=b).map(|n| n.to_string()));
            }
            _ if tok.len() >= 5 && tok.bytes().all(|b| b.is_ascii_digit()) => named.push(tok.into()),
            _ => {}
        }
    }
    named.sort();
    let mut listed: Vec<String> = catalog::OUTCOMES_API_CODES.iter().map(|s| s.to_string()).collect();
    listed.sort();
    assert_eq!(named, listed);
    for code in catalog::OUTCOMES_API_CODES {
        assert!(catalog::is_outcomes_api_code(code));
        assert!(catalog::get(code).is_none(), "{code} is in the catalog");
    }
    for e in catalog::entries() {
        assert!(!catalog::is_outcomes_api_code(e.code), "{}", e.code);
        assert!(!catalog::is_outcomes_api_code(e.base_code), "{}", e.code);
    }
    assert!(catalog::is_outcomes_api_code("123456"), "any 6-digit code");
    assert!(!catalog::is_outcomes_api_code("50011"));
    assert!(!catalog::is_outcomes_api_code("10003"));
}

#[test]
fn the_message_table_agrees_with_the_catalog() {
    for e in catalog::entries() {
        assert_eq!(catalog::message(e.code), Some(e.msg), "{}", e.code);
    }
    for unknown in ["", "5011", "501130", "99999", "50113\u{1f}"] {
        assert_eq!(catalog::message(unknown), None, "{unknown:?}");
    }
}
