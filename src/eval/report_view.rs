//! What the text, Markdown and HTML reports say, built once in the
//! report's language: the headline, the rows of each target, the lines
//! under a period, the credits, the breached tickets and the closing
//! sentence. Each format only lays these out (and escapes them), so the
//! three say the same thing in the same words.

use super::compliance::{
    AvailabilityReport, ComplianceReport, CsatReport, MaintenanceReport, PeriodReport,
    PriorityInfo, PriorityReport,
};
use super::credits::{CreditLineReport, CreditsReport, FigureUnit};
use super::report_phrases::{count, fill, ReportPhrases};
use super::settle::parse_period;
use super::ReportPeriod;
use crate::model::{CreditForm, CreditMetric, Lang, TargetKind};
use crate::render::values::Values;
use crate::render::zone_names;

pub(crate) fn num(x: Option<f64>) -> String {
    x.map_or_else(|| "—".into(), |v| format!("{v:.2}"))
}

pub(crate) fn pct(x: Option<f64>) -> String {
    x.map_or_else(|| "—".into(), |v| format!("{v:.2}%"))
}

/// A contract number as written: `100`, `99.5`.
pub(crate) fn plain(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{x}")
    }
}

/// A report seen in one language.
pub(crate) struct View<'r> {
    pub say: &'static ReportPhrases,
    pub r: &'r ComplianceReport,
}

/// One target of one priority in one period: the cells every format shows.
pub(crate) struct TargetRow {
    pub priority: String,
    pub tickets: u64,
    pub kind: &'static str,
    pub met: u64,
    pub breached: u64,
    pub pending: u64,
    pub attained: String,
    /// The share the target asks for: `95%`.
    pub goal: String,
    pub p50: String,
    pub p90: String,
    pub ok: Option<bool>,
    pub verdict: &'static str,
}

/// One credit line in one period.
pub(crate) struct CreditRow {
    pub metric: String,
    pub actual: String,
    pub credit: String,
    /// No data (`None`), earns a credit (`Some(true)`), earns none.
    pub earns: Option<bool>,
}

/// The breached tickets of one missed target in one period.
pub(crate) struct BreachedView {
    pub anchor: String,
    pub title: String,
    /// Ticket id, late in open-time minutes, late in wall-clock minutes.
    pub rows: Vec<(String, String, String)>,
}

