// The map's pure logic: the look of each element from domain values, overlays, keyboard
// navigation, hulls, colours, and the SVG export built from the same scene.
import { describe, expect, it } from 'vitest';
import type { AccountAnalysis, AccountDetail, Stakeholder, StakeholderFields, TeamMember } from '../bindings';
import { ATTITUDE_GLYPH, badgeShapes } from './badges';
import { buildModel, cutLongWords, NO_OVERLAYS, type MapInput, type Texts } from './elements';
import { pixelSize, sceneToSvg, textWidthEstimate, wholeFrame, wrapLine, type Scene } from './exportSvg';
import { convexHull, hullAround, hullPath } from './hull';
import { nearestInDirection, readingOrder } from './keyboard';
import { LIGHT, mix, textOn } from './palette';

const texts: Texts = {
  roleLetter: (r) => r[0]!.toUpperCase(),
  economicBuyer: 'EB',
  coach: 'C',
  unknownHolder: 'unknown',
  teamRole: (r) => r,
  coverageChange: (b, a) => `${b} → ${a}`,
};

function person(id: number, f: Partial<StakeholderFields>): Stakeholder {
  return {
    id,
    fields: {
      account_id: 1, name: `P${id}`, title: '', org_unit_id: null, reports_to: null, dotted_to: null, roles: [],
      economic_buyer: false, coach: false, attitude: 'neutral', power: 3, interest: 3, org_needs: '', personal_wins: '',
      last_contact: null, notes: '', placeholder: false, ...f,
    },
  };
}

const XSS = '<img src=x onerror=alert(1)>';
const detail: AccountDetail = {
  account: { id: 1, fields: {} as AccountDetail['account']['fields'] },
  org_units: [{ id: 7, fields: { account_id: 1, name: 'Finance', parent_id: null } }],
  stakeholders: [
    person(1, { name: 'Ana', title: 'CEO', attitude: 'champion', roles: ['decider'], economic_buyer: true }),
    person(2, { name: XSS, reports_to: 1, org_unit_id: 7, attitude: 'opponent' }),
    person(3, { name: 'CFO', placeholder: true, attitude: 'unknown', reports_to: 1, dotted_to: 2 }),
  ],
  influences: [
    { id: 10, fields: { account_id: 1, from_id: 2, to_id: 1, strength: 5, kind: 'rival', note: '' } },
    { id: 11, fields: { account_id: 1, from_id: 1, to_id: 3, strength: 1, kind: 'informal', note: '' } },
  ],
  coverage: [{ id: 20, fields: { team_member_id: 100, stakeholder_id: 1, strength: 4, last_contact: null, note: '' } }],
  interactions: [],
  stage_changes: [],
};
const team: TeamMember[] = [
  { id: 100, fields: { name: 'Mei', role: 'account_lead' } },
  { id: 101, fields: { name: 'Raj', role: 'service' } },
];
const score = (id: number, over: Partial<AccountAnalysis['stakeholders'][number]>) =>
  ({ id, name: '', title: '', network_influence: 0, brokerage: 0, blended_influence: 0, coverage: 0, covered_by: null, attitude: 'neutral', power: 3, roles: [], economic_buyer: false, coach: false, placeholder: false, hidden_influencer: false, faction: null, last_touch: null, ...over }) as AccountAnalysis['stakeholders'][number];
const analysis = {
  account_id: 1, account: '', today: '2026-11-23', account_coverage: 0.5, support_balance: 0, role_coverage: [], factions: [], key_person: null, economic_buyer: null,
  stakeholders: [score(1, { blended_influence: 1, coverage: 0.8 }), score(2, { blended_influence: 0, hidden_influencer: true }), score(3, {})],
  risks: [{ kind: 'influential_opponent', people: [{ id: 2, name: XSS, team: false }], reason: '', value: 0.5 }],
} as AccountAnalysis;

const input = (over: Partial<MapInput> = {}): MapInput => ({
  detail, team, analysis, layout: 'org_chart', overlays: NO_OVERLAYS, palette: LIGHT, texts, wholeTeam: false, ...over,
});

