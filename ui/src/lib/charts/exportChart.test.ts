// Chart export: a standalone, parseable SVG with the chart's colours written out, text as text,
// and nothing active in it, whatever the names say.
import { afterEach, describe, expect, it } from 'vitest';
import { chartFrame, chartToSvg, resolveVars, safeFileStem } from './exportChart';

const SVG_NS = 'http://www.w3.org/2000/svg';
const EVIL = '<img src=x onerror=alert(1)>';

function svgEl<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string> = {}, parent?: Element): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  parent?.appendChild(e);
  return e;
}

function liveChart(): SVGSVGElement {
  const host = document.createElement('div');
  host.style.setProperty('--chart-bar', '#123456');
  document.body.appendChild(host);
  const svg = svgEl('svg', { viewBox: '0 0 400 200', width: '100%', class: 'chart', role: 'img', 'aria-label': 'Pareto by revenue' });
  host.appendChild(svg);
  svgEl('title', {}, svg).textContent = 'Pareto by revenue';
  const bars = svgEl('g', { class: 'bars' }, svg);
  const bar = svgEl('rect', { x: '10', y: '20', width: '30', height: '160', fill: 'var(--chart-bar)', stroke: 'var(--chart-missing, #abcdef)', tabindex: '0' }, bars);
  bar.setAttribute('onclick', 'alert(1)');
  svgEl('title', {}, bar).textContent = EVIL;
  const label = svgEl('text', { x: '25', y: '195', 'font-size': '12' }, svg);
  label.textContent = EVIL;
  label.setAttribute('onmouseover', 'alert(2)');
  const script = svgEl('script', {}, svg);
  script.textContent = 'alert(3)';
  const link = svgEl('a', { href: 'javascript:alert(4)' }, svg);
  svgEl('text', {}, link).textContent = 'link';
  const fo = svgEl('foreignObject', {}, svg);
  fo.appendChild(document.createElement('div')).textContent = 'html';
  const hidden = svgEl('text', { display: 'none' }, svg);
  hidden.textContent = 'hidden';
  return svg;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('chart export', () => {
  it('makes a parseable standalone SVG with a background, size and viewBox', () => {
    const { svg, frame } = chartToSvg(liveChart(), { background: '#ffffff' });
    expect(frame).toEqual({ x: 0, y: 0, w: 400, h: 200 });
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const root = doc.documentElement;
    expect(root.namespaceURI).toBe(SVG_NS);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(root.getAttribute('width')).toBe('400');
    expect(root.getAttribute('height')).toBe('200');
    expect(root.getAttribute('viewBox')).toBe('0 0 400 200');
    const bg = root.querySelector(':scope > rect');
    expect(bg?.getAttribute('fill')).toBe('#ffffff');
    expect(bg?.getAttribute('width')).toBe('400');
    expect(root.querySelector(':scope > title')?.textContent).toBe('Pareto by revenue');
  });

  it('resolves custom properties into plain attributes', () => {
    const { svg } = chartToSvg(liveChart());
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const bar = doc.querySelector('g rect')!;
    expect(bar.getAttribute('fill')).toBe('#123456');
    expect(bar.getAttribute('stroke')).toBe('#abcdef');
    expect(svg).not.toContain('var(');
    expect(bar.hasAttribute('class')).toBe(false);
    expect(bar.hasAttribute('tabindex')).toBe(false);
  });

  it('keeps names as text nodes and drops anything active', () => {
    const { svg } = chartToSvg(liveChart());
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts).toContain(EVIL);
    expect([...doc.querySelectorAll('title')].map((t) => t.textContent)).toContain(EVIL);
    expect(doc.querySelector('img')).toBeNull();
    expect(doc.querySelector('script')).toBeNull();
    expect(doc.querySelector('foreignObject')).toBeNull();
    expect(doc.querySelector('a')).toBeNull();
    expect(texts).not.toContain('hidden');
    for (const el of doc.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        expect(attr.name.toLowerCase().startsWith('on'), `${el.localName} ${attr.name}`).toBe(false);
        expect(attr.value).not.toContain('javascript:');
      }
    }
    expect(svg).not.toMatch(/<script|\son\w+="/i);
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('takes the frame from the viewBox, else the size', () => {
    const a = svgEl('svg', { viewBox: '-5 10 320 180' });
    expect(chartFrame(a)).toEqual({ x: -5, y: 10, w: 320, h: 180 });
    const b = svgEl('svg', { width: '250', height: '90' });
    expect(chartFrame(b)).toEqual({ x: 0, y: 0, w: 250, h: 90 });
  });

  it('resolves nested fallbacks and leaves plain colours alone', () => {
    const el = document.createElement('div');
    document.body.appendChild(el);
    el.style.setProperty('--b', 'rgb(1, 2, 3)');
    expect(resolveVars('var(--a, var(--b))', el)).toBe('rgb(1, 2, 3)');
    expect(resolveVars('#fff', el)).toBe('#fff');
  });

  it('makes file names safe', () => {
    expect(safeFileStem('Pareto: a/b <c>')).toBe('Pareto a b c');
    expect(safeFileStem('  ')).toBe('chart');
  });
});
