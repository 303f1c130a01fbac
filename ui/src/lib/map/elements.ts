// The map's picture as plain data: which nodes and edges to draw and how each looks, from the
// account, our team, the latest analysis and the overlays switched on. Pure: the Cytoscape
// view (MapView.svelte) and the SVG/PNG exporter both draw from this, so what you export is
// what you see.
import type { AccountAnalysis, AccountDetail, BuyingRole, InfluenceKind, MapLayout, TeamMember } from '../bindings';
import { BADGE_HEIGHT, type BadgeSpec } from './badges';
import { textWidthEstimate, wrapLine } from './exportSvg';
import { mix, type Palette } from './palette';

export type NodeKind = 'stakeholder' | 'team' | 'unit';
export type EdgeKind = 'influence' | 'coverage' | 'reports' | 'dotted';

export type MapNodeData = {
  id: string;
  kind: NodeKind;
  /** The entity's id in the store. */
  ref: number;
  name: string;
  title: string;
  label: string;
  parent?: string;
  w: number;
  h: number;
  fill: string;
  fillOpacity: number;
  border: string;
  borderWidth: number;
  borderStyle: 'solid' | 'dashed';
  textColor: string;
  fontSize: number;
  badge: BadgeSpec | null;
  opacity: number;
  /** For search and filters. */
  attitude: string;
  roles: BuyingRole[];
  unit: number | null;
  faction: number | null;
};

export type MapEdgeData = {
  id: string;
  kind: EdgeKind;
  ref: number;
  source: string;
  target: string;
  width: number;
  color: string;
  lineStyle: 'solid' | 'dashed' | 'dotted';
  arrow: 'triangle' | 'none';
  curve: 'bezier' | 'taxi';
  opacity: number;
  strength: number;
  influenceKind: InfluenceKind | null;
};

export type PathOverlay = { people: { id: number; team: boolean }[]; strength: number | null };
export type WhatIfOverlay = {
  removed: { id: number; team: boolean };
  /** Coverage before → after for the stakeholders that changed. */
  changes: Map<number, { before: number; after: number }>;
};

export type Overlays = {
  heat: boolean;
  risks: boolean;
  hidden: boolean;
  factions: boolean;
  path: PathOverlay | null;
  whatIf: WhatIfOverlay | null;
};

export const NO_OVERLAYS: Overlays = { heat: false, risks: false, hidden: false, factions: false, path: null, whatIf: null };

export type Texts = {
  roleLetter: (role: BuyingRole) => string;
  economicBuyer: string;
  coach: string;
  unknownHolder: string;
  teamRole: (role: TeamMember['fields']['role']) => string;
  coverageChange: (before: number, after: number) => string;
};

export type MapInput = {
  detail: AccountDetail;
  team: readonly TeamMember[];
  analysis: AccountAnalysis | null;
  layout: MapLayout;
  overlays: Overlays;
  palette: Palette;
  texts: Texts;
  /** Show every team member, not only those covering someone here. */
  wholeTeam: boolean;
  /** Stakeholders whose information has aged past the confidence threshold: drawn faded. */
  stale?: ReadonlySet<number>;
};

export type MapModel = { nodes: MapNodeData[]; edges: MapEdgeData[] };

/** Nothing to draw (yet). */
export const EMPTY_MODEL: MapModel = { nodes: [], edges: [] };

/** How faded a stakeholder not confirmed for longer than the threshold is drawn. */
export const STALE_OPACITY = 0.5;

export const CARD = { w: 188, h: 72, teamW: 156, teamH: 50 } as const;

export const nodeId = {
  stakeholder: (id: number) => `s${id}`,
  team: (id: number) => `t${id}`,
  unit: (id: number) => `u${id}`,
};

function edgeStyle(kind: InfluenceKind, p: Palette): { color: string; lineStyle: MapEdgeData['lineStyle'] } {
  switch (kind) {
    case 'rival':
      return { color: p.danger, lineStyle: 'dashed' };
    case 'ally':
      return { color: p.attitude.champion, lineStyle: 'solid' };
    case 'advisor':
      return { color: p.accent, lineStyle: 'solid' };
    case 'informal':
      return { color: p.textMuted, lineStyle: 'dotted' };
    default:
      return { color: p.textMuted, lineStyle: 'solid' };
  }
}

/** `line` with each word too wide for `width` cut into pieces that fit (as the exporter cuts
 * it), so that a long name without spaces or a Chinese title stays on its card; the rest is
 * left for Cytoscape to wrap at spaces, by the real width of the text. */
export function cutLongWords(line: string, width: number, fontSize: number): string {
  return line
    .split(/(\s+)/)
    .map((word) => (/\s/.test(word) || textWidthEstimate(word, fontSize) <= width ? word : wrapLine(word, width, fontSize).join('\n')))
    .join('');
}

