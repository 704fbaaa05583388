//! Light/dark theme: follows the system unless the user picks one; the choice persists.
//! `public/theme.js` applies the stored choice before first paint.

use super::util::{storage_get, storage_set};
use leptos::prelude::*;

const KEY: &str = "okx-doctor-theme";

fn apply(theme: &str) {
    if let Some(html) = document().document_element() {
        if theme == "light" || theme == "dark" {
            let _ = html.set_attribute("data-theme", theme);
        } else {
            let _ = html.remove_attribute("data-theme");
        }
    }
}

/// A button cycling auto → light → dark.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let theme = RwSignal::new(
        storage_get(KEY)
            .filter(|t| t == "light" || t == "dark")
            .unwrap_or_else(|| "auto".into()),
    );
    let label = move || match theme.get().as_str() {
        "light" => "Theme: light",
        "dark" => "Theme: dark",
        _ => "Theme: auto",
    };
    view! {
        <button
            type="button"
            class="theme-toggle"
            data-testid="theme-toggle"
            on:click=move |_| {
                let next = match theme.get_untracked().as_str() {
                    "auto" => "light",
                    "light" => "dark",
                    _ => "auto",
                };
                storage_set(KEY, next);
                apply(next);
                theme.set(next.to_string());
            }
        >
            {label}
        </button>
    }
}
