//! The engine's own words in Simplified Chinese: the titles and notes of findings.
//!
//! The engine writes its findings in English (that text is its output contract: the CLI's JSON,
//! the corpus tests, and the cause ranking, which reads a finding's title). A Chinese page or the
//! CLI's `--lang zh` turns them into Chinese here, after the diagnosis, so both languages find and
//! rank exactly the same things. A code's title becomes OKX's official Chinese message; the other
//! titles and notes are looked up by their English wording, which the engine builds from a fixed
//! set of phrases (`tests/diagnose_zh.rs` checks that every finding of the paste corpora has its
//! Chinese). A text not found here stays English rather than being dropped. In a wasm build of
//! one language, [`title_in`] and [`notes_in`] carry only that language's text (`t!`).
// The English wasm build calls none of the Chinese text below.
#![cfg_attr(all(target_arch = "wasm32", not(feature = "zh")), allow(dead_code))]

use super::{legacy, Finding, FindingKind};
use crate::core::catalog;
use crate::core::lang::Lang;
use crate::core::pages::clip;
use crate::core::template;
use crate::t;

/// Characters of a message kept in a title (the engine cuts its English titles the same way).
const TITLE_CHARS: usize = 98;

/// A finding's title in `lang`.
pub fn title_in(f: &Finding, lang: Lang) -> String {
    t!(lang, f.title.clone(), title_zh(f))
}

/// A finding's notes in `lang`.
pub fn notes_in(f: &Finding, lang: Lang) -> Vec<String> {
    t!(lang, f.notes.clone(), f.notes.iter().map(|n| note_zh(n)).collect())
}

/// `s` without `prefix` and `suffix`.
fn between<'a>(s: &'a str, prefix: &str, suffix: &str) -> Option<&'a str> {
    s.strip_prefix(prefix)?.strip_suffix(suffix)
}

/// A library's name as a title names it.
fn library_zh(lib: &str) -> &str {
    match lib {
        "the client library" => "客户端库",
        l => l,
    }
}

fn title_zh(f: &Finding) -> String {
    let code = f.code.as_deref().unwrap_or("");
    match f.kind {
        FindingKind::OkxCode
        | FindingKind::BatchItem
        | FindingKind::WsFrame
        | FindingKind::WsClose
        | FindingKind::MessageMatch => {
            if let Some(title) = official_title_zh(f, code) {
                return title;
            }
            if f.title.ends_with(" (not an OKX v5 code)") {
                return format!("{code}（不是欧易 API v5 的错误码）");
            }
            f.title.clone()
        }
        FindingKind::OutcomesCode => format!("{code}（欧易 Outcomes API 的错误码，不是 API v5 错误码）"),
        FindingKind::LegacyV3 => legacy_title_zh(code, &f.title).unwrap_or_else(|| f.title.clone()),
        FindingKind::Description => format!("{}：根据问题描述推断，不是来自报错信息", f.category.label_in(Lang::Zh)),
        FindingKind::Unrecognised => "okx-doctor 无法识别的错误".to_string(),
        FindingKind::HttpStatus => f.title.clone(),
        FindingKind::LibraryLocal | FindingKind::Network => exact_title_zh(&f.title).map_or_else(
            || pattern_title_zh(&f.title).unwrap_or_else(|| f.title.clone()),
            str::to_string,
        ),
    }
}

/// A code finding's Chinese title: the code and OKX's official Chinese message of the row the
/// engine matched ([`Finding::row`], a sub-code's when it is one: `Insufficient USDT margin` is
/// 51008_1001, not 51008_1000), with the values the API filled into the English message (`USDT`),
/// the other placeholders readable. A message pasted in Chinese is the title as it is.
fn official_title_zh(f: &Finding, code: &str) -> Option<String> {
    let base = catalog::get(code)?;
    let english = f.title.strip_prefix(code).map_or("", str::trim);
    if english.chars().any(crate::core::search::is_cjk) {
        return Some(f.title.clone());
    }
    let row = f.row.and_then(catalog::get).unwrap_or(base);
    let (row, zh) = match catalog::msg_zh(row) {
        Some(m) => (row, m),
        None => (base, catalog::msg_zh(base)?),
    };
    let values = template::values(row.msg, english).unwrap_or_default();
    let m = template::fill_named(zh, &values);
    let m = m.trim().trim_end_matches(['。', '.']);
    (!m.is_empty()).then(|| format!("{code} {}", clip(m, TITLE_CHARS)))
}

