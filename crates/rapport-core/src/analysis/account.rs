//! Per-account analyses (primer 1–8): influence, brokerage, hidden influencers,
//! coverage, support balance, introduction paths, risk flags, what-if removal,
//! key-person dependency and factions.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::analysis::graph;
use crate::analysis::network::{length, weight, Network, Removal, Scores, COVERED};
use crate::analysis::paths::{IntroGraph, Node};
use crate::model::{AccountDetail, Id, TeamMember};
use crate::vocab::{Attitude, BuyingRole};

/// Seed of the Louvain runs behind factions: fixed, so factions are stable.
pub const FACTION_SEED: u64 = 42;
/// Days without contact after which an influential relationship is stale.
pub const STALE_DAYS: i64 = 90;
/// Coverage drop from which the key person is flagged as a dependency.
pub const KEY_PERSON_DROP: f64 = 0.25;

/// What one account analysis reads.
#[derive(Debug, Clone, Copy)]
pub struct AccountInput<'a> {
    pub detail: &'a AccountDetail,
    /// The workspace's team members (those covering nobody here are ignored).
    pub team: &'a [TeamMember],
    /// The date stale relationships are measured against.
    pub today: NaiveDate,
}

/// A person named by a result: a stakeholder, or one of our team members.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PersonRef {
    pub id: Id,
    pub name: String,
    /// True for one of our team members.
    pub team: bool,
}

/// One stakeholder's scores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StakeholderScore {
    pub id: Id,
    pub name: String,
    pub title: String,
    /// PR(s): weighted PageRank on the "listens to" graph; sums to 1 over the account.
    pub network_influence: f64,
    /// Normalised weighted betweenness on the undirected influence graph, in [0, 1].
    pub brokerage: f64,
    /// I(s) = 0.5·power/5 + 0.5·PR/max PR, in [0, 1].
    pub blended_influence: f64,
    /// c(s): the best coverage weight, 0 if nobody covers them.
    pub coverage: f64,
    /// Our team member behind that coverage.
    pub covered_by: Option<PersonRef>,
    pub attitude: Attitude,
    pub power: u8,
    pub roles: Vec<BuyingRole>,
    pub economic_buyer: bool,
    pub coach: bool,
    pub placeholder: bool,
    /// PR in the account's top third while formal power ≤ 2.
    pub hidden_influencer: bool,
    /// Index into `factions`, if they belong to one.
    pub faction: Option<u32>,
    /// Latest interaction or contact date, `YYYY-MM-DD`.
    pub last_touch: Option<String>,
}

/// Coverage and support of one buying role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RoleCoverage {
    pub role: BuyingRole,
    /// Stakeholders holding the role.
    pub holders: Vec<PersonRef>,
    /// Best c(s) among the holders.
    pub best_coverage: f64,
    /// Held by someone, but no holder has c ≥ 0.6.
    pub uncovered: bool,
    /// Support balance among the holders, in [−1, 1].
    pub support_balance: f64,
}

/// The kinds of risk flag (primer 6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum RiskKind {
    SingleThreaded,
    UncoveredEconomicBuyer,
    UncoveredDecider,
    InfluentialOpponent,
    IsolatedChampion,
    StaleRelationship,
    UnknownAttitude,
    KeyPersonDependency,
}

impl RiskKind {
    pub fn code(self) -> &'static str {
        match self {
            RiskKind::SingleThreaded => "single_threaded",
            RiskKind::UncoveredEconomicBuyer => "uncovered_economic_buyer",
            RiskKind::UncoveredDecider => "uncovered_decider",
            RiskKind::InfluentialOpponent => "influential_opponent",
            RiskKind::IsolatedChampion => "isolated_champion",
            RiskKind::StaleRelationship => "stale_relationship",
            RiskKind::UnknownAttitude => "unknown_attitude",
            RiskKind::KeyPersonDependency => "key_person_dependency",
        }
    }
}

