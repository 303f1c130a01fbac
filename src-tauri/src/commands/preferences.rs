//! The user's language, theme and how long information stays trusted.

use tauri::State;

use crate::error::{AppError, ErrorKind};
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
    if !(1..=3650).contains(&preferences.confidence_days) {
        return Err(AppError::new(
            ErrorKind::Validation,
            format!(
                "The confidence threshold must be between 1 and 3650 days, not {}.",
                preferences.confidence_days
            ),
        ));
    }
    state.update_stored(|s| s.preferences = preferences)
}
