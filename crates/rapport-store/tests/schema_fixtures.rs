//! Workspace files of every historic schema (`tests/fixtures/schema/v<N>.rapport` at the
//! repository root) open in today's Rapport: they migrate to the latest schema, pass
//! `integrity_check`, and read back exactly what was written into them, with the CLV
//! defaults for files older than schema 3, no saved map positions before schema 4, and
//! a working undo history for files that have one (schema 2 on).
//!
//! The fixtures are written by `write_fixture` below with `migrate::to_version` and
//! plain SQL, as the Rapport of that schema wrote them. They are committed and never
//! rewritten: `committed_fixtures_are_what_the_generator_writes` fails if a released
//! migration was edited. When a migration `000N` is added, write the new `vN.rapport`
//! (existing files are left alone) with
//!
//! ```text
//! RAPPORT_WRITE_SCHEMA_FIXTURES=1 cargo test -p rapport-store --test schema_fixtures
//! ```

mod durability;

use std::path::{Path, PathBuf};

use durability::compare::differences;
use rapport_core::*;
use rapport_store::{migrate, Workspace, APPLICATION_ID};
use rusqlite::Connection;

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/schema")
}

fn fixture(version: usize) -> PathBuf {
    fixture_dir().join(format!("v{version}.rapport"))
}

/// Schema 1 content, the same in every fixture. Contoso Bank is written as tier
/// 'standard'; Grace Hopper and Contoso's tier 'key' come later (as recorded actions
/// where the schema has a history).
const CONTENT: &str = "
INSERT INTO workspace_meta (key, value) VALUES ('created_by', 'rapport 0.1.0');
INSERT INTO factors (id, axis, name, weight, position) VALUES
    (1, 'attractiveness', 'Revenue potential', 3.0, 0),
    (2, 'attractiveness', 'Growth of the customer', 2.0, 1),
    (3, 'attractiveness', 'Margin potential', 2.0, 2),
    (4, 'attractiveness', 'Strategic fit', 1.0, 3),
    (5, 'relationship', 'Share of wallet', 2.0, 4),
    (6, 'relationship', 'Depth of contacts', 2.0, 5),
    (7, 'relationship', 'Customer satisfaction', 2.0, 6),
    (8, 'relationship', 'Supplier status', 1.0, 7);
INSERT INTO accounts (id, name, industry, region, tier, annual_revenue, annual_margin, notes) VALUES
    (1, 'Northwind Telecom', 'Telecommunications', 'APAC', 'strategic', 12500000.5, 1875000.25, 'Renewal 2027 · 续约'),
    (2, 'Contoso Bank', 'Banking', 'EMEA', 'standard', 3200000, 410000, '');
INSERT INTO account_factor_scores (id, account_id, factor_id, score) VALUES (1, 1, 1, 4), (2, 1, 5, 3);
INSERT INTO org_units (id, account_id, name, parent_id) VALUES (1, 1, 'Board', NULL), (2, 1, 'IT', 1);
INSERT INTO stakeholders (id, account_id, name, title, org_unit_id, reports_to, dotted_to,
        economic_buyer, coach, attitude, power, interest, org_needs, personal_wins,
        last_contact, notes, placeholder) VALUES
    (1, 1, 'Ada Lovelace', 'CEO', 1, NULL, NULL, 1, 0, 'champion', 5, 4, 'uptime', 'legacy', '2025-11-03', '', 0),
    (2, 1, '李伟', 'CTO', 2, 1, NULL, 0, 1, 'sceptic', 4, 5, '', '', NULL, 'prefers email', 0),
    (3, 1, 'Bo Placeholder', '', NULL, 2, 1, 0, 0, 'unknown', 3, 3, '', '', NULL, '', 1);
INSERT INTO stakeholder_roles (id, stakeholder_id, role) VALUES
    (1, 1, 'decider'), (2, 1, 'approver'), (3, 2, 'user'), (4, 2, 'influencer');
INSERT INTO influences (id, account_id, from_id, to_id, strength, kind, note) VALUES
    (1, 1, 2, 1, 4, 'advisor', 'weekly 1:1'), (2, 1, 3, 2, 2, 'informal', '');
