import type { Role } from "@/server/regulation/document";

declare module "next-auth" {
  interface Session {
    user: {
      id: string;
      email: string;
      name: string;
      roles: Role[];
      departmentIds: string[];
      authMethod: "password" | "oidc";
      /**
       * The account's session version when the token was issued (server/auth/options.ts); absent
       * only in sessions that tests build by hand.
       */
      sessionVersion?: number;
    };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    roles?: Role[];
    departmentIds?: string[];
    authMethod?: "password" | "oidc";
    /** Session version: void once the account's moves past it (sign-out, password change, reset). */
    sv?: number;
  }
}
