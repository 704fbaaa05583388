//! Native tests of the catalog search.
#![cfg(not(target_arch = "wasm32"))]

use okx_doctor::core::catalog::{self, Channel};
use okx_doctor::core::search::{
    self, exact_code, nearest_codes, search, search_zh, suggest, suggest_zh, translate_zh_terms, Filters, MatchedIn,
};

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

fn codes_of(hits: &[search::Hit], n: usize) -> Vec<&'static str> {
    hits.iter().take(n).map(|h| catalog::entries()[h.index].code).collect()
}

fn top_zh(q: &str, n: usize) -> Vec<&'static str> {
    codes_of(&search_zh(q, &Filters::default()), n)
}

#[test]
fn an_exact_code_ranks_first_and_opens_on_enter() {
    for code in ["50113", "51008_1000", "4001", "1", "59320"] {
        assert_eq!(top_codes(code)[0], code);
        assert_eq!(top_zh(code, 1), vec![code]);
        assert_eq!(exact_code(code).map(|e| e.code), Some(code));
    }
    assert_eq!(exact_code("  50113 ").map(|e| e.code), Some("50113"));
    assert_eq!(exact_code("#50113").map(|e| e.code), Some("50113"));
    assert_eq!(exact_code("\"50113\"").map(|e| e.code), Some("50113"));
    for not_exact in ["5011", "99999", "invalid sign", "", "50113 50011", "code 50113"] {
        assert!(exact_code(not_exact).is_none(), "{not_exact:?}");
    }
}

#[test]
fn knowledge_base_keywords_find_their_codes() {
    // Words our knowledge base uses for a code, even where no OKX message has them.
    assert!(top_codes("sCode").contains(&"1"), "{:?}", top_codes("sCode"));
    assert!(top_codes("sCode").contains(&"2"));
    assert!(top_codes("posSide").contains(&"51000"), "{:?}", top_codes("posSide"));
    assert!(top_codes("enableRateLimit").contains(&"50011"));
    assert!(top_codes("tdMode").contains(&"51000"));
    // A message that says it ranks above our notes that mention it.
    let pass = top_codes("passphrase");
    assert!(pass.contains(&"50105"), "{pass:?}");
    let all = codes_of(&search("passphrase", &Filters::default()), 20);
    let (msg, kb) = (
        all.iter().position(|c| *c == "50105").unwrap(),
        all.iter().position(|c| *c == "50113").unwrap(),
    );
    assert!(msg < kb, "{all:?}");
    assert_eq!(top_codes("lot size")[0], "51121");
}

#[test]
fn chinese_words_are_searched_in_both_languages() {
    assert_eq!(
        translate_zh_terms("可用余额不足")
            .split_whitespace()
            .collect::<Vec<_>>(),
        ["balance", "insufficient"]
    );
    assert_eq!(
        translate_zh_terms("单向持仓").trim(),
        "one-way mode",
        "longest form first"
    );
    assert_eq!(
        translate_zh_terms("invalid sign"),
        "invalid sign",
        "no Chinese, no change"
    );
    // The English search understands the term list …
    let en = codes_of(&search("余额不足", &Filters::default()), 10);
    assert!(en.contains(&"51008"), "{en:?}");
    assert!(codes_of(&search("签名", &Filters::default()), 5).contains(&"50113"));
    assert!(codes_of(&search("IP 白名单", &Filters::default()), 3).contains(&"50110"));
    // … and a Chinese query with no known term finds nothing there rather than everything.
    assert!(search("魑魅魍魉", &Filters::default()).is_empty());
}

