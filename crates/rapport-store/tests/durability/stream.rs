//! A deterministic stream of realistic user actions, shared by the crash child (which
//! performs it on a workspace file until it is killed) and the crash test (which
//! performs the same steps on a second file to know what the first must hold). Step `n`
//! of seed `s` depends only on `(s, n)` and on the workspace it runs on, so two
//! workspaces in the same state take the same step and end in the same state.

use rapport_core::{
    AccountDetail, AccountFields, Attitude, BuyingRole, ClvInputs, CoverageFields, Factor,
    FactorScore, Id, InfluenceFields, InfluenceKind, InteractionFields, InteractionKind,
    OrgUnitFields, Sentiment, Stage, StageChangeFields, StakeholderFields, TeamMember,
    TeamMemberFields, TeamRole, Tier,
};
use rapport_store::{HistoryState, StoreError, Workspace};

/// splitmix64: tiny, seedable and the same on every machine.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        let mut rng = Rng(seed);
        rng.next_u64();
        rng
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next_u64() % n
        }
    }

    fn percent(&mut self, p: u64) -> bool {
        self.below(100) < p
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len() as u64) as usize)
    }

    fn one_of<T: Copy>(&mut self, items: &[T]) -> T {
        // Callers pass non-empty constant lists.
        items[self.below(items.len() as u64) as usize]
    }

    fn scale(&mut self) -> u8 {
        1 + self.below(5) as u8
    }

    /// Up to `max` distinct items, in their original order.
    fn subset<T: Copy>(&mut self, items: &[T], max: usize) -> Vec<T> {
        let mut chosen = Vec::new();
        for item in items {
            if chosen.len() < max && self.percent(40) {
                chosen.push(*item);
            }
        }
        chosen
    }

    fn date(&mut self) -> String {
        format!(
            "20{:02}-{:02}-{:02}",
            20 + self.below(7),
            1 + self.below(12),
            1 + self.below(28)
        )
    }

    /// Free text, now and then long enough to spill onto overflow pages.
    fn text(&mut self, step: u64) -> String {
        let words = [
            "budget",
            "renewal",
            "pilot",
            "procurement",
            "roadmap",
            "续约",
            "risk",
            "sponsor",
        ];
        let count = match self.below(10) {
            0 => 600 + self.below(600),
            1..=3 => self.below(40),
            _ => 0,
        };
        let mut text = format!("step {step}");
        for _ in 0..count {
            text.push(' ');
            text.push_str(self.one_of(&words));
        }
        text
    }
}

/// The generator's state for one step.
fn step_rng(seed: u64, step: u64) -> Rng {
    Rng::new(seed ^ step.wrapping_mul(0xD1B5_4A32_D192_ED03))
}

/// What one step did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The action was saved (one transaction, one undo step, or an undo/redo).
    Committed(String),
    /// The store refused it (a validation or reference error); nothing was written.
    Refused(String),
}

impl Outcome {
    /// The line the crash child prints for step `step`, e.g.
    /// `committed 17 create stakeholder 42`.
    pub fn line(&self, step: u64) -> String {
        match self {
            Outcome::Committed(what) => format!("committed {step} {what}"),
            Outcome::Refused(why) => format!("refused {step} {why}"),
        }
    }
}

/// The step number of a line printed by the crash child, if it is a step line.
pub fn step_of(line: &str) -> Option<u64> {
    let mut words = line.split(' ');
    match words.next() {
        Some("committed") | Some("refused") => words.next()?.parse().ok(),
        _ => None,
    }
}

/// What the generator looks at before choosing a step.
struct View {
    accounts: Vec<AccountDetail>,
    team: Vec<TeamMember>,
    factors: Vec<Factor>,
    history: HistoryState,
}

/// Performs step `step` of the stream `seed` on `ws`. Errors a user can cause come back
/// as `Outcome::Refused`; any other error (I/O, a damaged file) is returned as is.
pub fn perform(ws: &mut Workspace, seed: u64, step: u64) -> Result<Outcome, StoreError> {
    let mut rng = step_rng(seed, step);
    let view = View {
        accounts: ws.all_account_details()?,
        team: ws.list_team_members()?,
        factors: ws.list_factors()?,
        history: ws.history_state()?,
    };
    match act(ws, &mut rng, &view, step) {
        Ok(what) => Ok(Outcome::Committed(what)),
        Err(e @ (StoreError::Validation(_) | StoreError::MissingRow { .. })) => {
            Ok(Outcome::Refused(e.to_string().replace('\n', " ")))
        }
        Err(e) => Err(e),
    }
}

