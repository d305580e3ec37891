// Who may see an application (server/application/visibility.ts) on real rows, through every read
// and write that loads an application or what hangs off it. The applicant side: the owner and an
// accepted co-applicant see the application, its applicant files and its issued results (README:
// co-applicants see the joint application and fill their section, R15; results once issued, R20);
// nobody else does, an invitation not yet accepted included, and only the owner changes a draft.
// The staff side: the application's department (and its units) once submitted; another
// department's staff, and any staff for a draft, get "not found" (README: existence not disclosed).
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/db";
import { answerAttachment, scopeOf as scopeOfUser } from "../test/factories";
import { ARCHIVE_REQUEST } from "../test/fixtures";
import { LocalFileStorage } from "../storage/storage";
import type { StaffScope } from "../auth/scope";
import { loadWorkingCalendar } from "../calendar/data";
import type { WorkingCalendar } from "../calendar/working-calendar";
import { attachmentForDownload } from "../attachment/data";
import { uploadAttachment } from "../attachment/mutations";
import { resultForDownload } from "../document/data";
import { myApplications } from "../cabinet/data";
import { board } from "../workflow/board/data";
import { executorsFor, staffCard } from "../workflow/card/data";
import { addComment } from "../workflow/card/mutations";
import { moveApplication, reassignExecutor } from "../workflow/mutations";
import { recordRequestAnswer, sendInteragencyRequest } from "../workflow/requests/mutations";
import { coApplicantSection, coApplicantsForOwner } from "./participants/data";
import { acceptInvitation, inviteCoApplicant, saveCoApplicantSection } from "./participants/mutations";
import { applicationForOwner, draftForOwner } from "./data";
import { saveDraft, startDraft, submitApplication } from "./mutations";

let t: TestDatabase;
let calendar: WorkingCalendar;
const storage = new LocalFileStorage(mkdtempSync(path.join(tmpdir(), "reglament-visibility-")));
const pdf = () => {
  const b = new Uint8Array(2048);
  b.set(Buffer.from("%PDF-1.7\n%тест\n"));
  return b;
};
const VALID = ARCHIVE_REQUEST;
const now = new Date("2026-03-06T07:00:00Z");
const ctx = { now, calendar: undefined as unknown as WorkingCalendar, dueSoonWorkingDays: 2 };

const users = {} as Record<"owner" | "co" | "invitee" | "stranger", string>;
let archive: StaffScope;
let roads: StaffScope;
/** The submitted joint application, its applicant file, the department's answer file, an issued and an unissued result. */
const joint = {} as { id: string; file: string; answerFile: string; issued: string; unissued: string; request: string };
/** A draft of the owner's with a file. */
const draft = {} as { id: string; file: string };

const scopeOf = (userId: string) => scopeOfUser(t.db, userId);

beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  calendar = await loadWorkingCalendar(t.db);
  ctx.calendar = calendar;
  users.owner = (await t.db.user.findUniqueOrThrow({ where: { email: "applicant@demo.reglament.ru" } })).id;
  const applicant = (email: string, lastName: string) =>
    t.db.user
      .create({
        data: { email, lastName, firstName: "Мария", roles: ["APPLICANT"], profile: { snils: "112-233-445 95" } },
      })
      .then((u) => u.id);
  users.co = await applicant("sister@example.ru", "Иванова");
  users.invitee = await applicant("cousin@example.ru", "Петрова");
  users.stranger = await applicant("stranger@example.ru", "Посторонняя");
  archive = await scopeOf((await t.db.user.findUniqueOrThrow({ where: { email: "head@demo.reglament.ru" } })).id);
  // Staff with every role, but in the road unit only.
  const roadsId = (await t.db.department.findUniqueOrThrow({ where: { code: "roads" } })).id;
  const roadsUser = await t.db.user.create({
    data: {
      email: "roads@example.ru",
      lastName: "Дорожный",
      firstName: "Пётр",
      memberships: {
        create: (["REGISTRAR", "EXECUTOR", "HEAD"] as const).map((role) => ({ role, departmentId: roadsId })),
      },
    },
  });
  roads = await scopeOf(roadsUser.id);

  // The joint application: the owner's file and one co-applicant who accepted and filled their
  // section; submitted on the portal.
  const { id } = await startDraft(t.db, { ownerId: users.owner, serviceCode: "archive-info" });
  const file = await uploadAttachment(t.db, storage, {
    userId: users.owner,
    applicationId: id,
    fieldKey: "attachments",
    fileName: "скан.pdf",
    content: pdf(),
  });
  const saved = await saveDraft(t.db, users.owner, {
    id,
    values: { ...VALID, attachments: [file] },
    currentStep: "delivery",
    expectedRowVersion: 0,
  });
  const invite = await inviteCoApplicant(t.db, { ownerId: users.owner, applicationId: id, email: "sister@example.ru" });
  await acceptInvitation(t.db, { userId: users.co, email: "sister@example.ru", token: invite.token });
  const section = await coApplicantSection(t.db, users.co, id);
  await saveCoApplicantSection(t.db, {
    userId: users.co,
    applicationId: id,
    values: { ...section.values, co_relation: "Дочь", co_consent: true },
    complete: true,
  });
  await submitApplication(t.db, {
    ownerId: users.owner,
    id,
    submissionKey: randomUUID(),
    expectedRowVersion: saved.rowVersion,
    calendar,
    signedWith: "password",
    storage,
    now,
  });
  // An invitation never accepted (written directly: a submission waits for every invited section).
  await t.db.applicationParticipant.create({
    data: {
      applicationId: id,
      email: "cousin@example.ru",
      role: "CO_APPLICANT",
      inviteTokenHash: `unaccepted-${randomUUID()}`,
    },
  });
  const answer = await answerAttachment(t.db, id);
  const result = (issuedAt: Date | null) =>
    t.db.resultDocument
      .create({
        data: {
          applicationId: id,
          resultType: "archival_copy",
          kind: "result",
          title: "Архивная копия",
          storageKey: `results/${randomUUID()}`,
          sha256: "x",
          issuedAt,
        },
      })
      .then((r) => r.id);
  // Requests are the executor's (the regulation's roles, issue 9 item 8), not the head's.
  const executor = await scopeOf(
    (await t.db.user.findUniqueOrThrow({ where: { email: "executor@demo.reglament.ru" } })).id,
  );
  const request = await sendInteragencyRequest(t.db, executor, {
    applicationId: id,
    typeCode: "forward_to_record_holder",
    text: "Прошу направить сведения",
    calendar,
    now,
  });
  Object.assign(joint, {
    id,
    file: file.id,
    answerFile: answer.id,
    issued: await result(now),
    unissued: await result(null),
    request: request.id,
  });

  const d = await startDraft(t.db, { ownerId: users.owner, serviceCode: "archive-info" });
  const dFile = await uploadAttachment(t.db, storage, {
    userId: users.owner,
    applicationId: d.id,
    fieldKey: "attachments",
    fileName: "черновик.pdf",
    content: pdf(),
  });
  Object.assign(draft, { id: d.id, file: dFile.id });
});
afterAll(() => t.drop());

const viewer = (userId: string) => ({ userId, departmentIds: [] as string[] });

