import { defineConfig, devices } from "@playwright/test";
import { existsSync } from "node:fs";

// End-to-end tests run against the production build (`npm start` builds it when the sources changed)
// with its own embedded database under data/e2e, recreated for every run.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
const oidcPort = port + 101;
const smtpPort = port + 102;
const smtpMessagesUrl = `http://localhost:${port + 103}/messages`; // e2e/fixtures.ts reads the same

// Playwright cannot download its browser where only the npm registry is reachable; Debian's
// Chromium works. Elsewhere leave CHROMIUM_PATH unset and run `npx playwright install chromium`.
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
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
  webServer: [
    {
      // The local OpenID Connect provider (ESIA stand-in) the app is configured against.
      command: "npx tsx e2e/oidc-provider.ts",
      url: `http://localhost:${oidcPort}/.well-known/openid-configuration`,
      timeout: 60_000,
      reuseExistingServer: false,
      env: { OIDC_TEST_PORT: String(oidcPort), APP_URL: baseURL },
    },
    {
      // A real SMTP server that the app delivers its notifications to.
      command: "npx tsx e2e/smtp-server.ts",
      url: smtpMessagesUrl,
      timeout: 60_000,
      reuseExistingServer: false,
      env: { SMTP_TEST_PORT: String(smtpPort), SMTP_TEST_HTTP_PORT: String(port + 103) },
    },
    {
      // The app itself: production build, its own embedded database, recreated for every run.
      command: `node -e "require('fs').rmSync('data/e2e-${port}',{recursive:true,force:true})" && npx tsx --conditions=react-server scripts/start.ts`,
      url: `${baseURL}/api/health`,
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        PORT: String(port),
        REGLAMENT_DATA_DIR: `data/e2e-${port}`,
        NEXTAUTH_URL: baseURL,
        DATABASE_URL: "",
        // The demo: its accounts sign the tests in (e2e/fixtures.ts).
        REGLAMENT_DEMO: "1",
        // The default port builds into .next like `npm start`; other ports get their own folder.
        ...(port === 3100 ? {} : { NEXT_DIST_DIR: `.next-e2e-${port}` }),
        OIDC_ISSUER: `http://localhost:${oidcPort}`,
        OIDC_CLIENT_ID: "reglament-e2e",
        OIDC_CLIENT_SECRET: "e2e-secret-not-for-production",
        OIDC_SCOPE: "openid profile email phone address snils",
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        MAIL_SEND_INTERVAL_MS: "1000",
      },
    },
  ],
});
