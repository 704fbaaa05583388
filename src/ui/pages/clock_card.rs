//! The clock check's embed (`/embed/clock/`): the compact check under a one-line heading,
//! and a link to the full clock check (the fixes for every system, the manual check, the
//! measurement details) instead of the full page's long sections.

use crate::core::routes::Route;
use crate::t;
use crate::ui::clock::ClockCheck;
use crate::ui::env::use_env;
use crate::ui::island::island;
use leptos::prelude::*;

/// `/embed/clock/`.
#[component]
pub fn ClockEmbedPage() -> impl IntoView {
    let env = use_env();
    let lang = env.lang;
    view! {
        <h1 class="embed-clock-title">
            {t!(lang, "Clock check", "时钟检查")}
            <span class="embed-title-note">
                {t!(lang, " — is this device within OKX's 30 seconds?", "：本机时间与欧易相差是否在 30 秒之内？")}
            </span>
        </h1>
        {island(ClockCheck { compact: true })}
        <p class="embed-more">
            <a href=env.href(&Route::Clock) target="_blank" rel="noopener" data-testid="embed-full-clock">
                {t!(lang, "Fixes and details: the full clock check", "各系统的校准方法和详情：完整的时钟检查")}
                " →"
            </a>
        </p>
    }
}
