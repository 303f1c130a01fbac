// The map's layout engines: the org chart's tidy tree and the force-directed network.
import { describe, expect, it } from 'vitest';
import { arrange } from './arrange';
import { forceLayout, random } from './force';
import { ORG, orgChartLayout } from './orgChart';
import type { LayoutEdge, LayoutNode, Positions } from './types';

const card = (id: string, extra: Partial<LayoutNode> = {}): LayoutNode => ({ id, w: 170, h: 64, ...extra });

function overlaps(nodes: readonly LayoutNode[], at: Positions): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i]!;
      const b = nodes[j]!;
      const pa = at[a.id]!;
      const pb = at[b.id]!;
      if (Math.abs(pa.x - pb.x) < (a.w + b.w) / 2 - 0.01 && Math.abs(pa.y - pb.y) < (a.h + b.h) / 2 - 0.01) out.push([a.id, b.id]);
    }
  }
  return out;
}

/** A seeded random org: every person reports to someone earlier, in one of `units` units. */
function org(n: number, units: number, seed = 7): LayoutNode[] {
  const r = random(seed);
  return Array.from({ length: n }, (_, i) =>
    card(`p${i}`, { parent: i === 0 ? null : `p${Math.floor(r() * i)}`, group: `u${i % units}`, order: `name ${i}` }),
  );
}

describe('org chart', () => {
  it('puts every manager above their reports and centres them over them', () => {
    const nodes = [card('ceo'), card('cfo', { parent: 'ceo' }), card('cto', { parent: 'ceo' }), card('dev', { parent: 'cto' })];
    const at = orgChartLayout(nodes);
    expect(at.cfo!.y).toBeGreaterThan(at.ceo!.y);
    expect(at.dev!.y).toBeGreaterThan(at.cto!.y);
    expect(at.ceo!.x).toBeCloseTo((at.cfo!.x + at.cto!.x) / 2, 5);
    expect(at.cfo!.y - at.ceo!.y).toBe(64 + ORG.gapY);
    expect(overlaps(nodes, at)).toEqual([]);
  });

  it('keeps a unit\'s people side by side, ordered by name within it', () => {
    const nodes = [
      card('boss'),
      card('b2', { parent: 'boss', group: 'sales', order: 'zed' }),
      card('a1', { parent: 'boss', group: 'it', order: 'amy' }),
      card('b1', { parent: 'boss', group: 'sales', order: 'bob' }),
      card('a2', { parent: 'boss', group: 'it', order: 'cat' }),
      card('x', { parent: 'a1' }),
    ];
    const at = orgChartLayout(nodes);
    const row = ['a1', 'a2', 'b1', 'b2'].sort((p, q) => at[p]!.x - at[q]!.x);
    expect(row).toEqual(['a1', 'a2', 'b1', 'b2']);
    // a wider gap where the unit changes
    expect(at.b1!.x - at.a2!.x).toBeGreaterThan(170 + ORG.gapX);
  });

  it('stacks many direct reports without reports of their own into columns', () => {
    const nodes = [card('boss'), ...Array.from({ length: 12 }, (_, i) => card(`r${i}`, { parent: 'boss', order: String(i).padStart(2, '0') }))];
    const at = orgChartLayout(nodes);
    const xs = new Set(nodes.slice(1).map((n) => at[n.id]!.x));
    expect(xs.size).toBe(2);
    expect(overlaps(nodes, at)).toEqual([]);
    const width = Math.max(...Object.values(at).map((p) => p.x)) - Math.min(...Object.values(at).map((p) => p.x));
    expect(width).toBeLessThan(3 * 170);
  });

  it('survives reporting loops, unknown managers and a 5,000-long chain', () => {
    const loop = [card('a', { parent: 'b' }), card('b', { parent: 'c' }), card('c', { parent: 'a' }), card('d', { parent: 'nobody' })];
    const at = orgChartLayout(loop);
    expect(Object.keys(at).sort()).toEqual(['a', 'b', 'c', 'd']);
    const chain = Array.from({ length: 5000 }, (_, i) => card(`c${i}`, { parent: i ? `c${i - 1}` : null }));
    const deep = orgChartLayout(chain);
    expect(deep.c4999!.y).toBeGreaterThan(deep.c0!.y);
  });

  it('wraps many separate people into bands instead of one endless row', () => {
    const flat = Array.from({ length: 200 }, (_, i) => card(`f${i}`));
    const at = orgChartLayout(flat);
    const xs = Object.values(at).map((p) => p.x);
    const ys = new Set(Object.values(at).map((p) => p.y));
    expect(Math.max(...xs) - Math.min(...xs)).toBeLessThan(6000);
    expect(ys.size).toBeGreaterThan(3);
    expect(overlaps(flat, at)).toEqual([]);
  });

  it('lays out a random 300-person org without overlaps', () => {
    const nodes = org(300, 9);
    expect(overlaps(nodes, orgChartLayout(nodes))).toEqual([]);
  });

  it('puts our team in a column left of everyone, each level with whom they cover', () => {
    const nodes = [card('ceo'), card('cfo', { parent: 'ceo' }), card('t1', { team: true } as Partial<LayoutNode>), card('t2', { team: true } as Partial<LayoutNode>)];
    const edges: LayoutEdge[] = [
      { source: 't1', target: 'cfo', weight: 1 },
      { source: 't2', target: 'ceo', weight: 1 },
    ];
    const at = arrange({ kind: 'org_chart', nodes, edges });
    expect(at.t1!.x).toBe(at.t2!.x);
    expect(at.t1!.x).toBeLessThan(at.ceo!.x - 170);
    expect(at.t2!.y).toBeCloseTo(at.ceo!.y, 5);
    expect(at.t1!.y).toBeCloseTo(at.cfo!.y, 5);
  });

  it('keeps saved positions', () => {
    const nodes = [card('ceo'), card('cfo', { parent: 'ceo', fixed: { x: 999, y: -5 } })];
    expect(arrange({ kind: 'org_chart', nodes, edges: [] }).cfo).toEqual({ x: 999, y: -5 });
  });
});

