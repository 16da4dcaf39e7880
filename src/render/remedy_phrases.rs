//! The fixed text of the remedies (design §11) in the appendix: how
//! availability is measured, exclusions, service credits and the counting
//! of the periods they use — one table per language, as [`super::phrases`]
//! is for the rest of the appendix.
//!
//! The paper template breaks off before these sections, so the Chinese is
//! our own, in the template's register; the English follows it, with the
//! tier tables worded as cloud providers' public SLAs word theirs (a range
//! per row, "at least X but below Y").

use super::parties::PartyPhrase;
use crate::model::Lang;

/// The fixed text of the remedy sections of one language.
pub struct RemedyPhrases {
    // 1. Definitions: the counting of the periods of this part.
    /// `{0}` the contract clock's service hours.
    pub counting_other: &'static str,

    // 3.3: how availability is measured.
    pub availability_measured: &'static str,

    // 5. Exclusions.
    pub exclusions: &'static str,
    pub maintenance: &'static str,
    pub maintenance_none: &'static str,
    pub notice: &'static str,
    /// `{0}` the notice period.
    pub notice_rule: PartyPhrase,
    pub window: &'static str,
    /// `{0}` the weekly hours of the window.
    pub window_rule: &'static str,
    pub window_any: &'static str,
    pub allowance: &'static str,
    /// `{0}` the allowance, `{1}` its period (`每月` / `monthly`).
    pub allowance_rule: &'static str,
    pub allowance_none: &'static str,
    pub maintenance_rule: &'static str,
    pub clauses: &'static str,
    pub clauses_intro: &'static str,
    pub clauses_none: &'static str,
    pub clause: &'static str,
    pub clause_text: &'static str,

    // 6. Service credits.
    pub credits: &'static str,
    pub credits_none: &'static str,
    pub credits_how: &'static str,
    pub credits_rule: PartyPhrase,
    /// `{0}` the fee (`fee_value`).
    pub credits_amount: &'static str,
    pub credits_percent_only: &'static str,
    /// `{0}` the amount and currency, `{1}` the period it is paid for.
    pub fee_value: &'static str,
    pub tiers: &'static str,
    pub tiers_none: &'static str,
    pub actual: &'static str,
    pub credit: &'static str,
    /// `{0}` the threshold above, `{1}` the one below.
    pub tier_between: &'static str,
    /// `{0}` the threshold.
    pub tier_below: &'static str,
    /// `{0}` the credit percentage.
    pub credit_of_fee: &'static str,
    /// `{0}` a CSAT score threshold.
    pub score: &'static str,
    /// `{0}` the channel.
    pub metric_availability: &'static str,
    /// `{0}` the priority.
    pub metric_response: &'static str,
    /// `{0}` the priority.
    pub metric_resolution: &'static str,
    pub metric_fcr: &'static str,
    pub metric_csat_score: &'static str,
    pub metric_csat_satisfied: &'static str,
    pub terms: &'static str,
    pub cap: &'static str,
    /// `{0}` the cap percentage, `{1}` its period.
    pub cap_rule: &'static str,
    pub cap_none: &'static str,
    pub claim: &'static str,
    /// `{0}` the claim window in calendar days.
    pub claim_days: PartyPhrase,
    /// `{0}` the claim window in business days.
    pub claim_business_days: PartyPhrase,
    /// `{0}` the claim window in any other unit, or a placeholder.
    pub claim_other: PartyPhrase,
    pub form: &'static str,
    pub form_voucher: &'static str,
    pub form_cash: &'static str,
    pub form_invoice_deduction: &'static str,
    pub not_agreed: &'static str,
}

impl RemedyPhrases {
    pub fn of(lang: Lang) -> &'static RemedyPhrases {
        match lang {
            Lang::ZhCn => &ZH,
            Lang::En => &EN,
        }
    }
}

