//! Link-preview images (Open Graph / Twitter cards) for the error pages: 1200×630 PNG, light
//! theme, with the brand, the code and its readable message. Drawn at build time with
//! `ab_glyph` (glyph outlines and coverage) into an indexed-colour buffer, encoded with `png`;
//! no network, no system fonts: DejaVu Sans subsets are embedded (`data/fonts/`).
//!
//! Path convention: the image of `/e/<code>/` is `og/<code>.png` under the site root
//! ([`image_path`]), written for every catalog entry by [`write_all`].

use crate::core::catalog;
use crate::core::template::readable;
use ab_glyph::{point, Font, FontRef, PxScale, ScaleFont};
use std::path::Path;

/// Image size recommended for `og:image` by Facebook and for `summary_large_image` by X (1.91:1).
pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

const REGULAR: &[u8] = include_bytes!("../../data/fonts/DejaVuSans-subset.ttf");
const BOLD: &[u8] = include_bytes!("../../data/fonts/DejaVuSans-Bold-subset.ttf");

/// Light theme colours (RGB): the page background, body text, secondary text and the accent
/// (the site's light-theme blue).
const BACKGROUND: [u8; 3] = [0xff, 0xff, 0xff];
const INK: [u8; 3] = [0x11, 0x18, 0x27];
const MUTED: [u8; 3] = [0x4b, 0x55, 0x63];
const ACCENT: [u8; 3] = [0x1d, 0x4e, 0xd8];

/// Ink colours, in palette order after the background.
const INKS: [[u8; 3]; 3] = [INK, MUTED, ACCENT];

/// Coverage levels per ink colour (anti-aliasing steps): with 5, the palette has 16 entries and
/// the image is stored with 4 bits per pixel (about 15% smaller than 15 steps at 8 bits, and
/// still smooth at these text sizes).
const LEVELS: u8 = 5;

/// Left and right margin, in pixels.
const MARGIN: f32 = 80.0;

/// A fixed line of text: its words, font size and baseline (pixels from the top).
struct Label {
    text: &'static str,
    size: f32,
    baseline: f32,
}

/// The brand at the top left, the kind of page at the top right, a footer at the bottom left.
const BRAND: Label = Label {
    text: "okx-doctor",
    size: 40.0,
    baseline: 100.0,
};
const KICKER: Label = Label {
    text: "OKX API v5 error",
    size: 30.0,
    baseline: 100.0,
};
const FOOTER: Label = Label {
    text: "What it means, likely causes and the fix",
    size: 28.0,
    baseline: 596.0,
};

/// Height of the accent strip along the bottom edge.
const STRIP_HEIGHT: u32 = 12;

/// The code.
const CODE_SIZE: f32 = 120.0;
const CODE_BASELINE: f32 = 250.0;

/// The message: the largest of these sizes at which it fits between [`MESSAGE_TOP`] and
/// [`MESSAGE_BOTTOM`], else the smallest, cut with an ellipsis.
const MESSAGE_SIZES: [f32; 4] = [54.0, 48.0, 42.0, 36.0];
const MESSAGE_TOP: f32 = 300.0;
const MESSAGE_BOTTOM: f32 = 545.0;
const LINE_HEIGHT: f32 = 1.25;

/// Shown when an entry has no message (code 0).
const NO_MESSAGE: &str = "OKX API v5 error code";

/// Where the image of `code`'s page lives, relative to the site root: `og/<code>.png`.
pub fn image_path(code: &str) -> String {
    format!("og/{code}.png")
}

/// An indexed-colour canvas: one palette index per pixel.
struct Canvas {
    px: Vec<u8>,
}

/// Palette index of `ink` (0..3) at coverage `level` (1..=LEVELS); 0 is the background.
fn index(ink: usize, level: u8) -> u8 {
    1 + ink as u8 * LEVELS + (level - 1)
}

/// The palette: background, then each ink blended over the background at each level.
fn palette() -> Vec<u8> {
    let mut p = BACKGROUND.to_vec();
    for ink in INKS {
        for level in 1..=LEVELS {
            let a = f32::from(level) / f32::from(LEVELS);
            for ch in 0..3 {
                let v = f32::from(BACKGROUND[ch]) * (1.0 - a) + f32::from(ink[ch]) * a;
                p.push(v.round() as u8);
            }
        }
    }
    p
}

impl Canvas {
    fn new() -> Canvas {
        Canvas {
            px: vec![0; (WIDTH * HEIGHT) as usize],
        }
    }

    /// Sets pixel (x, y) to `ink` at `coverage` (0..=1), keeping the stronger of two overlaps.
    /// Cheap tests first: it runs for every pixel of every glyph's box, mostly with coverage 0.
    fn blend(&mut self, x: i64, y: i64, ink: usize, coverage: f32) {
        // `as u8` saturates: negative and NaN give 0.
        let level = (coverage * f32::from(LEVELS) + 0.5) as u8;
        if level == 0 || x < 0 || y < 0 || x >= i64::from(WIDTH) || y >= i64::from(HEIGHT) {
            return;
        }
        let i = y as usize * WIDTH as usize + x as usize;
        let new = index(ink, level.min(LEVELS));
        let old = self.px[i];
        if old == 0 || (old - 1) / LEVELS != ink as u8 || new > old {
            self.px[i] = new;
        }
    }

