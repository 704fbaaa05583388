//! Native-only parts of the static site, made at build time by the generator.

pub mod og;
