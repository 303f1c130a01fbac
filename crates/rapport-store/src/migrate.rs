//! Forward-only schema migrations (`migrations/NNNN_name.sql`), applied in order on
//! open. The schema version is SQLite's `user_version`.

use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};

/// The SQL of every migration, oldest first. Never edit a released one.
pub const MIGRATIONS: &[(&str, &str)] = &[
    ("0001_schema", include_str!("../migrations/0001_schema.sql")),
    (
        "0002_history",
        include_str!("../migrations/0002_history.sql"),
    ),
    ("0003_clv", include_str!("../migrations/0003_clv.sql")),
    ("0004_map", include_str!("../migrations/0004_map.sql")),
    ("0005_as_of", include_str!("../migrations/0005_as_of.sql")),
];

/// The schema version this build writes and reads.
pub const LATEST: i64 = MIGRATIONS.len() as i64;

fn migrations() -> Migrations<'static> {
    Migrations::new(MIGRATIONS.iter().map(|(_, sql)| M::up(sql)).collect())
}

/// Applies every migration the file lacks, in one transaction.
pub fn to_latest(conn: &mut Connection) -> Result<(), rusqlite_migration::Error> {
    migrations().to_latest(conn)
}

/// Migrates up to `version` only (for tests that build historic schema fixtures).
pub fn to_version(conn: &mut Connection, version: usize) -> Result<(), rusqlite_migration::Error> {
    migrations().to_version(conn, version)
}

/// The file's schema version (`PRAGMA user_version`).
pub fn schema_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid_and_reach_latest() {
        assert!(migrations().validate().is_ok());
        let mut conn = Connection::open_in_memory().expect("memory db");
        to_latest(&mut conn).expect("migrate");
        assert_eq!(schema_version(&conn).expect("version"), LATEST);
        // Every entity table exists.
        for table in [
            "accounts",
            "factors",
            "account_factor_scores",
            "org_units",
            "stakeholders",
            "stakeholder_roles",
            "influences",
            "team_members",
            "coverage",
            "interactions",
            "interaction_stakeholders",
            "interaction_team_members",
            "stage_changes",
            "map_positions",
            "history_actions",
            "history_changes",
            "history_events",
        ] {
            let n: i64 = conn
                .query_row(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1",
                    [table],
                    |r| r.get(0),
                )
                .expect("query");
            assert_eq!(n, 1, "{table}");
        }
    }

    #[test]
    fn migration_names_are_numbered_in_order() {
        for (i, (name, _)) in MIGRATIONS.iter().enumerate() {
            assert!(name.starts_with(&format!("{:04}_", i + 1)), "{name}");
        }
    }
}
