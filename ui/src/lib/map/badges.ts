// The small badges along the bottom of a person's card: attitude (a glyph on its colour, so
// colour is never the only cue), buying roles as letters, economic buyer and coach, and the
// overlays' risk and hidden-influencer marks. One pure description (`badgeShapes`) is drawn
// two ways: as an SVG image for Cytoscape and as native SVG elements by the exporter.
import type { Attitude } from '../bindings';
import { textOn, type Palette } from './palette';

export const ATTITUDE_GLYPH: Record<Attitude, string> = {
  champion: '++',
  supporter: '+',
  neutral: '=',
  sceptic: '−',
  opponent: '−−',
  unknown: '?',
};

export type BadgeSpec = {
  attitude: Attitude;
  /** Letters of the roles held, in display order (already translated). */
  roles: string[];
  /** Letter for "economic buyer" / "coach" when they apply (already translated). */
  economicBuyer: string | null;
  coach: string | null;
  risk: boolean;
  hidden: boolean;
};

export type BadgeShape =
  | { type: 'rect'; x: number; y: number; w: number; h: number; rx: number; fill: string; stroke: string | null }
  | { type: 'circle'; cx: number; cy: number; r: number; fill: string; stroke: string | null }
  | { type: 'text'; x: number; y: number; text: string; fill: string; size: number; weight: number; anchor: 'start' | 'middle' | 'end' };

export const BADGE_HEIGHT = 18;

/** The badge strip of a card `width` wide, in its own coordinates (0,0 top-left, height 18). */
export function badgeShapes(spec: BadgeSpec, width: number, palette: Palette): BadgeShape[] {
  const shapes: BadgeShape[] = [];
  const h = BADGE_HEIGHT;
  const size = 11;
  let x = 8;
  // attitude: a pill in its colour with the glyph
  const attFill = palette.attitude[spec.attitude];
  const glyph = ATTITUDE_GLYPH[spec.attitude];
  const pillW = glyph.length > 1 ? 24 : 16;
  shapes.push({ type: 'rect', x, y: 2, w: pillW, h: h - 4, rx: 7, fill: spec.attitude === 'unknown' ? palette.surface : attFill, stroke: spec.attitude === 'unknown' ? attFill : null });
  shapes.push({ type: 'text', x: x + pillW / 2, y: h / 2 + 4, text: glyph, fill: spec.attitude === 'unknown' ? palette.text : textOn(attFill), size, weight: 700, anchor: 'middle' });
  x += pillW + 4;
  const letters = [...spec.roles];
  if (spec.economicBuyer) letters.push(spec.economicBuyer);
  if (spec.coach) letters.push(spec.coach);
  for (const letter of letters) {
    const w = Math.max(14, letter.length * 8 + 6);
    if (x + w > width - (spec.risk || spec.hidden ? 40 : 8)) break;
    shapes.push({ type: 'rect', x, y: 2, w, h: h - 4, rx: 3, fill: palette.surface2, stroke: palette.borderStrong });
    shapes.push({ type: 'text', x: x + w / 2, y: h / 2 + 4, text: letter, fill: palette.text, size: 10, weight: 600, anchor: 'middle' });
    x += w + 3;
  }
  let right = width - 8;
  if (spec.risk) {
    shapes.push({ type: 'circle', cx: right - 7, cy: h / 2, r: 7, fill: palette.danger, stroke: null });
    shapes.push({ type: 'text', x: right - 7, y: h / 2 + 4, text: '!', fill: '#ffffff', size: 11, weight: 800, anchor: 'middle' });
    right -= 18;
  }
  if (spec.hidden) {
    shapes.push({ type: 'rect', x: right - 14, y: 2, w: 14, h: h - 4, rx: 2, fill: '#e69f00', stroke: null });
    shapes.push({ type: 'text', x: right - 7, y: h / 2 + 4, text: '◆', fill: '#000000', size: 9, weight: 700, anchor: 'middle' });
  }
  return shapes;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Appends the shapes as SVG elements to `parent` (text through textContent: never markup). */
export function appendShapes(doc: Document, parent: Element, shapes: readonly BadgeShape[], fontFamily: string): void {
  for (const s of shapes) {
    let el: Element;
    if (s.type === 'rect') {
      el = doc.createElementNS(SVG_NS, 'rect');
      el.setAttribute('x', fmt(s.x));
      el.setAttribute('y', fmt(s.y));
      el.setAttribute('width', fmt(s.w));
      el.setAttribute('height', fmt(s.h));
      el.setAttribute('rx', fmt(s.rx));
      el.setAttribute('fill', s.fill);
      if (s.stroke) el.setAttribute('stroke', s.stroke);
    } else if (s.type === 'circle') {
      el = doc.createElementNS(SVG_NS, 'circle');
      el.setAttribute('cx', fmt(s.cx));
      el.setAttribute('cy', fmt(s.cy));
      el.setAttribute('r', fmt(s.r));
      el.setAttribute('fill', s.fill);
      if (s.stroke) el.setAttribute('stroke', s.stroke);
    } else {
      el = doc.createElementNS(SVG_NS, 'text');
      el.setAttribute('x', fmt(s.x));
      el.setAttribute('y', fmt(s.y));
      el.setAttribute('fill', s.fill);
      el.setAttribute('font-size', fmt(s.size));
      el.setAttribute('font-weight', String(s.weight));
      el.setAttribute('font-family', fontFamily);
      el.setAttribute('text-anchor', s.anchor);
      el.textContent = s.text;
    }
    parent.appendChild(el);
  }
}

/** Numbers in SVG: short, and never "NaN" (that would make the file invalid). */
export function fmt(n: number): string {
  return Number.isFinite(n) ? String(Math.round(n * 100) / 100) : '0';
}

const cache = new Map<string, string>();

/** The strip as an `data:image/svg+xml` URI for Cytoscape's background-image (cached by content). */
export function badgeImage(spec: BadgeSpec, width: number, palette: Palette, fontFamily: string): string {
  const key = JSON.stringify([spec, Math.round(width), palette.attitude, palette.text, palette.surface2, fontFamily]);
  const hit = cache.get(key);
  if (hit) return hit;
  const doc = document.implementation.createDocument(SVG_NS, 'svg', null);
  const svg = doc.documentElement;
  svg.setAttribute('width', fmt(width));
  svg.setAttribute('height', String(BADGE_HEIGHT));
  svg.setAttribute('viewBox', `0 0 ${fmt(width)} ${BADGE_HEIGHT}`);
  appendShapes(doc, svg, badgeShapes(spec, width, palette), fontFamily);
  const uri = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(doc))}`;
  if (cache.size > 2000) cache.clear();
  cache.set(key, uri);
  return uri;
}
