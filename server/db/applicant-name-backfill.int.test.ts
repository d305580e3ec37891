// The migration that adds Application.applicantName fills it for applications registered before it,
// from the two seed forms (the only place that reads their field keys): the organisation for a legal
// entity, else the person's name, else the owner's; drafts stay without one.
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/db";
import { migrate, MIGRATIONS_DIR, readMigrations } from "./migrate";

const MIGRATION = "20261129201154_application_applicant_name";

describe(`migration ${MIGRATION}`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase({ template: false });
  });
  afterAll(() => t.drop());

  it("names the applications registered before it the way the seed forms meant", async () => {
    // The database as it was just before this migration.
    const before = mkdtempSync(path.join(tmpdir(), "reglament-mig-"));
    const names = readMigrations().map((m) => m.name);
    for (const name of names.slice(0, names.indexOf(MIGRATION)))
      cpSync(path.join(MIGRATIONS_DIR, name), path.join(before, name), { recursive: true });
    await migrate(t.url, before);

    const q = (sql: string) => t.db.$executeRawUnsafe(sql);
    await q(
      `INSERT INTO "Department" (id, code, name, kind) VALUES ('00000000-0000-0000-0000-000000000001', 'roads', 'Отдел', 'UNIT')`,
    );
    await q(
      `INSERT INTO "User" (id, email, "lastName", "firstName", "middleName", "updatedAt") VALUES ('00000000-0000-0000-0000-000000000002', 'a@example.ru', 'Иванов', 'Иван', NULL, now())`,
    );
    await q(
      `INSERT INTO "Service" (id, code, title, "departmentId") VALUES ('00000000-0000-0000-0000-000000000003', 'road-info', 'Услуга', '00000000-0000-0000-0000-000000000001')`,
    );
    await q(
      `INSERT INTO "RegulationVersion" (id, "serviceId", version, document, checksum) VALUES ('00000000-0000-0000-0000-000000000004', '00000000-0000-0000-0000-000000000003', 1, '{}', 'x')`,
    );
    const app = (n: number, data: object, number: string | null) =>
      q(`INSERT INTO "Application" (id, "serviceId", "regulationVersionId", "departmentId", "ownerId", data, "registrationNumber", "updatedAt")
         VALUES ('00000000-0000-0000-0001-00000000000${n}', '00000000-0000-0000-0000-000000000003', '00000000-0000-0000-0000-000000000004',
                 '00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000002', '${JSON.stringify(data)}', ${number ? `'${number}'` : "NULL"}, now())`);
    await app(
      1,
      { applicant_type: "legal", org_name: "ООО «Дороги»", full_name: { lastName: "Петров", firstName: "Пётр" } },
      "R-1",
    );
    await app(
      2,
      {
        applicant_type: "individual",
        org_name: "ООО «Дороги»",
        full_name: { lastName: "Петров", firstName: "Пётр", middleName: "Петрович" },
      },
      "R-2",
    );
    await app(3, { applicant_type: "individual" }, "R-3");
    await app(4, { applicant_type: "legal", org_name: "  " }, "R-4");
    await app(5, { full_name: { lastName: "Сидоров", firstName: "Семён" } }, null);

    expect((await migrate(t.url)).applied).toEqual(names.slice(names.indexOf(MIGRATION)));
    const rows = await t.db.$queryRawUnsafe<{ registrationNumber: string | null; applicantName: string | null }[]>(
      `SELECT "registrationNumber", "applicantName" FROM "Application" ORDER BY id`,
    );
    expect(rows.map((r) => [r.registrationNumber, r.applicantName])).toEqual([
      ["R-1", "ООО «Дороги»"],
      ["R-2", "Петров Пётр Петрович"],
      ["R-3", "Иванов Иван"],
      ["R-4", "Иванов Иван"],
      [null, null],
    ]);
  });
});
