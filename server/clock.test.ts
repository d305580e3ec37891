// The app's clock (server/clock.ts): the system clock unless the end-to-end tests moved it.
import { afterEach, expect, it } from "vitest";
import { clockOffsetMs, now, setClock } from "./clock";

afterEach(() => setClock(null));

it("reads the system clock by default and the moved instant after setClock, running on from there", () => {
  expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1000);
  setClock(new Date("2030-01-01T00:00:00Z"));
  expect(now().getTime()).toBeGreaterThanOrEqual(Date.parse("2030-01-01T00:00:00Z"));
  expect(now().getTime()).toBeLessThan(Date.parse("2030-01-01T00:01:00Z"));
  expect(clockOffsetMs()).toBeGreaterThan(0);
  setClock(null);
  expect(clockOffsetMs()).toBe(0);
});
