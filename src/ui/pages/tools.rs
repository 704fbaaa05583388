//! The tool pages: the wizard, the clock check and the signature lab. Each is a heading and an
//! introduction around its island.

use crate::core::routes::Route;
use crate::ui::clock::ClockCheck;
use crate::ui::embed::embed_panel;
use crate::ui::island::island;
use crate::ui::sign::SignLab;
use crate::ui::wizard_page::WizardIsland;
use leptos::prelude::*;

/// `/wizard/`.
#[component]
pub fn WizardPage() -> impl IntoView {
    view! {
        <h1>"Fix it step by step"</h1>
        {island(WizardIsland)}
    }
}

/// The clock page's introduction.
const CLOCK_LEAD: &str =
    "OKX rejects signed requests whose timestamp is more than 30 seconds away from its server time \
(50102, and 60006 on WebSocket login). This compares this device's clock with OKX.";

/// `/clock/` and `/embed/clock/`.
#[component]
pub fn ClockPage(
    /// Inside an embed (compact, no embed panel).
    #[prop(optional)]
    embed: bool,
) -> impl IntoView {
    view! {
        <h1>"Clock check"</h1>
        <p class="lead">{CLOCK_LEAD}</p>
        {island(ClockCheck { compact: embed })}
        {(!embed).then(|| embed_panel(Route::Clock))}
    }
}

/// `/sign/`.
#[component]
pub fn SignPage() -> impl IntoView {
    island(SignLab)
}
