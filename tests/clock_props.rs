//! Property tests of the clock maths with synthetic, asymmetric network delays.
#![cfg(not(target_arch = "wasm32"))]

use okx_doctor::core::clock::{estimate, estimate_from_ws, verdict, Sample, Verdict};
use proptest::prelude::*;

/// Builds the sample a client would record: device clock = server clock + `offset`; the request
/// takes `up` ms to reach the server, which stamps `ts` (whole ms) and answers after `down` ms.
fn synth(offset: f64, perf_origin_wall: f64, sent: f64, up: f64, down: f64) -> Sample {
    let device_wall_at_stamp = perf_origin_wall + sent + up;
    let server_ts = (device_wall_at_stamp - offset).floor();
    let received = sent + up + down;
    Sample {
        sent_ms: sent,
        received_ms: received,
        wall_at_receive_ms: perf_origin_wall + received,
        server_ts_ms: server_ts,
    }
}

proptest! {
    #[test]
    fn estimate_is_within_half_rtt(
        offset in -7_200_000.0f64..7_200_000.0,
        origin in 1.6e12f64..1.9e12,
        delays in prop::collection::vec((0.0f64..800.0, 0.0f64..800.0), 1..10),
    ) {
        let mut sent = 10.0;
        let samples: Vec<Sample> = delays.iter().map(|&(up, down)| {
            let s = synth(offset, origin, sent, up, down);
            sent = s.received_ms + 250.0;
            s
        }).collect();
        let e = estimate(&samples).unwrap();
        let best = samples.iter().map(|s| s.rtt_ms()).fold(f64::INFINITY, f64::min);
        prop_assert_eq!(e.best_rtt_ms, best);
        prop_assert!((e.offset_ms - offset).abs() <= e.best_rtt_ms / 2.0 + 1.0 + 1e-6,
            "est {} truth {} rtt {}", e.offset_ms, offset, e.best_rtt_ms);
        prop_assert!((e.offset_ms - offset).abs() <= e.uncertainty_ms + 1e-6);
        prop_assert_eq!(e.samples_used, samples.len());
    }

    #[test]
    fn slow_samples_are_ignored(offset in -60_000.0f64..60_000.0, up in 1_600.0f64..5_000.0, down in 1_500.0f64..5_000.0) {
        let slow = synth(offset, 1.7e12, 0.0, up, down);
        prop_assert!(estimate(&[slow]).is_none());
    }

    #[test]
    fn ws_estimate_is_within_bound(
        offset in -120_000.0f64..120_000.0,
        one_way in 5.0f64..300.0,
        jitter in prop::collection::vec(0.0f64..400.0, 2..20),
        staleness in prop::collection::vec(0.0f64..100.0, 20),
    ) {
        // Symmetric path: ping rtt = 2 × one-way; pushes arrive after one-way + jitter, some stale.
        let rtt = 2.0 * one_way;
        let mut pushes = Vec::new();
        for (i, j) in jitter.iter().enumerate() {
            let ts = 1.7e12 + i as f64 * 100.0;
            let stale = if i == jitter.len() - 1 { 0.0 } else { staleness[i] };
            // The last push is fresh and fast, so the bound must hold.
            let delay = if i == jitter.len() - 1 { one_way } else { one_way + j };
            pushes.push((ts + stale + delay + offset, ts));
        }
        let e = estimate_from_ws(&[rtt + 30.0, rtt], &pushes).unwrap();
        prop_assert!((e.offset_ms - offset).abs() <= e.uncertainty_ms, "est {} truth {}", e.offset_ms, offset);
    }

    #[test]
    fn verdict_is_monotonic(a in 0.0f64..100_000.0, b in 0.0f64..100_000.0, u in 0.0f64..1_000.0) {
        let rank = |v: Verdict| match v { Verdict::Fine => 0, Verdict::Drifting => 1, Verdict::WillBeRejected => 2 };
        let (lo, hi) = if a < b { (a, b) } else { (b, a) };
        prop_assert!(rank(verdict(lo, u)) <= rank(verdict(hi, u)));
        prop_assert_eq!(verdict(lo, u), verdict(-lo, u));
    }
}
