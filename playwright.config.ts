import { defineConfig, devices, type PlaywrightTestConfig } from "@playwright/test";
import { existsSync } from "node:fs";
import { E2E_INSTANCES, E2E_PORT, instancePorts } from "./e2e/ports";

// End-to-end tests run against the production build (`npm start` builds it when the sources changed).
// Each worker has an app instance of its own (e2e/ports.ts): its own embedded database under
// data/e2e-<port>, recreated for every run, its own SMTP server and identity provider, so one worker's
// tests never see another's data or mail. Playwright starts the servers one after the other: the first
// instance builds, the others find the build up to date and only start.
const port = E2E_PORT;
const baseURL = `http://localhost:${port}`; // the fixtures give each worker its own instance's address

// Playwright cannot download its browser where only the npm registry is reachable; Debian's
// Chromium works. Its headless shell (package chromium-headless-shell: the browser without the
// desktop UI, what Playwright itself runs headless) is preferred: measured on 2 cores, 20 tests took
// 127 s of test time with it and 171 s with the full browser. Elsewhere leave CHROMIUM_PATH unset
// and run `npx playwright install chromium`.
const executablePath =
  process.env.CHROMIUM_PATH ||
  ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"].find((path) => existsSync(path));

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: E2E_INSTANCES,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    locale: "ru-RU",
    timezoneId: "Asia/Yekaterinburg",
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
  webServer: Array.from({ length: E2E_INSTANCES }, (_, instance) => servers(instance)).flat(),
});

type WebServer = Extract<NonNullable<PlaywrightTestConfig["webServer"]>, unknown[]>[number];

function servers(instance: number): WebServer[] {
  const ports = instancePorts(instance);
  const appUrl = `http://localhost:${ports.app}`;
  return [
    {
      // The local OpenID Connect provider (ESIA stand-in) the app is configured against.
      command: "npx tsx e2e/oidc-provider.ts",
      url: `http://localhost:${ports.oidc}/.well-known/openid-configuration`,
      timeout: 60_000,
      reuseExistingServer: false,
      env: { OIDC_TEST_PORT: String(ports.oidc), APP_URL: appUrl },
    },
    {
      // A real SMTP server that the app delivers its notifications to.
      command: "npx tsx e2e/smtp-server.ts",
      url: `http://localhost:${ports.smtpHttp}/messages`,
      timeout: 60_000,
      reuseExistingServer: false,
      env: { SMTP_TEST_PORT: String(ports.smtp), SMTP_TEST_HTTP_PORT: String(ports.smtpHttp) },
    },
    {
      // The app itself: production build, its own embedded database, recreated for every run.
      command: `node -e "require('fs').rmSync('data/e2e-${ports.app}',{recursive:true,force:true})" && npx tsx --conditions=react-server scripts/start.ts`,
      url: `${appUrl}/api/health`,
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        PORT: String(ports.app),
        REGLAMENT_DATA_DIR: `data/e2e-${ports.app}`,
        NEXTAUTH_URL: appUrl,
        DATABASE_URL: "",
        // The demo: its accounts sign the tests in (e2e/fixtures.ts).
        REGLAMENT_DEMO: "1",
        // Specs may move the app's clock (server/clock.ts), e.g. to the date a scheduled edition takes effect.
        REGLAMENT_TEST_CLOCK: "1",
        // The default port builds into .next like `npm start`; other ports get their own folder.
        ...(port === 3100 ? {} : { NEXT_DIST_DIR: `.next-e2e-${port}` }),
        OIDC_ISSUER: `http://localhost:${ports.oidc}`,
        OIDC_CLIENT_ID: "reglament-e2e",
        OIDC_CLIENT_SECRET: "e2e-secret-not-for-production",
        OIDC_SCOPE: "openid profile email phone address snils",
        SMTP_URL: `smtp://127.0.0.1:${ports.smtp}`,
        MAIL_SEND_INTERVAL_MS: "1000",
      },
    },
  ];
}
