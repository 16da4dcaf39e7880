//! Why a row of a log was skipped, typed: the readers say which rule a row
//! broke and with what values, and each report says it in its language.
//! The English words are those of standard error and of the JSON report's
//! `reason` (scripts read them); [`SkipReason::kind`] is the stable name.
//! Each variant's phrase in each language is one arm of [`SkipReason::words`]
//! and [`TimeError::words`], so a variant without a Chinese phrase does not
//! compile. Column names and the log's own text stay as written.

use std::fmt;

use crate::model::Lang;

/// Why a time's text is not an instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeError {
    /// Neither RFC 3339 nor a local shape the readers know.
    Shape,
    NoSuchDate,
    NoSuchTimeOfDay,
    NoSuchOffset,
    /// A local time and no `--zone`.
    NoOffset,
    /// A number where a time was expected, without `--excel-dates`.
    Number,
    ExcelRange,
    /// Excel's serial 60.
    Excel1900Feb29,
    OutsideClock,
    /// A local time the clocks skip when daylight saving time starts.
    LocalGap,
    /// A local time the clocks show twice when daylight saving time ends.
    LocalTwice,
}

impl TimeError {
    pub const ALL: [TimeError; 11] = [
        TimeError::Shape,
        TimeError::NoSuchDate,
        TimeError::NoSuchTimeOfDay,
        TimeError::NoSuchOffset,
        TimeError::NoOffset,
        TimeError::Number,
        TimeError::ExcelRange,
        TimeError::Excel1900Feb29,
        TimeError::OutsideClock,
        TimeError::LocalGap,
        TimeError::LocalTwice,
    ];

    /// The phrase after the column and the text: `has no offset (…)`.
    pub fn words(self, lang: Lang) -> &'static str {
        use TimeError as T;
        match lang {
            Lang::En => match self {
                T::Shape => "is not a time (RFC 3339 `2027-03-01T09:30:00+08:00`, or a local `2027-03-01 09:30` with --zone)",
                T::NoSuchDate => "has a date that does not exist",
                T::NoSuchTimeOfDay => "has a time of day that does not exist",
                T::NoSuchOffset => "has an offset that does not exist",
                T::NoOffset => "has no offset (pass --zone with the zone the log's local times are in, or write `Z` or `+08:00`)",
                T::Number => "is a number, not a time (pass --excel-dates if the log holds Excel serial dates)",
                T::ExcelRange => "is not an Excel date serial between 1 (1900-01-01) and 2958465 (9999-12-31)",
                T::Excel1900Feb29 => "is Excel's 1900-02-29, a day that did not exist",
                T::OutsideClock => "is outside the years the clock supports",
                T::LocalGap => "is a local time that does not exist in the --zone (the clocks skip it when daylight saving time starts)",
                T::LocalTwice => "is a local time that happens twice in the --zone (the clocks go back when daylight saving time ends): give it with its offset",
            },
            Lang::ZhCn => match self {
                T::Shape => "无法识别为时间（应为 RFC 3339 格式，如“2027-03-01T09:30:00+08:00”，或配合 --zone 使用本地时间，如“2027-03-01 09:30”）",
                T::NoSuchDate => "中的日期不存在",
                T::NoSuchTimeOfDay => "中的时刻不存在",
                T::NoSuchOffset => "中的时区偏移不存在",
                T::NoOffset => "没有时区偏移（请用 --zone 指明日志中本地时间所在的时区，或在时间后写上“Z”或“+08:00”）",
                T::Number => "是数字而不是时间（如日志中是 Excel 序列日期，请加 --excel-dates）",
                T::ExcelRange => "不是 1（1900-01-01）到 2958465（9999-12-31）之间的 Excel 日期序列号",
                T::Excel1900Feb29 => "是 Excel 的 1900-02-29，这一天实际并不存在",
                T::OutsideClock => "超出了时钟支持的年份范围",
                T::LocalGap => "在 --zone 时区中不存在（夏令时开始时时钟跳过了这一时刻）",
                T::LocalTwice => "在 --zone 时区中出现两次（夏令时结束时时钟回拨）：请写明时区偏移",
            },
        }
    }
}

impl fmt::Display for TimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.words(Lang::En))
    }
}

