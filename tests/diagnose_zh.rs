//! Chinese pastes: OKX's official Chinese messages are recognised as their codes (alone, in a log
//! line, as a batch item's `sMsg`), a Chinese sentence leads to the codes its words point to, and
//! codes of OKX Outcomes (a separate API) are never taken for v5 or legacy codes.
#![cfg(not(target_arch = "wasm32"))]

use okx_doctor::core::catalog;
use okx_doctor::core::category::Category;
use okx_doctor::core::diagnose::{diagnose, Diagnosis, Finding, FindingKind};
use okx_doctor::core::lang::Lang;
use okx_doctor::core::paste_report::report_for;

fn top(d: &Diagnosis) -> &Finding {
    d.top().expect("a finding")
}

/// `msg` with every placeholder filled with a value.
fn filled(msg: &str) -> String {
    let mut out = String::new();
    let mut rest = msg;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else { break };
        out.push_str(rest[..open].trim_end_matches('$'));
        out.push_str("BTC");
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

#[test]
fn every_official_chinese_message_pasted_alone_is_its_code() {
    let mut missed = Vec::new();
    let mut n = 0;
    for e in catalog::entries() {
        for m in catalog::zh_messages(e) {
            n += 1;
            let text = filled(m);
            // The entries OKX gives this very message (无效的签名: 50113 and 60007).
            let same: Vec<&str> = catalog::codes_for_zh_message(&text)
                .iter()
                .map(|x| x.base_code)
                .collect();
            assert!(same.contains(&e.base_code), "the catalog itself matches {text:?}");
            let d = diagnose(&text);
            let got = d.top().and_then(|f| f.code.clone());
            if !got.as_deref().is_some_and(|g| same.contains(&g)) || d.unsure {
                missed.push(format!("{} {text:?} -> {got:?}", e.code));
            }
        }
    }
    assert!(n > 1000, "{n} messages");
    assert!(
        missed.is_empty(),
        "{} of {n} not recognised:\n{}",
        missed.len(),
        missed.join("\n")
    );
}

#[test]
fn a_bare_chinese_message() {
    let d = diagnose("请求时间戳过期");
    let f = top(&d);
    assert_eq!(f.code.as_deref(), Some("50102"));
    assert_eq!(f.category, Category::Timestamp);
    assert_eq!(f.kind, FindingKind::MessageMatch);
    assert!(
        !d.unsure && f.notes.iter().any(|n| n.contains("60006")),
        "{:?}",
        f.notes
    );
    // The same message in a WebSocket log is the WebSocket code.
    let d = diagnose("wss://ws.okx.com:8443/ws/v5/private 登录返回：请求时间戳过期");
    assert_eq!(top(&d).code.as_deref(), Some("60006"));
    // A template, its placeholder filled in, and a sub-code's message.
    let d = diagnose("委托失败，账户 USDT 可用保证金不足");
    let f = top(&d);
    assert_eq!(f.code.as_deref(), Some("51008"));
    assert_eq!(f.category, Category::InsufficientBalance);
    assert!(f.notes.iter().any(|n| n.contains("51008_1001")), "{:?}", f.notes);
    assert!(f.confidence >= 0.85);
}

#[test]
fn a_python_okx_users_chinese_log() {
    // A bot that logs OKX's reply (python-okx returns it as a dict), with Accept-Language zh-CN.
    let log = "2025-03-14 09:31:07,512 - grid_bot - INFO - 开始下单 BTC-USDT-SWAP sz=3\n\
        2025-03-14 09:31:07,698 - grid_bot - ERROR - 下单失败: {'code': '1', 'data': [{'clOrdId': '', 'ordId': '', 'sCode': '51008', 'sMsg': '委托失败，USDT 可用余额不足，该委托会产生借币，当前账户可用保证金过低无法借币', 'tag': '', 'ts': '1741915867503'}], 'inTime': '1741915867502345', 'msg': 'All operations failed', 'outTime': '1741915867504012'}\n";
    let d = diagnose(log);
    let f = top(&d);
    assert_eq!(f.code.as_deref(), Some("51008"));
    assert_eq!(f.kind, FindingKind::BatchItem);
    // The Chinese sMsg names the sub-code.
    assert!(f.notes.iter().any(|n| n.contains("51008_1000")), "{:?}", f.notes);

    // A bot that logs only the message.
    let log = "2025-03-14 09:32:10,004 - grid_bot - INFO - 设置杠杆倍数 5x 成功\n\
        2025-03-14 09:32:10,221 - grid_bot - ERROR - 下单失败，错误信息：posSide参数错误\n";
    let d = diagnose(log);
    let f = top(&d);
    assert_eq!(f.code.as_deref(), Some("51000"));
    assert_eq!(f.category, Category::AccountMode, "posSide: the position mode");
    assert_eq!(f.kind, FindingKind::MessageMatch);
    assert!(f.evidence.contains("posSide参数错误"), "{}", f.evidence);
}

#[test]
fn a_message_inside_a_sentence_is_a_description_with_codes() {
    let text = "下单提示余额不足";
    let d = diagnose(text);
    let f = top(&d);
    assert_eq!(f.kind, FindingKind::Description, "not the message of 51764 or 51736");
    assert_eq!(f.category, Category::InsufficientBalance);
    assert!(d.unsure);
    // The Chinese search finds the codes whose messages say it.
    let r = report_for(text, &d, Lang::Zh);
    assert!(
        r.suggestions.iter().any(|s| s.code.starts_with("51008")),
        "{:?}",
        r.suggestions
    );
    let s = &r.suggestions[0];
    assert!(s.reason.contains("余额"), "{}", s.reason);
    assert!(!s.msg.is_ascii(), "the official Chinese message: {}", s.msg);
    let r = report_for(text, &d, Lang::En);
    assert!(
        r.suggestions[0].reason.starts_with("its message has"),
        "{}",
        r.suggestions[0].reason
    );
    // An English description keeps its report as it was: no suggestions next to the finding.
    let text = "fetch_balance results in timeout, I already tried a VPN";
    assert!(report_for(text, &diagnose(text), Lang::En).suggestions.is_empty());
}

#[test]
fn outcomes_api_codes_are_not_v5_codes() {
    let paste = "POST https://www.okx.com/api/v5/predictions/order 200\n{\"code\":\"100012\",\"msg\":\"市场已关闭\",\"data\":[]}";
    let d = diagnose(paste);
    let f = top(&d);
    assert_eq!(f.code.as_deref(), Some("100012"));
    assert_eq!(f.kind, FindingKind::OutcomesCode);
    assert!(f.title.contains("Outcomes") && f.causes.is_empty(), "{f:?}");
    assert!(
        d.findings
            .iter()
            .all(|f| f.code.as_deref().is_none_or(catalog::is_outcomes_api_code)),
        "no v5 code read from it: {:?}",
        d.findings
    );
    // 10000–10002 are Outcomes codes too, unless the paste shows OKEx's retired v1 API.
    let d = diagnose("{'code': '10002', 'msg': '系统错误', 'data': []}");
    assert_eq!(top(&d).kind, FindingKind::OutcomesCode);
    let d = diagnose("okex POST https://www.okex.com/api/v1/order_info.do\n{\"error_code\":10000,\"result\":false}");
    assert_eq!(top(&d).kind, FindingKind::LegacyV3);
    assert!(top(&d).title.contains("v1"));
    // An unlisted 6-digit code has Outcomes' shape; another exchange's is left alone.
    assert_eq!(
        top(&diagnose("{\"code\":\"123456\",\"msg\":\"x\"}")).kind,
        FindingKind::OutcomesCode
    );
    let d = diagnose("bybit error: {\"retCode\":110007,\"retMsg\":\"ab not enough for new order\"}");
    assert!(
        d.findings.iter().all(|f| f.kind != FindingKind::OutcomesCode),
        "{:?}",
        d.findings
    );
    // And the paste box has no page to link to.
    let r = report_for(paste, &diagnose(paste), Lang::Zh);
    assert!(!r.cards[0].has_page);
}
