//! The remedies in the rule set (design §11): the `exclusions` and
//! `credits` objects, their shape and their mapping from the model, beside
//! the rest of the rule set (`shape.rs`, `lower.rs`) and mirroring
//! `schema/slac.rules.v1.json`'s `exclusions` and `credits`.
//!
//! Money is exact: a fee's `amount` is a decimal string with two places
//! (`"50000.00"`), never a JSON number, so that no reader takes it through
//! a binary float (docs/rule-set.md).

use super::lower::{duration, slot, text, weekly};
use super::shape::{DurationOut, Number, Slot, Weekly};
use crate::model::{
    Allowance, Cap, ChannelId, Clause, ClauseId, CreditLine, CreditMetric, Credits, Exclusions,
    Fee, Maintenance, Money, Period, PriorityId, TargetKind, Tier,
};
use serde::Serialize;

/// `exclusions { maintenance { … } clause … }`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExclusionsOut {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub maintenance: Option<MaintenanceOut>,
    pub clauses: Vec<ClauseOut>,
}

/// When an outage row of kind `maintenance` is excluded.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MaintenanceOut {
    /// Counted on the contract clock, as a target is.
    pub notice: Slot<DurationOut>,
    /// Weekly hours in the contract's time zone; absent: any time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub window: Option<Weekly>,
    /// Absent: no limit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allowance: Option<AllowanceOut>,
}

/// `{"amount": 8, "unit": "hours", "period": "monthly"}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AllowanceOut {
    #[serde(flatten)]
    pub amount: Slot<DurationOut>,
    pub period: Period,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClauseOut {
    pub id: ClauseId,
    pub text: Slot<String>,
}

/// `credits { fee … lines … cap … claim … form … }`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CreditsOut {
    /// Absent: the credits are percentages of the fee, which is not stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fee: Option<FeeOut>,
    pub lines: Vec<CreditLineOut>,
    /// Absent: no cap.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cap: Option<CapOut>,
    /// After the period ends: `days` are calendar days, `business_days`
    /// count on the contract clock. Absent: not stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claim: Option<Slot<DurationOut>>,
    /// `voucher`, `cash` or `invoice-deduction`; absent: not stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub form: Option<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FeeOut {
    /// A decimal string with two places, `"50000.00"`.
    pub amount: Slot<String>,
    /// ISO 4217 (`CNY`); absent only when a placeholder amount names none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// The period the fee is paid for.
    pub period: Period,
}

/// One credit line: `{"metric": "availability", "channel": "hotline",
/// "tiers": […]}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CreditLineOut {
    #[serde(flatten)]
    pub metric: MetricOut,
    /// As written: thresholds strictly decreasing, credits strictly
    /// increasing; a figure earns the credit of the last tier it is
    /// strictly below.
    pub tiers: Vec<TierOut>,
}

