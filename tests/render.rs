//! The appendix (`slac render`): golden files, placeholders, escaping and
//! language purity.
//!
//! Golden files live in `tests/render/<contract>.<lang>.<md|html>`, one per
//! shipped contract (`contracts/*.sla`) × format × language. Bless them with
//! `SLAC_BLESS=1 cargo test --test render`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: a broken assumption stops the test with its message"
)]

use slac::model::{Contract, Fill, HolidaySet, Lang, Text};
use slac::render::{self, RenderOptions};
use std::collections::BTreeSet;
use support::acme as example;

mod support;
use support::golden::{glob, root, Golden};

/// The renderer prints the fingerprint it is given; a fixed one keeps the
/// golden files independent of the rule-set module.
const FINGERPRINT: &str = "sha256:0000000000000000000000000000000000000000000000000000000000000000";

fn options(lang: Lang, draft: bool, source_name: &str) -> RenderOptions {
    RenderOptions {
        lang,
        draft,
        fingerprint: FINGERPRINT.to_string(),
        source_name: source_name.to_string(),
    }
}

/// Every shipped contract with its model.
fn cases() -> Vec<(String, Contract)> {
    let files = glob("contracts/*.sla");
    assert!(!files.is_empty(), "no contracts/*.sla found");
    files
        .into_iter()
        .map(|path| {
            let stem = path
                .file_stem()
                .expect("a name")
                .to_string_lossy()
                .into_owned();
            let checked = support::project::check_file(&path);
            let Some(model) = checked.model else {
                panic!("{} has no model: {:?}", path.display(), checked.diagnostics)
            };
            (stem, model)
        })
        .collect()
}

/// Contracts of `tests/fixtures/` rendered beside the shipped ones: holiday
/// sets under their calendars (dated, make-up days `as mon`, yearly rules of
/// every kind, no end date), and the wording a contract controls with the
/// appendix's polish points (`wording.sla`).
const FIXTURES: &[&str] = &["holiday-sets", "wording"];

fn fixture(stem: &str) -> Contract {
    let path = root().join(format!("tests/fixtures/{stem}.sla"));
    let bytes = std::fs::read(&path).expect("readable fixture");
    let checked = slac::check_bytes(&path.display().to_string(), bytes);
    checked
        .model
        .unwrap_or_else(|| panic!("{} has no model: {:?}", path.display(), checked.diagnostics))
}

#[test]
fn golden_files_match() {
    let folder = root().join("tests/render");
    let mut golden = Golden::new("render");
    let fixtures = FIXTURES
        .iter()
        .map(|stem| (stem.to_string(), fixture(stem)));
    for (stem, contract) in cases().into_iter().chain(fixtures) {
        for lang in [Lang::ZhCn, Lang::En] {
            let opts = options(lang, false, &format!("{stem}.sla"));
            let outputs = [
                ("md", render::markdown(&contract, &opts)),
                ("html", render::html(&contract, &opts)),
            ];
            for (ext, text) in outputs {
                let name = format!("{stem}.{}.{ext}", lang.code());
                golden.check(&folder.join(name), &text);
            }
        }
    }
    golden.no_others("tests/render/*");
    golden.finish();
}

#[test]
fn rendering_is_deterministic() {
    let contract = example::acme();
    let opts = options(Lang::ZhCn, false, "acme-support.sla");
    assert_eq!(
        render::html(&contract, &opts),
        render::html(&contract, &opts)
    );
    assert_eq!(
        render::markdown(&contract, &opts),
        render::markdown(&contract, &opts)
    );
}

