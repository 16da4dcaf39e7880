//! Why part of a maintenance row was not excluded from availability: typed,
//! so the report says it in its own language. The English words are the
//! rule set's and the JSON report's (`why`), unchanged for machines that
//! read them; the Chinese ones are for people reading a zh-CN report.

use super::availability::minutes;
use super::report_view::plain;
use crate::model::{Duration, Lang, Period};
use crate::render::values::Values;
use serde::{Serialize, Serializer};
use std::fmt;

/// One reason, with the figures it names.
#[derive(Debug, Clone, PartialEq)]
pub enum NotExcluded {
    /// The contract has no maintenance exclusion at all.
    NoMaintenanceRule,
    /// The row has no `notice_at`; `required` was.
    NoNotice { required: Duration },
    /// `notice_at` cannot be placed on the clock.
    NoticeOutOfRange,
    /// The notice given, in the unit required, and what was required.
    ShortNotice { given: Duration, required: Duration },
    /// Milliseconds outside the maintenance window.
    OutsideWindow { ms: i64 },
    /// Milliseconds beyond the allowance of its period.
    BeyondAllowance {
        ms: i64,
        allowance: Duration,
        period: Period,
    },
    /// Milliseconds another row had already counted.
    AlreadyCounted { ms: i64 },
}

impl NotExcluded {
    /// The reason in `lang`.
    pub fn words(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.english(),
            Lang::ZhCn => self.chinese(),
        }
    }

    fn english(&self) -> String {
        use NotExcluded as N;
        match self {
            N::NoMaintenanceRule => "the contract excludes no maintenance".into(),
            N::NoNotice { required } => format!("no notice_at, {required} of notice required"),
            N::NoticeOutOfRange => "notice_at is out of range".into(),
            N::ShortNotice { given, required } => {
                format!("notice {given}, {} required", required.amount)
            }
            N::OutsideWindow { ms } => format!("{} outside the window", minutes_en(*ms)),
            N::BeyondAllowance {
                ms,
                allowance,
                period,
            } => format!(
                "{} beyond the allowance of {allowance} {}",
                minutes_en(*ms),
                period.as_str()
            ),
            N::AlreadyCounted { ms } => {
                format!("{} already counted by another row", minutes_en(*ms))
            }
        }
    }

    fn chinese(&self) -> String {
        use NotExcluded as N;
        let values = Values::of(Lang::ZhCn);
        let duration = |d: &Duration| values.duration(*d).plain();
        match self {
            N::NoMaintenanceRule => "合同未约定维护免责".into(),
            N::NoNotice { required } => {
                format!("未提供 notice_at（须提前 {} 通知）", duration(required))
            }
            N::NoticeOutOfRange => "notice_at 超出可计算的时间范围".into(),
            N::ShortNotice { given, required } => format!(
                "提前通知 {}，不足约定的 {}",
                duration(given),
                duration(required)
            ),
            N::OutsideWindow { ms } => format!("{}在维护窗口之外", minutes_zh(*ms)),
            N::BeyondAllowance {
                ms,
                allowance,
                period,
            } => format!(
                "{}超出{}维护额度 {}",
                minutes_zh(*ms),
                values.period(*period).plain(),
                duration(allowance)
            ),
            N::AlreadyCounted { ms } => format!("{}已由另一行计入", minutes_zh(*ms)),
        }
    }
}

/// English, as the JSON report and standard error give it.
impl fmt::Display for NotExcluded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.english())
    }
}

/// The JSON report keeps the English text it always had.
impl Serialize for NotExcluded {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// `45 minutes`, `1 minute`, `2.5 minutes`.
fn minutes_en(ms: i64) -> String {
    let m = minutes(ms);
    if m == 1.0 {
        "1 minute".into()
    } else {
        format!("{} minutes", plain(m))
    }
}

/// `45 分钟`, `2.5 分钟`.
fn minutes_zh(ms: i64) -> String {
    format!("{} 分钟", plain(minutes(ms)))
}

#[cfg(test)]
mod tests {
    use super::NotExcluded as N;
    use crate::model::{Duration, Lang, Period, Unit};

    fn every() -> Vec<N> {
        let d = |amount, unit| Duration { amount, unit };
        let all = vec![
            N::NoMaintenanceRule,
            N::NoNotice {
                required: d(5, Unit::BusinessDays),
            },
            N::NoticeOutOfRange,
            N::ShortNotice {
                given: d(2, Unit::BusinessDays),
                required: d(5, Unit::BusinessDays),
            },
            N::OutsideWindow { ms: 3_600_000 },
            N::BeyondAllowance {
                ms: 5_400_000,
                allowance: d(4, Unit::Hours),
                period: Period::Monthly,
            },
            N::AlreadyCounted { ms: 60_000 },
        ];
        // The match names every variant, so a new one must be added above.
        for reason in &all {
            match reason {
                N::NoMaintenanceRule
                | N::NoNotice { .. }
                | N::NoticeOutOfRange
                | N::ShortNotice { .. }
                | N::OutsideWindow { .. }
                | N::BeyondAllowance { .. }
                | N::AlreadyCounted { .. } => {}
            }
        }
        all
    }

    #[test]
    fn every_reason_has_distinct_words_in_both_languages() {
        for lang in [Lang::En, Lang::ZhCn] {
            let words: Vec<String> = every().iter().map(|r| r.words(lang)).collect();
            assert!(words.iter().all(|w| !w.is_empty()), "{words:?}");
            let mut unique = words.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), words.len(), "{words:?}");
        }
        for reason in every() {
            assert_ne!(reason.words(Lang::En), reason.words(Lang::ZhCn));
        }
    }

    #[test]
    fn the_words_name_the_figures() {
        let all = every();
        let en: Vec<String> = all.iter().map(ToString::to_string).collect();
        assert_eq!(en[3], "notice 2 business days, 5 required");
        assert_eq!(en[5], "90 minutes beyond the allowance of 4 hours monthly");
        assert_eq!(en[6], "1 minute already counted by another row");
        assert_eq!(
            all[3].words(Lang::ZhCn),
            "提前通知 2 个工作日，不足约定的 5 个工作日"
        );
        assert_eq!(all[5].words(Lang::ZhCn), "90 分钟超出每月维护额度 4 小时");
        assert_eq!(
            serde_json::to_string(&all[4]).unwrap(),
            "\"60 minutes outside the window\""
        );
    }
}
