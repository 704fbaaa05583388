//! The knowledge base is complete and well-formed.
#![cfg(not(target_arch = "wasm32"))]

use okx_doctor::core::catalog;
use okx_doctor::core::category::Category;
use okx_doctor::core::kb;

/// Codes that must have hand-written knowledge.
const FREQUENT: &[&str] = &[
    "1", "2", "50011", "50113", "50111", "50119", "50105", "50101", "50102", "50110", "50120", "50014", "51000",
    "51001", "51008", "51010", "51020", "51121", "58350", "59000", "60006", "60009", "60011", "60018", "60032",
];

const LIBS: &[&str] = &[
    "ccxt-python",
    "ccxt-js",
    "python-okx",
    "okx-api-node",
    "python",
    "shell",
    "http",
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
        assert!(LIBS.contains(&s.lib), "{}: unknown lib {}", s.id, s.lib);
        assert!(!s.title.trim().is_empty() && !s.code.trim().is_empty(), "{}", s.id);
        assert_ne!(kb::lib_label(s.lib), "code");
    }
    // Every library the brief names has at least one snippet.
    for lib in ["ccxt-python", "ccxt-js", "python-okx", "okx-api-node", "shell"] {
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
    let causes = kb::causes(Some("50011"), Category::RateLimit);
    let own = kb::code_info("50011").unwrap().causes.len();
    let cat = kb::category_info(Category::RateLimit).unwrap().causes.len();
    assert_eq!(causes.len(), own + cat);
    assert_eq!(causes[0].id, kb::code_info("50011").unwrap().causes[0].id);
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
