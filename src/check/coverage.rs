//! Whether clocks and channels fit together: W004 (a priority's clock runs
//! while no channel is open to submit a request) and W005 (a calendar
//! nothing uses).
//!
//! W004 compares weekly patterns minute by minute on a 7 × 1440 grid
//! (overnight spans spill into the next day, Sunday into Monday), plus each
//! date the clock or a channel's hours list apart from their week (own
//! lines and their sets' days, yearly ones over the effective period):
//! a set's make-up day the clock runs on, a holiday only the channel has.
//! Calendars in different time zones are not compared.

use super::items::Items;
use super::Checker;
use crate::ast::NameKind;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::*;
use chrono::NaiveDate;

const WEEK: usize = 7 * 1440;

/// The minutes of a week a calendar's weekly pattern is open.
fn weekly_grid(calendar: &Calendar) -> Vec<bool> {
    let mut grid = vec![calendar.always; WEEK];
    for (day, spans) in calendar.weekly.iter().enumerate() {
        for span in spans {
            let start = day * 1440 + span.start.minutes() as usize;
            for minute in start..start + span.wall_minutes() as usize {
                if let Some(cell) = grid.get_mut(minute % WEEK) {
                    *cell = true;
                }
            }
        }
    }
    grid
}

/// The minutes of one date that spans cover (overnight tails cut at midnight).
fn day_grid(spans: &[TimeSpan]) -> Vec<bool> {
    let mut grid = vec![false; 1440];
    for span in spans {
        let start = span.start.minutes() as usize;
        let end = (start + span.wall_minutes() as usize).min(1440);
        for cell in grid.iter_mut().take(end).skip(start) {
            *cell = true;
        }
    }
    grid
}

fn at(minute: usize) -> String {
    let day = WEEKDAY_NAMES.get(minute / 1440 % 7).unwrap_or(&"");
    let minute = minute % 1440;
    format!("{day} {:02}:{:02}", minute / 60, minute % 60)
}

/// The first time `clock` runs while none of the channels' `hours` is
/// open (`channels_open`: their week, built once), if any: in the week,
/// else on a listed date of the clock or a channel ([`Calendar::listed_days`]
/// over `period`).
fn uncovered_on(
    clock: &Calendar,
    hours: &[Option<&Calendar>],
    channels_open: &[bool],
    period: Option<(NaiveDate, NaiveDate)>,
) -> Option<String> {
    // A channel on the clock's own calendar is open whenever the clock runs.
    if hours.iter().flatten().any(|h| h.id == clock.id) {
        return None;
    }
    let weekly = weekly_grid(clock)
        .iter()
        .zip(channels_open)
        .position(|(clock_on, channel_on)| *clock_on && !channel_on)
        .map(|minute| format!("on {}", at(minute)));
    weekly.or_else(|| {
        let mut dates: Vec<NaiveDate> = std::iter::once(clock)
            .chain(hours.iter().flatten().copied())
            .flat_map(|c| c.listed_days(period).into_iter().map(|d| d.date))
            .collect();
        dates.sort();
        dates.dedup();
        // Each calendar's days looked up once for the whole range
        // (`Calendar::spans_on` per date would read every line each time).
        let (first, last) = (*dates.first()?, *dates.last()?);
        let clock_days = clock.days(first, last);
        let channel_days: Vec<DayTable<'_>> = hours
            .iter()
            .flatten()
            .map(|h| h.days(first, last))
            .collect();
        dates.into_iter().find_map(|date| {
            let mut channel_open = vec![false; 1440];
            for h in &channel_days {
                for (cell, on) in channel_open.iter_mut().zip(day_grid(h.spans_on(date))) {
                    *cell |= on;
                }
            }
            day_grid(clock_days.spans_on(date))
                .iter()
                .zip(&channel_open)
                .position(|(a, b)| *a && !b)
                .map(|m| format!("on {} {:02}:{:02}", date, m / 60, m % 60))
        })
    })
}

