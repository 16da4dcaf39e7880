//! What the appendix needs besides the contract: its own module, so the
//! builder takes it without reaching up to `render`.

use crate::model::Lang;

/// What the appendix needs besides the contract.
#[derive(Debug, Clone, PartialEq)]
pub struct RenderOptions {
    /// The language of the fixed text.
    pub lang: Lang,
    /// Render as a draft: a "do not sign" banner. Placeholders are always
    /// highlighted; with placeholders the banner appears regardless.
    pub draft: bool,
    /// The rule set's fingerprint (`sha256:…`), printed in the footer.
    pub fingerprint: String,
    /// The source file name, printed in the footer.
    pub source_name: String,
}
