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

/// A code's Chinese title is OKX's official Chinese message of the row the English message matched
/// (a sub-code's), with the values the API filled in; a message pasted in Chinese stays as it is.
#[test]
fn chinese_titles_follow_the_sub_code_and_keep_the_values() {
    use okx_doctor::core::diagnose::title_in;
    let title = |paste: &str| title_in(top(&diagnose(paste)), Lang::Zh);
    // 51008_1001 (margin), not the base code's first sub-code 51008_1000 (balance).
    let margin = title(r#"{"code":"51008","msg":"Order failed. Insufficient USDT margin in account","data":[]}"#);
    assert_eq!(margin, "51008 委托失败，账户 USDT 可用保证金不足");
    let balance = title(r#"{"code":"51008","msg":"Order failed. Insufficient BTC balance in account","data":[]}"#);
    assert!(balance.starts_with("51008 委托失败，BTC 可用余额不足"), "{balance}");
    // A parameter's name fills OKX's Chinese template too.
    assert_eq!(
        title(r#"{"code":"51000","msg":"Parameter posSide error","data":[]}"#),
        "51000 posSide参数错误"
    );
    // Already Chinese (a REST call made with a Chinese locale): the pasted words.
    assert_eq!(
        title(r#"{"code":"51008","msg":"委托失败，账户 ETH 可用保证金不足","data":[]}"#),
        "51008 委托失败，账户 ETH 可用保证金不足"
    );
    // A code with its message in a sentence (no message field): the real values in both languages.
    let d = diagnose("修复下单时报错51000 Parameter posSide error");
    assert_eq!(top(&d).title, "51000 Parameter posSide error");
    assert_eq!(title_in(top(&d), Lang::Zh), "51000 posSide参数错误");
    // Without a message: the catalog's Chinese message, its placeholders readable.
    assert!(title(r#"{"code":"51008"}"#).contains("委托失败，… 可用余额不足"));
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

/// Every paste of the corpora (ours and the real ones), with a few that reach the rarer texts.
fn corpus() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for dir in ["tests/corpus", "tests/corpus-real/tune", "tests/corpus-real/heldout"] {
        let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        for p in files.into_iter().filter(|p| p.extension().is_some_and(|x| x == "txt")) {
            out.push((p.display().to_string(), std::fs::read_to_string(&p).unwrap()));
        }
    }
    for (name, text) in [
        ("batch 2", "{\"code\":\"2\",\"msg\":\"\",\"data\":[{\"sCode\":\"51008\",\"sMsg\":\"x\"},{\"sCode\":\"0\"}]}"),
        ("bare 1", "okx {\"code\":\"1\",\"msg\":\"All operations failed\"}"),
        ("v3", "{\"code\":30013,\"message\":\"Invalid Sign\"}\n{\"error_code\":\"32019\",\"error_message\":\"x\"}"),
        ("v1", "okcoin {\"error_code\":10009,\"result\":false}"),
        ("other", "bybit {\"retCode\":\"170131\"} {\"code\":\"99999\",\"msg\":\"unknown\"}"),
        ("proxy", "proxies = {'https': 'http://127.0.0.1:7890'}\nrequests.exceptions.ConnectTimeout: timed out"),
        ("unrecognised", "Exception in thread main: something odd happened"),
        ("outcomes", "{\"code\":\"100001\",\"msg\":\"参数错误\"}"),
        ("ws close", "websocket closed with code 4004 No data received in 30s"),
        ("sub-code", "{\"code\":\"51008\",\"msg\":\"Order failed. Insufficient USDT margin in account\"}"),
        ("description", "下单提示余额不足"),
        ("library", "ccxt.base.errors.ArgumentsRequired: okx fetchMyTrades() requires a symbol argument"),
        ("credential", "ccxt.base.errors.AuthenticationError: okx requires \"password\" credential"),
        ("not supported", "ccxt.base.errors.NotSupported: okx fetchDeposits() is not supported yet"),
        ("runtime", "  File \"bot.py\", line 3, in run\nTypeError: 'NoneType' object is not subscriptable"),
        ("success", "ccxt.base.errors.ExchangeError: okex {\"result\":true,\"error_code\":\"0\"}"),
        ("bare", "ccxt.base.errors.ExchangeError: okex GET https://www.okx.com/api/v5/asset/currencies"),
        ("bare class", "ccxt.base.errors.InsufficientFunds: okx POST https://www.okx.com/api/v5/trade/order"),
        ("ws credentials", "okx.websocket: cannot auth - missing api or secret or pass in config"),
        ("min size", "ccxt.base.errors.InvalidOrder: okx amount of BTC/USDT must be greater than minimum amount precision of 0.00001"),
        ("symbol", "ccxt.base.errors.BadSymbol: okx does not have market symbol BTC/USD"),
        ("argument", "System.ArgumentException: Either instId or ccy is required"),
        ("dns", "socket.gaierror: [Errno -3] Temporary failure in name resolution"),
        ("proxy error", "requests.exceptions.ProxyError: HTTPSConnectionPool: Cannot connect to proxy."),
        ("ssl", "ssl.SSLCertVerificationError: certificate verify failed: unable to get local issuer certificate"),
        ("refused", "ConnectionRefusedError: [Errno 111] Connection refused"),
        ("reset", "ConnectionResetError: [Errno 104] Connection reset by peer"),
        ("unreachable", "OSError: [Errno 101] Network is unreachable"),
        ("html", "okx GET https://www.okx.com/api/v5/account/balance 502 <!DOCTYPE html><html><body>cloudflare</body></html>"),
        ("ccxt network", "ccxt.base.errors.NetworkError: okx GET https://www.okx.com/api/v5/public/time"),
        ("maintenance", "ccxt.base.errors.ExchangeNotAvailable: okx is under maintenance"),
        ("windows zh", "ConnectionRefusedError: [WinError 10061] 由于目标计算机积极拒绝，无法连接。"),
        ("windows zh timeout", "TimeoutError: [WinError 10060] 由于连接方在一段时间后没有正确答复或连接的主机没有反应，连接尝试失败。"),
        ("http", "HTTP 401 Unauthorized\nHTTP 403 Forbidden\nstatus code 408\nHTTP 418\nHTTP 404 Not Found\nHTTP 503 Service Unavailable\n429 Too Many Requests"),
    ] {
        out.push((name.to_string(), text.to_string()));
    }
    out
}

#[test]
fn every_finding_of_the_corpora_has_its_chinese_title_and_notes() {
    use okx_doctor::core::diagnose::{notes_in, title_in};
    let cjk = |s: &str| s.chars().any(okx_doctor::core::search::is_cjk);
    let mut missing = Vec::new();
    let mut seen = 0;
    for (name, text) in corpus() {
        for f in diagnose(&text).findings {
            seen += 1;
            assert_eq!(title_in(&f, Lang::En), f.title, "English stays the engine's");
            assert_eq!(notes_in(&f, Lang::En), f.notes);
            let title = title_in(&f, Lang::Zh);
            // HTTP statuses keep their standard reason phrase; a code OKX gives no Chinese message
            // keeps its English one, and a legacy code not in our tables the message pasted with it.
            let english_ok = f.kind == FindingKind::HttpStatus
                || f.code
                    .as_deref()
                    .and_then(catalog::get)
                    .is_some_and(|e| catalog::msg_zh(e).is_none())
                || (f.kind == FindingKind::LegacyV3 && title.contains("（OKEx v"));
            if !cjk(&title) && !english_ok {
                missing.push(format!("{name}: title {title:?} ({:?})", f.kind));
            }
            for n in notes_in(&f, Lang::Zh) {
                if !cjk(&n) {
                    missing.push(format!("{name}: note {n:?}"));
                }
            }
        }
    }
    assert!(seen > 300, "{seen} findings");
    missing.sort();
    missing.dedup();
    assert!(
        missing.is_empty(),
        "{} without Chinese:\n{}",
        missing.len(),
        missing.join("\n")
    );
}
