//! The fonts the PDF is set in: the system's (or one folder's), then the
//! fonts built into slac (Libertinus Serif, New Computer Modern, DejaVu
//! Sans Mono: Latin text always has a font). Before typesetting, every
//! character of the document is looked up, so a missing font is a clear
//! error instead of blank boxes in a signed document.

use super::FontSearch;
use typst::text::{Font, FontBook, FontInfo};
use typst::utils::LazyHash;
use typst_kit::fonts::FontStore;

pub(super) struct Fonts {
    store: FontStore,
    infos: Vec<FontInfo>,
}

impl Fonts {
    pub(super) fn find(search: &FontSearch) -> Fonts {
        let found: Vec<_> = match search {
            FontSearch::System => typst_kit::fonts::system().collect(),
            FontSearch::Folder(folder) => typst_kit::fonts::scan(folder).collect(),
        };
        let mut fonts = Fonts {
            store: FontStore::new(),
            infos: Vec::new(),
        };
        for (path, info) in found {
            fonts.infos.push(info.clone());
            fonts.store.push((path, info));
        }
        for (font, info) in typst_kit::fonts::embedded() {
            fonts.infos.push(info.clone());
            fonts.store.push((font, info));
        }
        fonts
    }

    pub(super) fn book(&self) -> &LazyHash<FontBook> {
        self.store.book()
    }

    pub(super) fn font(&self, index: usize) -> Option<Font> {
        self.store.font(index)
    }

    /// The characters of `text` that no font has, each once, in order.
    pub(super) fn missing(&self, text: &str) -> Vec<char> {
        let mut missing: Vec<char> = Vec::new();
        for c in text.chars() {
            if c.is_whitespace() || c.is_control() || missing.contains(&c) {
                continue;
            }
            let code = u32::from(c);
            if !self.infos.iter().any(|info| info.coverage.contains(code)) {
                missing.push(c);
            }
        }
        missing
    }
}
