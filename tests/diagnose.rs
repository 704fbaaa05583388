//! Targeted tests of the diagnosis engine.
#![cfg(not(target_arch = "wasm32"))]

use okx_doctor::core::category::Category;
use okx_doctor::core::diagnose::{diagnose, to_json, FindingKind, MAX_INPUT};
use okx_doctor::core::facts::{Library, Region, WsEndpoint};
use okx_doctor::core::secrets::{find_credentials, redact, CredentialKind};

fn top(text: &str) -> (Option<String>, Category, FindingKind) {
    let d = diagnose(text);
    let f = d
        .findings
        .first()
        .unwrap_or_else(|| panic!("nothing found in {text:?}"));
    (f.code.clone(), f.category, f.kind)
}

#[test]
fn bare_numbers_are_not_codes() {
    for t in [
        "order 50113 filled at 50111.5",
        "ts=1700000050113 px=50102",
        "line 50113, in create_order",
        "exit code 1",
        "status code: 200",
        "4001 4004 1009",
        "code: 4004",
    ] {
        let d = diagnose(t);
        assert!(d.findings.iter().all(|f| f.code.is_none()), "{t}: {:?}", d.findings);
    }
}

#[test]
fn code_contexts() {
    for (t, code) in [
        (r#"{"code":"50113","msg":"Invalid Sign"}"#, "50113"),
        ("{'code': '50102', 'msg': 'Timestamp request expired'}", "50102"),
        ("{ code: '50111', msg: 'Invalid OK-ACCESS-KEY' }", "50111"),
        (r#"{\"code\":\"50105\",\"msg\":\"x\"}"#, "50105"),
        ("Error code 50119", "50119"),
        ("errorCode=51008", "51008"),
        ("okx 50113 Invalid Sign", "50113"),
        ("OKX API error 50011", "50011"),
        ("{“code”:“50110”}", "50110"),
        ("$result = ['code' => '51001', 'msg' => ''];", "51001"),
    ] {
        assert_eq!(top(t).0.as_deref(), Some(code), "{t}");
    }
}

#[test]
fn batch_inner_code_wins() {
    let t = r#"{"code":"1","data":[{"clOrdId":"","ordId":"","sCode":"51008","sMsg":"Order failed. Insufficient USDT balance in account","tag":""}],"msg":"All operations failed"}"#;
    let d = diagnose(t);
    assert_eq!(d.findings.len(), 1, "{:?}", d.findings);
    let f = &d.findings[0];
    assert_eq!(f.code.as_deref(), Some("51008"));
    assert_eq!(f.kind, FindingKind::BatchItem);
    assert!(f.notes.iter().any(|n| n.contains("outer code 1")));
    // Keys in the other order (data before code).
    let t2 = r#"{"data":[{"sCode":"51121","sMsg":"Order quantity must be a multiple of the lot size."}],"code":"1","msg":""}"#;
    assert_eq!(top(t2).0.as_deref(), Some("51121"));
}

#[test]
fn ws_frames_and_close_codes() {
    let (c, cat, k) = top(r#"{"event":"error","code":"60009","msg":"Login failed.","connId":"a4d3ae55"}"#);
    assert_eq!(
        (c.as_deref(), cat, k),
        (Some("60009"), Category::WebsocketLogin, FindingKind::WsFrame)
    );
    let (c, _, k) = top("websocket closed, code=4004 reason=No data received in 30s");
    assert_eq!((c.as_deref(), k), (Some("4004"), FindingKind::WsClose));
}

#[test]
fn http_and_network() {
    assert_eq!(top("HTTP 500").1, Category::Network);
    assert_eq!(top("502 Bad Gateway").1, Category::Network);
    assert_eq!(top("request failed with status code: 429").1, Category::RateLimit);
    assert_eq!(top("401 Unauthorized").2, FindingKind::HttpStatus);
    assert_eq!(top("getaddrinfo ENOTFOUND www.okx.com").2, FindingKind::Network);
    assert_eq!(top("Error: socket hang up").2, FindingKind::Network);
}

/// One HTTP 429 line is one error: the reason phrase (also after Python requests' "Client Error:")
/// is not taken for OKX's message of the same wording, which would make a second finding.
#[test]
fn one_http_429_line_is_one_finding() {
    for line in [
        "HTTP 429 Too Many Requests",
        "requests.exceptions.HTTPError: 429 Client Error: Too Many Requests for url: https://www.okx.com/api/v5/market/tickers",
        "AxiosError: Request failed with status code 429 Too Many Requests",
    ] {
        let d = diagnose(line);
        assert_eq!(d.findings.len(), 1, "{line}: {:?}", d.findings.iter().map(|f| &f.title).collect::<Vec<_>>());
        assert_eq!(d.findings[0].category, Category::RateLimit);
    }
}

#[test]
fn message_only_templates_and_typos() {
    let (c, cat, k) = top("Your IP 1.2.3.4 is not included in your API key's IP whitelist");
    assert_eq!(
        (c.as_deref(), cat, k),
        (Some("50110"), Category::IpWhitelist, FindingKind::MessageMatch)
    );
    assert_eq!(
        top("order failed. insufficient usdt margin in account").0.as_deref(),
        Some("51008")
    );
    assert_eq!(top("INVALID OK-ACCESS-KEY!!").0.as_deref(), Some("50111"));
    assert_eq!(top("Parameter posSide error").1, Category::AccountMode);
    // Nothing specific: nothing claimed.
    assert!(diagnose("hello, how do I place an order on okx?").findings.is_empty());
}

#[test]
fn legacy_and_library_local() {
    let d = diagnose(r#"{"code":30013,"message":"Invalid Sign"}"#);
    let f = &d.findings[0];
    assert_eq!(f.kind, FindingKind::LegacyV3);
    assert!(f.notes.iter().any(|n| n.contains("v3") && n.contains("50113")));
    let d = diagnose(r#"ccxt.base.errors.AuthenticationError: okx requires "password" credential"#);
    let f = &d.findings[0];
    assert_eq!(
        (f.kind, f.category, f.code.is_none()),
        (FindingKind::LibraryLocal, Category::AuthPassphrase, true)
    );
    assert!(f.notes.iter().any(|n| n.contains("never reached OKX")));
}

#[test]
fn ranking_and_dedupe() {
    let mut log = String::new();
    for i in 0..50 {
        log.push_str(&format!(
            "2024-01-01 00:00:{:02},000 - freqtrade.exchange.common - WARNING - okx {{\"msg\":\"Too Many Requests\",\"code\":\"50011\"}}\n",
            i % 60
        ));
        log.push_str("2024-01-01 00:00:00,000 - freqtrade - WARNING - Error: connect ETIMEDOUT 1.2.3.4:443\n");
    }
    let d = diagnose(&log);
    assert_eq!(d.findings[0].code.as_deref(), Some("50011"));
    assert_eq!(d.findings[0].count, 50);
    assert_eq!(d.findings.len(), 2, "{:?}", d.findings);
    assert_eq!(d.findings[1].kind, FindingKind::Network);
    assert_eq!(d.findings[1].count, 50);
    assert_eq!(d.facts.library, Some(Library::Freqtrade));
}

#[test]
fn facts() {
    let d = diagnose("ccxt==4.2.1\nexchange = ccxt.myokx({...}); exchange.set_sandbox_mode(True)\n");
    assert_eq!(d.facts.library, Some(Library::CcxtPython));
    assert_eq!(d.facts.library_version.as_deref(), Some("4.2.1"));
    assert_eq!(d.facts.exchange_id.as_deref(), Some("myokx"));
    assert_eq!(d.facts.region, Some(Region::Eea));
    assert_eq!(d.facts.demo, Some(true));
    let d = diagnose("wss://wspap.okx.com:8443/ws/v5/private?brokerId=9999");
    assert_eq!(d.facts.demo, Some(true));
    assert_eq!(d.facts.ws_endpoint, Some(WsEndpoint::Private));
    let d = diagnose(r#""ccxt": "^4.1.0" at node_modules/ccxt/js/src/okx.js:100 okxus"#);
    assert_eq!(d.facts.library, Some(Library::CcxtJs));
    assert_eq!(d.facts.library_version.as_deref(), Some("4.1.0"));
    assert_eq!(d.facts.region, Some(Region::Us));
    let d = diagnose("CCXT v4.3.2 https://us.okx.com");
    assert_eq!(d.facts.library_version.as_deref(), Some("4.3.2"));
    assert_eq!(d.facts.region, Some(Region::Us));
    let d = diagnose("File \"/usr/lib/python3/site-packages/okx/Trade.py\", line 12\nflag = '1'");
    assert_eq!(d.facts.library, Some(Library::PythonOkx));
    assert_eq!(d.facts.demo, Some(true));
}

#[test]
fn credentials() {
    let t = "OK-ACCESS-KEY: 3f8c2d1e-7a6b-4c5d-9e8f-0a1b2c3d4e5f\nsecret = 'A1B2C3D4E5F60718293A4B5C6D7E8F90'\npassphrase=\"Hunter2$\"\nOK-ACCESS-SIGN: dGhpcyBpcyBub3QgYSByZWFsIHNpZ25hdHVyZQ==\n";
    let hits = find_credentials(t);
    let kinds: Vec<_> = hits.iter().map(|h| h.kind).collect();
    assert_eq!(
        kinds,
        vec![
            CredentialKind::AccessHeader,
            CredentialKind::SecretHex32,
            CredentialKind::Passphrase,
            CredentialKind::Signature
        ]
    );
    assert_eq!(hits[0].redacted, "3f8c…(36 chars)");
    assert!(!hits[2].redacted.contains("Hun"));
    let r = redact(t);
    assert!(!r.contains("Hunter2") && !r.contains("0a1b2c3d4e5f") && !r.contains("D4E5F607"));
    // A ccxt client order id is not a secret.
    assert!(find_credentials(r#""clOrdId":"e847386590ce4dBC58c46c8554978d3f""#).is_empty());
    let d = diagnose(t);
    assert_eq!(d.credentials.len(), 4);
}

#[test]
fn json_contract() {
    let d = diagnose(concat!(
        r#"{"code":"50113","msg":"Invalid Sign"}"#,
        "\nand also 502 Bad Gateway"
    ));
    let j = to_json(&d);
    let v: serde_json::Value = serde_json::from_str(&j).unwrap();
    let obj = v.as_object().unwrap();
    // Issue 13 added `unsure`; the original fields are unchanged.
    let mut top_keys: Vec<&str> = obj.keys().map(|k| k.as_str()).collect();
    top_keys.sort();
    assert_eq!(top_keys, ["findings", "unsure"]);
    assert_eq!(obj["unsure"], false);
    let fs = obj["findings"].as_array().unwrap();
    assert_eq!(fs.len(), 2);
    for f in fs {
        let keys: Vec<&str> = f.as_object().unwrap().keys().map(|k| k.as_str()).collect();
        let mut keys = keys;
        keys.sort();
        assert_eq!(keys, ["category", "causes", "code", "confidence", "evidence", "title"]);
    }
    assert_eq!(fs[0]["code"], "50113");
    assert_eq!(fs[0]["category"], "auth_signature");
    assert!(fs[1]["code"].is_null());
    assert_eq!(to_json(&diagnose("")), r#"{"findings":[],"unsure":true}"#);
}

#[test]
fn big_input_is_fast_and_truncated() {
    let line = "2024-01-01 00:00:00,123 INFO  fetch_ticker BTC-USDT last=64213.5 ts=1700000000000 ok\n";
    let err = "2024-01-01 00:00:00,124 ERROR okx {\"code\":\"1\",\"data\":[{\"sCode\":\"51008\",\"sMsg\":\"Order failed. Insufficient USDT balance in account\"}],\"msg\":\"\"}\n";
    let mut s = String::new();
    let mut i = 0u64;
    while s.len() < 5 * 1024 * 1024 {
        if i.is_multiple_of(100) {
            s.push_str(err);
        } else {
            s.push_str(&line.replace("64213.5", &format!("{}.5", 60000 + i % 9999)));
        }
        i += 1;
    }
    let t = std::time::Instant::now();
    let d = diagnose(&s);
    let el = t.elapsed();
    assert_eq!(d.findings[0].code.as_deref(), Some("51008"));
    assert!(!d.truncated_input);
    // Debug builds are slow; the release figure is in the benchmark.
    assert!(el.as_secs_f64() < 20.0, "took {el:?}");
    let mut big = "x".repeat(MAX_INPUT - 1);
    big.push('é'); // straddles the cap
    big.push_str(r#"{"code":"50113"}"#);
    let d = diagnose(&big);
    assert!(d.truncated_input);
    assert!(d.findings.is_empty());
}

#[test]
fn a_message_belongs_to_its_own_object() {
    // The second object's empty msg must not become the first finding's title.
    let text = "ccxt.base.errors.AuthenticationError: okx {\"msg\":\"Invalid Sign\",\"code\":\"50113\"}\n{\"code\":\"1\",\"data\":[{\"sCode\":\"51000\",\"sMsg\":\"Parameter posSide error\"}],\"msg\":\"\"}";
    let d = okx_doctor::core::diagnose::diagnose(text);
    let f = d
        .findings
        .iter()
        .find(|f| f.code.as_deref() == Some("50113"))
        .expect("50113 found");
    assert_eq!(f.title, "50113 Invalid Sign");
    let g = d
        .findings
        .iter()
        .find(|f| f.code.as_deref() == Some("51000"))
        .expect("51000 found");
    assert_eq!(g.title, "51000 Parameter posSide error");
}

#[test]
fn errors_inside_a_library_are_named() {
    for (t, words) in [
        (
            "  File \"ccxt/async_support/okx.py\", line 1609, in parse_market\nTypeError: unsupported operand type(s) for +: 'NoneType' and 'str'",
            ["TypeError", "ccxt"],
        ),
        ("KeyError: 'code'", ["KeyError", "library"]),
        ("ccxt.base.errors.NotSupported: okx fetchOrders() is not supported yet", ["NotSupported", "ccxt"]),
    ] {
        let d = diagnose(t);
        let f = d.top().unwrap_or_else(|| panic!("nothing found in {t:?}"));
        assert_eq!((f.kind, f.category), (FindingKind::LibraryLocal, Category::Other), "{t}");
        for w in words {
            assert!(f.title.contains(w), "{t}: {}", f.title);
        }
        assert!(f.notes.iter().any(|n| n.starts_with("usual cause:")), "{t}: {:?}", f.notes);
    }
    // A market-parser bug: OKX answered, the library failed to read it; upgrade.
    let d = diagnose("ccxt/base/exchange.py -> set_markets()\nTypeError: '<' not supported between instances of 'NoneType' and 'str' in load_markets");
    assert!(d.top().unwrap().notes.iter().any(|n| n.contains("upgrade")));
}

#[test]
fn network_in_any_wording() {
    for t in [
        "Failed to establish a new connection: [WinError 10061] 由于目标计算机积极拒绝，无法连接。",
        "[WinError 10060] 由于连接方在一段时间后没有正确答复或连接的主机没有反应，连接尝试失败。",
        "Cannot connect to host wspap.okex.com:8443 ssl:False [信号灯超时时间已到]",
        "[WinError 10061] Es konnte keine Verbindung hergestellt werden, da der Zielcomputer die Verbindung verweigerte",
        "[WinError 10061] Подключение не установлено, т.к. конечный компьютер отверг запрос на подключение",
        "httpx.ConnectError: [Errno 11004] getaddrinfo failed",
        "HttpRequestException - An error occurred while sending the request.",
        "websockets.exceptions.ConnectionClosedError: sent 1011 (unexpected error) keepalive ping timeout",
        r#"ccxt.base.errors.ExchangeError: okx {"message":"An unexpected error occurred"}"#,
        "Caused by: javax.net.ssl.SSLHandshakeException: No name matching www.okx.com found",
    ] {
        let d = diagnose(t);
        let f = d.top().unwrap_or_else(|| panic!("nothing found in {t:?}"));
        assert_eq!(f.category, Category::Network, "{t}: {:?}", f);
        assert!(f.code.is_none(), "{t}: {:?}", f.code);
    }
    // A proxy on 127.0.0.1 is pointed out.
    let d = diagnose("'httpsProxy': 'http://127.0.0.1:7890'\nConnectionRefusedError: [Errno 111] Connect call failed ('127.0.0.1', 7890)");
    let f = d.top().unwrap();
    assert_eq!(f.category, Category::Network);
    assert!(f.notes.iter().any(|n| n.contains("Docker")), "{:?}", f.notes);
}

#[test]
fn descriptions_and_never_nothing_for_an_error() {
    let d = diagnose("我是在做模擬盤的測試，因此APIKEY也是模擬盤的，但也是跳出錯誤");
    let f = d.top().unwrap();
    assert_eq!(
        (f.kind, f.category),
        (FindingKind::Description, Category::EnvironmentMismatch)
    );
    assert!(f.title.contains("description"));
    assert!(d.unsure);
    // An error nothing recognises is still named.
    let d = diagnose("Error: [<class 'frobnicate.Widget'>] went wrong");
    let f = d.top().expect("an error is never 'nothing found'");
    assert_eq!(f.kind, FindingKind::Unrecognised);
    assert!(d.unsure);
    // Text without an error gets nothing.
    assert!(diagnose("open_orders\n[]").findings.is_empty());
}

#[test]
fn codes_as_the_text_shows_them() {
    // A legacy code stays itself; its v5 equivalent goes in a note.
    let d = diagnose("com.okcoin.commons.okex.open.api.exception.APIException: 30005 : Invalid OK-ACCESS-TIMESTAMP");
    let f = d.top().unwrap();
    assert_eq!((f.code.as_deref(), f.category), (Some("30005"), Category::Timestamp));
    assert!(f.notes.iter().any(|n| n.contains("50112")));
    // v1 codes.
    let (c, cat, _) = top(r#"{"error_code":10007,"result":false}"#);
    assert_eq!((c.as_deref(), cat), (Some("10007"), Category::AuthSignature));
    // SDK exception texts: code, colon, message.
    assert_eq!(
        top("ExchangeException: 50102:Timestamp request expired").0.as_deref(),
        Some("50102")
    );
    assert_eq!(
        top("return error `60032` (\"API key doesn't exist\")").0.as_deref(),
        Some("60032")
    );
}

#[test]
fn causes_follow_the_paste() {
    let lib = |t: &str| diagnose(t).top().unwrap().causes[0].to_lowercase();
    assert!(lib(r#"ccxt.base.errors.AuthenticationError: okx {"msg":"APIKey does not match current environment.","code":"50101"}"#).contains("ccxt"));
    assert!(lib(r#"okx.exceptions.OkxAPIException: API Request Error(code=50101): APIKey does not match current environment. from okx import Trade"#).contains("python-okx"));
}

#[test]
fn confident_findings_are_not_unsure() {
    let d = diagnose(r#"{"code":"50113","msg":"Invalid Sign"}"#);
    assert!(!d.unsure);
    assert!(diagnose("").unsure);
}
