//! `okx-doctor explain [--json] [--lang en|zh] [FILE]`: diagnose a paste from FILE or stdin (`-`).
//! Exit 0 when something was found, 1 when nothing, 2 on bad usage. `--lang zh` writes the
//! headings and labels in Simplified Chinese; the JSON output is the same in both languages.

use crate::core::diagnose::{self, Diagnosis};
use crate::core::lang::Lang;
use crate::core::{paste_report, search};
use crate::{t, tf};
use std::io::Read;

const USAGE: &str = "usage: okx-doctor explain [--json] [--lang en|zh] [FILE]   (FILE `-` or none = stdin)";
const USAGE_ZH: &str = "用法：okx-doctor explain [--json] [--lang en|zh] [FILE]   （FILE 为 `-` 或省略时读取标准输入）";

pub fn run(args: &[String]) -> i32 {
    let (lang, args) = match super::take_lang(args) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("okx-doctor explain: {e}\n{USAGE}");
            return 2;
        }
    };
    let usage = t!(lang, USAGE, USAGE_ZH);
    let too_many = t!(lang, "too many arguments", "参数过多");
    let mut json = false;
    let mut file: Option<&str> = None;
    for a in &args {
        match a.as_str() {
            "--json" => json = true,
            "-h" | "--help" => {
                println!("{usage}");
                return 0;
            }
            "-" => {
                if file.is_some() {
                    eprintln!("okx-doctor explain: {too_many}\n{usage}");
                    return 2;
                }
                file = Some("-");
            }
            s if s.starts_with('-') => {
                eprintln!(
                    "okx-doctor explain: {}\n{usage}",
                    tf!(lang, "unknown option `{s}`", "未知选项 `{s}`")
                );
                return 2;
            }
            s => {
                if file.is_some() {
                    eprintln!("okx-doctor explain: {too_many}\n{usage}");
                    return 2;
                }
                file = Some(s);
            }
        }
    }
    let bytes = match file {
        None | Some("-") => {
            let mut buf = Vec::new();
            if let Err(e) = std::io::stdin().read_to_end(&mut buf) {
                eprintln!(
                    "okx-doctor explain: {}",
                    tf!(lang, "cannot read stdin: {e}", "无法读取标准输入：{e}")
                );
                return 2;
            }
            buf
        }
        Some(path) => match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!(
                    "okx-doctor explain: {}",
                    tf!(lang, "cannot read `{path}`: {e}", "无法读取 `{path}`：{e}")
                );
                return 2;
            }
        },
    };
    let text = String::from_utf8_lossy(&bytes);
    let d = diagnose::diagnose(&text);
    if json {
        println!("{}", diagnose::to_json(&d));
    } else {
        print!("{}", render(&text, &d, lang));
    }
    if d.findings.is_empty() {
        1
    } else {
        0
    }
}

