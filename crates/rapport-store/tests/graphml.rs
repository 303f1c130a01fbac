//! GraphML import and export on real workspace files: the files Gephi, yEd and
//! NetworkX write, every refused value named in its error with nothing written, one
//! undo step per import, and export → import round trips (markup, quotes, 中文).

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use common::*;
use proptest::prelude::*;
use rapport_core::*;
use rapport_store::{EntityKind, StoreError, Verb, Workspace};

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/graphml")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A stakeholder as compared across workspaces: everything the format carries.
type PersonKey = (String, String, Vec<BuyingRole>, Attitude, u8, u8);

fn people(ws: &Workspace, account: Id) -> BTreeSet<PersonKey> {
    let detail = ws.account_detail(account).expect("detail");
    detail
        .stakeholders
        .iter()
        .map(|s| {
            let f = &s.fields;
            (
                f.name.clone(),
                f.title.clone(),
                f.roles.clone(),
                f.attitude,
                f.power,
                f.interest,
            )
        })
        .collect()
}

/// Influence ties as (from name, to name, strength, kind), coverage ties as (team
/// member name, stakeholder name, strength).
type Ties = (
    BTreeSet<(String, String, u8, InfluenceKind)>,
    BTreeSet<(String, String, u8)>,
);

fn ties(ws: &Workspace, account: Id) -> Ties {
    let detail = ws.account_detail(account).expect("detail");
    let team = ws.list_team_members().expect("team");
    let person = |id: Id| {
        detail
            .stakeholders
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.fields.name.clone())
            .expect("stakeholder of the account")
    };
    let member = |id: Id| {
        team.iter()
            .find(|m| m.id == id)
            .map(|m| m.fields.name.clone())
            .expect("team member")
    };
    let influences = detail
        .influences
        .iter()
        .map(|t| {
            let f = &t.fields;
            (person(f.from_id), person(f.to_id), f.strength, f.kind)
        })
        .collect();
    let coverage = detail
        .coverage
        .iter()
        .map(|c| {
            let f = &c.fields;
            (
                member(f.team_member_id),
                person(f.stakeholder_id),
                f.strength,
            )
        })
        .collect();
    (influences, coverage)
}

fn account_id(ws: &Workspace, name: &str) -> Id {
    ws.account_named(name)
        .expect("lookup")
        .expect("account exists")
}

#[test]
fn a_networkx_file_imports_people_roles_attitudes_and_ties() {
    let mut t = temp_workspace();
    let summary =
        t.ws.import_graphml(&fixture("networkx.graphml"), "Northwind Telecom")
            .expect("import");
    assert_eq!(summary.account_name, "Northwind Telecom");
    assert!(summary.account_created);
    assert_eq!(
        (
            summary.stakeholders,
            summary.team_members,
            summary.team_members_created,
            summary.influences,
            summary.coverage,
            summary.merged_ties
        ),
        (4, 2, 2, 4, 3, 0)
    );
    let a = summary.account_id;
    let detail = t.ws.account_detail(a).expect("detail");
    assert_eq!(detail.account.fields.tier, Tier::Standard);
    let expected: BTreeSet<PersonKey> = [
        (
            "Ada Okafor",
            "Chief Executive Officer",
            vec![BuyingRole::Decider, BuyingRole::Approver],
            Attitude::Neutral,
            5,
            3,
        ),
        (
            "李伟",
            "CTO",
            vec![BuyingRole::Influencer, BuyingRole::Decider],
            Attitude::Champion,
            4,
            5,
        ),
        (
            "Jonas Berg",
            "Head of Procurement",
            vec![BuyingRole::Buyer, BuyingRole::Gatekeeper],
            Attitude::Sceptic,
            3,
            4,
        ),
        (
            "Priya Nair",
            "Lead Architect",
            vec![BuyingRole::User, BuyingRole::Influencer],
            Attitude::Unknown,
            2,
            3,
        ),
    ]
    .into_iter()
    .map(|(n, t, r, a, p, i)| (n.to_string(), t.to_string(), r, a, p, i))
    .collect();
    assert_eq!(people(&t.ws, a), expected);
    let (influences, coverage) = ties(&t.ws, a);
    let s = |x: &str| x.to_string();
    assert_eq!(
        influences,
        BTreeSet::from([
            (s("李伟"), s("Ada Okafor"), 4, InfluenceKind::Advisor),
            (s("Priya Nair"), s("李伟"), 5, InfluenceKind::ReportsTo),
            (s("Jonas Berg"), s("Ada Okafor"), 2, InfluenceKind::Informal),
            (s("Jonas Berg"), s("Priya Nair"), 3, InfluenceKind::Rival),
        ])
    );
    assert_eq!(
        coverage,
        BTreeSet::from([
            (s("Mei Chen"), s("李伟"), 4),
            (s("Mei Chen"), s("Priya Nair"), 3),
            (s("Sam Ortiz"), s("Ada Okafor"), 2),
        ])
    );
    let team: Vec<(String, TeamRole)> =
        t.ws.list_team_members()
            .expect("team")
            .into_iter()
            .map(|m| (m.fields.name, m.fields.role))
            .collect();
    assert_eq!(
        team,
        vec![
            (s("Mei Chen"), TeamRole::Other),
            (s("Sam Ortiz"), TeamRole::Other)
        ]
    );
}

