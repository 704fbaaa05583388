//! The clock check's words: the one-sentence verdict in both languages for every band, the
//! Chinese durations and messages, the visitor's system from the user agent, the manual check,
//! and the island rendered natively in Chinese.
#![cfg(not(target_arch = "wasm32"))]

use leptos::prelude::*;
use okx_doctor::core::clock::*;
use okx_doctor::core::lang::Lang;
use okx_doctor::ui::clock::ClockCheck;
use okx_doctor::ui::env::Env;
use okx_doctor::ui::island::Island;

fn est(offset_ms: f64, uncertainty_ms: f64) -> Estimate {
    Estimate {
        offset_ms,
        uncertainty_ms,
        best_rtt_ms: 40.0,
        samples_used: 6,
        spread_ms: 3.0,
    }
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn the_verdict_is_one_plain_sentence() {
    let cases = [
        (
            120.0,
            20.0,
            "Your clock is on time — fine for OKX.",
            "你的系统时间是准的——对欧易来说没问题。",
        ),
        (
            1_800.0,
            20.0,
            "Your clock is 1.8 s fast — fine for OKX.",
            "你的系统时间快了 1.8 秒——对欧易来说没问题。",
        ),
        (
            -1_200.0,
            20.0,
            "Your clock is 1.2 s slow — fine for OKX.",
            "你的系统时间慢了 1.2 秒——对欧易来说没问题。",
        ),
        (
            -5_300.0,
            20.0,
            "Your clock is 5.3 s slow — OKX still accepts it, but it is drifting.",
            "你的系统时间慢了 5.3 秒——欧易目前还能接受，但时间在漂移。",
        ),
        (
            45_000.0,
            20.0,
            "Your clock is 45.0 s fast — too far off: OKX will refuse signed requests.",
            "你的系统时间快了 45.0 秒——偏差太大：欧易会拒绝签名请求。",
        ),
        (
            -7_260_000.0,
            20.0,
            "Your clock is 2 h 01 min slow — too far off: OKX will refuse signed requests.",
            "你的系统时间慢了 2 小时 01 分——偏差太大：欧易会拒绝签名请求。",
        ),
        (
            10_000.0,
            21_000.0,
            "Your clock is 10.0 s fast, give or take 21.0 s — too close to OKX's limit to be safe.",
            "你的系统时间快了 10.0 秒，误差 ±21.0 秒——离欧易的上限太近，不安全。",
        ),
    ];
    for (offset, unc, en, zh) in cases {
        let e = est(offset, unc);
        assert_eq!(verdict_sentence(&e, Lang::En), en);
        assert_eq!(verdict_sentence(&e, Lang::Zh), zh);
        // One sentence: a single full stop, at the end.
        assert_eq!(en.matches(". ").count(), 0, "{en}");
        assert_eq!(zh.matches('。').count(), 1, "{zh}");
    }
    // The verdict's words follow its band.
    assert!(verdict_sentence(&est(-31_000.0, 20.0), Lang::En).contains("refuse"));
    assert!(verdict_sentence(&est(3_000.0, 20.0), Lang::En).contains("drifting"));
}

#[test]
fn durations_and_headlines_in_chinese() {
    assert_eq!(format_duration(40.0, Lang::Zh), "40 毫秒");
    assert_eq!(format_duration(3_210.0, Lang::Zh), "3.2 秒");
    assert_eq!(format_duration(-65_000.0, Lang::Zh), "1 分 05 秒");
    assert_eq!(format_duration(7_200_000.0, Lang::Zh), "2 小时 00 分");
    assert_eq!(format_duration(f64::NAN, Lang::Zh), "未知时长");
    // English is unchanged.
    assert_eq!(format_duration(-65_000.0, Lang::En), "1 min 05 s");
    assert_eq!(
        describe(&est(3_200.0, 40.0), Lang::En),
        "Your clock is 3.2 s ahead of OKX (±40 ms)"
    );
    assert_eq!(
        describe(&est(3_200.0, 40.0), Lang::Zh),
        "你的系统时间比欧易快 3.2 秒（±40 毫秒）"
    );
    assert_eq!(
        describe(&est(-3_200.0, 40.0), Lang::Zh),
        "你的系统时间比欧易慢 3.2 秒（±40 毫秒）"
    );
    assert!(describe(&est(-120.0, 40.0), Lang::Zh).starts_with("你的系统时间与欧易同步"));
    let tz = timezone_hint(-8.0 * 3_600_000.0).unwrap();
    assert!(tz.message(Lang::En).contains("8 h 00 min behind OKX"));
    assert!(tz.message(Lang::Zh).starts_with("系统时间比欧易慢了约 8 小时 00 分"));
    for v in [Verdict::Fine, Verdict::Drifting, Verdict::WillBeRejected] {
        assert!(has_cjk(v.label(Lang::Zh)) && has_cjk(v.explanation(Lang::Zh)));
        assert!(!has_cjk(v.explanation(Lang::En)));
    }
}

#[test]
fn every_message_has_its_chinese() {
    let errs = [
        ClockError::Timeout { after_ms: 2000 },
        ClockError::ConnectionRefused,
        ClockError::Network("dns".into()),
        ClockError::Cors,
        ClockError::HttpStatus(429),
        ClockError::NotJson {
            snippet: "<html>".into(),
        },
        ClockError::MissingTs,
        ClockError::OkxCode {
            code: "50011".into(),
            msg: "Too Many Requests".into(),
        },
        ClockError::BadTs("soon".into()),
        ClockError::WebSocket("x".into()),
        ClockError::NoUsableSamples,
    ];
    for e in &errs {
        let (en, zh) = (e.message(Lang::En), e.message(Lang::Zh));
        assert!(has_cjk(&zh) && !has_cjk(&en), "{en} / {zh}");
        assert_eq!(e.to_string(), en, "Display stays English");
    }
    assert_eq!(
        ClockError::Timeout { after_ms: 2000 }.message(Lang::Zh),
        "时间服务器在 2.0 秒内没有应答。可能是网络慢、防火墙或代理拦住了请求，或者从这里连不上该主机。"
    );
    assert!(ClockError::HttpStatus(429)
        .message(Lang::Zh)
        .contains("HTTP 429（请求过于频繁：等几秒再试）"));
    for h in Host::ALL {
        assert!(has_cjk(h.label(Lang::Zh)), "{:?}", h);
    }
    for os in Os::ALL {
        assert!(has_cjk(os.steps(Lang::Zh)) && !has_cjk(os.steps(Lang::En)), "{os:?}");
        for c in os.commands(Lang::Zh) {
            assert!(has_cjk(c.note) && !has_cjk(c.command), "{os:?}: {c:?}");
        }
    }
    for l in Library::ALL {
        assert!(has_cjk(l.advice(Lang::Zh)), "{l:?}");
    }
    let refused = validate_base_url_param("http://evil.example").unwrap_err();
    assert_eq!(refused.message(Lang::En), "host must be localhost, 127.x.x.x or [::1]");
    assert!(has_cjk(refused.message(Lang::Zh)));
    assert_eq!(spaced_in_chinese("macOS"), " macOS ");
    assert_eq!(spaced_in_chinese("Docker 容器"), " Docker 容器");
}

#[test]
fn the_visitors_system_from_the_user_agent() {
    let cases = [
        ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", Some(Os::Windows)),
        ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15", Some(Os::MacOs)),
        ("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36", Some(Os::Linux)),
        ("Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0", Some(Os::Linux)),
        ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36", Some(Os::Android)),
        ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1", Some(Os::Ios)),
        ("Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", None),
        ("", None),
    ];
    for (ua, os) in cases {
        assert_eq!(Os::from_user_agent(ua), os, "{ua}");
    }
    assert_eq!(Shell::of(Some(Os::Windows)), Shell::PowerShell);
    assert_eq!(Shell::of(Some(Os::MacOs)), Shell::Posix);
    assert_eq!(Shell::of(None), Shell::Posix);
}

#[test]
fn the_manual_check_prints_the_difference_itself() {
    let posix = manual_check_command(Host::Eea, Shell::Posix);
    assert_eq!(
        posix,
        "ts=$(curl -s https://eea.okx.com/api/v5/public/time | grep -o '[0-9]\\{13\\}'); \
         printf '%+d s\\n' $(( $(date +%s) - ts / 1000 ))"
    );
    let ps = manual_check_command(Host::Global, Shell::PowerShell);
    assert!(ps.starts_with("$ts = (Invoke-RestMethod https://www.okx.com/api/v5/public/time).data[0].ts;"));
    assert!(ps.contains("'{0:+0;-0} s' -f [math]::Round("), "{ps}");
    assert!(has_cjk(manual_check_note(Lang::Zh)));
}

fn render(compact: bool, lang: Lang) -> String {
    let owner = Owner::new();
    owner.with(|| {
        provide_context(Env::default().with_lang(lang));
        ClockCheck { compact }.render().to_html()
    })
}

#[test]
fn the_island_reads_in_chinese() {
    for compact in [false, true] {
        let html = render(compact, Lang::Zh);
        for want in [
            "欧易站点",
            "再检查一次",
            "准备就绪。",
            "全球站（www.okx.com）",
            "欧洲经济区（my.okx.com 账户）",
        ] {
            assert!(html.contains(want), "missing {want:?} in {html}");
        }
        for english in ["OKX region", "Check again", "Ready.", "Global (", "accounts)"] {
            assert!(!html.contains(english), "English {english:?} in {html}");
        }
        // The live region that will read the verdict is there from the start, empty.
        assert!(
            html.contains("aria-live=\"polite\" data-testid=\"clock-announce\""),
            "{html}"
        );
    }
    let en = render(false, Lang::En);
    assert!(en.contains("OKX region") && en.contains("Check again") && en.contains("Global (www.okx.com)"));
}