/// The human-readable explanation of `text` in `lang` (the causes and the wizard's question are
/// the knowledge base's and the wizard's text).
pub fn render(text: &str, d: &Diagnosis, lang: Lang) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    if d.findings.is_empty() {
        s.push_str(t!(lang, "No error found in this text.\n", "这段文字里没有发现错误。\n"));
        s.push_str(t!(
            lang,
            "Paste the error itself: the whole response body (including any \"code\" / \"sCode\"), the exception line or traceback, or the log line.\n",
            "请粘贴报错本身：完整的响应内容（包括其中的 \"code\" / \"sCode\"）、异常行或 traceback，或者日志行。\n"
        ));
    }
    for (i, f) in d.findings.iter().enumerate() {
        let seen = if f.count > 1 {
            tf!(lang, " · seen {}×", " · 出现 {} 次", f.count)
        } else {
            String::new()
        };
        let _ = writeln!(
            s,
            "{}. {}  [{} · {} · {} {:.2}{}]",
            i + 1,
            diagnose::title_in(f, lang),
            f.category.id(),
            f.category.label_in(lang),
            t!(lang, "confidence", "置信度"),
            f.confidence,
            seen
        );
        let _ = writeln!(s, "   {}{}", t!(lang, "evidence: ", "原文："), f.evidence);
        for n in &diagnose::notes_in(f, lang) {
            let _ = writeln!(s, "   {}{n}", t!(lang, "note: ", "说明："));
        }
        if !f.causes.is_empty() {
            s.push_str(t!(lang, "   likely causes:\n", "   可能的原因：\n"));
            for c in &f.causes {
                let _ = writeln!(s, "     - {}", crate::core::kb::cause_title_in(lang, c));
            }
        }
    }
    if d.unsure {
        if let Some(top) = d.top() {
            let _ = writeln!(
                s,
                "{}",
                tf!(
                    lang,
                    "\nNot sure: the best match has confidence {:.2} (below {:.2}), so treat it as a guess.",
                    "\n不确定：最佳匹配的置信度为 {:.2}（低于 {:.2}），请把它当作推测。",
                    top.confidence,
                    diagnose::UNSURE_BELOW
                )
            );
        }
        if let Some(q) = diagnose::first_question(d) {
            let answers: Vec<&str> = q.answers.iter().map(|a| a.label).collect();
            let _ = writeln!(
                s,
                "{}{}",
                t!(lang, "First question of the wizard: ", "排查向导的第一个问题："),
                q.text
            );
            if !answers.is_empty() {
                let _ = writeln!(s, "   {}{}", t!(lang, "answers: ", "可选回答："), answers.join(" / "));
            }
            s.push_str(t!(
                lang,
                "   (the full walk-through is on the site's /wizard/ page)\n",
                "   （完整的排查流程在网站的 /zh/wizard/ 页面）\n"
            ));
        }
    }
    // A Chinese sentence read as a description: the codes its words point to, as the paste box
    // offers them.
    if search::has_cjk(text) && !d.findings.is_empty() {
        let found = paste_report::suggestions(text, d, lang);
        if !found.is_empty() {
            s.push_str(t!(
                lang,
                "\nIt reads like a description. These codes match its words:\n",
                "\n这段文字像是对问题的描述。以下错误码与其中的词语相符：\n"
            ));
            for x in found {
                let _ = writeln!(s, "  {}  {}\n     {}", x.code, x.msg, x.reason);
            }
        }
    }
    let facts = &d.facts;
    let mut fl = Vec::new();
    if let Some(l) = facts.library {
        fl.push(format!(
            "{}{}{}",
            t!(lang, "library: ", "库："),
            l.label_in(lang),
            facts
                .library_version
                .as_deref()
                .map(|v| format!(" {v}"))
                .unwrap_or_default()
        ));
    }
    if let Some(x) = &facts.exchange_id {
        fl.push(format!("{}{x}", t!(lang, "exchange id: ", "交易所 ID：")));
    }
    if let Some(r) = facts.region {
        fl.push(format!("{}{}", t!(lang, "region: ", "站点："), r.id()));
    }
    if let Some(dm) = facts.demo {
        let yes_no = match dm {
            true => t!(lang, "yes", "是"),
            false => t!(lang, "no", "否"),
        };
        fl.push(format!("{}{yes_no}", t!(lang, "demo trading: ", "模拟盘：")));
    }
    if let Some(w) = facts.ws_endpoint {
        let endpoint = format!("{w:?}").to_lowercase();
        fl.push(t!(
            lang,
            format!("websocket endpoint: {endpoint}"),
            format!("WebSocket 地址：{endpoint}")
        ));
    }
    if !fl.is_empty() {
        let _ = writeln!(
            s,
            "{}{}",
            t!(lang, "\nFrom the paste: ", "\n从粘贴内容看出："),
            fl.join(t!(lang, "; ", "；"))
        );
    }
    if !d.credentials.is_empty() {
        let list: Vec<String> = d
            .credentials
            .iter()
            .map(|c| match lang {
                Lang::En => format!("{:?} {}", c.kind, c.redacted),
                Lang::Zh => format!(
                    "{} {}",
                    paste_report::credential_label(c.kind, lang),
                    paste_report::redacted_in(&c.redacted, lang)
                ),
            })
            .collect();
        let list = list.join(t!(lang, ", ", "、"));
        let _ = writeln!(
            s,
            "{}",
            tf!(
                lang,
                "\nWARNING: the paste contains what looks like credentials ({list}). Do not share them; if they were posted publicly, delete the API key and create a new one.",
                "\n警告：粘贴内容里有疑似 API 凭证的值（{list}）。不要分享它们；如果已经公开发布，请删除这个 API Key 并重新创建。"
            )
        );
    }
    if d.truncated_input {
        let _ = writeln!(
            s,
            "{}",
            tf!(
                lang,
                "\n(input longer than {} bytes: only the start was read)",
                "\n（输入超过 {} 字节，只读取了开头部分）",
                diagnose::MAX_INPUT
            )
        );
    }
    s
}
