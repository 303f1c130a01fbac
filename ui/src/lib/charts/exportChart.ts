// A live chart <svg> as a standalone SVG document: cloned with DOM APIs, every colour, line and
// font the page's CSS gave it (classes, custom properties, inherited styles) written out as plain
// attributes so the file looks the same in a browser, in Inkscape and on a canvas (PNG); text
// stays text; anything active (scripts, event attributes, foreign HTML, links) is left out.
// Serialised with XMLSerializer: names are text nodes, never markup.
import type { Frame } from '../map/exportSvg';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Presentation properties copied from the computed style into attributes. */
export const EXPORTED_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'letter-spacing',
  'paint-order',
] as const;

/** Properties that are not inherited, with their initial value (left out when they have it). */
const NOT_INHERITED = new Map<string, string>([['opacity', '1']]);

/** Elements never exported: active content, and HTML inside the SVG. */
const DROPPED_ELEMENTS = new Set(['script', 'foreignobject', 'iframe', 'object', 'embed', 'audio', 'video', 'canvas', 'style', 'a']);

export type ChartSvg = { svg: string; frame: Frame };

export type ExportOptions = {
  /** The document's `<title>`; the chart's own `<title>` or aria-label when absent. */
  title?: string;
  /** Background colour (CSS); the chart's `--chart-bg` (or `--surface`) when absent; `null`: none. */
  background?: string | null;
};

/** Replaces `var(--name, fallback)` with the value the custom property has at `el`. */
export function resolveVars(value: string, el: Element | null): string {
  let out = value;
  // innermost first, so that fallbacks holding var() resolve too
  for (let guard = 0; guard < 20 && out.includes('var('); guard++) {
    const next = out.replace(/var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*(?:\([^()]*\)[^()]*)*))?\)/, (_whole, name: string, fallback?: string) => {
      const found = customProperty(name, el);
      return found !== '' ? found : (fallback ?? '').trim();
    });
    if (next === out) break;
    out = next;
  }
  return out.trim();
}

/** The value of a custom property at `el` (computed, else the nearest inline declaration). */
export function customProperty(name: string, el: Element | null): string {
  const win = el?.ownerDocument.defaultView ?? (typeof window === 'undefined' ? null : window);
  for (let at: Element | null = el; at; at = at.parentElement) {
    const computed = win ? win.getComputedStyle(at).getPropertyValue(name).trim() : '';
    if (computed !== '') return computed;
    const inline = (at as HTMLElement | SVGElement).style?.getPropertyValue(name).trim() ?? '';
    if (inline !== '') return inline;
  }
  const root = el?.ownerDocument.documentElement ?? (typeof document === 'undefined' ? null : document.documentElement);
  if (root && win) return win.getComputedStyle(root).getPropertyValue(name).trim() || root.style.getPropertyValue(name).trim();
  return '';
}

/** The live chart's frame: its viewBox, else its drawn size. */
export function chartFrame(svg: SVGSVGElement): Frame {
  const vb = (svg.getAttribute('viewBox') ?? '').trim().split(/[\s,]+/).map(Number);
  if (vb.length === 4 && vb.every(Number.isFinite) && vb[2]! > 0 && vb[3]! > 0) return { x: vb[0]!, y: vb[1]!, w: vb[2]!, h: vb[3]! };
  const w = Number(svg.getAttribute('width')) || svg.getBoundingClientRect().width || 300;
  const h = Number(svg.getAttribute('height')) || svg.getBoundingClientRect().height || 150;
  return { x: 0, y: 0, w, h };
}

const num = (n: number) => String(Math.round(n * 100) / 100);

function isActiveAttribute(name: string, value: string): boolean {
  const n = name.toLowerCase();
  if (n.startsWith('on')) return true;
  if (n === 'href' || n === 'xlink:href' || n.endsWith(':href')) return !value.trim().startsWith('#');
  if (n.startsWith('data-') || n.startsWith('aria-') || n === 'role') return true;
  return n === 'style' || n === 'class' || n === 'tabindex' || n === 'contenteditable' || n === 'focusable';
}

/** Elements that are never drawn themselves (their computed display says nothing). */
const NOT_RENDERED = new Set(['title', 'desc', 'metadata', 'defs', 'lineargradient', 'radialgradient', 'stop', 'marker', 'clippath', 'mask', 'pattern', 'symbol', 'filter']);