/// Chooses and runs one action; returns what it did.
fn act(ws: &mut Workspace, rng: &mut Rng, view: &View, step: u64) -> Result<String, StoreError> {
    let roll = rng.below(100);
    let account = rng.pick(&view.accounts).cloned();
    let Some(detail) = account else {
        return create_account(ws, rng, view, step);
    };
    let a = detail.account.id;
    let people: Vec<Id> = detail.stakeholders.iter().map(|s| s.id).collect();
    let team: Vec<Id> = view.team.iter().map(|t| t.id).collect();
    match roll {
        // Accounts and their CLV inputs.
        0..=5 if view.accounts.len() < 4 => create_account(ws, rng, view, step),
        0..=5 => {
            ws.delete_account(a)?;
            Ok(format!("delete account {a}"))
        }
        6..=10 => {
            let mut f = detail.account.fields.clone();
            match rng.below(4) {
                0 => f.name = format!("Account {step}"),
                1 => f.annual_revenue = rng.below(80_000_000) as f64 + 0.5,
                2 => f.tier = rng.one_of(Tier::ALL),
                _ => f.notes = rng.text(step),
            }
            f.factor_scores = factor_scores(rng, &view.factors);
            ws.update_account(a, &f)?;
            Ok(format!("update account {a}"))
        }
        11..=15 => {
            let mut f = detail.account.fields.clone();
            f.clv = if f.clv != ClvInputs::default() && rng.percent(30) {
                ClvInputs::default()
            } else {
                clv(rng)
            };
            ws.update_account(a, &f)?;
            Ok(format!("edit clv of account {a}"))
        }
        16 if view.accounts.len() > 1 => {
            ws.delete_account(a)?;
            Ok(format!("delete account {a}"))
        }
        // Org units.
        17..=19 if detail.org_units.len() < 3 => {
            let parent = rng.pick(&detail.org_units).map(|u| u.id);
            let id = ws.create_org_unit(&OrgUnitFields {
                account_id: a,
                name: format!("Unit {step}"),
                parent_id: parent,
            })?;
            Ok(format!("create org unit {id}"))
        }
        17..=19 => {
            let unit = rng.pick(&detail.org_units).map_or(0, |u| u.id);
            ws.delete_org_unit(unit)?;
            Ok(format!("delete org unit {unit}"))
        }
        // Stakeholders.
        20..=33 if people.len() < 8 => {
            let f = new_stakeholder(rng, &detail, step);
            let id = ws.create_stakeholder(&f)?;
            Ok(format!("create stakeholder {id}"))
        }
        20..=33 | 41..=43 => {
            let person = rng.pick(&people).copied().unwrap_or(0);
            ws.delete_stakeholder(person)?;
            Ok(format!("delete stakeholder {person}"))
        }
        34..=40 => {
            let Some(s) = rng.pick(&detail.stakeholders).cloned() else {
                return create_account(ws, rng, view, step);
            };
            let mut f = s.fields.clone();
            match rng.below(5) {
                0 => f.attitude = rng.one_of(Attitude::ALL),
                1 => {
                    f.power = rng.scale();
                    f.interest = rng.scale();
                }
                2 => f.roles = rng.subset(BuyingRole::ALL, 3),
                // May close a reporting loop: refused, nothing written.
                3 => f.reports_to = rng.pick(&people).copied().filter(|p| *p != s.id),
                _ => f.notes = rng.text(step),
            }
            if f.dotted_to.is_some() && f.dotted_to == f.reports_to {
                f.dotted_to = None;
            }
            ws.update_stakeholder(s.id, &f)?;
            Ok(format!("update stakeholder {}", s.id))
        }
        // Influence ties.
        44..=52 if people.len() >= 2 && detail.influences.len() < 12 => {
            let from = rng.pick(&people).copied().unwrap_or(0);
            let others: Vec<Id> = people.iter().copied().filter(|p| *p != from).collect();
            let to = rng.pick(&others).copied().unwrap_or(0);
            let id = ws.create_influence(&InfluenceFields {
                account_id: a,
                from_id: from,
                to_id: to,
                strength: rng.scale(),
                kind: rng.one_of(InfluenceKind::ALL),
                note: rng.text(step),
            })?;
            Ok(format!("create influence {id}"))
        }
        44..=56 if !detail.influences.is_empty() => {
            let tie = rng.pick(&detail.influences).cloned();
            let Some(tie) = tie else {
                return create_account(ws, rng, view, step);
            };
            if rng.percent(50) {
                let mut f = tie.fields.clone();
                f.strength = rng.scale();
                f.kind = rng.one_of(InfluenceKind::ALL);
                ws.update_influence(tie.id, &f)?;
                Ok(format!("update influence {}", tie.id))
            } else {
                ws.delete_influence(tie.id)?;
                Ok(format!("delete influence {}", tie.id))
            }
        }
        // Team members and coverage.
        57..=59 if team.len() < 4 => {
            let id = ws.create_team_member(&TeamMemberFields {
                name: format!("Team {step}"),
                role: rng.one_of(TeamRole::ALL),
            })?;
            Ok(format!("create team member {id}"))
        }
        57..=59 => {
            let member = rng.pick(&team).copied().unwrap_or(0);
            if rng.percent(50) {
                ws.delete_team_member(member)?;
                Ok(format!("delete team member {member}"))
            } else {
                ws.update_team_member(
                    member,
                    &TeamMemberFields {
                        name: format!("Team {step}"),
                        role: rng.one_of(TeamRole::ALL),
                    },
                )?;
                Ok(format!("update team member {member}"))
            }
        }
        60..=64 if !team.is_empty() && !people.is_empty() => {
            // Covering someone already covered is refused as a duplicate.
            let id = ws.create_coverage(&CoverageFields {
                team_member_id: rng.pick(&team).copied().unwrap_or(0),
                stakeholder_id: rng.pick(&people).copied().unwrap_or(0),
                strength: rng.scale(),
                last_contact: rng.percent(50).then(|| rng.date()),
                note: rng.text(step),
            })?;
            Ok(format!("create coverage {id}"))
        }
        60..=67 if !detail.coverage.is_empty() => {
            let tie = rng.pick(&detail.coverage).cloned();
            let Some(tie) = tie else {
                return create_account(ws, rng, view, step);
            };
            if rng.percent(50) {
                let mut f = tie.fields.clone();
                f.strength = rng.scale();
                f.last_contact = Some(rng.date());
                ws.update_coverage(tie.id, &f)?;
                Ok(format!("update coverage {}", tie.id))
            } else {
                ws.delete_coverage(tie.id)?;
                Ok(format!("delete coverage {}", tie.id))
            }
        }
        // The timeline.
        68..=71 if detail.interactions.len() < 4 => {
            let id = ws.create_interaction(&InteractionFields {
                account_id: a,
                date: rng.date(),
                kind: rng.one_of(InteractionKind::ALL),
                stakeholder_ids: rng.subset(&people, 3),
                team_member_ids: rng.subset(&team, 2),
                summary: rng.text(step),
                sentiment: rng.one_of(Sentiment::ALL),
            })?;
            Ok(format!("create interaction {id}"))
        }
        68..=71 => {
            let Some(i) = rng.pick(&detail.interactions).cloned() else {
                return create_account(ws, rng, view, step);
            };
            if rng.percent(50) {
                let mut f = i.fields.clone();
                f.stakeholder_ids = rng.subset(&people, 3);
                f.summary = rng.text(step);
                ws.update_interaction(i.id, &f)?;
                Ok(format!("update interaction {}", i.id))
            } else {
                ws.delete_interaction(i.id)?;
                Ok(format!("delete interaction {}", i.id))
            }
        }
        72..=74 if detail.stage_changes.len() < 4 => {
            let id = ws.create_stage_change(&StageChangeFields {
                account_id: a,
                date: rng.date(),
                stage: rng.one_of(Stage::ALL),
                evidence: rng.text(step),
            })?;
            Ok(format!("create stage change {id}"))
        }
        72..=74 => {
            let change = rng.pick(&detail.stage_changes).map_or(0, |c| c.id);
            ws.delete_stage_change(change)?;
            Ok(format!("delete stage change {change}"))
        }
        // Undo and redo, sometimes several in a row over the steps.
        75..=88 if view.history.can_undo => {
            let state = ws.undo()?;
            let label = state.redo_label.map(|l| l.name).unwrap_or_default();
            Ok(format!("undo {label}"))
        }
        89..=96 if view.history.can_redo => {
            let state = ws.redo()?;
            let label = state.undo_label.map(|l| l.name).unwrap_or_default();
            Ok(format!("redo {label}"))
        }
        _ => {
            let f = new_stakeholder(rng, &detail, step);
            if people.len() < 8 {
                let id = ws.create_stakeholder(&f)?;
                Ok(format!("create stakeholder {id}"))
            } else {
                create_account(ws, rng, view, step)
            }
        }
    }
}

