//! The remedies in the appendix (design §11): how availability is measured
//! (a paragraph of 3.3), the counting of the periods this part uses (a
//! sentence of 1), section 5 *exclusions* and section 6 *service credits*.
//!
//! Both sections always appear, saying so when the contract has no such
//! item, so that section numbers are the same for every contract (as for
//! the targets of section 3). The words are in [`super::remedy_phrases`].

use super::document::{Block, Section, Table};
use super::parties::Parties;
use super::remedy_phrases::RemedyPhrases;
use super::rich::{sentence, Rich};
use super::values::Values;
use crate::model::{
    Contract, CreditForm, CreditLine, CreditMetric, CsatGoal, Fee, Maintenance, TargetKind, Tier,
    Unit,
};

/// Builds the remedy parts of one contract's appendix in one language.
pub struct Remedies<'a> {
    contract: &'a Contract,
    remedy: &'static RemedyPhrases,
    values: Values,
    parties: &'a Parties,
}

impl<'a> Remedies<'a> {
    pub fn new(
        contract: &'a Contract,
        values: Values,
        remedy: &'static RemedyPhrases,
        parties: &'a Parties,
    ) -> Self {
        Remedies {
            contract,
            remedy,
            values,
            parties,
        }
    }

    /// 3.3, after the table: availability as the parties sign it.
    pub fn availability_measured(&self) -> Block {
        Block::Paragraph(Rich::text(self.remedy.availability_measured))
    }

    /// 1, the end of *counting of periods*: the calendar the maintenance
    /// notice, the report and the claim count on (the contract clock) —
    /// only when the contract has one of them.
    pub fn counting_other(&self) -> Option<Rich> {
        let maintenance = self.maintenance().is_some();
        let claim = self
            .contract
            .credits
            .as_ref()
            .is_some_and(|c| c.claim.is_some());
        (maintenance || claim || self.contract.reporting.is_some()).then(|| {
            sentence(
                self.remedy.counting_other,
                &[self
                    .values
                    .hours(self.contract, self.contract.clock.as_ref())],
            )
        })
    }

