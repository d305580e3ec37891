// Backups of an installation (issue 9, item 9; README "Backups"): `npm run backup` / `npm run restore`.
//
// The embedded database is backed up physically, the way pg_basebackup does it: the package ships
// only `initdb`, `pg_ctl` and `postgres` (no pg_dump), and a pg_dump older than the server refuses to
// dump it (Debian's is 15, the embedded server 18). With the server running (`npm start` is up, or
// this starts it), `pg_backup_start()` marks the backup, the cluster's files are copied, and
// `pg_backup_stop()` gives the backup_label; a temporary replication slot keeps every WAL segment
// written meanwhile, and they are copied last. Restored, PostgreSQL replays that WAL to the moment
// of pg_backup_stop: the data is exactly what was committed then, whatever ran during the copy.
// The same major version reads it back, which the lock file fixes for the embedded server.
//
// With DATABASE_URL, the database is the server's: `pg_dump --format=custom` from PATH (it must be as
// new as the server), restored with `pg_restore --single-transaction`.
//
// Next to it go the files (attachments and result documents: REGLAMENT_FILES_DIR, by default
// <data>/files), the embedded cluster's credentials and the local session secret, and a manifest with
// the SHA-256 of every file, written last: a folder without it is not a backup. Restore checks every
// checksum first, and goes only into an empty place unless told (--force), moving what was there aside.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chownSync,
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmdirSync,
  statSync,
  writeFileSync,
  chmodSync,
} from "node:fs";
import path from "node:path";
import pg from "pg";
import { runningEmbeddedPostgres, startEmbeddedPostgres } from "./embedded";
import { withDatabase } from "./url";

export const MANIFEST = "manifest.json";
const FORMAT = "reglament-backup";
const DATABASE = "reglament";

/** A refusal for the person at the console: Russian, said as is, exit code 1. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

export type Manifest = {
  format: typeof FORMAT;
  version: 1;
  createdAt: string;
  database: {
    kind: "embedded" | "DATABASE_URL";
    serverVersion: string;
    /** Rows per table of the app's schema when the backup was taken (checked after a restore). */
    rows: Record<string, number>;
  };
  /** Every file of the backup but the manifest, by path relative to the backup folder. */
  files: Record<string, { size: number; sha256: string }>;
};

export type Locations = {
  /** REGLAMENT_DATA_DIR, resolved. */
  dataDir: string;
  /** REGLAMENT_FILES_DIR or <dataDir>/files, resolved. */
  filesDir: string;
  databaseUrl: string | null;
};

const sha256File = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

/** Every regular file under `dir`, relative paths, sorted. */
function listFiles(dir: string, base = dir): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(p, base));
    else if (entry.isFile()) out.push(path.relative(base, p));
  }
  return out.sort();
}

// Folders whose contents a base backup leaves out (PostgreSQL documentation, "Making a Base Backup
// Using the Low Level API"): rebuilt at start, or (pg_wal) copied separately at the end.
const CONTENTS_SKIPPED = new Set([
  "pg_wal",
  "pg_replslot",
  "pg_dynshmem",
  "pg_notify",
  "pg_serial",
  "pg_snapshots",
  "pg_stat_tmp",
  "pg_subtrans",
]);
const FILES_SKIPPED = new Set([
  "postmaster.pid",
  "postmaster.opts",
  "backup_label",
  "backup_label.old",
  "tablespace_map",
]);

