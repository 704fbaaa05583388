//! The tool pages: the wizard, the clock check and the signature lab. Each is a heading and an
//! introduction around its island.

use crate::core::lang::Lang;
use crate::core::routes::Route;
use crate::t;
use crate::ui::clock::ClockCheck;
use crate::ui::embed::embed_panel;
use crate::ui::env::use_env;
use crate::ui::island::island;
use crate::ui::sign::SignLab;
use crate::ui::wizard_page::WizardIsland;
use leptos::prelude::*;

/// `/wizard/`.
#[component]
pub fn WizardPage() -> impl IntoView {
    let lang = use_env().lang;
    view! {
        <h1>{t!(lang, "Fix it step by step", "一步步排查")}</h1>
        {island(WizardIsland)}
    }
}

/// The clock page's introduction.
fn clock_lead(lang: Lang) -> &'static str {
    t!(
        lang,
        "OKX rejects signed requests whose timestamp is more than 30 seconds away from its server time \
(50102, and 60006 on WebSocket login). This compares this device's clock with OKX.",
        "签名请求的时间戳与欧易服务器时间相差超过 30 秒时，欧易（OKX）会拒绝请求（REST 返回 50102，\
WebSocket 登录返回 60006）。这里把本机的系统时间与欧易服务器时间做对比。"
    )
}

/// `/clock/` (the embed, `/embed/clock/`, has its own compact view).
#[component]
pub fn ClockPage() -> impl IntoView {
    let lang = use_env().lang;
    view! {
        <h1>{t!(lang, "Clock check", "时钟检查")}</h1>
        <p class="lead">{clock_lead(lang)}</p>
        {island(ClockCheck { compact: false })}
        {embed_panel(Route::Clock)}
    }
}

/// `/sign/`.
#[component]
pub fn SignPage() -> impl IntoView {
    island(SignLab)
}
