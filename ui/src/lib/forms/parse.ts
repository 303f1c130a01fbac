// Converts form text into the values the backend expects (numbers, ids, optional dates).

/** Parses a user-typed number, accepting grouping separators and spaces; null if not a number. */
export function parseNumber(text: string): number | null {
  const cleaned = text.trim().replace(/[\s,_']/g, '');
  if (cleaned === '') return null;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(cleaned)) return null;
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : null;
}

/** Parses a whole number (e.g. a 1–5 score); null if empty or not an integer. */
export function parseInteger(text: string): number | null {
  const n = parseNumber(text);
  return n !== null && Number.isInteger(n) ? n : null;
}

/** An `<option>` value → an id, '' meaning "none". */
export function idOrNull(value: string): number | null {
  if (value === '') return null;
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : null;
}

export function idText(id: number | null | undefined): string {
  return id === null || id === undefined ? '' : String(id);
}

/** An optional date field: blank → null, otherwise the trimmed text (the backend validates it). */
export function dateOrNull(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

/** Today's date as `YYYY-MM-DD` in local time. */
export function todayIso(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
