//! The model of `contracts/acme-support.sla`, built by hand: a test
//! fixture, not part of the library.
//!
//! Two uses: later stages (rule set, appendix, clock) are tested on a
//! realistic model without going through the parser, and a test checks that
//! parsing and checking the shipped contract gives exactly this model.
//! Integration tests reach it as `support::acme`; the library's own unit
//! tests include the same file as `crate::model::example` (written against
//! the public API, `slac::…`, so it compiles in both).

use chrono::NaiveDate;
use slac::model::*;

fn text(s: &str) -> Text {
    Fill::Value(s.to_string())
}

fn span(h1: u16, m1: u16, h2: u16, m2: u16) -> TimeSpan {
    TimeSpan {
        start: TimeOfDay(h1 * 60 + m1),
        end: TimeOfDay(h2 * 60 + m2),
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("the acme model's dates exist")
}

fn within(amount: u32, unit: Unit) -> Fill<Duration> {
    Fill::Value(Duration { amount, unit })
}

fn target(amount: u32, unit: Unit, or_workaround: bool, share: Option<f64>) -> Target {
    Target {
        within: within(amount, unit),
        clock: None,
        or_workaround,
        attainment: share.map(Fill::Value),
    }
}

/// The §3 design example, completed: P4 resolves within 10 business days and
/// the overnight calendar `night` is the staffing of the `chat` channel.
pub fn acme() -> Contract {
    let shanghai = chrono_tz::Asia::Shanghai;
    let office = vec![span(9, 0, 12, 0), span(13, 0, 18, 0)];
    let business = Calendar {
        id: CalendarId("business".into()),
        label: Some(text("工作日 9:00-18:00")),
        timezone: shanghai,
        always: false,
        weekly: [
            office.clone(),
            office.clone(),
            office.clone(),
            office.clone(),
            office,
            vec![],
            vec![],
        ],
        closed: vec![],
        open: vec![],
        holidays: vec![cn_2026()],
    };
    let always = Calendar {
        id: CalendarId("always".into()),
        label: Some(text("7x24")),
        timezone: shanghai,
        always: true,
        weekly: Default::default(),
        closed: vec![],
        open: vec![],
        holidays: vec![],
    };
    let night_span = vec![span(22, 0, 6, 0)];
    let night = Calendar {
        id: CalendarId("night".into()),
        label: Some(text("夜间值班")),
        timezone: shanghai,
        always: false,
        weekly: [
            night_span.clone(),
            night_span.clone(),
            night_span.clone(),
            night_span.clone(),
            night_span,
            vec![],
            vec![],
        ],
        closed: vec![],
        open: vec![],
        holidays: vec![],
    };
    let channel =
        |id: &str, label: &str, hours: &str, availability: Option<f64>, contact: Option<&str>| {
            Channel {
                id: ChannelId(id.into()),
                label: text(label),
                hours: Some(CalendarId(hours.into())),
                availability: availability.map(|p| Availability {
                    percent: Fill::Value(p),
                    period: Fill::Value(Period::Monthly),
                }),
                contact: contact.map(text),
                aka: vec![],
            }
        };
    let priority = |rank: u32,
                    id: &str,
                    label: &str,
                    definition: &str,
                    clock: &str,
                    response: Target,
                    resolution: Target| Priority {
        id: PriorityId(id.into()),
        label: text(label),
        rank,
        definition: Some(text(definition)),
        clock: Some(CalendarId(clock.into())),
        response,
        resolution,
        aka: vec![],
    };
    Contract {
        title: text("客户服务SLA"),
        id: Some(text("ACME-CS-2026")),
        version: Some(text("1.0")),
        language: Lang::ZhCn,
        part_of: Some(text("合作合同 HT-2026-001")),
        effective: Some(Effective {
            from: Fill::Value(date(2026, 1, 1)),
            to: Some(Fill::Value(date(2026, 12, 31))),
        }),
        timezone: Some(shanghai),
        clock: Some(CalendarId("business".into())),
        business_day: BusinessDayRule::EndsAtClose,
        pause_on: Vec::new(),
        client: Party {
            name: text("艾克姆科技有限公司"),
            short: Some(text("客户")),
            contact: Some(text("ops@acme.example")),
            signatory: None,
        },
        provider: Party {
            name: text("海普服务有限公司"),
            short: Some(text("服务方")),
            contact: Some(text("sla@helpco.example")),
            signatory: Some(text("王伟")),
        },
        terms: vec![Term {
            name: text("合格服务请求"),
            definition: text("通过约定渠道提交、信息完整的服务请求。"),
        }],
        services: vec![
            Service {
                id: ServiceId("consulting".into()),
                label: text("产品使用咨询与指导"),
            },
            Service {
                id: ServiceId("diagnosis".into()),
                label: text("技术故障诊断与排除"),
            },
        ],
        audience: vec![text("最终用户"), text("内部员工")],
        calendars: vec![business, always, night],
        channels: vec![
            channel(
                "hotline",
                "专用服务热线",
                "always",
                Some(99.9),
                Some("400-000-0000"),
            ),
            channel("email", "电子邮件支持", "always", None, None),
            channel("chat", "在线客服系统", "business", Some(99.5), None),
            channel(
                "night-desk",
                "夜间值班热线",
                "night",
                None,
                Some("400-000-0001"),
            ),
        ],
        priorities: vec![
            priority(
                1,
                "P1",
                "紧急",
                "直接影响客户核心业务运营，或导致大面积用户无法使用关键功能的故障。",
                "always",
                target(15, Unit::Minutes, false, None),
                target(4, Unit::Hours, true, None),
            ),
            priority(
                2,
                "P2",
                "高",
                "重要功能受影响，但存在替代方案或影响范围有限。",
                "business",
                target(2, Unit::Hours, false, None),
                target(2, Unit::BusinessDays, true, None),
            ),
            priority(
                3,
                "P3",
                "中",
                "一般咨询或非核心功能的问题。",
                "business",
                target(1, Unit::BusinessDays, false, None),
                target(5, Unit::BusinessDays, false, None),
            ),
            priority(
                4,
                "P4",
                "低",
                "建议、非紧急查询或文档请求。",
                "business",
                target(3, Unit::BusinessDays, false, Some(95.0)),
                target(10, Unit::BusinessDays, false, None),
            ),
        ],
        fcr: Some(FcrTarget {
            min_percent: Fill::Value(70.0),
            period: Fill::Value(Period::Monthly),
        }),
        csat: Some(CsatTarget {
            goal: CsatGoal::Score {
                min: Fill::Value(4.5),
            },
            scale: (1, 5),
            period: Fill::Value(Period::Quarterly),
            methods: vec![text("问卷"), text("回访")],
        }),
        support: Support {
            submit_via: vec![
                ChannelId("hotline".into()),
                ChannelId("email".into()),
                ChannelId("chat".into()),
                ChannelId("night-desk".into()),
            ],
            escalations: vec![Escalation {
                priority: PriorityId("P1".into()),
                after: within(30, Unit::Minutes),
                to: text("值班经理"),
            }],
        },
        reporting: Some(acme_reporting()),
        exclusions: Some(acme_exclusions()),
        credits: Some(acme_credits()),
        holidays: vec![],
        wording: Wording {
            governing_law: Some(Fill::Value(GoverningLaw::Cn)),
            party_names: Some(PartyNames::JiaYi),
            ..Wording::default()
        },
        sources: vec![Source {
            path: "holidays/cn-2026.sla".into(),
            sha256: sha256_hex(CN_2026),
        }],
    }
}

/// The library the contract's `use` line reads.
const CN_2026: &[u8] = include_bytes!("../../holidays/cn-2026.sla");

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    format!("{:x}", sha2::Sha256::digest(bytes))
}

