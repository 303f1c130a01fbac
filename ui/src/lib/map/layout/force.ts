// The network layout: a seeded force-directed layout (Fruchterman–Reingold forces with a
// Barnes–Hut quadtree for repulsion, so each step is O(n log n)), then a pass that pushes
// overlapping cards apart. Stronger ties pull harder. Saved positions stay fixed and the
// others arrange around them. The same input and seed always give the same picture.
import type { LayoutEdge, LayoutNode, Positions } from './types';

export const FORCE = {
  /** Ideal distance between tied people (model pixels; cards are about 170 × 64). */
  k: 230,
  theta: 1.0,
  gravity: 0.6,
  gapX: 18,
  gapY: 14,
} as const;

/** mulberry32: a small, good-enough seeded generator. */
export function random(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A quadtree over points stored in flat arrays (rebuilt each step). */
class QuadTree {
  // per cell: bounds centre + half size, mass, centre of mass, first child (-1 = leaf), point (-1 = none)
  cx: Float64Array;
  cy: Float64Array;
  half: Float64Array;
  mass: Float64Array;
  mx: Float64Array;
  my: Float64Array;
  child: Int32Array;
  point: Int32Array;
  count = 0;

  constructor(capacity: number) {
    this.cx = new Float64Array(capacity);
    this.cy = new Float64Array(capacity);
    this.half = new Float64Array(capacity);
    this.mass = new Float64Array(capacity);
    this.mx = new Float64Array(capacity);
    this.my = new Float64Array(capacity);
    this.child = new Int32Array(capacity);
    this.point = new Int32Array(capacity);
  }

  #cell(x: number, y: number, half: number): number {
    if (this.count >= this.cx.length) this.#grow();
    const c = this.count++;
    this.cx[c] = x;
    this.cy[c] = y;
    this.half[c] = half;
    this.mass[c] = 0;
    this.mx[c] = 0;
    this.my[c] = 0;
    this.child[c] = -1;
    this.point[c] = -1;
    return c;
  }

  #grow(): void {
    const size = this.cx.length * 2;
    const grow = <T extends Float64Array | Int32Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(size);
      b.set(a);
      return b;
    };
    this.cx = grow(this.cx);
    this.cy = grow(this.cy);
    this.half = grow(this.half);
    this.mass = grow(this.mass);
    this.mx = grow(this.mx);
    this.my = grow(this.my);
    this.child = grow(this.child);
    this.point = grow(this.point);
  }

  build(xs: Float64Array, ys: Float64Array): void {
    this.count = 0;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < xs.length; i++) {
      minX = Math.min(minX, xs[i]!);
      maxX = Math.max(maxX, xs[i]!);
      minY = Math.min(minY, ys[i]!);
      maxY = Math.max(maxY, ys[i]!);
    }
    const half = Math.max(maxX - minX, maxY - minY) / 2 + 1;
    this.#cell((minX + maxX) / 2, (minY + maxY) / 2, half);
    for (let i = 0; i < xs.length; i++) this.#insert(0, i, xs, ys, 0);
  }

  #insert(cell: number, i: number, xs: Float64Array, ys: Float64Array, depth: number): void {
    const x = xs[i]!;
    const y = ys[i]!;
    for (;;) {
      const m = this.mass[cell]!;
      this.mx[cell] = (this.mx[cell]! * m + x) / (m + 1);
      this.my[cell] = (this.my[cell]! * m + y) / (m + 1);
      this.mass[cell] = m + 1;
      if (this.child[cell] === -1) {
        if (this.point[cell] === -1 && m === 0) {
          this.point[cell] = i;
          return;
        }
        // coincident points deep down share a leaf (mass counts them all)
        if (depth > 40) return;
        const h = this.half[cell]! / 2;
        const first = this.#cell(this.cx[cell]! - h, this.cy[cell]! - h, h);
        this.#cell(this.cx[cell]! + h, this.cy[cell]! - h, h);
        this.#cell(this.cx[cell]! - h, this.cy[cell]! + h, h);
        this.#cell(this.cx[cell]! + h, this.cy[cell]! + h, h);
        this.child[cell] = first;
        const old = this.point[cell]!;
        this.point[cell] = -1;
        if (old !== -1) {
          const q = this.#quadrant(cell, xs[old]!, ys[old]!);
          const c = first + q;
          this.mass[c] = 1;
          this.mx[c] = xs[old]!;
          this.my[c] = ys[old]!;
          this.point[c] = old;
        }
      }
      cell = this.child[cell]! + this.#quadrant(cell, x, y);
      depth++;
    }
  }

  #quadrant(cell: number, x: number, y: number): number {
    return (x >= this.cx[cell]! ? 1 : 0) + (y >= this.cy[cell]! ? 2 : 0);
  }
}

