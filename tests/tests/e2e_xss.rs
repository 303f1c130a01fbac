//! The XSS suite on the real app window: payloads written through the store into
//! every text field, then every view opened; no payload may run (the hook
//! `window.__xss` stays unset, no element gains an event-handler attribute) and each
//! must be shown as literal text (on the map, whose canvas has no DOM text, the names it
//! draws are read through its test hook `window.__rapportMap`). Grow the views as they
//! land.

use rapport_core::*;
use rapport_store::Workspace;
use rapport_tests::{artifacts, env, keys, launch, Session};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// Each payload tries to set `window.__xss` if a view ever interprets it.
const PAYLOADS: &[&str] = &[
    "<script>window.__xss=1</script>",
    "<img src=x onerror=window.__xss=1>",
    "<svg onload=window.__xss=1>",
    "<svg><animate onbegin=window.__xss=1 attributeName=x dur=1s>",
    "\"><img src=x onerror=window.__xss=1>",
    "'><script>window.__xss=1</script>",
    "javascript:window.__xss=1",
    "<a href=\"javascript:window.__xss=1\">click</a>",
    "<iframe srcdoc=\"<script>parent.__xss=1</script>\"></iframe>",
    "<details open ontoggle=window.__xss=1>",
    "<input autofocus onfocus=window.__xss=1>",
    "<video><source onerror=window.__xss=1></video>",
    "<object data=\"javascript:window.__xss=1\"></object>",
    "<embed src=\"javascript:window.__xss=1\">",
    "<math><mi xlink:href=\"javascript:window.__xss=1\">m</mi></math>",
    "</style><style>*{background:url(\"javascript:window.__xss=1\")}</style>",
    "<div style=\"background-image:url(javascript:window.__xss=1)\">css</div>",
    "{{constructor.constructor('window.__xss=1')()}}",
    "${window.__xss=1}",
    "<img src=x onerror=eval(atob('d2luZG93Ll9feHNzPTE='))>",
    "\u{202e}gnp.exe\u{202c} bidi",
    "&lt;script&gt;window.__xss=1&lt;/script&gt;",
    "<base href=\"javascript:/\">",
    "<body onload=window.__xss=1>",
];

/// Writes the payloads into every text field of a workspace.
fn poisoned_workspace(path: &std::path::Path) -> Result<(), Box<dyn std::error::Error>> {
    let mut ws = Workspace::create(path)?;
    let account = ws.create_account(&AccountFields {
        name: "XSS Corp".into(),
        industry: PAYLOADS[0].into(),
        region: PAYLOADS[1].into(),
        tier: Tier::Strategic,
        annual_revenue: 1_000_000.0,
        annual_margin: 200_000.0,
        factor_scores: vec![],
        clv: ClvInputs::default(),
        notes: PAYLOADS.join("\n"),
    })?;
    // More accounts named by payloads: the sidebar and the portfolio list them.
    for p in &PAYLOADS[..4] {
        ws.create_account(&AccountFields {
            name: (*p).into(),
            industry: String::new(),
            region: String::new(),
            tier: Tier::Standard,
            annual_revenue: 1000.0,
            annual_margin: 100.0,
            factor_scores: vec![],
            clv: ClvInputs::default(),
            notes: String::new(),
        })?;
    }
    let unit = ws.create_org_unit(&OrgUnitFields {
        account_id: account,
        name: PAYLOADS[2].into(),
        parent_id: None,
    })?;
    let member = ws.create_team_member(&TeamMemberFields {
        name: PAYLOADS[3].into(),
        role: TeamRole::AccountLead,
    })?;
    let mut people = Vec::new();
    for (i, p) in PAYLOADS.iter().enumerate() {
        let id = ws.create_stakeholder(&StakeholderFields {
            account_id: account,
            name: (*p).into(),
            title: PAYLOADS[(i + 1) % PAYLOADS.len()].into(),
            org_unit_id: Some(unit),
            reports_to: people.first().copied(),
            dotted_to: None,
            roles: vec![BuyingRole::ALL[i % BuyingRole::ALL.len()]],
            economic_buyer: i == 0,
            coach: i == 1,
            attitude: Attitude::ALL[i % Attitude::ALL.len()],
            power: (i % 5 + 1) as u8,
            interest: 3,
            org_needs: (*p).into(),
            personal_wins: (*p).into(),
            last_contact: None,
            notes: (*p).into(),
            placeholder: false,
        })?;
        people.push(id);
    }
    for pair in people.windows(2) {
        ws.create_influence(&InfluenceFields {
            account_id: account,
            from_id: pair[1],
            to_id: pair[0],
            strength: 3,
            kind: InfluenceKind::Informal,
            note: PAYLOADS[5].into(),
        })?;
    }
    ws.create_coverage(&CoverageFields {
        team_member_id: member,
        stakeholder_id: people[1],
        strength: 4,
        last_contact: None,
        note: PAYLOADS[6].into(),
    })?;
    ws.create_interaction(&InteractionFields {
        account_id: account,
        date: "2026-10-01".into(),
        kind: InteractionKind::Meeting,
        stakeholder_ids: vec![people[0]],
        team_member_ids: vec![member],
        summary: PAYLOADS[7].into(),
        sentiment: Sentiment::Positive,
    })?;
    ws.create_stage_change(&StageChangeFields {
        account_id: account,
        date: "2026-01-01".into(),
        stage: Stage::Basic,
        evidence: PAYLOADS[8].into(),
    })?;
    Ok(())
}

