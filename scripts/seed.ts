// `npm run db:seed`: applies migrations and loads the municipality without serving the app: in demo
// mode with the demo accounts (once), in production without any account (server/env.ts, REGLAMENT_DEMO).
import path from "node:path";
import { prepareDatabase } from "../server/db/prepare";
import { createPrismaClient } from "../server/db/client";
import { seedInstallation } from "../prisma/seed/demo";
import { LOCKS, withAdvisoryLock } from "../server/db/lock";
import { envOrExit } from "../server/env";

const env = envOrExit("[seed]");
const database = await prepareDatabase({
  dataDir: path.resolve(env.dataDir),
  databaseUrl: env.databaseUrl ?? undefined,
});
const db = createPrismaClient(database.url, { max: 2 });
try {
  console.log(
    JSON.stringify(await withAdvisoryLock(database.url, LOCKS.seed, () => seedInstallation(db, { demo: env.demo }))),
  );
} finally {
  await db.$disconnect();
  await database.stop();
}
