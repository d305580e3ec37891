// The server-side caller for server components: same procedures, same checks, no HTTP round trip.
import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { headers } from "next/headers";
import { TRPCError } from "@trpc/server";
import { getSession } from "../auth/session";
import { createCaller } from "./root";
import { createContext } from "./trpc";
import { clientAddress } from "../throttle/client-address";

export const api = cache(async () =>
  createCaller(await createContext({ session: await getSession(), clientAddress: clientAddress(await headers()) })),
);

/**
 * For a page's own call: an id that does not exist, is not the caller's to see, or is malformed is
 * the "not found" page, never a 500 (and never "forbidden": existence is not disclosed).
 */
export function notFoundIfMissing(error: unknown): never {
  if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
  throw error;
}