#[test]
fn a_yed_file_takes_names_from_node_labels_and_flattens_groups() {
    let mut t = temp_workspace();
    let summary =
        t.ws.import_graphml(&fixture("yed.graphml"), "Vogel AG")
            .expect("import");
    assert_eq!((summary.stakeholders, summary.influences), (4, 3));
    let a = summary.account_id;
    let names: BTreeSet<(String, u8)> = people(&t.ws, a).into_iter().map(|p| (p.0, p.4)).collect();
    // The group "IT" is not a person; its members are. A node whose label is empty
    // is named by its id. Key defaults (power 3) apply.
    let s = |x: &str| x.to_string();
    assert_eq!(
        names,
        BTreeSet::from([
            (s("Karin Vogel"), 5),
            (s("Tomás Ruiz"), 3),
            (s("Ngozi Adeyemi"), 2),
            (s("n2"), 3),
        ])
    );
    let (influences, _) = ties(&t.ws, a);
    assert!(influences.contains(&(
        s("Ngozi Adeyemi"),
        s("Tomás Ruiz"),
        3,
        InfluenceKind::Informal
    )));
}

#[test]
fn an_undirected_graph_gives_influence_both_ways_and_one_coverage_tie() {
    let mut t = temp_workspace();
    let summary =
        t.ws.import_graphml(&fixture("gephi-undirected.graphml"), "Lind Group")
            .expect("import");
    assert_eq!(
        (
            summary.stakeholders,
            summary.team_members,
            summary.influences,
            summary.coverage
        ),
        (3, 1, 4, 1)
    );
    let a = summary.account_id;
    let s = |x: &str| x.to_string();
    let (influences, coverage) = ties(&t.ws, a);
    assert_eq!(
        influences,
        BTreeSet::from([
            (s("Olu Bamidele"), s("Sara Lind"), 4, InfluenceKind::Ally),
            (s("Sara Lind"), s("Olu Bamidele"), 4, InfluenceKind::Ally),
            (s("Sara Lind"), s("Eva Novak"), 3, InfluenceKind::Informal),
            (s("Eva Novak"), s("Sara Lind"), 3, InfluenceKind::Informal),
        ])
    );
    assert_eq!(
        coverage,
        BTreeSet::from([(s("Mei Chen"), s("Olu Bamidele"), 5)])
    );
    let olu = people(&t.ws, a)
        .into_iter()
        .find(|p| p.0 == "Olu Bamidele")
        .expect("Olu");
    assert_eq!(olu.3, Attitude::Supporter, "attitude codes ignore case");
}

/// A small document with Rapport's keys declared (ids equal to names).
fn doc(edgedefault: &str, body: &str) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n",
    );
    for (key, domain) in [
        ("name", "node"),
        ("title", "node"),
        ("roles", "node"),
        ("attitude", "node"),
        ("power", "node"),
        ("interest", "node"),
        ("team", "node"),
        ("strength", "edge"),
        ("kind", "edge"),
    ] {
        xml.push_str(&format!(
            "  <key id=\"{key}\" for=\"{domain}\" attr.name=\"{key}\" attr.type=\"string\"/>\n"
        ));
    }
    xml.push_str(&format!(
        "  <graph edgedefault=\"{edgedefault}\">\n{body}\n  </graph>\n</graphml>\n"
    ));
    xml
}

