//! What every printed page of the appendix carries, so that no page can be
//! swapped for another: the agreement id, version and fingerprint, and
//! "page X of Y". The HTML writes it into `@page` margin boxes, the PDF
//! into each page's footer.

use super::rich::Rich;
use crate::model::Lang;

/// The identification of every page.
#[derive(Debug, Clone, PartialEq)]
pub struct Running {
    /// Agreement id and version, each `label：value`, as the title block
    /// gives them (either may be missing).
    pub ids: Vec<Rich>,
    /// The labelled fingerprint, as the footer gives it.
    pub fingerprint: Rich,
    /// The page number line, `{0}` the page and `{1}` the page count.
    pub page_of: &'static str,
}

impl Running {
    /// `meta` is the title block's id and version, `fingerprint` the
    /// footer's labelled fingerprint: the same words as on the first and
    /// last page.
    pub(super) fn new(lang: Lang, meta: Vec<Rich>, fingerprint: Rich) -> Running {
        Running {
            ids: meta,
            fingerprint,
            page_of: page_of(lang),
        }
    }

    /// The page line split around its slots: the text before the page
    /// number, between it and the count, and after the count.
    pub fn page_parts(&self) -> [&'static str; 3] {
        let template = self.page_of;
        let (before, rest) = template.split_once("{0}").unwrap_or((template, ""));
        let (between, after) = rest.split_once("{1}").unwrap_or((rest, ""));
        [before, between, after]
    }
}

fn page_of(lang: Lang) -> &'static str {
    match lang {
        Lang::ZhCn => "第 {0} 页 / 共 {1} 页",
        Lang::En => "Page {0} of {1}",
    }
}

#[cfg(test)]
mod tests {
    use super::Running;
    use crate::model::Lang;
    use crate::render::rich::Rich;

    #[test]
    fn the_page_line_splits_around_its_two_slots_in_both_languages() {
        let zh = Running::new(Lang::ZhCn, vec![], Rich::text("f"));
        assert_eq!(zh.page_parts(), ["第 ", " 页 / 共 ", " 页"]);
        let en = Running::new(Lang::En, vec![Rich::text("id")], Rich::text("f"));
        assert_eq!(en.page_parts(), ["Page ", " of ", ""]);
        assert_eq!(en.ids, vec![Rich::text("id")]);
        assert_eq!(en.fingerprint, Rich::text("f"));
    }
}
