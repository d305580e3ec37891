// The tRPC router as a signed-in user calls it, for integration tests: the session carries only the
// user's id (and session version); the procedures re-read the account and its roles from the
// database, as for every real call.
import type { Session } from "next-auth";
import { TRPCError } from "@trpc/server";
import type { Db } from "../db/client";
import { createCaller } from "../api/root";
import { createContext } from "../api/trpc";

export function sessionOf(userId: string, sessionVersion?: number): Session {
  return {
    user: { id: userId, email: "", name: "", roles: [], departmentIds: [], authMethod: "password", sessionVersion },
    expires: "2099-01-01T00:00:00Z",
  } as unknown as Session;
}

export function callerAs(db: Db, userId: string, sessionVersion?: number) {
  return createCaller(() => createContext({ db, session: sessionOf(userId, sessionVersion) }));
}

/** The error a call fails with, with the field messages of its AppError (a test fails if the call does not). */
export async function failure(p: Promise<unknown>): Promise<TRPCError & { fieldErrors?: Record<string, string> }> {
  try {
    await p;
  } catch (e) {
    if (!(e instanceof TRPCError)) throw e;
    const cause = e.cause as { fieldErrors?: Record<string, string> } | undefined;
    return Object.assign(e, { fieldErrors: cause?.fieldErrors });
  }
  throw new Error("expected the call to fail");
}
