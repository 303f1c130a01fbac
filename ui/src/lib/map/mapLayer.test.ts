// The large map's layer without a screen: which ties it holds and where, picking one with the
// pointer, selecting and dimming (the drawing itself is checked in the end-to-end large-map
// test and the benchmark's screenshots).
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import type { MapEdgeData } from './elements';
import { MapLayer } from './mapLayer';
import { LIGHT } from './palette';

function tie(id: string, source: string, target: string, extra: Partial<MapEdgeData> = {}): MapEdgeData {
  return {
    id, kind: 'influence', ref: Number(id.slice(1)), source, target, width: 2, color: '#336699', lineStyle: 'solid',
    arrow: 'triangle', curve: 'bezier', opacity: 0.9, strength: 3, influenceKind: 'advisor', ...extra,
  };
}

function setUp() {
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    layout: { name: 'preset' },
    elements: [
      { group: 'nodes', data: { id: 'a', w: 100, h: 50, painted: true }, position: { x: 0, y: 0 } },
      { group: 'nodes', data: { id: 'b', w: 100, h: 50, painted: true }, position: { x: 400, y: 0 } },
      { group: 'nodes', data: { id: 'c', w: 100, h: 50, painted: true }, position: { x: 0, y: 300 } },
    ],
  });
  const container = document.createElement('div');
  const layer = new MapLayer(cy, container, LIGHT);
  layer.set([tie('i1', 'a', 'b'), tie('i2', 'a', 'c', { lineStyle: 'dashed' }), tie('i3', 'b', 'missing'), tie('r4', 'a', 'c', { kind: 'reports', curve: 'taxi', arrow: 'none' })], false, true);
  return { cy, container, layer };
}

describe('the map layer', () => {
  it('puts its canvas beneath Cytoscape’s and holds the ties between people on the map', () => {
    const { container, layer } = setUp();
    expect(container.firstElementChild?.getAttribute('data-testid')).toBe('map-layer');
    expect(layer.active).toBe(true);
    const ties = layer.ties();
    expect(ties.map((t) => t.id)).toEqual(['i1', 'i2', 'r4']);
    expect(ties[0]!.points).toEqual([
      { x: 50, y: 0 },
      { x: 350, y: 0 },
    ]);
    // the reporting line leaves the manager's card downwards and enters the report's from above
    expect(ties[2]!.points[0]).toEqual({ x: 0, y: 25 });
    expect(ties[2]!.points.at(-1)).toEqual({ x: 0, y: 275 });
  });

  it('follows the cards when they move', () => {
    const { cy, layer } = setUp();
    cy.getElementById('b').position({ x: 600, y: 0 });
    expect(layer.ties()[0]!.points[1]).toEqual({ x: 550, y: 0 });
  });

  it('finds the tie under the pointer, the nearest when two are close, and none away from them', () => {
    const { layer } = setUp();
    expect(layer.tieAt({ x: 200, y: 3 }, 6)).toBe('i1');
    expect(layer.tieAt({ x: 200, y: 30 }, 6)).toBeNull();
    expect(layer.tieAt({ x: 4, y: 150 }, 6)).not.toBeNull();
  });

  it('selects only its own ties, and says when that changed anything', () => {
    const { layer } = setUp();
    expect(layer.select(['i1', 's7', 'nope'])).toBe(true);
    expect(layer.selected).toEqual(['i1']);
    expect(layer.select(['i1'])).toBe(false);
    // a tie that is gone leaves the selection
    layer.set([tie('i2', 'a', 'c')], false, true);
    expect(layer.selected).toEqual([]);
  });

  it('dims the ties with an end outside the people kept', () => {
    const { layer } = setUp();
    layer.dim(new Set(['a', 'b']));
    const [ab, ac] = layer.ties();
    expect(layer.isDimmed(ab!)).toBe(false);
    expect(layer.isDimmed(ac!)).toBe(true);
    layer.dim(null);
    expect(layer.isDimmed(ac!)).toBe(false);
  });

  it('is off (hidden, nothing held) on a small map', () => {
    const { container, layer } = setUp();
    layer.set([], false, false);
    expect(layer.active).toBe(false);
    expect((container.firstElementChild as HTMLElement).style.display).toBe('none');
    expect(layer.ties()).toEqual([]);
  });
});
