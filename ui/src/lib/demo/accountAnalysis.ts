// NOT the real analysis engine (that is rapport-core, in Rust): a small TypeScript version of the
// primer's analyses for the in-memory demo backend only (`npm run dev` in a browser, component
// tests), so that the Analysis tab and the Portfolio page render internally consistent numbers.
// This file: analyses 1–8 of one account (scores, roles, risks, factions, key person, paths, what-if).
import type {
  AccountAnalysis, AccountDetail, Faction, IntroPath, KeyPerson, PersonRef, Removal, Risk, RoleCoverage,
  StakeholderDelta, StakeholderScore, TeamMember, WhatIf,
} from '../bindings';
import { ATTITUDE, COVERED, days, Net, NOBODY, ROLES, todayIso, weight, type Removed } from './network';

const STALE_DAYS = 90;
const KEY_PERSON_DROP = 0.25;

function topThird(values: number[]): boolean[] {
  const cut = Math.ceil(values.length / 3);
  const lowest = Math.min(...values);
  return values.map((v) => values.filter((u) => u > v + 1e-12).length < cut && v > lowest + 1e-12);
}

function keyPerson(net: Net, base: ReturnType<Net['scores']>): KeyPerson | null {
  let best: { drop: number; person: PersonRef } | null = null;
  const consider = (drop: number, person: PersonRef) => {
    if (drop > 1e-12 && (!best || drop > best.drop + 1e-12)) best = { drop, person };
  };
  net.team.forEach((_, m) => consider(base.accountCoverage - net.scores({ person: null, member: m }).accountCoverage, net.member(m)));
  net.people.forEach((_, i) => consider(base.accountCoverage - net.scores({ person: i, member: null }).accountCoverage, net.person(i)));
  const b = best as { drop: number; person: PersonRef } | null;
  return b ? { person: b.person, coverage_drop: b.drop, flagged: b.drop >= KEY_PERSON_DROP } : null;
}

function risks(net: Net, sc: ReturnType<Net['scores']>, today: string, key: KeyPerson | null): Risk[] {
  const out: Risk[] = [];
  if (net.n === 0) return out;
  const all = [...Array(net.n).keys()];
  const covered = all.filter((i) => sc.strength[i]! >= COVERED);
  if (covered.length < 2) {
    out.push({ kind: 'single_threaded', people: covered.map((i) => net.person(i)), reason: 'fewer than two people are covered well', value: covered.length });
  }
  for (const i of all) {
    const f = net.people[i]!.fields;
    if ((f.roles.includes('decider') || f.economic_buyer) && sc.strength[i]! < COVERED) {
      out.push({ kind: f.economic_buyer ? 'uncovered_economic_buyer' : 'uncovered_decider', people: [net.person(i)], reason: `${f.name} is not covered well`, value: sc.c(i) });
    }
  }
  for (const i of all) {
    const f = net.people[i]!.fields;
    if (f.attitude === 'opponent' && sc.blended[i]! >= 0.6) {
      out.push({ kind: 'influential_opponent', people: [net.person(i)], reason: `${f.name} opposes us`, value: sc.blended[i]! });
    }
  }
  const decides = (j: number) => net.people[j]!.fields.economic_buyer || net.people[j]!.fields.roles.includes('decider');
  for (const i of all) {
    const f = net.people[i]!.fields;
    if (f.attitude === 'champion' && sc.blended[i]! < 0.3) {
      const tied = net.influence.some(([a, b]) => (a === i && decides(b)) || (b === i && decides(a)));
      if (!tied) out.push({ kind: 'isolated_champion', people: [net.person(i)], reason: `${f.name} is isolated`, value: sc.blended[i]! });
    }
  }
  for (const i of all) {
    if (sc.blended[i]! < 0.5) continue;
    const last = net.lastTouch[i];
    const d = last ? days(last, today) : null;
    if (d === null || d > STALE_DAYS) {
      out.push({ kind: 'stale_relationship', people: [net.person(i)], reason: `no recent contact with ${net.people[i]!.fields.name}`, value: d });
    }
  }
  const ranked = [...all].sort(
    (a, b) => sc.blended[b]! - sc.blended[a]! || net.people[a]!.fields.name.localeCompare(net.people[b]!.fields.name) || a - b,
  );
  const unknown = ranked.slice(0, 5).filter((i) => net.people[i]!.fields.attitude === 'unknown');
  if (unknown.length > 0) {
    out.push({ kind: 'unknown_attitude', people: unknown.map((i) => net.person(i)), reason: 'attitudes unknown', value: unknown.length });
  }
  if (key?.flagged) {
    out.push({ kind: 'key_person_dependency', people: [key.person], reason: `coverage depends on ${key.person.name}`, value: key.coverage_drop });
  }
  return out;
}

