// The map as a standalone SVG document (text as text, the same colours and shapes as on
// screen), and as PNG by drawing that SVG onto a canvas. Built with DOM APIs and serialised
// with XMLSerializer: names are text nodes, never markup.
import { appendShapes, badgeShapes, BADGE_HEIGHT, fmt } from './badges';
import type { MapEdgeData, MapNodeData } from './elements';
import { hullPath } from './hull';
import { arrowTriangle } from './tieGeometry';
import type { Point } from './layout/types';
import type { Palette } from './palette';

const SVG_NS = 'http://www.w3.org/2000/svg';

export type SceneNode = MapNodeData & { x: number; y: number };
export type SceneEdge = MapEdgeData & {
  /** Start, bend/control points, end (model coordinates). */
  points: Point[];
  /** How `points` join: straight lines, or quadratic curves through the control points. */
  shape: 'lines' | 'curve';
};
export type SceneHull = { hull: Point[]; colour: string };
export type Scene = { nodes: SceneNode[]; edges: SceneEdge[]; hulls: SceneHull[] };
export type Frame = { x: number; y: number; w: number; h: number };

/** Padding around the whole map in an export (model pixels). */
export const EXPORT_PADDING = 24;

/** The frame of the whole map: every node's box, padded. */
export function wholeFrame(nodes: readonly SceneNode[], pad = EXPORT_PADDING): Frame {
  if (nodes.length === 0) return { x: 0, y: 0, w: 2 * pad, h: 2 * pad };
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const n of nodes) {
    x1 = Math.min(x1, n.x - n.w / 2);
    y1 = Math.min(y1, n.y - n.h / 2);
    x2 = Math.max(x2, n.x + n.w / 2);
    y2 = Math.max(y2, n.y + n.h / 2);
  }
  return { x: x1 - pad, y: y1 - pad, w: x2 - x1 + 2 * pad, h: y2 - y1 + 2 * pad };
}

/** Pixel size of an export of `frame` at `scale` (what the PNG will measure). */
export function pixelSize(frame: Frame, scale: number): { width: number; height: number } {
  return { width: Math.max(1, Math.round(frame.w * scale)), height: Math.max(1, Math.round(frame.h * scale)) };
}

/** About how wide a character is: CJK characters a full em, others about half. */
function charWidthEstimate(c: string, fontSize: number): number {
  return /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]/.test(c) ? fontSize : fontSize * 0.6;
}

/** About how wide `text` is at `fontSize` (the estimate wrapLine wraps by). */
export function textWidthEstimate(text: string, fontSize: number): number {
  let w = 0;
  for (const c of text) w += charWidthEstimate(c, fontSize);
  return w;
}

/** Splits a label line to fit `width` (an estimate: CJK characters are wide, others about half). */
export function wrapLine(line: string, width: number, fontSize: number): string[] {
  // no character is wider than the font size: a short line fits without measuring (most names)
  if (line.length * fontSize <= width && !/\s{2,}|^\s|\s$/.test(line)) return [line];
  const charW = (c: string) => charWidthEstimate(c, fontSize);
  const out: string[] = [];
  let current = '';
  let w = 0;
  const words = line.split(/(\s+)/);
  for (const word of words) {
    const ww = [...word].reduce((s, c) => s + charW(c), 0);
    if (w + ww > width && current.trim() !== '') {
      out.push(current.trimEnd());
      current = word.trimStart();
      w = [...current].reduce((s, c) => s + charW(c), 0);
    } else {
      current += word;
      w += ww;
    }
    // a single over-long word (or CJK run) is broken by characters
    while (w > width && [...current].length > 1) {
      let cut = '';
      let cw = 0;
      for (const c of current) {
        if (cw + charW(c) > width && cut !== '') break;
        cut += c;
        cw += charW(c);
      }
      out.push(cut);
      current = current.slice(cut.length);
      w = [...current].reduce((s, c) => s + charW(c), 0);
    }
  }
  if (current.trim() !== '' || out.length === 0) out.push(current.trim());
  return out;
}

