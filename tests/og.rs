//! Link-preview images: size, determinism, layout, fonts, in English and Chinese.
#![cfg(not(target_arch = "wasm32"))]

use okx_doctor::core::catalog;
use okx_doctor::core::lang::Lang::{self, En, Zh};
use okx_doctor::core::pages::shown_message;
use okx_doctor::core::template::readable;
use okx_doctor::site::og::{self, og_png, HEIGHT, WIDTH};

/// Each image must stay under this many bytes (about 1,100 of them are published).
const MAX_BYTES: usize = 40 * 1024;

/// Width and height from the IHDR chunk, after checking the PNG signature.
fn png_size(png: &[u8]) -> (u32, u32) {
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "PNG signature");
    assert_eq!(&png[12..16], b"IHDR");
    let be = |i: usize| u32::from_be_bytes(png[i..i + 4].try_into().unwrap());
    (be(16), be(20))
}

#[test]
fn image_is_a_1200_by_630_png() {
    let png = og_png(En, "50113", "Invalid signature.");
    assert_eq!(png_size(&png), (1200, 630));
    assert_eq!((WIDTH, HEIGHT), (1200, 630));
    // And it decodes, as a palette image.
    let dec = png::Decoder::new(std::io::Cursor::new(&png));
    let mut reader = dec.read_info().expect("valid PNG");
    let info = reader.info();
    assert_eq!((info.width, info.height), (1200, 630));
    assert_eq!(info.color_type, png::ColorType::Indexed);
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    reader.next_frame(&mut buf).expect("pixel data");
    assert!(png.len() < MAX_BYTES, "{} bytes", png.len());
}

#[test]
fn output_is_deterministic_and_depends_on_the_code() {
    let a = og_png(En, "50113", "Invalid signature.");
    assert_eq!(a, og_png(En, "50113", "Invalid signature."));
    assert_ne!(a, og_png(En, "50111", "Invalid signature."));
    assert_ne!(a, og_png(En, "50113", "Invalid OK-ACCESS-KEY."));
}

#[test]
fn long_messages_wrap_and_are_cut_with_an_ellipsis() {
    let (size, lines) = og::message_layout(En, "Invalid signature.");
    assert_eq!(lines, ["Invalid signature."]);
    let long = catalog::get("51004").map(|e| readable(e.msg)).unwrap();
    let (small, lines) = og::message_layout(En, &long);
    assert!(lines.len() > 2, "{lines:?}");
    assert!(small < size);
    assert!(lines.last().unwrap().ends_with(" …"), "{lines:?}");
    // Nothing is lost before the cut.
    let joined = lines.join(" ");
    assert!(long.starts_with(joined.trim_end_matches(" …")), "{joined}");
    // One word wider than the image is cut into lines too.
    let (_, lines) = og::message_layout(En, &"x".repeat(200));
    assert!(lines.len() > 1);
    // No message: a fallback line.
    assert_eq!(og::message_layout(En, "  ").1.len(), 1);
    assert_eq!(og::message_layout(Zh, "  ").1, ["欧易（OKX）API v5 错误码"]);
}

#[test]
fn the_fonts_cover_every_character_the_images_draw() {
    for lang in [En, Zh] {
        let texts = og::texts(lang);
        // The labels, then a code and a message per entry.
        assert_eq!(texts.len(), 4 + 2 * catalog::entries().len());
        let missing = og::missing_glyphs(&texts.join(" "));
        assert!(
            missing.is_empty(),
            "{lang:?} images: the fonts have no glyph for {} ({missing:?}); re-run tools/subset-cjk-font.sh",
            missing.iter().collect::<String>(),
        );
    }
    // The Chinese texts are OKX's Chinese messages and our Chinese labels.
    let zh = og::texts(Zh).join(" ");
    assert!(zh.contains("无效的签名") && zh.contains("含义、可能原因与解决办法"));
    // The check sees a character neither font has.
    assert_eq!(og::missing_glyphs("签名龘"), ['龘']);
    // The CJK subset holds what the Chinese images need beyond DejaVu, and it is small.
    let need = og::cjk_chars();
    assert!(need.contains('签') && need.contains('，') && !need.contains('A'));
    let size = std::fs::metadata(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/fonts/NotoSansCJKsc-Regular-subset.otf"
    ))
    .unwrap()
    .len();
    assert!(size < 400 * 1024, "CJK subset is {size} bytes");
}

