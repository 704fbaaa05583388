//! Every catalog entry gets a category; hand-checked expectations for the frequent codes.
#![cfg(not(target_arch = "wasm32"))]

use okx_doctor::core::catalog;
use okx_doctor::core::categorize::{category_for_message, category_of};
use okx_doctor::core::category::Category;

fn cat(code: &str) -> Category {
    category_of(catalog::get(code).unwrap_or_else(|| panic!("{code} not in catalog")))
}

#[test]
fn every_entry_has_a_category() {
    let mut counts = std::collections::HashMap::new();
    for e in catalog::entries() {
        *counts.entry(category_of(e)).or_insert(0usize) += 1;
    }
    let total: usize = counts.values().sum();
    assert_eq!(total, catalog::entries().len());
    // Most entries say something specific.
    let other = counts.get(&Category::Other).copied().unwrap_or(0);
    assert!(
        other * 2 < total,
        "too many entries fall back to other: {other}/{total}"
    );
    // Every category except `other` is used by at least one entry.
    for c in Category::ALL {
        assert!(counts.contains_key(&c) || c == Category::Other, "no entry in {c}");
    }
}

#[test]
fn hand_checked_table() {
    use Category::*;
    let table: &[(&str, Category)] = &[
        ("50011", RateLimit),
        ("50061", RateLimit),
        ("60014", RateLimit),
        ("50113", AuthSignature),
        ("50114", AuthSignature),
        ("60007", WebsocketLogin),
        ("50111", AuthKey),
        ("50119", AuthKey),
        ("60005", AuthKey),
        ("60032", AuthKey),
        ("50100", AuthKey),
        ("50105", AuthPassphrase),
        ("50104", AuthPassphrase),
        ("60024", AuthPassphrase),
        ("50102", Timestamp),
        ("50112", Timestamp),
        ("50107", Timestamp),
        ("60004", Timestamp),
        ("60006", Timestamp),
        ("50120", Permission),
        ("50030", Permission),
        ("50035", IpWhitelist),
        ("50110", IpWhitelist),
        ("50101", EnvironmentMismatch),
        ("51008", InsufficientBalance),
        ("51008_1001", InsufficientBalance),
        ("51131", InsufficientBalance),
        ("51502", InsufficientBalance),
        ("51001", Instrument),
        ("60018", Instrument),
        ("51121", OrderSizePrecision),
        ("51020", OrderSizePrecision),
        ("51000", Parameter),
        ("51010", AccountMode),
        ("59000", AccountMode),
        ("50014", AccountMode),
        ("60009", WebsocketLogin),
        ("60011", WebsocketLogin),
        ("4001", WebsocketLogin),
        ("50001", Network),
        ("50013", Network),
        ("50026", Network),
        ("4004", Network),
        ("1", Other),
        ("2", Other),
        // keyword-derived
        ("52918", InsufficientBalance),
        ("58102", RateLimit),
        ("51155", Permission),
    ];
    let mut bad = Vec::new();
    for (code, want) in table {
        let got = cat(code);
        if got != *want {
            bad.push(format!("{code}: want {want}, got {got}"));
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn refined_by_runtime_message() {
    let e51000 = catalog::get("51000").unwrap();
    assert_eq!(
        category_for_message(e51000, "Parameter posSide error"),
        Category::AccountMode
    );
    assert_eq!(
        category_for_message(e51000, "Parameter tdMode error"),
        Category::AccountMode
    );
    assert_eq!(
        category_for_message(e51000, "Parameter clOrdId error"),
        Category::Parameter
    );
    // categories.md: a rejected instType / uly / instFamily parameter is `parameter`.
    assert_eq!(
        category_for_message(e51000, "Parameter instType error"),
        Category::Parameter
    );
    let e50101 = catalog::get("50101").unwrap();
    assert_eq!(
        category_for_message(e50101, "Broker id of APIKey does not match current environment"),
        Category::EnvironmentMismatch
    );
    let e60018 = catalog::get("60018").unwrap();
    assert_eq!(
        category_for_message(e60018, "Wrong URL or channel:candle1m,instId:BTC-USDT doesn't exist."),
        Category::Instrument
    );
    let e50014 = catalog::get("50014").unwrap();
    assert_eq!(
        category_for_message(e50014, "Parameter ccy can not be empty."),
        Category::AccountMode
    );
    assert_eq!(
        category_for_message(e50014, "Parameter instId can not be empty."),
        Category::Parameter
    );
    // Empty message: the entry's own category.
    assert_eq!(category_for_message(e50101, ""), category_of(e50101));
}
