//! The user's language and theme.

use tauri::State;

use crate::error::AppError;
use crate::prefs::Preferences;
use crate::state::AppState;

#[tauri::command]
#[specta::specta]
pub async fn get_preferences(state: State<'_, AppState>) -> Result<Preferences, AppError> {
    Ok(state.stored().preferences)
}

#[tauri::command]
#[specta::specta]
pub async fn set_preferences(
    state: State<'_, AppState>,
    preferences: Preferences,
) -> Result<(), AppError> {
    state.update_stored(|s| s.preferences = preferences)
}
