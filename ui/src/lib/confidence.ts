// Information ages: a stakeholder whose attitude or coverage was last confirmed (an interaction,
// a contact, a coverage contact: the analysis's `last_touch`) long ago is shown faded.

/** The default threshold, in days (the 180). */
export const DEFAULT_CONFIDENCE_DAYS = 180;
/** The choices offered in the settings. */
export const CONFIDENCE_CHOICES = [30, 60, 90, 180, 365, 730] as const;

const DAY = 86_400_000;

function utcDay(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(t) ? null : t;
}

/** Whole days from `lastTouch` to `today` (both `YYYY-MM-DD`); `null` when never confirmed. */
export function ageInDays(lastTouch: string | null | undefined, today: string): number | null {
  if (!lastTouch) return null;
  const a = utcDay(lastTouch);
  const b = utcDay(today);
  if (a === null || b === null) return null;
  return Math.max(0, Math.round((b - a) / DAY));
}

/** How sure we still are of what we know of someone. */
export type Confidence = { stale: boolean; days: number | null };

/** Stale when never confirmed or confirmed more than `threshold` days before `today`. */
export function confidenceOf(lastTouch: string | null | undefined, today: string, threshold: number): Confidence {
  const days = ageInDays(lastTouch, today);
  return { stale: days === null || days > threshold, days };
}

/** A valid threshold (a positive whole number of days), else the default. */
export function parseConfidenceDays(raw: unknown): number {
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw) : NaN;
  return Number.isInteger(n) && n > 0 && n <= 3650 ? n : DEFAULT_CONFIDENCE_DAYS;
}