const PAIR: &str = r#"<node id="a"><data key="name">Ada</data></node>
<node id="b"><data key="name">Bo</data></node>"#;

#[test]
fn directed_false_on_an_edge_and_repeated_edges_keep_the_strongest_tie_of_each_kind() {
    let mut t = temp_workspace();
    let body = format!(
        r#"{PAIR}
<node id="m"><data key="name">Mei</data><data key="team">1</data></node>
<edge source="a" target="b" directed="false"><data key="strength">2</data></edge>
<edge source="a" target="b"><data key="strength">4</data></edge>
<edge source="a" target="b"><data key="strength">3</data><data key="kind">advisor</data></edge>
<edge source="a" target="b"><data key="strength">5</data><data key="kind">advisor</data></edge>
<edge source="b" target="a"><data key="strength">1</data><data key="kind">informal</data></edge>
<edge source="m" target="a"><data key="strength">2</data></edge>
<edge source="a" target="m" directed="false"><data key="strength">5</data></edge>"#
    );
    let summary =
        t.ws.import_graphml(&doc("directed", &body), "Pairs")
            .expect("import");
    assert_eq!(
        (summary.influences, summary.coverage, summary.merged_ties),
        (3, 1, 4)
    );
    let s = |x: &str| x.to_string();
    let (influences, coverage) = ties(&t.ws, summary.account_id);
    assert_eq!(
        influences,
        BTreeSet::from([
            (s("Ada"), s("Bo"), 4, InfluenceKind::Informal),
            (s("Ada"), s("Bo"), 5, InfluenceKind::Advisor),
            (s("Bo"), s("Ada"), 2, InfluenceKind::Informal),
        ])
    );
    assert_eq!(coverage, BTreeSet::from([(s("Mei"), s("Ada"), 5)]));
}

#[test]
fn every_demo_account_round_trips_including_parallel_ties_of_different_kinds() {
    let mut t = temp_workspace();
    rapport_store::demo::write_demo(
        &mut t.ws,
        chrono::NaiveDate::from_ymd_opt(2026, 3, 16).expect("date"),
    )
    .expect("demo");
    let originals = t.ws.list_accounts().expect("accounts");
    let mut parallel = 0;
    for original in &originals {
        let xml = t.ws.export_graphml(original.id).expect("export");
        let summary =
            t.ws.import_graphml(&xml, &format!("{} (copy)", original.name))
                .expect("import");
        assert_eq!(summary.merged_ties, 0, "{}", original.name);
        assert_eq!(summary.team_members_created, 0, "{}", original.name);
        assert_eq!(
            people(&t.ws, summary.account_id),
            people(&t.ws, original.id)
        );
        let mut before = tie_list(&t.ws, original.id);
        let mut after = tie_list(&t.ws, summary.account_id);
        before.sort();
        after.sort();
        assert_eq!(after, before, "{}", original.name);
        assert_eq!(ties(&t.ws, summary.account_id), ties(&t.ws, original.id));
        parallel += before
            .windows(2)
            .filter(|w| (&w[0].0, &w[0].1) == (&w[1].0, &w[1].1))
            .count();
    }
    assert!(parallel > 0, "the demo has people tied in two ways");
}

/// Influence ties as a list (so that a lost duplicate would show).
fn tie_list(ws: &Workspace, account: Id) -> Vec<(String, String, u8, InfluenceKind)> {
    let detail = ws.account_detail(account).expect("detail");
    let name = |id: Id| {
        detail
            .stakeholders
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.fields.name.clone())
            .expect("person")
    };
    detail
        .influences
        .iter()
        .map(|t| {
            (
                name(t.fields.from_id),
                name(t.fields.to_id),
                t.fields.strength,
                t.fields.kind,
            )
        })
        .collect()
}

