//! A generator of *valid* contracts (proptest strategies): every item of
//! the language ([`item`] matches the item table exhaustively, so a new
//! item does not compile until it is generated), Chinese and ASCII text
//! with escapes and `"""` blocks, and comments wherever comments may go
//! (on their own line before any line, and at the end of any line that
//! does not open a text block). `tests/generated.rs` holds that each one
//! checks without errors: when it does not, the generator is wrong.
//!
//! The shape is a [`Spec`] (what is declared: calendars, channels,
//! priorities, …) drawn first, so that every name a line refers to exists
//! and every value agrees with the checker's rules (a resolution no
//! shorter than its response, `business days` only on business clocks,
//! credit tiers from the highest threshold down, …); the text is then
//! written from it, item by item.

use proptest::prelude::*;
use slac::items::{ItemName, ITEMS};

/// One line of the generated file.
#[derive(Debug, Clone)]
pub struct Line {
    pub depth: usize,
    pub text: String,
    /// False for the line that opens a text block and the lines inside
    /// it: a `//` there would be text.
    pub commentable: bool,
}

fn line(depth: usize, text: impl Into<String>) -> Line {
    Line {
        depth,
        text: text.into(),
        commentable: true,
    }
}

/// Texts: ASCII and Chinese, escapes, a little of everything a string holds.
const TEXTS: &[&str] = &[
    "Support",
    "客户服务",
    "技术故障诊断与排除",
    "Mixed 中文 and ASCII",
    r#"quoted \"word\" inside"#,
    r"back\\slash",
    r"tab\tand\nnewline",
    r"\u{4E2D}\u{6587} escapes",
    "// not a comment inside a string",
    "{ braces } and [brackets] in text",
    "全角标点：（括号）、逗号，句号。",
    "emoji 🎉 and ünïcödé",
];

fn text() -> impl Strategy<Value = String> {
    prop::sample::select(TEXTS).prop_map(|t| format!("\"{t}\""))
}

/// A `"""` block of one or more paragraphs (its lines are not commentable).
fn text_block(depth: usize) -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(
        prop::collection::vec(
            prop::sample::select(
                &[
                    "The open hours of the office calendar,",
                    "09:00 to 18:00 local time; // not a comment here",
                    "工作日的服务时间为",
                    "上午九点至下午六点。",
                    "\"quoted\" and \\ kept as written",
                ][..],
            ),
            1..3,
        ),
        1..3,
    )
    .prop_map(move |paragraphs| {
        let pad = "  ".repeat(depth + 1);
        let mut lines = Vec::new();
        for (i, p) in paragraphs.iter().enumerate() {
            if i > 0 {
                lines.push(String::new());
            }
            lines.extend(p.iter().map(|l| format!("{pad}{l}")));
        }
        lines.push(format!("{pad}\"\"\""));
        lines
    })
}

/// Comments as they are written: ASCII, Chinese, empty, odd characters.
const COMMENTS: &[&str] = &[
    "// a comment",
    "// 注释：中文",
    "//",
    "// with \"quotes\" and { braces }",
    "//no space after the slashes",
    "// trailing text 🎉",
];

/// What a generated contract declares, drawn before its text.
#[derive(Debug, Clone)]
pub struct Spec {
    pub year: i32,
    pub zone: &'static str,
    /// Business calendars `cal0…`; each has Monday–Friday hours.
    pub calendars: Vec<CalendarSpec>,
    /// Holiday sets `set0…` (each used by the calendars listed in them).
    pub sets: Vec<SetSpec>,
    pub channels: Vec<ChannelSpec>,
    pub priorities: Vec<PrioritySpec>,
    pub terms: Vec<TermSpec>,
    pub services: usize,
    pub audiences: Vec<Vec<String>>,
    pub fcr: Option<u32>,
    pub csat: Option<CsatSpec>,
    pub header: HeaderSpec,
    pub parties: PartiesSpec,
    pub reporting: Option<(bool, u32)>,
    pub exclusions: Option<ExclusionsSpec>,
    pub credits: Option<CreditsSpec>,
    pub submit: bool,
    pub escalate: Option<(usize, u32)>,
}

#[derive(Debug, Clone)]
pub struct HeaderSpec {
    pub id: Option<String>,
    pub version: Option<String>,
    pub language: Option<&'static str>,
    pub part_of: Option<String>,
    pub open_ended: bool,
    pub business_day: Option<&'static str>,
    pub title: String,
}

