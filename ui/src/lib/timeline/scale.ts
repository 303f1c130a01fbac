// Pure geometry of the stage timeline: UTC day arithmetic on `YYYY-MM-DD` dates (no time zones,
// no DST), the visible window (zoom around a pointer, pan, clamping), ticks with localised
// labels, stage bands and regression markers from ordered stage changes, interaction ticks.
import { scaleUtc, type TimeScale } from '../charts/scales';
import { utcDay, utcMonday, utcMonth, utcYear, type CountableTimeInterval, type TimeInterval } from 'd3-time';
import type { Stage, StageChange } from '../bindings';
import { STAGES } from '../vocab';
import { textWidth } from './glyphs';

export const DAY_MS = 86_400_000;
/** The narrowest window: about four weeks. */
export const MIN_SPAN_DAYS = 28;
/** Days shown either side of the data when fitting. */
export const FIT_MARGIN_DAYS = 30;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Milliseconds (UTC midnight) of a `YYYY-MM-DD` date. */
export function dayMs(date: string): number {
  const m = ISO.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/** `YYYY-MM-DD` of the UTC day containing `ms`. */
export function isoDay(ms: number): string {
  return new Date(Math.floor(ms / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((dayMs(b) - dayMs(a)) / DAY_MS);
}

export function addDays(date: string, days: number): string {
  return isoDay(dayMs(date) + days * DAY_MS);
}

/** Adds calendar months, keeping the day where it exists (31 Jan + 1 month → 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const d = new Date(dayMs(date));
  const day = d.getUTCDate();
  const first = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1);
  const f = new Date(first);
  const last = new Date(Date.UTC(f.getUTCFullYear(), f.getUTCMonth() + 1, 0)).getUTCDate();
  return isoDay(Date.UTC(f.getUTCFullYear(), f.getUTCMonth(), Math.min(day, last)));
}

// ---------------------------------------------------------------------------------------------
// The visible window

/** A visible time window, UTC milliseconds. */
export interface Window {
  start: number;
  end: number;
}

/** The window showing all `dates` and `today`, with margins either side. */
export function fitWindow(dates: readonly string[], today: string): Window {
  let lo = dayMs(today);
  let hi = lo;
  for (const d of dates) {
    const ms = dayMs(d);
    if (ms < lo) lo = ms;
    if (ms > hi) hi = ms;
  }
  lo -= FIT_MARGIN_DAYS * DAY_MS;
  hi += FIT_MARGIN_DAYS * DAY_MS;
  if (hi - lo < MIN_SPAN_DAYS * DAY_MS) {
    const mid = (lo + hi) / 2;
    lo = mid - (MIN_SPAN_DAYS * DAY_MS) / 2;
    hi = mid + (MIN_SPAN_DAYS * DAY_MS) / 2;
  }
  return { start: lo, end: hi };
}

/** Keeps a window's span within [four weeks, the bounds' span] and inside the bounds. */
export function clampWindow(w: Window, bounds: Window): Window {
  const maxSpan = Math.max(bounds.end - bounds.start, MIN_SPAN_DAYS * DAY_MS);
  const span = Math.min(Math.max(w.end - w.start, MIN_SPAN_DAYS * DAY_MS), maxSpan);
  let start = w.start;
  // A window grown or shrunk by the clamp stays centred where it was.
  if (span !== w.end - w.start) start = (w.start + w.end) / 2 - span / 2;
  const boundsSpan = bounds.end - bounds.start;
  if (span >= boundsSpan) start = bounds.start - (span - boundsSpan) / 2;
  else start = Math.min(Math.max(start, bounds.start), bounds.end - span);
  return { start, end: start + span };
}

/** Zooms by `factor` (> 1 zooms in) keeping the instant under pixel `px` (of `width`) in place. */
export function zoomAt(w: Window, factor: number, px: number, width: number, bounds: Window): Window {
  const f = Math.min(Math.max(px / Math.max(width, 1), 0), 1);
  const pivot = w.start + f * (w.end - w.start);
  let span = (w.end - w.start) / factor;
  const maxSpan = Math.max(bounds.end - bounds.start, MIN_SPAN_DAYS * DAY_MS);
  span = Math.min(Math.max(span, MIN_SPAN_DAYS * DAY_MS), maxSpan);
  return clampWindow({ start: pivot - f * span, end: pivot - f * span + span }, bounds);
}

/** Pans by `dx` pixels (positive moves the content right, i.e. shows earlier dates). */
export function panBy(w: Window, dx: number, width: number, bounds: Window): Window {
  const shift = (-dx / Math.max(width, 1)) * (w.end - w.start);
  return clampWindow({ start: w.start + shift, end: w.end + shift }, bounds);
}

/** Moves the window so that `date` is visible (with a small inset); unchanged if already visible. */
export function revealDay(w: Window, date: string, bounds: Window): Window {
  const ms = dayMs(date);
  const inset = (w.end - w.start) * 0.05;
  if (ms >= w.start + inset && ms <= w.end - inset) return w;
  const span = w.end - w.start;
  const start = ms < w.start + inset ? ms - inset : ms + inset - span;
  const outer = { start: Math.min(bounds.start, ms - inset), end: Math.max(bounds.end, ms + inset) };
  return clampWindow({ start, end: start + span }, outer);
}

export function timeScale(w: Window, x0: number, x1: number): TimeScale {
  return scaleUtc().domain([new Date(w.start), new Date(w.end)]).range([x0, x1]);
}

/** The whole day nearest pixel `x` (the cursor snaps to days). */
export function dayAtX(scale: TimeScale, x: number): string {
  const ms = scale.invert(x).getTime();
  return isoDay(Math.round(ms / DAY_MS) * DAY_MS);
}

/** The pixel of a day's start. */
export function xOfDay(scale: TimeScale, date: string): number {
  return scale(new Date(dayMs(date)));
}

// ---------------------------------------------------------------------------------------------
// Ticks

export type TickUnit = 'day' | 'week' | 'month' | 'quarter' | 'year' | 'years';

export interface Tick {
  x: number;
  date: string;
  label: string;
  /** The first tick of a year (or of a month at day/week zoom): drawn stronger. */
  major: boolean;
}

const UNITS: { unit: TickUnit; days: number; interval: TimeInterval | CountableTimeInterval | null }[] = [
  { unit: 'day', days: 1, interval: utcDay },
  { unit: 'week', days: 7, interval: utcMonday },
  { unit: 'month', days: 30.4, interval: utcMonth },
  { unit: 'quarter', days: 91.3, interval: utcMonth.every(3) },
  { unit: 'year', days: 365.25, interval: utcYear },
  { unit: 'years', days: 365.25 * 5, interval: utcYear.every(5) },
];

/** The finest tick unit whose ticks are at least `minGap` pixels apart. */
export function tickUnit(w: Window, width: number, minGap = 70): TickUnit {
  const pxPerDay = width / Math.max((w.end - w.start) / DAY_MS, 1e-9);
  for (const u of UNITS) if (u.days * pxPerDay >= minGap) return u.unit;
  return 'years';
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${options.year ?? ''}|${options.month ?? ''}|${options.day ?? ''}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    formatters.set(key, f);
  }
  return f;
}

/** A day in the reader's language, e.g. "3 Feb 2025" / "2025年2月3日". */
export function formatDay(date: string, locale: string): string {
  return formatter(locale, { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(dayMs(date)));
}

/**
 * Ticks for the window at `width` pixels, labelled in `locale`: the finest unit whose ticks are
 * `minGap` apart and whose labels (at about `fontPx`) do not run into the next tick.
 */
export function ticksFor(w: Window, width: number, locale: string, minGap = 70, fontPx = 12.5): Tick[] {
  const first = UNITS.findIndex((u) => u.unit === tickUnit(w, width, minGap));
  let ticks: Tick[] = [];
  for (let i = first; i < UNITS.length; i++) {
    ticks = ticksOfUnit(w, width, locale, UNITS[i]!.unit);
    const gap = UNITS[i]!.days * (width / Math.max((w.end - w.start) / DAY_MS, 1e-9));
    if (ticks.every((tk) => textWidth(tk.label, fontPx) + 8 <= gap * 0.92)) break;
  }
  return ticks;
}

function ticksOfUnit(w: Window, width: number, locale: string, unit: TickUnit): Tick[] {
  const interval = UNITS.find((u) => u.unit === unit)!.interval!;
  const scale = timeScale(w, 0, width);
  const dates = interval.range(new Date(w.start), new Date(w.end + 1));
  return dates.map((d) => {
    const date = isoDay(d.getTime());
    const month = d.getUTCMonth();
    const day = d.getUTCDate();
    let label: string;
    let major: boolean;
    if (unit === 'year' || unit === 'years') {
      label = formatter(locale, { year: 'numeric' }).format(d);
      major = true;
    } else if (unit === 'month' || unit === 'quarter') {
      major = month === 0;
      label = formatter(locale, major ? { year: 'numeric', month: 'short' } : { month: 'short' }).format(d);
    } else {
      major = unit === 'day' ? day === 1 : day <= 7;
      label = formatter(locale, major ? { month: 'short', day: 'numeric' } : { day: 'numeric' }).format(d);
      if (major && month === 0) label = formatter(locale, { year: 'numeric', month: 'short', day: 'numeric' }).format(d);
    }
    return { x: scale(d), date, label, major };
  });
}

// ---------------------------------------------------------------------------------------------
// Stages

export function stageNumber(stage: Stage): number {
  return STAGES.indexOf(stage) + 1;
}

/** A move to a lower stage number or into disintegration (never out of it); mirrors rapport-core. */
export function isRegression(from: Stage | null, to: Stage): boolean {
  if (from === null) return false;
  if (to === 'disintegrating') return from !== 'disintegrating';
  if (from === 'disintegrating') return false;
  return stageNumber(to) < stageNumber(from);
}

/** Stage changes in date order; same-day changes keep their creation (id) order. */
export function orderedChanges(changes: readonly StageChange[]): StageChange[] {
  return [...changes].sort((a, b) => a.fields.date.localeCompare(b.fields.date) || a.id - b.id);
}

export interface StageMarker {
  id: number;
  date: string;
  stage: Stage;
  from: Stage | null;
  evidence: string;
  regression: boolean;
  /** Dated after today: planned, not yet in force. */
  future: boolean;
}

export interface StageBand {
  stage: Stage;
  /** First day (inclusive). */
  from: string;
  /** End (exclusive): the next change, or today for the current stage. */
  to: string;
  changeId: number;
  current: boolean;
}

/** One marker per change, in date order, with the stage it moved from. */
export function stageMarkers(changes: readonly StageChange[], today: string): StageMarker[] {
  let previous: Stage | null = null;
  return orderedChanges(changes).map((c) => {
    const m: StageMarker = {
      id: c.id,
      date: c.fields.date,
      stage: c.fields.stage,
      from: previous,
      evidence: c.fields.evidence,
      regression: isRegression(previous, c.fields.stage),
      future: c.fields.date > today,
    };
    previous = c.fields.stage;
    return m;
  });
}

/**
 * A band per span in force up to today: from a change to the next (same-day changes give
 * way to the last of the day), the last running to today. Future-dated changes make no band
 * (they are markers only); a change dated today makes a one-day band.
 */
export function stageBands(changes: readonly StageChange[], today: string): StageBand[] {
  const past = orderedChanges(changes).filter((c) => c.fields.date <= today);
  const bands: StageBand[] = [];
  const end = addDays(today, 1);
  past.forEach((c, i) => {
    const next = past[i + 1];
    const to = next ? next.fields.date : end;
    if (to <= c.fields.date) return;
    bands.push({ stage: c.fields.stage, from: c.fields.date, to, changeId: c.id, current: !next });
  });
  return bands;
}

/** The stage in force on `date` (the last change at or before it), or null. */
export function stageAt(changes: readonly StageChange[], date: string): StageChange | null {
  let found: StageChange | null = null;
  for (const c of orderedChanges(changes)) if (c.fields.date <= date) found = c;
  return found;
}

/** The current stage and how many days it has held (today counts from its first day). */
export function currentStage(changes: readonly StageChange[], today: string): { stage: Stage; since: string; days: number } | null {
  const c = stageAt(changes, today);
  return c ? { stage: c.fields.stage, since: c.fields.date, days: daysBetween(c.fields.date, today) } : null;
}

// ---------------------------------------------------------------------------------------------
// Interaction ticks

export interface PlacedTick<T> {
  item: T;
  x: number;
  /** 0 for the first item on a pixel column, 1, 2, … for the ones stacked under it. */
  row: number;
}

/**
 * Places dated items at their day's centre, stacking items that would overlap within
 * `minGap` pixels into rows; items outside the window are left out.
 */
export function placeTicks<T extends { fields: { date: string } }>(
  items: readonly T[],
  scale: TimeScale,
  width: number,
  minGap = 10,
): PlacedTick<T>[] {
  const sorted = [...items].sort((a, b) => a.fields.date.localeCompare(b.fields.date));
  const half = Math.max(scale(new Date(DAY_MS)) - scale(new Date(0)), 0) / 2;
  const rowEnds: number[] = [];
  const out: PlacedTick<T>[] = [];
  for (const item of sorted) {
    const x = xOfDay(scale, item.fields.date) + half;
    if (x < -minGap || x > width + minGap) continue;
    let row = rowEnds.findIndex((end) => x - end >= minGap);
    if (row === -1) {
      row = rowEnds.length;
      rowEnds.push(x);
    } else rowEnds[row] = x;
    out.push({ item, x, row });
  }
  return out;
}
