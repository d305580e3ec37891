// R15: several applicants fill one form. Invitations by e-mail with one-time tokens, each
// co-applicant fills their own section, and submission waits for every section.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "../test/db";
import { applicantAccount } from "../test/factories";
import { ARCHIVE_REQUEST } from "../test/fixtures";
import { LocalFileStorage } from "../storage/storage";
import { loadWorkingCalendar } from "../calendar/data";
import { coApplicantSection, coApplicantsForOwner, invitationPreview } from "./participants/data";
import { acceptInvitation, inviteCoApplicant, saveCoApplicantSection } from "./participants/mutations";
import { saveDraft, startDraft, submitApplication } from "./mutations";
import { contentHash } from "../intake/mutations";
import { verifyAuditTrail } from "../audit/data";
import { applicationForOwner } from "./data";
import { applicationCopyPdf } from "./http";
import { PDFParse } from "pdf-parse";

let t: TestDatabase;
const storage = new LocalFileStorage(mkdtempSync(path.join(tmpdir(), "reglament-files-")));
let ownerId: string;
let co: { id: string; email: string };

const VALID = ARCHIVE_REQUEST;

beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  ownerId = (await t.db.user.findUniqueOrThrow({ where: { email: "applicant@demo.reglament.ru" } })).id;
  co = await applicantAccount(t.db, {
    email: "sister@example.ru",
    lastName: "Иванова",
    firstName: "Мария",
    profile: { snils: "112-233-445 95" },
  });
});
afterAll(() => t.drop());

