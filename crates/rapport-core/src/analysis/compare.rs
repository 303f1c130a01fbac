//! Two states of one account compared (issue 5, "compare two dates"): who joined and
//! left, whose attitude changed, which influence and coverage ties appeared,
//! disappeared or changed strength, the stage, and the headline numbers (account
//! coverage and support balance) before and after.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::account::{account_headline, AccountInput, PersonRef};
use crate::model::{stage_at, AccountDetail, Id, Stakeholder, TeamMember};
use crate::vocab::{Attitude, Stage};

/// One state of an account: its records, the team then, and the date it is as of.
#[derive(Debug, Clone, Copy)]
pub struct AccountState<'a> {
    pub detail: &'a AccountDetail,
    pub team: &'a [TeamMember],
    pub date: NaiveDate,
}

/// A stakeholder whose attitude toward us changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AttitudeChange {
    pub person: PersonRef,
    pub before: Attitude,
    pub after: Attitude,
}

/// A tie that appeared (`before` is `None`), disappeared (`after` is `None`) or changed
/// strength. For coverage, `from` is our team member.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TieChange {
    pub id: Id,
    pub from: PersonRef,
    pub to: PersonRef,
    pub before: Option<u8>,
    pub after: Option<u8>,
}

/// A number before and after.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Delta {
    pub before: f64,
    pub after: f64,
    /// `after − before`.
    pub change: f64,
}

impl Delta {
    fn new(before: f64, after: f64) -> Self {
        Delta {
            before,
            after,
            change: after - before,
        }
    }
}

/// What changed in an account between two dates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AccountComparison {
    pub account_id: Id,
    /// The two dates compared (YYYY-MM-DD).
    pub from: String,
    pub to: String,
    /// By name, then id.
    pub people_added: Vec<PersonRef>,
    pub people_removed: Vec<PersonRef>,
    pub attitude_changes: Vec<AttitudeChange>,
    /// Influence ties, by id: added, removed, then those whose strength changed.
    pub influence_changes: Vec<TieChange>,
    /// Coverage ties, by id, likewise.
    pub coverage_changes: Vec<TieChange>,
    pub stage_before: Option<Stage>,
    pub stage_after: Option<Stage>,
    pub account_coverage: Delta,
    pub support_balance: Delta,
}

/// Compares two states of the same account.
pub fn compare_accounts(before: AccountState<'_>, after: AccountState<'_>) -> AccountComparison {
    let (old, new) = (people(before.detail), people(after.detail));
    let person = |id: Id, name: &str| PersonRef {
        id,
        name: name.to_owned(),
        team: false,
    };
    let mut people_added: Vec<PersonRef> = new
        .iter()
        .filter(|(id, _)| !old.contains_key(id))
        .map(|(&id, p)| person(id, &p.fields.name))
        .collect();
    let mut people_removed: Vec<PersonRef> = old
        .iter()
        .filter(|(id, _)| !new.contains_key(id))
        .map(|(&id, p)| person(id, &p.fields.name))
        .collect();
    let by_name = |a: &PersonRef, b: &PersonRef| a.name.cmp(&b.name).then(a.id.cmp(&b.id));
    people_added.sort_by(by_name);
    people_removed.sort_by(by_name);
    let mut attitude_changes: Vec<AttitudeChange> = new
        .iter()
        .filter_map(|(id, p)| {
            let was = old.get(id)?;
            (was.fields.attitude != p.fields.attitude).then(|| AttitudeChange {
                person: person(*id, &p.fields.name),
                before: was.fields.attitude,
                after: p.fields.attitude,
            })
        })
        .collect();
    attitude_changes.sort_by(|a, b| by_name(&a.person, &b.person));

    // Names from whichever state knows the person (the later one first).
    let stakeholder = |id: Id| {
        let name = new
            .get(&id)
            .or_else(|| old.get(&id))
            .map_or_else(|| "?".to_owned(), |p| p.fields.name.clone());
        person(id, &name)
    };
    let member = |id: Id| {
        let name = after
            .team
            .iter()
            .chain(before.team)
            .find(|m| m.id == id)
            .map_or_else(|| "?".to_owned(), |m| m.fields.name.clone());
        PersonRef {
            id,
            name,
            team: true,
        }
    };
    let influence = |s: &AccountState<'_>| {
        s.detail
            .influences
            .iter()
            .map(|t| (t.id, (t.fields.from_id, t.fields.to_id, t.fields.strength)))
            .collect::<BTreeMap<_, _>>()
    };
    let influence_changes = tie_changes(&influence(&before), &influence(&after), |from, to| {
        (stakeholder(from), stakeholder(to))
    });
    let coverage = |s: &AccountState<'_>| {
        s.detail
            .coverage
            .iter()
            .map(|t| {
                let f = &t.fields;
                (t.id, (f.team_member_id, f.stakeholder_id, f.strength))
            })
            .collect::<BTreeMap<_, _>>()
    };
    let coverage_changes = tie_changes(&coverage(&before), &coverage(&after), |from, to| {
        (member(from), stakeholder(to))
    });

    let headline = |s: &AccountState<'_>| {
        account_headline(&AccountInput {
            detail: s.detail,
            team: s.team,
            today: s.date,
        })
    };
    let (h0, h1) = (headline(&before), headline(&after));
    let stage = |s: &AccountState<'_>| {
        stage_at(
            &s.detail.stage_changes,
            &s.date.format("%Y-%m-%d").to_string(),
        )
    };
    AccountComparison {
        account_id: after.detail.account.id,
        from: before.date.format("%Y-%m-%d").to_string(),
        to: after.date.format("%Y-%m-%d").to_string(),
        people_added,
        people_removed,
        attitude_changes,
        influence_changes,
        coverage_changes,
        stage_before: stage(&before),
        stage_after: stage(&after),
        account_coverage: Delta::new(h0.account_coverage, h1.account_coverage),
        support_balance: Delta::new(h0.support_balance, h1.support_balance),
    }
}

fn people(detail: &AccountDetail) -> BTreeMap<Id, &Stakeholder> {
    detail.stakeholders.iter().map(|p| (p.id, p)).collect()
}

type Ties = BTreeMap<Id, (Id, Id, u8)>;

/// Ties added, removed, then changed in strength, each by id.
fn tie_changes(
    old: &Ties,
    new: &Ties,
    names: impl Fn(Id, Id) -> (PersonRef, PersonRef),
) -> Vec<TieChange> {
    let change = |id: Id, (from, to, _): (Id, Id, u8), before, after| {
        let (from, to) = names(from, to);
        TieChange {
            id,
            from,
            to,
            before,
            after,
        }
    };
    let added = new
        .iter()
        .filter(|(id, _)| !old.contains_key(id))
        .map(|(&id, &t)| change(id, t, None, Some(t.2)));
    let removed = old
        .iter()
        .filter(|(id, _)| !new.contains_key(id))
        .map(|(&id, &t)| change(id, t, Some(t.2), None));
    let changed = new.iter().filter_map(|(&id, &t)| {
        let was = old.get(&id)?;
        (was.2 != t.2).then(|| change(id, t, Some(was.2), Some(t.2)))
    });
    added.chain(removed).chain(changed).collect()
}
