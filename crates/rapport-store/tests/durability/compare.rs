//! Compares two closed workspace files row by row, in SQL (row counts, and `EXCEPT`
//! both ways on every table), so that "the file holds exactly these actions" is checked
//! on every table, history included, and stays fast as the file grows.

use std::path::Path;

use rusqlite::types::Value;
use rusqlite::Connection;

/// Columns that legitimately differ between two files that saw the same actions in
/// different processes: when each history entry was written (and took effect), and the order of the
/// changes within one action (`seq`), because the store deletes an account's leftover
/// factor scores in `HashMap` order (`rows::write_factor_scores`), which differs from
/// process to process. Undo does not depend on that order.
pub const NONDETERMINISTIC: &[(&str, &str)] = &[
    ("history_actions", "at"),
    ("history_events", "at"),
    ("history_changes", "seq"),
];

/// Every difference between the files at `a` and `b` (empty when they hold the same
/// schema and the same rows), ignoring the `(table, column)` pairs in `ignore`. Both
/// files must be closed; they are only read.
pub fn differences(a: &Path, b: &Path, ignore: &[(&str, &str)]) -> rusqlite::Result<Vec<String>> {
    let conn = Connection::open(a)?;
    conn.execute("ATTACH DATABASE ?1 AS other", [b.to_string_lossy()])?;
    let mut found = Vec::new();
    for pragma in ["user_version", "application_id"] {
        let mine: i64 = conn.query_row(&format!("PRAGMA main.{pragma}"), [], |r| r.get(0))?;
        let theirs: i64 = conn.query_row(&format!("PRAGMA other.{pragma}"), [], |r| r.get(0))?;
        if mine != theirs {
            found.push(format!("{pragma}: {mine} vs {theirs}"));
        }
    }
    let schema = |db: &str| -> rusqlite::Result<Vec<(String, String, String)>> {
        let mut stmt = conn.prepare(&format!(
            "SELECT type, name, coalesce(sql, '') FROM {db}.sqlite_master ORDER BY type, name"
        ))?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        rows.collect()
    };
    let (mine, theirs) = (schema("main")?, schema("other")?);
    if mine != theirs {
        found.push(format!("schemas differ:\n{mine:#?}\nvs\n{theirs:#?}"));
        return Ok(found);
    }
    let tables: Vec<String> = mine
        .iter()
        .filter(|(kind, name, _)| kind == "table" && !name.starts_with("sqlite_"))
        .map(|(_, name, _)| name.clone())
        .collect();
    for table in tables {
        let columns: Vec<String> = {
            let mut stmt = conn.prepare(&format!("PRAGMA main.table_info(\"{table}\")"))?;
            let rows = stmt.query_map([], |r| r.get::<_, String>(1))?;
            rows.collect::<rusqlite::Result<Vec<_>>>()?
                .into_iter()
                .filter(|c| !ignore.contains(&(table.as_str(), c.as_str())))
                .map(|c| format!("\"{c}\""))
                .collect()
        };
        let count = |db: &str| -> rusqlite::Result<i64> {
            conn.query_row(&format!("SELECT count(*) FROM {db}.\"{table}\""), [], |r| {
                r.get(0)
            })
        };
        let (rows_a, rows_b) = (count("main")?, count("other")?);
        if rows_a != rows_b {
            found.push(format!("{table}: {rows_a} rows vs {rows_b}"));
        }
        let list = columns.join(", ");
        for (from, to, side) in [
            ("main", "other", "only in a"),
            ("other", "main", "only in b"),
        ] {
            let mut stmt = conn.prepare(&format!(
                "SELECT {list} FROM {from}.\"{table}\" EXCEPT SELECT {list} FROM {to}.\"{table}\" LIMIT 10"
            ))?;
            let width = columns.len();
            let rows = stmt.query_map([], |r| {
                (0..width)
                    .map(|i| r.get::<_, Value>(i))
                    .collect::<rusqlite::Result<Vec<_>>>()
            })?;
            for row in rows {
                found.push(format!("{table} {side}: {:?}", row?));
            }
        }
    }
    Ok(found)
}
