//! The fixed text of the appendix, one table per language.
//!
//! Every word the renderer writes that does not come from the contract is
//! here, so that a translation is reviewed in one place and a test can check
//! that no phrase of one language leaks into the other. Sentences with slots
//! use `{0}`, `{1}`, … (see [`super::rich::sentence`]), because the slots
//! may hold placeholders that the emitters highlight.
//!
//! The Chinese text follows the paper template (`sla-template.zh.md`); the
//! English follows its agreed English rendering (`sla-template.en.md`).

use super::parties::PartyPhrase;
use crate::model::Lang;

/// One standard term of section 1: its name and definition.
pub struct StandardTerm {
    pub name: &'static str,
    pub definition: PartyPhrase,
}

/// The fixed text of one language.
pub struct Phrases {
    // Title block and preamble.
    pub kind: &'static str,
    pub agreement_id: &'static str,
    pub version: &'static str,
    pub draft_banner: &'static str,
    /// `{0}` a party's name, `{1}` the role the text calls it by.
    pub party_as: &'static str,
    /// `{0}` a party's name, `{1}` the name `party-names` gives it (a
    /// name, where a role takes an article in English).
    pub party_as_named: &'static str,
    /// `{0}` a party's name, `{1}` its role, `{2}` its own short name.
    pub party_as_also: &'static str,
    /// `{0}` the client, `{1}` the provider (each as `party_as`).
    pub preamble: &'static str,
    pub purpose: PartyPhrase,
    /// `{0}` the master contract, quoted by this sentence.
    pub part_of: &'static str,
    /// `{0}` the master contract as written, already in 《》 or quotes.
    pub part_of_quoted: &'static str,
    pub part_of_none: &'static str,

    // 1. Definitions.
    pub definitions: &'static str,
    pub definitions_intro: &'static str,
    pub standard_terms: [StandardTerm; 6],
    pub business_day: &'static str,
    pub business_day_definition: &'static str,
    pub counting: &'static str,
    pub counting_open_time: &'static str,
    pub counting_days: &'static str,
    /// `{0}` the statuses of `pause on`.
    pub counting_paused: &'static str,
    /// In plain words; under `governing-law cn` the wording module's
    /// sentence, which cites the Civil Code, stands in its place.
    pub counting_ends_at_close: &'static str,
    /// `{0}` the open time of one business day.
    pub counting_hours: &'static str,
    pub counting_same_time: &'static str,
    /// `{0}` an IANA time-zone name.
    pub time_zone_rule: &'static str,
    /// `{0}` a zone by the local time people call it, its IANA name in
    /// brackets (`北京时间（Asia/Shanghai）`, see [`super::zone_names`]).
    pub time_zone_rule_named: &'static str,

    // 2. Scope.
    pub scope: &'static str,
    pub scope_intro: PartyPhrase,
    pub services: &'static str,
    pub audience: &'static str,
    pub channels: &'static str,
    pub channel: &'static str,
    pub service_hours: &'static str,
    pub contact: &'static str,

    // 3. Targets.
    pub targets: &'static str,
    pub response: &'static str,
    pub resolution: &'static str,
    pub priority: &'static str,
    pub definition: &'static str,
    pub clock: &'static str,
    pub target: &'static str,
    pub attainment: &'static str,
    pub attainment_note: &'static str,
    /// `{0}` each priority's and channel's `aka` names: the names the
    /// ticket system uses for them.
    pub system_names: &'static str,
    /// `{0}` a duration.
    pub respond_within: &'static str,
    /// `{0}` a duration.
    pub resolve_within: &'static str,
    /// `{0}` a duration.
    pub resolve_or_workaround_within: &'static str,
    pub availability: &'static str,
    pub availability_none: &'static str,
    pub availability_target: &'static str,
    pub period: &'static str,
    /// `{0}` a percentage.
    pub at_least_percent: &'static str,
    pub hours_intro: &'static str,
    pub weekly_hours: &'static str,
    pub calendar_time_zone: &'static str,
    pub closed_days: &'static str,
    pub open_days: &'static str,
    pub date: &'static str,
    pub note: &'static str,
    pub fcr: &'static str,
    pub fcr_none: &'static str,
    pub csat: &'static str,
    pub csat_none: &'static str,
    /// `{0}` the minimum mean score, `{1}` the scale low, `{2}` the scale high.
    pub csat_score: PartyPhrase,
    /// `{0}` the minimum share, `{1}` the second-highest point, `{2}` the
    /// highest, `{3}` the scale low.
    pub csat_satisfied: &'static str,
    pub csat_method: &'static str,
    pub csat_period: &'static str,

