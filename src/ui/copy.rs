//! Copy buttons: one look and one confirmation everywhere. Each says what it copies; after a
//! click it says "Copied" (or how to copy by hand when the browser refused) and announces it.

use super::browser::{copy_text, page_url};
use super::island::{flag, island, Island, Props};
use leptos::prelude::*;

/// What a copy button copies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CopyWhat {
    /// This text.
    Text(String),
    /// The address of the page it is on (known only in the browser).
    PageUrl,
}

/// A copy button (an island).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopyButton {
    /// What to copy.
    pub what: CopyWhat,
    /// The button's label, saying what it copies ("Copy code", "Copy link").
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
            CopyWhat::Text(t) => t.as_str(),
            CopyWhat::PageUrl => "",
        };
        Props::new(&[
            ("text", text),
            ("page", flag(self.what == CopyWhat::PageUrl)),
            ("label", &self.label),
            ("testid", &self.testid),
        ])
    }

    fn from_props(p: &Props) -> Option<Self> {
        let what = if p.flag("page") {
            CopyWhat::PageUrl
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
        let CopyButton { what, label, testid } = self;
        let what = StoredValue::new(what);
        let on_click = move |_| {
            let text = match what.get_value() {
                CopyWhat::Text(t) => t,
                CopyWhat::PageUrl => page_url(),
            };
            copy_text(text, move |ok| {
                let _ = state.try_set(if ok { Copied::Yes } else { Copied::Refused });
            });
        };
        view! {
            <button type="button" class="copy-button" data-testid=testid on:click=on_click>
                {move || match state.get() {
                    Copied::Yes => "Copied".to_string(),
                    Copied::Refused => "Press Ctrl+C to copy".to_string(),
                    Copied::Not => label.clone(),
                }}
            </button>
            <span class="visually-hidden" aria-live="polite">
                {move || if state.get() == Copied::Yes { "Copied to the clipboard" } else { "" }}
            </span>
        }
        .into_any()
    }
}
