//! Formatting values for the appendix: durations, percentages, dates,
//! periods, weekly schedules, clocks and the business-day rule, each in the
//! words of one language.
//!
//! Everything returns [`Rich`] text, so a value that is still a placeholder
//! travels through a sentence and reaches the emitter as a placeholder.

use super::phrases::Phrases;
use super::rich::{phrase, sentence, Rich};
use crate::model::{
    BusinessDayRule, Calendar, CalendarId, Contract, Duration, Fill, Lang, Period, Text, TimeSpan,
    Unit,
};
use chrono::{Datelike, NaiveDate};

/// The value formatter of one language.
#[derive(Clone, Copy)]
pub struct Values {
    pub phrases: &'static Phrases,
}

impl Values {
    pub fn of(lang: Lang) -> Values {
        Values {
            phrases: Phrases::of(lang),
        }
    }

    /// A value, or its placeholder.
    pub fn fill<T>(&self, value: &Fill<T>, show: impl Fn(&T) -> Rich) -> Rich {
        value.either(show, Rich::placeholder)
    }

    /// Contract text, as written.
    pub fn text(&self, text: &Text) -> Rich {
        self.fill(text, |s| Rich::text(s))
    }

    pub fn duration(&self, d: Duration) -> Rich {
        let (one, many) = match d.unit {
            Unit::Minutes => self.phrases.minutes,
            Unit::Hours => self.phrases.hours,
            Unit::Days => self.phrases.days,
            Unit::BusinessDays => self.phrases.business_days,
        };
        let template = if d.amount == 1 { one } else { many };
        phrase(template, &[&d.amount.to_string()])
    }

    pub fn duration_fill(&self, d: &Fill<Duration>) -> Rich {
        self.fill(d, |d| self.duration(*d))
    }

    /// A length of open time given in minutes, in whole hours where it can.
    pub fn minutes(&self, minutes: u32) -> Rich {
        let (hours, rest) = (minutes / 60, minutes % 60);
        let hours_part = Duration {
            amount: hours,
            unit: Unit::Hours,
        };
        let minutes_part = Duration {
            amount: rest,
            unit: Unit::Minutes,
        };
        match (hours, rest) {
            (0, _) => self.duration(minutes_part),
            (_, 0) => self.duration(hours_part),
            _ => {
                let mut out = self.duration(hours_part);
                out.push_text(" ");
                out.extend(self.duration(minutes_part));
                out
            }
        }
    }

    /// `99.9%`: the shortest decimal that reads back as the same number.
    pub fn percent(&self, value: f64) -> Rich {
        Rich::text(&format!("{}%", number(value)))
    }

    pub fn percent_fill(&self, value: &Fill<f64>) -> Rich {
        self.fill(value, |v| self.percent(*v))
    }

    /// A number as written in the contract: `4.5`, `70`.
    pub fn number(&self, value: f64) -> Rich {
        Rich::text(&number(value))
    }

    pub fn number_fill(&self, value: &Fill<f64>) -> Rich {
        self.fill(value, |v| self.number(*v))
    }

    /// `2027年1月1日` / `1 January 2027`.
    pub fn date(&self, date: NaiveDate) -> Rich {
        let month = self
            .phrases
            .months
            .get(date.month0() as usize)
            .copied()
            .unwrap_or("");
        phrase(
            self.phrases.date_pattern,
            &[&date.year().to_string(), month, &date.day().to_string()],
        )
    }

    pub fn date_fill(&self, date: &Fill<NaiveDate>) -> Rich {
        self.fill(date, |d| self.date(*d))
    }

    /// A closed range of dates; a single day when both ends are equal.
    pub fn date_range(&self, from: NaiveDate, to: NaiveDate) -> Rich {
        if from == to {
            self.date(from)
        } else {
            sentence(self.phrases.day_range, &[self.date(from), self.date(to)])
        }
    }

    pub fn period(&self, period: Period) -> Rich {
        Rich::text(match period {
            Period::Monthly => self.phrases.monthly,
            Period::Quarterly => self.phrases.quarterly,
            Period::Yearly => self.phrases.yearly,
        })
    }

    pub fn period_fill(&self, period: &Fill<Period>) -> Rich {
        self.fill(period, |p| self.period(*p))
    }

    /// `09:00-12:00、13:00-18:00`; an overnight span says it ends the next day.
    pub fn spans(&self, spans: &[TimeSpan]) -> Rich {
        let parts = spans.iter().map(|span| {
            if span.start.minutes() == 0 && span.end.minutes() == 1440 {
                Rich::text(self.phrases.all_day)
            } else if span.is_overnight() {
                phrase(
                    self.phrases.overnight,
                    &[&span.start.to_string(), &span.end.to_string()],
                )
            } else {
                Rich::text(&span.to_string())
            }
        });
        Rich::join(parts, self.phrases.list_separator)
    }

