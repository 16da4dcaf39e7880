//! `support`: `submit via` channels and `escalate` lines on declared names
//! (E012), channels listed twice (W008). W007 is [`super::targets`].

use super::items::Items;
use super::names::Names;
use super::{text, Checker};
use crate::ast::{Ident, SupportLine};
use crate::model::*;
use std::collections::HashSet;

impl Checker<'_> {
    pub(super) fn support(
        &mut self,
        items: &Items<'_>,
        channels: &Names<'_>,
        priorities: &Names<'_>,
    ) -> Support {
        let mut support = Support::default();
        let Some(lines) = items.support else {
            return support;
        };
        let mut submit: Vec<&Ident> = Vec::new();
        // The channels already in `submit_via`: `Vec::contains` per name
        // was quadratic in the channels listed.
        let mut listed: HashSet<&str> = HashSet::new();
        for line in lines {
            match line {
                SupportLine::SubmitVia {
                    channels: named, ..
                } => {
                    for channel in named {
                        if self.resolve(channel, "channel", channels)
                            && listed.insert(channel.node.as_str())
                        {
                            support.submit_via.push(ChannelId(channel.node.clone()));
                        }
                        submit.push(channel);
                    }
                }
                SupportLine::Escalate {
                    priority,
                    after,
                    to,
                    ..
                } => {
                    if self.resolve(priority, "priority", priorities) {
                        support.escalations.push(Escalation {
                            priority: PriorityId(priority.node.clone()),
                            after: after.node.to_fill(),
                            to: text(to),
                        });
                    }
                }
            }
        }
        self.unique_entries(
            "`submit via`",
            submit
                .iter()
                .map(|c| (&c.node, c.span, format!("channel `{}`", c.node))),
        );
        support
    }
}