/// A risk flag: what, who, why. `reason` is English (for the command line); the app
/// builds its own sentence in the user's language from `kind` and `value`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Risk {
    pub kind: RiskKind,
    pub people: Vec<PersonRef>,
    pub reason: String,
    /// The number behind the flag: the count of well-covered people (single-threaded),
    /// c(s) (uncovered), I(s) (opponent, champion), days since the last contact (stale;
    /// absent when never), the coverage drop (key person).
    pub value: Option<f64>,
}

/// A community of the undirected influence graph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Faction {
    /// Members, most influential first.
    pub members: Vec<PersonRef>,
    /// Mean attitude score (−2 … +2; unknown counts 0).
    pub mean_attitude: f64,
    /// Σ I(s) over the members.
    pub total_influence: f64,
}

/// The person whose removal would drop account coverage the most.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct KeyPerson {
    pub person: PersonRef,
    /// Account coverage before minus after their removal.
    pub coverage_drop: f64,
    /// True when the drop is at least 0.25.
    pub flagged: bool,
}

/// Everything the Analysis tab shows about one account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AccountAnalysis {
    pub account_id: Id,
    pub account: String,
    /// The date the analysis measured staleness against.
    pub today: String,
    /// Σ I·c / Σ I, in [0, 1].
    pub account_coverage: f64,
    /// Σ I·attitude / (2 Σ I), in [−1, 1].
    pub support_balance: f64,
    /// Most influential (blended) first.
    pub stakeholders: Vec<StakeholderScore>,
    /// One line per buying role held by somebody, in the vocabulary's order.
    pub role_coverage: Vec<RoleCoverage>,
    pub risks: Vec<Risk>,
    /// Communities of two or more people, most influential first.
    pub factions: Vec<Faction>,
    pub key_person: Option<KeyPerson>,
    /// The default target of the "path to…" picker.
    pub economic_buyer: Option<PersonRef>,
}

/// A best introduction path.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct IntroPath {
    /// Our team member first, the target last.
    pub people: Vec<PersonRef>,
    /// Product of the weights along the path, in (0, 1].
    pub strength: f64,
}

/// A stakeholder before and after a what-if removal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StakeholderDelta {
    pub person: PersonRef,
    pub blended_before: f64,
    pub blended_after: f64,
    pub coverage_before: f64,
    pub coverage_after: f64,
    /// Strength of the best introduction path (0 = unreachable).
    pub best_path_before: f64,
    pub best_path_after: f64,
}

/// The account with one person removed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct WhatIf {
    pub removed: PersonRef,
    pub account_coverage_before: f64,
    pub account_coverage_after: f64,
    pub support_balance_before: f64,
    pub support_balance_after: f64,
    /// Roles that were covered and no longer are.
    pub newly_uncovered_roles: Vec<BuyingRole>,
    /// Everyone who remains, with their numbers before and after; the biggest
    /// changes first.
    pub stakeholders: Vec<StakeholderDelta>,
}

/// Why an analysis cannot run.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnalysisError {
    #[error("no stakeholder with id {0} in this account")]
    UnknownStakeholder(Id),
    #[error("no team member with id {0} covers anyone in this account")]
    UnknownTeamMember(Id),
}

impl Network<'_> {
    fn person(&self, i: usize) -> PersonRef {
        let s = self.people[i];
        PersonRef {
            id: s.id,
            name: s.fields.name.clone(),
            team: false,
        }
    }

    fn member(&self, m: usize) -> PersonRef {
        let t = self.team[m];
        PersonRef {
            id: t.id,
            name: t.fields.name.clone(),
            team: true,
        }
    }

    fn node(&self, node: Node) -> Option<PersonRef> {
        match node {
            Node::Start => None,
            Node::Member(m) => Some(self.member(m as usize)),
            Node::Person(p) => Some(self.person(p as usize)),
        }
    }

    fn holders(&self, role: BuyingRole) -> Vec<usize> {
        (0..self.len())
            .filter(|&i| self.people[i].fields.roles.contains(&role))
            .collect()
    }

    fn removal_target(&self, removal: Removal) -> Result<PersonRef, AnalysisError> {
        match removal {
            Removal::Stakeholder(id) => self
                .index
                .get(&id)
                .map(|&i| self.person(i as usize))
                .ok_or(AnalysisError::UnknownStakeholder(id)),
            Removal::TeamMember(id) => self
                .team_index
                .get(&id)
                .map(|&m| self.member(m as usize))
                .ok_or(AnalysisError::UnknownTeamMember(id)),
        }
    }

    /// Roles held by someone present whose holders all have c < 0.6.
    fn uncovered_roles(&self, scores: &Scores) -> Vec<BuyingRole> {
        BuyingRole::ALL
            .iter()
            .copied()
            .filter(|&role| {
                let present: Vec<usize> = self
                    .holders(role)
                    .into_iter()
                    .filter(|&i| scores.present[i])
                    .collect();
                !present.is_empty() && present.iter().all(|&i| scores.coverage[i] < COVERED)
            })
            .collect()
    }
}

