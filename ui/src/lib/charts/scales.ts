// The few scales the charts need (linear, square-root, band and UTC time), written here rather
// than taken from d3-scale: d3-scale's dependencies (d3-color, d3-format) assign `constructor`
// and `toString` on plain objects while loading, which throws under Tauri's `freezePrototype`
// (a frozen Object.prototype makes those inherited properties read-only): the whole window
// stayed blank. The API follows d3's shape for the parts used, so charts read the same.

type Pair = readonly [number, number];

export interface LinearScale {
  (value: number): number;
  domain(): [number, number];
  domain(d: Pair): LinearScale;
  range(): [number, number];
  range(r: Pair): LinearScale;
  clamp(on: boolean): LinearScale;
  /** Extends the domain to round tick values (about `count` ticks). */
  nice(count?: number): LinearScale;
  /** Round values across the domain, about `count` of them (d3's tick rule: 1, 2 or 5 × 10ⁿ). */
  ticks(count?: number): number[];
  invert(pixel: number): number;
}

const E10 = Math.sqrt(50);
const E5 = Math.sqrt(10);
const E2 = Math.sqrt(2);

/** The tick step for about `count` ticks over [start, stop]: 1, 2 or 5 × 10ⁿ. */
export function tickStep(start: number, stop: number, count: number): number {
  const raw = Math.abs(stop - start) / Math.max(0, count);
  if (!(raw > 0) || !Number.isFinite(raw)) return 0;
  const power = Math.floor(Math.log10(raw));
  const error = raw / 10 ** power;
  const factor = error >= E10 ? 10 : error >= E5 ? 5 : error >= E2 ? 2 : 1;
  return factor * 10 ** power;
}

/** Round values from `start` to `stop` (inclusive where they fall), about `count` of them. */
export function ticks(start: number, stop: number, count = 10): number[] {
  if (start === stop) return [start];
  const reverse = stop < start;
  const [lo, hi] = reverse ? [stop, start] : [start, stop];
  const step = tickStep(lo, hi, count);
  if (step === 0) return [];
  // integers of the step avoid drift (0.1 + 0.2)
  const first = Math.ceil(lo / step);
  const last = Math.floor(hi / step);
  const out: number[] = [];
  for (let i = first; i <= last; i++) out.push(step >= 1 ? i * step : i / (1 / step));
  return reverse ? out.reverse() : out;
}

function continuous(transform: (v: number) => number, untransform: (v: number) => number): LinearScale {
  let d: [number, number] = [0, 1];
  let r: [number, number] = [0, 1];
  let clamped = false;

  const scale = ((value: number) => {
    const t0 = transform(d[0]);
    const t1 = transform(d[1]);
    let t = t1 === t0 ? 0.5 : (transform(value) - t0) / (t1 - t0);
    if (clamped) t = Math.max(0, Math.min(1, t));
    return r[0] + t * (r[1] - r[0]);
  }) as LinearScale;

  scale.domain = ((next?: Pair) => {
    if (next === undefined) return [...d] as [number, number];
    d = [next[0], next[1]];
    return scale;
  }) as LinearScale['domain'];
  scale.range = ((next?: Pair) => {
    if (next === undefined) return [...r] as [number, number];
    r = [next[0], next[1]];
    return scale;
  }) as LinearScale['range'];
  scale.clamp = (on: boolean) => {
    clamped = on;
    return scale;
  };
  scale.nice = (count = 10) => {
    let [lo, hi] = d;
    const reverse = hi < lo;
    if (reverse) [lo, hi] = [hi, lo];
    // twice, as d3 does: rounding outwards can change the step
    for (let i = 0; i < 2; i++) {
      const step = tickStep(lo, hi, count);
      if (step === 0) break;
      lo = Math.floor(lo / step) * step;
      hi = Math.ceil(hi / step) * step;
    }
    d = reverse ? [hi, lo] : [lo, hi];
    return scale;
  };
  scale.ticks = (count = 10) => ticks(d[0], d[1], count);
  scale.invert = (pixel: number) => {
    const t = r[1] === r[0] ? 0.5 : (pixel - r[0]) / (r[1] - r[0]);
    const t0 = transform(d[0]);
    const t1 = transform(d[1]);
    return untransform(t0 + (clamped ? Math.max(0, Math.min(1, t)) : t) * (t1 - t0));
  };
  return scale;
}

