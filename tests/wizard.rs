//! Wizard trees and state machine: exhaustive walks, pre-fill, URL state and report hygiene.
//! Run with `--nocapture` to see the tree statistics.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use okx_doctor::core::category::Category;
use okx_doctor::core::facts::{Library, PasteFacts, Region, WsEndpoint};
use okx_doctor::core::wizard::*;
use proptest::prelude::*;

/// Everything one exhaustive walk of a tree found.
#[derive(Default)]
struct Walk {
    visited: BTreeSet<&'static str>,
    fixes_reached: usize,
    paths: usize,
    longest_questions: usize,
    states: Vec<WizardState>,
}

/// Explores every answer combination and every "still failing" from `state`.
fn explore(state: &mut WizardState, depth: usize, questions: usize, w: &mut Walk, limit: usize) {
    assert!(
        depth <= limit,
        "{:?}: path longer than the tree has nodes: a cycle? {:?}",
        state.category,
        state.answers
    );
    let step = current_node(state);
    w.visited.insert(step.id());
    if w.states.len() < 5000 {
        w.states.push(state.clone());
    }
    match step {
        Step::Question {
            id, question, number, ..
        } => {
            assert_eq!(number, questions + 1, "question numbering");
            assert!(question.answers.len() >= 2, "{id}: dead end, fewer than two answers");
            assert!(!question.text.trim().is_empty());
            for a in question.answers {
                answer(state, id, a.id).unwrap_or_else(|e| panic!("{id}.{}: {e}", a.id));
                explore(state, depth + 1, questions + 1, w, limit);
                assert!(back(state), "back after {id}.{}", a.id);
                assert_eq!(current_node(state).id(), id, "back returns to {id}");
            }
        }
        Step::Fix { id, fix } => {
            w.fixes_reached += 1;
            w.longest_questions = w.longest_questions.max(questions);
            assert!(!fix.title.trim().is_empty(), "{id}: title");
            assert!(!fix.change.trim().is_empty(), "{id}: change");
            assert!(!fix.verify.trim().is_empty(), "{id}: verify");
            assert!(
                fix.snippet_for(None).is_some(),
                "{id}: no snippet and no generic fallback"
            );
            for lib in Library::ALL {
                assert!(
                    fix.snippet_for(Some(lib)).is_some(),
                    "{id}: no snippet for {}",
                    lib.id()
                );
            }
            // Answering is refused on a fix; "still failing" continues.
            assert_eq!(answer(state, id, "x"), Err(WizardError::NotCurrent));
            still_failing(state).unwrap();
            explore(state, depth + 1, questions, w, limit);
            assert!(back(state));
            assert_eq!(current_node(state).id(), id);
        }
        Step::Report => {
            w.paths += 1;
            assert_eq!(still_failing(state), Err(WizardError::NotAFix));
        }
    }
}

/// Explores every walk from the tree's start and from each code-aware entry (its first code,
/// with the pre-filled answer its `when` needs).
fn walk_tree(c: Category) -> Walk {
    let tree = tree_for(c);
    let mut w = Walk::default();
    let mut state = WizardState::new(c, None);
    explore(&mut state, 0, 0, &mut w, tree.nodes.len());
    for e in tree.entries {
        let mut state = WizardState::new(c, Some(e.codes[0]));
        if let Some(when) = e.when {
            state.set_prefills(&[when]);
        }
        assert_eq!(
            start_id(&state),
            tree.node(e.node).id,
            "{c}: entry {:?} does not start its walk",
            e.codes
        );
        explore(&mut state, 0, 0, &mut w, tree.nodes.len());
    }
    w
}