/// Ranks of `values` taken high to low: the people in the top third are those with
/// fewer than ⌈n/3⌉ people strictly above them, provided the network distinguishes
/// people at all (a score above the lowest one).
fn top_third(values: &[f64]) -> Vec<bool> {
    let n = values.len();
    let cut = n.div_ceil(3);
    let lowest = values.iter().copied().fold(f64::INFINITY, f64::min);
    let eps = 1e-12;
    values
        .iter()
        .map(|&v| {
            let above = values.iter().filter(|&&u| u > v + eps).count();
            above < cut && v > lowest + eps
        })
        .collect()
}

/// Runs every per-account analysis.
pub fn analyze_account(input: &AccountInput) -> AccountAnalysis {
    let net = Network::new(input.detail, input.team);
    let n = net.len();
    let scores = net.scores(None);
    let lengths: Vec<(u32, u32, u32)> = net
        .influence
        .iter()
        .map(|&(a, b, s)| (a, b, length(s)))
        .collect();
    let undirected: Vec<(u32, u32, f64)> = net
        .influence
        .iter()
        .map(|&(a, b, s)| (a, b, weight(s)))
        .collect();
    // The three costly parts are independent: run them side by side.
    let ((brokerage, labels), key_person) = rayon::join(
        || {
            rayon::join(
                || graph::betweenness(n, &lengths),
                || graph::louvain(n, &undirected, FACTION_SEED),
            )
        },
        || key_person(&net, &scores),
    );
    let hidden: Vec<bool> = top_third(&scores.pagerank)
        .into_iter()
        .enumerate()
        .map(|(i, top)| top && net.people[i].fields.power <= 2)
        .collect();

    // Factions: Louvain communities of the undirected influence graph with w.
    let factions = factions(&net, &scores, &labels);
    let mut faction_of: Vec<Option<u32>> = vec![None; n];
    for (f, faction) in factions.iter().enumerate() {
        for m in &faction.members {
            if let Some(&i) = net.index.get(&m.id) {
                faction_of[i as usize] = Some(f as u32);
            }
        }
    }

    let mut stakeholders: Vec<StakeholderScore> = (0..n)
        .map(|i| {
            let s = net.people[i];
            StakeholderScore {
                id: s.id,
                name: s.fields.name.clone(),
                title: s.fields.title.clone(),
                network_influence: scores.pagerank[i],
                brokerage: brokerage[i],
                blended_influence: scores.blended[i],
                coverage: scores.c(i),
                covered_by: scores.covered_by[i].map(|m| net.member(m as usize)),
                attitude: s.fields.attitude,
                power: s.fields.power,
                roles: s.fields.roles.clone(),
                economic_buyer: s.fields.economic_buyer,
                coach: s.fields.coach,
                placeholder: s.fields.placeholder,
                hidden_influencer: hidden[i],
                faction: faction_of[i],
                last_touch: net.last_touch[i].map(|d| d.format("%Y-%m-%d").to_string()),
            }
        })
        .collect();
    stakeholders.sort_by(|a, b| {
        b.blended_influence
            .total_cmp(&a.blended_influence)
            .then_with(|| a.name.cmp(&b.name))
            .then(a.id.cmp(&b.id))
    });

    let role_coverage: Vec<RoleCoverage> = BuyingRole::ALL
        .iter()
        .filter_map(|&role| {
            let holders = net.holders(role);
            if holders.is_empty() {
                return None;
            }
            let best = holders
                .iter()
                .map(|&i| scores.coverage[i])
                .max()
                .unwrap_or(0);
            Some(RoleCoverage {
                role,
                holders: holders.iter().map(|&i| net.person(i)).collect(),
                best_coverage: if best == 0 { 0.0 } else { weight(best) },
                uncovered: best < COVERED,
                support_balance: scores.support_balance(&net, holders.iter().copied()),
            })
        })
        .collect();

    let risks = risks(&net, &scores, input.today, key_person.as_ref());
    let economic_buyer = (0..n)
        .find(|&i| net.people[i].fields.economic_buyer)
        .map(|i| net.person(i));

    AccountAnalysis {
        account_id: input.detail.account.id,
        account: input.detail.account.fields.name.clone(),
        today: input.today.format("%Y-%m-%d").to_string(),
        account_coverage: scores.account_coverage(),
        support_balance: scores.support_balance(&net, 0..n),
        stakeholders,
        role_coverage,
        risks,
        factions,
        key_person,
        economic_buyer,
    }
}

