//! The appendix as PDF, typeset by the Typst engine built into slac: no
//! browser, no network, nothing downloaded.
//!
//! ```text
//! Document ─▶ markup::emit ─▶ Typst source ─▶ typst::compile ─▶ typst_pdf::pdf
//!                                  ▲ fonts::Fonts (system or one folder, + built-in)
//! ```
//!
//! The fonts are embedded in the PDF, subset to the glyphs used. A document
//! with a character no font has is refused before typesetting (a Chinese
//! contract on a machine without CJK fonts: install `fonts-noto-cjk`).
//!
//! The engine is the cargo feature `pdf` (a default one). A slac built
//! without it (`--no-default-features`, for a fast build that only checks
//! contracts) has the same `render --to pdf` flag, which then fails with
//! [`PdfError::NotBuilt`].

#[cfg(feature = "pdf")]
mod fonts;
#[cfg(feature = "pdf")]
mod markup;
#[cfg(feature = "pdf")]
mod typeset;
#[cfg(feature = "pdf")]
mod world;

use std::path::PathBuf;

/// Where to look for fonts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FontSearch {
    /// The operating system's font folders (on Linux, fontconfig's).
    System,
    /// Only this folder, searched recursively (for tests, and for fonts
    /// kept outside the system's folders).
    Folder(PathBuf),
}

/// Why no PDF was made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PdfError {
    #[error(
        "the appendix has Chinese (CJK) characters, such as {sample}, that no installed font has: \
         install the Noto CJK fonts (Debian/Ubuntu: `apt-get install fonts-noto-cjk`) and run again"
    )]
    NoCjkFont { sample: String },
    #[error(
        "no installed font has the characters {list}: install a font that has them and run again"
    )]
    MissingGlyphs { list: String },
    #[error("the PDF engine failed: {0} (a bug in slac: please report it)")]
    Engine(String),
    #[error(
        "this slac was built without PDF support (cargo feature `pdf`, left out by \
         `--no-default-features`): build it with the default features to render a PDF"
    )]
    NotBuilt,
}

#[cfg(feature = "pdf")]
pub use typeset::write;

/// Without the engine: every PDF is refused, naming the missing feature.
#[cfg(not(feature = "pdf"))]
pub fn write(_doc: &super::document::Document, _search: &FontSearch) -> Result<Vec<u8>, PdfError> {
    Err(PdfError::NotBuilt)
}
