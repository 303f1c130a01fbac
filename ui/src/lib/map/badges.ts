// The small badges along the bottom of a person's card: attitude (a glyph on its colour, so
// colour is never the only cue), buying roles as letters, economic buyer and coach, and the
// overlays' risk and hidden-influencer marks. One pure description (`badgeShapes`) is drawn
// two ways: as SVG images for Cytoscape (the left and the right end of the strip, see
// `badgeImage`) and as native SVG elements by the exporter.
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
  return [...leftShapes(spec, width, palette).shapes, ...rightShapes(spec, width - 8, palette)];
}

/** The attitude pill and the letters that fit, from the left edge; `end`: where they end. */
function leftShapes(spec: BadgeSpec, width: number, palette: Palette): { shapes: BadgeShape[]; end: number } {
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
  return { shapes, end: x };
}

/** The risk and hidden-influencer marks, leftwards from `right`. */
function rightShapes(spec: BadgeSpec, right: number, palette: Palette): BadgeShape[] {
  const shapes: BadgeShape[] = [];
  const h = BADGE_HEIGHT;
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

/** Room for both right-hand marks (risk 18 + hidden 14) and the 8 px margin. */
const RIGHT_W = 48;

/**
 * The strip as Cytoscape background images: the left end (attitude and letters, drawn from the
 * node's left edge) and, when there are marks, the right end (drawn against its right edge).
 * Neither depends on the card's width, so the images are shared: a map of 2,000 people has a
 * few dozen, not one per person. That matters for speed (each image is decoded, hashed into
 * style keys, and for the WebGL renderer each first load rebuilds its texture atlases).
 */
export function badgeImages(spec: BadgeSpec, width: number, palette: Palette): { shapes: BadgeShape[]; w: number }[] {
  const left = leftShapes(spec, width, palette);
  const right = rightShapes(spec, RIGHT_W - 8, palette);
  const parts = [{ shapes: left.shapes, w: Math.ceil(left.end) }];
  if (right.length) parts.push({ shapes: right, w: RIGHT_W });
  return parts;
}

const cache = new Map<string, string>();
/** Decoded copies of the images made, so Cytoscape finds them ready when it first draws. */
const decoded = new Map<string, HTMLImageElement>();

/** The strip as `data:image/svg+xml` URIs separated by a space (Cytoscape's list of
 * background images: left end, then right end if any), each cached by content. */
export function badgeImage(spec: BadgeSpec, width: number, palette: Palette, fontFamily: string): string {
  return badgeImages(spec, width, palette)
    .map((part) => svgUri(part.shapes, part.w, fontFamily))
    .join(' ');
}

function svgUri(shapes: BadgeShape[], width: number, fontFamily: string): string {
  const key = JSON.stringify([shapes, width, fontFamily]);
  const hit = cache.get(key);
  if (hit) return hit;
  const doc = document.implementation.createDocument(SVG_NS, 'svg', null);
  const svg = doc.documentElement;
  svg.setAttribute('width', fmt(width));
  svg.setAttribute('height', String(BADGE_HEIGHT));
  svg.setAttribute('viewBox', `0 0 ${fmt(width)} ${BADGE_HEIGHT}`);
  appendShapes(doc, svg, shapes, fontFamily);
  // n.b. encodeURIComponent leaves no spaces: the space separates images in Cytoscape's list
  const uri = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(doc))}`;
  if (cache.size > 2000) {
    cache.clear();
    decoded.clear();
  }
  cache.set(key, uri);
  if (typeof Image !== 'undefined') {
    const img = new Image();
    img.src = uri;
    decoded.set(uri, img);
  }
  return uri;
}

/** Draws the shapes on a 2D canvas, the strip's top-left corner at the context's origin (the map
 * layer of a large map draws its cards itself). */
export function drawShapes(ctx: CanvasRenderingContext2D, shapes: readonly BadgeShape[], fontFamily: string): void {
  for (const s of shapes) {
    ctx.beginPath();
    if (s.type === 'rect') {
      ctx.roundRect(s.x, s.y, s.w, s.h, s.rx);
    } else if (s.type === 'circle') {
      ctx.arc(s.cx, s.cy, s.r, 0, 2 * Math.PI);
    } else {
      ctx.font = `${s.weight} ${s.size}px ${fontFamily}`;
      ctx.textAlign = s.anchor === 'middle' ? 'center' : s.anchor;
      ctx.textBaseline = 'alphabetic';
      ctx.fillStyle = s.fill;
      ctx.fillText(s.text, s.x, s.y);
      continue;
    }
    ctx.fillStyle = s.fill;
    ctx.fill();
    if (s.stroke) {
      ctx.strokeStyle = s.stroke;
      ctx.lineWidth = 1;
      ctx.stroke();
    }
  }
}
