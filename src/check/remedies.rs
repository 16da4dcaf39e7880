//! The remedies items (design §11). `exclusions`: one maintenance block
//! (E010 for a second) with one notice (E011 without, E032 when it cannot
//! be counted on the contract clock), window lines (W013 when the window
//! meets the hours of no channel with availability) and an allowance;
//! clause ids declared once (E010). `credits`: one fee (E064 for a
//! currency not shaped as ISO 4217), credit lines on declared names (E012)
//! with something to measure (E062), tiers in the metric's unit (E063), in
//! range (E030), strictly deeper and dearer (E060, E061 for a repeated
//! threshold), a first tier not above the target (W014) and none above the
//! cap (W015); a cap in (0, 100%] (E030); a claim window in days or
//! business days (E032).

use super::items::Items;
use super::names::Names;
use super::twice::{given_twice, GIVEN};
use super::{text, Checker};
use crate::ast::{self, CreditsLine, DurationAst, ExclusionLine, MaintenanceLine, MetricAst};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::*;
use crate::source::{Span, Spanned};

/// What the credit checks look up in the rest of the contract.
pub(super) struct Measured<'a> {
    pub channels: &'a [Channel],
    pub priorities: &'a [Priority],
    pub fcr: Option<&'a FcrTarget>,
    pub csat: Option<&'a CsatTarget>,
}

