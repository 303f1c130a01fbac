// Locale-aware number and date formatting for display (never for values sent to the backend).
import { i18n } from './i18n/locale.svelte';

/** Money in the workspace currency (no symbol: the workspace does not record one). */
export function formatMoney(value: number | null, locale: string = i18n.tag): string {
  if (value === null || !Number.isFinite(value)) return '';
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

export function formatNumber(value: number | null, locale: string = i18n.tag): string {
  if (value === null || !Number.isFinite(value)) return '';
  return new Intl.NumberFormat(locale).format(value);
}

/** Formats an ISO `YYYY-MM-DD` date for reading; other text is shown unchanged. */
export function formatDate(iso: string | null | undefined, locale: string = i18n.tag): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}
