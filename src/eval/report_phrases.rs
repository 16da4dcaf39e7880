//! The fixed text of the eval reports (text, Markdown, HTML), one table per
//! language, as the appendix keeps its own in `render::phrases`: a struct of
//! fields, so a phrase one language lacks is a compile error.
//!
//! Slots are `{0}`, `{1}`, … (filled by [`fill`]). A count is a pair, the
//! phrase for one and for many (Chinese has one form, written twice).
//! JSON, CSV and `--tickets-out` are machine formats and use none of this.
//! Why a row was skipped is said beside these, per reason and language, in
//! [`super::skip`].

use crate::model::{CreditForm, Lang, TargetKind};
use crate::render::rich::phrase;

/// The phrase for one and the phrase for many; `{0}` is the number.
pub type Count = (&'static str, &'static str);

/// Fills the slots of a phrase with plain text.
pub fn fill(template: &str, args: &[&str]) -> String {
    phrase(template, args).plain()
}

/// `n` with the phrase of its number: `1 ticket`, `3 tickets`.
pub fn count(phrase: Count, n: u64) -> String {
    let template = if n == 1 { phrase.0 } else { phrase.1 };
    fill(template, &[&n.to_string()])
}

/// The fixed text of the reports in one language.
pub struct ReportPhrases {
    pub lang: Lang,

    // Counts and lists.
    pub tickets: Count,
    pub outage_rows: Count,
    pub targets: Count,
    pub ratings: Count,
    pub list_separator: &'static str,
    pub full_stop: &'static str,
    /// Around a reason: `{0}` it.
    pub aside: &'static str,
    pub colon: &'static str,
    /// Between the reasons of one aside.
    pub reason_separator: &'static str,

    // The headline.
    /// `{0}` title, `{1}` contract id, `{2}` counts, `{3}` periods, `{4}` as of.
    pub headline: &'static str,
    /// `{0}` the zone.
    pub monthly_periods_in: &'static str,
    pub quarterly_periods_in: &'static str,
    /// `{0}` an RFC 3339 time.
    pub as_of: &'static str,

    // What was skipped.
    pub malformed_rows: Count,
    /// `{0}` tickets (a count), `{1}` the effective period.
    pub outside_effective: &'static str,
    pub and: &'static str,
    /// `{0}` what was skipped.
    pub skipped: &'static str,
    pub outage_rows_skipped: Count,

    // Periods.
    /// `{0}` year, `{1}` month, `{2}` the month in two digits.
    pub month: &'static str,
    /// `{0}` year, `{1}` quarter.
    pub quarter: &'static str,

    // Targets and verdicts.
    pub response: &'static str,
    pub resolution: &'static str,
    pub response_head: &'static str,
    pub resolution_head: &'static str,
    pub ok: &'static str,
    pub missed: &'static str,
    pub no_data: &'static str,
    /// `{0}` priority, `{1}` target kind: a target's name in lists.
    pub target_name: &'static str,
    pub fcr_name: &'static str,
    pub csat_name: &'static str,
    /// `{0}` channel.
    pub availability_name: &'static str,
    /// `{0}` period, `{1}` target.
    pub period_target: &'static str,

    // Column heads.
    pub col_tickets: &'static str,
    pub col_met: &'static str,
    pub col_breached: &'static str,
    pub col_pending: &'static str,
    pub col_attained: &'static str,
    pub col_target: &'static str,
    pub col_p50: &'static str,
    pub col_p90: &'static str,
    pub head_priority: &'static str,
    pub head_tickets: &'static str,
    pub head_target: &'static str,
    pub head_met: &'static str,
    pub head_breached: &'static str,
    pub head_pending: &'static str,
    pub head_attained: &'static str,
    pub head_goal: &'static str,
    pub head_p50: &'static str,
    pub head_p90: &'static str,
    pub head_response_target: &'static str,
    pub head_resolution_target: &'static str,
    pub head_line: &'static str,
    pub head_reason: &'static str,

