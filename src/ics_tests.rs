use super::*;
use crate::model::yearly;

const GOOGLE: &[u8] = include_bytes!("../tests/ics/google-us-2027.ics");
const OUTLOOK: &[u8] = include_bytes!("../tests/ics/outlook-uk.ics");
const CN: &[u8] = include_bytes!("../tests/ics/cn-2026.ics");

fn options(id: &str) -> ImportOptions {
    ImportOptions {
        id: id.into(),
        label: None,
        workdays: None,
        years: None,
        source_name: "feed.ics".into(),
    }
}

fn imported(bytes: &[u8], options: &ImportOptions) -> Imported {
    import(bytes, options).unwrap_or_else(|e| panic!("{e}"))
}

/// The lines of the set's body, trimmed.
fn body(library: &str) -> Vec<String> {
    library
        .lines()
        .skip_while(|l| !l.starts_with("holidays "))
        .skip(1)
        .take_while(|l| *l != "}")
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

#[test]
fn a_google_feed_gives_closed_days_ranges_and_skips_timed_events() {
    let out = imported(GOOGLE, &options("us-2027"));
    assert!(
        out.library
            .contains("holidays us-2027 \"Holidays in United States\" {"),
        "{}",
        out.library
    );
    assert_eq!(
        body(&out.library),
        vec![
            "closed 2027-01-01 \"New Year's Day\"",
            "closed 2027-07-04 \"Independence Day\"",
            "closed 2027-07-05 \"Independence Day (observed)\"",
            // DTEND is exclusive: two days.
            "closed 2027-11-25..2027-11-26 \"Thanksgiving Day and the day after (\\\"Black Friday\\\")\"",
            "closed 2027-12-24 \"Christmas Day (substitute) ; office closed\"",
        ]
    );
    assert_eq!(out.imported, 5);
    assert_eq!(out.skipped.len(), 1);
    assert!(
        out.skipped[0].contains("\"Independence Day parade\"")
            && out.skipped[0].contains("timed event"),
        "{:?}",
        out.skipped
    );
}

#[test]
fn crlf_and_lf_feeds_read_the_same() {
    let lf = String::from_utf8(GOOGLE.to_vec())
        .unwrap()
        .replace("\r\n", "\n");
    assert_eq!(
        imported(lf.as_bytes(), &options("us-2027")),
        imported(GOOGLE, &options("us-2027"))
    );
}

#[test]
fn yearly_rules_become_yearly_lines_and_the_rest_is_expanded_over_years() {
    let mut o = options("uk");
    o.years = Some("2024..2029".parse().unwrap());
    let out = imported(OUTLOOK, &o);
    let lines = body(&out.library);
    // BYMONTHDAY, BYDAY=1MO of May (2020's left out by EXDATE: it starts
    // in 2021), BYDAY=-1MO (the last Monday of August), by their day in a year.
    let yearly = [
        "closed yearly 01-01 from 2020 \"New Year's Day\"",
        "closed yearly 1st mon may from 2021 \"Early May bank holiday\"",
        "closed yearly last mon aug from 2020 \"Summer bank holiday\"",
    ];
    assert_eq!(lines[lines.len() - 3..], yearly, "{lines:#?}");
    // INTERVAL=2 has no yearly line: expanded over --years.
    for year in [2024, 2026, 2028] {
        assert!(
            lines.contains(&format!(
                "closed {year}-01-02 \"Company day (every other year)\""
            )),
            "{lines:#?}"
        );
    }
    assert_eq!(lines.len(), 6, "{lines:#?}");
    assert!(
        out.skipped.iter().any(|s| s.contains("Team meeting")),
        "{:?}",
        out.skipped
    );
    assert!(
        out.skipped
            .iter()
            .any(|s| s.contains("Payday") && s.contains("FREQ=MONTHLY")),
        "{:?}",
        out.skipped
    );
    assert_eq!(out.imported, 4);
}

#[test]
fn without_years_a_rule_no_yearly_line_says_is_skipped_with_a_note() {
    let out = imported(OUTLOOK, &options("uk"));
    assert_eq!(body(&out.library).len(), 3, "{}", out.library);
    assert!(
        body(&out.library)
            .iter()
            .all(|l| l.starts_with("closed yearly ")),
        "{}",
        out.library
    );
    assert_eq!(out.imported, 3);
    assert!(
        out.skipped
            .iter()
            .any(|s| s.contains("Company day") && s.contains("--years")),
        "{:?}",
        out.skipped
    );
    assert_eq!(out.skipped.len(), 3, "{:?}", out.skipped);
}

/// An all-day event of one day from `start` with this RRULE and EXDATEs.
fn yearly_event(start: NaiveDate, rrule: &str, except: &[NaiveDate]) -> (Event, Rule) {
    let rule = read_rule(rrule, start).unwrap_or_else(|e| panic!("{rrule}: {e}"));
    let event = Event {
        summary: "holiday".into(),
        start,
        days: 1,
        rule: None,
        except: except.to_vec(),
    };
    (event, rule)
}

#[test]
fn a_yearly_line_gives_exactly_the_days_of_its_rrule() {
    let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let shapes = [
        (
            date(2020, 1, 1),
            "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=1",
            vec![],
        ),
        (
            date(2020, 2, 29),
            "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
            vec![],
        ),
        (date(2021, 6, 19), "FREQ=YEARLY", vec![]),
        (
            date(2020, 11, 26),
            "FREQ=YEARLY;BYMONTH=11;BYDAY=4TH",
            vec![],
        ),
        // DTSTART before and after the year's day.
        (date(2020, 1, 1), "FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO", vec![]),
        (
            date(2020, 12, 1),
            "FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO",
            vec![],
        ),
        // A fifth Friday some years have.
        (date(2020, 1, 1), "FREQ=YEARLY;BYMONTH=3;BYDAY=5FR", vec![]),
        // UNTIL after and before the last year's day.
        (
            date(2020, 5, 4),
            "FREQ=YEARLY;BYMONTH=5;BYDAY=1MO;UNTIL=20301231",
            vec![],
        ),
        (
            date(2020, 5, 4),
            "FREQ=YEARLY;BYMONTH=5;BYDAY=1MO;UNTIL=20300501",
            vec![],
        ),
        (
            date(2020, 5, 4),
            "FREQ=YEARLY;BYMONTH=5;BYDAY=1MO",
            vec![date(2020, 5, 4), date(2022, 5, 2), date(2023, 5, 3)],
        ),
    ];
    let range = date(1990, 1, 1)..=date(2060, 12, 31);
    for (start, rrule, except) in shapes {
        let (event, rule) = yearly_event(start, rrule, &except);
        let yearly = as_yearly(&event, &rule, false).unwrap_or_else(|| panic!("{rrule}"));
        let given: Vec<NaiveDate> = yearly::expand(&[&yearly], range.clone(), |_| false)
            .iter()
            .map(|d| d.date)
            .collect();
        assert_eq!(
            given,
            occurrences(&event, &rule, 2060),
            "{rrule} as {yearly}"
        );
    }
}

#[test]
fn rules_no_yearly_line_says_are_left_to_expansion() {
    let start = NaiveDate::from_ymd_opt(2024, 1, 2).unwrap();
    for rrule in [
        "FREQ=YEARLY;INTERVAL=2",
        "FREQ=YEARLY;COUNT=3",
        "FREQ=YEARLY;UNTIL=20230101",
    ] {
        let (event, rule) = yearly_event(start, rrule, &[]);
        assert_eq!(as_yearly(&event, &rule, false), None, "{rrule}");
    }
    let (mut event, rule) = yearly_event(start, "FREQ=YEARLY", &[]);
    assert_eq!(as_yearly(&event, &rule, true), None, "a make-up day");
    event.days = 2;
    assert_eq!(as_yearly(&event, &rule, false), None, "two days");
}

#[test]
fn a_chinese_feed_with_make_up_days_gives_open_lines_and_keeps_its_text() {
    let mut o = options("cn-2026");
    o.workdays = Some(Regex::new("班|补班|上班").unwrap());
    let out = imported(CN, &o);
    assert!(
        out.library
            .contains("holidays cn-2026 \"中国节假日 2026\" {"),
        "{}",
        out.library
    );
    assert_eq!(
        body(&out.library),
        vec![
            "closed 2026-01-01..2026-01-03 \"元旦 假期\"",
            "open 2026-01-04 \"元旦 补班\"",
            // The make-up days of one holiday are one line.
            "open 2026-02-14, 2026-02-28 \"春节 补班\"",
            "closed 2026-02-15..2026-02-23 \"春节 假期\"",
            // Folded inside 国 (a three-byte character).
            "closed 2026-10-01..2026-10-07 \"国庆节 假期\"",
        ]
    );
    assert!(out.skipped.is_empty());
}

#[test]
fn years_keep_only_the_days_inside_them() {
    let mut o = options("cn");
    o.years = Some("2026".parse().unwrap());
    assert_eq!(body(&imported(CN, &o).library).len(), 6);
    o.years = Some("2027..2028".parse().unwrap());
    assert_eq!(import(CN, &o), Err(ImportError::Nothing(6)));
}

#[test]
fn a_label_given_wins_and_is_escaped() {
    let mut o = options("us");
    o.label = Some("US \"federal\" \\ holidays".into());
    let out = imported(GOOGLE, &o);
    assert!(
        out.library
            .contains(r#"holidays us "US \"federal\" \\ holidays" {"#),
        "{}",
        out.library
    );
}

#[test]
fn bad_input_is_a_clear_error() {
    assert_eq!(
        import(b"hello, world\n", &options("x")),
        Err(ImportError::NotIcs)
    );
    assert_eq!(import(b"", &options("x")), Err(ImportError::NotIcs));
    assert_eq!(
        import(
            b"BEGIN:VCALENDAR\r\n\xff\xfe\r\nEND:VCALENDAR\r\n",
            &options("x")
        ),
        Err(ImportError::NotUtf8)
    );
    assert!(matches!(
        import(b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n", &options("x")),
        Err(ImportError::Syntax(_))
    ));
    assert_eq!(
        import(GOOGLE, &options("2027 us")),
        Err(ImportError::BadId("2027 us".into()))
    );
    assert_eq!(
        import(
            b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n",
            &options("x")
        ),
        Err(ImportError::Nothing(0))
    );
}

#[test]
fn years_parse_one_year_or_a_range_and_refuse_the_rest() {
    assert_eq!(
        "2026".parse(),
        Ok(Years {
            first: 2026,
            last: 2026
        })
    );
    assert_eq!(
        "2024..2029".parse(),
        Ok(Years {
            first: 2024,
            last: 2029
        })
    );
    for bad in ["", "26", "2029..2024", "2026..", "abcd", "20260", "0100"] {
        assert!(bad.parse::<Years>().is_err(), "{bad}");
    }
}

#[test]
fn rrule_shapes_read_as_their_yearly_base() {
    let start = NaiveDate::from_ymd_opt(2027, 11, 25).unwrap();
    let base = |rule: &str| read_rule(rule, start).map(|r| r.base.to_string());
    assert_eq!(
        base("FREQ=YEARLY;BYMONTH=11;BYDAY=4TH"),
        Ok("4th thu nov".into())
    );
    assert_eq!(
        base("FREQ=YEARLY;BYDAY=-1MO;BYMONTH=5"),
        Ok("last mon may".into())
    );
    assert_eq!(
        base("FREQ=YEARLY;BYMONTH=7;BYMONTHDAY=4"),
        Ok("07-04".into())
    );
    assert_eq!(base("FREQ=YEARLY"), Ok("11-25".into()));
    assert!(base("FREQ=YEARLY;BYDAY=-2MO;BYMONTH=5").is_err());
    assert!(base("FREQ=YEARLY;BYMONTH=5,6;BYMONTHDAY=1").is_err());
    assert!(base("FREQ=YEARLY;BYSETPOS=1").is_err());
    assert!(base("FREQ=DAILY").is_err());
}
