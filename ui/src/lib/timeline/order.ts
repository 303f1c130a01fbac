// Date ordering for timeline tables (ISO dates sort as text; ties keep creation order).
export function byDateDescending<T extends { id: number; fields: { date: string } }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => b.fields.date.localeCompare(a.fields.date) || b.id - a.id);
}