#[test]
fn every_category_has_a_tree_and_every_path_ends_in_the_report() {
    assert_eq!(all_trees().len(), Category::ALL.len());
    let mut total_paths = 0;
    for c in Category::ALL {
        let tree = tree_for(c);
        assert_eq!(tree.category, c.id());
        assert_eq!(tree.category(), c);
        assert_eq!(
            tree.nodes.iter().filter(|n| matches!(n.kind, NodeKind::Report)).count(),
            1
        );
        let w = walk_tree(c);
        let all: BTreeSet<&str> = tree.nodes.iter().map(|n| n.id).collect();
        assert_eq!(w.visited, all, "{c}: nodes never reached by any walk");
        assert!(w.fixes_reached > 0, "{c}: no fix reachable");
        assert!(w.paths > 0);
        total_paths += w.paths;
    }
    let s = stats();
    println!(
        "wizard: {} trees, {} leaves (fix nodes), longest path {} questions to a fix, {} complete paths walked",
        s.trees, s.fixes, s.longest_path, total_paths
    );
    assert_eq!(s.trees, 16);
    assert!(s.fixes >= 16);
    let walked_longest = Category::ALL
        .iter()
        .map(|&c| walk_tree(c).longest_questions)
        .max()
        .unwrap();
    assert_eq!(
        walked_longest, s.longest_path,
        "stats() agrees with the exhaustive walk"
    );
}

#[test]
fn still_failing_chains_end_at_the_report() {
    // From every fix, pressing "still failing" and always taking the first answer ends at the report.
    for tree in all_trees() {
        for (i, node) in tree.nodes.iter().enumerate() {
            let NodeKind::Fix(_) = node.kind else { continue };
            let mut idx = i as u16;
            let mut steps = 0;
            loop {
                steps += 1;
                assert!(
                    steps <= tree.nodes.len(),
                    "{}: chain from {} loops",
                    tree.category,
                    node.id
                );
                match &tree.node(idx).kind {
                    NodeKind::Fix(f) => idx = f.still_failing,
                    NodeKind::Question(q) => idx = q.answers[0].next,
                    NodeKind::Report => break,
                }
            }
        }
    }
}

#[test]
fn maintainer_questions_are_asked_somewhere() {
    let keys: BTreeSet<&str> = all_trees()
        .iter()
        .flat_map(|t| t.nodes.iter())
        .filter_map(|n| match &n.kind {
            NodeKind::Question(q) => Some(q.key),
            _ => None,
        })
        .collect();
    for k in [
        "site",
        "key_env",
        "demo_flag",
        "lib_version",
        "password_field",
        "special_chars",
        "key_perms",
        "ip_bound",
        "ip_changed",
        "clock",
        "acct_mode",
        "pos_mode",
        "product",
        "size_units",
        "funds_where",
        "ws_url",
        "ws_login",
        "proxy",
        "rate_pattern",
    ] {
        assert!(keys.contains(k), "no tree asks `{k}`");
    }
    // The clock question is the special inline clock check.
    let clock = all_trees()
        .iter()
        .flat_map(|t| t.nodes.iter())
        .find_map(|n| match &n.kind {
            NodeKind::Question(q) if q.key == "clock" => Some(q),
            _ => None,
        })
        .unwrap();
    assert!(clock.clock_check);
    let ids: Vec<&str> = clock.answers.iter().map(|a| a.id).collect();
    assert_eq!(ids, ["in_sync", "seconds", "large", "unsure"]);
}

#[test]
fn answer_errors_and_back_at_start() {
    let mut s = WizardState::new(Category::AuthKey, Some("50119"));
    assert!(!back(&mut s));
    assert!(!can_go_back(&s));
    assert_eq!(answer(&mut s, "nope", "eea"), Err(WizardError::NotCurrent));
    assert_eq!(answer(&mut s, "site", "mars"), Err(WizardError::UnknownAnswer));
    assert_eq!(still_failing(&mut s), Err(WizardError::NotAFix));
    answer(&mut s, "site", "eea").unwrap();
    match current_node(&s) {
        Step::Fix { id, fix } => {
            assert_eq!(id, "fix_eea");
            assert!(fix
                .snippet_for(Some(Library::CcxtPython))
                .unwrap()
                .code
                .contains("myokx"));
            assert!(fix.snippet_for(Some(Library::OkxApiNode)).unwrap().code.contains("EEA"));
            assert!(fix
                .snippet_for(Some(Library::PythonOkx))
                .unwrap()
                .code
                .contains("eea.okx.com"));
            // Bots get the fix in their own terms: freqtrade's EEA exchange name.
            assert!(fix
                .snippet_for(Some(Library::Freqtrade))
                .unwrap()
                .code
                .contains("myokx"));
            // No nautilus snippet here: generic fallback.
            assert_eq!(fix.snippet_for(Some(Library::Nautilus)).unwrap().lib, "generic");
        }
        other => panic!("{other:?}"),
    }
    assert!(can_go_back(&s));
}

