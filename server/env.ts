// The configuration of the app: every environment variable it reads, parsed here once, with one rule
// and one default each (README, Configuration). A malformed value stops the start with a message
// naming the variable and what is expected: `MAIL_SEND_INTERVAL_MS=15s` once became NaN and the mail
// sender fired every millisecond. `scripts/start.ts` checks before it builds or starts a database;
// `instrumentation.ts` checks when a server instance starts; scripts check when they start.
//
// An empty value counts as unset (the end-to-end tests start the app with DATABASE_URL="" to get
// the embedded database). Readers go through the accessors of server/config.ts,
// server/notification/config.ts and server/auth/oidc.ts, which take their values from here.
//
// Server only: client components never import this module. The browser learns the municipality's
// zone from the root layout (`data-time-zone` on <html>); code shared by both sides
// (server/format/dates.ts) finds it on the server under DISPLAY_ZONE_KEY, which env() fills.
//
// Not here: next.config.js (plain JS that Next loads before any TypeScript) and scripts/start.ts read
// NEXT_DIST_DIR, a build-folder switch of the test runs; Next reads NEXT_RUNTIME; the test harness
// (playwright.config.ts, e2e/, vitest setup: E2E_PORT, CHROMIUM_PATH...) and the developer tools
// (benchmark, migration tooling) read their own knobs, none of which a deployment sets.
import { z } from "zod";

export const DEFAULT_TIME_ZONE = "Asia/Yekaterinburg";
export const DEFAULT_MAIL_FROM = '"Регламент" <no-reply@reglament.local>';
export const DEFAULT_OIDC_NAME = "Госуслуги (ЕСИА)";
export const DEFAULT_OIDC_SCOPE = "openid profile email phone";

export type RawEnv = Record<string, string | undefined>;

export type Env = {
  /** A PostgreSQL server; null: the embedded one `npm start` runs. The owner: migrations run with it. */
  databaseUrl: string | null;
  /**
   * The app's own role on that server (server/db/app-role.ts): the web server and the job workers
   * connect with it; null: they use DATABASE_URL (on an external server: as the owner, logged at start).
   */
  appDatabaseUrl: string | null;
  /** null: `npm start` generates one and keeps it under the data folder. */
  nextAuthSecret: string | null;
  port: number;
  /** The public URL of the app, without a trailing slash: NEXTAUTH_URL, else http://localhost:PORT. */
  appUrl: string;
  /** Whether NEXTAUTH_URL was given (next-auth reads it itself). */
  nextAuthUrlSet: boolean;
  timeZone: string;
  dueSoonWorkingDays: number;
  dataDir: string;
  /** null: `<dataDir>/files`. */
  filesDir: string | null;
  smtpUrl: string | null;
  mailFrom: string;
  mailSendIntervalMs: number;
  oidc: {
    issuer: string;
    clientId: string;
    clientSecret: string;
    name: string;
    scope: string;
    /** OIDC_CLAIMS as given: profile field → claim name, over the defaults of server/auth/oidc.ts. */
    claims: Record<string, string>;
  } | null;
  jobsPollSeconds: number;
  /** Extra folder with the DejaVu fonts for PDFs (normally found in node_modules). */
  fontsDir: string | null;
  /** Print the embedded PostgreSQL's own log. */
  pgLog: boolean;
  /**
   * Demo mode: the demo accounts are seeded (once) and printed, and the demo mailbox exists.
   * REGLAMENT_DEMO=1/0 when given; otherwise only the embedded default is a demo (no DATABASE_URL and
   * NODE_ENV is not "production"). `npm start` passes its decision to the Next process explicitly,
   * because `next start` sets NODE_ENV=production there (issue 9, item 1).
   */
  demo: boolean;
  /**
   * How many reverse proxies stand in front of the app and append to X-Forwarded-For (TRUST_PROXY).
   * 0: none is trusted, and the client address is the one Next's own server recorded. The throttles
   * of server/throttle/ key on this address: trusting a header nobody controls would let a client
   * pick a fresh address for every attempt.
   */
  trustProxy: number;
  /**
   * REGLAMENT_TEST_CLOCK=1: the end-to-end tests may move the app's clock (server/clock.ts). Allowed
   * only for the demo on the embedded database: a real installation's clock is never movable.
   */
  testClock: boolean;
  /**
   * CRYPTOPRO_PLUGIN_SCRIPT: where the installation serves CryptoPro's `cadesplugin_api.js` (issue 15).
   * Set, the staff pages load it and the sign dialog offers the CryptoPro EDS Browser plug-in.
   */
  cryptoProScript: string | null;
  /** LOG_LEVEL: error, warn or info (server/observability/log.ts); info (the access log) unless a demo. */
  logLevel: "error" | "warn" | "info";
  /** METRICS_TOKEN: the bearer token GET /api/metrics asks for; unset, the endpoint is off. */
  metricsToken: string | null;
};

