// The large-map helpers: unit boxes drawn without compound nodes, the fit box from positions,
// the straight ties and the median the network view centres on.
import { describe, expect, it } from 'vitest';
import type { MapModel, MapNodeData } from '../elements';
import { boxAround, flatUnits, largeCurve, median, UNIT_PADDING, unitBoxes } from './largeMap';

function node(id: string, kind: MapNodeData['kind'], parent?: string): MapNodeData {
  return {
    id, kind, ref: 0, name: id, title: '', label: id, ...(parent ? { parent } : {}), w: 100, h: 50, fill: '#fff', fillOpacity: 1,
    border: '#000', borderWidth: 1, borderStyle: 'solid', textColor: '#000', fontSize: 12, badge: null, opacity: 1,
    attitude: '', roles: [], unit: null, faction: null,
  };
}

const model = (nodes: MapNodeData[]): MapModel => ({ nodes, edges: [] });

describe('flatUnits', () => {
  it('lists each unit with its people and sub-units, and leaves empty units out', () => {
    const flat = flatUnits(
      model([node('u1', 'unit'), node('u2', 'unit', 'u1'), node('u3', 'unit', 'u1'), node('u4', 'unit'), node('s1', 'stakeholder', 'u2'), node('s2', 'stakeholder', 'u1'), node('t1', 'team')]),
    );
    expect([...flat.keys()].sort()).toEqual(['u1', 'u2']);
    expect(flat.get('u1')).toEqual({ parent: null, people: ['s2'], units: ['u2'] });
    expect(flat.get('u2')).toEqual({ parent: 'u1', people: ['s1'], units: [] });
  });

  it('survives units that are each other’s parent', () => {
    const flat = flatUnits(model([node('u1', 'unit', 'u2'), node('u2', 'unit', 'u1'), node('s1', 'stakeholder', 'u1')]));
    const boxes = unitBoxes(flat, () => ({ x: 0, y: 0, w: 10, h: 10 }));
    expect(boxes.get('u1')).toBeDefined();
    expect(boxes.get('u2')).toBeDefined();
  });
});

describe('unitBoxes', () => {
  it('wraps people and nested units with the padding, as compound nodes do', () => {
    const flat = flatUnits(model([node('u1', 'unit'), node('u2', 'unit', 'u1'), node('a', 'stakeholder', 'u2'), node('b', 'stakeholder', 'u1')]));
    const at: Record<string, { x: number; y: number; w: number; h: number }> = { a: { x: 0, y: 0, w: 100, h: 50 }, b: { x: 300, y: 200, w: 100, h: 50 } };
    const boxes = unitBoxes(flat, (id) => at[id] ?? null);
    const p = UNIT_PADDING;
    expect(boxes.get('u2')).toEqual({ x1: -50 - p, y1: -25 - p, x2: 50 + p, y2: 25 + p });
    expect(boxes.get('u1')).toEqual({ x1: -50 - 2 * p, y1: -25 - 2 * p, x2: 350 + p, y2: 225 + p });
  });

  it('skips members it cannot place', () => {
    const flat = flatUnits(model([node('u1', 'unit'), node('a', 'stakeholder', 'u1')]));
    expect(unitBoxes(flat, () => null).size).toBe(0);
  });
});

describe('boxAround', () => {
  it('is the box of the nodes’ extents, ignoring broken numbers', () => {
    expect(boxAround([{ x: 0, y: 0, w: 10, h: 20 }, { x: 100, y: 50, w: 20, h: 10 }, { x: NaN, y: 0, w: 1, h: 1 }])).toEqual({ x1: -5, y1: -10, x2: 110, y2: 55, w: 115, h: 65 });
    expect(boxAround([])).toBeNull();
  });
});

describe('largeCurve and median', () => {
  it('straightens bezier ties and keeps reporting lines', () => {
    expect(largeCurve('bezier')).toBe('straight');
    expect(largeCurve('taxi')).toBe('taxi');
  });

  it('takes the middle value, robust to an outlier', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([1, 2, 3, 1000])).toBe(2);
    expect(median([])).toBeNull();
  });
});
