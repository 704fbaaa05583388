//! Pure domain logic: no Leptos, no web-sys. Everything here builds and is tested natively.
//! No unsafe code either (the bounded fuzz run, tests/fuzz.sh, relies on it to skip sanitizers).
#![forbid(unsafe_code)]

pub mod catalog;
pub mod catalog_rows;
pub mod categorize;
pub mod category;
pub mod clock;
pub mod csp;
pub mod diagnose;
pub mod facts;
pub mod html;
pub mod kb;
pub mod lang;
pub mod num;
pub mod pages;
pub mod paste_report;
pub mod routes;
pub mod search;
pub mod secrets;
pub mod sign;
pub mod template;
pub mod terms;
pub mod textsim;
pub mod wire;
pub mod wizard;
