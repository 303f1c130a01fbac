//! The Rapport desktop shell: the only crate that knows Tauri and specta. It opens the
//! workspace, exposes typed commands over the store, and emits change events.

pub mod commands;
pub mod dialog_text;
pub mod error;
pub mod events;
pub mod export;
pub mod launch;
pub mod prefs;
pub mod recovery;
pub mod save_dialog;
pub mod state;

use tauri::Manager;

use crate::launch::LaunchArgs;
use crate::state::AppState;

/// Every command and event of the app, typed, for a given Tauri runtime. A macro
/// because `collect_commands!` needs concrete generics: the app uses `tauri::Wry`, the
/// headless command tests `tauri::test::MockRuntime`.
#[macro_export]
macro_rules! rapport_builder {
    ($runtime:ty) => {
        ::tauri_specta::Builder::<$runtime>::new()
            .commands(::tauri_specta::collect_commands![
                $crate::commands::workspace::workspace_info,
                $crate::commands::workspace::take_startup_error,
                $crate::commands::workspace::list_recent_files,
                $crate::commands::workspace::new_workspace::<$runtime>,
                $crate::commands::workspace::open_workspace::<$runtime>,
                $crate::commands::workspace::open_recent::<$runtime>,
                $crate::commands::workspace::save_copy::<$runtime>,
                $crate::commands::preferences::get_preferences,
                $crate::commands::preferences::set_preferences,
                $crate::commands::reads::list_accounts,
                $crate::commands::reads::get_account,
                $crate::commands::reads::list_team_members,
                $crate::commands::reads::list_factors,
                $crate::commands::analysis::analyze_account,
                $crate::commands::analysis::introduction_paths,
                $crate::commands::analysis::what_if,
                $crate::commands::analysis::analyze_portfolio,
                $crate::commands::analysis::stage_analytics,
                $crate::commands::as_of::history_span,
                $crate::commands::as_of::account_as_of,
                $crate::commands::as_of::analyze_portfolio_as_of,
                $crate::commands::as_of::compare_account,
                $crate::commands::as_of::portfolio_timeline,
                $crate::commands::as_of::portfolio_trails,
                $crate::commands::as_of::portfolio_stages,
                $crate::commands::history::history_state,
                $crate::commands::history::undo::<$runtime>,
                $crate::commands::history::redo::<$runtime>,
                $crate::commands::entities::create_account::<$runtime>,
                $crate::commands::entities::update_account::<$runtime>,
                $crate::commands::entities::delete_account::<$runtime>,
                $crate::commands::entities::create_org_unit::<$runtime>,
                $crate::commands::entities::update_org_unit::<$runtime>,
                $crate::commands::entities::delete_org_unit::<$runtime>,
                $crate::commands::entities::create_stakeholder::<$runtime>,
                $crate::commands::entities::update_stakeholder::<$runtime>,
                $crate::commands::entities::delete_stakeholder::<$runtime>,
                $crate::commands::entities::create_influence::<$runtime>,
                $crate::commands::entities::update_influence::<$runtime>,
                $crate::commands::entities::delete_influence::<$runtime>,
                $crate::commands::entities::create_team_member::<$runtime>,
                $crate::commands::entities::update_team_member::<$runtime>,
                $crate::commands::entities::delete_team_member::<$runtime>,
                $crate::commands::entities::create_coverage::<$runtime>,
                $crate::commands::entities::update_coverage::<$runtime>,
                $crate::commands::entities::delete_coverage::<$runtime>,
                $crate::commands::entities::create_interaction::<$runtime>,
                $crate::commands::entities::update_interaction::<$runtime>,
                $crate::commands::entities::delete_interaction::<$runtime>,
                $crate::commands::entities::create_stage_change::<$runtime>,
                $crate::commands::entities::update_stage_change::<$runtime>,
                $crate::commands::entities::delete_stage_change::<$runtime>,
                $crate::commands::entities::create_factor::<$runtime>,
                $crate::commands::entities::update_factor::<$runtime>,
                $crate::commands::entities::delete_factor::<$runtime>,
                $crate::commands::map::map_positions,
                $crate::commands::map::save_map_positions::<$runtime>,
                $crate::commands::map::reset_map_positions::<$runtime>,
                $crate::commands::map::delete_elements::<$runtime>,
                $crate::commands::map::export_file::<$runtime>,
                $crate::commands::recovery::list_backups,
                $crate::commands::recovery::restore_backup::<$runtime>,
                $crate::commands::recovery::open_failure,
                $crate::commands::recovery::open_read_only::<$runtime>,
                $crate::commands::recovery::restore_failed_file::<$runtime>,
                $crate::commands::recovery::copy_failed_file::<$runtime>,
            ])
            .events(::tauri_specta::collect_events![
                $crate::events::WorkspaceChanged
            ])
            .dangerously_cast_bigints_to_number()
            .disable_serde_phases()
    };
}

/// The app's builder on the real runtime (also used to export the bindings).
pub fn specta_builder() -> tauri_specta::Builder<tauri::Wry> {
    rapport_builder!(tauri::Wry)
}

/// Builds the state for `args`: opens the start-up workspace, remembering why not if
/// it cannot be opened (the UI shows that and offers the File menu).
pub fn initial_state(args: &LaunchArgs) -> AppState {
    let data_dir = args
        .data_dir
        .clone()
        .unwrap_or_else(launch::default_data_dir);
    let state = AppState::new(data_dir);
    let recent = state.stored().recent;
    match launch::initial_workspace(args.file.as_deref(), &recent, state.data_dir()) {
        Ok(ws) => state.install(ws),
        Err(e) => state.set_startup_failure(e),
    }
    state
}

/// Starts the desktop app.
pub fn run(args: LaunchArgs) -> Result<(), tauri::Error> {
    let builder = specta_builder();
    let state = initial_state(&args);
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(state)
        .invoke_handler(builder.invoke_handler())
        .setup(move |app| {
            builder.mount_events(app);
            let state = app.state::<AppState>();
            if let (Ok(Some(info)), Some(window)) = (state.info(), app.get_webview_window("main")) {
                window.set_title(&format!("{} — Rapport", info.file_name))?;
            }
            Ok(())
        })
        .run(tauri::generate_context!())
}
