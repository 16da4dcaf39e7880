//! The typesetting itself: markup, glyph check, Typst compile, PDF.

use super::fonts::Fonts;
use super::{markup, world, FontSearch, PdfError};
use crate::render::document::Document;
use typst::foundations::Smart;
use typst_layout::PagedDocument;
use typst_pdf::PdfOptions;

/// Typesets the appendix into a PDF with the fonts `search` finds.
pub fn write(doc: &Document, search: &FontSearch) -> Result<Vec<u8>, PdfError> {
    let source = markup::emit(doc);
    let fonts = Fonts::find(search);
    refuse_missing_glyphs(&fonts.missing(&source))?;
    let world = world::Appendix::new(source, &fonts);
    let document: PagedDocument = typst::compile(&world)
        .output
        .map_err(|errors| engine_error(errors.iter().map(|e| e.message.as_str())))?;
    let options = PdfOptions {
        ident: Smart::Auto,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(&document, &options)
        .map_err(|errors| engine_error(errors.iter().map(|e| e.message.as_str())))
}

fn engine_error<'a>(messages: impl Iterator<Item = &'a str>) -> PdfError {
    PdfError::Engine(messages.collect::<Vec<_>>().join("; "))
}

fn refuse_missing_glyphs(missing: &[char]) -> Result<(), PdfError> {
    let quoted = |chars: &mut dyn Iterator<Item = &char>| -> String {
        chars
            .take(8)
            .map(|c| format!("“{c}” (U+{:04X})", u32::from(*c)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut wide = missing
        .iter()
        .filter(|&&c| crate::cjk::is_wide(c))
        .peekable();
    if wide.peek().is_some() {
        return Err(PdfError::NoCjkFont {
            sample: quoted(&mut wide),
        });
    }
    if !missing.is_empty() {
        return Err(PdfError::MissingGlyphs {
            list: quoted(&mut missing.iter()),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{refuse_missing_glyphs, PdfError};

    #[test]
    fn missing_chinese_glyphs_name_the_package_to_install() {
        let error = refuse_missing_glyphs(&['→', '服', '务']).unwrap_err();
        assert_eq!(
            error,
            PdfError::NoCjkFont {
                sample: "“服” (U+670D), “务” (U+52A1)".into()
            }
        );
        assert!(error.to_string().contains("apt-get install fonts-noto-cjk"));
        assert!(matches!(
            refuse_missing_glyphs(&['→']),
            Err(PdfError::MissingGlyphs { .. })
        ));
        assert_eq!(refuse_missing_glyphs(&[]), Ok(()));
    }
}
