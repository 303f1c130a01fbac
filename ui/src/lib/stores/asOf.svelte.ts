// The "as of" date cursor: `null` shows today's workspace (editable); a date shows the map,
// the analysis and the portfolio as they were at the end of that local day, read-only.
// Set by the timeline's date cursor; cleared when another workspace is opened.

const DATE = /^\d{4}-\d{2}-\d{2}$/;

let date = $state<string | null>(null);

export const asOf = {
  /** `YYYY-MM-DD`, or `null` for today. */
  get date(): string | null {
    return date;
  },
  get active(): boolean {
    return date !== null;
  },
  /** Shows the past as of `next` (`YYYY-MM-DD`); `null` (or today's date) returns to today. */
  set(next: string | null, today?: string): void {
    if (next !== null && !DATE.test(next)) throw new Error(`not a date: ${next}`);
    date = next !== null && today !== undefined && next >= today ? null : next;
  },
  clear(): void {
    date = null;
  },
};