/// What a line measures; the unit of its thresholds is the metric's own
/// (% everywhere, except a CSAT score goal's mean rating).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "metric", rename_all = "snake_case")]
pub enum MetricOut {
    Availability { channel: ChannelId },
    Response { priority: PriorityId },
    Resolution { priority: PriorityId },
    Fcr,
    Csat,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TierOut {
    pub below: Number,
    pub credit_percent: Number,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CapOut {
    pub percent: Number,
    pub period: Period,
}

pub(super) fn exclusions(e: &Exclusions) -> ExclusionsOut {
    ExclusionsOut {
        maintenance: e.maintenance.as_ref().map(maintenance),
        clauses: e.clauses.iter().map(clause).collect(),
    }
}

fn maintenance(m: &Maintenance) -> MaintenanceOut {
    MaintenanceOut {
        notice: duration(&m.notice),
        window: m.window.as_ref().map(weekly),
        allowance: m.allowance.as_ref().map(allowance),
    }
}

fn allowance(a: &Allowance) -> AllowanceOut {
    AllowanceOut {
        amount: duration(&a.amount),
        period: a.period,
    }
}

fn clause(c: &Clause) -> ClauseOut {
    ClauseOut {
        id: c.id.clone(),
        text: text(&c.text),
    }
}

pub(super) fn credits(c: &Credits) -> CreditsOut {
    CreditsOut {
        fee: c.fee.as_ref().map(fee),
        lines: c.lines.iter().map(line).collect(),
        cap: c.cap.as_ref().map(cap),
        claim: c.claim.as_ref().map(duration),
        form: c.form.map(|f| f.word()),
    }
}

fn fee(f: &Fee) -> FeeOut {
    FeeOut {
        amount: slot(&f.amount, money),
        currency: f.currency.as_ref().map(|c| c.as_str().to_string()),
        period: f.period,
    }
}

/// `"50000.00"`: always two decimal places, exact.
fn money(m: &Money) -> String {
    format!("{}.{:02}", m.cents / 100, m.cents % 100)
}

fn line(l: &CreditLine) -> CreditLineOut {
    CreditLineOut {
        metric: metric(&l.metric),
        tiers: l.tiers.iter().map(tier).collect(),
    }
}

fn metric(m: &CreditMetric) -> MetricOut {
    match m {
        CreditMetric::Availability(channel) => MetricOut::Availability {
            channel: channel.clone(),
        },
        CreditMetric::Target(priority, TargetKind::Response) => MetricOut::Response {
            priority: priority.clone(),
        },
        CreditMetric::Target(priority, TargetKind::Resolution) => MetricOut::Resolution {
            priority: priority.clone(),
        },
        CreditMetric::Fcr => MetricOut::Fcr,
        CreditMetric::Csat => MetricOut::Csat,
    }
}

fn tier(t: &Tier) -> TierOut {
    TierOut {
        below: Number(t.below),
        credit_percent: Number(t.credit_percent),
    }
}

fn cap(c: &Cap) -> CapOut {
    CapOut {
        percent: Number(c.percent),
        period: c.period,
    }
}

#[cfg(test)]
mod tests {
    use super::money;
    use crate::model::example::acme;
    use crate::model::{Fill, Money};
    use serde_json::{json, Value};

    fn valid_rules(contract: &crate::model::Contract, draft: bool) -> Value {
        crate::rules::validated_json(&crate::rules::build(contract, draft))
    }

    #[test]
    fn exclusions_and_credits_are_objects_of_the_rule_set() {
        let value = valid_rules(&acme(), false);
        assert_eq!(
            value["exclusions"],
            json!({
                "maintenance": {
                    "notice": {"amount": 5, "unit": "business_days"},
                    "window": {"sat": [["00:00", "06:00"]], "sun": [["00:00", "06:00"]]},
                    "allowance": {"amount": 8, "unit": "hours", "period": "monthly"}
                },
                "clauses": [
                    {"id": "force-majeure", "text": "因不可抗力导致的服务中断或延误，不计入服务水平统计。"},
                    {"id": "customer", "text": "因客户原因（如未提供必要信息）导致的延误，不计入服务水平统计。"}
                ]
            })
        );
        assert_eq!(
            value["credits"],
            json!({
                "fee": {"amount": "50000.00", "currency": "CNY", "period": "monthly"},
                "lines": [
                    {"metric": "availability", "channel": "hotline", "tiers": [
                        {"below": 99.9, "credit_percent": 5},
                        {"below": 99.5, "credit_percent": 10},
                        {"below": 99, "credit_percent": 25}]},
                    {"metric": "response", "priority": "P1", "tiers": [
                        {"below": 100, "credit_percent": 2}]},
                    {"metric": "resolution", "priority": "P2", "tiers": [
                        {"below": 95, "credit_percent": 3},
                        {"below": 90, "credit_percent": 6}]},
                    {"metric": "fcr", "tiers": [{"below": 70, "credit_percent": 2}]},
                    {"metric": "csat", "tiers": [{"below": 4.5, "credit_percent": 2}]}
                ],
                "cap": {"percent": 30, "period": "monthly"},
                "claim": {"amount": 30, "unit": "days"},
                "form": "voucher"
            })
        );
        // Keys after `reporting` (then `wording`, then `sources`: acme uses
        // holidays/cn-2026.sla), so rule sets without them keep their bytes.
        let keys: Vec<&String> = value
            .as_object()
            .map(|o| o.keys().collect())
            .unwrap_or_default();
        assert_eq!(
            keys.iter()
                .rev()
                .take(5)
                .rev()
                .map(|k| k.as_str())
                .collect::<Vec<_>>(),
            ["reporting", "exclusions", "credits", "wording", "sources"]
        );
    }

    #[test]
    fn the_schema_refuses_inexact_money_and_malformed_lines() {
        let good = valid_rules(&acme(), false);
        let schema: Value =
            serde_json::from_str(crate::rules::SCHEMA).unwrap_or_else(|e| panic!("{e}"));
        let validator = jsonschema::validator_for(&schema).unwrap_or_else(|e| panic!("{e}"));
        type Mutation = fn(&mut Value);
        let mutations: &[(&str, Mutation)] = &[
            ("money as a number", |v| {
                v["credits"]["fee"]["amount"] = json!(50000);
            }),
            ("money with one place", |v| {
                v["credits"]["fee"]["amount"] = json!("50000.0");
            }),
            ("a lowercase currency", |v| {
                v["credits"]["fee"]["currency"] = json!("cny");
            }),
            ("an unknown metric", |v| {
                v["credits"]["lines"][3]["metric"] = json!("nps");
            }),
            ("an availability line without its channel", |v| {
                v["credits"]["lines"][0] = json!({"metric": "availability", "tiers": []});
            }),
            ("a zero credit", |v| {
                v["credits"]["lines"][3]["tiers"][0]["credit_percent"] = json!(0);
            }),
            ("an unknown form", |v| v["credits"]["form"] = json!("gift")),
            ("a maintenance without notice", |v| {
                v["exclusions"]["maintenance"] = json!({});
            }),
        ];
        for (what, mutate) in mutations {
            let mut bad = good.clone();
            mutate(&mut bad);
            assert!(
                validator.iter_errors(&bad).next().is_some(),
                "the schema accepted {what}"
            );
        }
    }

    /// Absent parts are left out, and placeholders stand in a draft where
    /// the model allows them (the fee, the notice, the allowance, the
    /// claim window, a clause's text).
    #[test]
    fn absent_parts_are_left_out_and_placeholders_stand_in_a_draft() {
        let mut contract = acme();
        let Some(credits) = contract.credits.as_mut() else {
            panic!("the example has credits");
        };
        credits.cap = None;
        credits.form = None;
        credits.claim = Some(Fill::Placeholder("申请期限".into()));
        if let Some(fee) = credits.fee.as_mut() {
            fee.amount = Fill::Placeholder("月度服务费".into());
            fee.currency = None;
        }
        let Some(exclusions) = contract.exclusions.as_mut() else {
            panic!("the example has exclusions");
        };
        if let Some(m) = exclusions.maintenance.as_mut() {
            m.notice = Fill::Placeholder("通知期".into());
            m.window = None;
            if let Some(a) = m.allowance.as_mut() {
                a.amount = Fill::Placeholder("X小时".into());
            }
        }
        if let Some(c) = exclusions.clauses.first_mut() {
            c.text = Fill::Placeholder("条款".into());
        }
        let value = valid_rules(&contract, true);
        assert_eq!(
            value["credits"]["fee"],
            json!({"amount": {"placeholder": "月度服务费"}, "period": "monthly"})
        );
        assert_eq!(
            value["credits"]["claim"],
            json!({"placeholder": "申请期限"})
        );
        assert!(value["credits"].get("cap").is_none());
        assert!(value["credits"].get("form").is_none());
        assert_eq!(
            value["exclusions"]["maintenance"],
            json!({"notice": {"placeholder": "通知期"},
                   "allowance": {"placeholder": "X小时", "period": "monthly"}})
        );
        assert_eq!(
            value["exclusions"]["clauses"][0]["text"],
            json!({"placeholder": "条款"})
        );
    }

    #[test]
    fn money_is_a_decimal_string_with_two_places() {
        let shown: Vec<String> = [0, 5, 99_950, 5_000_000, u64::MAX]
            .into_iter()
            .map(|cents| money(&Money { cents }))
            .collect();
        assert_eq!(
            shown,
            [
                "0.00",
                "0.05",
                "999.50",
                "50000.00",
                "184467440737095516.15"
            ]
        );
    }
}
