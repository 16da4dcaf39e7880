//! The signed appendix (§8): the checked model as Markdown or HTML.