/// The set `cn-2026` of `holidays/cn-2026.sla`: China's public holidays and
/// make-up working days of 2026, as the business calendar takes them.
pub fn cn_2026() -> HolidaySet {
    let closed = |from: (u32, u32), to: (u32, u32), note: &str| ClosedDays {
        from: date(2026, from.0, from.1),
        to: date(2026, to.0, to.1),
        note: Some(text(note)),
    };
    let open = |(m, d): (u32, u32), note: &str| SetOpenDay {
        date: date(2026, m, d),
        like: None,
        note: Some(text(note)),
    };
    HolidaySet {
        id: HolidaySetId("cn-2026".into()),
        label: text("中国法定节假日 2026"),
        closed: vec![
            closed((1, 1), (1, 3), "元旦"),
            closed((2, 15), (2, 23), "春节"),
            closed((4, 4), (4, 6), "清明节"),
            closed((5, 1), (5, 5), "劳动节"),
            closed((6, 19), (6, 21), "端午节"),
            closed((9, 25), (9, 27), "中秋节"),
            closed((10, 1), (10, 7), "国庆节"),
        ],
        open: vec![
            open((1, 4), "元旦调休上班"),
            open((2, 14), "春节调休上班"),
            open((2, 28), "春节调休上班"),
            open((5, 9), "劳动节调休上班"),
            open((9, 20), "国庆节调休上班"),
            open((10, 10), "国庆节调休上班"),
        ],
        yearly: vec![],
    }
}

