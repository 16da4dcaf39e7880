//! The report as a table for a terminal.
use super::Report;

pub fn text(report: &Report) -> String {
    report.to_json()
}
