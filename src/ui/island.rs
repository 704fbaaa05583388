//! Islands: the interactive parts of a page. The page generator renders every view to HTML;
//! an island's HTML is wrapped in `<okx-island data-island="NAME" data-props="…">`. In the
//! browser, each entry point (`src/web/*.rs`) starts the islands its pages carry: it reads each
//! placeholder's props and mounts the same component there, replacing the identical prerendered
//! markup. Everything outside islands stays as the generator wrote it and is never compiled into
//! the wasm.
//!
//! Why not Leptos's `#[island]`: every `#[island]` is exported from the crate, so one wasm would
//! carry all of them, and our pages need three different sets to meet their size budgets
//! (README, "How pages are built"). Starting islands by name from a per-page entry point keeps
//! each wasm to the islands it names.

use crate::core::routes::{decode_component, encode_component};
use leptos::prelude::*;

/// An island's props as name/value pairs (read from and written to `data-props`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Props(Vec<(String, String)>);

impl Props {
    /// Props from pairs.
    pub fn new(pairs: &[(&str, &str)]) -> Self {
        Props(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect())
    }

    /// A prop's value.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// A prop's value, or the empty string.
    pub fn text(&self, name: &str) -> String {
        self.get(name).unwrap_or_default().to_string()
    }

    /// A boolean prop (`1`).
    pub fn flag(&self, name: &str) -> bool {
        self.get(name) == Some("1")
    }

    /// `a=1&b=x%20y`: the `data-props` encoding.
    pub fn encode(&self) -> String {
        let parts: Vec<String> = self
            .0
            .iter()
            .map(|(k, v)| format!("{}={}", encode_component(k), encode_component(v)))
            .collect();
        parts.join("&")
    }

    /// Parses [`Props::encode`]'s output.
    pub fn decode(s: &str) -> Self {
        Props(
            s.split('&')
                .filter(|p| !p.is_empty())
                .map(|p| {
                    let (k, v) = p.split_once('=').unwrap_or((p, ""));
                    (decode_component(k), decode_component(v))
                })
                .collect(),
        )
    }
}

/// `"1"` for true, empty for false (the flag encoding of [`Props`]).
pub fn flag(b: bool) -> &'static str {
    if b {
        "1"
    } else {
        ""
    }
}

/// An interactive component that the browser starts on its prerendered placeholder.
pub trait Island: Sized + 'static {
    /// The `data-island` name.
    const NAME: &'static str;
    /// The props the browser needs to render the same view (none by default).
    fn props(&self) -> Props {
        Props::default()
    }
    /// Rebuilds the island from its props (`None`: malformed, the placeholder stays as it is).
    fn from_props(props: &Props) -> Option<Self>;
    /// The view.
    fn render(self) -> AnyView;
}

/// Renders an island inside its placeholder element.
pub fn island<I: Island>(island: I) -> AnyView {
    let props = island.props().encode();
    view! {
        <okx-island data-island=I::NAME data-props=props>
            {island.render()}
        </okx-island>
    }
    .into_any()
}

/// Marks a placeholder whose island runs (so starting islands twice mounts nothing twice).
#[cfg(target_arch = "wasm32")]
const STARTED: &str = "data-island-started";

/// Starts every top-level placeholder of island `I` on this page (nested placeholders are started
/// by the island around them).
#[cfg(target_arch = "wasm32")]
pub fn start<I: Island>() {
    use wasm_bindgen::JsCast;
    let selector = format!("okx-island[data-island=\"{}\"]", I::NAME);
    let Ok(list) = document().query_selector_all(&selector) else {
        return;
    };
    for i in 0..list.length() {
        let Some(el) = list.item(i).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) else {
            continue;
        };
        let nested = el
            .parent_element()
            .and_then(|p| p.closest("okx-island").ok().flatten())
            .is_some();
        if nested || el.has_attribute(STARTED) {
            continue;
        }
        let props = Props::decode(&el.get_attribute("data-props").unwrap_or_default());
        let Some(island) = I::from_props(&props) else { continue };
        let env = super::browser::env();
        let _ = el.set_attribute(STARTED, "");
        el.set_inner_html("");
        leptos::mount::mount_to(el, move || {
            provide_context(env);
            island.render()
        })
        .forget();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn props_round_trip() {
        let p = Props::new(&[("text", "a & b = \"c\"\n<d>"), ("embed", "1"), ("empty", "")]);
        assert_eq!(Props::decode(&p.encode()), p);
        assert!(p.flag("embed") && !p.flag("empty") && !p.flag("missing"));
    }
}
