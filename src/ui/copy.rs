//! Copy buttons: one look and one confirmation everywhere. Each says what it copies; after a
//! click it says "Copied" (or how to copy by hand when the browser refused) for
//! [`CONFIRM_MS`], announces it in a live region, and then says what it copies again. Every copy
//! button of the site is this component (the error pages, the wizard, the clock check, the embed
//! panel), so the confirmation reads and lasts the same everywhere.

use super::browser::{after_ms, copy_text, page_url};
use super::env::use_env;
use super::island::{flag, island, Island, Props};
use crate::t;
use leptos::prelude::*;

/// How long a copy button shows its confirmation, in milliseconds: long enough to read one word
/// after the click (a glance takes well under a second), short enough that the button names what
/// it copies again before a second use. The screen-reader announcement is cleared with it.
pub const CONFIRM_MS: u32 = 3000;

/// The confirmation every copy button shows after copying.
pub fn copied_text(lang: crate::core::lang::Lang) -> &'static str {
    t!(lang, "Copied", "已复制")
}

/// What every copy button announces to screen readers after copying.
pub fn copied_announcement(lang: crate::core::lang::Lang) -> &'static str {
    t!(lang, "Copied to the clipboard", "已复制到剪贴板")
}

/// What a copy button copies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CopyWhat {
    /// This text.
    Text(String),
    /// The address of the page it is on (known only in the browser).
    PageUrl,
    /// The address of a page of this site: this path (under the base path) on the page's origin
    /// (known only in the browser). Unlike [`CopyWhat::PageUrl`] it does not depend on how the
    /// page was reached: inside an embed it is still the full site's page, without embed options.
    SitePath(String),
}

/// A copy button (an island).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopyButton {
    /// What to copy.
    pub what: CopyWhat,
    /// The button's label, saying what it copies ("Copy code", "Copy link"), in the page's
    /// language (the caller picks it with `t!`).
    pub label: String,
    /// `data-testid` of the button.
    pub testid: String,
}

impl CopyButton {
    /// A button copying `text`.
    pub fn text(text: impl Into<String>, label: &str, testid: &str) -> Self {
        CopyButton {
            what: CopyWhat::Text(text.into()),
            label: label.into(),
            testid: testid.into(),
        }
    }

    /// A button copying the page's address.
    pub fn page_url(label: &str, testid: &str) -> Self {
        CopyButton {
            what: CopyWhat::PageUrl,
            label: label.into(),
            testid: testid.into(),
        }
    }

    /// A button copying the address of the site's page at `path` (an href under the base path).
    pub fn site_path(path: impl Into<String>, label: &str, testid: &str) -> Self {
        CopyButton {
            what: CopyWhat::SitePath(path.into()),
            label: label.into(),
            testid: testid.into(),
        }
    }

    /// The island's view, inside its placeholder.
    pub fn view(self) -> AnyView {
        island(self)
    }
}

/// The state of a copy button after a click.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Copied {
    Not,
    Yes,
    Refused,
}

impl Island for CopyButton {
    const NAME: &'static str = "copy";

    fn props(&self) -> Props {
        let text = match &self.what {
            CopyWhat::Text(t) | CopyWhat::SitePath(t) => t.as_str(),
            CopyWhat::PageUrl => "",
        };
        Props::new(&[
            ("text", text),
            ("page", flag(self.what == CopyWhat::PageUrl)),
            ("path", flag(matches!(self.what, CopyWhat::SitePath(_)))),
            ("label", &self.label),
            ("testid", &self.testid),
        ])
    }

    fn from_props(p: &Props) -> Option<Self> {
        let what = if p.flag("page") {
            CopyWhat::PageUrl
        } else if p.flag("path") {
            CopyWhat::SitePath(p.text("text"))
        } else {
            CopyWhat::Text(p.text("text"))
        };
        Some(CopyButton {
            what,
            label: p.text("label"),
            testid: p.text("testid"),
        })
    }

    fn render(self) -> AnyView {
        let state = RwSignal::new(Copied::Not);
        // Each click's confirmation ends after CONFIRM_MS unless a later click started another.
        let clicks = StoredValue::new(0u32);
        let CopyButton { what, label, testid } = self;
        let what = StoredValue::new(what);
        let env = use_env();
        let lang = env.lang;
        let origin = StoredValue::new(env.origin.unwrap_or_default());
        let on_click = move |_| {
            let text = match what.get_value() {
                CopyWhat::Text(t) => t,
                CopyWhat::PageUrl => page_url(),
                CopyWhat::SitePath(p) => format!("{}{p}", origin.get_value()),
            };
            let click = clicks.get_value().wrapping_add(1);
            clicks.set_value(click);
            copy_text(text, move |ok| {
                let _ = state.try_set(if ok { Copied::Yes } else { Copied::Refused });
                after_ms(CONFIRM_MS, move || {
                    if clicks.try_get_value() == Some(click) {
                        let _ = state.try_set(Copied::Not);
                    }
                });
            });
        };
        view! {
            <button type="button" class="copy-button" data-testid=testid on:click=on_click>
                {move || match state.get() {
                    Copied::Yes => copied_text(lang).to_string(),
                    Copied::Refused => t!(lang, "Press Ctrl+C to copy", "请按 Ctrl+C 复制").to_string(),
                    Copied::Not => label.clone(),
                }}
            </button>
            <span class="visually-hidden" aria-live="polite">
                {move || if state.get() == Copied::Yes { copied_announcement(lang) } else { "" }}
            </span>
        }
        .into_any()
    }
}