describe('elements', () => {
  it('encodes attitude as border colour plus a glyph badge, never colour alone', () => {
    const m = buildModel(input());
    const ana = m.nodes.find((n) => n.id === 's1')!;
    expect(ana.border).toBe(LIGHT.attitude.champion);
    expect(ana.badge?.attitude).toBe('champion');
    expect(ATTITUDE_GLYPH.champion).not.toBe(ATTITUDE_GLYPH.supporter);
    expect(ana.badge?.roles).toEqual(['D']);
    expect(ana.badge?.economicBuyer).toBe('EB');
    const shapes = badgeShapes(ana.badge!, ana.w, LIGHT);
    expect(shapes.filter((s) => s.type === 'text').map((s) => (s as { text: string }).text)).toEqual(['++', 'D', 'EB']);
  });

  it('draws placeholders hollow and dashed with "unknown", and sizes people by influence', () => {
    const m = buildModel(input());
    const cfo = m.nodes.find((n) => n.id === 's3')!;
    expect(cfo.borderStyle).toBe('dashed');
    expect(cfo.fill).toBe(LIGHT.bg); // hollow: the background shows, ties do not run through the text
    expect(cfo.label).toContain('unknown');
    const named = buildModel(input({ detail: { ...detail, stakeholders: [person(9, { name: 'CTO – unknown', title: 'Chief Technology Officer', placeholder: true })] } }));
    expect(named.nodes[named.nodes.length - 1]!.label).toBe('CTO – unknown\nChief Technology Officer');
    const big = m.nodes.find((n) => n.id === 's1')!;
    const small = m.nodes.find((n) => n.id === 's2')!;
    expect(big.w).toBeGreaterThan(small.w);
    expect(big.fontSize).toBeGreaterThan(small.fontSize);
  });

  it('grows a card to fit a long, wrapped label', () => {
    const long = buildModel(input({ detail: { ...detail, stakeholders: [person(9, { name: 'Maximilian Alexander von Hohenberg-Lichtenstein', title: 'Executive Vice President, Global Procurement and Supply Chain Operations' })] } }));
    const short = buildModel(input({ detail: { ...detail, stakeholders: [person(9, { name: 'Bo', title: 'CFO' })] } }));
    const card = (m: typeof long) => m.nodes.find((n) => n.id === 's9')!;
    expect(card(long).h).toBeGreaterThan(card(short).h);
    expect(card(long).w).toBe(card(short).w);
  });

  it('keeps names as plain text in labels (no markup is interpreted here or later)', () => {
    const m = buildModel(input());
    expect(m.nodes.find((n) => n.id === 's2')!.label.startsWith(XSS)).toBe(true);
  });

  it('styles ties by kind and strength: rival red dashed, informal dotted, thicker when stronger', () => {
    const m = buildModel(input());
    const rival = m.edges.find((e) => e.id === 'i10')!;
    const informal = m.edges.find((e) => e.id === 'i11')!;
    expect(rival.color).toBe(LIGHT.danger);
    expect(rival.lineStyle).toBe('dashed');
    expect(informal.lineStyle).toBe('dotted');
    expect(rival.width).toBeGreaterThan(informal.width);
    expect(rival.arrow).toBe('triangle');
  });

  it('shows groups and reporting lines only in the org chart', () => {
    const orgChart = buildModel(input());
    expect(orgChart.nodes.some((n) => n.kind === 'unit')).toBe(true);
    expect(orgChart.nodes.find((n) => n.id === 's2')!.parent).toBe('u7');
    expect(orgChart.edges.map((e) => e.id).sort()).toEqual(['c20', 'd3', 'i10', 'i11', 'r2', 'r3']);
    const network = buildModel(input({ layout: 'network' }));
    expect(network.nodes.some((n) => n.kind === 'unit')).toBe(false);
    expect(network.edges.map((e) => e.id).sort()).toEqual(['c20', 'i10', 'i11']);
  });

  it('shows the team members who cover someone here, or the whole team when asked', () => {
    expect(buildModel(input()).nodes.filter((n) => n.kind === 'team').map((n) => n.ref)).toEqual([100]);
    expect(buildModel(input({ wholeTeam: true })).nodes.filter((n) => n.kind === 'team').map((n) => n.ref)).toEqual([100, 101]);
  });

  it('applies the overlays: heat, risks, hidden influencers, path, what-if', () => {
    const m = buildModel(
      input({
        overlays: {
          heat: true,
          risks: true,
          hidden: true,
          factions: false,
          path: { people: [{ id: 100, team: true }, { id: 1, team: false }, { id: 3, team: false }], strength: 0.4 },
          whatIf: { removed: { id: 2, team: false }, changes: new Map([[1, { before: 0.8, after: 0.2 }]]) },
        },
      }),
    );
    const ana = m.nodes.find((n) => n.id === 's1')!;
    expect(ana.fill).toBe(mix(LIGHT.heatLow, LIGHT.heatHigh, 0.8));
    expect(ana.border).toBe(LIGHT.accent); // on the path
    expect(ana.label).toContain('0.8 → 0.2');
    const opp = m.nodes.find((n) => n.id === 's2')!;
    expect(opp.badge?.risk).toBe(true);
    expect(opp.badge?.hidden).toBe(true);
    expect(opp.opacity).toBeLessThan(0.5); // the one who leaves
    const onPath = m.edges.filter((e) => e.color === LIGHT.accent && e.width >= 4).map((e) => e.id).sort();
    expect(onPath).toEqual(['c20', 'i11']);
    expect(m.edges.find((e) => e.id === 'i10')!.opacity).toBeLessThan(0.5);
  });

  it('grows labels and lines in the projector theme', () => {
    const normal = buildModel(input());
    const projector = buildModel(input({ palette: { ...LIGHT, scale: 1.25 } }));
    expect(projector.nodes[1]!.fontSize).toBeGreaterThan(normal.nodes[1]!.fontSize);
    expect(projector.edges[0]!.width).toBeGreaterThan(normal.edges[0]!.width);
  });
});

