//! The knowledge base is complete and well-formed.
#![cfg(not(target_arch = "wasm32"))]

use okx_doctor::core::catalog::{self, Entry};
use okx_doctor::core::categorize::{category_for_message, category_of};
use okx_doctor::core::category::Category;
use okx_doctor::core::facts::Library;
use okx_doctor::core::kb;
use okx_doctor::core::textsim;

/// Codes that must have hand-written knowledge.
const FREQUENT: &[&str] = &[
    "1", "2", "50011", "50113", "50111", "50119", "50105", "50101", "50102", "50110", "50120", "50014", "51000",
    "51001", "51008", "51010", "51020", "51121", "58350", "59000", "60006", "60009", "60011", "60018", "60032",
];

fn check_cause(c: &kb::Cause, ctx: &str) {
    for (name, v) in [
        ("id", c.id),
        ("title", c.title),
        ("detail", c.detail),
        ("confirm", c.confirm),
        ("fix", c.fix),
        ("verify", c.verify),
    ] {
        assert!(!v.trim().is_empty(), "{ctx}: cause {} has empty {name}", c.id);
    }
}

#[test]
fn every_category_has_meaning_causes_and_snippets() {
    assert_eq!(kb::category_infos().len(), Category::ALL.len());
    for c in Category::ALL {
        let info = kb::category_info(c).unwrap_or_else(|| panic!("no knowledge for category {c}"));
        assert_eq!(info.category, c);
        let sentences = info.meaning.matches(". ").count() + 1;
        assert!(
            (2..=5).contains(&sentences),
            "{c}: meaning should be 2–4 sentences, has {sentences}"
        );
        assert!(!info.causes.is_empty(), "{c}: no causes");
        for cause in info.causes {
            check_cause(cause, c.id());
        }
        assert!(!info.snippets.is_empty(), "{c}: no snippets");
    }
    // Ordered like Category::ALL.
    let order: Vec<Category> = kb::category_infos().iter().map(|i| i.category).collect();
    assert_eq!(order, Category::ALL.to_vec());
}

#[test]
fn frequent_codes_have_code_info() {
    for code in FREQUENT {
        let info = kb::code_info(code).unwrap_or_else(|| panic!("no CodeInfo for {code}"));
        assert_eq!(info.code, *code);
        assert!(!info.summary.trim().is_empty(), "{code}: empty summary");
        assert!(!info.causes.is_empty(), "{code}: no causes");
        for c in info.causes {
            check_cause(c, code);
        }
        assert!(!info.snippets.is_empty(), "{code}: no snippets");
    }
}

#[test]
fn code_info_codes_and_related_codes_exist() {
    for info in kb::code_infos() {
        assert!(catalog::get(info.code).is_some(), "{} not in catalog", info.code);
        for r in info.related {
            assert!(catalog::get(r).is_some(), "{}: related {r} not in catalog", info.code);
            assert_ne!(*r, info.code);
        }
    }
}

#[test]
fn cause_ids_unique_within_owner() {
    let mut owners: Vec<(String, Vec<&str>)> = Vec::new();
    for i in kb::category_infos() {
        owners.push((i.category.id().into(), i.causes.iter().map(|c| c.id).collect()));
    }
    for i in kb::code_infos() {
        owners.push((i.code.into(), i.causes.iter().map(|c| c.id).collect()));
    }
    for (owner, mut ids) in owners {
        let n = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), n, "{owner}: duplicate cause ids");
    }
}