/// The remedies of the design's §11 example, as the acme contract has them: its
/// `exclusions` (maintenance on weekend nights with five business days'
/// notice, at most 8 hours a month; two named clauses).
pub fn acme_exclusions() -> Exclusions {
    let mut window: [Vec<TimeSpan>; 7] = Default::default();
    for day in window.iter_mut().skip(5) {
        *day = vec![span(0, 0, 6, 0)];
    }
    Exclusions {
        maintenance: Some(Maintenance {
            notice: within(5, Unit::BusinessDays),
            window: Some(window),
            allowance: Some(Allowance {
                amount: within(8, Unit::Hours),
                period: Period::Monthly,
            }),
        }),
        clauses: vec![
            Clause {
                id: ClauseId("force-majeure".into()),
                text: text("因不可抗力导致的服务中断或延误，不计入服务水平统计。"),
            },
            Clause {
                id: ClauseId("customer".into()),
                text: text("因客户原因（如未提供必要信息）导致的延误，不计入服务水平统计。"),
            },
        ],
    }
}

fn tier(below: f64, credit_percent: f64) -> Tier {
    Tier {
        below,
        credit_percent,
    }
}

/// The acme contract's `credits`: 50000 CNY a month, a line of every kind,
/// capped at 30% a month, claimed within 30 days, paid in vouchers.
pub fn acme_credits() -> Credits {
    Credits {
        fee: Some(Fee {
            amount: Fill::Value(Money { cents: 5_000_000 }),
            currency: Some(Currency("CNY".into())),
            period: Period::Monthly,
        }),
        lines: vec![
            CreditLine {
                metric: CreditMetric::Availability(ChannelId("hotline".into())),
                tiers: vec![tier(99.9, 5.0), tier(99.5, 10.0), tier(99.0, 25.0)],
            },
            CreditLine {
                metric: CreditMetric::Target(PriorityId("P1".into()), TargetKind::Response),
                tiers: vec![tier(100.0, 2.0)],
            },
            CreditLine {
                metric: CreditMetric::Target(PriorityId("P2".into()), TargetKind::Resolution),
                tiers: vec![tier(95.0, 3.0), tier(90.0, 6.0)],
            },
            CreditLine {
                metric: CreditMetric::Fcr,
                tiers: vec![tier(70.0, 2.0)],
            },
            CreditLine {
                metric: CreditMetric::Csat,
                tiers: vec![tier(4.5, 2.0)],
            },
        ],
        cap: Some(Cap {
            percent: 30.0,
            period: Period::Monthly,
        }),
        claim: Some(within(30, Unit::Days)),
        form: Some(CreditForm::Voucher),
    }
}

/// The acme contract's `reporting`: monthly, within 5 business days.
pub fn acme_reporting() -> Reporting {
    Reporting {
        period: Fill::Value(Period::Monthly),
        within: within(5, Unit::BusinessDays),
    }
}

/// The acme model without `reporting`, `exclusions` and `credits`: a
/// contract that states no remedies.
pub fn acme_without_remedies() -> Contract {
    let mut c = acme();
    c.reporting = None;
    c.exclusions = None;
    c.credits = None;
    c
}
