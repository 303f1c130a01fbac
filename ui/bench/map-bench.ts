// The map benchmark's page: generates the 2,000-person account, answers IPC with it
// (backend.ts), mounts the real MapView as the Map tab does, and exposes `window.__bench`
// for the driver (map.mjs): open a layout, switch layouts, record frame times while the view
// pans or zooms. Timings come from performance.now(), the layout worker's messages, and the
// Cytoscape renderer's draw calls; the app's own code is not changed for any of it.
import '../src/app.css';
import { flushSync, mount, unmount } from 'svelte';
import type { Core } from 'cytoscape';
import type { MapLayout } from '../src/lib/bindings';
import MapView from '../src/lib/map/MapView.svelte';
import { MapLayer } from '../src/lib/map/mapLayer';
import { mapView } from '../src/lib/map/mapView.svelte';
import { arrange, type ArrangeRequest } from '../src/lib/map/layout/arrange';
import { accountAnalysis } from '../src/lib/analysis/results.svelte';
import { notices } from '../src/lib/stores/errors.svelte';
import { selectAccount, workspace } from '../src/lib/stores/workspace.svelte';
import { calls, installBenchBackend, WORKSPACE } from './backend';
import { ACCOUNT_ID, describe, generateAccount } from './generate';

// ---- instruments ----

type LayoutCall = { kind: string; nodes: number; edges: number; sent: number; replied: number | null; request: ArrangeRequest };
const layoutCalls: LayoutCall[] = [];

/** The layout worker, timed: when each request leaves and its answer arrives (before the map's handler). */
const NativeWorker = globalThis.Worker;
class TimedWorker extends NativeWorker {
  constructor(url: string | URL, options?: WorkerOptions) {
    super(url, options);
    this.addEventListener('message', () => {
      const open = layoutCalls.find((c) => c.replied === null);
      if (open) open.replied = performance.now();
    });
  }
  override postMessage(message: unknown, options?: StructuredSerializeOptions | Transferable[]): void {
    const request = (message as { request: ArrangeRequest }).request;
    layoutCalls.push({ kind: request.kind, nodes: request.nodes.length, edges: request.edges.length, sent: performance.now(), replied: null, request });
    super.postMessage(message, options as StructuredSerializeOptions);
  }
}
globalThis.Worker = TimedWorker;

type Span = { start: number; end: number };
/** Every Cytoscape draw (renderer.render) and every view change the map makes itself (fit). */
const draws: Span[] = [];
const fits: number[] = [];
const longTasks: Span[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) longTasks.push({ start: e.startTime, end: e.startTime + e.duration });
}).observe({ type: 'longtask', buffered: false });

/** Every draw of the map layer (a large map's unit boxes, ties and cards, beneath Cytoscape's). */
const tieDraws: Span[] = [];
const tieDraw = MapLayer.prototype.draw;
MapLayer.prototype.draw = function (this: MapLayer) {
  const start = performance.now();
  tieDraw.call(this);
  tieDraws.push({ start, end: performance.now() });
};

type Internals = Core & { renderer(): { render: (o: unknown) => void } };
let cy: Core | null = null;

function cyOf(): Core {
  const el = document.querySelector('[data-testid="map-canvas"]') as (HTMLElement & { _cyreg?: { cy: Core } }) | null;
  const found = el?._cyreg?.cy;
  if (!found) throw new Error('no Cytoscape instance in the map');
  return found;
}

function instrument(c: Core): void {
  const r = (c as Internals).renderer();
  const render = r.render;
  r.render = function (this: unknown, o: unknown) {
    const start = performance.now();
    render.call(this, o);
    draws.push({ start, end: performance.now() });
  };
  const core = c as unknown as Record<'viewport' | 'animate', (...args: unknown[]) => unknown>;
  for (const name of ['viewport', 'animate'] as const) {
    const orig = core[name]!;
    core[name] = function (this: unknown, ...args: unknown[]) {
      fits.push(performance.now());
      return orig.apply(this, args);
    };
  }
}

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// ---- the account ----

