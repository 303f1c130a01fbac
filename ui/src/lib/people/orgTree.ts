// Org units nest: flatten them into a depth-annotated tree order, and find the units a unit
// may not take as parent (itself and its descendants).
import type { OrgUnit } from '../bindings';

export type TreeRow = { unit: OrgUnit; depth: number };

const byName = (a: OrgUnit, b: OrgUnit) => a.fields.name.localeCompare(b.fields.name) || a.id - b.id;

/** Depth-first order, children under their parent, siblings by name; cycles and orphans are
 * shown at the top level rather than hidden. */
export function flattenTree(units: readonly OrgUnit[]): TreeRow[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<number | null, OrgUnit[]>();
  for (const u of units) {
    const parent = u.fields.parent_id !== null && ids.has(u.fields.parent_id) ? u.fields.parent_id : null;
    const list = children.get(parent) ?? [];
    list.push(u);
    children.set(parent, list);
  }
  const rows: TreeRow[] = [];
  const seen = new Set<number>();
  const visit = (parent: number | null, depth: number) => {
    for (const u of [...(children.get(parent) ?? [])].sort(byName)) {
      if (seen.has(u.id)) continue;
      seen.add(u.id);
      rows.push({ unit: u, depth });
      visit(u.id, depth + 1);
    }
  };
  visit(null, 0);
  // units caught in a parent cycle never reach the root: list them so they stay editable
  for (const u of [...units].sort(byName)) {
    if (!seen.has(u.id)) {
      seen.add(u.id);
      rows.push({ unit: u, depth: 0 });
      visit(u.id, 1);
    }
  }
  return rows;
}

/** The unit itself and everything below it. */
export function subtreeIds(units: readonly OrgUnit[], rootId: number): Set<number> {
  const out = new Set<number>([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units) {
      if (u.fields.parent_id !== null && out.has(u.fields.parent_id) && !out.has(u.id)) {
        out.add(u.id);
        grew = true;
      }
    }
  }
  return out;
}

/** Parent choices for a unit being edited (null when creating): excludes itself and descendants. */
export function parentChoices(units: readonly OrgUnit[], editingId: number | null): TreeRow[] {
  const excluded = editingId === null ? new Set<number>() : subtreeIds(units, editingId);
  return flattenTree(units).filter((row) => !excluded.has(row.unit.id));
}