fn factions(net: &Network, scores: &Scores, labels: &[u32]) -> Vec<Faction> {
    let k = labels.iter().map(|&l| l as usize + 1).max().unwrap_or(0);
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); k];
    for (i, &l) in labels.iter().enumerate() {
        groups[l as usize].push(i);
    }
    let mut out: Vec<Faction> = groups
        .into_iter()
        .filter(|g| g.len() >= 2)
        .map(|mut g| {
            g.sort_by(|&a, &b| {
                scores.blended[b]
                    .total_cmp(&scores.blended[a])
                    .then(a.cmp(&b))
            });
            let total: f64 = g.iter().map(|&i| scores.blended[i]).sum();
            let mean = g
                .iter()
                .map(|&i| f64::from(net.people[i].fields.attitude.score()))
                .sum::<f64>()
                / g.len() as f64;
            Faction {
                members: g.iter().map(|&i| net.person(i)).collect(),
                mean_attitude: mean,
                total_influence: total,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.total_influence
            .total_cmp(&a.total_influence)
            .then_with(|| a.members[0].name.cmp(&b.members[0].name))
    });
    out
}

/// Key-person dependency (primer 7): the stakeholder or team member whose removal
/// drops account coverage the most. A team member's removal leaves influence as it
/// is; the stakeholders' removals come from one leave-one-out PageRank run. Ties go
/// to the first candidate: team members, then stakeholders in account order.
fn key_person(net: &Network, scores: &Scores) -> Option<KeyPerson> {
    let before = scores.account_coverage();
    let members = (0..net.team.len() as u32).map(|m| {
        let after = net.scores_without_member(scores, m).account_coverage();
        (before - after, net.member(m as usize))
    });
    let people = net
        .scores_without_each_person(scores)
        .into_iter()
        .enumerate()
        .map(|(i, after)| (before - after.account_coverage(), net.person(i)));
    let mut best: Option<(f64, PersonRef)> = None;
    for (drop, person) in members.chain(people) {
        if drop > 1e-12 && best.as_ref().is_none_or(|(d, _)| drop > *d + 1e-12) {
            best = Some((drop, person));
        }
    }
    best.map(|(drop, person)| KeyPerson {
        person,
        coverage_drop: drop,
        flagged: drop >= KEY_PERSON_DROP,
    })
}

fn fmt2(x: f64) -> String {
    format!("{x:.2}")
}

