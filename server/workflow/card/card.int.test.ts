// The archive's in-person path: the result is registered, then signed bearing its outgoing number
// (R26); the card flags a paper result the applicant has not collected (R10, S2 p.57): while it
// waits it says until when; once that date has passed it says to send it by registered post; when
// it is handed over the flag is gone.
import { sha256 } from "../../storage/storage";
import { withDemoSigning } from "../../test/fixtures";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { loadIdentity } from "../../auth/data";
import { staffScope, type StaffScope } from "../../auth/scope";
import { loadWorkingCalendar } from "../../calendar/data";
import type { WorkingCalendar } from "../../calendar/working-calendar";
import { LocalFileStorage } from "../../storage/storage";
import { moveApplication } from "../mutations";
import { registeredApplication } from "../../test/factories";
import type { TransitionRequest } from "../machine";
import { staffCard } from "./data";

let t: TestDatabase;
let calendar: WorkingCalendar;
const scopes: Record<string, StaffScope> = {};
const storage = new LocalFileStorage(mkdtempSync(path.join(tmpdir(), "reglament-card-")));

beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  calendar = await loadWorkingCalendar(t.db);
  for (const who of ["registrar", "head", "executor", "archive-head"]) {
    const u = await t.db.user.findUniqueOrThrow({ where: { email: `${who}@demo.reglament.ru` } });
    scopes[who] = await staffScope(t.db, (await loadIdentity(t.db, u.id))!);
  }
});
afterAll(() => t.drop());

async function move(id: string, who: string, request: TransitionRequest, now: Date) {
  const { rowVersion } = await t.db.application.findUniqueOrThrow({ where: { id } });
  const s = scopes[who]!;
  await moveApplication(t.db, {
    applicationId: id,
    expectedRowVersion: rowVersion,
    actor: s,
    request,
    ...withDemoSigning(request),
    calendar,
    storage,
    now,
  });
}

describe("uncollected paper results (R10, S2 p.57)", () => {
  it("are flagged on the card until handed over, and marked for registered post 3 working days after the result's registration (S2 p.57)", async () => {
    const day = new Date("2026-03-02T05:00:00Z"); // Monday
    const app = await registeredApplication(t.db, {
      serviceCode: "archive-info",
      data: { delivery_channel: "in_person", full_name: { lastName: "Иванов", firstName: "Иван" } },
      calendar,
      receivedAt: day,
      now: day,
    });
    await move(app.id, "registrar", { transition: "register" }, day);
    await move(app.id, "head", { transition: "assign_executor", executorId: scopes.executor!.userId }, day);
    await move(app.id, "executor", { transition: "no_grounds_found" }, day);
    await move(
      app.id,
      "executor",
      { transition: "prepare_result", resultType: "archival_copy", comment: "Копия решения от 12.03.1992 № 15." },
      day,
    );
    const drafted = await t.db.resultDocument.findFirstOrThrow({ where: { applicationId: app.id } });
    await move(app.id, "archive-head", { transition: "sign_result" }, day);
    // Registered, then signed (S2 p.55-56): the file signed is the one bearing the outgoing number,
    // and the unnumbered draft is gone. The copy issued bears the stamp of the signature (issue 15
    // p.3); the signed file stays as it was signed.
    const doc = await t.db.resultDocument.findFirstOrThrow({ where: { applicationId: app.id } });
    expect(doc.outgoingNumber).toMatch(/^ИСХ-2026-\d{5}$/);
    expect(doc.signedStorageKey).not.toBe(doc.storageKey);
    expect(sha256(await storage.get(doc.signedStorageKey!))).toBe(doc.signedSha256);
    expect(doc.storageKey).not.toBe(drafted.storageKey);
    expect(await storage.exists(drafted.storageKey)).toBe(false);
    const signedText = (
      await new PDFParse({ data: new Uint8Array(await storage.get(doc.signedStorageKey!)) }).getText()
    ).text;
    expect(signedText).toContain(`Исх. № ${doc.outgoingNumber} от`);
    expect(signedText).not.toMatch(/подписан/i);
    const text = (await new PDFParse({ data: new Uint8Array(await storage.get(doc.storageKey)) }).getText()).text;
    expect(text).toContain(`Исх. № ${doc.outgoingNumber} от`);
    expect(text).toContain("ДОКУМЕНТ ПОДПИСАН ЭЛЕКТРОННОЙ ПОДПИСЬЮ");
    expect(text).toContain(`Сертификат: ${(doc.signatureCert as { serial: string }).serial}`);
    expect(text).toContain("Владелец: Лебедева Наталья Павловна");
    const ctx = (now: Date) => ({ now, calendar, dueSoonWorkingDays: 2 });
    expect((await staffCard(t.db, scopes.executor!, app.id, ctx(day)))!.uncollected).toBeNull();

    // Marked ready for pickup two days after the result was registered: the 3 working days still count
    // from the result's registration (S2 p.57), Monday, so until Thursday (not the next Monday, 9 March).
    const wednesday = new Date("2026-03-04T05:00:00Z");
    await move(app.id, "executor", { transition: "ready_for_pickup" }, wednesday);
    const waiting = (await staffCard(t.db, scopes.executor!, app.id, ctx(wednesday)))!.uncollected;
    // Three working days from Monday: until Thursday.
    expect(waiting).toMatchObject({ overdue: false });
    expect(calendar.localDate(waiting!.collectBy)).toBe("2026-03-05");
    const late = (await staffCard(t.db, scopes.executor!, app.id, ctx(new Date("2026-03-06T05:00:00Z"))))!;
    expect(late.uncollected).toMatchObject({ overdue: true });
    expect(late.transitions.map((tr) => tr.key)).toContain("send_uncollected_by_post");

    await move(
      app.id,
      "executor",
      { transition: "hand_over", comment: "Выдано под расписку 05.03.2026" },
      new Date("2026-03-05T06:00:00Z"),
    );
    expect(
      (await staffCard(t.db, scopes.executor!, app.id, ctx(new Date("2026-03-06T05:00:00Z"))))!.uncollected,
    ).toBeNull();
  });
});
