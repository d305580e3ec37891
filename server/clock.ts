// The app's clock. Production reads the system clock. The end-to-end tests may move it forward
// (issue 10: "on that date, tests move the clock": a scheduled edition comes into force, drafts move
// to it): only in an installation started with REGLAMENT_TEST_CLOCK=1, which server/env.ts allows
// for the demo on the embedded database alone, through app/api/test/clock (server/clock-http.ts).
// The offset lives on globalThis: Next may bundle this module into several server chunks, and they
// must share one clock. What it moves: the instants the app computes itself (`now()` callers: which
// edition is in force, drafts moving to it, deadlines computed from "now"); it does not move
// PostgreSQL's own defaults (createdAt), which is why it is a test facility and nothing more.

const KEY = "__reglamentClockOffsetMs";
type WithClock = typeof globalThis & { [KEY]?: number };

/** The current instant as the app sees it. */
export function now(): Date {
  return new Date(Date.now() + ((globalThis as WithClock)[KEY] ?? 0));
}

/** Moves the app's clock so that it reads `at` now (null: back to the system clock). */
export function setClock(at: Date | null): void {
  (globalThis as WithClock)[KEY] = at ? at.getTime() - Date.now() : 0;
}

export function clockOffsetMs(): number {
  return (globalThis as WithClock)[KEY] ?? 0;
}
