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

/** A share in [0, 1] as a percentage ("42%"); `digits` decimals (none by default). */
export function formatPercent(value: number | null, digits = 0, locale: string = i18n.tag): string {
  if (value === null || !Number.isFinite(value)) return '';
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** A score with a fixed number of decimals ("0.64"). */
export function formatScore(value: number | null, digits = 2, locale: string = i18n.tag): string {
  if (value === null || !Number.isFinite(value)) return '';
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** A value that may be negative, always with its sign ("+0.23", "−0.41", "0.00"). */
export function formatSigned(value: number | null, digits = 2, locale: string = i18n.tag): string {
  if (value === null || !Number.isFinite(value)) return '';
  // a value that rounds to zero shows as "0.00", never "−0.00"
  const rounded = Number(value.toFixed(digits));
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    signDisplay: rounded === 0 ? 'never' : 'always',
  }).format(rounded === 0 ? 0 : value);
}

/** A change in a share, in percentage points with its sign ("+12 pts"), for before → after deltas. */
export function formatPointDelta(value: number | null, locale: string = i18n.tag): string {
  if (value === null || !Number.isFinite(value)) return '';
  return formatSigned(value * 100, 0, locale);
}

/** Names as one phrase in the locale ("A, B and C" / "A、B和C"). */
export function formatList(names: readonly string[], locale: string = i18n.tag): string {
  if (typeof Intl.ListFormat === 'function') {
    return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(names);
  }
  return names.join(', ');
}

/** A rate in [0, 1] as a percentage with at most one decimal ("8%", "12.5%"). */
export function formatRate(value: number | null, locale: string = i18n.tag): string {
  if (value === null || !Number.isFinite(value)) return '';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

/** A local date-time `YYYY-MM-DDTHH:MM:SS` (no offset: local time) for reading, seconds included
 * (backups can be a second apart); other text is shown unchanged. */
export function formatDateTime(iso: string, locale: string = i18n.tag): string {
  const d = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(iso) ? new Date(iso) : null;
  if (!d || Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(d);
}

/** A file size in kilobytes below a megabyte, else in megabytes with one decimal ("84 kB", "2.5 MB"). */
export function formatFileSize(bytes: number, locale: string = i18n.tag): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  const mega = bytes >= 1_000_000;
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: mega ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: mega ? 1 : 0,
  }).format(mega ? bytes / 1_000_000 : Math.max(1, Math.round(bytes / 1000)));
}
