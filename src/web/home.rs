//! Browser entry point of the home page, the embedded helper and the not-found page: the paste
//! box, the catalog search and the nearest-code suggestions, plus the shared islands.

#[cfg(target_arch = "wasm32")]
fn main() {
    use okx_doctor::ui::{catalog, copy, embed, island::start, pages::not_found, paste, theme, web};
    web::start(|| {
        start::<theme::ThemeToggle>();
        start::<paste::PasteBox>();
        start::<catalog::CatalogSearch>();
        start::<not_found::Requested>();
        start::<copy::CopyButton>();
        start::<embed::EmbedPanel>();
        start::<embed::AutoHeight>();
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    okx_doctor::ui::web::native_hint();
}
