// Fuzzing every mutation (issue 9, tests; R14: bad input gets a clear answer, never a crash): each
// tRPC mutation of the router, called as the first role its authorization-matrix row allows, with
// inputs derived from its own zod schema and with its valid input broken in one place (NUL bytes,
// lone surrogates, very long strings, wrong types, non-UUID ids, prototype keys); and the multipart
// and file routes with hostile names, ids, texts and bodies. The properties, on real PostgreSQL:
// never an INTERNAL_SERVER_ERROR / 500, never a partial record (after a refused input every table
// holds exactly what it held before), never a polluted Object.prototype.
//
// CI runs a fixed seed and FUZZ_RUNS (default below) inputs per target; `npm run fuzz` runs many
// more with a random seed, printed for reproduction: FUZZ_SEED=<seed> FUZZ_RUNS=<n> reruns it.
import { rmSync } from "node:fs";
import { TRPCError } from "@trpc/server";
import fc from "fast-check";
import type { z } from "zod";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/db";
import {
  callerAs,
  callerSession,
  createWorld,
  parseAnswers,
  PROCEDURES,
  ROLES,
  type Role,
  type World,
} from "../test/authorization-table";
import { arbitraryFor, HOSTILE_STRINGS, hostileValue, mutationsOf } from "../test/arbitraries";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { appRouter } from "./root";
import { createContext } from "./trpc";
import { removeRoute, uploadRoute } from "../attachment/http";
import { requestAnswerRoute } from "../workflow/requests/http";
import type { RestRoute } from "./rest";
import { startDraft } from "../application/mutations";
import { uploadAttachment } from "../attachment/mutations";
import { sendInteragencyRequest } from "../workflow/requests/mutations";
import { demoScope, registeredApplication } from "../test/factories";
import { PAPER_ARCHIVE_REQUEST } from "../test/fixtures";
import { pdfBytes } from "../test/files";

const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);

let t: TestDatabase;
let w: World;
let writes: number;
let inputs = 0;

/**
 * Rows written so far, in any table: a row-level trigger on every table counts into a table of its
 * own, in the writing transaction, so a write rolled back is not counted and one committed always is.
 */
const committedWrites = async () =>
  Number((await t.db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT n FROM fuzz_writes`))[0]!.n);

beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  w = await createWorld(t.db);
  const tables = await t.db.$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
      AND table_name NOT IN ('_prisma_migrations', 'RateLimit')`;
  // RateLimit is left out: a refused attempt is counted by design (a wrong current password is a failed
  // sign-in, server/throttle/policy.ts), and counting is the write a refusal must make.
  await t.db.$executeRawUnsafe(`CREATE TABLE fuzz_writes (n bigint NOT NULL)`);
  await t.db.$executeRawUnsafe(`INSERT INTO fuzz_writes VALUES (0)`);
  await t.db.$executeRawUnsafe(`
    CREATE FUNCTION fuzz_count_write() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN UPDATE fuzz_writes SET n = n + 1; RETURN NULL; END $$`);
  for (const { name } of tables)
    await t.db.$executeRawUnsafe(
      `CREATE TRIGGER fuzz_count_write AFTER INSERT OR UPDATE OR DELETE ON "${name}" FOR EACH ROW EXECUTE FUNCTION fuzz_count_write()`,
    );
  // The instrument itself: a committed write counts, a rolled-back one does not.
  const before = await committedWrites();
  await t.db
    .$transaction(async (tx) => {
      await tx.department.updateMany({ data: { name: "x" } });
      throw new Error("rolled back");
    })
    .catch(() => {});
  expect(await committedWrites()).toBe(before);
  await t.db.notification.updateMany({ where: { userId: w.users.owner.id }, data: { readAt: null } });
  expect(await committedWrites()).toBeGreaterThan(before);
  writes = await committedWrites();
});
afterAll(async () => {
  console.log(`[fuzz] seed ${SEED}: ${inputs} inputs, ${RUNS} per target`);
  await t.drop();
  rmSync(w.storageRoot, { recursive: true, force: true });
});

// The error mapping's net for text PostgreSQL cannot store (server/errors.ts) says so in the log: the
// input checks should have refused it first, with the field's own message.
const netWarnings: string[] = [];
const stderr = process.stderr.write.bind(process.stderr);
const watchedWarn = vi.spyOn(process.stderr, "write").mockImplementation(((
  chunk: string | Uint8Array,
  ...rest: never[]
) => {
  if (String(chunk).includes("cannot store")) netWarnings.push(String(chunk));
  return stderr(chunk, ...rest);
}) as typeof process.stderr.write);
afterAll(() => watchedWarn.mockRestore()); // the next test file shares this process

/** Checks one answer: a refusal leaves no row written, a success moves the baseline. */
async function judge(refused: boolean, describeInput: () => string) {
  inputs += 1;
  const net = netWarnings.splice(0);
  if (net.length) throw new Error(`${net[0]} (fix the input's schema): ${describeInput()}`);
  const after = await committedWrites();
  if (refused && after !== writes)
    throw new Error(`a refused input wrote ${after - writes} row(s): ${describeInput()}`);
  writes = after;
  const polluted = Object.keys(Object.prototype);
  if (polluted.length) throw new Error(`Object.prototype polluted with ${polluted.join(", ")}: ${describeInput()}`);
}

