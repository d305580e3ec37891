// GET/PUT /api/test/clock — the end-to-end tests' clock (server/clock.ts). A 404 for everyone unless
// the installation was started with REGLAMENT_TEST_CLOCK=1 (demo on the embedded database only,
// server/env.ts); even then only an administrator may read or move it. PUT ?at=<ISO instant> moves it,
// PUT without `at` puts it back.
import { z } from "zod";
import { requireAdmin } from "./api/access";
import { errorResponse, jsonResponse, restRoute } from "./api/rest";
import { clockOffsetMs, now, setClock } from "./clock";
import { env } from "./env";

const NOT_FOUND = "Не найдено";

const state = () => jsonResponse(200, { now: now().toISOString(), offsetMs: clockOffsetMs() });

export const testClockGetRoute = restRoute({
  name: "test clock",
  auth: "user",
  params: z.object({}),
  notFound: NOT_FOUND,
  async handler({ identity }) {
    if (!env().testClock) return errorResponse(404, NOT_FOUND);
    requireAdmin(identity);
    return state();
  },
});

export const testClockPutRoute = restRoute({
  name: "test clock",
  auth: "user",
  params: z.object({}),
  notFound: NOT_FOUND,
  async handler({ req, identity }) {
    if (!env().testClock) return errorResponse(404, NOT_FOUND);
    requireAdmin(identity);
    const at = new URL(req.url).searchParams.get("at");
    if (at === null) setClock(null);
    else {
      const instant = new Date(at);
      if (Number.isNaN(instant.getTime())) return errorResponse(400, "Укажите момент в формате ISO 8601");
      setClock(instant);
    }
    return state();
  },
});
