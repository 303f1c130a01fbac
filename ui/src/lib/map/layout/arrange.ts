// Runs the right layout for a map and places what the engines do not: our team as a column to
// the left of the org chart (each member level with the people they cover), and saved positions.
import { forceLayout } from './force';
import { orgChartLayout } from './orgChart';
import type { LayoutEdge, LayoutNode, LayoutRequest, Point, Positions } from './types';

/** What the caller knows about each node: its kind matters for the org chart's team column. */
export type ArrangeNode = LayoutNode & { team?: boolean };

export type ArrangeRequest = Omit<LayoutRequest, 'nodes'> & { nodes: ArrangeNode[] };

export const TEAM_COLUMN_GAP = 140;

export function arrange(req: ArrangeRequest): Positions {
  if (req.kind === 'network') return forceLayout(req.nodes, req.edges, { seed: req.seed ?? 42 });
  const people = req.nodes.filter((n) => !n.team);
  const team = req.nodes.filter((n) => n.team);
  const out = orgChartLayout(people);
  for (const n of people) if (n.fixed) out[n.id] = { ...n.fixed };
  placeTeamColumn(team, req.edges, out);
  return out;
}

/** Team members in a column left of everyone else, ordered by the mean height of whom they cover. */
export function placeTeamColumn(team: readonly LayoutNode[], edges: readonly LayoutEdge[], out: Positions): void {
  if (team.length === 0) return;
  const placed = Object.values(out);
  const minX = placed.length ? Math.min(...placed.map((p) => p.x)) - 100 : 0;
  const minY = placed.length ? Math.min(...placed.map((p) => p.y)) : 0;
  const wanted = new Map<string, number>();
  for (const m of team) {
    const ys = edges
      .filter((e) => e.source === m.id && out[e.target])
      .map((e) => out[e.target]!.y);
    wanted.set(m.id, ys.length ? ys.reduce((a, b) => a + b, 0) / ys.length : Number.POSITIVE_INFINITY);
  }
  const order = [...team].sort((a, b) => wanted.get(a.id)! - wanted.get(b.id)! || (a.order ?? a.id).localeCompare(b.order ?? b.id));
  const width = Math.max(...team.map((m) => m.w));
  const x = minX - TEAM_COLUMN_GAP - width / 2;
  let y = minY;
  for (const m of order) {
    const target = wanted.get(m.id)!;
    // as level with the people covered as the column allows, never overlapping the one above
    y = Math.max(y, Number.isFinite(target) ? target : y);
    const fixed: Point | null | undefined = m.fixed;
    out[m.id] = fixed ? { ...fixed } : { x, y };
    y += m.h + 18;
  }
}