    /// The weekly pattern, consecutive days with the same hours grouped:
    /// `周一至周五 09:00-12:00、13:00-18:00`.
    pub fn weekly(&self, weekly: &[Vec<TimeSpan>; 7]) -> Rich {
        let mut groups: Vec<(usize, usize)> = Vec::new();
        for (day, spans) in weekly.iter().enumerate() {
            if spans.is_empty() {
                continue;
            }
            match groups.last_mut() {
                Some((_, last)) if *last + 1 == day && weekly.get(*last) == Some(spans) => {
                    *last = day;
                }
                _ => groups.push((day, day)),
            }
        }
        if groups.is_empty() {
            return Rich::text(self.phrases.not_specified);
        }
        let day = |i: usize| self.phrases.weekdays.get(i).copied().unwrap_or("");
        let parts = groups.into_iter().map(|(first, last)| {
            let mut days = match last - first {
                0 => Rich::text(day(first)),
                1 => Rich::join(
                    [Rich::text(day(first)), Rich::text(day(last))],
                    self.phrases.list_separator,
                ),
                _ => phrase(self.phrases.day_range, &[day(first), day(last)]),
            };
            days.push_text(" ");
            days.extend(self.spans(weekly.get(first).map(Vec::as_slice).unwrap_or(&[])));
            days
        });
        Rich::join(parts, self.phrases.clause_separator)
    }

    /// How a calendar is called in the text: its label, else its name.
    pub fn calendar_name(&self, calendar: &Calendar) -> Rich {
        match &calendar.label {
            Some(label) => self.text(label),
            None => Rich::code(calendar.id.as_str()),
        }
    }

    /// When a channel is staffed or a clock runs: `7×24 小时`, or the
    /// calendar's name.
    pub fn hours(&self, contract: &Contract, id: Option<&CalendarId>) -> Rich {
        match id.map(|id| (id, contract.calendar(id))) {
            None => Rich::text(self.phrases.always),
            Some((_, Some(calendar))) if calendar.always => Rich::text(self.phrases.always),
            Some((_, Some(calendar))) => self.calendar_name(calendar),
            Some((id, None)) => Rich::code(id.as_str()),
        }
    }

    /// A priority's clock: `7×24 小时`, or `按“工作日 9:00-18:00”服务时间`.
    pub fn clock(&self, contract: &Contract, id: Option<&CalendarId>) -> Rich {
        let always = match id.map(|id| contract.calendar(id)) {
            None => true,
            Some(Some(calendar)) => calendar.always,
            Some(None) => false,
        };
        if always {
            Rich::text(self.phrases.always)
        } else {
            sentence(self.phrases.per_calendar, &[self.hours(contract, id)])
        }
    }

    /// The `business-day` rule as the sentence the parties sign.
    pub fn business_day_rule(&self, rule: BusinessDayRule) -> Rich {
        match rule {
            BusinessDayRule::EndsAtClose => Rich::text(self.phrases.counting_ends_at_close),
            BusinessDayRule::Hours { minutes } => {
                sentence(self.phrases.counting_hours, &[self.minutes(minutes)])
            }
            BusinessDayRule::SameTime => Rich::text(self.phrases.counting_same_time),
        }
    }

    /// `label：value` / `label: value`.
    pub fn labelled(&self, label: &str, value: Rich) -> Rich {
        let mut out = Rich::text(label);
        out.push_text(self.phrases.colon);
        out.extend(value);
        out
    }

    /// A term in the language's quotation marks.
    pub fn quoted(&self, inner: Rich) -> Rich {
        let mut out = Rich::text(self.phrases.open_quote);
        out.extend(inner);
        out.push_text(self.phrases.close_quote);
        out
    }
}

