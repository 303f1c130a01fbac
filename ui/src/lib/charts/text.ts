// Text measuring for SVG charts without a layout pass: an estimate (CJK characters are about as
// wide as the font size, others a little over half), good enough to keep labels apart.

const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/;

/** Estimated width of `text` at `fontSize` (px). */
export function textWidth(text: string, fontSize: number): number {
  let w = 0;
  for (const c of text) w += WIDE.test(c) ? fontSize : fontSize * 0.58;
  return w;
}

/** `text` cut (with "…") to fit `maxWidth` at `fontSize`. */
export function truncate(text: string, maxWidth: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const ellipsis = '…';
  let out = '';
  let w = textWidth(ellipsis, fontSize);
  for (const c of text) {
    const cw = textWidth(c, fontSize);
    if (w + cw > maxWidth) break;
    out += c;
    w += cw;
  }
  return out.trimEnd() + ellipsis;
}

export type Box = { x: number; y: number; w: number; h: number };

/** Overlapping area of two boxes (0 when apart). */
export function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

export type LabelAnchor = 'start' | 'middle' | 'end';
export type LabelSpot = { x: number; y: number; anchor: LabelAnchor; box: Box };
export type Circle = { id: number; cx: number; cy: number; r: number; width: number; height: number };

/**
 * Places a label beside each circle (right, left, below, above, then diagonals), greedily from the
 * largest circle down, choosing the first spot that overlaps no placed label, no circle and stays
 * inside `bounds`; else the spot with the least overlap. `y` is the text baseline.
 */
export function placeLabels(circles: readonly Circle[], bounds: Box): Map<number, LabelSpot> {
  const placed: Box[] = [];
  const out = new Map<number, LabelSpot>();
  const order = [...circles].sort((a, b) => b.r - a.r || a.id - b.id);
  for (const c of order) {
    const gap = 3;
    const { width: w, height: h } = c;
    const d = c.r * Math.SQRT1_2;
    const candidates: { x: number; y: number; anchor: LabelAnchor; box: Box }[] = [
      { x: c.cx + c.r + gap, y: c.cy + h * 0.35, anchor: 'start', box: { x: c.cx + c.r + gap, y: c.cy - h / 2, w, h } },
      { x: c.cx - c.r - gap, y: c.cy + h * 0.35, anchor: 'end', box: { x: c.cx - c.r - gap - w, y: c.cy - h / 2, w, h } },
      { x: c.cx, y: c.cy + c.r + gap + h * 0.8, anchor: 'middle', box: { x: c.cx - w / 2, y: c.cy + c.r + gap, w, h } },
      { x: c.cx, y: c.cy - c.r - gap - h * 0.2, anchor: 'middle', box: { x: c.cx - w / 2, y: c.cy - c.r - gap - h, w, h } },
      { x: c.cx + d + gap, y: c.cy - d - gap, anchor: 'start', box: { x: c.cx + d + gap, y: c.cy - d - gap - h * 0.8, w, h } },
      { x: c.cx + d + gap, y: c.cy + d + gap + h * 0.8, anchor: 'start', box: { x: c.cx + d + gap, y: c.cy + d + gap, w, h } },
      { x: c.cx - d - gap, y: c.cy - d - gap, anchor: 'end', box: { x: c.cx - d - gap - w, y: c.cy - d - gap - h * 0.8, w, h } },
      { x: c.cx - d - gap, y: c.cy + d + gap + h * 0.8, anchor: 'end', box: { x: c.cx - d - gap - w, y: c.cy + d + gap, w, h } },
    ];
    let best = candidates[0]!;
    let bestCost = Infinity;
    for (const cand of candidates) {
      const b = cand.box;
      let cost = 0;
      const outside =
        Math.max(0, bounds.x - b.x) + Math.max(0, b.x + b.w - (bounds.x + bounds.w)) +
        Math.max(0, bounds.y - b.y) + Math.max(0, b.y + b.h - (bounds.y + bounds.h));
      cost += outside * h * 4;
      for (const p of placed) cost += overlap(b, p) * 2;
      for (const o of circles) {
        if (o.id === c.id) continue;
        cost += overlap(b, { x: o.cx - o.r, y: o.cy - o.r, w: 2 * o.r, h: 2 * o.r });
      }
      if (cost < bestCost) {
        best = cand;
        bestCost = cost;
        if (cost === 0) break;
      }
    }
    placed.push(best.box);
    out.set(c.id, best);
  }
  return out;
}
