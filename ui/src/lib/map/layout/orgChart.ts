// The org-chart layout: a tidy top-down tree of the reports-to lines in O(n).
// Siblings are ordered by org unit, then name, so a unit's people sit together (and its group box
// stays compact); a manager's many direct reports without reports of their own are stacked in one
// or two columns, as printed org charts do, instead of one very wide row; separate trees are
// wrapped into bands so a flat list of people does not become one endless line.
import type { LayoutNode, Point, Positions } from './types';

export const ORG = {
  /** Horizontal gap between siblings, and between siblings of different units. */
  gapX: 28,
  gapXGroup: 64,
  /** Vertical gap between a manager and their reports (room for a unit's label). */
  gapY: 72,
  /** Vertical gap between stacked reports. */
  gapStack: 16,
  /** From this many leaf reports they are stacked; more than `twoColumns` in two columns. */
  stackFrom: 2,
  twoColumns: 6,
} as const;

type Extent = { w: number; h: number; childrenW: number; stacked: boolean; cols: number; rows: number; colW: number; rowH: number };

function compareKey(a: LayoutNode, b: LayoutNode): number {
  const ga = a.group ?? '';
  const gb = b.group ?? '';
  if (ga !== gb) return ga < gb ? -1 : 1;
  const oa = a.order ?? a.id;
  const ob = b.order ?? b.id;
  return oa < ob ? -1 : oa > ob ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function gapBetween(a: LayoutNode | undefined, b: LayoutNode): number {
  return a !== undefined && (a.group ?? '') !== (b.group ?? '') ? ORG.gapXGroup : ORG.gapX;
}

/** Positions (centres) of every node. Unknown or cyclic parents are treated as roots. */
export function orgChartLayout(nodes: readonly LayoutNode[]): Positions {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  // a parent chain that loops (never saved by the store, but be safe) is cut where it closes
  const parentOf = new Map<string, string | null>();
  for (const n of nodes) parentOf.set(n.id, n.parent && byId.has(n.parent) && n.parent !== n.id ? n.parent : null);
  const state = new Map<string, 0 | 1 | 2>();
  for (const n of nodes) {
    const chain: string[] = [];
    let cur: string | null = n.id;
    while (cur !== null && (state.get(cur) ?? 0) === 0) {
      state.set(cur, 1);
      chain.push(cur);
      cur = parentOf.get(cur) ?? null;
    }
    if (cur !== null && state.get(cur) === 1) parentOf.set(cur, null); // closes a loop: make it a root
    for (const c of chain) state.set(c, 2);
  }

  const children = new Map<string, LayoutNode[]>();
  const roots: LayoutNode[] = [];
  for (const n of nodes) {
    const p = parentOf.get(n.id) ?? null;
    if (p === null) roots.push(n);
    else {
      const list = children.get(p);
      if (list) list.push(n);
      else children.set(p, [n]);
    }
  }
  for (const list of children.values()) list.sort(compareKey);
  roots.sort(compareKey);

  // extents bottom-up (iterative post-order: reporting chains can be long)
  const extent = new Map<string, Extent>();
  const order: LayoutNode[] = [];
  const stack: LayoutNode[] = [...roots];
  while (stack.length > 0) {
    const n = stack.pop()!;
    order.push(n);
    for (const c of children.get(n.id) ?? []) stack.push(c);
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const n = order[i]!;
    const kids = children.get(n.id) ?? [];
    if (kids.length === 0) {
      extent.set(n.id, { w: n.w, h: n.h, childrenW: 0, stacked: false, cols: 0, rows: 0, colW: 0, rowH: 0 });
      continue;
    }
    const allLeaves = kids.every((c) => (children.get(c.id)?.length ?? 0) === 0);
    if (allLeaves && kids.length >= ORG.stackFrom) {
      const cols = kids.length > ORG.twoColumns ? 2 : 1;
      const rows = Math.ceil(kids.length / cols);
      const colW = Math.max(...kids.map((c) => c.w));
      const rowH = Math.max(...kids.map((c) => c.h));
      const blockW = cols * colW + (cols - 1) * ORG.gapX;
      extent.set(n.id, {
        w: Math.max(n.w, blockW),
        h: n.h + ORG.gapY + rows * rowH + (rows - 1) * ORG.gapStack,
        childrenW: blockW,
        stacked: true,
        cols,
        rows,
        colW,
        rowH,
      });
      continue;
    }
    let childrenW = 0;
    let maxH = 0;
    kids.forEach((c, k) => {
      const e = extent.get(c.id)!;
      childrenW += e.w + (k > 0 ? gapBetween(kids[k - 1], c) : 0);
      maxH = Math.max(maxH, e.h);
    });
    extent.set(n.id, {
      w: Math.max(n.w, childrenW),
      h: n.h + ORG.gapY + maxH,
      childrenW,
      stacked: false,
      cols: 0,
      rows: 0,
      colW: 0,
      rowH: 0,
    });
  }

  // roots into bands no wider than a comfortable reading width
  const totalArea = roots.reduce((s, r) => s + extent.get(r.id)!.w * extent.get(r.id)!.h, 0);
  const bandWidth = Math.max(1600, Math.sqrt(totalArea) * 1.6);
  const out: Positions = {};
  let left = 0;
  let top = 0;
  let bandH = 0;
  roots.forEach((r, k) => {
    const e = extent.get(r.id)!;
    if (k > 0) {
      const gap = gapBetween(roots[k - 1], r);
      if (left + gap + e.w > bandWidth && left > 0) {
        left = 0;
        top += bandH + ORG.gapY;
        bandH = 0;
      } else left += gap;
    }
    place(r, left, top, children, extent, out);
    left += e.w;
    bandH = Math.max(bandH, e.h);
  });
  return out;
}

function place(
  root: LayoutNode,
  rootLeft: number,
  rootTop: number,
  children: Map<string, LayoutNode[]>,
  extent: Map<string, Extent>,
  out: Positions,
): void {
  const stack: [LayoutNode, number, number][] = [[root, rootLeft, rootTop]];
  while (stack.length > 0) {
    const [n, left, top] = stack.pop()!;
    const e = extent.get(n.id)!;
    const centre: Point = { x: left + e.w / 2, y: top + n.h / 2 };
    out[n.id] = centre;
    const kids = children.get(n.id) ?? [];
    if (kids.length === 0) continue;
    const childTop = top + n.h + ORG.gapY;
    let x = left + (e.w - e.childrenW) / 2;
    if (e.stacked) {
      kids.forEach((c, i) => {
        const col = Math.floor(i / e.rows);
        const row = i % e.rows;
        out[c.id] = {
          x: x + col * (e.colW + ORG.gapX) + e.colW / 2,
          y: childTop + row * (e.rowH + ORG.gapStack) + e.rowH / 2,
        };
      });
      continue;
    }
    kids.forEach((c, k) => {
      if (k > 0) x += gapBetween(kids[k - 1], c);
      stack.push([c, x, childTop]);
      x += extent.get(c.id)!.w;
    });
  }
}
