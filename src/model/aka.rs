//! How a ticket system's name for a priority or a channel is compared: the
//! one rule that both the check (two priorities claiming one name) and eval
//! (a row's `priority` and `channel`) use, so they cannot disagree.

/// `name` trimmed and lower-cased (Unicode case folding by
/// `str::to_lowercase`; Chinese has no case, so it is compared as written).
pub fn fold_name(name: &str) -> String {
    name.trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::fold_name;

    #[test]
    fn names_fold_trimmed_and_lower_cased() {
        assert_eq!(fold_name("  P1 - Critical "), "p1 - critical");
        assert_eq!(fold_name("Email"), fold_name("EMAIL"));
        assert_eq!(fold_name("等待客户"), "等待客户");
        assert_ne!(fold_name("紧急"), fold_name("緊急"));
    }
}
