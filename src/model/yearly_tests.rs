//! Known dates: Easter tables, the US federal and the England and Wales
//! bank holidays of particular years.

use super::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

fn md(month: u32, day: u32) -> YearlyBase {
    YearlyBase::MonthDay { month, day }
}

fn nth(nth: Nth, weekday: Weekday, month: u32) -> YearlyBase {
    YearlyBase::Nth {
        nth,
        weekday,
        month,
    }
}

fn rule(base: YearlyBase) -> YearlyRule {
    YearlyRule::every_year(base)
}

fn adjusted(base: YearlyBase, adjust: Adjustment) -> YearlyRule {
    YearlyRule {
        adjust: Some(adjust),
        ..rule(base)
    }
}

fn offset(base: YearlyBase, days: i32) -> YearlyRule {
    YearlyRule {
        offset_days: Some(days),
        ..rule(base)
    }
}

fn year_of(y: i32) -> RangeInclusive<NaiveDate> {
    day(y, 1, 1)..=day(y, 12, 31)
}

/// The dates `rules` give in `range`, with no dated lines in the set.
fn dates(rules: &[YearlyRule], range: RangeInclusive<NaiveDate>) -> Vec<NaiveDate> {
    let refs: Vec<&YearlyRule> = rules.iter().collect();
    expand(&refs, range, |_| false)
        .into_iter()
        .map(|d| d.date)
        .collect()
}

#[test]
fn easter_matches_the_published_tables() {
    for (y, m, d) in [
        (2024, 3, 31),
        (2025, 4, 20),
        (2026, 4, 5),
        (2038, 4, 25),
        (2019, 4, 21),
        (2008, 3, 23),
        (2285, 3, 22), // the earliest possible
        (1943, 4, 25), // the latest possible
        (2000, 4, 23),
    ] {
        assert_eq!(easter(y), Some(day(y, m, d)), "Easter {y}");
    }
}

#[test]
fn nth_and_last_weekdays_of_a_month() {
    let thanksgiving = nth(Nth::Fourth, Weekday::Thu, 11);
    assert_eq!(thanksgiving.date_in(2027), Some(day(2027, 11, 25)));
    assert_eq!(thanksgiving.date_in(2024), Some(day(2024, 11, 28)));
    let memorial = nth(Nth::Last, Weekday::Mon, 5);
    assert_eq!(memorial.date_in(2024), Some(day(2024, 5, 27)));
    assert_eq!(memorial.date_in(2021), Some(day(2021, 5, 31)));
    // The last of December counts back from the 31st, across no year end.
    let last_fri_dec = nth(Nth::Last, Weekday::Fri, 12);
    assert_eq!(last_fri_dec.date_in(2027), Some(day(2027, 12, 31)));
    // A fifth Monday: June 2026 has one (the 29th), June 2027 none.
    let fifth = nth(Nth::Fifth, Weekday::Mon, 6);
    assert_eq!(fifth.date_in(2026), Some(day(2026, 6, 29)));
    assert_eq!(fifth.date_in(2027), None);
    assert_eq!(dates(&[rule(fifth)], year_of(2027)), vec![]);
}

#[test]
fn february_29_gives_a_day_in_leap_years_only() {
    let leap = rule(md(2, 29));
    assert_eq!(
        dates(std::slice::from_ref(&leap), year_of(2028)),
        vec![day(2028, 2, 29)]
    );
    assert_eq!(dates(&[leap], year_of(2027)), vec![]);
}

#[test]
fn offsets_move_the_base_date() {
    let good_friday = offset(YearlyBase::Easter, -2);
    let easter_monday = offset(YearlyBase::Easter, 1);
    let after_thanksgiving = offset(nth(Nth::Fourth, Weekday::Thu, 11), 1);
    assert_eq!(
        dates(
            &[good_friday, easter_monday, after_thanksgiving],
            year_of(2026)
        ),
        vec![day(2026, 4, 3), day(2026, 4, 6), day(2026, 11, 27)]
    );
}

