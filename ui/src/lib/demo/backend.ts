// An in-memory stand-in for the Rust backend, answering the same IPC commands, so the UI can
// be developed in a plain browser and exercised in component tests. Never used inside Tauri.
// Its analyses (accountAnalysis.ts, portfolioAnalysis.ts) are a simplified TypeScript version,
// not the real engine.
import { mockIPC } from '@tauri-apps/api/mocks';
import { emit } from '@tauri-apps/api/event';
import type {
  AccountAsOf, AccountComparison, AccountDetail, AccountSummary, AccountTrail, ActionLabel, AppError, BackupInfo,
  EntityKind, Factor, FieldError, HistorySpan, HistoryState, Movement, OpenFailure, PortfolioRegression,
  PortfolioStages, PortfolioTimeline, Preferences, Regression, Removal, Stage, StageAnalytics, StageChange,
  StageCount, StageSpan, TeamMember,
} from '../bindings';
import { analyzeAccount, introductionPaths, whatIf } from './accountAnalysis';
import { days, todayIso } from './network';
import { analyzePortfolio, CLV_DEFAULTS } from './portfolioAnalysis';

type Row = { id: number; fields: Record<string, unknown> };
type Snapshot = Record<string, Row[]>;

const TABLES: Record<string, EntityKind> = {
  account: 'account',
  org_unit: 'org_unit',
  stakeholder: 'stakeholder',
  influence: 'influence',
  team_member: 'team_member',
  coverage: 'coverage',
  interaction: 'interaction',
  stage_change: 'stage_change',
  // the portfolio factors (workspace settings): fields { axis, name, weight }
  factor: 'factor',
  // saved map positions: fields { account_id, layout, node: 's12' | 't3', x, y } (no generic commands)
  map_position: 'map',
};

class DemoStore {
  tables: Snapshot = Object.fromEntries(Object.keys(TABLES).map((k) => [k, []]));
  /** The portfolio factors: a table like the others, so undo, redo and backups include them. */
  get factors(): Row[] {
    return this.tables.factor!;
  }
  set factors(rows: Row[]) {
    this.tables.factor = rows;
  }
  nextId = 1;
  undoStack: { before: Snapshot; after: Snapshot | null; label: ActionLabel }[] = [];
  redoStack: { before: Snapshot; after: Snapshot | null; label: ActionLabel }[] = [];
  open = true;
  preferences: Preferences = { language: null, theme: 'system' };
  /** A read-only session: every write is refused with `read_only`. */
  readOnly = false;
  /** The disk is full: every write is refused with `disk_full` (after validation, as SQLite would). */
  diskFull = false;
  /** Why the start-up workspace could not be opened (returned once). */
  startupError: AppError | null = null;
  /** The last refused open with choices (`open_failure`). */
  openFailure: OpenFailure | null = null;
  /** The next Open… or recent file is refused with this error (tests of the recovery dialogs). */
  refuseOpen: AppError | null = null;
  /** The open workspace's backups, newest first, each with the content it restores. */
  backups: { info: BackupInfo; tables: Snapshot }[] = [];
  /** Images "saved" through export_file (tests read them back). */
  exports: { format: string; name: string; data: string }[] = [];

  snapshot(): Snapshot {
    return structuredClone(this.tables);
  }

  insert(table: string, fields: Record<string, unknown>): number {
    const id = this.nextId++;
    this.tables[table]!.push({ id, fields: structuredClone(fields) });
    return id;
  }

  get(table: string, id: number): Row | undefined {
    return this.tables[table]!.find((r) => r.id === id);
  }

  history(): HistoryState {
    return {
      can_undo: this.undoStack.length > 0,
      can_redo: this.redoStack.length > 0,
      undo_label: this.undoStack.at(-1)?.label ?? null,
      redo_label: this.redoStack.at(-1)?.label ?? null,
    };
  }
}

function fail(kind: AppError['kind'], message: string, fields: FieldError[] = []): never {
  throw { kind, message, fields } satisfies AppError;
}

