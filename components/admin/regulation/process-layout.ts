// Where the process graph draws each stage and transition (issue 10 p.2: «a drawing of the process as
// a graph of stages and transitions that updates as it is edited»). Pure and deterministic: the same
// document always gives the same picture, so the drawing does not jump while the specialist types.
//
// The rules:
// - Stages are laid out in rows (layers) from top to bottom by the longest path from the initial
//   stage over the transitions that go forward. A transition back to an earlier stage («Вернуть на
//   доработку») would make the longest path endless; a depth-first walk from the initial stage (then
//   from every stage it does not reach, in the document's order) marks such transitions as back
//   edges, and the rest form a graph without cycles.
// - Within a row stages are ordered by the mean position of the stages they come from (two sweeps,
//   ties by the document's order), so arrows cross less; rows are centred; boxes have one size and
//   fixed gaps, so they never overlap.
// - Forward transitions are curves from the bottom of one box to the top of another; back edges are
//   curves out of the side of the boxes nearer to the drawing's edge, through a margin kept for them;
//   a transition from a stage to itself is a loop on its right.
// - Stages nobody can leave (not final, no transition from them) and stages the initial one does not
//   reach are flagged for the drawing to mark, as validateDocument reports them.
import type { Outcome, RegulationDocument } from "@/server/regulation/document";

type Process = Pick<RegulationDocument, "stages" | "transitions" | "initialStage">;

export const BOX = { width: 240, height: 104, gapX: 80, gapY: 110, margin: 24, sideRoom: 120 } as const;

export type LayoutNode = {
  index: number;
  key: string;
  layer: number;
  /** Position within its row, from the left. */
  order: number;
  x: number;
  y: number;
  width: number;
  height: number;
  initial: boolean;
  final: boolean;
  outcome?: Outcome;
  /** The initial stage does not lead here. */
  unreachable: boolean;
  /** Not final, and no transition leaves it. */
  stuck: boolean;
};

export type LayoutEdge = {
  index: number;
  key: string;
  from: number;
  to: number;
  kind: "forward" | "back" | "self";
  /** SVG path data of the arrow. */
  path: string;
  /** Where its title is written. */
  labelX: number;
  labelY: number;
  /** How the title aligns on (labelX, labelY): centred on arrows, after the loop of a self-transition. */
  labelAnchor: "middle" | "start" | "end";
};

export type ProcessLayout = {
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  /** Indexes of transitions whose from or to names no stage: not drawn, listed as text. */
  dangling: number[];
  width: number;
  height: number;
};

/** The stages the initial stage leads to (itself included), as validateDocument counts them. */
export function reachableStages(doc: Process): Set<string> {
  const reachable = new Set<string>([doc.initialStage]);
  for (let grew = true; grew;) {
    grew = false;
    for (const t of doc.transitions) {
      if (reachable.has(t.from) && !reachable.has(t.to)) {
        reachable.add(t.to);
        grew = true;
      }
    }
  }
  return reachable;
}

