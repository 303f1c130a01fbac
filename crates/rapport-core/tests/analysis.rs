//! The per-account analyses on small accounts checked by hand, and their invariants
//! on random accounts (proptest).

use chrono::NaiveDate;
use proptest::prelude::*;
use rapport_core::analysis::{
    account_headline, analyze_account, introduction_paths, weight, what_if, AccountInput, Removal,
    RiskKind,
};
use rapport_core::{
    Account, AccountDetail, AccountFields, Attitude, BuyingRole, ClvInputs, Coverage,
    CoverageFields, Id, Influence, InfluenceFields, InfluenceKind, Interaction, InteractionFields,
    InteractionKind, Sentiment, Stakeholder, StakeholderFields, TeamMember, TeamMemberFields,
    TeamRole, Tier,
};

/// Builds an account detail by hand.
#[derive(Debug, Clone)]
struct Builder {
    detail: AccountDetail,
    team: Vec<TeamMember>,
    next: Id,
}

impl Builder {
    fn new() -> Self {
        Builder {
            detail: AccountDetail {
                account: Account {
                    id: 1,
                    fields: AccountFields {
                        name: "Acme".into(),
                        industry: String::new(),
                        region: String::new(),
                        tier: Tier::Key,
                        annual_revenue: 0.0,
                        annual_margin: 0.0,
                        factor_scores: vec![],
                        clv: ClvInputs::default(),
                        notes: String::new(),
                    },
                },
                org_units: vec![],
                stakeholders: vec![],
                influences: vec![],
                coverage: vec![],
                interactions: vec![],
                stage_changes: vec![],
            },
            team: vec![],
            next: 100,
        }
    }

    fn id(&mut self) -> Id {
        self.next += 1;
        self.next
    }

    fn person(&mut self, name: &str, power: u8, attitude: Attitude, roles: &[BuyingRole]) -> Id {
        let id = self.id();
        self.detail.stakeholders.push(Stakeholder {
            id,
            fields: StakeholderFields {
                account_id: 1,
                name: name.into(),
                title: String::new(),
                org_unit_id: None,
                reports_to: None,
                dotted_to: None,
                roles: roles.to_vec(),
                economic_buyer: false,
                coach: false,
                attitude,
                power,
                interest: 3,
                org_needs: String::new(),
                personal_wins: String::new(),
                last_contact: None,
                notes: String::new(),
                placeholder: false,
            },
        });
        id
    }

    fn member(&mut self, name: &str) -> Id {
        let id = self.id();
        self.team.push(TeamMember {
            id,
            fields: TeamMemberFields {
                name: name.into(),
                role: TeamRole::AccountLead,
            },
        });
        id
    }

    fn tie(&mut self, from: Id, to: Id, strength: u8) {
        let id = self.id();
        self.detail.influences.push(Influence {
            id,
            fields: InfluenceFields {
                account_id: 1,
                from_id: from,
                to_id: to,
                strength,
                kind: InfluenceKind::Informal,
                note: String::new(),
            },
        });
    }

    fn cover(&mut self, member: Id, person: Id, strength: u8, last: Option<&str>) {
        let id = self.id();
        self.detail.coverage.push(Coverage {
            id,
            fields: CoverageFields {
                team_member_id: member,
                stakeholder_id: person,
                strength,
                last_contact: last.map(String::from),
                note: String::new(),
            },
        });
    }

    fn meet(&mut self, date: &str, people: &[Id]) {
        let id = self.id();
        self.detail.interactions.push(Interaction {
            id,
            fields: InteractionFields {
                account_id: 1,
                date: date.into(),
                kind: InteractionKind::Meeting,
                stakeholder_ids: people.to_vec(),
                team_member_ids: vec![],
                summary: String::new(),
                sentiment: Sentiment::Neutral,
            },
        });
    }

    fn set(&mut self, id: Id, edit: impl FnOnce(&mut StakeholderFields)) {
        if let Some(s) = self.detail.stakeholders.iter_mut().find(|s| s.id == id) {
            edit(&mut s.fields);
        }
    }

    fn input(&self) -> AccountInput<'_> {
        AccountInput {
            detail: &self.detail,
            team: &self.team,
            today: day("2026-01-01"),
        }
    }
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a valid test date")
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

