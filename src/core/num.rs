//! Decimal formatting without the standard library's float formatter. `format!("{:.1}", x)`
//! pulls in `core`'s float-to-decimal code and its tables, about 12 KB gzip of the browser build;
//! the paste box and the catalog only need a fixed number of decimals of small positive values.

/// `x` with `decimals` digits after the point (at most 6), rounded half away from zero.
/// NaN and infinities print as `"–"`; values beyond ±9·10^15 are clamped.
pub fn fixed(x: f64, decimals: u32) -> String {
    if !x.is_finite() {
        return "–".into();
    }
    let decimals = decimals.min(6);
    let scale = 10u64.pow(decimals);
    let neg = x < 0.0;
    let scaled = (x.abs() * scale as f64).round().min(9e15) as u64;
    let (int, frac) = (scaled / scale, scaled % scale);
    let mut out = String::new();
    if neg && scaled != 0 {
        out.push('-');
    }
    out.push_str(&int.to_string());
    if decimals > 0 {
        out.push('.');
        let f = frac.to_string();
        for _ in f.len()..decimals as usize {
            out.push('0');
        }
        out.push_str(&f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::fixed;

    #[test]
    fn matches_std_formatting_away_from_ties() {
        // A deterministic spread of values; exact ties (x.x5) are where the two rounding rules
        // may differ, and the values here are never exactly on one.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let x = (seed % 10_000_000) as f64 / 997.0 - 3_000.0;
            for d in 0..=3 {
                let std = format!("{:.*}", d as usize, x);
                let std = if std.starts_with("-0") && std.trim_start_matches(['-', '0', '.']).is_empty() {
                    std[1..].to_string()
                } else {
                    std
                };
                assert_eq!(fixed(x, d), std, "{x} with {d} decimals");
            }
        }
    }

    #[test]
    fn edge_values() {
        assert_eq!(fixed(0.0, 1), "0.0");
        assert_eq!(fixed(-0.04, 1), "0.0");
        assert_eq!(fixed(0.96, 0), "1");
        assert_eq!(fixed(99.5, 0), "100");
        assert_eq!(fixed(1.25, 2), "1.25");
        assert_eq!(fixed(12.0, 3), "12.000");
        assert_eq!(fixed(f64::NAN, 1), "–");
        assert_eq!(fixed(f64::INFINITY, 1), "–");
        assert_eq!(fixed(1e300, 0), "9000000000000000");
    }
}