/// Fails if a payload ran or left an element with an event handler behind.
fn assert_inert(s: &Session, view: &str) -> TestResult {
    let verdict = s.execute(
        "const handlers = [...document.querySelectorAll('*')]
            .filter(e => [...e.attributes].some(a => a.name.toLowerCase().startsWith('on')))
            .map(e => e.tagName);
         const injected = document.querySelectorAll(
            'iframe, object, embed, base, details[ontoggle], img[src=\"x\"], body script:not([src])');
         return { xss: window.__xss === undefined ? null : String(window.__xss),
                  handlers, injected: injected.length };",
        vec![],
    )?;
    assert!(verdict["xss"].is_null(), "{view}: a payload ran: {verdict}");
    assert_eq!(
        verdict["handlers"].as_array().map(Vec::len),
        Some(0),
        "{view}: elements with event handlers: {verdict}"
    );
    assert_eq!(
        verdict["injected"], 0,
        "{view}: injected elements: {verdict}"
    );
    Ok(())
}

/// True when `text` appears literally in the page's visible text.
fn shows(s: &Session, text: &str) -> Result<bool, Box<dyn std::error::Error>> {
    let found = s.execute(
        "return document.body.innerText.includes(arguments[0]);",
        vec![serde_json::Value::String(text.into())],
    )?;
    Ok(found.as_bool() == Some(true))
}

/// The map's summary (through its read-only test hook) once `layout` is drawn.
fn map_summary(s: &Session, layout: &str) -> Result<serde_json::Value, Box<dyn std::error::Error>> {
    let started = std::time::Instant::now();
    loop {
        let v = s.execute(
            "return window.__rapportMap ? window.__rapportMap.summary() : null;",
            vec![],
        )?;
        if v["layout"] == layout
            && v["busy"] == false
            && v["nodes"].as_array().is_some_and(|n| !n.is_empty())
        {
            return Ok(v);
        }
        if started.elapsed() > std::time::Duration::from_secs(20) {
            return Err(format!("the map never showed the {layout} layout: {v}").into());
        }
        std::thread::sleep(std::time::Duration::from_millis(150));
    }
}

/// Names the map draws for `kind` (the canvas has no DOM text to read).
fn map_names(v: &serde_json::Value, kind: &str) -> Vec<String> {
    v["nodes"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|n| n["kind"] == kind)
        .filter_map(|n| n["name"].as_str().map(str::to_string))
        .collect()
}

