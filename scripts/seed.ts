// `npm run db:seed`: applies migrations and loads the demo municipality without serving the app.
import path from "node:path";
import { prepareDatabase } from "../server/db/prepare";
import { createPrismaClient } from "../server/db/client";
import { seedDemo } from "../prisma/seed/demo";
import { LOCKS, withAdvisoryLock } from "../server/db/lock";

const database = await prepareDatabase({ dataDir: path.resolve(process.env.REGLAMENT_DATA_DIR ?? "data"), databaseUrl: process.env.DATABASE_URL });
const db = createPrismaClient(database.url, { max: 2 });
try {
  console.log(JSON.stringify(await withAdvisoryLock(database.url, LOCKS.seed, () => seedDemo(db))));
} finally {
  await db.$disconnect();
  await database.stop();
}