#[test]
fn prefill_from_paste_facts() {
    let f = PasteFacts {
        exchange_id: Some("okex5".into()),
        demo: Some(true),
        ..Default::default()
    };
    let p = prefill(&f);
    assert!(p.contains(&("lib_version", "outdated")));
    assert!(p.contains(&("demo_flag", "on")));
    assert!(!p.iter().any(|(q, _)| *q == "site"));

    let f = PasteFacts {
        exchange_id: Some("myokx".into()),
        ..Default::default()
    };
    assert_eq!(prefill(&f), vec![("site", "eea")]);
    let f = PasteFacts {
        region: Some(Region::Eea),
        ..Default::default()
    };
    assert_eq!(prefill(&f), vec![("site", "eea")]);
    let f = PasteFacts {
        exchange_id: Some("okxus".into()),
        ..Default::default()
    };
    assert_eq!(prefill(&f), vec![("site", "us")]);
    let f = PasteFacts {
        region: Some(Region::Us),
        ..Default::default()
    };
    assert_eq!(prefill(&f), vec![("site", "us")]);
    // A global host says where the bot connects, not where the user signs in.
    let f = PasteFacts {
        region: Some(Region::Global),
        exchange_id: Some("okx".into()),
        ..Default::default()
    };
    assert!(prefill(&f).is_empty());
    let f = PasteFacts {
        ws_endpoint: Some(WsEndpoint::Business),
        ..Default::default()
    };
    assert_eq!(prefill(&f), vec![("ws_url", "business")]);

    // Every pre-fill pair names a real answer of a real question somewhere.
    let all = PasteFacts {
        exchange_id: Some("okex".into()),
        region: Some(Region::Us),
        demo: Some(false),
        ws_endpoint: Some(WsEndpoint::Public),
        ..Default::default()
    };
    for (q, a) in prefill(&all) {
        let found = all_trees().iter().flat_map(|t| t.nodes.iter()).any(|n| match &n.kind {
            NodeKind::Question(qq) => qq.key == q && qq.answers.iter().any(|x| x.id == a),
            _ => false,
        });
        assert!(found, "prefill {q}.{a} matches no question");
    }
}

#[test]
fn prefilled_answers_preselect_but_do_not_advance() {
    let facts = PasteFacts {
        library: Some(Library::CcxtPython),
        exchange_id: Some("myokx".into()),
        demo: Some(true),
        ..Default::default()
    };
    let mut s = WizardState::from_facts(Category::AuthKey, Some("50119"), &facts);
    assert_eq!(s.library, Some(Library::CcxtPython));
    assert!(s.answers.iter().all(|a| a.prefilled));
    match current_node(&s) {
        Step::Question { id, prefilled, .. } => {
            assert_eq!(id, "site");
            assert_eq!(prefilled, Some("eea"));
        }
        other => panic!("{other:?}"),
    }
    // The user changes the pre-filled answer.
    answer(&mut s, "site", "global").unwrap();
    answer(&mut s, "key_env", "demo").unwrap();
    // demo_flag is asked by node `demo_flag_demo`; the paste pre-selects "on".
    match current_node(&s) {
        Step::Question { id, prefilled, .. } => {
            assert_eq!(id, "demo_flag_demo");
            assert_eq!(prefilled, Some("on"));
        }
        other => panic!("{other:?}"),
    }
    // Back keeps the pre-fills.
    assert!(back(&mut s));
    assert!(back(&mut s));
    assert!(!back(&mut s));
    // site and demo_flag from the paste, bot_demo from the library (ccxt has a demo switch).
    let pre: Vec<(&str, &str)> = s.prefills().map(|p| (p.question, p.answer)).collect();
    assert_eq!(pre, [("site", "eea"), ("demo_flag", "on"), ("bot_demo", "yes")]);
    // Pre-fills for questions the tree does not ask are dropped.
    let s = WizardState::from_facts(Category::RateLimit, None, &facts);
    assert_eq!(s.prefills().count(), 0);
}

