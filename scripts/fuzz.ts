// The larger fuzz run (`npm run fuzz`): the fuzz test of every mutation and file route
// (server/api/fuzz.int.test.ts) with many more inputs than CI's and a random seed, printed first so
// that a failure can be rerun exactly: `FUZZ_SEED=<seed> npm run fuzz`. FUZZ_RUNS sets the inputs per
// mutation or route (default 1000: about 19,000 in all).
import { spawnSync } from "node:child_process";
import { randomInt } from "node:crypto";

const seed = process.env.FUZZ_SEED ?? String(randomInt(1, 2 ** 31 - 1));
const runs = process.env.FUZZ_RUNS ?? "1000";
console.log(
  `[fuzz] seed ${seed}, ${runs} inputs per target; rerun with FUZZ_SEED=${seed} FUZZ_RUNS=${runs} npm run fuzz`,
);

const result = spawnSync(
  process.execPath,
  [
    "node_modules/vitest/vitest.mjs",
    "run",
    "--project",
    "integration",
    "server/api/fuzz.int.test.ts",
    "--testTimeout=0",
  ],
  { stdio: "inherit", env: { ...process.env, FUZZ_SEED: seed, FUZZ_RUNS: runs } },
);
if (result.status !== 0) console.error(`[fuzz] failed; rerun with FUZZ_SEED=${seed} FUZZ_RUNS=${runs} npm run fuzz`);
process.exit(result.status ?? 1);
