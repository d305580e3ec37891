import { redirect } from "next/navigation";
import { getSession, homeFor } from "@/server/auth/session";

/** Sends each kind of user to their own area after signing in. */
export default async function AfterSignIn() {
  const session = await getSession();
  redirect(session ? homeFor(session.user.roles) : "/sign-in");
}