fn create_account(
    ws: &mut Workspace,
    rng: &mut Rng,
    view: &View,
    step: u64,
) -> Result<String, StoreError> {
    let id = ws.create_account(&AccountFields {
        name: format!("Account {step}"),
        industry: rng
            .one_of(&["Telecommunications", "Banking", "Retail", "Energy"])
            .into(),
        region: rng.one_of(&["APAC", "EMEA", "Americas"]).into(),
        tier: rng.one_of(Tier::ALL),
        annual_revenue: rng.below(50_000_000) as f64 + 0.25,
        annual_margin: rng.below(5_000_000) as f64 / 3.0,
        factor_scores: factor_scores(rng, &view.factors),
        clv: if rng.percent(30) {
            clv(rng)
        } else {
            ClvInputs::default()
        },
        notes: rng.text(step),
    })?;
    Ok(format!("create account {id}"))
}

fn factor_scores(rng: &mut Rng, factors: &[Factor]) -> Vec<FactorScore> {
    let ids: Vec<Id> = factors.iter().map(|f| f.id).collect();
    rng.subset(&ids, ids.len())
        .into_iter()
        .map(|factor_id| FactorScore {
            factor_id,
            score: rng.scale(),
        })
        .collect()
}

fn clv(rng: &mut Rng) -> ClvInputs {
    ClvInputs {
        retention: rng.below(101) as f64 / 100.0,
        discount_rate: rng.below(31) as f64 / 100.0,
        horizon_years: 1 + rng.below(50) as u32,
        acquisition_cost: rng.below(100_000) as f64,
    }
}