    fn maintenance(&self) -> Option<&'a Maintenance> {
        self.contract.exclusions.as_ref()?.maintenance.as_ref()
    }

    fn labelled(&self, label: &str, value: Rich) -> Rich {
        self.values.labelled(label, value)
    }

    /// 5. Exclusions: 5.1 scheduled maintenance, 5.2 the named clauses.
    pub fn exclusions(&self) -> Section {
        let maintenance = match self.maintenance() {
            None => vec![Block::Paragraph(Rich::text(self.remedy.maintenance_none))],
            Some(m) => vec![
                Block::List(self.maintenance_rules(m)),
                Block::Paragraph(Rich::text(self.remedy.maintenance_rule)),
            ],
        };
        let clauses = self
            .contract
            .exclusions
            .as_ref()
            .map(|e| e.clauses.as_slice())
            .unwrap_or_default();
        let clauses = if clauses.is_empty() {
            vec![Block::Paragraph(Rich::text(self.remedy.clauses_none))]
        } else {
            vec![
                Block::Paragraph(Rich::text(self.remedy.clauses_intro)),
                Block::Table(Table {
                    class: "clauses",
                    caption: None,
                    head: vec![
                        self.remedy.clause.to_string(),
                        self.remedy.clause_text.to_string(),
                    ],
                    rows: clauses
                        .iter()
                        .map(|c| vec![Rich::code(c.id.as_str()), self.values.text(&c.text)])
                        .collect(),
                }),
            ]
        };
        let mut section = Section::new(Rich::text(self.remedy.exclusions), vec![]);
        section.sections = vec![
            Section::new(Rich::text(self.remedy.maintenance), maintenance),
            Section::new(Rich::text(self.remedy.clauses), clauses),
        ];
        section
    }

    fn maintenance_rules(&self, m: &Maintenance) -> Vec<Rich> {
        let notice = self.values.duration_fill(&m.notice);
        let window = match &m.window {
            Some(weekly) => sentence(self.remedy.window_rule, &[self.values.weekly(weekly)]),
            None => Rich::text(self.remedy.window_any),
        };
        let allowance = match &m.allowance {
            Some(a) => sentence(
                self.remedy.allowance_rule,
                &[
                    self.values.duration_fill(&a.amount),
                    self.values.period(a.period),
                ],
            ),
            None => Rich::text(self.remedy.allowance_none),
        };
        vec![
            self.labelled(
                self.remedy.notice,
                self.remedy.notice_rule.with(self.parties, &[notice]),
            ),
            self.labelled(self.remedy.window, window),
            self.labelled(self.remedy.allowance, allowance),
        ]
    }

    /// Service credits (section 6): how they are determined, a tier table
    /// per line, then cap, claims and form.
    pub fn credits(&self) -> Section {
        let Some(credits) = &self.contract.credits else {
            return Section::new(
                Rich::text(self.remedy.credits),
                vec![Block::Paragraph(Rich::text(self.remedy.credits_none))],
            );
        };
        let amount = match &credits.fee {
            Some(fee) => sentence(self.remedy.credits_amount, &[self.fee(fee)]),
            None => Rich::text(self.remedy.credits_percent_only),
        };
        let how = vec![
            Block::Paragraph(self.remedy.credits_rule.of(self.parties)),
            Block::Paragraph(amount),
        ];
        let tiers = if credits.lines.is_empty() {
            vec![Block::Paragraph(Rich::text(self.remedy.tiers_none))]
        } else {
            credits
                .lines
                .iter()
                .map(|line| Block::Table(self.tier_table(line)))
                .collect()
        };
        let cap = match &credits.cap {
            Some(cap) => sentence(
                self.remedy.cap_rule,
                &[
                    self.values.percent(cap.percent),
                    self.values.period(cap.period),
                ],
            ),
            None => Rich::text(self.remedy.cap_none),
        };
        let claim = match &credits.claim {
            Some(claim) => {
                let template = match claim.value().map(|d| d.unit) {
                    Some(Unit::Days) => self.remedy.claim_days,
                    Some(Unit::BusinessDays) => self.remedy.claim_business_days,
                    Some(Unit::Minutes | Unit::Hours) | None => self.remedy.claim_other,
                };
                template.with(self.parties, &[self.values.duration_fill(claim)])
            }
            None => Rich::text(self.remedy.not_agreed),
        };
        let form = Rich::text(match credits.form {
            Some(CreditForm::Voucher) => self.remedy.form_voucher,
            Some(CreditForm::Cash) => self.remedy.form_cash,
            Some(CreditForm::InvoiceDeduction) => self.remedy.form_invoice_deduction,
            None => self.remedy.not_agreed,
        });
        let terms = vec![Block::List(vec![
            self.labelled(self.remedy.cap, cap),
            self.labelled(self.remedy.claim, claim),
            self.labelled(self.remedy.form, form),
        ])];
        let mut section = Section::new(Rich::text(self.remedy.credits), vec![]);
        section.sections = vec![
            Section::new(Rich::text(self.remedy.credits_how), how),
            Section::new(Rich::text(self.remedy.tiers), tiers),
            Section::new(Rich::text(self.remedy.terms), terms),
        ];
        section
    }

    /// `每月 50000 CNY` / `50000 CNY monthly`; a placeholder stays one.
    fn fee(&self, fee: &Fee) -> Rich {
        let mut amount = self
            .values
            .fill(&fee.amount, |m| Rich::text(&m.to_string()));
        if let Some(currency) = &fee.currency {
            amount.push_text(" ");
            amount.push_text(currency.as_str());
        }
        sentence(
            self.remedy.fee_value,
            &[amount, self.values.period(fee.period)],
        )
    }

    /// What a line measures, as the caption of its table.
    fn metric_name(&self, metric: &CreditMetric) -> Rich {
        match metric {
            CreditMetric::Availability(id) => {
                let channel = match self.contract.channel(id) {
                    Some(channel) => self.values.text(&channel.label),
                    None => Rich::code(id.as_str()),
                };
                sentence(self.remedy.metric_availability, &[channel])
            }
            CreditMetric::Target(id, kind) => {
                let priority = match self.contract.priority(id.as_str()) {
                    Some(p) => {
                        let mut name = Rich::text(p.id.as_str());
                        name.push_text(" ");
                        name.extend(self.values.text(&p.label));
                        name
                    }
                    None => Rich::code(id.as_str()),
                };
                let template = match kind {
                    TargetKind::Response => self.remedy.metric_response,
                    TargetKind::Resolution => self.remedy.metric_resolution,
                };
                sentence(template, &[priority])
            }
            CreditMetric::Fcr => Rich::text(self.remedy.metric_fcr),
            CreditMetric::Csat if self.csat_is_score() => Rich::text(self.remedy.metric_csat_score),
            CreditMetric::Csat => Rich::text(self.remedy.metric_csat_satisfied),
        }
    }

    /// True when the CSAT goal is a mean score, so a CSAT line's
    /// thresholds are scores, not percentages.
    fn csat_is_score(&self) -> bool {
        matches!(
            self.contract.csat.as_ref().map(|c| &c.goal),
            Some(CsatGoal::Score { .. })
        )
    }

    /// A threshold in its metric's unit: `99.9%`, or a CSAT score `4.5`.
    fn threshold(&self, metric: &CreditMetric, value: f64) -> Rich {
        match metric {
            CreditMetric::Csat if self.csat_is_score() => {
                sentence(self.remedy.score, &[self.values.number(value)])
            }
            CreditMetric::Availability(_)
            | CreditMetric::Target(..)
            | CreditMetric::Fcr
            | CreditMetric::Csat => self.values.percent(value),
        }
    }

    /// One row per tier, as a range: each tier runs from its own threshold
    /// down to the next one's, the last one all the way down.
    fn tier_table(&self, line: &CreditLine) -> Table {
        let below: Vec<Option<&Tier>> = line.tiers.iter().skip(1).map(Some).chain([None]).collect();
        let rows = line
            .tiers
            .iter()
            .zip(below)
            .map(|(tier, next)| {
                let top = self.threshold(&line.metric, tier.below);
                let range = match next {
                    Some(next) => sentence(
                        self.remedy.tier_between,
                        &[top, self.threshold(&line.metric, next.below)],
                    ),
                    None => sentence(self.remedy.tier_below, &[top]),
                };
                vec![
                    range,
                    sentence(
                        self.remedy.credit_of_fee,
                        &[self.values.percent(tier.credit_percent)],
                    ),
                ]
            })
            .collect();
        Table {
            class: "tiers",
            caption: Some(self.metric_name(&line.metric)),
            head: vec![
                self.remedy.actual.to_string(),
                self.remedy.credit.to_string(),
            ],
            rows,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::example::{acme, acme_without_remedies};
    use crate::model::{Contract, CsatGoal, Fill, Lang};
    use crate::render::{html, markdown, RenderOptions};

    fn options(lang: Lang) -> RenderOptions {
        RenderOptions {
            lang,
            draft: false,
            fingerprint: String::new(),
            source_name: "a.sla".into(),
        }
    }

    fn md(contract: &Contract, lang: Lang) -> String {
        markdown(contract, &options(lang))
    }

    #[test]
    fn exclusions_are_section_5_in_both_languages() {
        let c = acme();
        let zh = md(&c, Lang::ZhCn);
        for needed in [
            "## 5. 除外情形\n\n### 5.1 计划维护\n\n- 提前通知：乙方应至少提前 5 个工作日通知甲方，即自发出通知之时起算的 5 个工作日期限，应不晚于维护开始之时届满\n",
            "- 维护窗口：周六、周日 00:00-06:00；维护窗口以外的维护时间计为停机时间\n",
            "- 累计上限：每个渠道每月累计不超过 8 小时，按维护开始时间先后计入",
            "### 5.2 其他除外情形\n\n因下列情形导致的服务中断不计入停机时间；",
            "| `force-majeure` | 因不可抗力导致的服务中断或延误，不计入服务水平统计。 |",
        ] {
            assert!(zh.contains(needed), "missing {needed}");
        }
        let en = md(&c, Lang::En);
        for needed in [
            "## 5. Exclusions\n\n### 5.1 Scheduled maintenance\n\n- Notice: Party B shall notify Party A at least 5 business days in advance;",
            "- Maintenance window: Saturday, Sunday 00:00-06:00; maintenance outside the window counts as downtime\n",
            "- Allowance: at most 8 hours per channel, monthly, taken in order of start",
            "| Clause | Text |\n| --- | --- |\n| `force-majeure` |",
        ] {
            assert!(en.contains(needed), "missing {needed}");
        }
    }

    #[test]
    fn credits_are_section_6_with_a_tier_table_per_line() {
        let c = acme();
        let zh = md(&c, Lang::ZhCn);
        for needed in [
            "## 6. 服务补偿\n\n### 6.1 计算方式\n\n",
            "服务费为每月 50000 CNY；",
            "### 6.2 补偿标准\n\n**专用服务热线可用性**\n\n| 实际值 | 补偿比例 |\n| --- | --- |\n| 不低于 99.5% 且低于 99.9% | 服务费的 5% |\n| 不低于 99% 且低于 99.5% | 服务费的 10% |\n| 低于 99% | 服务费的 25% |\n",
            "**P1 紧急 响应时间目标达成率**\n\n| 实际值 | 补偿比例 |\n| --- | --- |\n| 低于 100% | 服务费的 2% |\n",
            "**P2 高 解决时间目标达成率**",
            "**客户满意度（CSAT）平均评分**\n\n| 实际值 | 补偿比例 |\n| --- | --- |\n| 低于 4.5 分 | 服务费的 2% |",
            "- 补偿上限：各项合计每月不超过当期服务费的 30%\n- 申请期限：甲方应在考核周期结束后 30 天内提出补偿申请，按自然日计算；考核周期于次一周期首日零时结束\n- 补偿形式：代金券，用于抵扣此后的服务费\n",
            "## 7. 协议期限",
        ] {
            assert!(zh.contains(needed), "missing {needed}");
        }
        let en = md(&c, Lang::En);
        for needed in [
            "## 6. Service credits\n\n### 6.1 How credits are determined\n\n",
            "The fee is 50000 CNY monthly;",
            "**Availability of 专用服务热线**\n\n| Actual figure | Credit |\n| --- | --- |\n| at least 99.5% but below 99.9% | 5% of the fee |",
            "**Attainment of the resolution time target, P2 高**",
            "| below 4.5 | 2% of the fee |",
            "- Cap: in each monthly period, the credits of all metrics together are at most 30% of the fee for that period\n",
            "- Claims: Party A shall claim within 30 days after the end of the measurement period, in calendar days;",
            "- Form: vouchers, applied against later fees\n",
            "## 7. Effective period",
        ] {
            assert!(en.contains(needed), "missing {needed}");
        }
    }

    #[test]
    fn availability_and_the_periods_of_remedies_are_counted_in_words() {
        let c = acme();
        let zh = md(&c, Lang::ZhCn);
        assert!(zh.contains(
            "可用性 =（计划服务时间 − 停机时间）÷ 计划服务时间 × 100%，不低于目标值即为达标。"
        ));
        assert!(zh.contains("服务补偿的申请期限，以工作日或小时计算的，以“工作日 9:00-18:00”的服务时间为准，依上述方式计算。"));
        let en = md(&c, Lang::En);
        assert!(en.contains("Availability = (scheduled time − downtime) ÷ scheduled time × 100%"));
        assert!(
            en.contains("are counted in the same way on the service hours “工作日 9:00-18:00”.")
        );
        // Without remedies or reporting: no such sentence, but the
        // measurement of availability is there whenever a channel has a target.
        let plain = md(&acme_without_remedies(), Lang::En);
        assert!(!plain.contains("the claim period"));
        assert!(plain.contains("Availability = (scheduled time − downtime)"));
    }

    #[test]
    fn absent_remedies_still_have_their_sections() {
        let zh = md(&acme_without_remedies(), Lang::ZhCn);
        assert!(zh.contains("## 5. 除外情形\n\n### 5.1 计划维护\n\n本协议未约定计划维护的除外情形；计划维护期间的服务中断计为停机时间。\n\n### 5.2 其他除外情形\n\n本协议未约定其他除外情形。\n\n## 6. 服务补偿\n\n本协议未约定服务补偿。\n\n## 7. 协议期限"));
        let en = md(&acme_without_remedies(), Lang::En);
        assert!(en.contains(
            "## 6. Service credits\n\nThis SLA sets no service credits.\n\n## 7. Effective period"
        ));
    }

    /// A satisfied-share CSAT line has percentage thresholds; the
    /// optional parts say that they are not agreed; a fee without a
    /// currency (a placeholder) and a placeholder channel read as such.
    #[test]
    fn units_missing_parts_and_placeholders() {
        let mut c = acme();
        if let Some(csat) = c.csat.as_mut() {
            csat.goal = CsatGoal::Satisfied {
                min_percent: Fill::Value(90.0),
            };
        }
        if let Some(credits) = c.credits.as_mut() {
            credits.cap = None;
            credits.claim = None;
            credits.form = None;
            if let Some(line) = credits.lines.last_mut() {
                if let Some(tier) = line.tiers.first_mut() {
                    tier.below = 90.0;
                }
            }
            if let Some(fee) = credits.fee.as_mut() {
                fee.amount = Fill::Placeholder("月度服务费".into());
                fee.currency = None;
            }
        }
        if let Some(hotline) = c.channels.first_mut() {
            hotline.label = Fill::Placeholder("热线名称".into());
        }
        let zh = md(&c, Lang::ZhCn);
        assert!(zh.contains(
            "**客户满意度（CSAT）好评率**\n\n| 实际值 | 补偿比例 |\n| --- | --- |\n| 低于 90% |"
        ));
        assert!(zh.contains("- 补偿上限：不设上限\n- 申请期限：未约定\n- 补偿形式：未约定\n"));
        assert!(zh.contains("服务费为每月 **\\[月度服务费\\]**；"));
        assert!(
            zh.contains("**\\[热线名称\\]可用性**\n"),
            "a placeholder in a bold caption"
        );
        let page = html(&c, &options(Lang::ZhCn));
        assert!(
            page.contains("<caption><mark class=\"placeholder\">[热线名称]</mark>可用性</caption>")
        );
        let en = md(&c, Lang::En);
        assert!(en.contains("- Cap: none\n- Claims: not specified\n- Form: not specified\n"));
    }
}