/// Calls `f` on every piece of contract text in the model, in a fixed order.
fn each_text(c: &mut Contract, f: &mut dyn FnMut(&mut Text)) {
    let opt = |t: &mut Option<Text>, f: &mut dyn FnMut(&mut Text)| {
        if let Some(t) = t {
            f(t)
        }
    };
    f(&mut c.title);
    opt(&mut c.id, f);
    opt(&mut c.version, f);
    opt(&mut c.part_of, f);
    for party in [&mut c.client, &mut c.provider] {
        f(&mut party.name);
        opt(&mut party.short, f);
        opt(&mut party.contact, f);
        opt(&mut party.signatory, f);
    }
    for term in &mut c.terms {
        f(&mut term.name);
        f(&mut term.definition);
    }
    for service in &mut c.services {
        f(&mut service.label);
    }
    for audience in &mut c.audience {
        f(audience);
    }
    let set_texts = |set: &mut HolidaySet, f: &mut dyn FnMut(&mut Text)| {
        f(&mut set.label);
        for closed in &mut set.closed {
            opt(&mut closed.note, f);
        }
        for open in &mut set.open {
            opt(&mut open.note, f);
        }
        for yearly in &mut set.yearly {
            opt(&mut yearly.note, f);
        }
    };
    for set in &mut c.holidays {
        set_texts(set, f);
    }
    for calendar in &mut c.calendars {
        opt(&mut calendar.label, f);
        for set in &mut calendar.holidays {
            set_texts(set, f);
        }
        for closed in &mut calendar.closed {
            opt(&mut closed.note, f);
        }
        for open in &mut calendar.open {
            opt(&mut open.note, f);
        }
    }
    for channel in &mut c.channels {
        f(&mut channel.label);
        opt(&mut channel.contact, f);
    }
    for priority in &mut c.priorities {
        f(&mut priority.label);
        opt(&mut priority.definition, f);
    }
    if let Some(csat) = &mut c.csat {
        for method in &mut csat.methods {
            f(method);
        }
    }
    for escalation in &mut c.support.escalations {
        f(&mut escalation.to);
    }
    if let Some(exclusions) = &mut c.exclusions {
        for clause in &mut exclusions.clauses {
            f(&mut clause.text);
        }
    }
}

/// The acme model, remedies included, with every text replaced by
/// `make(n)`; returns the count.
fn with_texts(make: impl Fn(usize) -> String) -> (Contract, usize) {
    let mut acme = example::acme();
    // The template's roles, so that the preamble shows the short names
    // too (under acme's `party-names 甲方/乙方` the text never uses them).
    acme.wording.party_names = None;
    with_texts_of(acme, make)
}

/// `contract` with every text replaced by `make(n)`; returns the count.
fn with_texts_of(mut contract: Contract, make: impl Fn(usize) -> String) -> (Contract, usize) {
    let mut n = 0;
    each_text(&mut contract, &mut |t| {
        *t = Fill::Value(make(n));
        n += 1;
    });
    (contract, n)
}

#[test]
fn html_escapes_every_kind_of_contract_text() {
    let (contract, count) = with_texts(|n| format!("<b id=\"x\">Tom & 'Jerry' #{n}</b>"));
    for lang in [Lang::ZhCn, Lang::En] {
        let html = render::html(&contract, &options(lang, false, "<evil>&\".sla"));
        assert!(!html.contains("<b id"), "raw contract markup in the HTML");
        assert!(!html.contains("<evil>"), "raw source name in the HTML");
        assert!(html.contains("&lt;evil&gt;&amp;&quot;.sla"));
        for n in 0..count {
            let escaped =
                format!("&lt;b id=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39; #{n}&lt;/b&gt;");
            assert!(html.contains(&escaped), "text #{n} missing or not escaped");
        }
    }
}

#[test]
fn markdown_escapes_every_kind_of_contract_text() {
    let (contract, count) = with_texts(|n| format!("<b>*x* | [l](u) `c` #{n}</b>"));
    let md = render::markdown(&contract, &options(Lang::ZhCn, false, "a.sla"));
    assert!(!md.contains("<b>"), "raw contract markup in the Markdown");
    for n in 0..count {
        let escaped = format!("\\<b\\>\\*x\\* \\| \\[l\\](u) \\`c\\` \\#{n}\\</b\\>");
        assert!(md.contains(&escaped), "text #{n} missing or not escaped");
    }
    // Every table row still has as many cells as its header.
    for table in md.split("\n\n").filter(|b| b.starts_with('|')) {
        let cells = |line: &str| line.replace("\\|", "").matches('|').count();
        let mut lines = table.lines();
        let head = cells(lines.next().unwrap_or(""));
        assert!(
            lines.all(|l| cells(l) == head),
            "a row broke its table:\n{table}"
        );
    }
}

