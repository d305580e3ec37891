import { describe, expect, it } from "vitest";
import { archiveInfoRegulation } from "@/prisma/seed/regulations/archive-info";
import { roadInfoRegulation } from "@/prisma/seed/regulations/road-info";
import type { RegulationDocument, StageDef, TransitionDef } from "@/server/regulation/document";
import { layoutProcess, wrapText, type LayoutNode, type ProcessLayout } from "./process-layout";

type Process = Pick<RegulationDocument, "stages" | "transitions" | "initialStage">;

const stage = (key: string, extra: Partial<StageDef> = {}): StageDef => ({
  key,
  title: key,
  responsibleRoles: ["EXECUTOR"],
  ...extra,
});
const arrow = (from: string, to: string, key = `${from}_${to}`): TransitionDef => ({
  key,
  from,
  to,
  title: key,
  roles: ["EXECUTOR"],
  kind: "normal",
  requires: {},
});
const byKey = (layout: ProcessLayout, key: string) => layout.nodes.find((n) => n.key === key)!;

const overlap = (a: LayoutNode, b: LayoutNode) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The properties every layout keeps: boxes apart and inside the picture, forward arrows go down. */
function expectSound(layout: ProcessLayout) {
  for (const [i, a] of layout.nodes.entries()) {
    expect(a.x).toBeGreaterThanOrEqual(0);
    expect(a.y).toBeGreaterThanOrEqual(0);
    expect(a.x + a.width).toBeLessThanOrEqual(layout.width);
    expect(a.y + a.height).toBeLessThanOrEqual(layout.height);
    for (const b of layout.nodes.slice(i + 1)) expect(overlap(a, b), `${a.key} and ${b.key} overlap`).toBe(false);
  }
  for (const e of layout.edges) {
    const [from, to] = [layout.nodes[e.from]!, layout.nodes[e.to]!];
    if (e.kind === "forward") expect(to.layer).toBeGreaterThan(from.layer);
    if (e.kind === "back") expect(to.layer).toBeLessThanOrEqual(from.layer);
    if (e.kind === "self") expect(e.from).toBe(e.to);
    expect(e.path).toMatch(/^M [\d.-]+ [\d.-]+ C /);
    expect(Number.isFinite(e.labelX) && Number.isFinite(e.labelY)).toBe(true);
  }
}

describe("layoutProcess on S1 (road information)", () => {
  const layout = layoutProcess(roadInfoRegulation);

  it("puts the stages in rows by the longest path from the initial stage", () => {
    const layers = Object.fromEntries(layout.nodes.map((n) => [n.key, n.layer]));
    expect(layers).toEqual({
      registration: 0,
      review: 1,
      signing: 2,
      refusal_signing: 2,
      result_registration: 3,
      refusal_registration: 3,
      issue: 4,
      refusal_issue: 4,
      granted: 5,
      refused: 5,
    });
  });

  it("draws «Вернуть на доработку» as back edges and everything else forward", () => {
    const kinds = Object.fromEntries(layout.edges.map((e) => [e.key, e.kind]));
    expect(kinds.return_result_for_rework).toBe("back");
    expect(kinds.return_refusal_for_rework).toBe("back");
    expect(Object.values(kinds).filter((k) => k === "forward")).toHaveLength(9);
    expect(layout.dangling).toEqual([]);
  });

  it("keeps each branch on its side: the grant branch left, the refusal branch right", () => {
    for (const [left, right] of [
      ["signing", "refusal_signing"],
      ["result_registration", "refusal_registration"],
      ["issue", "refusal_issue"],
      ["granted", "refused"],
    ])
      expect(byKey(layout, left!).x).toBeLessThan(byKey(layout, right!).x);
  });

  it("marks the initial and final stages and flags nothing in a valid process", () => {
    expect(layout.nodes.filter((n) => n.initial).map((n) => n.key)).toEqual(["registration"]);
    expect(layout.nodes.filter((n) => n.final).map((n) => [n.key, n.outcome])).toEqual([
      ["granted", "granted"],
      ["refused", "refused"],
    ]);
    expect(layout.nodes.some((n) => n.unreachable || n.stuck)).toBe(false);
  });

  it("is sound and deterministic", () => {
    expectSound(layout);
    expect(layoutProcess(structuredClone(roadInfoRegulation))).toEqual(layout);
  });
});

describe("layoutProcess on S2 (archive information)", () => {
  it("is sound, and the initial stage is alone on the top row", () => {
    const layout = layoutProcess(archiveInfoRegulation);
    expectSound(layout);
    const initial = layout.nodes.find((n) => n.initial)!;
    expect(initial.key).toBe(archiveInfoRegulation.initialStage);
    expect(initial.layer).toBe(0);
    expect(layout.nodes.filter((n) => n.layer === 0)).toHaveLength(1);
  });
});

