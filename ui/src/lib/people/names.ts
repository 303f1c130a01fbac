// Looks up display names by id for tables and pickers (a missing id shows as a dash).
import type { Stakeholder, TeamMember, OrgUnit } from '../bindings';

export function nameIndex(items: readonly (Stakeholder | TeamMember | OrgUnit)[]): Map<number, string> {
  return new Map(items.map((i) => [i.id, i.fields.name]));
}

export function sortedByName<T extends { id: number; fields: { name: string } }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.fields.name.localeCompare(b.fields.name) || a.id - b.id);
}
