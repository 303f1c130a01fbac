// The badge strip as Cytoscape images: split into a left and a right end that do not depend on
// the card's width (so a large map shares a few images), drawing exactly the exporter's shapes.
import { describe, expect, it } from 'vitest';
import { badgeImages, badgeShapes, drawShapes, type BadgeShape, type BadgeSpec } from './badges';
import { LIGHT } from './palette';

const spec = (over: Partial<BadgeSpec> = {}): BadgeSpec => ({ attitude: 'supporter', roles: ['D', 'U'], economicBuyer: null, coach: null, risk: false, hidden: false, ...over });

/** The shapes of the parts placed on a card `width` wide: the left at 0, the right against the right edge. */
function placed(s: BadgeSpec, width: number): BadgeShape[] {
  const parts = badgeImages(s, width, LIGHT);
  return parts.flatMap((p, i) => {
    const dx = i === 0 ? 0 : width - p.w;
    return p.shapes.map((sh) => (sh.type === 'circle' ? { ...sh, cx: sh.cx + dx } : { ...sh, x: sh.x + dx }));
  });
}

describe('badgeImages', () => {
  it('draws the same shapes as the exporter, wherever the card ends', () => {
    for (const s of [spec(), spec({ risk: true }), spec({ hidden: true, risk: true, economicBuyer: 'EB', coach: 'C' })]) {
      for (const width of [188, 230, 272]) expect(placed(s, width)).toEqual(badgeShapes(s, width, LIGHT));
    }
  });

  it('has a right end only for the risk and hidden marks', () => {
    expect(badgeImages(spec(), 200, LIGHT)).toHaveLength(1);
    expect(badgeImages(spec({ risk: true }), 200, LIGHT)).toHaveLength(2);
  });

  it('does not depend on the width when the letters fit, so cards of any size share images', () => {
    expect(badgeImages(spec({ risk: true }), 190, LIGHT)).toEqual(badgeImages(spec({ risk: true }), 260, LIGHT));
  });

  it('still drops the letters that do not fit a narrow card', () => {
    const many = spec({ roles: ['I', 'U', 'IN', 'D', 'A', 'B', 'G'], economicBuyer: 'EB', coach: 'C', risk: true });
    const letters = (w: number) => badgeImages(many, w, LIGHT)[0]!.shapes.filter((s) => s.type === 'text').length;
    expect(letters(120)).toBeLessThan(letters(272));
  });
});

describe('the badge strip on a 2D canvas (a large map draws its cards itself)', () => {
  it('draws every shape of the strip, text as text', () => {
    const shapes = badgeShapes(spec({ attitude: 'champion', economicBuyer: 'EB', risk: true, hidden: true }), 188, LIGHT);
    const calls: string[] = [];
    const ctx = new Proxy(
      {},
      {
        get: (_t, name: string) => (...args: unknown[]) => calls.push(`${name}:${name === 'fillText' ? String(args[0]) : ''}`),
        set: () => true,
      },
    ) as unknown as CanvasRenderingContext2D;
    drawShapes(ctx, shapes, 'sans-serif');
    const texts = shapes.filter((s) => s.type === 'text').map((s) => (s as { text: string }).text);
    expect(calls.filter((c) => c.startsWith('fillText:')).map((c) => c.slice('fillText:'.length))).toEqual(texts);
    expect(calls.filter((c) => c === 'fill:').length).toBe(shapes.length - texts.length);
    expect(texts).toContain('!');
  });
});