#[test]
fn observed_keeps_saturday_on_friday_and_sunday_on_monday() {
    let new_year = adjusted(md(1, 1), Adjustment::Observed);
    let independence = adjusted(md(7, 4), Adjustment::Observed);
    // 2022-01-01 is a Saturday: kept on Friday 2021-12-31, in the year before.
    assert_eq!(
        dates(std::slice::from_ref(&new_year), year_of(2021)),
        vec![day(2021, 1, 1), day(2021, 12, 31)]
    );
    assert_eq!(
        dates(std::slice::from_ref(&new_year), year_of(2022)),
        vec![]
    );
    // 2021-07-04 is a Sunday: kept on Monday the 5th; 2026-07-04 a Saturday.
    assert_eq!(
        dates(std::slice::from_ref(&independence), year_of(2021)),
        vec![day(2021, 7, 5)]
    );
    assert_eq!(dates(&[independence], year_of(2026)), vec![day(2026, 7, 3)]);
}

#[test]
fn limits_speak_of_the_rule_year() {
    // `from 2022` still gives the 2021-12-31 that keeps New Year's Day 2022.
    let new_year = YearlyRule {
        from: Some(2022),
        ..adjusted(md(1, 1), Adjustment::Observed)
    };
    assert_eq!(
        dates(std::slice::from_ref(&new_year), year_of(2021)),
        vec![day(2021, 12, 31)]
    );
    let juneteenth = YearlyRule {
        from: Some(2021),
        ..adjusted(md(6, 19), Adjustment::Observed)
    };
    assert_eq!(
        dates(std::slice::from_ref(&juneteenth), year_of(2020)),
        vec![]
    );
    assert_eq!(dates(&[juneteenth], year_of(2021)), vec![day(2021, 6, 18)]);
    let early_may = YearlyRule {
        until: Some(2030),
        except: vec![2020, 2022],
        ..rule(nth(Nth::First, Weekday::Mon, 5))
    };
    let got = dates(&[early_may], day(2019, 1, 1)..=day(2031, 12, 31));
    let years: Vec<i32> = got.iter().map(|d| d.year()).collect();
    assert_eq!(
        years,
        vec![2019, 2021, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030]
    );
}

/// England and Wales bank holidays, with the ordinary rules only.
fn uk_rules() -> Vec<YearlyRule> {
    vec![
        adjusted(md(1, 1), Adjustment::Substitute),
        offset(YearlyBase::Easter, -2),
        offset(YearlyBase::Easter, 1),
        rule(nth(Nth::First, Weekday::Mon, 5)),
        rule(nth(Nth::Last, Weekday::Mon, 5)),
        rule(nth(Nth::Last, Weekday::Mon, 8)),
        adjusted(md(12, 25), Adjustment::Substitute),
        adjusted(md(12, 26), Adjustment::Substitute),
    ]
}

#[test]
fn substitute_moves_past_the_days_the_set_already_closes() {
    // 2022: Christmas is a Sunday and Boxing Day Monday 26, so Christmas's
    // substitute is Tuesday 27 December.
    let uk = uk_rules();
    let got = dates(&uk, day(2022, 12, 1)..=day(2022, 12, 31));
    assert_eq!(got, vec![day(2022, 12, 26), day(2022, 12, 27)]);
    // 2021: Christmas Saturday → Monday 27, Boxing Day Sunday → Tuesday 28.
    let got = dates(&uk, day(2021, 12, 1)..=day(2021, 12, 31));
    assert_eq!(got, vec![day(2021, 12, 27), day(2021, 12, 28)]);
    // 2023: New Year's Day is a Sunday → Monday 2 January.
    assert_eq!(
        dates(&uk, day(2023, 1, 1)..=day(2023, 1, 31)),
        vec![day(2023, 1, 2)]
    );
}

#[test]
fn substitute_skips_a_dated_closed_day_of_the_set() {
    let christmas = adjusted(md(12, 25), Adjustment::Substitute);
    // 2027-12-25 is a Saturday; the set closes Monday 27 by a dated line.
    let got = expand(&[&christmas], year_of(2027), |d| d == day(2027, 12, 27));
    assert_eq!(
        got,
        vec![YearlyDate {
            date: day(2027, 12, 28),
            rule: 0
        }]
    );
}

#[test]
fn a_substitute_can_move_into_the_next_year() {
    let new_years_eve = adjusted(md(12, 31), Adjustment::Substitute);
    // 2028-12-31 is a Sunday: Monday 2029-01-01.
    assert_eq!(
        dates(std::slice::from_ref(&new_years_eve), year_of(2029)),
        vec![day(2029, 1, 1), day(2029, 12, 31)]
    );
    assert_eq!(dates(&[new_years_eve], year_of(2028)), vec![]);
}

