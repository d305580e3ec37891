// What every public site serves besides its pages: the icon browsers and crawlers ask for, the rules
// for crawlers (the catalogue yes, personal and staff areas no), and the web manifest.
import { expect, test } from "./fixtures";

test("the favicon, the SVG icon and the manifest are served and linked from the pages", async ({ page, request }) => {
  const ico = await request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  expect(ico.headers()["content-type"]).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);
  expect([...(await ico.body()).subarray(0, 4)]).toEqual([0, 0, 1, 0]); // an ICO header

  const svg = await request.get("/icon.svg");
  expect(svg.status()).toBe(200);
  expect(svg.headers()["content-type"]).toMatch(/^image\/svg\+xml/);

  const manifest = await request.get("/manifest.webmanifest");
  expect(manifest.status()).toBe(200);
  expect(JSON.parse(await manifest.text())).toMatchObject({ short_name: "Регламент", lang: "ru", start_url: "/" });

  await page.goto("/");
  await expect(page.locator('head link[rel="icon"][href^="/favicon.ico"]')).toHaveCount(1);
  await expect(page.locator('head link[rel="icon"][href^="/icon.svg"]')).toHaveCount(1);
  await expect(page.locator('head link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
});

test("robots.txt lets crawlers into the catalogue and keeps them out of personal and staff areas", async ({
  request,
}) => {
  const response = await request.get("/robots.txt");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^text\/plain/);
  const rules = (await response.text()).split("\n").map((l) => l.trim());
  expect(rules).toContain("User-agent: *");
  expect(rules).toContain("Allow: /services/");
  for (const path of [
    "/api/",
    "/cabinet",
    "/applications",
    "/invitations",
    "/claim",
    "/reset-password",
    "/mailbox",
    "/staff",
    "/admin",
    "/sign-in?",
  ]) {
    expect(rules, path).toContain(`Disallow: ${path}`);
  }
  // Nothing disallows the catalogue itself.
  expect(rules).not.toContain("Disallow: /");
});
