// The map's colours, read from the app's theme variables (app.css) so the map follows the
// light, dark and projector themes; pure helpers for the colour scales of the overlays.
import type { Attitude } from '../bindings';

export type Palette = {
  bg: string;
  surface: string;
  surface2: string;
  border: string;
  borderStrong: string;
  text: string;
  textMuted: string;
  accent: string;
  accentSoft: string;
  accentContrast: string;
  danger: string;
  attitude: Record<Attitude, string>;
  /** Heat scale end points (uncovered → well covered). */
  heatLow: string;
  heatHigh: string;
  /** Factions' hull colours (colour-blind-safe qualitative set). */
  factions: readonly string[];
  /** Multiplies label sizes and line widths (1; the projector theme 1.25). */
  scale: number;
};

/** Okabe–Ito-based qualitative colours: distinguishable with the common colour-vision deficiencies. */
export const FACTION_COLOURS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#999999'] as const;

export const LIGHT: Palette = {
  bg: '#f4f6f8',
  surface: '#ffffff',
  surface2: '#eef1f5',
  border: '#d5dbe3',
  borderStrong: '#b7c0cc',
  text: '#18202b',
  textMuted: '#556070',
  accent: '#1f5fbf',
  accentSoft: '#e3ecfa',
  accentContrast: '#ffffff',
  danger: '#b2182b',
  attitude: {
    champion: '#1b7837',
    supporter: '#7fbf7b',
    neutral: '#9a9a9a',
    sceptic: '#e08214',
    opponent: '#b2182b',
    unknown: '#8a94a3',
  },
  heatLow: '#fde0dd',
  heatHigh: '#1b7837',
  factions: FACTION_COLOURS,
  scale: 1,
};

/** Reads the palette from the document's CSS variables (falls back to the light theme). */
export function readPalette(root: Element | null = typeof document === 'undefined' ? null : document.documentElement): Palette {
  if (!root || typeof getComputedStyle === 'undefined') return LIGHT;
  const css = getComputedStyle(root);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  const scale = Number.parseFloat(v('--map-scale', '1'));
  return {
    bg: v('--bg', LIGHT.bg),
    surface: v('--surface', LIGHT.surface),
    surface2: v('--surface-2', LIGHT.surface2),
    border: v('--border', LIGHT.border),
    borderStrong: v('--border-strong', LIGHT.borderStrong),
    text: v('--text', LIGHT.text),
    textMuted: v('--text-muted', LIGHT.textMuted),
    accent: v('--accent', LIGHT.accent),
    accentSoft: v('--accent-soft', LIGHT.accentSoft),
    accentContrast: v('--accent-contrast', LIGHT.accentContrast),
    danger: v('--danger', LIGHT.danger),
    attitude: {
      champion: v('--att-champion', LIGHT.attitude.champion),
      supporter: v('--att-supporter', LIGHT.attitude.supporter),
      neutral: v('--att-neutral', LIGHT.attitude.neutral),
      sceptic: v('--att-sceptic', LIGHT.attitude.sceptic),
      opponent: v('--att-opponent', LIGHT.attitude.opponent),
      unknown: v('--att-unknown', LIGHT.attitude.unknown),
    },
    heatLow: v('--heat-low', LIGHT.heatLow),
    heatHigh: v('--heat-high', LIGHT.heatHigh),
    factions: FACTION_COLOURS,
    scale: Number.isFinite(scale) && scale > 0 ? scale : 1,
  };
}

function parseHex(hex: string): [number, number, number] | null {
  const m = /^#([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const n = Number.parseInt(m[1]!, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Linear mix of two #rrggbb colours (t = 0 → a, 1 → b); a non-hex input returns a. */
export function mix(a: string, b: string, t: number): string {
  const ca = parseHex(a);
  const cb = parseHex(b);
  if (!ca || !cb) return a;
  const k = Math.min(1, Math.max(0, t));
  const c = ca.map((x, i) => Math.round(x + (cb[i]! - x) * k));
  return `#${c.map((x) => x.toString(16).padStart(2, '0')).join('')}`;
}

/** Black or white text, whichever reads better on `background` (WCAG relative luminance). */
export function textOn(background: string, dark = '#18202b', light = '#ffffff'): string {
  const c = parseHex(background);
  if (!c) return dark;
  const [r, g, b] = c.map((x) => {
    const s = x / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const lum = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return lum > 0.36 ? dark : light;
}
