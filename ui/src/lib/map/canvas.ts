// The Cytoscape side of the map: owns the instance, reconciles it with a MapModel (adds,
// removes, restyles, moves with animation), collects the scene for export, and reports user
// gestures (select, double-click, drag, tie drawing) through callbacks. No Svelte here.
import cytoscape, { type Core, type EdgeSingular, type ElementDefinition, type NodeSingular } from 'cytoscape';
import { badgeImage } from './badges';
import type { MapModel, MapNodeData } from './elements';
import type { Point, Positions } from './layout/types';
import { boxAround, flatUnits, median, unitBoxes, type FlatUnits } from './layout/largeMap';
import type { Palette } from './palette';
import type { Scene, SceneEdge, SceneHull, SceneNode } from './exportSvg';
import { FONT_FAMILY, stylesheet } from './style';
import { MapLayer } from './mapLayer';

export type CanvasEvents = {
  select: (ids: string[]) => void;
  open: (id: string, kind: 'node' | 'edge') => void;
  addAt: (at: Point) => void;
  moved: (positions: { id: string; x: number; y: number }[]) => void;
  connect: (source: string, target: string) => void;
  viewport: () => void;
};

/** Below this zoom names are too small to read (12 px type → 5 px). */
export const MIN_READABLE_ZOOM = 0.42;

/** Large maps are drawn on the map layer (mapLayer.ts), and Cytoscape pans a cached picture. */
export const LARGE_MAP = 400;

/** How near (screen pixels) a click must be to a large map's tie to pick it. */
const TIE_HIT_PX = 6;

export class MapCanvas {
  readonly cy: Core;
  #palette: Palette;
  #events: CanvasEvents;
  #connecting: { source: string } | null = null;
  #dropTarget: NodeSingular | null = null;
  /** The map is large (more than LARGE_MAP nodes): cheaper drawing, see sync. */
  #large = false;
  /** Large org chart: each unit with people or sub-units → its members (null: compound nodes). */
  #flat: FlatUnits | null = null;
  /** No org units or reporting lines: a network, whose top edge is nobody in particular. */
  #network = false;
  /** A large map's picture (unit boxes, ties, cards), drawn beneath Cytoscape (mapLayer.ts). */
  readonly #layer: MapLayer;
  /** Cytoscape's updates are held (batched) until the layer's first picture of a large map. */
  #holding = false;