function validate(table: string, f: Record<string, unknown>, store: DemoStore, id: number | null): void {
  const errors: FieldError[] = [];
  const err = (field: string, code: FieldError['code'], min: number | null = null, max: number | null = null) =>
    errors.push({ field, code, min, max, message: `${field}: ${code}` });
  if ('name' in f && String(f.name).trim() === '' && table !== 'coverage') err('name', 'required');
  if (typeof f.name === 'string' && f.name.length > 200) err('name', 'too_long', null, 200);
  for (const k of ['power', 'interest', 'strength']) {
    if (k in f && (typeof f[k] !== 'number' || (f[k] as number) < 1 || (f[k] as number) > 5)) err(k, 'out_of_range', 1, 5);
  }
  for (const k of ['annual_revenue', 'annual_margin']) {
    if (k in f && (f[k] as number) < 0) err(k, 'out_of_range', 0, null);
  }
  if (table === 'account') {
    const clv = (f.clv ?? CLV_DEFAULTS) as Record<string, unknown>;
    const between = (k: string, min: number, max: number) => {
      const v = clv[k];
      if (typeof v !== 'number' || !Number.isFinite(v)) err(`clv.${k}`, 'not_a_number');
      else if (v < min || v > max) err(`clv.${k}`, 'out_of_range', min, max);
    };
    between('retention', 0, 1);
    between('discount_rate', 0, 1);
    between('horizon_years', 1, 50);
    between('acquisition_cost', 0, 1e15);
  }
  for (const k of ['date', 'last_contact']) {
    if (k in f && f[k] !== null && !/^\d{4}-\d{2}-\d{2}$/.test(String(f[k]))) err(k, 'invalid_date');
  }
  if (table === 'influence' && f.from_id === f.to_id) err('to_id', 'self_reference');
  if (table === 'stakeholder' && id !== null && (f.reports_to === id || f.dotted_to === id)) {
    err(f.reports_to === id ? 'reports_to' : 'dotted_to', 'self_reference');
  }
  if (table === 'org_unit' && id !== null && f.parent_id === id) err('parent_id', 'self_reference');
  if (table === 'factor') {
    if (f.axis !== 'attractiveness' && f.axis !== 'relationship') err('axis', 'unknown_reference');
    const w = f.weight;
    if (typeof w !== 'number' || !Number.isFinite(w) || w <= 0 || w > 100) err('weight', 'out_of_range', 0, 100);
    // a factor's name is unique on its axis, ignoring case and surrounding spaces
    const name = String(f.name).trim().toLowerCase();
    const taken = store.factors.some(
      (r) => r.id !== id && r.fields.axis === f.axis && String(r.fields.name).trim().toLowerCase() === name,
    );
    if (name !== '' && taken && !errors.some((e) => e.field === 'name')) err('name', 'duplicate');
  }
  if (errors.length) fail('validation', 'invalid input', errors);
}

/** The fields as the backend stores them (a factor's name is trimmed). */
function stored(table: string, f: Record<string, unknown>): Record<string, unknown> {
  return table === 'factor' && typeof f.name === 'string' ? { ...f, name: f.name.trim() } : f;
}

function labelName(table: string, f: Record<string, unknown>, store: DemoStore): string {
  if (typeof f.name === 'string') return f.name;
  if (table === 'influence' || table === 'coverage') {
    const a = table === 'influence' ? store.get('stakeholder', f.from_id as number) : store.get('team_member', f.team_member_id as number);
    const b = store.get('stakeholder', (table === 'influence' ? f.to_id : f.stakeholder_id) as number);
    return `${String(a?.fields.name ?? '?')} → ${String(b?.fields.name ?? '?')}`;
  }
  return String(f.date ?? '');
}