/** Builds the picture. Ties to people not on the map are left out. */
export function buildModel(input: MapInput): MapModel {
  const { detail, analysis, overlays: ov, palette: p, texts } = input;
  const s = p.scale;
  const scores = new Map((analysis?.stakeholders ?? []).map((x) => [x.id, x]));
  const risky = new Set<number>();
  for (const r of analysis?.risks ?? []) for (const person of r.people) if (!person.team) risky.add(person.id);
  const onPath = new Set((ov.path?.people ?? []).map((x) => (x.team ? nodeId.team(x.id) : nodeId.stakeholder(x.id))));
  const removedId = ov.whatIf ? (ov.whatIf.removed.team ? nodeId.team(ov.whatIf.removed.id) : nodeId.stakeholder(ov.whatIf.removed.id)) : null;
  // (per account, not per person: a large account has thousands)
  const unknownWord = texts.unknownHolder.toLocaleLowerCase();
  const letters = new Map<BuyingRole, string>();
  const letterOf = (r: BuyingRole) => {
    let l = letters.get(r);
    if (l === undefined) letters.set(r, (l = texts.roleLetter(r)));
    return l;
  };

  const nodes: MapNodeData[] = [];
  const orgChart = input.layout === 'org_chart';
  if (orgChart) {
    for (const u of detail.org_units) {
      nodes.push({
        id: nodeId.unit(u.id),
        kind: 'unit',
        ref: u.id,
        name: u.fields.name,
        title: '',
        label: u.fields.name,
        ...(u.fields.parent_id !== null ? { parent: nodeId.unit(u.fields.parent_id) } : {}),
        w: 0,
        h: 0,
        fill: p.surface2,
        fillOpacity: 0.55,
        border: p.border,
        borderWidth: 1,
        borderStyle: 'solid',
        textColor: p.textMuted,
        fontSize: 13 * s,
        badge: null,
        opacity: 1,
        attitude: '',
        roles: [],
        unit: u.id,
        faction: null,
      });
    }
  }

  for (const st of detail.stakeholders) {
    const f = st.fields;
    const score = scores.get(st.id);
    const influence = score?.blended_influence ?? 0;
    const grow = 1 + 0.45 * Math.min(1, Math.max(0, influence));
    const id = nodeId.stakeholder(st.id);
    const coverage = score?.coverage ?? 0;
    const attColour = p.attitude[f.attitude];
    let fill = f.placeholder ? p.bg : p.surface;
    if (ov.heat) fill = mix(p.heatLow, p.heatHigh, coverage);
    const change = ov.whatIf?.changes.get(st.id);
    // a placeholder says "unknown" once (its name often does already: "CTO – unknown")
    const saysUnknown = f.placeholder && f.name.toLocaleLowerCase().includes(unknownWord);
    const lines = [f.name, f.placeholder && !saysUnknown ? [f.title, texts.unknownHolder].filter((x) => x !== '').join(' · ') : f.title];
    if (change) lines.push(texts.coverageChange(change.before, change.after));
    const w = Math.round(CARD.w * grow * s);
    const fontSize = Math.round(12.5 * grow * s * 10) / 10;
    // tall enough for the wrapped label above the badge strip
    const wrapped = lines.filter((l) => l !== '').reduce((n, l) => n + wrapLine(l, w - 12, fontSize).length, 0);
    const h = Math.max(Math.round((CARD.h - BADGE_HEIGHT) * grow * s), Math.ceil(wrapped * fontSize * 1.25 + 16)) + BADGE_HEIGHT;
    nodes.push({
      id,
      kind: 'stakeholder',
      ref: st.id,
      name: f.name,
      title: f.title,
      label: lines
        .filter((l) => l !== '')
        .map((l) => cutLongWords(l, w - 12, fontSize))
        .join('\n'),
      ...(orgChart && f.org_unit_id !== null ? { parent: nodeId.unit(f.org_unit_id) } : {}),
      w,
      h,
      fill,
      fillOpacity: 1,
      border: onPath.has(id) ? p.accent : change && change.after < change.before ? p.danger : attColour,
      borderWidth: (onPath.has(id) ? 5 : f.placeholder ? 2 : 3) * s,
      borderStyle: f.placeholder ? 'dashed' : 'solid',
      textColor: ov.heat && coverage > 0.55 ? '#ffffff' : p.text,
      fontSize,
      badge: {
        attitude: f.attitude,
        roles: f.roles.map(letterOf),
        economicBuyer: f.economic_buyer ? texts.economicBuyer : null,
        coach: f.coach ? texts.coach : null,
        risk: ov.risks && risky.has(st.id),
        hidden: ov.hidden && (score?.hidden_influencer ?? false),
      },
      opacity: removedId === id ? 0.25 : input.stale?.has(st.id) ? STALE_OPACITY : 1,
      attitude: f.attitude,
      roles: f.roles,
      unit: f.org_unit_id,
      faction: score?.faction ?? null,
    });
  }

  const present = new Set(detail.stakeholders.map((x) => x.id));
  const covering = new Set(detail.coverage.filter((c) => present.has(c.fields.stakeholder_id)).map((c) => c.fields.team_member_id));
  const shownTeam = input.team.filter((m) => input.wholeTeam || covering.has(m.id));
  for (const m of shownTeam) {
    const id = nodeId.team(m.id);
    nodes.push({
      id,
      kind: 'team',
      ref: m.id,
      name: m.fields.name,
      title: texts.teamRole(m.fields.role),
      label: `${m.fields.name}\n${texts.teamRole(m.fields.role)}`,
      w: Math.round(CARD.teamW * s),
      h: Math.round(CARD.teamH * s),
      fill: p.accentSoft,
      fillOpacity: 1,
      border: p.accent,
      borderWidth: (onPath.has(id) ? 5 : 2) * s,
      borderStyle: 'solid',
      textColor: p.text,
      fontSize: 12 * s,
      badge: null,
      opacity: removedId === id ? 0.25 : 1,
      attitude: '',
      roles: [],
      unit: null,
      faction: null,
    });
  }

  const edges: MapEdgeData[] = [];
  const pathPairs = new Set<string>();
  const pathIds = (ov.path?.people ?? []).map((x) => (x.team ? nodeId.team(x.id) : nodeId.stakeholder(x.id)));
  for (let i = 1; i < pathIds.length; i++) {
    pathPairs.add(`${pathIds[i - 1]}|${pathIds[i]}`);
    pathPairs.add(`${pathIds[i]}|${pathIds[i - 1]}`);
  }
  const onPathEdge = (a: string, b: string) => pathPairs.has(`${a}|${b}`);
  if (orgChart) {
    for (const st of detail.stakeholders) {
      const f = st.fields;
      if (f.reports_to !== null && present.has(f.reports_to)) {
        edges.push({
          id: `r${st.id}`,
          kind: 'reports',
          ref: st.id,
          source: nodeId.stakeholder(f.reports_to),
          target: nodeId.stakeholder(st.id),
          width: 2 * s,
          color: p.borderStrong,
          lineStyle: 'solid',
          arrow: 'none',
          curve: 'taxi',
          opacity: 1,
          strength: 0,
          influenceKind: null,
        });
      }
      if (f.dotted_to !== null && present.has(f.dotted_to)) {
        edges.push({
          id: `d${st.id}`,
          kind: 'dotted',
          ref: st.id,
          source: nodeId.stakeholder(f.dotted_to),
          target: nodeId.stakeholder(st.id),
          width: 1.6 * s,
          color: p.borderStrong,
          lineStyle: 'dashed',
          arrow: 'none',
          curve: 'taxi',
          opacity: 1,
          strength: 0,
          influenceKind: null,
        });
      }
    }
  }
  for (const tie of detail.influences) {
    const f = tie.fields;
    if (!present.has(f.from_id) || !present.has(f.to_id)) continue;
    const source = nodeId.stakeholder(f.from_id);
    const target = nodeId.stakeholder(f.to_id);
    const highlighted = onPathEdge(source, target);
    const look = edgeStyle(f.kind, p);
    edges.push({
      id: `i${tie.id}`,
      kind: 'influence',
      ref: tie.id,
      source,
      target,
      width: (highlighted ? 3 + f.strength : 0.8 + f.strength * 0.75) * s,
      color: highlighted ? p.accent : look.color,
      lineStyle: look.lineStyle,
      arrow: 'triangle',
      curve: 'bezier',
      // in the org chart the reporting lines lead; influence stays readable but quieter
      opacity: ov.path && !highlighted ? 0.3 : orgChart ? 0.5 : 0.9,
      strength: f.strength,
      influenceKind: f.kind,
    });
  }
  const shown = new Set(shownTeam.map((m) => m.id));
  for (const c of detail.coverage) {
    const f = c.fields;
    if (!present.has(f.stakeholder_id) || !shown.has(f.team_member_id)) continue;
    const source = nodeId.team(f.team_member_id);
    const target = nodeId.stakeholder(f.stakeholder_id);
    const highlighted = onPathEdge(source, target);
    edges.push({
      id: `c${c.id}`,
      kind: 'coverage',
      ref: c.id,
      source,
      target,
      width: (highlighted ? 3 + f.strength : 0.8 + f.strength * 0.6) * s,
      color: p.accent,
      lineStyle: 'solid',
      arrow: 'none',
      curve: 'bezier',
      opacity: ov.path && !highlighted ? 0.25 : highlighted ? 0.9 : orgChart ? 0.4 : 0.7,
      strength: f.strength,
      influenceKind: null,
    });
  }
  return { nodes, edges };
}
