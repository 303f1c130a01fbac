// The shapes of ties drawn outside Cytoscape (the map layer of a large map, mapLayer.ts) and in
// the exported SVG (exportSvg.ts): where a tie starts and ends on the cards' edges, the path of
// a reporting line, the arrowhead, and how far a point is from a tie (clicking one). Pure.
import type { Point } from './layout/types';

/** A card: its centre and size (model coordinates). */
export type NodeBox = { x: number; y: number; w: number; h: number };

/** Where the segment from the box's centre towards `towards` leaves the box (the centre itself
 * when `towards` is inside it). */
export function exitPoint(box: NodeBox, towards: Point): Point {
  const dx = towards.x - box.x;
  const dy = towards.y - box.y;
  if (dx === 0 && dy === 0) return { x: box.x, y: box.y };
  const hw = box.w / 2;
  const hh = box.h / 2;
  // the smallest t at which the ray meets a side
  const tx = dx === 0 ? Infinity : hw / Math.abs(dx);
  const ty = dy === 0 ? Infinity : hh / Math.abs(dy);
  const t = Math.min(tx, ty);
  if (t >= 1) return { x: box.x, y: box.y };
  return { x: box.x + dx * t, y: box.y + dy * t };
}

/** A tie's points from its source to its target: a straight tie between the cards' edges, or
 * a reporting line (taxi) leaving the manager's card downwards, turning halfway and entering the
 * report's card from above (straight when the report is not below the manager). Null when one
 * card's centre is on the other (nothing of the tie would show). */
export function tiePoints(curve: 'straight' | 'taxi', s: NodeBox, t: NodeBox): Point[] | null {
  if (curve === 'taxi') {
    const y1 = s.y + s.h / 2;
    const y2 = t.y - t.h / 2;
    if (y2 > y1) {
      const turn = (y1 + y2) / 2;
      if (Math.abs(s.x - t.x) < 0.5) return [{ x: s.x, y: y1 }, { x: t.x, y: y2 }];
      return [
        { x: s.x, y: y1 },
        { x: s.x, y: turn },
        { x: t.x, y: turn },
        { x: t.x, y: y2 },
      ];
    }
  }
  // a card whose centre is on the other card: the tie would be hidden beneath them
  if (inside(t, s) || inside(s, t)) return null;
  const a = exitPoint(s, t);
  const b = exitPoint(t, s);
  if (Math.hypot(b.x - a.x, b.y - a.y) < 1) return null;
  return [a, b];
}

function inside(p: Point, box: NodeBox): boolean {
  return Math.abs(p.x - box.x) <= box.w / 2 && Math.abs(p.y - box.y) <= box.h / 2;
}

/** The length of an arrowhead on a tie `width` wide (the SVG export draws the same). */
export function arrowLength(width: number): number {
  return 5 + width * 1.6;
}

/** The arrowhead's corners: its tip at `tip`, pointing away from `from`. */
export function arrowTriangle(tip: Point, from: Point, width: number): [Point, Point, Point] {
  const dx = tip.x - from.x;
  const dy = tip.y - from.y;
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  const size = arrowLength(width);
  const bx = tip.x - ux * size;
  const by = tip.y - uy * size;
  const half = size * 0.55;
  return [
    { x: tip.x, y: tip.y },
    { x: bx - uy * half, y: by + ux * half },
    { x: bx + uy * half, y: by - ux * half },
  ];
}

/** `points` with the last segment shortened by `by` (so a line ends at its arrowhead's base). */
export function shortenEnd(points: readonly Point[], by: number): Point[] {
  const out = points.map((p) => ({ ...p }));
  if (out.length < 2 || by <= 0) return out;
  const end = out[out.length - 1]!;
  const before = out[out.length - 2]!;
  const dx = end.x - before.x;
  const dy = end.y - before.y;
  const len = Math.hypot(dx, dy);
  if (len === 0) return out;
  const keep = Math.max(0, len - by) / len;
  out[out.length - 1] = { x: before.x + dx * keep, y: before.y + dy * keep };
  return out;
}

/** The distance from `p` to the polyline through `points`. */
export function distanceToPolyline(p: Point, points: readonly Point[]): number {
  let best = Infinity;
  for (let i = 1; i < points.length; i++) best = Math.min(best, distanceToSegment(p, points[i - 1]!, points[i]!));
  return best;
}

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/** A box in model coordinates. */
export type Rect = { x1: number; y1: number; x2: number; y2: number };

/**
 * The part of the segment a→b inside `r` (Liang–Barsky), or null when none is. With `period`
 * (a dash pattern's length), the start is moved back to where a pattern begins, so the dashes
 * of a clipped tie stay where they are on the whole tie as the view moves.
 */
export function clipSegment(a: Point, b: Point, r: Rect, period = 0): [Point, Point] | null {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, a.x - r.x1],
    [dx, r.x2 - a.x],
    [-dy, a.y - r.y1],
    [dy, r.y2 - a.y],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const t = q / p;
    if (p < 0) {
      if (t > t1) return null;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return null;
      if (t < t1) t1 = t;
    }
  }
  if (t0 === 0 && t1 === 1) return [a, b];
  const length = Math.hypot(dx, dy);
  if (period > 0 && t0 > 0 && length > 0) t0 = (Math.floor((t0 * length) / period) * period) / length;
  return [
    { x: a.x + dx * t0, y: a.y + dy * t0 },
    { x: a.x + dx * t1, y: a.y + dy * t1 },
  ];
}
