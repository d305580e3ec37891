// Configuration for the Prisma 6 CLI, used only to compute migration SQL (scripts/new-migration.ts).
// Prisma 7's CLI needs a native schema engine downloaded from Prisma's host; Prisma 6 can run its
// WebAssembly schema engine instead when given a driver adapter (engine: "js").
import { defineConfig } from "prisma6/config";
import { PrismaPg } from "@prisma/adapter-pg6";

export default defineConfig({
  schema: process.env.PRISMA6_SCHEMA ?? "prisma/schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    return new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "postgresql://localhost:5432/postgres" });
  },
});