#[derive(Debug, Clone)]
pub struct PartiesSpec {
    pub fields: [Vec<(&'static str, String)>; 2],
    pub one_line: [bool; 2],
    pub names: [String; 2],
}

#[derive(Debug, Clone)]
pub struct CalendarSpec {
    pub label: Option<String>,
    /// Monday–Friday spans (start, end minutes), non-overlapping, sorted.
    pub weekdays: Vec<(u16, u16)>,
    /// A weekend line (`sat`, `sat-sun`, …) and its one span.
    pub weekend: Option<(&'static str, (u16, u16))>,
    /// Day of the year, length in days, note.
    pub closed: Vec<(u32, u32, Option<String>)>,
    /// A day of the year that is a Saturday or Sunday gets `open … spans`.
    pub open: Vec<(u32, Option<String>)>,
    pub own_zone: bool,
}

#[derive(Debug, Clone)]
pub struct SetSpec {
    pub label: String,
    pub closed: Vec<(u32, Option<String>)>,
    pub yearly: Vec<String>,
    /// Make-up working days on Saturdays (weeks of the year).
    pub open: Vec<u32>,
    /// Which calendars use it (indices; at least one, so no W005).
    pub users: Vec<usize>,
}

#[derive(Debug, Clone)]
pub struct ChannelSpec {
    pub label: String,
    /// `None`: `always`; `Some(i)`: `cal{i}`.
    pub hours: Option<Option<usize>>,
    pub availability: Option<(String, Option<&'static str>)>,
    pub contact: Option<String>,
    pub aka: Vec<String>,
    pub one_line: bool,
}

#[derive(Debug, Clone)]
pub struct PrioritySpec {
    pub label: String,
    pub definition: Option<DefinitionSpec>,
    /// `None`: the contract clock (`cal0`); `Some(None)`: `always`;
    /// `Some(Some(i))`: `cal{i}`.
    pub clock: Option<Option<usize>>,
    pub aka: Vec<String>,
    /// Response within this many minutes (at most 60).
    pub response_minutes: u32,
    pub response_on: Option<Option<usize>>,
    pub response_for: Option<String>,
    pub resolution: ResolutionSpec,
}

#[derive(Debug, Clone)]
pub enum DefinitionSpec {
    Text(String),
    Block(Vec<String>),
}

#[derive(Debug, Clone)]
pub struct ResolutionSpec {
    /// 2 or more hours, or (on a business clock) business days.
    pub amount: u32,
    pub business_days: bool,
    pub workaround: bool,
    pub attainment: Option<String>,
}

#[derive(Debug, Clone)]
pub struct TermSpec {
    pub name: String,
    pub body: DefinitionSpec,
}

#[derive(Debug, Clone)]
pub struct CsatSpec {
    /// Score target on 1..5 (tenths), or `% satisfied`.
    pub score_tenths: Option<u32>,
    pub satisfied: u32,
    pub period: Option<&'static str>,
    pub methods: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct ExclusionsSpec {
    pub maintenance: Option<(u32, bool, Option<u32>)>,
    pub clauses: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct CreditsSpec {
    pub fee: Option<(u32, &'static str)>,
    pub cap: Option<u32>,
    pub claim: Option<(u32, bool)>,
    pub form: Option<&'static str>,
    /// Two tier credits, the second larger.
    pub tiers: (u32, u32),
    pub block: bool,
}

const ZONES: &[&str] = &[
    "Asia/Shanghai",
    "Europe/London",
    "America/New_York",
    "Australia/Sydney",
    "UTC",
];

const NAMES: &[&str] = &["urgent", "P1 - Critical", "紧急", "Email", "mail", "热线"];

/// Non-overlapping spans of at least an hour on a quarter-hour grid.
fn weekday_spans() -> impl Strategy<Value = Vec<(u16, u16)>> {
    prop::collection::btree_set(0u16..=24, 2..=6).prop_map(|hours| {
        let hours: Vec<u16> = hours.into_iter().collect();
        hours
            .chunks_exact(2)
            .map(|h| (h[0] * 60, h[1] * 60))
            .collect()
    })
}

fn hhmm(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

fn spans_text(spans: &[(u16, u16)]) -> String {
    spans
        .iter()
        .map(|&(a, b)| format!("{}-{}", hhmm(a), hhmm(b)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn calendar_spec() -> impl Strategy<Value = CalendarSpec> {
    (
        prop::option::of(text()),
        weekday_spans(),
        prop::option::of((
            prop::sample::select(&["sat", "sun", "sat-sun"][..]),
            (0u16..12, 1u16..12),
        )),
        prop::collection::vec((0u32..300, 0u32..5, prop::option::of(text())), 0..3),
        prop::collection::vec((0u32..50, prop::option::of(text())), 0..2),
        any::<bool>(),
    )
        .prop_map(
            |(label, weekdays, weekend, closed, open, own_zone)| CalendarSpec {
                label,
                weekdays,
                weekend: weekend.map(|(d, (a, len))| (d, (a * 60, (a + len) * 60))),
                closed,
                open,
                own_zone,
            },
        )
}

fn definition(depth: usize) -> impl Strategy<Value = DefinitionSpec> {
    prop_oneof![
        3 => text().prop_map(DefinitionSpec::Text),
        1 => text_block(depth).prop_map(DefinitionSpec::Block),
    ]
}

fn percent() -> impl Strategy<Value = String> {
    prop::sample::select(&["90%", "95%", "99.5%", "99.9%", "100%"][..]).prop_map(String::from)
}

fn priority_spec(calendars: usize) -> impl Strategy<Value = PrioritySpec> {
    let clock = prop::option::of(prop::option::of(0..calendars));
    (
        text(),
        prop::option::of(definition(1)),
        clock.clone(),
        prop::collection::vec(prop::sample::select(NAMES), 0..2),
        1u32..=60,
        clock,
        prop::option::of(percent()),
        (2u32..48, 1u32..10, any::<bool>(), any::<bool>()),
        prop::option::of(percent()),
    )
        .prop_map(
            |(label, definition, clock, aka, minutes, on, r_for, res, res_for)| {
                let business = !matches!(clock, Some(None));
                PrioritySpec {
                    label,
                    definition,
                    clock,
                    aka: aka.into_iter().map(String::from).collect(),
                    response_minutes: minutes,
                    response_on: on,
                    response_for: r_for,
                    resolution: ResolutionSpec {
                        amount: if business && res.2 { res.1 } else { res.0 },
                        business_days: business && res.2,
                        workaround: res.3,
                        attainment: res_for,
                    },
                }
            },
        )
}

fn header() -> impl Strategy<Value = HeaderSpec> {
    (
        prop::option::of(text()),
        prop::option::of(prop_oneof![text(), Just("1.0".to_string())]),
        prop::option::of(prop::sample::select(&["zh-CN", "en"][..])),
        prop::option::of(text()),
        any::<bool>(),
        prop::option::of(prop::sample::select(
            &["ends-at-close", "same-time", "8 hours", "7.5 hours"][..],
        )),
        text(),
    )
        .prop_map(
            |(id, version, language, part_of, open_ended, business_day, title)| HeaderSpec {
                id,
                version,
                language,
                part_of,
                open_ended,
                business_day,
                title,
            },
        )
}

fn party_fields() -> impl Strategy<Value = Vec<(&'static str, String)>> {
    (
        prop::option::of(text()),
        prop::option::of(text()),
        prop::option::of(text()),
    )
        .prop_map(|(short, contact, signatory)| {
            [
                ("short", short),
                ("contact", contact),
                ("signatory", signatory),
            ]
            .into_iter()
            .filter_map(|(k, v)| v.map(|v| (k, v)))
            .collect()
        })
}

fn parties() -> impl Strategy<Value = PartiesSpec> {
    (
        party_fields(),
        party_fields(),
        any::<[bool; 2]>(),
        text(),
        text(),
    )
        .prop_map(|(a, b, one_line, client, provider)| PartiesSpec {
            fields: [a, b],
            one_line,
            names: [client, provider],
        })
}

/// A contract's [`Spec`].
pub fn spec() -> impl Strategy<Value = Spec> {
    (1usize..=3, 1usize..=3, 1usize..=4, 2025i32..=2030).prop_flat_map(
        |(calendars, channels, priorities, year)| {
            let channel = (
                text(),
                prop::option::of(prop::option::of(0..calendars)),
                prop::option::of((
                    percent(),
                    prop::option::of(prop::sample::select(
                        &["monthly", "quarterly", "yearly"][..],
                    )),
                )),
                prop::option::of(text()),
                prop::collection::vec(prop::sample::select(NAMES), 0..2),
                any::<bool>(),
            )
                .prop_map(
                    |(label, hours, availability, contact, aka, one_line)| ChannelSpec {
                        label,
                        hours,
                        availability,
                        contact,
                        aka: aka.into_iter().map(String::from).collect(),
                        one_line,
                    },
                );
            let set = (
                text(),
                prop::collection::vec((0u32..360, prop::option::of(text())), 0..3),
                prop::collection::vec(
                    prop::sample::select(
                        &[
                            "01-01 substitute",
                            "12-25 observed",
                            "easter -2 days",
                            "easter +1 day",
                            "last mon may",
                            "4th thu nov +1 day",
                            "02-29 observed",
                            "5th mon jun from 2020",
                            "10-01 substitute until 2040 except 2031",
                        ][..],
                    ),
                    0..3,
                ),
                prop::collection::vec(0u32..50, 0..2),
                prop::collection::btree_set(0..calendars, 1..=calendars),
            )
                .prop_map(|(label, closed, yearly, open, users)| SetSpec {
                    label,
                    closed,
                    yearly: yearly.into_iter().map(String::from).collect(),
                    open,
                    users: users.into_iter().collect(),
                });
            (
                (
                    prop::collection::vec(calendar_spec(), calendars),
                    prop::collection::vec(set, 0..=2),
                    prop::collection::vec(channel, channels),
                    prop::collection::vec(priority_spec(calendars), priorities),
                    prop::collection::vec(
                        (text(), definition(0)).prop_map(|(name, body)| TermSpec { name, body }),
                        0..=2,
                    ),
                    1usize..=3,
                    prop::collection::vec(prop::collection::vec(text(), 1..=2), 0..=2),
                ),
                (
                    prop::option::of(50u32..=99),
                    prop::option::of((
                        prop::option::of(25u32..=50),
                        50u32..=99,
                        prop::option::of(prop::sample::select(&["monthly", "quarterly"][..])),
                        prop::collection::vec(text(), 0..=2),
                    )),
                    header(),
                    parties(),
                    prop::option::of((any::<bool>(), 1u32..10)),
                    prop::option::of((
                        prop::option::of((1u32..10, any::<bool>(), prop::option::of(1u32..24))),
                        prop::collection::btree_set(
                            prop::sample::select(&["force-majeure", "customer", "third_party"][..]),
                            0..=2,
                        ),
                    )),
                    prop::option::of((
                        prop::option::of((1000u32..100_000, "[A-Z]{3}")),
                        prop::option::of(10u32..=100),
                        prop::option::of((1u32..60, any::<bool>())),
                        prop::option::of(prop::sample::select(
                            &["voucher", "cash", "invoice-deduction"][..],
                        )),
                        (1u32..5, 5u32..10),
                        any::<bool>(),
                    )),
                    (any::<bool>(), prop::option::of((0..priorities, 1u32..=30))),
                ),
            )
                .prop_map(move |(a, b)| {
                    let (calendars, sets, channels, priorities, terms, services, audiences) = a;
                    let (fcr, csat, header, parties, reporting, exclusions, credits, support) = b;
                    Spec {
                        year,
                        zone: ZONES[(year as usize) % ZONES.len()],
                        calendars,
                        sets,
                        channels,
                        priorities,
                        terms,
                        services,
                        audiences,
                        fcr,
                        csat: csat.map(|(score, satisfied, period, methods)| CsatSpec {
                            score_tenths: score,
                            satisfied,
                            period,
                            methods,
                        }),
                        header,
                        parties,
                        reporting,
                        exclusions: exclusions.map(|(maintenance, clauses)| ExclusionsSpec {
                            maintenance,
                            clauses: clauses.into_iter().map(String::from).collect(),
                        }),
                        credits: credits.map(|(fee, cap, claim, form, tiers, block)| CreditsSpec {
                            fee: fee.map(|(amount, cur)| (amount, leak(cur))),
                            cap,
                            claim,
                            form,
                            tiers,
                            block,
                        }),
                        submit: support.0,
                        escalate: support.1,
                    }
                })
        },
    )
}

/// A currency code drawn by a regex, as the `'static` str the spec holds.
fn leak(code: String) -> &'static str {
    Box::leak(code.into_boxed_str())
}

/// A date of the contract's year, `day` days after 1 January (kept in the year).
fn date(year: i32, day: u32) -> chrono::NaiveDate {
    let first = chrono::NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default();
    let last = chrono::NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or_default();
    first
        .checked_add_days(chrono::Days::new(u64::from(day)))
        .unwrap_or(last)
        .min(last)
}

/// The Saturday of week `week` of the year (a weekend day, for make-up days).
fn saturday(year: i32, week: u32) -> chrono::NaiveDate {
    use chrono::Datelike;
    let mut d = date(year, week * 7);
    while d.weekday() != chrono::Weekday::Sat {
        d = d.succ_opt().unwrap_or(d);
    }
    d
}

fn clock_name(clock: Option<usize>) -> String {
    clock.map_or_else(|| "always".to_string(), |i| format!("cal{i}"))
}

/// The lines of one item of the table, from the spec.
fn item(name: ItemName, s: &Spec) -> Vec<Line> {
    let h = &s.header;
    let one = |text: String| vec![line(1, text)];
    match name {
        ItemName::Id => {
            h.id.clone()
                .map(|t| one(format!("id {t}")))
                .unwrap_or_default()
        }
        ItemName::Version => h
            .version
            .clone()
            .map(|t| one(format!("version {t}")))
            .unwrap_or_default(),
        ItemName::Language => h
            .language
            .map(|l| one(format!("language {l}")))
            .unwrap_or_default(),
        ItemName::PartOf => h
            .part_of
            .clone()
            .map(|t| one(format!("part-of {t}")))
            .unwrap_or_default(),
        ItemName::Effective => {
            if h.open_ended {
                one(format!("effective {}-01-01", s.year))
            } else {
                one(format!("effective {0}-01-01..{0}-12-31", s.year))
            }
        }
        ItemName::Timezone => one(format!("timezone \"{}\"", s.zone)),
        ItemName::Clock => one("clock cal0".into()),
        ItemName::BusinessDay => h
            .business_day
            .map(|b| one(format!("business-day {b}")))
            .unwrap_or_default(),
        ItemName::Pause => one("pause on \"Pending\", \"等待客户\"".into()),
        ItemName::Party => party_lines(s),
        ItemName::Term => {
            let mut seen = std::collections::BTreeSet::new();
            s.terms
                .iter()
                .filter(|t| seen.insert(t.name.clone()))
                .flat_map(term_lines)
                .collect()
        }
        ItemName::Scope => {
            let mut lines = vec![line(1, "scope {")];
            lines.extend((0..s.services).map(|i| line(2, format!("service s{i} \"Service {i}\""))));
            lines.extend(
                s.audiences
                    .iter()
                    .map(|a| line(2, format!("audience {}", a.join(", ")))),
            );
            lines.push(line(1, "}"));
            lines
        }
        ItemName::Calendar => calendar_lines(s),
        ItemName::Channel => channel_lines(s),
        ItemName::Priority => priority_lines(s),
        ItemName::Response => target_lines(s, true),
        ItemName::Resolution => target_lines(s, false),
        ItemName::Fcr => s
            .fcr
            .map(|f| one(format!("fcr at least {f}% monthly")))
            .unwrap_or_default(),
        ItemName::Csat => s
            .csat
            .as_ref()
            .map(|c| one(csat_line(c)))
            .unwrap_or_default(),
        ItemName::Support => support_lines(s),
        ItemName::Reporting => s
            .reporting
            .map(|(quarterly, days)| {
                let period = if quarterly { "quarterly" } else { "monthly" };
                vec![
                    line(1, "reporting {"),
                    line(2, format!("report {period} within {days} business days")),
                    line(1, "}"),
                ]
            })
            .unwrap_or_default(),
        ItemName::Exclusions => exclusions_lines(s),
        ItemName::Credits => credits_lines(s),
        ItemName::Holidays => set_lines(s),
        ItemName::GoverningLaw => {
            let laws = ["cn", "sg", "en-gb", "us-ny", "\"the laws of Ruritania\""];
            one(format!("governing-law {}", laws[s.services % laws.len()]))
        }
        ItemName::Commitment => {
            let sections = ["response", "resolution, availability", "fcr, csat"];
            vec![
                line(1, "commitment shall"),
                line(
                    1,
                    format!(
                        "commitment endeavour for {}",
                        sections[s.services % sections.len()]
                    ),
                ),
            ]
        }
        ItemName::PartyNames => {
            let names = ["甲方/乙方", "\"Buyer\" / \"Seller\""];
            one(format!("party-names {}", names[s.services % names.len()]))
        }
    }
}

fn party_lines(s: &Spec) -> Vec<Line> {
    let mut lines = Vec::new();
    for (i, role) in ["client", "provider"].into_iter().enumerate() {
        let head = format!("party {role} {}", s.parties.names[i]);
        let fields = &s.parties.fields[i];
        if fields.is_empty() {
            lines.push(line(1, head));
        } else if s.parties.one_line[i] {
            let inner: Vec<String> = fields.iter().map(|(k, v)| format!("{k} {v}")).collect();
            lines.push(line(1, format!("{head} {{ {} }}", inner.join(" "))));
        } else {
            lines.push(line(1, format!("{head} {{")));
            lines.extend(fields.iter().map(|(k, v)| line(2, format!("{k} {v}"))));
            lines.push(line(1, "}"));
        }
    }
    lines
}

/// `HEAD "text"` or `HEAD """` + the block's lines (not commentable).
fn with_definition(depth: usize, head: String, body: &DefinitionSpec) -> Vec<Line> {
    match body {
        DefinitionSpec::Text(t) if head.is_empty() => vec![line(depth, t.clone())],
        DefinitionSpec::Text(t) => vec![line(depth, format!("{head} {t}"))],
        DefinitionSpec::Block(block) => {
            let open = if head.is_empty() {
                "\"\"\"".to_string()
            } else {
                format!("{head} \"\"\"")
            };
            let mut lines = vec![Line {
                depth,
                text: open,
                commentable: false,
            }];
            let last = block.len().saturating_sub(1);
            lines.extend(block.iter().enumerate().map(|(i, l)| Line {
                depth: 0,
                text: l.clone(),
                // After the closing `"""` a comment may follow.
                commentable: i == last,
            }));
            lines
        }
    }
}

fn term_lines(t: &TermSpec) -> Vec<Line> {
    with_definition(1, format!("term {}", t.name), &t.body)
}

fn calendar_lines(s: &Spec) -> Vec<Line> {
    let mut lines = Vec::new();
    for (i, c) in s.calendars.iter().enumerate() {
        let label = c
            .label
            .as_ref()
            .map(|l| format!(" {l}"))
            .unwrap_or_default();
        lines.push(line(1, format!("calendar cal{i}{label} {{")));
        lines.push(line(2, format!("mon-fri {}", spans_text(&c.weekdays))));
        if let Some((days, span)) = c.weekend {
            lines.push(line(2, format!("{days} {}", spans_text(&[span]))));
        }
        for &(day, len, ref note) in &c.closed {
            let from = date(s.year, day);
            let to = date(s.year, day + len);
            let range = if to > from {
                format!("{from}..{to}")
            } else {
                from.to_string()
            };
            let note = note.as_ref().map(|n| format!(" {n}")).unwrap_or_default();
            lines.push(line(2, format!("closed {range}{note}")));
        }
        let mut opened = std::collections::BTreeSet::new();
        for &(week, ref note) in &c.open {
            // A Sunday (sets make Saturdays up), once.
            let day = saturday(s.year, week).succ_opt().unwrap_or_default();
            if !opened.insert(day) || c.weekend.is_some() {
                continue;
            }
            let note = note.as_ref().map(|n| format!(" {n}")).unwrap_or_default();
            lines.push(line(2, format!("open {day} 10:00-12:00{note}")));
        }
        let sets: Vec<String> = s
            .sets
            .iter()
            .enumerate()
            .filter(|(_, set)| set.users.contains(&i))
            .map(|(j, _)| format!("set{j}"))
            .collect();
        if !sets.is_empty() {
            lines.push(line(2, format!("holidays {}", sets.join(", "))));
        }
        if c.own_zone {
            lines.push(line(2, format!("timezone \"{}\"", s.zone)));
        }
        lines.push(line(1, "}"));
    }
    lines.push(line(1, "calendar always \"7x24\" 24x7"));
    lines
}

fn set_lines(s: &Spec) -> Vec<Line> {
    use chrono::Datelike;
    let mut lines = Vec::new();
    for (j, set) in s.sets.iter().enumerate() {
        lines.push(line(1, format!("holidays set{j} {} {{", set.label)));
        let mut closed = std::collections::BTreeSet::new();
        for &(day, ref note) in &set.closed {
            let d = date(s.year, day);
            // Saturdays are the sets' make-up days: a set closing one
            // another set of the calendar opens would be E050.
            if d.weekday() != chrono::Weekday::Sat && closed.insert(d) {
                let note = note.as_ref().map(|n| format!(" {n}")).unwrap_or_default();
                lines.push(line(2, format!("closed {d}{note}")));
            }
        }
        for rule in &set.yearly {
            lines.push(line(2, format!("closed yearly {rule}")));
        }
        let opens: std::collections::BTreeSet<_> =
            set.open.iter().map(|&w| saturday(s.year, w)).collect();
        for d in opens.difference(&closed) {
            lines.push(line(2, format!("open {d} as mon \"调休\"")));
        }
        lines.push(line(1, "}"));
    }
    lines
}

fn channel_lines(s: &Spec) -> Vec<Line> {
    let mut lines = Vec::new();
    for (i, c) in s.channels.iter().enumerate() {
        let mut fields = Vec::new();
        if let Some(hours) = c.hours {
            fields.push(format!("hours {}", clock_name(hours)));
        }
        if let Some((p, period)) = &c.availability {
            let period = period.map(|p| format!(" {p}")).unwrap_or_default();
            fields.push(format!("availability {p}{period}"));
        }
        if let Some(contact) = &c.contact {
            fields.push(format!("contact {contact}"));
        }
        let aka = aka_names(&c.aka, &format!("ch{i}"));
        if !aka.is_empty() {
            fields.push(format!("aka {aka}"));
        }
        let head = format!("channel ch{i} {}", c.label);
        if fields.is_empty() {
            lines.push(line(1, head));
        } else if c.one_line {
            lines.push(line(1, format!("{head} {{ {} }}", fields.join(" "))));
        } else {
            lines.push(line(1, format!("{head} {{")));
            lines.extend(fields.into_iter().map(|f| line(2, f)));
            lines.push(line(1, "}"));
        }
    }
    lines
}

/// `aka` names unique across the file: each suffixed with its owner.
fn aka_names(names: &[String], owner: &str) -> String {
    let mut seen = std::collections::BTreeSet::new();
    names
        .iter()
        .filter(|n| seen.insert(n.as_str()))
        .map(|n| format!("\"{n} {owner}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

fn priority_lines(s: &Spec) -> Vec<Line> {
    let mut lines = Vec::new();
    for (i, p) in s.priorities.iter().enumerate() {
        let id = i + 1;
        lines.push(line(1, format!("priority P{id} {} {{", p.label)));
        if let Some(d) = &p.definition {
            lines.extend(with_definition(2, String::new(), d));
        }
        if let Some(clock) = p.clock {
            lines.push(line(2, format!("clock {}", clock_name(clock))));
        }
        let aka = aka_names(&p.aka, &format!("P{id}"));
        if !aka.is_empty() {
            lines.push(line(2, format!("aka {aka}")));
        }
        lines.push(line(1, "}"));
    }
    lines
}

fn target_lines(s: &Spec, response: bool) -> Vec<Line> {
    let mut lines = vec![line(
        1,
        if response {
            "response {"
        } else {
            "resolution {"
        },
    )];
    for (i, p) in s.priorities.iter().enumerate() {
        let id = i + 1;
        let text = if response {
            let on = p
                .response_on
                .map(|c| format!(" on {}", clock_name(c)))
                .unwrap_or_default();
            let attainment = p
                .response_for
                .as_ref()
                .map(|a| format!(" for {a}"))
                .unwrap_or_default();
            format!(
                "P{id} within {} minutes{on}{attainment}",
                p.response_minutes
            )
        } else {
            let r = &p.resolution;
            let unit = if r.business_days {
                "business days"
            } else {
                "hours"
            };
            let workaround = if r.workaround { " or workaround" } else { "" };
            let attainment = r
                .attainment
                .as_ref()
                .map(|a| format!(" for {a}"))
                .unwrap_or_default();
            format!("P{id} within {} {unit}{workaround}{attainment}", r.amount)
        };
        lines.push(line(2, text));
    }
    lines.push(line(1, "}"));
    lines
}

fn csat_line(c: &CsatSpec) -> String {
    let goal = match c.score_tenths {
        Some(t) => format!("{}.{} on 1..5", t / 10, t % 10),
        None => format!("{}% satisfied", c.satisfied),
    };
    let period = c.period.map(|p| format!(" {p}")).unwrap_or_default();
    let mut methods: Vec<&String> = Vec::new();
    for m in &c.methods {
        if !methods.contains(&m) {
            methods.push(m);
        }
    }
    let method = if methods.is_empty() {
        String::new()
    } else {
        let list: Vec<&str> = methods.iter().map(|m| m.as_str()).collect();
        format!(" method {}", list.join(", "))
    };
    format!("csat at least {goal}{period}{method}")
}

fn support_lines(s: &Spec) -> Vec<Line> {
    if !s.submit && s.escalate.is_none() {
        return vec![];
    }
    let mut lines = vec![line(1, "support {")];
    if s.submit {
        let all: Vec<String> = (0..s.channels.len()).map(|i| format!("ch{i}")).collect();
        lines.push(line(2, format!("submit via {}", all.join(", "))));
    }
    if let Some((p, minutes)) = s.escalate {
        lines.push(line(
            2,
            format!(
                "escalate P{} after {minutes} minutes to \"值班经理\"",
                p + 1
            ),
        ));
    }
    lines.push(line(1, "}"));
    lines
}

fn exclusions_lines(s: &Spec) -> Vec<Line> {
    let Some(e) = &s.exclusions else {
        return vec![];
    };
    if e.maintenance.is_none() && e.clauses.is_empty() {
        return vec![];
    }
    let mut lines = vec![line(1, "exclusions {")];
    if let Some((notice, window, allowance)) = e.maintenance {
        lines.push(line(2, "maintenance {"));
        lines.push(line(3, format!("notice {notice} business days")));
        if window {
            lines.push(line(3, "window mon-sun 00:00-24:00"));
        }
        if let Some(hours) = allowance {
            lines.push(line(3, format!("at most {hours} hours monthly")));
        }
        lines.push(line(2, "}"));
    }
    for (i, c) in e.clauses.iter().enumerate() {
        let text = [
            "\"因不可抗力导致的中断\"",
            "\"Delays caused by the client\"",
        ][i % 2];
        lines.push(line(2, format!("clause {c} {text}")));
    }
    lines.push(line(1, "}"));
    lines
}

fn credits_lines(s: &Spec) -> Vec<Line> {
    let Some(c) = &s.credits else {
        return vec![];
    };
    let (low, high) = c.tiers;
    // Thresholds are the targets themselves (the usual first tier) and below.
    let tiers = |first: String, second: String| -> Vec<Line> {
        if c.block {
            vec![
                line(3, format!("below {first} credit {low}%")),
                line(3, format!("below {second} credit {high}%")),
            ]
        } else {
            vec![Line {
                depth: 3,
                text: format!("below {first} credit {low}%"),
                commentable: true,
            }]
        }
    };
    let mut lines = vec![line(1, "credits {")];
    if let Some((amount, currency)) = c.fee {
        lines.push(line(2, format!("fee {amount} {currency} monthly")));
    }
    let mut credit = |head: String, first: String, second: String| {
        let t = tiers(first, second);
        if c.block {
            lines.push(line(2, format!("{head} {{")));
            lines.extend(t);
            lines.push(line(2, "}"));
        } else {
            lines.extend(t.into_iter().map(|l| line(2, format!("{head} {}", l.text))));
        }
    };
    for (i, ch) in s.channels.iter().enumerate() {
        if let Some((p, _)) = &ch.availability {
            credit(format!("availability ch{i}"), p.clone(), "80%".into());
        }
    }
    let p1 = &s.priorities[0];
    let first = p1.response_for.clone().unwrap_or_else(|| "100%".into());
    credit("response P1".into(), first, "80%".into());
    if let Some(f) = s.fcr {
        credit("fcr".into(), format!("{f}%"), format!("{}%", f - 10));
    }
    if let Some(csat) = &s.csat {
        match csat.score_tenths {
            Some(t) => credit(
                "csat".into(),
                format!("{}.{}", t / 10, t % 10),
                format!("{}.{}", (t - 10) / 10, (t - 10) % 10),
            ),
            None => credit(
                "csat".into(),
                format!("{}%", csat.satisfied),
                format!("{}%", csat.satisfied - 10),
            ),
        }
    }
    if let Some(cap) = c.cap {
        lines.push(line(2, format!("cap {cap}% monthly")));
    }
    if let Some((n, business)) = c.claim {
        let unit = if business { "business days" } else { "days" };
        lines.push(line(2, format!("claim within {n} {unit}")));
    }
    if let Some(form) = c.form {
        lines.push(line(2, format!("form {form}")));
    }
    lines.push(line(1, "}"));
    lines
}

/// The lines of the whole contract: every item of the table, in table order.
pub fn lines(s: &Spec) -> Vec<Line> {
    let mut lines = vec![line(0, format!("contract {} {{", s.header.title))];
    for spec in ITEMS {
        lines.extend(item(spec.name, s));
    }
    lines.push(line(0, "}"));
    lines
}

/// Where comments go: before line i, at its end.
#[derive(Debug, Clone)]
pub struct Comments {
    pub before: Vec<Option<usize>>,
    pub after: Vec<Option<usize>>,
    pub crlf: bool,
}

/// Writes the lines with comments where `comments` puts them: the text
/// and the comments written, in order, as the AST holds them (after `//`).
pub fn write(lines: &[Line], comments: &Comments) -> (String, Vec<String>) {
    let mut out = String::new();
    let mut written = Vec::new();
    let eol = if comments.crlf { "\r\n" } else { "\n" };
    for (i, l) in lines.iter().enumerate() {
        let indent = "  ".repeat(l.depth);
        // A comment line before a line inside a text block would be text.
        let inside_block = i > 0 && !lines[i - 1].commentable;
        if let (false, Some(Some(c))) = (inside_block, comments.before.get(i)) {
            let comment = COMMENTS[c % COMMENTS.len()];
            out.push_str(&format!("{indent}{comment}{eol}"));
            written.push(comment[2..].to_string());
        }
        out.push_str(&indent);
        out.push_str(&l.text);
        if let (true, Some(Some(c))) = (l.commentable, comments.after.get(i)) {
            let comment = COMMENTS[c % COMMENTS.len()];
            out.push_str("  ");
            out.push_str(comment);
            written.push(comment[2..].to_string());
        }
        out.push_str(eol);
    }
    (out, written)
}

/// A valid contract's text and the comments in it.
pub fn commented_contract() -> impl Strategy<Value = (String, Vec<String>)> {
    spec().prop_flat_map(|s| {
        let lines = lines(&s);
        let n = lines.len();
        let slot = prop::option::weighted(0.15, 0usize..COMMENTS.len());
        (
            prop::collection::vec(slot.clone(), n),
            prop::collection::vec(slot, n),
            prop::bool::weighted(0.1),
        )
            .prop_map(move |(before, after, crlf)| {
                write(
                    &lines,
                    &Comments {
                        before,
                        after,
                        crlf,
                    },
                )
            })
    })
}

/// A valid contract's text.
pub fn contract() -> impl Strategy<Value = String> {
    commented_contract().prop_map(|(text, _)| text)
}
