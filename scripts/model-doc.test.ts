import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseSchema, README, updatedReadme } from "./model-doc";

const schema = readFileSync(path.resolve(import.meta.dirname, "../prisma/schema.prisma"), "utf8");

describe("README data model", () => {
  it("is generated from the current prisma/schema.prisma (run `npm run docs:model`)", () => {
    const readme = readFileSync(README, "utf8");
    expect(updatedReadme(readme, schema)).toBe(readme);
  });
  it("documents every model", () => {
    const { models } = parseSchema(schema);
    expect(models.length).toBeGreaterThan(10);
    for (const m of models) expect(m.doc || m.name, m.name).toBeTruthy();
  });
});
