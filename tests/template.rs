//! Message templates: readable titles, concrete messages recovered from pastes, inline code.
#![cfg(not(target_arch = "wasm32"))]

use okx_doctor::core::catalog;
use okx_doctor::core::kb;
use okx_doctor::core::template::{
    code_segments, fill_from_paste, fill_named, has_placeholder, readable, values, Segment,
};
use proptest::prelude::*;

/// Every message of every entry (primary, other docs rows, variants, observed), as (code, message).
fn all_templates() -> &'static [(&'static str, &'static str)] {
    static ALL: std::sync::OnceLock<Vec<(&str, &str)>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| {
        catalog::entries()
            .iter()
            .flat_map(|e| catalog::all_messages(e).into_iter().map(move |m| (e.code, m)))
            .collect()
    })
}

/// The catalog messages that have placeholders.
fn templates_with_placeholders() -> &'static [&'static str] {
    static ALL: std::sync::OnceLock<Vec<&str>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| {
        all_templates()
            .iter()
            .map(|(_, m)| *m)
            .filter(|m| has_placeholder(m))
            .collect()
    })
}

/// Each placeholder shape in data/okx-v5-error-codes.json, with an example from it.
const SHAPES: &[(&str, &str)] = &[
    ("Parameter {param0} error", "Parameter … error"),
    ("Parameter {param} error", "Parameter … error"),
    (
        "this instrument ({0}) is unavailable",
        "this instrument (…) is unavailable",
    ),
    (
        "Take profit % should be within the range of {parameter1}-{parameter2}",
        "Take profit % should be within the range of …-…",
    ),
    ("{instId} is not in call auction", "… is not in call auction"),
    (
        "you must enable {ccy} and {ccy1} as collateral",
        "you must enable … and … as collateral",
    ),
    ("users in {Region} due to", "users in … due to"),
    ("Manual Simple Borrow for {TOKEN} is", "Manual Simple Borrow for … is"),
    ("Interval must be {%min}<= x<={%max}.", "Interval must be …<= x<=…."),
    (
        "You haven't borrowed any ${ccy} (${ccyPair}) in",
        "You haven't borrowed any … (…) in",
    ),
    (
        "The range of {param0} should be [{param1}, {param2}].",
        "The range of … should be […, …].",
    ),
    ("up to {dailyLimit} {symbol} every 24 hours", "up to … every 24 hours"),
    (
        "Used margin must be greater than {0}{1}",
        "Used margin must be greater than …",
    ),
];

#[test]
fn readable_handles_every_placeholder_shape() {
    for (t, want) in SHAPES {
        assert!(has_placeholder(t), "{t}");
        assert_eq!(readable(t), *want, "{t}");
    }
    // Literal braces are text.
    let json = r#"Account level too low {"code":"1","data":[]}"#;
    assert!(!has_placeholder(json));
    assert_eq!(readable(json), json);
    assert_eq!(readable("{}"), "{}");
    assert_eq!(readable("{ 0 }"), "{ 0 }");
    assert_eq!(readable(""), "");
}

/// Messages of the catalog that quote literal braces (not placeholders): one variant of 51010
/// that reproduces a whole JSON response.
const LITERAL_BRACES: &[&str] = &["51010"];

#[test]
fn no_placeholder_survives_readable_in_the_catalog() {
    let mut with_placeholders = 0;
    for &(code, m) in all_templates() {
        let r = readable(m);
        assert!(!has_placeholder(&r), "{code}: {m:?} -> {r:?}");
        if !LITERAL_BRACES.contains(&code) {
            assert!(!r.contains('{') && !r.contains('}'), "{code}: {m:?} -> {r:?}");
        }
        if has_placeholder(m) {
            with_placeholders += 1;
            assert!(r.contains('…'), "{code}: {m:?}");
        } else {
            assert_eq!(r, m);
        }
    }
    assert!(with_placeholders > 250, "only {with_placeholders} templates");
}