#[test]
fn england_and_wales_2026_in_full() {
    assert_eq!(
        dates(&uk_rules(), year_of(2026)),
        vec![
            day(2026, 1, 1),
            day(2026, 4, 3),
            day(2026, 4, 6),
            day(2026, 5, 4),
            day(2026, 5, 25),
            day(2026, 8, 31),
            day(2026, 12, 25),
            day(2026, 12, 28), // Boxing Day is a Saturday
        ]
    );
}

#[test]
fn us_federal_2027_in_full() {
    use Weekday::{Mon, Thu};
    let observed = |base| adjusted(base, Adjustment::Observed);
    let us = vec![
        observed(md(1, 1)),
        rule(nth(Nth::Third, Mon, 1)),
        rule(nth(Nth::Third, Mon, 2)),
        rule(nth(Nth::Last, Mon, 5)),
        YearlyRule {
            from: Some(2021),
            ..observed(md(6, 19))
        },
        observed(md(7, 4)),
        rule(nth(Nth::First, Mon, 9)),
        rule(nth(Nth::Second, Mon, 10)),
        observed(md(11, 11)),
        rule(nth(Nth::Fourth, Thu, 11)),
        observed(md(12, 25)),
    ];
    assert_eq!(
        dates(&us, year_of(2027)),
        vec![
            day(2027, 1, 1),
            day(2027, 1, 18),
            day(2027, 2, 15),
            day(2027, 5, 31),
            day(2027, 6, 18), // Saturday 19th
            day(2027, 7, 5),  // Sunday 4th
            day(2027, 9, 6),
            day(2027, 10, 11),
            day(2027, 11, 11),
            day(2027, 11, 25),
            day(2027, 12, 24), // Saturday 25th
            day(2027, 12, 31), // New Year's Day 2028 is a Saturday
        ]
    );
}

#[test]
fn expansion_is_the_same_whatever_range_asks() {
    // The clock builds its timeline per range of years: a year expanded
    // alone gives the same days as within a long range.
    let uk = uk_rules();
    let long = dates(&uk, day(2020, 1, 1)..=day(2040, 12, 31));
    let by_year: Vec<NaiveDate> = (2020..=2040).flat_map(|y| dates(&uk, year_of(y))).collect();
    assert_eq!(long, by_year);
    assert!(dates(&uk, day(2026, 2, 1)..=day(2026, 1, 1)).is_empty());
}

#[test]
fn far_years_never_panic() {
    let uk = uk_rules();
    let _ = dates(&uk, NaiveDate::MIN..=NaiveDate::MIN);
    let _ = dates(&uk, NaiveDate::MAX..=NaiveDate::MAX);
    let huge = offset(YearlyBase::Easter, i32::MAX);
    assert_eq!(dates(&[huge], year_of(2026)), vec![]);
}

#[test]
fn rules_print_as_written() {
    let cases = [
        (
            adjusted(md(12, 25), Adjustment::Substitute),
            "12-25 substitute",
        ),
        (
            offset(nth(Nth::Fourth, Weekday::Thu, 11), 1),
            "4th thu nov +1 day",
        ),
        (offset(YearlyBase::Easter, -2), "easter -2 days"),
        (offset(YearlyBase::Easter, 0), "easter +0 days"),
        (
            YearlyRule {
                from: Some(2021),
                ..adjusted(md(6, 19), Adjustment::Observed)
            },
            "06-19 observed from 2021",
        ),
        (
            YearlyRule {
                from: Some(1978),
                until: Some(2030),
                except: vec![2020, 2022],
                ..rule(nth(Nth::Last, Weekday::Mon, 5))
            },
            "last mon may from 1978 until 2030 except 2020, 2022",
        ),
    ];
    for (rule, text) in cases {
        assert_eq!(rule.to_string(), text);
    }
}

#[test]
fn month_and_nth_words_round_trip() {
    for month in 1..=12 {
        assert_eq!(month_of_word(month_word(month)), Some(month));
    }
    assert_eq!(month_of_word("sept"), None);
    for n in Nth::ALL {
        assert_eq!(Nth::from_word(n.word()), Some(n));
    }
    assert_eq!(max_day_of_month(2), Some(29));
    assert_eq!(max_day_of_month(13), None);
}
