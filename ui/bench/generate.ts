// A seeded, realistic large account for the map benchmark: 2,000 stakeholders in 40 org units
// with a reports-to forest (three roots, depth 5–8), 10,000 influence ties of mixed kinds and
// strengths, 15 team members with 300 coverage ties, and a plausible analysis (PageRank-based
// influence, coverage, factions, risks) of the kind the Rust engine returns. The same seed
// always gives the same account. Pure: no DOM, no Svelte.
import type {
  AccountAnalysis, AccountDetail, Attitude, BuyingRole, Coverage, Faction, Influence, InfluenceKind, OrgUnit, PersonRef, Risk,
  Stakeholder, StakeholderScore, TeamMember, TeamRole,
} from '../src/lib/bindings';

export type GeneratedAccount = { detail: AccountDetail; team: TeamMember[]; analysis: AccountAnalysis };

export type GenerateOptions = { seed?: number; people?: number; ties?: number; teamSize?: number; coverage?: number };

export const ACCOUNT_ID = 1;

/** mulberry32 (the same generator as the force layout's). */
function rng(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Aisha', 'Alejandro', 'Amelia', 'Anand', 'Anna', 'Ben', 'Carla', 'Chen', 'Chloe', 'Daniel', 'David', 'Elena', 'Emeka', 'Emily', 'Fatima', 'Felix',
  'Grace', 'Hannah', 'Hiroshi', 'Ines', 'Isaac', 'James', 'Jana', 'Jia', 'Jonas', 'Julia', 'Kai', 'Karim', 'Laura', 'Lei', 'Leon', 'Lina', 'Lucas',
  'Maria', 'Mark', 'Marta', 'Mei', 'Mohammed', 'Nadia', 'Noah', 'Olga', 'Omar', 'Paul', 'Priya', 'Rafael', 'Rahul', 'Rosa', 'Ruth', 'Sara', 'Sven',
  'Tariq', 'Thomas', 'Tomás', 'Uma', 'Victor', 'Wei', 'Xin', 'Yara', 'Yusuf', 'Zoe',
] as const;
const LAST = [
  'Abe', 'Adeyemi', 'Andersen', 'Bauer', 'Bianchi', 'Brown', 'Chen', 'Costa', 'Dubois', 'Eriksson', 'Fischer', 'García', 'Gupta', 'Hansen', 'Haddad',
  'Ivanova', 'Jensen', 'Kim', 'Kowalski', 'Kumar', 'Lambert', 'Li', 'Liu', 'Martin', 'Mendes', 'Müller', 'Nakamura', 'Nguyen', 'Novak', 'Okafor',
  'Olsen', 'Osei', 'Patel', 'Petrov', 'Rossi', 'Santos', 'Schmidt', 'Silva', 'Singh', 'Smith', 'Suzuki', 'Tanaka', 'Taylor', 'Wang', 'Weber',
  'Wilson', 'Wójcik', 'Yamamoto', 'Zhang', 'Zhou',
] as const;
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙'] as const;
const GIVEN = ['伟', '娜', '敏', '洋', '静', '磊', '强', '丽', '杰', '芳', '明', '悦', '婷', '涛', '鹏', '霞'] as const;