/// The first of a kind of line, for "given twice".
fn once(seen: &mut Vec<(&'static str, Span)>, name: &'static str, keyword: Span) -> Option<Span> {
    match seen.iter().find(|(n, _)| *n == name) {
        Some((_, first)) => Some(*first),
        None => {
            seen.push((name, keyword));
            None
        }
    }
}

impl Checker<'_> {
    fn twice(&mut self, again: Span, first: Span, what: &str, place: &str) {
        self.push(given_twice(
            again,
            Some(first),
            GIVEN,
            format!("`{what}` is given twice in `{place}`"),
            "keep one",
        ));
    }

    pub(super) fn exclusions(
        &mut self,
        items: &Items<'_>,
        clock: Option<&Calendar>,
        clock_unknown: bool,
        channels: &[Channel],
        calendars: &[Calendar],
    ) -> Option<Exclusions> {
        let (lines, keyword) = items.exclusions?;
        if lines.is_empty() {
            self.push(
                Diagnostic::new(Code::E011, keyword, "`exclusions` has no maintenance or clause")
                    .with_label("empty")
                    .with_help("write `clause force-majeure \"…\"` or a `maintenance { notice … }`, or remove the item"),
            );
        }
        let mut maintenance = None;
        let mut first_maintenance: Option<Span> = None;
        let mut clauses = Vec::new();
        let mut clause_ids = Vec::new();
        for line in lines {
            match line {
                ExclusionLine::Maintenance {
                    keyword,
                    lines,
                    span,
                    ..
                } => {
                    if let Some(first) = first_maintenance {
                        self.twice(*keyword, first, "maintenance", "exclusions");
                        continue;
                    }
                    first_maintenance = Some(*keyword);
                    maintenance = self.maintenance(*keyword, lines, *span, clock, clock_unknown);
                }
                ExclusionLine::Clause { id, text: t, .. } => {
                    if ["outage", "maintenance"].contains(&id.node.as_str()) {
                        self.push(given_twice(
                            id.span,
                            None,
                            GIVEN,
                            format!("`{}` is already a kind of outage row", id.node),
                            "give the clause another id, such as `planned-works`",
                        ));
                        continue;
                    }
                    clause_ids.push(id);
                    clauses.push(Clause {
                        id: ClauseId(id.node.clone()),
                        text: text(t),
                    });
                }
            }
        }
        self.unique_names("clause", clause_ids);
        if let Some(m) = &maintenance {
            self.window_meets_hours(m, lines, channels, calendars);
        }
        Some(Exclusions {
            maintenance,
            clauses,
        })
    }

    fn maintenance(
        &mut self,
        keyword: Span,
        lines: &[MaintenanceLine],
        span: Span,
        clock: Option<&Calendar>,
        clock_unknown: bool,
    ) -> Option<Maintenance> {
        let mut seen = Vec::new();
        let mut notice = None;
        let mut window: Option<[Vec<TimeSpan>; 7]> = None;
        let mut allowance = None;
        for line in lines {
            match line {
                MaintenanceLine::Notice {
                    keyword, notice: n, ..
                } => {
                    if let Some(first) = once(&mut seen, "notice", *keyword) {
                        self.twice(*keyword, first, "notice", "maintenance");
                        continue;
                    }
                    let zero = (
                        "a maintenance notice of no time is no notice",
                        "give the notice the provider must give, such as `5 business days`",
                    );
                    if clock_unknown || self.fits_contract_clock(n, clock, zero) {
                        notice = Some(n.node.to_fill());
                    }
                }
                MaintenanceLine::Window { days, spans, .. } => {
                    let week = window.get_or_insert_with(Default::default);
                    for day in days.iter().flat_map(|d| d.node.iter()) {
                        if let Some(list) = week.get_mut(*day) {
                            list.extend(spans.iter().map(|s| s.node));
                            list.sort();
                            list.dedup();
                        }
                    }
                }
                MaintenanceLine::AtMost {
                    keyword,
                    amount,
                    period,
                    ..
                } => {
                    if let Some(first) = once(&mut seen, "at most", *keyword) {
                        self.twice(*keyword, first, "at most", "maintenance");
                        continue;
                    }
                    if self.allowance_fits(amount) {
                        allowance = Some(Allowance {
                            amount: amount.node.to_fill(),
                            period: period.node,
                        });
                    }
                }
            }
        }
        let Some(notice) = notice else {
            if !seen.iter().any(|(n, _)| *n == "notice") {
                self.push(
                    Diagnostic::new(Code::E011, keyword, "`maintenance` has no `notice`")
                        .with_label("notice missing")
                        .with_help("write how long before it starts maintenance is announced, such as `notice 5 business days`")
                        .with_related(span, "in this block"),
                );
            }
            return None;
        };
        Some(Maintenance {
            notice,
            window,
            allowance,
        })
    }

    /// E032 for an allowance that is zero or in business days: it is real
    /// time, counted in the channel's open minutes.
    fn allowance_fits(&mut self, amount: &Spanned<DurationAst>) -> bool {
        let DurationAst::Given { amount: n, unit } = &amount.node else {
            return true;
        };
        let (span, message, label) = match unit.node {
            _ if *n == 0 => (
                amount.span,
                "an allowance of no time excludes no maintenance",
                "zero",
            ),
            Unit::BusinessDays => (
                unit.span,
                "an allowance is real time, not business days",
                "business days",
            ),
            Unit::Minutes | Unit::Hours | Unit::Days => return true,
        };
        self.push(
            Diagnostic::new(Code::E032, span, message)
                .with_label(label)
                .with_help("write it in `minutes`, `hours` or `days`, such as `at most 8 hours monthly`; without `at most` there is no limit"),
        );
        false
    }

    /// W013 when the maintenance window meets the open hours of no channel
    /// that has `availability`: maintenance in the window is then never in
    /// service hours, and maintenance in service hours never in the window,
    /// so no maintenance is ever excluded.
    fn window_meets_hours(
        &mut self,
        maintenance: &Maintenance,
        lines: &[ExclusionLine],
        channels: &[Channel],
        calendars: &[Calendar],
    ) {
        let Some(window) = &maintenance.window else {
            return;
        };
        let window_minutes = week_minutes(window, &[]);
        let measured: Vec<&Channel> = channels
            .iter()
            .filter(|ch| ch.availability.is_some())
            .collect();
        let missed: Vec<String> = measured
            .iter()
            .filter_map(|ch| {
                let calendar = ch
                    .hours
                    .as_ref()
                    .and_then(|id| calendars.iter().find(|c| &c.id == id))?;
                if calendar.always {
                    return None;
                }
                let extra: Vec<(usize, TimeSpan)> = calendar
                    .open
                    .iter()
                    .flat_map(|day| {
                        use chrono::Datelike;
                        let weekday = day.date.weekday().num_days_from_monday() as usize;
                        day.spans.iter().map(move |s| (weekday, *s))
                    })
                    .collect();
                let open = week_minutes(&calendar.weekly, &extra);
                let meets = window_minutes.iter().zip(&open).any(|(w, o)| *w && *o);
                (!meets).then(|| format!("`{}` (hours `{}`)", ch.id, calendar.id))
            })
            .collect();
        // One channel the window meets is enough: it is then where the
        // window matters (a window outside one channel's hours only keeps
        // maintenance out of them, as intended).
        if missed.is_empty() || missed.len() < measured.len() {
            return;
        }
        let Some(span) = lines.iter().find_map(|line| match line {
            ExclusionLine::Maintenance { lines, .. } => lines.iter().find_map(|l| match l {
                MaintenanceLine::Window { span, .. } => Some(*span),
                MaintenanceLine::Notice { .. } | MaintenanceLine::AtMost { .. } => None,
            }),
            ExclusionLine::Clause { .. } => None,
        }) else {
            return;
        };
        self.push(
            Diagnostic::new(
                Code::W013,
                span,
                format!(
                    "the maintenance window is never open while a measured channel is: {}",
                    missed.join(", ")
                ),
            )
            .with_label("outside those service hours")
            .with_help("maintenance outside service hours is no downtime anyway; give a window inside the hours, or remove `window` to allow maintenance at any time"),
        );
    }

    pub(super) fn credits(
        &mut self,
        items: &Items<'_>,
        measured: &Measured<'_>,
        clock: Option<&Calendar>,
        clock_unknown: bool,
    ) -> Option<Credits> {
        let (lines, keyword) = items.credits?;
        let channel_names = Names::new(items.channels.iter().map(|c| c.name.node.as_str()));
        let priority_names = Names::new(items.priorities.iter().map(|p| p.name.node.as_str()));
        let mut seen = Vec::new();
        let mut credits = Credits {
            fee: None,
            lines: Vec::new(),
            cap: None,
            claim: None,
            form: None,
        };
        let mut written: Vec<&ast::CreditTiers> = Vec::new();
        let mut metrics: Vec<(CreditMetric, Span)> = Vec::new();
        for line in lines {
            match line {
                CreditsLine::Fee {
                    keyword,
                    amount,
                    period,
                    ..
                } => {
                    if let Some(first) = once(&mut seen, "fee", *keyword) {
                        self.twice(*keyword, first, "fee", "credits");
                        continue;
                    }
                    credits.fee = self.fee(amount, period.node);
                }
                CreditsLine::Tiers(tiers) => {
                    written.push(tiers);
                }
                CreditsLine::Cap {
                    keyword,
                    percent,
                    period,
                    ..
                } => {
                    if let Some(first) = once(&mut seen, "cap", *keyword) {
                        self.twice(*keyword, first, "cap", "credits");
                        continue;
                    }
                    let before = self.out.len();
                    self.percent(
                        &Spanned::new(Fill::Value(percent.node), percent.span),
                        "a cap",
                    );
                    if self.out.len() == before {
                        credits.cap = Some(Cap {
                            percent: percent.node,
                            period: period.node,
                        });
                    }
                }
                CreditsLine::Claim {
                    keyword, within, ..
                } => {
                    if let Some(first) = once(&mut seen, "claim", *keyword) {
                        self.twice(*keyword, first, "claim", "credits");
                        continue;
                    }
                    if clock_unknown || self.claim_fits(within, clock) {
                        credits.claim = Some(within.node.to_fill());
                    }
                }
                CreditsLine::Form { keyword, form, .. } => {
                    if let Some(first) = once(&mut seen, "form", *keyword) {
                        self.twice(*keyword, first, "form", "credits");
                        continue;
                    }
                    credits.form = Some(form.node);
                }
            }
        }
        if written.is_empty() {
            self.push(
                Diagnostic::new(Code::E011, keyword, "`credits` has no credit line")
                    .with_label("no credit line")
                    .with_help("add a line such as `availability hotline below 99.9% credit 5%`"),
            );
        }
        for tiers in written {
            let Some(metric) = self.credit_metric(tiers, measured, &channel_names, &priority_names)
            else {
                continue;
            };
            if let Some((_, first)) = metrics.iter().find(|(m, _)| *m == metric) {
                let first = *first;
                self.push(given_twice(
                    tiers.keyword,
                    Some(first),
                    GIVEN,
                    format!("the credit line `{metric}` is given twice"),
                    "put all its tiers in one line",
                ));
                continue;
            }
            metrics.push((metric.clone(), tiers.keyword));
            if let Some(line) = self.credit_line(metric, tiers, measured, credits.cap) {
                credits.lines.push(line);
            }
        }
        Some(credits)
    }

    /// The fee, with E064 for a currency that is not three capitals.
    fn fee(&mut self, amount: &ast::FeeAmount, period: Period) -> Option<Fee> {
        let (amount, currency) = match amount {
            ast::FeeAmount::Given { amount, currency } => {
                (Fill::Value(amount.node), Some(currency))
            }
            ast::FeeAmount::Placeholder { text, currency } => {
                (Fill::Placeholder(text.node.clone()), currency.as_ref())
            }
        };
        let currency = match currency {
            Some(code) if Currency::is_iso_shaped(&code.node) => Some(Currency(code.node.clone())),
            Some(code) => {
                let upper = code.node.to_ascii_uppercase();
                let help = if Currency::is_iso_shaped(&upper) {
                    format!("write `{upper}`")
                } else {
                    "write the ISO 4217 code of the currency, such as `CNY`, `USD` or `EUR`"
                        .to_string()
                };
                self.push(
                    Diagnostic::new(
                        Code::E064,
                        code.span,
                        format!("`{}` is not an ISO 4217 currency code", code.node),
                    )
                    .with_label("not three capital letters")
                    .with_help(help),
                );
                return None;
            }
            None => None,
        };
        Some(Fee {
            amount,
            currency,
            period,
        })
    }

    /// E032 for a claim window that is zero, in minutes or hours, or in
    /// business days without a business contract clock. Plain `days` are
    /// calendar days on any clock (design §11).
    fn claim_fits(&mut self, within: &Spanned<DurationAst>, clock: Option<&Calendar>) -> bool {
        let DurationAst::Given { amount, unit } = &within.node else {
            return true;
        };
        let zero = (
            "a claim window of no time leaves no time to claim",
            "give the time the client has to claim, such as `30 days`",
        );
        match unit.node {
            Unit::BusinessDays => self.fits_contract_clock(within, clock, zero),
            Unit::Days if *amount > 0 => true,
            Unit::Days => self.fits_contract_clock(within, clock, zero),
            Unit::Minutes | Unit::Hours => {
                self.push(
                    Diagnostic::new(
                        Code::E032,
                        unit.span,
                        "a claim window is counted in days or business days",
                    )
                    .with_label("not days")
                    .with_help("write `30 days` (calendar days) or `10 business days` (on the contract clock)"),
                );
                false
            }
        }
    }

    /// The metric of a credit line, on declared names (E012) with a target
    /// to measure (E062).
    fn credit_metric(
        &mut self,
        tiers: &ast::CreditTiers,
        measured: &Measured<'_>,
        channel_names: &Names<'_>,
        priority_names: &Names<'_>,
    ) -> Option<CreditMetric> {
        let (metric, nothing) = match &tiers.metric {
            MetricAst::Availability(channel) => {
                if !self.resolve(channel, "channel", channel_names) {
                    return None;
                }
                let id = ChannelId(channel.node.clone());
                let has = measured
                    .channels
                    .iter()
                    .find(|c| c.id == id)
                    .is_none_or(|c| c.availability.is_some());
                let why = format!("channel `{id}` has no `availability` target");
                (
                    CreditMetric::Availability(id),
                    (!has).then_some((
                        channel.span,
                        why,
                        "give the channel `availability 99.9% monthly`, or remove this line"
                            .to_string(),
                    )),
                )
            }
            MetricAst::Target(kind, priority) => {
                if !self.resolve(priority, "priority", priority_names) {
                    return None;
                }
                let id = PriorityId(priority.node.clone());
                (CreditMetric::Target(id, *kind), None)
            }
            MetricAst::Fcr => {
                let why = "the contract has no `fcr` target".to_string();
                let nothing = measured.fcr.is_none().then_some((
                    tiers.keyword,
                    why,
                    "add `fcr at least 70% monthly`, or remove this line".to_string(),
                ));
                (CreditMetric::Fcr, nothing)
            }
            MetricAst::Csat => {
                let why = "the contract has no `csat` target".to_string();
                let nothing = measured.csat.is_none().then_some((
                    tiers.keyword,
                    why,
                    "add `csat at least 4.5 quarterly`, or remove this line".to_string(),
                ));
                (CreditMetric::Csat, nothing)
            }
        };
        if let Some((span, why, help)) = nothing {
            self.push(
                Diagnostic::new(
                    Code::E062,
                    span,
                    format!("a credit line on `{metric}`, but {why}"),
                )
                .with_label("nothing to measure")
                .with_help(help),
            );
            return None;
        }
        Some(metric)
    }

    /// The tiers of one line, checked: unit (E063), range (E030), order
    /// (E060, E061), against the target (W014) and the cap (W015).
    fn credit_line(
        &mut self,
        metric: CreditMetric,
        written: &ast::CreditTiers,
        measured: &Measured<'_>,
        cap: Option<Cap>,
    ) -> Option<CreditLine> {
        if written.tiers.is_empty() {
            self.push(
                Diagnostic::new(
                    Code::E011,
                    written.span,
                    format!("the credit line `{metric}` has no tier"),
                )
                .with_label("no tier")
                .with_help("write a tier such as `below 99.9% credit 5%` in the braces"),
            );
            return None;
        }
        let before = self.out.iter().filter(|d| d.is_error()).count();
        let score_scale = match (&metric, measured.csat) {
            (CreditMetric::Csat, Some(csat)) => match csat.goal {
                CsatGoal::Score { .. } => Some(csat.scale),
                CsatGoal::Satisfied { .. } => None,
            },
            _ => None,
        };
        for tier in &written.tiers {
            self.tier_unit_and_range(&metric, tier, score_scale);
        }
        for (i, tier) in written.tiers.iter().enumerate() {
            let earlier = written.tiers.get(..i).unwrap_or(&[]);
            if let Some(same) = earlier.iter().find(|t| t.below.node == tier.below.node) {
                self.push(
                    Diagnostic::new(
                        Code::E061,
                        tier.below.span,
                        format!("the threshold {} is given twice in `{metric}`", shown(tier)),
                    )
                    .with_label("given again here")
                    .with_related(same.below.span, "first given here")
                    .with_help("each tier has its own threshold; merge the two or change one"),
                );
                continue;
            }
            let Some(previous) = earlier.last() else {
                continue;
            };
            let problem = if tier.below.node > previous.below.node {
                Some((
                    tier.below.span,
                    format!(
                        "tier `below {}` comes after `below {}`: thresholds must fall",
                        shown(tier),
                        shown(previous)
                    ),
                    "not below the tier before",
                ))
            } else if tier.credit.node <= previous.credit.node {
                Some((
                    tier.credit.span,
                    format!(
                        "a deeper tier earns {}%, not more than the {}% of the tier before",
                        tier.credit.node, previous.credit.node
                    ),
                    "not more than the tier before",
                ))
            } else {
                None
            };
            if let Some((span, message, label)) = problem {
                self.push(
                    Diagnostic::new(Code::E060, span, message)
                        .with_label(label)
                        .with_related(previous.span, "the tier before")
                        .with_help("list the tiers from the highest threshold down, each with a larger credit: `below 99.9% credit 5%` then `below 99.5% credit 10%`"),
                );
            }
        }
        if self.out.iter().filter(|d| d.is_error()).count() > before {
            return None;
        }
        if let (Some(first), Some(target)) = (written.tiers.first(), target_of(&metric, measured)) {
            if first.below.node > target {
                let unit = if first.below_percent { "%" } else { "" };
                self.push(
                    Diagnostic::new(
                        Code::W014,
                        first.below.span,
                        format!(
                            "a figure from {target}{unit} up to {}{unit} meets the target of `{metric}` ({target}{unit}) and still earns a {}% credit",
                            first.below.node, first.credit.node
                        ),
                    )
                    .with_label("above the target")
                    .with_help(format!("start the tiers at the target, `below {target}{unit}`, or raise the target")),
                );
            }
        }
        if let Some(cap) = cap {
            for tier in written.tiers.iter().filter(|t| t.credit.node > cap.percent) {
                self.push(
                    Diagnostic::new(
                        Code::W015,
                        tier.credit.span,
                        format!(
                            "a credit of {}% is never paid in full: all credits together are capped at {}%",
                            tier.credit.node, cap.percent
                        ),
                    )
                    .with_label("above the cap: unreachable")
                    .with_help("lower the tier to the cap, or raise the cap"),
                );
            }
        }
        Some(CreditLine {
            metric,
            tiers: written
                .tiers
                .iter()
                .map(|t| Tier {
                    below: t.below.node,
                    credit_percent: t.credit.node,
                })
                .collect(),
        })
    }

    /// E063 for a threshold in the wrong unit (a score where the metric is a
    /// percentage, or the reverse); E030 for a threshold or credit out of
    /// range.
    fn tier_unit_and_range(
        &mut self,
        metric: &CreditMetric,
        tier: &ast::TierAst,
        score_scale: Option<(u32, u32)>,
    ) {
        let wants_percent = score_scale.is_none();
        if tier.below_percent != wants_percent {
            let (message, help) = if wants_percent {
                (
                    format!("`{metric}` is measured in %, but this threshold is a plain number"),
                    format!("write `below {}%`", tier.below.node),
                )
            } else {
                (
                    "the CSAT goal is a score, but this threshold is a percentage".to_string(),
                    "write the threshold as a score on the CSAT scale, such as `below 4.5`, or make the goal `% satisfied`".to_string(),
                )
            };
            self.push(
                Diagnostic::new(Code::E063, tier.below.span, message)
                    .with_label("wrong unit")
                    .with_help(help),
            );
        } else if let Some((low, high)) = score_scale {
            let v = tier.below.node;
            if v <= f64::from(low) || v > f64::from(high) {
                self.push(
                    Diagnostic::new(
                        Code::E030,
                        tier.below.span,
                        format!("a CSAT threshold of {v} is outside the scale {low}..{high}"),
                    )
                    .with_label("outside the scale")
                    .with_help(format!(
                        "a score threshold lies above {low} and at most {high}"
                    )),
                );
            }
        } else {
            self.percent(
                &Spanned::new(Fill::Value(tier.below.node), tier.below.span),
                "a tier threshold",
            );
        }
        self.percent(
            &Spanned::new(Fill::Value(tier.credit.node), tier.credit.span),
            "a credit",
        );
    }
}

/// A threshold as written, with `%` when it had one.
fn shown(tier: &ast::TierAst) -> String {
    if tier.below_percent {
        format!("{}%", tier.below.node)
    } else {
        tier.below.node.to_string()
    }
}

/// The metric's own target, in its unit, when it is a value.
fn target_of(metric: &CreditMetric, measured: &Measured<'_>) -> Option<f64> {
    match metric {
        CreditMetric::Availability(id) => measured
            .channels
            .iter()
            .find(|c| &c.id == id)
            .and_then(|c| c.availability.as_ref())
            .and_then(|a| a.percent.value().copied()),
        CreditMetric::Target(id, kind) => measured
            .priorities
            .iter()
            .find(|p| &p.id == id)
            .and_then(|p| match &p.target(*kind).attainment {
                None => Some(100.0),
                Some(share) => share.value().copied(),
            }),
        CreditMetric::Fcr => measured.fcr.and_then(|f| f.min_percent.value().copied()),
        CreditMetric::Csat => measured.csat.and_then(|c| match &c.goal {
            CsatGoal::Score { min } => min.value().copied(),
            CsatGoal::Satisfied { min_percent } => min_percent.value().copied(),
        }),
    }
}