export function layoutProcess(doc: Process): ProcessLayout {
  const n = doc.stages.length;
  // A duplicated key (the validation reports it) belongs to its first stage.
  const indexOf = new Map<string, number>();
  doc.stages.forEach((s, i) => {
    if (!indexOf.has(s.key)) indexOf.set(s.key, i);
  });
  const dangling: number[] = [];
  const links: { index: number; from: number; to: number }[] = [];
  doc.transitions.forEach((t, index) => {
    const from = indexOf.get(t.from);
    const to = indexOf.get(t.to);
    if (from === undefined || to === undefined) dangling.push(index);
    else links.push({ index, from, to });
  });
  const out: number[][] = Array.from({ length: n }, () => []);
  for (const l of links) out[l.from]!.push(l.to);

  // Depth-first walk (iterative: a long chain must not overflow the stack) marking back edges.
  const state = new Array<0 | 1 | 2>(n).fill(0); // 0 unseen, 1 on the path, 2 done
  const postorder: number[] = [];
  const back = new Set<string>(); // "from>to" pairs closing a cycle
  const walk = (root: number) => {
    if (state[root] !== 0) return;
    const stack: { node: number; next: number }[] = [{ node: root, next: 0 }];
    state[root] = 1;
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const targets = out[top.node]!;
      if (top.next < targets.length) {
        const to = targets[top.next++]!;
        if (state[to] === 1) back.add(`${top.node}>${to}`);
        else if (state[to] === 0) {
          state[to] = 1;
          stack.push({ node: to, next: 0 });
        }
      } else {
        state[top.node] = 2;
        postorder.push(top.node);
        stack.pop();
      }
    }
  };
  const initial = indexOf.get(doc.initialStage);
  if (initial !== undefined) walk(initial);
  for (let i = 0; i < n; i++) walk(i);

  // Longest path over forward edges, in topological order (reverse postorder).
  const isForward = (from: number, to: number) => from !== to && !back.has(`${from}>${to}`);
  const preds: number[][] = Array.from({ length: n }, () => []);
  for (const l of links) if (isForward(l.from, l.to)) preds[l.to]!.push(l.from);
  const layer = new Array<number>(n).fill(0);
  for (const v of [...postorder].reverse()) {
    for (const u of preds[v]!) layer[v] = Math.max(layer[v]!, layer[u]! + 1);
  }

  // Rows, ordered by the mean position of their predecessors (two sweeps), ties by document order.
  const layers = Math.max(0, ...layer) + 1;
  const rows: number[][] = Array.from({ length: n ? layers : 0 }, () => []);
  for (let i = 0; i < n; i++) rows[layer[i]!]!.push(i);
  const order = new Array<number>(n).fill(0);
  const place = () => rows.forEach((row) => row.forEach((v, k) => (order[v] = k)));
  place();
  for (let sweep = 0; sweep < 2; sweep++) {
    for (let l = 1; l < rows.length; l++) {
      const weight = (v: number) => {
        const from = preds[v]!.filter((u) => layer[u]! < l);
        if (!from.length) return order[v]!;
        // Centre of the predecessors relative to their own rows' centres, so rows of different widths compare.
        return from.reduce((sum, u) => sum + order[u]! - (rows[layer[u]!]!.length - 1) / 2, 0) / from.length;
      };
      const centred = (v: number) =>
        preds[v]!.some((u) => layer[u]! < l) ? weight(v) : order[v]! - (rows[l]!.length - 1) / 2;
      rows[l] = [...rows[l]!].sort((a, b) => centred(a) - centred(b) || a - b);
      place();
    }
  }

  const widest = Math.max(0, ...rows.map((r) => r.length));
  // Room at the sides for back edges, loops and arrows that go round the rows they skip.
  const side =
    back.size || links.some((l) => l.from === l.to || (isForward(l.from, l.to) && layer[l.to]! - layer[l.from]! > 1))
      ? BOX.sideRoom
      : 0;
  const inner = widest * BOX.width + Math.max(0, widest - 1) * BOX.gapX;
  const width = inner + 2 * (BOX.margin + side);
  const height = rows.length * BOX.height + Math.max(0, rows.length - 1) * BOX.gapY + 2 * BOX.margin;
  const reachable = reachableStages(doc);
  const nodes: LayoutNode[] = doc.stages.map((s, i) => {
    const row = rows[layer[i]!]!;
    const rowWidth = row.length * BOX.width + (row.length - 1) * BOX.gapX;
    const left = BOX.margin + side + (inner - rowWidth) / 2;
    return {
      index: i,
      key: s.key,
      layer: layer[i]!,
      order: order[i]!,
      x: left + order[i]! * (BOX.width + BOX.gapX),
      y: BOX.margin + layer[i]! * (BOX.height + BOX.gapY),
      width: BOX.width,
      height: BOX.height,
      initial: i === initial,
      final: !!s.final,
      outcome: s.outcome,
      unreachable: !reachable.has(s.key),
      stuck: !s.final && !doc.transitions.some((t) => t.from === s.key),
    };
  });

  // Ports: the arrows leaving (entering) a box share its bottom (top) side, ordered by the other end.
  const forward = links.filter((l) => isForward(l.from, l.to));
  const spread = (count: number, k: number) => (k - (count - 1) / 2) * Math.min(28, BOX.width / (count + 1));
  const portOut = new Map<number, number>();
  const portIn = new Map<number, number>();
  for (let v = 0; v < n; v++) {
    const leaving = forward
      .filter((l) => l.from === v)
      .sort((a, b) => nodes[a.to]!.x - nodes[b.to]!.x || a.index - b.index);
    leaving.forEach((l, k) => portOut.set(l.index, spread(leaving.length, k)));
    const entering = forward
      .filter((l) => l.to === v)
      .sort((a, b) => nodes[a.from]!.x - nodes[b.from]!.x || a.index - b.index);
    entering.forEach((l, k) => portIn.set(l.index, spread(entering.length, k)));
  }
  const centre = width / 2;
  const sideCount = new Map<string, number>();
  const edges: LayoutEdge[] = links.map((l) => {
    const a = nodes[l.from]!;
    const b = nodes[l.to]!;
    const t = doc.transitions[l.index]!;
    if (l.from === l.to) {
      const x = a.x + a.width;
      const seen = sideCount.get(`self${l.from}`) ?? 0;
      sideCount.set(`self${l.from}`, seen + 1);
      const reach = 44 + seen * 14;
      const y0 = a.y + a.height * 0.3;
      const y1 = a.y + a.height * 0.7;
      return {
        index: l.index,
        key: t.key,
        from: l.from,
        to: l.to,
        kind: "self",
        path: `M ${x} ${y0} C ${x + reach} ${y0 - 20}, ${x + reach} ${y1 + 20}, ${x} ${y1}`,
        labelX: x + reach * 0.75 + 4,
        labelY: a.y + a.height / 2,
        labelAnchor: "start",
      };
    }
    if (back.has(`${l.from}>${l.to}`)) {
      // Out of the side nearer to the drawing's edge, through the margin kept for back edges.
      const right = (a.x + b.x) / 2 + BOX.width / 2 >= centre;
      const sideKey = `${right ? "r" : "l"}${Math.min(a.layer, b.layer)}-${Math.max(a.layer, b.layer)}`;
      const seen = sideCount.get(sideKey) ?? 0;
      sideCount.set(sideKey, seen + 1);
      const x0 = right ? a.x + a.width : a.x;
      const x1 = right ? b.x + b.width : b.x;
      const y0 = a.y + a.height / 2 + 10;
      const y1 = b.y + b.height / 2 - 10;
      const outer = right
        ? Math.max(x0, x1) + BOX.sideRoom * 0.6 - seen * 12
        : Math.min(x0, x1) - BOX.sideRoom * 0.6 + seen * 12;
      const mid = bezierMid([x0, y0], [outer, y0], [outer, y1], [x1, y1], 0.5);
      return {
        index: l.index,
        key: t.key,
        from: l.from,
        to: l.to,
        kind: "back",
        path: `M ${x0} ${y0} C ${outer} ${y0}, ${outer} ${y1}, ${x1} ${y1}`,
        labelX: mid[0],
        labelY: mid[1],
        labelAnchor: "middle",
      };
    }
    const x0 = a.x + a.width / 2 + (portOut.get(l.index) ?? 0);
    const y0 = a.y + a.height;
    const x1 = b.x + b.width / 2 + (portIn.get(l.index) ?? 0);
    const y1 = b.y;
    // An arrow over several rows that would cross a box of a row between goes round those rows, down
    // a lane beside them (the side nearer to its ends), its title beside the lane.
    const between = nodes.filter((v) => v.layer > a.layer && v.layer < b.layer);
    const blocked = between.some((v) => v.x - 8 < Math.max(x0, x1) && Math.min(x0, x1) < v.x + v.width + 8);
    if (blocked) {
      const left = Math.min(...between.map((v) => v.x)) - BOX.gapX / 2;
      const right = Math.max(...between.map((v) => v.x + v.width)) + BOX.gapX / 2;
      const lane = Math.abs((x0 + x1) / 2 - left) <= Math.abs(right - (x0 + x1) / 2) ? left : right;
      const top = BOX.margin + (a.layer + 1) * (BOX.height + BOX.gapY);
      const bottom = BOX.margin + (b.layer - 1) * (BOX.height + BOX.gapY) + BOX.height;
      const g = BOX.gapY / 2;
      return {
        index: l.index,
        key: t.key,
        from: l.from,
        to: l.to,
        kind: "forward",
        path: `M ${x0} ${y0} C ${x0} ${y0 + g}, ${lane} ${top - g}, ${lane} ${top} L ${lane} ${bottom} C ${lane} ${bottom + g}, ${x1} ${y1 - g}, ${x1} ${y1}`,
        labelX: lane === left ? lane - 6 : lane + 6,
        labelY: (top + bottom) / 2,
        labelAnchor: lane === left ? "end" : "start",
      };
    }
    const bend = Math.max(BOX.gapY / 2, (y1 - y0) / 2);
    // Over one gap the title sits nearer the target, where sibling arrows have spread apart.
    const at = b.layer - a.layer === 1 ? 0.62 : 0.5;
    const mid = bezierMid([x0, y0], [x0, y0 + bend], [x1, y1 - bend], [x1, y1], at);
    // Parallel arrows (two transitions between the same stages): their titles one under another.
    const parallel = forward.filter((o) => o.from === l.from && o.to === l.to);
    const k = parallel.findIndex((o) => o.index === l.index);
    mid[1] = round(mid[1] + (k - (parallel.length - 1) / 2) * 14);
    return {
      index: l.index,
      key: t.key,
      from: l.from,
      to: l.to,
      kind: "forward",
      path: `M ${x0} ${y0} C ${x0} ${y0 + bend}, ${x1} ${y1 - bend}, ${x1} ${y1}`,
      labelX: mid[0],
      labelY: mid[1],
      labelAnchor: "middle",
    };
  });
  return { nodes, edges, dangling, width, height };
}

