//! The one-file world the Typst compiler runs in: the generated markup as
//! its only source, the found fonts, no files, no packages, no network and
//! no clock (the PDF carries no date, so the same contract gives the same
//! bytes).

use super::fonts::Fonts;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, Source};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

pub(super) struct Appendix<'a> {
    library: LazyHash<Library>,
    fonts: &'a Fonts,
    source: Source,
}

impl<'a> Appendix<'a> {
    pub(super) fn new(markup: String, fonts: &'a Fonts) -> Appendix<'a> {
        Appendix {
            library: LazyHash::new(Library::default()),
            fonts,
            source: Source::detached(markup),
        }
    }
}

fn no_files() -> FileError {
    FileError::Other(Some("the appendix reads no files".into()))
}

impl World for Appendix<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.fonts.book()
    }

    fn main(&self) -> FileId {
        self.source.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.source.id() {
            Ok(self.source.clone())
        } else {
            Err(no_files())
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.source.id() {
            Ok(Bytes::from_string(self.source.clone()))
        } else {
            Err(no_files())
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.font(index)
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}
