//! The page ↔ analysis-worker wire format: values as postcard bytes (a `Uint8Array` in the
//! message). The page and its worker are built from the same source, so a compact format that
//! is not self-describing is enough, and its decoder is a fraction of a JSON parser's code in
//! the page's wasm (the home page's first load; see tests/perf/budget.test.mjs).

use serde::{de::DeserializeOwned, Serialize};

/// `value` as bytes (empty if it cannot be encoded, which the types sent here never cause).
pub fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    postcard::to_allocvec(value).unwrap_or_default()
}

/// The value [`encode`] wrote, or `None` for bytes that are not one (truncated, foreign).
pub fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Option<T> {
    postcard::from_bytes(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects_junk() {
        let v = (String::from("余额不足"), 3usize, 0.5f32, vec![Some(true), None]);
        assert_eq!(decode::<(String, usize, f32, Vec<Option<bool>>)>(&encode(&v)), Some(v));
        assert_eq!(decode::<(String, usize)>(&[0xff, 0xff]), None);
        assert_eq!(decode::<String>(&[]), None);
    }
}