const generated = generateAccount();
installBenchBackend(generated);
const ready = selectAccount(ACCOUNT_ID).then(() => {
  if (!workspace.detail) throw new Error('the generated account did not load');
  return { ...describe(generated), renderer: new URLSearchParams(location.search).get('renderer') ?? 'canvas', gl: glInfo() };
});

function glInfo(): string {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return 'no WebGL2';
  const ext = gl.getExtension('WEBGL_debug_renderer_info');
  return String(ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
}

// ---- measurements ----

export type Timing = {
  /** Trigger (mount or layout button) → the frame after the first draw that shows the laid-out
   * map (on a large map, the map layer's: every box, tie and card). */
  total: number;
  /** Trigger → the frame after Cytoscape's first draw too (on a large map it follows the
   * layer's): the map answers clicks. */
  ready: number;
  /** Trigger → layout request sent (mount, effects, IPC, building the model and the request). */
  beforeLayout: number;
  /** Request sent → positions back from the worker (layout + copying both ways). */
  worker: number;
  /** Positions back → the map has every element placed and the view fitted (Cytoscape add/move). */
  apply: number;
  /** Placed → the picture's draw done (waiting for the frame, then drawing). */
  toDrawn: number;
  /** The first draw's own time (Cytoscape renderer.render, including its style and geometry work). */
  firstDraw: number;
  /** The map layer's first draw (a large map's unit boxes, ties and cards), null when it is off. */
  tieDraw: number | null;
  /** Drawn → the next frame began. */
  toFrame: number;
  /** Trigger → the map no longer says it is busy (after a switch: its animated fit ended); ≥ total. */
  settled: number;
  layoutRequests: number;
  longTasks: number[];
  /** Every Cytoscape draw from the trigger to the paint: [start after trigger, duration]. */
  draws: [number, number][];
  nodes: number;
  edges: number;
};

let current: ReturnType<typeof mount> | null = null;

async function settle(t0: number): Promise<Timing> {
  const deadline = t0 + 600_000;
  // the layout answered and nothing else asked for
  for (;;) {
    const mine = layoutCalls.filter((c) => c.sent >= t0);
    if (mine.length > 0 && mine.every((c) => c.replied !== null)) break;
    if (performance.now() > deadline) throw new Error('the layout never answered');
    await sleep(2);
  }
  const mine = layoutCalls.filter((c) => c.sent >= t0);
  const last = mine[mine.length - 1]!;
  // the map placed everything (its fit comes right after placing) …
  let applied: number | undefined;
  while ((applied = fits.find((t) => t >= last.replied!)) === undefined) {
    if (performance.now() > deadline) throw new Error('the map never fitted the view');
    await sleep(2);
  }
  // … and drew it; first paint = the first frame that begins after the draw of the picture:
  // Cytoscape's, or on a large map the map layer's (boxes, ties and cards; Cytoscape holds only
  // invisible nodes there and draws them a frame later). Ready = the frame after both, when
  // clicks reach Cytoscape.
  const layer = document.querySelector('[data-testid="map-layer"]') as HTMLElement | null;
  const layered = layer !== null && layer.style.display !== 'none';
  let draw: Span | undefined;
  let tie: Span | undefined;
  let painted = 0;
  let ready: number;
  for (;;) {
    const ts = await frame();
    draw ??= draws.find((d) => d.start >= applied!);
    tie ??= tieDraws.find((d) => d.start >= applied!);
    const picture = layered ? tie : draw;
    if (!painted && picture && ts >= picture.end) painted = ts;
    if (painted && draw && (tie || !layered) && ts >= Math.max(draw.end, tie?.end ?? 0)) {
      ready = ts;
      break;
    }
    if (performance.now() > deadline) throw new Error('the map never drew');
  }
  const pictureEnd = layered ? tie!.end : draw!.end;
  // the map's own word: not laying out or animating any more (a layout switch ends with an
  // animated fit), checked after the paint so that asking costs nothing measured above
  const hook = (window as unknown as { __rapportMap: { summary(): { busy: boolean; nodes: unknown[]; edges: unknown[] } } }).__rapportMap;
  let summary = hook.summary();
  while (summary.busy) {
    if (performance.now() > deadline) throw new Error('the map still says it is busy');
    await sleep(50);
    summary = hook.summary();
  }
  const settled = performance.now();
  if (layoutCalls.filter((c) => c.sent >= t0).length !== mine.length) throw new Error('the map laid out again after its first picture');
  if (notices.current) throw new Error(`the map reported an error: ${JSON.stringify(notices.current)}`);
  return {
    total: painted - t0,
    ready: ready - t0,
    beforeLayout: mine[0]!.sent - t0,
    worker: last.replied! - last.sent,
    apply: applied - last.replied!,
    toDrawn: pictureEnd - applied,
    firstDraw: draw!.end - draw!.start,
    tieDraw: tie ? tie.end - tie.start : null,
    toFrame: painted - pictureEnd,
    settled: settled - t0,
    layoutRequests: mine.length,
    longTasks: longTasks.filter((l) => l.end > t0 && l.start < painted).map((l) => Math.round(l.end - l.start)),
    draws: draws.filter((d) => d.start >= t0 && d.start < painted).map((d) => [Math.round(d.start - t0), Math.round(d.end - d.start)]),
    nodes: summary.nodes.length,
    edges: summary.edges.length,
  };
}

/** Mounts the map as the Map tab does, with `layout` chosen, and waits for its first picture. */
async function open(layout: MapLayout): Promise<Timing> {
  await ready;
  if (current) await unmount(current);
  mapView.reset();
  accountAnalysis.clear();
  const detail = workspace.detail!;
  mapView.of(WORKSPACE.path, detail).layout = layout;
  await sleep(50);
  const target = document.getElementById('bench')!;
  performance.mark('map:open');
  const t0 = performance.now();
  current = mount(MapView, { target, props: { detail } });
  flushSync(); // runs onMount now (Svelte would in the next microtask), so the instruments see everything
  cy = cyOf();
  instrument(cy);
  const timing = await settle(t0);
  performance.measure(`map:open:${layout}`, 'map:open');
  remember();
  return timing;
}

/** Presses the layout button and waits for the new picture. */
async function switchTo(layout: MapLayout): Promise<Timing> {
  const button = document.querySelector<HTMLButtonElement>(`[data-testid="map-layout-${layout}"]`);
  if (!button) throw new Error('no layout button');
  performance.mark('map:switch');
  const t0 = performance.now();
  button.click();
  const timing = await settle(t0);
  performance.measure(`map:switch:${layout}`, 'map:switch');
  remember();
  return timing;
}

/** Re-runs the last layout of `kind` on this thread: the layout's own compute time. */
function layoutCompute(kind: string): number {
  const call = [...layoutCalls].reverse().find((c) => c.kind === kind);
  if (!call) return NaN;
  const start = performance.now();
  arrange(call.request);
  return performance.now() - start;
}

export type Frames = {
  /** rAF-to-rAF intervals: how long each frame took to come round. */
  times: number[];
  /** Cytoscape draws during the window (ms each): a slow draw is a frozen picture. */
  draws: number[];
  /** The window's length (ms). */
  span: number;
};

let recording: { times: number[]; from: number; stop: boolean; done: Promise<void> } | null = null;

/**
 * Records frame times for `ms` (or until stopFrames). `motion`: 'pan' moves the view with
 * cy.panBy every frame; 'zoom' zooms every frame (cy.zoom, about the centre) between the
 * view the map opened with and the whole map; 'none' only records (the driver sends real
 * mouse input meanwhile).
 */
function startFrames(motion: 'pan' | 'zoom' | 'none', ms = 5000): void {
  if (!cy) throw new Error('no map');
  const c = cy;
  const times: number[] = [];
  const z0 = c.zoom();
  const bb = c.elements().boundingBox({});
  const whole = Math.max(c.minZoom(), Math.min((c.width() - 72) / bb.w, (c.height() - 72) / bb.h));
  const centre = { x: c.width() / 2, y: c.height() / 2 };
  const state = { times, from: performance.now(), stop: false, done: Promise.resolve() };
  state.done = new Promise<void>((resolve) => {
    let start: number | null = null;
    let last = 0;
    const step = (ts: number) => {
      if (start === null) start = ts;
      else times.push(ts - last);
      last = ts;
      const t = ts - start;
      if (state.stop || t >= ms) {
        resolve();
        return;
      }
      if (motion === 'pan') c.panBy({ x: 9 * Math.cos(t / 600), y: 7 * Math.sin(t / 800) });
      else if (motion === 'zoom') {
        const level = z0 * Math.pow(whole / z0, (1 - Math.cos((2 * Math.PI * t) / 2500)) / 2);
        c.zoom({ level, renderedPosition: centre });
      }
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
  recording = state;
}

async function stopFrames(): Promise<Frames> {
  if (!recording) return { times: [], draws: [], span: 0 };
  const state = recording;
  state.stop = true;
  await state.done;
  recording = null;
  const to = performance.now();
  return {
    times: state.times,
    draws: draws.filter((d) => d.start >= state.from && d.start < to).map((d) => d.end - d.start),
    span: to - state.from,
  };
}

async function frames(motion: 'pan' | 'zoom', ms = 5000): Promise<Frames> {
  startFrames(motion, ms);
  await recording!.done;
  return stopFrames();
}

/** The view the map chose when it showed the layout (names readable: the top of a big map). */
let home: { zoom: number; pan: { x: number; y: number } } | null = null;

function remember(): void {
  if (cy) home = { zoom: cy.zoom(), pan: { ...cy.pan() } };
}

/** Back to that view, settled, between frame runs. */
async function refit(): Promise<void> {
  if (cy && home) cy.viewport({ zoom: home.zoom, pan: { ...home.pan } });
  await sleep(800);
  await frame();
}

/** A point of the map's canvas with nothing under it (where a drag pans, not moves someone),
 * in window coordinates: a corner if free (the map's view keeps a margin), else the first free
 * point of a grid. */
function emptyPoint(): { x: number; y: number } {
  const el = document.querySelector('[data-testid="map-canvas"]')!.getBoundingClientRect();
  const boxes = cy ? cy.nodes().map((n) => n.renderedBoundingBox({ includeLabels: true })) : [];
  const free = (x: number, y: number) => !boxes.some((b) => x >= b.x1 - 4 && x <= b.x2 + 4 && y >= b.y1 - 4 && y <= b.y2 + 4);
  const corners: [number, number][] = [[8, 8], [el.width - 8, 8], [8, el.height - 8], [el.width - 8, el.height - 8]];
  const grid: [number, number][] = [];
  for (let y = 8; y < el.height; y += 24) for (let x = 8; x < el.width; x += 24) grid.push([x, y]);
  const [x, y] = [...corners, ...grid].find(([px, py]) => free(px, py)) ?? [8, 8];
  return { x: el.left + x, y: el.top + y };
}

function centrePoint(): { x: number; y: number } {
  const el = document.querySelector('[data-testid="map-canvas"]')!.getBoundingClientRect();
  return { x: el.left + el.width / 2, y: el.top + el.height / 2 };
}

/** True when Cytoscape draws with WebGL (?renderer=webgl took effect). */
function usesWebgl(): boolean {
  return Boolean((cy as unknown as { renderer(): { webgl?: boolean } } | null)?.renderer().webgl);
}

const bench = { ready, open, switchTo, layoutCompute, frames, startFrames, stopFrames, refit, emptyPoint, centrePoint, usesWebgl, calls: () => Object.fromEntries(calls) };

declare global {
  interface Window {
    /** The map benchmark's driver interface (bench/map.mjs). */
    __bench: typeof bench;
  }
}
window.__bench = bench;