INSERT INTO team_members (id, name, role) VALUES (1, 'Mei Chen', 'account_lead'), (2, 'Tom Ruiz', 'solution_engineer');
INSERT INTO coverage (id, team_member_id, stakeholder_id, strength, last_contact, note) VALUES
    (1, 1, 1, 4, '2025-10-20', 'quarterly review'), (2, 2, 2, 3, NULL, '');
INSERT INTO interactions (id, account_id, date, kind, summary, sentiment) VALUES
    (1, 1, '2025-09-01', 'workshop', 'roadmap', 'positive');
INSERT INTO interaction_stakeholders (id, interaction_id, stakeholder_id) VALUES (1, 1, 2), (2, 1, 3);
INSERT INTO interaction_team_members (id, interaction_id, team_member_id) VALUES (1, 1, 1);
INSERT INTO stage_changes (id, account_id, date, stage, evidence) VALUES
    (1, 1, '2024-01-15', 'basic', 'first order'), (2, 1, '2025-06-30', 'cooperative', 'preferred supplier');
";

const GRACE: &str = "
INSERT INTO stakeholders (id, account_id, name, title, attitude, power, interest, last_contact)
    VALUES (4, 2, 'Grace Hopper', 'CIO', 'neutral', 4, 3, '2025-10-28');
INSERT INTO stakeholder_roles (id, stakeholder_id, role) VALUES (5, 4, 'buyer');
";

const CONTOSO_KEY: &str = "UPDATE accounts SET tier = 'key' WHERE id = 2;";

const NORTHWIND_CLV: &str = "
INSERT INTO account_clv (id, account_id, retention, discount_rate, horizon_years, acquisition_cost)
    VALUES (1, 1, 0.9, 0.08, 7, 25000);
";

/// Schema 4: where the user dragged Ada, Mei and 李伟 on Northwind's maps.
const NORTHWIND_MAP: &str = "
INSERT INTO map_positions (id, account_id, layout, stakeholder_id, team_member_id, x, y) VALUES
    (1, 1, 'org_chart', 1, NULL, 120.5, -40.25),
    (2, 1, 'org_chart', NULL, 1, 300, 80),
    (3, 1, 'network', 2, NULL, -0.125, 1000000);
";

fn expected_positions(version: usize, layout: MapLayout) -> Vec<MapPosition> {
    let at = |node, x, y| MapPosition { node, x, y };
    match (version >= 4, layout) {
        (false, _) => vec![],
        (true, MapLayout::OrgChart) => vec![
            at(MapNode::Stakeholder(1), 120.5, -40.25),
            at(MapNode::TeamMember(1), 300.0, 80.0),
        ],
        (true, MapLayout::Network) => vec![at(MapNode::Stakeholder(2), -0.125, 1e6)],
    }
}

/// The recorded actions of a fixture with a history, oldest first: (verb, entity,
/// name, SQL).
fn recorded_actions(
    version: usize,
) -> Vec<(&'static str, &'static str, &'static str, &'static str)> {
    let mut actions = vec![
        ("create", "stakeholder", "Grace Hopper", GRACE),
        ("update", "account", "Contoso Bank", CONTOSO_KEY),
    ];
    if version >= 3 {
        actions.push(("update", "account", "Northwind Telecom", NORTHWIND_CLV));
    }
    if version >= 4 {
        actions.push(("update", "map", "Northwind Telecom", NORTHWIND_MAP));
    }
    actions
}