/// Both layouts of the map draw every payload name literally and run none; the path
/// overlay's caption names them as text.
fn check_map(s: &Session) -> TestResult {
    let mut people: Vec<String> = PAYLOADS.iter().map(|p| (*p).to_string()).collect();
    people.sort();
    for layout in ["org_chart", "network"] {
        s.click_css(&format!("[data-testid=map-layout-{layout}]"))?;
        let v = map_summary(s, layout)?;
        let mut drawn = map_names(&v, "stakeholder");
        drawn.sort();
        assert_eq!(drawn, people, "map ({layout}): every person's literal name");
        assert_eq!(
            map_names(&v, "team"),
            vec![PAYLOADS[3].to_string()],
            "map ({layout}): the team member's literal name"
        );
        if layout == "org_chart" {
            let groups: Vec<&str> = v["groups"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|g| g["name"].as_str())
                .collect();
            assert_eq!(groups, vec![PAYLOADS[2]], "map: the unit's literal name");
        }
        if layout == "network" {
            // Zoom to one person (search, Enter) so the screenshot shows names drawn.
            s.fill("[data-testid=map-search]", PAYLOADS[1])?;
            let search = s.find("[data-testid=map-search]")?;
            s.send_keys(&search, keys::ENTER)?;
        }
        s.execute(
            "document.querySelector('[data-testid=map-canvas]').scrollIntoView({ block: 'end' });",
            vec![],
        )?;
        std::thread::sleep(std::time::Duration::from_millis(700));
        assert_inert(s, &format!("map ({layout})"))?;
        s.screenshot(&artifacts().join(format!("xss-map-{layout}.png")))?;
    }
    // The best path to the first person: our member → the second person → the first.
    s.select_by_text("[data-testid=map-path-select]", PAYLOADS[0])?;
    let caption = s.find("[data-testid=map-path-caption]")?;
    let text = s.text(&caption)?;
    let path = format!("{} → {} → {}", PAYLOADS[3], PAYLOADS[1], PAYLOADS[0]);
    assert!(
        text.contains(&path),
        "map: the path caption shows {path:?}: {text:?}"
    );
    assert_inert(s, "map (path)")?;
    s.select_by_text("[data-testid=map-path-select]", "—")?;
    s.wait_count("[data-testid=map-path-caption]", 0)?;
    Ok(())
}

#[test]
fn payloads_in_every_field_never_run_and_show_as_text() -> TestResult {
    let Some(env) = env() else { return Ok(()) };
    let dir = tempfile::tempdir()?;
    let file = dir.path().join("xss.rapport");
    poisoned_workspace(&file)?;
    let s = launch(&env, &dir.path().join("data"), &file)?;
    assert_inert(&s, "sidebar")?;
    assert!(
        shows(&s, PAYLOADS[1])?,
        "an account named by a payload shows as text"
    );

    let item = s.find_with_text("[data-testid=account-item]", "XSS Corp")?;
    s.click(&item)?;
    s.find_with_text("[data-testid=account-title]", "XSS Corp")?;
    let mut views = 0;
    for tab in ["people", "timeline", "analysis", "map"] {
        s.click_css(&format!("[data-testid=tab-{tab}]"))?;
        std::thread::sleep(std::time::Duration::from_millis(400));
        assert_inert(&s, tab)?;
        views += 1;
        if tab == "people" {
            s.wait_count("[data-testid=stakeholder-row]", PAYLOADS.len())?;
            for p in PAYLOADS.iter().filter(|p| !p.contains('\u{202e}')) {
                assert!(shows(&s, p)?, "people: {p:?} is not shown as text");
            }
        }
        if tab == "analysis" {
            s.wait_count("[data-testid=analysis-row]", PAYLOADS.len())?;
            assert!(shows(&s, PAYLOADS[4])?, "analysis: names show as text");
        }
        if tab == "map" {
            check_map(&s)?;
            views += 1; // the map's two layouts
        }
        s.screenshot(&artifacts().join(format!("xss-{tab}.png")))?;
    }
    s.click_css("[data-testid=team-nav]")?;
    s.find("[data-testid=team-member-row]")?;
    assert_inert(&s, "team")?;
    assert!(
        shows(&s, PAYLOADS[3])?,
        "team: the member's name shows as text"
    );
    views += 1;
    s.click_css("[data-testid=nav-portfolio]")?;
    s.find("[data-testid=portfolio-page]")?;
    std::thread::sleep(std::time::Duration::from_millis(400));
    assert_inert(&s, "portfolio")?;
    assert!(
        shows(&s, PAYLOADS[2])?,
        "portfolio: account names show as text"
    );
    s.screenshot(&artifacts().join("xss-portfolio.png"))?;
    views += 1;
    println!(
        "xss: {} payloads in every text field, {views} views and the sidebar, none ran",
        PAYLOADS.len()
    );
    Ok(())
}