  constructor(container: HTMLElement, palette: Palette, events: CanvasEvents) {
    this.#palette = palette;
    this.#events = events;
    this.cy = cytoscape({
      container,
      style: stylesheet(palette),
      elements: [],
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: true,
      selectionType: 'single',
      pixelRatio: 'auto',
    });
    const cy = this.cy;
    this.#layer = new MapLayer(cy, container, palette);
    cy.on('select unselect', () => this.#events.select(this.selectedIds()));
    // a large map's ties are not Cytoscape's: a click on the background may be on one of them
    cy.on('tap', (e) => {
      const additive = modified(e.originalEvent);
      if (e.target === cy) {
        const hit = this.#tieAt(e.position);
        const before = this.#layer.selected;
        const now = hit ? (additive ? toggled(before, hit) : [hit]) : additive ? before : [];
        if (this.#layer.select(now)) this.#events.select(this.selectedIds());
      } else if (!additive && this.#layer.selected.length) {
        this.#layer.select([]);
        this.#events.select(this.selectedIds());
      }
    });
    cy.on('dbltap', 'node, edge', (e) => {
      const el = e.target as NodeSingular | EdgeSingular;
      if (el.hasClass('ghost') || el.hasClass('ghost-edge')) return;
      this.#events.open(el.id(), el.isNode() ? 'node' : 'edge');
    });
    cy.on('dbltap', (e) => {
      if (e.target !== cy) return;
      const hit = this.#tieAt(e.position);
      if (hit) this.#events.open(hit, 'edge');
      else this.#events.addAt({ ...e.position });
    });
    cy.on('dragfree', 'node', (e) => {
      const node = e.target as NodeSingular;
      // a dragged group moves its people; several selected people move together
      const moved = (node.selected() ? cy.nodes(':selected') : cy.collection().union(node))
        .union(node.descendants())
        .nodes()
        .filter((n: NodeSingular) => !n.isParent() && !n.hasClass('ghost'));
      this.#events.moved(moved.map((n: NodeSingular) => ({ id: n.id(), x: n.position('x'), y: n.position('y') })));
      this.#placeUnitBoxes();
    });
    cy.on('viewport', () => this.#events.viewport());
  }

  destroy(): void {
    this.#layer.destroy();
    this.cy.destroy();
  }

  setPalette(palette: Palette): void {
    this.#palette = palette;
    this.cy.style(stylesheet(palette));
    this.#layer.setPalette(palette);
  }

  /** A large map's tie within a few screen pixels of `at` (model coordinates). */
  #tieAt(at: Point): string | null {
    return this.#layer.active ? this.#layer.tieAt(at, TIE_HIT_PX / this.cy.zoom()) : null;
  }

  /** Everything selected: Cytoscape's elements and the map layer's ties. */
  selectedIds(): string[] {
    return [...this.cy.$(':selected').map((e) => e.id()), ...this.#layer.selected];
  }

  /** Replaces or updates every element so the canvas shows `model`; new nodes start at `start`. */
  sync(model: MapModel, start: Positions): void {
    const cy = this.cy;
    const large = model.nodes.length > LARGE_MAP;
    this.#large = large;
    // a large org chart draws its units as plain boxes behind the people (see layout/largeMap.ts):
    // Cytoscape's compound nodes make every style change and draw walk the whole hierarchy
    this.#flat = large ? flatUnits(model) : null;
    this.#network = !model.nodes.some((n) => n.kind === 'unit') && !model.edges.some((e) => e.kind === 'reports' || e.kind === 'dotted');
    // trade detail for speed while panning large maps (the renderer reads these flags each frame)
    const renderer = (cy as unknown as { renderer(): { textureOnViewport: boolean; hideEdgesOnViewport: boolean } }).renderer();
    renderer.textureOnViewport = large;
    renderer.hideEdgesOnViewport = model.edges.length > 3000;
    const wantNodes = new Map(model.nodes.map((n) => [n.id, n]));
    // a large map's ties, unit boxes and cards are drawn by the map layer, not by Cytoscape
    const cyEdges = large ? [] : model.edges;
    this.#layer.set(large ? model.edges : [], this.#flat !== null && this.#flat.size > 0, large);
    // A large map's first picture is the layer's alone: Cytoscape only holds invisible nodes
    // there, and its first draw of them (their style, its texture caches) would hold that
    // picture back by a few hundred milliseconds. So its updates wait, batched, until the
    // layer has drawn; it draws in the frame after (clicks work from then on).
    if (large && cy.nodes().empty() && !this.#holding) {
      this.#holding = true;
      cy.startBatch();
      const release = () => {
        if (!this.#holding) return;
        this.#holding = false;
        clearTimeout(fallback);
        if (!cy.destroyed()) cy.endBatch();
      };
      // (a layer that never gets to draw, say in a hidden window, does not hold Cytoscape up)
      const fallback = setTimeout(release, 1000);
      // released after the layer's picture is on screen: a frame later, in a task of its own
      this.#layer.afterNextDraw(() => requestAnimationFrame(() => setTimeout(release, 0)));
    }
    const wantEdges = new Map(cyEdges.map((e) => [e.id, e]));
    cy.batch(() => {
      cy.edges().forEach((el) => {
        if (el.hasClass('ghost-edge')) return;
        const want = wantEdges.get(el.id());
        if (!want || el.data('source') !== want.source || el.data('target') !== want.target) el.remove();
      });
      // people in a group that goes away (the network has no units) leave it first: removing a
      // compound node removes what is inside it, and they would come back unselected
      cy.nodes()
        .filter((el: NodeSingular) => wantNodes.has(el.id()) && el.parent().nonempty() && !wantNodes.has(el.parent().first().id()))
        .move({ parent: null });
      cy.remove(cy.nodes().filter((el: NodeSingular) => !el.hasClass('ghost') && !wantNodes.has(el.id())));
      // parents first, so children can be added inside them
      const adds: ElementDefinition[] = [];
      const units = model.nodes.filter((n) => n.kind === 'unit');
      const ordered = [...orderParents(units), ...model.nodes.filter((n) => n.kind !== 'unit')];
      for (const n of ordered) {
        const data = this.#nodeData(n);
        const existing = cy.getElementById(n.id);
        if (existing.nonempty()) {
          // (setting data, even the same, makes Cytoscape style the node again)
          if (!sameData(existing.data() as Record<string, unknown>, data)) existing.data(data);
          if (n.kind === 'unit' && !this.#flat && !existing.grabbable()) existing.grabify().unpanify();
          const parent = this.#flat ? null : (n.parent ?? null);
          const up = (existing as NodeSingular).parent();
          const current = up.nonempty() ? up.first().id() : null;
          // the new parent (a group) was added above: groups come first in `ordered`
          if (parent !== current) (existing as NodeSingular).move({ parent });
        } else if (n.kind === 'unit') {
          // groups at once, so people already on the canvas can move into them
          cy.add({ group: 'nodes', data, position: { ...(start[n.id] ?? { x: 0, y: 0 }) } });
        } else {
          adds.push({ group: 'nodes', data, position: { ...(start[n.id] ?? { x: 0, y: 0 }) } });
        }
      }
      if (adds.length) cy.add(adds);
      const edgeAdds: ElementDefinition[] = [];
      for (const e of cyEdges) {
        const existing = cy.getElementById(e.id);
        if (existing.empty()) edgeAdds.push({ group: 'edges', data: { ...e } });
        else if (!sameData(existing.data() as Record<string, unknown>, e)) existing.data(e);
      }
      if (edgeAdds.length) cy.add(edgeAdds);
      this.#placeUnitBoxes();
    });
  }

  #nodeData(n: MapNodeData): Record<string, unknown> {
    const data: Record<string, unknown> = { ...n, parent: n.parent ?? undefined, textWidth: Math.max(20, n.w - 12) };
    delete data.parent;
    // a large map's people are drawn by the map layer: Cytoscape keeps them invisible, to be
    // clicked, selected and dragged (painted: false undoes it when the map has become small)
    const painted = this.#large && n.kind !== 'unit';
    data.painted = painted;
    if (n.badge && !painted) data.image = badgeImage(n.badge, n.w, this.#palette, FONT_FAMILY);
    if (this.#flat) {
      // no compound parents: a unit is a box sized by #placeUnitBoxes, people are on their own
      if (n.kind === 'unit') return { ...data, box: this.#flat.has(n.id), w: 160, h: 40 };
      // the unit a person is drawn in, for the test hook (MapView's summary) in place of parent()
      return { ...data, group: n.parent ?? null };
    }
    // (box: false undoes a large map's box when the map has become small)
    const own = n.kind === 'unit' ? { ...data, box: false } : data;
    return n.parent ? { ...own, parent: n.parent } : own;
  }

  /** Sizes and places the plain unit boxes of a large org chart around their people and sub-units
   * (what Cytoscape does for compound nodes: the members' box plus the padding). */
  #placeUnitBoxes(): void {
    const flat = this.#flat;
    if (!flat || flat.size === 0) return;
    const cy = this.cy;
    const boxes = unitBoxes(flat, (id) => {
      const n = cy.getElementById(id);
      if (n.empty()) return null;
      const p = n.position();
      return { x: p.x, y: p.y, w: Number(n.data('w')) || n.width(), h: Number(n.data('h')) || n.height() };
    });
    cy.batch(() => {
      for (const [id, b] of boxes) {
        const n = cy.getElementById(id);
        if (n.empty()) continue;
        n.data({ w: b.x2 - b.x1, h: b.y2 - b.y1 });
        n.position({ x: (b.x1 + b.x2) / 2, y: (b.y1 + b.y2) / 2 });
        if (n.grabbable()) n.ungrabify();
        if (!n.pannable()) n.panify();
      }
    });
  }

  /** Current centres of the leaf nodes. */
  positions(): Positions {
    const out: Positions = {};
    this.cy.nodes().forEach((n) => {
      if (!n.isParent() && !n.hasClass('ghost') && !n.data('box')) out[n.id()] = { x: n.position('x'), y: n.position('y') };
    });
    return out;
  }

  /** Moves nodes to `target` (animated when asked and the map is small enough to look smooth). */
  moveTo(target: Positions, animate: boolean): Promise<void> {
    const cy = this.cy;
    const nodes = cy.nodes().filter((n: NodeSingular) => !n.isParent() && target[n.id()] !== undefined);
    const changed = nodes.filter((n: NodeSingular) => {
      const t = target[n.id()]!;
      return Math.abs(n.position('x') - t.x) > 0.5 || Math.abs(n.position('y') - t.y) > 0.5;
    });
    if (changed.empty()) return Promise.resolve();
    if (!animate || changed.length > 600) {
      cy.batch(() => changed.forEach((n: NodeSingular) => void n.position({ ...target[n.id()]! })));
      this.#placeUnitBoxes();
      return Promise.resolve();
    }
    return Promise.all(
      changed.map((n: NodeSingular) =>
        n.animation({ position: { ...target[n.id()]! }, duration: 420, easing: 'ease-in-out-cubic' } as never).play().promise(),
      ),
    ).then(() => this.#placeUnitBoxes());
  }

  /** Shows everything at a readable size: a small map is not blown up beyond 110 % (cards
   * stay card-sized) and a big one not shrunk below `minReadable` (names stay legible; the
   * top of the map shows, the rest is a pan or the overview away). `all` shows everything. */
  fit(animate: boolean, padding = 36, all = false): void {
    const cy = this.cy;
    const bb = this.#large ? this.#modelBox() : this.#fullBox();
    if (!bb) return;
    const whole = Math.min((cy.width() - 2 * padding) / bb.w, (cy.height() - 2 * padding) / bb.h);
    const zoom = Math.min(1.1, Math.max(all ? cy.minZoom() : MIN_READABLE_ZOOM, whole));
    // not all of it fits at a readable size: an org chart shows its top (the people at the
    // head of it); a large network its middle (the median person: its box's top edge is
    // usually one outlier with nothing around it)
    const middle = zoom > whole && this.#large && this.#network ? this.#medianCentre() : null;
    const pan = middle
      ? { x: cy.width() / 2 - zoom * middle.x, y: cy.height() / 2 - zoom * middle.y }
      : {
          x: cy.width() / 2 - zoom * (bb.x1 + bb.w / 2),
          y: zoom > whole ? padding - zoom * bb.y1 : cy.height() / 2 - zoom * (bb.y1 + bb.h / 2),
        };
    if (animate) cy.animate({ zoom, pan, duration: 380 });
    else cy.viewport({ zoom, pan });
  }

  /** Cytoscape's own box of everything drawn (labels too): exact, but it computes every
   * element's style and geometry first, seconds on a large map before it can draw. */
  #fullBox(): { x1: number; y1: number; w: number; h: number } | null {
    const eles = this.cy.elements().not('.ghost, .ghost-edge');
    return eles.empty() ? null : eles.boundingBox({});
  }

  /** The box of the nodes from their positions and sizes alone (no style needed). */
  #modelBox(): { x1: number; y1: number; w: number; h: number } | null {
    const boxes: { x: number; y: number; w: number; h: number }[] = [];
    this.cy.nodes().forEach((n) => {
      if (n.hasClass('ghost')) return;
      const p = n.position();
      const w = Number(n.data('w'));
      const h = Number(n.data('h'));
      // compound parents (small maps only) and empty units have no size of their own here
      if (w > 0 && h > 0) boxes.push({ x: p.x, y: p.y, w, h });
    });
    return boxAround(boxes);
  }

  #medianCentre(): Point | null {
    const xs: number[] = [];
    const ys: number[] = [];
    this.cy.nodes().forEach((n) => {
      if (n.isParent() || n.hasClass('ghost') || n.data('box')) return;
      xs.push(n.position('x'));
      ys.push(n.position('y'));
    });
    const x = median(xs);
    const y = median(ys);
    return x === null || y === null ? null : { x, y };
  }

  /** Marks one node as focused and brings it into view: `zoom` (search) zooms to it; otherwise
   * (keyboard walking) the view moves only when the node is off screen or too small to read. */
  focusNode(id: string, zoom = false): void {
    const cy = this.cy;
    const node = cy.getElementById(id) as NodeSingular;
    if (node.empty()) return;
    cy.$('.focused').removeClass('focused');
    node.addClass('focused');
    this.#layer.redraw();
    const bb = node.renderedBoundingBox({ includeLabels: false, includeOverlays: false });
    const visible = bb.x1 >= 0 && bb.y1 >= 0 && bb.x2 <= cy.width() && bb.y2 <= cy.height();
    if (!zoom && visible && cy.zoom() >= MIN_READABLE_ZOOM) return;
    const level = zoom ? Math.max(cy.zoom(), 0.9) : Math.max(cy.zoom(), MIN_READABLE_ZOOM);
    cy.animate({ center: { eles: node }, zoom: level, duration: 300 });
  }

  select(ids: readonly string[]): void {
    const cy = this.cy;
    this.#layer.select(ids);
    const want = new Set(ids.filter((id) => !this.#layer.has(id)));
    const now = new Set(cy.$(':selected').map((e) => e.id()));
    if (want.size === now.size && [...want].every((id) => now.has(id))) return;
    cy.batch(() => {
      cy.$(':selected').unselect();
      for (const id of want) cy.getElementById(id).select();
    });
  }

  /** Dims everything except `keep` (null = nothing dimmed). Ties are kept when both ends are. */
  dim(keep: ReadonlySet<string> | null): void {
    const cy = this.cy;
    this.#layer.dim(keep);
    cy.batch(() => {
      cy.elements().removeClass('dimmed');
      if (!keep) return;
      cy.nodes().forEach((n) => {
        if (n.isParent() || n.data('box')) return;
        if (!keep.has(n.id())) n.addClass('dimmed');
      });
      cy.edges().forEach((e) => {
        if (!keep.has(e.data('source')) || !keep.has(e.data('target'))) e.addClass('dimmed');
      });
    });
  }

  // drawing a tie: a ghost edge follows the pointer from the source to the node under it
  startConnect(source: string, at: Point): void {
    this.cancelConnect();
    const cy = this.cy;
    this.#connecting = { source };
    cy.add([
      { group: 'nodes', data: { id: '__ghost', w: 2, h: 2 }, classes: 'ghost', position: { ...at }, grabbable: false, selectable: false },
      { group: 'edges', data: { id: '__ghost_edge', source, target: '__ghost' }, classes: 'ghost-edge', selectable: false },
    ]);
  }

  get connecting(): boolean {
    return this.#connecting !== null;
  }

  moveConnect(at: Point): void {
    if (!this.#connecting) return;
    this.cy.getElementById('__ghost').position({ ...at });
    const target = this.nodeAt(at);
    if (this.#dropTarget && this.#dropTarget !== target) this.#dropTarget.removeClass('drop-target');
    const next = target && target.id() !== this.#connecting.source ? target : null;
    if (next !== this.#dropTarget) this.#layer.redraw();
    this.#dropTarget = next;
    this.#dropTarget?.addClass('drop-target');
  }

  endConnect(at: Point): void {
    if (!this.#connecting) return;
    const source = this.#connecting.source;
    const target = this.nodeAt(at);
    this.cancelConnect();
    if (target && target.id() !== source) this.#events.connect(source, target.id());
  }

  cancelConnect(): void {
    if (this.#dropTarget) this.#layer.redraw();
    this.#dropTarget?.removeClass('drop-target');
    this.#dropTarget = null;
    this.#connecting = null;
    this.cy.remove('#__ghost, #__ghost_edge');
  }

  /** The person under a model point (not groups, not the ghost). */
  nodeAt(at: Point): NodeSingular | null {
    let hit: NodeSingular | null = null;
    this.cy.nodes().forEach((n) => {
      if (hit || n.isParent() || n.hasClass('ghost') || n.data('kind') === 'unit') return;
      const p = n.position();
      if (Math.abs(at.x - p.x) <= n.width() / 2 && Math.abs(at.y - p.y) <= n.height() / 2) hit = n;
    });
    return hit;
  }

  /** A client (window) point in model coordinates. */
  toModel(clientX: number, clientY: number): Point {
    const rect = this.cy.container()!.getBoundingClientRect();
    const pan = this.cy.pan();
    const zoom = this.cy.zoom();
    return { x: (clientX - rect.left - pan.x) / zoom, y: (clientY - rect.top - pan.y) / zoom };
  }

  /** What is drawn, in model coordinates, for the exporter. */
  scene(hulls: SceneHull[]): Scene {
    const nodes: SceneNode[] = [];
    this.cy.nodes().forEach((n) => {
      if (n.hasClass('ghost')) return;
      const data = n.data() as MapNodeData;
      if (n.isParent()) {
        const bb = n.boundingBox({ includeLabels: false, includeOverlays: false });
        nodes.push({ ...data, x: (bb.x1 + bb.x2) / 2, y: (bb.y1 + bb.y2) / 2, w: bb.w, h: bb.h });
      } else {
        nodes.push({ ...data, x: n.position('x'), y: n.position('y'), w: n.width(), h: n.height(), opacity: n.hasClass('dimmed') ? 0.14 : data.opacity });
      }
    });
    const edges: SceneEdge[] = [];
    this.cy.edges().forEach((e) => {
      if (e.hasClass('ghost-edge')) return;
      const data = e.data() as SceneEdge;
      const s = e.sourceEndpoint();
      const t = e.targetEndpoint();
      const segments = safePoints(() => e.segmentPoints());
      const controls = safePoints(() => e.controlPoints());
      const taxi = data.curve === 'taxi';
      const middle = taxi ? segments : controls;
      edges.push({
        ...data,
        opacity: e.hasClass('dimmed') ? 0.06 : data.opacity,
        points: [{ x: s.x, y: s.y }, ...middle, { x: t.x, y: t.y }],
        shape: taxi || middle.length === 0 ? 'lines' : 'curve',
      });
    });
    for (const t of this.#layer.ties()) edges.push({ ...t, opacity: this.#layer.isDimmed(t) ? 0.06 : t.opacity, shape: 'lines' });
    return { nodes, edges, hulls };
  }

  /** For the test hook: a window point on a large map's tie `id` where a click picks that tie
   * (in view, on no card, nearer to it than to any other tie), or null when there is none. */
  tieClientPoint(id: string): Point | null {
    const tie = this.#layer.ties().find((t) => t.id === id);
    if (!tie) return null;
    const cy = this.cy;
    const zoom = cy.zoom();
    const pan = cy.pan();
    const rect = cy.container()!.getBoundingClientRect();
    for (let i = 1; i < tie.points.length; i++) {
      const a = tie.points[i - 1]!;
      const b = tie.points[i]!;
      for (const f of [0.5, 0.35, 0.65, 0.2, 0.8]) {
        const p = { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f };
        const r = { x: p.x * zoom + pan.x, y: p.y * zoom + pan.y };
        if (r.x < 12 || r.y < 12 || r.x > cy.width() - 12 || r.y > cy.height() - 12) continue;
        if (this.nodeAt(p) || this.#tieAt(p) !== id) continue;
        return { x: rect.left + r.x, y: rect.top + r.y };
      }
    }
    return null;
  }

  /** For the test hook: whether the layer is on, and how many of its pixels are painted. */
  layerPixels(): { shown: boolean; painted: number } {
    const el = this.cy.container()?.querySelector<HTMLCanvasElement>('[data-testid="map-layer"]');
    if (!el || el.style.display === 'none' || el.width === 0) return { shown: false, painted: 0 };
    const data = el.getContext('2d')?.getImageData(0, 0, el.width, el.height).data;
    let painted = 0;
    if (data) for (let i = 3; i < data.length; i += 16) if (data[i]! > 0) painted++;
    return { shown: true, painted };
  }

  /** Every tie on the map (Cytoscape's and the map layer's), for the test hook. */
  edgeList(): { id: string; kind: string; ref: number; source: string; target: string; color: string; width: number; dimmed: boolean }[] {
    const out = this.cy
      .edges()
      .filter((e) => !e.hasClass('ghost-edge'))
      .map((e) => ({ id: e.id(), kind: e.data('kind'), ref: e.data('ref'), source: e.data('source'), target: e.data('target'), color: e.data('color'), width: e.data('width'), dimmed: e.hasClass('dimmed') }));
    for (const t of this.#layer.ties()) out.push({ id: t.id, kind: t.kind, ref: t.ref, source: t.source, target: t.target, color: t.color, width: t.width, dimmed: this.#layer.isDimmed(t) });
    return out;
  }
}

function safePoints(read: () => { x: number; y: number }[] | undefined): Point[] {
  try {
    return (read() ?? []).filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y)).map((p) => ({ x: p.x, y: p.y }));
  } catch {
    return [];
  }
}

/** Org units ordered so each parent comes before its children. */
function orderParents(units: MapNodeData[]): MapNodeData[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const out: MapNodeData[] = [];
  const seen = new Set<string>();
  const visit = (u: MapNodeData, depth: number) => {
    if (seen.has(u.id) || depth > units.length) return;
    const parent = u.parent ? byId.get(u.parent) : undefined;
    if (parent) visit(parent, depth + 1);
    if (!seen.has(u.id)) {
      seen.add(u.id);
      out.push(u);
    }
  };
  for (const u of units) visit(u, 0);
  return out;
}

/** Shift, Ctrl or ⌘ held: the click adds to the selection. */
function modified(e: Event | undefined): boolean {
  const m = e as MouseEvent | undefined;
  return Boolean(m && (m.shiftKey || m.ctrlKey || m.metaKey));
}

function toggled(ids: readonly string[], id: string): string[] {
  return ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id];
}

/** The element's data already holds every value of `next` (badges compared by value). */
function sameData(current: Record<string, unknown>, next: Record<string, unknown>): boolean {
  for (const [k, v] of Object.entries(next)) {
    const was = current[k];
    if (was === v) continue;
    if (typeof v === 'object' && v !== null && typeof was === 'object' && was !== null && JSON.stringify(v) === JSON.stringify(was)) continue;
    return false;
  }
  return true;
}
