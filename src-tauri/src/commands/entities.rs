//! Create, update and delete of every entity: each call is one undoable action in one
//! transaction, followed by a `WorkspaceChanged` event.

use rapport_core::{
    AccountFields, CoverageFields, FactorFields, Id, InfluenceFields, InteractionFields,
    OrgUnitFields, StageChangeFields, StakeholderFields, TeamMemberFields,
};
use tauri::{AppHandle, Runtime, State};
use tauri_specta::Event;

use crate::error::AppError;
use crate::events::{ChangeReason, WorkspaceChanged};
use crate::state::AppState;

/// Tells every view that the workspace changed by an edit.
pub(crate) fn changed<R: Runtime>(app: &AppHandle<R>) -> Result<(), AppError> {
    WorkspaceChanged {
        reason: ChangeReason::Edit,
    }
    .emit(app)?;
    Ok(())
}

/// Declares the three commands of one entity.
macro_rules! entity_commands {
    ($fields:ty, $create:ident, $update:ident, $delete:ident) => {
        #[tauri::command]
        #[specta::specta]
        pub async fn $create<R: Runtime>(
            app: AppHandle<R>,
            state: State<'_, AppState>,
            fields: $fields,
        ) -> Result<Id, AppError> {
            let id = state.with_workspace(move |ws| ws.$create(&fields)).await?;
            state.back_up(false).await;
            changed(&app)?;
            Ok(id)
        }

        #[tauri::command]
        #[specta::specta]
        pub async fn $update<R: Runtime>(
            app: AppHandle<R>,
            state: State<'_, AppState>,
            id: Id,
            fields: $fields,
        ) -> Result<(), AppError> {
            state
                .with_workspace(move |ws| ws.$update(id, &fields))
                .await?;
            state.back_up(false).await;
            changed(&app)
        }

        #[tauri::command]
        #[specta::specta]
        pub async fn $delete<R: Runtime>(
            app: AppHandle<R>,
            state: State<'_, AppState>,
            id: Id,
        ) -> Result<(), AppError> {
            state.with_workspace(move |ws| ws.$delete(id)).await?;
            state.back_up(false).await;
            changed(&app)
        }
    };
}

entity_commands!(
    AccountFields,
    create_account,
    update_account,
    delete_account
);
entity_commands!(
    OrgUnitFields,
    create_org_unit,
    update_org_unit,
    delete_org_unit
);
entity_commands!(
    StakeholderFields,
    create_stakeholder,
    update_stakeholder,
    delete_stakeholder
);
entity_commands!(
    InfluenceFields,
    create_influence,
    update_influence,
    delete_influence
);
entity_commands!(
    TeamMemberFields,
    create_team_member,
    update_team_member,
    delete_team_member
);
entity_commands!(
    CoverageFields,
    create_coverage,
    update_coverage,
    delete_coverage
);
entity_commands!(
    InteractionFields,
    create_interaction,
    update_interaction,
    delete_interaction
);
entity_commands!(
    StageChangeFields,
    create_stage_change,
    update_stage_change,
    delete_stage_change
);
entity_commands!(FactorFields, create_factor, update_factor, delete_factor);
