// Calling a REST route (server/api/rest.ts) the way Next does, with the test's database and storage
// and whoever the session names: `as: null` is anonymous.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Db } from "../db/client";
import type { RestRoute } from "../api/rest";
import { LocalFileStorage, type FileStorage } from "../storage/storage";

export type RouteCall = {
  as: string | null;
  params: Record<string, string>;
  method?: string;
  /** Path and query, e.g. "/api/results/x?copy=signed"; only the query matters to the handlers. */
  url?: string;
  body?: FormData;
};

export function routeCaller(
  db: Db,
  storage: FileStorage = new LocalFileStorage(mkdtempSync(path.join(tmpdir(), "reglament-rest-"))),
) {
  return (route: RestRoute, call: RouteCall): Promise<Response> =>
    route.run(
      new Request(new URL(call.url ?? "/", "http://localhost"), {
        method: call.method ?? (call.body ? "POST" : "GET"),
        body: call.body,
      }),
      call.params,
      {
        db,
        storage,
        sessionUserId: call.as,
      },
    );
}