/// Which end of a pause is empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PauseEnd {
    From,
    To,
}

/// Why a row was skipped, with the values the phrase names. `text` fields
/// are the log's own text, shortened for display (`ticket::shown`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    /// A column the row needs is empty.
    Empty {
        column: &'static str,
    },
    /// A time column that does not hold an instant.
    BadTime {
        column: &'static str,
        text: String,
        why: TimeError,
    },
    /// A name that is none of the contract's (`priority`, `channel`, `kind`).
    UnknownName {
        column: &'static str,
        text: String,
        suggestion: Option<String>,
    },
    /// `excluded` names no clause of the contract.
    UnknownClause {
        text: String,
        suggestion: Option<String>,
        /// The contract's clause ids (none: the contract has no clause).
        clauses: Vec<String>,
    },
    NotBoolean {
        column: &'static str,
        text: String,
    },
    NotRating {
        text: String,
    },
    OutsideScale {
        value: u32,
        low: u32,
        high: u32,
    },
    PauseShape {
        text: String,
    },
    PauseEmpty {
        end: PauseEnd,
    },
    PauseReversed {
        text: String,
    },
    /// A time of the ticket before its `received_at`.
    BeforeReceived {
        column: &'static str,
    },
    /// `received` is the time in the contract's zone, `date` the first day.
    BeforeEffective {
        received: String,
        date: String,
    },
    /// `date` the last day of the effective period.
    AfterEffective {
        received: String,
        date: String,
    },
    DuplicateId {
        id: String,
    },
    /// An outage row that repeats an earlier one field for field.
    RepeatsLine {
        first: u64,
    },
    EndBeforeStart,
    StartsAfterAsOf,
    EndsBeforeEffective,
    StartsAfterContractEnds,
    NotUtf8 {
        column: &'static str,
        text: String,
    },
    /// A status row whose `to` is before its `from`.
    ToBeforeFrom {
        text: String,
    },
    Width {
        fields: usize,
        header: usize,
    },
    NotJsonObject,
    /// `error` is the JSON parser's own message.
    NotJson {
        error: String,
    },
    JsonNotScalar {
        column: String,
    },
    TimeOutOfRange {
        millis: i64,
    },
    /// The SLA clock's own error, in its words.
    Clock {
        error: crate::clock::ClockError,
    },
    /// A priority or channel index the contract lacks: a bug.
    UnknownIndex {
        column: &'static str,
    },
    /// An index no contract item has: a bug, said rather than panicked.
    Internal {
        what: &'static str,
    },
}

/// `did you mean` with the suggestion, or nothing.
fn hint(suggestion: &Option<String>, lang: Lang, en: &str, zh: &str) -> String {
    suggestion.as_ref().map_or_else(String::new, |n| {
        let template = match lang {
            Lang::En => en,
            Lang::ZhCn => zh,
        };
        template.replace("{0}", n)
    })
}

