//! The public write API: one method per user action on each entity. Each validates
//! the input, then runs as one recorded action (one transaction, one undo step).

use rapport_core::{
    AccountFields, CoverageFields, FactorFields, Id, InfluenceFields, InteractionFields,
    OrgUnitFields, StageChangeFields, StakeholderFields, TeamMemberFields, Validate,
};

use crate::error::Result;
use crate::history::{ActionLabel, EntityKind, Verb};
use crate::rows;
use crate::workspace::Workspace;

/// Declares create/update/delete for one entity.
macro_rules! entity_actions {
    (
        $fields:ty, $kind:expr, $display:literal,
        $create:ident => $insert:path,
        $update:ident => $update_row:path,
        $delete:ident => $delete_row:path,
        $name:expr
    ) => {
        impl Workspace {
            #[doc = concat!("Creates a ", $display, " (one undoable action); returns its id.")]
            pub fn $create(&mut self, fields: &$fields) -> Result<Id> {
                self.refuse_if_read_only()?;
                fields.validate()?;
                let name_of: fn(&Workspace, &$fields) -> String = $name;
                let label = ActionLabel::new(Verb::Create, $kind, name_of(self, fields));
                self.act(label, |tx| $insert(tx, fields))
            }

            #[doc = concat!("Replaces a ", $display, "'s fields (one undoable action).")]
            pub fn $update(&mut self, id: Id, fields: &$fields) -> Result<()> {
                self.refuse_if_read_only()?;
                fields.validate()?;
                let name = self.with_read(|tx| rows::display_name(tx, $display, id))?;
                let label = ActionLabel::new(Verb::Update, $kind, name);
                self.act(label, |tx| $update_row(tx, id, fields))
            }

            #[doc = concat!("Deletes a ", $display, " and what hangs on it (one undoable action).")]
            pub fn $delete(&mut self, id: Id) -> Result<()> {
                self.refuse_if_read_only()?;
                let name = self.with_read(|tx| rows::display_name(tx, $display, id))?;
                let label = ActionLabel::new(Verb::Delete, $kind, name);
                self.act(label, |tx| $delete_row(tx, id))
            }
        }
    };
}

entity_actions!(FactorFields, EntityKind::Factor, "factor",
    create_factor => rows::insert_factor,
    update_factor => rows::update_factor,
    delete_factor => rows::delete_factor,
    |_, f| f.name.trim().to_string());

entity_actions!(AccountFields, EntityKind::Account, "account",
    create_account => rows::insert_account,
    update_account => rows::update_account,
    delete_account => rows::delete_account,
    |_, f| f.name.trim().to_string());

entity_actions!(OrgUnitFields, EntityKind::OrgUnit, "org unit",
    create_org_unit => rows::insert_org_unit,
    update_org_unit => rows::update_org_unit,
    delete_org_unit => rows::delete_org_unit,
    |_, f| f.name.trim().to_string());

entity_actions!(StakeholderFields, EntityKind::Stakeholder, "stakeholder",
    create_stakeholder => rows::insert_stakeholder,
    update_stakeholder => rows::update_stakeholder,
    delete_stakeholder => rows::delete_stakeholder,
    |_, f| f.name.trim().to_string());

entity_actions!(InfluenceFields, EntityKind::Influence, "influence tie",
    create_influence => rows::insert_influence,
    update_influence => rows::update_influence,
    delete_influence => rows::delete_influence,
    |ws, f| ws.pair_name("stakeholders", f.from_id, "stakeholders", f.to_id));

entity_actions!(TeamMemberFields, EntityKind::TeamMember, "team member",
    create_team_member => rows::insert_team_member,
    update_team_member => rows::update_team_member,
    delete_team_member => rows::delete_team_member,
    |_, f| f.name.trim().to_string());

entity_actions!(CoverageFields, EntityKind::Coverage, "coverage tie",
    create_coverage => rows::insert_coverage,
    update_coverage => rows::update_coverage,
    delete_coverage => rows::delete_coverage,
    |ws, f| ws.pair_name("team_members", f.team_member_id, "stakeholders", f.stakeholder_id));

entity_actions!(InteractionFields, EntityKind::Interaction, "interaction",
    create_interaction => rows::insert_interaction,
    update_interaction => rows::update_interaction,
    delete_interaction => rows::delete_interaction,
    |_, f| format!("{} {}", f.date, f.kind));

entity_actions!(StageChangeFields, EntityKind::StageChange, "stage change",
    create_stage_change => rows::insert_stage_change,
    update_stage_change => rows::update_stage_change,
    delete_stage_change => rows::delete_stage_change,
    |_, f| format!("{} {}", f.date, f.stage));

impl Workspace {
    /// Runs read-only SQL inside a deferred transaction (a consistent snapshot).
    pub(crate) fn with_read<T>(
        &self,
        body: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T>,
    ) -> Result<T> {
        let tx = self.conn.unchecked_transaction()?;
        let value = body(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// "A → B" for a tie's label; unknown ids show as "?" (the write then fails with a
    /// precise error).
    fn pair_name(&self, a_table: &str, a: Id, b_table: &str, b: Id) -> String {
        let name = |table: &str, id: Id| -> String {
            self.conn
                .query_row(
                    &format!("SELECT name FROM {table} WHERE id = ?1"),
                    [id],
                    |r| r.get::<_, String>(0),
                )
                .unwrap_or_else(|_| "?".to_string())
        };
        format!("{} → {}", name(a_table, a), name(b_table, b))
    }
}
