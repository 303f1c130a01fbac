// What the map does differently when it is large (more than LARGE_MAP nodes, canvas.ts), as pure
// functions tested without a canvas. Org units are drawn as plain boxes: the map does not make
// them Cytoscape compound nodes (whose bookkeeping walks the whole hierarchy on every style
// change and draw) but sizes each unit's box itself, as Cytoscape would: around its people and
// its sub-units, plus a padding. The view is fitted from positions, and ties are straight. (The
// map layer, mapLayer.ts, draws it all.)
import type { MapEdgeData, MapModel } from '../elements';

/** Padding around a unit's members; the unit's name sits in the top padding (as `:parent` in style.ts). */
export const UNIT_PADDING = 22;

/** Each unit that has people or sub-units on the map: its parent unit and direct members. */
export type FlatUnits = Map<string, { parent: string | null; people: string[]; units: string[] }>;

export type Box = { x1: number; y1: number; x2: number; y2: number };

/** The units of `model` (org chart) with their direct people and sub-units; empty units are left out. */
export function flatUnits(model: MapModel): FlatUnits {
  const units = new Map(model.nodes.filter((n) => n.kind === 'unit').map((n) => [n.id, n]));
  const out: FlatUnits = new Map();
  const entry = (id: string) => {
    let e = out.get(id);
    if (!e) {
      const parent = units.get(id)?.parent;
      e = { parent: parent !== undefined && units.has(parent) && parent !== id ? parent : null, people: [], units: [] };
      out.set(id, e);
    }
    return e;
  };
  for (const n of model.nodes) {
    if (n.kind === 'unit' || !n.parent || !units.has(n.parent)) continue;
    entry(n.parent).people.push(n.id);
  }
  // every unit with people makes its ancestors non-empty (a loop in the parents is cut)
  for (const id of [...out.keys()]) {
    const seen = new Set<string>();
    let child = id;
    let parent = out.get(id)!.parent;
    while (parent !== null && !seen.has(parent)) {
      seen.add(child);
      const e = entry(parent);
      if (!e.units.includes(child)) e.units.push(child);
      child = parent;
      parent = e.parent;
    }
  }
  return out;
}

/** The outer box of every unit in `flat`, from its members' centres and sizes (`at`). */
export function unitBoxes(
  flat: FlatUnits,
  at: (id: string) => { x: number; y: number; w: number; h: number } | null,
  padding = UNIT_PADDING,
): Map<string, Box> {
  const boxes = new Map<string, Box>();
  const visiting = new Set<string>();
  const boxOf = (id: string): Box | null => {
    const done = boxes.get(id);
    if (done) return done;
    const e = flat.get(id);
    if (!e || visiting.has(id)) return null;
    visiting.add(id);
    let b: Box | null = null;
    const grow = (x1: number, y1: number, x2: number, y2: number) => {
      if (![x1, y1, x2, y2].every(Number.isFinite)) return;
      b = b ? { x1: Math.min(b.x1, x1), y1: Math.min(b.y1, y1), x2: Math.max(b.x2, x2), y2: Math.max(b.y2, y2) } : { x1, y1, x2, y2 };
    };
    for (const p of e.people) {
      const n = at(p);
      if (n) grow(n.x - n.w / 2, n.y - n.h / 2, n.x + n.w / 2, n.y + n.h / 2);
    }
    for (const u of e.units) {
      const c = boxOf(u);
      if (c) grow(c.x1, c.y1, c.x2, c.y2);
    }
    visiting.delete(id);
    if (!b) return null;
    const found: Box = b;
    const out = { x1: found.x1 - padding, y1: found.y1 - padding, x2: found.x2 + padding, y2: found.y2 + padding };
    boxes.set(id, out);
    return out;
  };
  for (const id of flat.keys()) boxOf(id);
  return boxes;
}

/** The box around every node centre ± half its size: what Cytoscape's bounding box would be
 * without labels and overlays, at a fraction of its cost (no style needed). */
export function boxAround(nodes: Iterable<{ x: number; y: number; w: number; h: number }>): (Box & { w: number; h: number }) | null {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const n of nodes) {
    if (![n.x, n.y, n.w, n.h].every(Number.isFinite)) continue;
    x1 = Math.min(x1, n.x - n.w / 2);
    y1 = Math.min(y1, n.y - n.h / 2);
    x2 = Math.max(x2, n.x + n.w / 2);
    y2 = Math.max(y2, n.y + n.h / 2);
  }
  return x1 <= x2 && y1 <= y2 ? { x1, y1, x2, y2, w: x2 - x1, h: y2 - y1 } : null;
}

/** Large maps draw ties as straight lines (the map layer: a tie and its reverse overlap, both
 * arrowheads show); reporting lines keep their right-angled taxi shape. */
export function largeCurve(curve: MapEdgeData['curve']): 'straight' | 'taxi' {
  return curve === 'taxi' ? 'taxi' : 'straight';
}

/** The middle value (the lower of the two middle ones), null for none. */
export function median(values: readonly number[]): number | null {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)]! : null;
}
