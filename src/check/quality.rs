//! Quality targets: FCR and CSAT (E030 for shares and scores out of range,
//! W008 for a CSAT method listed twice).

use super::items::Items;
use super::{text, Checker};
use crate::ast;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::*;

impl Checker<'_> {
    pub(super) fn fcr(&mut self, items: &Items<'_>) -> Option<FcrTarget> {
        items.fcr.map(|(min, period)| {
            self.percent(min, "an FCR target");
            FcrTarget {
                min_percent: min.node.clone(),
                period: period.map_or(Fill::Value(Period::Monthly), |p| p.node.clone()),
            }
        })
    }

    pub(super) fn csat(&mut self, csat: &ast::Csat) -> Option<CsatTarget> {
        let (low, high) = match &csat.scale {
            None => (1, 5),
            Some(scale) => {
                let (low, high) = scale.node;
                let whole = |v: f64| v >= 0.0 && v.fract() == 0.0 && v <= 1000.0;
                if !whole(low) || !whole(high) || low >= high {
                    self.push(
                        Diagnostic::new(
                            Code::E030,
                            scale.span,
                            format!("`{low}..{high}` is not a rating scale"),
                        )
                        .with_label("not a scale")
                        .with_help(
                            "a scale runs from a lower to a higher whole number, such as `on 1..5`",
                        ),
                    );
                    return None;
                }
                (low as u32, high as u32)
            }
        };
        let goal = match &csat.goal {
            ast::CsatGoalAst::Score(min) => {
                if let Fill::Value(v) = min.node {
                    if v < f64::from(low) || v > f64::from(high) {
                        self.push(
                            Diagnostic::new(
                                Code::E030,
                                min.span,
                                format!("a CSAT score of {v} is outside the scale {low}..{high}"),
                            )
                            .with_label("outside the scale")
                            .with_help(format!("a score target lies between {low} and {high}")),
                        );
                    }
                }
                CsatGoal::Score {
                    min: min.node.clone(),
                }
            }
            ast::CsatGoalAst::Satisfied(percent) => {
                self.percent(percent, "a satisfaction share");
                CsatGoal::Satisfied {
                    min_percent: percent.node.clone(),
                }
            }
        };
        self.unique_entries(
            "the CSAT methods",
            csat.methods
                .iter()
                .map(|m| (&m.node, m.span, "this method".to_string())),
        );
        Some(CsatTarget {
            goal,
            scale: (low, high),
            period: csat
                .period
                .as_ref()
                .map_or(Fill::Value(Period::Monthly), |p| p.node.clone()),
            methods: csat.methods.iter().map(text).collect(),
        })
    }
}
