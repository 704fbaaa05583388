//! UI (placeholder)
