//! Row-level SQL for each entity: insert, update, delete and the reference checks
//! that need to see other rows. Runs inside a transaction the caller owns; a failure
//! leaves the caller to roll back.

use std::collections::{BTreeMap, HashMap};

use rusqlite::{params, OptionalExtension, Transaction};

use rapport_core::validate::creates_cycle;
use rapport_core::{
    AccountFields, ClvInputs, CoverageFields, FactorFields, FieldError, FieldErrorCode, Id,
    InfluenceFields, InteractionFields, OrgUnitFields, StageChangeFields, StakeholderFields,
    TeamMemberFields, ValidationError,
};

use crate::error::{Result, StoreError};

pub(crate) fn field_error(
    field: &str,
    code: FieldErrorCode,
    message: impl Into<String>,
) -> StoreError {
    StoreError::Validation(ValidationError::single(FieldError::new(
        field, code, message,
    )))
}

/// The account a row belongs to, or `MissingRow` when the row does not exist.
fn account_of(
    tx: &Transaction<'_>,
    table: &'static str,
    entity: &'static str,
    id: Id,
) -> Result<Id> {
    tx.query_row(
        &format!("SELECT account_id FROM {table} WHERE id = ?1"),
        [id],
        |r| r.get(0),
    )
    .optional()?
    .ok_or(StoreError::MissingRow { entity, id })
}

