//! HTML.
use super::Report;

pub fn html(report: &Report) -> String {
    report.to_json()
}