describe('keyboard', () => {
  const people = [
    { id: 'a', at: { x: 0, y: 0 } },
    { id: 'b', at: { x: 200, y: 10 } },
    { id: 'c', at: { x: 0, y: 150 } },
    { id: 'd', at: { x: 400, y: -300 } },
  ];
  it('finds the nearest person in the arrow\'s direction', () => {
    expect(nearestInDirection({ x: 0, y: 0 }, 'right', people)).toBe('b');
    expect(nearestInDirection({ x: 0, y: 0 }, 'down', people)).toBe('c');
    expect(nearestInDirection({ x: 0, y: 0 }, 'left', people)).toBeNull();
    expect(nearestInDirection({ x: 200, y: 10 }, 'up', people)).toBe('d');
  });
  it('reads rows top to bottom, left to right', () => {
    expect(readingOrder(people)).toEqual(['d', 'a', 'b', 'c']);
  });
});

describe('hulls and colours', () => {
  it('hulls the outer points only', () => {
    const hull = convexHull([{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 5, y: 5 }, { x: 10, y: 10 }, { x: 0, y: 10 }]);
    expect(hull).toHaveLength(4);
    const around = hullAround([{ x: 0, y: 0, w: 10, h: 10 }], 5);
    expect(around.map((p) => [p.x, p.y])).toEqual([[-10, -10], [10, -10], [10, 10], [-10, 10]]);
    expect(hullPath(around)).toMatch(/^M.*Z$/);
    expect(hullPath([{ x: 0, y: 0 }])).toBe('');
  });
  it('mixes colours and picks readable text', () => {
    expect(mix('#000000', '#ffffff', 0.5)).toBe('#808080');
    expect(mix('#000000', '#ffffff', 2)).toBe('#ffffff');
    expect(textOn('#ffffff')).toBe('#18202b');
    expect(textOn('#1b7837')).toBe('#ffffff');
  });
});