/// Writes the fixture of schema `version` as the Rapport of that schema did: WAL, the
/// content above, and from schema 2 on the later changes as recorded actions (the
/// history triggers of migration 0002 fill `history_changes`). 1 KiB pages keep it
/// small; the file is checkpointed and closed, so no -wal or -shm file is left.
fn write_fixture(path: &Path, version: usize) {
    let mut conn = Connection::open(path).expect("create fixture");
    conn.pragma_update(None, "page_size", 1024)
        .expect("page size");
    conn.pragma_update(None, "application_id", APPLICATION_ID)
        .expect("application id");
    let mode: String = conn
        .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))
        .expect("wal");
    assert_eq!(mode, "wal");
    conn.pragma_update(None, "foreign_keys", "ON").expect("fk");
    migrate::to_version(&mut conn, version).expect("old schema");
    conn.execute_batch(CONTENT).expect("content");
    if version == 1 {
        conn.execute_batch(GRACE).expect("grace");
        conn.execute_batch(CONTOSO_KEY).expect("contoso");
    } else {
        for (i, (verb, entity, name, sql)) in recorded_actions(version).into_iter().enumerate() {
            let id = i as i64 + 1;
            conn.execute(
                "INSERT INTO history_actions (id, verb, entity, name, at, undone)
                 VALUES (?1, ?2, ?3, ?4, ?5, 0)",
                rusqlite::params![
                    id,
                    verb,
                    entity,
                    name,
                    format!("2025-11-04T09:3{id}:00.000Z")
                ],
            )
            .expect("history action");
            if version >= 5 {
                // Schema 5 notes when each action took effect (as of a date).
                conn.execute(
                    "INSERT INTO history_events (action_id, kind, at)
                     SELECT id, 'do', at FROM history_actions WHERE id = ?1",
                    [id],
                )
                .expect("history event");
            }
            conn.execute(
                "UPDATE history_recorder SET action_id = ?1 WHERE id = 1",
                [id],
            )
            .expect("record");
            conn.execute_batch(sql).expect("action");
            conn.execute(
                "UPDATE history_recorder SET action_id = NULL WHERE id = 1",
                [],
            )
            .expect("stop recording");
        }
    }
    conn.execute_batch("VACUUM").expect("vacuum");
    conn.close().map_err(|(_, e)| e).expect("close");
}

