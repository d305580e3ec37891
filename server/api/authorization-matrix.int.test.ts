// The authorization matrix (issue 9, tests): every tRPC procedure, enumerated from the router itself,
// and every file route, found by walking app/api, called by each kind of caller on real PostgreSQL
// with valid inputs, against the answers kept in server/test/authorization-table.ts. A procedure or
// route without a row fails by name, and so does a row naming nothing: the table cannot drift from
// the code. What it holds: who may act at all (R2), and that another applicant's or another
// department's object is "not found", never "forbidden" (its existence is not disclosed, R32).
import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/db";
import {
  callerAs,
  createWorld,
  HTTP_STATUS,
  OUTCOMES,
  parseAnswers,
  PROCEDURES,
  ROLES,
  ROUTES,
  userOf,
  type Outcome,
  type World,
} from "../test/authorization-table";
import { appRouter } from "./root";
import type { RestRoute } from "./rest";

const API_DIR = path.resolve(import.meta.dirname, "../../app/api");
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/** Every route file under app/api, as "<folder under app/api> <METHOD>", with its handler. */
async function fileRoutes(): Promise<Map<string, unknown>> {
  const found = new Map<string, unknown>();
  const walk = async (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (/^route\.(ts|tsx|js)$/.test(entry.name)) {
        const mod = (await import(/* @vite-ignore */ full)) as Record<string, unknown>;
        const name = path.relative(API_DIR, dir).split(path.sep).join("/");
        for (const method of METHODS) if (mod[method]) found.set(`${name} ${method}`, mod[method]);
      }
    }
  };
  await walk(API_DIR);
  return found;
}

const procedureNames = () => Object.keys(appRouter._def.procedures as Record<string, unknown>).sort();

function outcomeOfError(error: unknown): Outcome {
  if (error instanceof TRPCError) {
    const hit = (Object.entries(OUTCOMES) as [Outcome, string][]).find(([, code]) => code === error.code);
    if (hit) return hit[0];
  }
  throw error;
}

let t: TestDatabase;
let w: World;
let routes: Map<string, unknown>;

beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  w = await createWorld(t.db);
  routes = await fileRoutes();
  // The routes that are not `restRoute`s (health) take the process-wide client: make it the test's.
  (globalThis as { reglamentDb?: unknown }).reglamentDb = t.db;
});
afterAll(async () => {
  delete (globalThis as { reglamentDb?: unknown }).reglamentDb;
  await t.drop();
  rmSync(w.storageRoot, { recursive: true, force: true });
});

describe("authorization matrix: the table covers the code", () => {
  it("has a row for every procedure of the router, and no row for a procedure that does not exist", () => {
    const names = procedureNames();
    expect(names.length).toBeGreaterThan(30);
    const missing = names.filter((n) => !(n in PROCEDURES));
    expect(missing, `procedures without a row in server/test/authorization-table.ts: ${missing.join(", ")}`).toEqual(
      [],
    );
    const stale = Object.keys(PROCEDURES).filter((n) => !names.includes(n));
    expect(stale, `rows naming no procedure: ${stale.join(", ")}`).toEqual([]);
    for (const [name, [answers]] of Object.entries(PROCEDURES)) parseAnswers(name, answers);
  });

  it("has a row for every exported method of every route under app/api, and no row for one that does not exist", () => {
    const names = [...routes.keys()].sort();
    expect(names.length).toBeGreaterThan(8);
    const missing = names.filter((n) => !(n in ROUTES));
    expect(missing, `routes without a row in server/test/authorization-table.ts: ${missing.join(", ")}`).toEqual([]);
    const stale = Object.keys(ROUTES).filter((n) => !routes.has(n));
    expect(stale, `rows naming no route: ${stale.join(", ")}`).toEqual([]);
    for (const [name, row] of Object.entries(ROUTES)) {
      if (Array.isArray(row)) parseAnswers(name, row[0]);
      // A route that is not a restRoute would skip the wrapper's identity and id checks: only the
      // library gateways and the public health check may be one.
      else expect(typeof routes.get(name), name).toBe("function");
    }
    for (const name of names) {
      const isRest = typeof (routes.get(name) as Partial<RestRoute>).run === "function";
      if (!isRest) expect(["health GET", ...names.filter((n) => !Array.isArray(ROUTES[n]))], name).toContain(name);
    }
  });
});

describe("authorization matrix: tRPC procedures × roles", () => {
  for (const name of procedureNames()) {
    const row = PROCEDURES[name];
    if (!row) continue; // reported above, by name
    it(name, async () => {
      const expected = parseAnswers(name, row[0]);
      // The roles call at once. A mutation gets fresh fixtures for each role (one role's success must
      // not change what the next one meets); a query, which changes nothing, shares one.
      const isQuery =
        (appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)[name]!._def.type ===
        "query";
      const shared = isQuery ? await row[1](w) : undefined;
      const actual = Object.fromEntries(
        await Promise.all(
          ROLES.map(async (role) => {
            const input = isQuery ? shared : await row[1](w);
            const fn = name.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], callerAs(w, role));
            const outcome = await (fn as (i: unknown) => Promise<unknown>)(input).then(
              () => "ok" as const,
              outcomeOfError,
            );
            return [role, outcome] as const;
          }),
        ),
      );
      expect(actual).toEqual(expected);
    });
  }
});

describe("authorization matrix: file routes × roles", () => {
  for (const [name, row] of Object.entries(ROUTES)) {
    if (!Array.isArray(row)) continue;
    it(name, async () => {
      const route = routes.get(name);
      expect(route, `${name}: no such route under app/api`).toBeTypeOf("function");
      const method = name.split(" ")[1]!;
      const expected = parseAnswers(name, row[0]);
      const shared = method === "GET" ? await row[1](w) : undefined;
      const actual = Object.fromEntries(
        await Promise.all(
          ROLES.map(async (role) => {
            const call = shared ?? (await row[1](w));
            // What a browser sends with a same-origin form or fetch.
            const req = new Request(new URL(call.url ?? "/", "http://localhost"), {
              method,
              body: call.body?.(),
              headers: method === "GET" ? {} : { origin: "http://localhost", "sec-fetch-site": "same-origin" },
            });
            const rest = route as Partial<RestRoute>;
            const sessionUserId = userOf(w, role)?.id ?? null;
            const response = rest.run
              ? await rest.run(req, call.params, { db: w.db, storage: w.storage, sessionUserId })
              : await (route as (r: Request) => Promise<Response>)(req);
            // Only the status is asked: a body left unread would hold what it streams (the live board's LISTEN).
            await response.body?.cancel();
            return [role, response.status] as const;
          }),
        ),
      );
      // Any success counts as "ok" (201 Created, 204 No Content).
      const ok = (s: number) => (s >= 200 && s < 300 ? 200 : s);
      expect(
        Object.fromEntries(Object.entries(actual).map(([r, s]) => [r, ok(s)])),
        `${name}: statuses by role`,
      ).toEqual(Object.fromEntries(ROLES.map((r) => [r, HTTP_STATUS[expected[r]]])));
    });
  }
});
