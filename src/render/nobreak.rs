//! Text that must not break across lines in print: e-mail addresses (a
//! break after one of their hyphens reads as a hyphenated word, and the
//! address copied from paper is then wrong). The emitters wrap these
//! pieces in their format's unbreakable box; identifiers, which are
//! [`super::rich::Inline::Code`], are kept whole by the emitters directly.

/// A piece of a text: `true` when it must stay on one line.
pub type Piece<'a> = (bool, &'a str);

/// Splits `text` into pieces, e-mail addresses on their own and marked.
pub fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some((start, end)) = next_address(rest) {
        let (before, from) = rest.split_at(start);
        let (address, after) = from.split_at(end - start);
        if !before.is_empty() {
            out.push((false, before));
        }
        out.push((true, address));
        rest = after;
    }
    if !rest.is_empty() {
        out.push((false, rest));
    }
    out
}

fn is_local(c: char) -> bool {
    c.is_ascii_alphanumeric() || "._%+-".contains(c)
}

fn is_domain(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '.' || c == '-'
}

/// The byte range of the first e-mail address in `text`: a local part and
/// a domain with a dot around an `@` (a trailing full stop is not part of
/// the address).
fn next_address(text: &str) -> Option<(usize, usize)> {
    let mut search_from = 0;
    while let Some(offset) = text.get(search_from..)?.find('@') {
        let at = search_from + offset;
        let before = text.get(..at)?;
        let after = text.get(at + 1..)?;
        let local_len: usize = before
            .chars()
            .rev()
            .take_while(|&c| is_local(c))
            .map(char::len_utf8)
            .sum();
        let domain = after
            .find(|c: char| !is_domain(c))
            .map_or(after, |end| after.get(..end).unwrap_or(after))
            .trim_end_matches(['.', '-']);
        if local_len > 0 && domain.contains('.') && !domain.starts_with('.') {
            return Some((at - local_len, at + 1 + domain.len()));
        }
        search_from = at + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::pieces;

    #[test]
    fn addresses_are_pieces_of_their_own() {
        assert_eq!(
            pieces("邮箱：support-cn@acme-corp.cn。电话"),
            vec![
                (false, "邮箱："),
                (true, "support-cn@acme-corp.cn"),
                (false, "。电话"),
            ]
        );
        assert_eq!(
            pieces("a@b.co, c-d@e-f.org."),
            vec![
                (true, "a@b.co"),
                (false, ", "),
                (true, "c-d@e-f.org"),
                (false, ".")
            ]
        );
    }

    #[test]
    fn text_without_an_address_is_one_piece() {
        assert_eq!(pieces("at @ noon, x@y"), vec![(false, "at @ noon, x@y")]);
        assert_eq!(pieces(""), Vec::<(bool, &str)>::new());
    }
}
