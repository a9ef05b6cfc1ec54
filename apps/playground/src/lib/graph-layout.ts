/**
 * Reads the Mermaid flowchart that `@neurogebra/autograd`'s `toMermaid` writes and lays it out in
 * layers, left to right, for an SVG drawing: each value box and op circle gets a position, each edge its
 * two ends. Small graphs (a neuron's) only: a longest-path layering and a few barycentre sweeps.
 */

/** A node of the drawing: a value box (`label | data … | grad …`) or an op circle (`*`, `+`, `relu`). */
export interface GraphNode {
  id: string;
  kind: "value" | "op";
  /** The op's symbol, or the value's label (may be empty). */
  title: string;
  /** For values: `data …` and `grad …`. */
  data: string;
  grad: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface GraphEdge {
  from: string;
  to: string;
}

export interface GraphLayout {
  nodes: GraphNode[];
  edges: GraphEdge[];
  width: number;
  height: number;
}

const VALUE_WIDTH = 96;
const VALUE_HEIGHT = 46;
const OP_SIZE = 30;
const COLUMN_GAP = 22;
const ROW_GAP = 12;

const unescape = (text: string): string =>
  text
    .replace(/#quot;/g, '"')
    .replace(/#lt;/g, "<")
    .replace(/#gt;/g, ">");

/** The nodes and edges of a `toMermaid` chart, in its order. */
export function parseMermaid(chart: string): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  for (const raw of chart.split("\n").slice(1)) {
    const line = raw.trim();
    const edge = /^(\S+) --> (\S+)$/.exec(line);
    if (edge !== null) {
      edges.push({ from: edge[1]!, to: edge[2]! });
      continue;
    }
    const op = /^(\S+)\(\("(.*)"\)\)$/.exec(line);
    if (op !== null) {
      const title = unescape(op[2]!);
      // a pill wide enough for "relu" or "leakyRelu(0.01)"
      const width = Math.max(OP_SIZE, 12 + 7.5 * title.length);
      nodes.push({ id: op[1]!, kind: "op", title, data: "", grad: "", x: 0, y: 0, width, height: OP_SIZE });
      continue;
    }
    const value = /^(\S+)\["(.*)"\]$/.exec(line);
    if (value !== null) {
      const parts = unescape(value[2]!).split(" | ");
      const grad = parts.pop() ?? "";
      const data = parts.pop() ?? "";
      nodes.push({
        id: value[1]!,
        kind: "value",
        title: parts.join(" | "),
        data,
        grad,
        x: 0,
        y: 0,
        width: VALUE_WIDTH,
        height: VALUE_HEIGHT,
      });
      continue;
    }
    if (line !== "") throw new SyntaxError(`parseMermaid: unexpected line "${line}"`);
  }
  return { nodes, edges };
}

/**
 * Positions for the chart's nodes: a node's column is its longest path from an input (inputs move up to
 * just before their first use), and the rows in each column follow the mean row of the neighbours.
 *
 * @example
 * ```ts
 * const { nodes, width } = layoutMermaid(toMermaid(y));
 * ```
 */
export function layoutMermaid(chart: string): GraphLayout {
  const { nodes, edges } = parseMermaid(chart);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const parents = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  const children = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  for (const e of edges) {
    parents.get(e.to)?.push(e.from);
    children.get(e.from)?.push(e.to);
  }
  // Longest path from the inputs, in topological order (Kahn).
  const rank = new Map<string, number>();
  const indegree = new Map(nodes.map((n) => [n.id, parents.get(n.id)!.length]));
  const queue = nodes.filter((n) => indegree.get(n.id) === 0).map((n) => n.id);
  for (let q = 0; q < queue.length; q++) {
    const id = queue[q]!;
    const r = Math.max(-1, ...parents.get(id)!.map((p) => rank.get(p)!)) + 1;
    rank.set(id, r);
    for (const c of children.get(id)!) {
      indegree.set(c, indegree.get(c)! - 1);
      if (indegree.get(c) === 0) queue.push(c);
    }
  }
  for (const n of nodes) {
    const kids = children.get(n.id)!;
    if (parents.get(n.id)!.length === 0 && kids.length > 0)
      rank.set(n.id, Math.min(...kids.map((c) => rank.get(c) ?? 1)) - 1);
  }
  const columns: string[][] = [];
  for (const n of nodes) (columns[rank.get(n.id) ?? 0] ??= []).push(n.id);
  const row = new Map<string, number>();
  columns.forEach((col) => col.forEach((id, i) => row.set(id, i)));
  const mean = (ids: string[]): number | null =>
    ids.length === 0 ? null : ids.reduce((s, id) => s + row.get(id)!, 0) / ids.length;
  const place = (col: string[], neighbours: Map<string, string[]>) => {
    const wanted = col.map((id) => ({ id, at: mean(neighbours.get(id)!) ?? row.get(id)! }));
    wanted.sort((a, b) => a.at - b.at);
    let next = -Infinity;
    for (const w of wanted) {
      const at = Math.max(w.at, next);
      row.set(w.id, at);
      next = at + 1;
    }
  };
  for (let sweep = 0; sweep < 4; sweep++) {
    for (const col of columns) if (col !== undefined) place(col, parents);
    for (let c = columns.length - 1; c >= 0; c--) if (columns[c] !== undefined) place(columns[c]!, children);
  }
  const minRow = Math.min(...nodes.map((n) => row.get(n.id)!));
  const rowHeight = VALUE_HEIGHT + ROW_GAP;
  let x = 0;
  let height = 0;
  for (const col of columns) {
    if (col === undefined) continue;
    const width = Math.max(...col.map((id) => byId.get(id)!.width));
    for (const id of col) {
      const n = byId.get(id)!;
      n.x = x + (width - n.width) / 2;
      n.y = (row.get(id)! - minRow) * rowHeight + (VALUE_HEIGHT - n.height) / 2;
      height = Math.max(height, n.y + n.height);
    }
    x += width + COLUMN_GAP;
  }
  return { nodes, edges, width: Math.max(0, x - COLUMN_GAP), height };
}