/// The decoded palette indexes of a PNG made by `og_png` (0 is the background).
fn pixels(png: &[u8]) -> Vec<u8> {
    let mut dec = png::Decoder::new(std::io::Cursor::new(png));
    dec.set_transformations(png::Transformations::IDENTITY);
    let mut reader = dec.read_info().expect("valid PNG");
    let mut packed = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut packed).expect("pixel data");
    assert_eq!((info.width, info.height), (WIDTH, HEIGHT));
    assert_eq!(info.bit_depth, png::BitDepth::Four);
    packed.iter().flat_map(|b| [b >> 4, b & 0x0f]).collect()
}

/// The bounding box (left, top, right, bottom, inclusive) of the pixels where two images differ.
fn diff_bounds(a: &[u8], b: &[u8]) -> Option<[u32; 4]> {
    let (pa, pb) = (pixels(a), pixels(b));
    let mut bounds: Option<[u32; 4]> = None;
    for (i, _) in pa.iter().zip(&pb).enumerate().filter(|(_, (x, y))| x != y) {
        let (x, y) = (i as u32 % WIDTH, i as u32 / WIDTH);
        let b = bounds.get_or_insert([x, y, x, y]);
        *b = [b[0].min(x), b[1].min(y), b[2].max(x), b[3].max(y)];
    }
    bounds
}

