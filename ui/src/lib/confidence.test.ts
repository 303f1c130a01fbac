import { describe, expect, it } from 'vitest';
import { ageInDays, confidenceOf, DEFAULT_CONFIDENCE_DAYS, parseConfidenceDays } from './confidence';

describe('confidence', () => {
  it('counts whole days across months, leap days and years', () => {
    expect(ageInDays('2024-02-28', '2024-03-01')).toBe(2);
    expect(ageInDays('2025-12-31', '2026-01-01')).toBe(1);
    expect(ageInDays('2026-11-23', '2026-11-23')).toBe(0);
    expect(ageInDays('2025-11-23', '2026-11-23')).toBe(365);
  });

  it('treats a missing or malformed date as never confirmed', () => {
    expect(ageInDays(null, '2026-11-23')).toBeNull();
    expect(ageInDays('', '2026-11-23')).toBeNull();
    expect(ageInDays('soon', '2026-11-23')).toBeNull();
    expect(confidenceOf(null, '2026-11-23', 180)).toEqual({ stale: true, days: null });
  });

  it('fades strictly after the threshold', () => {
    expect(confidenceOf('2026-05-27', '2026-11-23', 180)).toEqual({ stale: false, days: 180 });
    expect(confidenceOf('2026-05-26', '2026-11-23', 180)).toEqual({ stale: true, days: 181 });
    // a date after "today" (the past view) is not negative
    expect(confidenceOf('2026-12-01', '2026-11-23', 30)).toEqual({ stale: false, days: 0 });
  });

  it('accepts only sensible thresholds', () => {
    expect(parseConfidenceDays(90)).toBe(90);
    expect(parseConfidenceDays('365')).toBe(365);
    for (const bad of [0, -5, 1.5, 'x', null, undefined, 99999]) expect(parseConfidenceDays(bad)).toBe(DEFAULT_CONFIDENCE_DAYS);
  });
});
