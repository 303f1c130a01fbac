// NOT the real analysis engine (that is rapport-core, in Rust): a small TypeScript version of the
// primer's analyses for the in-memory demo backend only (`npm run dev` in a browser, component
// tests), so that the Analysis tab and the Portfolio page render internally consistent numbers.
// This file: an account's people and ties by index, and the per-person scores (PageRank, blended
// influence, coverage, brokerage), groups and introduction paths. Shortcuts the real engine does
// not take: factions are the connected groups of the influence graph (not Louvain), and
// introduction paths are found by enumerating simple paths (fine for demo-sized accounts).
import type { AccountDetail, Attitude, BuyingRole, PersonRef, TeamMember } from '../bindings';

export const ROLES: readonly BuyingRole[] = ['initiator', 'user', 'influencer', 'decider', 'approver', 'buyer', 'gatekeeper'];
export const ATTITUDE: Record<Attitude, number> = { champion: 2, supporter: 1, neutral: 0, sceptic: -1, opponent: -2, unknown: 0 };
/** Coverage strength from which a stakeholder counts as well covered. */
export const COVERED = 3;

export const weight = (strength: number) => strength / 5;

export function days(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Today as `YYYY-MM-DD` (local time, like the desktop app). */
export function todayIso(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export type Removed = { person: number | null; member: number | null };
export const NOBODY: Removed = { person: null, member: null };

/** An account's people and ties by dense index. */
export class Net {
  people: AccountDetail['stakeholders'];
  team: TeamMember[];
  index = new Map<number, number>();
  teamIndex = new Map<number, number>();
  influence: [number, number, number][] = [];
  coverage: [number, number, number][] = [];
  lastTouch: (string | null)[];

  constructor(detail: AccountDetail, team: readonly TeamMember[]) {
    this.people = detail.stakeholders;
    this.people.forEach((s, i) => this.index.set(s.id, i));
    const covering = new Set(detail.coverage.map((c) => c.fields.team_member_id));
    this.team = team.filter((m) => covering.has(m.id));
    this.team.forEach((m, i) => this.teamIndex.set(m.id, i));
    for (const t of detail.influences) {
      const a = this.index.get(t.fields.from_id);
      const b = this.index.get(t.fields.to_id);
      if (a !== undefined && b !== undefined && a !== b) this.influence.push([a, b, t.fields.strength]);
    }
    for (const c of detail.coverage) {
      const m = this.teamIndex.get(c.fields.team_member_id);
      const s = this.index.get(c.fields.stakeholder_id);
      if (m !== undefined && s !== undefined) this.coverage.push([m, s, c.fields.strength]);
    }
    this.lastTouch = this.people.map((s) => s.fields.last_contact);
    const touch = (i: number | undefined, date: string | null) => {
      if (i === undefined || !date) return;
      const old = this.lastTouch[i];
      if (!old || date > old) this.lastTouch[i] = date;
    };
    for (const c of detail.coverage) touch(this.index.get(c.fields.stakeholder_id), c.fields.last_contact);
    for (const x of detail.interactions) for (const id of x.fields.stakeholder_ids) touch(this.index.get(id), x.fields.date);
  }

  get n(): number {
    return this.people.length;
  }

  person(i: number): PersonRef {
    const s = this.people[i]!;
    return { id: s.id, name: s.fields.name, team: false };
  }

  member(m: number): PersonRef {
    const t = this.team[m]!;
    return { id: t.id, name: t.fields.name, team: true };
  }

  /** Weighted PageRank on the "listens to" graph (each tie reversed, one per pair, largest weight). */
  pagerank(gone: number | null): number[] {
    const keep = [...Array(this.n).keys()].filter((i) => i !== gone);
    const pos = new Map(keep.map((i, k) => [i, k]));
    const n = keep.length;
    const out: Map<number, number>[] = keep.map(() => new Map());
    for (const [a, b, s] of this.influence) {
      const from = pos.get(b);
      const to = pos.get(a);
      if (from === undefined || to === undefined) continue;
      out[from]!.set(to, Math.max(out[from]!.get(to) ?? 0, weight(s)));
    }
    let pr = new Array<number>(n).fill(n > 0 ? 1 / n : 0);
    for (let iter = 0; iter < 1000 && n > 0; iter++) {
      const next = new Array<number>(n).fill(0);
      let dangling = 0;
      out.forEach((edges, i) => {
        const total = [...edges.values()].reduce((x, y) => x + y, 0);
        if (total === 0) dangling += pr[i]!;
        else for (const [j, w] of edges) next[j]! += (0.85 * pr[i]! * w) / total;
      });
      for (let j = 0; j < n; j++) next[j]! += (0.85 * dangling) / n + 0.15 / n;
      const change = next.reduce((sum, v, j) => sum + Math.abs(v - pr[j]!), 0);
      pr = next;
      if (change < 1e-10) break;
    }
    const full = new Array<number>(this.n).fill(0);
    keep.forEach((i, k) => (full[i] = pr[k]!));
    return full;
  }

  scores(removed: Removed = NOBODY) {
    const pr = this.pagerank(removed.person);
    const max = Math.max(0, ...pr);
    const present = this.people.map((_, i) => i !== removed.person);
    const blended = this.people.map((s, i) =>
      !present[i] || max <= 0 ? 0 : 0.5 * (s.fields.power / 5) + 0.5 * (pr[i]! / max),
    );
    const strength = new Array<number>(this.n).fill(0);
    const coveredBy = new Array<number | null>(this.n).fill(null);
    for (const [m, s, st] of this.coverage) {
      if (m === removed.member || !present[s]) continue;
      if (st > strength[s]!) {
        strength[s] = st;
        coveredBy[s] = m;
      }
    }
    const c = (i: number) => (strength[i] ? weight(strength[i]!) : 0);
    const balance = (members: number[]) => {
      let num = 0;
      let den = 0;
      for (const i of members) {
        if (!present[i]) continue;
        num += blended[i]! * ATTITUDE[this.people[i]!.fields.attitude];
        den += blended[i]!;
      }
      return den > 0 ? num / (2 * den) : 0;
    };
    let num = 0;
    let den = 0;
    for (let i = 0; i < this.n; i++) {
      if (!present[i]) continue;
      num += blended[i]! * c(i);
      den += blended[i]!;
    }
    return { pr, present, blended, strength, coveredBy, c, balance, accountCoverage: den > 0 ? num / den : 0 };
  }

  holders(role: BuyingRole): number[] {
    return [...Array(this.n).keys()].filter((i) => this.people[i]!.fields.roles.includes(role));
  }

  /** Normalised betweenness on the undirected influence graph, length 60/strength. */
  brokerage(): number[] {
    const n = this.n;
    const len = new Map<string, number>();
    for (const [a, b, s] of this.influence) {
      const key = `${Math.min(a, b)}-${Math.max(a, b)}`;
      len.set(key, Math.min(len.get(key) ?? Infinity, Math.floor(60 / s)));
    }
    const adj: [number, number][][] = Array.from({ length: n }, () => []);
    for (const [key, l] of len) {
      const [a, b] = key.split('-').map(Number) as [number, number];
      adj[a]!.push([b, l]);
      adj[b]!.push([a, l]);
    }
    const cb = new Array<number>(n).fill(0);
    for (let s = 0; s < n; s++) {
      const dist = new Array<number>(n).fill(Infinity);
      const sigma = new Array<number>(n).fill(0);
      const preds: number[][] = Array.from({ length: n }, () => []);
      const done = new Array<boolean>(n).fill(false);
      const order: number[] = [];
      dist[s] = 0;
      sigma[s] = 1;
      for (;;) {
        let v = -1;
        for (let i = 0; i < n; i++) if (!done[i] && dist[i]! < Infinity && (v < 0 || dist[i]! < dist[v]!)) v = i;
        if (v < 0) break;
        done[v] = true;
        order.push(v);
        for (const [w, l] of adj[v]!) {
          const d = dist[v]! + l;
          if (d < dist[w]!) {
            dist[w] = d;
            sigma[w] = sigma[v]!;
            preds[w] = [v];
          } else if (d === dist[w]) {
            sigma[w]! += sigma[v]!;
            preds[w]!.push(v);
          }
        }
      }
      const delta = new Array<number>(n).fill(0);
      for (const w of order.reverse()) {
        for (const v of preds[w]!) delta[v]! += (sigma[v]! / sigma[w]!) * (1 + delta[w]!);
        if (w !== s) cb[w]! += delta[w]!;
      }
    }
    const norm = (n - 1) * (n - 2);
    return cb.map((v) => (norm > 0 ? v / norm : 0));
  }

  /** Connected groups of two or more people over influence ties (the demo's stand-in for Louvain). */
  groups(): number[][] {
    const parent = [...Array(this.n).keys()];
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
    for (const [a, b] of this.influence) parent[find(a)] = find(b);
    const by = new Map<number, number[]>();
    for (let i = 0; i < this.n; i++) by.set(find(i), [...(by.get(find(i)) ?? []), i]);
    return [...by.values()].filter((g) => g.length >= 2);
  }

  /** Introduction graph: member → stakeholder (coverage), stakeholder ↔ stakeholder (influence,
   * never out of a placeholder). Node ids: `m<i>` and `p<i>`. */
  introEdges(removed: Removed): Map<string, Map<string, number>> {
    const edges = new Map<string, Map<string, number>>();
    const add = (a: string, b: string, w: number) => {
      const m = edges.get(a) ?? new Map<string, number>();
      m.set(b, Math.max(m.get(b) ?? 0, w));
      edges.set(a, m);
    };
    for (const [m, p, s] of this.coverage) if (m !== removed.member && p !== removed.person) add(`m${m}`, `p${p}`, weight(s));
    for (const [a, b, s] of this.influence) {
      if (a === removed.person || b === removed.person) continue;
      if (!this.people[a]!.fields.placeholder) add(`p${a}`, `p${b}`, weight(s));
      if (!this.people[b]!.fields.placeholder) add(`p${b}`, `p${a}`, weight(s));
    }
    return edges;
  }

  /** Every simple path from a team member to `target` with its strength, strongest first. */
  paths(target: number, removed: Removed = NOBODY, limit = 20): { nodes: string[]; strength: number }[] {
    const edges = this.introEdges(removed);
    const found: { nodes: string[]; strength: number }[] = [];
    const walk = (node: string, path: string[], strength: number) => {
      if (found.length > 5000 || path.length > 10) return;
      if (node === `p${target}`) {
        found.push({ nodes: [...path], strength });
        return;
      }
      for (const [next, w] of edges.get(node) ?? []) {
        if (path.includes(next)) continue;
        path.push(next);
        walk(next, path, strength * w);
        path.pop();
      }
    };
    this.team.forEach((_, m) => {
      if (m !== removed.member) walk(`m${m}`, [`m${m}`], 1);
    });
    return found
      .sort((a, b) => b.strength - a.strength || a.nodes.length - b.nodes.length || a.nodes.join().localeCompare(b.nodes.join()))
      .slice(0, limit);
  }

  ref(node: string): PersonRef {
    const i = Number(node.slice(1));
    return node.startsWith('m') ? this.member(i) : this.person(i);
  }
}
