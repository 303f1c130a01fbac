//! An account's people and ties as dense indices: the common input of every
//! per-account analysis, built once per analysis run.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::analysis::graph;
use crate::analysis::leave_one_out::leave_one_out_pagerank;
use crate::model::{AccountDetail, Id, Stakeholder, TeamMember};
use crate::validate::parse_date;

/// The domain's weight of a strength 1–5: w = strength / 5.
pub fn weight(strength: u8) -> f64 {
    f64::from(strength) / 5.0
}

/// Brokerage length of a strength: 1/w = 5/strength, scaled by 12 to the integer
/// 60/strength so that equal path lengths compare exactly (betweenness is unchanged
/// by a uniform scale).
pub fn length(strength: u8) -> u32 {
    60 / u32::from(strength.clamp(1, 5))
}

/// PageRank damping of network influence.
pub const DAMPING: f64 = 0.85;
/// PageRank stops when an iteration changes the scores by less than this (L1).
pub const TOLERANCE: f64 = 1e-10;

/// Coverage strength from which a stakeholder counts as well covered (c ≥ 0.6).
pub const COVERED: u8 = 3;

/// What a what-if removes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Removal {
    Stakeholder(Id),
    TeamMember(Id),
}

/// The account's graph: stakeholders `0..n`, team members `0..t` (those covering
/// someone here), influence and coverage ties by index.
#[derive(Debug)]
pub(crate) struct Network<'a> {
    pub people: Vec<&'a Stakeholder>,
    pub team: Vec<&'a TeamMember>,
    /// Influence ties `(from, to, strength)`, as stored (repeats allowed).
    pub influence: Vec<(u32, u32, u8)>,
    /// "Listens to" ties for PageRank: each influence tie reversed, with weight w,
    /// one per pair (the largest), sorted.
    pub listens: Vec<(u32, u32, f64)>,
    /// Coverage ties `(team member, stakeholder, strength)`.
    pub coverage: Vec<(u32, u32, u8)>,
    pub index: HashMap<Id, u32>,
    pub team_index: HashMap<Id, u32>,
    /// Latest known contact per stakeholder (interaction, coverage or the person's own
    /// last-contact date).
    pub last_touch: Vec<Option<NaiveDate>>,
}