describe("the applicant side", () => {
  it("the owner sees the application, its files and its issued results, not the department's papers", async () => {
    expect(await applicationForOwner(t.db, users.owner, joint.id)).toMatchObject({ id: joint.id, status: "SUBMITTED" });
    expect((await myApplications(t.db, users.owner)).find((a) => a.id === joint.id)).toMatchObject({ role: "owner" });
    expect(await attachmentForDownload(t.db, viewer(users.owner), joint.file)).not.toBeNull();
    expect(await attachmentForDownload(t.db, viewer(users.owner), joint.answerFile)).toBeNull();
    expect(await resultForDownload(t.db, viewer(users.owner), joint.issued)).not.toBeNull();
    expect(await resultForDownload(t.db, viewer(users.owner), joint.unissued)).toBeNull();
    expect((await applicationForOwner(t.db, users.owner, joint.id))!.documents.map((d) => d.id)).toEqual([
      joint.issued,
    ]);
  });

  it("an accepted co-applicant sees what the owner sees, and changes nothing of the owner's", async () => {
    const view = (await applicationForOwner(t.db, users.co, joint.id))!;
    expect(view).toMatchObject({ id: joint.id, status: "SUBMITTED" });
    expect(view.documents.map((d) => d.id)).toEqual([joint.issued]);
    expect((await myApplications(t.db, users.co)).find((a) => a.id === joint.id)).toMatchObject({
      role: "co_applicant",
    });
    expect(await attachmentForDownload(t.db, viewer(users.co), joint.file)).not.toBeNull();
    expect(await attachmentForDownload(t.db, viewer(users.co), joint.answerFile)).toBeNull();
    expect(await resultForDownload(t.db, viewer(users.co), joint.issued)).not.toBeNull();
    expect(await resultForDownload(t.db, viewer(users.co), joint.unissued)).toBeNull();
    // The owner's writes and the owner's views are the owner's: a co-applicant gets "not found".
    expect(await draftForOwner(t.db, users.co, joint.id)).toBeNull();
    await expect(coApplicantsForOwner(t.db, users.co, joint.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      saveDraft(t.db, users.co, { id: joint.id, values: VALID, currentStep: null, expectedRowVersion: 0 }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      inviteCoApplicant(t.db, { ownerId: users.co, applicationId: joint.id, email: "x@example.ru" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      uploadAttachment(t.db, storage, {
        userId: users.co,
        applicationId: joint.id,
        fieldKey: "attachments",
        fileName: "a.pdf",
        content: pdf(),
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The owner, for comparison, is told the application is already submitted.
    await expect(
      saveDraft(t.db, users.owner, { id: joint.id, values: VALID, currentStep: null, expectedRowVersion: 0 }),
    ).rejects.toMatchObject({ code: "PRECONDITION" });
  });

  it("an invitation not accepted, and another applicant, see nothing: not the application, its files or its results", async () => {
    for (const who of [users.invitee, users.stranger]) {
      expect(await applicationForOwner(t.db, who, joint.id)).toBeNull();
      expect((await myApplications(t.db, who)).map((a) => a.id)).not.toContain(joint.id);
      expect(await attachmentForDownload(t.db, viewer(who), joint.file)).toBeNull();
      expect(await resultForDownload(t.db, viewer(who), joint.issued)).toBeNull();
      expect(await applicationForOwner(t.db, who, draft.id)).toBeNull();
      expect(await attachmentForDownload(t.db, viewer(who), draft.file)).toBeNull();
    }
    // Nor does a participant row with the invitee's account but no acceptance open anything.
    await t.db.applicationParticipant.updateMany({
      where: { applicationId: joint.id, email: "cousin@example.ru" },
      data: { userId: users.invitee },
    });
    expect(await applicationForOwner(t.db, users.invitee, joint.id)).toBeNull();
    expect(await attachmentForDownload(t.db, viewer(users.invitee), joint.file)).toBeNull();
  });
});

describe("the staff side", () => {
  it("the application's department sees it with every file and result", async () => {
    expect(await staffCard(t.db, archive, joint.id, ctx)).toMatchObject({ id: joint.id });
    const staff = { userId: archive.userId, departmentIds: archive.departmentIds };
    expect(await attachmentForDownload(t.db, staff, joint.file)).not.toBeNull();
    expect(await attachmentForDownload(t.db, staff, joint.answerFile)).not.toBeNull();
    expect(await resultForDownload(t.db, staff, joint.unissued)).not.toBeNull();
    expect((await executorsFor(t.db, archive, joint.id)).length).toBeGreaterThan(0);
    const cards = (
      await board(t.db, archive, { filters: { serviceCode: "archive-info" }, perColumn: 20 }, ctx)
    ).columns.flatMap((c) => c.cards.map((x) => x.id));
    expect(cards).toContain(joint.id);
  });

  it("another department's staff get «not found» for the application and everything on it", async () => {
    const { rowVersion } = await t.db.application.findUniqueOrThrow({ where: { id: joint.id } });
    const staff = { userId: roads.userId, departmentIds: roads.departmentIds };
    expect(await staffCard(t.db, roads, joint.id, ctx)).toBeNull();
    expect(await attachmentForDownload(t.db, staff, joint.file)).toBeNull();
    expect(await attachmentForDownload(t.db, staff, joint.answerFile)).toBeNull();
    expect(await resultForDownload(t.db, staff, joint.issued)).toBeNull();
    await expect(executorsFor(t.db, roads, joint.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(addComment(t.db, roads, { applicationId: joint.id, text: "чужое" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      sendInteragencyRequest(t.db, roads, {
        applicationId: joint.id,
        typeCode: "forward_to_record_holder",
        text: "чужое",
        calendar,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      recordRequestAnswer(t.db, roads, { requestId: joint.request, answerText: "чужое" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      moveApplication(t.db, {
        applicationId: joint.id,
        expectedRowVersion: rowVersion,
        actor: roads,
        request: { transition: "register" },
        calendar,
        storage,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      reassignExecutor(t.db, {
        applicationId: joint.id,
        expectedRowVersion: rowVersion,
        actor: roads,
        executorId: roads.userId,
        reason: "чужое",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(
      (await board(t.db, roads, { filters: {}, perColumn: 20 }, ctx)).columns.flatMap((c) => c.cards.map((x) => x.id)),
    ).not.toContain(joint.id);
    const late = { now: new Date("2027-01-01T00:00:00Z"), calendar, dueSoonWorkingDays: 2 };
    // The deadlines page's query: the board filtered to overdue work.
    const overdueIds = async (scope: typeof roads) =>
      (await board(t.db, scope, { filters: { deadline: "overdue" }, perColumn: 100 }, late)).columns.flatMap((c) =>
        c.cards.map((x) => x.id),
      );
    expect(await overdueIds(roads)).not.toContain(joint.id);
    expect(await overdueIds(archive)).toContain(joint.id);
    // Nothing was written by the refused calls.
    expect(await t.db.applicationEvent.count({ where: { applicationId: joint.id, actorId: roads.userId } })).toBe(0);
    expect(await t.db.interagencyRequest.findUniqueOrThrow({ where: { id: joint.request } })).toMatchObject({
      answeredAt: null,
    });
  });

  it("a draft is invisible to staff, its own department's included", async () => {
    const staff = { userId: archive.userId, departmentIds: archive.departmentIds };
    expect(await staffCard(t.db, archive, draft.id, ctx)).toBeNull();
    expect(await attachmentForDownload(t.db, staff, draft.file)).toBeNull();
    await expect(executorsFor(t.db, archive, draft.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(addComment(t.db, archive, { applicationId: draft.id, text: "черновик" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      sendInteragencyRequest(t.db, archive, {
        applicationId: draft.id,
        typeCode: "forward_to_record_holder",
        text: "черновик",
        calendar,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      moveApplication(t.db, {
        applicationId: draft.id,
        expectedRowVersion: 0,
        actor: archive,
        request: { transition: "register" },
        calendar,
        storage,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await t.db.applicationEvent.count({ where: { applicationId: draft.id } })).toBe(0);
    // The owner still has it.
    expect(await draftForOwner(t.db, users.owner, draft.id)).toMatchObject({ id: draft.id, status: "DRAFT" });
  });
});
