//! The signature lab rendered natively, as the page generator writes it: in Chinese with no
//! English sentence left, and with nothing flagged before anything was typed.
#![cfg(not(target_arch = "wasm32"))]

use leptos::prelude::*;
use okx_doctor::core::lang::Lang;
use okx_doctor::ui::env::Env;
use okx_doctor::ui::island::Island;
use okx_doctor::ui::sign::SignLab;

fn render(lang: Lang) -> String {
    let owner = Owner::new();
    owner.with(|| {
        provide_context(Env::default().with_lang(lang));
        SignLab.render().to_html()
    })
}

/// The text a reader sees or hears: text nodes plus the attributes read out (placeholder,
/// aria-label, title).
fn readable(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        out.push('\n');
        let end = rest[i..].find('>').map(|j| i + j + 1).unwrap_or(rest.len());
        let tag = &rest[i..end];
        for attr in ["placeholder=\"", "aria-label=\"", "title=\""] {
            if let Some(a) = tag.find(attr) {
                let v = &tag[a + attr.len()..];
                out.push_str(&v[..v.find('"').unwrap_or(v.len())]);
                out.push('\n');
            }
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}

/// The page without the computed outputs (pre-hash, signature, headers: values, not text).
fn without_outputs(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(i) = rest.find("<pre") {
        out.push_str(&rest[..i]);
        rest = &rest[i + rest[i..].find("</pre>").unwrap() + 6..];
    }
    out.push_str(rest);
    out
}

#[path = "common/english.rs"]
mod english;
use english::english_runs;

#[test]
fn the_lab_reads_in_chinese() {
    let html = render(Lang::Zh);
    let text = readable(&without_outputs(&html));
    for want in [
        "签名实验室",
        "你在这里输入的一切都只留在本页",
        "凭证",
        "Secret Key",
        "32 个十六进制字符",
        "显示",
        "请求路径（含查询字符串）",
        "请求体（原样的 JSON 文本；GET 留空）",
        "当前时间",
        "刷新",
        "模拟盘（加上 x-simulated-trading: 1）",
        "待签名字符串",
        "请求头（Passphrase 已隐藏）",
        "检查结果",
        "尚未填写：API Key、Secret Key、Passphrase。",
        "和你的日志比对",
    ] {
        assert!(text.contains(want), "missing {want:?} in:\n{text}");
    }
    // Code, header names and the placeholder shaped like a key stay as they are.
    let allowed = [
        "OK-ACCESS-KEY",
        "OK-ACCESS-SIGN",
        "OK-ACCESS-TIMESTAMP",
        "OK-ACCESS-PASSPHRASE",
        "GET /users/self/verify",
        "/api/v5/account/balance?ccy=BTC",
        "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx",
    ];
    assert_eq!(english_runs("Show the secret key", &allowed), ["Show the secret key"]);
    let left = english_runs(&text, &allowed);
    assert!(left.is_empty(), "English left in the Chinese lab: {left:?}");
    for english in [
        "Show",
        "Hide",
        "Problem",
        "Note:",
        "Refresh",
        "Signature lab",
        "Checks",
        "Timestamp",
    ] {
        assert!(!text.contains(english), "English {english:?} in:\n{text}");
    }
}

#[test]
fn nothing_is_flagged_before_typing() {
    for lang in Lang::ALL {
        let html = render(lang);
        assert!(
            !html.contains("aria-invalid"),
            "{lang:?}: a field is marked invalid before typing"
        );
        assert!(!html.contains("aria-describedby"), "{lang:?}");
        assert!(
            !html.contains("sign-msg "),
            "{lang:?}: a finding is shown before typing"
        );
        assert!(!html.contains("is empty") && !html.contains("为空"), "{lang:?}");
    }
    let en = readable(&render(Lang::En));
    assert!(
        en.contains("No problems found so far. Still empty: API key, secret key, passphrase."),
        "{en}"
    );
    // Each field has its place for findings, the id its input's aria-describedby will name.
    let html = render(Lang::En);
    for id in [
        "sign-key",
        "sign-secret",
        "sign-passphrase",
        "sign-method",
        "sign-path",
        "sign-body",
        "sign-timestamp",
    ] {
        assert!(html.contains(&format!("id=\"{id}-msg\"")), "{id}-msg");
        assert!(html.contains(&format!("for=\"{id}\"")), "{id} has a label");
    }
    // Both masked fields have a Show button, and are password fields to start with.
    for id in ["sign-secret-toggle", "sign-passphrase-toggle"] {
        assert!(html.contains(&format!("data-testid=\"{id}\"")), "{id}");
    }
    assert_eq!(html.matches("type=\"password\"").count(), 2);
    // The polite live region is there, empty.
    let live = html.find("data-testid=\"sign-announce\"").expect("live region");
    let live = &html[html[..live].rfind('<').unwrap()..];
    let live = &live[..live.find("</p>").unwrap()];
    assert!(live.contains("aria-live=\"polite\""), "{live}");
    assert!(readable(live).trim().is_empty(), "{live}");
}
