// `npm run restore -- FOLDER [--force]`: puts a backup made by `npm run backup` back (server/db/backup.ts;
// README "Backups"). Checks every checksum first; refuses a non-empty database or files folder unless
// --force, which moves the embedded database and the files aside rather than deleting them.
import path from "node:path";
import { parseArgs } from "node:util";
import { BackupError, restore } from "../server/db/backup";
import { envOrExit } from "../server/env";

const env = envOrExit("[restore]");
let args;
try {
  args = parseArgs({ options: { force: { type: "boolean" } }, allowPositionals: true, strict: true });
} catch {
  args = null;
}
if (!args || args.positionals.length !== 1) {
  console.error("Ошибка: укажите одну папку резервной копии. Использование: npm run restore -- папка [--force]");
  process.exit(1);
}
const dataDir = path.resolve(env.dataDir);
try {
  const result = await restore(
    { dataDir, filesDir: path.resolve(env.filesDir ?? path.join(dataDir, "files")), databaseUrl: env.databaseUrl },
    path.resolve(args.positionals[0]!),
    { force: !!args.values.force },
  );
  console.log(`Восстановлено из копии от ${result.manifest.createdAt}; число строк во всех таблицах совпадает.`);
  for (const aside of result.movedAside) console.log(`  прежние данные отодвинуты в ${aside}`);
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(`Ошибка: ${error.message}`);
  process.exit(1);
}
