// Structured logs (issue 13 p.5): one JSON object per line, with the request's id, so that a log
// collector can follow one request through the instances and match a user's report («ошибка …, код
// запроса …») to the server's record. LOG_LEVEL sets what is written (error, warn, info); the access
// log of every API request is at info, which a production start writes and the demo does not.
import { randomUUID } from "node:crypto";
import { env } from "../env";

export type Level = "error" | "warn" | "info";
const RANK: Record<Level, number> = { error: 0, warn: 1, info: 2 };

export function write(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
  if (RANK[level] > RANK[env().logLevel]) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }, (_k, v: unknown) =>
    v instanceof Error ? { name: v.name, message: v.message, stack: v.stack } : typeof v === "bigint" ? String(v) : v,
  );
  (level === "info" ? process.stdout : process.stderr).write(`${line}\n`);
}

export const log = {
  info: (msg: string, fields?: Record<string, unknown>) => write("info", msg, fields),
  warn: (msg: string, fields?: Record<string, unknown>) => write("warn", msg, fields),
  error: (msg: string, fields?: Record<string, unknown>) => write("error", msg, fields),
};

/** The request's id: the proxy's X-Request-Id when it is a plain token, else a new one. */
export function requestIdOf(headers: Headers): string {
  const given = headers.get("x-request-id");
  return given && /^[A-Za-z0-9._-]{1,64}$/.test(given) ? given : randomUUID();
}

/** The response with X-Request-Id set (a fetch Response's headers may be immutable: copied when so). */
export function withRequestId(res: Response, requestId: string): Response {
  try {
    res.headers.set("x-request-id", requestId);
    return res;
  } catch {
    const copy = new Response(res.body, res);
    copy.headers.set("x-request-id", requestId);
    return copy;
  }
}