/// A number as written in a contract: `4.5`, `70`, `99.9`.
fn number(value: f64) -> String {
    format!("{value}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TimeOfDay;

    fn zh() -> Values {
        Values::of(Lang::ZhCn)
    }

    fn en() -> Values {
        Values::of(Lang::En)
    }

    fn d(amount: u32, unit: Unit) -> Duration {
        Duration { amount, unit }
    }

    fn span(start: u16, end: u16) -> TimeSpan {
        TimeSpan {
            start: TimeOfDay(start * 60),
            end: TimeOfDay(end * 60),
        }
    }

    #[test]
    fn durations_read_naturally() {
        let cases = [
            (d(15, Unit::Minutes), "15 分钟", "15 minutes"),
            (d(1, Unit::Minutes), "1 分钟", "1 minute"),
            (d(1, Unit::Hours), "1 小时", "1 hour"),
            (d(2, Unit::Hours), "2 小时", "2 hours"),
            (d(3, Unit::Days), "3 天", "3 days"),
            (d(1, Unit::BusinessDays), "1 个工作日", "1 business day"),
            (d(2, Unit::BusinessDays), "2 个工作日", "2 business days"),
        ];
        for (duration, zh_text, en_text) in cases {
            assert_eq!(zh().duration(duration).plain(), zh_text);
            assert_eq!(en().duration(duration).plain(), en_text);
        }
        assert_eq!(zh().minutes(450).plain(), "7 小时 30 分钟");
        assert_eq!(en().minutes(540).plain(), "9 hours");
    }

    #[test]
    fn dates_percentages_and_periods() {
        let date = NaiveDate::from_ymd_opt(2027, 1, 1).expect("a date");
        assert_eq!(zh().date(date).plain(), "2027年1月1日");
        assert_eq!(en().date(date).plain(), "1 January 2027");
        let end = NaiveDate::from_ymd_opt(2027, 10, 7).expect("a date");
        assert_eq!(
            en().date_range(date, end).plain(),
            "1 January 2027 to 7 October 2027"
        );
        assert_eq!(zh().date_range(end, end).plain(), "2027年10月7日");
        assert_eq!(zh().percent(99.9).plain(), "99.9%");
        assert_eq!(en().percent(70.0).plain(), "70%");
        assert_eq!(zh().period(Period::Quarterly).plain(), "每季度");
        assert_eq!(en().period(Period::Yearly).plain(), "yearly");
    }

    #[test]
    fn weekly_schedules_group_equal_days() {
        let office = vec![span(9, 12), span(13, 18)];
        let mut weekly: [Vec<TimeSpan>; 7] = Default::default();
        for day in weekly.iter_mut().take(5) {
            *day = office.clone();
        }
        assert_eq!(
            zh().weekly(&weekly).plain(),
            "周一至周五 09:00-12:00、13:00-18:00"
        );
        weekly[5] = vec![span(10, 16)];
        weekly[6] = vec![span(10, 16)];
        assert_eq!(
            en().weekly(&weekly).plain(),
            "Monday to Friday 09:00-12:00, 13:00-18:00; Saturday, Sunday 10:00-16:00"
        );
        let mut night: [Vec<TimeSpan>; 7] = Default::default();
        night[2] = vec![span(22, 6)];
        night[3] = vec![span(0, 24)];
        assert_eq!(
            zh().weekly(&night).plain(),
            "周三 22:00至次日06:00；周四 全天"
        );
        assert_eq!(
            en().weekly(&night).plain(),
            "Wednesday 22:00 to 06:00 the next day; Thursday all day"
        );
    }

    #[test]
    fn business_day_rules_are_written_out() {
        let close = zh().business_day_rule(BusinessDayRule::EndsAtClose).plain();
        assert!(close.contains("收到服务请求的当日不计入，自次一工作日起算"));
        // The Civil Code is cited only under `governing-law cn` (render::wording).
        assert!(!close.contains("民法典"));
        let close = en().business_day_rule(BusinessDayRule::EndsAtClose).plain();
        assert!(close.contains("the day on which the Service Request is received is not counted"));
        let hours = BusinessDayRule::Hours { minutes: 540 };
        assert!(zh()
            .business_day_rule(hours)
            .plain()
            .contains("按每个工作日 9 小时服务时间折算"));
        assert!(en()
            .business_day_rule(hours)
            .plain()
            .contains("N × 9 hours of applicable service hours"));
        let same = en().business_day_rule(BusinessDayRule::SameTime).plain();
        assert!(same.contains("at the same time of day on the N-th following business day"));
        assert!(zh()
            .business_day_rule(BusinessDayRule::SameTime)
            .plain()
            .contains("同一时刻届满"));
    }

    #[test]
    fn sentences_fill_slots_and_keep_placeholders() {
        let filled = sentence(
            "{0}内解决，{1}",
            &[Rich::placeholder("X个工作日"), Rich::text("好")],
        );
        assert_eq!(filled.plain(), "[X个工作日]内解决，好");
        assert!(matches!(
            filled.0.first(),
            Some(crate::render::rich::Inline::Placeholder(_))
        ));
        assert_eq!(sentence("a {9} {x} {", &[]).plain(), "a {9} {x} {");
    }
}
