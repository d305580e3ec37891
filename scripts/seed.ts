// `npm run db:seed`: applies migrations and loads the demo municipality without serving the app.
import path from "node:path";
import { prepareDatabase } from "../server/db/prepare";
import { createPrismaClient } from "../server/db/client";
import { seedDemo } from "../prisma/seed/demo";
import { LOCKS, withAdvisoryLock } from "../server/db/lock";
import { envOrExit } from "../server/env";

const env = envOrExit("[seed]");
const database = await prepareDatabase({
  dataDir: path.resolve(env.dataDir),
  databaseUrl: env.databaseUrl ?? undefined,
});
const db = createPrismaClient(database.url, { max: 2 });
try {
  console.log(JSON.stringify(await withAdvisoryLock(database.url, LOCKS.seed, () => seedDemo(db))));
} finally {
  await db.$disconnect();
  await database.stop();
}
