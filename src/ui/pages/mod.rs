//! The pages of the site, one component per page type. [`page_view`] is the one place a route
//! becomes a view; the generator renders it inside the document shell.

pub mod clock_card;
pub mod error;
pub mod error_card;
pub mod home;
pub mod not_found;
pub mod tools;

use crate::core::catalog;
use crate::core::routes::{EmbedRoute, Route};
use crate::ui::layout::Layout;
use leptos::prelude::*;

/// The body of a route's page, inside the site frame (`None`: an error route whose code is not
/// in the catalog, which has no page).
pub fn page_view(route: &Route) -> Option<AnyView> {
    let content = match route {
        Route::Home => view! { <home::HomePage /> }.into_any(),
        Route::Error(code) => {
            let e = catalog::get(code)?;
            view! { <error::ErrorPage e=e /> }.into_any()
        }
        Route::Embed(EmbedRoute::Error(code)) => {
            let e = catalog::get(code)?;
            view! { <error_card::ErrorEmbed e=e /> }.into_any()
        }
        Route::Embed(EmbedRoute::Helper) => view! { <home::EmbedHelperPage /> }.into_any(),
        Route::Wizard => view! { <tools::WizardPage /> }.into_any(),
        Route::Clock => view! { <tools::ClockPage /> }.into_any(),
        Route::Embed(EmbedRoute::Clock) => view! { <clock_card::ClockEmbedPage /> }.into_any(),
        Route::Sign => view! { <tools::SignPage /> }.into_any(),
        Route::Codes => view! { <home::CodesPage /> }.into_any(),
        Route::NotFound(_) => view! { <not_found::NotFoundPage /> }.into_any(),
    };
    let route = route.clone();
    Some(view! { <Layout route=route>{content}</Layout> }.into_any())
}