// Stakeholder `i` indexes several parallel arrays (people, scores, last touch).
#[allow(clippy::needless_range_loop)]
fn risks(net: &Network, scores: &Scores, today: NaiveDate, key: Option<&KeyPerson>) -> Vec<Risk> {
    let n = net.len();
    let mut risks = Vec::new();
    if n == 0 {
        return risks;
    }
    let blended = &scores.blended;
    let covered: Vec<usize> = (0..n).filter(|&i| scores.coverage[i] >= COVERED).collect();
    if covered.len() < 2 {
        risks.push(Risk {
            kind: RiskKind::SingleThreaded,
            people: covered.iter().map(|&i| net.person(i)).collect(),
            reason: match covered.first() {
                None => "nobody at the account is covered at strength 3 or more".into(),
                Some(&i) => format!(
                    "only {} is covered at strength 3 or more",
                    net.people[i].fields.name
                ),
            },
            value: Some(covered.len() as f64),
        });
    }
    for i in 0..n {
        let s = &net.people[i].fields;
        let decider = s.roles.contains(&BuyingRole::Decider);
        if (decider || s.economic_buyer) && scores.coverage[i] < COVERED {
            let (kind, who) = if s.economic_buyer {
                (RiskKind::UncoveredEconomicBuyer, "the economic buyer")
            } else {
                (RiskKind::UncoveredDecider, "a decider")
            };
            risks.push(Risk {
                kind,
                people: vec![net.person(i)],
                reason: format!(
                    "{} is {who} and our best coverage is {}",
                    s.name,
                    fmt2(scores.c(i))
                ),
                value: Some(scores.c(i)),
            });
        }
    }
    for i in 0..n {
        let s = &net.people[i].fields;
        if s.attitude == Attitude::Opponent && blended[i] >= 0.6 {
            risks.push(Risk {
                kind: RiskKind::InfluentialOpponent,
                people: vec![net.person(i)],
                reason: format!(
                    "{} opposes us with blended influence {}",
                    s.name,
                    fmt2(blended[i])
                ),
                value: Some(blended[i]),
            });
        }
    }
    let decides = |j: usize| {
        let f = &net.people[j].fields;
        f.economic_buyer || f.roles.contains(&BuyingRole::Decider)
    };
    for i in 0..n {
        let s = &net.people[i].fields;
        if s.attitude == Attitude::Champion && blended[i] < 0.3 {
            let tied = net.influence.iter().any(|&(a, b, _)| {
                (a as usize == i && decides(b as usize)) || (b as usize == i && decides(a as usize))
            });
            if !tied {
                risks.push(Risk {
                    kind: RiskKind::IsolatedChampion,
                    people: vec![net.person(i)],
                    reason: format!(
                        "{} champions us but has blended influence {} and no tie to a decider",
                        s.name,
                        fmt2(blended[i])
                    ),
                    value: Some(blended[i]),
                });
            }
        }
    }
    for i in 0..n {
        if blended[i] < 0.5 {
            continue;
        }
        let s = &net.people[i].fields;
        let days = net.last_touch[i].map(|d| (today - d).num_days());
        if days.is_none_or(|d| d > STALE_DAYS) {
            risks.push(Risk {
                kind: RiskKind::StaleRelationship,
                people: vec![net.person(i)],
                reason: match days {
                    None => format!(
                        "no recorded contact with {} (influence {})",
                        s.name,
                        fmt2(blended[i])
                    ),
                    Some(d) => format!(
                        "last contact with {} was {d} days ago (influence {})",
                        s.name,
                        fmt2(blended[i])
                    ),
                },
                value: days.map(|d| d as f64),
            });
        }
    }
    let mut by_influence: Vec<usize> = (0..n).collect();
    by_influence.sort_by(|&a, &b| {
        blended[b]
            .total_cmp(&blended[a])
            .then_with(|| net.people[a].fields.name.cmp(&net.people[b].fields.name))
            .then(a.cmp(&b))
    });
    let unknown: Vec<usize> = by_influence
        .iter()
        .take(5)
        .copied()
        .filter(|&i| net.people[i].fields.attitude == Attitude::Unknown)
        .collect();
    if !unknown.is_empty() {
        let names: Vec<&str> = unknown
            .iter()
            .map(|&i| net.people[i].fields.name.as_str())
            .collect();
        risks.push(Risk {
            kind: RiskKind::UnknownAttitude,
            people: unknown.iter().map(|&i| net.person(i)).collect(),
            reason: format!(
                "we do not know where {} of the five most influential stand: {}",
                unknown.len(),
                names.join(", ")
            ),
            value: Some(unknown.len() as f64),
        });
    }
    if let Some(key) = key.filter(|k| k.flagged) {
        risks.push(Risk {
            kind: RiskKind::KeyPersonDependency,
            people: vec![key.person.clone()],
            reason: format!(
                "without {} account coverage drops by {}",
                key.person.name,
                fmt2(key.coverage_drop)
            ),
            value: Some(key.coverage_drop),
        });
    }
    risks
}