function cascadeDelete(store: DemoStore, table: string, id: number): void {
  const t = store.tables;
  const drop = (name: string, pred: (r: Row) => boolean) => {
    t[name] = t[name]!.filter((r) => !pred(r));
  };
  drop(table, (r) => r.id === id);
  if (table === 'account') {
    const people = new Set(t.stakeholder!.filter((s) => s.fields.account_id === id).map((s) => s.id));
    for (const name of ['org_unit', 'stakeholder', 'influence', 'interaction', 'stage_change']) drop(name, (r) => r.fields.account_id === id);
    drop('coverage', (r) => people.has(r.fields.stakeholder_id as number));
  }
  if (table === 'stakeholder') {
    drop('influence', (r) => r.fields.from_id === id || r.fields.to_id === id);
    drop('coverage', (r) => r.fields.stakeholder_id === id);
    for (const s of t.stakeholder!) {
      if (s.fields.reports_to === id) s.fields.reports_to = null;
      if (s.fields.dotted_to === id) s.fields.dotted_to = null;
    }
  }
  if (table === 'team_member') drop('coverage', (r) => r.fields.team_member_id === id);
  if (table === 'factor') {
    for (const a of t.account!) {
      const scores = a.fields.factor_scores as { factor_id: number }[] | undefined;
      if (scores) a.fields.factor_scores = scores.filter((s) => s.factor_id !== id);
    }
  }
  if (table === 'stakeholder') drop('map_position', (r) => r.fields.node === `s${id}`);
  if (table === 'team_member') drop('map_position', (r) => r.fields.node === `t${id}`);
  if (table === 'account') drop('map_position', (r) => r.fields.account_id === id);
  if (table === 'org_unit') {
    for (const u of t.org_unit!) if (u.fields.parent_id === id) u.fields.parent_id = null;
    for (const s of t.stakeholder!) if (s.fields.org_unit_id === id) s.fields.org_unit_id = null;
  }
}

function currentStage(changes: StageChange[]): AccountSummary['stage'] {
  return [...changes].sort((a, b) => a.fields.date.localeCompare(b.fields.date) || a.id - b.id).at(-1)?.fields.stage ?? null;
}

/** An account's detail as `get_account` returns it (an account saved without CLV inputs gets
 * the defaults, like the real backend's serde default). */
function detailOf(store: DemoStore, id: number): AccountDetail {
  const account = store.get('account', id);
  if (!account) fail('not_found', `account ${id} not found`);
  const of = (name: string) => structuredClone(store.tables[name]!.filter((r) => r.fields.account_id === id));
  const people = new Set(of('stakeholder').map((s) => s.id));
  const copy = structuredClone(account);
  copy.fields.clv ??= { ...CLV_DEFAULTS };
  return {
    account: copy,
    org_units: of('org_unit'),
    stakeholders: of('stakeholder'),
    influences: of('influence'),
    coverage: structuredClone(store.tables.coverage!.filter((c) => people.has(c.fields.stakeholder_id as number))),
    interactions: of('interaction'),
    stage_changes: of('stage_change'),
  } as unknown as AccountDetail;
}

// ---- The workspace over time --------------------------------------------------------------
// LIMITATION: the demo store keeps no dated history (its undo stack has no times), so every
// "as of" answer is today's state: account_as_of and analyze_portfolio_as_of analyse the
// current records at the date asked about, compare_account compares the same records at two
// dates (only the stage and the date-dependent figures can differ), portfolio_trails has no
// past positions (empty points) and history_span has no earliest date. The stage timeline
// and stage figures need only the dated stage changes, so portfolio_timeline and
// portfolio_stages are computed properly, as rapport-core does.

const STAGE_ORDER: readonly Stage[] = ['exploratory', 'basic', 'cooperative', 'interdependent', 'integrated', 'disintegrating'];

function isRegression(from: Stage, to: Stage): boolean {
  if (to === 'disintegrating') return from !== 'disintegrating';
  if (from === 'disintegrating') return false;
  return STAGE_ORDER.indexOf(to) < STAGE_ORDER.indexOf(from);
}

function movement(from: Stage | null, to: Stage | null): Movement {
  if (to === null) return 'no_stage';
  if (from === null) return 'started';
  if (from === to) return 'same';
  return isRegression(from, to) ? 'back' : 'forward';
}

const byDate = (a: StageChange, b: StageChange) =>
  a.fields.date < b.fields.date ? -1 : a.fields.date > b.fields.date ? 1 : a.id - b.id;

function stageAt(changes: StageChange[], date: string): Stage | null {
  return changes.filter((c) => c.fields.date <= date).sort(byDate).at(-1)?.fields.stage ?? null;
}

/** Time in each stage, the current stage's age and the regressions, as of `today` (stages.rs). */
function stageAnalytics(changes: StageChange[], today: string): StageAnalytics {
  const ordered = changes.filter((c) => c.fields.date <= today).sort(byDate);
  const spans: StageSpan[] = [];
  const regressions: Regression[] = [];
  ordered.forEach((c, i) => {
    const next = ordered[i + 1];
    spans.push({ stage: c.fields.stage, from: c.fields.date, to: next?.fields.date ?? null, days: days(c.fields.date, next?.fields.date ?? today) });
    const prev = ordered[i - 1];
    if (prev && isRegression(prev.fields.stage, c.fields.stage)) {
      regressions.push({ change_id: c.id, date: c.fields.date, from: prev.fields.stage, to: c.fields.stage, evidence: c.fields.evidence });
    }
  });
  const last = spans.at(-1);
  return {
    current: last?.stage ?? null,
    since: last?.from ?? null,
    current_age_days: last?.days ?? null,
    spans,
    time_in_stage: STAGE_ORDER.map((stage) => ({ stage, days: spans.filter((s) => s.stage === stage).reduce((n, s) => n + s.days, 0) })),
    regressions,
  };
}