#[test]
fn html_is_self_contained_and_print_ready() {
    let html = render::html(&example::acme(), &options(Lang::ZhCn, false, "a.sla"));
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
    assert!(html.contains("<meta charset=\"utf-8\">"));
    for forbidden in [
        "<script", "<link", "src=", "href=", "@import", "url(", "http",
    ] {
        assert!(!html.contains(forbidden), "found {forbidden}");
    }
    for needed in [
        "@page { size: A4; margin: 22mm 18mm 22mm; }",
        "thead { display: table-header-group; }",
        "tr { break-inside: avoid;",
        "\"Noto Serif CJK SC\", \"Source Han Serif SC\", \"Songti SC\", SimSun",
    ] {
        assert!(html.contains(needed), "missing {needed}");
    }
    let en = render::html(&example::acme(), &options(Lang::En, false, "a.sla"));
    assert!(en.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
}

/// Every printed page carries the agreement id and version, the fingerprint
/// and "page X of Y" in `@page` margin boxes; contract text in them is a
/// CSS string that cannot end the string or the style element.
#[test]
fn html_identifies_every_printed_page() {
    let mut contract = example::acme();
    let zh = render::html(&contract, &options(Lang::ZhCn, false, "a.sla"));
    let id = match &contract.id {
        Some(Fill::Value(id)) => id.clone(),
        other => panic!("acme has an id: {other:?}"),
    };
    for needed in [
        format!("@top-left {{ content: \"协议编号：{id}"),
        format!("@bottom-left {{ content: \"规则集指纹：{FINGERPRINT}\"; }}"),
        "@bottom-right { content: \"第 \" counter(page) \" 页 / 共 \" counter(pages) \" 页\"; }"
            .to_string(),
    ] {
        assert!(zh.contains(&needed), "missing {needed}");
    }
    let en = render::html(&contract, &options(Lang::En, false, "a.sla"));
    assert!(en.contains(
        "@bottom-right { content: \"Page \" counter(page) \" of \" counter(pages) \"\"; }"
    ));

    contract.id = Some(Fill::Value("A\"B\\C</style><script>".to_string()));
    let hostile = render::html(&contract, &options(Lang::En, false, "a.sla"));
    assert!(
        hostile.contains("content: \"Agreement No.: A\\\"B\\\\C\\3C /style\\3E \\3C script\\3E ")
    );
    assert_eq!(hostile.matches("</style>").count(), 1);
}

/// E-mail addresses never break at one of their hyphens.
#[test]
fn html_keeps_e_mail_addresses_on_one_line() {
    let mut contract = example::acme();
    contract.client.contact = Some(Fill::Value("电邮：it-ops@acme-corp.example".to_string()));
    let html = render::html(&contract, &options(Lang::ZhCn, false, "a.sla"));
    assert!(html.contains("电邮：<span class=\"nobreak\">it-ops@acme-corp.example</span>"));
    assert!(html.contains("code, .nobreak, .meta span { white-space: nowrap; hyphens: none; }"));
}

#[test]
fn placeholders_are_highlighted_in_a_draft() {
    let mut contract = example::acme();
    contract.client.name = Fill::Placeholder("客户公司名称".into());
    if let Some(p4) = contract.priorities.get_mut(3) {
        p4.resolution.within = Fill::Placeholder("X个工作日".into());
    }
    assert!(contract.has_placeholders());
    for draft in [true, false] {
        let opts = options(Lang::ZhCn, draft, "a.sla");
        let html = render::html(&contract, &opts);
        assert!(html.contains("<mark class=\"placeholder\">[X个工作日]</mark>内解决"));
        assert!(html.contains("<mark class=\"placeholder\">[客户公司名称]</mark>（以下简称"));
        assert!(html.contains("<p class=\"draft\">草稿："));
        let md = render::markdown(&contract, &opts);
        assert!(md.contains("**\\[X个工作日\\]**内解决"));
        assert!(md.contains("> **草稿："));
    }
    let en = render::markdown(&contract, &options(Lang::En, true, "a.sla"));
    assert!(en.contains("Resolved within **\\[X个工作日\\]**"));
    assert!(en.contains("> **DRAFT:"));
    // A finished contract rendered without --draft has no banner.
    let clean = render::html(&example::acme(), &options(Lang::ZhCn, false, "a.sla"));
    assert!(!clean.contains("class=\"draft\""));
    assert!(!clean.contains("<mark"));
}

/// ASCII words of a text, after removing what is allowed to be ASCII.
fn ascii_words(text: &str, allowed: &[&str]) -> BTreeSet<String> {
    let mut text = text.to_string();
    for a in allowed {
        text = text.replace(a, " ");
    }
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() > 1)
        .map(str::to_string)
        .collect()
}

fn is_cjk(c: char) -> bool {
    matches!(u32::from(c), 0x3000..=0x303F | 0x3400..=0x9FFF | 0xFF00..=0xFFEF)
}