impl SkipReason {
    /// The stable, kebab-case name of the reason (the JSON report's `kind`).
    pub fn kind(&self) -> &'static str {
        use SkipReason as S;
        match self {
            S::Empty { .. } => "empty",
            S::BadTime { .. } => "bad-time",
            S::UnknownName { .. } => "unknown-name",
            S::UnknownClause { .. } => "unknown-clause",
            S::NotBoolean { .. } => "not-boolean",
            S::NotRating { .. } => "not-rating",
            S::OutsideScale { .. } => "outside-scale",
            S::PauseShape { .. } => "pause-shape",
            S::PauseEmpty { .. } => "pause-empty",
            S::PauseReversed { .. } => "pause-reversed",
            S::BeforeReceived { .. } => "before-received",
            S::BeforeEffective { .. } => "before-effective",
            S::AfterEffective { .. } => "after-effective",
            S::DuplicateId { .. } => "duplicate-id",
            S::RepeatsLine { .. } => "repeats-line",
            S::EndBeforeStart => "end-before-start",
            S::StartsAfterAsOf => "starts-after-as-of",
            S::EndsBeforeEffective => "ends-before-effective",
            S::StartsAfterContractEnds => "starts-after-contract-ends",
            S::NotUtf8 { .. } => "not-utf8",
            S::ToBeforeFrom { .. } => "to-before-from",
            S::Width { .. } => "width",
            S::NotJsonObject => "not-json-object",
            S::NotJson { .. } => "not-json",
            S::JsonNotScalar { .. } => "json-not-scalar",
            S::TimeOutOfRange { .. } => "time-out-of-range",
            S::Clock { .. } => "clock",
            S::UnknownIndex { .. } => "unknown-index",
            S::Internal { .. } => "internal",
        }
    }

    /// The reason in words, in `lang`.
    pub fn words(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.english(),
            Lang::ZhCn => self.chinese(),
        }
    }

    fn english(&self) -> String {
        use SkipReason as S;
        let en = Lang::En;
        match self {
            S::Empty { column } => format!("{column} is empty"),
            S::BadTime { column, text, why } => format!("{column} `{text}` {why}"),
            S::UnknownName {
                column,
                text,
                suggestion,
            } => format!(
                "unknown {column} `{text}`{}",
                hint(suggestion, en, "; did you mean `{0}`?", "")
            ),
            S::UnknownClause {
                text,
                suggestion,
                clauses,
            } => {
                let known = if clauses.is_empty() {
                    "the contract has no exclusion clause".to_string()
                } else {
                    format!(
                        "{}the contract's clauses are {}",
                        hint(suggestion, en, "did you mean `{0}`? ", ""),
                        clauses.join(", ")
                    )
                };
                format!("excluded names an unknown clause `{text}` ({known})")
            }
            S::NotBoolean { column, text } => {
                format!("{column} `{text}` is not `true` or `false`")
            }
            S::NotRating { text } => format!("csat `{text}` is not a whole-number rating"),
            S::OutsideScale { value, low, high } => {
                format!("csat {value} is outside the contract's scale {low}..{high}")
            }
            S::PauseShape { text } => {
                format!("paused `{text}` is not FROM/TO (two RFC 3339 times joined by `/`)")
            }
            S::PauseEmpty { end } => match end {
                PauseEnd::From => "paused has an empty FROM".into(),
                PauseEnd::To => "paused has an empty TO".into(),
            },
            S::PauseReversed { text } => format!("paused `{text}` ends before it starts"),
            S::BeforeReceived { column } => format!("{column} is before received_at"),
            S::BeforeEffective { received, date } => {
                format!("received_at {received} is before the contract takes effect on {date}")
            }
            S::AfterEffective { received, date } => {
                format!("received_at {received} is after the contract ends on {date}")
            }
            S::DuplicateId { id } => format!("duplicate id `{id}`: an earlier row has it"),
            S::RepeatsLine { first } => format!("repeats line {first} exactly"),
            S::EndBeforeStart => "end is before start".into(),
            S::StartsAfterAsOf => "starts after --as-of".into(),
            S::EndsBeforeEffective => "ends before the contract takes effect".into(),
            S::StartsAfterContractEnds => "starts after the contract ends".into(),
            S::NotUtf8 { column, text } => format!("{column} `{text}` is not UTF-8"),
            S::ToBeforeFrom { text } => format!("to `{text}` is before from"),
            S::Width { fields, header } => {
                let s = if *fields == 1 { "" } else { "s" };
                format!("has {fields} field{s}, the header has {header}")
            }
            S::NotJsonObject => "is not a JSON object".into(),
            S::NotJson { error } => format!("is not JSON ({error})"),
            S::JsonNotScalar { column } => format!("{column} is an array or object"),
            S::TimeOutOfRange { millis } => format!("time {millis} ms is out of range"),
            S::Clock { error } => error.to_string(),
            S::UnknownIndex { column } => format!("unknown {column}"),
            S::Internal { what } => format!("internal: {what}"),
        }
    }

    fn chinese(&self) -> String {
        use SkipReason as S;
        let zh = Lang::ZhCn;
        match self {
            S::Empty { column } => format!("{column} 列为空"),
            S::BadTime { column, text, why } => {
                format!("{column} 列的时间“{text}”{}", why.words(zh))
            }
            S::UnknownName {
                column,
                text,
                suggestion,
            } => format!(
                "{column} 列的“{text}”不在合同中{}",
                hint(suggestion, zh, "", "；是否应为“{0}”？")
            ),
            S::UnknownClause {
                text,
                suggestion,
                clauses,
            } => {
                let known = if clauses.is_empty() {
                    "合同中没有免责条款".to_string()
                } else {
                    format!(
                        "{}合同的条款有 {}",
                        hint(suggestion, zh, "", "是否应为“{0}”？"),
                        clauses.join("、")
                    )
                };
                format!("excluded 列的条款“{text}”不在合同中（{known}）")
            }
            S::NotBoolean { column, text } => {
                format!("{column} 列的“{text}”不是 true 或 false")
            }
            S::NotRating { text } => format!("csat 列的“{text}”不是整数评分"),
            S::OutsideScale { value, low, high } => {
                format!("csat 评分 {value} 超出合同的评分范围 {low}..{high}")
            }
            S::PauseShape { text } => {
                format!("paused 列的“{text}”不是 FROM/TO 格式（两个 RFC 3339 时间，以“/”连接）")
            }
            S::PauseEmpty { end } => match end {
                PauseEnd::From => "paused 列的暂停缺少开始时间（FROM）".into(),
                PauseEnd::To => "paused 列的暂停缺少结束时间（TO）".into(),
            },
            S::PauseReversed { text } => format!("paused 列的“{text}”结束早于开始"),
            S::BeforeReceived { column } => format!("{column} 早于 received_at"),
            S::BeforeEffective { received, date } => {
                format!("received_at {received} 早于合同生效日 {date}")
            }
            S::AfterEffective { received, date } => {
                format!("received_at {received} 晚于合同终止日 {date}")
            }
            S::DuplicateId { id } => format!("工单号“{id}”重复：前面已有同号的行"),
            S::RepeatsLine { first } => format!("与第 {first} 行完全相同"),
            S::EndBeforeStart => "end 早于 start".into(),
            S::StartsAfterAsOf => "start 晚于 --as-of".into(),
            S::EndsBeforeEffective => "在合同生效前已结束".into(),
            S::StartsAfterContractEnds => "在合同终止后才开始".into(),
            S::NotUtf8 { column, text } => format!("{column} 列的“{text}”不是 UTF-8 文本"),
            S::ToBeforeFrom { text } => format!("to 列的“{text}”早于 from"),
            S::Width { fields, header } => {
                format!("本行有 {fields} 个字段，表头有 {header} 个")
            }
            S::NotJsonObject => "不是 JSON 对象".into(),
            S::NotJson { error } => format!("不是有效的 JSON（{error}）"),
            S::JsonNotScalar { column } => format!("{column} 是数组或对象"),
            S::TimeOutOfRange { millis } => format!("时间 {millis} 毫秒超出范围"),
            S::Clock { error } => format!("SLA 时钟无法计算：{}", error.chinese()),
            S::UnknownIndex { column } => format!("内部错误：未知的 {column}"),
            S::Internal { what } => format!("内部错误：{what}"),
        }
    }
}

