// Runs `prisma generate` (Prisma 7) after install. Prisma's CLI wants a native schema engine that it
// downloads from Prisma's own host; where that host is unreachable the download fails and every CLI
// command errors, although `generate` never executes the engine. Pointing
// PRISMA_SCHEMA_ENGINE_BINARY at any existing file satisfies the check (see STACK-NOTES).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const cli = path.join(path.dirname(require.resolve("prisma/package.json")), "build", "index.js");
const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  const enginesDir = path.dirname(require.resolve("@prisma/engines/package.json"));
  const native = ["schema-engine-debian-openssl-3.0.x", "schema-engine-linux-static-x64"]
    .map((f) => path.join(enginesDir, f))
    .find((f) => existsSync(f));
  // Any readable file will do for `generate`; the CLI itself is a convenient one.
  env.PRISMA_SCHEMA_ENGINE_BINARY = native ?? cli;
}
const result = spawnSync(process.execPath, [cli, "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