#[test]
fn query_round_trips_for_every_walked_state() {
    for c in Category::ALL {
        let w = walk_tree(c);
        for (i, mut s) in w.states.into_iter().enumerate() {
            s.library = Library::ALL.get(i % 9).copied();
            if i % 3 == 0 {
                // Add pre-fills without replacing those the walk started from (entries use them).
                let mut pre: Vec<(&'static str, &'static str)> = s.prefills().map(|p| (p.question, p.answer)).collect();
                pre.extend([("site", "eea"), ("demo_flag", "on"), ("lib_version", "outdated")]);
                s.set_prefills(&pre);
            }
            let q = to_query(&s);
            assert!(q.len() < 1500, "{q}");
            assert_eq!(from_query(&q), Some(s.clone()), "{q}");
        }
    }
    let mut s = WizardState::new(Category::AuthKey, Some("50119"));
    s.library = Some(Library::CcxtPython);
    s.set_prefills(&[("site", "eea")]);
    answer(&mut s, "site", "eea").unwrap();
    assert_eq!(
        to_query(&s),
        "?c=auth_key&code=50119&lib=ccxt-python&p=site.eea&a=site.eea"
    );
}

#[test]
fn from_query_drops_garbage() {
    assert_eq!(from_query(""), None);
    assert_eq!(from_query("?c=nope"), None);
    let s = from_query(
        "?c=auth_key&code=<script>&lib=evil&p=site.mars,x.y&a=site.eea,fix_eea.failing,bogus.z,key_env.live",
    )
    .unwrap();
    assert_eq!(s.code, None);
    assert_eq!(s.library, None);
    assert_eq!(s.prefills().count(), 0);
    // Valid prefix kept, everything after the first off-path entry dropped.
    assert_eq!(s.path().count(), 2);
    assert_eq!(current_node(&s).id(), "key_env");
    // Secret-shaped values never survive.
    let s =
        from_query("?c=auth_passphrase&code=7ad26990-74b8-4f47-a844-163b4426d9fc&a=password_field.S3cr3t$").unwrap();
    assert!(!to_query(&s).contains("7ad26990"));
    assert!(!to_query(&s).contains("S3cr3t"));
    // Oversized input is bounded.
    let long = format!("?c=auth_key&a={}", "site.eea,".repeat(10_000));
    let s = from_query(&long).unwrap();
    assert_eq!(s.path().count(), 1);
}

const SECRETS: [&str; 5] = [
    "7ad26990-74b8-4f47-a844-163b4426d9fc",
    "40A69446A34170F14DBC54AA28ABE9D0",
    "ABCabc123456!@#",
    "hunter2$pass",
    "12345678901234567890",
];

#[test]
fn report_never_contains_secrets() {
    for c in Category::ALL {
        let w = walk_tree(c);
        for mut s in w.states.into_iter().take(200) {
            for secret in SECRETS {
                s.code = Some(secret.to_string());
                let r = report_text(&s, Some(Library::CcxtPython), Some(secret));
                assert!(!r.contains(secret), "{c}: report leaks {secret}:\n{r}");
                // No long key-like runs at all.
                let longest_run = r
                    .split(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '+' || ch == '/' || ch == '='))
                    .map(str::len)
                    .max()
                    .unwrap_or(0);
                assert!(longest_run < 24, "{c}: suspicious run in report:\n{r}");
            }
        }
    }
}