/// What today's Rapport must read from the fixture of schema `version`.
fn expected_accounts(version: usize) -> Vec<AccountDetail> {
    let person = |id: Id, account_id: Id, name: &str| Stakeholder {
        id,
        fields: StakeholderFields {
            account_id,
            name: name.into(),
            title: String::new(),
            org_unit_id: None,
            reports_to: None,
            dotted_to: None,
            roles: vec![],
            economic_buyer: false,
            coach: false,
            attitude: Attitude::Unknown,
            power: 3,
            interest: 3,
            org_needs: String::new(),
            personal_wins: String::new(),
            last_contact: None,
            notes: String::new(),
            placeholder: false,
        },
    };
    let mut ada = person(1, 1, "Ada Lovelace");
    ada.fields.title = "CEO".into();
    ada.fields.org_unit_id = Some(1);
    ada.fields.economic_buyer = true;
    ada.fields.attitude = Attitude::Champion;
    ada.fields.power = 5;
    ada.fields.interest = 4;
    ada.fields.org_needs = "uptime".into();
    ada.fields.personal_wins = "legacy".into();
    ada.fields.last_contact = Some("2025-11-03".into());
    ada.fields.roles = vec![BuyingRole::Decider, BuyingRole::Approver];
    let mut li = person(2, 1, "李伟");
    li.fields.title = "CTO".into();
    li.fields.org_unit_id = Some(2);
    li.fields.reports_to = Some(1);
    li.fields.coach = true;
    li.fields.attitude = Attitude::Sceptic;
    li.fields.power = 4;
    li.fields.interest = 5;
    li.fields.notes = "prefers email".into();
    li.fields.roles = vec![BuyingRole::User, BuyingRole::Influencer];
    let mut bo = person(3, 1, "Bo Placeholder");
    bo.fields.reports_to = Some(2);
    bo.fields.dotted_to = Some(1);
    bo.fields.placeholder = true;
    let mut grace = person(4, 2, "Grace Hopper");
    grace.fields.title = "CIO".into();
    grace.fields.attitude = Attitude::Neutral;
    grace.fields.power = 4;
    grace.fields.last_contact = Some("2025-10-28".into());
    grace.fields.roles = vec![BuyingRole::Buyer];

    let northwind_clv = if version >= 3 {
        ClvInputs {
            retention: 0.9,
            discount_rate: 0.08,
            horizon_years: 7,
            acquisition_cost: 25_000.0,
        }
    } else {
        ClvInputs::default()
    };
    let contoso = AccountDetail {
        account: Account {
            id: 2,
            fields: AccountFields {
                name: "Contoso Bank".into(),
                industry: "Banking".into(),
                region: "EMEA".into(),
                tier: Tier::Key,
                annual_revenue: 3_200_000.0,
                annual_margin: 410_000.0,
                factor_scores: vec![],
                clv: ClvInputs::default(),
                notes: String::new(),
            },
        },
        org_units: vec![],
        stakeholders: vec![grace],
        influences: vec![],
        coverage: vec![],
        interactions: vec![],
        stage_changes: vec![],
    };
    let northwind = AccountDetail {
        account: Account {
            id: 1,
            fields: AccountFields {
                name: "Northwind Telecom".into(),
                industry: "Telecommunications".into(),
                region: "APAC".into(),
                tier: Tier::Strategic,
                annual_revenue: 12_500_000.5,
                annual_margin: 1_875_000.25,
                factor_scores: vec![
                    FactorScore {
                        factor_id: 1,
                        score: 4,
                    },
                    FactorScore {
                        factor_id: 5,
                        score: 3,
                    },
                ],
                clv: northwind_clv,
                notes: "Renewal 2027 · 续约".into(),
            },
        },
        org_units: vec![
            OrgUnit {
                id: 1,
                fields: OrgUnitFields {
                    account_id: 1,
                    name: "Board".into(),
                    parent_id: None,
                },
            },
            OrgUnit {
                id: 2,
                fields: OrgUnitFields {
                    account_id: 1,
                    name: "IT".into(),
                    parent_id: Some(1),
                },
            },
        ],
        // By name: Latin before Han.
        stakeholders: vec![ada, bo, li],
        influences: vec![
            Influence {
                id: 1,
                fields: InfluenceFields {
                    account_id: 1,
                    from_id: 2,
                    to_id: 1,
                    strength: 4,
                    kind: InfluenceKind::Advisor,
                    note: "weekly 1:1".into(),
                },
            },
            Influence {
                id: 2,
                fields: InfluenceFields {
                    account_id: 1,
                    from_id: 3,
                    to_id: 2,
                    strength: 2,
                    kind: InfluenceKind::Informal,
                    note: String::new(),
                },
            },
        ],
        coverage: vec![
            Coverage {
                id: 1,
                fields: CoverageFields {
                    team_member_id: 1,
                    stakeholder_id: 1,
                    strength: 4,
                    last_contact: Some("2025-10-20".into()),
                    note: "quarterly review".into(),
                },
            },
            Coverage {
                id: 2,
                fields: CoverageFields {
                    team_member_id: 2,
                    stakeholder_id: 2,
                    strength: 3,
                    last_contact: None,
                    note: String::new(),
                },
            },
        ],
        interactions: vec![Interaction {
            id: 1,
            fields: InteractionFields {
                account_id: 1,
                date: "2025-09-01".into(),
                kind: InteractionKind::Workshop,
                stakeholder_ids: vec![2, 3],
                team_member_ids: vec![1],
                summary: "roadmap".into(),
                sentiment: Sentiment::Positive,
            },
        }],
        stage_changes: vec![
            StageChange {
                id: 1,
                fields: StageChangeFields {
                    account_id: 1,
                    date: "2024-01-15".into(),
                    stage: Stage::Basic,
                    evidence: "first order".into(),
                },
            },
            StageChange {
                id: 2,
                fields: StageChangeFields {
                    account_id: 1,
                    date: "2025-06-30".into(),
                    stage: Stage::Cooperative,
                    evidence: "preferred supplier".into(),
                },
            },
        ],
    };
    // The sidebar's order: by name.
    vec![contoso, northwind]
}

fn expected_team() -> Vec<TeamMember> {
    vec![
        TeamMember {
            id: 1,
            fields: TeamMemberFields {
                name: "Mei Chen".into(),
                role: TeamRole::AccountLead,
            },
        },
        TeamMember {
            id: 2,
            fields: TeamMemberFields {
                name: "Tom Ruiz".into(),
                role: TeamRole::SolutionEngineer,
            },
        },
    ]
}

fn raw_version(path: &Path) -> i64 {
    let conn = Connection::open(path).expect("open raw");
    migrate::schema_version(&conn).expect("version")
}