/// A influences B and C; our T covers B (3) and C (5).
struct Star {
    b: Builder,
    a: Id,
    bb: Id,
    c: Id,
    t: Id,
}

fn star() -> Star {
    let mut b = Builder::new();
    let a = b.person("Ann", 2, Attitude::Opponent, &[BuyingRole::Decider]);
    let bb = b.person("Bo", 4, Attitude::Champion, &[BuyingRole::User]);
    let c = b.person("Cy", 4, Attitude::Unknown, &[BuyingRole::User]);
    b.set(a, |f| f.economic_buyer = true);
    b.tie(a, bb, 5);
    b.tie(a, c, 5);
    let t = b.member("Tess");
    b.cover(t, bb, 3, Some("2025-12-01"));
    b.cover(t, c, 5, None);
    b.meet("2025-06-01", &[c]);
    Star { b, a, bb, c, t }
}

#[test]
fn influence_coverage_and_support_of_a_star_by_hand() {
    let s = star();
    let r = analyze_account(&s.b.input());
    // Listens-to ties B→A and C→A: A is a dangling hub. With leaf score l and hub h:
    // l = 0.15/3 + 0.85·h/3 and h + 2l = 1.
    let l = (0.05 + 0.85 / 3.0) / (1.0 + 2.0 * 0.85 / 3.0);
    let h = 1.0 - 2.0 * l;
    let get = |id: Id| {
        r.stakeholders
            .iter()
            .find(|x| x.id == id)
            .expect("every stakeholder is scored")
    };
    assert!(close(get(s.a).network_influence, h));
    assert!(close(get(s.bb).network_influence, l));
    let i_a = 0.5 * 2.0 / 5.0 + 0.5;
    let i_b = 0.5 * 4.0 / 5.0 + 0.5 * l / h;
    assert!(close(get(s.a).blended_influence, i_a));
    assert!(close(get(s.bb).blended_influence, i_b));
    assert!(close(get(s.c).blended_influence, i_b));
    assert_eq!(r.stakeholders[0].id, s.a, "most influential first");
    // A sits on the only path between B and C: the one pair of (n−1)(n−2)/2 = 1.
    assert!(close(get(s.a).brokerage, 1.0));
    assert!(close(get(s.bb).brokerage, 0.0));
    // Hidden influencer: top third by PR with power ≤ 2.
    assert!(get(s.a).hidden_influencer);
    assert!(!get(s.bb).hidden_influencer);
    // Coverage.
    assert!(close(get(s.a).coverage, 0.0));
    assert!(close(get(s.bb).coverage, 0.6));
    assert!(close(get(s.c).coverage, 1.0));
    let coverage = (i_b * 0.6 + i_b * 1.0) / (i_a + 2.0 * i_b);
    assert!(
        close(r.account_coverage, coverage),
        "{}",
        r.account_coverage
    );
    let support = (i_a * -2.0 + i_b * 2.0) / (2.0 * (i_a + 2.0 * i_b));
    assert!(close(r.support_balance, support));
    // Roles: decider held by A only, uncovered; user covered at 1.0.
    let decider = r
        .role_coverage
        .iter()
        .find(|x| x.role == BuyingRole::Decider)
        .expect("decider is held");
    assert!(decider.uncovered && close(decider.best_coverage, 0.0));
    assert!(close(decider.support_balance, -1.0));
    let user = r
        .role_coverage
        .iter()
        .find(|x| x.role == BuyingRole::User)
        .expect("user is held");
    assert!(!user.uncovered && close(user.best_coverage, 1.0));
    assert_eq!(r.role_coverage.len(), 2, "only held roles are listed");
    assert_eq!(r.economic_buyer.as_ref().map(|p| p.id), Some(s.a));
}