/** The configuration is wrong: every problem, each naming its variable. */
export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration (environment variables):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("ru-RU", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

const url = (protocols: string[], example: string) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    `expected a URL starting with ${protocols.map((p) => `${p}//`).join(" or ")}, e.g. ${example}`,
  );

const integer = (min: number, max: number, what: string) =>
  z
    .string()
    .refine(
      (v) => /^\d+$/.test(v) && Number(v) >= min && Number(v) <= max,
      `expected ${what}: a whole number from ${min} to ${max}`,
    )
    .transform(Number);

const claimsJson = z.string().transform((v, ctx) => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(v);
  } catch {
    ctx.addIssue({
      code: "custom",
      message: 'expected JSON, e.g. {"snils":"urn:esia:snils","address":"address.formatted"}',
    });
    return z.NEVER;
  }
  const record = z.record(z.string(), z.string().min(1)).safeParse(parsed);
  if (!record.success) {
    ctx.addIssue({
      code: "custom",
      message: 'expected a JSON object of profile field → claim name strings, e.g. {"snils":"urn:esia:snils"}',
    });
    return z.NEVER;
  }
  return record.data;
});

/** Each variable: its rule. Unset (or empty) variables take the defaults in parseEnv. */
const RULES = {
  DATABASE_URL: url(["postgres:", "postgresql:"], "postgresql://user:pass@db:5432/reglament"),
  APP_DATABASE_URL: url(["postgres:", "postgresql:"], "postgresql://reglament_app:pass@db:5432/reglament"),
  NEXTAUTH_SECRET: z.string(),
  NEXTAUTH_URL: url(["http:", "https:"], "https://uslugi.example.ru"),
  PORT: integer(1, 65535, "a TCP port"),
  REGLAMENT_TIMEZONE: z.string().refine(isTimeZone, `expected an IANA time zone name such as ${DEFAULT_TIME_ZONE}`),
  REGLAMENT_DUE_SOON_DAYS: integer(0, 30, "a number of working days"),
  REGLAMENT_DATA_DIR: z.string(),
  REGLAMENT_FILES_DIR: z.string(),
  SMTP_URL: url(["smtp:", "smtps:"], "smtp://user:pass@host:587 or smtps://user:pass@host:465"),
  MAIL_FROM: z.string(),
  MAIL_SEND_INTERVAL_MS: integer(100, 86_400_000, "milliseconds between deliveries of the outbox (15000 is 15 s)"),
  OIDC_ISSUER: url(["http:", "https:"], "https://esia-gateway.example.ru"),
  OIDC_CLIENT_ID: z.string(),
  OIDC_CLIENT_SECRET: z.string(),
  OIDC_NAME: z.string(),
  OIDC_SCOPE: z
    .string()
    .refine((v) => v.split(/\s+/).includes("openid"), 'expected space-separated scopes including "openid"'),
  OIDC_CLAIMS: claimsJson,
  JOBS_POLL_SECONDS: z
    .string()
    .refine(
      (v) => /^\d+(\.\d+)?$/.test(v) && Number(v) >= 0.5 && Number(v) <= 3600,
      "expected seconds from 0.5 to 3600, e.g. 2",
    )
    .transform(Number),
  REGLAMENT_FONTS_DIR: z.string(),
  REGLAMENT_PG_LOG: z.string(),
  REGLAMENT_DEMO: z
    .enum(["0", "1"], { error: "expected 1 (demo: demo accounts and mailbox) or 0 (production: no demo accounts)" })
    .transform((v) => v === "1"),
  REGLAMENT_TEST_CLOCK: z
    .enum(["0", "1"], { error: "expected 1 (the end-to-end tests may move the clock) or 0" })
    .transform((v) => v === "1"),
  LOG_LEVEL: z.enum(["error", "warn", "info"], { error: "expected error, warn or info" }),
  METRICS_TOKEN: z.string().min(16, "expected a token of at least 16 characters"),
  CRYPTOPRO_PLUGIN_SCRIPT: z
    .string()
    .refine(
      (v) => /^(\/[^/]|https:\/\/)/.test(v),
      "expected a path on this site (/cadesplugin_api.js) or an https:// URL",
    ),
  TRUST_PROXY: z
    .string()
    .transform((v) => (v === "true" ? "1" : v === "false" ? "0" : v))
    .pipe(integer(0, 10, 'the number of reverse proxies in front of the app (or "true" for one)')),
} satisfies Record<string, z.ZodType<unknown, string>>;

type Name = keyof typeof RULES;
type Parsed = { [K in Name]?: z.output<(typeof RULES)[K]> };

/** A value as the user wrote it, in a message; secrets are not repeated. */
const shown = (name: Name, value: string) =>
  /SECRET|TOKEN|DATABASE_URL|SMTP_URL/.test(name)
    ? ""
    : `=${JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value)}`;