    fn fill_rect(&mut self, x0: u32, y0: u32, w: u32, h: u32, ink: usize) {
        for y in y0..(y0 + h).min(HEIGHT) {
            for x in x0..(x0 + w).min(WIDTH) {
                self.blend(i64::from(x), i64::from(y), ink, 1.0);
            }
        }
    }

    /// Draws one line of `text` with its left end at `x` and its baseline at `baseline`.
    fn text(&mut self, font: &FontRef<'_>, size: f32, x: f32, baseline: f32, text: &str, ink: usize) {
        let scaled = font.as_scaled(PxScale::from(size));
        let mut caret = x;
        let mut prev = None;
        for ch in text.chars() {
            let id = scaled.glyph_id(ch);
            if let Some(p) = prev {
                caret += scaled.kern(p, id);
            }
            let glyph = id.with_scale_and_position(size, point(caret, baseline));
            caret += scaled.h_advance(id);
            prev = Some(id);
            if let Some(outline) = font.outline_glyph(glyph) {
                let b = outline.px_bounds();
                outline.draw(|gx, gy, c| {
                    self.blend(b.min.x as i64 + i64::from(gx), b.min.y as i64 + i64::from(gy), ink, c);
                });
            }
        }
    }

    /// The pixels at 4 bits each, two to a byte (PNG's layout; rows need no padding because
    /// [`WIDTH`] is even). A plain loop: the generator runs unoptimised, where iterator chains
    /// over the 756,000 pixels cost tens of milliseconds per image.
    fn packed(&self) -> Vec<u8> {
        const _: () = assert!(WIDTH.is_multiple_of(2));
        let mut out = vec![0u8; self.px.len() / 2];
        for (i, byte) in out.iter_mut().enumerate() {
            *byte = self.px[2 * i] << 4 | self.px[2 * i + 1];
        }
        out
    }

    /// Encodes the canvas as a 4-bit indexed PNG (no timestamp: the same input gives the same
    /// bytes).
    fn png(&self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut enc = png::Encoder::new(&mut out, WIDTH, HEIGHT);
        enc.set_color(png::ColorType::Indexed);
        enc.set_depth(png::BitDepth::Four);
        enc.set_palette(palette());
        // Filters do not help indexed images; maximum deflate effort keeps each image small.
        enc.set_filter(png::Filter::NoFilter);
        enc.set_compression(png::Compression::Balanced);
        let mut w = enc.write_header().expect("PNG header to a Vec");
        w.write_image_data(&self.packed()).expect("PNG data to a Vec");
        w.finish().expect("PNG end to a Vec");
        out
    }
}

/// Width in pixels of `text` in `font` at `size`.
fn width(font: &FontRef<'_>, size: f32, text: &str) -> f32 {
    let scaled = font.as_scaled(PxScale::from(size));
    let mut w = 0.0;
    let mut prev = None;
    for ch in text.chars() {
        let id = scaled.glyph_id(ch);
        if let Some(p) = prev {
            w += scaled.kern(p, id);
        }
        w += scaled.h_advance(id);
        prev = Some(id);
    }
    w
}

