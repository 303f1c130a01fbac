// Timeline tables list the newest entries first.
import { describe, expect, it } from 'vitest';
import { byDateDescending } from './order';

describe('byDateDescending', () => {
  it('sorts newest first, later ids first on the same day, without mutating input', () => {
    const items = [
      { id: 1, fields: { date: '2023-01-10' } },
      { id: 2, fields: { date: '2024-03-01' } },
      { id: 3, fields: { date: '2023-01-10' } },
    ];
    expect(byDateDescending(items).map((i) => i.id)).toEqual([2, 3, 1]);
    expect(items.map((i) => i.id)).toEqual([1, 2, 3]);
  });
});
