// Brings a database to a usable state: the configured server (DATABASE_URL) or the embedded one,
// the database created if missing, every migration applied. Used by `npm start`, the seed script,
// the test setup and the benchmarks, so all of them run the same path.
import path from "node:path";
import pg from "pg";
import { runningEmbeddedPostgres, startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded";
import { migrate, type MigrationResult } from "./migrate";
import { ensureDatabase, withDatabase } from "./url";
import { EMBEDDED_APP_ROLE, embeddedAppPassword, roleOf, setUpAppRole, urlAs } from "./app-role";

export type PreparedDatabase = {
  /** The owner's: migrations, the seed. */
  url: string;
  /** The app's (server/db/app-role.ts): the web server and the job workers connect with it. */
  appUrl: string;
  /** The app's own role, or null when it runs as the owner (an external server without APP_DATABASE_URL). */
  appRole: string | null;
  embedded: boolean;
  migrations: MigrationResult;
  /** The embedded server this process started, for watching it (npm start); null with DATABASE_URL or when reused. */
  server: Pick<EmbeddedDatabase, "port" | "pid" | "onExit"> | null;
  stop(): Promise<void>;
};

async function checkReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ server_version_num: string }>("SHOW server_version_num");
    if (Number(rows[0]?.server_version_num) < 150000) {
      throw new Error(`PostgreSQL ${rows[0]?.server_version_num} is too old: Reglament needs PostgreSQL 15 or newer.`);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function prepareDatabase(options: {
  dataDir: string;
  databaseUrl?: string;
  /** APP_DATABASE_URL: the app's own role on the external server (with databaseUrl only). */
  appDatabaseUrl?: string;
  database?: string;
  quiet?: boolean;
  /** Use the embedded server `npm start` runs, when it runs (commands beside the app: admin:create, backup). */
  reuseRunning?: boolean;
}): Promise<PreparedDatabase> {
  if (options.databaseUrl) {
    const url = options.databaseUrl;
    try {
      // Creating the database needs the right to; on a managed server it usually exists already.
      await ensureDatabase(url).catch(() => undefined);
      await checkReachable(url);
    } catch (error) {
      const safe = url.replace(/:\/\/([^:@]+):[^@]*@/, "://$1:***@");
      throw new Error(
        `Cannot reach the database at DATABASE_URL (${safe}): ${(error as Error).message}\n` +
          "Check that the server runs and accepts connections, or unset DATABASE_URL to use the embedded PostgreSQL.",
        { cause: error },
      );
    }
    const migrations = await migrate(url);
    if (!options.appDatabaseUrl)
      return {
        url,
        appUrl: url,
        appRole: null,
        embedded: false,
        migrations,
        server: null,
        stop: async () => undefined,
      };
    const app = roleOf(options.appDatabaseUrl);
    try {
      await setUpAppRole(url, app.user, { password: app.password });
    } catch (error) {
      throw new Error(`Cannot set up the app's role from APP_DATABASE_URL: ${(error as Error).message}`, {
        cause: error,
      });
    }
    return {
      url,
      appUrl: options.appDatabaseUrl,
      appRole: app.user,
      embedded: false,
      migrations,
      server: null,
      stop: async () => undefined,
    };
  }
  const running = options.reuseRunning ? runningEmbeddedPostgres(path.join(options.dataDir, "postgres")) : null;
  if (running) {
    // A command beside a running npm start (admin:create, backup) works as the owner; the app's role is
    // set up by the start itself.
    const url = withDatabase(running.serverUrl, options.database ?? "reglament");
    await ensureDatabase(url);
    return {
      url,
      appUrl: url,
      appRole: null,
      embedded: true,
      migrations: await migrate(url),
      server: null,
      stop: async () => undefined,
    };
  }
  const server = await startEmbeddedPostgres({ dir: path.join(options.dataDir, "postgres"), quiet: options.quiet });
  try {
    const url = withDatabase(server.serverUrl, options.database ?? "reglament");
    await ensureDatabase(url);
    const migrations = await migrate(url);
    // The app's role, its password generated once and kept next to the cluster's own credentials.
    const password = embeddedAppPassword(path.join(options.dataDir, "postgres", "app-password"));
    await setUpAppRole(url, EMBEDDED_APP_ROLE, { password, resetPassword: true });
    const appUrl = urlAs(url, EMBEDDED_APP_ROLE, password);
    return { url, appUrl, appRole: EMBEDDED_APP_ROLE, embedded: true, migrations, server, stop: () => server.stop() };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
