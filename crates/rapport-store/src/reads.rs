//! Queries that turn rows back into domain records. Each public read runs in one
//! transaction, so what the UI shows is a consistent snapshot.

use std::collections::HashMap;

use rusqlite::{params, OptionalExtension, Row, Transaction};

use rapport_core::{
    Account, AccountDetail, AccountFields, AccountSummary, Attitude, BuyingRole, ClvInputs,
    Coverage, CoverageFields, Factor, FactorAxis, FactorFields, FactorScore, Id, Influence,
    InfluenceFields, InfluenceKind, Interaction, InteractionFields, InteractionKind, OrgUnit,
    OrgUnitFields, Sentiment, Stage, StageChange, StageChangeFields, Stakeholder,
    StakeholderFields, TeamMember, TeamMemberFields, TeamRole, Tier,
};

use crate::error::{Result, StoreError};
use crate::workspace::Workspace;

/// Reads a vocabulary code column, failing loudly on a value the schema should have
/// refused.
fn code<T>(row: &Row<'_>, idx: usize, parse: fn(&str) -> Option<T>) -> rusqlite::Result<T> {
    let text: String = row.get(idx)?;
    parse(&text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            idx,
            rusqlite::types::Type::Text,
            format!("unexpected code {text:?}").into(),
        )
    })
}

