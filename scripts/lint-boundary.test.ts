// The data boundary (README "Architecture") is enforced by lint rules (eslint/data-boundary.mjs,
// wired in eslint.config.mjs). These probes run the project's real ESLint configuration on code
// placed at realistic paths: each breach must be reported by the rule meant for it, and the same
// code where it belongs must pass.
import path from "node:path";
import { ESLint, type Linter } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function lint(file: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages;
}

const QUERY = "reglament/no-query-outside-data";
const CLIENT = "reglament/client-imports";
const ruleHits = (messages: Linter.LintMessage[], rule: string) => messages.filter((m) => m.ruleId === rule);

describe("queries only in data.ts / mutations.ts", { timeout: 120_000 }, () => {
  it("a router querying ctx.db is reported, one passing ctx.db on is not", async () => {
    const query = `import { staffProcedure } from "../trpc";
export const probe = staffProcedure.query(({ ctx }) => ctx.db.application.findMany({ where: { status: "SUBMITTED" } }));
`;
    const hits = ruleHits(await lint("server/api/routers/probe.ts", query), QUERY);
    expect(hits.map((m) => m.messageId)).toEqual(["router"]);

    const passOn = `import { staffProcedure } from "../trpc";
import { intakeServices } from "../../intake/data";
export const probe = staffProcedure.query(({ ctx }) => intakeServices(ctx.db, ctx.scope));
`;
    expect(ruleHits(await lint("server/api/routers/probe.ts", passOn), QUERY)).toEqual([]);
  });

  // Each one on its own, so that one caught breach cannot hide another that is not.
  const breaches: Record<string, string> = {
    "a model through a Db parameter": `import type { Db } from "../db/client";
export function f(db: Db) { return db.application.findMany(); }`,
    "a model through a Tx parameter of any name": `import type { Tx } from "../db/client";
export async function f(t: Tx) { await t.application.update({ where: { id: "x" }, data: { outcome: null } }); }`,
    "a Prisma.TransactionClient parameter": `import type { Prisma } from "../generated/prisma/client";
export function f(client: Prisma.TransactionClient) { return client.user.count(); }`,
    "a Db | Tx parameter": `import type { Db, Tx } from "../db/client";
export function f(client: Db | Tx) { return client.user.count(); }`,
    "tx by convention, whatever its declared type": `export const f = (tx: { x: { update(): void } }) => tx.x.update();`,
    "raw SQL": `import type { Db } from "../db/client";
export function f(db: Db) { return db.$queryRaw\`SELECT 1\`; }`,
    "executeRaw on a handle of another name": `import type { Db } from "../db/client";
export function f(handle: Db) { return handle.$executeRaw\`SELECT 1\`; }`,
    "a transaction": `import type { Db } from "../db/client";
export function f(db: Db) { return db.$transaction(async () => 1); }`,
    "a client from getDb()": `import { getDb } from "../db/client";
export function f() { const handle = getDb(); return handle.service.findMany(); }`,
    "a Tx property of a context object": `import type { Tx } from "../db/client";
type Context = { handle: Tx; applicationId: string };
export function f(c: Context) { return c.handle.resultDocument.findFirst({ where: { applicationId: c.applicationId } }); }`,
    "a destructured model": `import type { Db } from "../db/client";
export function f(db: Db) { const { application } = db; return application; }`,
  };
  for (const [name, code] of Object.entries(breaches)) {
    it(`reports ${name} in a domain logic file`, async () => {
      expect(ruleHits(await lint("server/workflow/some-logic.ts", code), QUERY).length).toBeGreaterThan(0);
      // The very same code is what a data-access file is for.
      expect(ruleHits(await lint("server/workflow/data.ts", code), QUERY)).toEqual([]);
      expect(ruleHits(await lint("server/workflow/some-part/mutations.ts", code), QUERY)).toEqual([]);
    });
  }

  it("passing a handle on, and objects merely holding one, are not queries", async () => {
    const code = `import type { Db } from "../db/client";
import { overdueAndDueSoon } from "./data";
export async function f(db: Db, opts: { db?: Db; now: Date }) {
  const handle = opts.db ?? db;
  return overdueAndDueSoon(handle, { departmentIds: [] }, { now: opts.now, calendar: null as never, dueSoonWorkingDays: 2 });
}`;
    expect(ruleHits(await lint("server/workflow/some-logic.ts", code), QUERY)).toEqual([]);
  });
});

describe("routes and components do not reach data access", { timeout: 120_000 }, () => {
  it("a client component importing a mutations file is reported", async () => {
    for (const source of ["@/server/application/mutations", "../../server/workflow/card/mutations"]) {
      const code = `"use client";
import { saveDraft } from "${source}";
export function Widget() { return String(saveDraft); }
`;
      const hits = ruleHits(await lint("components/form/probe-widget.tsx", code), CLIENT);
      expect(hits.map((m) => m.messageId)).toEqual(["dataAccess"]);
    }
  });

  it("a server page importing a data file or server/db is reported; a type from one is not", async () => {
    const code = `import { applicationForOwner } from "@/server/application/data";
import { getDb } from "@/server/db/client";
import type { OidcRefusal } from "@/server/auth/mutations";
export default function Page() { return String([applicationForOwner, getDb]) as unknown as OidcRefusal; }
`;
    const hits = ruleHits(await lint("app/(applicant)/probe/page.tsx", code), CLIENT);
    expect(hits.map((m) => [m.messageId, m.line])).toEqual([
      ["dataAccess", 1],
      ["dataAccess", 2],
    ]);
  });

  it("a client component imports only client-safe server modules", async () => {
    const unsafe = `"use client";
import { planTransition } from "@/server/workflow/machine";
export function Widget() { return String(planTransition); }
`;
    expect(ruleHits(await lint("components/board/probe-widget.tsx", unsafe), CLIENT).map((m) => m.messageId)).toEqual([
      "clientUnsafe",
    ]);

    const safe = `"use client";
import { buildApplicationSchema } from "@/server/regulation/form-schema";
import { zDraftValues } from "@/server/application/schema";
import type { AppRouter } from "@/server/api/root";
import type { StaffScope } from "@/server/auth/scope";
export function Widget(_: { router?: AppRouter; scope?: StaffScope }) { return String([buildApplicationSchema, zDraftValues]); }
`;
    expect(ruleHits(await lint("components/board/probe-widget.tsx", safe), CLIENT)).toEqual([]);
    // Without "use client" the module runs on the server only: pure server modules are fine there.
    const serverComponent = unsafe.replace('"use client";\n', "");
    expect(ruleHits(await lint("components/board/probe-widget.tsx", serverComponent), CLIENT)).toEqual([]);
  });
});