fn new_stakeholder(rng: &mut Rng, detail: &AccountDetail, step: u64) -> StakeholderFields {
    let people: Vec<Id> = detail.stakeholders.iter().map(|s| s.id).collect();
    let reports_to = if rng.percent(50) {
        rng.pick(&people).copied()
    } else {
        None
    };
    let dotted_to = rng
        .pick(&people)
        .copied()
        .filter(|p| rng.percent(20) && Some(*p) != reports_to);
    let first = rng.one_of(&["Ada", "李伟", "Bo", "Zoë", "Ngozi", "Mateo", "Priya"]);
    StakeholderFields {
        account_id: detail.account.id,
        name: format!("{first} {step}"),
        title: rng
            .one_of(&["CIO", "Head of Procurement", "CFO", "Architect", ""])
            .into(),
        org_unit_id: rng.pick(&detail.org_units).map(|u| u.id),
        reports_to,
        dotted_to,
        roles: rng.subset(BuyingRole::ALL, 3),
        // A second economic buyer in one account is refused: a realistic failed action.
        economic_buyer: rng.percent(10),
        coach: rng.percent(20),
        attitude: rng.one_of(Attitude::ALL),
        power: rng.scale(),
        interest: rng.scale(),
        org_needs: rng.text(step),
        personal_wins: String::new(),
        last_contact: rng.percent(60).then(|| rng.date()),
        notes: rng.text(step),
        placeholder: rng.percent(10),
    }
}
