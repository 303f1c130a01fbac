//! The few strings Rust shows itself, in native file dialogs (everything else is
//! translated by the UI's catalogues). Follows the language preference, else the OS.

use crate::prefs::Language;

/// A string of the native dialogs.
#[derive(Debug, Clone, Copy)]
pub enum DialogText {
    FilterName,
    NewTitle,
    OpenTitle,
    SaveCopyTitle,
    UntitledFile,
    ExportTitle,
    PngFilter,
    SvgFilter,
}

impl DialogText {
    pub fn get(self, language: Language) -> &'static str {
        match (self, language) {
            (DialogText::FilterName, Language::En) => "Rapport workspace",
            (DialogText::FilterName, Language::Zh) => "Rapport 工作区",
            (DialogText::NewTitle, Language::En) => "New workspace",
            (DialogText::NewTitle, Language::Zh) => "新建工作区",
            (DialogText::OpenTitle, Language::En) => "Open workspace",
            (DialogText::OpenTitle, Language::Zh) => "打开工作区",
            (DialogText::SaveCopyTitle, Language::En) => "Save a copy as",
            (DialogText::SaveCopyTitle, Language::Zh) => "另存副本",
            (DialogText::UntitledFile, Language::En) => "Untitled.rapport",
            (DialogText::UntitledFile, Language::Zh) => "未命名.rapport",
            (DialogText::ExportTitle, Language::En) => "Export image",
            (DialogText::ExportTitle, Language::Zh) => "导出图片",
            (DialogText::PngFilter, Language::En) => "PNG image",
            (DialogText::PngFilter, Language::Zh) => "PNG 图片",
            (DialogText::SvgFilter, Language::En) => "SVG image",
            (DialogText::SvgFilter, Language::Zh) => "SVG 图片",
        }
    }
}

/// The language to use: the preference, else the OS locale from the environment.
pub fn effective_language(preference: Option<Language>) -> Language {
    if let Some(language) = preference {
        return language;
    }
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty())
        .unwrap_or_default();
    if locale.to_ascii_lowercase().starts_with("zh") {
        Language::Zh
    } else {
        Language::En
    }
}
