//! Deterministic generated accounts for the benches and timing examples: people with
//! a reporting tree plus random influence ties, team coverage and interactions.

#![allow(dead_code)]

use chrono::NaiveDate;
use rapport_core::{
    Account, AccountDetail, AccountFields, Attitude, BuyingRole, ClvInputs, Coverage,
    CoverageFields, Factor, FactorAxis, FactorFields, FactorScore, Id, Influence, InfluenceFields,
    InfluenceKind, Interaction, InteractionFields, InteractionKind, Sentiment, Stage, StageChange,
    StageChangeFields, Stakeholder, StakeholderFields, TeamMember, TeamMemberFields, TeamRole,
    Tier,
};

/// SplitMix64: reproducible numbers without a dependency.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default()
}

/// The workspace's default factors (ids 1–8): four per axis, equal weights.
pub fn factors() -> Vec<Factor> {
    (1..=8)
        .map(|id| Factor {
            id,
            fields: FactorFields {
                axis: if id <= 4 {
                    FactorAxis::Attractiveness
                } else {
                    FactorAxis::Relationship
                },
                name: format!("Factor {id}"),
                weight: 1.0,
            },
        })
        .collect()
}

/// The shared team of `members` people (ids 1..=members).
pub fn team(members: usize) -> Vec<TeamMember> {
    (1..=members as Id)
        .map(|id| TeamMember {
            id,
            fields: TeamMemberFields {
                name: format!("Team {id}"),
                role: TeamRole::AccountLead,
            },
        })
        .collect()
}

/// Account `account_id` with `people` stakeholders, about `ties` influence ties,
/// covered by some of `members` team members; ids are unique per account.
pub fn account(
    account_id: Id,
    people: usize,
    ties: usize,
    members: usize,
    seed: u64,
) -> (AccountDetail, Vec<TeamMember>) {
    let mut rng = Rng::new(seed ^ (account_id as u64).wrapping_mul(0x1234_5678));
    let base = account_id * 1_000_000;
    let ids: Vec<Id> = (0..people as Id).map(|i| base + i + 1).collect();
    let stakeholders: Vec<Stakeholder> = ids
        .iter()
        .enumerate()
        .map(|(i, &id)| {
            let roles = if i == 0 {
                vec![BuyingRole::Decider]
            } else {
                vec![BuyingRole::ALL[rng.below(BuyingRole::ALL.len())]]
            };
            Stakeholder {
                id,
                fields: StakeholderFields {
                    account_id,
                    name: format!("Person {i}"),
                    title: String::new(),
                    org_unit_id: None,
                    reports_to: (i > 0).then(|| ids[rng.below(i)]),
                    dotted_to: None,
                    roles,
                    economic_buyer: i == 0,
                    coach: false,
                    attitude: Attitude::ALL[rng.below(Attitude::ALL.len())],
                    power: 1 + rng.below(5) as u8,
                    interest: 1 + rng.below(5) as u8,
                    org_needs: String::new(),
                    personal_wins: String::new(),
                    last_contact: None,
                    notes: String::new(),
                    placeholder: false,
                },
            }
        })
        .collect();
    let mut next = base + 500_000;
    let mut id = || {
        next += 1;
        next
    };
    let mut influences = Vec::with_capacity(ties);
    // The reporting tree first, then random ties.
    for s in stakeholders.iter().skip(1) {
        if let Some(boss) = s.fields.reports_to {
            influences.push((s.id, boss, InfluenceKind::ReportsTo));
        }
    }
    while influences.len() < ties && people > 1 {
        let a = ids[rng.below(people)];
        let b = ids[rng.below(people)];
        if a != b {
            influences.push((
                a,
                b,
                InfluenceKind::ALL[rng.below(InfluenceKind::ALL.len())],
            ));
        }
    }
    let influences = influences
        .into_iter()
        .map(|(from_id, to_id, kind)| Influence {
            id: id(),
            fields: InfluenceFields {
                account_id,
                from_id,
                to_id,
                strength: 1 + rng.below(5) as u8,
                kind,
                note: String::new(),
            },
        })
        .collect();
    let coverage = (0..people.div_ceil(3))
        .map(|_| Coverage {
            id: id(),
            fields: CoverageFields {
                team_member_id: 1 + rng.below(members) as Id,
                stakeholder_id: ids[rng.below(people)],
                strength: 1 + rng.below(5) as u8,
                last_contact: Some(format!("2026-{:02}-15", 1 + rng.below(11))),
                note: String::new(),
            },
        })
        .collect();
    let interactions = (0..people / 4)
        .map(|_| Interaction {
            id: id(),
            fields: InteractionFields {
                account_id,
                date: format!("2026-{:02}-10", 1 + rng.below(11)),
                kind: InteractionKind::Meeting,
                stakeholder_ids: vec![ids[rng.below(people)]],
                team_member_ids: vec![1],
                summary: String::new(),
                sentiment: Sentiment::Positive,
            },
        })
        .collect();
    let stage_changes = vec![
        StageChange {
            id: id(),
            fields: StageChangeFields {
                account_id,
                date: "2024-01-01".into(),
                stage: Stage::Exploratory,
                evidence: String::new(),
            },
        },
        StageChange {
            id: id(),
            fields: StageChangeFields {
                account_id,
                date: "2025-03-01".into(),
                stage: Stage::ALL[rng.below(5)],
                evidence: String::new(),
            },
        },
    ];
    let detail = AccountDetail {
        account: Account {
            id: account_id,
            fields: AccountFields {
                name: format!("Account {account_id}"),
                industry: String::new(),
                region: String::new(),
                tier: Tier::Key,
                annual_revenue: (1 + rng.below(100)) as f64 * 10_000.0,
                annual_margin: (1 + rng.below(30)) as f64 * 5_000.0,
                factor_scores: (1..=8)
                    .map(|f| FactorScore {
                        factor_id: f,
                        score: 1 + rng.below(5) as u8,
                    })
                    .collect(),
                clv: ClvInputs::default(),
                notes: String::new(),
            },
        },
        org_units: vec![],
        stakeholders,
        influences,
        coverage,
        interactions,
        stage_changes,
    };
    (detail, team(members))
}