#[test]
fn fill_recovers_concrete_messages() {
    let cases: &[(&str, &str, Option<&str>)] = &[
        (
            "Parameter {param0} error",
            r#"okx {"code":"1","data":[{"sCode":"51000","sMsg":"Parameter posSide error"}],"msg":""}"#,
            Some("Parameter posSide error"),
        ),
        ("Parameter {param0} error", "{'code': '51000', 'msg': 'Parameter tdMode error'}", Some("Parameter tdMode error")),
        ("Order amount exceeds the limit {param0}.", r#""msg":"Order amount exceeds the limit 1.5.""#, Some("Order amount exceeds the limit 1.5.")),
        ("Order amount exceeds the limit {param0}.", "Order amount exceeds the limit 200", Some("Order amount exceeds the limit 200")),
        ("{instId} is not in call auction", r#""msg":"BTC-USDT is not in call auction""#, Some("BTC-USDT is not in call auction")),
        ("Invalid op: {op}", r#"{"event":"error","msg":"Invalid op: subscribe","code":"60019"}"#, Some("Invalid op: subscribe")),
        (
            "Your IP {param0} is not included in your API key's IP whitelist.",
            "50110 Your IP 203.0.113.7 is not included in your API key's IP whitelist.",
            Some("Your IP 203.0.113.7 is not included in your API key's IP whitelist."),
        ),
        (
            "The range of {param0} should be [{param1}, {param2}].",
            "err: The range of lever should be [1, 125].",
            Some("The range of lever should be [1, 125]."),
        ),
        (
            "You can withdraw stablecoins valued at up to {dailyLimit} {symbol} every 24 hours. You can still withdraw {quotaRemaining} {symbol}.",
            "You can withdraw stablecoins valued at up to 10000 USD every 24 hours. You can still withdraw 250 USD.",
            Some("You can withdraw stablecoins valued at up to 10000 USD every 24 hours. You can still withdraw 250 USD."),
        ),
        ("Interval must be {%min}<= x<={%max}.", "Interval must be 5<= x<=120.", Some("Interval must be 5<= x<=120.")),
        ("Parameter {param0} error", "Parameter  error", None),
        ("Parameter {param0} error", "no OKX message here", None),
        ("Systems are busy. Please try again later.", "x Systems are busy. Please try again later. y", Some("Systems are busy. Please try again later.")),
        ("{0}", "anything", None),
    ];
    for (t, paste, want) in cases {
        assert_eq!(fill_from_paste(t, paste).as_deref(), *want, "{t} in {paste}");
    }
}

#[test]
fn fill_is_bounded_on_hostile_input() {
    // Millions of partial matches of the anchor: still instant, and found after the bound only
    // when within MAX_ATTEMPTS occurrences.
    let noise = "Parameter Parameter error ".repeat(200_000);
    let t = std::time::Instant::now();
    assert_eq!(
        fill_from_paste("Parameter {param0} error", &noise).as_deref(),
        Some("Parameter Parameter error")
    );
    let long_word = "x".repeat(5_000_000);
    assert_eq!(
        fill_from_paste("Parameter {param0} error", &format!("Parameter {long_word} error")),
        None
    );
    assert_eq!(
        fill_from_paste(
            "{0} is not in call auction",
            &format!("{long_word} is not in call auction")
        ),
        None
    );
    assert!(t.elapsed().as_secs() < 2, "{:?}", t.elapsed());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, .. ProptestConfig::default() })]

    #[test]
    fn fill_never_panics(t in "\\PC{0,40}", paste in "\\PC{0,200}") {
        let _ = fill_from_paste(&t, &paste);
        let _ = readable(&t);
    }

    /// Templates and pastes made of the same small pieces, so that anchors and literals do match
    /// (multi-byte characters included, to test every slice on a character boundary).
    #[test]
    fn fill_never_panics_when_pieces_match(
        t in prop::collection::vec(prop::sample::select(PIECES), 0..12),
        p in prop::collection::vec(prop::sample::select(PIECES), 0..60),
    ) {
        let (t, p) = (t.concat(), p.concat());
        if let Some(found) = fill_from_paste(&t, &p) {
            prop_assert!(p.contains(&found), "{found:?} not in {p:?}");
        }
    }

    #[test]
    fn fill_never_panics_on_catalog_templates(i in 0usize..2000, paste in "(\\PC|[{}$%\"' ]){0,300}") {
        let all = all_templates();
        let (_, t) = all[i % all.len()];
        if let Some(found) = fill_from_paste(t, &paste) {
            prop_assert!(paste.contains(&found));
        }
    }

    /// `values` never panics, and every value it reads is a piece of the message.
    #[test]
    fn values_never_panic(i in 0usize..2000, message in "(\\PC|[{}$%\"' ]){0,200}") {
        let all = templates_with_placeholders();
        if let Some(vals) = values(all[i % all.len()], &message) {
            for (_, v) in vals {
                prop_assert!(message.contains(&v));
            }
        }
    }

    /// The values read from a filled catalog template fill it back to the same message (a value
    /// that contains the literal after it is cut there, but the pieces still add up).
    #[test]
    fn values_fill_the_template_back(i in 0usize..2000, value in "[A-Za-z0-9][A-Za-z0-9_.-]{0,11}") {
        let all = templates_with_placeholders();
        let t = all[i % all.len()];
        let filled = fill_template(t, &value);
        if let Some(vals) = values(t, &filled) {
            prop_assert!(!vals.is_empty());
            prop_assert_eq!(fill_named(t, &vals), filled);
        }
    }

    /// A number fills back exactly, whatever the template (unless two placeholders touch).
    #[test]
    fn values_read_numbers_back(i in 0usize..2000, value in "[1-9][0-9]{0,8}") {
        let all = templates_with_placeholders();
        let t = all[i % all.len()];
        if let Some(vals) = values(t, &fill_template(t, &value)) {
            for (_, v) in vals {
                prop_assert_eq!(v, value.clone());
            }
        }
    }

    /// A catalog template filled with one-word values, inside a JSON body, is found again.
    #[test]
    fn fill_round_trips(i in 0usize..2000, value in "[A-Za-z0-9][A-Za-z0-9_.-]{0,11}") {
        let all = templates_with_placeholders();
        let t = all[i % all.len()];
        let filled = fill_template(t, &value);
        let paste = format!(r#"okx {{"code":"1","msg":"{filled}","data":[]}}"#);
        prop_assert_eq!(fill_from_paste(t, &paste), Some(filled));
    }
}

#[test]
fn values_read_each_placeholder_and_fill_named_puts_them_in_another_template() {
    let en = "Order failed. Insufficient {param0} margin in account";
    let got = values(en, "Order failed. Insufficient USDT margin in account").unwrap();
    assert_eq!(got, vec![("param0", "USDT".to_string())]);
    assert_eq!(
        fill_named("委托失败，账户 {param0} 可用保证金不足", &got),
        "委托失败，账户 USDT 可用保证金不足"
    );
    // A closing full stop may be missing; several placeholders, each by name, in another order.
    let t = "Transfer {amt} {ccy} from ${from} failed.";
    let got = values(t, "Transfer 1.5 BTC from funding failed").unwrap();
    assert_eq!(
        got,
        vec![("amt", "1.5".into()), ("ccy", "BTC".into()), ("from", "funding".into())]
    );
    assert_eq!(
        fill_named("从 ${from} 划转 {ccy} {amt} 失败", &got),
        "从 funding 划转 BTC 1.5 失败"
    );
    // A placeholder with no value stays readable.
    assert_eq!(
        fill_named("{param1} 的 {param0} 错误", &[("param0", "posSide".into())]),
        "… 的 posSide 错误"
    );
    // Not the template's shape, touching placeholders, an empty value: no values.
    assert_eq!(values(en, "Order failed. Insufficient USDT balance in account"), None);
    assert_eq!(values("{a}{b} x", "12 x"), None);
    assert_eq!(values(en, "Order failed. Insufficient  margin in account"), None);
    assert_eq!(
        values("Parameter {param0} error", "Parameter posSide error, and more"),
        None
    );
    // A readable title ("…" for the value) gives "…" back, never a wrong value.
    let got = values(en, "Order failed. Insufficient … margin in account").unwrap();
    assert_eq!(
        fill_named("账户 {param0} 可用保证金不足", &got),
        "账户 … 可用保证金不足"
    );
}

/// Pieces for [`fill_never_panics_when_pieces_match`].
const PIECES: &[&str] = &[
    "{0}", "{param1}", "${ccy}", "{%max}", " ", "é", "’", "-", ".", "a", "ab", "\"", "'", "\n", "{", "}",
];

/// `t` with every placeholder replaced by `value`.
fn fill_template(t: &str, value: &str) -> String {
    let mut out = String::new();
    let mut rest = t;
    while let Some(i) = rest.find('{') {
        let dollar = rest[..i].ends_with('$');
        match rest[i..].find('}') {
            Some(j) if has_placeholder(&rest[i..=i + j]) => {
                out.push_str(&rest[..i - usize::from(dollar)]);
                out.push_str(value);
                rest = &rest[i + j + 1..];
            }
            _ => {
                out.push_str(&rest[..=i]);
                rest = &rest[i + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn code_segments_split_at_backtick_pairs() {
    use Segment::{Code, Text};
    assert_eq!(
        code_segments("Set `password` to the passphrase."),
        [Text("Set "), Code("password"), Text(" to the passphrase.")]
    );
    assert_eq!(code_segments("`a`"), [Code("a")]);
    assert_eq!(code_segments("plain"), [Text("plain")]);
    assert_eq!(code_segments(""), []);
    assert_eq!(code_segments("a ` b"), [Text("a ` b")]);
    assert_eq!(code_segments("empty `` pair"), [Text("empty `` pair")]);
    assert_eq!(code_segments("`x` and `y"), [Code("x"), Text(" and `y")]);
}

/// Joins segments back, with backticks around code.
fn join(segs: &[Segment<'_>]) -> String {
    segs.iter()
        .map(|s| match s {
            Segment::Text(t) => t.to_string(),
            Segment::Code(c) => format!("`{c}`"),
        })
        .collect()
}

proptest! {
    #[test]
    fn code_segments_give_the_text_back(text in "[a-z `]{0,40}") {
        prop_assert_eq!(join(&code_segments(&text)), text);
    }
}

#[test]
fn knowledge_base_backticks_are_balanced() {
    let mut texts: Vec<(String, &str)> = Vec::new();
    for i in kb::category_infos() {
        texts.push((i.category.id().to_string(), i.meaning));
        for c in i.causes {
            for t in [c.title, c.detail, c.confirm, c.fix, c.verify] {
                texts.push((format!("{}/{}", i.category.id(), c.id), t));
            }
        }
    }
    for i in kb::code_infos() {
        texts.push((i.code.to_string(), i.summary));
        for c in i.causes {
            for t in [c.title, c.detail, c.confirm, c.fix, c.verify] {
                texts.push((format!("{}/{}", i.code, c.id), t));
            }
        }
    }
    let mut code_spans = 0;
    for (owner, t) in texts {
        for s in code_segments(t) {
            match s {
                Segment::Text(x) => assert!(!x.contains('`'), "{owner}: unpaired backtick in {t:?}"),
                Segment::Code(_) => code_spans += 1,
            }
        }
    }
    assert!(code_spans > 5, "{code_spans}");
}