    // Lines under a period.
    /// `{0}` percent, `{1}` recorded, `{2}` tickets, `{3}` target, `{4}` verdict.
    pub fcr_line: &'static str,
    /// `{0}` resolved first, `{1}` recorded.
    pub fcr_recorded: &'static str,
    pub fcr_none_recorded: &'static str,
    /// `{0}` mean, `{1}` ratings, `{2}` target, `{3}` verdict.
    pub csat_score_line: &'static str,
    /// `{0}` share, `{1}` ratings, `{2}` target, `{3}` verdict.
    pub csat_satisfied_line: &'static str,
    /// `{0}` an RFC 3339 time.
    pub report_due: &'static str,
    /// `{0}` the clauses.
    pub excluded: &'static str,
    /// `{0}` tickets, `{1}` clause: the first clause of the line.
    pub excluded_first: Count,
    /// `{0}` tickets, `{1}` clause: the others.
    pub excluded_more: &'static str,
    /// `{0}` channel, `{1}` percent, `{2}` down minutes, `{3}` open
    /// minutes, `{4}` excluded, `{5}` target, `{6}` verdict; by the open minutes.
    pub availability_line: Count,
    /// `{0}` line, `{1}` start, `{2}` end, `{3}` excluded, `{4}`
    /// downtime; by the excluded minutes.
    pub maintenance_line: Count,
    /// `{0}` the list.
    pub missed_list: &'static str,
    /// `{0}` the list.
    pub no_data_list: &'static str,
    pub none: &'static str,

    // Credits.
    pub credit_line: &'static str,
    pub credit_line_head: &'static str,
    pub actual: &'static str,
    pub actual_head: &'static str,
    pub credit: &'static str,
    pub credit_head: &'static str,
    /// `{0}` channel.
    pub credit_availability: &'static str,
    /// `{0}` target kind, `{1}` priority.
    pub credit_target: &'static str,
    pub credit_fcr: &'static str,
    pub credit_csat: &'static str,
    /// `{0}` the total percent.
    pub credits_total: &'static str,
    /// `{0}` the cap.
    pub credits_capped: &'static str,
    /// `{0}` the fee, `{1}` the amount (each as `money`).
    pub credits_of_fee: &'static str,
    pub credits_of_the_fee: &'static str,
    /// `{0}` the form.
    pub credits_as: &'static str,
    /// `{0}` the deadline.
    pub claim_by: &'static str,
    pub no_claim_window: &'static str,
    /// `{0}` amount, `{1}` currency code.
    pub money: &'static str,
    /// `{0}` amount, in renminbi (`CNY`).
    pub money_cny: &'static str,
    pub voucher: &'static str,
    pub cash: &'static str,
    pub invoice_deduction: &'static str,

    // The closing sentence.
    pub no_ticket_evaluated: &'static str,
    pub nothing_measured: &'static str,
    pub all_met: &'static str,
    /// `{0}` no data for (below).
    pub none_missed_but: &'static str,
    /// `{0}` targets (a count).
    pub n_missed: &'static str,
    /// `{0}` targets (a count), `{1}` no data for.
    pub n_missed_and: &'static str,
    /// `{0}` targets (a count), `{1}` the list.
    pub no_data_for: &'static str,

    // Markdown.
    /// `{0}` the headline.
    pub md_title: &'static str,
    /// `{0}` the list.
    pub md_missed: &'static str,
    /// `{0}` what was skipped.
    pub md_listed_below: &'static str,
    pub no_tickets: &'static str,
    /// A missed target in the Markdown table.
    pub md_missed_mark: &'static str,
    pub missed_label: &'static str,
    pub no_data_label: &'static str,
    pub skipped_rows: &'static str,
    pub skipped_outage_rows: &'static str,
    /// `{0}` rows not listed.
    pub and_more: &'static str,

