//! `exclusions { … }` and `credits { … }` to layout nodes, one line per
//! line as written; a `{ … }` stays on one line when it was written so.

use super::layout::{Formatter, Node};
use crate::ast::*;

impl Formatter<'_> {
    pub(super) fn exclusions(&self, keyword: &str, lines: &[ExclusionLine], item: &Item) -> Node {
        let nodes = lines
            .iter()
            .map(|line| match line {
                ExclusionLine::Maintenance {
                    lines,
                    braces,
                    span,
                    ..
                } => {
                    let fields = lines.iter().map(|l| self.maintenance_line(l)).collect();
                    self.with_braced_fields(
                        "",
                        vec!["maintenance".into()],
                        *span,
                        fields,
                        Some(*braces),
                    )
                }
                ExclusionLine::Clause { id, text, span, .. } => Node::line(
                    "clause",
                    vec!["clause".into(), id.node.clone(), self.text(text)],
                    *span,
                ),
            })
            .collect();
        self.with_braced_fields("", vec![keyword.into()], item.span, nodes, item.braces)
    }

    fn maintenance_line(&self, line: &MaintenanceLine) -> Node {
        let (word, value, span) = match line {
            MaintenanceLine::Notice { notice, span, .. } => {
                ("notice", self.duration(notice), *span)
            }
            MaintenanceLine::Window {
                days, spans, span, ..
            } => {
                let days: Vec<String> = days.iter().map(|d| self.src(d.span)).collect();
                let value = format!("{} {}", days.join(", "), Self::spans(spans));
                ("window", value, *span)
            }
            MaintenanceLine::AtMost {
                amount,
                period,
                span,
                ..
            } => {
                let value = format!("{} {}", self.duration(amount), self.src(period.span));
                ("at most", value, *span)
            }
        };
        Node::line("maintenance", vec![word.into(), value], span)
    }

    pub(super) fn credits(&self, keyword: &str, lines: &[CreditsLine], item: &Item) -> Node {
        let nodes = lines.iter().map(|line| self.credits_line(line)).collect();
        self.with_braced_fields("", vec![keyword.into()], item.span, nodes, item.braces)
    }

    fn credits_line(&self, line: &CreditsLine) -> Node {
        let (word, value, span) = match line {
            CreditsLine::Fee {
                amount,
                period,
                span,
                ..
            } => {
                let amount = match amount {
                    FeeAmount::Given { amount, currency } => {
                        format!("{} {}", self.src(amount.span), currency.node)
                    }
                    FeeAmount::Placeholder {
                        text,
                        currency: None,
                    } => self.src(text.span),
                    FeeAmount::Placeholder {
                        text,
                        currency: Some(currency),
                    } => format!("{} {}", self.src(text.span), currency.node),
                };
                ("fee", format!("{amount} {}", self.src(period.span)), *span)
            }
            CreditsLine::Tiers(tiers) => return self.credit_tiers(tiers),
            CreditsLine::Cap {
                percent,
                period,
                span,
                ..
            } => {
                let value = format!("{} {}", self.src(percent.span), self.src(period.span));
                ("cap", value, *span)
            }
            CreditsLine::Claim { within, span, .. } => {
                ("claim", format!("within {}", self.duration(within)), *span)
            }
            CreditsLine::Form { form, span, .. } => ("form", self.src(form.span), *span),
        };
        Node::line("credits", vec![word.into(), value], span)
    }

    fn credit_tiers(&self, tiers: &CreditTiers) -> Node {
        let mut cells = vec![match &tiers.metric {
            MetricAst::Availability(_) => "availability".to_string(),
            MetricAst::Target(kind, _) => kind.word().to_string(),
            MetricAst::Fcr => "fcr".to_string(),
            MetricAst::Csat => "csat".to_string(),
        }];
        let name = match &tiers.metric {
            MetricAst::Availability(name) | MetricAst::Target(_, name) => Some(name.node.clone()),
            MetricAst::Fcr | MetricAst::Csat => None,
        };
        // Lines on a name align with each other, `fcr` and `csat` likewise.
        let group = if name.is_some() {
            "credit-named"
        } else {
            "credit-quality"
        };
        let nodes: Vec<Node> = tiers.tiers.iter().map(|t| self.tier(t)).collect();
        if tiers.braces.is_none() {
            let inline: Vec<String> = nodes.iter().map(|n| n.cells.join(" ")).collect();
            let value = name.into_iter().chain(inline).collect::<Vec<_>>().join(" ");
            cells.push(value);
            return Node::line(group, cells, tiers.span);
        }
        cells.extend(name);
        self.with_braced_fields(group, cells, tiers.span, nodes, tiers.braces)
    }

    fn tier(&self, tier: &TierAst) -> Node {
        Node::line(
            "tier",
            vec![
                "below".into(),
                format!(
                    "{} credit {}",
                    self.src(tier.below.span),
                    self.src(tier.credit.span)
                ),
            ],
            tier.span,
        )
    }
}
