// Keyboard navigation between people on the map: the nearest person in an arrow's direction,
// and a reading order (top to bottom, left to right) for Tab.
import type { Point } from './layout/types';

export type Direction = 'left' | 'right' | 'up' | 'down';

const VECTORS: Record<Direction, Point> = { left: { x: -1, y: 0 }, right: { x: 1, y: 0 }, up: { x: 0, y: -1 }, down: { x: 0, y: 1 } };

/** The id of the nearest candidate within 60° of `dir` from `from` (distance, bent by the angle off-axis). */
export function nearestInDirection(from: Point, dir: Direction, candidates: readonly { id: string; at: Point }[]): string | null {
  const v = VECTORS[dir];
  let best: string | null = null;
  let bestScore = Infinity;
  for (const c of candidates) {
    const dx = c.at.x - from.x;
    const dy = c.at.y - from.y;
    const d = Math.hypot(dx, dy);
    if (d < 1) continue;
    const along = (dx * v.x + dy * v.y) / d;
    if (along < 0.5) continue; // more than 60° off the arrow's direction
    const score = d * (2 - along) ** 2;
    if (score < bestScore) {
      bestScore = score;
      best = c.id;
    }
  }
  return best;
}

/** Ids in reading order: rows of similar height top to bottom, each left to right. */
export function readingOrder(items: readonly { id: string; at: Point }[], rowTolerance = 40): string[] {
  return [...items]
    .sort((a, b) => (Math.abs(a.at.y - b.at.y) > rowTolerance ? a.at.y - b.at.y : a.at.x - b.at.x))
    .map((i) => i.id);
}
