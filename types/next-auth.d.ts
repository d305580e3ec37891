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
    };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    roles?: Role[];
    departmentIds?: string[];
    authMethod?: "password" | "oidc";
  }
}
