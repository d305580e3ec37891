// GET /api/metrics (issue 13 p.5): the Prometheus text of this process, for a scraper holding
// METRICS_TOKEN. No token configured: the endpoint is off (404). Not a user's route: a session gives
// no access, and the token is compared in constant time.
import "server-only";
import { timingSafeEqual } from "node:crypto";
import { env } from "../env";
import { errorResponse } from "../api/rest";
import { metrics } from "./metrics";

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function metricsResponse(req: Request): Promise<Response> {
  const token = env().metricsToken;
  if (!token) return errorResponse(404, "Метрики выключены: задайте METRICS_TOKEN");
  const given = /^Bearer\s+(.+)$/i.exec(req.headers.get("authorization") ?? "")?.[1] ?? "";
  if (!sameToken(given, token)) {
    const res = errorResponse(401, "Нужен токен метрик: заголовок Authorization: Bearer <METRICS_TOKEN>");
    res.headers.set("www-authenticate", 'Bearer realm="metrics"');
    return res;
  }
  const { registry } = metrics();
  return new Response(await registry.metrics(), {
    headers: { "content-type": registry.contentType, "cache-control": "no-store" },
  });
}
