//! The column names of the ticket systems' own CSV exports (`--preset`).
//!
//! Each preset says, for every field of the log, the column of that
//! system's export it is read from, or that the export has none (the field
//! reads as empty). Where each name comes from is in docs/eval.md
//! ("Presets"); a preset plus `--map` overrides single columns.

/// A ticket system whose export `eval` reads as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preset {
    /// Zendesk Support's account data export, CSV.
    Zendesk,
    /// Jira Service Management's issue export, CSV (all fields).
    Jira,
    /// Zammad's ticket export of a reporting profile.
    Zammad,
}

impl Preset {
    pub const ALL: [Preset; 3] = [Preset::Zendesk, Preset::Jira, Preset::Zammad];

    pub fn name(self) -> &'static str {
        match self {
            Preset::Zendesk => "zendesk",
            Preset::Jira => "jira",
            Preset::Zammad => "zammad",
        }
    }

    /// The preset of that name (any case).
    pub fn from_name(name: &str) -> Option<Preset> {
        Preset::ALL
            .into_iter()
            .find(|p| p.name().eq_ignore_ascii_case(name.trim()))
    }

    /// For each field of the log, its column in the export (`None`: the
    /// export has no such column).
    pub(crate) fn columns(self) -> [(&'static str, Option<&'static str>); 11] {
        let [id, priority, channel, received, response, resolved] = match self {
            Preset::Zendesk => [
                Some("ID"),
                Some("Priority"),
                Some("Via"),
                Some("Created at"),
                None,
                Some("Solved at"),
            ],
            Preset::Jira => [
                Some("Issue key"),
                Some("Priority"),
                None,
                Some("Created"),
                None,
                Some("Resolved"),
            ],
            Preset::Zammad => [
                Some("#"),
                Some("Priority"),
                Some("Create Channel"),
                Some("Created At"),
                Some("First Response At"),
                Some("Closed At"),
            ],
        };
        [
            ("id", id),
            ("priority", priority),
            ("channel", channel),
            ("received_at", received),
            ("first_response_at", response),
            ("resolved_at", resolved),
            ("workaround_at", None),
            ("first_contact_resolved", None),
            ("csat", None),
            ("paused", None),
            ("excluded", None),
        ]
    }
}

impl std::fmt::Display for Preset {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_names_every_field_of_the_log_in_order() {
        for preset in Preset::ALL {
            let fields: Vec<&str> = preset.columns().iter().map(|(f, _)| *f).collect();
            let mut expected = crate::eval::COLUMNS.to_vec();
            expected.push(crate::eval::EXCLUDED);
            assert_eq!(fields, expected, "{preset}");
            assert_eq!(
                Preset::from_name(&preset.name().to_uppercase()),
                Some(preset)
            );
        }
        assert_eq!(Preset::from_name("freshdesk"), None);
    }
}
