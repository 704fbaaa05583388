//! UI (placeholder)
pub mod wizard;