#[test]
fn keys_are_found_by_attr_name_or_id_in_any_case_with_defaults_and_typed_values() {
    let mut t = temp_workspace();
    let xml = r#"<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="k1" for="node" attr.name="Power" attr.type="double"><default>2.0</default></key>
  <key id="k2" for="all" attr.name="Strength" attr.type="int"/>
  <key id="k3" for="node" attr.name="Full name" attr.type="string"/>
  <graph edgedefault="directed">
    <node id="a"><data key="name">Ada</data><data key="k1">4.0</data><data key="interest">5</data></node>
    <node id="b"><data key="label">Bo</data><data key="k1"> </data><data key="attitude">OPPONENT</data></node>
    <node id="c"><data key="NAME">Cy</data><data key="k3">ignored</data></node>
    <edge source="a" target="b"><data key="k2">1.0</data></edge>
  </graph>
</graphml>"#;
    let summary = t.ws.import_graphml(xml, "Keys").expect("import");
    let got: BTreeSet<(String, Attitude, u8, u8)> = people(&t.ws, summary.account_id)
        .into_iter()
        .map(|p| (p.0, p.3, p.4, p.5))
        .collect();
    let s = |x: &str| x.to_string();
    assert_eq!(
        got,
        BTreeSet::from([
            (s("Ada"), Attitude::Unknown, 4, 5),
            (s("Bo"), Attitude::Opponent, 2, 3),
            (s("Cy"), Attitude::Unknown, 2, 3),
        ])
    );
    let (influences, _) = ties(&t.ws, summary.account_id);
    assert_eq!(
        influences,
        BTreeSet::from([(s("Ada"), s("Bo"), 1, InfluenceKind::Informal)])
    );
}

#[test]
fn an_import_appends_to_an_existing_account_and_reuses_team_members_by_name() {
    let mut t = temp_workspace();
    let a =
        t.ws.create_account(&account("Northwind Telecom"))
            .expect("account");
    let ada =
        t.ws.create_stakeholder(&stakeholder(a, "Ada Okafor"))
            .expect("ada");
    let mei =
        t.ws.create_team_member(&TeamMemberFields {
            name: "Mei Chen".into(),
            role: TeamRole::AccountLead,
        })
        .expect("mei");
    t.ws.create_coverage(&CoverageFields {
        team_member_id: mei,
        stakeholder_id: ada,
        strength: 5,
        last_contact: None,
        note: String::new(),
    })
    .expect("coverage");
    // Letter case may differ when no other account could be meant.
    let summary =
        t.ws.import_graphml(&fixture("networkx.graphml"), "northwind telecom")
            .expect("import");
    assert_eq!(summary.account_id, a);
    assert_eq!(summary.account_name, "Northwind Telecom");
    assert!(!summary.account_created);
    assert_eq!((summary.team_members, summary.team_members_created), (2, 1));
    let detail = t.ws.account_detail(a).expect("detail");
    assert_eq!(
        detail.stakeholders.len(),
        5,
        "appended; two are named Ada Okafor"
    );
    assert_eq!(detail.coverage.len(), 4);
    let team = t.ws.list_team_members().expect("team");
    assert_eq!(team.len(), 2);
    assert_eq!(
        team[0].fields.role,
        TeamRole::AccountLead,
        "Mei kept her role"
    );
    assert_eq!(t.ws.list_accounts().expect("accounts").len(), 1);
}

#[test]
fn undo_removes_everything_an_import_wrote_and_redo_restores_it() {
    let mut t = temp_workspace();
    let a = t.ws.create_account(&account("Northwind")).expect("account");
    t.ws.create_stakeholder(&stakeholder(a, "Existing"))
        .expect("person");
    let before = (
        t.ws.list_accounts().expect("accounts"),
        t.ws.account_detail(a).expect("detail"),
        t.ws.list_team_members().expect("team"),
    );
    t.ws.import_graphml(&fixture("networkx.graphml"), "Northwind")
        .expect("import into existing");
    t.ws.import_graphml(&fixture("gephi-undirected.graphml"), "Brand New")
        .expect("import into new");
    let after = (
        t.ws.list_accounts().expect("accounts"),
        t.ws.account_detail(a).expect("detail"),
        t.ws.list_team_members().expect("team"),
    );
    let label =
        t.ws.history_state()
            .expect("history")
            .undo_label
            .expect("label");
    assert_eq!(
        (label.verb, label.entity, label.name.as_str()),
        (Verb::Import, EntityKind::Account, "Brand New")
    );

    t.ws.undo().expect("undo the new account");
    assert!(t.ws.account_named("Brand New").expect("lookup").is_none());
    let state = t.ws.undo().expect("undo the append");
    assert_eq!(
        (
            t.ws.list_accounts().expect("accounts"),
            t.ws.account_detail(a).expect("detail"),
            t.ws.list_team_members().expect("team"),
        ),
        before
    );
    assert_eq!(
        state.redo_label.expect("redo").name,
        "Northwind",
        "one step per import"
    );
    t.ws.redo().expect("redo");
    t.ws.redo().expect("redo");
    let redone = (
        t.ws.list_accounts().expect("accounts"),
        t.ws.account_detail(a).expect("detail"),
        t.ws.list_team_members().expect("team"),
    );
    assert_eq!(redone, after);
    assert_eq!(t.ws.integrity_check().expect("check"), "ok");
}

