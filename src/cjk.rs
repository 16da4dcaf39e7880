//! The one test for East Asian characters, shared by the lowering (a text
//! block joins Chinese or Japanese lines without a space), the checker (the
//! language guessed from the title), the formatter (column widths) and
//! anything else that must know how CJK text behaves.

/// Chinese and Japanese writing: CJK radicals, symbols and punctuation,
/// kana, Bopomofo, the unified and compatibility ideographs of every plane,
/// Yi, vertical and full-width forms. Words are not separated by spaces.
const CHINESE_JAPANESE: [(u32, u32); 6] = [
    (0x2E80, 0xA4CF),
    (0xF900, 0xFAFF),
    (0xFE30, 0xFE4F),
    (0xFF00, 0xFF60),
    (0xFFE0, 0xFFE6),
    (0x20000, 0x3FFFD),
];

/// Hangul jamo and syllables: wide like the above, but Korean separates
/// words with spaces.
const HANGUL: [(u32, u32); 2] = [(0x1100, 0x115F), (0xAC00, 0xD7A3)];

fn in_ranges(ranges: &[(u32, u32)], c: char) -> bool {
    let n = u32::from(c);
    ranges.iter().any(|&(low, high)| (low..=high).contains(&n))
}

/// True for a character that takes two columns in a terminal or editor
/// (East Asian wide and full-width).
pub fn is_wide(c: char) -> bool {
    in_ranges(&CHINESE_JAPANESE, c) || in_ranges(&HANGUL, c)
}

/// True for Chinese or Japanese writing: wide, and written without spaces
/// between words, so two lines of it join without one.
pub fn is_chinese_or_japanese(c: char) -> bool {
    in_ranges(&CHINESE_JAPANESE, c)
}

/// The display width of the first line of `s`: wide characters count two.
pub fn width(s: &str) -> usize {
    s.lines()
        .next()
        .unwrap_or("")
        .chars()
        .map(|c| if is_wide(c) { 2 } else { 1 })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::{is_chinese_or_japanese, is_wide, width};

    #[test]
    fn wide_characters_take_two_columns() {
        assert_eq!(width("服务级别"), 8);
        assert_eq!(width("SLA：99.9%"), 10);
        assert_eq!(width("한국어 abc"), 10);
        assert_eq!(width("first\nsecond line"), 5);
        assert_eq!(width("𠀀"), 2);
        assert!(!is_wide('a') && !is_wide('é') && !is_wide('ｱ'));
    }

    #[test]
    fn only_chinese_and_japanese_go_without_spaces() {
        for c in ['服', '，', '。', 'か', 'カ', '（', '𠀀'] {
            assert!(is_chinese_or_japanese(c), "{c}");
        }
        for c in ['한', 'a', '1', ' '] {
            assert!(!is_chinese_or_japanese(c), "{c}");
        }
    }
}