#[test]
fn report_lists_library_version_code_and_ruled_out_fixes() {
    let mut s = WizardState::new(Category::AuthKey, Some("50119"));
    answer(&mut s, "site", "eea").unwrap();
    still_failing(&mut s).unwrap();
    answer(&mut s, "key_env", "live").unwrap();
    answer(&mut s, "demo_flag_live", "off").unwrap();
    let r = report_text(&s, Some(Library::CcxtJs), Some("4.4.12"));
    assert!(r.contains("50119"), "{r}");
    assert!(r.contains("ccxt (JavaScript) 4.4.12"), "{r}");
    assert!(r.contains("Use the EEA hosts"), "{r}");
    assert!(r.contains("my.okx.com"), "{r}");
    assert!(r.contains("Now trying: Create a new API key"), "{r}");
    println!("sample query: {}\nsample report:\n{r}", to_query(&s));
    let r = report_text(&s, None, Some("v2.1.0-beta.1"));
    assert!(r.contains("v2.1.0-beta.1"), "{r}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn from_query_never_panics(q in ".{0,400}") {
        if let Some(s) = from_query(&q) {
            // Whatever survives parses back to itself.
            prop_assert_eq!(from_query(&to_query(&s)), Some(s.clone()));
            let _ = current_node(&s);
            let _ = report_text(&s, None, Some(&q));
        }
    }

    #[test]
    fn from_query_handles_plausible_noise(
        c in prop::sample::select(vec!["auth_key", "websocket_login", "timestamp", "x", ""]),
        parts in prop::collection::vec("[a-z_]{0,12}\\.[a-z_]{0,10}|[,.&=%]{1,3}", 0..40),
        code in "[0-9_a-z%]{0,12}",
    ) {
        let q = format!("?c={c}&code={code}&p={}&a={}", parts.join(","), parts.join(","));
        if let Some(s) = from_query(&q) {
            prop_assert_eq!(from_query(&to_query(&s)), Some(s.clone()));
        }
    }
}