const show = (v: unknown) => {
  const s = fc.stringify(v);
  return s.length > 300 ? `${s.slice(0, 300)}…` : s;
};

/** fast-check's report with the inputs cut short (a megabyte string would flood the log). */
function report<T extends unknown[]>(details: fc.RunDetails<T>) {
  if (!details.failed) return;
  const error = details.errorInstance as Error | undefined;
  throw new Error(
    `after ${details.numRuns} inputs (reproduce: FUZZ_SEED=${details.seed}, path ${details.counterexamplePath}): ${
      error?.message ?? "failed"
    } — input ${show(details.counterexample?.length === 1 ? details.counterexample[0] : details.counterexample)}`,
    { cause: error },
  );
}

const params = <T extends unknown[]>(): fc.Parameters<T> => ({
  seed: SEED,
  numRuns: RUNS,
  endOnFailure: true,
  asyncReporter: async (d) => report(d),
});

type Procedure = { _def: { type: string; inputs: z.ZodType[] } };
const mutations = Object.entries(appRouter._def.procedures as unknown as Record<string, Procedure>)
  .filter(([, p]) => p._def.type === "mutation")
  .map(([name, p]) => [name, p._def.inputs[0]] as const)
  .sort(([a], [b]) => a.localeCompare(b));

describe("fuzz: tRPC mutations", () => {
  it("covers every mutation (each has a row in the authorization table and a role allowed to call it)", () => {
    expect(mutations.length).toBeGreaterThan(10);
    for (const [name] of mutations) {
      const row = PROCEDURES[name];
      expect(row, `${name}: no row in server/test/authorization-table.ts`).toBeDefined();
      expect(Object.values(parseAnswers(name, row![0])), name).toContain("ok");
    }
  });

  for (const [name, schema] of mutations) {
    const row = PROCEDURES[name];
    if (!row) continue;
    it(name, async () => {
      const answers = parseAnswers(name, row[0]);
      const role = ROLES.find((r) => answers[r] === "ok") as Role;
      const base = await row[1](w);
      writes = await committedWrites();
      const fn = name.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], callerAs(w, role)) as (
        input: unknown,
      ) => Promise<unknown>;
      const arbitrary = schema
        ? fc.oneof({ weight: 3, arbitrary: mutationsOf(base) }, { weight: 2, arbitrary: arbitraryFor(schema) })
        : hostileValue;
      await fc.assert(
        fc.asyncProperty(arbitrary, async (input) => {
          let refused = false;
          try {
            await fn(input);
          } catch (error) {
            if (!(error instanceof TRPCError)) throw error;
            if (error.code === "INTERNAL_SERVER_ERROR")
              throw new Error(`${name} as ${role}: INTERNAL_SERVER_ERROR`, { cause: error.cause });
            refused = true;
          }
          await judge(refused, () => `${name} as ${role} with ${show(input)}`);
        }),
        params(),
      );
    });
  }
});

// -----------------------------------------------------------------------------------------------
// The multipart and file routes
// -----------------------------------------------------------------------------------------------

const hostileText = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ unit: "binary", maxLength: 30 }));
const maybe = <T>(valid: T, hostile: fc.Arbitrary<unknown> = hostileText) =>
  fc.oneof({ weight: 1, arbitrary: fc.constant(valid) }, { weight: 2, arbitrary: hostile });

/** A body: a well-formed multipart form, or bytes under a multipart content type that are not one. */
const body = (fields: fc.Arbitrary<Record<string, unknown>>) =>
  fc.oneof(
    { weight: 4, arbitrary: fields.map((f) => ({ form: f })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom("", "--x\r\n", "--x\r\nContent-Disposition: form-data\r\n\r\n\u0000"), hostileText)
        .map(([head, tail]) => ({ raw: head + String(tail) })),
    },
  );

type Sent = { params: Record<string, unknown>; query?: string; form?: Record<string, unknown>; raw?: string };

function request(sent: Sent, method: string): Request {
  const url = new URL("http://localhost/");
  // As a browser sends it: UTF-8, a lone surrogate as U+FFFD.
  if (sent.query !== undefined) url.searchParams.set("field", sent.query);
  const headers: Record<string, string> = { origin: "http://localhost", "sec-fetch-site": "same-origin" };
  if (sent.raw !== undefined) {
    headers["content-type"] = "multipart/form-data; boundary=x";
    return new Request(url, { method, body: sent.raw, headers });
  }
  if (!sent.form) return new Request(url, { method, headers });
  const form = new FormData();
  for (const [k, v] of Object.entries(sent.form)) {
    if (v === undefined) continue;
    if (v && typeof v === "object" && "fileName" in v) {
      const f = v as { fileName: unknown; content: Uint8Array };
      form.append(k, new File([new Uint8Array(f.content)], String(f.fileName), { type: "application/pdf" }));
    } else form.append(k, String(v));
  }
  return new Request(url, { method, body: form, headers });
}

