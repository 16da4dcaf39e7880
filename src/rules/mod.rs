//! The rule set (§7): the checked model as JSON/YAML for ticket systems.
