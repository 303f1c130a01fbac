//! A large account (more than the map's 400-person threshold) on the real app window. Such
//! a map is drawn on the map's own layer, beneath Cytoscape's canvases: org-unit boxes,
//! ties and cards (Cytoscape keeps the people as invisible nodes to click, select and drag,
//! and holds no ties). Checked through the map's test hook and against the file:
//! - every person and tie in the network and the org chart, the org units as boxes, and the
//!   layer actually painted (screenshots of both layouts are CI artifacts);
//! - a tie picked with the mouse on the layer, deleted with the Delete key (gone from the
//!   map, which is read back from the file) and brought back with Ctrl+Z (in the file after
//!   the app quits);
//! - the SVG export holds every tie and every person.

use std::collections::BTreeSet;
use std::path::Path;
use std::time::{Duration, Instant};

use rapport_core::{AccountDetail, OrgUnitFields};
use rapport_store::Workspace;
use rapport_tests::{artifacts, env, keys, launch, Session, ShotOnFailure};
use serde_json::{json, Value};

type TestResult = Result<(), Box<dyn std::error::Error>>;
type Res<T> = Result<T, Box<dyn std::error::Error>>;

const ACCOUNT: &str = "Globex Holdings";
const PEOPLE: usize = 480;
const TIES: usize = 1500;
/// People per org unit (contiguous blocks), so 6 units.
const BLOCK: usize = 80;

const TITLES: [&str; 5] = [
    "Director",
    "Senior Manager, Procurement",
    "Solution Architect",
    "Analyst",
    "Head of Operations",
];
const ATTITUDES: [&str; 6] = [
    "champion",
    "supporter",
    "neutral",
    "sceptic",
    "opponent",
    "unknown",
];
const ROLES: [&str; 4] = ["user", "influencer,decider", "buyer", ""];
const KINDS: [&str; 4] = ["advisor", "ally", "rival", "informal"];

/// A small seeded generator (the test's account is the same every run).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % below as u64) as usize
    }
}

/// The account's GraphML: PEOPLE people, about TIES influence ties of every kind, and two
/// team members covering 40 people.
fn graphml() -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n\
         <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n\
         <key id=\"title\" for=\"node\" attr.name=\"title\" attr.type=\"string\"/>\n\
         <key id=\"attitude\" for=\"node\" attr.name=\"attitude\" attr.type=\"string\"/>\n\
         <key id=\"roles\" for=\"node\" attr.name=\"roles\" attr.type=\"string\"/>\n\
         <key id=\"team\" for=\"node\" attr.name=\"team\" attr.type=\"boolean\"/>\n\
         <key id=\"strength\" for=\"edge\" attr.name=\"strength\" attr.type=\"int\"/>\n\
         <key id=\"kind\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\"/>\n\
         <graph edgedefault=\"directed\">\n",
    );
    for i in 0..PEOPLE {
        xml.push_str(&format!(
            "<node id=\"n{i}\"><data key=\"name\">Person {i:03}</data><data key=\"title\">{}</data>\
             <data key=\"attitude\">{}</data><data key=\"roles\">{}</data></node>\n",
            TITLES[i % TITLES.len()],
            ATTITUDES[i % ATTITUDES.len()],
            ROLES[i % ROLES.len()],
        ));
    }
    for (t, name) in ["Large Map Lead", "Large Map Engineer"].iter().enumerate() {
        xml.push_str(&format!(
            "<node id=\"t{t}\"><data key=\"name\">{name}</data><data key=\"team\">true</data></node>\n"
        ));
        for k in 0..20 {
            xml.push_str(&format!(
                "<edge source=\"t{t}\" target=\"n{}\"><data key=\"strength\">{}</data></edge>\n",
                t * 20 + k * 7,
                1 + k % 5
            ));
        }
    }
    let mut r = Lcg(7);
    for k in 0..TIES {
        let a = r.next(PEOPLE);
        // mostly near in the list (the same unit), sometimes anywhere
        let b = if r.next(4) == 0 {
            (a + 1 + r.next(PEOPLE - 1)) % PEOPLE
        } else {
            (a + 1 + r.next(30)) % PEOPLE
        };
        xml.push_str(&format!(
            "<edge source=\"n{a}\" target=\"n{b}\"><data key=\"strength\">{}</data><data key=\"kind\">{}</data></edge>\n",
            1 + r.next(5),
            KINDS[k % KINDS.len()],
        ));
    }
    xml.push_str("</graph>\n</graphml>\n");
    xml
}

