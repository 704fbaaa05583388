//! Browser entry point of the home page, the embedded helper and the not-found page: the paste
//! box, the catalog search and the nearest-code suggestions.

#[cfg(target_arch = "wasm32")]
fn main() {
    use okx_doctor::ui::{catalog, island::start, pages::not_found, paste};
    okx_doctor::ui::web::start(|| {
        start::<paste::PasteBox>();
        start::<catalog::CatalogSearch>();
        start::<not_found::Requested>();
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    okx_doctor::ui::web::native_hint();
}
