// Overload is not an error (issue 13 p.7): when no database connection comes free within the pool's
// wait, the HTTP endpoints answer 503 with Retry-After and the Russian message, never 500, and the
// refused request wrote nothing. Reproduced for real: a pool of one connection held by a transaction.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import superjson from "superjson";
import { createTestDatabase, type TestDatabase } from "../test/db";
import { createPrismaClient, type Db } from "../db/client";
import { sessionOf } from "../test/callers";
import { demoUser } from "../test/factories";
import { routeCaller } from "../test/rest";
import { startDraft } from "../application/mutations";
import { applicationPdfRoute } from "../application/http";
import { trpcHttpHandler } from "./trpc-http";
import { BUSY_MESSAGE } from "../errors";

let t: TestDatabase;
let tight: Db;
let ownerId: string;
let draftId: string;

beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  ownerId = (await demoUser(t.db, "applicant")).id;
  draftId = (await startDraft(t.db, { ownerId, serviceCode: "road-info" })).id;
  tight = createPrismaClient(t.url, { max: 1, connectionTimeoutMillis: 300 });
});
afterAll(async () => {
  await tight.$disconnect();
  await t.drop();
});

/** Runs `body` while the tight pool's only connection is held by an open transaction. */
async function saturated<T>(body: () => Promise<T>): Promise<T> {
  let release!: () => void;
  let entered!: () => void;
  const inside = new Promise<void>((r) => (entered = r));
  const held = tight.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT 1`;
      entered();
      await new Promise<void>((r) => (release = r));
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
  await inside;
  try {
    return await body();
  } finally {
    release();
    await held;
  }
}

const trpcCall = (procedure: string, input: unknown, as: string | null, method: "GET" | "POST") => {
  const handler = trpcHttpHandler({ session: async () => (as ? sessionOf(as) : null), db: tight });
  const body = JSON.stringify({ 0: superjson.serialize(input) });
  const url = `http://localhost/api/trpc/${procedure}?batch=1`;
  return handler(
    method === "GET"
      ? new NextRequest(`${url}&input=${encodeURIComponent(body)}`)
      : new NextRequest(url, { method: "POST", body, headers: { "content-type": "application/json" } }),
    undefined as never,
  );
};

describe("a saturated pool (issue 13 p.7)", () => {
  it("a tRPC query is 503 with Retry-After and the message, then 200 once a connection is free", async () => {
    const res = await saturated(() => trpcCall("catalogue.list", undefined, null, "GET"));
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("2");
    const [answer] = (await res.json()) as [{ error: { json: { message: string; data: { code: string } } } }];
    expect(answer.error.json.message).toBe(BUSY_MESSAGE);
    expect(answer.error.json.data.code).toBe("SERVICE_UNAVAILABLE");
    const after = await trpcCall("catalogue.list", undefined, null, "GET");
    expect(after.status).toBe(200);
    expect(after.headers.get("retry-after")).toBeNull();
  });

  it("an autosave refused for overload wrote nothing; the retry saves", async () => {
    const before = await t.db.application.findUniqueOrThrow({ where: { id: draftId } });
    const input = {
      id: draftId,
      values: { applicant_type: "individual", road_name: "ул. Ленина" },
      currentStep: "request",
      expectedRowVersion: before.rowVersion,
    };
    const res = await saturated(() => trpcCall("application.saveDraft", input, ownerId, "POST"));
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("2");
    const unchanged = await t.db.application.findUniqueOrThrow({ where: { id: draftId } });
    expect(unchanged.rowVersion).toBe(before.rowVersion);
    expect(unchanged.data).toEqual(before.data);
    const retried = await trpcCall("application.saveDraft", input, ownerId, "POST");
    expect(retried.status).toBe(200);
    const saved = await t.db.application.findUniqueOrThrow({ where: { id: draftId } });
    expect(saved.rowVersion).toBe(before.rowVersion + 1);
    expect(saved.data).toMatchObject({ road_name: "ул. Ленина" });
  });

  it("a REST route (the application's PDF) is 503 with Retry-After, not 500", async () => {
    const call = routeCaller(tight);
    const res = await saturated(() => call(applicationPdfRoute, { as: ownerId, params: { id: draftId } }));
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("2");
    expect(await res.json()).toEqual({ error: BUSY_MESSAGE });
  });
});
