// The geometry of ties drawn outside Cytoscape (a large map's layer) and in the SVG export.
import { describe, expect, it } from 'vitest';
import { arrowLength, arrowTriangle, clipSegment, distanceToPolyline, exitPoint, shortenEnd, tiePoints } from './tieGeometry';

const card = (x: number, y: number, w = 100, h = 50) => ({ x, y, w, h });

describe('tie geometry', () => {
  it('starts and ends a straight tie on the cards’ edges', () => {
    expect(exitPoint(card(0, 0), { x: 300, y: 0 })).toEqual({ x: 50, y: 0 });
    expect(exitPoint(card(0, 0), { x: 0, y: -300 })).toEqual({ x: 0, y: -25 });
    // diagonal: leaves through the nearer side (the box is wider than tall)
    const p = exitPoint(card(0, 0), { x: 100, y: 100 });
    expect(p.y).toBeCloseTo(25);
    expect(p.x).toBeCloseTo(25);
    // a point inside the box, or the centre itself, gives the centre
    expect(exitPoint(card(0, 0), { x: 10, y: 5 })).toEqual({ x: 0, y: 0 });
    expect(exitPoint(card(0, 0), { x: 0, y: 0 })).toEqual({ x: 0, y: 0 });
    expect(tiePoints('straight', card(0, 0), card(300, 0))).toEqual([
      { x: 50, y: 0 },
      { x: 250, y: 0 },
    ]);
  });

  it('draws a reporting line down from the manager, across halfway, and down into the report', () => {
    const pts = tiePoints('taxi', card(0, 0), card(200, 200))!;
    expect(pts).toEqual([
      { x: 0, y: 25 },
      { x: 0, y: 100 },
      { x: 200, y: 100 },
      { x: 200, y: 175 },
    ]);
    // straight below: one segment
    expect(tiePoints('taxi', card(0, 0), card(0, 200))).toEqual([
      { x: 0, y: 25 },
      { x: 0, y: 175 },
    ]);
    // a report drawn above the manager (a moved card): a straight line between the edges
    expect(tiePoints('taxi', card(0, 200), card(0, 0))).toEqual([
      { x: 0, y: 175 },
      { x: 0, y: 25 },
    ]);
  });

  it('draws nothing between cards on top of each other', () => {
    expect(tiePoints('straight', card(0, 0), card(0, 0))).toBeNull();
    expect(tiePoints('straight', card(0, 0), card(10, 5))).toBeNull();
  });

  it('points the arrowhead at the target, as long as the export’s, and ends the line at its base', () => {
    const [tip, left, right] = arrowTriangle({ x: 100, y: 0 }, { x: 0, y: 0 }, 2);
    expect(tip).toEqual({ x: 100, y: 0 });
    expect(left.x).toBeCloseTo(100 - arrowLength(2));
    expect(right.x).toBeCloseTo(100 - arrowLength(2));
    expect(Math.abs(left.y - right.y)).toBeCloseTo(2 * 0.55 * arrowLength(2));
    expect(shortenEnd([{ x: 0, y: 0 }, { x: 0, y: 100 }], 10)).toEqual([
      { x: 0, y: 0 },
      { x: 0, y: 90 },
    ]);
    // never past its start
    expect(shortenEnd([{ x: 0, y: 0 }, { x: 0, y: 5 }], 10)).toEqual([
      { x: 0, y: 0 },
      { x: 0, y: 0 },
    ]);
  });

  it('measures how far a point is from a tie (picking one with the pointer)', () => {
    const taxi = [
      { x: 0, y: 0 },
      { x: 0, y: 50 },
      { x: 100, y: 50 },
    ];
    expect(distanceToPolyline({ x: 50, y: 53 }, taxi)).toBeCloseTo(3);
    expect(distanceToPolyline({ x: -4, y: 20 }, taxi)).toBeCloseTo(4);
    expect(distanceToPolyline({ x: 103, y: 54 }, taxi)).toBeCloseTo(5);
  });

  it('keeps only the part of a tie in view, with dashes where they were on the whole tie', () => {
    const view = { x1: 0, y1: 0, x2: 100, y2: 100 };
    expect(clipSegment({ x: 10, y: 10 }, { x: 90, y: 90 }, view)).toEqual([
      { x: 10, y: 10 },
      { x: 90, y: 90 },
    ]);
    expect(clipSegment({ x: -100, y: 50 }, { x: 300, y: 50 }, view)).toEqual([
      { x: 0, y: 50 },
      { x: 100, y: 50 },
    ]);
    expect(clipSegment({ x: -100, y: -100 }, { x: -10, y: 300 }, view)).toBeNull();
    expect(clipSegment({ x: 200, y: 0 }, { x: 200, y: 100 }, view)).toBeNull();
    // a 13-unit dash pattern: the clipped start moves back to a multiple of 13 from the tie's start
    const [a] = clipSegment({ x: -100, y: 50 }, { x: 300, y: 50 }, view, 13)!;
    expect(a.x).toBeCloseTo(-100 + 13 * Math.floor(100 / 13));
    expect(a.x).toBeLessThanOrEqual(0);
    expect(a.x).toBeGreaterThan(-13);
  });
});
