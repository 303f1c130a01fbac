// Language, theme and confidence-threshold preferences: applied at once, cached in localStorage for a flash-free
// start, and saved to the backend (the store is the truth across windows).
import type { Preferences } from '../bindings';
import { api } from '../api';
import { DEFAULT_CONFIDENCE_DAYS, parseConfidenceDays } from '../confidence';
import { i18n, localeFromLanguageTag, type Locale } from '../i18n/locale.svelte';

export type ThemeChoice = 'light' | 'dark' | 'projector' | 'system';
export type LanguageChoice = Locale | 'system';

const THEME_KEY = 'rapport.theme';
const LANGUAGE_KEY = 'rapport.language';
const CONFIDENCE_KEY = 'rapport.confidenceDays';

function readLocal(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeLocal(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // storage may be unavailable; the backend keeps the preference anyway
  }
}

export function parseTheme(v: string | null | undefined): ThemeChoice {
  return v === 'light' || v === 'dark' || v === 'projector' ? v : 'system';
}

export function parseLanguage(v: string | null | undefined): LanguageChoice {
  return v === 'en' || v === 'zh' ? v : 'system';
}

let theme = $state<ThemeChoice>(parseTheme(readLocal(THEME_KEY)));
let language = $state<LanguageChoice>(parseLanguage(readLocal(LANGUAGE_KEY)));
let confidenceDays = $state<number>(parseConfidenceDays(readLocal(CONFIDENCE_KEY) ?? DEFAULT_CONFIDENCE_DAYS));

function systemLocale(): Locale {
  return localeFromLanguageTag(typeof navigator === 'undefined' ? undefined : navigator.language);
}

function apply(): void {
  i18n.set(language === 'system' ? systemLocale() : language);
  if (typeof document !== 'undefined') {
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }
}

function toBackend(): Preferences {
  return { language: language === 'system' ? null : language, theme, confidence_days: confidenceDays };
}

async function save(): Promise<void> {
  writeLocal(THEME_KEY, theme);
  writeLocal(LANGUAGE_KEY, language);
  writeLocal(CONFIDENCE_KEY, String(confidenceDays));
  try {
    await api.setPreferences(toBackend());
  } catch {
    // a missing backend (e.g. tests) must not block the local switch
  }
}

export const preferences = {
  get theme(): ThemeChoice {
    return theme;
  },
  get language(): LanguageChoice {
    return language;
  },
  setTheme(next: ThemeChoice): Promise<void> {
    theme = next;
    apply();
    return save();
  },
  /** Days after which a stakeholder's information is shown faded. */
  get confidenceDays(): number {
    return confidenceDays;
  },
  setConfidenceDays(next: number): Promise<void> {
    confidenceDays = parseConfidenceDays(next);
    return save();
  },
  setLanguage(next: LanguageChoice): Promise<void> {
    language = next;
    apply();
    return save();
  },
  /** Applies cached choices, then adopts the backend's saved preferences. */
  async load(): Promise<void> {
    apply();
    try {
      const p = await api.getPreferences();
      theme = parseTheme(p.theme);
      language = parseLanguage(p.language);
      confidenceDays = parseConfidenceDays(p.confidence_days);
      writeLocal(CONFIDENCE_KEY, String(confidenceDays));
      writeLocal(THEME_KEY, theme);
      writeLocal(LANGUAGE_KEY, language);
      apply();
    } catch {
      // keep the cached choices
    }
  },
};