    // HTML.
    /// `{0}` the title.
    pub html_title: &'static str,
    /// `{0}` the closing sentence without its full stop.
    pub banner_missed: &'static str,
    pub no_period: &'static str,
    pub scorecard: &'static str,
    pub target: &'static str,
    pub fcr_short: &'static str,
    pub csat_short: &'static str,
    /// `{0}` channel: its row of the scorecard.
    pub scorecard_availability: &'static str,
    pub attainment_per_period: &'static str,
    pub attainment_legend: &'static str,
    pub met_dot: &'static str,
    pub missed_dot: &'static str,
    /// `{0}` kind, `{1}` target in words.
    pub kind_within: &'static str,
    /// `{0}` percent.
    pub chart_target: &'static str,
    pub no_ticket_decided: &'static str,
    pub not_available: &'static str,
    pub availability_per_period: &'static str,
    pub availability_legend: &'static str,
    /// `{0}` channel.
    pub channel_availability: &'static str,
    /// `{0}` percent.
    pub availability_percent: &'static str,
    pub no_open_time: &'static str,
    pub head_channel: &'static str,
    pub head_open_min: &'static str,
    pub head_downtime_min: &'static str,
    pub head_excluded_min: &'static str,
    pub head_availability: &'static str,
    pub head_target_percent: &'static str,
    pub head_ticket: &'static str,
    pub head_late_open: &'static str,
    pub head_late_wall: &'static str,
    /// `{0}` priority, `{1}` kind, `{2}` breached tickets (a count), `{3}`
    /// the latest listed (below) or nothing.
    pub breached_title: &'static str,
    pub breached: Count,
    /// `{0}` how many are listed.
    pub the_latest: &'static str,

    // Target words.
    /// `{0}` duration.
    pub or_workaround: &'static str,
    /// `{0}` target, `{1}` share.
    pub for_share: &'static str,
}

impl ReportPhrases {
    pub fn of(lang: Lang) -> &'static ReportPhrases {
        match lang {
            Lang::ZhCn => &ZH,
            Lang::En => &EN,
        }
    }

    pub fn kind(&self, kind: TargetKind) -> &'static str {
        match kind {
            TargetKind::Response => self.response,
            TargetKind::Resolution => self.resolution,
        }
    }

    pub fn kind_head(&self, kind: TargetKind) -> &'static str {
        match kind {
            TargetKind::Response => self.response_head,
            TargetKind::Resolution => self.resolution_head,
        }
    }

    /// The heads of a target's figures, in the order of a [`TargetRow`]'s:
    /// met, breached, pending, attained, target, p50, p90.
    ///
    /// [`TargetRow`]: super::report_view::TargetRow
    pub fn figure_heads(&self) -> [&'static str; 7] {
        [
            self.col_met,
            self.col_breached,
            self.col_pending,
            self.col_attained,
            self.col_target,
            self.col_p50,
            self.col_p90,
        ]
    }

    pub fn verdict(&self, ok: Option<bool>) -> &'static str {
        match ok {
            Some(true) => self.ok,
            Some(false) => self.missed,
            None => self.no_data,
        }
    }

    pub fn form(&self, form: CreditForm) -> &'static str {
        match form {
            CreditForm::Voucher => self.voucher,
            CreditForm::Cash => self.cash,
            CreditForm::InvoiceDeduction => self.invoice_deduction,
        }
    }
}

