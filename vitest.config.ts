import { defineConfig } from "vitest/config";
import path from "node:path";

// Two projects: `unit` runs pure logic with no database; `integration` runs against a real
// PostgreSQL (embedded by default, any server through DATABASE_URL) set up once in globalSetup.
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Data-access files import "server-only", which throws outside React's server condition.
      // Tests are server code too: give them the package's own empty module, as Next does on the server.
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["server/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
          environment: "node",
          // The same as the integration project's: projects that run together must agree on it.
          maxWorkers: 2,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["server/**/*.int.test.ts", "prisma/**/*.int.test.ts", "scripts/**/*.int.test.ts"],
          environment: "node",
          globalSetup: ["./server/test/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Two processes take the files in turn (each test file has its own database, cloned from the
          // template): the files wait on PostgreSQL much of the time, so two at once cut the run from
          // about 212 s to 172 s here. Within a process modules load once (isolate: false, ~95 s less
          // than a fresh module graph per file); a file that changes process-wide state restores it
          // (server/test/db.ts serveAsProcessDb, vi.unstubAllEnvs).
          fileParallelism: true,
          maxWorkers: 2,
          isolate: false,
        },
      },
    ],
  },
});