/** Copies the computed look of `live` onto `copy` as attributes; false when it is not displayed. */
function bake(live: Element, copy: Element): boolean {
  if (NOT_RENDERED.has(live.localName.toLowerCase()) || live.closest('defs')) {
    for (const attr of [...copy.attributes]) {
      if (attr.value.includes('var(')) copy.setAttribute(attr.name, resolveVars(attr.value, live));
    }
    return true;
  }
  const win = live.ownerDocument.defaultView;
  const computed = win ? win.getComputedStyle(live) : null;
  if (computed?.getPropertyValue('display') === 'none' || live.getAttribute('display') === 'none') return false;
  if (computed?.getPropertyValue('visibility') === 'hidden') copy.setAttribute('visibility', 'hidden');
  const inline = (live as SVGElement).style;
  // the parent's look, so that inherited values are written once (on the outermost element)
  const parent = live.parentElement && live.localName !== 'svg' ? live.parentElement : null;
  const parentComputed = parent && win ? win.getComputedStyle(parent) : null;
  for (const prop of EXPORTED_PROPERTIES) {
    const candidates = [computed?.getPropertyValue(prop) ?? '', inline?.getPropertyValue(prop) ?? '', live.getAttribute(prop) ?? ''];
    for (const raw of candidates) {
      const value = resolveVars(raw, live);
      if (value !== '' && !value.includes('var(')) {
        const fromComputed = raw === candidates[0];
        const inherited = fromComputed && parentComputed !== null && !NOT_INHERITED.has(prop) && parentComputed.getPropertyValue(prop) === raw;
        const initial = fromComputed && parent !== null && NOT_INHERITED.get(prop) === value;
        if (inherited || initial) copy.removeAttribute(prop);
        else copy.setAttribute(prop, value);
        break;
      }
    }
  }
  // any other attribute still naming a custom property (e.g. stop-color) resolves too
  for (const attr of [...copy.attributes]) {
    if (attr.value.includes('var(')) copy.setAttribute(attr.name, resolveVars(attr.value, live));
  }
  return true;
}

/** Removes active content and styling hooks from `copy`, baking the look of `live` into it. */
function clean(live: Element, copy: Element): void {
  // walk both trees in step: cloneNode keeps the structure
  const liveKids = [...live.children];
  const copyKids = [...copy.children];
  for (let i = 0; i < copyKids.length; i++) {
    const c = copyKids[i]!;
    const l = liveKids[i];
    const name = c.localName.toLowerCase();
    if (!l || c.namespaceURI !== SVG_NS || DROPPED_ELEMENTS.has(name) || c.getAttribute('data-export') === 'skip' || !bake(l, c)) {
      c.remove();
      continue;
    }
    clean(l, c);
  }
  for (const attr of [...copy.attributes]) {
    if (isActiveAttribute(attr.name, attr.value)) copy.removeAttributeNS(attr.namespaceURI, attr.localName);
  }
}

/** The chart `live` as a standalone SVG document string and the frame it covers. */
export function chartToSvg(live: SVGSVGElement, options: ExportOptions = {}): ChartSvg {
  const frame = chartFrame(live);
  const copy = live.cloneNode(true) as SVGSVGElement;
  bake(live, copy);
  clean(live, copy);

  // a fresh document, so nothing of the page (ids, listeners, styles) comes along
  const doc = document.implementation.createDocument(SVG_NS, 'svg', null);
  const root = doc.documentElement;
  for (const attr of [...copy.attributes]) {
    if (attr.name === 'width' || attr.name === 'height' || attr.name === 'viewBox' || attr.name === 'xmlns' || attr.name.startsWith('xmlns:')) continue;
    if (attr.name.startsWith('aria-') || attr.name === 'role' || attr.name.startsWith('data-')) continue;
    root.setAttribute(attr.name, attr.value);
  }
  root.setAttribute('width', num(frame.w));
  root.setAttribute('height', num(frame.h));
  root.setAttribute('viewBox', `${num(frame.x)} ${num(frame.y)} ${num(frame.w)} ${num(frame.h)}`);

  const ownTitle = [...copy.children].find((c) => c.localName === 'title');
  const titleText = options.title ?? ownTitle?.textContent ?? live.getAttribute('aria-label') ?? '';
  ownTitle?.remove();
  if (titleText) {
    const title = doc.createElementNS(SVG_NS, 'title');
    title.textContent = titleText;
    root.appendChild(title);
  }
  const background =
    options.background === null
      ? null
      : (options.background ?? (customProperty('--chart-bg', live) || customProperty('--surface', live) || '#ffffff'));
  if (background) {
    const rect = doc.createElementNS(SVG_NS, 'rect');
    rect.setAttribute('x', num(frame.x));
    rect.setAttribute('y', num(frame.y));
    rect.setAttribute('width', num(frame.w));
    rect.setAttribute('height', num(frame.h));
    rect.setAttribute('fill', background);
    root.appendChild(rect);
  }
  for (const child of [...copy.childNodes]) root.appendChild(doc.importNode(child, true));
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(doc)}`, frame };
}

/** A file name stem without characters file systems refuse. */
export function safeFileStem(stem: string): string {
  const printable = [...stem].map((c) => (c.charCodeAt(0) < 32 ? ' ' : c)).join('');
  const cleaned = printable.replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim();
  return cleaned.slice(0, 120) || 'chart';
}