/** A `YYYY-MM-DD` date no later than today, else the backend's validation error. */
function pastDate(what: string, value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value ?? null);
  const valid = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))
    && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
  if (!valid) fail('validation', `the ${what} ${JSON.stringify(text.slice(0, 40))} is not a date (YYYY-MM-DD)`);
  const today = todayIso();
  if (value > today) fail('validation', `the ${what} ${value} is after today (${today})`);
  return value;
}

function dateRange(from: unknown, to: unknown): [string, string] {
  const start = pastDate('start date', from);
  const end = pastDate('end date', to);
  if (start > end) fail('validation', `the start date ${start} is after the end date ${end}`);
  return [start, end];
}

function accountThen(store: DemoStore, id: unknown, date: string): AccountDetail {
  const account = store.get('account', id as number);
  if (!account) fail('not_found', `no account with id ${String(id)} as of ${date}`);
  return detailOf(store, account.id);
}

function portfolioTimeline(details: AccountDetail[], from: string, to: string, today: string): PortfolioTimeline {
  const lanes = details.map((d) => {
    const atFrom = stageAt(d.stage_changes, from);
    const atTo = stageAt(d.stage_changes, to);
    return {
      account_id: d.account.id,
      name: d.account.fields.name,
      tier: d.account.fields.tier,
      annual_revenue: d.account.fields.annual_revenue,
      stage_changes: [...d.stage_changes].sort(byDate),
      stage_at_from: atFrom,
      stage_at_to: atTo,
      movement: movement(atFrom, atTo),
      regressions: stageAnalytics(d.stage_changes, today).regressions,
    };
  });
  return { from, to, today, lanes };
}

function portfolioStages(details: AccountDetail[], date: string): PortfolioStages {
  const distribution: StageCount[] = [...STAGE_ORDER, null].map((stage) => {
    const ids = details.filter((d) => stageAt(d.stage_changes, date) === stage).map((d) => d.account.id);
    return { stage, count: ids.length, accounts: ids };
  });
  const analytics = details.map((d) => ({ d, a: stageAnalytics(d.stage_changes, date) }));
  const average_days = STAGE_ORDER.map((stage) => {
    const spent = analytics.map(({ a }) => a.time_in_stage.find((t) => t.stage === stage)?.days ?? 0).filter((n) => n > 0);
    return { stage, mean_days: spent.length ? spent.reduce((n, x) => n + x, 0) / spent.length : null, accounts: spent.length };
  });
  const regressions: PortfolioRegression[] = analytics
    .flatMap(({ d, a }) => a.regressions.map((regression) => ({ account_id: d.account.id, name: d.account.fields.name, regression })))
    .sort((x, y) => (x.regression.date < y.regression.date ? 1 : x.regression.date > y.regression.date ? -1 : y.regression.change_id - x.regression.change_id));
  return { date, distribution, average_days, regressions };
}

