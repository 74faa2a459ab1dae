//! Making explorer output comparable across runs: heap addresses depend on where the system maps the
//! arenas, so golden tests replace each distinct address by `0x@1`, `0x@2`… in order of first appearance,
//! and each id printed in decimal (an address as an int) by `<id>`.

use std::collections::HashMap;

pub fn normalize(text: &str) -> String {
    let mut names: HashMap<String, usize> = HashMap::new();
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let boundary = i == 0 || !chars[i - 1].is_ascii_alphanumeric();
        if boundary && chars[i] == '0' && chars.get(i + 1) == Some(&'x') {
            let mut j = i + 2;
            while j < chars.len() && chars[j].is_ascii_hexdigit() {
                j += 1;
            }
            if j - (i + 2) >= 6 {
                let addr: String = chars[i..j].iter().collect();
                let n = names.len() + 1;
                let n = *names.entry(addr).or_insert(n);
                out.push_str(&format!("0x@{n}"));
                i = j;
                continue;
            }
        }
        if boundary && chars[i].is_ascii_digit() {
            let mut j = i;
            while j < chars.len() && chars[j].is_ascii_digit() {
                j += 1;
            }
            if j - i >= 12 {
                out.push_str("<id>");
                i = j;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn addresses_are_numbered_by_first_appearance() {
        assert_eq!(
            normalize("list 0x7f00aa10 and 0x7f00bb20 then 0x7f00aa10, id 139968559333440, 0x10"),
            "list 0x@1 and 0x@2 then 0x@1, id <id>, 0x10"
        );
    }
}