impl Checker<'_> {
    pub(super) fn coverage(&mut self, items: &Items<'_>, model: &Contract) {
        self.unused_calendars(items, model);
        self.clocks_without_channels(items, model);
    }

    fn unused_calendars(&mut self, items: &Items<'_>, model: &Contract) {
        for calendar in &items.calendars {
            let id = CalendarId(calendar.name.node.clone());
            let used = model.clock.as_ref() == Some(&id)
                || model.priorities.iter().any(|p| {
                    p.clock.as_ref() == Some(&id)
                        || TargetKind::ALL
                            .iter()
                            .any(|&kind| p.target(kind).clock.as_ref() == Some(&id))
                })
                || model.channels.iter().any(|c| c.hours.as_ref() == Some(&id))
                || self.meant_calendars.contains(&calendar.name.node)
                || self
                    .dropped
                    .refers_to(NameKind::Calendar, &calendar.name.node);
            if !used {
                self.push(
                    Diagnostic::new(
                        Code::W005,
                        calendar.name.span,
                        format!("calendar `{}` is not used", calendar.name.node),
                    )
                    .with_label("no channel or clock uses it")
                    .with_help(format!(
                        "use it as a channel's `hours {0}` or a `clock {0}`, or remove it",
                        calendar.name.node
                    )),
                );
            }
        }
    }

    fn clocks_without_channels(&mut self, items: &Items<'_>, model: &Contract) {
        let channels: Vec<&Channel> = if model.support.submit_via.is_empty() {
            model.channels.iter().collect()
        } else {
            // By id in a table: `Contract::channel` per name would be
            // quadratic in the channels listed.
            let by_id: std::collections::HashMap<&ChannelId, &Channel> =
                model.channels.iter().map(|c| (&c.id, c)).collect();
            model
                .support
                .submit_via
                .iter()
                .filter_map(|id| by_id.get(id).copied())
                .collect()
        };
        if channels.is_empty() {
            return;
        }
        let hours: Vec<Option<&Calendar>> = channels
            .iter()
            .map(|c| c.hours.as_ref().and_then(|id| model.calendar(id)))
            .collect();
        if hours.iter().any(|h| h.is_none_or(|c| c.always)) {
            return;
        }
        // Channels on the same calendar are open at the same times: each
        // calendar once (else every look-up below is per channel).
        let mut seen = std::collections::HashSet::new();
        let hours: Vec<Option<&Calendar>> = hours
            .into_iter()
            .filter(|h| h.is_none_or(|c| seen.insert(c.id.as_str())))
            .collect();
        let period = model
            .effective
            .as_ref()
            .and_then(Effective::expansion_period);
        // The week the channels are open, built once.
        let mut channels_open = vec![false; WEEK];
        for h in hours.iter().flatten() {
            for (cell, on) in channels_open.iter_mut().zip(weekly_grid(h)) {
                *cell |= on;
            }
        }
        // When a calendar's clock runs with no channel open depends on the
        // calendar alone: worked out once per calendar, not per priority.
        let mut uncovered_by_clock: std::collections::HashMap<&str, Option<String>> =
            std::collections::HashMap::new();
        for (priority, written) in model.priorities.iter().zip(&items.priorities) {
            for (kind, span, whose) in self.distinct_clocks(items, priority, written) {
                if self.target_clock_is_unknown(priority.id.as_str(), kind) {
                    continue;
                }
                let clock = model.target_clock(priority, kind);
                let uncovered = match clock {
                    None => Some("around the clock".to_string()),
                    Some(c) if c.always => Some("around the clock".to_string()),
                    Some(c) if hours.iter().flatten().any(|h| h.timezone != c.timezone) => None,
                    Some(c) => uncovered_by_clock
                        .entry(c.id.as_str())
                        .or_insert_with(|| uncovered_on(c, &hours, &channels_open, period))
                        .clone(),
                };
                if let Some(when) = uncovered {
                    let clock_name = clock.map_or("24x7".to_string(), |c| format!("`{}`", c.id));
                    self.push(
                        Diagnostic::new(
                            Code::W004,
                            span,
                            format!("{whose} ({clock_name}) runs {when} while no channel is open"),
                        )
                        .with_label("the clock runs, nobody can submit")
                        .with_help("open a channel at those times (such as a 24x7 hotline), or give the priority a clock that matches the channels' hours"),
                    );
                }
            }
        }
    }

    /// The clocks a priority's targets run on, each once: the kind of a
    /// target on it, the span to report at (a target's `on CALENDAR`, else
    /// the priority's `clock` or name) and whose clock it is in words.
    fn distinct_clocks(
        &self,
        items: &Items<'_>,
        priority: &Priority,
        written: &crate::ast::Priority,
    ) -> Vec<(TargetKind, crate::source::Span, String)> {
        let mut found: Vec<(TargetKind, crate::source::Span, String)> = Vec::new();
        let mut seen: Vec<Option<&CalendarId>> = Vec::new();
        for kind in TargetKind::ALL {
            let id = priority.clock_for(kind);
            if seen.contains(&id) {
                continue;
            }
            seen.push(id);
            let own = priority
                .target(kind)
                .clock
                .as_ref()
                .and_then(|_| items.target_line(kind, priority.id.as_str()))
                .and_then(|line| line.clock.as_ref());
            match own {
                Some(on) => found.push((
                    kind,
                    on.calendar.span,
                    format!("the {kind} clock of `{}`", priority.id),
                )),
                None => found.push((
                    kind,
                    written
                        .clocks
                        .first()
                        .map_or(written.name.span, |c| c.calendar.span),
                    format!("the clock of `{}`", priority.id),
                )),
            }
        }
        found
    }
}
