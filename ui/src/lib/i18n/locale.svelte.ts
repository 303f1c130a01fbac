// The reactive current locale and the `t()` lookup every user-visible string goes through.
import { en, type MessageKey } from './en';
import { zh } from './zh';

export type Locale = 'en' | 'zh';
export type { MessageKey };

export const catalogues: Record<Locale, Record<MessageKey, string>> = { en, zh };

/** Picks the app locale from an OS/browser language tag: zh* → zh, anything else → en. */
export function localeFromLanguageTag(tag: string | undefined | null): Locale {
  return tag && tag.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** Replaces `{name}` placeholders; unknown placeholders are left visible so gaps show. */
export function interpolate(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

let current = $state<Locale>(localeFromLanguageTag(typeof navigator === 'undefined' ? 'en' : navigator.language));

export const i18n = {
  get locale(): Locale {
    return current;
  },
  /** BCP-47 tag for Intl formatters. */
  get tag(): string {
    return current === 'zh' ? 'zh-CN' : 'en-GB';
  },
  set(locale: Locale): void {
    current = locale;
    if (typeof document !== 'undefined') document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
  },
};

/** Translates a message key in the current locale (reactive inside Svelte templates). */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const text = catalogues[current][key] ?? en[key] ?? key;
  return interpolate(text, params);
}
