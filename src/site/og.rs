//! Link-preview images (Open Graph / Twitter cards) for the error pages: 1200×630 PNG, light
//! theme, with the brand, the code and its message in the page's language. Drawn at build time
//! with `ab_glyph` (glyph outlines and coverage) into an indexed-colour buffer, encoded with
//! `png`; no network, no system fonts: subsets of DejaVu Sans (Latin) and Noto Sans CJK SC
//! (Chinese) are embedded (`data/fonts/`), and each character is drawn with the first of them
//! that has it.
//!
//! Path convention: the image of `/e/<code>/` is `og/<code>.png` under the site root, that of
//! `/zh/e/<code>/` is `zh/og/<code>.png` ([`image_path`]), written for every catalog entry in both
//! languages by [`write_all`].

use crate::core::catalog;
use crate::core::lang::Lang;
use crate::core::pages::shown_message;
use crate::t;
use ab_glyph::{point, Font, FontRef, GlyphId, PxScale, ScaleFont};
use std::path::Path;

/// Image size recommended for `og:image` by Facebook and for `summary_large_image` by X (1.91:1).
pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

const REGULAR: &[u8] = include_bytes!("../../data/fonts/DejaVuSans-subset.ttf");
const BOLD: &[u8] = include_bytes!("../../data/fonts/DejaVuSans-Bold-subset.ttf");
/// Chinese characters and full-width punctuation, for regular and bold text alike (only Latin
/// text, the brand and the code, is bold). Cut to the characters the Chinese images draw by
/// `tools/subset-cjk-font.sh` (see `data/fonts/README.md`).
const CJK: &[u8] = include_bytes!("../../data/fonts/NotoSansCJKsc-Regular-subset.otf");

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

/// A fixed line of text: its words in a language, font size and baseline (pixels from the top).
struct Label {
    text: fn(Lang) -> &'static str,
    size: f32,
    baseline: f32,
}

/// The brand at the top left, the kind of page at the top right, a footer at the bottom left.
const BRAND: Label = Label {
    text: |_| "okx-doctor",
    size: 40.0,
    baseline: 100.0,
};
const KICKER: Label = Label {
    text: |lang| t!(lang, "OKX API v5 error", "欧易（OKX）API v5 错误码"),
    size: 30.0,
    baseline: 100.0,
};
const FOOTER: Label = Label {
    text: |lang| {
        t!(
            lang,
            "What it means, likely causes and the fix",
            "含义、可能原因与解决办法"
        )
    },
    size: 28.0,
    baseline: 596.0,
};

/// Shown when an entry has no message (code 0).
fn no_message(lang: Lang) -> &'static str {
    t!(lang, "OKX API v5 error code", "欧易（OKX）API v5 错误码")
}

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

/// Where the image of `code`'s page in `lang` lives, relative to the site root: `og/<code>.png`,
/// under the language's prefix (`zh/og/<code>.png`).
pub fn image_path(lang: Lang, code: &str) -> String {
    format!("{}/{code}.png", image_dir(lang))
}

/// The directory of the images of the pages in `lang`, relative to the site root.
pub fn image_dir(lang: Lang) -> String {
    format!("{}og", lang.prefix())
}

/// Fonts in fallback order: each character is drawn with the first that has a glyph for it
/// (DejaVu for Latin, Noto Sans CJK for Chinese), each scaled to the same em size.
struct Fonts {
    faces: Vec<(FontRef<'static>, f32)>,
}

impl Fonts {
    /// `first` (DejaVu Sans regular or bold), then the CJK font.
    fn new(first: &'static [u8]) -> Fonts {
        let faces: Vec<FontRef<'static>> = [first, CJK]
            .iter()
            .map(|f| FontRef::try_from_slice(f).expect("embedded font"))
            .collect();
        // `PxScale` sets a font's height (ascent − descent), which is a different multiple of
        // the em in each font (DejaVu 1.16, Noto Sans CJK 1.45): scale each so that their ems
        // match the first font's. The first keeps factor 1, so Latin-only images are unchanged.
        let em_per_height = |f: &FontRef<'_>| f.units_per_em().unwrap_or(1000.0) / f.height_unscaled();
        let base = em_per_height(&faces[0]);
        Fonts {
            faces: faces
                .into_iter()
                .map(|f| {
                    let factor = base / em_per_height(&f);
                    (f, factor)
                })
                .collect(),
        }
    }