pub static EN: ReportPhrases = ReportPhrases {
    lang: Lang::En,

    tickets: ("{0} ticket", "{0} tickets"),
    outage_rows: ("{0} outage row", "{0} outage rows"),
    targets: ("{0} target", "{0} targets"),
    ratings: ("{0} rating", "{0} ratings"),
    list_separator: ", ",
    full_stop: ".",
    aside: " ({0})",
    colon: ": ",
    reason_separator: "; ",

    headline: "{0} ({1}) — {2}, {3}, {4}",
    monthly_periods_in: "monthly periods in {0}",
    quarterly_periods_in: "quarterly periods in {0}",
    as_of: "as of {0}",

    malformed_rows: ("{0} malformed row", "{0} malformed rows"),
    outside_effective: "{0} received outside the effective period {1}",
    and: " and ",
    skipped: "{0} skipped",
    outage_rows_skipped: (
        "{0} malformed outage row skipped",
        "{0} malformed outage rows skipped",
    ),

    month: "{0}-{2}",
    quarter: "{0}-Q{1}",

    response: "response",
    resolution: "resolution",
    response_head: "Response",
    resolution_head: "Resolution",
    ok: "ok",
    missed: "MISSED",
    no_data: "no data",
    target_name: "{0}.{1}",
    fcr_name: "fcr",
    csat_name: "csat",
    availability_name: "availability.{0}",
    period_target: "{0} {1}",

    col_tickets: "tickets",
    col_met: "met",
    col_breached: "breached",
    col_pending: "pending",
    col_attained: "attained",
    col_target: "target",
    col_p50: "p50 min",
    col_p90: "p90 min",
    head_priority: "Priority",
    head_tickets: "Tickets",
    head_target: "Target",
    head_met: "Met",
    head_breached: "Breached",
    head_pending: "Pending",
    head_attained: "Attained",
    head_goal: "Goal",
    head_p50: "p50 min",
    head_p90: "p90 min",
    head_response_target: "Response target",
    head_resolution_target: "Resolution target",
    head_line: "Line",
    head_reason: "Reason",

    fcr_line: "FCR {0} — {1} ({2} in all; target {3}%): {4}",
    fcr_recorded: "{0} of {1} recorded",
    fcr_none_recorded: "none recorded",
    csat_score_line: "CSAT {0} mean of {1} (target {2}): {3}",
    csat_satisfied_line: "CSAT {0} satisfied of {1} (target {2}%): {3}",
    report_due: "Report due {0}",
    excluded: "Excluded: {0}",
    excluded_first: ("{0} ticket under {1}", "{0} tickets under {1}"),
    excluded_more: "{0} under {1}",
    availability_line: (
        "availability {0} {1} — {2} of {3} open minute down, {4} excluded (target {5}%): {6}",
        "availability {0} {1} — {2} of {3} open minutes down, {4} excluded (target {5}%): {6}",
    ),
    maintenance_line: (
        "maintenance on line {0}, {1} to {2}: {3} minute excluded, {4} downtime",
        "maintenance on line {0}, {1} to {2}: {3} minutes excluded, {4} downtime",
    ),
    missed_list: "missed: {0}",
    no_data_list: "no data: {0}",
    none: "none",

    credit_line: "credit line",
    credit_line_head: "Credit line",
    actual: "actual",
    actual_head: "Actual",
    credit: "credit",
    credit_head: "Credit",
    credit_availability: "availability {0}",
    credit_target: "{0} {1}",
    credit_fcr: "fcr",
    credit_csat: "csat",
    credits_total: "Credits {0}%",
    credits_capped: " (the lines' sum capped at {0}%)",
    credits_of_fee: " of the fee {0} = {1}",
    credits_of_the_fee: " of the fee",
    credits_as: " as {0}",
    claim_by: "; claim by {0}",
    no_claim_window: "; no claim window stated",
    money: "{0} {1}",
    money_cny: "{0} CNY",
    voucher: "voucher",
    cash: "cash",
    invoice_deduction: "invoice-deduction",

    no_ticket_evaluated: "No data: no ticket was evaluated, so no target is met or missed.",
    nothing_measured: "No data: nothing was measured, so no target is met or missed.",
    all_met: "All targets met.",
    none_missed_but: "No target missed, but {0}.",
    n_missed: "{0} missed.",
    n_missed_and: "{0} missed; {1}.",
    no_data_for: "no data for {0}: {1}",

    md_title: "SLA compliance: {0}",
    md_missed: "Missed: {0}",
    md_listed_below: "{0} (listed below).",
    no_tickets: "No tickets.",
    md_missed_mark: "**missed**",
    missed_label: "Missed:",
    no_data_label: "No data:",
    skipped_rows: "Skipped rows",
    skipped_outage_rows: "Skipped outage rows",
    and_more: "… and {0} more.",

    html_title: "SLA compliance — {0}",
    banner_missed: "{0} — see the red cells below.",
    no_period: "No period has a ticket: every target below has no data.",
    scorecard: "Scorecard",
    target: "Target",
    fcr_short: "FCR",
    csat_short: "CSAT",
    scorecard_availability: "{0} availability",
    attainment_per_period: "Attainment per period",
    attainment_legend: "Each point is the share of decided tickets that met the target in that period; the dashed line is the target.",
    met_dot: "met the target",
    missed_dot: "missed it.",
    kind_within: "{0} within {1}",
    chart_target: "target {0}%",
    no_ticket_decided: "no data: no ticket decided",
    not_available: "n/a",
    availability_per_period: "Availability per period",
    availability_legend: "Each point is the share of the channel's open time it was up in that period (excluded time counts as up); the dashed line is the target.",
    channel_availability: "{0} — availability",
    availability_percent: "availability {0}%",
    no_open_time: "no data: no open time",
    head_channel: "Channel",
    head_open_min: "open min",
    head_downtime_min: "downtime min",
    head_excluded_min: "excluded min",
    head_availability: "availability",
    head_target_percent: "target",
    head_ticket: "Ticket",
    head_late_open: "late, open-time minutes",
    head_late_wall: "late, wall-clock minutes",
    breached_title: "{0} {1}: {2}{3}",
    breached: ("{0} breached ticket", "{0} breached tickets"),
    the_latest: ", the {0} latest",

    or_workaround: "{0} or workaround",
    for_share: "{0} for {1}%",
};

