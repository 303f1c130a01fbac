//! Reading GraphML data values as tools write them: integers typed as `int`, `long`,
//! `float` or `double` ("3", "3.0"), booleans as `true`/`True`/`1`, vocabulary codes in
//! any ASCII case. Each parser says only whether the text is acceptable; the caller
//! names the element and key in the error.

use rapport_core::{Attitude, BuyingRole, InfluenceKind};

/// A 1–5 scale value: a whole number, written as an integer or a float with no
/// fraction ("4", "4.0"); "3.5", "0" and "6" are refused.
pub(super) fn scale(text: &str) -> Option<u8> {
    let text = text.trim();
    if let Ok(n) = text.parse::<i64>() {
        return u8::try_from(n).ok().filter(|n| (1..=5).contains(n));
    }
    let x = text.parse::<f64>().ok()?;
    if x.fract() == 0.0 && (1.0..=5.0).contains(&x) {
        // Exact: a whole number from 1 to 5.
        Some(x as u8)
    } else {
        None
    }
}

/// `true`/`false`/`1`/`0` in any ASCII case (NetworkX writes `True`).
pub(super) fn boolean(text: &str) -> Option<bool> {
    let text = text.trim();
    if text.eq_ignore_ascii_case("true") || text == "1" {
        Some(true)
    } else if text.eq_ignore_ascii_case("false") || text == "0" {
        Some(false)
    } else {
        None
    }
}

/// Does `text` spell `code`, ignoring ASCII case and writing `-` or a space for `_`
/// ("Reports-To" spells `reports_to`)?
fn spells(text: &str, code: &str) -> bool {
    text.len() == code.len()
        && text
            .bytes()
            .zip(code.bytes())
            .all(|(t, c)| t.to_ascii_lowercase() == c || (c == b'_' && (t == b'-' || t == b' ')))
}

pub(super) fn attitude(text: &str) -> Option<Attitude> {
    let text = text.trim();
    Attitude::ALL
        .iter()
        .copied()
        .find(|a| spells(text, a.code()))
}

pub(super) fn influence_kind(text: &str) -> Option<InfluenceKind> {
    let text = text.trim();
    InfluenceKind::ALL
        .iter()
        .copied()
        .find(|k| spells(text, k.code()))
}

/// Comma-separated buying roles, each trimmed; empty items are skipped and repeats
/// collapse. `Err` carries the first item that is not a role.
pub(super) fn roles(text: &str) -> Result<Vec<BuyingRole>, String> {
    let mut roles = Vec::new();
    for item in text.split(',').map(str::trim).filter(|i| !i.is_empty()) {
        let role = BuyingRole::ALL
            .iter()
            .copied()
            .find(|r| spells(item, r.code()))
            .ok_or_else(|| item.to_string())?;
        if !roles.contains(&role) {
            roles.push(role);
        }
    }
    roles.sort();
    Ok(roles)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_accepts_whole_numbers_from_one_to_five_in_any_numeric_spelling() {
        let cases = [
            ("3", Some(3)),
            (" 5 ", Some(5)),
            ("+1", Some(1)),
            ("3.0", Some(3)),
            ("4.00", Some(4)),
            ("2e0", Some(2)),
            ("3.5", None),
            ("0", None),
            ("6", None),
            ("-3", None),
            ("256", None),
            ("NaN", None),
            ("inf", None),
            ("three", None),
            ("", None),
        ];
        for (text, want) in cases {
            assert_eq!(scale(text), want, "{text:?}");
        }
    }

    #[test]
    fn booleans_take_the_spellings_tools_write() {
        let cases = [
            ("true", Some(true)),
            ("True", Some(true)),
            ("TRUE", Some(true)),
            ("1", Some(true)),
            ("false", Some(false)),
            ("False", Some(false)),
            ("0", Some(false)),
            ("yes", None),
            ("2", None),
            ("", None),
        ];
        for (text, want) in cases {
            assert_eq!(boolean(text), want, "{text:?}");
        }
    }

    #[test]
    fn vocabulary_codes_ignore_case_and_dashes() {
        assert_eq!(attitude("Champion"), Some(Attitude::Champion));
        assert_eq!(attitude(" sceptic "), Some(Attitude::Sceptic));
        assert_eq!(attitude("skeptic"), None);
        assert_eq!(influence_kind("Reports-To"), Some(InfluenceKind::ReportsTo));
        assert_eq!(influence_kind("reports to"), Some(InfluenceKind::ReportsTo));
        assert_eq!(influence_kind("boss"), None);
    }

    #[test]
    fn roles_split_on_commas() {
        assert_eq!(
            roles("decider, User,,decider"),
            Ok(vec![BuyingRole::User, BuyingRole::Decider])
        );
        assert_eq!(roles(""), Ok(vec![]));
        assert_eq!(roles("buyer, cfo"), Err("cfo".to_string()));
    }
}
