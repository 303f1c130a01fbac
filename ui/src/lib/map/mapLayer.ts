// The picture of a large map (more than LARGE_MAP people, canvas.ts): the org units' boxes, the
// ties and the people's cards, drawn on a canvas of our own beneath Cytoscape's. Cytoscape styles,
// measures and hit-tests every element it holds one by one; for 2,000 labelled cards and 10,000
// ties that was nearly all of the seconds a large map took to open. On a large map Cytoscape keeps
// the people as invisible nodes, for what it is good at (clicking, selecting, dragging, the
// selection's highlight), and holds no ties at all. Here a tie is a few points computed from its
// cards' positions, ties that look alike are stroked as one path, a tie is found under the pointer
// by distance, and only what is in view is drawn. Everything looks as the same MapNodeData and
// MapEdgeData say on a small map, drawn as the SVG exporter draws it (card text wrapped by the
// same rule, the badge strip from the same shapes, ties with the same geometry: tieGeometry.ts).
//
// While the view moves, the last picture is moved and scaled with a CSS transform (as Cytoscape
// moves its cached picture), and redrawn sharp once the view has rested for a moment.
import type { Core, NodeSingular } from 'cytoscape';
import { badgeShapes, BADGE_HEIGHT, drawShapes, type BadgeShape } from './badges';
import type { MapEdgeData, MapNodeData } from './elements';
import { wrapLine } from './exportSvg';
import type { Point } from './layout/types';
import { largeCurve } from './layout/largeMap';
import type { Palette } from './palette';
import { FONT_FAMILY } from './style';
import { arrowLength, arrowTriangle, clipSegment, distanceToPolyline, shortenEnd, tiePoints, type NodeBox, type Rect } from './tieGeometry';

/** A tie as the layer draws it. */
export type LayerTie = MapEdgeData & { points: Point[] };

/** A card's text lines and badge shapes, kept while its label, size and badge stay the same. */
type CardCache = { key: string; lines: string[]; badge: BadgeShape[] | null };

/** How long the view must rest before the moved picture is redrawn sharp (ms). */
const SETTLE_MS = 140;
/** Dimmed ties and people (a filter or search is on): as `edge.dimmed` and `.dimmed` in style.ts. */
const DIMMED_OPACITY = 0.06;
const DIMMED_CARD_OPACITY = 0.14;
/** Names smaller than this on screen are not drawn (Cytoscape's min-zoomed-font-size in style.ts). */
const MIN_FONT_PX = 4;

type Viewport = { zoom: number; x: number; y: number; width: number; height: number };

export class MapLayer {
  readonly #cy: Core;
  readonly #canvas: HTMLCanvasElement;
  #palette: Palette;
  #edges: MapEdgeData[] = [];
  #ids = new Set<string>();
  /** The org units are drawn here too (a large org chart). */
  #boxes = false;
  /** The people are drawn here too (a large map). */
  #cards = false;
  #cardCache = new Map<string, CardCache>();
  #ties: LayerTie[] = [];
  #geometryDirty = true;
  #selected = new Set<string>();
  #keep: ReadonlySet<string> | null = null;
  #drawn: Viewport | null = null;
  #frame = 0;
  #afterDraw: (() => void)[] = [];
  #settle: ReturnType<typeof setTimeout> | null = null;
  readonly #onViewport = () => this.#viewportMoved();
  readonly #onPosition = () => this.invalidate();
  readonly #onResize = () => this.redraw();

