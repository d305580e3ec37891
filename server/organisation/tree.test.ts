import { describe, expect, it } from "vitest";
import { inTreeOrder, subtreeOf, wouldCycle } from "./tree";

const nodes = [
  { id: "adm", parentId: null },
  { id: "roads", parentId: "adm" },
  { id: "bridges", parentId: "roads" },
  { id: "archive", parentId: "adm" },
  { id: "mfc", parentId: null },
];

describe("department tree", () => {
  it("refuses a move under the department itself or anything under it", () => {
    expect(wouldCycle(nodes, "roads", "roads")).toBe(true);
    expect(wouldCycle(nodes, "roads", "bridges")).toBe(true);
    expect(wouldCycle(nodes, "adm", "bridges")).toBe(true);
    expect(wouldCycle(nodes, "roads", "archive")).toBe(false);
    expect(wouldCycle(nodes, "bridges", "mfc")).toBe(false);
  });

  it("does not hang on a cycle already in the data", () => {
    const broken = [
      { id: "a", parentId: "b" },
      { id: "b", parentId: "a" },
    ];
    expect(wouldCycle(broken, "c", "a")).toBe(true);
  });

  it("orders parents before their children, with depth", () => {
    const order = inTreeOrder(nodes, (a, b) => a.id.localeCompare(b.id)).map((r) => `${r.depth}:${r.node.id}`);
    expect(order).toEqual(["0:adm", "1:archive", "1:roads", "2:bridges", "0:mfc"]);
  });

  it("finds the subtree", () => {
    expect([...subtreeOf(nodes, "roads")].sort()).toEqual(["bridges", "roads"]);
  });
});
