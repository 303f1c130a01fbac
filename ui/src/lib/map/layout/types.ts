// Shared shapes of the map's layout engines (pure functions; run in a Web Worker by client.ts).

export type Point = { x: number; y: number };

/** A box to place: its id, size (model pixels), and for the org chart its manager and group. */
export type LayoutNode = {
  id: string;
  w: number;
  h: number;
  /** Org chart: the id of the node it reports to (null = a root). */
  parent?: string | null;
  /** Org chart: the org unit it belongs to; siblings of one unit are kept together. */
  group?: string | null;
  /** Sort key among siblings (e.g. the name). */
  order?: string;
  /** A saved position: the node stays there and the others arrange around it. */
  fixed?: Point | null;
};

export type LayoutEdge = { source: string; target: string; weight: number };

export type LayoutKind = 'org_chart' | 'network';

export type LayoutRequest = { kind: LayoutKind; nodes: LayoutNode[]; edges: LayoutEdge[]; seed?: number };

export type Positions = Record<string, Point>;