fn legacy_title_zh(code: &str, title: &str) -> Option<String> {
    let rest = title.strip_prefix(code)?;
    for api in ["OKEx v3", "OKEx v1"] {
        if let Some(meaning) = rest.strip_prefix(&format!(" ({api}) ")) {
            let known = legacy::V3
                .iter()
                .map(|r| r.0)
                .chain(legacy::V1.iter().map(|r| r.0))
                .any(|c| c == code);
            let meaning = if known {
                legacy_meaning_zh(code).unwrap_or(meaning)
            } else {
                meaning // the pasted message
            };
            return Some(format!("{code}（{api}）{meaning}"));
        }
        if rest == format!(" ({api} code)") {
            return Some(format!("{code}（{api} 错误码）"));
        }
    }
    None
}

/// The meaning of a legacy code of the engine's tables, in Chinese.
fn legacy_meaning_zh(code: &str) -> Option<&'static str> {
    Some(match code {
        "30001" => "缺少 OK-ACCESS-KEY 请求头",
        "30002" => "缺少 OK-ACCESS-SIGN 请求头",
        "30003" => "缺少 OK-ACCESS-TIMESTAMP 请求头",
        "30004" => "缺少 OK-ACCESS-PASSPHRASE 请求头",
        "30005" => "OK-ACCESS-TIMESTAMP 无效",
        "30006" => "OK-ACCESS-KEY 无效",
        "30007" => "Content-Type 无效",
        "30008" => "请求时间戳过期",
        "30009" => "系统错误",
        "30010" => "API 校验失败",
        "30011" => "IP 无效",
        "30012" => "授权无效",
        "30013" => "签名无效",
        "30014" => "请求过于频繁",
        "30015" => "OK-ACCESS-PASSPHRASE 无效",
        "30016" => "使用的是 v1 的 API Key，请改用 v3（现为 v5）的 API Key",
        "30023" => "必填参数不能为空",
        "30024" => "参数无效",
        "30026" => "请求过于频繁",
        "30027" => "登录失败",
        "30030" => "接口请求失败",
        "30032" => "交易对已暂停",
        "30038" => "用户不存在",
        "10000" => "必填参数为空",
        "10001" => "请求过于频繁",
        "10002" => "系统错误",
        "10005" => "Secret Key 不存在",
        "10006" => "API Key 不存在",
        "10007" => "签名不匹配",
        "10008" => "参数不合法",
        "10009" => "订单不存在",
        "10010" => "资金不足",
        "10011" => "数量低于最小值",
        "10016" => "币数量不足",
        "10017" => "API 授权错误",
        "20102" => "WebSocket 登录失败（登录无效）",
        "20103" => "WebSocket 订阅的事件类型无效",
        _ => return None,
    })
}

/// Titles written as they are.
fn exact_title_zh(title: &str) -> Option<&'static str> {
    Some(match title {
        "Network: DNS lookup failed" => "网络：DNS 解析失败",
        "Network: proxy error" => "网络：代理错误",
        "Network: SSL/TLS error" => "网络：SSL/TLS 错误",
        "Network: connection refused" => "网络：连接被拒绝",
        "Network: connection dropped" => "网络：连接中断",
        "Network: connection timed out" => "网络：连接超时",
        "Network: host unreachable" => "网络：主机不可达",
        "Network: connection dropped or host unreachable" => "网络：连接中断或主机不可达",
        "Network: an HTML error page from a gateway instead of an OKX response" => {
            "网络：收到的是网关的 HTML 错误页，而不是欧易的响应"
        }
        "Network: connection failed" => "网络：连接失败",
        "Network: connection failed (ccxt NetworkError)" => "网络：连接失败（ccxt NetworkError）",
        "Network: the exchange is unavailable or under maintenance" => "网络：交易所暂时不可用或正在维护",
        "Network: the connection to OKX failed" => "网络：连接欧易失败",
        "Network: the request got no OKX answer (a proxy is configured)" => {
            "网络：请求没有收到欧易的响应（配置了代理）"
        }
        "Library: the WebSocket client has no API credentials to log in with" => {
            "库：WebSocket 客户端没有可用于登录的 API 凭证"
        }
        "Library: order size below the market's minimum / precision" => "库：下单数量低于该市场的最小值或精度",
        "Library: unknown market symbol" => "库：未知的交易对",
        "Library: a required argument is missing" => "库：缺少必填参数",
        "Library: ArgumentException, a required argument is missing" => "库：ArgumentException，缺少必填参数",
        "Library: ccxt raised ExchangeError on a successful OKX response" => {
            "库：欧易返回了成功，ccxt 却抛出 ExchangeError"
        }
        "Library: ccxt ExchangeError without OKX's reason" => "库：ccxt ExchangeError，没有欧易给出的原因",
        _ => return None,
    })
}