#[test]
fn risks_of_a_star_name_people_and_say_why() {
    let s = star();
    let r = analyze_account(&s.b.input());
    let kinds: Vec<RiskKind> = r.risks.iter().map(|x| x.kind).collect();
    assert!(
        !kinds.contains(&RiskKind::SingleThreaded),
        "two people at ≥ 3"
    );
    let eb = r
        .risks
        .iter()
        .find(|x| x.kind == RiskKind::UncoveredEconomicBuyer)
        .expect("the uncovered economic buyer is flagged");
    assert_eq!(eb.people[0].id, s.a);
    assert!(eb.reason.contains("Ann"), "{}", eb.reason);
    assert!(
        !kinds.contains(&RiskKind::UncoveredDecider),
        "the economic buyer is flagged once"
    );
    let opp = r
        .risks
        .iter()
        .find(|x| x.kind == RiskKind::InfluentialOpponent)
        .expect("Ann opposes with I = 0.7");
    assert!(close(opp.value.unwrap_or_default(), 0.7));
    // Stale: Ann never contacted, Cy last met 214 days ago; Bo covered 31 days ago.
    let stale: Vec<(Id, Option<f64>)> = r
        .risks
        .iter()
        .filter(|x| x.kind == RiskKind::StaleRelationship)
        .map(|x| (x.people[0].id, x.value))
        .collect();
    assert!(stale.contains(&(s.a, None)));
    assert!(stale.contains(&(s.c, Some(214.0))));
    assert!(!stale.iter().any(|(id, _)| *id == s.bb));
    let unknown = r
        .risks
        .iter()
        .find(|x| x.kind == RiskKind::UnknownAttitude)
        .expect("Cy is in the top five with an unknown attitude");
    assert_eq!(unknown.people.len(), 1);
    // Without Tess, coverage falls to 0: she is the key person.
    let key = r.key_person.as_ref().expect("a key person");
    assert_eq!((key.person.id, key.person.team), (s.t, true));
    assert!(close(key.coverage_drop, r.account_coverage) && key.flagged);
    assert!(kinds.contains(&RiskKind::KeyPersonDependency));
}

#[test]
fn single_threaded_and_isolated_champion() {
    let mut b = Builder::new();
    let boss = b.person("Boss", 5, Attitude::Neutral, &[BuyingRole::Decider]);
    let fan = b.person("Fan", 1, Attitude::Champion, &[]);
    let mid = b.person("Mid", 3, Attitude::Neutral, &[]);
    b.tie(mid, boss, 4);
    b.tie(mid, fan, 1);
    let t = b.member("T");
    b.cover(t, fan, 5, Some("2025-12-20"));
    let r = analyze_account(&b.input());
    let single = r
        .risks
        .iter()
        .find(|x| x.kind == RiskKind::SingleThreaded)
        .expect("one well-covered person only");
    assert_eq!(single.people.len(), 1);
    assert_eq!(single.people[0].id, fan);
    let decider = r
        .risks
        .iter()
        .find(|x| x.kind == RiskKind::UncoveredDecider)
        .expect("Boss is an uncovered decider");
    assert_eq!(decider.people[0].id, boss);
    let champion = r
        .risks
        .iter()
        .find(|x| x.kind == RiskKind::IsolatedChampion)
        .expect("Fan has low influence and no tie to a decider");
    assert_eq!(champion.people[0].id, fan);
    // A tie to the decider removes the flag.
    b.tie(boss, fan, 2);
    let r = analyze_account(&b.input());
    assert!(!r.risks.iter().any(|x| x.kind == RiskKind::IsolatedChampion));
}

#[test]
fn introduction_paths_are_the_strongest_simple_paths() {
    let s = star();
    let paths = introduction_paths(&s.b.input(), s.a, 5).expect("Ann is in the account");
    assert_eq!(paths.len(), 2, "T→Cy→Ann and T→Bo→Ann");
    let names: Vec<Vec<&str>> = paths
        .iter()
        .map(|p| p.people.iter().map(|x| x.name.as_str()).collect())
        .collect();
    assert_eq!(names[0], vec!["Tess", "Cy", "Ann"]);
    assert!(close(paths[0].strength, 1.0));
    assert_eq!(names[1], vec!["Tess", "Bo", "Ann"]);
    assert!(close(paths[1].strength, 0.6));
    assert!(paths[0].people[0].team && !paths[0].people[2].team);
    assert!(introduction_paths(&s.b.input(), 9999, 3).is_err());
}