type Point = [number, number];

/** The point of a cubic Bézier curve at parameter t. */
export function bezierMid(p0: Point, p1: Point, p2: Point, p3: Point, t: number): Point {
  const u = 1 - t;
  const f = (i: 0 | 1) => u * u * u * p0[i] + 3 * u * u * t * p1[i] + 3 * u * t * t * p2[i] + t * t * t * p3[i];
  return [round(f(0)), round(f(1))];
}

const round = (v: number) => Math.round(v * 10) / 10;

/**
 * Splits a text into at most `lines` lines of at most `width` characters at spaces (a longer word
 * is cut); what does not fit ends with «…». SVG text does not wrap by itself.
 */
export function wrapText(text: string, width: number, lines: number): string[] {
  const all: string[] = [];
  let line = "";
  for (const raw of text.trim().split(/\s+/).filter(Boolean)) {
    const word = raw.length > width ? `${raw.slice(0, width - 1)}…` : raw;
    const next = line ? `${line} ${word}` : word;
    if (next.length <= width) {
      line = next;
      continue;
    }
    all.push(line);
    line = word;
  }
  if (line) all.push(line);
  if (all.length <= lines) return all;
  const kept = all.slice(0, lines);
  const last = kept[lines - 1]!;
  kept[lines - 1] = `${last.length >= width ? last.slice(0, width - 1) : last}…`;
  return kept;
}