function seed(store: DemoStore): void {
  store.factors = [
    { id: 9001, fields: { axis: 'attractiveness', name: 'Growth potential', weight: 2 } },
    { id: 9002, fields: { axis: 'attractiveness', name: 'Margin potential', weight: 1 } },
    { id: 9003, fields: { axis: 'relationship', name: 'Share of wallet', weight: 1 } },
  ];
  const acc = store.insert('account', {
    name: 'Northwind Telecom', industry: 'Telecommunications', region: 'East China', tier: 'strategic',
    annual_revenue: 4200000, annual_margin: 1150000, factor_scores: [{ factor_id: 9001, score: 4 }], notes: 'Network modernisation programme 2025–2027.',
    clv: { retention: 0.9, discount_rate: 0.08, horizon_years: 10, acquisition_cost: 250000 },
  });
  // Contoso has no CLV inputs (saved before they existed): the defaults apply
  store.insert('account', {
    name: 'Contoso Logistics', industry: 'Logistics', region: 'UK', tier: 'key', annual_revenue: 980000, annual_margin: 210000,
    factor_scores: [{ factor_id: 9001, score: 2 }, { factor_id: 9002, score: 2 }, { factor_id: 9003, score: 5 }], notes: '',
  });
  store.insert('account', {
    name: 'Tailspin Airlines', industry: 'Aviation', region: 'Singapore', tier: 'development', annual_revenue: 350000, annual_margin: 60000,
    factor_scores: [{ factor_id: 9001, score: 5 }, { factor_id: 9002, score: 4 }, { factor_id: 9003, score: 2 }], notes: '',
    clv: { retention: 0.7, discount_rate: 0.1, horizon_years: 5, acquisition_cost: 40000 },
  });
  const tech = store.insert('org_unit', { account_id: acc, name: 'Technology', parent_id: null });
  const net = store.insert('org_unit', { account_id: acc, name: 'Network Engineering', parent_id: tech });
  const fin = store.insert('org_unit', { account_id: acc, name: 'Finance & Procurement', parent_id: null });
  const base = { account_id: acc, dotted_to: null, economic_buyer: false, coach: false, org_needs: '', personal_wins: '', last_contact: null, notes: '', placeholder: false };
  const cto = store.insert('stakeholder', { ...base, name: 'CTO (new)', title: 'Chief Technology Officer', org_unit_id: tech, reports_to: null, roles: ['decider'], attitude: 'unknown', power: 5, interest: 3, placeholder: true });
  const li = store.insert('stakeholder', { ...base, name: 'Li Wei', title: 'Chief Architect', org_unit_id: tech, reports_to: cto, roles: ['influencer', 'user'], attitude: 'champion', power: 3, interest: 5, coach: true, last_contact: '2025-01-14', org_needs: 'A migration path without outages', personal_wins: 'Recognition for the new architecture' });
  const zhang = store.insert('stakeholder', { ...base, name: '张敏', title: '网络工程总监', org_unit_id: net, reports_to: li, roles: ['user'], attitude: 'supporter', power: 3, interest: 4 });
  const cfo = store.insert('stakeholder', { ...base, name: 'Margaret Osei', title: 'CFO', org_unit_id: fin, reports_to: null, roles: ['approver', 'decider'], economic_buyer: true, attitude: 'sceptic', power: 5, interest: 2 });
  const proc = store.insert('stakeholder', { ...base, name: '<img src=x onerror=alert(1)>', title: 'Procurement lead', org_unit_id: fin, reports_to: cfo, roles: ['buyer', 'gatekeeper'], attitude: 'opponent', power: 2, interest: 3 });
  store.insert('influence', { account_id: acc, from_id: li, to_id: cto, strength: 4, kind: 'advisor', note: 'Trusted on architecture' });
  store.insert('influence', { account_id: acc, from_id: proc, to_id: cfo, strength: 3, kind: 'reports_to', note: '' });
  store.insert('influence', { account_id: acc, from_id: zhang, to_id: li, strength: 2, kind: 'ally', note: '' });
  const mei = store.insert('team_member', { name: 'Mei Chen', role: 'account_lead' });
  const raj = store.insert('team_member', { name: 'Raj Patel', role: 'solution_engineer' });
  store.insert('coverage', { team_member_id: mei, stakeholder_id: li, strength: 4, last_contact: '2025-01-14', note: '' });
  store.insert('coverage', { team_member_id: raj, stakeholder_id: zhang, strength: 3, last_contact: null, note: 'Weekly tech sync' });
  store.insert('stage_change', { account_id: acc, date: '2023-02-01', stage: 'exploratory', evidence: 'First workshop' });
  store.insert('stage_change', { account_id: acc, date: '2024-05-20', stage: 'cooperative', evidence: 'Preferred supplier for core network' });
  store.insert('interaction', { account_id: acc, date: '2025-01-14', kind: 'workshop', stakeholder_ids: [li, zhang], team_member_ids: [mei, raj], summary: 'Architecture roadmap workshop', sentiment: 'positive' });
}