describe('export', () => {
  const m = buildModel(input({ overlays: { ...NO_OVERLAYS, risks: true } }));
  const scene: Scene = {
    nodes: m.nodes.map((n, i) => ({ ...n, x: i * 250, y: i * 40, w: n.kind === 'unit' ? 300 : n.w, h: n.kind === 'unit' ? 200 : n.h })),
    edges: m.edges.map((e) => ({ ...e, points: [{ x: 0, y: 0 }, { x: 50, y: 80 }, { x: 100, y: 0 }], shape: e.curve === 'taxi' ? 'lines' : 'curve' })),
    hulls: [{ hull: hullAround([{ x: 0, y: 0, w: 100, h: 50 }, { x: 300, y: 0, w: 100, h: 50 }], 10), colour: '#0072b2' }],
  };

  it('builds a valid SVG with every name as text and no markup from data', () => {
    const frame = wholeFrame(scene.nodes);
    const text = sceneToSvg(scene, { frame, palette: LIGHT, fontFamily: 'sans-serif', title: `Map of ${XSS}`, background: true });
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.documentElement.localName).toBe('svg');
    expect(doc.getElementsByTagName('img')).toHaveLength(0);
    const texts = [...doc.getElementsByTagName('tspan'), ...doc.getElementsByTagName('text')].map((t) => t.textContent ?? '');
    for (const s of detail.stakeholders) expect(texts.join('\n')).toContain(s.fields.name.slice(0, 8));
    expect(text).toContain('&lt;img src=x');
    expect(doc.getElementsByTagName('path').length).toBeGreaterThanOrEqual(m.edges.length + 1);
    expect(doc.documentElement.getAttribute('viewBox')).toBe(`${frame.x} ${frame.y} ${frame.w} ${frame.h}`);
  });

  it('sizes PNGs by frame and scale', () => {
    expect(pixelSize({ x: 0, y: 0, w: 100.4, h: 50 }, 2)).toEqual({ width: 201, height: 100 });
    const f = wholeFrame([{ ...scene.nodes[1]!, x: 0, y: 0, w: 100, h: 40 }], 24);
    expect(f).toEqual({ x: -74, y: -44, w: 148, h: 88 });
  });

  it('wraps long labels, including Chinese without spaces', () => {
    expect(wrapLine('Chief Technology Officer of the group', 100, 12).length).toBeGreaterThan(1);
    const zh = wrapLine('网络工程总监兼首席技术官办公室主任', 60, 12);
    expect(zh.length).toBeGreaterThan(2);
    expect(zh.join('')).toBe('网络工程总监兼首席技术官办公室主任');
    expect(wrapLine('', 100, 12)).toEqual(['']);
  });

  it('cuts only the words too wide for a card, and leaves the rest for Cytoscape to wrap', () => {
    // a name with no space: cut to the card, nothing lost
    const long = 'Maximiliana-Alexandrovna-Vandenberghe-Featherstonehaugh';
    const cut = cutLongWords(long, 176, 12.5);
    expect(cut.split('\n').length).toBeGreaterThan(1);
    expect(cut.replaceAll('\n', '')).toBe(long);
    for (const piece of cut.split('\n')) expect(textWidthEstimate(piece, 12.5)).toBeLessThanOrEqual(176);
    // words that fit stay as they are, spaces and all (Cytoscape wraps them by their real width)
    expect(cutLongWords('Chief Technology Officer of the group', 176, 12.5)).toBe('Chief Technology Officer of the group');
    const zh = cutLongWords('网络工程总监兼首席技术官办公室主任', 120, 12.5);
    expect(zh.replaceAll('\n', '')).toBe('网络工程总监兼首席技术官办公室主任');
    expect(zh.split('\n').length).toBeGreaterThan(1);
    // and the map's card carries the cut label
    const m = buildModel(input({ detail: { ...detail, stakeholders: [person(1, { name: long })] } }));
    expect(m.nodes.find((n) => n.id === 's1')!.label.split('\n')[0]!.length).toBeLessThan(long.length);
  });
});