function el(doc: Document, name: string, attrs: Record<string, string>): Element {
  const e = doc.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

function edgePath(e: SceneEdge): string {
  const p = e.points;
  if (p.length < 2) return '';
  let d = `M${fmt(p[0]!.x)} ${fmt(p[0]!.y)}`;
  if (e.shape === 'lines' || p.length === 2) {
    for (let i = 1; i < p.length; i++) d += ` L${fmt(p[i]!.x)} ${fmt(p[i]!.y)}`;
    return d;
  }
  // quadratic pieces through the control points (as Cytoscape draws unbundled beziers)
  const ctrl = p.slice(1, -1);
  const end = p[p.length - 1]!;
  for (let i = 0; i < ctrl.length; i++) {
    const c = ctrl[i]!;
    const to = i === ctrl.length - 1 ? end : { x: (c.x + ctrl[i + 1]!.x) / 2, y: (c.y + ctrl[i + 1]!.y) / 2 };
    d += ` Q${fmt(c.x)} ${fmt(c.y)} ${fmt(to.x)} ${fmt(to.y)}`;
  }
  return d;
}

function arrowHead(e: SceneEdge): string {
  const p = e.points;
  const [tip, left, right] = arrowTriangle(p[p.length - 1]!, p[p.length - 2]!, e.width);
  return `M${fmt(tip.x)} ${fmt(tip.y)} L${fmt(left.x)} ${fmt(left.y)} L${fmt(right.x)} ${fmt(right.y)} Z`;
}

export type SvgOptions = { frame: Frame; palette: Palette; fontFamily: string; title: string; background: boolean };

/** The scene as an SVG document string, cropped to `frame`. */
export function sceneToSvg(scene: Scene, o: SvgOptions): string {
  const doc = document.implementation.createDocument(SVG_NS, 'svg', null);
  const svg = doc.documentElement;
  const { frame, palette: p } = o;
  svg.setAttribute('width', fmt(frame.w));
  svg.setAttribute('height', fmt(frame.h));
  svg.setAttribute('viewBox', `${fmt(frame.x)} ${fmt(frame.y)} ${fmt(frame.w)} ${fmt(frame.h)}`);
  const title = el(doc, 'title', {});
  title.textContent = o.title;
  svg.appendChild(title);
  if (o.background) svg.appendChild(el(doc, 'rect', { x: fmt(frame.x), y: fmt(frame.y), width: fmt(frame.w), height: fmt(frame.h), fill: p.bg }));

  const hulls = el(doc, 'g', { class: 'factions' });
  for (const h of scene.hulls) {
    const d = hullPath(h.hull);
    if (d) hulls.appendChild(el(doc, 'path', { d, fill: h.colour, 'fill-opacity': '0.12', stroke: h.colour, 'stroke-opacity': '0.7', 'stroke-width': '2' }));
  }
  svg.appendChild(hulls);

  // group boxes (org units) first, largest first so nested ones sit on top
  const units = scene.nodes.filter((n) => n.kind === 'unit').sort((a, b) => b.w * b.h - a.w * a.h);
  const groups = el(doc, 'g', { class: 'units' });
  for (const u of units) {
    groups.appendChild(el(doc, 'rect', { x: fmt(u.x - u.w / 2), y: fmt(u.y - u.h / 2), width: fmt(u.w), height: fmt(u.h), rx: '10', fill: u.fill, 'fill-opacity': '0.5', stroke: u.border }));
    const label = el(doc, 'text', { x: fmt(u.x), y: fmt(u.y - u.h / 2 + u.fontSize + 6), 'text-anchor': 'middle', 'font-family': o.fontFamily, 'font-size': fmt(u.fontSize), 'font-weight': '700', fill: u.textColor });
    label.textContent = u.label;
    groups.appendChild(label);
  }
  svg.appendChild(groups);

  const edges = el(doc, 'g', { class: 'ties' });
  for (const e of [...scene.edges].sort((a, b) => Number(a.kind === 'influence') - Number(b.kind === 'influence'))) {
    const g = el(doc, 'g', { opacity: fmt(e.opacity) });
    const attrs: Record<string, string> = { d: edgePath(e), fill: 'none', stroke: e.color, 'stroke-width': fmt(e.width) };
    if (e.lineStyle === 'dashed') attrs['stroke-dasharray'] = '8 5';
    if (e.lineStyle === 'dotted') attrs['stroke-dasharray'] = '2 4';
    g.appendChild(el(doc, 'path', attrs));
    if (e.arrow === 'triangle' && e.points.length >= 2) g.appendChild(el(doc, 'path', { d: arrowHead(e), fill: e.color }));
    edges.appendChild(g);
  }
  svg.appendChild(edges);

  const people = el(doc, 'g', { class: 'people' });
  for (const n of scene.nodes) {
    if (n.kind === 'unit') continue;
    const g = el(doc, 'g', { opacity: fmt(n.opacity) });
    const rect: Record<string, string> = {
      x: fmt(n.x - n.w / 2),
      y: fmt(n.y - n.h / 2),
      width: fmt(n.w),
      height: fmt(n.h),
      rx: '9',
      fill: n.fill,
      'fill-opacity': fmt(n.fillOpacity),
      stroke: n.border,
      'stroke-width': fmt(n.borderWidth),
    };
    if (n.borderStyle === 'dashed') rect['stroke-dasharray'] = '7 4';
    g.appendChild(el(doc, 'rect', rect));
    const lineH = n.fontSize * 1.25;
    const lines = n.label.split('\n').flatMap((l) => wrapLine(l, n.w - 10, n.fontSize));
    const shift = n.kind === 'stakeholder' ? -8 : 0;
    const top = n.y + shift - (lines.length * lineH) / 2 + n.fontSize * 0.85;
    const text = el(doc, 'text', { 'text-anchor': 'middle', 'font-family': o.fontFamily, 'font-size': fmt(n.fontSize), 'font-weight': '600', fill: n.textColor });
    lines.forEach((line, i) => {
      const span = el(doc, 'tspan', { x: fmt(n.x), y: fmt(top + i * lineH) });
      span.textContent = line;
      text.appendChild(span);
    });
    g.appendChild(text);
    if (n.badge) {
      const strip = el(doc, 'g', { transform: `translate(${fmt(n.x - n.w / 2)} ${fmt(n.y + n.h / 2 - BADGE_HEIGHT)})` });
      appendShapes(doc, strip, badgeShapes(n.badge, n.w, p), o.fontFamily);
      g.appendChild(strip);
    }
    people.appendChild(g);
  }
  svg.appendChild(people);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(doc)}`;
}

/** Rasterises an SVG string at `scale` into PNG bytes (base64, no data: prefix). */
export async function svgToPng(svgText: string, frame: Frame, scale: number): Promise<string> {
  const { width, height } = pixelSize(frame, scale);
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.decoding = 'async';
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the SVG could not be drawn'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.drawImage(img, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the PNG could not be encoded');
    return bytesToBase64(new Uint8Array(await blob.arrayBuffer()));
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}
