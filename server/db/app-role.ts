// Least privilege (issue 9 item 7, R3): migrations run as the database owner, the app (the Next server,
// the job workers) as a role of its own that can read and write the application's data but cannot
// TRUNCATE, ALTER or DROP a table, disable a trigger (the append-only and hash-chain triggers of the
// event log), and may only INSERT into and SELECT from the event log. The owner applies these grants
// after every migration, so tables added by later migrations are covered (and default privileges
// cover tables the owner creates in between).
//
// pg-boss keeps its queue in its own schema and creates a table per queue at run time (a partition of
// its job table, which needs the parent's ownership), so that schema belongs to the app's role: it
// holds job bookkeeping, never a record of an application. The owner installs it (creating a schema
// needs CREATE on the database, which the app's role does not get) and hands it over.
//
// The embedded database: `prepareDatabase` creates the role `reglament_app` with a generated password
// kept under the data folder. An external server: APP_DATABASE_URL names the role (README "Security";
// `npm run db:app-role` creates it or prints the SQL for a database administrator).
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import pg from "pg";
import PgBoss from "pg-boss";

export const EMBEDDED_APP_ROLE = "reglament_app";
export const PGBOSS_SCHEMA = "pgboss";
const APP_ROLE_LOCK = 72_616_002;

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;

/** The user and password of a connection string. */
export function roleOf(url: string): { user: string; password: string } {
  const parsed = new URL(url);
  return { user: decodeURIComponent(parsed.username), password: decodeURIComponent(parsed.password) };
}