/// Titles with a name in them.
fn pattern_title_zh(title: &str) -> Option<String> {
    if let Some(what) = between(title, "Library: missing ", " credential") {
        let what = match what {
            "\"password\" (the API key's passphrase)" => "\"password\"（即 API Key 的 Passphrase）",
            w => w,
        };
        let gap = if what.ends_with('）') { "" } else { " " };
        return Some(format!("库：缺少 {what}{gap}凭证"));
    }
    if let Some(lib) = between(
        title,
        "Library: ",
        " NotSupported, the method is not implemented for OKX",
    ) {
        return Some(format!("库：{} NotSupported，该方法没有为欧易实现", library_zh(lib)));
    }
    if let Some(rest) = title.strip_prefix("Library error: ") {
        let (name, lib) = rest.split_once(" inside ")?;
        let lib = library_zh(lib);
        // A space between Chinese and Latin text only.
        let gap = if lib.is_ascii() { " " } else { "" };
        return Some(format!("库内部错误：{lib}{gap}中的 {name}"));
    }
    if let Some(class) = between(title, "Library: ccxt ", " without an OKX code") {
        return Some(format!("库：ccxt {class}，没有欧易错误码"));
    }
    None
}

/// What "… was retired: move to API v5 …" says.
const RETIRED: &str = "was retired: move to API v5 (a current library or SDK version)";
const RETIRED_ZH: &str = "已停用：请迁移到 API v5（使用当前版本的库或 SDK）";

/// A note in Chinese (the English one when it is not known here).
fn note_zh(note: &str) -> String {
    if let Some(zh) = exact_note_zh(note) {
        return zh.to_string();
    }
    pattern_note_zh(note).unwrap_or_else(|| note.to_string())
}

fn exact_note_zh(note: &str) -> Option<&'static str> {
    Some(match note {
        "WebSocket close frame code" => "WebSocket 关闭帧的状态码",
        "this code is not in the OKX v5 catalog; it may come from another exchange or library" => {
            "这个错误码不在欧易 API v5 错误码目录中，可能来自其他交易所或某个库"
        }
        "HTTP 429: requests are being throttled" => "HTTP 429：请求被限速",
        "HTTP 401 means authentication failed, but not why: OKX puts the exact reason (50111, 50113, 50102 …) in the response body — paste the body if you have it" => {
            "HTTP 401 只说明认证失败，没说原因：欧易把具体原因（50111、50113、50102 …）放在响应内容里，如果有响应内容，请一并粘贴"
        }
        "HTTP 403: access refused (permission, region or IP block)" => "HTTP 403：访问被拒绝（权限、地区或 IP 限制）",
        "HTTP 408: the request timed out" => "HTTP 408：请求超时",
        "HTTP 418: an IP ban after too many requests" => "HTTP 418：请求过多，IP 被封禁",
        "HTTP 4xx: the request itself was rejected (endpoint, method or body)" => {
            "HTTP 4xx：请求本身被拒绝（接口地址、请求方法或请求体有误）"
        }
        "HTTP 5xx: a server or gateway problem, not your request" => "HTTP 5xx：服务器或网关的问题，不是你的请求有误",
        "the request failed on the way to OKX (or back); no OKX error code was returned" => {
            "请求在发往欧易（或返回）的途中失败，没有收到欧易的错误码"
        }
        "raised by the library before sending anything; the request never reached OKX" => {
            "库在发送任何内容之前就报错了，请求根本没有到达欧易"
        }
        "OKX answered; the library failed while reading the answer" => "欧易已经响应，是库在读取响应时出错",
        "raised inside the library; the paste does not show whether OKX was reached" => {
            "错误发生在库的内部，从粘贴内容看不出请求是否到达了欧易"
        }
        "the paste configures a proxy on 127.0.0.1 / localhost: inside a Docker container that address is the container itself, so the proxy must be reached through the host's address (host.docker.internal) or run in the same container" => {
            "粘贴内容把代理设在 127.0.0.1 / localhost：在 Docker 容器里，这个地址指的是容器自己，所以要通过宿主机的地址（host.docker.internal）访问代理，或者把代理运行在同一个容器里"
        }
        "no error message in the paste; the category comes from the words used to describe the problem. Paste the exact error text (response body, exception line or log line) for a firm diagnosis" => {
            "粘贴内容里没有报错信息，类别是根据描述问题的词语推断的。请粘贴原始报错（响应内容、异常行或日志行），才能得到确定的诊断"
        }
        "the text holds an error, but no OKX code, known message, library or network pattern; paste the raw OKX response body (with \"code\" / \"sCode\") or the full exception line" => {
            "文字里有报错，但没有欧易错误码或已知的报错信息，也不符合库或网络错误的特征；请粘贴欧易的原始响应内容（含 \"code\" / \"sCode\"）或完整的异常行"
        }
        "OKX Outcomes (prediction markets, /api/v5/predictions/*) is a separate API with its own error codes, documented in OKX's Chinese docs only; okx-doctor explains the codes of the trading API v5, so look this one up in the Outcomes docs" => {
            "欧易 Outcomes（预测市场，/api/v5/predictions/*）是一套独立的 API，有自己的错误码，只在欧易中文文档里有说明；okx-doctor 解释的是交易 API v5 的错误码，这个错误码请查阅 Outcomes 的文档"
        }
        _ => return None,
    })
}