/** The org: three top-level divisions, nine departments, 28 teams (40 units). */
const ORG: { name: string; head: string; departments: { name: string; head: string; teams: { name: string; roles: string[] }[] }[] }[] = [
  {
    name: 'Technology',
    head: 'Chief Technology Officer',
    departments: [
      { name: 'Network Engineering', head: 'VP Network Engineering', teams: [
        { name: 'Core Network', roles: ['Network Engineer', 'Senior Network Engineer', 'Network Architect'] },
        { name: 'Radio Access', roles: ['RF Engineer', 'Radio Planner', 'Field Engineer'] },
        { name: 'Transport & IP', roles: ['IP Engineer', 'Transport Planner', 'Routing Specialist'] },
        { name: 'Network Operations Centre', roles: ['NOC Analyst', 'Incident Manager', 'Shift Lead'] },
      ] },
      { name: 'IT Platforms', head: 'VP IT Platforms', teams: [
        { name: 'Cloud Infrastructure', roles: ['Cloud Engineer', 'Site Reliability Engineer', 'Platform Architect'] },
        { name: 'Enterprise Applications', roles: ['SAP Consultant', 'Application Analyst', 'Integration Developer'] },
        { name: 'Data & Analytics', roles: ['Data Engineer', 'Data Scientist', 'BI Developer'] },
      ] },
      { name: 'Security', head: 'Chief Information Security Officer', teams: [
        { name: 'Security Operations', roles: ['Security Analyst', 'Threat Hunter', 'SOC Engineer'] },
        { name: 'Governance, Risk & Compliance', roles: ['Compliance Analyst', 'Risk Officer', 'Auditor'] },
        { name: 'Identity & Access', roles: ['IAM Engineer', 'Access Analyst', 'Security Architect'] },
      ] },
    ],
  },
  {
    name: 'Commercial',
    head: 'Chief Commercial Officer',
    departments: [
      { name: 'Consumer', head: 'VP Consumer', teams: [
        { name: 'Mobile Products', roles: ['Product Manager', 'Pricing Analyst', 'Product Owner'] },
        { name: 'Broadband & TV', roles: ['Product Manager', 'Content Manager', 'Proposition Analyst'] },
        { name: 'Retail Stores', roles: ['Store Manager', 'Regional Retail Lead', 'Retail Analyst'] },
      ] },
      { name: 'Enterprise & Wholesale', head: 'VP Enterprise', teams: [
        { name: 'Key Accounts', roles: ['Account Director', 'Account Manager', 'Bid Manager'] },
        { name: 'Wholesale', roles: ['Wholesale Manager', 'Interconnect Analyst', 'Carrier Relations Lead'] },
        { name: 'Solution Sales', roles: ['Solution Architect', 'Presales Engineer', 'Sales Engineer'] },
      ] },
      { name: 'Marketing & Customer', head: 'Chief Marketing Officer', teams: [
        { name: 'Brand & Communications', roles: ['Brand Manager', 'Communications Lead', 'Copywriter'] },
        { name: 'Digital Channels', roles: ['UX Designer', 'Web Developer', 'Digital Marketing Manager'] },
        { name: 'Customer Care', roles: ['Care Team Lead', 'Customer Advisor', 'Quality Coach'] },
      ] },
    ],
  },
  {
    name: 'Finance & Operations',
    head: 'Chief Financial Officer',
    departments: [
      { name: 'Finance', head: 'VP Finance', teams: [
        { name: 'Financial Planning & Analysis', roles: ['Financial Analyst', 'FP&A Manager', 'Business Partner'] },
        { name: 'Accounting', roles: ['Accountant', 'Controller', 'Accounts Payable Specialist'] },
        { name: 'Treasury', roles: ['Treasury Analyst', 'Cash Manager', 'Treasury Manager'] },
      ] },
      { name: 'Procurement', head: 'Chief Procurement Officer', teams: [
        { name: 'Technology Sourcing', roles: ['Category Manager', 'Sourcing Specialist', 'Buyer'] },
        { name: 'Supplier Management', roles: ['Supplier Manager', 'Contract Manager', 'Vendor Analyst'] },
        { name: 'Procurement Operations', roles: ['Purchasing Officer', 'Procurement Analyst', 'P2P Specialist'] },
      ] },
      { name: 'Operations & Legal', head: 'Chief Operating Officer', teams: [
        { name: 'Legal', roles: ['Legal Counsel', 'Paralegal', 'Commercial Lawyer'] },
        { name: 'Facilities', roles: ['Facilities Manager', 'Property Analyst', 'Site Coordinator'] },
        { name: 'Human Resources', roles: ['HR Business Partner', 'Recruiter', 'Reward Analyst'] },
      ] },
    ],
  },
];

const ATTITUDE_MIX: [Attitude, number][] = [
  ['unknown', 0.3],
  ['neutral', 0.3],
  ['supporter', 0.15],
  ['champion', 0.05],
  ['sceptic', 0.12],
  ['opponent', 0.08],
];
const KIND_MIX: [InfluenceKind, number][] = [
  ['informal', 0.34],
  ['ally', 0.24],
  ['advisor', 0.16],
  ['reports_to', 0.16],
  ['rival', 0.1],
];
const STRENGTH_MIX: [number, number][] = [
  [1, 0.12],
  [2, 0.3],
  [3, 0.32],
  [4, 0.18],
  [5, 0.08],
];
const TEAM_ROLES: TeamRole[] = ['account_lead', 'solution_engineer', 'solution_engineer', 'executive_sponsor', 'service', 'specialist', 'other'];