/** Parses the given environment (process.env at start; an object in tests). Throws EnvError. */
export function parseEnv(raw: RawEnv): Env {
  const problems: string[] = [];
  const v: Parsed = {};
  for (const name of Object.keys(RULES) as Name[]) {
    const value = raw[name]?.trim();
    if (!value) continue;
    const result = RULES[name].safeParse(value);
    if (result.success) (v as Record<Name, unknown>)[name] = result.data;
    else problems.push(`${name}${shown(name, value)}: ${result.error.issues[0]?.message ?? "invalid value"}`);
  }
  if (v.APP_DATABASE_URL && !v.DATABASE_URL)
    problems.push("APP_DATABASE_URL is set: DATABASE_URL (the owner's, for migrations) is required too");
  if (v.OIDC_ISSUER && (!v.OIDC_CLIENT_ID || !v.OIDC_CLIENT_SECRET)) {
    problems.push("OIDC_ISSUER is set: OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are required too");
  }
  const demo = v.REGLAMENT_DEMO ?? (!v.DATABASE_URL && raw.NODE_ENV?.trim() !== "production");
  // Refused where the installation says it is a real one (REGLAMENT_DEMO=0: `npm start` tells the Next
  // process so for every non-demo start); elsewhere it is simply off unless this is the demo. (The
  // Next process of the embedded demo gets the embedded database's DATABASE_URL and REGLAMENT_DEMO=1.)
  if (v.REGLAMENT_TEST_CLOCK && v.REGLAMENT_DEMO === false)
    problems.push(
      "REGLAMENT_TEST_CLOCK=1: a movable clock is for the demo on the embedded database (the end-to-end tests) only; unset it",
    );
  if (problems.length) throw new EnvError(problems);
  const port = v.PORT ?? 3000;
  const dataDir = v.REGLAMENT_DATA_DIR ?? "data";
  return {
    databaseUrl: v.DATABASE_URL ?? null,
    appDatabaseUrl: v.APP_DATABASE_URL ?? null,
    nextAuthSecret: v.NEXTAUTH_SECRET ?? null,
    port,
    appUrl: (v.NEXTAUTH_URL ?? `http://localhost:${port}`).replace(/\/+$/, ""),
    nextAuthUrlSet: !!v.NEXTAUTH_URL,
    // The seeds' municipalities (Половинка, ХМАО – Югра) are on UTC+5.
    timeZone: v.REGLAMENT_TIMEZONE ?? DEFAULT_TIME_ZONE,
    dueSoonWorkingDays: v.REGLAMENT_DUE_SOON_DAYS ?? 2,
    dataDir,
    filesDir: v.REGLAMENT_FILES_DIR ?? null,
    smtpUrl: v.SMTP_URL ?? null,
    mailFrom: v.MAIL_FROM ?? DEFAULT_MAIL_FROM,
    mailSendIntervalMs: v.MAIL_SEND_INTERVAL_MS ?? 15_000,
    oidc: v.OIDC_ISSUER
      ? {
          issuer: v.OIDC_ISSUER.replace(/\/+$/, ""),
          clientId: v.OIDC_CLIENT_ID!,
          clientSecret: v.OIDC_CLIENT_SECRET!,
          name: v.OIDC_NAME ?? DEFAULT_OIDC_NAME,
          scope: v.OIDC_SCOPE ?? DEFAULT_OIDC_SCOPE,
          claims: v.OIDC_CLAIMS ?? {},
        }
      : null,
    jobsPollSeconds: v.JOBS_POLL_SECONDS ?? 2,
    fontsDir: v.REGLAMENT_FONTS_DIR ?? null,
    pgLog: !!v.REGLAMENT_PG_LOG,
    // NODE_ENV is Node's and Next's own switch, not ours: it only tips the default to production.
    demo,
    trustProxy: v.TRUST_PROXY ?? 0,
    testClock: (v.REGLAMENT_TEST_CLOCK ?? false) && demo,
    cryptoProScript: v.CRYPTOPRO_PLUGIN_SCRIPT ?? null,
    logLevel: v.LOG_LEVEL ?? (demo ? "warn" : "info"),
    metricsToken: v.METRICS_TOKEN ?? null,
  };
}

/** Where env() leaves the zone for server/format/dates.ts (a registry symbol: no import needed in client bundles). */
export const DISPLAY_ZONE_KEY = "reglament.displayTimeZone";
let cached: Env | undefined;

/** The configuration of this process, parsed on first use (at start) and kept. Throws EnvError. */
export function env(): Env {
  if (!cached) {
    cached = parseEnv(process.env);
    (globalThis as Record<symbol, unknown>)[Symbol.for(DISPLAY_ZONE_KEY)] = cached.timeZone;
  }
  return cached;
}

/** Tests that change process.env after the start read it again with this. */
export function reloadEnv(): Env {
  cached = undefined;
  return env();
}

/**
 * For the command-line entry points (npm start, npm run jobs, npm run db:seed): the configuration, or
 * the problems named variable by variable and exit code 1, before anything slow or lasting starts.
 */
export function envOrExit(prefix: string): Env {
  try {
    return env();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(`${prefix} could not start: ${error.message}\nSee the configuration table in README.md.`);
    process.exit(1);
  }
}