#[test]
fn snippets_are_well_formed() {
    let all = kb::all_snippets();
    assert!(all.len() >= 20, "only {} snippets", all.len());
    let mut ids: Vec<&str> = all.iter().map(|s| s.id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), all.len(), "duplicate snippet ids");
    for s in all {
        // An unknown library id has no label of its own (the build script also refuses it).
        assert_ne!(kb::lib_label(s.lib), "code", "{}: unknown lib {}", s.id, s.lib);
        assert!(!s.title.trim().is_empty() && !s.code.trim().is_empty(), "{}", s.id);
    }
    // Every library of the picker (the core's list) has at least one snippet, and so do the
    // machine's own shell commands.
    let picker = Library::WITH_SNIPPETS.map(|l| l.id());
    for lib in picker.iter().copied().chain(["shell"]) {
        assert!(all.iter().any(|s| s.lib == lib), "no snippet for {lib}");
    }
}

#[test]
fn snippets_use_the_right_api_names() {
    let text: String = kb::all_snippets().iter().map(|s| s.code).collect::<Vec<_>>().join("\n");
    for needle in [
        "set_sandbox_mode(True)",
        "setSandboxMode(true)",
        "'adjustForTimeDifference': True",
        "adjustForTimeDifference: true",
        "'password':",
        "ccxt.myokx",
        "ccxt.okxus",
        "domain=",
        "https://eea.okx.com",
        "flag=",
        "market: 'EEA'",
        "demoTrading: true",
        "enableRateLimit",
        "x-simulated-trading: 1",
        "/ws/v5/business",
        "wseea.okx.com",
        "wsus.okx.com",
        "/api/v5/public/time",
        "random.uniform",
        "'op': 'login'",
    ] {
        assert!(text.contains(needle), "no snippet contains {needle:?}");
    }
}

#[test]
fn specific_knowledge_is_where_users_need_it() {
    let fix_text = |code: &str| -> String {
        kb::code_info(code)
            .unwrap()
            .causes
            .iter()
            .map(|c| format!("{} {} {}", c.title, c.detail, c.fix))
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert!(fix_text("50119").contains("myokx"));
    assert!(fix_text("50119").contains("eea.okx.com"));
    assert!(fix_text("50101").contains("flag=\"0\""));
    assert!(fix_text("50102").contains("adjustForTimeDifference"));
    assert!(fix_text("51000").contains("posSide"));
    assert!(fix_text("51000").contains("tdMode"));
    assert!(fix_text("60018").contains("/ws/v5/business"));
    assert!(kb::code_info("1").unwrap().summary.contains("sCode"));
    assert!(kb::code_info("2").unwrap().summary.contains("sCode"));
}

#[test]
fn sub_codes_fall_back_to_base_knowledge() {
    let info = kb::code_info("51008_1000").expect("51008_1000 falls back to 51008");
    assert_eq!(info.code, "51008");
    assert!(kb::code_info("99999").is_none());
    assert!(kb::code_info("").is_none());
}

#[test]
fn causes_and_snippets_combine_code_then_category() {
    // 50014's own causes replace none of account_mode's: all of both, code first.
    let causes = kb::causes(Some("50014"), Category::AccountMode);
    let own = kb::code_info("50014").unwrap().causes;
    let cat = kb::category_info(Category::AccountMode).unwrap().causes;
    assert_eq!(causes.len(), own.len() + cat.len());
    assert_eq!(causes[0].id, own[0].id);
    assert_eq!(causes[own.len()].id, cat[0].id);
    // 50011's own causes restate each of rate_limit's, which are then left out.
    let ids: Vec<&str> = kb::causes(Some("50011"), Category::RateLimit)
        .iter()
        .map(|c| c.id)
        .collect();
    assert_eq!(ids, ["startup_fanout", "limiter_bypassed", "retry_storm"]);
    let snips = kb::snippets(Some("50011"), Category::RateLimit);
    let mut ids: Vec<&str> = snips.iter().map(|s| s.id).collect();
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n, "snippets deduplicated");
    assert!(!kb::causes(None, Category::Other).is_empty());
}