describe('network', () => {
  const r = random(3);
  const nodes = Array.from({ length: 120 }, (_, i) => card(`n${i}`));
  const edges: LayoutEdge[] = Array.from({ length: 300 }, () => ({
    source: `n${Math.floor(r() * 120)}`,
    target: `n${Math.floor(r() ** 2 * 120)}`,
    weight: 0.2 + r() * 0.8,
  }));

  it('is deterministic for the same input and seed', () => {
    expect(forceLayout(nodes, edges, { seed: 5 })).toEqual(forceLayout(nodes, edges, { seed: 5 }));
  });

  it('leaves no card on top of another', () => {
    expect(overlaps(nodes, forceLayout(nodes, edges))).toEqual([]);
  });

  it('puts tied people closer than untied ones on average', () => {
    const at = forceLayout(nodes, edges);
    const d = (a: string, b: string) => Math.hypot(at[a]!.x - at[b]!.x, at[a]!.y - at[b]!.y);
    const tied = edges.filter((e) => e.source !== e.target).map((e) => d(e.source, e.target));
    const all: number[] = [];
    for (let i = 0; i < 120; i += 3) for (let j = i + 1; j < 120; j += 5) all.push(d(`n${i}`, `n${j}`));
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean(tied)).toBeLessThan(mean(all));
  });

  it('keeps separate groups near each other and saved positions where they are', () => {
    const small = ['a', 'b', 'c', 'd', 'e'].map((id) => card(id, id === 'e' ? { fixed: { x: 40, y: 50 } } : {}));
    const at = forceLayout(small, [
      { source: 'a', target: 'b', weight: 1 },
      { source: 'c', target: 'd', weight: 1 },
    ]);
    expect(at.e).toEqual({ x: 40, y: 50 });
    expect(Math.hypot(at.a!.x - at.c!.x, at.a!.y - at.c!.y)).toBeLessThan(1500);
    expect(overlaps(small, at)).toEqual([]);
  });

  it('handles nobody, one person, and everyone at one point', () => {
    expect(forceLayout([], [])).toEqual({});
    expect(Object.keys(forceLayout([card('x')], []))).toEqual(['x']);
    const same = Array.from({ length: 6 }, (_, i) => card(`s${i}`, { fixed: i === 0 ? { x: 0, y: 0 } : null }));
    const at = forceLayout(same, [], { iterations: 1 });
    expect(Object.values(at).every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
  });
});