/// The usual cause of a library error, in Chinese.
fn cause_zh(cause: &str) -> Option<&'static str> {
    Some(match cause {
        "the exchange object was created without this credential (for OKX, ccxt's `password` is the API key's passphrase)" => {
            "创建交易所对象时没有传入这项凭证（对欧易来说，ccxt 的 `password` 就是 API Key 的 Passphrase）"
        }
        "credentials were set on the REST client only, or passed under names the WebSocket client does not read" => {
            "凭证只设置在 REST 客户端上，或者用了 WebSocket 客户端不读取的参数名"
        }
        "the amount rounds to zero at the market's precision or is below its minimum size (for swaps, amounts are in contracts)" => {
            "数量按该市场的精度取整后为零，或者低于最小下单数量（永续合约的数量单位是张）"
        }
        "the symbol is written in another form than the library's (BTC/USDT for spot, BTC/USDT:USDT for the swap) or the markets were not loaded" => {
            "交易对的写法和库要求的不一样（现货是 BTC/USDT，永续合约是 BTC/USDT:USDT），或者还没有加载市场信息"
        }
        "the method needs an argument (often the symbol) that the call left out" => {
            "该方法需要一个调用时漏掉的参数（通常是交易对）"
        }
        "the method needs an argument that the call left out" => "该方法需要一个调用时漏掉的参数",
        "this exchange class does not implement the method (in this version); use another method, an implicit API call, or upgrade" => {
            "这个交易所类（在当前版本中）没有实现该方法；请改用其他方法或隐式 API 调用，或者升级"
        }
        "a bug in the library's OKX market parser: OKX listed an instrument this version cannot read; upgrade the library (the fix usually ships within days)" => {
            "库解析欧易市场信息的代码有 bug：欧易上线了这个版本解析不了的交易产品；请升级库（修复通常几天内就会发布）"
        }
        "a bug in the library or a call it does not expect (wrong argument type, old version); upgrade the library and check the arguments" => {
            "库本身的 bug，或者调用方式不符合库的预期（参数类型不对、版本过旧）；请升级库并检查参数"
        }
        "a ccxt bug (the body says result true, error code 0); upgrade ccxt" => {
            "ccxt 的 bug（响应内容是 result true、错误码 0）；请升级 ccxt"
        }
        "ccxt did not pass on OKX's response body; run with verbose output (exchange.verbose = True) to see the code and message" => {
            "ccxt 没有把欧易的响应内容传出来；打开详细输出（exchange.verbose = True）就能看到错误码和消息"
        }
        "ccxt mapped OKX's answer (or an HTTP status) to this class; the OKX code, if any, is not in the paste" => {
            "ccxt 把欧易的响应（或 HTTP 状态码）映射成了这个异常类；粘贴内容里没有欧易的错误码（如果有的话）"
        }
        _ => return None,
    })
}