impl<'a> Network<'a> {
    pub fn new(detail: &'a AccountDetail, team: &'a [TeamMember]) -> Self {
        let people: Vec<&Stakeholder> = detail.stakeholders.iter().collect();
        let index: HashMap<Id, u32> = people
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id, i as u32))
            .collect();
        let covering: std::collections::HashSet<Id> = detail
            .coverage
            .iter()
            .map(|c| c.fields.team_member_id)
            .collect();
        let team: Vec<&TeamMember> = team.iter().filter(|m| covering.contains(&m.id)).collect();
        let team_index: HashMap<Id, u32> = team
            .iter()
            .enumerate()
            .map(|(i, m)| (m.id, i as u32))
            .collect();
        let influence: Vec<(u32, u32, u8)> = detail
            .influences
            .iter()
            .filter_map(|t| {
                let a = *index.get(&t.fields.from_id)?;
                let b = *index.get(&t.fields.to_id)?;
                (a != b).then_some((a, b, t.fields.strength.clamp(1, 5)))
            })
            .collect();
        let coverage: Vec<(u32, u32, u8)> = detail
            .coverage
            .iter()
            .filter_map(|c| {
                let m = *team_index.get(&c.fields.team_member_id)?;
                let s = *index.get(&c.fields.stakeholder_id)?;
                Some((m, s, c.fields.strength.clamp(1, 5)))
            })
            .collect();

        let mut last_touch: Vec<Option<NaiveDate>> = people
            .iter()
            .map(|s| s.fields.last_contact.as_deref().and_then(parse_date))
            .collect();
        let mut touch = |i: u32, date: Option<NaiveDate>| {
            if let Some(d) = date {
                let slot = &mut last_touch[i as usize];
                if slot.is_none_or(|old| d > old) {
                    *slot = Some(d);
                }
            }
        };
        for c in &detail.coverage {
            if let Some(&s) = index.get(&c.fields.stakeholder_id) {
                touch(s, c.fields.last_contact.as_deref().and_then(parse_date));
            }
        }
        for i in &detail.interactions {
            let date = parse_date(&i.fields.date);
            for id in &i.fields.stakeholder_ids {
                if let Some(&s) = index.get(id) {
                    touch(s, date);
                }
            }
        }
        let reversed: Vec<(u32, u32, f64)> = influence
            .iter()
            .map(|&(a, b, s)| (b, a, weight(s)))
            .collect();
        let listens = graph::unique_ties(people.len(), &reversed);
        Network {
            people,
            team,
            influence,
            listens,
            coverage,
            index,
            team_index,
            last_touch,
        }
    }

    pub fn len(&self) -> usize {
        self.people.len()
    }

    /// The stakeholder index a removal takes out, if any.
    pub fn removed_person(&self, removal: Option<Removal>) -> Option<u32> {
        match removal {
            Some(Removal::Stakeholder(id)) => self.index.get(&id).copied(),
            _ => None,
        }
    }

    pub fn removed_member(&self, removal: Option<Removal>) -> Option<u32> {
        match removal {
            Some(Removal::TeamMember(id)) => self.team_index.get(&id).copied(),
            _ => None,
        }
    }

    /// Influence and coverage scores, optionally with one person removed. A removed
    /// stakeholder gets `present = false` and zero scores; everyone else is scored on
    /// the graph without them.
    pub fn scores(&self, removal: Option<Removal>) -> Scores {
        let gone_member = self.removed_member(removal);
        let mut scores = self.influence_scores(self.removed_person(removal));
        self.cover(&mut scores, gone_member);
        scores
    }

    /// Scores without team member `m`: influence does not depend on our team, so only
    /// coverage is recomputed from `base` (the scores with nobody removed).
    pub fn scores_without_member(&self, base: &Scores, m: u32) -> Scores {
        let mut scores = base.clone();
        self.cover(&mut scores, Some(m));
        scores
    }

    /// Influence scores with stakeholder `gone` (if any) removed; no coverage yet.
    fn influence_scores(&self, gone: Option<u32>) -> Scores {
        let n = self.len();
        // Dense indices of the people who remain.
        let mut remap = vec![u32::MAX; n];
        let mut kept = 0u32;
        for (i, slot) in remap.iter_mut().enumerate() {
            if Some(i as u32) != gone {
                *slot = kept;
                kept += 1;
            }
        }
        // Removing a person keeps the ties' order: the remap is monotone.
        let listens: Vec<(u32, u32, f64)> = self
            .listens
            .iter()
            .filter(|&&(a, b, _)| Some(a) != gone && Some(b) != gone)
            .map(|&(a, b, w)| (remap[a as usize], remap[b as usize], w))
            .collect();
        let pr_kept = graph::pagerank_unique(kept as usize, &listens, DAMPING, TOLERANCE, None);
        let mut pagerank = vec![0.0; n];
        for i in 0..n {
            if remap[i] != u32::MAX {
                pagerank[i] = pr_kept[remap[i] as usize];
            }
        }
        self.scores_from_pagerank(pagerank, gone)
    }

    /// Blended influence from PageRank scores (`gone` scores nothing); no coverage yet.
    fn scores_from_pagerank(&self, pagerank: Vec<f64>, gone: Option<u32>) -> Scores {
        let n = self.len();
        let max_pr = pagerank.iter().copied().fold(0.0f64, f64::max);
        let present: Vec<bool> = (0..n).map(|i| Some(i as u32) != gone).collect();
        let blended: Vec<f64> = (0..n)
            .map(|i| {
                if !present[i] || max_pr <= 0.0 {
                    return 0.0;
                }
                0.5 * f64::from(self.people[i].fields.power) / 5.0 + 0.5 * pagerank[i] / max_pr
            })
            .collect();
        Scores {
            present,
            pagerank,
            blended,
            coverage: vec![0; n],
            covered_by: vec![None; n],
        }
    }

    /// Scores with each stakeholder removed in turn (index `i` of the result is
    /// without stakeholder `i`), from one leave-one-out PageRank run.
    pub fn scores_without_each_person(&self, base: &Scores) -> Vec<Scores> {
        let removed: Vec<u32> = (0..self.len() as u32).collect();
        leave_one_out_pagerank(
            self.len(),
            &self.listens,
            &removed,
            DAMPING,
            TOLERANCE,
            &base.pagerank,
        )
        .into_iter()
        .zip(removed)
        .map(|(pagerank, i)| {
            let mut scores = self.scores_from_pagerank(pagerank, Some(i));
            self.cover(&mut scores, None);
            scores
        })
        .collect()
    }

    /// Fills in c(s) for the people present, leaving out team member `gone_member`.
    fn cover(&self, scores: &mut Scores, gone_member: Option<u32>) {
        scores.coverage.iter_mut().for_each(|c| *c = 0);
        scores.covered_by.iter_mut().for_each(|c| *c = None);
        for &(m, s, strength) in &self.coverage {
            if Some(m) == gone_member || !scores.present[s as usize] {
                continue;
            }
            let slot = &mut scores.coverage[s as usize];
            if strength > *slot {
                *slot = strength;
                scores.covered_by[s as usize] = Some(m);
            }
        }
    }
}

/// Per-stakeholder scores of one (possibly what-if) state of the account.
#[derive(Debug, Clone)]
pub(crate) struct Scores {
    pub present: Vec<bool>,
    pub pagerank: Vec<f64>,
    pub blended: Vec<f64>,
    /// Best coverage strength (0 = none).
    pub coverage: Vec<u8>,
    /// The team member (index) behind the best coverage.
    pub covered_by: Vec<Option<u32>>,
}

impl Scores {
    /// c(s) = max over team members of w(coverage), 0 if none.
    pub fn c(&self, i: usize) -> f64 {
        if self.coverage[i] == 0 {
            0.0
        } else {
            weight(self.coverage[i])
        }
    }

    /// Account coverage Σ I·c / Σ I over the people present (0 without people).
    pub fn account_coverage(&self) -> f64 {
        let (mut num, mut den) = (0.0, 0.0);
        for i in 0..self.present.len() {
            if self.present[i] {
                num += self.blended[i] * self.c(i);
                den += self.blended[i];
            }
        }
        if den > 0.0 {
            num / den
        } else {
            0.0
        }
    }

    /// Support balance Σ I·attitude / (2 Σ I) over `members` present (0 without any).
    pub fn support_balance(&self, net: &Network, members: impl Iterator<Item = usize>) -> f64 {
        let (mut num, mut den) = (0.0, 0.0);
        for i in members {
            if self.present[i] {
                num += self.blended[i] * f64::from(net.people[i].fields.attitude.score());
                den += self.blended[i];
            }
        }
        if den > 0.0 {
            num / (2.0 * den)
        } else {
            0.0
        }
    }
}
