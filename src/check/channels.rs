//! Channels: names (E010), fields given once (E010), hours on a declared
//! calendar (E012), availability shares (E030) and the `aka` names
//! ([`super::aka`], E066).

use super::aka::Claimant;
use super::items::Items;
use super::names::Names;
use super::twice::{given_twice, GIVEN};
use super::{text, Checker};
use crate::ast;
use crate::model::*;
use crate::source::Span;

impl Checker<'_> {
    pub(super) fn channels(
        &mut self,
        items: &Items<'_>,
        calendar_names: &Names<'_>,
        clock: Option<&CalendarId>,
        contract_keyword: Span,
    ) -> Vec<Channel> {
        self.unique_names("channel", items.channels.iter().map(|c| &c.name));
        if items.channels.is_empty() {
            self.missing(
                contract_keyword,
                "channel",
                "add a channel through which requests arrive, such as `channel hotline \"服务热线\" { hours business }`",
            );
        }
        let mut akas = self
            .claimed_names(
                Claimant::Channel,
                items.channels.iter().map(|c| (&c.name, first_aka(c))),
            )
            .into_iter();
        let mut channels = Vec::new();
        for channel in &items.channels {
            let mut hours: Option<Option<CalendarId>> = None;
            let mut availability = None;
            let mut contact = None;
            let mut seen: Vec<(&str, Span)> = Vec::new();
            for field in &channel.fields {
                let (name, keyword) = match field {
                    ast::ChannelField::Hours { keyword, .. } => ("hours", *keyword),
                    ast::ChannelField::Availability { keyword, .. } => ("availability", *keyword),
                    ast::ChannelField::Contact { keyword, .. } => ("contact", *keyword),
                    ast::ChannelField::Aka(aka) => ("aka", aka.keyword),
                };
                if let Some((_, first)) = seen.iter().find(|(n, _)| *n == name) {
                    let first = *first;
                    self.push(given_twice(
                        keyword,
                        Some(first),
                        GIVEN,
                        format!("`{name}` is given twice for this channel"),
                        "keep one",
                    ));
                    continue;
                }
                seen.push((name, keyword));
                match field {
                    ast::ChannelField::Hours { calendar, .. } => {
                        let known = self.resolve(calendar, "calendar", calendar_names);
                        hours = Some(known.then(|| CalendarId(calendar.node.clone())));
                    }
                    ast::ChannelField::Availability {
                        percent, period, ..
                    } => {
                        self.percent(percent, "an availability");
                        availability = Some(Availability {
                            percent: percent.node.clone(),
                            period: period
                                .as_ref()
                                .map_or(Fill::Value(Period::Monthly), |p| p.node.clone()),
                        });
                    }
                    ast::ChannelField::Contact { value, .. } => contact = Some(text(value)),
                    // Checked with every channel's names, above.
                    ast::ChannelField::Aka(_) => {}
                }
            }
            channels.push(Channel {
                id: ChannelId(channel.name.node.clone()),
                label: text(&channel.label),
                hours: hours.unwrap_or_else(|| clock.cloned()),
                availability,
                contact,
                aka: akas.next().unwrap_or_default(),
            });
        }
        channels
    }
}

/// A channel's first `aka` line (a second one is E010 below).
fn first_aka(channel: &ast::Channel) -> Option<&ast::Aka> {
    channel.fields.iter().find_map(|f| match f {
        ast::ChannelField::Aka(aka) => Some(aka),
        ast::ChannelField::Hours { .. }
        | ast::ChannelField::Availability { .. }
        | ast::ChannelField::Contact { .. } => None,
    })
}
