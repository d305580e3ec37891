// `npm run audit:verify`: checks the whole record (R3, README "Security"): the hash chain of the event
// log, every submitted application's content against the hash signed at submission, and every signed
// result document (its hash in the chain, and the signed file in storage). Names the first broken
// record and exits 1; exits 0 when everything holds, 2 when it could not check.
//
// The database: DATABASE_URL (or APP_DATABASE_URL: the app's role may read everything it checks); with
// neither, the embedded one under the data folder, which must not be in use by a running `npm start`
// (PostgreSQL allows one server per folder): stop the app first, or verify a copy.
import path from "node:path";
import { createPrismaClient } from "../server/db/client";
import { startEmbeddedPostgres } from "../server/db/embedded";
import { withDatabase } from "../server/db/url";
import { envOrExit } from "../server/env";
import { fileStorage } from "../server/storage/storage";
import { verifyAuditTrail, type AuditProblem } from "../server/audit/data";

const KIND: Record<AuditProblem["kind"], string> = {
  event: "событие журнала",
  chain_head: "вершина цепочки",
  application: "заявление",
  result_document: "документ-результат",
};

const env = envOrExit("[audit]");
const embedded = env.databaseUrl
  ? null
  : await startEmbeddedPostgres({ dir: path.join(path.resolve(env.dataDir), "postgres"), quiet: true }).catch(
      (error: Error) => {
        console.error(`[audit] ${error.message}`);
        process.exit(2);
      },
    );
const url = env.databaseUrl ?? withDatabase(embedded!.serverUrl, "reglament");
const db = createPrismaClient(url, { max: 2 });
try {
  const report = await verifyAuditTrail(db, { storage: fileStorage() });
  console.log(
    `Проверено: событий журнала — ${report.events}, поданных заявлений — ${report.applications}, подписанных документов — ${report.resultDocuments}.`,
  );
  console.log(`Вершина цепочки: событие ${report.head.eventId ?? "—"}, SHA-256 ${report.head.hash ?? "—"}`);
  if (report.ok) {
    console.log("Журнал цел: цепочка хешей не нарушена, содержимое заявлений и подписанных документов не изменено.");
  } else {
    const first = report.problems[0]!;
    console.error(`НАРУШЕНА ЦЕЛОСТНОСТЬ. Первая повреждённая запись: ${KIND[first.kind]} ${first.id}.`);
    for (const p of report.problems.slice(0, 50)) console.error(`  - [${KIND[p.kind]} ${p.id}] ${p.message}`);
    if (report.problems.length > 50) console.error(`  … и ещё ${report.problems.length - 50}`);
    process.exitCode = 1;
  }
} catch (error) {
  console.error(`[audit] проверка не выполнена: ${(error as Error).message}`);
  process.exitCode = 2;
} finally {
  await db.$disconnect();
  await embedded?.stop();
}
