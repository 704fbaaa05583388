//! UI (placeholder)
pub mod sign;