/// Every row of every table, for "nothing was written" checks.
fn dump(path: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(path).expect("open");
    let tables: Vec<String> = {
        let mut stmt = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .expect("tables");
        let rows = stmt.query_map([], |r| r.get(0)).expect("query");
        rows.collect::<rusqlite::Result<_>>().expect("names")
    };
    let mut lines = Vec::new();
    for table in tables {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM \"{table}\""))
            .expect("select");
        let n = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                (0..n)
                    .map(|i| r.get::<_, rusqlite::types::Value>(i))
                    .collect::<rusqlite::Result<Vec<_>>>()
            })
            .expect("rows");
        for row in rows {
            lines.push(format!("{table}: {:?}", row.expect("row")));
        }
    }
    lines
}

/// A closed workspace file holding an account with people, ties and history.
fn populated_file() -> (tempfile::TempDir, PathBuf) {
    let mut t = temp_workspace();
    t.ws.import_graphml(&fixture("networkx.graphml"), "Northwind")
        .expect("seed import");
    let a = account_id(&t.ws, "Northwind");
    t.ws.create_stakeholder(&stakeholder(a, "Zoë"))
        .expect("person");
    drop(t.ws);
    (t.dir, t.path)
}

/// A refused document: (document, element, key, value, words of the message).
type Refusal<'a> = (String, &'a str, Option<&'a str>, Option<&'a str>, &'a str);