/** A backup's listing as `list_backups` gives it, taken at `at` (local time). */
export function demoBackup(at: Date, size: number, name = 'Demo-5f3a9c21'): BackupInfo {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
  return {
    path: `/home/demo/.local/share/rapport/backups/${name}.${date.replaceAll('-', '')}-${time.replaceAll(':', '')}.rapport`,
    taken_at: `${date}T${time}`,
    size_bytes: size,
  };
}

/** Installs the demo backend behind Tauri's IPC mock; returns the store (for tests). */
export function installDemoBackend(options: { seed?: boolean } = {}): DemoStore {
  const store = new DemoStore();
  if (options.seed !== false) seed(store);
  // Two backups of the workspace as seeded: this morning's and yesterday evening's.
  const today = new Date();
  today.setHours(9, 30, 0, 0);
  const yesterday = new Date(today.getTime() - 15.5 * 3600 * 1000);
  store.backups = [
    { info: demoBackup(today, 48_213), tables: store.snapshot() },
    { info: demoBackup(yesterday, 1_312_000), tables: store.snapshot() },
  ];

  const changed = (reason: string) => {
    // the IPC mock may be gone by then (a finished test): nobody is listening any more
    setTimeout(() => emit('workspace-changed', { reason }).catch(() => undefined), 0);
  };

  const record = (label: ActionLabel, mutate: () => unknown): unknown => {
    notFull();
    const before = store.snapshot();
    const result = mutate();
    store.undoStack.push({ before, after: store.snapshot(), label });
    store.redoStack = [];
    changed('edit');
    return result;
  };

  const team = () => store.tables.team_member as unknown as TeamMember[];

  const writable = () => {
    if (store.readOnly) fail('read_only', '/home/demo/Demo.rapport is read-only; save a copy to edit it');
  };
  const notFull = () => {
    if (store.diskFull) fail('disk_full', 'database or disk is full');
  };

  const handle = (cmd: string, args: Record<string, unknown>): unknown => {
    const info = store.open
      ? { path: '/home/demo/Demo.rapport', file_name: 'Demo.rapport', schema_version: 2, read_only: store.readOnly }
      : null;
    switch (cmd) {
      case 'workspace_info':
        return info;
      case 'take_startup_error': {
        const error = store.startupError;
        store.startupError = null;
        return error;
      }
      case 'list_backups':
        if (!info) fail('no_workspace', 'no workspace is open');
        return store.backups.map((b) => b.info);
      case 'restore_backup': {
        const backup = store.backups.find((b) => b.info.path === args.path);
        if (!backup) fail('not_allowed', 'only a backup listed for this workspace can be restored');
        writable();
        store.backups.unshift({ info: demoBackup(new Date(), 52_000), tables: store.snapshot() });
        store.tables = structuredClone(backup.tables);
        store.undoStack = [];
        store.redoStack = [];
        changed('restored');
        return info;
      }
      case 'open_failure':
        return store.openFailure;
      case 'open_read_only': {
        if (!store.openFailure?.can_open_read_only) fail('not_allowed', 'there is no refused file with that choice');
        store.openFailure = null;
        store.open = true;
        store.readOnly = true;
        changed('opened');
        return { ...info, read_only: true };
      }
      case 'restore_failed_file': {
        const failure = store.openFailure;
        if (!failure?.can_recover || !failure.backups.some((b) => b.path === args.path)) {
          fail('not_allowed', 'only a backup listed for the refused file can be restored');
        }
        store.openFailure = null;
        store.open = true;
        store.readOnly = false;
        changed('opened');
        return {
          workspace: { path: failure.path, file_name: failure.file_name, schema_version: 2, read_only: false },
          damaged_copy: failure.path.replace(/\.rapport$/, '.damaged-20261124-083000.rapport'),
        };
      }
      case 'copy_failed_file':
        if (!store.openFailure?.can_recover) fail('not_allowed', 'there is no refused file with that choice');
        return '/home/demo/Rescue copy.rapport';
      case 'new_workspace':
        return info;
      case 'open_workspace':
      case 'open_recent': {
        const refusal = store.refuseOpen;
        store.refuseOpen = null;
        if (refusal) throw refusal;
        return info;
      }
      case 'save_copy':
        return '/home/demo/Demo copy.rapport';
      case 'list_recent_files':
        return [{ path: '/home/demo/Demo.rapport', file_name: 'Demo.rapport' }];
      case 'get_preferences':
        return store.preferences;
      case 'set_preferences':
        store.preferences = args.preferences as Preferences;
        return null;
      case 'list_team_members':
        return structuredClone(store.tables.team_member);
      case 'list_factors':
        return structuredClone(store.factors);
      case 'history_state':
        return store.history();
      case 'undo': {
        writable();
        const step = store.undoStack.pop();
        if (step) {
          store.redoStack.push({ ...step, after: store.snapshot() });
          store.tables = structuredClone(step.before);
          changed('undo');
        }
        return store.history();
      }
      case 'redo': {
        writable();
        const step = store.redoStack.pop();
        if (step?.after) {
          store.undoStack.push({ ...step, before: store.snapshot() });
          store.tables = structuredClone(step.after);
          changed('redo');
        }
        return store.history();
      }
      case 'list_accounts':
        return store.tables.account!.map((a): AccountSummary => {
          const f = a.fields as unknown as AccountDetail['account']['fields'];
          return {
            id: a.id, name: f.name, tier: f.tier, industry: f.industry, region: f.region,
            annual_revenue: f.annual_revenue, annual_margin: f.annual_margin,
            stakeholder_count: store.tables.stakeholder!.filter((s) => s.fields.account_id === a.id).length,
            stage: currentStage(store.tables.stage_change!.filter((c) => c.fields.account_id === a.id) as unknown as StageChange[]),
          };
        });
      case 'get_account':
        return detailOf(store, args.id as number);
      case 'analyze_account':
        return analyzeAccount(detailOf(store, args.accountId as number), team());
      case 'introduction_paths': {
        const k = args.k as number;
        if (!Number.isInteger(k) || k < 1 || k > 20) fail('validation', `the number of paths must be between 1 and 20, not ${k}`);
        const paths = introductionPaths(detailOf(store, args.accountId as number), team(), args.targetId as number, k);
        if (!paths) fail('missing_row', `no stakeholder with id ${String(args.targetId)} in this account`);
        return paths;
      }
      case 'what_if': {
        const result = whatIf(detailOf(store, args.accountId as number), team(), args.removal as Removal);
        if (!result) fail('missing_row', 'nobody to remove with that id in this account');
        return result;
      }
      case 'map_positions':
        return store.tables
          .map_position!.filter((r) => r.fields.account_id === args.accountId && r.fields.layout === args.layout)
          .map((r) => {
            const node = String(r.fields.node);
            return { node: { kind: node.startsWith('s') ? 'stakeholder' : 'team_member', id: Number(node.slice(1)) }, x: r.fields.x, y: r.fields.y };
          });
      case 'save_map_positions': {
        writable();
        const account = store.get('account', args.accountId as number);
        if (!account) fail('missing_row', `account ${String(args.accountId)} does not exist`);
        const positions = args.positions as { node: { kind: string; id: number }; x: number; y: number }[];
        return record({ verb: 'update', entity: 'map', name: String(account.fields.name) }, () => {
          for (const p of positions) {
            const node = `${p.node.kind === 'stakeholder' ? 's' : 't'}${p.node.id}`;
            const row = store.tables.map_position!.find(
              (r) => r.fields.account_id === args.accountId && r.fields.layout === args.layout && r.fields.node === node,
            );
            if (row) Object.assign(row.fields, { x: p.x, y: p.y });
            else store.insert('map_position', { account_id: args.accountId, layout: args.layout, node, x: p.x, y: p.y });
          }
          return null;
        });
      }
      case 'reset_map_positions': {
        writable();
        const account = store.get('account', args.accountId as number);
        if (!account) fail('missing_row', `account ${String(args.accountId)} does not exist`);
        return record({ verb: 'update', entity: 'map', name: String(account.fields.name) }, () => {
          store.tables.map_position = store.tables.map_position!.filter(
            (r) => !(r.fields.account_id === args.accountId && r.fields.layout === args.layout),
          );
          return null;
        });
      }
      case 'delete_elements': {
        writable();
        const sel = args.selection as { stakeholders: number[]; influences: number[]; coverage: number[] };
        const names = sel.stakeholders.map((id) => String(store.get('stakeholder', id)?.fields.name ?? '?'));
        const count = sel.stakeholders.length + sel.influences.length + sel.coverage.length;
        if (count === 0) fail('validation', 'nothing selected');
        return record({ verb: 'delete', entity: 'selection', name: names.slice(0, 3).join(', ') || `${count}` }, () => {
          for (const id of sel.influences) cascadeDelete(store, 'influence', id);
          for (const id of sel.coverage) cascadeDelete(store, 'coverage', id);
          for (const id of sel.stakeholders) cascadeDelete(store, 'stakeholder', id);
          return null;
        });
      }
      case 'export_file':
        store.exports.push({ format: args.format as string, name: args.suggestedName as string, data: args.data as string });
        return `/home/demo/${String(args.suggestedName)}`;
      case 'analyze_portfolio':
        return analyzePortfolio(
          store.tables.account!.map((a) => detailOf(store, a.id)),
          team(),
          store.factors as unknown as Factor[],
        );
      case 'history_span':
        return { earliest: null, today: todayIso() } satisfies HistorySpan;
      case 'account_as_of': {
        const date = pastDate('date', args.date);
        const detail = accountThen(store, args.accountId, date);
        return {
          date, detail, team: structuredClone(team()),
          analysis: analyzeAccount(detail, team(), date),
          stages: stageAnalytics(detail.stage_changes, date),
        } satisfies AccountAsOf;
      }
      case 'analyze_portfolio_as_of': {
        const date = pastDate('date', args.date);
        return analyzePortfolio(store.tables.account!.map((a) => detailOf(store, a.id)), team(), store.factors as unknown as Factor[], date);
      }
      case 'compare_account': {
        const [from, to] = dateRange(args.from, args.to);
        const before = accountThen(store, args.accountId, from);
        const after = accountThen(store, args.accountId, to);
        const a = analyzeAccount(before, team(), from);
        const b = analyzeAccount(after, team(), to);
        const delta = (x: number | null, y: number | null) => ({ before: x, after: y, change: x === null || y === null ? null : y - x });
        return {
          account_id: before.account.id, from, to,
          people_added: [], people_removed: [], attitude_changes: [], influence_changes: [], coverage_changes: [],
          stage_before: stageAt(before.stage_changes, from), stage_after: stageAt(after.stage_changes, to),
          account_coverage: delta(a.account_coverage, b.account_coverage),
          support_balance: delta(a.support_balance, b.support_balance),
        } satisfies AccountComparison;
      }
      case 'portfolio_timeline': {
        const [from, to] = dateRange(args.from, args.to);
        return portfolioTimeline(store.tables.account!.map((a) => detailOf(store, a.id)), from, to, todayIso());
      }
      case 'portfolio_trails': {
        const q = args.quarters as number;
        if (!Number.isInteger(q) || q < 1 || q > 40) fail('validation', `the number of quarters must be between 1 and 40, not ${q}`);
        return store.tables.account!.map((a): AccountTrail => ({ account_id: a.id, points: [] }));
      }
      case 'portfolio_stages': {
        const date = pastDate('date', args.date);
        return portfolioStages(store.tables.account!.map((a) => detailOf(store, a.id)), date);
      }
    }
    const m = /^(create|update|delete)_(.+)$/.exec(cmd);
    if (m && m[2]! in TABLES) {
      const [, verb, table] = m as unknown as [string, 'create' | 'update' | 'delete', string];
      const entity = TABLES[table]!;
      writable();
      if (verb === 'create') {
        const fields = stored(table, args.fields as Record<string, unknown>);
        validate(table, fields, store, null);
        return record({ verb, entity, name: labelName(table, fields, store) }, () => store.insert(table, fields));
      }
      const id = args.id as number;
      const row = store.get(table, id);
      if (!row) fail('missing_row', `${table} ${id} does not exist`);
      if (verb === 'update') {
        const fields = stored(table, args.fields as Record<string, unknown>);
        validate(table, fields, store, id);
        return record({ verb, entity, name: labelName(table, fields, store) }, () => {
          row.fields = structuredClone(fields);
          return null;
        });
      }
      return record({ verb, entity, name: labelName(table, row.fields, store) }, () => {
        cascadeDelete(store, table, id);
        return null;
      });
    }
    fail('internal', `unknown command ${cmd}`);
  };

  mockIPC(
    (cmd, payload) => {
      if (cmd.startsWith('plugin:')) return null;
      try {
        return Promise.resolve(handle(cmd, (payload ?? {}) as Record<string, unknown>));
      } catch (e) {
        return Promise.reject(e);
      }
    },
    { shouldMockEvents: true },
  );
  return store;
}