/** Centres of every node, laid out by forces. */
export function forceLayout(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  options: { seed?: number; iterations?: number } = {},
): Positions {
  const n = nodes.length;
  const out: Positions = {};
  if (n === 0) return out;
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const rand = random(options.seed ?? 42);
  const k = FORCE.k;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const fixed = new Uint8Array(n);
  const spread = Math.sqrt(n) * k * 0.8;
  nodes.forEach((node, i) => {
    if (node.fixed) {
      xs[i] = node.fixed.x;
      ys[i] = node.fixed.y;
      fixed[i] = 1;
    } else {
      xs[i] = (rand() - 0.5) * spread;
      ys[i] = (rand() - 0.5) * spread;
    }
  });
  const es: number[] = [];
  const ws: number[] = [];
  for (const e of edges) {
    const a = index.get(e.source);
    const b = index.get(e.target);
    if (a === undefined || b === undefined || a === b) continue;
    es.push(a, b);
    ws.push(Math.max(0.05, e.weight));
  }
  // (above 1,000 people, 75 steps draw ties as short as 110 did, measured on the benchmark's
  // 2,000-person account as tied ÷ random pair distance: 0.39 either way, in two thirds the time)
  const iterations = options.iterations ?? (n <= 200 ? 400 : n <= 1000 ? 220 : 75);
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  const tree = new QuadTree(4 * n + 16);
  const k2 = k * k;
  const theta2 = FORCE.theta * FORCE.theta;
  const stack = new Int32Array(64 * 4 + 4 * n);
  let temperature = spread / 4;
  const cooling = temperature / iterations;

  for (let it = 0; it < iterations; it++) {
    dx.fill(0);
    dy.fill(0);
    tree.build(xs, ys);
    // the tree's arrays as locals (build may have grown them): the loop below is the hot spot
    const tMass = tree.mass;
    const tMx = tree.mx;
    const tMy = tree.my;
    const tHalf = tree.half;
    const tChild = tree.child;
    const tPoint = tree.point;
    // repulsion k²/d from every other node (far cells as one mass)
    for (let i = 0; i < n; i++) {
      const x = xs[i]!;
      const y = ys[i]!;
      let top = 0;
      stack[top++] = 0;
      let fx = 0;
      let fy = 0;
      while (top > 0) {
        const c = stack[--top]!;
        const mass = tMass[c]!;
        if (mass === 0) continue;
        const ddx = x - tMx[c]!;
        const ddy = y - tMy[c]!;
        const d2 = ddx * ddx + ddy * ddy;
        const size = tHalf[c]! * 2;
        const first = tChild[c]!;
        if (first === -1 || size * size < theta2 * d2) {
          if (tPoint[c] === i && mass === 1) continue;
          if (d2 < 1e-6) {
            // coincident: a deterministic nudge
            fx += (i % 7) - 3;
            fy += (i % 5) - 2;
            continue;
          }
          const f = (k2 * mass) / d2;
          fx += ddx * f;
          fy += ddy * f;
        } else {
          stack[top++] = first;
          stack[top++] = first + 1;
          stack[top++] = first + 2;
          stack[top++] = first + 3;
        }
      }
      dx[i] = fx;
      dy[i] = fy;
    }
    // attraction d²/k along ties, weighted by strength
    for (let e = 0; e < ws.length; e++) {
      const a = es[2 * e]!;
      const b = es[2 * e + 1]!;
      const ddx = xs[a]! - xs[b]!;
      const ddy = ys[a]! - ys[b]!;
      const d = Math.sqrt(ddx * ddx + ddy * ddy);
      const f = (d * ws[e]!) / k;
      dx[a] = dx[a]! - ddx * f;
      dy[a] = dy[a]! - ddy * f;
      dx[b] = dx[b]! + ddx * f;
      dy[b] = dy[b]! + ddy * f;
    }
    // gravity keeps separate groups near each other
    for (let i = 0; i < n; i++) {
      dx[i] = dx[i]! - xs[i]! * FORCE.gravity;
      dy[i] = dy[i]! - ys[i]! * FORCE.gravity;
    }
    for (let i = 0; i < n; i++) {
      if (fixed[i]) continue;
      const d = Math.sqrt(dx[i]! * dx[i]! + dy[i]! * dy[i]!);
      if (d < 1e-9) continue;
      const step = Math.min(d, temperature);
      xs[i] = xs[i]! + (dx[i]! / d) * step;
      ys[i] = ys[i]! + (dy[i]! / d) * step;
    }
    temperature = Math.max(k * 0.02, temperature - cooling);
  }

  spreadOut(nodes, xs, ys, fixed, 1 / 3);
  // a dense core may not settle by nudging alone: widen the picture a little and retry
  for (let round = 0; round < 12 && !removeOverlaps(nodes, xs, ys, fixed); round++) {
    spreadOut(nodes, xs, ys, fixed, 0);
  }
  nodes.forEach((node, i) => {
    out[node.id] = { x: xs[i]!, y: ys[i]! };
  });
  return out;
}