/// Entries' messages on the Chinese pages, longest first.
fn zh_messages_longest_first() -> Vec<(&'static str, String)> {
    let mut v: Vec<(&'static str, String)> = catalog::entries()
        .iter()
        .filter(|e| catalog::msg_zh(e).is_some_and(|m| !m.trim().is_empty()))
        .map(|e| (e.code, shown_message(e, Zh)))
        .collect();
    v.sort_by_key(|(_, m)| std::cmp::Reverse(m.chars().count()));
    v
}

#[test]
fn a_chinese_image_is_its_own_png() {
    let e = catalog::get("50113").unwrap();
    let (en, zh) = (shown_message(e, En), shown_message(e, Zh));
    assert_eq!(zh, "无效的签名", "OKX's Chinese message");
    let zh_png = og_png(Zh, "50113", &zh);
    assert_eq!(png_size(&zh_png), (1200, 630));
    assert_eq!(pixels(&zh_png).len(), (WIDTH * HEIGHT) as usize);
    assert!(zh_png.len() < MAX_BYTES, "{} bytes", zh_png.len());
    assert_ne!(zh_png, og_png(En, "50113", &en));
    // The labels are Chinese too: the same message under English labels is another image.
    assert_ne!(zh_png, og_png(En, "50113", &zh));
    // The Chinese message is drawn, not left blank: five characters at the message size (54 px)
    // make ink about 230 px wide where a message "x" makes 30.
    let [x0, _, x1, _] = diff_bounds(&zh_png, &og_png(Zh, "50113", "x")).expect("message ink");
    assert!(x1 - x0 > 150, "message ink {x0}..{x1}");
    // A code without an official Chinese message shows the English one.
    let no_zh = catalog::entries()
        .iter()
        .find(|e| !e.msg.trim().is_empty() && catalog::msg_zh(e).is_none())
        .expect("a code OKX publishes no Chinese message for");
    assert_eq!(shown_message(no_zh, Zh), readable(no_zh.msg));
    assert!(og::texts(Zh).contains(&readable(no_zh.msg)));
}

/// Characters a line must not start with (closing punctuation).
const CLOSING: &str = "，。、；：！？）】」』》”’,.;:!?)";

#[test]
fn long_chinese_messages_wrap_inside_the_message_box() {
    let [left, top, right, bottom] = og::message_box();
    let long = zh_messages_longest_first();
    // The longest messages are cut; the next are whole, on several lines.
    for (code, msg) in long.iter().take(40) {
        let (size, lines) = og::message_layout(Zh, msg);
        assert!(lines.len() > 1, "{code}: {lines:?}");
        for l in &lines {
            let first = l.chars().next().unwrap();
            assert!(
                !CLOSING.contains(first),
                "{code}: a line starts with {first:?}: {lines:?}"
            );
        }
        // Nothing is lost or reordered before a cut; breaks drop only spaces.
        let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        let joined = squeeze(&lines.concat());
        let shown = joined.trim_end_matches('…');
        assert!(squeeze(msg).starts_with(shown), "{code}: {lines:?}");
        assert!(shown.chars().count() > 20, "{code}: {lines:?}");
        // The ink stays in the box.
        let png = og_png(Zh, code, msg);
        let [x0, y0, x1, y1] = diff_bounds(&png, &og_png(Zh, code, "x")).expect("message ink");
        assert!(x0 as f32 >= left && x1 as f32 <= right, "{code}: ink x {x0}..{x1}");
        assert!(y0 as f32 >= top && y1 as f32 <= bottom, "{code}: ink y {y0}..{y1}");
        // Several lines of ink, using the width.
        assert!(
            (y1 - y0) as f32 > size * (lines.len() - 1) as f32,
            "{code}: ink y {y0}..{y1}"
        );
        assert!(x1 as f32 > (left + right) / 2.0, "{code}: ink ends at x {x1}");
    }
    // The longest of them (51004_1113) are cut with an ellipsis, never after a comma.
    let cut: Vec<Vec<String>> = long
        .iter()
        .take(40)
        .map(|(_, m)| og::message_layout(Zh, m).1)
        .filter(|lines| lines.last().is_some_and(|l| l.ends_with('…')))
        .collect();
    assert!(!cut.is_empty());
    for lines in cut {
        assert!(!lines.last().unwrap().ends_with("，…"), "{lines:?}");
    }
}

#[test]
fn chinese_text_breaks_between_characters_and_keeps_latin_words_whole() {
    // Chinese around a long Latin word: breaks fall between CJK characters, never inside the word.
    let text = format!("{}OK-ACCESS-PASSPHRASE{}", "签名错误，".repeat(8), "请检查".repeat(6));
    let (_, lines) = og::message_layout(Zh, &text);
    assert!(lines.len() > 1, "{lines:?}");
    assert!(lines.iter().any(|l| l.contains("OK-ACCESS-PASSPHRASE")), "{lines:?}");
    assert!(lines.iter().all(|l| !l.starts_with('，')), "{lines:?}");
    assert_eq!(lines.concat(), text);
}

#[test]
fn the_largest_images_stay_small() {
    // The longest messages make the busiest images.
    let mut entries: Vec<_> = catalog::entries().iter().collect();
    entries.sort_by_key(|e| std::cmp::Reverse(e.msg.len() + e.code.len()));
    for e in entries.iter().take(3) {
        let n = og_png(En, e.code, &readable(e.msg)).len();
        assert!(n < MAX_BYTES, "{}: {n} bytes", e.code);
    }
    for (code, msg) in zh_messages_longest_first().iter().take(3) {
        let n = og_png(Zh, code, msg).len();
        assert!(n < MAX_BYTES, "{code}: {n} bytes");
    }
}

#[test]
fn write_for_writes_one_file_per_code() {
    let root = std::env::temp_dir().join(format!("okx-doctor-og-test-{}", std::process::id()));
    let entries: Vec<catalog::Entry> = ["50113", "51008_1000", "4004"]
        .iter()
        .map(|c| *catalog::get(c).unwrap())
        .collect();
    for lang in [En, Zh] {
        let w = og::write_for(&root, lang, &entries).unwrap();
        assert_eq!(w.files, 3);
        for e in &entries {
            let path = root.join(og::image_path(lang, e.code));
            let png = std::fs::read(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
            assert_eq!(png_size(&png), (1200, 630));
            assert_eq!(png, og_png(lang, e.code, &shown_message(e, lang)));
        }
    }
    assert_eq!(og::image_path(En, "50113"), "og/50113.png");
    assert_eq!(og::image_path(Zh, "50113"), "zh/og/50113.png");
    let read = |l: Lang| std::fs::read(root.join(og::image_path(l, "50113"))).unwrap();
    assert_ne!(read(En), read(Zh));
    std::fs::remove_dir_all(&root).unwrap();
}