  constructor(cy: Core, container: HTMLElement, palette: Palette) {
    this.#cy = cy;
    this.#palette = palette;
    const canvas = document.createElement('canvas');
    canvas.dataset.testid = 'map-layer';
    canvas.setAttribute('aria-hidden', 'true');
    // beneath Cytoscape's own canvases (its container comes after this one, z-index 0)
    Object.assign(canvas.style, { position: 'absolute', left: '0', top: '0', pointerEvents: 'none', transformOrigin: '0 0', display: 'none' });
    container.insertBefore(canvas, container.firstChild);
    this.#canvas = canvas;
    cy.on('viewport', this.#onViewport);
    cy.on('position', 'node', this.#onPosition);
    cy.on('resize', this.#onResize);
  }

  destroy(): void {
    cancelAnimationFrame(this.#frame);
    for (const fn of this.#afterDraw.splice(0)) fn();
    if (this.#settle) clearTimeout(this.#settle);
    this.#cy.off('viewport', this.#onViewport);
    this.#cy.off('position', 'node', this.#onPosition);
    this.#cy.off('resize', this.#onResize);
    this.#canvas.remove();
  }

  /** What the layer draws: these ties, the unit boxes (`[?box]` nodes) or not, the people
   * (`[?painted]` nodes) or not. None of them: the layer is off (a small map draws everything in
   * Cytoscape). */
  set(edges: readonly MapEdgeData[], boxes: boolean, cards: boolean): void {
    this.#edges = [...edges];
    this.#ids = new Set(this.#edges.map((e) => e.id));
    this.#boxes = boxes;
    this.#cards = cards;
    if (!cards) this.#cardCache.clear();
    for (const id of [...this.#selected]) if (!this.#ids.has(id)) this.#selected.delete(id);
    this.#canvas.style.display = this.active ? 'block' : 'none';
    if (!this.active) this.#drawn = null;
    this.invalidate();
  }

  get active(): boolean {
    return this.#edges.length > 0 || this.#boxes || this.#cards;
  }

  has(id: string): boolean {
    return this.#ids.has(id);
  }

  setPalette(palette: Palette): void {
    this.#palette = palette;
    this.#cardCache.clear();
    this.redraw();
  }

  /** People in `keep` and ties whose ends are both in it stay; the rest are dimmed (null:
   * nothing dimmed). */
  dim(keep: ReadonlySet<string> | null): void {
    this.#keep = keep;
    this.redraw();
  }

  isDimmed(e: MapEdgeData): boolean {
    return this.#keep !== null && (!this.#keep.has(e.source) || !this.#keep.has(e.target));
  }

  get selected(): string[] {
    return [...this.#selected];
  }

  /** Selects exactly the ties among `ids` that the layer draws; true when that changed anything. */
  select(ids: Iterable<string>): boolean {
    const want = new Set<string>();
    for (const id of ids) if (this.has(id)) want.add(id);
    if (want.size === this.#selected.size && [...want].every((id) => this.#selected.has(id))) return false;
    this.#selected = want;
    this.redraw();
    return true;
  }

  /** Every tie with its current points (model coordinates), for the exporter and the test hook. */
  ties(): LayerTie[] {
    this.#updateGeometry();
    return this.#ties;
  }

  /** The tie nearest `at` within `tolerance` (model units), or null. */
  tieAt(at: Point, tolerance: number): string | null {
    let best: string | null = null;
    let bestD = tolerance;
    for (const t of this.ties()) {
      const d = distanceToPolyline(at, t.points);
      if (d <= bestD) {
        bestD = d;
        best = t.id;
      }
    }
    return best;
  }

  /** The cards moved or the ties changed: recompute the points and draw in the next frame. */
  invalidate(): void {
    this.#geometryDirty = true;
    this.redraw();
  }

  /** Draw again in the next frame (the same geometry). */
  redraw(): void {
    if (!this.active) return;
    if (this.#settle) {
      clearTimeout(this.#settle);
      this.#settle = null;
    }
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(() => this.draw());
  }

  #viewportMoved(): void {
    if (!this.active) return;
    const drawn = this.#drawn;
    if (!drawn) return this.redraw();
    // move the last picture along with the view, then redraw it sharp once the view rests
    const zoom = this.#cy.zoom();
    const pan = this.#cy.pan();
    const k = zoom / drawn.zoom;
    this.#canvas.style.transform = `translate(${pan.x - k * drawn.x}px, ${pan.y - k * drawn.y}px) scale(${k})`;
    if (this.#settle) clearTimeout(this.#settle);
    this.#settle = setTimeout(() => {
      this.#settle = null;
      this.redraw();
    }, SETTLE_MS);
  }

  #updateGeometry(): void {
    if (!this.#geometryDirty) return;
    this.#geometryDirty = false;
    const boxes = new Map<string, NodeBox>();
    this.#cy.nodes().forEach((n: NodeSingular) => {
      if (n.data('box')) return;
      const p = n.position();
      boxes.set(n.id(), { x: p.x, y: p.y, w: Number(n.data('w')) || n.width(), h: Number(n.data('h')) || n.height() });
    });
    const out: LayerTie[] = [];
    for (const e of this.#edges) {
      const s = boxes.get(e.source);
      const t = boxes.get(e.target);
      if (!s || !t) continue;
      const points = tiePoints(largeCurve(e.curve), s, t);
      if (points) out.push({ ...e, points });
    }
    this.#ties = out;
  }

  /** Runs `fn` once the layer has drawn next (at once when it is off). */
  afterNextDraw(fn: () => void): void {
    if (!this.active) fn();
    else this.#afterDraw.push(fn);
  }

  /** Draws the unit boxes, the ties and the cards in view now. */
  draw(): void {
    try {
      this.#draw();
    } finally {
      const after = this.#afterDraw;
      this.#afterDraw = [];
      for (const fn of after) fn();
    }
  }

  #draw(): void {
    cancelAnimationFrame(this.#frame);
    const cy = this.#cy;
    const canvas = this.#canvas;
    if (!this.active) {
      this.#drawn = null;
      return;
    }
    this.#updateGeometry();
    const width = cy.width();
    const height = cy.height();
    const ratio = window.devicePixelRatio || 1;
    const pw = Math.max(1, Math.round(width * ratio));
    const ph = Math.max(1, Math.round(height * ratio));
    if (canvas.width !== pw || canvas.height !== ph) {
      canvas.width = pw;
      canvas.height = ph;
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
    }
    canvas.style.transform = '';
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const zoom = cy.zoom();
    const pan = cy.pan();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, pw, ph);
    ctx.setTransform(ratio * zoom, 0, 0, ratio * zoom, ratio * pan.x, ratio * pan.y);
    const view = { x1: -pan.x / zoom, y1: -pan.y / zoom, x2: (width - pan.x) / zoom, y2: (height - pan.y) / zoom };
    this.#drawBoxes(ctx, view, zoom);
    this.#drawTies(ctx, view);
    this.#drawCards(ctx, view, zoom);
    this.#drawn = { zoom, x: pan.x, y: pan.y, width, height };
  }

  #drawBoxes(ctx: CanvasRenderingContext2D, view: Box, zoom: number): void {
    if (!this.#boxes) return;
    const boxes = this.#cy.nodes('[?box]');
    const list = boxes.map((n: NodeSingular) => ({ p: n.position(), d: n.data() as MapNodeData & { w: number; h: number } }));
    // bigger boxes first, so a sub-unit's box shows on its parent's
    list.sort((a, b) => b.d.w * b.d.h - a.d.w * a.d.h);
    for (const { p, d } of list) {
      const x1 = p.x - d.w / 2;
      const y1 = p.y - d.h / 2;
      if (x1 > view.x2 || y1 > view.y2 || x1 + d.w < view.x1 || y1 + d.h < view.y1) continue;
      ctx.beginPath();
      ctx.roundRect(x1, y1, d.w, d.h, 10);
      ctx.globalAlpha = 0.5;
      ctx.fillStyle = d.fill;
      ctx.fill();
      ctx.globalAlpha = 1;
      ctx.lineWidth = 1;
      ctx.strokeStyle = d.border;
      ctx.stroke();
      // names too small to read are left out, as Cytoscape's min-zoomed-font-size does
      if (d.fontSize * zoom >= 4 && d.label) {
        ctx.font = `700 ${d.fontSize}px ${FONT_FAMILY}`;
        ctx.fillStyle = d.textColor;
        ctx.textAlign = 'center';
        ctx.textBaseline = 'alphabetic';
        ctx.fillText(d.label, p.x, y1 + d.fontSize + 6);
      }
    }
  }

  #drawCards(ctx: CanvasRenderingContext2D, view: Box, zoom: number): void {
    if (!this.#cards) return;
    const keep = this.#keep;
    const seen = new Set<string>();
    this.#cy.nodes('[?painted]').forEach((n: NodeSingular) => {
      const d = n.data() as MapNodeData;
      const p = n.position();
      const x1 = p.x - d.w / 2;
      const y1 = p.y - d.h / 2;
      seen.add(d.id);
      if (x1 > view.x2 || y1 > view.y2 || x1 + d.w < view.x1 || y1 + d.h < view.y1) return;
      const card = this.#card(d);
      // the keyboard's focus and the drop target of a tie being drawn: a halo beneath the card
      const halo = n.hasClass('drop-target') ? { pad: 10, alpha: 0.45 } : n.hasClass('focused') ? { pad: 9, alpha: 0.35 } : null;
      if (halo) {
        ctx.globalAlpha = halo.alpha;
        ctx.fillStyle = this.#palette.accent;
        ctx.beginPath();
        ctx.roundRect(x1 - halo.pad, y1 - halo.pad, d.w + 2 * halo.pad, d.h + 2 * halo.pad, 9 + halo.pad);
        ctx.fill();
      }
      const opacity = keep && !keep.has(d.id) ? DIMMED_CARD_OPACITY : d.opacity;
      ctx.beginPath();
      ctx.roundRect(x1, y1, d.w, d.h, 9);
      ctx.globalAlpha = opacity * d.fillOpacity;
      ctx.fillStyle = d.fill;
      ctx.fill();
      ctx.globalAlpha = opacity;
      if (d.borderWidth > 0) {
        ctx.lineWidth = d.borderWidth;
        ctx.strokeStyle = d.border;
        ctx.setLineDash(d.borderStyle === 'dashed' ? [7, 4] : []);
        ctx.stroke();
        ctx.setLineDash([]);
      }
      if (d.fontSize * zoom >= MIN_FONT_PX) {
        const lineH = d.fontSize * 1.25;
        const shift = d.kind === 'stakeholder' ? -8 : 0;
        const top = p.y + shift - (card.lines.length * lineH) / 2 + d.fontSize * 0.85;
        ctx.font = `600 ${d.fontSize}px ${FONT_FAMILY}`;
        ctx.fillStyle = d.textColor;
        ctx.textAlign = 'center';
        ctx.textBaseline = 'alphabetic';
        card.lines.forEach((line, i) => ctx.fillText(line, p.x, top + i * lineH));
      }
      if (card.badge && BADGE_HEIGHT * zoom >= MIN_FONT_PX) {
        ctx.save();
        ctx.translate(x1, y1 + d.h - BADGE_HEIGHT);
        drawShapes(ctx, card.badge, FONT_FAMILY);
        ctx.restore();
      }
    });
    ctx.globalAlpha = 1;
    for (const id of this.#cardCache.keys()) if (!seen.has(id)) this.#cardCache.delete(id);
  }

  /** The card's text lines (wrapped as the exporter wraps them) and badge shapes, cached. */
  #card(d: MapNodeData): CardCache {
    const key = `${d.label}|${d.w}|${d.fontSize}|${d.badge ? JSON.stringify(d.badge) : ''}`;
    const hit = this.#cardCache.get(d.id);
    if (hit && hit.key === key) return hit;
    const lines = d.label.split('\n').flatMap((l) => wrapLine(l, d.w - 10, d.fontSize));
    const card = { key, lines, badge: d.badge ? badgeShapes(d.badge, d.w, this.#palette) : null };
    this.#cardCache.set(d.id, card);
    return card;
  }

  #drawTies(ctx: CanvasRenderingContext2D, view: Box): void {
    const ties = this.#ties;
    if (ties.length === 0) return;
    // the view with a margin for line widths and arrowheads
    const m = 40;
    const clip = { x1: view.x1 - m, y1: view.y1 - m, x2: view.x2 + m, y2: view.y2 + m };
    // reporting lines and coverage beneath influence ties (as z-index in style.ts)
    const layers: LayerTie[][] = [[], []];
    for (const t of ties) if (inView(t.points, view)) layers[t.kind === 'influence' ? 1 : 0]!.push(t);
    if (this.#selected.size) {
      ctx.globalAlpha = 0.25;
      ctx.strokeStyle = this.#palette.accent;
      ctx.setLineDash([]);
      for (const t of [...layers[0]!, ...layers[1]!]) {
        if (!this.#selected.has(t.id)) continue;
        ctx.lineWidth = t.width + 8;
        ctx.beginPath();
        trace(ctx, t.points);
        ctx.stroke();
      }
    }
    for (const layer of layers) {
      // one path per look: thousands of ties become a few dozen strokes
      const groups = new Map<string, { t: LayerTie; opacity: number; lines: LayerTie[] }>();
      for (const t of layer) {
        const opacity = this.isDimmed(t) ? DIMMED_OPACITY : t.opacity;
        const key = `${t.color}|${t.width}|${t.lineStyle}|${t.arrow}|${opacity}`;
        let g = groups.get(key);
        if (!g) groups.set(key, (g = { t, opacity, lines: [] }));
        g.lines.push(t);
      }
      for (const { t: look, opacity, lines } of groups.values()) {
        ctx.globalAlpha = opacity;
        ctx.strokeStyle = look.color;
        ctx.fillStyle = look.color;
        ctx.lineWidth = look.width;
        const dash = look.lineStyle === 'dashed' ? [8, 5] : look.lineStyle === 'dotted' ? [2, 4] : [];
        ctx.setLineDash(dash);
        const arrows = look.arrow === 'triangle';
        const cut = arrows ? arrowLength(look.width) * 0.8 : 0;
        // only the parts in view: a dashed path is cut into dashes along its whole length, and a
        // tie across a zoomed-out org chart is thousands of dashes, nearly all of them off screen
        const period = dash.reduce((a, b) => a + b, 0);
        ctx.beginPath();
        for (const t of lines) traceClipped(ctx, arrows ? shortenEnd(t.points, cut) : t.points, clip, period);
        ctx.stroke();
        if (arrows) {
          ctx.setLineDash([]);
          ctx.beginPath();
          for (const t of lines) {
            const p = t.points;
            const [a, b, c] = arrowTriangle(p[p.length - 1]!, p[p.length - 2]!, t.width);
            ctx.moveTo(a.x, a.y);
            ctx.lineTo(b.x, b.y);
            ctx.lineTo(c.x, c.y);
            ctx.closePath();
          }
          ctx.fill();
        }
      }
    }
    ctx.globalAlpha = 1;
    ctx.setLineDash([]);
  }
}

type Box = { x1: number; y1: number; x2: number; y2: number };

/** Adds the parts of the polyline inside `clip` to the path (see clipSegment for `period`). */
function traceClipped(ctx: CanvasRenderingContext2D, points: readonly Point[], clip: Rect, period: number): void {
  let open = false;
  for (let i = 1; i < points.length; i++) {
    const part = clipSegment(points[i - 1]!, points[i]!, clip, period);
    if (!part) {
      open = false;
      continue;
    }
    const [a, b] = part;
    // a dashed line restarts its pattern at each corner (see clipSegment); solid ones join up
    if (!open || period > 0 || a !== points[i - 1]) ctx.moveTo(a.x, a.y);
    ctx.lineTo(b.x, b.y);
    open = b === points[i];
  }
}

function trace(ctx: CanvasRenderingContext2D, points: readonly Point[]): void {
  ctx.moveTo(points[0]!.x, points[0]!.y);
  for (let i = 1; i < points.length; i++) ctx.lineTo(points[i]!.x, points[i]!.y);
}

function inView(points: readonly Point[], v: Box): boolean {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const p of points) {
    if (p.x < x1) x1 = p.x;
    if (p.y < y1) y1 = p.y;
    if (p.x > x2) x2 = p.x;
    if (p.y > y2) y2 = p.y;
  }
  return x1 <= v.x2 && x2 >= v.x1 && y1 <= v.y2 && y2 >= v.y1;
}
