// A risk flag as the user reads it: a sentence in their language built from the flag's kind,
// the people it names and its number (never from the backend's English `reason`), and a severity.
import type { Risk, RiskKind } from '../bindings';
import { formatList, formatPercent, formatScore } from '../format';
import { t } from '../i18n/locale.svelte';

export type Severity = 'high' | 'medium' | 'low';

/** Coverage a stakeholder needs to count as well covered (strength 3 of 5). */
export const COVERED = 0.6;

const SEVERITY: Record<RiskKind, Severity> = {
  single_threaded: 'high',
  uncovered_economic_buyer: 'high',
  influential_opponent: 'high',
  key_person_dependency: 'high',
  uncovered_decider: 'medium',
  stale_relationship: 'medium',
  isolated_champion: 'medium',
  unknown_attitude: 'low',
};

const RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

export function severityOf(kind: RiskKind): Severity {
  return SEVERITY[kind];
}

/** Most severe first; equally severe risks keep the backend's order. */
export function bySeverity<T extends { kind: RiskKind }>(risks: readonly T[]): T[] {
  return risks
    .map((risk, i) => ({ risk, i }))
    .sort((a, b) => RANK[severityOf(a.risk.kind)] - RANK[severityOf(b.risk.kind)] || a.i - b.i)
    .map((x) => x.risk);
}

/** The sentence of one risk. `accountCoverage` (today's) lets the key-person sentence say
 * where coverage would fall to. */
export function riskSentence(risk: Risk, accountCoverage: number | null): string {
  const first = risk.people[0];
  const name = first?.name ?? t('stakeholder.unknownName');
  const value = risk.value;
  switch (risk.kind) {
    case 'single_threaded':
      return first ? t('risk.single_threaded.one', { name }) : t('risk.single_threaded.none');
    case 'uncovered_economic_buyer':
    case 'uncovered_decider': {
      if (value === null || value <= 0) return t(`risk.${risk.kind}.none`, { name });
      return t(`risk.${risk.kind}.weak`, { name, coverage: formatPercent(value), threshold: formatPercent(COVERED) });
    }
    case 'influential_opponent':
      return t('risk.influential_opponent', { name, influence: formatScore(value) });
    case 'isolated_champion':
      return t('risk.isolated_champion', { name, influence: formatScore(value) });
    case 'stale_relationship':
      return value === null
        ? t('risk.stale_relationship.never', { name })
        : t('risk.stale_relationship.days', { name, days: Math.round(value) });
    case 'unknown_attitude':
      return risk.people.length === 1
        ? t('risk.unknown_attitude.one', { name })
        : t('risk.unknown_attitude', { names: formatList(risk.people.map((p) => p.name)) });
    case 'key_person_dependency': {
      const before = accountCoverage ?? 0;
      const after = Math.max(0, before - (value ?? 0));
      const params = { name, before: formatPercent(before), after: formatPercent(after) };
      return first?.team ? t('risk.key_person_dependency.team', params) : t('risk.key_person_dependency', params);
    }
  }
}
