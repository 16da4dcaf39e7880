//! Properties of the credit tiers (design §11): a tier list that checks
//! clean is monotone — thresholds strictly falling, credits strictly
//! rising — and the figure's credit never falls as the figure does.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: a broken assumption stops the test with its message"
)]

use proptest::prelude::*;
use slac::diagnostic::Code;
use slac::SourceFile;

const REMEDIES: &str = include_str!("fixtures/remedies.sla");
/// The fixture's hotline tiers, replaced by the generated ones.
const HOTLINE: &str = "    availability hotline {
      below 99.9% credit 5%
      below 99.5% credit 10%
      below 99.0% credit 25%
    }";

/// Tiers as written: thresholds and credits from small sets, so repeats
/// and misorders are frequent.
fn tiers() -> impl Strategy<Value = Vec<(u32, u32)>> {
    prop::collection::vec((0u32..11, 1u32..8), 1..6)
}

fn text_of(tiers: &[(u32, u32)]) -> String {
    let lines: Vec<String> = tiers
        .iter()
        .map(|(below, credit)| {
            format!(
                "      below {}% credit {}%",
                99.0 + f64::from(*below) / 10.0,
                credit * 5
            )
        })
        .collect();
    let block = format!("    availability hotline {{\n{}\n    }}", lines.join("\n"));
    REMEDIES.replace(HOTLINE, &block)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_tier_list_that_checks_clean_is_monotone(written in tiers()) {
        let text = text_of(&written);
        prop_assert!(text != REMEDIES || written.len() == 3, "the tiers were replaced");
        let checked = slac::check(SourceFile::new("p.sla", &text));
        let tier_errors = checked
            .diagnostics
            .iter()
            .any(|d| matches!(d.code, Code::E060 | Code::E061));
        let line = checked.model.as_ref().and_then(|m| m.credits.as_ref()).and_then(|c| {
            c.lines.iter().find(|l| l.metric.to_string() == "availability hotline")
        });
        match line {
            Some(line) => {
                prop_assert!(!tier_errors);
                for pair in line.tiers.windows(2) {
                    prop_assert!(pair[1].below < pair[0].below, "{:?}", line.tiers);
                    prop_assert!(pair[1].credit_percent > pair[0].credit_percent, "{:?}", line.tiers);
                }
                // The credit is a step function that rises as the figure falls.
                let mut previous = 0.0;
                for step in (0..=1000).rev() {
                    let figure = 98.5 + f64::from(step) / 500.0;
                    let credit = line.credit_for(figure);
                    prop_assert!(credit >= previous, "{figure}: {credit} < {previous}");
                    previous = credit;
                }
            }
            None => prop_assert!(tier_errors, "no model and no tier error: {:?}", checked.diagnostics),
        }
    }
}

#[test]
fn the_fixture_holds_the_tiers_the_property_replaces() {
    assert!(REMEDIES.contains(HOTLINE));
    let checked = slac::check(SourceFile::new("remedies.sla", REMEDIES));
    assert!(checked.model.is_some(), "{:?}", checked.diagnostics);
}