#[test]
fn the_chinese_search_matches_official_chinese_messages() {
    let zh = top_zh("余额不足", 10);
    assert!(zh.contains(&"51008"), "{zh:?}");
    // Whole official message, any spacing and punctuation.
    assert_eq!(top_zh("无效的签名", 2), ["50113", "60007"]);
    assert!(top_zh("时间戳 过期", 2).contains(&"50102"));
    // Character pairs: the words of a message in another order still match it.
    let pairs = top_zh("不足余额", 40);
    assert!(pairs.contains(&"51764"), "{pairs:?}");
    assert!(codes_of(&search_zh("登录失败", &Filters::default()), 3).contains(&"60009"));
    // 59320 has only a Chinese message in OKX's docs.
    assert_eq!(top_zh("超出借贷限额", 1), ["59320"]);
    // The English search does not carry the Chinese messages.
    assert!(!codes_of(&search("超出借贷限额", &Filters::default()), 5).contains(&"59320"));
    // Filters still apply.
    let ws = Filters {
        channel: Some(Channel::WebSocket),
        ..Default::default()
    };
    assert!(search_zh("登录失败", &ws)
        .iter()
        .all(|h| catalog::entries()[h.index].channel == Channel::WebSocket));
    assert!(search_zh("\u{0}\u{ffff}\u{1F600}余额", &Filters::default()).len() < catalog::entries().len());
}

#[test]
fn a_plain_sentence_gets_its_best_matches_with_a_reason() {
    let s = suggest("my order keeps failing because of insufficient balance", 5);
    assert_eq!(
        s[0].entry.code,
        "51008",
        "{:?}",
        s.iter().map(|x| x.entry.code).collect::<Vec<_>>()
    );
    assert!(
        s[0].reason().contains("\u{201c}insufficient\u{201d}"),
        "{}",
        s[0].reason()
    );
    assert!(s[0].reason_zh().starts_with("报错信息含"), "{}", s[0].reason_zh());
    assert!(s.len() <= 5);
    // A rare API field name the knowledge base knows outweighs a word many messages have.
    let p = suggest("I get an error about posSide when opening a short", 3);
    assert!(p.iter().any(|x| x.entry.code == "51000"), "{p:?}");
    assert!(p[0].reason().contains("posSide"), "{}", p[0].reason());
    assert_eq!(p[0].matched[0].matched_in, MatchedIn::KnowledgeBase);
    let w = suggest("the bot says wrong passphrase when logging in", 3);
    assert_eq!(w[0].entry.code, "60024");
    // Chinese sentences: through the term list, and in the Chinese messages.
    assert_eq!(suggest("下单一直提示余额不足", 1)[0].entry.code, "51008");
    let z = suggest_zh("借币的时候提示超出借贷限额", 3);
    assert_eq!(z[0].entry.code, "59320", "{z:?}");
    assert!(z[0].reason_zh().contains("超出借贷限额"), "{}", z[0].reason_zh());
    // Nothing specific: nothing offered.
    assert!(suggest("it is not working, please help", 5).is_empty());
    assert!(suggest("", 5).is_empty());
    let _ = suggest(&"posSide ".repeat(100_000), 3);
}

#[test]
fn the_term_list_has_the_community_vocabulary() {
    use okx_doctor::core::terms;
    let has = |zh: &str| terms::terms().iter().any(|t| t.zh == zh || t.zh_alt.contains(&zh));
    for zh in [
        "欧易",
        "API Key",
        "Passphrase",
        "模拟盘",
        "实盘",
        "持仓模式",
        "账户模式",
        "单向持仓",
        "双向持仓",
        "逐仓",
        "全仓",
        "现货",
        "合约",
        "永续",
        "签名",
        "时间戳",
        "限速",
        "IP 白名单",
        "子账户",
        "资金账户",
        "交易账户",
        "划转",
        "提币",
    ] {
        assert!(has(zh), "{zh} is missing from data/i18n/terms.toml");
    }
    assert_eq!(terms::zh_for("position mode"), Some("持仓模式"));
    assert_eq!(terms::zh_for("Hedge Mode"), Some("双向持仓"));
    assert_eq!(terms::zh_for("no such term"), None);
    for t in terms::terms() {
        assert!(!t.en.is_empty() && !t.zh.is_empty());
        assert!(t.note.is_none_or(|n| n.len() > 5), "{}", t.en);
    }
}
