//! UI (placeholder)
pub mod clock;
