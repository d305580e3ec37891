// GET /api/health: 200 with the database's state, 503 when the database cannot be reached; and the
// start path says what is wrong when DATABASE_URL points nowhere.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/db";
import { createPrismaClient } from "./client";
import { freePort } from "./embedded";
import { healthResponse } from "./health";
import { prepareDatabase } from "./prepare";

describe("health", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  it("answers 200 with the number of applied migrations", async () => {
    const response = await healthResponse(t.db);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ status: "ok", database: { ok: true } });
    expect(body.database.migrations).toBeGreaterThan(0);
  });

  it("answers 503 when the database is unreachable", async () => {
    const port = await freePort();
    const down = createPrismaClient(`postgresql://nobody:x@127.0.0.1:${port}/none`);
    const response = await healthResponse(down);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: "unavailable", database: { ok: false } });
    await down.$disconnect();
  });
});

describe("start-up with an unreachable DATABASE_URL", () => {
  it("stops with a message that says what is wrong and what to do, without the password", async () => {
    const port = await freePort();
    const error = await prepareDatabase({
      dataDir: "unused",
      databaseUrl: `postgresql://app:secret@127.0.0.1:${port}/reglament`,
    }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/Cannot reach the database at DATABASE_URL/);
    expect((error as Error).message).toMatch(/unset DATABASE_URL to use the embedded PostgreSQL/);
    expect((error as Error).message).not.toContain("secret");
  });
});