#[test]
fn placeholders_end_paths_but_never_carry_them() {
    let mut s = star();
    s.b.set(s.c, |f| f.placeholder = true);
    let paths = introduction_paths(&s.b.input(), s.a, 5).expect("Ann is in the account");
    assert_eq!(paths.len(), 1, "only T→Bo→Ann remains");
    assert_eq!(paths[0].people[1].id, s.bb);
    let to_placeholder = introduction_paths(&s.b.input(), s.c, 5).expect("Cy is in the account");
    assert_eq!(to_placeholder.len(), 2, "T→Cy directly, and T→Bo→Ann→Cy");
    assert!(close(to_placeholder[0].strength, 1.0));
}

#[test]
fn what_if_removing_a_stakeholder_by_hand() {
    let s = star();
    let w = what_if(&s.b.input(), Removal::Stakeholder(s.c)).expect("Cy is in the account");
    assert_eq!(w.removed.id, s.c);
    // Without Cy: B→A only. h = 0.075 + 0.425h + 0.85l with h + l = 1.
    let h = 0.925 / 1.425;
    let l = 1.0 - h;
    let i_a = 0.7;
    let i_b = 0.4 + 0.5 * l / h;
    let after = i_b * 0.6 / (i_a + i_b);
    assert!(
        close(w.account_coverage_after, after),
        "{}",
        w.account_coverage_after
    );
    assert!(w.stakeholders.iter().all(|d| d.person.id != s.c));
    let ann = w
        .stakeholders
        .iter()
        .find(|d| d.person.id == s.a)
        .expect("Ann remains");
    assert!(close(ann.best_path_before, 1.0) && close(ann.best_path_after, 0.6));
    let w = what_if(&s.b.input(), Removal::TeamMember(s.t)).expect("Tess covers here");
    assert!(close(w.account_coverage_after, 0.0));
    assert_eq!(w.newly_uncovered_roles, vec![BuyingRole::User]);
    assert!(what_if(&s.b.input(), Removal::TeamMember(5)).is_err());
}

#[test]
fn factions_split_two_groups() {
    let mut b = Builder::new();
    let left: Vec<Id> = (0..4)
        .map(|i| b.person(&format!("L{i}"), 3, Attitude::Champion, &[]))
        .collect();
    let right: Vec<Id> = (0..4)
        .map(|i| b.person(&format!("R{i}"), 3, Attitude::Opponent, &[]))
        .collect();
    for group in [&left, &right] {
        for i in 0..4 {
            for j in i + 1..4 {
                b.tie(group[i], group[j], 5);
            }
        }
    }
    b.tie(left[0], right[0], 1);
    let lonely = b.person("Lonely", 3, Attitude::Neutral, &[]);
    let r = analyze_account(&b.input());
    assert_eq!(r.factions.len(), 2, "the lonely person is not a faction");
    let means: Vec<f64> = r.factions.iter().map(|f| f.mean_attitude).collect();
    assert!(means.contains(&2.0) && means.contains(&-2.0));
    for f in &r.factions {
        assert_eq!(f.members.len(), 4);
        let total: f64 = f
            .members
            .iter()
            .map(|m| {
                r.stakeholders
                    .iter()
                    .find(|x| x.id == m.id)
                    .map_or(0.0, |x| x.blended_influence)
            })
            .sum();
        assert!(close(total, f.total_influence));
    }
    let lonely_score = r.stakeholders.iter().find(|x| x.id == lonely);
    assert_eq!(lonely_score.and_then(|x| x.faction), None);
}

#[test]
fn an_empty_account_has_no_scores_and_no_risks() {
    let b = Builder::new();
    let r = analyze_account(&b.input());
    assert!(r.stakeholders.is_empty() && r.risks.is_empty() && r.factions.is_empty());
    assert_eq!((r.account_coverage, r.support_balance), (0.0, 0.0));
}