/// Notes with a code, a name or a list in them.
fn pattern_note_zh(note: &str) -> Option<String> {
    if let Some(cause) = note.strip_prefix("usual cause: ") {
        return cause_zh(cause).map(|c| format!("常见原因：{c}"));
    }
    if let Some(rest) = note.strip_prefix("outer code ") {
        let (outer, rest) = rest.split_once(" (batch: ")?;
        let (what, rest) = rest.split_once("); inner sCode ")?;
        let inner = rest.strip_suffix(" is the reason")?;
        let what = match what {
            "all operations failed" => "批量操作全部失败",
            "partially succeeded" => "批量操作部分成功",
            _ => return None,
        };
        return Some(format!("外层错误码 {outer}（{what}）；内层 sCode {inner} 才是原因"));
    }
    if let Some(rest) = note.strip_prefix("code ") {
        let (code, what) = rest.split_once(" only says that ")?;
        let what =
            what.strip_suffix("; the real reason is in data[].sCode / data[].sMsg, which this paste does not show")?;
        let what = match what {
            "the operation failed" => "操作失败",
            "a batch partially succeeded" => "批量操作部分成功",
            _ => return None,
        };
        return Some(format!(
            "错误码 {code} 只说明{what}；真正的原因在 data[].sCode / data[].sMsg 里，粘贴内容中没有"
        ));
    }
    if let Some(rest) = note.strip_prefix("the message matches sub-code ") {
        let (sub, code) = rest.split_once(" (")?;
        let code = code.strip_suffix(')')?;
        return Some(format!("消息对应子错误码 {sub}（{code}）"));
    }
    if let Some(code) = note.strip_prefix("no code in the paste; the text matches the known message of ") {
        return Some(format!("粘贴内容里没有错误码；这段文字与 {code} 的已知消息一致"));
    }
    if let Some(code) = note.strip_prefix("no code in the paste; the text closely resembles the known message of ") {
        return Some(format!("粘贴内容里没有错误码；这段文字与 {code} 的已知消息非常接近"));
    }
    if let Some(code) = note.strip_prefix("no code in the paste; the text is OKX's official Chinese message of ") {
        return Some(format!("粘贴内容里没有错误码；这段文字是 {code} 的欧易官方中文消息"));
    }
    if let Some(list) = between(note, "OKX gives the same Chinese message for ", " too") {
        return Some(format!("欧易的 {} 也是同样的中文消息", list.replace(", ", "、")));
    }
    if let Some(v) = between(note, "OKEx v3 code; the v5 equivalent is ", &format!(". v3 {RETIRED}")) {
        return Some(format!("OKEx v3 错误码，对应的 v5 错误码是 {v}。v3 {RETIRED_ZH}"));
    }
    if note == format!("OKEx v3 code with no direct v5 equivalent. v3 {RETIRED}") {
        return Some(format!("OKEx v3 错误码，v5 中没有直接对应的错误码。v3 {RETIRED_ZH}"));
    }
    if note == format!("OKEx v1 code. v1 {RETIRED}") {
        return Some(format!("OKEx v1 错误码。v1 {RETIRED_ZH}"));
    }
    if let Some(api) = between(
        note,
        "",
        &format!(" code, not in the v5 catalog. The old API {RETIRED}"),
    ) {
        return Some(format!("{api} 错误码，不在 v5 错误码目录中。旧版 API {RETIRED_ZH}"));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_legacy_meaning_has_its_chinese() {
        for c in legacy::V3.iter().map(|r| r.0).chain(legacy::V1.iter().map(|r| r.0)) {
            assert!(legacy_meaning_zh(c).is_some(), "{c}");
        }
    }

    #[test]
    fn patterns() {
        assert_eq!(
            note_zh("outer code 1 (batch: all operations failed); inner sCode 51008 is the reason"),
            "外层错误码 1（批量操作全部失败）；内层 sCode 51008 才是原因"
        );
        assert_eq!(
            note_zh("the message matches sub-code 1000 (51008_1000)"),
            "消息对应子错误码 1000（51008_1000）"
        );
        assert_eq!(
            note_zh("OKX gives the same Chinese message for 59506, 60032 too"),
            "欧易的 59506、60032 也是同样的中文消息"
        );
        assert_eq!(
            pattern_title_zh("Library error: TypeError inside the client library").as_deref(),
            Some("库内部错误：客户端库中的 TypeError")
        );
        assert_eq!(
            pattern_title_zh("Library: missing \"password\" (the API key's passphrase) credential").as_deref(),
            Some("库：缺少 \"password\"（即 API Key 的 Passphrase）凭证")
        );
        assert_eq!(
            pattern_title_zh("Library: missing \"secret\" credential").as_deref(),
            Some("库：缺少 \"secret\" 凭证")
        );
        // Unknown text stays as it is.
        assert_eq!(note_zh("something new"), "something new");
    }
}