/** Copies a tree; files that vanish meanwhile (a dropped table, a finished temp file) are skipped. */
function copyTree(from: string, to: string, skip: (relative: string, isDir: boolean) => "skip" | "empty" | "copy") {
  const walk = (relative: string) => {
    const source = path.join(from, relative);
    mkdirSync(path.join(to, relative), { recursive: true, mode: 0o700 });
    let entries;
    try {
      entries = readdirSync(source, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const r = path.join(relative, entry.name);
      const decision = skip(r, entry.isDirectory());
      if (decision === "skip") continue;
      if (entry.isDirectory()) {
        if (decision === "empty") mkdirSync(path.join(to, r), { recursive: true, mode: 0o700 });
        else walk(r);
      } else if (entry.isFile()) {
        try {
          copyFileSync(path.join(from, r), path.join(to, r));
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
        }
      }
    }
  };
  walk("");
}

async function appRowCounts(client: pg.Client): Promise<Record<string, number>> {
  const tables = await client.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const rows: Record<string, number> = {};
  for (const { name } of tables.rows)
    rows[name] = Number((await client.query(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`)).rows[0].n);
  return rows;
}

function copyFilesDir(from: string, to: string) {
  // A `.tmp` is a file being written (server/storage/storage.ts renames it when complete).
  copyTree(from, to, (r) => (r.endsWith(".tmp") ? "skip" : "copy"));
}

/** Takes a backup into `out` (which must not exist yet). Returns its manifest. */
export async function backup(where: Locations, out: string): Promise<Manifest> {
  if (existsSync(out) && readdirSync(out).length > 0)
    throw new BackupError(`папка ${out} уже существует и не пуста: укажите новую папку для резервной копии.`);
  mkdirSync(out, { recursive: true, mode: 0o700 });
  chmodSync(out, 0o700); // it holds the database's credentials and every applicant's files
  let database: Manifest["database"];

  if (where.databaseUrl) {
    const dump = spawnSync(
      "pg_dump",
      ["--format=custom", "--file", path.join(out, "database.dump"), where.databaseUrl],
      {
        encoding: "utf8",
      },
    );
    if (dump.error || dump.status !== 0)
      throw new BackupError(
        `pg_dump не выполнен${dump.error ? ` (${(dump.error as NodeJS.ErrnoException).code === "ENOENT" ? "pg_dump не найден в PATH: установите клиент PostgreSQL той же или более новой версии, что и сервер" : dump.error.message})` : ""}:\n${dump.stderr ?? ""}`,
      );
    const client = new pg.Client({ connectionString: where.databaseUrl });
    await client.connect();
    try {
      database = {
        kind: "DATABASE_URL",
        serverVersion: (await client.query("SHOW server_version")).rows[0].server_version,
        rows: await appRowCounts(client),
      };
    } finally {
      await client.end();
    }
  } else {
    const postgresDir = path.join(where.dataDir, "postgres");
    const clusterDir = path.join(postgresDir, "cluster");
    if (!existsSync(path.join(clusterDir, "PG_VERSION")))
      throw new BackupError(`встроенной базы данных нет в ${clusterDir}: копировать нечего.`);
    const running = runningEmbeddedPostgres(postgresDir);
    const started = running ? null : await startEmbeddedPostgres({ dir: postgresDir, quiet: true });
    const serverUrl = running?.serverUrl ?? started!.serverUrl;
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      // Keeps every WAL segment from here on until this session ends.
      await client.query("SELECT pg_create_physical_replication_slot($1, true, true)", [
        `reglament_backup_${process.pid}`,
      ]);
      await client.query("SELECT pg_backup_start($1, true)", [`reglament ${new Date().toISOString()}`]);
      copyTree(clusterDir, path.join(out, "cluster"), (r, isDir) => {
        if (!isDir && FILES_SKIPPED.has(r)) return "skip";
        return isDir && CONTENTS_SKIPPED.has(r) ? "empty" : "copy";
      });
      const stopped = await client.query<{ labelfile: string; spcmapfile: string | null }>(
        "SELECT labelfile, spcmapfile FROM pg_backup_stop(false)",
      );
      writeFileSync(path.join(out, "cluster", "backup_label"), stopped.rows[0]!.labelfile);
      if (stopped.rows[0]!.spcmapfile)
        writeFileSync(path.join(out, "cluster", "tablespace_map"), stopped.rows[0]!.spcmapfile);
      // The WAL from the backup's start to its end, after the end (the slot kept it all).
      copyTree(path.join(clusterDir, "pg_wal"), path.join(out, "cluster", "pg_wal"), (r, isDir) =>
        isDir ? "empty" : "copy",
      );
      const app = new pg.Client({ connectionString: withDatabase(serverUrl, DATABASE) });
      await app.connect();
      try {
        database = {
          kind: "embedded",
          serverVersion: (await app.query("SHOW server_version")).rows[0].server_version,
          rows: await appRowCounts(app),
        };
      } finally {
        await app.end();
      }
    } finally {
      await client.end();
      await started?.stop();
    }
    copyFileSync(path.join(postgresDir, "credentials.json"), path.join(out, "credentials.json"));
  }
  if (existsSync(path.join(where.dataDir, "auth-secret")))
    copyFileSync(path.join(where.dataDir, "auth-secret"), path.join(out, "auth-secret"));
  copyFilesDir(where.filesDir, path.join(out, "files"));

  const files: Manifest["files"] = {};
  for (const relative of listFiles(out)) {
    const file = path.join(out, relative);
    files[relative] = { size: statSync(file).size, sha256: sha256File(file) };
  }
  const manifest: Manifest = { format: FORMAT, version: 1, createdAt: new Date().toISOString(), database, files };
  writeFileSync(path.join(out, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  return manifest;
}

/** Reads the manifest and checks every file against it: what restore will put back is what was taken. */
export function verifyBackup(dir: string): Manifest {
  const file = path.join(dir, MANIFEST);
  if (!existsSync(file))
    throw new BackupError(`в папке ${dir} нет ${MANIFEST}: это не резервная копия или она не была завершена.`);
  const manifest = JSON.parse(readFileSync(file, "utf8")) as Manifest;
  if (manifest.format !== FORMAT || manifest.version !== 1)
    throw new BackupError(`${MANIFEST} в папке ${dir} не описывает резервную копию «Регламента» этой версии.`);
  const present = new Set(listFiles(dir).filter((f) => f !== MANIFEST));
  for (const [relative, expected] of Object.entries(manifest.files)) {
    const p = path.join(dir, relative);
    if (!present.has(relative)) throw new BackupError(`резервная копия неполна: нет файла ${relative}.`);
    if (statSync(p).size !== expected.size || sha256File(p) !== expected.sha256)
      throw new BackupError(`резервная копия повреждена: файл ${relative} не совпадает с контрольной суммой.`);
    present.delete(relative);
  }
  if (present.size)
    throw new BackupError(`в резервной копии есть лишние файлы: ${[...present].slice(0, 5).join(", ")}.`);
  return manifest;
}

const nonEmpty = (dir: string) => existsSync(dir) && readdirSync(dir).length > 0;

/** As root, PostgreSQL runs as the `postgres` user (server/db/embedded.ts): the cluster must be its. */
function giveToPostgresUser(dir: string) {
  if (process.getuid?.() !== 0) return;
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  let uid: number, gid: number;
  try {
    [uid, gid] = [id("-u"), id("-g")];
  } catch {
    execFileSync("groupadd", ["-f", "postgres"]);
    execFileSync("useradd", ["-g", "postgres", "postgres"]);
    [uid, gid] = [id("-u"), id("-g")];
  }
  const walk = (p: string) => {
    chownSync(p, uid, gid);
    if (lstatSync(p).isDirectory()) for (const e of readdirSync(p)) walk(path.join(p, e));
  };
  walk(dir);
}

export type RestoreResult = { manifest: Manifest; movedAside: string[]; rows: Record<string, number> };

/**
 * Restores a backup taken by `backup`. Refuses when the database or the files folder holds data,
 * unless `force`: then what was there is moved aside (embedded) or replaced (DATABASE_URL).
 */
export async function restore(
  where: Locations,
  from: string,
  options: { force?: boolean } = {},
): Promise<RestoreResult> {
  const manifest = verifyBackup(from);
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const movedAside: string[] = [];
  const moveAside = (dir: string) => {
    const aside = `${dir}.before-restore-${stamp}`;
    renameSync(dir, aside);
    movedAside.push(aside);
  };
  if ((manifest.database.kind === "DATABASE_URL") !== !!where.databaseUrl)
    throw new BackupError(
      manifest.database.kind === "embedded"
        ? "это копия встроенной базы данных: восстановите её без DATABASE_URL."
        : "это копия базы данных сервера (pg_dump): восстановите её с DATABASE_URL нужного сервера.",
    );

  // Every refusal before anything changes: the database first, then the files.
  const postgresDir = path.join(where.dataDir, "postgres");
  const clusterDir = path.join(postgresDir, "cluster");
  if (where.databaseUrl) {
    const client = new pg.Client({ connectionString: where.databaseUrl });
    await client.connect();
    try {
      const tables = await appRowCounts(client);
      if (Object.keys(tables).length && !options.force)
        throw new BackupError(
          "в базе данных DATABASE_URL уже есть таблицы: восстановление не затирает данные. Укажите пустую базу или добавьте --force (её таблицы будут заменены).",
        );
    } finally {
      await client.end();
    }
  } else {
    if (runningEmbeddedPostgres(postgresDir))
      throw new BackupError(
        `встроенная база данных в ${clusterDir} работает: остановите приложение (npm start) и повторите.`,
      );
    if (nonEmpty(clusterDir) && !options.force)
      throw new BackupError(
        `в ${clusterDir} уже есть база данных: восстановление не затирает данные. Укажите пустую папку данных (REGLAMENT_DATA_DIR) или добавьте --force (текущая будет отодвинута в сторону).`,
      );
  }
  if (nonEmpty(where.filesDir) && !options.force)
    throw new BackupError(
      `папка файлов ${where.filesDir} не пуста: восстановление не затирает данные. Укажите пустую папку или добавьте --force (текущая будет отодвинута в сторону).`,
    );

  let rows: Record<string, number>;
  if (where.databaseUrl) {
    const run = spawnSync(
      "pg_restore",
      [
        "--single-transaction",
        "--exit-on-error",
        "--no-owner",
        ...(options.force ? ["--clean", "--if-exists"] : []),
        "--dbname",
        where.databaseUrl,
        path.join(from, "database.dump"),
      ],
      { encoding: "utf8" },
    );
    if (run.error || run.status !== 0)
      throw new BackupError(
        `pg_restore не выполнен, база данных не изменена:\n${run.stderr ?? run.error?.message ?? ""}`,
      );
    const check = new pg.Client({ connectionString: where.databaseUrl });
    await check.connect();
    rows = await appRowCounts(check).finally(() => check.end());
  } else {
    if (existsSync(clusterDir)) moveAside(clusterDir);
    mkdirSync(postgresDir, { recursive: true });
    // Copied under a temporary name, then renamed: an interrupted restore leaves no half cluster.
    const incoming = `${clusterDir}.restoring-${stamp}`;
    copyTree(path.join(from, "cluster"), incoming, () => "copy");
    chmodSync(incoming, 0o700);
    giveToPostgresUser(incoming);
    renameSync(incoming, clusterDir);
    copyFileSync(path.join(from, "credentials.json"), path.join(postgresDir, "credentials.json"));
    chmodSync(path.join(postgresDir, "credentials.json"), 0o600);
    // Recovery runs here: PostgreSQL replays the WAL of the backup up to its end.
    const server = await startEmbeddedPostgres({ dir: postgresDir, quiet: true });
    try {
      const client = new pg.Client({ connectionString: withDatabase(server.serverUrl, DATABASE) });
      await client.connect();
      rows = await appRowCounts(client).finally(() => client.end());
    } finally {
      await server.stop();
    }
  }

  if (
    existsSync(path.join(from, "auth-secret")) &&
    (!existsSync(path.join(where.dataDir, "auth-secret")) || options.force)
  ) {
    mkdirSync(where.dataDir, { recursive: true });
    copyFileSync(path.join(from, "auth-secret"), path.join(where.dataDir, "auth-secret"));
    chmodSync(path.join(where.dataDir, "auth-secret"), 0o600);
  }
  if (nonEmpty(where.filesDir)) moveAside(where.filesDir);
  else if (existsSync(where.filesDir)) rmdirSync(where.filesDir);
  if (existsSync(path.join(from, "files"))) {
    const incoming = `${where.filesDir}.restoring-${stamp}`;
    copyFilesDir(path.join(from, "files"), incoming);
    renameSync(incoming, where.filesDir);
  }

  const differing = Object.keys({ ...manifest.database.rows, ...rows }).filter(
    (t) => manifest.database.rows[t] !== rows[t],
  );
  if (differing.length)
    throw new BackupError(
      `после восстановления число строк не совпадает с резервной копией в таблицах: ${differing.join(", ")}.`,
    );
  return { manifest, movedAside, rows };
}