/// A new workspace at `file` with the demo and the large account, its people in six org
/// units (two levels) with reporting lines; returns the large account as stored.
fn large_file(file: &Path) -> Res<AccountDetail> {
    let today = chrono::Local::now().date_naive();
    let mut ws = Workspace::create(file)?;
    rapport_store::demo::write_demo(&mut ws, today)?;
    let account = ws.import_graphml(&graphml(), ACCOUNT)?.account_id;
    let root = ws.create_org_unit(&OrgUnitFields {
        account_id: account,
        name: "Group Operations".into(),
        parent_id: None,
    })?;
    let mut units = vec![root];
    for name in ["Finance", "Technology", "Procurement", "Sales", "Service"] {
        units.push(ws.create_org_unit(&OrgUnitFields {
            account_id: account,
            name: name.into(),
            parent_id: Some(root),
        })?);
    }
    let mut people = ws.account_detail(account)?.stakeholders;
    people.sort_by(|a, b| a.fields.name.cmp(&b.fields.name));
    let ids: Vec<i64> = people.iter().map(|p| p.id).collect();
    for (i, person) in people.iter().enumerate() {
        let block = i / BLOCK;
        let first = block * BLOCK;
        let mut fields = person.fields.clone();
        fields.org_unit_id = Some(units[block % units.len()]);
        // a tree in each unit (four reports each); a unit's head reports to the group's head
        fields.reports_to = if i == first {
            (i > 0).then(|| ids[0])
        } else {
            Some(ids[first + (i - first - 1) / 4])
        };
        ws.update_stakeholder(person.id, &fields)?;
    }
    Ok(ws.account_detail(account)?)
}

fn summary(s: &Session) -> Res<Value> {
    Ok(s.execute(
        "return window.__rapportMap ? window.__rapportMap.summary() : null;",
        vec![],
    )?)
}