/// English: standard error's and the JSON report's words.
impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.english())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// The variant's place in [`examples`]: a new variant fails to compile
    /// here until it has an example.
    fn ordinal(r: &SkipReason) -> usize {
        use SkipReason as S;
        match r {
            S::Empty { .. } => 0,
            S::BadTime { .. } => 1,
            S::UnknownName { .. } => 2,
            S::UnknownClause { .. } => 3,
            S::NotBoolean { .. } => 4,
            S::NotRating { .. } => 5,
            S::OutsideScale { .. } => 6,
            S::PauseShape { .. } => 7,
            S::PauseEmpty { .. } => 8,
            S::PauseReversed { .. } => 9,
            S::BeforeReceived { .. } => 10,
            S::BeforeEffective { .. } => 11,
            S::AfterEffective { .. } => 12,
            S::DuplicateId { .. } => 13,
            S::RepeatsLine { .. } => 14,
            S::EndBeforeStart => 15,
            S::StartsAfterAsOf => 16,
            S::EndsBeforeEffective => 17,
            S::StartsAfterContractEnds => 18,
            S::NotUtf8 { .. } => 19,
            S::ToBeforeFrom { .. } => 20,
            S::Width { .. } => 21,
            S::NotJsonObject => 22,
            S::NotJson { .. } => 23,
            S::JsonNotScalar { .. } => 24,
            S::TimeOutOfRange { .. } => 25,
            S::Clock { .. } => 26,
            S::UnknownIndex { .. } => 27,
            S::Internal { .. } => 28,
        }
    }

    const VARIANTS: usize = 29;

    /// One of each variant, with the same values where variants share them,
    /// so that two phrases alike would show.
    fn examples() -> Vec<SkipReason> {
        use SkipReason as S;
        let text = || "x".to_string();
        vec![
            S::Empty { column: "id" },
            S::BadTime {
                column: "received_at",
                text: text(),
                why: TimeError::Shape,
            },
            S::UnknownName {
                column: "priority",
                text: text(),
                suggestion: None,
            },
            S::UnknownClause {
                text: text(),
                suggestion: None,
                clauses: vec![],
            },
            S::NotBoolean {
                column: "first_contact_resolved",
                text: text(),
            },
            S::NotRating { text: text() },
            S::OutsideScale {
                value: 7,
                low: 1,
                high: 5,
            },
            S::PauseShape { text: text() },
            S::PauseEmpty {
                end: PauseEnd::From,
            },
            S::PauseReversed { text: text() },
            S::BeforeReceived {
                column: "resolved_at",
            },
            S::BeforeEffective {
                received: text(),
                date: text(),
            },
            S::AfterEffective {
                received: text(),
                date: text(),
            },
            S::DuplicateId { id: text() },
            S::RepeatsLine { first: 3 },
            S::EndBeforeStart,
            S::StartsAfterAsOf,
            S::EndsBeforeEffective,
            S::StartsAfterContractEnds,
            S::NotUtf8 {
                column: "status",
                text: text(),
            },
            S::ToBeforeFrom { text: text() },
            S::Width {
                fields: 3,
                header: 4,
            },
            S::NotJsonObject,
            S::NotJson { error: text() },
            S::JsonNotScalar {
                column: "id".into(),
            },
            S::TimeOutOfRange { millis: 3 },
            S::Clock {
                error: crate::clock::ClockError::BusinessDaysOn24x7,
            },
            S::UnknownIndex { column: "priority" },
            S::Internal { what: "no period" },
        ]
    }

    #[test]
    fn every_variant_has_an_example() {
        let seen: Vec<usize> = examples().iter().map(ordinal).collect();
        assert_eq!(seen, (0..VARIANTS).collect::<Vec<_>>());
    }

    #[test]
    fn every_reason_has_distinct_words_in_each_language() {
        for lang in [Lang::En, Lang::ZhCn] {
            let words: Vec<String> = examples().iter().map(|r| r.words(lang)).collect();
            assert!(words.iter().all(|w| !w.trim().is_empty()), "{words:?}");
            let distinct: HashSet<&String> = words.iter().collect();
            assert_eq!(distinct.len(), words.len(), "{lang:?}: {words:?}");
            let times: Vec<&str> = TimeError::ALL.iter().map(|t| t.words(lang)).collect();
            assert!(times.iter().all(|w| !w.is_empty()));
            let distinct: HashSet<&&str> = times.iter().collect();
            assert_eq!(distinct.len(), times.len(), "{lang:?}: {times:?}");
        }
        let kinds: HashSet<&str> = examples().iter().map(SkipReason::kind).collect();
        assert_eq!(kinds.len(), VARIANTS);
    }

    #[test]
    fn chinese_words_differ_from_english_and_keep_the_log_text() {
        for r in examples() {
            assert_ne!(r.words(Lang::En), r.words(Lang::ZhCn));
        }
        let bad = SkipReason::BadTime {
            column: "received_at",
            text: "2026-13-01".into(),
            why: TimeError::NoSuchDate,
        };
        assert_eq!(
            bad.words(Lang::ZhCn),
            "received_at 列的时间“2026-13-01”中的日期不存在"
        );
        assert_eq!(
            bad.to_string(),
            "received_at `2026-13-01` has a date that does not exist"
        );
        let unknown = SkipReason::UnknownName {
            column: "priority",
            text: "Pl".into(),
            suggestion: Some("P1".into()),
        };
        assert_eq!(
            unknown.words(Lang::ZhCn),
            "priority 列的“Pl”不在合同中；是否应为“P1”？"
        );
        assert_eq!(
            unknown.to_string(),
            "unknown priority `Pl`; did you mean `P1`?"
        );
    }
}