describe("co-applicants (R15)", () => {
  it("are invited by e-mail, accept with their own account, fill their section, and then the application is submitted", async () => {
    const { id } = await startDraft(t.db, { ownerId, serviceCode: "archive-info" });
    const saved = await saveDraft(t.db, ownerId, { id, values: VALID, currentStep: "delivery", expectedRowVersion: 0 });
    const invite = await inviteCoApplicant(t.db, { ownerId, applicationId: id, email: "Sister@Example.ru" });
    expect(invite.email).toBe("sister@example.ru");
    const stored = await t.db.applicationParticipant.findUniqueOrThrow({ where: { id: invite.id } });
    expect(stored.inviteTokenHash).not.toContain(invite.token); // only the hash is kept
    const mail = await t.db.notification.findFirstOrThrow({ where: { userId: co.id, kind: "co_applicant_invited" } });
    expect(mail.body).toContain(`/invitations/${invite.token}`);

    await expect(
      inviteCoApplicant(t.db, { ownerId, applicationId: id, email: "sister@example.ru" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      inviteCoApplicant(t.db, { ownerId, applicationId: id, email: "applicant@demo.reglament.ru" }),
    ).rejects.toMatchObject({ code: "INVALID" });
    // A forwarded link does not work for somebody else.
    await expect(
      acceptInvitation(t.db, { userId: ownerId, email: "applicant@demo.reglament.ru", token: invite.token }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    const submitEarly = await submitApplication(t.db, {
      ownerId,
      id,
      submissionKey: randomUUID(),
      expectedRowVersion: saved.rowVersion,
      calendar: await loadWorkingCalendar(t.db),
      signedWith: "password",
      storage,
    }).catch((e) => e);
    expect(submitEarly.message).toMatch(/Не все созаявители заполнили свои разделы: sister@example.ru/);

    // Issue 16 p.4: before accepting, who invites, to what and what will be asked; a stranger sees nothing.
    const preview = await invitationPreview(t.db, { userId: co.id, email: co.email, token: invite.token });
    expect(preview).toMatchObject({
      applicationId: id,
      inviter: "Иванов Иван Петрович",
      service: { code: "archive-info", title: "Предоставление архивной информации" },
      acceptedByYou: false,
      acceptedByOther: false,
      submitted: false,
    });
    expect(preview.asks.flatMap((a) => a.fields.map((f) => f.label))).toContain(
      "Кем вы приходитесь лицу, о котором запрашиваются сведения",
    );
    await expect(
      invitationPreview(t.db, { userId: ownerId, email: "applicant@demo.reglament.ru", token: invite.token }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      invitationPreview(t.db, { userId: co.id, email: co.email, token: "x".repeat(43) }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });

    await acceptInvitation(t.db, { userId: co.id, email: co.email, token: invite.token });
    expect((await invitationPreview(t.db, { userId: co.id, email: co.email, token: invite.token })).acceptedByYou).toBe(
      true,
    );
    const section = await coApplicantSection(t.db, co.id, id);
    expect(section.values).toMatchObject({
      co_full_name: { lastName: "Иванова", firstName: "Мария" },
      co_snils: "112-233-445 95",
    });
    await expect(
      saveCoApplicantSection(t.db, { userId: co.id, applicationId: id, values: { ...section.values }, complete: true }),
    ).rejects.toMatchObject({ code: "INVALID" });
    await expect(coApplicantSection(t.db, ownerId, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const coValues = { ...section.values, co_relation: "Дочь", co_consent: true };
    await saveCoApplicantSection(t.db, { userId: co.id, applicationId: id, values: coValues, complete: true });
    expect((await coApplicantsForOwner(t.db, ownerId, id))[0]).toMatchObject({
      email: "sister@example.ru",
      name: "Иванова Мария",
    });
    expect((await coApplicantsForOwner(t.db, ownerId, id))[0]!.completedAt).not.toBeNull();

    const result = await submitApplication(t.db, {
      ownerId,
      id,
      submissionKey: randomUUID(),
      expectedRowVersion: saved.rowVersion,
      calendar: await loadWorkingCalendar(t.db),
      signedWith: "password",
      storage,
    });
    expect(result.registrationNumber).toMatch(/^АРХ-/);
    // Issue 16 p.4: the co-applicant who signed is told of the registration too, greeted by name, by e-mail.
    const told = await t.db.notification.findFirstOrThrow({
      where: { userId: co.id, applicationId: id, kind: "application_registered" },
    });
    expect(told.body).toMatch(
      /^Здравствуйте, Мария! Вы созаявитель по совместному заявлению, которое подал\(а\) Иванов Иван Петрович\.\n\n/,
    );
    expect(told.body).toContain(result.registrationNumber);
    expect((await t.db.outgoingEmail.findMany({ where: { notificationId: told.id } })).map((e) => e.to)).toEqual([
      "sister@example.ru",
    ]);
    const app = await t.db.application.findUniqueOrThrow({ where: { id }, include: { participants: true } });
    const coData = app.participants.find((p) => p.role === "CO_APPLICANT")!.data;
    expect(app.contentHash).toBe(
      contentHash({
        serviceCode: "archive-info",
        version: 1,
        values: app.data,
        coApplicants: [{ email: "sister@example.ru", data: coData }],
      }),
    );
    await expect(
      saveCoApplicantSection(t.db, { userId: co.id, applicationId: id, values: coValues, complete: true }),
    ).rejects.toMatchObject({ code: "PRECONDITION" });
    // The audit recomputes that hash from the stored rows (R3): the section is kept as it was signed.
    expect((await verifyAuditTrail(t.db)).problems).toEqual([]);

    // The applicant's copy holds everything the printed hash covers: the co-applicant's section too.
    const copy = (
      await new PDFParse({
        data: new Uint8Array(await applicationCopyPdf((await applicationForOwner(t.db, ownerId, id))!)),
      }).getText()
    ).text;
    expect(copy).toContain("Созаявитель 1: sister@example.ru");
    expect(copy).toContain("Дочь");
    expect(copy).toContain(app.contentHash!);
  });

  it("are not offered for a service without a joint request", async () => {
    const { id } = await startDraft(t.db, { ownerId, serviceCode: "road-info" });
    await expect(inviteCoApplicant(t.db, { ownerId, applicationId: id, email: "x@example.ru" })).rejects.toMatchObject({
      code: "PRECONDITION",
    });
  });
});