/// The summary once the map shows `layout`, has stopped moving and `ready` accepts it.
fn wait_map(s: &Session, layout: &str, ready: impl Fn(&Value) -> bool) -> Res<Value> {
    let started = Instant::now();
    let mut last = Value::Null;
    let mut same = 0;
    loop {
        let v = summary(s)?;
        let settled = !v.is_null() && v["layout"] == layout && v["busy"] == false;
        let key = if settled {
            json!([v["nodes"], v["edges"].as_array().map(Vec::len)])
        } else {
            Value::Null
        };
        if settled && key == last {
            same += 1;
            if same >= 2 && ready(&v) {
                return Ok(v);
            }
        } else {
            same = 0;
        }
        last = key;
        if started.elapsed() > Duration::from_secs(60) {
            return Err(format!("the large map never settled in {layout}").into());
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

fn of_kind<'a>(v: &'a Value, list: &str, kind: &'a str) -> Vec<&'a Value> {
    v[list]
        .as_array()
        .map(|a| a.iter().filter(|e| e["kind"] == kind).collect())
        .unwrap_or_default()
}

fn refs(items: &[&Value]) -> BTreeSet<i64> {
    items.iter().filter_map(|e| e["ref"].as_i64()).collect()
}

/// Every person, influence tie and coverage tie of `d` is on the map (and nothing else).
fn assert_drawn_equals_file(v: &Value, d: &AccountDetail, layout: &str) {
    let people: BTreeSet<i64> = d.stakeholders.iter().map(|p| p.id).collect();
    assert_eq!(
        refs(&of_kind(v, "nodes", "stakeholder")),
        people,
        "{layout}: people"
    );
    let ties: BTreeSet<i64> = d.influences.iter().map(|i| i.id).collect();
    assert_eq!(
        refs(&of_kind(v, "edges", "influence")),
        ties,
        "{layout}: influence ties"
    );
    let coverage: BTreeSet<i64> = d.coverage.iter().map(|c| c.id).collect();
    assert_eq!(
        refs(&of_kind(v, "edges", "coverage")),
        coverage,
        "{layout}: coverage ties"
    );
}

/// The layer is on and painted over a good part of the map (a blank map fails).
fn assert_layer_painted(s: &Session, layout: &str) -> TestResult {
    let layer = s.execute("return window.__rapportMap.layer();", vec![])?;
    assert_eq!(layer["shown"], true, "{layout}: the map layer is shown");
    let painted = layer["painted"].as_u64().unwrap_or_default();
    assert!(
        painted > 5_000,
        "{layout}: the map layer is nearly blank ({painted} sampled pixels painted)"
    );
    Ok(())
}

fn click_at(s: &Session, x: f64, y: f64) -> TestResult {
    s.perform_actions(json!({ "actions": [{
        "type": "pointer",
        "id": "mouse",
        "parameters": { "pointerType": "mouse" },
        "actions": [
            { "type": "pointerMove", "duration": 0, "origin": "viewport",
              "x": x.round() as i64, "y": y.round() as i64 },
            { "type": "pointerDown", "button": 0 },
            { "type": "pointerUp", "button": 0 },
        ],
    }] }))?;
    s.release_actions()?;
    Ok(())
}

/// The large account's influence ties in the file once the app has let go of it (it keeps
/// an exclusive lock while it runs; the session has just been deleted).
fn stored_ties(file: &Path) -> Res<BTreeSet<i64>> {
    let started = Instant::now();
    loop {
        match Workspace::open_read_only(file) {
            Ok(ws) => {
                let id = ws.account_named(ACCOUNT)?.ok_or("no large account")?;
                return Ok(ws
                    .account_detail(id)?
                    .influences
                    .iter()
                    .map(|i| i.id)
                    .collect());
            }
            Err(e) if started.elapsed() > Duration::from_secs(15) => {
                return Err(format!("the file stays locked after the app quit: {e}").into())
            }
            Err(_) => std::thread::sleep(Duration::from_millis(200)),
        }
    }
}

#[test]
fn a_large_map_draws_everyone_picks_and_deletes_a_tie_and_exports_it_all() -> TestResult {
    let Some(env) = env() else { return Ok(()) };
    let dir = tempfile::tempdir()?;
    let file = dir.path().join("large.rapport");
    let detail = large_file(&file)?;
    assert!(detail.stakeholders.len() == PEOPLE && detail.influences.len() > 1000);

    let s = launch(&env, &dir.path().join("data"), &file)?;
    let shot = ShotOnFailure::new(&s, artifacts().join("failed-large-map.png"));
    let item = s.find_with_text("[data-testid=account-item]", ACCOUNT)?;
    s.click(&item)?;
    s.find_with_text("[data-testid=account-title]", ACCOUNT)?;
    s.click_css("[data-testid=tab-map]")?;
    s.find("[data-testid=map-canvas]")?;
    s.execute(
        "document.querySelector('[data-testid=map-canvas]').scrollIntoView({ block: 'end' });",
        vec![],
    )?;

    // the network: everyone, every tie, painted on the layer
    s.click_css("[data-testid=map-layout-network]")?;
    let v = wait_map(&s, "network", |v| {
        v["nodes"].as_array().map(Vec::len) >= Some(PEOPLE)
    })?;
    assert_drawn_equals_file(&v, &detail, "network");
    assert_layer_painted(&s, "network")?;
    std::thread::sleep(Duration::from_millis(400));
    s.screenshot(&artifacts().join("map-large-network.png"))?;

    // a tie picked with the mouse on the layer, deleted with Delete, back with Ctrl+Z
    let mut picked = None;
    for e in of_kind(&v, "edges", "influence") {
        let id = e["id"].as_str().unwrap_or_default().to_string();
        let p = s.execute(
            "return window.__rapportMap.tiePoint(arguments[0]);",
            vec![json!(id)],
        )?;
        if let (Some(x), Some(y)) = (p["x"].as_f64(), p["y"].as_f64()) {
            picked = Some((id, e["ref"].as_i64().unwrap_or_default(), x, y));
            break;
        }
    }
    let (tie, tie_ref, x, y) = picked.ok_or("no influence tie can be clicked in view")?;
    click_at(&s, x, y)?;
    let started = Instant::now();
    loop {
        let v = summary(&s)?;
        if v["selected"] == json!([tie]) {
            break;
        }
        if started.elapsed() > Duration::from_secs(10) {
            return Err(format!("clicking the tie {tie} selected {}", v["selected"]).into());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let canvas = s.find("[data-testid=map-canvas]")?;
    s.send_keys(&canvas, keys::DELETE)?;
    let after = wait_map(&s, "network", |v| {
        !of_kind(v, "edges", "influence")
            .iter()
            .any(|e| e["id"] == tie)
    })?;
    assert_eq!(
        of_kind(&after, "edges", "influence").len(),
        detail.influences.len() - 1,
        "exactly the picked tie is gone from the map"
    );
    s.ctrl_key("z")?;
    let back = wait_map(&s, "network", |v| {
        of_kind(v, "edges", "influence")
            .iter()
            .any(|e| e["id"] == tie)
    })?;
    assert_drawn_equals_file(&back, &detail, "network after undo");

    // the people pickers fill in when reached for: a pointer over "Path to…"
    let options = |s: &Session| -> Res<u64> {
        Ok(s.execute(
            "return document.querySelectorAll('[data-testid=map-path-select] option').length;",
            vec![],
        )?
        .as_u64()
        .unwrap_or_default())
    };
    assert_eq!(options(&s)?, 1, "the path picker waits to be reached for");
    let at = s.execute(
        "const r = document.querySelector('[data-testid=map-path-select]').getBoundingClientRect();
         return [r.left + r.width / 2, r.top + r.height / 2];",
        vec![],
    )?;
    s.pointer_move(
        at[0].as_f64().unwrap_or_default(),
        at[1].as_f64().unwrap_or_default(),
    )?;
    let started = Instant::now();
    while options(&s)? != PEOPLE as u64 + 1 {
        if started.elapsed() > Duration::from_secs(10) {
            return Err(format!("the path picker holds {} options", options(&s)?).into());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    // … and the path overlay works on the layer: the path to a covered person's contact
    let target = detail
        .influences
        .iter()
        .find(|i| {
            detail
                .coverage
                .iter()
                .any(|c| c.fields.stakeholder_id == i.fields.from_id)
        })
        .map(|i| i.fields.to_id)
        .ok_or("nobody two steps from our team")?;
    s.select_by_value("[data-testid=map-path-select]", &target.to_string())?;
    wait_map(&s, "network", |v| {
        v["path"]["people"]
            .as_array()
            .and_then(|p| p.last())
            .is_some_and(|p| p["id"] == target && p["team"] == false)
    })?;
    assert_layer_painted(&s, "network with the path")?;
    s.screenshot(&artifacts().join("map-large-path.png"))?;
    s.select_by_value("[data-testid=map-path-select]", "")?;

    // the SVG export holds every tie and every person
    let svg = s.execute("return window.__rapportMap.svg('whole');", vec![])?;
    let svg = svg.as_str().ok_or("no SVG")?;
    let doc = roxmltree::Document::parse(svg)?;
    let ties_group = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("ties"))
        .ok_or("the SVG has no ties")?;
    assert_eq!(
        ties_group.children().filter(|n| n.is_element()).count(),
        detail.influences.len() + detail.coverage.len(),
        "the SVG draws every tie"
    );
    let texts: String = doc
        .descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join(" ");
    for p in &detail.stakeholders {
        assert!(
            texts.contains(&p.fields.name),
            "the SVG names {}",
            p.fields.name
        );
    }

    // the org chart: the units as boxes, the reporting lines, everyone on the layer
    s.click_css("[data-testid=map-layout-org_chart]")?;
    let v = wait_map(&s, "org_chart", |v| {
        v["nodes"].as_array().map(Vec::len) >= Some(PEOPLE)
    })?;
    assert_drawn_equals_file(&v, &detail, "org chart");
    let groups: BTreeSet<String> = v["groups"]
        .as_array()
        .map(|g| {
            g.iter()
                .filter_map(|x| x["name"].as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default();
    let expected: BTreeSet<String> = detail
        .org_units
        .iter()
        .map(|u| u.fields.name.clone())
        .collect();
    assert_eq!(groups, expected, "every org unit is drawn as a box");
    let reporting = detail
        .stakeholders
        .iter()
        .filter(|p| p.fields.reports_to.is_some())
        .count();
    assert_eq!(
        of_kind(&v, "edges", "reports").len(),
        reporting,
        "every reporting line"
    );
    assert_layer_painted(&s, "org chart")?;
    std::thread::sleep(Duration::from_millis(400));
    s.screenshot(&artifacts().join("map-large-org-chart.png"))?;
    shot.passed();
    drop(s);

    // the file: the tie deleted and brought back by undo is there, and nothing else changed
    let ties = stored_ties(&file)?;
    assert!(
        ties.contains(&tie_ref),
        "undo brought the tie back into the file"
    );
    assert_eq!(ties.len(), detail.influences.len());
    Ok(())
}
