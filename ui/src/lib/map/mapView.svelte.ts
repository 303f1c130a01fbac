// The map's view settings per account (layout, overlays, search, filters, panels), kept while
// the app runs so coming back to an account's map shows it as it was left; and the last
// automatic positions per account and layout, so a small edit never re-shuffles the picture.
import type { AccountDetail, MapLayout } from '../bindings';
import type { Positions } from './layout/types';

export type MapSettings = {
  layout: MapLayout;
  heat: boolean;
  risks: boolean;
  hidden: boolean;
  factions: boolean;
  pathTarget: number | null;
  /** '' or a node id of who leaves: `s12` (stakeholder) or `t3` (team member). */
  whatIf: string;
  query: string;
  role: string;
  attitude: string;
  unit: string;
  faction: string;
  wholeTeam: boolean;
  legend: boolean;
  minimap: boolean;
};

function defaults(detail: AccountDetail): MapSettings {
  const hierarchy = detail.stakeholders.some((s) => s.fields.reports_to !== null);
  return {
    layout: hierarchy ? 'org_chart' : 'network',
    heat: false,
    risks: true,
    hidden: false,
    factions: false,
    pathTarget: null,
    whatIf: '',
    query: '',
    role: '',
    attitude: '',
    unit: '',
    faction: '',
    wholeTeam: false,
    legend: false,
    minimap: detail.stakeholders.length > 25,
  };
}

// plain caches: each value is itself reactive ($state) or deliberately not (positions)
// eslint-disable-next-line svelte/prefer-svelte-reactivity
const settings = new Map<string, MapSettings>();
// eslint-disable-next-line svelte/prefer-svelte-reactivity
const autos = new Map<string, { at: Positions; key: string }>();

export const mapView = {
  /** The (reactive) settings of an account's map in the workspace file `file` (ids repeat across files). */
  of(file: string | null, detail: AccountDetail): MapSettings {
    const k = `${file ?? ''}\u0000${detail.account.id}`;
    const known = settings.get(k);
    if (known) return known;
    const fresh = $state(defaults(detail));
    settings.set(k, fresh);
    return fresh;
  },
  /** The last automatic positions (not reactive). */
  autoOf(file: string | null, account: number, layout: MapLayout): { at: Positions; key: string } {
    const k = `${file ?? ''}\u0000${account}:${layout}`;
    let a = autos.get(k);
    if (!a) {
      a = { at: {}, key: '' };
      autos.set(k, a);
    }
    return a;
  },
  /** Forgets everything (another workspace was opened: ids mean other things). */
  reset(): void {
    settings.clear();
    autos.clear();
  },
};