describe("arrows over several rows", () => {
  it("go down a lane beside the rows they skip, never through a box (S2: «Основания для отказа не выявлены»)", () => {
    const layout = layoutProcess(archiveInfoRegulation);
    const long = layout.edges.filter(
      (e) => e.kind === "forward" && layout.nodes[e.to]!.layer - layout.nodes[e.from]!.layer > 1,
    );
    expect(long.length).toBeGreaterThan(0);
    for (const e of long) {
      const [from, to] = [layout.nodes[e.from]!, layout.nodes[e.to]!];
      const between = layout.nodes.filter((n) => n.layer > from.layer && n.layer < to.layer);
      const lane = e.path.match(/ L ([\d.-]+) /);
      const straightX = (from.x + to.x + from.width) / 2;
      if (!lane) {
        // Drawn straight: nothing stood in its way.
        expect(between.every((n) => straightX < n.x || straightX > n.x + n.width)).toBe(true);
        continue;
      }
      const x = Number(lane[1]);
      for (const n of between) expect(x < n.x || x > n.x + n.width, `${e.key} crosses ${n.key}`).toBe(true);
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(layout.width);
    }
  });
});

describe("layoutProcess on small graphs", () => {
  it("takes the longest path, not the shortest", () => {
    const doc: Process = {
      initialStage: "a",
      stages: [stage("a"), stage("b"), stage("c", { final: true, outcome: "granted" })],
      transitions: [arrow("a", "c"), arrow("a", "b"), arrow("b", "c")],
    };
    const layout = layoutProcess(doc);
    expect(layout.nodes.map((n) => n.layer)).toEqual([0, 1, 2]);
    expectSound(layout);
  });

  it("flags a stage nobody can leave and a stage the initial one does not reach", () => {
    const doc: Process = {
      initialStage: "a",
      stages: [stage("a"), stage("dead_end"), stage("island"), stage("done", { final: true, outcome: "granted" })],
      transitions: [arrow("a", "dead_end"), arrow("a", "done"), arrow("island", "done")],
    };
    const layout = layoutProcess(doc);
    expect(byKey(layout, "dead_end")).toMatchObject({ stuck: true, unreachable: false });
    expect(byKey(layout, "island")).toMatchObject({ stuck: false, unreachable: true });
    expect(byKey(layout, "done")).toMatchObject({ stuck: false, unreachable: false });
    expectSound(layout);
  });

  it("lists transitions to or from a missing stage instead of drawing them", () => {
    const doc: Process = {
      initialStage: "a",
      stages: [stage("a"), stage("b", { final: true, outcome: "refused" })],
      transitions: [arrow("a", "b"), arrow("a", "gone"), arrow("nowhere", "b")],
    };
    const layout = layoutProcess(doc);
    expect(layout.dangling).toEqual([1, 2]);
    expect(layout.edges.map((e) => e.index)).toEqual([0]);
  });

  it("draws a loop for a transition from a stage to itself, and survives a missing initial stage", () => {
    const doc: Process = {
      initialStage: "missing",
      stages: [stage("a"), stage("b", { final: true, outcome: "granted" })],
      transitions: [arrow("a", "a"), arrow("a", "b")],
    };
    const layout = layoutProcess(doc);
    expect(layout.edges[0]!.kind).toBe("self");
    expect(layout.nodes.every((n) => !n.initial && n.unreachable)).toBe(true);
    expectSound(layout);
  });

  it("gives a duplicated key's transitions to its first stage", () => {
    const doc: Process = {
      initialStage: "a",
      stages: [stage("a"), stage("a"), stage("b", { final: true, outcome: "granted" })],
      transitions: [arrow("a", "b")],
    };
    const layout = layoutProcess(doc);
    expect(layout.edges[0]!.from).toBe(0);
    expectSound(layout);
  });

  it("lays out an empty process as an empty picture", () => {
    const layout = layoutProcess({ initialStage: "a", stages: [], transitions: [] });
    expect(layout.nodes).toEqual([]);
    expect(layout.edges).toEqual([]);
  });

  it("keeps boxes apart and forward arrows downward on many random graphs with cycles", () => {
    // A fixed-seed generator: the same graphs on every run.
    let seed = 20261130;
    const random = (k: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % k;
    };
    for (let round = 0; round < 200; round++) {
      const count = 1 + random(12);
      const keys = Array.from({ length: count }, (_, i) => `s${i}`);
      const transitions = Array.from({ length: random(count * 2 + 1) }, (_, i) =>
        arrow(keys[random(count)]!, keys[random(count)]!, `t${i}`),
      );
      const doc: Process = { initialStage: keys[random(count)]!, stages: keys.map((k) => stage(k)), transitions };
      const layout = layoutProcess(doc);
      expectSound(layout);
      expect(layout.edges).toHaveLength(transitions.length);
      expect(layoutProcess(structuredClone(doc))).toEqual(layout);
    }
  });
});

describe("wrapText", () => {
  it("wraps at spaces within the width", () => {
    expect(wrapText("Прием и регистрация заявления", 16, 3)).toEqual(["Прием и", "регистрация", "заявления"]);
  });

  it("ends with «…» what does not fit, and cuts a word longer than a line", () => {
    expect(wrapText("один два три четыре пять", 9, 2)).toEqual(["один два", "три…"]);
    expect(wrapText("Сверхдлинноесловобезпробелов", 10, 2)).toEqual(["Сверхдлин…"]);
    expect(wrapText("   ", 10, 2)).toEqual([]);
  });
});