export function analyzeAccount(detail: AccountDetail, team: readonly TeamMember[], today = todayIso()): AccountAnalysis {
  const net = new Net(detail, team);
  const sc = net.scores();
  const brokerage = net.brokerage();
  const hidden = topThird(sc.pr).map((top, i) => top && net.people[i]!.fields.power <= 2);
  const factions: Faction[] = net
    .groups()
    .map((g) => {
      const members = [...g].sort((a, b) => sc.blended[b]! - sc.blended[a]! || a - b);
      return {
        members: members.map((i) => net.person(i)),
        mean_attitude: members.reduce((s, i) => s + ATTITUDE[net.people[i]!.fields.attitude], 0) / members.length,
        total_influence: members.reduce((s, i) => s + sc.blended[i]!, 0),
      };
    })
    .sort((a, b) => (b.total_influence ?? 0) - (a.total_influence ?? 0));
  const factionOf = new Map<number, number>();
  factions.forEach((f, k) => f.members.forEach((m) => factionOf.set(m.id, k)));
  const stakeholders: StakeholderScore[] = net.people
    .map((s, i) => ({
      id: s.id,
      name: s.fields.name,
      title: s.fields.title,
      network_influence: sc.pr[i]!,
      brokerage: brokerage[i]!,
      blended_influence: sc.blended[i]!,
      coverage: sc.c(i),
      covered_by: sc.coveredBy[i] === null ? null : net.member(sc.coveredBy[i]!),
      attitude: s.fields.attitude,
      power: s.fields.power,
      roles: s.fields.roles,
      economic_buyer: s.fields.economic_buyer,
      coach: s.fields.coach,
      placeholder: s.fields.placeholder,
      hidden_influencer: hidden[i]!,
      faction: factionOf.get(s.id) ?? null,
      last_touch: net.lastTouch[i] ?? null,
    }))
    .sort((a, b) => (b.blended_influence ?? 0) - (a.blended_influence ?? 0) || a.name.localeCompare(b.name) || a.id - b.id);
  const role_coverage: RoleCoverage[] = ROLES.flatMap((role) => {
    const holders = net.holders(role);
    if (holders.length === 0) return [];
    const best = Math.max(...holders.map((i) => sc.strength[i]!));
    return [{
      role,
      holders: holders.map((i) => net.person(i)),
      best_coverage: best === 0 ? 0 : weight(best),
      uncovered: best < COVERED,
      support_balance: sc.balance(holders),
    }];
  });
  const key = keyPerson(net, sc);
  const eb = net.people.findIndex((s) => s.fields.economic_buyer);
  return {
    account_id: detail.account.id,
    account: detail.account.fields.name,
    today,
    account_coverage: sc.accountCoverage,
    support_balance: sc.balance([...Array(net.n).keys()]),
    stakeholders,
    role_coverage,
    risks: risks(net, sc, today, key),
    factions,
    key_person: key,
    economic_buyer: eb >= 0 ? net.person(eb) : null,
  };
}

export function introductionPaths(detail: AccountDetail, team: readonly TeamMember[], targetId: number, k: number): IntroPath[] | null {
  const net = new Net(detail, team);
  const target = net.index.get(targetId);
  if (target === undefined) return null;
  return net.paths(target, NOBODY, k).map((p) => ({ people: p.nodes.map((node) => net.ref(node)), strength: p.strength }));
}

export function whatIf(detail: AccountDetail, team: readonly TeamMember[], removal: Removal): WhatIf | null {
  const net = new Net(detail, team);
  const removed: Removed =
    removal.kind === 'stakeholder'
      ? { person: net.index.get(removal.id) ?? -1, member: null }
      : { person: null, member: net.teamIndex.get(removal.id) ?? -1 };
  if (removed.person === -1 || removed.member === -1) return null;
  const before = net.scores();
  const after = net.scores(removed);
  const best = (i: number, r: Removed) => net.paths(i, r, 1)[0]?.strength ?? 0;
  const uncovered = (s: ReturnType<Net['scores']>) =>
    ROLES.filter((role) => {
      const present = net.holders(role).filter((i) => s.present[i]);
      return present.length > 0 && present.every((i) => s.strength[i]! < COVERED);
    });
  const was = uncovered(before);
  const change = (d: StakeholderDelta) =>
    Math.abs((d.blended_after ?? 0) - (d.blended_before ?? 0)) +
    Math.abs((d.coverage_after ?? 0) - (d.coverage_before ?? 0)) +
    Math.abs((d.best_path_after ?? 0) - (d.best_path_before ?? 0));
  const all = [...Array(net.n).keys()];
  return {
    removed: removed.person !== null ? net.person(removed.person) : net.member(removed.member!),
    account_coverage_before: before.accountCoverage,
    account_coverage_after: after.accountCoverage,
    support_balance_before: before.balance(all),
    support_balance_after: after.balance(all),
    newly_uncovered_roles: uncovered(after).filter((r) => !was.includes(r)),
    stakeholders: all
      .filter((i) => after.present[i])
      .map((i) => ({
        person: net.person(i),
        blended_before: before.blended[i]!,
        blended_after: after.blended[i]!,
        coverage_before: before.c(i),
        coverage_after: after.c(i),
        best_path_before: best(i, NOBODY),
        best_path_after: best(i, removed),
      }))
      .sort((a, b) => change(b) - change(a) || a.person.name.localeCompare(b.person.name)),
  };
}
