// Label estimates and placement for SVG charts.
import { describe, expect, it } from 'vitest';
import { overlap, placeLabels, textWidth, truncate } from './text';

describe('chart text', () => {
  it('counts CJK characters as wide', () => {
    expect(textWidth('上海', 10)).toBe(20);
    expect(textWidth('ab', 10)).toBeCloseTo(11.6, 6);
  });

  it('truncates with an ellipsis to fit', () => {
    expect(truncate('Short', 100, 10)).toBe('Short');
    const cut = truncate('A rather long account name', 60, 10);
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut, 10)).toBeLessThanOrEqual(60);
  });

  it('keeps labels of neighbouring bubbles apart', () => {
    const circles = [
      { id: 1, cx: 100, cy: 100, r: 10, width: 60, height: 14 },
      { id: 2, cx: 100, cy: 118, r: 6, width: 60, height: 14 },
      { id: 3, cx: 170, cy: 100, r: 8, width: 60, height: 14 },
    ];
    const spots = placeLabels(circles, { x: 0, y: 0, w: 400, h: 300 });
    const boxes = [...spots.values()].map((s) => s.box);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i]!, boxes[j]!)).toBe(0);
    }
    // the first choice, to the right, when nothing is in the way
    expect(spots.get(3)!.anchor).toBe('start');
  });

  it('keeps a label inside the chart near its right edge', () => {
    const spots = placeLabels([{ id: 1, cx: 395, cy: 50, r: 5, width: 80, height: 14 }], { x: 0, y: 0, w: 400, h: 100 });
    const b = spots.get(1)!.box;
    expect(b.x + b.w).toBeLessThanOrEqual(400);
    expect(spots.get(1)!.anchor).toBe('end');
  });
});