/// `text` broken into lines no wider than `max` (greedy, at spaces; a word wider than a line is
/// cut between characters).
fn wrap(font: &FontRef<'_>, size: f32, text: &str, max: f32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if width(font, size, &candidate) <= max {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // The word alone: cut it while it is too wide.
        let mut rest = word.to_string();
        while width(font, size, &rest) > max {
            let cut = (1..rest.len())
                .rev()
                .filter(|&i| rest.is_char_boundary(i))
                .find(|&i| width(font, size, &rest[..i]) <= max)
                .unwrap_or_else(|| rest.chars().next().map_or(rest.len(), char::len_utf8));
            lines.push(rest[..cut].to_string());
            rest = rest[cut..].to_string();
        }
        line = rest;
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// `lines` cut to `n`, the last one ending in "…" when text was left out.
fn clip(font: &FontRef<'_>, size: f32, mut lines: Vec<String>, n: usize, max: f32) -> Vec<String> {
    if lines.len() <= n {
        return lines;
    }
    lines.truncate(n);
    if let Some(last) = lines.last_mut() {
        let mut s = last.trim_end().to_string();
        // Drop whole words (characters only from a single word) until the ellipsis fits.
        while !s.is_empty() && width(font, size, &format!("{s} …")) > max {
            match s.rfind(' ') {
                Some(i) => s.truncate(i),
                None => {
                    s.pop();
                }
            }
        }
        *last = format!("{} …", s.trim_end());
    }
    lines
}

/// How many message lines fit at `size`.
fn lines_at(size: f32) -> usize {
    ((MESSAGE_BOTTOM - MESSAGE_TOP) / (size * LINE_HEIGHT)).floor() as usize
}

/// The message laid out: font size and lines.
pub fn message_layout(title: &str) -> (f32, Vec<String>) {
    let font = FontRef::try_from_slice(REGULAR).expect("embedded font");
    let max = WIDTH as f32 - 2.0 * MARGIN;
    let title = if title.trim().is_empty() {
        NO_MESSAGE
    } else {
        title.trim()
    };
    for size in MESSAGE_SIZES {
        let lines = wrap(&font, size, title, max);
        if lines.len() <= lines_at(size) {
            return (size, lines);
        }
    }
    let size = MESSAGE_SIZES[MESSAGE_SIZES.len() - 1];
    let lines = wrap(&font, size, title, max);
    (size, clip(&font, size, lines, lines_at(size), max))
}

/// The link-preview image of an error page: `code` large, `title` (the readable message, see
/// [`crate::core::template::readable`]) wrapped below it, the brand above. A 1200×630 PNG.
pub fn og_png(code: &str, title: &str) -> Vec<u8> {
    let regular = FontRef::try_from_slice(REGULAR).expect("embedded font");
    let bold = FontRef::try_from_slice(BOLD).expect("embedded font");
    let mut c = Canvas::new();
    let (ink, muted, accent) = (0, 1, 2);
    c.text(&bold, BRAND.size, MARGIN, BRAND.baseline, BRAND.text, accent);
    let kicker_x = WIDTH as f32 - MARGIN - width(&regular, KICKER.size, KICKER.text);
    c.text(&regular, KICKER.size, kicker_x, KICKER.baseline, KICKER.text, muted);
    let max = WIDTH as f32 - 2.0 * MARGIN;
    let code_line = clip(&bold, CODE_SIZE, wrap(&bold, CODE_SIZE, code, max), 1, max);
    c.text(
        &bold,
        CODE_SIZE,
        MARGIN,
        CODE_BASELINE,
        code_line.first().map_or("", String::as_str),
        ink,
    );
    let (size, lines) = message_layout(title);
    for (i, line) in lines.iter().enumerate() {
        let baseline = MESSAGE_TOP + size * (1.0 + LINE_HEIGHT * i as f32);
        c.text(&regular, size, MARGIN, baseline, line, ink);
    }
    c.text(&regular, FOOTER.size, MARGIN, FOOTER.baseline, FOOTER.text, muted);
    c.fill_rect(0, HEIGHT - STRIP_HEIGHT, WIDTH, STRIP_HEIGHT, accent);
    c.png()
}

/// What [`write_all`] wrote.
#[derive(Debug, Clone, Copy, Default)]
pub struct Written {
    pub files: usize,
    pub bytes: u64,
    pub largest: u64,
}

/// The characters of `text` that the embedded fonts cannot draw (they would show as a box).
pub fn missing_glyphs(text: &str) -> Vec<char> {
    let fonts = [REGULAR, BOLD].map(|f| FontRef::try_from_slice(f).expect("embedded font"));
    let mut out: Vec<char> = text
        .chars()
        .filter(|c| !c.is_whitespace() && fonts.iter().any(|f| f.glyph_id(*c).0 == 0))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Writes `og/<code>.png` under `root` for every catalog entry (title: its readable message),
/// on all cores.
pub fn write_all(root: &Path) -> std::io::Result<Written> {
    write_for(root, catalog::entries())
}

/// [`write_all`] for some entries.
pub fn write_for(root: &Path, entries: &[catalog::Entry]) -> std::io::Result<Written> {
    let dir = root.join("og");
    std::fs::create_dir_all(&dir)?;
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let chunk = entries.len().div_ceil(threads).max(1);
    let results: Vec<std::io::Result<Written>> = std::thread::scope(|s| {
        let handles: Vec<_> = entries
            .chunks(chunk)
            .map(|part| {
                let dir = &dir;
                s.spawn(move || {
                    let mut w = Written::default();
                    for e in part {
                        if !e
                            .code
                            .bytes()
                            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
                        {
                            let msg = format!("code {:?} is not a safe file name", e.code);
                            return Err(std::io::Error::other(msg));
                        }
                        let png = og_png(e.code, &readable(e.msg));
                        std::fs::write(dir.join(format!("{}.png", e.code)), &png)?;
                        w.files += 1;
                        w.bytes += png.len() as u64;
                        w.largest = w.largest.max(png.len() as u64);
                    }
                    Ok(w)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().expect("og worker")).collect()
    });
    let mut total = Written::default();
    for r in results {
        let w = r?;
        total.files += w.files;
        total.bytes += w.bytes;
        total.largest = total.largest.max(w.largest);
    }
    Ok(total)
}
