//! Markdown.
use super::Report;

pub fn markdown(report: &Report) -> String {
    report.to_json()
}