#[test]
fn chinese_appendix_has_no_english_fixed_text() {
    for base in [example::acme(), fixture("holiday-sets")] {
        chinese_has_no_english(base);
    }
}

fn chinese_has_no_english(base: Contract) {
    let (contract, _) = with_texts_of(base, |n| format!("内容{n}"));
    let md = render::markdown(&contract, &options(Lang::ZhCn, false, "合同.sla"));
    // Allowed: the abbreviations the paper template itself uses, the
    // priority names (contract identifiers), the fingerprint, the time zone.
    let allowed = [
        FINGERPRINT,
        "合同.sla",
        "Asia/Shanghai",
        "Europe/London",
        "SLA",
        "FCR",
        "CSAT",
        "P1",
        "P2",
        "P3",
        "P4",
        // The fee's ISO 4217 code and the clause ids.
        "CNY",
        "force-majeure",
        "customer",
    ];
    let words = ascii_words(&md, &allowed);
    assert!(
        words.is_empty(),
        "English in the Chinese appendix: {words:?}"
    );
}

#[test]
fn english_appendix_has_no_chinese_fixed_text() {
    for base in [example::acme(), fixture("holiday-sets")] {
        english_has_no_chinese(base);
    }
}

fn english_has_no_chinese(base: Contract) {
    let (contract, _) = with_texts_of(base, |n| format!("Content {n}"));
    let md = render::markdown(&contract, &options(Lang::En, false, "contract.sla"));
    let cjk: String = md.chars().filter(|c| is_cjk(*c)).collect();
    assert!(cjk.is_empty(), "Chinese in the English appendix: {cjk}");
    let html = render::html(&contract, &options(Lang::En, false, "contract.sla"));
    let cjk: String = html
        .split("</style>")
        .nth(1)
        .unwrap_or("")
        .chars()
        .filter(|c| is_cjk(*c))
        .collect();
    assert!(cjk.is_empty(), "Chinese in the English HTML: {cjk}");
}

#[test]
fn every_shipped_contract_renders_complete_sections() {
    for (stem, contract) in cases() {
        let zh = render::markdown(&contract, &options(Lang::ZhCn, false, "a.sla"));
        for heading in [
            "## 1. 定义与缩写",
            "### 2.3 服务渠道",
            "### 3.1 响应时间目标",
            "### 3.2 解决时间目标",
            "### 3.3 服务可用性目标",
            "### 3.4 服务时间",
            "### 3.5 首次接触解决率（FCR）",
            "### 3.6 客户满意度（CSAT）",
            "### 4.2 升级机制",
            "## 5. 除外情形",
            "### 5.1 计划维护",
            "### 5.2 其他除外情形",
            "## 6. 服务补偿",
            "## 7. 协议期限",
            "## 签署",
        ] {
            assert!(zh.contains(heading), "{stem}: missing {heading}");
        }
        let en = render::markdown(&contract, &options(Lang::En, false, "a.sla"));
        for heading in [
            "## 1. Definitions and abbreviations",
            "### 3.1 Response time targets",
            "### 3.2 Resolution time targets",
            "## 5. Exclusions",
            "## 6. Service credits",
            "## 7. Effective period",
            "## Signatures",
        ] {
            assert!(en.contains(heading), "{stem}: missing {heading}");
        }
    }
}

