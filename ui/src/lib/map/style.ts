// The Cytoscape stylesheet: every look comes from the element's data (elements.ts decides it),
// plus the interaction states (selected, dimmed, search hits, the tie being drawn).
import type { StylesheetJson } from 'cytoscape';
import type { Palette } from './palette';

/** Cytoscape refuses quoted family names; these read well in Latin and CJK on every desktop. */
export const FONT_FAMILY = 'system-ui, -apple-system, Segoe UI, Roboto, Noto Sans, PingFang SC, Microsoft YaHei, Noto Sans CJK SC, sans-serif';

export function stylesheet(p: Palette): StylesheetJson {
  return [
    { selector: 'node', style: { shape: 'round-rectangle', width: 'data(w)', height: 'data(h)' } },
    {
      // (a large map's people are drawn by the map layer, mapLayer.ts: [?painted] below)
      selector: 'node[!painted]',
      style: {
        'background-color': 'data(fill)',
        'background-opacity': 'data(fillOpacity)' as unknown as number,
        'border-color': 'data(border)',
        'border-width': 'data(borderWidth)',
        'border-style': 'data(borderStyle)' as unknown as 'solid',
        label: 'data(label)',
        color: 'data(textColor)',
        'font-size': 'data(fontSize)',
        'font-family': FONT_FAMILY,
        'text-wrap': 'wrap',
        'text-max-width': 'data(textWidth)',
        'text-valign': 'center',
        'text-margin-y': -8,
        'line-height': 1.25,
        opacity: 'data(opacity)' as unknown as number,
        'min-zoomed-font-size': 4,
      },
    },
    {
      selector: 'node[kind = "stakeholder"][!painted]',
      style: {
        'font-weight': 600,
        // the badge strip: its left end at the card's left edge, its right end (if any) at the right
        'background-image': 'data(image)',
        'background-position-x': '0% 100%',
        'background-position-y': '100% 100%',
        // (width and height auto: the images' own; fit none, clip node, containment inside and
        // smoothing are Cytoscape's defaults: every property listed costs each element of a large map)
      } as Record<string, unknown>,
    },
    { selector: 'node[kind = "team"][!painted]', style: { 'text-margin-y': 0, 'font-weight': 600 } },
    // Cytoscape keeps them invisible, to be clicked, selected (its highlight shows) and dragged
    { selector: 'node[?painted]', style: { 'background-opacity': 0 } },
    {
      selector: ':parent',
      style: {
        shape: 'round-rectangle',
        'background-color': 'data(fill)',
        'background-opacity': 0.5,
        'border-color': 'data(border)',
        'border-width': 1,
        label: 'data(label)',
        'text-valign': 'top',
        'text-halign': 'center',
        'text-margin-y': 22,
        'font-weight': 700,
        'font-size': 'data(fontSize)',
        color: 'data(textColor)',
        padding: '22px',
        'text-wrap': 'none',
      } as Record<string, unknown>,
    },
    {
      // an org unit with nobody in it yet still shows as a labelled box
      selector: 'node[kind = "unit"]:childless',
      style: { width: 160, height: 40, 'text-valign': 'center', 'text-margin-y': 0, 'border-style': 'dashed' },
    },
    {
      // a large org chart's unit: a plain node sized around its people (canvas.ts, layout/largeMap.ts).
      // The map layer draws it (beneath the ties, as a compound group is); Cytoscape keeps it only
      // to be clicked and selected, so it is invisible here.
      selector: 'node[?box]',
      style: {
        width: 'data(w)',
        height: 'data(h)',
        'background-opacity': 0,
        'border-width': 0,
        label: '',
        'z-compound-depth': 'bottom',
      } as Record<string, unknown>,
    },
    {
      selector: 'edge',
      style: {
        width: 'data(width)',
        'line-color': 'data(color)',
        'line-style': 'data(lineStyle)' as unknown as 'solid',
        'curve-style': 'data(curve)' as unknown as 'bezier',
        opacity: 'data(opacity)' as unknown as number,
      } as Record<string, unknown>,
    },
    // each only where it matters (10,000 ties × every listed property is what a big map pays)
    {
      selector: 'edge[arrow = "triangle"]',
      style: { 'target-arrow-color': 'data(color)', 'target-arrow-shape': 'triangle', 'arrow-scale': 1.1 } as Record<string, unknown>,
    },
    { selector: 'edge[curve = "taxi"]', style: { 'taxi-direction': 'downward' } as Record<string, unknown> },
    { selector: 'edge[lineStyle = "dashed"]', style: { 'line-dash-pattern': [8, 5] } as Record<string, unknown> },
    { selector: 'edge[lineStyle = "dotted"]', style: { 'line-dash-pattern': [2, 4] } as Record<string, unknown> },
    { selector: 'edge[kind = "influence"]', style: { 'z-index': 2 } },
    {
      selector: 'node:selected',
      style: { 'overlay-color': p.accent, 'overlay-opacity': 0.18, 'overlay-padding': 6, 'border-color': p.accent } as Record<string, unknown>,
    },
    { selector: 'edge:selected', style: { 'overlay-color': p.accent, 'overlay-opacity': 0.25, 'overlay-padding': 4 } as Record<string, unknown> },
    { selector: '.dimmed', style: { opacity: 0.14 } },
    { selector: 'edge.dimmed', style: { opacity: 0.06 } },
    { selector: '.hit', style: { 'overlay-color': '#e69f00', 'overlay-opacity': 0.35, 'overlay-padding': 8 } as Record<string, unknown> },
    { selector: '.focused', style: { 'underlay-color': p.accent, 'underlay-opacity': 0.35, 'underlay-padding': 9 } as Record<string, unknown> },
    {
      selector: '.ghost',
      style: { width: 2, height: 2, 'background-opacity': 0, 'border-width': 0, label: '', 'background-image': 'none' } as Record<string, unknown>,
    },
    {
      selector: 'edge.ghost-edge',
      style: { width: 3, 'line-color': p.accent, 'target-arrow-color': p.accent, 'target-arrow-shape': 'triangle', 'line-style': 'dashed', 'curve-style': 'straight', opacity: 1 } as Record<string, unknown>,
    },
    { selector: '.drop-target', style: { 'underlay-color': p.accent, 'underlay-opacity': 0.45, 'underlay-padding': 10 } as Record<string, unknown> },
    // (the map layer draws those two halos beneath a painted card, not over it)
    { selector: 'node[?painted].focused, node[?painted].drop-target', style: { 'underlay-opacity': 0 } as Record<string, unknown> },
  ];
}
