import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/options";
import { BODY_LIMITS } from "@/server/http/body";
import { withBodyLimit } from "@/server/http/route-limit";

// Sign-in forms and CSRF posts are small: anything past BODY_LIMITS.auth is 413 before next-auth
// reads it (issue 9). next-auth checks its own CSRF token on every POST.
const handler = withBodyLimit(BODY_LIMITS.auth, NextAuth(authOptions));
export { handler as GET, handler as POST };
