// The server-side caller for server components: same procedures, same checks, no HTTP round trip.
import "server-only";
import { cache } from "react";
import { getSession } from "../auth/session";
import { createCaller } from "./root";
import { createContext } from "./trpc";

export const api = cache(async () => createCaller(await createContext({ session: await getSession() })));