#[test]
fn committed_fixtures_are_what_the_generator_writes() {
    let write = std::env::var_os("RAPPORT_WRITE_SCHEMA_FIXTURES").is_some();
    let scratch = tempfile::tempdir().expect("dir");
    for version in 1..=migrate::LATEST as usize {
        let committed = fixture(version);
        if write && !committed.exists() {
            std::fs::create_dir_all(fixture_dir()).expect("mkdir");
            write_fixture(&committed, version);
            eprintln!("wrote {}", committed.display());
        }
        assert!(
            committed.exists(),
            "no fixture for schema {version}: run RAPPORT_WRITE_SCHEMA_FIXTURES=1 \
             cargo test -p rapport-store --test schema_fixtures, and commit {}",
            committed.display()
        );
        let fresh = scratch.path().join(format!("v{version}.rapport"));
        write_fixture(&fresh, version);
        // Compare a copy: even reading a WAL-mode file may create -shm beside it.
        let copy = scratch.path().join(format!("committed-v{version}.rapport"));
        std::fs::copy(&committed, &copy).expect("copy");
        let diff = differences(&copy, &fresh, &[]).expect("compare");
        assert!(
            diff.is_empty(),
            "{} no longer matches migrations 1..={version}: a released migration was \
             edited (add a new one instead): {diff:#?}",
            committed.display()
        );
    }
    // Only the database files are committed: no WAL or shared-memory leftovers.
    for entry in std::fs::read_dir(fixture_dir()).expect("list fixtures") {
        let name = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        assert!(
            !name.ends_with("-wal") && !name.ends_with("-shm") && !name.ends_with("-journal"),
            "{name} must not be in tests/fixtures/schema"
        );
    }
}

/// The history of every schema answers "as of": before the fixture's recorded actions
/// (2025-11-04, from schema 2 on) the workspace is as it was then; after them, as it is
/// now; and changes made after the migration have their dates too.
#[test]
fn every_schema_fixture_answers_as_of() {
    let day = |d: &str| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").expect("date");
    for version in 1..=migrate::LATEST as usize {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join(format!("v{version}.rapport"));
        std::fs::copy(fixture(version), &path).expect("copy fixture");
        let mut ws = Workspace::open(&path).expect("open and migrate");
        let expected = expected_accounts(version);
        let after = ws
            .all_account_details_as_of(day("2025-11-05"))
            .expect("as of after");
        assert_eq!(after, expected, "v{version}");
        let before = ws
            .all_account_details_as_of(day("2025-11-03"))
            .expect("as of before");
        if version == 1 {
            // No history: the past is the present.
            assert_eq!(before, expected, "v{version}");
        } else {
            assert_eq!(before[0].account.fields.tier, Tier::Standard, "v{version}");
            assert!(
                before[0].stakeholders.is_empty(),
                "v{version}: no Grace yet"
            );
            assert_eq!(before[1].account.fields.clv, ClvInputs::default());
            assert_eq!(before[1].stakeholders, expected[1].stakeholders);
        }
        // An edit made today, stamped 2030-01-01, is there from that day on only.
        let stamp = chrono::DateTime::parse_from_rfc3339("2030-01-01T12:00:00Z")
            .expect("time")
            .to_utc();
        ws.set_clock_for_tests(Some(stamp));
        ws.delete_stakeholder(2).expect("delete Li Wei");
        let northwind = expected[1].account.id;
        let then = ws
            .account_detail_as_of(northwind, day("2029-12-31"))
            .expect("before the edit");
        assert_eq!(then, expected[1], "v{version}");
        let now = ws
            .account_detail_as_of(northwind, day("2030-01-02"))
            .expect("after the edit");
        assert_eq!(now, ws.account_detail(northwind).expect("now"));
        assert!(now.stakeholders.iter().all(|s| s.id != 2), "v{version}");
    }
}

