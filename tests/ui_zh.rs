//! The paste box and the wizard rendered natively in Simplified Chinese (`Env::with_lang`), as
//! the generator renders them: their own text is Chinese and none of their English sentences is
//! left (the wizard's questions, answers and fixes are data, translated separately, and are not
//! checked here). The English rendering keeps its text.
#![cfg(not(target_arch = "wasm32"))]

use leptos::prelude::*;
use okx_doctor::core::category::Category;
use okx_doctor::core::lang::Lang;
use okx_doctor::core::wizard::{self, Step, WizardState};
use okx_doctor::ui::env::Env;
use okx_doctor::ui::island::Island;
use okx_doctor::ui::paste::PasteBox;
use okx_doctor::ui::wizard::Wizard;
use okx_doctor::ui::wizard_page::WizardIsland;

fn render(env: Env, view: impl FnOnce() -> AnyView) -> String {
    let owner = Owner::new();
    owner.with(|| {
        provide_context(env);
        view().to_html()
    })
}

fn zh(view: impl FnOnce() -> AnyView) -> String {
    render(Env::default().with_lang(Lang::Zh), view)
}

fn en(view: impl FnOnce() -> AnyView) -> String {
    render(Env::default(), view)
}

/// The text of `html` (tags dropped, the usual entities decoded) plus its attributes' values
/// that people read (labels, titles, placeholders).
fn text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    for attr in ["aria-label", "title", "placeholder"] {
        let pat = format!(" {attr}=\"");
        for part in html.split(pat.as_str()).skip(1) {
            out.push('\n');
            out.push_str(&part[..part.find('"').unwrap_or(0)]);
        }
    }
    out.replace("&amp;", "&").replace("&#x27;", "'").replace("&quot;", "\"")
}

fn has_all(text: &str, wanted: &[&str]) {
    for w in wanted {
        assert!(text.contains(w), "missing {w:?} in:\n{text}");
    }
}

fn has_none(text: &str, unwanted: &[&str]) {
    for w in unwanted {
        assert!(!text.contains(w), "English {w:?} left in:\n{text}");
    }
}

#[test]
fn the_paste_box_in_chinese() {
    let island = || {
        PasteBox {
            embed: false,
            worker: None,
        }
        .render()
    };
    let t = text(&zh(island));
    has_all(&t, &["粘贴报错信息", "欧易（OKX）", "不会发送到任何地方", "报错内容"]);
    has_none(
        &t,
        &[
            "Paste your error",
            "A raw OKX response",
            "never sent anywhere",
            "Error text",
        ],
    );
    let t = text(&en(island));
    has_all(
        &t,
        &["Paste your error", "It is analysed here in your browser", "Error text"],
    );
}

/// The wizard's steps for a category: its first question, the first fix the first answers lead
/// to, and the report after every fix failed.
fn steps(category: Category) -> Vec<WizardState> {
    let mut s = WizardState::new(category, Some("50113"));
    let mut out = vec![s.clone()];
    let mut fix_seen = false;
    for _ in 0..100 {
        match wizard::current_node(&s) {
            Step::Question { id, question, .. } => {
                let a = question.answers[0].id;
                wizard::answer(&mut s, id, a).expect("an answer");
            }
            Step::Fix { .. } => {
                if !fix_seen {
                    out.push(s.clone());
                    fix_seen = true;
                }
                wizard::still_failing(&mut s).expect("still failing");
            }
            Step::Report => {
                out.push(s.clone());
                return out;
            }
        }
    }
    panic!("no report within 100 steps");
}

#[test]
fn the_wizard_in_chinese() {
    let [question, fix, report] = <[WizardState; 3]>::try_from(steps(Category::AuthSignature)).unwrap();
    let wiz = |s: WizardState| {
        move || {
            let state = RwSignal::new(s);
            view! { <Wizard state=state /> }.into_any()
        }
    };
    let t = text(&zh(wiz(question.clone())));
    has_all(&t, &["问题 1：", "上一步", "排查向导"]);
    has_none(&t, &["Question 1", "Back", "Wizard"]);
    let t = text(&zh(wiz(fix.clone())));
    has_all(
        &t,
        &[
            "试试这样做：",
            "显示以下库的代码：",
            "任意库",
            "确认问题已解决",
            "还是不行？",
            "建议的修复方法：",
        ],
    );
    has_none(
        &t,
        &[
            "Try this",
            "Show the code for",
            "any library",
            "Check that it worked",
            "Still failing",
            "Suggested fix",
        ],
    );
    if t.contains("适用于") {
        // The copy button names what it copies: "复制 ccxt (Python) 代码", or "复制代码".
        assert!(
            t.contains("复制代码") || (t.contains("复制 ") && t.contains(" 代码")),
            "{t}"
        );
    }
    has_none(&t, &["Copy ", "For any library"]);
    let t = text(&zh(wiz(report.clone())));
    has_all(
        &t,
        &[
            "带上这份报告去求助",
            "库的版本（可选）：",
            "例如 4.4.12",
            "复制报告",
            "报告已生成",
        ],
    );
    has_none(
        &t,
        &[
            "Ask for help",
            "None of the fixes worked",
            "Library version",
            "e.g. 4.4.12",
            "Copy report",
            "Report ready",
        ],
    );
    // English keeps its text.
    let t = text(&en(wiz(fix)));
    has_all(
        &t,
        &[
            "Try this: ",
            "Check that it worked",
            "Still failing? Show the next likely cause",
            "Back",
        ],
    );
}

#[test]
fn the_wizard_page_in_chinese() {
    // Cold start: no state in the URL.
    let t = text(&zh(|| WizardIsland.render()));
    has_all(
        &t,
        &[
            "首页",
            "粘贴报错信息，okx-doctor 会据此挑出该问的问题",
            "限速",
            "模拟盘 / 实盘不匹配",
        ],
    );
    has_none(
        &t,
        &["Paste your error on the", "home page", "pick the right questions"],
    );
    // From a finding's link: the intro with the code, the signature lab and the copy button.
    let query = wizard::to_query(&WizardState::new(Category::AuthSignature, Some("50113")));
    let env = Env::default().with_lang(Lang::Zh).with_query(&query);
    let html = render(env, || WizardIsland.render());
    let t = text(&html);
    has_all(
        &t,
        &[
            "签名 · 错误码 50113",
            "签名实验室",
            "重新开始",
            "复制这一步的链接",
            "问题 1：",
        ],
    );
    has_none(
        &t,
        &[" · error ", "signature lab", "Start over", "Copy link to this step"],
    );
    // Its links stay in Chinese.
    assert!(
        html.contains("href=\"/zh/wizard/\"") && html.contains("href=\"/zh/e/50113/\""),
        "{html}"
    );
}