/// A random account: people with random power/attitude/roles, ties and coverage.
fn random_account() -> impl Strategy<Value = Builder> {
    let person = (
        1u8..=5,
        0usize..6,
        proptest::collection::vec(0usize..7, 0..3),
    );
    (
        proptest::collection::vec(person, 1..14),
        proptest::collection::vec((0usize..14, 0usize..14, 1u8..=5), 0..40),
        1usize..4,
        proptest::collection::vec((0usize..4, 0usize..14, 1u8..=5), 0..20),
    )
        .prop_map(|(people, ties, members, coverage)| {
            let mut b = Builder::new();
            let ids: Vec<Id> = people
                .iter()
                .enumerate()
                .map(|(i, (power, att, roles))| {
                    let mut roles: Vec<BuyingRole> =
                        roles.iter().map(|&r| BuyingRole::ALL[r]).collect();
                    roles.sort();
                    roles.dedup();
                    b.person(&format!("P{i}"), *power, Attitude::ALL[*att], &roles)
                })
                .collect();
            let team: Vec<Id> = (0..members).map(|i| b.member(&format!("T{i}"))).collect();
            for (a, c, s) in ties {
                let (a, c) = (ids[a % ids.len()], ids[c % ids.len()]);
                if a != c {
                    b.tie(a, c, s);
                }
            }
            for (m, p, s) in coverage {
                b.cover(team[m % team.len()], ids[p % ids.len()], s, None);
            }
            b
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn scores_stay_in_their_ranges(b in random_account()) {
        let r = analyze_account(&b.input());
        let total: f64 = r.stakeholders.iter().map(|s| s.network_influence).sum();
        prop_assert!((total - 1.0).abs() < 1e-9, "PageRank sums to {total}");
        for s in &r.stakeholders {
            prop_assert!((0.0..=1.0).contains(&s.blended_influence));
            prop_assert!((0.0..=1.0 + 1e-12).contains(&s.brokerage));
            prop_assert!((0.0..=1.0).contains(&s.coverage));
        }
        prop_assert!((0.0..=1.0 + 1e-12).contains(&r.account_coverage));
        prop_assert!((-1.0 - 1e-12..=1.0 + 1e-12).contains(&r.support_balance));
        for role in &r.role_coverage {
            prop_assert!((-1.0 - 1e-12..=1.0 + 1e-12).contains(&role.support_balance));
        }
        // The portfolio's lighter headline gives the same numbers.
        let h = account_headline(&b.input());
        prop_assert_eq!(h.account_coverage, r.account_coverage);
        prop_assert_eq!(h.support_balance, r.support_balance);
        prop_assert_eq!(h.risks, r.risks);
    }

    #[test]
    fn removing_a_team_member_never_raises_coverage(b in random_account()) {
        for m in &b.team {
            if let Ok(w) = what_if(&b.input(), Removal::TeamMember(m.id)) {
                prop_assert!(w.account_coverage_after <= w.account_coverage_before + 1e-12);
                for d in &w.stakeholders {
                    prop_assert!(d.best_path_after <= d.best_path_before + 1e-12);
                }
            }
        }
    }

    #[test]
    fn path_strength_is_at_most_every_weight_on_it(b in random_account()) {
        for target in &b.detail.stakeholders {
            let paths = introduction_paths(&b.input(), target.id, 4)
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            for pair in paths.windows(2) {
                prop_assert!(pair[0].strength >= pair[1].strength - 1e-12, "best first");
            }
            for p in &paths {
                prop_assert!(p.people[0].team);
                prop_assert_eq!(p.people.last().map(|x| x.id), Some(target.id));
                let mut seen: Vec<(Id, bool)> = p.people.iter().map(|x| (x.id, x.team)).collect();
                seen.sort();
                seen.dedup();
                prop_assert_eq!(seen.len(), p.people.len(), "a simple path");
                // Each step's best tie weight bounds the path's strength.
                for step in p.people.windows(2) {
                    let w = step_weight(&b, &step[0], &step[1]);
                    prop_assert!(w > 0.0, "consecutive people are tied");
                    prop_assert!(p.strength <= w + 1e-12);
                }
            }
        }
    }
}

/// The best weight of the tie between two consecutive people of a path.
fn step_weight(
    b: &Builder,
    from: &rapport_core::analysis::PersonRef,
    to: &rapport_core::analysis::PersonRef,
) -> f64 {
    if from.team {
        b.detail
            .coverage
            .iter()
            .filter(|c| c.fields.team_member_id == from.id && c.fields.stakeholder_id == to.id)
            .map(|c| weight(c.fields.strength))
            .fold(0.0, f64::max)
    } else {
        b.detail
            .influences
            .iter()
            .filter(|t| {
                (t.fields.from_id == from.id && t.fields.to_id == to.id)
                    || (t.fields.from_id == to.id && t.fields.to_id == from.id)
            })
            .map(|t| weight(t.fields.strength))
            .fold(0.0, f64::max)
    }
}
