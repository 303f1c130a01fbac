// Faction hulls: the convex hull around a faction's cards, padded, as a smooth closed path.
import type { Point } from './layout/types';

/** Andrew's monotone chain; returns the hull counter-clockwise without repeating the first point. */
export function convexHull(points: readonly Point[]): Point[] {
  const pts = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  if (pts.length <= 2) return pts;
  const cross = (o: Point, a: Point, b: Point) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
  const lower: Point[] = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Point[] = [];
  for (let i = pts.length - 1; i >= 0; i--) {
    const p = pts[i]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, p) <= 0) upper.pop();
    upper.push(p);
  }
  upper.pop();
  lower.pop();
  return [...lower, ...upper];
}

export type Box = { x: number; y: number; w: number; h: number };

/** The corners of each card grown by `pad`, hulled. */
export function hullAround(boxes: readonly Box[], pad: number): Point[] {
  const corners: Point[] = [];
  for (const b of boxes) {
    const hw = b.w / 2 + pad;
    const hh = b.h / 2 + pad;
    corners.push({ x: b.x - hw, y: b.y - hh }, { x: b.x + hw, y: b.y - hh }, { x: b.x + hw, y: b.y + hh }, { x: b.x - hw, y: b.y + hh });
  }
  return convexHull(corners);
}

/** An SVG path through the hull with rounded corners (quadratic curves through edge midpoints). */
export function hullPath(hull: readonly Point[]): string {
  if (hull.length < 3) return '';
  const mid = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
  const r = (n: number) => Math.round(n * 10) / 10;
  const n = hull.length;
  const start = mid(hull[n - 1]!, hull[0]!);
  let d = `M${r(start.x)} ${r(start.y)}`;
  for (let i = 0; i < n; i++) {
    const corner = hull[i]!;
    const m = mid(corner, hull[(i + 1) % n]!);
    d += ` Q${r(corner.x)} ${r(corner.y)} ${r(m.x)} ${r(m.y)}`;
  }
  return `${d} Z`;
}
