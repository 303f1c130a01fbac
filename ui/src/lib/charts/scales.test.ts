import { describe, expect, it } from 'vitest';
import { scaleBand, scaleLinear, scaleSqrt, scaleUtc, tickStep, ticks } from './scales';

describe('scales', () => {
  it('maps, clamps and inverts linearly', () => {
    const s = scaleLinear().domain([1, 5]).range([100, 500]);
    expect(s(1)).toBe(100);
    expect(s(3)).toBe(300);
    expect(s(6)).toBe(600);
    expect(s.invert(250)).toBeCloseTo(2.5);
    s.clamp(true);
    expect(s(6)).toBe(500);
    expect(s(0)).toBe(100);
    // an inverted range (y grows down)
    const y = scaleLinear().domain([0, 1]).range([300, 20]);
    expect(y(0.5)).toBe(160);
    // a degenerate domain maps to the middle, not NaN
    expect(scaleLinear().domain([2, 2]).range([0, 10])(2)).toBe(5);
  });

  it('picks round ticks and nice domains like d3', () => {
    expect(tickStep(0, 10, 5)).toBe(2);
    expect(tickStep(0, 1, 5)).toBe(0.2);
    expect(ticks(0, 10, 5)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(ticks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(ticks(-3, 7, 4)).toEqual([-2, 0, 2, 4, 6]);
    expect(ticks(10, 0, 5)).toEqual([10, 8, 6, 4, 2, 0]);
    expect(ticks(0, 4_200_000, 5)).toEqual([0, 1_000_000, 2_000_000, 3_000_000, 4_000_000]);
    expect(scaleLinear().domain([0, 4_230_000]).nice(5).domain()).toEqual([0, 5_000_000]);
    expect(scaleLinear().domain([0.13, 0.87]).nice(5).domain()).toEqual([0, 1]);
    expect(scaleLinear().domain([7, 7]).nice(5).domain()).toEqual([7, 7]);
  });

  it('grows square-root scales with the root', () => {
    const r = scaleSqrt().domain([0, 100]).range([0, 10]);
    expect(r(25)).toBeCloseTo(5);
    expect(r(100)).toBeCloseTo(10);
    expect(r.invert(5)).toBeCloseTo(25);
  });

  it('lays bands out with inner and outer padding', () => {
    const b = scaleBand<string>().domain(['a', 'b', 'c', 'a']).range([0, 120]);
    expect(b.domain()).toEqual(['a', 'b', 'c']);
    expect(b('a')).toBe(0);
    expect(b('c')).toBe(80);
    expect(b.bandwidth()).toBe(40);
    expect(b('zzz')).toBeUndefined();
    b.paddingInner(0.5).paddingOuter(0.25);
    // n − inner + 2·outer = 3 − 0.5 + 0.5 = 3 steps of 40
    expect(b.step()).toBe(40);
    expect(b.bandwidth()).toBe(20);
    expect(b('a')).toBe(10);
    expect(b('c')! + b.bandwidth() + 10).toBe(120);
  });

  it('maps UTC dates and back', () => {
    const a = new Date(Date.UTC(2026, 0, 1));
    const b = new Date(Date.UTC(2026, 0, 11));
    const s = scaleUtc().domain([a, b]).range([0, 100]);
    expect(s(new Date(Date.UTC(2026, 0, 6)))).toBe(50);
    expect(s.invert(10).toISOString()).toBe('2026-01-02T00:00:00.000Z');
    expect(s.domain()[1].getTime()).toBe(b.getTime());
  });

});