/// The paste box builds its wizard link without the trees (`query_from_facts`); opening that
/// link must give exactly the state `from_facts` gives.
#[test]
fn finding_links_open_the_state_from_facts() {
    let libs: Vec<Option<Library>> = std::iter::once(None)
        .chain(Library::ALL.into_iter().map(Some))
        .collect();
    let exchanges = [
        None,
        Some("okx"),
        Some("myokx"),
        Some("okxus"),
        Some("okex5"),
        Some("binance"),
    ];
    let regions = [None, Some(Region::Global), Some(Region::Eea), Some(Region::Us)];
    let demos = [None, Some(true), Some(false)];
    let ws = [
        None,
        Some(WsEndpoint::Public),
        Some(WsEndpoint::Private),
        Some(WsEndpoint::Business),
    ];
    let versions = [None, Some("1.0.0")];
    let mut checked = 0;
    for c in Category::ALL {
        for code in [None, Some("51008_1000")] {
            for lib in &libs {
                for ex in exchanges {
                    for region in regions {
                        for demo in demos {
                            for w in ws {
                                for v in versions {
                                    let facts = PasteFacts {
                                        library: *lib,
                                        library_version: v.map(String::from),
                                        exchange_id: ex.map(String::from),
                                        region,
                                        demo,
                                        ws_endpoint: w,
                                        ..Default::default()
                                    };
                                    let want = WizardState::from_facts(c, code, &facts);
                                    let got = from_query(&query_from_facts(c, code, &facts));
                                    assert_eq!(got.as_ref(), Some(&want), "{c:?} {code:?} {facts:?}");
                                    checked += 1;
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    assert!(checked > 100_000, "{checked}");
}

/// The build script's snippet keys mirror the library vocabulary of `src/core/facts.rs`.
#[test]
fn snippet_keys_mirror_the_library_ids() {
    let build = std::fs::read_to_string("build/wizard.rs").unwrap();
    let start = build.find("const SNIPPET_KEYS").unwrap();
    let block = &build[start..start + build[start..].find("];").unwrap()];
    let keys: BTreeSet<&str> = block.split('"').skip(1).step_by(2).collect();
    let mut ids: BTreeSet<&str> = Library::ALL.iter().map(|l| l.id()).collect();
    ids.insert("generic");
    assert_eq!(keys, ids);
    for lib in Library::ALL {
        assert_eq!(Library::from_id(lib.id()), Some(lib));
        assert!(!lib.label().is_empty());
    }
}

/// (category, code, pre-filled answers, expected first node).
type EntryCase = (
    Category,
    &'static str,
    &'static [(&'static str, &'static str)],
    &'static str,
);
/// (paste, library detected, pre-fills it must produce).
type PasteCase = (&'static str, Option<Library>, &'static [(&'static str, &'static str)]);

/// A code that already names its cause starts at the fix or question that fits it.
#[test]
fn codes_that_name_their_cause_start_at_their_fix() {
    let cases: [EntryCase; 12] = [
        (Category::AccountMode, "59000", &[], "fix_close_first"),
        (Category::AccountMode, "50014", &[], "fix_add_ccy"),
        (Category::AccountMode, "51000", &[("param", "pos_side")], "pos_mode"),
        (Category::AccountMode, "51000", &[("param", "td_mode")], "product_td"),
        (Category::AccountMode, "51000", &[], "param"),
        (Category::OrderSizePrecision, "51202", &[], "fix_notional_cap"),
        (Category::OrderSizePrecision, "51004", &[], "fix_tier"),
        (Category::Permission, "51155", &[], "fix_compliance"),
        (Category::Permission, "58207", &[], "allowlisted_58207"),
        (Category::AuthPassphrase, "50104", &[], "fix_set_passphrase"),
        (Category::EnvironmentMismatch, "30016", &[], "fix_upgrade"),
        (Category::InsufficientBalance, "58350", &[], "product_funding"),
    ];
    for (c, code, pre, want) in cases {
        let mut s = WizardState::new(c, Some(code));
        s.set_prefills(pre);
        assert_eq!(start_id(&s), want, "{c:?} {code} {pre:?}");
        // The start survives the URL.
        assert_eq!(start_id(&from_query(&to_query(&s)).unwrap()), want);
    }
    // Sub-codes match their base code; unknown codes start at the tree's start.
    let s = WizardState::new(Category::AccountMode, Some("59000_1"));
    assert_eq!(start_id(&s), "fix_close_first");
    let s = WizardState::new(Category::AccountMode, Some("12345"));
    assert_eq!(start_id(&s), tree_for(Category::AccountMode).start_node().id);
}

/// Real pastes carry what the pre-fill needs: bot log prefixes, library paths, okx-api's wsKey,
/// Docker prefixes, WebSocket URLs, Promise.all, the parameter a message names.
#[test]
fn prefill_recognises_real_pastes() {
    use okx_doctor::core::diagnose::diagnose;
    let cases: [PasteCase; 8] = [
        (
            "freqtrade-myokx | 2025-01-20 20:18:49,246 - freqtrade.exchange.common - WARNING - _load_async_markets() returned exception: \"Error in reload_markets due to ExchangeError. Message: myokx {\"msg\":\"API key doesn't exist\",\"code\":\"50119\"}\"",
            Some(Library::Freqtrade),
            &[("site", "eea"), ("host_kind", "docker"), ("bot_demo", "no")],
        ),
        (
            "ws exception:  {\n  event: 'error',\n  msg: \"Wrong URL or channel:candle1s,instId:BTC-USDT-SWAP doesn't exist.\",\n  code: '60018',\n  wsKey: 'prodPublic'\n}",
            Some(Library::OkxApiNode),
            &[("ws_channel", "candles"), ("where", "ws")],
        ),
        (
            "RateLimitExceeded: okx {\"msg\":\"Too Many Requests\",\"code\":\"50011\"}\n    at async okx.fetchTicker (file:///D:/x/node_modules/ccxt/js/src/okx.js:1736:26)\n    at async Promise.all (index 40)",
            Some(Library::CcxtJs),
            &[("rate_pattern", "parallel")],
        ),
        (
            "okx {\"code\":\"1\",\"data\":[{\"sCode\":\"51000\",\"sMsg\":\"Parameter posSide error \"}],\"msg\":\"All operations failed\"}",
            None,
            &[("param", "pos_side"), ("raw_body", "yes")],
        ),
        (
            "accountAPI = Account.AccountAPI(API_KEY, SECRET_KEY, PASSPHRASE, flag=flag, use_server_time=True)\nokx.exceptions.OkxAPIException: API Request Error(code=50102): Timestamp request expired",
            Some(Library::PythonOkx),
            &[("server_time_opt", "on"), ("signer", "library")],
        ),
        (
            "2025-05-27 18:58:29,255 WARNING  OKXCCXTAdapter       Unhandled BTC/USDT:USDT position mode (hedge_mode). This position can't be traded.",
            Some(Library::Octobot),
            &[("topic", "position_mode"), ("who_orders", "no")],
        ),
        (
            "[WARN] nautilus_okx::python::websocket: Order response rejected: op=Order s_code=51000 s_msg=Parameter clOrdId  error",
            Some(Library::Nautilus),
            &[("param", "other")],
        ),
        (
            "OrderRejected(... reason='OKX error 1: ', ...)",
            None,
            &[("raw_body", "no")],
        ),
    ];
    for (paste, lib, want) in cases {
        let d = diagnose(paste);
        assert_eq!(d.facts.library, lib, "library of {paste}");
        let got = prefill(&d.facts);
        for w in want {
            assert!(got.contains(w), "{paste}\n  missing {w:?} in {got:?}");
        }
    }
}

/// Picking a library in the wizard replaces only the pre-fills that follow from the library.
#[test]
fn set_library_updates_library_prefills() {
    let facts = PasteFacts {
        region: Some(Region::Eea),
        ..Default::default()
    };
    let mut s = WizardState::from_facts(Category::AuthKey, Some("50119"), &facts);
    set_library(&mut s, Some(Library::Freqtrade));
    let pre: Vec<(&str, &str)> = s.prefills().map(|p| (p.question, p.answer)).collect();
    assert_eq!(pre, [("site", "eea"), ("bot_demo", "no")]);
    set_library(&mut s, Some(Library::CcxtPython));
    let pre: Vec<(&str, &str)> = s.prefills().map(|p| (p.question, p.answer)).collect();
    assert_eq!(pre, [("site", "eea"), ("bot_demo", "yes")]);
    assert_eq!(s.library, Some(Library::CcxtPython));
    set_library(&mut s, None);
    assert_eq!(s.prefills().count(), 1);
}

/// Every fix has a stable key, and the same key always means the same text wherever it is used.
#[test]
fn shared_fixes_are_the_same_everywhere() {
    let mut seen: std::collections::BTreeMap<&str, &str> = Default::default();
    for t in all_trees() {
        for n in t.nodes {
            if let NodeKind::Fix(f) = &n.kind {
                assert!(!f.key.is_empty());
                let title = seen.entry(f.key).or_insert(f.title);
                assert_eq!(*title, f.title, "fix key {} has two texts", f.key);
            }
        }
    }
    assert!(seen.len() >= 50, "{} distinct fixes", seen.len());
}

/// The report names the error that started the walk: its code and OKX's message for it.
#[test]
fn report_includes_the_starting_error() {
    use okx_doctor::core::wizard::{report_text, WizardState};
    let state = WizardState::new(okx_doctor::core::category::Category::RateLimit, Some("50011"));
    let text = report_text(&state, None, None);
    assert!(text.contains("- Error code: 50011"), "{text}");
    let msg = okx_doctor::core::catalog::get("50011").unwrap().msg.trim();
    assert!(text.contains(&format!("- OKX message: {msg}")), "{text}");
}
