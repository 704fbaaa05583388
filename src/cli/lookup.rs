//! `okx-doctor lookup [--lang en|zh] CODE`: print a catalog entry and what we know about it.
//! Exit 0 found, 1 unknown (nearest codes are suggested; an OKX Outcomes code is named as such),
//! 2 usage. `--lang zh` writes the labels in Simplified Chinese and adds OKX's official Chinese
//! message.

use crate::core::catalog::{self, Entry};
use crate::core::lang::Lang;
use crate::core::{categorize, kb, search};
use crate::{t, tf};

const USAGE: &str = "usage: okx-doctor lookup [--lang en|zh] CODE   (e.g. 50113 or 51008_1001)";
const USAGE_ZH: &str = "用法：okx-doctor lookup [--lang en|zh] CODE   （例如 50113 或 51008_1001）";

pub fn run(args: &[String]) -> i32 {
    let (lang, args) = match super::take_lang(args) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("okx-doctor lookup: {e}\n{USAGE}");
            return 2;
        }
    };
    let usage = t!(lang, USAGE, USAGE_ZH);
    let code = match args.as_slice() {
        [c] if c == "-h" || c == "--help" => {
            println!("{usage}");
            return 0;
        }
        [c] if c.starts_with('-') && c.len() > 1 => {
            eprintln!(
                "okx-doctor lookup: {}\n{usage}",
                tf!(lang, "unknown option `{c}`", "未知选项 `{c}`")
            );
            return 2;
        }
        [c] => c.trim(),
        _ => {
            eprintln!("{usage}");
            return 2;
        }
    };
    match catalog::get(code) {
        Some(e) => {
            print!("{}", render(e, lang));
            0
        }
        None if catalog::is_outcomes_api_code(code) => {
            println!(
                "{}",
                tf!(
                    lang,
                    "{code}: a code of OKX Outcomes (prediction markets, /api/v5/predictions/*), a separate API with its own codes, documented in OKX's Chinese docs only. It is not an API v5 error code; look it up in the Outcomes docs.",
                    "{code}：这是欧易 Outcomes（预测市场，/api/v5/predictions/*）的错误码。Outcomes 是一套独立的 API，有自己的错误码，只在欧易中文文档里有说明。它不是 API v5 的错误码，请查阅 Outcomes 的文档。"
                )
            );
            1
        }
        None => {
            println!(
                "{}",
                tf!(
                    lang,
                    "{code}: not in the OKX API v5 catalog.",
                    "{code}：不在欧易 API v5 错误码目录中。"
                )
            );
            let near = search::nearest_codes(code, 5);
            if !near.is_empty() {
                println!("{}", t!(lang, "Nearest codes:", "最接近的错误码："));
                for e in near {
                    let msg = match lang {
                        Lang::Zh => catalog::msg_zh(e).unwrap_or(e.msg),
                        Lang::En => e.msg,
                    };
                    println!("  {}  {}", e.code, msg);
                }
            }
            1
        }
    }
}

/// One line `label value`: the English labels are padded to one column, the Chinese ones end in
/// a full-width colon.
fn line(s: &mut String, lang: Lang, en: &str, zh: &str, value: impl std::fmt::Display) {
    use std::fmt::Write;
    let _ = writeln!(s, "{}{value}", t!(lang, en, zh));
}

pub fn render(e: &Entry, lang: Lang) -> String {
    let mut s = String::new();
    line(&mut s, lang, "code:        ", "错误码：", e.code);
    if let Some(sc) = e.sub_code {
        let of = tf!(lang, "{sc} (of {})", "{sc}（属于 {}）", e.base_code);
        line(&mut s, lang, "sub-code:    ", "子错误码：", of);
    }
    let statuses: Vec<String> = e.http_statuses.iter().map(|h| h.to_string()).collect();
    let statuses = if statuses.is_empty() {
        "-".to_string()
    } else {
        statuses.join(", ")
    };
    line(&mut s, lang, "HTTP status: ", "HTTP 状态码：", statuses);
    line(&mut s, lang, "message:     ", "英文消息：", e.msg);
    if lang == Lang::Zh {
        for m in catalog::zh_messages(e) {
            line(&mut s, lang, "", "中文消息：", m);
        }
    }
    for r in e.alt_rows {
        let also = format!(
            "{}{}{}",
            r.msg,
            r.http_status.map(|h| format!(" (HTTP {h})")).unwrap_or_default(),
            r.section.map(|x| format!(" [{x}]")).unwrap_or_default()
        );
        line(&mut s, lang, "also:        ", "另见：", also);
    }
    for v in e.msg_variants {
        let variant = tf!(lang, "{} ({})", "{}（{}）", v.msg, v.source);
        line(&mut s, lang, "variant:     ", "其他写法：", variant);
    }
    for o in e.observed {
        line(&mut s, lang, "seen live:   ", "实际返回过：", o.msg);
    }
    let section = format!(
        "{}{}",
        e.section,
        e.subsection.map(|x| format!(" / {x}")).unwrap_or_default()
    );
    line(&mut s, lang, "section:     ", "所属分类：", section);
    line(&mut s, lang, "channel:     ", "通道：", e.channel.label());
    if let Some(c) = e.ccxt_exception {
        line(
            &mut s,
            lang,
            "ccxt class:  ",
            "ccxt 异常类：",
            catalog::ccxt_ancestry(c).join(" < "),
        );
    }
    let docs = t!(lang, e.doc_status.label(), e.doc_status.label_zh());
    line(&mut s, lang, "docs:        ", "文档状态：", docs);
    let cat = categorize::category_of(e);
    line(
        &mut s,
        lang,
        "category:    ",
        "问题类别：",
        tf!(lang, "{} ({})", "{}（{}）", cat.id(), cat.label_in(lang)),
    );
    if !e.sub_codes.is_empty() {
        line(&mut s, lang, "sub-codes:   ", "子错误码列表：", e.sub_codes.join(", "));
    }
    if let Some(n) = e.note {
        line(&mut s, lang, "note:        ", "备注：", n);
    }
    let causes = kb::causes(Some(e.code), cat);
    if !causes.is_empty() {
        s.push_str(t!(lang, "likely causes:\n", "可能的原因：\n"));
        for c in causes {
            s.push_str(&format!("  - {}\n", c.title));
        }
    }
    s
}
