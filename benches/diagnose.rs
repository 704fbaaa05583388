//! Benchmarks (criterion): catalog search, and the diagnosis engine on a one-line paste, a
//! 100-line bot log and a 5 MB log.
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

fn bench_search(c: &mut Criterion) {
    let f = okx_doctor::core::search::Filters::default();
    c.bench_function("catalog search 'too many request'", |b| {
        b.iter(|| okx_doctor::core::search::search("too many request", &f))
    });
    c.bench_function("catalog search '5011'", |b| {
        b.iter(|| okx_doctor::core::search::search("5011", &f))
    });
    c.bench_function("catalog search 'posSide'", |b| {
        b.iter(|| okx_doctor::core::search::search("posSide", &f))
    });
    c.bench_function("catalog search_zh '可用余额不足'", |b| {
        b.iter(|| okx_doctor::core::search::search_zh("可用余额不足", &f))
    });
    let sentence = "my order keeps failing because of insufficient balance";
    c.bench_function("suggest for a plain sentence", |b| {
        b.iter(|| okx_doctor::core::search::suggest(black_box(sentence), 5))
    });
}

fn bot_log(lines: usize) -> String {
    let mut s = String::new();
    let mut i = 0usize;
    loop {
        let line = match i % 50 {
            0 => format!(
                "2024-01-05 10:00:{:02},123 - freqtrade.exchange.common - WARNING - _async_get_candle_history() returned exception: \"Could not fetch historical candle (OHLCV) data for pair ETH/USDT:USDT due to RateLimitExceeded. Message: okx {{\"msg\":\"Too Many Requests\",\"code\":\"50011\"}}\". Retrying still for 3 times.\n",
                i % 60
            ),
            17 => format!(
                "2024-01-05 10:00:{:02},456 - freqtrade.freqtradebot - ERROR - Unable to create an order: okx {{\"code\":\"1\",\"data\":[{{\"clOrdId\":\"e847386590ce4dBC{:016x}\",\"ordId\":\"\",\"sCode\":\"51008\",\"sMsg\":\"Order failed. Insufficient USDT margin in account\",\"tag\":\"\"}}],\"msg\":\"All operations failed\"}}\n",
                i % 60,
                i
            ),
            33 => "2024-01-05 10:00:01,000 - freqtrade.exchange.common - WARNING - Error: connect ETIMEDOUT 104.18.43.174:443\n".to_string(),
            _ => format!(
                "2024-01-05 10:00:{:02},{:03} - freqtrade.worker - INFO - Bot heartbeat. PID={}, version='2024.1', state='RUNNING', last={}.{}\n",
                i % 60,
                i % 1000,
                1000 + i,
                60000 + i % 9999,
                i % 10
            ),
        };
        s.push_str(&line);
        i += 1;
        if lines == 0 && s.len() >= 5 * 1024 * 1024 {
            break;
        }
        if lines > 0 && i >= lines {
            break;
        }
    }
    s
}

fn bench_diagnose(c: &mut Criterion) {
    use okx_doctor::core::diagnose::diagnose;
    // Build the message index once outside the timings.
    let _ = diagnose("Invalid Sign");
    let one = r#"ccxt.base.errors.AuthenticationError: okx {"msg":"Invalid Sign","code":"50113"}"#;
    c.bench_function("diagnose one-line paste", |b| b.iter(|| diagnose(black_box(one))));
    let msg = "Your IP 203.0.113.7 is not included in your API key's IP whitelist.";
    c.bench_function("diagnose message-only (fuzzy)", |b| b.iter(|| diagnose(black_box(msg))));
    let log100 = bot_log(100);
    c.bench_function("diagnose 100-line bot log", |b| b.iter(|| diagnose(black_box(&log100))));
    let big = bot_log(0);
    let mut g = c.benchmark_group("large");
    g.sample_size(10);
    g.bench_function(format!("diagnose {:.1} MB log", big.len() as f64 / 1048576.0), |b| {
        b.iter(|| diagnose(black_box(&big)))
    });
    g.finish();
}

criterion_group!(benches, bench_search, bench_diagnose);
criterion_main!(benches);