/// The headline numbers of an account, without brokerage and factions (which the
/// portfolio does not show): account coverage, support balance and the risks.
#[derive(Debug, Clone, PartialEq)]
pub struct AccountHeadline {
    pub account_coverage: f64,
    pub support_balance: f64,
    pub risks: Vec<Risk>,
}

/// [`analyze_account`]'s coverage, support and risks only; the same numbers.
pub fn account_headline(input: &AccountInput) -> AccountHeadline {
    let net = Network::new(input.detail, input.team);
    let scores = net.scores(None);
    let key = key_person(&net, &scores);
    AccountHeadline {
        account_coverage: scores.account_coverage(),
        support_balance: scores.support_balance(&net, 0..net.len()),
        risks: risks(&net, &scores, input.today, key.as_ref()),
    }
}

/// Up to `k` strongest introduction paths from our team to stakeholder `target`.
pub fn introduction_paths(
    input: &AccountInput,
    target: Id,
    k: usize,
) -> Result<Vec<IntroPath>, AnalysisError> {
    let net = Network::new(input.detail, input.team);
    let &t = net
        .index
        .get(&target)
        .ok_or(AnalysisError::UnknownStakeholder(target))?;
    let graph = IntroGraph::new(&net, None);
    Ok(graph
        .best_paths(t, k)
        .into_iter()
        .map(|(nodes, strength)| IntroPath {
            people: nodes.into_iter().filter_map(|n| net.node(n)).collect(),
            strength,
        })
        .collect())
}

/// Coverage, support balance, roles and best paths with one person removed.
pub fn what_if(input: &AccountInput, removal: Removal) -> Result<WhatIf, AnalysisError> {
    let net = Network::new(input.detail, input.team);
    let removed = net.removal_target(removal)?;
    let n = net.len();
    let before = net.scores(None);
    let after = net.scores(Some(removal));
    let paths_before = IntroGraph::new(&net, None).best_strengths();
    let paths_after = IntroGraph::new(&net, Some(removal)).best_strengths();
    let was_uncovered = net.uncovered_roles(&before);
    let newly_uncovered_roles = net
        .uncovered_roles(&after)
        .into_iter()
        .filter(|r| !was_uncovered.contains(r))
        .collect();
    let mut stakeholders: Vec<StakeholderDelta> = (0..n)
        .filter(|&i| after.present[i])
        .map(|i| StakeholderDelta {
            person: net.person(i),
            blended_before: before.blended[i],
            blended_after: after.blended[i],
            coverage_before: before.c(i),
            coverage_after: after.c(i),
            best_path_before: paths_before[i],
            best_path_after: paths_after[i],
        })
        .collect();
    let change = |d: &StakeholderDelta| {
        (d.blended_after - d.blended_before).abs()
            + (d.coverage_after - d.coverage_before).abs()
            + (d.best_path_after - d.best_path_before).abs()
    };
    stakeholders.sort_by(|a, b| {
        change(b)
            .total_cmp(&change(a))
            .then_with(|| a.person.name.cmp(&b.person.name))
    });
    Ok(WhatIf {
        removed,
        account_coverage_before: before.account_coverage(),
        account_coverage_after: after.account_coverage(),
        support_balance_before: before.support_balance(&net, 0..n),
        support_balance_after: after.support_balance(&net, 0..n),
        newly_uncovered_roles,
        stakeholders,
    })
}
