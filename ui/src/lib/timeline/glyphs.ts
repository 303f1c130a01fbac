// Shapes of the timeline's marks, as SVG path data centred on (0, 0): one per interaction
// kind (so kind never rests on colour alone), and the stage-change markers.
import type { InteractionKind, Stage } from '../bindings';
import { STAGES } from '../vocab';

/** Path of an interaction kind's glyph with half-size `r`. */
export function kindPath(kind: InteractionKind, r = 5): string {
  switch (kind) {
    case 'meeting': // circle
      return `M${-r},0a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
    case 'call': // diamond
      return `M0,${-r}L${r},0L0,${r}L${-r},0Z`;
    case 'workshop': // square
      return `M${-r * 0.85},${-r * 0.85}h${1.7 * r}v${1.7 * r}h${-1.7 * r}Z`;
    case 'visit': // triangle up
      return `M0,${-r}L${r},${r * 0.8}L${-r},${r * 0.8}Z`;
    case 'email': // envelope-ish: a wide rectangle with a fold
      return `M${-r},${-r * 0.7}h${2 * r}v${1.4 * r}h${-2 * r}ZM${-r},${-r * 0.7}L0,${r * 0.15}L${r},${-r * 0.7}`;
  }
}

/** Stage-change marker: a downward triangle for a regression, a round dot otherwise. */
export function markerPath(regression: boolean, r = 7): string {
  return regression
    ? `M${-r},${-r * 0.75}L${r},${-r * 0.75}L0,${r}Z`
    : `M${-r},0a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
}

/** The CSS colour of a stage. */
export function stageColour(stage: Stage): string {
  return `var(--stage-${STAGES.indexOf(stage) + 1})`;
}

/** Text colour that reads on a stage's band (stages 1–2 are light in every theme). */
export function stageInk(stage: Stage): string {
  const n = STAGES.indexOf(stage) + 1;
  return n <= 2 ? '#0b1520' : '#ffffff';
}

/**
 * Rough rendered width of `text` at `px` font size: CJK and full-width characters take about
 * an em, others about 0.6 em (enough to decide whether a label fits; no DOM needed).
 */
export function textWidth(text: string, px: number): number {
  let ems = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    ems += (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef) ? 1 : 0.6;
  }
  return ems * px;
}