fn exists(tx: &Transaction<'_>, table: &'static str, id: Id) -> Result<bool> {
    Ok(tx
        .query_row(
            &format!("SELECT 1 FROM {table} WHERE id = ?1"),
            [id],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

pub(crate) fn require(
    tx: &Transaction<'_>,
    table: &'static str,
    entity: &'static str,
    id: Id,
) -> Result<()> {
    if exists(tx, table, id)? {
        Ok(())
    } else {
        Err(StoreError::MissingRow { entity, id })
    }
}

/// A reference field must name a row of the same account.
fn same_account(
    tx: &Transaction<'_>,
    field: &str,
    table: &'static str,
    id: Id,
    account_id: Id,
) -> Result<()> {
    let owner: Option<Id> = tx
        .query_row(
            &format!("SELECT account_id FROM {table} WHERE id = ?1"),
            [id],
            |r| r.get(0),
        )
        .optional()?;
    if owner == Some(account_id) {
        Ok(())
    } else {
        Err(field_error(
            field,
            FieldErrorCode::UnknownReference,
            format!("{id} is not in this account"),
        ))
    }
}

/// An update may not move a row to another account.
fn unchanged_account(
    tx: &Transaction<'_>,
    table: &'static str,
    entity: &'static str,
    id: Id,
    account_id: Id,
) -> Result<()> {
    let current = account_of(tx, table, entity, id)?;
    if current == account_id {
        Ok(())
    } else {
        Err(field_error(
            "account_id",
            FieldErrorCode::Conflict,
            "cannot move to another account",
        ))
    }
}

fn parent_map(tx: &Transaction<'_>, sql: &str, account_id: Id) -> Result<HashMap<Id, Id>> {
    let mut stmt = tx.prepare(sql)?;
    let rows = stmt.query_map([account_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn name_of(
    tx: &Transaction<'_>,
    table: &'static str,
    entity: &'static str,
    id: Id,
) -> Result<String> {
    tx.query_row(
        &format!("SELECT name FROM {table} WHERE id = ?1"),
        [id],
        |r| r.get(0),
    )
    .optional()?
    .ok_or(StoreError::MissingRow { entity, id })
}

/// The display name used in history labels.
pub(crate) fn display_name(tx: &Transaction<'_>, entity: &'static str, id: Id) -> Result<String> {
    match entity {
        "account" => name_of(tx, "accounts", entity, id),
        "org unit" => name_of(tx, "org_units", entity, id),
        "stakeholder" => name_of(tx, "stakeholders", entity, id),
        "team member" => name_of(tx, "team_members", entity, id),
        "factor" => name_of(tx, "factors", entity, id),
        "influence tie" => tx
            .query_row(
                "SELECT a.name || ' → ' || b.name FROM influences i
                 JOIN stakeholders a ON a.id = i.from_id JOIN stakeholders b ON b.id = i.to_id
                 WHERE i.id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(StoreError::MissingRow { entity, id }),
        "coverage tie" => tx
            .query_row(
                "SELECT t.name || ' → ' || s.name FROM coverage c
                 JOIN team_members t ON t.id = c.team_member_id
                 JOIN stakeholders s ON s.id = c.stakeholder_id WHERE c.id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(StoreError::MissingRow { entity, id }),
        "interaction" => tx
            .query_row(
                "SELECT date || ' ' || kind FROM interactions WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(StoreError::MissingRow { entity, id }),
        "stage change" => tx
            .query_row(
                "SELECT date || ' ' || stage FROM stage_changes WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(StoreError::MissingRow { entity, id }),
        _ => Ok(String::new()),
    }
}

// ---- factors -------------------------------------------------------------------

/// Refuses a factor name already used on the same axis (ignoring case and the
/// surrounding spaces), other than by the factor `except` itself.
fn check_factor_name(tx: &Transaction<'_>, f: &FactorFields, except: Option<Id>) -> Result<()> {
    let wanted = f.name.trim().to_lowercase();
    let mut stmt = tx.prepare("SELECT id, name FROM factors WHERE axis = ?1")?;
    let rows = stmt.query_map([f.axis.code()], |r| {
        Ok((r.get::<_, Id>(0)?, r.get::<_, String>(1)?))
    })?;
    for row in rows {
        let (id, name) = row?;
        if Some(id) != except && name.trim().to_lowercase() == wanted {
            return Err(field_error(
                "name",
                FieldErrorCode::Duplicate,
                format!(
                    "another factor on this axis is already called {}",
                    name.trim()
                ),
            ));
        }
    }
    Ok(())
}

pub(crate) fn insert_factor(tx: &Transaction<'_>, f: &FactorFields) -> Result<Id> {
    check_factor_name(tx, f, None)?;
    tx.execute(
        "INSERT INTO factors (axis, name, weight, position)
         VALUES (?1, ?2, ?3, (SELECT coalesce(max(position), 0) + 1 FROM factors))",
        params![f.axis.code(), f.name.trim(), f.weight],
    )?;
    Ok(tx.last_insert_rowid())
}

pub(crate) fn update_factor(tx: &Transaction<'_>, id: Id, f: &FactorFields) -> Result<()> {
    require(tx, "factors", "factor", id)?;
    check_factor_name(tx, f, Some(id))?;
    tx.execute(
        "UPDATE factors SET axis = ?1, name = ?2, weight = ?3 WHERE id = ?4",
        params![f.axis.code(), f.name.trim(), f.weight, id],
    )?;
    Ok(())
}

pub(crate) fn delete_factor(tx: &Transaction<'_>, id: Id) -> Result<()> {
    require(tx, "factors", "factor", id)?;
    tx.execute("DELETE FROM factors WHERE id = ?1", [id])?;
    Ok(())
}

// ---- accounts ------------------------------------------------------------------

fn write_factor_scores(tx: &Transaction<'_>, account_id: Id, f: &AccountFields) -> Result<()> {
    for s in &f.factor_scores {
        if !exists(tx, "factors", s.factor_id)? {
            return Err(field_error(
                "factor_scores",
                FieldErrorCode::UnknownReference,
                format!("factor {} does not exist", s.factor_id),
            ));
        }
    }
    // Keep unchanged rows untouched so history records only real changes.
    let mut current: BTreeMap<Id, (Id, u8)> = BTreeMap::new();
    {
        let mut stmt = tx.prepare(
            "SELECT id, factor_id, score FROM account_factor_scores WHERE account_id = ?1",
        )?;
        let rows = stmt.query_map([account_id], |r| {
            Ok((r.get::<_, Id>(1)?, (r.get(0)?, r.get(2)?)))
        })?;
        for row in rows {
            let (factor, value) = row?;
            current.insert(factor, value);
        }
    }
    for s in &f.factor_scores {
        match current.remove(&s.factor_id) {
            Some((_, score)) if score == s.score => {}
            Some((row, _)) => {
                tx.execute(
                    "UPDATE account_factor_scores SET score = ?1 WHERE id = ?2",
                    params![s.score, row],
                )?;
            }
            None => {
                tx.execute(
                    "INSERT INTO account_factor_scores (account_id, factor_id, score) VALUES (?1, ?2, ?3)",
                    params![account_id, s.factor_id, s.score],
                )?;
            }
        }
    }
    for (_, (row, _)) in current {
        tx.execute("DELETE FROM account_factor_scores WHERE id = ?1", [row])?;
    }
    Ok(())
}

/// Stores the CLV inputs: a row only while they differ from the defaults, and no
/// write at all when nothing changed (so history records only real changes).
fn write_clv(tx: &Transaction<'_>, account_id: Id, f: &AccountFields) -> Result<()> {
    let current: Option<(Id, ClvInputs)> = tx
        .query_row(
            "SELECT id, retention, discount_rate, horizon_years, acquisition_cost
             FROM account_clv WHERE account_id = ?1",
            [account_id],
            |r| {
                Ok((
                    r.get(0)?,
                    ClvInputs {
                        retention: r.get(1)?,
                        discount_rate: r.get(2)?,
                        horizon_years: r.get(3)?,
                        acquisition_cost: r.get(4)?,
                    },
                ))
            },
        )
        .optional()?;
    let wanted = &f.clv;
    let is_default = *wanted == ClvInputs::default();
    match current {
        Some((_, ref stored)) if stored == wanted => {}
        Some((row, _)) if is_default => {
            tx.execute("DELETE FROM account_clv WHERE id = ?1", [row])?;
        }
        Some((row, _)) => {
            tx.execute(
                "UPDATE account_clv SET retention = ?1, discount_rate = ?2, horizon_years = ?3,
                        acquisition_cost = ?4 WHERE id = ?5",
                params![
                    wanted.retention,
                    wanted.discount_rate,
                    wanted.horizon_years,
                    wanted.acquisition_cost,
                    row
                ],
            )?;
        }
        None if is_default => {}
        None => {
            tx.execute(
                "INSERT INTO account_clv (account_id, retention, discount_rate, horizon_years, acquisition_cost)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    account_id,
                    wanted.retention,
                    wanted.discount_rate,
                    wanted.horizon_years,
                    wanted.acquisition_cost
                ],
            )?;
        }
    }
    Ok(())
}

pub(crate) fn insert_account(tx: &Transaction<'_>, f: &AccountFields) -> Result<Id> {
    tx.execute(
        "INSERT INTO accounts (name, industry, region, tier, annual_revenue, annual_margin, notes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            f.name.trim(),
            f.industry.trim(),
            f.region.trim(),
            f.tier.code(),
            f.annual_revenue,
            f.annual_margin,
            f.notes
        ],
    )?;
    let id = tx.last_insert_rowid();
    write_factor_scores(tx, id, f)?;
    write_clv(tx, id, f)?;
    Ok(id)
}

pub(crate) fn update_account(tx: &Transaction<'_>, id: Id, f: &AccountFields) -> Result<()> {
    require(tx, "accounts", "account", id)?;
    tx.execute(
        "UPDATE accounts SET name = ?1, industry = ?2, region = ?3, tier = ?4,
                annual_revenue = ?5, annual_margin = ?6, notes = ?7
         WHERE id = ?8 AND (name, industry, region, tier, annual_revenue, annual_margin, notes)
               IS NOT (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            f.name.trim(),
            f.industry.trim(),
            f.region.trim(),
            f.tier.code(),
            f.annual_revenue,
            f.annual_margin,
            f.notes,
            id
        ],
    )?;
    write_factor_scores(tx, id, f)?;
    write_clv(tx, id, f)?;
    Ok(())
}

pub(crate) fn delete_account(tx: &Transaction<'_>, id: Id) -> Result<()> {
    require(tx, "accounts", "account", id)?;
    // Foreign-key cascades remove the account's people, ties and dates; the history
    // triggers record each of those rows, so undo restores all of them.
    tx.execute("DELETE FROM accounts WHERE id = ?1", [id])?;
    Ok(())
}

// ---- org units -----------------------------------------------------------------

fn check_org_unit(tx: &Transaction<'_>, id: Option<Id>, f: &OrgUnitFields) -> Result<()> {
    require(tx, "accounts", "account", f.account_id)?;
    if let Some(parent) = f.parent_id {
        if Some(parent) == id {
            return Err(field_error(
                "parent_id",
                FieldErrorCode::SelfReference,
                "a unit cannot contain itself",
            ));
        }
        same_account(tx, "parent_id", "org_units", parent, f.account_id)?;
        if let Some(id) = id {
            let parents = parent_map(
                tx,
                "SELECT id, parent_id FROM org_units WHERE account_id = ?1 AND parent_id IS NOT NULL",
                f.account_id,
            )?;
            if creates_cycle(&parents, id, parent) {
                return Err(field_error(
                    "parent_id",
                    FieldErrorCode::Cycle,
                    "would place the unit inside one of its own sub-units",
                ));
            }
        }
    }
    Ok(())
}

pub(crate) fn insert_org_unit(tx: &Transaction<'_>, f: &OrgUnitFields) -> Result<Id> {
    check_org_unit(tx, None, f)?;
    tx.execute(
        "INSERT INTO org_units (account_id, name, parent_id) VALUES (?1, ?2, ?3)",
        params![f.account_id, f.name.trim(), f.parent_id],
    )?;
    Ok(tx.last_insert_rowid())
}

pub(crate) fn update_org_unit(tx: &Transaction<'_>, id: Id, f: &OrgUnitFields) -> Result<()> {
    unchanged_account(tx, "org_units", "org unit", id, f.account_id)?;
    check_org_unit(tx, Some(id), f)?;
    tx.execute(
        "UPDATE org_units SET name = ?1, parent_id = ?2
         WHERE id = ?3 AND (name, parent_id) IS NOT (?1, ?2)",
        params![f.name.trim(), f.parent_id, id],
    )?;
    Ok(())
}

pub(crate) fn delete_org_unit(tx: &Transaction<'_>, id: Id) -> Result<()> {
    require(tx, "org_units", "org unit", id)?;
    tx.execute("DELETE FROM org_units WHERE id = ?1", [id])?;
    Ok(())
}

// ---- stakeholders --------------------------------------------------------------

fn check_stakeholder(tx: &Transaction<'_>, id: Option<Id>, f: &StakeholderFields) -> Result<()> {
    require(tx, "accounts", "account", f.account_id)?;
    if let Some(unit) = f.org_unit_id {
        same_account(tx, "org_unit_id", "org_units", unit, f.account_id)?;
    }
    for (field, target) in [("reports_to", f.reports_to), ("dotted_to", f.dotted_to)] {
        let Some(target) = target else { continue };
        if Some(target) == id {
            return Err(field_error(
                field,
                FieldErrorCode::SelfReference,
                "a person cannot report to themselves",
            ));
        }
        same_account(tx, field, "stakeholders", target, f.account_id)?;
    }
    if let (Some(id), Some(boss)) = (id, f.reports_to) {
        let parents = parent_map(
            tx,
            "SELECT id, reports_to FROM stakeholders WHERE account_id = ?1 AND reports_to IS NOT NULL",
            f.account_id,
        )?;
        if creates_cycle(&parents, id, boss) {
            return Err(field_error(
                "reports_to",
                FieldErrorCode::Cycle,
                "would make a loop in the reporting lines",
            ));
        }
    }
    if f.economic_buyer {
        let other: Option<String> = tx
            .query_row(
                "SELECT name FROM stakeholders
                 WHERE account_id = ?1 AND economic_buyer = 1 AND id IS NOT ?2",
                params![f.account_id, id],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(other) = other {
            return Err(field_error(
                "economic_buyer",
                FieldErrorCode::Conflict,
                format!("{other} is already the economic buyer of this account"),
            ));
        }
    }
    Ok(())
}

fn write_roles(tx: &Transaction<'_>, id: Id, f: &StakeholderFields) -> Result<()> {
    let mut current: Vec<(Id, String)> = {
        let mut stmt =
            tx.prepare("SELECT id, role FROM stakeholder_roles WHERE stakeholder_id = ?1")?;
        let rows = stmt.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for role in &f.roles {
        if let Some(pos) = current.iter().position(|(_, r)| r == role.code()) {
            current.remove(pos);
        } else {
            tx.execute(
                "INSERT INTO stakeholder_roles (stakeholder_id, role) VALUES (?1, ?2)",
                params![id, role.code()],
            )?;
        }
    }
    for (row, _) in current {
        tx.execute("DELETE FROM stakeholder_roles WHERE id = ?1", [row])?;
    }
    Ok(())
}

pub(crate) fn insert_stakeholder(tx: &Transaction<'_>, f: &StakeholderFields) -> Result<Id> {
    check_stakeholder(tx, None, f)?;
    tx.execute(
        "INSERT INTO stakeholders (account_id, name, title, org_unit_id, reports_to, dotted_to,
             economic_buyer, coach, attitude, power, interest, org_needs, personal_wins,
             last_contact, notes, placeholder)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
        params![
            f.account_id,
            f.name.trim(),
            f.title.trim(),
            f.org_unit_id,
            f.reports_to,
            f.dotted_to,
            f.economic_buyer,
            f.coach,
            f.attitude.code(),
            f.power,
            f.interest,
            f.org_needs,
            f.personal_wins,
            f.last_contact,
            f.notes,
            f.placeholder
        ],
    )?;
    let id = tx.last_insert_rowid();
    write_roles(tx, id, f)?;
    Ok(id)
}

pub(crate) fn update_stakeholder(
    tx: &Transaction<'_>,
    id: Id,
    f: &StakeholderFields,
) -> Result<()> {
    unchanged_account(tx, "stakeholders", "stakeholder", id, f.account_id)?;
    check_stakeholder(tx, Some(id), f)?;
    tx.execute(
        "UPDATE stakeholders SET name = ?1, title = ?2, org_unit_id = ?3, reports_to = ?4,
             dotted_to = ?5, economic_buyer = ?6, coach = ?7, attitude = ?8, power = ?9,
             interest = ?10, org_needs = ?11, personal_wins = ?12, last_contact = ?13,
             notes = ?14, placeholder = ?15
         WHERE id = ?16 AND (name, title, org_unit_id, reports_to, dotted_to, economic_buyer,
             coach, attitude, power, interest, org_needs, personal_wins, last_contact, notes,
             placeholder)
             IS NOT (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
        params![
            f.name.trim(),
            f.title.trim(),
            f.org_unit_id,
            f.reports_to,
            f.dotted_to,
            f.economic_buyer,
            f.coach,
            f.attitude.code(),
            f.power,
            f.interest,
            f.org_needs,
            f.personal_wins,
            f.last_contact,
            f.notes,
            f.placeholder,
            id
        ],
    )?;
    write_roles(tx, id, f)?;
    Ok(())
}

pub(crate) fn delete_stakeholder(tx: &Transaction<'_>, id: Id) -> Result<()> {
    require(tx, "stakeholders", "stakeholder", id)?;
    tx.execute("DELETE FROM stakeholders WHERE id = ?1", [id])?;
    Ok(())
}

// ---- influence ties ------------------------------------------------------------

fn check_influence(tx: &Transaction<'_>, f: &InfluenceFields) -> Result<()> {
    require(tx, "accounts", "account", f.account_id)?;
    same_account(tx, "from_id", "stakeholders", f.from_id, f.account_id)?;
    same_account(tx, "to_id", "stakeholders", f.to_id, f.account_id)?;
    Ok(())
}

pub(crate) fn insert_influence(tx: &Transaction<'_>, f: &InfluenceFields) -> Result<Id> {
    check_influence(tx, f)?;
    tx.execute(
        "INSERT INTO influences (account_id, from_id, to_id, strength, kind, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            f.account_id,
            f.from_id,
            f.to_id,
            f.strength,
            f.kind.code(),
            f.note
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

pub(crate) fn update_influence(tx: &Transaction<'_>, id: Id, f: &InfluenceFields) -> Result<()> {
    unchanged_account(tx, "influences", "influence tie", id, f.account_id)?;
    check_influence(tx, f)?;
    tx.execute(
        "UPDATE influences SET from_id = ?1, to_id = ?2, strength = ?3, kind = ?4, note = ?5
         WHERE id = ?6 AND (from_id, to_id, strength, kind, note) IS NOT (?1, ?2, ?3, ?4, ?5)",
        params![f.from_id, f.to_id, f.strength, f.kind.code(), f.note, id],
    )?;
    Ok(())
}

pub(crate) fn delete_influence(tx: &Transaction<'_>, id: Id) -> Result<()> {
    require(tx, "influences", "influence tie", id)?;
    tx.execute("DELETE FROM influences WHERE id = ?1", [id])?;
    Ok(())
}

// ---- team members --------------------------------------------------------------

pub(crate) fn insert_team_member(tx: &Transaction<'_>, f: &TeamMemberFields) -> Result<Id> {
    tx.execute(
        "INSERT INTO team_members (name, role) VALUES (?1, ?2)",
        params![f.name.trim(), f.role.code()],
    )?;
    Ok(tx.last_insert_rowid())
}

pub(crate) fn update_team_member(tx: &Transaction<'_>, id: Id, f: &TeamMemberFields) -> Result<()> {
    require(tx, "team_members", "team member", id)?;
    tx.execute(
        "UPDATE team_members SET name = ?1, role = ?2 WHERE id = ?3 AND (name, role) IS NOT (?1, ?2)",
        params![f.name.trim(), f.role.code(), id],
    )?;
    Ok(())
}

pub(crate) fn delete_team_member(tx: &Transaction<'_>, id: Id) -> Result<()> {
    require(tx, "team_members", "team member", id)?;
    tx.execute("DELETE FROM team_members WHERE id = ?1", [id])?;
    Ok(())
}

// ---- coverage ------------------------------------------------------------------

fn check_coverage(tx: &Transaction<'_>, id: Option<Id>, f: &CoverageFields) -> Result<()> {
    if !exists(tx, "team_members", f.team_member_id)? {
        return Err(field_error(
            "team_member_id",
            FieldErrorCode::UnknownReference,
            format!("team member {} does not exist", f.team_member_id),
        ));
    }
    if !exists(tx, "stakeholders", f.stakeholder_id)? {
        return Err(field_error(
            "stakeholder_id",
            FieldErrorCode::UnknownReference,
            format!("stakeholder {} does not exist", f.stakeholder_id),
        ));
    }
    let duplicate: Option<Id> = tx
        .query_row(
            "SELECT id FROM coverage WHERE team_member_id = ?1 AND stakeholder_id = ?2 AND id IS NOT ?3",
            params![f.team_member_id, f.stakeholder_id, id],
            |r| r.get(0),
        )
        .optional()?;
    if duplicate.is_some() {
        return Err(field_error(
            "stakeholder_id",
            FieldErrorCode::Duplicate,
            "this team member already covers this person; edit that tie instead",
        ));
    }
    Ok(())
}

pub(crate) fn insert_coverage(tx: &Transaction<'_>, f: &CoverageFields) -> Result<Id> {
    check_coverage(tx, None, f)?;
    tx.execute(
        "INSERT INTO coverage (team_member_id, stakeholder_id, strength, last_contact, note)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            f.team_member_id,
            f.stakeholder_id,
            f.strength,
            f.last_contact,
            f.note
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

pub(crate) fn update_coverage(tx: &Transaction<'_>, id: Id, f: &CoverageFields) -> Result<()> {
    require(tx, "coverage", "coverage tie", id)?;
    check_coverage(tx, Some(id), f)?;
    tx.execute(
        "UPDATE coverage SET team_member_id = ?1, stakeholder_id = ?2, strength = ?3,
             last_contact = ?4, note = ?5
         WHERE id = ?6 AND (team_member_id, stakeholder_id, strength, last_contact, note)
               IS NOT (?1, ?2, ?3, ?4, ?5)",
        params![
            f.team_member_id,
            f.stakeholder_id,
            f.strength,
            f.last_contact,
            f.note,
            id
        ],
    )?;
    Ok(())
}

pub(crate) fn delete_coverage(tx: &Transaction<'_>, id: Id) -> Result<()> {
    require(tx, "coverage", "coverage tie", id)?;
    tx.execute("DELETE FROM coverage WHERE id = ?1", [id])?;
    Ok(())
}

// ---- interactions --------------------------------------------------------------

fn check_interaction(tx: &Transaction<'_>, f: &InteractionFields) -> Result<()> {
    require(tx, "accounts", "account", f.account_id)?;
    for s in &f.stakeholder_ids {
        same_account(tx, "stakeholder_ids", "stakeholders", *s, f.account_id)?;
    }
    for t in &f.team_member_ids {
        if !exists(tx, "team_members", *t)? {
            return Err(field_error(
                "team_member_ids",
                FieldErrorCode::UnknownReference,
                format!("team member {t} does not exist"),
            ));
        }
    }
    Ok(())
}

/// Brings a link table in line with `wanted`, touching only rows that change.
fn write_links(
    tx: &Transaction<'_>,
    table: &'static str,
    column: &'static str,
    interaction: Id,
    wanted: &[Id],
) -> Result<()> {
    let mut current: Vec<(Id, Id)> = {
        let mut stmt = tx.prepare(&format!(
            "SELECT id, {column} FROM {table} WHERE interaction_id = ?1"
        ))?;
        let rows = stmt.query_map([interaction], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for target in wanted {
        if let Some(pos) = current.iter().position(|(_, t)| t == target) {
            current.remove(pos);
        } else {
            tx.execute(
                &format!("INSERT INTO {table} (interaction_id, {column}) VALUES (?1, ?2)"),
                params![interaction, target],
            )?;
        }
    }
    for (row, _) in current {
        tx.execute(&format!("DELETE FROM {table} WHERE id = ?1"), [row])?;
    }
    Ok(())
}

pub(crate) fn insert_interaction(tx: &Transaction<'_>, f: &InteractionFields) -> Result<Id> {
    check_interaction(tx, f)?;
    tx.execute(
        "INSERT INTO interactions (account_id, date, kind, summary, sentiment)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            f.account_id,
            f.date,
            f.kind.code(),
            f.summary,
            f.sentiment.code()
        ],
    )?;
    let id = tx.last_insert_rowid();
    write_links(
        tx,
        "interaction_stakeholders",
        "stakeholder_id",
        id,
        &f.stakeholder_ids,
    )?;
    write_links(
        tx,
        "interaction_team_members",
        "team_member_id",
        id,
        &f.team_member_ids,
    )?;
    Ok(id)
}

pub(crate) fn update_interaction(
    tx: &Transaction<'_>,
    id: Id,
    f: &InteractionFields,
) -> Result<()> {
    unchanged_account(tx, "interactions", "interaction", id, f.account_id)?;
    check_interaction(tx, f)?;
    tx.execute(
        "UPDATE interactions SET date = ?1, kind = ?2, summary = ?3, sentiment = ?4
         WHERE id = ?5 AND (date, kind, summary, sentiment) IS NOT (?1, ?2, ?3, ?4)",
        params![f.date, f.kind.code(), f.summary, f.sentiment.code(), id],
    )?;
    write_links(
        tx,
        "interaction_stakeholders",
        "stakeholder_id",
        id,
        &f.stakeholder_ids,
    )?;
    write_links(
        tx,
        "interaction_team_members",
        "team_member_id",
        id,
        &f.team_member_ids,
    )?;
    Ok(())
}

pub(crate) fn delete_interaction(tx: &Transaction<'_>, id: Id) -> Result<()> {
    require(tx, "interactions", "interaction", id)?;
    tx.execute("DELETE FROM interactions WHERE id = ?1", [id])?;
    Ok(())
}

// ---- stage changes -------------------------------------------------------------

pub(crate) fn insert_stage_change(tx: &Transaction<'_>, f: &StageChangeFields) -> Result<Id> {
    require(tx, "accounts", "account", f.account_id)?;
    tx.execute(
        "INSERT INTO stage_changes (account_id, date, stage, evidence) VALUES (?1, ?2, ?3, ?4)",
        params![f.account_id, f.date, f.stage.code(), f.evidence],
    )?;
    Ok(tx.last_insert_rowid())
}

pub(crate) fn update_stage_change(
    tx: &Transaction<'_>,
    id: Id,
    f: &StageChangeFields,
) -> Result<()> {
    unchanged_account(tx, "stage_changes", "stage change", id, f.account_id)?;
    tx.execute(
        "UPDATE stage_changes SET date = ?1, stage = ?2, evidence = ?3
         WHERE id = ?4 AND (date, stage, evidence) IS NOT (?1, ?2, ?3)",
        params![f.date, f.stage.code(), f.evidence, id],
    )?;
    Ok(())
}

pub(crate) fn delete_stage_change(tx: &Transaction<'_>, id: Id) -> Result<()> {
    require(tx, "stage_changes", "stage change", id)?;
    tx.execute("DELETE FROM stage_changes WHERE id = ?1", [id])?;
    Ok(())
}
