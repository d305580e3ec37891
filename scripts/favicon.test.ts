// public/favicon.ico is what scripts/favicon.ts draws: changing the drawing without regenerating the
// file (or the other way round) fails here.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { favicon, pixel } from "./favicon";

describe("favicon", () => {
  it("is the committed public/favicon.ico", () => {
    expect(readFileSync(path.resolve(import.meta.dirname, "..", "public", "favicon.ico")).equals(favicon())).toBe(true);
  });

  it("is the brand square with a white page, transparent outside the rounded corners", () => {
    expect(pixel(0, 0)[3]).toBe(0);
    expect(pixel(2, 16)).toEqual([0x1e, 0x40, 0xaf, 255]);
    expect(pixel(9, 6)).toEqual([255, 255, 255, 255]);
    expect(pixel(12, 12)).toEqual([0x1e, 0x40, 0xaf, 255]);
  });
});