    /// The font (index) and glyph that draw `ch`; the first font's missing-glyph box when none has it.
    fn glyph(&self, ch: char) -> (usize, GlyphId) {
        self.faces
            .iter()
            .enumerate()
            .map(|(i, (f, _))| (i, f.glyph_id(ch)))
            .find(|(_, id)| id.0 != 0)
            .unwrap_or((0, GlyphId(0)))
    }

    /// Whether some font has a glyph for `ch`.
    fn has(&self, ch: char) -> bool {
        self.faces.iter().any(|(f, _)| f.glyph_id(ch).0 != 0)
    }

    /// The glyphs of `text` at `size` placed from `x` on a baseline at y = 0: font index, glyph
    /// id, scale and x; then where the line ends. Kerning applies between two glyphs of the same
    /// font.
    fn layout(&self, size: f32, x: f32, text: &str) -> (Vec<(usize, GlyphId, PxScale, f32)>, f32) {
        let mut out = Vec::new();
        let mut caret = x;
        let mut prev: Option<(usize, GlyphId)> = None;
        for ch in text.chars() {
            let (i, id) = self.glyph(ch);
            let (font, factor) = &self.faces[i];
            let scale = PxScale::from(size * factor);
            let scaled = font.as_scaled(scale);
            if let Some((_, pid)) = prev.filter(|(pi, _)| *pi == i) {
                caret += scaled.kern(pid, id);
            }
            out.push((i, id, scale, caret));
            caret += scaled.h_advance(id);
            prev = Some((i, id));
        }
        (out, caret)
    }
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
    fn text(&mut self, fonts: &Fonts, size: f32, x: f32, baseline: f32, text: &str, ink: usize) {
        // Placed from `x` (not from 0 and then shifted): the same rounding as before the CJK
        // fallback, so the English images stay byte for byte what they were.
        for (i, id, scale, gx) in fonts.layout(size, x, text).0 {
            let font = &fonts.faces[i].0;
            let glyph = id.with_scale_and_position(scale, point(gx, baseline));
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

/// Width in pixels of `text` at `size`.
fn width(fonts: &Fonts, size: f32, text: &str) -> f32 {
    fonts.layout(size, 0.0, text).1
}

/// Chinese, Japanese and Korean characters and their punctuation (full-width forms included):
/// text in which a line may break between any two characters, having no spaces.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{9FFF}' // radicals, CJK punctuation, kana, ideographs
        | '\u{F900}'..='\u{FAFF}' // compatibility ideographs
        | '\u{FE30}'..='\u{FE4F}' // vertical and compatibility forms
        | '\u{FF00}'..='\u{FFEF}' // full-width forms: ，（）：！？
    )
}

/// Characters that never start a line (closing brackets and punctuation, after the Chinese rules
/// for line breaking, 禁则) and that never end one (opening brackets).
const NO_LINE_START: &str = "，。、；：！？）】」』》〉”’…%,.;:!?)]}";
const NO_LINE_END: &str = "（【「『《〈“‘([{";

/// Whether a line may break between `a` and `b` written without a space: next to a CJK character,
/// unless that would start a line with closing or end one with opening punctuation.
fn can_break(a: char, b: char) -> bool {
    (is_cjk(a) || is_cjk(b)) && !NO_LINE_START.contains(b) && !NO_LINE_END.contains(a)
}

/// `text` cut into the pieces a line break may not split (a Latin word, a CJK character with the
/// punctuation that sticks to it), each with whether a space came before it.
fn atoms(text: &str) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = Vec::new();
    let (mut space, mut prev) = (false, None);
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        match out.last_mut() {
            Some((atom, _)) if !space && prev.is_some_and(|p| !can_break(p, c)) => atom.push(c),
            _ => out.push((c.to_string(), space && !out.is_empty())),
        }
        space = false;
        prev = Some(c);
    }
    out
}

