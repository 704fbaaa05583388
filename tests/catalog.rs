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
        1099,
        "the reference data has 1,099 entries (update this count on refresh)"
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
    }
}

#[test]
fn counts_match_sources_md() {
    assert_eq!(catalog::distinct_base_codes(), 1058);
    assert_eq!(catalog::entries().iter().filter(|e| e.sub_code.is_some()).count(), 41);
    assert_eq!(
        catalog::entries().iter().filter(|e| e.http_status.is_some()).count(),
        1029
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
    assert_eq!(codes.len(), 1099, "codes are unique");
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