/** The same server and database as `url`, as another user. */
export function urlAs(url: string, user: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(user);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

/** The embedded app role's password: generated once, kept next to the cluster (like auth-secret). */
export function embeddedAppPassword(file: string): string {
  if (!existsSync(file)) writeFileSync(file, randomBytes(24).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

/** SQL that creates the role (for a database administrator; the owner must be able to act for it). */
export function createRoleSql(role: string, password: string, owner: string): string {
  return [
    `CREATE ROLE ${ident(role)} LOGIN PASSWORD ${literal(password)} NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;`,
    // The owner hands pg-boss's schema to the role and sets default privileges for it: it must be
    // able to act as the role. Never the other way round: the role must not inherit the owner's rights.
    `GRANT ${ident(role)} TO ${ident(owner)};`,
  ].join("\n");
}

/** The grants, for a schema the owner's migrations built. Idempotent: run after every migration. */
export function grantsSql(role: string, owner: string, schema: string): string {
  const r = ident(role);
  const s = ident(schema);
  const t = (table: string) => `${s}.${ident(table)}`;
  return `
GRANT USAGE ON SCHEMA ${s} TO ${r};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${s} TO ${r};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${s} TO ${r};
REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA ${s} FROM ${r};
-- The event log: appended to and read, never changed (R3). Its chain head is the trigger's to write
-- (SECURITY DEFINER); the app may read it (audit:verify runs with either role).
REVOKE UPDATE, DELETE ON ${t("ApplicationEvent")} FROM ${r};
REVOKE UPDATE, DELETE ON ${t("AdminEvent")} FROM ${r};
REVOKE INSERT, UPDATE, DELETE ON ${t("AuditChainHead")} FROM ${r};
-- The migration history: read by the health check, written by the owner only.
REVOKE INSERT, UPDATE, DELETE ON ${t("_prisma_migrations")} FROM ${r};
-- Tables and sequences of later migrations (created by the owner) come with the same rights.
ALTER DEFAULT PRIVILEGES FOR ROLE ${ident(owner)} IN SCHEMA ${s} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r};
ALTER DEFAULT PRIVILEGES FOR ROLE ${ident(owner)} IN SCHEMA ${s} GRANT USAGE, SELECT ON SEQUENCES TO ${r};
-- pg-boss's schema is the role's own (see the top of server/db/app-role.ts).
CREATE SCHEMA IF NOT EXISTS ${ident(PGBOSS_SCHEMA)} AUTHORIZATION ${r};
ALTER SCHEMA ${ident(PGBOSS_SCHEMA)} OWNER TO ${r};
DO $$
DECLARE o RECORD;
BEGIN
  FOR o IN
    SELECT format('ALTER TABLE %I.%I OWNER TO %I', n.nspname, c.relname, ${literal(role)}) AS stmt
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = ${literal(PGBOSS_SCHEMA)} AND c.relkind IN ('r', 'p', 'v')
       AND pg_get_userbyid(c.relowner) <> ${literal(role)}
    UNION ALL
    SELECT format('ALTER SEQUENCE %I.%I OWNER TO %I', n.nspname, c.relname, ${literal(role)})
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = ${literal(PGBOSS_SCHEMA)} AND c.relkind = 'S'
       AND pg_get_userbyid(c.relowner) <> ${literal(role)}
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i'))
    UNION ALL
    SELECT format('ALTER ROUTINE %s OWNER TO %I', p.oid::regprocedure, ${literal(role)})
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE n.nspname = ${literal(PGBOSS_SCHEMA)} AND pg_get_userbyid(p.proowner) <> ${literal(role)}
    UNION ALL
    SELECT format('ALTER TYPE %I.%I OWNER TO %I', n.nspname, ty.typname, ${literal(role)})
      FROM pg_type ty JOIN pg_namespace n ON n.oid = ty.typnamespace
     WHERE n.nspname = ${literal(PGBOSS_SCHEMA)} AND ty.typtype IN ('e', 'd')
       AND pg_get_userbyid(ty.typowner) <> ${literal(role)}
  LOOP
    EXECUTE o.stmt;
  END LOOP;
END;
$$;
`;
}

export type AppRoleSetup = { role: string; created: boolean };

/**
 * As the owner (`ownerUrl`): makes sure the role exists (creating it when `create` gives its password
 * and the owner may create roles), refuses a role that could undo what it is for (a superuser, a
 * member of the owner), and applies the grants. Throws with what to do.
 */
export async function setUpAppRole(
  ownerUrl: string,
  role: string,
  create?: { password: string; resetPassword?: boolean },
): Promise<AppRoleSetup> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    // Instances starting at once: one at a time (concurrent GRANTs on one object fail). The session's
    // end releases it.
    await client.query("SELECT pg_advisory_lock($1)", [APP_ROLE_LOCK]);
    const me = await client.query<{ owner: string; schema: string; can_create: boolean; superuser: boolean }>(
      `SELECT current_user AS owner, current_schema() AS schema, r.rolcreaterole AS can_create, r.rolsuper AS superuser
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    const { owner, schema, can_create, superuser } = me.rows[0]!;
    if (role === owner) throw new Error(`the app role "${role}" is the owner itself: give the app a role of its own`);
    const found = await client.query<{ rolsuper: boolean; rolbypassrls: boolean }>(
      "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1",
      [role],
    );
    let created = false;
    if (found.rowCount === 0) {
      if (!create || !(can_create || superuser))
        throw new Error(
          `the role "${role}" does not exist and ${owner} may not create it: run \`npm run db:app-role -- --print-sql\` and give the SQL to the database administrator`,
        );
      await client.query(createRoleSql(role, create.password, owner));
      created = true;
    } else {
      if (found.rows[0]!.rolsuper || found.rows[0]!.rolbypassrls)
        throw new Error(
          `the app role "${role}" is a superuser (or bypasses row security): it must be an ordinary role`,
        );
      if (create?.resetPassword) await client.query(`ALTER ROLE ${ident(role)} PASSWORD ${literal(create.password)}`);
    }
    const inherits = await client.query<{ member: boolean }>("SELECT pg_has_role($1, $2, 'USAGE') AS member", [
      role,
      owner,
    ]);
    if (inherits.rows[0]!.member)
      throw new Error(`the app role "${role}" is a member of the owner ${owner}: it would have the owner's rights`);
    // The owner acts for the role (pg-boss's schema, default privileges): PostgreSQL 16+ wants the
    // membership explicitly even for a role's creator; a superuser needs none.
    if (!superuser) {
      const acts = await client.query<{ member: boolean }>("SELECT pg_has_role($1, $2, 'MEMBER') AS member", [
        owner,
        role,
      ]);
      if (!acts.rows[0]!.member) await client.query(`GRANT ${ident(role)} TO ${ident(owner)}`);
    }
    // pg-boss installs its schema with CREATE SCHEMA, which needs CREATE on the database even when the
    // schema exists: the owner installs it (pg-boss's own construction SQL), then hands it over below.
    const installed = await client.query<{ t: string | null }>("SELECT to_regclass($1)::text AS t", [
      `${PGBOSS_SCHEMA}.version`,
    ]);
    if (!installed.rows[0]!.t) await client.query(PgBoss.getConstructionPlans(PGBOSS_SCHEMA));
    await client.query("BEGIN");
    try {
      await client.query(grantsSql(role, owner, schema));
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    }
    return { role, created };
  } finally {
    await client.end();
  }
}
