//! Native tests of the catalog search.
#![cfg(not(target_arch = "wasm32"))]

use okx_doctor::core::catalog::{self, Channel};
use okx_doctor::core::search::{nearest_codes, search, Filters};

fn top_codes(q: &str) -> Vec<&'static str> {
    search(q, &Filters::default())
        .iter()
        .take(5)
        .map(|h| catalog::entries()[h.index].code)
        .collect()
}

#[test]
fn empty_query_lists_everything() {
    assert_eq!(search("", &Filters::default()).len(), catalog::entries().len());
    assert_eq!(search("   ", &Filters::default()).len(), catalog::entries().len());
}

#[test]
fn partial_and_exact_codes() {
    assert_eq!(top_codes("50011")[0], "50011");
    let all: Vec<&str> = search("5011", &Filters::default())
        .iter()
        .map(|h| catalog::entries()[h.index].code)
        .collect();
    assert!(all.contains(&"50011"), "{all:?}");
    assert!(all.len() < 40, "a partial code stays selective: {}", all.len());
    assert_eq!(top_codes("51008_1000")[0], "51008_1000");
    assert_eq!(top_codes("5100")[0], "51000");
}

#[test]
fn messages_with_typos_and_case() {
    assert_eq!(top_codes("too many request")[0], "50011");
    assert_eq!(top_codes("Too Many Requests")[0], "50011");
    assert!(
        top_codes("timestmap request expired").contains(&"50102"),
        "{:?}",
        top_codes("timestmap request expired")
    );
    assert!(
        top_codes("invalid sign").contains(&"50113"),
        "{:?}",
        top_codes("invalid sign")
    );
}

#[test]
fn nonsense_finds_nothing() {
    assert!(search("qwxzvbnm zzqx", &Filters::default()).is_empty());
    assert!(search("99999", &Filters::default()).is_empty());
}

#[test]
fn filters_restrict_results() {
    let ws = Filters {
        channel: Some(Channel::WebSocket),
        ..Default::default()
    };
    let all = search("", &ws);
    assert!(!all.is_empty());
    assert!(all
        .iter()
        .all(|h| catalog::entries()[h.index].channel == Channel::WebSocket));
    let fam = Filters {
        family: Some("51".into()),
        ..Default::default()
    };
    assert!(search("", &fam)
        .iter()
        .all(|h| catalog::entries()[h.index].base_code.starts_with("51")));
    assert!(search("50011", &fam)
        .iter()
        .all(|h| catalog::entries()[h.index].code != "50011"));
    let sec = Filters {
        section: Some("Funding".into()),
        ..Default::default()
    };
    assert!(search("", &sec)
        .iter()
        .all(|h| catalog::entries()[h.index].section == "Funding"));
}

#[test]
fn hostile_and_huge_queries_do_not_panic() {
    let huge = "a".repeat(1_000_000);
    let _ = search(&huge, &Filters::default());
    let _ = search("<script>alert(1)</script>", &Filters::default());
    let _ = search("\u{0}\u{ffff}\u{1F600}", &Filters::default());
}

#[test]
fn nearest_codes_for_unknown() {
    let near: Vec<&str> = nearest_codes("50012x", 3).iter().map(|e| e.code).collect();
    assert_eq!(near.len(), 3);
    assert!(near.contains(&"50012"));
    assert!(nearest_codes("<script>", 3).is_empty());
}
