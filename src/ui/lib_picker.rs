//! The library picker of the error pages: one button per library the page has code for. It needs
//! no wasm: the inline page script (`public/theme.js`) handles its clicks, stores the choice as
//! the library preference (`browser::keys::LIB`) and sets `data-lib` on `<html>`, from which the
//! CSS puts that library's code first and marks its button; on the next page the same script
//! applies the stored choice before first paint (a `?lib=` in the URL wins), so nothing moves.

use super::env::use_env;
use crate::core::facts::Library;
use crate::core::kb::Snippet;
use crate::t;
use leptos::prelude::*;

/// The libraries of `snippets` that the picker offers, in the picker's order
/// ([`Library::WITH_SNIPPETS`]).
pub fn picker_libraries(snippets: &[&Snippet]) -> Vec<Library> {
    Library::WITH_SNIPPETS
        .into_iter()
        .filter(|l| snippets.iter().any(|s| s.lib == l.id()))
        .collect()
}

/// "Your library: [ccxt (Python)] [python-okx] …": shown when the page has code for two or more
/// libraries.
#[component]
pub fn LibPicker(
    /// The libraries to offer (see [`picker_libraries`]).
    libs: Vec<Library>,
) -> impl IntoView {
    let lang = use_env().lang;
    (libs.len() > 1).then(|| {
        let buttons = libs
            .into_iter()
            .map(|l| {
                view! {
                    <button type="button" class="lib-pick" data-lib-pick=l.id() aria-pressed="false" data-testid=format!("lib-pick-{}", l.id())>
                        {l.label_in(lang)}
                    </button>
                }
            })
            .collect_view();
        view! {
            <div class="lib-picker" role="group" aria-labelledby="lib-picker-label" data-testid="lib-picker">
                <span id="lib-picker-label" class="lib-picker-label">{t!(lang, "Your library:", "你用的库：")}</span>
                {buttons}
            </div>
        }
    })
}
