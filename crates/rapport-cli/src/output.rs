//! How results are printed: JSON for scripts, an aligned table for people. Table
//! columns are measured in terminal cells, so Chinese names line up too.

use std::io::Write;

use rapport_core::AccountSummary;

use crate::error::CliError;

/// The accounts as a JSON array of `AccountSummary` objects.
pub fn accounts_json(out: &mut impl Write, accounts: &[AccountSummary]) -> Result<(), CliError> {
    // Encode first, so that a closed pipe is reported as output, not as JSON.
    let text = serde_json::to_string_pretty(accounts)?;
    writeln!(out, "{text}")?;
    Ok(())
}

/// The accounts as an aligned table, one line per account.
pub fn accounts_table(out: &mut impl Write, accounts: &[AccountSummary]) -> Result<(), CliError> {
    if accounts.is_empty() {
        writeln!(out, "No accounts.")?;
        return Ok(());
    }
    let header = [
        "NAME", "TIER", "STAGE", "PEOPLE", "REVENUE", "MARGIN", "INDUSTRY", "REGION",
    ];
    let rows: Vec<[String; 8]> = accounts
        .iter()
        .map(|a| {
            [
                a.name.clone(),
                a.tier.to_string(),
                a.stage.map(|s| s.to_string()).unwrap_or_else(|| "-".into()),
                a.stakeholder_count.to_string(),
                money(a.annual_revenue),
                money(a.annual_margin),
                a.industry.clone(),
                a.region.clone(),
            ]
        })
        .collect();
    // Numbers align right, text left.
    let right = [false, false, false, true, true, true, false, false];
    table(out, &header, &rows, &right)
}

/// Prints an aligned table: `header` then `rows`, columns `right`-aligned where
/// marked, measured in terminal cells.
pub fn table<const N: usize>(
    out: &mut impl Write,
    header: &[&str; N],
    rows: &[[String; N]],
    right: &[bool; N],
) -> Result<(), CliError> {
    let mut widths = header.map(width);
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(cell));
        }
    }
    let header = header.map(String::from);
    for row in std::iter::once(&header).chain(rows) {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            let pad = " ".repeat(widths[i] - width(cell));
            if i > 0 {
                line.push_str("  ");
            }
            if right[i] {
                line.push_str(&pad);
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.push_str(&pad);
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// A whole amount with thousands separators: 4200000.0 → "4,200,000".
pub fn money(amount: f64) -> String {
    let rounded = amount.round();
    let digits = format!("{:.0}", rounded.abs());
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if rounded < 0.0 {
        format!("-{grouped}")
    } else {
        grouped
    }
}

/// Terminal cells a text takes: East Asian wide characters take two.
fn width(text: &str) -> usize {
    text.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum()
}

fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_groups_thousands() {
        let cases = [
            (0.0, "0"),
            (999.4, "999"),
            (1000.0, "1,000"),
            (4_200_000.0, "4,200,000"),
            (-1_234_567.8, "-1,234,568"),
        ];
        for (amount, want) in cases {
            assert_eq!(money(amount), want, "{amount}");
        }
    }

    #[test]
    fn wide_characters_take_two_cells() {
        assert_eq!(width("Harbin"), 6);
        assert_eq!(width("哈尔滨"), 6);
        assert_eq!(width("Wiśniewska"), 10);
    }
}
