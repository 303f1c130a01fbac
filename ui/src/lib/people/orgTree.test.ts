// The org-unit tree: nesting order, and parent choices that exclude the unit and its subtree.
import { describe, expect, it } from 'vitest';
import type { OrgUnit } from '../bindings';
import { flattenTree, parentChoices, subtreeIds } from './orgTree';

const unit = (id: number, name: string, parent_id: number | null = null): OrgUnit => ({
  id, fields: { account_id: 1, name, parent_id },
});

const units = [
  unit(1, 'Technology'),
  unit(2, 'Network', 1),
  unit(3, 'Finance'),
  unit(4, 'Core network', 2),
  unit(5, 'Architecture', 1),
];

describe('org tree', () => {
  it('lists children under parents, siblings by name', () => {
    expect(flattenTree(units).map((r) => [r.unit.fields.name, r.depth])).toEqual([
      ['Finance', 0],
      ['Technology', 0],
      ['Architecture', 1],
      ['Network', 1],
      ['Core network', 2],
    ]);
  });

  it('finds a subtree', () => {
    expect([...subtreeIds(units, 1)].sort()).toEqual([1, 2, 4, 5]);
  });

  it('excludes the unit itself and its descendants from parent choices', () => {
    expect(parentChoices(units, 2).map((r) => r.unit.id)).toEqual([3, 1, 5]);
    expect(parentChoices(units, null)).toHaveLength(5);
  });

  it('still lists units caught in a cycle', () => {
    const cyclic = [unit(1, 'A', 2), unit(2, 'B', 1)];
    expect(flattenTree(cyclic).map((r) => r.unit.id).sort()).toEqual([1, 2]);
  });
});