/// Issue 14's signed document, per shipped contract and language: the
/// business-day rule cites the Civil Code only under the law of China, the
/// target intros say the commitment the contract gives, and the parties are
/// called what the contract chooses (甲方/乙方 in acme).
#[test]
fn each_shipped_contract_is_worded_as_it_says() {
    const CITATIONS: [&str; 2] = ["民法典", "Civil Code"];
    let cases: std::collections::BTreeMap<String, Contract> = cases().into_iter().collect();
    let both = |stem: &str| {
        let contract = &cases[stem];
        [Lang::ZhCn, Lang::En].map(|lang| {
            let md = render::markdown(contract, &options(lang, false, "a.sla"));
            let html = render::html(contract, &options(lang, false, "a.sla"));
            (md, html)
        })
    };

    let [(zh, zh_html), (en, en_html)] = both("acme-support");
    for text in [&zh, &zh_html] {
        assert!(text.contains("《中华人民共和国民法典》第二百零一条至第二百零三条"));
        assert!(text.contains("艾克姆科技有限公司（以下简称“甲方”）"));
        assert!(text.contains("海普服务有限公司（以下简称“乙方”）"));
        assert!(text.contains("乙方将根据服务请求的优先级，努力达成以下响应时间目标"));
        assert!(
            !text.contains("服务方") && !text.contains("亦称"),
            "acme zh"
        );
    }
    for text in [&en, &en_html] {
        assert!(text.contains("Civil Code of the People’s Republic of China"));
        assert!(
            text.contains("Party B shall endeavour to meet the following response time targets")
        );
        assert!(
            !text.contains("the Client") && !text.contains("the Provider"),
            "acme en"
        );
    }

    let [(zh, zh_html), (en, en_html)] = both("globex-helpdesk");
    for text in [&zh, &zh_html, &en, &en_html] {
        assert!(
            CITATIONS.iter().all(|c| !text.contains(c)),
            "globex cites a foreign code"
        );
    }
    assert!(en.contains("in accordance with the laws of England and Wales."));
    assert!(en.contains("The Provider shall endeavour to meet the following response time targets"));
    assert!(zh.contains("适用英格兰及威尔士法律。"));

    let [(zh, zh_html), (en, en_html)] = both("lionheart-sg");
    for text in [&zh, &zh_html, &en, &en_html] {
        assert!(
            CITATIONS.iter().all(|c| !text.contains(c)),
            "lionheart cites a foreign code"
        );
        assert!(
            !text.contains("endeavour") && !text.contains("努力"),
            "lionheart: shall"
        );
    }
    assert!(en.contains("in accordance with the laws of the Republic of Singapore."));
    assert!(en.contains("The Provider shall meet the following response time targets"));
    assert!(en.contains("The Provider shall meet the following availability targets"));
    assert!(zh.contains("服务方应达成以下解决时间目标"));
}

/// Each set is named under the calendar that uses it, with its days for the
/// agreement's period (make-up days with the weekday whose hours they
/// keep) and, with no end date, its yearly rules in words.
#[test]
fn holiday_sets_are_named_and_listed_under_their_calendar() {
    let contract = fixture("holiday-sets");
    let zh = render::markdown(&contract, &options(Lang::ZhCn, false, "a.sla"));
    for line in [
        "法定节假日按《中国法定节假日 2026（春节）》执行。",
        "**2026年1月1日至2028年12月31日期间的放假与调休上班安排**",
        "| 2026年2月14日（周六） | 上班，按周一安排 | 春节调休上班 |",
        "| 2026年2月15日至2026年2月23日 | 放假 | 春节 |",
        "| 2026年2月28日（周六） | 上班 | 春节调休上班 |",
        "本日历另行约定的下列日期，优先于上述节假日安排：",
        "本协议未约定终止日期；2028年12月31日之后，下列每年的节假日继续适用：",
        "- Christmas Day：每年12月25日；逢周六、周日顺延至其后第一个不放假的工作日",
        "- Good Friday：每年复活节前2天",
        "- Spring bank holiday：每年5月最后一个周一（2027年除外）",
        "- Trial day：每年10月第二个周一（自2027年起，至2028年止）",
        "| 2026年12月28日（周一） | 放假 | Boxing Day |",
    ] {
        assert!(zh.contains(line), "zh: missing {line:?} in\n{zh}");
    }
    let en = render::markdown(&contract, &options(Lang::En, false, "a.sla"));
    for line in [
        "Public holidays follow “Bank holidays (England, excerpt)”.",
        "| Saturday 14 February 2026 | Working day (Monday's hours) | 春节调休上班 |",
        "The agreement has no end date; after 31 December 2028, these yearly holidays keep applying:",
        "- Independence Day: 4 July every year; on a Saturday, the Friday before, on a Sunday, the Monday after",
        "- Good Friday: 2 days before Easter Sunday every year",
        "- Trial day: the second Monday of October every year (from 2027, until 2028)",
        "| Friday 3 July 2026 | Closed | Independence Day |",
    ] {
        assert!(en.contains(line), "en: missing {line:?} in\n{en}");
    }
    // With an end date the days listed are all there is: no rules in words.
    let mut bounded = contract.clone();
    if let Some(effective) = bounded.effective.as_mut() {
        effective.to = Some(Fill::Value(
            chrono::NaiveDate::from_ymd_opt(2026, 12, 31).expect("a date"),
        ));
    }
    let en = render::markdown(&bounded, &options(Lang::En, false, "a.sla"));
    assert!(en.contains("Holidays and make-up working days, 1 January 2026 to 31 December 2026"));
    assert!(!en.contains("every year"), "{en}");
}