function pick<T>(rand: () => number, mix: [T, number][]): T {
  let r = rand();
  for (const [v, p] of mix) {
    if (r < p) return v;
    r -= p;
  }
  return mix[mix.length - 1]![0];
}

/** Generates the account (a few hundred ms for the default size; not part of any timing). */
export function generateAccount(options: GenerateOptions = {}): GeneratedAccount {
  const rand = rng(options.seed ?? 20261124);
  const people = options.people ?? 2000;
  const tieCount = options.ties ?? 10000;
  const teamSize = options.teamSize ?? 15;
  const coverageCount = options.coverage ?? 300;
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  let nextId = 100;
  const usedNames = new Set<string>();
  const personName = (): string => {
    for (;;) {
      const name =
        rand() < 0.06
          ? `${SURNAMES[int(0, SURNAMES.length - 1)]}${GIVEN[int(0, GIVEN.length - 1)]}${rand() < 0.6 ? GIVEN[int(0, GIVEN.length - 1)] : ''}`
          : `${FIRST[int(0, FIRST.length - 1)]} ${LAST[int(0, LAST.length - 1)]}`;
      if (!usedNames.has(name)) {
        usedNames.add(name);
        return name;
      }
    }
  };

  const orgUnits: OrgUnit[] = [];
  const stakeholders: Stakeholder[] = [];
  const level = new Map<number, number>();
  const unitOf = new Map<number, number>();
  const divisionOf = new Map<number, number>();
  const childCount = new Map<number, number>();

  const addPerson = (unit: number, division: number, boss: number | null, depth: number, title: string): number => {
    const id = nextId++;
    const senior = depth <= 3;
    const attitude = pick(rand, ATTITUDE_MIX);
    const roles: BuyingRole[] = [];
    if (depth === 1) roles.push('decider');
    if (depth === 2) roles.push(rand() < 0.5 ? 'decider' : 'approver');
    if (depth === 3 && rand() < 0.5) roles.push('influencer');
    if (depth >= 4 && rand() < 0.35) roles.push('user');
    if (depth >= 4 && rand() < 0.08) roles.push('influencer');
    if (rand() < 0.03) roles.push('initiator');
    const placeholder = depth >= 3 && depth <= 5 && rand() < 0.01;
    stakeholders.push({
      id,
      fields: {
        account_id: ACCOUNT_ID,
        name: placeholder ? `${title} (vacant)` : personName(),
        title,
        org_unit_id: unit,
        reports_to: boss,
        dotted_to: null,
        roles,
        economic_buyer: false,
        coach: !placeholder && attitude === 'champion' && rand() < 0.25,
        attitude: placeholder ? 'unknown' : attitude,
        power: Math.max(1, Math.min(5, 6 - depth + (rand() < 0.2 ? 1 : 0) - (rand() < 0.2 ? 1 : 0))),
        interest: int(1, 5),
        org_needs: senior ? 'A network that scales without a forklift upgrade' : '',
        personal_wins: senior && rand() < 0.3 ? 'Visible cost savings this year' : '',
        last_contact: rand() < 0.2 ? `2026-${String(int(1, 11)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}` : null,
        notes: '',
        placeholder,
      },
    });
    level.set(id, depth);
    unitOf.set(id, unit);
    divisionOf.set(id, division);
    if (boss !== null) childCount.set(boss, (childCount.get(boss) ?? 0) + 1);
    return id;
  };

  /** `budget` more people below `boss` inside one unit, at most `depthLeft` levels deep. */
  const grow = (unit: number, unitName: string, division: number, boss: number, depth: number, budget: number, depthLeft: number, roles: string[]): void => {
    if (budget <= 0) return;
    if (depthLeft <= 1) {
      for (let i = 0; i < budget; i++) addPerson(unit, division, boss, depth, roles[int(0, roles.length - 1)]!);
      return;
    }
    const k = Math.min(budget, int(3, 7));
    const shares = Array.from({ length: k }, () => 0.4 + rand());
    const total = shares.reduce((a, b) => a + b, 0);
    let left = budget - k;
    const sizes = shares.map((s, i) => {
      const n = i === k - 1 ? left : Math.min(left, Math.round(((budget - k) * s) / total));
      left -= n;
      return n;
    });
    sizes.forEach((size) => {
      const title = size === 0 ? roles[int(0, roles.length - 1)]! : depthLeft > 2 ? `Senior Manager, ${unitName}` : `Team Lead, ${unitName}`;
      const id = addPerson(unit, division, boss, depth, title);
      grow(unit, unitName, division, id, depth + 1, size, depthLeft - 1, roles);
    });
  };

  // 40 units; people spread over the 28 teams, with some staff directly in departments
  const teamUnits = ORG.flatMap((d) => d.departments.flatMap((dep) => dep.teams)).length;
  const heads = ORG.length + ORG.reduce((s, d) => s + d.departments.length, 0) + teamUnits;
  let remaining = people - heads;
  const staffPerDepartment = 18;
  const departmentCount = ORG.reduce((s, d) => s + d.departments.length, 0);
  remaining -= staffPerDepartment * departmentCount;
  const perTeam = Math.floor(remaining / teamUnits);
  let extra = remaining - perTeam * teamUnits;
  ORG.forEach((division) => {
    const divUnit = nextId++;
    orgUnits.push({ id: divUnit, fields: { account_id: ACCOUNT_ID, name: division.name, parent_id: null } });
    const chief = addPerson(divUnit, divUnit, null, 1, division.head);
    division.departments.forEach((dep) => {
      const depUnit = nextId++;
      orgUnits.push({ id: depUnit, fields: { account_id: ACCOUNT_ID, name: dep.name, parent_id: divUnit } });
      const vp = addPerson(depUnit, divUnit, chief, 2, dep.head);
      grow(depUnit, dep.name, divUnit, vp, 3, staffPerDepartment, 2, ['Chief of Staff', 'Strategy Manager', 'Executive Assistant', 'Business Analyst']);
      dep.teams.forEach((team) => {
        const teamUnit = nextId++;
        orgUnits.push({ id: teamUnit, fields: { account_id: ACCOUNT_ID, name: team.name, parent_id: depUnit } });
        const director = addPerson(teamUnit, divUnit, vp, 3, `Director, ${team.name}`);
        const size = perTeam + (extra > 0 ? 1 : 0);
        extra--;
        grow(teamUnit, team.name, divUnit, director, 4, size, int(3, 5), team.roles);
      });
    });
  });
  const ids = stakeholders.map((s) => s.id);
  const byId = new Map(stakeholders.map((s) => [s.id, s]));
  // the CFO is the economic buyer; a few dotted lines across units
  byId.get(ids.find((id) => byId.get(id)!.fields.title === 'Chief Financial Officer')!)!.fields.economic_buyer = true;
  byId.get(ids.find((id) => byId.get(id)!.fields.title === 'Chief Procurement Officer')!)!.fields.roles.push('buyer', 'gatekeeper');
  for (let i = 0; i < 40; i++) {
    const s = byId.get(ids[int(0, ids.length - 1)]!)!;
    const to = ids[int(0, ids.length - 1)]!;
    if (to !== s.id && to !== s.fields.reports_to && level.get(to)! < level.get(s.id)!) s.fields.dotted_to = to;
  }

  // influence ties: mostly within a unit, then within a division, a few across; senior people attract more
  const byUnit = new Map<number, number[]>();
  const byDivision = new Map<number, number[]>();
  for (const id of ids) {
    const u = unitOf.get(id)!;
    const d = divisionOf.get(id)!;
    if (!byUnit.has(u)) byUnit.set(u, []);
    byUnit.get(u)!.push(id);
    if (!byDivision.has(d)) byDivision.set(d, []);
    byDivision.get(d)!.push(id);
  }
  const seniorPool = ids.filter((id) => level.get(id)! <= 4);
  const pairs = new Set<string>();
  const influences: Influence[] = [];
  let guard = 0;
  while (influences.length < tieCount && guard++ < tieCount * 20) {
    const from = ids[int(0, ids.length - 1)]!;
    const r = rand();
    let pool: number[];
    if (r < 0.58) pool = byUnit.get(unitOf.get(from)!)!;
    else if (r < 0.83) pool = byDivision.get(divisionOf.get(from)!)!;
    else if (r < 0.93) pool = seniorPool;
    else pool = ids;
    let to = pool[int(0, pool.length - 1)]!;
    // managers and well-connected people are tied to more often
    if (rand() < 0.3) to = byId.get(to)!.fields.reports_to ?? to;
    const key = `${from}>${to}`;
    if (to === from || pairs.has(key)) continue;
    pairs.add(key);
    const kind = byId.get(from)!.fields.reports_to === to ? 'reports_to' : pick(rand, KIND_MIX);
    influences.push({
      id: nextId++,
      fields: { account_id: ACCOUNT_ID, from_id: from, to_id: to, strength: pick(rand, STRENGTH_MIX), kind, note: rand() < 0.05 ? 'Weekly steering meeting' : '' },
    });
  }

  // our team and whom they cover (senior people more often)
  const team: TeamMember[] = Array.from({ length: teamSize }, (_, i) => ({
    id: 50 + i,
    fields: { name: `${FIRST[(i * 7 + 3) % FIRST.length]} ${LAST[(i * 11 + 5) % LAST.length]}`, role: TEAM_ROLES[i % TEAM_ROLES.length]! },
  }));
  const coverage: Coverage[] = [];
  const covered = new Set<string>();
  guard = 0;
  while (coverage.length < coverageCount && guard++ < coverageCount * 50) {
    const m = team[coverage.length % teamSize]!;
    const s = rand() < 0.6 ? seniorPool[int(0, seniorPool.length - 1)]! : ids[int(0, ids.length - 1)]!;
    const key = `${m.id}>${s}`;
    if (covered.has(key)) continue;
    covered.add(key);
    coverage.push({
      id: nextId++,
      fields: { team_member_id: m.id, stakeholder_id: s, strength: pick(rand, STRENGTH_MIX), last_contact: rand() < 0.5 ? '2026-10-01' : null, note: '' },
    });
  }

  const detail: AccountDetail = {
    account: {
      id: ACCOUNT_ID,
      fields: {
        name: 'Globex Telecom Group', industry: 'Telecommunications', region: 'EMEA', tier: 'strategic',
        annual_revenue: 18_500_000, annual_margin: 4_100_000, factor_scores: [],
        clv: { retention: 0.9, discount_rate: 0.08, horizon_years: 10, acquisition_cost: 400_000 }, notes: '',
      },
    },
    org_units: orgUnits,
    stakeholders,
    influences,
    coverage,
    interactions: [],
    stage_changes: [],
  };
  return { detail, team, analysis: analyse(detail, team) };
}