    // 4. Support.
    pub support: &'static str,
    pub submission: &'static str,
    pub submission_intro: PartyPhrase,
    pub submission_any: PartyPhrase,
    pub escalation: &'static str,
    pub escalation_none: &'static str,
    pub escalate_after: &'static str,
    pub escalate_to: &'static str,
    /// `{0}` a duration.
    pub after_receipt: &'static str,
    /// 4.3, only when the contract has `reporting`.
    pub reporting: &'static str,
    /// `{0}` the period (`monthly`), `{1}` the duration.
    pub report_due: PartyPhrase,

    // 5. Effective period, signatures, footer.
    pub term_of_agreement: &'static str,
    /// `{0}` from, `{1}` to.
    pub effective_range: &'static str,
    /// `{0}` from.
    pub effective_open: &'static str,
    pub effective_none: &'static str,
    pub signatures: &'static str,
    pub party_name: &'static str,
    pub signatory: &'static str,
    pub signature: &'static str,
    pub signing_date: &'static str,
    /// What a person writes the date into.
    pub date_blank: &'static str,
    pub source_file: &'static str,
    pub fingerprint: &'static str,
    pub footer_note: &'static str,
    pub not_specified: &'static str,

    // Values.
    pub minutes: (&'static str, &'static str),
    pub hours: (&'static str, &'static str),
    pub days: (&'static str, &'static str),
    pub business_days: (&'static str, &'static str),
    pub months: [&'static str; 12],
    /// `{0}` year, `{1}` month (from `months`), `{2}` day.
    pub date_pattern: &'static str,
    pub weekdays: [&'static str; 7],
    /// `{0}` first, `{1}` last of a run of days.
    pub day_range: &'static str,
    pub list_separator: &'static str,
    /// `{0}` start, `{1}` end of a span that ends the next day.
    pub overnight: &'static str,
    pub all_day: &'static str,
    pub always: &'static str,
    /// `{0}` a calendar's name.
    pub per_calendar: &'static str,
    /// `{0}` the clock of a target on its own clock (`on CALENDAR`).
    pub own_clock: &'static str,
    pub monthly: &'static str,
    pub quarterly: &'static str,
    pub yearly: &'static str,
    /// Between groups of days in a weekly schedule.
    pub clause_separator: &'static str,
    /// Between two sentences of one paragraph.
    pub sentence_gap: &'static str,
    pub colon: &'static str,
    pub full_stop: &'static str,
    pub open_quote: &'static str,
    pub close_quote: &'static str,
}

impl Phrases {
    pub fn of(lang: Lang) -> &'static Phrases {
        match lang {
            Lang::ZhCn => &ZH,
            Lang::En => &EN,
        }
    }
}

pub static ZH: Phrases = Phrases {
    kind: "服务级别协议",
    agreement_id: "协议编号",
    version: "版本",
    draft_banner: "草稿：本文件含有待填写的内容（以高亮标示），不得签署。",
    party_as: "{0}（以下简称“{1}”）",
    party_as_named: "{0}（以下简称“{1}”）",
    party_as_also: "{0}（以下简称“{1}”，亦称“{2}”）",
    preamble: "本服务级别协议（以下简称“SLA”）由{0}与{1}共同签署。",
    purpose: PartyPhrase::new("本协议旨在明确双方在客户服务领域的权利、义务、期望以及具体的服务水平承诺，确保{provider}能够为{client}提供持续、稳定且高质量的客户支持服务。"),
    part_of: "本协议是《{0}》不可分割的一部分，与其具有同等法律效力。",
    part_of_quoted: "本协议是{0}不可分割的一部分，与其具有同等法律效力。",
    part_of_none: "双方确认，本协议是双方合作合同（若有）不可分割的一部分，具有同等法律效力。",

    definitions: "定义与缩写",
    definitions_intro: "在本SLA中，除非上下文另有明确说明，否则下列术语应具有如下含义：",
    standard_terms: [
        StandardTerm {
            name: "服务请求",
            definition: PartyPhrase::new("{client}或其授权用户向{provider}提出的，需要{provider}提供协助或解决的具体事项，包括但不限于咨询、故障报告、投诉、信息查询等。"),
        },
        StandardTerm {
            name: "响应时间",
            definition: PartyPhrase::new("自{provider}接收到合格的服务请求起，至{provider}首次与{client}或其授权用户取得联系（通过约定渠道）并确认请求内容为止的时间段。"),
        },
        StandardTerm {
            name: "解决时间",
            definition: PartyPhrase::new("自{provider}接收到合格的服务请求起，至该请求所描述的问题得到最终解决或{client}确认可接受的临时方案为止的时间段。"),
        },
        StandardTerm {
            name: "服务可用性",
            definition: PartyPhrase::new("指{provider}提供的客户服务渠道（如电话、在线系统等）在规定服务时间内正常运作的时间百分比。"),
        },
        StandardTerm {
            name: "首次接触解决率（FCR）",
            definition: PartyPhrase::new("在首次与{client}接触时即成功解决{client}问题的服务请求数量，占已记录是否在首次接触时解决的服务请求数量的百分比；未作此记录的服务请求不计入分母。"),
        },
        StandardTerm {
            name: "客户满意度（CSAT）",
            definition: PartyPhrase::new("通过指定评估方式（如问卷、回访）收集的{client}对服务体验的满意程度指标。"),
        },
    ],
    business_day: "工作日",
    business_day_definition: "指所适用的服务时间日历中安排有服务时间的日期。日历中列明的休息日不是工作日，列明的调休上班日是工作日。",
    counting: "期限计算",
    counting_open_time: "以分钟或小时计算的期限，仅计算所适用服务时间内的时间；适用 7×24 小时服务的，连续计算。在服务时间以外收到的服务请求，自下一个服务时间开始时起算。",
    counting_days: "以天计算的期限仅适用于 7×24 小时服务，每天按 24 小时连续计算。",
    counting_paused: "工单处于{0}状态期间，解决时限暂停计时；响应时限不暂停。",
    counting_ends_at_close: "以工作日计算的期限，收到服务请求的当日不计入，自次一工作日起算；期限为 N 个工作日的，于第 N 个工作日最后一个服务时段结束之时届满。",
    counting_hours: "以工作日计算的期限，按每个工作日 {0}服务时间折算；期限为 N 个工作日的，于收到服务请求后所适用服务时间累计满 N 个 {0}之时届满。",
    counting_same_time: "以工作日计算的期限，自收到服务请求时起算（收到时不在服务时间内的，自下一个服务时间开始时起算）；期限为 N 个工作日的，于其后第 N 个工作日的同一时刻届满，该时刻不在服务时间内的，顺延至其后最近的服务时间开始之时。",
    time_zone_rule: "本协议中的日期和时间，除另有说明外，均为 {0} 时区的当地时间。",
    time_zone_rule_named: "本协议中的日期和时间，除另有说明外，均为{0}。",

    scope: "服务范围与内容",
    scope_intro: PartyPhrase::new("{provider}同意在本协议期限内，向{client}提供以下客户服务："),
    services: "服务类型",
    audience: "服务对象",
    channels: "服务渠道",
    channel: "渠道",
    service_hours: "服务时间",
    contact: "联系方式",

    targets: "服务水平目标",
    response: "响应时间目标",
    resolution: "解决时间目标",
    priority: "优先级",
    definition: "定义",
    clock: "计时",
    target: "目标",
    attainment: "达成率",
    attainment_note: "“达成率”指须在目标时间内完成的服务请求所占的最低比例。",
    system_names: "工单系统中的名称：{0}。",
    respond_within: "{0}内响应",
    resolve_within: "{0}内解决",
    resolve_or_workaround_within: "{0}内解决或提供临时方案",
    availability: "服务可用性目标",
    availability_none: "本协议未约定服务渠道可用性目标。",
    availability_target: "可用性",
    period: "考核周期",
    at_least_percent: "不低于 {0}",
    hours_intro: "服务时间依下列日历确定：",
    weekly_hours: "每周服务时间",
    calendar_time_zone: "时区",
    closed_days: "休息日（不提供服务）",
    open_days: "调休上班日",
    date: "日期",
    note: "说明",
    fcr: "首次接触解决率（FCR）",
    fcr_none: "本协议未约定首次接触解决率目标。",
    csat: "客户满意度（CSAT）",
    csat_none: "本协议未约定客户满意度目标。",
    csat_score: PartyPhrase::new("{client}对服务的满意度评分（{1}-{2} 分制）平均不低于 {0} 分"),
    csat_satisfied: "满意度好评率（评分为 {1} 分或 {2} 分的比例，{3}-{2} 分制）不低于 {0}",
    csat_method: "评估方式",
    csat_period: "评估周期",

    support: "服务支持与沟通",
    submission: "服务请求提交",
    submission_intro: PartyPhrase::new("{client}或其授权用户应通过以下渠道提交服务请求："),
    submission_any: PartyPhrase::new("{client}或其授权用户应通过第2条约定的服务渠道提交服务请求。"),
    escalation: "升级机制",
    escalation_none: "本协议未约定升级机制。",
    escalate_after: "升级时间",
    escalate_to: "升级至",
    after_receipt: "收到服务请求后 {0}",
    reporting: "服务报告",
    report_due: PartyPhrase::new("{provider}应在每个报告周期（{0}）结束后 {1}内，向{client}提交该周期的服务级别报告；期限按第1条的方式计算。"),

    term_of_agreement: "协议期限",
    effective_range: "本协议自{0}起生效，至{1}止。",
    effective_open: "本协议自{0}起生效，未约定终止日期。",
    effective_none: "本协议自双方签署之日起生效。",
    signatures: "签署",
    party_name: "名称",
    signatory: "授权代表",
    signature: "签字（盖章）",
    signing_date: "日期",
    date_blank: "　　　　年　　月　　日",
    source_file: "源文件",
    fingerprint: "规则集指纹",
    footer_note: "本附件由源文件生成，指纹用于核对签署文本与其源文件是否一致。",
    not_specified: "未约定。",

    minutes: ("{0} 分钟", "{0} 分钟"),
    hours: ("{0} 小时", "{0} 小时"),
    days: ("{0} 天", "{0} 天"),
    business_days: ("{0} 个工作日", "{0} 个工作日"),
    months: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"],
    date_pattern: "{0}年{1}月{2}日",
    weekdays: ["周一", "周二", "周三", "周四", "周五", "周六", "周日"],
    day_range: "{0}至{1}",
    list_separator: "、",
    overnight: "{0}至次日{1}",
    all_day: "全天",
    always: "7×24 小时",
    per_calendar: "按“{0}”服务时间",
    own_clock: "{0}（仅本项时限，不按该优先级的计时）",
    monthly: "每月",
    quarterly: "每季度",
    yearly: "每年",
    clause_separator: "；",
    sentence_gap: "",
    colon: "：",
    full_stop: "。",
    open_quote: "“",
    close_quote: "”",
};

pub static EN: Phrases = Phrases {
    kind: "Service Level Agreement",
    agreement_id: "Agreement No.",
    version: "Version",
    draft_banner: "DRAFT: this document has items still to be filled in (highlighted) and must not be signed.",
    party_as: "{0} (the “{1}”)",
    party_as_named: "{0} (“{1}”)",
    party_as_also: "{0} (the “{1}”, also referred to as “{2}”)",
    preamble: "This Service Level Agreement (the “SLA”) is made between {0} and {1}.",
    purpose: PartyPhrase::new("It sets out the rights, obligations and expectations of both parties in customer service and {provider}’s specific service level commitments, so that {provider} delivers continuous, stable and high-quality customer support to {client}."),
    part_of: "This SLA forms an integral part of “{0}” and has the same legal force.",
    part_of_quoted: "This SLA forms an integral part of {0} and has the same legal force.",
    part_of_none: "The parties confirm that this SLA forms an integral part of their cooperation contract (if any) and has the same legal force.",

    definitions: "Definitions and abbreviations",
    definitions_intro: "In this SLA, unless the context clearly requires otherwise, the following terms have the meanings given below:",
    standard_terms: [
        StandardTerm {
            name: "Service Request",
            definition: PartyPhrase::new("a specific matter raised by {client} or its authorised users that requires {provider}’s assistance or resolution, including but not limited to enquiries, fault reports, complaints and information requests."),
        },
        StandardTerm {
            name: "Response Time",
            definition: PartyPhrase::new("the period from {provider}’s receipt of a qualified Service Request until {provider} first contacts {client} or its authorised user (through an agreed channel) and confirms the content of the request."),
        },
        StandardTerm {
            name: "Resolution Time",
            definition: PartyPhrase::new("the period from {provider}’s receipt of a qualified Service Request until the problem it describes is finally resolved, or {client} confirms an acceptable temporary workaround."),
        },
        StandardTerm {
            name: "Service Availability",
            definition: PartyPhrase::new("the percentage of the agreed service hours during which a customer-service channel provided by {provider} (such as telephone or an online system) operates normally."),
        },
        StandardTerm {
            name: "First Contact Resolution rate (FCR)",
            definition: PartyPhrase::new("the number of Service Requests resolved at the first contact with {client} as a percentage of the Service Requests for which it is recorded whether they were resolved at the first contact; Service Requests without that record are not counted in the denominator."),
        },
        StandardTerm {
            name: "Customer Satisfaction (CSAT)",
            definition: PartyPhrase::new("a measure of {client}’s satisfaction with the service experience, collected by an agreed method (such as a survey or call-back)."),
        },
    ],
    business_day: "Business day",
    business_day_definition: "a day on which the applicable service-hours calendar has service hours. Closed days listed in the calendar are not business days; make-up working days listed in it are.",
    counting: "Counting of periods",
    counting_open_time: "A period counted in minutes or hours counts only time within the applicable service hours; where service is provided 24 hours a day, 7 days a week, it runs continuously. For a Service Request received outside service hours, the period begins when service hours next begin.",
    counting_days: "A period counted in days applies only to service provided 24 hours a day, 7 days a week, and counts each day as 24 consecutive hours.",
    counting_paused: "The resolution clock is paused while a ticket is in status {0}; the response clock is not.",
    counting_ends_at_close: "In a period counted in business days, the day on which the Service Request is received is not counted and the period begins on the next business day; a period of N business days ends at the close of the last span of service hours on the N-th business day.",
    counting_hours: "A period counted in business days is converted into service hours at {0} for each business day; a period of N business days ends when N × {0} of applicable service hours have elapsed after receipt of the Service Request.",
    counting_same_time: "A period counted in business days begins when the Service Request is received (or, if it is received outside service hours, when service hours next begin); a period of N business days ends at the same time of day on the N-th following business day or, if that time is outside service hours, when service hours next begin after it.",
    time_zone_rule: "Unless stated otherwise, all dates and times in this SLA are local times in the {0} time zone.",
    time_zone_rule_named: "Unless stated otherwise, all dates and times in this SLA are in {0}.",

    scope: "Scope and content of services",
    scope_intro: PartyPhrase::new("During the term of this SLA {provider} shall provide {client} with the following customer services:"),
    services: "Service types",
    audience: "Service audience",
    channels: "Service channels",
    channel: "Channel",
    service_hours: "Service hours",
    contact: "Contact",

    targets: "Service level targets",
    response: "Response time targets",
    resolution: "Resolution time targets",
    priority: "Priority",
    definition: "Definition",
    clock: "Clock",
    target: "Target",
    attainment: "Attainment",
    attainment_note: "“Attainment” is the minimum share of Service Requests that must meet the target.",
    system_names: "As named in the ticket system: {0}.",
    respond_within: "Response within {0}",
    resolve_within: "Resolved within {0}",
    resolve_or_workaround_within: "Resolved, or a workaround provided, within {0}",
    availability: "Service availability targets",
    availability_none: "This SLA sets no service channel availability target.",
    availability_target: "Availability",
    period: "Measurement period",
    at_least_percent: "at least {0}",
    hours_intro: "Service hours are determined by the following calendars:",
    weekly_hours: "Weekly service hours",
    calendar_time_zone: "Time zone",
    closed_days: "Closed days (no service)",
    open_days: "Make-up working days",
    date: "Date",
    note: "Note",
    fcr: "First contact resolution (FCR)",
    fcr_none: "This SLA sets no first contact resolution target.",
    csat: "Customer satisfaction (CSAT)",
    csat_none: "This SLA sets no customer satisfaction target.",
    csat_score: PartyPhrase::new("an average satisfaction rating of at least {0} on a scale of {1} to {2}"),
    csat_satisfied: "at least {0} of ratings are {1} or {2} on a scale of {3} to {2}",
    csat_method: "Evaluation method",
    csat_period: "Evaluation period",

    support: "Support and communication",
    submission: "Submitting Service Requests",
    submission_intro: PartyPhrase::new("{Client} or its authorised users shall submit Service Requests through the following channels:"),
    submission_any: PartyPhrase::new("{Client} or its authorised users shall submit Service Requests through the service channels agreed in section 2."),
    escalation: "Escalation",
    escalation_none: "This SLA sets no escalation rule.",
    escalate_after: "Escalated after",
    escalate_to: "Escalated to",
    after_receipt: "{0} after receipt",
    reporting: "Reporting",
    report_due: PartyPhrase::new("{Provider} shall deliver to {client} its service level report for each reporting period ({0}) within {1} after the end of that period, counted as section 1 sets out."),

    term_of_agreement: "Effective period",
    effective_range: "This SLA takes effect on {0} and ends on {1}.",
    effective_open: "This SLA takes effect on {0} and has no fixed end date.",
    effective_none: "This SLA takes effect on the date on which both parties have signed it.",
    signatures: "Signatures",
    party_name: "Name",
    signatory: "Authorised signatory",
    signature: "Signature (and seal)",
    signing_date: "Date",
    date_blank: "",
    source_file: "Source file",
    fingerprint: "Rule-set fingerprint",
    footer_note: "This appendix was generated from the source file; the fingerprint matches the signed text to its source.",
    not_specified: "Not specified.",

    minutes: ("{0} minute", "{0} minutes"),
    hours: ("{0} hour", "{0} hours"),
    days: ("{0} day", "{0} days"),
    business_days: ("{0} business day", "{0} business days"),
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    date_pattern: "{2} {1} {0}",
    weekdays: crate::model::WEEKDAY_NAMES,
    day_range: "{0} to {1}",
    list_separator: ", ",
    overnight: "{0} to {1} the next day",
    all_day: "all day",
    always: "24 hours a day, 7 days a week",
    per_calendar: "service hours “{0}”",
    own_clock: "{0} (this target only, not the priority's clock)",
    monthly: "monthly",
    quarterly: "quarterly",
    yearly: "yearly",
    clause_separator: "; ",
    sentence_gap: " ",
    colon: ": ",
    full_stop: ".",
    open_quote: "“",
    close_quote: "”",
};
