// The quality dashboard (issue 14 p.6; R27; S1 p.25): the head filters by a service, a new application
// shows in the table, the chart is drawn, and the CSV carries the very figures of the table. The
// figures themselves against an independently computed fixture: server/quality/quality.int.test.ts.
import { readFile } from "node:fs/promises";
import { roadInfoRegulation } from "../prisma/seed/regulations";
import { submitRoadInfo } from "./api";
import { expect, expectAccessible, test } from "./fixtures";

test("a head filters the quality figures by a service, sees the chart and downloads the same figures as CSV", async ({
  headPage: page,
  applicantPage,
}) => {
  await page.goto("/staff");
  await page.getByRole("link", { name: "Показатели качества" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Показатели качества" })).toBeVisible();

  await page.getByRole("combobox", { name: "Услуга" }).selectOption({ label: roadInfoRegulation.passport.name });
  // A wide period: other specs may have moved the app's clock (server/clock.ts).
  await page.getByLabel("С даты").fill("2020-01-01");
  await page.getByLabel("По дату").fill("2099-12-31");
  await page.getByRole("button", { name: "Показать" }).click();
  await expect(page).toHaveURL(/service=[0-9a-f-]{36}.*from=2020-01-01&to=2099-12-31/);
  const table = page.getByTestId("quality-table");
  await expect(table.getByRole("columnheader")).toHaveText(["Показатель", roadInfoRegulation.passport.name, "Всего"]);

  // One more road-info application registered: the table counts it.
  const received = page.getByTestId("total-received");
  const before = Number(await received.textContent());
  await submitRoadInfo(applicantPage, 1);
  await page.reload();
  await expect(received).toHaveText(String(before + 1));

  // The chart is drawn, with its caption; its bars are the table's service column.
  const chart = page.getByRole("figure", { name: /Заявления по услугам/ });
  await expect(chart.locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(chart.locator('div[role="img"]')).toHaveAttribute("aria-label", new RegExp(`принято ${before + 1},`));

  // The CSV: for Excel (BOM, `;`), the total line holding the table's total column, cell by cell.
  const totals = await table.locator('[data-testid^="total-"]').allTextContents();
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Выгрузить в CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString("utf8").split("\r\n");
  const total = lines.find((l) => l.startsWith("Всего;"))!.split(";");
  expect(total.slice(3)).toEqual(totals.map((t) => (t === "—" ? "" : t)));

  await expectAccessible(page);
});
