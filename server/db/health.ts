// Database health for GET /api/health: reachable, latency, applied migrations. 503 when unreachable,
// so a load balancer takes the instance out of rotation.
import { getDb, type Db } from "./client";

export async function databaseHealth(db: Db = getDb(), timeoutMs = 3_000) {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const probe = db.$queryRawUnsafe<{ migrations: bigint }[]>(
      `SELECT count(*) AS migrations FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs);
    });
    const rows = await Promise.race([probe, timeout]);
    return { ok: true as const, latencyMs: Date.now() - started, migrations: Number(rows[0]?.migrations ?? 0) };
  } catch (error) {
    return {
      ok: false as const,
      latencyMs: Date.now() - started,
      error: (error as Error).message.trim().split("\n")[0],
    };
  } finally {
    clearTimeout(timer);
  }
}

export async function healthResponse(db?: Db): Promise<Response> {
  const database = await databaseHealth(db);
  return Response.json(
    { status: database.ok ? "ok" : "unavailable", database, time: new Date().toISOString() },
    { status: database.ok ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