/** A plausible analysis: weighted PageRank on "listens to" ties, blended influence, coverage,
 * factions by division and department, a few risks. Not the engine's algorithm; the map only
 * needs numbers of the right shape and spread. */
function analyse(detail: AccountDetail, team: TeamMember[]): AccountAnalysis {
  const people = detail.stakeholders;
  const n = people.length;
  const index = new Map(people.map((s, i) => [s.id, i]));
  // PageRank: `from` influences `to`, so `to` listens to `from`: rank flows to → from
  const out = new Float64Array(n);
  const ties = detail.influences.map((t) => [index.get(t.fields.to_id)!, index.get(t.fields.from_id)!, t.fields.strength / 5] as const);
  for (const [a, , w] of ties) out[a] = out[a]! + w;
  let pr = new Float64Array(n).fill(1 / n);
  for (let it = 0; it < 60; it++) {
    const next = new Float64Array(n);
    let dangling = 0;
    for (let i = 0; i < n; i++) if (out[i] === 0) dangling += pr[i]!;
    for (const [a, b, w] of ties) next[b] = next[b]! + (0.85 * pr[a]! * w) / out[a]!;
    for (let i = 0; i < n; i++) next[i] = next[i]! + (0.15 + 0.85 * dangling) / n;
    pr = next;
  }
  const maxPr = Math.max(...pr);
  const memberName = new Map(team.map((m) => [m.id, m.fields.name]));
  const best = new Map<number, { w: number; by: number }>();
  for (const c of detail.coverage) {
    const w = c.fields.strength / 5;
    const known = best.get(c.fields.stakeholder_id);
    if (!known || w > known.w) best.set(c.fields.stakeholder_id, { w, by: c.fields.team_member_id });
  }
  const ref = (s: Stakeholder): PersonRef => ({ id: s.id, name: s.fields.name, team: false });
  // factions: the departments (second-level units) and their teams
  const unitParent = new Map(detail.org_units.map((u) => [u.id, u.fields.parent_id]));
  const department = (unit: number | null): number | null => {
    let u = unit;
    while (u !== null && unitParent.get(u) !== null && unitParent.get(unitParent.get(u)!) !== null) u = unitParent.get(u) ?? null;
    return u;
  };
  const factionKeys = [...new Set(people.map((s) => department(s.fields.org_unit_id)))];
  const factionOf = new Map(factionKeys.map((k, i) => [k, i]));
  const scores: StakeholderScore[] = people.map((s, i) => {
    const f = s.fields;
    const prn = pr[i]! / maxPr;
    const cov = best.get(s.id);
    return {
      id: s.id,
      name: f.name,
      title: f.title,
      network_influence: pr[i]!,
      brokerage: Math.min(1, prn * 0.6),
      blended_influence: 0.5 * (f.power / 5) + 0.5 * prn,
      coverage: cov?.w ?? 0,
      covered_by: cov ? { id: cov.by, name: memberName.get(cov.by) ?? '', team: true } : null,
      attitude: f.attitude,
      power: f.power,
      roles: f.roles,
      economic_buyer: f.economic_buyer,
      coach: f.coach,
      placeholder: f.placeholder,
      hidden_influencer: f.power <= 2 && prn > 0.5,
      faction: factionOf.get(department(f.org_unit_id)) ?? null,
      last_touch: f.last_contact,
    };
  });
  const ranked = [...scores].sort((a, b) => b.blended_influence! - a.blended_influence! || a.id - b.id);
  const byId = new Map(people.map((s) => [s.id, s]));
  const factions: Faction[] = factionKeys.map((_, fi) => {
    const members = ranked.filter((x) => x.faction === fi);
    return {
      members: members.map((x) => ref(byId.get(x.id)!)),
      mean_attitude: 0,
      total_influence: members.reduce((sum, x) => sum + x.blended_influence!, 0),
    };
  });
  const risks: Risk[] = [];
  for (const x of ranked.slice(0, 60)) {
    if (x.attitude === 'opponent') risks.push({ kind: 'influential_opponent', people: [ref(byId.get(x.id)!)], reason: 'influential opponent', value: x.blended_influence });
    else if ((x.coverage ?? 0) === 0 && x.roles.includes('decider')) risks.push({ kind: 'uncovered_decider', people: [ref(byId.get(x.id)!)], reason: 'uncovered decider', value: 0 });
  }
  const eb = people.find((s) => s.fields.economic_buyer)!;
  const totalI = scores.reduce((s, x) => s + x.blended_influence!, 0);
  return {
    account_id: detail.account.id,
    account: detail.account.fields.name,
    today: '2026-11-24',
    account_coverage: scores.reduce((s, x) => s + x.blended_influence! * x.coverage!, 0) / totalI,
    support_balance: 0.05,
    stakeholders: ranked,
    role_coverage: [],
    risks,
    factions,
    key_person: null,
    economic_buyer: ref(eb),
  };
}

/** Depth of the deepest reporting chain, roots, and counts (a self-check printed by the bench). */
export function describe(g: GeneratedAccount): { people: number; units: number; ties: number; team: number; coverage: number; roots: number; depth: number } {
  const boss = new Map(g.detail.stakeholders.map((s) => [s.id, s.fields.reports_to]));
  let depth = 0;
  for (const s of g.detail.stakeholders) {
    let d = 1;
    let b = s.fields.reports_to;
    while (b !== null && b !== undefined) {
      d++;
      b = boss.get(b) ?? null;
    }
    depth = Math.max(depth, d);
  }
  return {
    people: g.detail.stakeholders.length,
    units: g.detail.org_units.length,
    ties: g.detail.influences.length,
    team: g.team.length,
    coverage: g.detail.coverage.length,
    roots: g.detail.stakeholders.filter((s) => s.fields.reports_to === null).length,
    depth,
  };
}