pub static ZH: RemedyPhrases = RemedyPhrases {
    counting_other: "计划维护的通知期、服务报告的提交期限和服务补偿的申请期限，以工作日或小时计算的，以“{0}”的服务时间为准，依上述方式计算。",

    availability_measured: "可用性按渠道、按考核周期分别计算。计划服务时间为该周期内（且在本协议有效期内）该渠道服务时间的总时长，按实际经过的时间以分钟计算；停机时间为计划服务时间内该渠道中断服务的时间，相互重叠的中断只计算一次，并扣除第5条约定不计入的时间。可用性 =（计划服务时间 − 停机时间）÷ 计划服务时间 × 100%，不低于目标值即为达标。某一周期内没有计划服务时间的，该周期不计算可用性，不视为达标或未达标。",

    exclusions: "除外情形",
    maintenance: "计划维护",
    maintenance_none: "本协议未约定计划维护的除外情形；计划维护期间的服务中断计为停机时间。",
    notice: "提前通知",
    notice_rule: PartyPhrase::new("{provider}应至少提前 {0}通知{client}，即自发出通知之时起算的 {0}期限，应不晚于维护开始之时届满"),
    window: "维护窗口",
    window_rule: "{0}；维护窗口以外的维护时间计为停机时间",
    window_any: "不限",
    allowance: "累计上限",
    allowance_rule: "每个渠道{1}累计不超过 {0}，按维护开始时间先后计入，且只计算本应计为停机时间的部分；超出部分计为停机时间",
    allowance_none: "不设上限",
    maintenance_rule: "符合上述全部条件的计划维护时间不计入停机时间，其余部分计为停机时间。同一时间既有计划维护又有其他服务中断的，计为停机时间。",
    clauses: "其他除外情形",
    clauses_intro: "因下列情形导致的服务中断不计入停机时间；因下列情形受影响的服务请求不计入响应时间和解决时间目标的达成率统计：",
    clauses_none: "本协议未约定其他除外情形。",
    clause: "编号",
    clause_text: "内容",

    credits: "服务补偿",
    credits_none: "本协议未约定服务补偿。",
    credits_how: "计算方式",
    credits_rule: PartyPhrase::new("在每个考核周期内，第6.2条所列某项指标的实际值（按第3条的方式计算）低于其所列阈值的，{provider}按实际值所低于的最低一档阈值对应的比例向{client}提供服务补偿。各档不累加；实际值等于某一阈值的，不适用该档；某项指标在该周期内没有实际值的，不产生补偿。各项指标的补偿比例相加，为该周期的补偿比例合计。"),
    credits_amount: "服务补偿金额为补偿比例合计乘以该考核周期的服务费，四舍五入至分。服务费为{0}；其计付周期与考核周期不同的，按比例折算（例如按月计付的服务费，按季度考核时以三个月的服务费计）。",
    credits_percent_only: "补偿比例以该考核周期应付的服务费为基数。",
    fee_value: "{1} {0}",
    tiers: "补偿标准",
    tiers_none: "本协议未约定补偿标准。",
    actual: "实际值",
    credit: "补偿比例",
    tier_between: "不低于 {1} 且低于 {0}",
    tier_below: "低于 {0}",
    credit_of_fee: "服务费的 {0}",
    score: "{0} 分",
    metric_availability: "{0}可用性",
    metric_response: "{0} 响应时间目标达成率",
    metric_resolution: "{0} 解决时间目标达成率",
    metric_fcr: "首次接触解决率（FCR）",
    metric_csat_score: "客户满意度（CSAT）平均评分",
    metric_csat_satisfied: "客户满意度（CSAT）好评率",
    terms: "补偿上限、申请与形式",
    cap: "补偿上限",
    cap_rule: "各项合计{1}不超过当期服务费的 {0}",
    cap_none: "不设上限",
    claim: "申请期限",
    claim_days: PartyPhrase::new("{client}应在考核周期结束后 {0}内提出补偿申请，按自然日计算；考核周期于次一周期首日零时结束"),
    claim_business_days: PartyPhrase::new("{client}应在考核周期结束后 {0}内提出补偿申请，按第1条的方式计算；考核周期于次一周期首日零时结束"),
    claim_other: PartyPhrase::new("{client}应在考核周期结束后 {0}内提出补偿申请；考核周期于次一周期首日零时结束"),
    form: "补偿形式",
    form_voucher: "代金券，用于抵扣此后的服务费",
    form_cash: "现金支付",
    form_invoice_deduction: "从服务费发票中扣减",
    not_agreed: "未约定",
};

