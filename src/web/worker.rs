//! The paste analysis worker (being built).
fn main() {}