async function fuzzRoute(name: string, route: RestRoute, method: string, role: Role, arbitrary: fc.Arbitrary<Sent>) {
  writes = await committedWrites();
  const sessionUserId = role === "anonymous" ? null : w.users[role].id;
  await fc.assert(
    fc.asyncProperty(arbitrary, async (sent) => {
      const response = await route.run(request(sent, method), sent.params as Record<string, string>, {
        db: w.db,
        storage: w.storage,
        sessionUserId,
      });
      if (response.status >= 500) throw new Error(`${name}: ${response.status} ${await response.text()}`);
      await judge(response.status >= 400, () => `${name} with ${show(sent)}`);
    }),
    params(),
  );
}

const fileArbitrary = fc.record({
  fileName: maybe("скан паспорта.pdf"),
  content: fc.oneof(fc.constant(pdfBytes()), fc.uint8Array({ maxLength: 64 }), fc.constant(new Uint8Array())),
});

describe("fuzz: multipart and file routes", () => {
  it("POST /api/applications/:id/files", async () => {
    const { id } = await startDraft(w.db, { ownerId: w.users.owner.id, serviceCode: "archive-info" });
    await fuzzRoute(
      "upload",
      uploadRoute,
      "POST",
      "owner",
      fc
        .record({
          id: maybe(id),
          query: maybe("attachments"),
          body: body(fc.record({ file: fc.oneof(fileArbitrary, hostileText) })),
        })
        .map(({ id, query, body }) => ({ params: { id }, query: String(query), ...body })),
    );
  });

  it("DELETE /api/applications/:id/files/:fileId", async () => {
    const { id } = await startDraft(w.db, { ownerId: w.users.owner.id, serviceCode: "archive-info" });
    const file = await uploadAttachment(w.db, w.storage, {
      userId: w.users.owner.id,
      applicationId: id,
      fieldKey: "attachments",
      fileName: "a.pdf",
      content: pdfBytes(),
    });
    await fuzzRoute(
      "remove",
      removeRoute,
      "DELETE",
      "owner",
      fc.record({ id: maybe(id), fileId: maybe(file.id) }).map((p) => ({ params: p })),
    );
  });

  it("POST /api/staff/requests/:requestId/answer", async () => {
    const app = await registeredApplication(w.db, {
      serviceCode: "archive-info",
      ownerId: w.users.owner.id,
      data: PAPER_ARCHIVE_REQUEST,
      calendar: w.calendar,
    });
    const request = await sendInteragencyRequest(w.db, await demoScope(w.db, "executor"), {
      applicationId: app.id,
      typeCode: "forward_to_record_holder",
      text: "Просим сообщить о местонахождении документов",
      calendar: w.calendar,
    });
    await fuzzRoute(
      "answer",
      requestAnswerRoute,
      "POST",
      "executor",
      fc
        .record({
          requestId: maybe(request.id),
          body: body(
            fc.record(
              { answerText: maybe("Документы хранятся в архиве района"), file: fc.oneof(fileArbitrary, hostileText) },
              { requiredKeys: [] },
            ),
          ),
        })
        .map(({ requestId, body }) => ({ params: { requestId }, ...body })),
    );
  });
});

describe("fuzz: the tRPC endpoint's bodies", () => {
  // What the caller above never sees: the HTTP body itself, parsed by tRPC and superjson (whose
  // `meta` names paths into the value: a classic way to a polluted prototype).
  it("POST /api/trpc/<mutation>", async () => {
    const names = mutations.map(([name]) => name);
    const session = callerSession(w, "owner");
    const hostileMeta = fc.constantFrom<unknown>(
      { values: { "__proto__.polluted": ["class", "x"] } },
      { values: { "constructor.prototype.polluted": ["Date"] } },
      { values: { id: [["custom", "x"]] } },
      { referentialEqualities: { id: ["__proto__.polluted"] } },
      { values: "Date" },
    );
    const bodyArbitrary = fc.oneof(
      hostileText.map((raw) => String(raw)),
      hostileValue.map((v) => {
        try {
          return superjson.stringify(v);
        } catch {
          return JSON.stringify({ json: v }); // superjson will not write prototype keys: send them raw
        }
      }),
      fc.tuple(hostileValue, hostileMeta).map(([json, meta]) => JSON.stringify({ json, meta })),
      fc.constantFrom("{", "[]", "null", '{"json":', "\u0000", '{"0":{"json":{}}}'),
    );
    writes = await committedWrites();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), bodyArbitrary, async (name, body) => {
        const response = await fetchRequestHandler({
          endpoint: "/api/trpc",
          req: new Request(`http://localhost/api/trpc/${name}`, {
            method: "POST",
            body,
            headers: { "content-type": "application/json", origin: "http://localhost" },
          }),
          router: appRouter,
          createContext: () => createContext({ db: w.db, session }),
        });
        if (response.status >= 500) throw new Error(`${name}: ${response.status} ${await response.text()}`);
        await judge(response.status >= 400, () => `${name} with ${show(body)}`);
      }),
      params(),
    );
  });
});
