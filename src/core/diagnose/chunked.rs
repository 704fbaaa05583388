//! Diagnosis of very large pastes in chunks, with a pause between chunks so a browser can keep
//! painting and handling input. Pure: the caller supplies the pause (a timer in the browser,
//! nothing natively).

use super::{diagnose, rank, Diagnosis, Finding, MAX_INPUT};
use crate::core::facts::PasteFacts;
use std::future::Future;

/// Text up to this size is diagnosed in one go; larger text in chunks of about this size,
/// split at line ends.
pub const CHUNK_BYTES: usize = 256 * 1024;

fn floor_char(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Splits `text` into pieces of about `size` bytes, each ending at a line end when there is one.
fn chunks(text: &str, size: usize) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let mut end = floor_char(text, start + size);
        if end < text.len() {
            if let Some(nl) = text[start..end].rfind('\n') {
                if nl > 0 {
                    end = start + nl + 1;
                }
            }
        }
        if end <= start {
            end = text.len().min(start + size);
            end = floor_char(text, end).max(start + 1);
            while !text.is_char_boundary(end) {
                end += 1;
            }
        }
        out.push((start, &text[start..end]));
        start = end;
    }
    out
}

fn same(a: &Finding, b: &Finding) -> bool {
    a.code == b.code && a.category == b.category && a.kind == b.kind && a.title == b.title
}

/// Keeps what earlier chunks revealed; fills what they did not from `from`.
fn merge_facts(into: &mut PasteFacts, from: PasteFacts) {
    into.library = into.library.or(from.library);
    into.library_version = into.library_version.take().or(from.library_version);
    into.exchange_id = into.exchange_id.take().or(from.exchange_id);
    into.region = into.region.or(from.region);
    into.demo = into.demo.or(from.demo);
    into.ws_endpoint = into.ws_endpoint.or(from.ws_endpoint);
    into.named_param = into.named_param.take().or(from.named_param);
    into.docker |= from.docker;
    into.parallel |= from.parallel;
    into.server_time_option |= from.server_time_option;
    into.ws_channel = into.ws_channel.take().or(from.ws_channel);
    into.topic = into.topic.take().or(from.topic);
    into.websocket = into.websocket.or(from.websocket);
    into.reply_visible = into.reply_visible.or(from.reply_visible);
    into.own_signing |= from.own_signing;
}

/// Like [`diagnose`], but for text over [`CHUNK_BYTES`] it works chunk by chunk and awaits
/// `pause()` between chunks. Findings are merged across chunks (counts added, first span kept).
pub async fn diagnose_chunked<F, Fut>(input: &str, mut pause: F) -> Diagnosis
where
    F: FnMut() -> Fut,
    Fut: Future<Output = ()>,
{
    if input.len() <= CHUNK_BYTES {
        return diagnose(input);
    }
    let truncated_input = input.len() > MAX_INPUT;
    let text = &input[..floor_char(input, MAX_INPUT)];
    let mut findings: Vec<Finding> = Vec::new();
    let mut credentials = Vec::new();
    let mut facts = PasteFacts::default();
    for (offset, piece) in chunks(text, CHUNK_BYTES) {
        let d = diagnose(piece);
        for mut f in d.findings {
            f.span = (f.span.0 + offset, f.span.1 + offset);
            match findings.iter_mut().find(|g| same(g, &f)) {
                Some(g) => {
                    g.count += f.count;
                    if f.confidence > g.confidence {
                        g.confidence = f.confidence;
                    }
                    for n in f.notes {
                        if !g.notes.contains(&n) {
                            g.notes.push(n);
                        }
                    }
                }
                None => findings.push(f),
            }
        }
        for mut c in d.credentials {
            c.span = (c.span.0 + offset, c.span.1 + offset);
            credentials.push(c);
        }
        merge_facts(&mut facts, d.facts);
        pause().await;
    }
    rank(&mut findings, &facts);
    Diagnosis {
        unsure: super::is_unsure(&findings),
        findings,
        facts,
        credentials,
        truncated_input,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block_on<F: Future>(f: F) -> F::Output {
        // The pause future is always ready, so one poll with a no-op waker finishes the work.
        let waker = std::task::Waker::noop();
        let mut cx = std::task::Context::from_waker(waker);
        let mut f = std::pin::pin!(f);
        loop {
            if let std::task::Poll::Ready(v) = f.as_mut().poll(&mut cx) {
                return v;
            }
        }
    }

    #[test]
    fn chunks_cover_the_text_exactly() {
        let text = "héllo wörld\n".repeat(50_000);
        let parts = chunks(&text, 4096);
        assert!(parts.len() > 10);
        let joined: String = parts.iter().map(|(_, p)| *p).collect();
        assert_eq!(joined, text);
        for (off, p) in &parts {
            assert_eq!(&text[*off..*off + p.len()], *p);
        }
    }

    #[test]
    fn large_log_is_merged_like_the_whole() {
        let line =
            "2026-11-23 10:00:01 ERROR freqtrade okx {\"code\":\"50011\",\"msg\":\"Too Many Requests\",\"data\":[]}\n";
        let other = "2026-11-23 10:00:02 INFO heartbeat ok, 12 pairs, balance 1043.22 USDT\n";
        let mut text = String::new();
        for i in 0..12_000 {
            text.push_str(if i % 3 == 0 { line } else { other });
        }
        text.push_str("ccxt.base.errors.AuthenticationError: okx {\"msg\":\"Invalid Sign\",\"code\":\"50113\"}\n");
        assert!(text.len() > CHUNK_BYTES * 2);
        let mut pauses = 0;
        let d = block_on(diagnose_chunked(&text, || {
            pauses += 1;
            std::future::ready(())
        }));
        assert!(pauses >= 2);
        let whole = diagnose(&text);
        let codes = |d: &Diagnosis| {
            let mut v: Vec<(Option<String>, usize)> = d.findings.iter().map(|f| (f.code.clone(), f.count)).collect();
            v.sort();
            v
        };
        assert_eq!(codes(&d), codes(&whole));
        let f = d.findings.iter().find(|f| f.code.as_deref() == Some("50113")).unwrap();
        assert_eq!(&text[f.span.0..f.span.1].contains("50113"), &true);
    }

    #[test]
    fn small_input_is_unchanged() {
        let t = "{\"code\":\"50102\",\"msg\":\"Timestamp request expired\"}";
        let a = block_on(diagnose_chunked(t, || std::future::ready(())));
        assert_eq!(a.findings.len(), diagnose(t).findings.len());
    }
}
