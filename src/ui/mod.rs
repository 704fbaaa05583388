//! The views: Leptos components that render what [`crate::core`] decides. They compile for both
//! targets: natively the page generator ([`crate::site`]) renders every page to HTML with them;
//! in the browser, the entry points in `src/web/` start the interactive parts ([`island`]s) on
//! that HTML. Views never call `window()` while rendering: they read [`env::use_env`], and browser
//! work goes through [`browser`], which has a neutral native answer for everything.

pub mod analysis;
pub mod browser;
pub mod catalog;
pub mod clock;
pub mod copy;
pub mod embed;
pub mod env;
pub mod island;
pub mod layout;
pub mod lib_picker;
pub mod pages;
pub mod paste;
pub mod shell;
pub mod sign;
pub mod theme;
pub mod web;
pub mod wizard;
pub mod wizard_page;