#[test]
fn cause_titles_agree_with_causes_for_every_code_and_category() {
    let mut checked = 0;
    for cat in Category::ALL {
        let mut codes: Vec<Option<&str>> = vec![None, Some("not-a-code")];
        codes.extend(catalog::entries().iter().map(|e| Some(e.code)));
        for code in codes {
            let full: Vec<&str> = kb::causes(code, cat).iter().map(|c| c.title).collect();
            assert_eq!(kb::cause_titles(code, cat), full, "{code:?} in {cat:?}");
            checked += 1;
        }
    }
    assert!(checked > 1000);
}

/// Every (code, category, message) a finding or page can show causes for: each catalog entry
/// with its own category and no message, and with each of its messages and the category that
/// message gives it.
fn every_finding() -> Vec<(&'static Entry, Category, &'static str)> {
    let mut out = Vec::new();
    for e in catalog::entries() {
        out.push((e, category_of(e), ""));
        for m in catalog::all_messages(e) {
            out.push((e, category_for_message(e, m), m));
        }
    }
    out
}

#[test]
fn no_code_lists_the_same_cause_twice() {
    let mut checked = 0;
    let (mut max_title, mut max_text) = (0.0f64, 0.0f64);
    for (e, cat, msg) in every_finding() {
        let causes = kb::causes_for_message(Some(e.code), cat, msg);
        for (i, a) in causes.iter().enumerate() {
            for b in &causes[i + 1..] {
                let ctx = format!("{} [{}] {msg:?}: `{}` and `{}`", e.code, cat.id(), a.id, b.id);
                assert_ne!(a.id, b.id, "{ctx}: same id twice");
                assert!(
                    !textsim::near_duplicate((a.title, a.detail), (b.title, b.detail)),
                    "{ctx} say the same thing: mark one `replaces` the other in data/kb, or merge them"
                );
                max_title = max_title.max(textsim::title_similarity(a.title, b.title));
                let text = |c: &kb::Cause| format!("{} {}", c.title, c.detail);
                max_text = max_text.max(textsim::text_similarity(&text(a), &text(b)));
                checked += 1;
            }
        }
    }
    assert!(checked > 3_000, "only {checked} pairs");
    eprintln!("{checked} cause pairs checked; closest titles {max_title:.2}, closest texts {max_text:.2}");
}

#[test]
fn the_reported_duplicates_are_gone() {
    let titles = |code: &str| {
        let e = catalog::get(code).unwrap();
        kb::cause_titles(Some(code), category_of(e))
    };
    // 50111: the regional-host cause once.
    let t = titles("50111");
    assert_eq!(
        t.iter().filter(|t| t.to_lowercase().contains("region")).count(),
        1,
        "{t:?}"
    );
    // 50113: the wrong secret and the signed-vs-sent mismatch once each.
    let ids: Vec<&str> = kb::causes(Some("50113"), Category::AuthSignature)
        .iter()
        .map(|c| c.id)
        .collect();
    assert!(
        !ids.contains(&"wrong_secret") && !ids.contains(&"signed_differs_from_sent"),
        "{ids:?}"
    );
    // 50004 and 50013 are replies from OKX: the network path to it is not blocked.
    for code in ["50004", "50013"] {
        let ids: Vec<&str> = kb::causes(Some(code), Category::Network).iter().map(|c| c.id).collect();
        assert!(!ids.contains(&"path_blocked"), "{code}: {ids:?}");
    }
    // 60007 is a WebSocket login: no REST ISO-timestamp advice.
    let ids: Vec<&str> = kb::causes(Some("60007"), Category::AuthSignature)
        .iter()
        .map(|c| c.id)
        .collect();
    assert!(!ids.contains(&"timestamp_format"), "{ids:?}");
}

/// Which way a text moves funds between the funding (6) and trading (18) accounts:
/// (funding → trading, trading → funding).
fn transfer_directions(text: &str) -> (bool, bool) {
    let t = text.to_lowercase();
    let says = |from: &str, to: &str| {
        t.match_indices(&format!("from {from}")).any(|(i, _)| {
            let rest = &t[i..];
            let end = rest.char_indices().nth(40).map_or(rest.len(), |(j, _)| j);
            rest[..end].contains(&format!("to {to}"))
        })
    };
    (says("funding", "trading"), says("trading", "funding"))
}

