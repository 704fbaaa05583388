//! Light/dark theme: follows the system unless the user picks one; the choice persists. The
//! inline theme script (`public/theme.js`, inlined by the generator) applies the stored choice
//! before first paint by setting `data-theme` on `<html>`; the button's label is chosen by CSS
//! from that attribute, so it is right before the wasm starts and does not change when it does.

use super::browser::{keys, set_root_attr, storage_get, storage_remove, storage_set};
use super::env::use_env;
use super::island::{island, Island, Props};
use crate::t;
use leptos::prelude::*;

/// A theme choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Auto,
    Light,
    Dark,
}

impl Theme {
    /// The stored choice (auto when none or unreadable).
    fn stored() -> Theme {
        match storage_get(keys::THEME).as_deref() {
            Some("light") => Theme::Light,
            Some("dark") => Theme::Dark,
            _ => Theme::Auto,
        }
    }

    /// The next choice in the cycle auto → light → dark → auto.
    fn next(self) -> Theme {
        match self {
            Theme::Auto => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Auto,
        }
    }

    /// The `data-theme` value (none for auto).
    fn attr(self) -> Option<&'static str> {
        match self {
            Theme::Auto => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        }
    }

    /// Stores and applies this choice.
    fn apply(self) {
        match self.attr() {
            Some(t) => storage_set(keys::THEME, t),
            None => storage_remove(keys::THEME),
        }
        set_root_attr("data-theme", self.attr());
    }
}

/// The theme button (an island).
#[derive(Debug, Clone, Copy, Default)]
pub struct ThemeToggle;

impl Island for ThemeToggle {
    const NAME: &'static str = "theme";

    fn from_props(_: &Props) -> Option<Self> {
        Some(ThemeToggle)
    }

    fn render(self) -> AnyView {
        let lang = use_env().lang;
        let on_click = move |_| Theme::stored().next().apply();
        view! {
            <button type="button" class="theme-toggle" data-testid="theme-toggle" on:click=on_click>
                <span class="theme-label theme-label-auto">{t!(lang, "Theme: auto", "主题：跟随系统")}</span>
                <span class="theme-label theme-label-light">{t!(lang, "Theme: light", "主题：浅色")}</span>
                <span class="theme-label theme-label-dark">{t!(lang, "Theme: dark", "主题：深色")}</span>
            </button>
        }
        .into_any()
    }
}

/// The theme button inside its placeholder.
pub fn theme_toggle() -> AnyView {
    island(ThemeToggle)
}
