//! What the buying-centre map writes besides the entities themselves: the positions the
//! user dragged nodes to (per account and layout), and deleting a multi-selection of
//! people and ties as one action. Each write is one undoable action.

use std::collections::{HashMap, HashSet};

use rusqlite::{params, OptionalExtension, Transaction};

use rapport_core::{FieldErrorCode, Id, MapLayout, MapNode, MapPosition, MapSelection, Validate};

use crate::error::Result;
use crate::history::{ActionLabel, EntityKind, Verb};
use crate::rows::{self, field_error};
use crate::workspace::Workspace;

/// How many names an action label lists before summing up the rest as `+N`.
const LABEL_NAMES: usize = 3;

impl Workspace {
    /// The saved positions of an account's map in one layout: stakeholders first, then
    /// team members, each by id. Nodes without a position are left to the automatic
    /// layout.
    pub fn map_positions(&self, account_id: Id, layout: MapLayout) -> Result<Vec<MapPosition>> {
        self.with_read(|tx| {
            rows::require(tx, "accounts", "account", account_id)?;
            Ok(stored_positions(tx, account_id, layout)?
                .into_iter()
                .map(|(_, p)| p)
                .collect())
        })
    }

    /// Saves where the user placed these nodes (one undoable action, "update map
    /// <account>"): new nodes are added, moved ones updated, unchanged ones and nodes
    /// not listed are left alone. Every stakeholder must belong to the account and
    /// every team member must exist, else nothing is written.
    pub fn save_map_positions(
        &mut self,
        account_id: Id,
        layout: MapLayout,
        positions: &[MapPosition],
    ) -> Result<()> {
        self.refuse_if_read_only()?;
        positions.validate()?;
        let label = self.map_label(account_id)?;
        self.act(label, |tx| {
            check_nodes(tx, account_id, positions)?;
            let current: HashMap<MapNode, (Id, f64, f64)> =
                stored_positions(tx, account_id, layout)?
                    .into_iter()
                    .map(|(row, p)| (p.node, (row, p.x, p.y)))
                    .collect();
            let mut insert = tx.prepare_cached(
                "INSERT INTO map_positions (account_id, layout, stakeholder_id, team_member_id, x, y)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            let mut update =
                tx.prepare_cached("UPDATE map_positions SET x = ?1, y = ?2 WHERE id = ?3")?;
            for p in positions {
                match current.get(&p.node) {
                    // Untouched, so history records only real moves.
                    Some(&(_, x, y)) if x == p.x && y == p.y => {}
                    Some(&(row, _, _)) => {
                        update.execute(params![p.x, p.y, row])?;
                    }
                    None => {
                        let (stakeholder, member) = match p.node {
                            MapNode::Stakeholder(id) => (Some(id), None),
                            MapNode::TeamMember(id) => (None, Some(id)),
                        };
                        insert.execute(params![
                            account_id,
                            layout.code(),
                            stakeholder,
                            member,
                            p.x,
                            p.y
                        ])?;
                    }
                }
            }
            Ok(())
        })
    }

    /// Forgets every saved position of the account's map in one layout ("Re-layout"),
    /// as one undoable action; with none saved, nothing is recorded.
    pub fn reset_map_positions(&mut self, account_id: Id, layout: MapLayout) -> Result<()> {
        self.refuse_if_read_only()?;
        let label = self.map_label(account_id)?;
        self.act(label, |tx| {
            tx.execute(
                "DELETE FROM map_positions WHERE account_id = ?1 AND layout = ?2",
                params![account_id, layout.code()],
            )?;
            Ok(())
        })
    }

    /// Deletes the selected people and ties of one account as one undoable action
    /// ("delete selection Ada, Bo, Mei → Ada +2"). Every id must name a row of this
    /// account (a coverage tie through its stakeholder), else nothing is deleted. The
    /// people's other ties, roles and map positions go with them, and undo restores
    /// all of it.
    pub fn delete_elements(&mut self, account_id: Id, selection: &MapSelection) -> Result<()> {
        self.refuse_if_read_only()?;
        selection.validate()?;
        let names = self.with_read(|tx| {
            rows::require(tx, "accounts", "account", account_id)?;
            selection_names(tx, account_id, selection)
        })?;
        let label = ActionLabel::new(Verb::Delete, EntityKind::Selection, summarise(&names));
        self.act(label, |tx| {
            // Ties before people: a tie of a selected person may be selected too, and
            // a row that is already gone is simply not there to delete.
            for (table, ids) in [
                ("coverage", &selection.coverage),
                ("influences", &selection.influences),
                ("stakeholders", &selection.stakeholders),
            ] {
                let mut delete =
                    tx.prepare_cached(&format!("DELETE FROM {table} WHERE id = ?1"))?;
                for id in ids {
                    delete.execute([id])?;
                }
            }
            Ok(())
        })
    }

    /// "update map <account name>"; `MissingRow` when there is no such account.
    fn map_label(&self, account_id: Id) -> Result<ActionLabel> {
        let name = self.with_read(|tx| rows::display_name(tx, "account", account_id))?;
        Ok(ActionLabel::new(Verb::Update, EntityKind::Map, name))
    }
}

/// The saved positions with their row ids, in the documented order.
fn stored_positions(
    tx: &Transaction<'_>,
    account_id: Id,
    layout: MapLayout,
) -> Result<Vec<(Id, MapPosition)>> {
    let mut stmt = tx.prepare_cached(
        "SELECT id, stakeholder_id, team_member_id, x, y FROM map_positions
         WHERE account_id = ?1 AND layout = ?2
         ORDER BY team_member_id IS NOT NULL, coalesce(stakeholder_id, team_member_id)",
    )?;
    let rows = stmt.query_map(params![account_id, layout.code()], |r| {
        let stakeholder: Option<Id> = r.get(1)?;
        let member: Option<Id> = r.get(2)?;
        let node = match (stakeholder, member) {
            (Some(id), None) => MapNode::Stakeholder(id),
            (None, Some(id)) => MapNode::TeamMember(id),
            // The table's CHECK allows exactly one of the two.
            _ => {
                return Err(rusqlite::Error::FromSqlConversionFailure(
                    1,
                    rusqlite::types::Type::Null,
                    "a map position needs exactly one node".into(),
                ))
            }
        };
        Ok((
            r.get(0)?,
            MapPosition {
                node,
                x: r.get(3)?,
                y: r.get(4)?,
            },
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn id_set(tx: &Transaction<'_>, sql: &str, params: impl rusqlite::Params) -> Result<HashSet<Id>> {
    let mut stmt = tx.prepare(sql)?;
    let rows = stmt.query_map(params, |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every stakeholder is one of the account's, every team member exists.
fn check_nodes(tx: &Transaction<'_>, account_id: Id, positions: &[MapPosition]) -> Result<()> {
    let people = id_set(
        tx,
        "SELECT id FROM stakeholders WHERE account_id = ?1",
        [account_id],
    )?;
    let team = id_set(tx, "SELECT id FROM team_members", [])?;
    for p in positions {
        let (known, why) = match p.node {
            MapNode::Stakeholder(id) => (people.contains(&id), "is not in this account"),
            MapNode::TeamMember(id) => (team.contains(&id), "does not exist"),
        };
        if !known {
            return Err(field_error(
                "positions",
                FieldErrorCode::UnknownReference,
                format!("{} {why}", p.node),
            ));
        }
    }
    Ok(())
}

/// The display name of every selected row, checking that each belongs to the account.
fn selection_names(
    tx: &Transaction<'_>,
    account_id: Id,
    selection: &MapSelection,
) -> Result<Vec<String>> {
    let groups: [(&str, &str, &str, &[Id]); 3] = [
        (
            "stakeholders",
            "stakeholder",
            "SELECT name FROM stakeholders WHERE id = ?1 AND account_id = ?2",
            &selection.stakeholders,
        ),
        (
            "influences",
            "influence tie",
            "SELECT a.name || ' → ' || b.name FROM influences i
             JOIN stakeholders a ON a.id = i.from_id JOIN stakeholders b ON b.id = i.to_id
             WHERE i.id = ?1 AND i.account_id = ?2",
            &selection.influences,
        ),
        (
            "coverage",
            "coverage tie",
            "SELECT t.name || ' → ' || s.name FROM coverage c
             JOIN team_members t ON t.id = c.team_member_id
             JOIN stakeholders s ON s.id = c.stakeholder_id
             WHERE c.id = ?1 AND s.account_id = ?2",
            &selection.coverage,
        ),
    ];
    let mut names = Vec::with_capacity(selection.len());
    for (field, entity, sql, ids) in groups {
        let mut stmt = tx.prepare_cached(sql)?;
        for &id in ids {
            let name: Option<String> = stmt
                .query_row(params![id, account_id], |r| r.get(0))
                .optional()?;
            names.push(name.ok_or_else(|| {
                field_error(
                    field,
                    FieldErrorCode::UnknownReference,
                    format!("{entity} {id} is not in this account"),
                )
            })?);
        }
    }
    Ok(names)
}

/// "Ada, Bo, Cy" or "Ada, Bo, Cy +4".
fn summarise(names: &[String]) -> String {
    let shown = names[..names.len().min(LABEL_NAMES)].join(", ");
    match names.len().saturating_sub(LABEL_NAMES) {
        0 => shown,
        rest => format!("{shown} +{rest}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_list_three_names_and_count_the_rest() {
        let names = |n: usize| -> Vec<String> { (1..=n).map(|i| format!("P{i}")).collect() };
        assert_eq!(summarise(&names(1)), "P1");
        assert_eq!(summarise(&names(3)), "P1, P2, P3");
        assert_eq!(summarise(&names(4)), "P1, P2, P3 +1");
        assert_eq!(summarise(&names(20)), "P1, P2, P3 +17");
    }
}
