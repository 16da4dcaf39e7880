//! Model values as the language writes them, for the `old` and `new` of a
//! change.

use crate::model::{Fill, Period, Text};
use chrono::NaiveDate;
use std::fmt::Display;

/// A value, or its placeholder as written: `[X个工作日]`.
pub(super) fn fill<T>(value: &Fill<T>, show: impl Fn(&T) -> String) -> String {
    value.either(show, |text| format!("[{text}]"))
}

pub(super) fn text(value: &Text) -> String {
    fill(value, String::clone)
}

pub(super) fn opt_text(value: &Option<Text>) -> Option<String> {
    value.as_ref().map(text)
}

pub(super) fn display<T: Display>(value: &Fill<T>) -> String {
    fill(value, ToString::to_string)
}

/// `99.9%`.
pub(super) fn percent(value: &Fill<f64>) -> String {
    fill(value, |p| format!("{p}%"))
}

pub(super) fn period(value: &Fill<Period>) -> String {
    fill(value, |p| p.as_str().to_string())
}

pub(super) fn date(value: &NaiveDate) -> String {
    value.format("%Y-%m-%d").to_string()
}

/// `2027-10-01..2027-10-07`, or one date when the range is a single day.
pub(super) fn date_range(from: &NaiveDate, to: &NaiveDate) -> String {
    if from == to {
        date(from)
    } else {
        format!("{}..{}", date(from), date(to))
    }
}

/// A value and its note: `2027-10-01..2027-10-07 "国庆节"`.
pub(super) fn with_note(value: String, note: &Option<Text>) -> String {
    match note {
        Some(note) => format!("{value} \"{}\"", text(note)),
        None => value,
    }
}
