// The configuration parser (server/env.ts): every default, valid values, and for every kind of
// malformed value a message that names the variable and says what is expected.
import { describe, expect, it } from "vitest";
import { DEFAULT_MAIL_FROM, EnvError, parseEnv, type RawEnv } from "./env";

const problemsOf = (raw: RawEnv): string[] => {
  try {
    parseEnv(raw);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  return [];
};

describe("parseEnv", () => {
  it("wants the owner's DATABASE_URL with the app's APP_DATABASE_URL (migrations run as the owner)", () => {
    expect(problemsOf({ APP_DATABASE_URL: "postgresql://reglament_app:p@db:5432/reglament" })).toEqual([
      "APP_DATABASE_URL is set: DATABASE_URL (the owner's, for migrations) is required too",
    ]);
  });

  it("has a working default for everything (the demo sets nothing)", () => {
    expect(parseEnv({})).toEqual({
      databaseUrl: null,
      appDatabaseUrl: null,
      nextAuthSecret: null,
      port: 3000,
      appUrl: "http://localhost:3000",
      nextAuthUrlSet: false,
      timeZone: "Asia/Yekaterinburg",
      dueSoonWorkingDays: 2,
      dataDir: "data",
      filesDir: null,
      smtpUrl: null,
      mailFrom: DEFAULT_MAIL_FROM,
      mailSendIntervalMs: 15_000,
      oidc: null,
      jobsPollSeconds: 2,
      fontsDir: null,
      pgLog: false,
      demo: true,
      trustProxy: 0,
      testClock: false,
      cryptoProScript: null,
      logLevel: "warn",
      metricsToken: null,
    });
  });

  it("lets the end-to-end tests move the clock only in the demo (issue 10)", () => {
    expect(parseEnv({ REGLAMENT_TEST_CLOCK: "1" }).testClock).toBe(true);
    // The Next process of the embedded demo: the embedded database's URL, and the demo said explicitly.
    const url = "postgresql://u:p@localhost/reglament";
    expect(parseEnv({ REGLAMENT_TEST_CLOCK: "1", DATABASE_URL: url, REGLAMENT_DEMO: "1" }).testClock).toBe(true);
    // Not the demo: off (a build, a production start's supervisor), or refused where production is said.
    expect(parseEnv({ REGLAMENT_TEST_CLOCK: "1", NODE_ENV: "production" }).testClock).toBe(false);
    expect(parseEnv({ REGLAMENT_TEST_CLOCK: "1", DATABASE_URL: url }).testClock).toBe(false);
    expect(() => parseEnv({ REGLAMENT_TEST_CLOCK: "1", REGLAMENT_DEMO: "0" })).toThrow(
      /REGLAMENT_TEST_CLOCK=1: a movable clock/,
    );
  });

  it("is a demo only when nothing says production: DATABASE_URL, NODE_ENV=production or REGLAMENT_DEMO=0 (issue 9)", () => {
    expect(parseEnv({ NODE_ENV: "development" }).demo).toBe(true);
    expect(parseEnv({ DATABASE_URL: "postgresql://u:p@db/reglament" }).demo).toBe(false);
    expect(parseEnv({ NODE_ENV: "production" }).demo).toBe(false);
    expect(parseEnv({ REGLAMENT_DEMO: "0" }).demo).toBe(false);
    // The explicit switch wins both ways: `npm start` passes it to the Next process, where
    // `next start` has set NODE_ENV=production.
    expect(parseEnv({ REGLAMENT_DEMO: "1", NODE_ENV: "production" }).demo).toBe(true);
    expect(parseEnv({ REGLAMENT_DEMO: "1", DATABASE_URL: "postgresql://u:p@db/reglament" }).demo).toBe(true);
    expect(problemsOf({ REGLAMENT_DEMO: "yes" })).toEqual([
      'REGLAMENT_DEMO="yes": expected 1 (demo: demo accounts and mailbox) or 0 (production: no demo accounts)',
    ]);
  });

  it('treats an empty or blank value as unset (the end-to-end tests pass DATABASE_URL="")', () => {
    expect(parseEnv({ DATABASE_URL: "", SMTP_URL: "  ", PORT: "" })).toMatchObject({
      databaseUrl: null,
      smtpUrl: null,
      port: 3000,
    });
  });

  it("takes valid values", () => {
    const e = parseEnv({
      DATABASE_URL: "postgresql://user:pass@db:5432/reglament",
      APP_DATABASE_URL: "postgresql://reglament_app:p@db:5432/reglament",
      NEXTAUTH_SECRET: "s3cret",
      NEXTAUTH_URL: "https://uslugi.example.ru/",
      PORT: "4000",
      REGLAMENT_TIMEZONE: "Europe/Kaliningrad",
      REGLAMENT_DUE_SOON_DAYS: "0",
      REGLAMENT_DATA_DIR: "/var/lib/reglament",
      REGLAMENT_FILES_DIR: "/srv/files",
      SMTP_URL: "smtps://user:p%40ss@mail.example:465",
      MAIL_FROM: '"Администрация" <adm@example.ru>',
      MAIL_SEND_INTERVAL_MS: "60000",
      OIDC_ISSUER: "https://idp.example.ru/",
      OIDC_CLIENT_ID: "reglament",
      OIDC_CLIENT_SECRET: "x",
      OIDC_SCOPE: "openid snils",
      OIDC_CLAIMS: '{"snils":"urn:esia:snils"}',
      JOBS_POLL_SECONDS: "0.5",
      REGLAMENT_PG_LOG: "1",
      TRUST_PROXY: "2",
      CRYPTOPRO_PLUGIN_SCRIPT: "/cadesplugin_api.js",
      LOG_LEVEL: "error",
      METRICS_TOKEN: "a-long-enough-metrics-token",
    });
    expect(e).toMatchObject({
      databaseUrl: "postgresql://user:pass@db:5432/reglament",
      appDatabaseUrl: "postgresql://reglament_app:p@db:5432/reglament",
      nextAuthSecret: "s3cret",
      port: 4000,
      appUrl: "https://uslugi.example.ru",
      nextAuthUrlSet: true,
      timeZone: "Europe/Kaliningrad",
      dueSoonWorkingDays: 0,
      dataDir: "/var/lib/reglament",
      filesDir: "/srv/files",
      smtpUrl: "smtps://user:p%40ss@mail.example:465",
      mailFrom: '"Администрация" <adm@example.ru>',
      mailSendIntervalMs: 60_000,
      oidc: {
        issuer: "https://idp.example.ru",
        clientId: "reglament",
        clientSecret: "x",
        name: "Госуслуги (ЕСИА)",
        scope: "openid snils",
        claims: { snils: "urn:esia:snils" },
      },
      jobsPollSeconds: 0.5,
      pgLog: true,
      trustProxy: 2,
      cryptoProScript: "/cadesplugin_api.js",
      logLevel: "error",
      metricsToken: "a-long-enough-metrics-token",
    });
    // The access log is written by a production start unless LOG_LEVEL says otherwise.
    expect(parseEnv({ REGLAMENT_DEMO: "0" }).logLevel).toBe("info");
    expect(parseEnv({ TRUST_PROXY: "true" }).trustProxy).toBe(1);
    expect(parseEnv({ PORT: "8080" }).appUrl).toBe("http://localhost:8080");
  });

  it.each([
    ["MAIL_SEND_INTERVAL_MS", "15s", /MAIL_SEND_INTERVAL_MS="15s": expected milliseconds .*whole number/],
    ["MAIL_SEND_INTERVAL_MS", "0", /MAIL_SEND_INTERVAL_MS="0": expected .*from 100/],
    ["PORT", "http", /PORT="http": expected a TCP port/],
    ["TRUST_PROXY", "yes", /TRUST_PROXY="yes": expected the number of reverse proxies/],
    [
      "CRYPTOPRO_PLUGIN_SCRIPT",
      "http://cdn.example/cadesplugin_api.js",
      /CRYPTOPRO_PLUGIN_SCRIPT="http:\/\/cdn.example\/cadesplugin_api.js": expected a path on this site/,
    ],
    ["PORT", "70000", /PORT="70000": expected a TCP port: a whole number from 1 to 65535/],
    ["REGLAMENT_DUE_SOON_DAYS", "2.5", /REGLAMENT_DUE_SOON_DAYS="2.5": expected a number of working days/],
    ["REGLAMENT_DUE_SOON_DAYS", "-1", /REGLAMENT_DUE_SOON_DAYS="-1"/],
    [
      "REGLAMENT_TIMEZONE",
      "Asia/Yekaterinbrug",
      /REGLAMENT_TIMEZONE="Asia\/Yekaterinbrug": expected an IANA time zone name such as Asia\/Yekaterinburg/,
    ],
    ["JOBS_POLL_SECONDS", "2s", /JOBS_POLL_SECONDS="2s": expected seconds from 0.5 to 3600/],
    [
      "NEXTAUTH_URL",
      "uslugi.example.ru",
      /NEXTAUTH_URL="uslugi.example.ru": expected a URL starting with http:\/\/ or https:\/\//,
    ],
    ["OIDC_SCOPE", "profile email", /OIDC_SCOPE="profile email": expected .*"openid"/],
  ])("%s=%s stops the start with a message naming it", (name, value, message) => {
    const problems = problemsOf({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it("does not repeat secrets and connection strings in the message", () => {
    const [db] = problemsOf({ DATABASE_URL: "mysql://root:hunter2@db/reglament" });
    expect(db).toMatch(/^DATABASE_URL: expected a URL starting with postgres:\/\/ or postgresql:\/\//);
    expect(db).not.toContain("hunter2");
    const [smtp] = problemsOf({ SMTP_URL: "https://user:hunter2@mail.example" });
    expect(smtp).toMatch(/^SMTP_URL: expected a URL starting with smtp:\/\/ or smtps:\/\//);
    expect(smtp).not.toContain("hunter2");
  });

  it("checks the OIDC claim mapping is a JSON object of strings, and that a client comes with the issuer", () => {
    const oidc = { OIDC_ISSUER: "https://idp.example.ru", OIDC_CLIENT_ID: "a", OIDC_CLIENT_SECRET: "b" };
    expect(problemsOf({ ...oidc, OIDC_CLAIMS: "{snils: urn:esia:snils}" })[0]).toMatch(
      /^OIDC_CLAIMS=.*: expected JSON/,
    );
    expect(problemsOf({ ...oidc, OIDC_CLAIMS: '["snils"]' })[0]).toMatch(
      /^OIDC_CLAIMS=.*: expected a JSON object of profile field → claim name strings/,
    );
    expect(problemsOf({ ...oidc, OIDC_CLAIMS: '{"snils":1}' })[0]).toMatch(/^OIDC_CLAIMS=/);
    expect(problemsOf({ OIDC_ISSUER: "https://idp.example.ru" })).toEqual([
      "OIDC_ISSUER is set: OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are required too",
    ]);
    expect(problemsOf({ OIDC_ISSUER: "idp.example.ru", OIDC_CLIENT_ID: "a", OIDC_CLIENT_SECRET: "b" })[0]).toMatch(
      /^OIDC_ISSUER="idp.example.ru": expected a URL/,
    );
  });

  it("lists every problem at once, in one error whose message names each variable", () => {
    const error = (() => {
      try {
        parseEnv({ PORT: "x", MAIL_SEND_INTERVAL_MS: "15s", REGLAMENT_TIMEZONE: "Mars/Olympus" });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(EnvError);
    expect(error!.message).toMatch(
      /^Invalid configuration \(environment variables\):\n {2}- PORT=.*\n {2}- REGLAMENT_TIMEZONE=.*\n {2}- MAIL_SEND_INTERVAL_MS=/,
    );
  });
});