/// A name in a list of targets: `P1.response` read back into its parts.
enum TargetName<'a> {
    Target(&'a str, TargetKind),
    Availability(&'a str),
    Fcr,
    Csat,
    Other(&'a str),
}

impl<'a> TargetName<'a> {
    fn parse(id: &'a str) -> TargetName<'a> {
        match id {
            "fcr" => return TargetName::Fcr,
            "csat" => return TargetName::Csat,
            _ => {}
        }
        if let Some((priority, kind)) = id.rsplit_once('.') {
            if let Some(kind) = TargetKind::ALL.into_iter().find(|k| k.word() == kind) {
                return TargetName::Target(priority, kind);
            }
        }
        match id.split_once('.') {
            Some(("availability", channel)) => TargetName::Availability(channel),
            _ => TargetName::Other(id),
        }
    }
}

impl<'r> View<'r> {
    pub fn new(r: &'r ComplianceReport, lang: Lang) -> View<'r> {
        View {
            say: ReportPhrases::of(lang),
            r,
        }
    }

    fn lang(&self) -> Lang {
        self.say.lang
    }

    /// `monthly periods in Asia/Shanghai` / `按北京时间（Asia/Shanghai）逐月统计`.
    fn periods_in(&self) -> String {
        let zone = zone_names::first_mention(self.lang(), &self.r.timezone).plain();
        let template = match self.r.period {
            "quarterly" => self.say.quarterly_periods_in,
            _ => self.say.monthly_periods_in,
        };
        fill(template, &[&zone])
    }

    fn as_of(&self) -> String {
        fill(self.say.as_of, &[&self.r.as_of])
    }

    /// Contract, tickets (and outage rows), periods and zone, as-of time.
    pub fn headline(&self) -> String {
        let mut counts = count(self.say.tickets, self.r.tickets);
        if let Some(o) = &self.r.outages {
            counts.push_str(self.say.list_separator);
            counts.push_str(&count(self.say.outage_rows, o.rows));
        }
        fill(
            self.say.headline,
            &[
                &self.r.title,
                &self.r.contract,
                &counts,
                &self.periods_in(),
                &self.as_of(),
            ],
        )
    }

    /// The HTML subtitle: tickets · periods · as of · what was skipped.
    pub fn subtitle(&self) -> Vec<String> {
        let mut parts = vec![
            count(self.say.tickets, self.r.tickets),
            self.periods_in(),
            self.as_of(),
        ];
        parts.extend(self.skipped());
        parts
    }

    /// What was skipped of each log, a line each.
    pub fn skipped(&self) -> Vec<String> {
        let outages = self
            .r
            .outages
            .as_ref()
            .filter(|o| o.skipped_total > 0)
            .map(|o| count(self.say.outage_rows_skipped, o.skipped_total));
        [skipped_summary(self.r, self.say), outages]
            .into_iter()
            .flatten()
            .collect()
    }

    /// `2027-03` in words: `2027年3月` in Chinese.
    pub fn period(&self, id: &str) -> String {
        let quarter = parse_period(ReportPeriod::Quarterly, id);
        let month = parse_period(ReportPeriod::Monthly, id);
        match (quarter, month) {
            (Some((year, q)), _) => fill(self.say.quarter, &[&year.to_string(), &q.to_string()]),
            (None, Some((year, m))) => fill(
                self.say.month,
                &[&year.to_string(), &m.to_string(), &format!("{m:02}")],
            ),
            (None, None) => id.to_string(),
        }
    }

    fn target_name(&self, id: &str) -> String {
        match TargetName::parse(id) {
            TargetName::Target(priority, kind) => {
                fill(self.say.target_name, &[priority, self.say.kind(kind)])
            }
            TargetName::Availability(channel) => fill(self.say.availability_name, &[channel]),
            TargetName::Fcr => self.say.fcr_name.to_string(),
            TargetName::Csat => self.say.csat_name.to_string(),
            TargetName::Other(id) => id.to_string(),
        }
    }

    /// A period's targets by name: `P1.response, csat` / `P1 响应、客户满意度`.
    pub fn targets(&self, ids: &[String]) -> String {
        ids.iter()
            .map(|id| self.target_name(id))
            .collect::<Vec<_>>()
            .join(self.say.list_separator)
    }

    /// The report's missed targets, each with its period.
    pub fn missed_everywhere(&self) -> String {
        self.r
            .missed
            .iter()
            .map(|m| match m.split_once(' ') {
                Some((period, target)) => fill(
                    self.say.period_target,
                    &[&self.period(period), &self.target_name(target)],
                ),
                None => m.clone(),
            })
            .collect::<Vec<_>>()
            .join(self.say.list_separator)
    }

    /// `missed: …` under a period (`none` when nothing was).
    pub fn missed_line(&self, p: &PeriodReport) -> String {
        let list = match p.missed.is_empty() {
            true => self.say.none.to_string(),
            false => self.targets(&p.missed),
        };
        fill(self.say.missed_list, &[&list])
    }

    /// `no data: …` under a period, when some target has none.
    pub fn no_data_line(&self, p: &PeriodReport) -> Option<String> {
        (!p.no_data.is_empty()).then(|| fill(self.say.no_data_list, &[&self.targets(&p.no_data)]))
    }

    /// The cells of one target of one priority.
    pub fn target_row(&self, pr: &PriorityReport, kind: TargetKind) -> TargetRow {
        let t = pr.target(kind);
        TargetRow {
            priority: pr.id.clone(),
            tickets: pr.tickets,
            kind: self.say.kind(kind),
            met: t.met,
            breached: t.breached,
            pending: t.pending,
            attained: pct(t.attainment_percent),
            goal: format!("{}%", plain(t.target_percent)),
            p50: num(t.p50_minutes),
            p90: num(t.p90_minutes),
            ok: t.ok,
            verdict: self.say.verdict(t.ok),
        }
    }

    /// A priority's target in words: `15 minutes`, `2 business days or
    /// workaround for 95%`.
    pub fn target_words(&self, info: &PriorityInfo, kind: TargetKind) -> String {
        let (within, workaround) = match kind {
            TargetKind::Response => (info.response_within, false),
            TargetKind::Resolution => (info.resolution_within, info.or_workaround),
        };
        let mut words = Values::of(self.lang()).duration(within).plain();
        if workaround {
            words = fill(self.say.or_workaround, &[&words]);
        }
        let share = info.target_percent(kind);
        if share < 100.0 {
            words = fill(self.say.for_share, &[&words, &plain(share)]);
        }
        words
    }

    /// The lines under a period: FCR, CSAT, exclusions, the report's due time.
    pub fn period_lines(&self, p: &PeriodReport) -> Vec<String> {
        [
            self.fcr_line(p),
            self.csat_line(p),
            self.excluded_line(p),
            p.report_due
                .as_ref()
                .map(|due| fill(self.say.report_due, &[due])),
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    fn fcr_line(&self, p: &PeriodReport) -> Option<String> {
        let f = p.fcr.as_ref()?;
        let recorded = match f.answered {
            0 => self.say.fcr_none_recorded.to_string(),
            n => fill(
                self.say.fcr_recorded,
                &[&f.resolved_first.to_string(), &n.to_string()],
            ),
        };
        Some(fill(
            self.say.fcr_line,
            &[
                &pct(f.percent),
                &recorded,
                &count(self.say.tickets, f.tickets),
                &plain(f.target_percent),
                self.say.verdict(f.ok),
            ],
        ))
    }

    pub fn csat_line(&self, p: &PeriodReport) -> Option<String> {
        let c = p.csat.as_ref()?;
        let ratings = count(self.say.ratings, c.ratings());
        Some(match c {
            CsatReport::Score {
                score, target, ok, ..
            } => fill(
                self.say.csat_score_line,
                &[
                    &num(*score),
                    &ratings,
                    &plain(*target),
                    self.say.verdict(*ok),
                ],
            ),
            CsatReport::Satisfied {
                percent,
                target_percent,
                ok,
                ..
            } => fill(
                self.say.csat_satisfied_line,
                &[
                    &pct(*percent),
                    &ratings,
                    &plain(*target_percent),
                    self.say.verdict(*ok),
                ],
            ),
        })
    }

    /// `Excluded: 2 tickets under force-majeure, 1 under customer` (§11).
    fn excluded_line(&self, p: &PeriodReport) -> Option<String> {
        let parts: Vec<String> = p
            .excluded
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let n = e.tickets.to_string();
                match i {
                    0 => {
                        let (one, many) = self.say.excluded_first;
                        fill(if e.tickets == 1 { one } else { many }, &[&n, &e.clause])
                    }
                    _ => fill(self.say.excluded_more, &[&n, &e.clause]),
                }
            })
            .collect();
        (!parts.is_empty())
            .then(|| fill(self.say.excluded, &[&parts.join(self.say.list_separator)]))
    }

    /// A channel's availability in a period, in one line.
    pub fn availability_line(&self, a: &AvailabilityReport) -> String {
        let (one, many) = self.say.availability_line;
        let template = if a.scheduled_minutes == 1.0 {
            one
        } else {
            many
        };
        fill(
            template,
            &[
                &a.channel,
                &pct(a.percent),
                &plain(a.downtime_minutes),
                &plain(a.scheduled_minutes),
                &plain(a.excluded_minutes),
                &plain(a.target_percent),
                self.say.verdict(a.ok),
            ],
        )
    }

    /// What one maintenance row counted, and why not more.
    pub fn maintenance_line(&self, m: &MaintenanceReport) -> String {
        let (one, many) = self.say.maintenance_line;
        let template = if m.excluded_minutes == 1.0 { one } else { many };
        let mut line = fill(
            template,
            &[
                &m.line.to_string(),
                &m.start,
                &m.end,
                &plain(m.excluded_minutes),
                &plain(m.downtime_minutes),
            ],
        );
        if !m.why.is_empty() {
            line.push_str(&fill(
                self.say.aside,
                &[&m.why
                    .iter()
                    .map(|why| why.words(self.lang()))
                    .collect::<Vec<_>>()
                    .join(self.say.reason_separator)],
            ));
        }
        line
    }

    /// The credits of a period: a row per line and the total in words.
    pub fn credits(&self, p: &PeriodReport) -> Option<(Vec<CreditRow>, String)> {
        let c = p.credits.as_ref()?;
        let rows = c
            .lines
            .iter()
            .map(|line| CreditRow {
                metric: self.credit_metric(&line.of),
                actual: self.actual(line),
                credit: format!("{}%", plain(line.credit_percent)),
                earns: line.actual.map(|_| line.credit_percent > 0.0),
            })
            .collect();
        Some((rows, self.credits_total(c)))
    }

    fn credit_metric(&self, metric: &CreditMetric) -> String {
        match metric {
            CreditMetric::Availability(channel) => {
                fill(self.say.credit_availability, &[&channel.to_string()])
            }
            CreditMetric::Target(priority, kind) => fill(
                self.say.credit_target,
                &[self.say.kind(*kind), &priority.to_string()],
            ),
            CreditMetric::Fcr => self.say.credit_fcr.to_string(),
            CreditMetric::Csat => self.say.credit_csat.to_string(),
        }
    }

    /// The line's figure: `99.95%`, `4.40`, or `no data` (it earns nothing).
    fn actual(&self, line: &CreditLineReport) -> String {
        match (line.actual, line.unit) {
            (None, FigureUnit::Percent | FigureUnit::Score) => self.say.no_data.into(),
            (Some(a), FigureUnit::Percent) => format!("{a:.2}%"),
            (Some(a), FigureUnit::Score) => format!("{a:.2}"),
        }
    }

    fn money(&self, amount: &str, currency: Option<&str>) -> String {
        match currency {
            Some("CNY") => fill(self.say.money_cny, &[amount]),
            Some(code) => fill(self.say.money, &[amount, code]),
            None => amount.to_string(),
        }
    }

    /// `Credits 30% (the lines' sum capped at 30%) of the fee 150000.00 CNY
    /// = 45000.00 CNY as voucher; claim by 2027-05-01T00:00:00+08:00`.
    fn credits_total(&self, c: &CreditsReport) -> String {
        let mut s = fill(self.say.credits_total, &[&plain(c.total_percent)]);
        if let (true, Some(cap)) = (c.capped, c.cap_percent) {
            s.push_str(&fill(self.say.credits_capped, &[&plain(cap)]));
        }
        let currency = c.currency.as_deref();
        match (&c.fee, &c.amount) {
            (Some(fee), Some(amount)) => s.push_str(&fill(
                self.say.credits_of_fee,
                &[&self.money(fee, currency), &self.money(amount, currency)],
            )),
            (None, _) | (_, None) => s.push_str(self.say.credits_of_the_fee),
        }
        let form = c
            .form
            .and_then(|word| CreditForm::ALL.into_iter().find(|f| f.word() == word));
        if let Some(form) = form {
            s.push_str(&fill(self.say.credits_as, &[self.say.form(form)]));
        }
        match &c.claim_by {
            Some(by) => s.push_str(&fill(self.say.claim_by, &[by])),
            None => s.push_str(self.say.no_claim_window),
        }
        s
    }

    /// Each missed ticket target of the period that has breached tickets:
    /// how many, and the latest by open time.
    pub fn breached(&self, p: &PeriodReport) -> Vec<BreachedView> {
        self.r
            .breached
            .iter()
            .filter(|b| b.period == p.period)
            .filter(|b| p.missed.contains(&format!("{}.{}", b.priority, b.target)))
            .map(|b| {
                let listed = b.worst.len();
                let latest = match (listed as u64) < b.count {
                    true => fill(self.say.the_latest, &[&listed.to_string()]),
                    false => String::new(),
                };
                BreachedView {
                    anchor: breached_anchor(&b.period, &b.priority, b.target),
                    title: fill(
                        self.say.breached_title,
                        &[
                            &b.priority,
                            self.say.kind(b.target),
                            &count(self.say.breached, b.count),
                            &latest,
                        ],
                    ),
                    rows: b
                        .worst
                        .iter()
                        .map(|t| {
                            (
                                t.id.clone(),
                                plain(t.late_open_minutes),
                                plain(t.late_minutes),
                            )
                        })
                        .collect(),
                }
            })
            .collect()
    }

    /// The verdict of the whole run in one sentence, without its full stop.
    /// A target with no decided ticket is never reported as met.
    pub fn summary_body(&self) -> String {
        let r = self.r;
        let sentence = if !r.has_data() {
            match r.outages {
                None => self.say.no_ticket_evaluated,
                Some(_) => self.say.nothing_measured,
            }
            .to_string()
        } else {
            let no_data = fill(
                self.say.no_data_for,
                &[
                    &count(self.say.targets, r.no_data.len() as u64),
                    &self.targets(&r.no_data),
                ],
            );
            let missed = count(self.say.targets, r.missed.len() as u64);
            match (r.missed.is_empty(), r.no_data.is_empty()) {
                (true, true) => self.say.all_met.to_string(),
                (true, false) => fill(self.say.none_missed_but, &[&no_data]),
                (false, true) => fill(self.say.n_missed, &[&missed]),
                (false, false) => fill(self.say.n_missed_and, &[&missed, &no_data]),
            }
        };
        match sentence.strip_suffix(self.say.full_stop) {
            Some(body) => body.to_string(),
            None => sentence,
        }
    }

    /// The closing sentence.
    pub fn summary(&self) -> String {
        self.summary_body() + self.say.full_stop
    }
}

/// The id of a breached-tickets table: `breached-2027-03-P1-response`.
pub(crate) fn breached_anchor(period: &str, priority: &str, kind: TargetKind) -> String {
    format!("breached-{period}-{priority}-{kind}")
}

/// What was skipped of the ticket log, in words: `3 malformed rows and 2
/// tickets received outside the effective period 2027-01-01..2027-12-31
/// skipped`; `None` when nothing was.
pub(crate) fn skipped_summary(r: &ComplianceReport, say: &ReportPhrases) -> Option<String> {
    let mut parts = Vec::new();
    if r.malformed() > 0 {
        parts.push(count(say.malformed_rows, r.malformed()));
    }
    if r.outside_effective > 0 {
        parts.push(fill(
            say.outside_effective,
            &[
                &count(say.tickets, r.outside_effective),
                r.effective.as_deref().unwrap_or_default(),
            ],
        ));
    }
    (!parts.is_empty()).then(|| fill(say.skipped, &[&parts.join(say.and)]))
}
