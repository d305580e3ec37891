// `npm run backup [-- --out FOLDER]`: the database and the files of this installation into one folder
// with a manifest of checksums (server/db/backup.ts; README "Backups"). Runs beside a running app.
import path from "node:path";
import { parseArgs } from "node:util";
import { backup, BackupError } from "../server/db/backup";
import { envOrExit } from "../server/env";

const env = envOrExit("[backup]");
let out: string | undefined;
try {
  out = parseArgs({ options: { out: { type: "string" } }, strict: true }).values.out;
} catch {
  console.error("Ошибка: параметры не разобраны. Использование: npm run backup [-- --out папка]");
  process.exit(1);
}
const dataDir = path.resolve(env.dataDir);
const target = path.resolve(
  out ?? path.join("backups", `reglament-${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}`),
);
try {
  const manifest = await backup(
    { dataDir, filesDir: path.resolve(env.filesDir ?? path.join(dataDir, "files")), databaseUrl: env.databaseUrl },
    target,
  );
  const files = Object.keys(manifest.files).filter((f) => f.startsWith("files/")).length;
  const rows = Object.values(manifest.database.rows).reduce((a, b) => a + b, 0);
  console.log(
    `Резервная копия готова: ${target}\n  база данных (${manifest.database.kind === "embedded" ? "встроенная" : "DATABASE_URL"}, PostgreSQL ${manifest.database.serverVersion}): ${rows} строк; файлов: ${files}\n  Храните её вне этого сервера: в ней персональные данные и пароль базы данных.`,
  );
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(`Ошибка: ${error.message}`);
  process.exit(1);
}
