//! The fixed text of the holiday sets under a calendar in the appendix
//! (design §10): the set named, its days for the agreement's period, and
//! its yearly rules in words — one table per language, as
//! [`super::phrases`] is for the rest of the appendix.

use crate::model::Lang;

/// The fixed text of holiday sets in one language.
pub struct HolidayPhrases {
    /// `{0}` the set's label.
    pub follows: &'static str,
    /// The caption of a set's days: `{0}` the period they are listed for.
    pub days_caption: &'static str,
    /// `{0}` the period, `{1}` the set's label.
    pub no_days: &'static str,
    /// A single date with its weekday: `{0}` the date, `{1}` the weekday.
    pub dated: &'static str,
    pub arrangement: &'static str,
    pub closed: &'static str,
    /// A make-up working day without `as`.
    pub working_day: &'static str,
    /// A make-up working day `as WEEKDAY`: `{0}` the weekday.
    pub working_day_as: &'static str,
    /// `{0}` the last date listed.
    pub yearly_after: &'static str,
    /// When the agreement's period is not known (a placeholder start).
    pub yearly_always: &'static str,
    /// Before the calendar's own dates, when it also uses sets.
    pub own_days_win: &'static str,

    // A yearly rule in words.
    /// `{0}` month (from the appendix's month names), `{1}` day.
    pub month_day: &'static str,
    /// `{0}` month, `{1}` which (`nth`), `{2}` weekday.
    pub nth_weekday: &'static str,
    /// `1st`…`5th`, `last`.
    pub nth: [&'static str; 6],
    pub easter: &'static str,
    /// `{0}` the base, `{1}` the number of days.
    pub days_before: (&'static str, &'static str),
    pub days_after: (&'static str, &'static str),
    /// `{0}` the date of the rule: the day every year.
    pub every_year: &'static str,
    pub observed: &'static str,
    pub substitute: &'static str,
    /// `{0}` a year.
    pub from_year: &'static str,
    pub until_year: &'static str,
    /// `{0}` the years.
    pub except_years: &'static str,
    pub year: &'static str,
    /// Around the limits: `{0}` the limits joined.
    pub limits: &'static str,
    pub limit_separator: &'static str,
    /// `{0}` the note, `{1}` the rule.
    pub named_rule: &'static str,
}

impl HolidayPhrases {
    pub fn of(lang: Lang) -> &'static HolidayPhrases {
        match lang {
            Lang::ZhCn => &ZH,
            Lang::En => &EN,
        }
    }
}

pub static ZH: HolidayPhrases = HolidayPhrases {
    follows: "法定节假日按《{0}》执行。",
    days_caption: "{0}期间的放假与调休上班安排",
    no_days: "{0}期间，《{1}》无放假或调休上班日。",
    dated: "{0}（{1}）",
    arrangement: "安排",
    closed: "放假",
    working_day: "上班",
    working_day_as: "上班，按{0}安排",
    yearly_after: "本协议未约定终止日期；{0}之后，下列每年的节假日继续适用：",
    yearly_always: "下列节假日每年适用：",
    own_days_win: "本日历另行约定的下列日期，优先于上述节假日安排：",

    month_day: "{0}月{1}日",
    nth_weekday: "{0}月{1}{2}",
    nth: ["第一个", "第二个", "第三个", "第四个", "第五个", "最后一个"],
    easter: "复活节",
    days_before: ("{0}前{1}天", "{0}前{1}天"),
    days_after: ("{0}后{1}天", "{0}后{1}天"),
    every_year: "每年{0}",
    observed: "；逢周六提前至周五，逢周日顺延至周一",
    substitute: "；逢周六、周日顺延至其后第一个不放假的工作日",
    from_year: "自{0}起",
    until_year: "至{0}止",
    except_years: "{0}除外",
    year: "{0}年",
    limits: "（{0}）",
    limit_separator: "，",
    named_rule: "{0}：{1}",
};

pub static EN: HolidayPhrases = HolidayPhrases {
    follows: "Public holidays follow “{0}”.",
    days_caption: "Holidays and make-up working days, {0}",
    no_days: "“{1}” has no holiday or make-up working day from {0}.",
    dated: "{1} {0}",
    arrangement: "Arrangement",
    closed: "Closed",
    working_day: "Working day",
    working_day_as: "Working day ({0}'s hours)",
    yearly_after: "The agreement has no end date; after {0}, these yearly holidays keep applying:",
    yearly_always: "These holidays apply every year:",
    own_days_win: "The calendar's own dates below take precedence over these holidays:",

    month_day: "{1} {0}",
    nth_weekday: "the {1} {2} of {0}",
    nth: ["first", "second", "third", "fourth", "fifth", "last"],
    easter: "Easter Sunday",
    days_before: ("{1} day before {0}", "{1} days before {0}"),
    days_after: ("{1} day after {0}", "{1} days after {0}"),
    every_year: "{0} every year",
    observed: "; on a Saturday, the Friday before, on a Sunday, the Monday after",
    substitute: "; on a Saturday or Sunday, the next weekday that is not already a holiday",
    from_year: "from {0}",
    until_year: "until {0}",
    except_years: "except {0}",
    year: "{0}",
    limits: " ({0})",
    limit_separator: ", ",
    named_rule: "{0}: {1}",
};
