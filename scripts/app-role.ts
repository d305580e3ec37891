// `npm run db:app-role`: on an external PostgreSQL, creates the app's own role (APP_DATABASE_URL's user
// and password) and grants it what the app needs and nothing more (server/db/app-role.ts), as the
// owner of DATABASE_URL. `npm start` applies the grants itself on every start; this is for the first
// time, or for a database administrator:
//   npm run db:app-role                 create the role if missing (the owner needs CREATEROLE), grant
//   npm run db:app-role -- --print-sql  print the SQL instead (run it as a superuser, after the migrations)
import { createRoleSql, grantsSql, roleOf, setUpAppRole } from "../server/db/app-role";
import { envOrExit } from "../server/env";

const env = envOrExit("[app-role]");
if (!env.databaseUrl || !env.appDatabaseUrl) {
  console.error(
    "[app-role] set DATABASE_URL (the owner, who runs the migrations) and APP_DATABASE_URL (the app's role, e.g. postgresql://reglament_app:<password>@db:5432/reglament).",
  );
  process.exit(1);
}
const owner = roleOf(env.databaseUrl).user;
const app = roleOf(env.appDatabaseUrl);

if (process.argv.includes("--print-sql")) {
  console.log(`-- The app's role for Reglament: run as a superuser in the app's database, after the migrations.
${createRoleSql(app.user, app.password, owner)}
${grantsSql(app.user, owner, "public")}`);
} else {
  try {
    const result = await setUpAppRole(env.databaseUrl, app.user, { password: app.password });
    console.log(
      `[app-role] ${result.created ? "created the role" : "the role exists:"} ${result.role}; grants applied. Start the app with APP_DATABASE_URL set.`,
    );
  } catch (error) {
    console.error(`[app-role] ${(error as Error).message}`);
    process.exit(1);
  }
}
