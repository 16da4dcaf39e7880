//! Time zones named as people write them, for the appendix and the eval
//! reports alike.
//!
//! Chinese text names a zone by the local time people call it: 北京时间 for
//! the zone of the People's Republic (Asia/Shanghai and its old aliases),
//! 香港时间, 台北时间, 新加坡时间 and a few more; the IANA name follows in
//! brackets where a text names the zone, so the name stays exact
//! (`北京时间（Asia/Shanghai）`; the appendix and the reports each name a
//! zone once, in prose, or in a table cell). A zone not in the table
//! keeps its IANA name. English text keeps the IANA name: it is the one
//! English name of a zone that is never ambiguous ("CST" is China's and
//! the US Central's). docs/appendix.md says the same.

use super::rich::Rich;
use crate::model::Lang;

/// The local time a Chinese text names a zone by, from its IANA name
/// (aliases included).
const ZH: &[(&[&str], &str)] = &[
    (
        &[
            "Asia/Shanghai",
            "Asia/Chongqing",
            "Asia/Chungking",
            "Asia/Harbin",
            "PRC",
        ],
        "北京时间",
    ),
    (&["Asia/Hong_Kong", "Hongkong"], "香港时间"),
    (&["Asia/Macau", "Asia/Macao"], "澳门时间"),
    (&["Asia/Taipei", "ROC"], "台北时间"),
    (&["Asia/Singapore", "Singapore"], "新加坡时间"),
    (&["Asia/Kuala_Lumpur"], "吉隆坡时间"),
    (&["Asia/Tokyo", "Japan"], "东京时间"),
    (&["Asia/Seoul", "ROK"], "首尔时间"),
    (&["Europe/London", "GB"], "伦敦时间"),
    (&["America/New_York", "US/Eastern"], "纽约时间"),
    (&["UTC", "Etc/UTC"], "协调世界时"),
];

/// The name people write for the zone in `lang`, if it has one other than
/// its IANA name: `北京时间` for `Asia/Shanghai` in Chinese.
pub fn local_name(lang: Lang, iana: &str) -> Option<&'static str> {
    match lang {
        Lang::ZhCn => ZH
            .iter()
            .find(|(names, _)| names.contains(&iana))
            .map(|(_, name)| *name),
        Lang::En => None,
    }
}

/// The zone the first time a text names it: `北京时间（Asia/Shanghai）`, or
/// the IANA name alone (as code: it is a machine name).
pub fn first_mention(lang: Lang, iana: &str) -> Rich {
    match local_name(lang, iana) {
        Some(name) => {
            let mut out = Rich::text(&format!("{name}（"));
            out.extend(Rich::code(iana));
            out.push_text("）");
            out
        }
        None => Rich::code(iana),
    }
}

#[cfg(test)]
mod tests {
    use super::{first_mention, local_name};
    use crate::model::Lang;

    #[test]
    fn the_prc_zone_is_beijing_time_in_chinese_with_its_name_once() {
        for alias in ["Asia/Shanghai", "Asia/Chongqing", "Asia/Harbin", "PRC"] {
            assert_eq!(local_name(Lang::ZhCn, alias), Some("北京时间"));
        }
        assert_eq!(
            first_mention(Lang::ZhCn, "Asia/Shanghai").plain(),
            "北京时间（Asia/Shanghai）"
        );
        assert_eq!(local_name(Lang::ZhCn, "Asia/Hong_Kong"), Some("香港时间"));
        assert_eq!(local_name(Lang::ZhCn, "Asia/Singapore"), Some("新加坡时间"));
    }

    #[test]
    fn other_zones_and_english_keep_the_iana_name() {
        // Ürümqi keeps its own (Xinjiang) time in the zone database: not 北京时间.
        assert_eq!(local_name(Lang::ZhCn, "Asia/Urumqi"), None);
        assert_eq!(
            first_mention(Lang::ZhCn, "Europe/Paris").plain(),
            "Europe/Paris"
        );
        assert_eq!(local_name(Lang::En, "Asia/Shanghai"), None);
        assert_eq!(
            first_mention(Lang::En, "Asia/Shanghai").plain(),
            "Asia/Shanghai"
        );
    }
}