/** Forces treat people as points: when the cards would cover more than a third of the picture,
 * scale the free positions about their centre so that overlap removal only has to nudge. */
function spreadOut(nodes: readonly LayoutNode[], xs: Float64Array, ys: Float64Array, fixed: Uint8Array, target: number): void {
  const n = nodes.length;
  if (n < 2 || fixed.some((f) => f === 1)) return;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let cards = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, xs[i]!);
    maxX = Math.max(maxX, xs[i]!);
    minY = Math.min(minY, ys[i]!);
    maxY = Math.max(maxY, ys[i]!);
    cards += (nodes[i]!.w + FORCE.gapX) * (nodes[i]!.h + FORCE.gapY);
    cx += xs[i]!;
    cy += ys[i]!;
  }
  cx /= n;
  cy /= n;
  const area = Math.max(1, (maxX - minX) * (maxY - minY));
  const density = cards / area;
  if (target > 0 && density <= target) return;
  const scale = target > 0 ? Math.sqrt(density / target) : 1.12;
  for (let i = 0; i < n; i++) {
    xs[i] = cx + (xs[i]! - cx) * scale;
    ys[i] = cy + (ys[i]! - cy) * scale;
  }
}

/** One number per grid cell (positions stay far below 2^20 cells either way). */
function cellKey(gx: number, gy: number): number {
  return (gx + 1048576) * 2097152 + (gy + 1048576);
}

/** Pushes overlapping boxes apart along the axis of least overlap (grid-bucketed, O(n) a pass);
 * true when no overlap is left. The boxes are bucketed once a pass by a counting sort into a
 * dense grid (or, when the picture is very spread out, cells numbered through a hash map), and
 * each cell lists its boxes in index order, so the pushes happen in a fixed order. */