/// `text` broken into lines no wider than `max` (greedy, at spaces and between CJK characters; a
/// word wider than a line is cut between characters).
fn wrap(fonts: &Fonts, size: f32, text: &str, max: f32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for (atom, spaced) in atoms(text) {
        let candidate = match (line.is_empty(), spaced) {
            (true, _) => atom.clone(),
            (false, true) => format!("{line} {atom}"),
            (false, false) => format!("{line}{atom}"),
        };
        if width(fonts, size, &candidate) <= max {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // The atom alone: cut it while it is too wide.
        let mut rest = atom;
        while width(fonts, size, &rest) > max {
            let cut = (1..rest.len())
                .rev()
                .filter(|&i| rest.is_char_boundary(i))
                .find(|&i| width(fonts, size, &rest[..i]) <= max)
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

/// `s` followed by an ellipsis: directly after CJK text, after a space otherwise.
fn with_ellipsis(s: &str) -> String {
    if s.chars().last().is_some_and(is_cjk) {
        format!("{s}…")
    } else {
        format!("{s} …")
    }
}

/// `lines` cut to `n`, the last one ending in "…" when text was left out.
fn clip(fonts: &Fonts, size: f32, mut lines: Vec<String>, n: usize, max: f32) -> Vec<String> {
    if lines.len() <= n {
        return lines;
    }
    lines.truncate(n);
    if let Some(last) = lines.last_mut() {
        let mut s = last.trim_end().to_string();
        // Drop whole atoms (characters only from a single one) until the ellipsis fits.
        while !s.is_empty() && width(fonts, size, &with_ellipsis(&s)) > max {
            let parts = atoms(&s);
            if parts.len() > 1 {
                let keep = &parts[..parts.len() - 1];
                s = keep
                    .iter()
                    .enumerate()
                    .map(|(i, (a, spaced))| if i > 0 && *spaced { format!(" {a}") } else { a.clone() })
                    .collect();
            } else {
                s.pop();
            }
        }
        // No ellipsis after a comma or a full stop.
        let s = s.trim_end_matches(|c: char| "，。、；：,.;:".contains(c) || c.is_whitespace());
        *last = with_ellipsis(s);
    }
    lines
}

/// How many message lines fit at `size`.
fn lines_at(size: f32) -> usize {
    ((MESSAGE_BOTTOM - MESSAGE_TOP) / (size * LINE_HEIGHT)).floor() as usize
}

/// The box the message is drawn in: left, top, right and bottom edges in pixels (the message's
/// ink stays inside it).
pub fn message_box() -> [f32; 4] {
    [MARGIN, MESSAGE_TOP, WIDTH as f32 - MARGIN, MESSAGE_BOTTOM]
}

/// The message laid out for a page in `lang`: font size and lines.
pub fn message_layout(lang: Lang, title: &str) -> (f32, Vec<String>) {
    let fonts = Fonts::new(REGULAR);
    let max = WIDTH as f32 - 2.0 * MARGIN;
    let title = if title.trim().is_empty() {
        no_message(lang)
    } else {
        title.trim()
    };
    for size in MESSAGE_SIZES {
        let lines = wrap(&fonts, size, title, max);
        if lines.len() <= lines_at(size) {
            return (size, lines);
        }
    }
    let size = MESSAGE_SIZES[MESSAGE_SIZES.len() - 1];
    let lines = wrap(&fonts, size, title, max);
    (size, clip(&fonts, size, lines, lines_at(size), max))
}

/// The link-preview image of an error page in `lang`: `code` large, `title` (the message the page
/// shows, see [`shown_message`]) wrapped below it, the brand and the labels in `lang` around. A
/// 1200×630 PNG.
pub fn og_png(lang: Lang, code: &str, title: &str) -> Vec<u8> {
    let regular = Fonts::new(REGULAR);
    let bold = Fonts::new(BOLD);
    let mut c = Canvas::new();
    let (ink, muted, accent) = (0, 1, 2);
    c.text(&bold, BRAND.size, MARGIN, BRAND.baseline, (BRAND.text)(lang), accent);
    let kicker = (KICKER.text)(lang);
    let kicker_x = WIDTH as f32 - MARGIN - width(&regular, KICKER.size, kicker);
    c.text(&regular, KICKER.size, kicker_x, KICKER.baseline, kicker, muted);
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
    let (size, lines) = message_layout(lang, title);
    for (i, line) in lines.iter().enumerate() {
        let baseline = MESSAGE_TOP + size * (1.0 + LINE_HEIGHT * i as f32);
        c.text(&regular, size, MARGIN, baseline, line, ink);
    }
    c.text(
        &regular,
        FOOTER.size,
        MARGIN,
        FOOTER.baseline,
        (FOOTER.text)(lang),
        muted,
    );
    c.fill_rect(0, HEIGHT - STRIP_HEIGHT, WIDTH, STRIP_HEIGHT, accent);
    c.png()
}

/// What [`write_for`] wrote.
#[derive(Debug, Clone, Copy, Default)]
pub struct Written {
    pub files: usize,
    pub bytes: u64,
    pub largest: u64,
}

/// The characters of `text` that the embedded fonts cannot draw (they would show as a box).
pub fn missing_glyphs(text: &str) -> Vec<char> {
    let stacks = [Fonts::new(REGULAR), Fonts::new(BOLD)];
    let mut out: Vec<char> = text
        .chars()
        .filter(|c| !c.is_whitespace() && stacks.iter().any(|f| !f.has(*c)))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Every text the images of `lang` draw: the labels, then each entry's code and message.
pub fn texts(lang: Lang) -> Vec<String> {
    let labels = [BRAND, KICKER, FOOTER].map(|l| (l.text)(lang).to_string());
    let mut out: Vec<String> = labels.into_iter().chain([no_message(lang).to_string()]).collect();
    for e in catalog::entries() {
        out.push(e.code.to_string());
        out.push(shown_message(e, lang));
    }
    out
}

/// The characters the CJK font must have: those of the Chinese images' texts ([`texts`]) that
/// the DejaVu subsets lack, sorted, each once. `tools/subset-cjk-font.sh` cuts the font to them.
pub fn cjk_chars() -> String {
    let latin = [REGULAR, BOLD].map(|f| FontRef::try_from_slice(f).expect("embedded font"));
    let mut out: Vec<char> = texts(Lang::Zh)
        .iter()
        .flat_map(|t| t.chars())
        .filter(|c| !c.is_whitespace() && latin.iter().any(|f| f.glyph_id(*c).0 == 0))
        .collect();
    out.sort_unstable();
    out.dedup();
    out.into_iter().collect()
}

/// Writes the image of every catalog entry's page in both languages under `root` (see
/// [`image_path`]), on all cores; what was written per language.
pub fn write_all(root: &Path) -> std::io::Result<Vec<(Lang, Written)>> {
    Lang::ALL
        .into_iter()
        .map(|lang| write_for(root, lang, catalog::entries()).map(|w| (lang, w)))
        .collect()
}

/// The images of some entries' pages in `lang` (see [`write_all`]).
pub fn write_for(root: &Path, lang: Lang, entries: &[catalog::Entry]) -> std::io::Result<Written> {
    let dir = root.join(image_dir(lang));
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
                        let png = og_png(lang, e.code, &shown_message(e, lang));
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