#[test]
fn every_schema_fixture_opens_migrates_and_keeps_its_content() {
    for version in 1..=migrate::LATEST as usize {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join(format!("v{version}.rapport"));
        std::fs::copy(fixture(version), &path).expect("copy fixture");
        let size = std::fs::metadata(&path).expect("size").len();
        assert!(size <= 128 * 1024, "v{version}.rapport is {size} bytes");
        assert_eq!(
            raw_version(&path),
            version as i64,
            "v{version} before opening"
        );

        let mut ws = Workspace::open(&path).expect("open and migrate");
        assert_eq!(ws.schema_version().expect("version"), migrate::LATEST);
        assert_eq!(ws.integrity_check().expect("check"), "ok", "v{version}");
        let expected = expected_accounts(version);
        assert_eq!(
            ws.all_account_details().expect("read"),
            expected,
            "v{version}"
        );
        assert_eq!(ws.list_team_members().expect("team"), expected_team());
        let positions = |ws: &Workspace| -> Vec<Vec<MapPosition>> {
            [MapLayout::OrgChart, MapLayout::Network]
                .map(|layout| ws.map_positions(1, layout).expect("positions"))
                .to_vec()
        };
        let expected_maps = vec![
            expected_positions(version, MapLayout::OrgChart),
            expected_positions(version, MapLayout::Network),
        ];
        assert_eq!(positions(&ws), expected_maps, "v{version}");
        let factors = ws.list_factors().expect("factors");
        assert_eq!(factors.len(), 8, "v{version}");
        assert_eq!(factors[0].fields.name, "Revenue potential");
        assert_eq!(factors[0].fields.axis, FactorAxis::Attractiveness);

        // The history written by the old schema undoes and redoes in today's.
        let actions = if version == 1 {
            vec![]
        } else {
            recorded_actions(version)
        };
        for (_, entity, name, _) in actions.iter().rev() {
            let state = ws.history_state().expect("history");
            let label = state.undo_label.expect("an action to undo");
            assert_eq!((label.entity.code(), label.name.as_str()), (*entity, *name));
            ws.undo().expect("undo");
        }
        assert!(!ws.history_state().expect("history").can_undo, "v{version}");
        if version >= 2 {
            let before = ws.all_account_details().expect("read");
            assert_eq!(before[0].account.fields.tier, Tier::Standard);
            assert!(before[0].stakeholders.is_empty(), "Grace undone");
            assert_eq!(before[1].account.fields.clv, ClvInputs::default());
            assert!(positions(&ws).iter().all(Vec::is_empty), "v{version}");
            for _ in &actions {
                ws.redo().expect("redo");
            }
            assert_eq!(ws.all_account_details().expect("read"), expected);
            assert_eq!(positions(&ws), expected_maps, "v{version}");
        }

        // New actions are recorded and undoable (the history triggers exist).
        let p = ws
            .create_stakeholder(&StakeholderFields {
                account_id: 2,
                name: "New Person".into(),
                title: String::new(),
                org_unit_id: None,
                reports_to: None,
                dotted_to: None,
                roles: vec![],
                economic_buyer: false,
                coach: false,
                attitude: Attitude::Supporter,
                power: 2,
                interest: 2,
                org_needs: String::new(),
                personal_wins: String::new(),
                last_contact: None,
                notes: String::new(),
                placeholder: false,
            })
            .expect("a new action");
        let mut fields = expected[1].account.fields.clone();
        fields.clv.horizon_years = 12;
        ws.update_account(1, &fields).expect("edit CLV");
        let grace_at = [MapPosition {
            node: MapNode::Stakeholder(4),
            x: 1.5,
            y: 2.5,
        }];
        ws.save_map_positions(2, MapLayout::Network, &grace_at)
            .expect("place Grace");
        assert_eq!(
            ws.map_positions(2, MapLayout::Network).expect("read"),
            grace_at
        );
        ws.undo().expect("undo the placing");
        assert!(ws
            .map_positions(2, MapLayout::Network)
            .expect("read")
            .is_empty());
        ws.undo().expect("undo CLV");
        ws.undo().expect("undo new person");
        assert_eq!(ws.all_account_details().expect("read"), expected);
        ws.redo().expect("redo");
        drop(ws);
        let ws = Workspace::open(&path).expect("reopen");
        assert_eq!(ws.integrity_check().expect("check"), "ok");
        assert!(ws
            .account_detail(2)
            .expect("detail")
            .stakeholders
            .iter()
            .any(|s| s.id == p));
    }
}