export function removeOverlaps(nodes: readonly LayoutNode[], xs: Float64Array, ys: Float64Array, fixed: Uint8Array): boolean {
  const n = nodes.length;
  const w = new Float64Array(n);
  const h = new Float64Array(n);
  let cellSize = 1;
  for (let i = 0; i < n; i++) {
    w[i] = nodes[i]!.w;
    h[i] = nodes[i]!.h;
    cellSize = Math.max(cellSize, w[i]! + FORCE.gapX, h[i]! + FORCE.gapY);
  }
  const gxs = new Float64Array(n);
  const gys = new Float64Array(n);
  const cellOf = new Int32Array(n);
  const order = new Int32Array(n);
  for (let pass = 0; pass < 40; pass++) {
    let minGx = Infinity;
    let minGy = Infinity;
    let maxGx = -Infinity;
    let maxGy = -Infinity;
    for (let i = 0; i < n; i++) {
      const gx = Math.floor(xs[i]! / cellSize);
      const gy = Math.floor(ys[i]! / cellSize);
      gxs[i] = gx;
      gys[i] = gy;
      minGx = Math.min(minGx, gx);
      maxGx = Math.max(maxGx, gx);
      minGy = Math.min(minGy, gy);
      maxGy = Math.max(maxGy, gy);
    }
    const cols = maxGx - minGx + 1;
    const rows = maxGy - minGy + 1;
    let cells: number;
    let cellAt: (gx: number, gy: number) => number;
    if (cols * rows <= 16 * n + 1024) {
      cells = Math.max(0, cols * rows);
      for (let i = 0; i < n; i++) cellOf[i] = (gxs[i]! - minGx) * rows + (gys[i]! - minGy);
      cellAt = (gx, gy) => (gx < minGx || gx > maxGx || gy < minGy || gy > maxGy ? -1 : (gx - minGx) * rows + (gy - minGy));
    } else {
      const ids = new Map<number, number>();
      for (let i = 0; i < n; i++) {
        const key = cellKey(gxs[i]!, gys[i]!);
        let c = ids.get(key);
        if (c === undefined) {
          c = ids.size;
          ids.set(key, c);
        }
        cellOf[i] = c;
      }
      cells = ids.size;
      cellAt = (gx, gy) => ids.get(cellKey(gx, gy)) ?? -1;
    }
    // counting sort: cell c holds order[start[c] .. start[c + 1]), in index order
    const start = new Int32Array(cells + 1);
    for (let i = 0; i < n; i++) start[cellOf[i]! + 1]!++;
    for (let c = 0; c < cells; c++) start[c + 1]! += start[c]!;
    const next = start.slice(0, cells);
    for (let i = 0; i < n; i++) order[next[cellOf[i]!]!++] = i;

    let moved = false;
    for (let i = 0; i < n; i++) {
      const gx = Math.floor(xs[i]! / cellSize);
      const gy = Math.floor(ys[i]! / cellSize);
      for (let ox = -1; ox <= 1; ox++) {
        for (let oy = -1; oy <= 1; oy++) {
          const c = cellAt(gx + ox, gy + oy);
          if (c < 0) continue;
          const end = start[c + 1]!;
          for (let k = start[c]!; k < end; k++) {
            const j = order[k]!;
            if (j <= i) continue;
            const needX = (w[i]! + w[j]!) / 2 + FORCE.gapX - Math.abs(xs[i]! - xs[j]!);
            const needY = (h[i]! + h[j]!) / 2 + FORCE.gapY - Math.abs(ys[i]! - ys[j]!);
            if (needX <= 0 || needY <= 0) continue;
            if (fixed[i] && fixed[j]) continue;
            moved = true;
            const share = fixed[i] || fixed[j] ? 1 : 0.5;
            if (needX < needY) {
              const dir = xs[i]! < xs[j]! || (xs[i] === xs[j] && i < j) ? -1 : 1;
              if (!fixed[i]) xs[i] = xs[i]! + dir * needX * share;
              if (!fixed[j]) xs[j] = xs[j]! - dir * needX * share;
            } else {
              const dir = ys[i]! < ys[j]! || (ys[i] === ys[j] && i < j) ? -1 : 1;
              if (!fixed[i]) ys[i] = ys[i]! + dir * needY * share;
              if (!fixed[j]) ys[j] = ys[j]! - dir * needY * share;
            }
          }
        }
      }
    }
    if (!moved) return true;
  }
  return false;
}