pub static ZH: ReportPhrases = ReportPhrases {
    lang: Lang::ZhCn,

    tickets: ("{0} 个工单", "{0} 个工单"),
    outage_rows: ("{0} 条中断记录", "{0} 条中断记录"),
    targets: ("{0} 个目标", "{0} 个目标"),
    ratings: ("{0} 个评分", "{0} 个评分"),
    list_separator: "、",
    full_stop: "。",
    aside: "（{0}）",
    colon: "：",
    reason_separator: "；",

    headline: "{0}（{1}）— {2}，{3}，{4}",
    monthly_periods_in: "按{0}逐月统计",
    quarterly_periods_in: "按{0}逐季度统计",
    as_of: "截至 {0}",

    malformed_rows: ("{0} 行格式错误的记录", "{0} 行格式错误的记录"),
    outside_effective: "{0}（在有效期 {1} 之外收到）",
    and: "和",
    skipped: "已跳过 {0}",
    outage_rows_skipped: (
        "已跳过 {0} 行格式错误的中断记录",
        "已跳过 {0} 行格式错误的中断记录",
    ),

    month: "{0}年{1}月",
    quarter: "{0}年第{1}季度",

    response: "响应",
    resolution: "解决",
    response_head: "响应",
    resolution_head: "解决",
    ok: "达标",
    missed: "未达标",
    no_data: "无数据",
    target_name: "{0} {1}",
    fcr_name: "首次接触解决率",
    csat_name: "客户满意度",
    availability_name: "{0} 可用性",
    period_target: "{0} {1}",

    col_tickets: "工单数",
    col_met: "按时",
    col_breached: "超时",
    col_pending: "未决",
    col_attained: "达成率",
    col_target: "目标",
    col_p50: "p50 分钟",
    col_p90: "p90 分钟",
    head_priority: "优先级",
    head_tickets: "工单数",
    head_target: "目标",
    head_met: "按时",
    head_breached: "超时",
    head_pending: "未决",
    head_attained: "达成率",
    head_goal: "目标达成率",
    head_p50: "p50 分钟",
    head_p90: "p90 分钟",
    head_response_target: "响应目标",
    head_resolution_target: "解决目标",
    head_line: "行",
    head_reason: "原因",

    fcr_line: "首次接触解决率（FCR）{0} — {1}（共 {2}；目标 {3}%）：{4}",
    fcr_recorded: "有记录的 {1} 个工单中 {0} 个首次解决",
    fcr_none_recorded: "均无记录",
    csat_score_line: "客户满意度（CSAT）平均 {0} 分，共 {1}（目标 {2} 分）：{3}",
    csat_satisfied_line: "客户满意度（CSAT）好评率 {0}，共 {1}（目标 {2}%）：{3}",
    report_due: "服务报告提交期限 {0}",
    excluded: "排除：{0}",
    excluded_first: ("{1} 条款下 {0} 个工单", "{1} 条款下 {0} 个工单"),
    excluded_more: "{1} 条款下 {0} 个",
    availability_line: (
        "{0} 可用性 {1} — {3} 分钟服务时间中停机 {2} 分钟，排除 {4} 分钟（目标 {5}%）：{6}",
        "{0} 可用性 {1} — {3} 分钟服务时间中停机 {2} 分钟，排除 {4} 分钟（目标 {5}%）：{6}",
    ),
    maintenance_line: (
        "维护（第 {0} 行），{1} 至 {2}：排除 {3} 分钟，停机 {4} 分钟",
        "维护（第 {0} 行），{1} 至 {2}：排除 {3} 分钟，停机 {4} 分钟",
    ),
    missed_list: "未达标：{0}",
    no_data_list: "无数据：{0}",
    none: "无",

    credit_line: "抵扣项",
    credit_line_head: "抵扣项",
    actual: "实际",
    actual_head: "实际",
    credit: "抵扣",
    credit_head: "抵扣",
    credit_availability: "{0} 可用性",
    credit_target: "{1} {0}",
    credit_fcr: "首次接触解决率",
    credit_csat: "客户满意度",
    credits_total: "服务抵扣 {0}%",
    credits_capped: "（各项合计以 {0}% 为上限）",
    credits_of_fee: "，按服务费 {0}，计为 {1}",
    credits_of_the_fee: "（按服务费计）",
    credits_as: "，以{0}形式提供",
    claim_by: "；申请截止 {0}",
    no_claim_window: "；未约定申请期限",
    money: "{0} {1}",
    money_cny: "{0} 元",
    voucher: "代金券",
    cash: "现金",
    invoice_deduction: "发票扣减",

    no_ticket_evaluated: "无数据：没有评估任何工单，因此没有目标达标或未达标。",
    nothing_measured: "无数据：没有任何测量结果，因此没有目标达标或未达标。",
    all_met: "所有目标均已达标。",
    none_missed_but: "没有未达标的目标，但{0}。",
    n_missed: "{0}未达标。",
    n_missed_and: "{0}未达标；{1}。",
    no_data_for: "{0}无数据：{1}",

    md_title: "SLA 达标报告：{0}",
    md_missed: "未达标：{0}",
    md_listed_below: "{0}（见下文）。",
    no_tickets: "无工单。",
    md_missed_mark: "**未达标**",
    missed_label: "未达标：",
    no_data_label: "无数据：",
    skipped_rows: "跳过的记录",
    skipped_outage_rows: "跳过的中断记录",
    and_more: "……另有 {0} 行。",

    html_title: "SLA 达标报告 — {0}",
    banner_missed: "{0}——见下方红色单元格。",
    no_period: "没有任何周期有工单：以下所有目标均无数据。",
    scorecard: "达标总览",
    target: "目标",
    fcr_short: "首次接触解决率",
    csat_short: "客户满意度",
    scorecard_availability: "{0} 可用性",
    attainment_per_period: "各周期达成率",
    attainment_legend: "每个点是该周期内已有结论的工单中按时完成的比例；虚线为目标。",
    met_dot: "达标",
    missed_dot: "未达标。",
    kind_within: "{0}：{1}",
    chart_target: "目标 {0}%",
    no_ticket_decided: "无数据：没有已有结论的工单",
    not_available: "无",
    availability_per_period: "各周期可用性",
    availability_legend:
        "每个点是该周期内渠道在服务时间中可用的比例（排除的时间计为可用）；虚线为目标。",
    channel_availability: "{0} — 可用性",
    availability_percent: "可用性 {0}%",
    no_open_time: "无数据：没有服务时间",
    head_channel: "渠道",
    head_open_min: "服务时间（分钟）",
    head_downtime_min: "停机（分钟）",
    head_excluded_min: "排除（分钟）",
    head_availability: "可用性",
    head_target_percent: "目标",
    head_ticket: "工单",
    head_late_open: "超时（服务时间，分钟）",
    head_late_wall: "超时（自然时间，分钟）",
    breached_title: "{0} {1}：{2}{3}",
    breached: ("{0} 个超时工单", "{0} 个超时工单"),
    the_latest: "，列出超时最多的 {0} 个",

    or_workaround: "{0}（或临时方案）",
    for_share: "{0}，达成率 {1}%",
};