export function scaleLinear(): LinearScale {
  return continuous(
    (v) => v,
    (v) => v,
  );
}

/** Area-true sizes: the output grows with the square root of the value (sign kept). */
export function scaleSqrt(): LinearScale {
  return continuous(
    (v) => Math.sign(v) * Math.sqrt(Math.abs(v)),
    (v) => Math.sign(v) * v * v,
  );
}

export interface BandScale<T> {
  (value: T): number | undefined;
  domain(): T[];
  domain(d: readonly T[]): BandScale<T>;
  range(): [number, number];
  range(r: Pair): BandScale<T>;
  /** The gap between bands, as a share of the step (0–1). */
  paddingInner(p: number): BandScale<T>;
  /** The space before the first and after the last band, in steps. */
  paddingOuter(p: number): BandScale<T>;
  bandwidth(): number;
  step(): number;
}

export function scaleBand<T>(): BandScale<T> {
  let d: T[] = [];
  let index = new Map<T, number>();
  let r: [number, number] = [0, 1];
  let inner = 0;
  let outer = 0;

  const layout = () => {
    const n = d.length;
    const [r0, r1] = r;
    const span = r1 - r0;
    const step = n === 0 ? 0 : span / Math.max(1, n - inner + outer * 2);
    return { step, start: r0 + step * outer, bandwidth: step * (1 - inner) };
  };

  const scale = ((value: T) => {
    const i = index.get(value);
    if (i === undefined) return undefined;
    const { step, start } = layout();
    return start + i * step;
  }) as BandScale<T>;

  scale.domain = ((next?: readonly T[]) => {
    if (next === undefined) return [...d];
    d = [];
    index = new Map();
    for (const v of next) {
      if (index.has(v)) continue;
      index.set(v, d.length);
      d.push(v);
    }
    return scale;
  }) as BandScale<T>['domain'];
  scale.range = ((next?: Pair) => {
    if (next === undefined) return [...r] as [number, number];
    r = [next[0], next[1]];
    return scale;
  }) as BandScale<T>['range'];
  scale.paddingInner = (p: number) => {
    inner = Math.max(0, Math.min(1, p));
    return scale;
  };
  scale.paddingOuter = (p: number) => {
    outer = Math.max(0, p);
    return scale;
  };
  scale.bandwidth = () => layout().bandwidth;
  scale.step = () => layout().step;
  return scale;
}

export interface TimeScale {
  (date: Date): number;
  domain(): [Date, Date];
  domain(d: readonly [Date, Date]): TimeScale;
  range(): [number, number];
  range(r: Pair): TimeScale;
  invert(pixel: number): Date;
}

/** Dates (as UTC instants) to pixels, linearly. */
export function scaleUtc(): TimeScale {
  const inner = scaleLinear();
  const scale = ((date: Date) => inner(date.getTime())) as TimeScale;
  scale.domain = ((next?: readonly [Date, Date]) => {
    if (next === undefined) {
      const [a, b] = inner.domain();
      return [new Date(a), new Date(b)];
    }
    inner.domain([next[0].getTime(), next[1].getTime()]);
    return scale;
  }) as TimeScale['domain'];
  scale.range = ((next?: Pair) => {
    if (next === undefined) return inner.range();
    inner.range(next);
    return scale;
  }) as TimeScale['range'];
  scale.invert = (pixel: number) => new Date(inner.invert(pixel));
  return scale;
}
