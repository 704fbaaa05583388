//! Link-preview images: size, determinism, layout, fonts.
#![cfg(not(target_arch = "wasm32"))]

use okx_doctor::core::catalog;
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
    let png = og_png("50113", "Invalid signature.");
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
    let a = og_png("50113", "Invalid signature.");
    assert_eq!(a, og_png("50113", "Invalid signature."));
    assert_ne!(a, og_png("50111", "Invalid signature."));
    assert_ne!(a, og_png("50113", "Invalid OK-ACCESS-KEY."));
}

#[test]
fn long_messages_wrap_and_are_cut_with_an_ellipsis() {
    let (size, lines) = og::message_layout("Invalid signature.");
    assert_eq!(lines, ["Invalid signature."]);
    let long = catalog::get("51004").map(|e| readable(e.msg)).unwrap();
    let (small, lines) = og::message_layout(&long);
    assert!(lines.len() > 2, "{lines:?}");
    assert!(small < size);
    assert!(lines.last().unwrap().ends_with(" …"), "{lines:?}");
    // Nothing is lost before the cut.
    let joined = lines.join(" ");
    assert!(long.starts_with(joined.trim_end_matches(" …")), "{joined}");
    // One word wider than the image is cut into lines too.
    let (_, lines) = og::message_layout(&"x".repeat(200));
    assert!(lines.len() > 1);
    // No message: a fallback line.
    assert_eq!(og::message_layout("  ").1.len(), 1);
}

#[test]
fn the_fonts_cover_every_catalog_message() {
    for e in catalog::entries() {
        let text = format!("{} {}", e.code, readable(e.msg));
        assert!(
            og::missing_glyphs(&text).is_empty(),
            "{}: {:?}",
            e.code,
            og::missing_glyphs(&text)
        );
    }
    assert_eq!(og::missing_glyphs("错误"), ['误', '错']);
}

#[test]
fn the_largest_images_stay_small() {
    // The longest messages make the busiest images.
    let mut entries: Vec<_> = catalog::entries().iter().collect();
    entries.sort_by_key(|e| std::cmp::Reverse(e.msg.len() + e.code.len()));
    for e in entries.iter().take(3) {
        let n = og_png(e.code, &readable(e.msg)).len();
        assert!(n < MAX_BYTES, "{}: {n} bytes", e.code);
    }
}

#[test]
fn write_for_writes_one_file_per_code() {
    let root = std::env::temp_dir().join(format!("okx-doctor-og-test-{}", std::process::id()));
    let entries: Vec<catalog::Entry> = ["50113", "51008_1000", "4004"]
        .iter()
        .map(|c| *catalog::get(c).unwrap())
        .collect();
    let w = og::write_for(&root, &entries).unwrap();
    assert_eq!(w.files, 3);
    for e in &entries {
        let path = root.join(og::image_path(e.code));
        let png = std::fs::read(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
        assert_eq!(png_size(&png), (1200, 630));
    }
    assert_eq!(og::image_path("50113"), "og/50113.png");
    std::fs::remove_dir_all(&root).unwrap();
}