pub static EN: RemedyPhrases = RemedyPhrases {
    counting_other: "The notice period of scheduled maintenance, the deadline of the service level report and the claim period, where counted in business days or hours, are counted in the same way on the service hours “{0}”.",

    availability_measured: "Availability is calculated for each channel and each measurement period. Scheduled time is the total of the channel’s service hours in the period (within the term of this SLA), counted in actual elapsed minutes; downtime is the time within scheduled time during which the channel is interrupted, overlapping interruptions counting once, less the time excluded under section 5. Availability = (scheduled time − downtime) ÷ scheduled time × 100%, and the target is met when availability is at least the target. A period without scheduled time has no availability figure and is neither met nor missed.",

    exclusions: "Exclusions",
    maintenance: "Scheduled maintenance",
    maintenance_none: "This SLA sets no exclusion for scheduled maintenance; interruptions during maintenance count as downtime.",
    notice: "Notice",
    notice_rule: PartyPhrase::new("{provider} shall notify {client} at least {0} in advance; that is, a period of {0} beginning when notice is given must end no later than the start of the maintenance"),
    window: "Maintenance window",
    window_rule: "{0}; maintenance outside the window counts as downtime",
    window_any: "any time",
    allowance: "Allowance",
    allowance_rule: "at most {0} per channel, {1}, taken in order of start and counting only time that would otherwise be downtime; maintenance beyond it counts as downtime",
    allowance_none: "no limit",
    maintenance_rule: "Scheduled maintenance that meets all of these conditions is not downtime; any other part of it is. Time in which another interruption occurs during scheduled maintenance counts as downtime.",
    clauses: "Other exclusions",
    clauses_intro: "An interruption caused by any of the following is not downtime, and a Service Request affected by any of them is left out of the attainment of the response and resolution targets:",
    clauses_none: "This SLA sets no other exclusions.",
    clause: "Clause",
    clause_text: "Text",

    credits: "Service credits",
    credits_none: "This SLA sets no service credits.",
    credits_how: "How credits are determined",
    credits_rule: PartyPhrase::new("For each measurement period, where the actual figure of a metric listed in section 6.2 (calculated as section 3 sets out) is below one of its thresholds, {provider} credits {client} the percentage of the lowest threshold that the figure is below. Tiers are not added together; a figure equal to a threshold does not fall in that tier; a metric without a figure in the period earns no credit. The percentages of all metrics are added to give the period’s total percentage."),
    credits_amount: "The amount credited is the total percentage times the fee for the measurement period, rounded half up to the cent. The fee is {0}; where it is paid for a period other than the measurement period it is scaled in proportion (a monthly fee counts three times in a quarterly period).",
    credits_percent_only: "Credit percentages are of the fee payable for the measurement period.",
    fee_value: "{0} {1}",
    tiers: "Credit tiers",
    tiers_none: "This SLA sets no credit tiers.",
    actual: "Actual figure",
    credit: "Credit",
    tier_between: "at least {1} but below {0}",
    tier_below: "below {0}",
    credit_of_fee: "{0} of the fee",
    score: "{0}",
    metric_availability: "Availability of {0}",
    metric_response: "Attainment of the response time target, {0}",
    metric_resolution: "Attainment of the resolution time target, {0}",
    metric_fcr: "First contact resolution rate (FCR)",
    metric_csat_score: "Average customer satisfaction (CSAT) rating",
    metric_csat_satisfied: "Share of satisfied customer ratings (CSAT)",
    terms: "Cap, claims and form",
    cap: "Cap",
    cap_rule: "in each {1} period, the credits of all metrics together are at most {0} of the fee for that period",
    cap_none: "none",
    claim: "Claims",
    claim_days: PartyPhrase::new("{client} shall claim within {0} after the end of the measurement period, in calendar days; a period ends at midnight at the start of the next one"),
    claim_business_days: PartyPhrase::new("{client} shall claim within {0} after the end of the measurement period, counted as section 1 sets out; a period ends at midnight at the start of the next one"),
    claim_other: PartyPhrase::new("{client} shall claim within {0} after the end of the measurement period; a period ends at midnight at the start of the next one"),
    form: "Form",
    form_voucher: "vouchers, applied against later fees",
    form_cash: "cash payment",
    form_invoice_deduction: "deduction from the invoiced fees",
    not_agreed: "not specified",
};