#[test]
fn every_invalid_value_is_named_and_nothing_is_written() {
    let long = "x".repeat(201);
    let cases: Vec<Refusal<'_>> = vec![
        (
            doc(
                "directed",
                r#"<node id="a"><data key="power">7</data></node>"#,
            ),
            r#"node "a""#,
            Some("power"),
            Some("7"),
            "whole number from 1 to 5",
        ),
        (
            doc(
                "directed",
                r#"<node id="a"><data key="power">3.5</data></node>"#,
            ),
            r#"node "a""#,
            Some("power"),
            Some("3.5"),
            "whole number from 1 to 5",
        ),
        (
            doc(
                "directed",
                r#"<node id="a"><data key="interest">high</data></node>"#,
            ),
            r#"node "a""#,
            Some("interest"),
            Some("high"),
            "whole number",
        ),
        (
            doc(
                "directed",
                r#"<node id="a"><data key="attitude">hostile</data></node>"#,
            ),
            r#"node "a""#,
            Some("attitude"),
            Some("hostile"),
            "champion, supporter",
        ),
        (
            doc(
                "directed",
                r#"<node id="a"><data key="roles">decider, cfo</data></node>"#,
            ),
            r#"node "a""#,
            Some("roles"),
            Some("decider, cfo"),
            "unknown role \"cfo\"",
        ),
        (
            doc(
                "directed",
                r#"<node id="a"><data key="team">yes</data></node>"#,
            ),
            r#"node "a""#,
            Some("team"),
            Some("yes"),
            "true, false, 1 or 0",
        ),
        (
            doc(
                "directed",
                &format!(r#"<node id="a"><data key="name">{long}</data></node>"#),
            ),
            r#"node "a""#,
            Some("name"),
            Some(long.as_str()),
            "201 characters long; the limit is 200",
        ),
        (
            doc(
                "directed",
                &format!(
                    r#"<node id="a"><data key="name">A</data><data key="title">{long}</data></node>"#
                ),
            ),
            r#"node "a""#,
            Some("title"),
            Some(long.as_str()),
            "the limit is 200",
        ),
        (
            doc("directed", r#"<node id="a"/><node id="a"/>"#),
            r#"node "a""#,
            Some("id"),
            Some("a"),
            "another node",
        ),
        (
            doc("directed", r#"<node><data key="name">Anon</data></node>"#),
            "node #1",
            None,
            None,
            "has no id",
        ),
        (
            doc(
                "directed",
                &format!(
                    r#"{PAIR}<edge id="e1" source="a" target="b"><data key="strength">0</data></edge>"#
                ),
            ),
            r#"edge "e1" (a → b)"#,
            Some("strength"),
            Some("0"),
            "whole number from 1 to 5",
        ),
        (
            doc(
                "directed",
                &format!(
                    r#"{PAIR}<edge source="a" target="b"><data key="strength">6</data></edge>"#
                ),
            ),
            "edge #1 (a → b)",
            Some("strength"),
            Some("6"),
            "whole number",
        ),
        (
            doc(
                "directed",
                &format!(
                    r#"{PAIR}<edge id="e1" source="a" target="b"><data key="kind">boss</data></edge>"#
                ),
            ),
            r#"edge "e1" (a → b)"#,
            Some("kind"),
            Some("boss"),
            "reports_to, advisor, ally, rival, informal",
        ),
        (
            doc(
                "directed",
                &format!(r#"{PAIR}<edge id="e1" source="a" target="a"/>"#),
            ),
            r#"edge "e1" (a → a)"#,
            None,
            None,
            "self-loops are not allowed",
        ),
        (
            doc(
                "directed",
                r#"<node id="m"><data key="team">true</data></node>
                   <node id="s"><data key="team">true</data></node>
                   <edge id="e9" source="m" target="s"/>"#,
            ),
            r#"edge "e9" (m → s)"#,
            None,
            None,
            "two team members",
        ),
        (
            doc(
                "directed",
                &format!(r#"{PAIR}<edge id="e1" source="a" target="zz"/>"#),
            ),
            r#"edge "e1" (a → zz)"#,
            Some("target"),
            Some("zz"),
            "not the id of a node",
        ),
        (
            doc("directed", &format!(r#"{PAIR}<edge id="e1" target="b"/>"#)),
            r#"edge "e1""#,
            Some("source"),
            None,
            "is missing",
        ),
        (
            doc(
                "directed",
                &format!(r#"{PAIR}<edge id="e1" source="a" target="b" directed="maybe"/>"#),
            ),
            r#"edge "e1" (a → b)"#,
            Some("directed"),
            Some("maybe"),
            "true or false",
        ),
        (
            doc("sideways", PAIR),
            "graph",
            Some("edgedefault"),
            Some("sideways"),
            "neither directed nor undirected",
        ),
        (
            doc(
                "directed",
                r#"<node id="g"><graph id="g:"><node id="g::a"/></graph></node>
                   <node id="b"/><edge id="e1" source="b" target="g"/>"#,
            ),
            r#"edge "e1" (b → g)"#,
            Some("target"),
            Some("g"),
            "group node",
        ),
        (
            doc(
                "directed",
                r#"<node id="a"/><hyperedge><endpoint node="a"/></hyperedge>"#,
            ),
            "",
            None,
            None,
            "hyperedges",
        ),
        (
            "<graphml><graph><node id=\"a\"></graph></graphml>".to_string(),
            "",
            None,
            None,
            "not well-formed XML",
        ),
        (
            "<gexf><graph/></gexf>".to_string(),
            "",
            None,
            None,
            "not <graphml>",
        ),
        (
            "<graphml/>".to_string(),
            "",
            None,
            None,
            "no <graph> element",
        ),
        (
            "<graphml><graph/><graph/></graphml>".to_string(),
            "",
            None,
            None,
            "2 graphs",
        ),
        (
            "<!DOCTYPE graphml [<!ENTITY x \"y\">]><graphml><graph/></graphml>".to_string(),
            "",
            None,
            None,
            "has a DTD",
        ),
    ];
    let (_dir, path) = populated_file();
    let bytes_before = std::fs::read(&path).expect("read");
    let rows_before = dump(&path);
    for (xml, element, key, value, words) in &cases {
        let mut ws = Workspace::open(&path).expect("open");
        let err = ws.import_graphml(xml, "Northwind").expect_err(words);
        let message = err.to_string();
        match &err {
            StoreError::GraphMl {
                element: e,
                key: k,
                value: v,
                ..
            } => {
                assert_eq!(e, element, "{message}");
                assert_eq!(k.as_deref(), *key, "{message}");
                assert_eq!(v.as_deref(), *value, "{message}");
            }
            other => panic!("{words}: not a GraphML error: {other:?}"),
        }
        assert!(message.starts_with("invalid GraphML: "), "{message}");
        assert!(message.contains(element), "{message}");
        if let Some(key) = key {
            assert!(message.contains(&format!("{key:?}")), "{message}");
        }
        if let Some(value) = value.filter(|v| v.len() < 60) {
            assert!(message.contains(&format!("{value:?}")), "{message}");
        }
        assert!(message.contains(words), "{message}");
        drop(ws);
        assert_eq!(dump(&path), rows_before, "{words}: rows unchanged");
    }
    assert_eq!(
        std::fs::read(&path).expect("read"),
        bytes_before,
        "bytes unchanged"
    );
    // A refused import into a new account does not create it either.
    let mut ws = Workspace::open(&path).expect("open");
    assert!(ws.import_graphml(&cases[0].0, "Nobody Yet").is_err());
    assert!(ws.account_named("Nobody Yet").expect("lookup").is_none());
}

#[test]
fn export_then_import_round_trips_people_ties_and_awkward_names() {
    let mut t = temp_workspace();
    let a =
        t.ws.create_account(&account("A & B \"Holdings\" <Ltd>"))
            .expect("account");
    let names = [
        "<img src=x onerror=alert(1)>",
        "A & B \"quoted\"",
        "中文 名字",
        "O'Brien\tTab",
        "]]> CDATA end",
    ];
    let attitudes = Attitude::ALL;
    let mut ids = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let mut f = stakeholder(a, name);
        f.title = format!("Title <{i}> & \"{name}\"");
        f.roles = BuyingRole::ALL[..i % 4].to_vec();
        f.attitude = attitudes[i % attitudes.len()];
        f.power = (i % 5) as u8 + 1;
        f.interest = 5 - (i % 5) as u8;
        ids.push(t.ws.create_stakeholder(&f).expect("person"));
    }
    for (i, kind) in InfluenceKind::ALL.iter().enumerate() {
        let mut tie = influence(a, ids[i], ids[(i + 1) % ids.len()]);
        tie.strength = (i % 5) as u8 + 1;
        tie.kind = *kind;
        t.ws.create_influence(&tie).expect("tie");
    }
    // Two people tied in two ways at once.
    let mut second = influence(a, ids[0], ids[1]);
    second.kind = InfluenceKind::Rival;
    second.strength = 2;
    t.ws.create_influence(&second).expect("parallel tie");
    for (i, name) in ["Mei & Co", "<b>Sam</b>"].iter().enumerate() {
        let m =
            t.ws.create_team_member(&TeamMemberFields {
                name: name.to_string(),
                role: TeamRole::SolutionEngineer,
            })
            .expect("member");
        for (j, s) in ids.iter().enumerate().skip(i) {
            t.ws.create_coverage(&CoverageFields {
                team_member_id: m,
                stakeholder_id: *s,
                strength: (j % 5) as u8 + 1,
                last_contact: None,
                note: String::new(),
            })
            .expect("coverage");
        }
    }
    // A team member who covers no one here is not exported.
    t.ws.create_team_member(&TeamMemberFields {
        name: "Elsewhere".into(),
        role: TeamRole::Other,
    })
    .expect("member");

    let export = t.ws.export_graphml_document(a).expect("export");
    assert_eq!(
        (
            export.stakeholders,
            export.team_members,
            export.influences,
            export.coverage
        ),
        (5, 2, 6, 9)
    );
    let xml = &export.xml;
    assert!(xml.contains("&lt;img src=x onerror=alert(1)&gt;"), "{xml}");
    assert!(xml.contains("A &amp; B &quot;quoted&quot;"), "{xml}");
    assert!(xml.contains("中文 名字"));
    assert!(!xml.contains("<img"), "no raw markup from data");
    assert!(!xml.contains("Elsewhere"));
    // Well-formed, directed, keys declared with their types.
    let parsed = roxmltree::Document::parse(xml).expect("well-formed XML");
    let root = parsed.root_element();
    let key_types: BTreeSet<(String, String)> = root
        .children()
        .filter(|c| c.has_tag_name("key"))
        .map(|k| {
            (
                k.attribute("attr.name").unwrap_or_default().to_string(),
                k.attribute("attr.type").unwrap_or_default().to_string(),
            )
        })
        .collect();
    for (name, kind) in [
        ("name", "string"),
        ("title", "string"),
        ("roles", "string"),
        ("attitude", "string"),
        ("power", "int"),
        ("interest", "int"),
        ("team", "boolean"),
        ("strength", "int"),
        ("kind", "string"),
    ] {
        assert!(
            key_types.contains(&(name.into(), kind.into())),
            "{name}: {key_types:?}"
        );
    }
    let graph = root
        .children()
        .find(|c| c.has_tag_name("graph"))
        .expect("graph");
    assert_eq!(graph.attribute("edgedefault"), Some("directed"));
    assert_eq!(
        t.ws.export_graphml(a).expect("export"),
        *xml,
        "deterministic"
    );

    let summary = t.ws.import_graphml(xml, "Copy").expect("re-import");
    assert!(summary.account_created);
    assert_eq!(
        summary.team_members_created, 0,
        "team members reused by name"
    );
    let copy = summary.account_id;
    assert_eq!(people(&t.ws, copy), people(&t.ws, a));
    assert_eq!(ties(&t.ws, copy), ties(&t.ws, a));

    // And through a file written atomically.
    let file = t.dir.path().join("out").join("northwind.graphml");
    std::fs::create_dir_all(file.parent().expect("parent")).expect("mkdir");
    std::fs::write(&file, "old contents").expect("write");
    rapport_store::graphml::write_atomically(&file, xml.as_bytes()).expect("write");
    let leftovers: Vec<_> = std::fs::read_dir(file.parent().expect("parent"))
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "no temp file left: {leftovers:?}");
    let text = std::fs::read(&file).expect("read");
    let decoded = rapport_store::graphml::decode(&text).expect("decode");
    assert_eq!(decoded, *xml);
}

#[test]
fn an_empty_account_exports_a_valid_empty_graph_and_unknown_ids_are_refused() {
    let mut t = temp_workspace();
    let a = t.ws.create_account(&account("Empty")).expect("account");
    let xml = t.ws.export_graphml(a).expect("export");
    roxmltree::Document::parse(&xml).expect("well-formed");
    let err = t.ws.export_graphml(a + 1000).expect_err("missing");
    assert!(
        matches!(
            err,
            StoreError::MissingRow {
                entity: "account",
                ..
            }
        ),
        "{err:?}"
    );
}

#[test]
fn files_in_utf16_or_with_a_byte_order_mark_decode() {
    let xml = fixture("networkx.graphml");
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(xml.as_bytes());
    assert_eq!(
        rapport_store::graphml::decode(&bom).expect("utf-8 bom"),
        xml
    );
    let mut le = vec![0xFF, 0xFE];
    le.extend(xml.encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(rapport_store::graphml::decode(&le).expect("utf-16le"), xml);
    let mut be = vec![0xFE, 0xFF];
    be.extend(xml.encode_utf16().flat_map(u16::to_be_bytes));
    assert_eq!(rapport_store::graphml::decode(&be).expect("utf-16be"), xml);
    let err = rapport_store::graphml::decode(b"<graphml>\xff</graphml>").expect_err("latin-1");
    assert!(err.to_string().contains("not UTF-8"), "{err}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Damaged files (cut short, bytes changed) never panic, and a refused one
    /// writes nothing.
    #[test]
    fn damaged_files_never_panic_and_refusals_write_nothing(
        cut in 0usize..4000,
        flips in proptest::collection::vec((0usize..4000, any::<u8>()), 0..4),
    ) {
        let original = fixture("networkx.graphml").into_bytes();
        let mut bytes = original[..cut.min(original.len())].to_vec();
        if cut >= original.len() {
            bytes = original.clone();
        }
        for (at, byte) in flips {
            if !bytes.is_empty() {
                let i = at % bytes.len();
                bytes[i] = byte;
            }
        }
        let mut ws = Workspace::in_memory().expect("workspace");
        let before = (ws.list_accounts().expect("accounts"), ws.history_state().expect("history"));
        let result = rapport_store::graphml::decode(&bytes)
            .and_then(|text| ws.import_graphml(&text, "Fuzz"));
        if result.is_err() {
            prop_assert_eq!(
                (ws.list_accounts().expect("accounts"), ws.history_state().expect("history")),
                before
            );
        }
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
        let mut ws = Workspace::in_memory().expect("workspace");
        let _ = ws.import_graphml(&text, "Fuzz");
        let wrapped = format!("<graphml><graph>{text}</graph></graphml>");
        let _ = ws.import_graphml(&wrapped, "Fuzz");
    }
}
