// Record ids are UUIDs (Prisma's uuid(), version 4), and so are the browser-made idempotency keys
// of submissions. One check for all of them, client-safe: tRPC inputs take `zId`, REST routes and
// data functions ask `isUuid` before a query, so a malformed id is "not found" and never reaches
// PostgreSQL's uuid cast as an error.
import { z } from "zod";

/** A record id in an input schema; the message is the caller's to phrase when it is shown. */
export const zId = (message?: string) => z.uuid(message);

// isUuid, without zod, is in ./uuid (the browser's submission keys; issue 13 p.6).
export { isUuid } from "./uuid";