#[test]
fn transfer_directions_agree_within_a_code() {
    assert_eq!(
        transfer_directions("Transfer from funding (6) to trading (18)."),
        (true, false)
    );
    assert_eq!(
        transfer_directions("Transfer from trading (18) to funding (6) first."),
        (false, true)
    );
    for (e, cat, msg) in every_finding() {
        let causes = kb::causes_for_message(Some(e.code), cat, msg);
        let mut seen: Vec<(&str, (bool, bool))> = Vec::new();
        for c in &causes {
            let d = transfer_directions(&format!(
                "{} {} {} {} {}",
                c.title, c.detail, c.confirm, c.fix, c.verify
            ));
            // One cause may state both ways on purpose (a check of both); two causes may not
            // each tell the reader to move the money the other way.
            if d.0 != d.1 {
                seen.push((c.id, d));
            }
        }
        if let Some((a, da)) = seen.first() {
            for (b, db) in &seen[1..] {
                assert_eq!(
                    da,
                    db,
                    "{} [{}] {msg:?}: `{a}` and `{b}` move funds in opposite directions",
                    e.code,
                    cat.id()
                );
            }
        }
    }
    // 58350 (withdrawals) says trading → funding only.
    let ids: Vec<&str> = kb::causes(Some("58350"), Category::InsufficientBalance)
        .iter()
        .map(|c| c.id)
        .collect();
    assert!(!ids.contains(&"funds_in_funding_account"), "{ids:?}");
}

#[test]
fn a_message_naming_a_parameter_lists_no_cause_about_another() {
    assert!(kb::KNOWN_PARAMS.contains(&"posSide") && kb::KNOWN_PARAMS.contains(&"tdMode"));
    assert_eq!(kb::named_params("Parameter posSide error"), ["posSide"]);
    assert!(kb::named_params("Parameter posSideX error").is_empty());
    // The catalog's messages, and "Parameter {param0} …" templates filled with each known name.
    let mut findings = every_finding()
        .into_iter()
        .map(|(e, _, m)| (e, m.to_string()))
        .collect::<Vec<_>>();
    for e in catalog::entries() {
        for m in catalog::all_messages(e).into_iter().filter(|m| m.contains("{param0}")) {
            for p in kb::KNOWN_PARAMS {
                findings.push((e, m.replacen("{param0}", p, 1)));
            }
        }
    }
    let mut checked = 0;
    for (e, msg) in &findings {
        let named = kb::named_params(msg);
        if named.is_empty() {
            continue;
        }
        let cat = category_for_message(e, msg);
        let causes = kb::causes_for_message(Some(e.code), cat, msg);
        for c in &causes {
            // About a parameter: tagged so, or naming one in its title ("tdMode error: …").
            let about: Vec<&str> = c.params.iter().copied().chain(kb::named_params(c.title)).collect();
            assert!(
                about.is_empty() || about.iter().any(|p| named.contains(p)),
                "{} {msg:?} names {named:?} but lists `{}` about {about:?}",
                e.code,
                c.id
            );
        }
        assert_eq!(
            kb::cause_titles_for_message(Some(e.code), cat, msg),
            causes.iter().map(|c| c.title).collect::<Vec<_>>()
        );
        checked += 1;
    }
    assert!(checked > 100, "only {checked} messages name a parameter");
    let ids: Vec<&str> = kb::causes_for_message(Some("51000"), Category::AccountMode, "Parameter posSide error")
        .iter()
        .map(|c| c.id)
        .collect();
    assert!(
        ids.contains(&"posside_vs_position_mode") && !ids.contains(&"tdmode_vs_instrument"),
        "{ids:?}"
    );
}