impl Workspace {
    /// The accounts sidebar: every account with its head count and current stage.
    pub fn list_accounts(&self) -> Result<Vec<AccountSummary>> {
        self.with_read(|tx| {
            let mut stmt = tx.prepare(
                "SELECT a.id, a.name, a.tier, a.industry, a.region, a.annual_revenue, a.annual_margin,
                        (SELECT count(*) FROM stakeholders s WHERE s.account_id = a.id),
                        (SELECT stage FROM stage_changes c WHERE c.account_id = a.id
                          ORDER BY c.date DESC, c.id DESC LIMIT 1)
                 FROM accounts a ORDER BY a.name COLLATE NOCASE, a.id",
            )?;
            let rows = stmt.query_map([], |r| {
                let stage: Option<String> = r.get(8)?;
                Ok(AccountSummary {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    tier: code(r, 2, Tier::from_code)?,
                    industry: r.get(3)?,
                    region: r.get(4)?,
                    annual_revenue: r.get(5)?,
                    annual_margin: r.get(6)?,
                    stakeholder_count: r.get(7)?,
                    stage: stage.as_deref().and_then(Stage::from_code),
                })
            })?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
    }

    /// Everything about one account.
    pub fn account_detail(&self, account_id: Id) -> Result<AccountDetail> {
        self.with_read(|tx| read_account_detail(tx, account_id))
    }

    /// Everything about every account, in the sidebar's order, read in one transaction
    /// (the portfolio analyses' input).
    pub fn all_account_details(&self) -> Result<Vec<AccountDetail>> {
        self.with_read(|tx| {
            let ids: Vec<Id> = {
                let mut stmt =
                    tx.prepare("SELECT id FROM accounts ORDER BY name COLLATE NOCASE, id")?;
                let rows = stmt.query_map([], |r| r.get(0))?;
                rows.collect::<rusqlite::Result<_>>()?
            };
            ids.into_iter()
                .map(|id| read_account_detail(tx, id))
                .collect()
        })
    }

    /// The workspace's team members, by name.
    pub fn list_team_members(&self) -> Result<Vec<TeamMember>> {
        self.with_read(|tx| {
            let mut stmt = tx.prepare(
                "SELECT id, name, role FROM team_members ORDER BY name COLLATE NOCASE, id",
            )?;
            let rows = stmt.query_map([], |r| {
                Ok(TeamMember {
                    id: r.get(0)?,
                    fields: TeamMemberFields {
                        name: r.get(1)?,
                        role: code(r, 2, TeamRole::from_code)?,
                    },
                })
            })?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
    }

    /// The workspace's portfolio factors, attractiveness first.
    pub fn list_factors(&self) -> Result<Vec<Factor>> {
        self.with_read(|tx| {
            let mut stmt = tx.prepare(
                "SELECT id, axis, name, weight FROM factors ORDER BY axis, position, id",
            )?;
            let rows = stmt.query_map([], |r| {
                Ok(Factor {
                    id: r.get(0)?,
                    fields: FactorFields {
                        axis: code(r, 1, FactorAxis::from_code)?,
                        name: r.get(2)?,
                        weight: r.get(3)?,
                    },
                })
            })?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
    }

    /// Default factors of a new workspace (editable later in settings).
    pub(crate) fn seed_defaults(&mut self) -> Result<()> {
        let defaults: [(FactorAxis, &str, f64); 8] = [
            (FactorAxis::Attractiveness, "Revenue potential", 3.0),
            (FactorAxis::Attractiveness, "Growth of the customer", 2.0),
            (FactorAxis::Attractiveness, "Margin potential", 2.0),
            (FactorAxis::Attractiveness, "Strategic fit", 1.0),
            (FactorAxis::Relationship, "Share of wallet", 2.0),
            (FactorAxis::Relationship, "Depth of contacts", 2.0),
            (FactorAxis::Relationship, "Customer satisfaction", 2.0),
            (FactorAxis::Relationship, "Supplier status", 1.0),
        ];
        self.write_unrecorded(|tx| {
            let count: i64 = tx.query_row("SELECT count(*) FROM factors", [], |r| r.get(0))?;
            if count > 0 {
                return Ok(());
            }
            for (i, (axis, name, weight)) in defaults.iter().enumerate() {
                tx.execute(
                    "INSERT INTO factors (axis, name, weight, position) VALUES (?1, ?2, ?3, ?4)",
                    params![axis.code(), name, weight, i as i64],
                )?;
            }
            tx.execute(
                "INSERT OR REPLACE INTO workspace_meta (key, value) VALUES ('created_by', ?1)",
                [concat!("rapport ", env!("CARGO_PKG_VERSION"))],
            )?;
            Ok(())
        })
    }
}

fn read_account_detail(tx: &Transaction<'_>, account_id: Id) -> Result<AccountDetail> {
    let account = {
        let mut stmt = tx.prepare(
            "SELECT id, name, industry, region, tier, annual_revenue, annual_margin, notes
             FROM accounts WHERE id = ?1",
        )?;
        let mut rows = stmt.query_map([account_id], |r| {
            Ok(Account {
                id: r.get(0)?,
                fields: AccountFields {
                    name: r.get(1)?,
                    industry: r.get(2)?,
                    region: r.get(3)?,
                    tier: code(r, 4, Tier::from_code)?,
                    annual_revenue: r.get(5)?,
                    annual_margin: r.get(6)?,
                    factor_scores: Vec::new(),
                    clv: ClvInputs::default(),
                    notes: r.get(7)?,
                },
            })
        })?;
        match rows.next() {
            Some(row) => row?,
            None => {
                return Err(StoreError::MissingRow {
                    entity: "account",
                    id: account_id,
                })
            }
        }
    };
    let mut account = account;
    if let Some(clv) = tx
        .query_row(
            "SELECT retention, discount_rate, horizon_years, acquisition_cost
             FROM account_clv WHERE account_id = ?1",
            [account_id],
            |r| {
                Ok(ClvInputs {
                    retention: r.get(0)?,
                    discount_rate: r.get(1)?,
                    horizon_years: r.get(2)?,
                    acquisition_cost: r.get(3)?,
                })
            },
        )
        .optional()?
    {
        account.fields.clv = clv;
    }
    account.fields.factor_scores = {
        let mut stmt = tx.prepare(
            "SELECT factor_id, score FROM account_factor_scores WHERE account_id = ?1 ORDER BY factor_id",
        )?;
        let rows = stmt.query_map([account_id], |r| {
            Ok(FactorScore {
                factor_id: r.get(0)?,
                score: r.get(1)?,
            })
        })?;
        rows.collect::<rusqlite::Result<_>>()?
    };

    let org_units = {
        let mut stmt = tx.prepare(
            "SELECT id, account_id, name, parent_id FROM org_units WHERE account_id = ?1
             ORDER BY name COLLATE NOCASE, id",
        )?;
        let rows = stmt.query_map([account_id], |r| {
            Ok(OrgUnit {
                id: r.get(0)?,
                fields: OrgUnitFields {
                    account_id: r.get(1)?,
                    name: r.get(2)?,
                    parent_id: r.get(3)?,
                },
            })
        })?;
        rows.collect::<rusqlite::Result<Vec<_>>>()?
    };

    let mut roles: HashMap<Id, Vec<BuyingRole>> = HashMap::new();
    {
        let mut stmt = tx.prepare(
            "SELECT r.stakeholder_id, r.role FROM stakeholder_roles r
             JOIN stakeholders s ON s.id = r.stakeholder_id WHERE s.account_id = ?1",
        )?;
        let rows = stmt.query_map([account_id], |r| {
            Ok((r.get::<_, Id>(0)?, code(r, 1, BuyingRole::from_code)?))
        })?;
        for row in rows {
            let (id, role) = row?;
            roles.entry(id).or_default().push(role);
        }
    }
    let stakeholders = {
        let mut stmt = tx.prepare(
            "SELECT id, account_id, name, title, org_unit_id, reports_to, dotted_to, economic_buyer,
                    coach, attitude, power, interest, org_needs, personal_wins, last_contact, notes,
                    placeholder
             FROM stakeholders WHERE account_id = ?1 ORDER BY name COLLATE NOCASE, id",
        )?;
        let rows = stmt.query_map([account_id], |r| {
            let id: Id = r.get(0)?;
            Ok(Stakeholder {
                id,
                fields: StakeholderFields {
                    account_id: r.get(1)?,
                    name: r.get(2)?,
                    title: r.get(3)?,
                    org_unit_id: r.get(4)?,
                    reports_to: r.get(5)?,
                    dotted_to: r.get(6)?,
                    roles: Vec::new(),
                    economic_buyer: r.get(7)?,
                    coach: r.get(8)?,
                    attitude: code(r, 9, Attitude::from_code)?,
                    power: r.get(10)?,
                    interest: r.get(11)?,
                    org_needs: r.get(12)?,
                    personal_wins: r.get(13)?,
                    last_contact: r.get(14)?,
                    notes: r.get(15)?,
                    placeholder: r.get(16)?,
                },
            })
        })?;
        let mut list = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        for s in &mut list {
            let mut r = roles.remove(&s.id).unwrap_or_default();
            r.sort();
            s.fields.roles = r;
        }
        list
    };

    let influences = {
        let mut stmt = tx.prepare(
            "SELECT id, account_id, from_id, to_id, strength, kind, note FROM influences
             WHERE account_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([account_id], |r| {
            Ok(Influence {
                id: r.get(0)?,
                fields: InfluenceFields {
                    account_id: r.get(1)?,
                    from_id: r.get(2)?,
                    to_id: r.get(3)?,
                    strength: r.get(4)?,
                    kind: code(r, 5, InfluenceKind::from_code)?,
                    note: r.get(6)?,
                },
            })
        })?;
        rows.collect::<rusqlite::Result<Vec<_>>>()?
    };

    let coverage = {
        let mut stmt = tx.prepare(
            "SELECT c.id, c.team_member_id, c.stakeholder_id, c.strength, c.last_contact, c.note
             FROM coverage c JOIN stakeholders s ON s.id = c.stakeholder_id
             WHERE s.account_id = ?1 ORDER BY c.id",
        )?;
        let rows = stmt.query_map([account_id], |r| {
            Ok(Coverage {
                id: r.get(0)?,
                fields: CoverageFields {
                    team_member_id: r.get(1)?,
                    stakeholder_id: r.get(2)?,
                    strength: r.get(3)?,
                    last_contact: r.get(4)?,
                    note: r.get(5)?,
                },
            })
        })?;
        rows.collect::<rusqlite::Result<Vec<_>>>()?
    };

    let mut people: HashMap<Id, Vec<Id>> = HashMap::new();
    let mut team: HashMap<Id, Vec<Id>> = HashMap::new();
    for (table, column, target) in [
        ("interaction_stakeholders", "stakeholder_id", &mut people),
        ("interaction_team_members", "team_member_id", &mut team),
    ] {
        let mut stmt = tx.prepare(&format!(
            "SELECT l.interaction_id, l.{column} FROM {table} l
             JOIN interactions i ON i.id = l.interaction_id WHERE i.account_id = ?1 ORDER BY l.id"
        ))?;
        let rows = stmt.query_map([account_id], |r| {
            Ok((r.get::<_, Id>(0)?, r.get::<_, Id>(1)?))
        })?;
        for row in rows {
            let (interaction, id) = row?;
            target.entry(interaction).or_default().push(id);
        }
    }
    let interactions = {
        let mut stmt = tx.prepare(
            "SELECT id, account_id, date, kind, summary, sentiment FROM interactions
             WHERE account_id = ?1 ORDER BY date, id",
        )?;
        let rows = stmt.query_map([account_id], |r| {
            Ok(Interaction {
                id: r.get(0)?,
                fields: InteractionFields {
                    account_id: r.get(1)?,
                    date: r.get(2)?,
                    kind: code(r, 3, InteractionKind::from_code)?,
                    stakeholder_ids: Vec::new(),
                    team_member_ids: Vec::new(),
                    summary: r.get(4)?,
                    sentiment: code(r, 5, Sentiment::from_code)?,
                },
            })
        })?;
        let mut list = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        for i in &mut list {
            i.fields.stakeholder_ids = people.remove(&i.id).unwrap_or_default();
            i.fields.team_member_ids = team.remove(&i.id).unwrap_or_default();
        }
        list
    };

    let stage_changes = {
        let mut stmt = tx.prepare(
            "SELECT id, account_id, date, stage, evidence FROM stage_changes
             WHERE account_id = ?1 ORDER BY date, id",
        )?;
        let rows = stmt.query_map([account_id], |r| {
            Ok(StageChange {
                id: r.get(0)?,
                fields: StageChangeFields {
                    account_id: r.get(1)?,
                    date: r.get(2)?,
                    stage: code(r, 3, Stage::from_code)?,
                    evidence: r.get(4)?,
                },
            })
        })?;
        rows.collect::<rusqlite::Result<Vec<_>>>()?
    };

    Ok(AccountDetail {
        account,
        org_units,
        stakeholders,
        influences,
        coverage,
        interactions,
        stage_changes,
    })
}
