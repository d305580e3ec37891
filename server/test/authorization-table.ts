// The authorization matrix: for every tRPC procedure and every file route, what each kind of caller
// gets. Read by the matrix test (server/api/authorization-matrix.int.test.ts), which enumerates the
// procedures from the router and the routes from app/api and fails on any without a row here, and by
// the fuzz test (server/api/fuzz.int.test.ts), which calls each mutation as the first role allowed.
//
// A row is one line: the expected answers of the ten callers, in the order of ROLES, and the input
// (built fresh for every call, by the same factories as the other integration tests, so "ok" really
// runs the procedure and a mutation by one caller does not spoil the next one's call).
import { DEMO_SIGNING_PIN } from "../../prisma/seed/demo";
import { issuePersonCertificate, makeCrl, makeRootCa, type KeyHolder } from "../signature/ca";
import { addRevocationList, addTrustedCertificate, registerSigningCertificate } from "../signature/mutations";
import { signDetached } from "../signature/cms";
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Session } from "next-auth";
import type { Db } from "../db/client";
import { loadWorkingCalendar } from "../calendar/data";
import type { WorkingCalendar } from "../calendar/working-calendar";
import { LocalFileStorage } from "../storage/storage";
import { saveDraft, startDraft } from "../application/mutations";
import { acceptInvitation, inviteCoApplicant } from "../application/participants/mutations";
import { uploadAttachment } from "../attachment/mutations";
import { requestAccountClaim, requestPasswordReset } from "../auth/mutations";
import { hashPassword } from "../auth/password";
import { moveApplication } from "../workflow/mutations";
import { notify } from "../notification/mutations";
import { sendInteragencyRequest } from "../workflow/requests/mutations";
import { decideComplaint, fileComplaint } from "../complaint/mutations";
import { fileTypoRequest, recordTypoCheck } from "../typo/mutations";
import { createContext } from "../api/trpc";
import { inviteStaff } from "../organisation/mutations";
import { createService, discardDraft, saveDraft as saveEditionDraft } from "../regulation/editions/mutations";
import { transferFile, transferText } from "../regulation/transfer";
import { roadInfoRegulation } from "../../prisma/seed/regulations";
import { starterDocument } from "../regulation/starter";
import { isDemoMailboxOpen } from "../notification/config";
import { createCaller } from "../api/root";
import { ARCHIVE_REQUEST, PAPER_ARCHIVE_REQUEST } from "./fixtures";
import { TWO_VARIANTS_SERVICE } from "./two-variants";
import { publishTwoVariants } from "./two-variants-db";
import {
  applicantAccount,
  createAccount,
  createDepartment,
  demoScope,
  demoUser,
  departmentIds,
  registeredApplication,
  staffAccount,
} from "./factories";
import { DECREE_2027_STAND_IN } from "../calendar/fixtures";
import { exportYear } from "../calendar/schema";
import { deriveYearFromLabourCode } from "../calendar/russia";
import { defaultHours } from "../organisation/schedule";
import { answerForm, fileForm, pdfBytes } from "./files";
// Issue 14 (appointments, rating, the cabinet's actions).
import { bookingTarget } from "../appointment/data";
import { bookableDates, slotKey, slotsOfDay } from "../appointment/slots";
import { applicationRow } from "./factories";

/** The callers, in the order every row lists their answers. */
export const ROLES = [
  "anonymous",
  /** The demo applicant: the owner of the object the input names (or the invitee, the claimant). */
  "owner",
  "otherApplicant",
  "registrar",
  "executor",
  "head",
  "signer",
  "admin",
  /** Registrar, executor, head and signer of the MFC, a department the objects are not in. */
  "otherStaff",
  /** An account with the AUDITOR role alone (issue 11): reads the audit log, nothing else. */
  "auditor",
] as const;
export type Role = (typeof ROLES)[number];

/** Answers: "ok", or the tRPC code (the routes: the HTTP status of that code). */
export const OUTCOMES = {
  ok: "ok",
  U: "UNAUTHORIZED",
  F: "FORBIDDEN",
  NF: "NOT_FOUND",
  BAD: "BAD_REQUEST",
  PRE: "PRECONDITION_FAILED",
  CONFLICT: "CONFLICT",
} as const;
export type Outcome = keyof typeof OUTCOMES;

export const HTTP_STATUS: Record<Outcome, number> = {
  ok: 200,
  U: 401,
  F: 403,
  NF: 404,
  BAD: 400,
  PRE: 412,
  CONFLICT: 409,
};

/** Ten answers separated by spaces, one per role in ROLES order. */
export type Answers = string;

// The usual shapes, named.
/** Anyone, signed in or not. */
const PUBLIC = "ok ok ok ok ok ok ok ok ok ok";
/** Any signed-in account, for its own data. */
const SIGNED_IN = "U ok ok ok ok ok ok ok ok ok";
/** Applicants, each for their own data. */
const APPLICANTS = "U ok ok F F F F F F F";
/** The applicant's own object: another applicant does not learn it exists; staff are not applicants. */
const OWNER = "U ok NF F F F F F F F";
/** The owner's object through a route open to every signed-in account (downloads of an own draft...). */
const OWNER_ANY_USER = "U ok NF NF NF NF NF NF NF NF";
/** Staff of the application's department (all four roles may do it); another department does not see it. */
const DEPARTMENT = "U F F ok ok ok ok F NF F";
/** Any staff member: lists scoped to the caller's departments (empty for another department). */
const STAFF = "U F F ok ok ok ok F ok F";
/** The administrator alone. */
const ADMIN = "U F F F F F F ok F F";
/** The audit log's readers (issue 11): the administrator and the auditor, nobody else. */
const AUDIT = "U F F F F F F ok F ok";
/** The department's executor only (a step the regulation gives the executor). */
const EXECUTOR_ONLY = "U F F F ok F F F NF F";

export type World = {
  db: Db;
  calendar: WorkingCalendar;
  storageRoot: string;
  storage: LocalFileStorage;
  users: Record<Exclude<Role, "anonymous">, { id: string; email: string }> & {
    /** The second demo executor: whom an application is handed to. */
    executor2: { id: string; email: string };
  };
};

/** Pass as `as` in a row's input: the row is called with each role; none of these inputs depend on it. */
export type InputOf = (w: World) => Promise<unknown> | unknown;

export type ProcedureRow = [answers: Answers, input: InputOf];

// -----------------------------------------------------------------------------------------------
// Fixtures: each call gets its own, so an allowed mutation cannot change what the next role meets.
// -----------------------------------------------------------------------------------------------

/** A draft of the demo applicant (the archive request), filled when asked. */
async function draft(w: World, filled = false) {
  const { id } = await startDraft(w.db, { ownerId: w.users.owner.id, serviceCode: "archive-info" });
  if (!filled) return { id, rowVersion: 0 };
  const saved = await saveDraft(w.db, w.users.owner.id, {
    id,
    values: ARCHIVE_REQUEST,
    currentStep: "delivery",
    expectedRowVersion: 0,
  });
  return { id, rowVersion: saved.rowVersion };
}

/** A draft of the two-variant regulation (issue 10 p.8), before the applicant's answers. */
async function variantDraft(w: World) {
  await publishTwoVariants(w.db);
  return startDraft(w.db, { ownerId: w.users.owner.id, serviceCode: TWO_VARIANTS_SERVICE.code });
}

async function draftWithFile(w: World) {
  const d = await draft(w);
  const ref = await uploadAttachment(w.db, w.storage, {
    userId: w.users.owner.id,
    applicationId: d.id,
    fieldKey: "attachments",
    fileName: "скан.pdf",
    content: pdfBytes(),
  });
  return { ...d, fileId: ref.id };
}

/** A co-applicant invitation from a third applicant to the demo applicant ("owner"), with its token. */
async function invitationToOwner(w: World) {
  const inviter = await applicantAccount(w.db);
  const { id } = await startDraft(w.db, { ownerId: inviter.id, serviceCode: "archive-info" });
  const invite = await invitation(w, { ownerId: inviter.id, applicationId: id, email: w.users.owner.email });
  return { applicationId: id, token: invite.token };
}

/** A draft of a third applicant where the demo applicant is an accepted co-applicant. */
async function coApplicantDraft(w: World) {
  const invite = await invitationToOwner(w);
  await acceptInvitation(w.db, { userId: w.users.owner.id, email: w.users.owner.email, token: invite.token });
  return invite.applicationId;
}

/** An archive application of the demo applicant, registered by the engine; at "check" when asked. */
async function registered(w: World, stage: "registration" | "check" = "registration") {
  const app = await registeredApplication(w.db, {
    serviceCode: "archive-info",
    ownerId: w.users.owner.id,
    data: PAPER_ARCHIVE_REQUEST,
    calendar: w.calendar,
  });
  let rowVersion = app.rowVersion;
  if (stage === "check") {
    for (const [who, request] of [
      ["registrar", { transition: "register" }],
      ["head", { transition: "assign_executor", executorId: w.users.executor.id }],
    ] as const) {
      ({ rowVersion } = await moveApplication(w.db, {
        applicationId: app.id,
        expectedRowVersion: rowVersion,
        actor: await demoScope(w.db, who),
        request,
        calendar: w.calendar,
      }));
    }
  }
  return { id: app.id, rowVersion };
}

async function openRequest(w: World) {
  const app = await registered(w);
  const request = await sendInteragencyRequest(w.db, await demoScope(w.db, "executor"), {
    applicationId: app.id,
    typeCode: "forward_to_record_holder",
    text: "Просим сообщить о местонахождении документов",
    calendar: w.calendar,
  });
  return request.id;
}

let slotCounter = 0;
/**
 * A slot of the road-info schedule (R18) no other fixture gets: the fixtures of the roles are built at
 * once, so each takes the next slot of the schedule.
 */
async function nextSlot(w: World): Promise<Date> {
  const now = new Date();
  const target = await bookingTarget(w.db, "road-info", now);
  const all = bookableDates(w.calendar, now).flatMap((d) =>
    slotsOfDay(w.calendar, target.hours, target.slotMinutes, d),
  );
  return all[slotCounter++ % all.length]!.startsAt;
}

/** A slot to book through the flow: the applicants' standing bookings are cancelled first (one per service each). */
async function freeSlot(w: World): Promise<string> {
  await w.db.appointment.updateMany({
    where: { userId: { in: [w.users.owner.id, w.users.otherApplicant.id] }, status: "BOOKED" },
    data: { status: "CANCELLED", slotKey: null },
  });
  return (await nextSlot(w)).toISOString();
}

/**
 * A booking of the demo applicant ("owner") on road-info, written as a row: the fixtures of the roles
 * are built at once, and booking through the flow allows one standing booking per person and service.
 */
async function booking(w: World): Promise<string> {
  const startsAt = await nextSlot(w);
  const target = await bookingTarget(w.db, "road-info", new Date());
  const row = await w.db.appointment.create({
    data: {
      departmentId: target.departmentId,
      serviceId: target.id,
      startsAt,
      endsAt: new Date(startsAt.getTime() + target.slotMinutes * 60_000),
      slotKey: slotKey(target.id, startsAt),
      userId: w.users.owner.id,
      name: "Заявитель",
      purpose: "Подать заявление",
      code: randomUUID().slice(0, 8).toUpperCase(),
    },
  });
  return row.id;
}

/** A closed application of the demo applicant with a result (R21: it may be rated). */
async function decided(w: World) {
  return applicationRow(w.db, {
    serviceCode: "archive-info",
    ownerId: w.users.owner.id,
    state: { status: "CLOSED", outcome: "granted", closedAt: new Date(), registrationNumber: `M-${randomUUID()}` },
  });
}

/** A complaint of the demo applicant on a registered application of theirs (issue 14), with a file when asked. */
async function complaintOf(w: World, withFile = false) {
  const app = await registered(w);
  const c = await fileComplaint(w.db, w.storage, {
    userId: w.users.owner.id,
    applicationId: app.id,
    subject: "other",
    text: "Жалоба для проверки прав доступа",
    files: withFile ? [{ fileName: "скан.pdf", content: pdfBytes() }] : [],
    calendar: w.calendar,
  });
  return { ...c, applicationId: app.id };
}

/** A complaint decided by the head: its letter exists. */
async function decidedComplaint(w: World) {
  const c = await complaintOf(w);
  await decideComplaint(w.db, w.storage, await demoScope(w.db, "head"), {
    id: c.id,
    outcome: "REJECTED",
    decisionText: "Нарушений не выявлено",
  });
  return c;
}

/** A registered application of the demo applicant with an issued result that keeps its content (S2 p.72). */
async function issuedResult(w: World) {
  const app = await registered(w);
  const key = `matrix/${randomUUID()}`;
  await w.storage.put(key, pdfBytes());
  const content = {
    resultTitle: "Архивная справка",
    kind: "positive",
    registrationNumber: "—",
    registeredAt: new Date().toISOString(),
    applicant: { name: "Петров Семён" },
    serviceTitle: "Архивная справка",
    body: "Сведения о работе",
    createdAt: new Date().toISOString(),
  };
  const doc = await w.db.resultDocument.create({
    data: {
      applicationId: app.id,
      resultType: "archival_certificate",
      kind: "positive",
      title: "Архивная справка",
      storageKey: key,
      sha256: "x",
      outgoingNumber: `АС-${randomUUID().slice(0, 8)}`,
      registeredAt: new Date(Date.now() - 120_000),
      signedAt: new Date(Date.now() - 120_000),
      issuedAt: new Date(Date.now() - 60_000),
      createdAt: new Date(Date.now() - 180_000),
      content,
    },
  });
  return { applicationId: app.id, documentId: doc.id };
}

async function typoRequest(w: World) {
  const r = await issuedResult(w);
  return fileTypoRequest(w.db, {
    by: { kind: "applicant", userId: w.users.owner.id },
    ...r,
    description: "Опечатка в фамилии",
    calendar: w.calendar,
  });
}

async function checkedTypo(w: World, confirmed: boolean) {
  const t = await typoRequest(w);
  await recordTypoCheck(w.db, w.storage, await demoScope(w.db, "executor"), {
    id: t.id,
    confirmed,
    text: confirmed ? "Сведения о работе Петрова Семёна" : "Фамилия указана по документам фонда",
  });
  return t;
}

/** A fresh unit under the administration (issue 11: each call edits, moves or closes its own). */
/** A service of its own with one blank draft edition, for the regulation editor's rows (issue 10). */
/** The first edition of a seed service. */
async function versionOf(w: World, code: string) {
  return w.db.regulationVersion.findFirstOrThrow({ where: { service: { code }, version: 1 }, select: { id: true } });
}

async function freshService(w: World) {
  return createService(w.db, w.users.admin.id, {
    code: `matrix-${randomUUID().slice(0, 8)}`,
    title: "Услуга для проверки прав",
    departmentId: (await departmentIds(w.db)).archive!,
  });
}

async function freshUnit(w: World) {
  const ids = await departmentIds(w.db);
  return createDepartment(w.db, {
    code: `matrix-${randomUUID().slice(0, 8)}`,
    name: "Отдел для проверки прав",
    kind: "UNIT",
    parentId: ids.administration!,
  });
}

const departmentFields = () => ({
  name: "Отдел для проверки прав",
  code: `matrix-${randomUUID().slice(0, 8)}`,
  kind: "UNIT" as const,
  address: "",
  phone: "",
  email: "",
  schedule: "",
});

const staffFields = () => ({
  email: `matrix-${randomUUID().slice(0, 8)}@example.ru`,
  lastName: "Проверочный",
  firstName: "Сотрудник",
  middleName: "",
  phone: "",
});

/** The claim link of an account a registrar opened for a paper application (auth/mutations.ts). */
async function claimToken(w: World) {
  const email = `paper-${randomUUID()}@example.ru`;
  await applicantAccount(w.db, { email, lastName: "Бумажный", firstName: "Заявитель" });
  await requestAccountClaim(w.db, { email, lastName: "Петров", firstName: "Семён" });
  const letter = await w.db.outgoingEmail.findFirstOrThrow({ where: { to: email } });
  return /\/claim\/([A-Za-z0-9_-]+)/.exec(letter.text)![1]!;
}

const PASSWORD = "Надёжный-пароль-2026";

/**
 * A co-applicant invitation for a fixture. The matrix invites far more often than the daily cap on an
 * inviter (server/throttle/policy.ts, tested in accounts.int.test.ts): fixtures start uncounted.
 */
async function invitation(w: World, input: Parameters<typeof inviteCoApplicant>[1]) {
  await w.db.rateLimit.deleteMany({});
  return inviteCoApplicant(w.db, input);
}
const NEW_PASSWORD = "Другой-надёжный-пароль-2027";

/** A live reset link of a fresh account with a password. */
async function resetToken(w: World) {
  const email = `reset-${randomUUID()}@example.ru`;
  await applicantAccount(w.db, { email, lastName: "Забывчивый", firstName: "Заявитель", password: PASSWORD });
  await requestPasswordReset(w.db, email);
  const letter = await w.db.outgoingEmail.findFirstOrThrow({ where: { to: email } });
  return /\/reset-password\/([A-Za-z0-9_-]+)/.exec(letter.text)![1]!;
}

let knownHash: Promise<string> | undefined;
/** Gives every caller of the world the password PASSWORD again (one hash, made once): adds nothing to the input. */
async function withKnownPasswords(w: World): Promise<Record<string, never>> {
  knownHash ??= hashPassword(PASSWORD);
  const passwordHash = await knownHash;
  // One row per statement: the roles' fixtures are built at once, and one statement over all rows
  // would deadlock with another's.
  for (const u of Object.values(w.users)) await w.db.user.update({ where: { id: u.id }, data: { passwordHash } });
  return {};
}

/**
 * A CA trusted in the world's database (one per world: the ten callers of a row build their
 * fixtures at once, and a CA per call meant ten trust-store transactions and key generations
 * competing for the pool), and an official's certificate it issued (issue 15).
 */
const worldCas = new WeakMap<World, Promise<KeyHolder>>();
function trustedCa(w: World): Promise<KeyHolder> {
  let ca = worldCas.get(w);
  if (!ca) {
    const made = makeRootCa("Тестовый УЦ матрицы прав");
    ca = addTrustedCertificate(w.db, null, made.cert.der).then(() => made);
    worldCas.set(w, ca);
  }
  return ca;
}
async function trustedHolder(w: World) {
  return issuePersonCertificate(await trustedCa(w), { lastName: "Проверкин", givenNames: "Иван" });
}
async function registeredCertificate(w: World, userId: string): Promise<string> {
  const holder = await trustedHolder(w);
  return (await registerSigningCertificate(w.db, userId, { certificate: holder.cert.der }, new Date())).id;
}
const b64 = (b: Uint8Array) => Buffer.from(b).toString("base64");

// -----------------------------------------------------------------------------------------------
// The procedures. A procedure of the router without a row here fails the matrix test by name.
// -----------------------------------------------------------------------------------------------

//  answers:  anonymous owner otherApplicant registrar executor head signer admin otherStaff auditor
export const PROCEDURES: Record<string, ProcedureRow> = {
  // Registration asks no password: it e-mails a link; the answer is the same for any address.
  "auth.register": [
    PUBLIC,
    () => ({ email: `new-${randomUUID()}@example.ru`, lastName: "Новиков", firstName: "Иван", consent: true }),
  ],
  "auth.requestPasswordReset": [PUBLIC, () => ({ email: `reset-${randomUUID()}@example.ru` })],
  "auth.pendingReset": [PUBLIC, async (w) => ({ token: await resetToken(w) })],
  "auth.resetPassword": [
    PUBLIC,
    async (w) => ({ token: await resetToken(w), password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD }),
  ],
  // Every signed-in account changes its own password, proving the current one.
  "auth.changePassword": [
    SIGNED_IN,
    async (w) => ({
      currentPassword: PASSWORD,
      password: NEW_PASSWORD,
      passwordConfirm: NEW_PASSWORD,
      ...(await withKnownPasswords(w)),
    }),
  ],
  "auth.pendingClaim": [PUBLIC, async (w) => ({ token: await claimToken(w) })],
  "auth.claim": [
    PUBLIC,
    async (w) => ({
      token: await claimToken(w),
      lastName: "Петров",
      firstName: "Семён",
      password: PASSWORD,
      passwordConfirm: PASSWORD,
    }),
  ],
  "catalogue.list": [PUBLIC, () => undefined],
  "catalogue.get": [PUBLIC, () => ({ code: "archive-info" })],
  "cabinet.myApplications": [APPLICANTS, () => undefined],
  "application.startDraft": [APPLICANTS, () => ({ serviceCode: "archive-info" })],
  "application.getDraft": [OWNER, async (w) => ({ id: (await draft(w)).id })],
  "application.saveDraft": [
    OWNER,
    async (w) => ({ id: (await draft(w)).id, values: ARCHIVE_REQUEST, currentStep: "request", expectedRowVersion: 0 }),
  ],
  "application.chooseVariant": [
    OWNER,
    async (w) => ({ id: (await variantDraft(w)).id, answers: { who: "representative" } }),
  ],
  "application.submit": [
    OWNER,
    async (w) => {
      const d = await draft(w, true);
      return { id: d.id, submissionKey: randomUUID(), expectedRowVersion: d.rowVersion };
    },
  ],
  "application.coApplicants": [OWNER, async (w) => ({ id: (await draft(w)).id })],
  "application.inviteCoApplicant": [
    OWNER,
    async (w) => ({ id: (await draft(w)).id, email: `co-${randomUUID()}@example.ru` }),
  ],
  "application.removeCoApplicant": [
    OWNER,
    async (w) => {
      const d = await draft(w);
      const invite = await invitation(w, {
        ownerId: w.users.owner.id,
        applicationId: d.id,
        email: `co-${randomUUID()}@example.ru`,
      });
      return { id: d.id, participantId: invite.id };
    },
  ],
  // The invitation is the owner's address's: anyone else signed in with the link is refused.
  "application.invitation": ["U ok F F F F F F F F", async (w) => ({ token: (await invitationToOwner(w)).token })],
  "application.acceptInvitation": [
    "U ok F F F F F F F F",
    async (w) => ({ token: (await invitationToOwner(w)).token }),
  ],
  "application.coApplicantSection": [OWNER, async (w) => ({ id: await coApplicantDraft(w) })],
  "application.saveCoApplicantSection": [
    OWNER,
    async (w) => ({ id: await coApplicantDraft(w), values: { co_relation: "Сын" }, complete: false }),
  ],
  // Any signed-in account reads its own applications here; staff have none.
  "application.get": ["U ok NF NF NF NF NF NF NF NF", async (w) => ({ id: (await registered(w)).id })],
  // The applicant's page checks the submitted content against its hash (R3): the applicant's own only.
  "application.checkContent": ["U ok NF NF NF NF NF NF NF NF", async (w) => ({ id: (await registered(w)).id })],
  // Issue 14 p.5: the owner deletes a draft (with its files) or withdraws a submitted application.
  "cabinet.deleteDraft": [OWNER, async (w) => ({ id: (await draftWithFile(w)).id })],
  "cabinet.withdraw": [OWNER, async (w) => ({ id: (await registered(w)).id, reason: "Документы больше не нужны" })],
  // Appointments (R18): slots are public; booking is the applicant's; the day list is the department's
  // staff's (another department's list is empty), the marks its registrars' and heads'.
  "appointment.services": [PUBLIC, () => undefined],
  "appointment.offer": [PUBLIC, () => ({ serviceCode: "road-info" })],
  "appointment.book": [
    APPLICANTS,
    async (w) => ({ serviceCode: "road-info", startsAt: await freeSlot(w), purpose: "Подать заявление" }),
  ],
  "appointment.mine": [APPLICANTS, () => undefined],
  "appointment.cancel": [OWNER, async (w) => ({ id: await booking(w) })],
  "appointment.day": [STAFF, () => ({ date: new Date().toISOString().slice(0, 10) })],
  // A booking of the road unit: the archive's signer is staff of another department there (not found).
  "appointment.mark": ["U F F ok F ok NF F NF F", async (w) => ({ id: await booking(w), mark: "arrived" })],
  // Ratings (R21, R27): the owner rates once the result is out; heads (the MFC's head: its own
  // services) and administrators read them.
  "rating.mine": [OWNER, async (w) => ({ id: (await registered(w)).id })],
  "rating.rate": [OWNER, async (w) => ({ applicationId: (await decided(w)).id, score: 5, comment: "Спасибо" })],
  "rating.byService": ["U F F F F ok F ok ok F", () => undefined],
  "notification.mine": [SIGNED_IN, () => ({ limit: 10 })],
  "notification.unreadCount": [SIGNED_IN, () => undefined],
  // Marks only the caller's own notifications: another's id is a no-op, never an error that tells.
  "notification.markRead": [
    SIGNED_IN,
    async (w) => {
      const n = await w.db.notification.findFirstOrThrow({
        where: { userId: w.users.owner.id, kind: "stage_changed" },
      });
      return { ids: [n.id] };
    },
  ],
  // The demo mailbox: an administrator's, in demo mode without SMTP only (issue 9, item 1); elsewhere
  // (the PostgreSQL 15 run has DATABASE_URL, so production mode) it does not exist.
  "notification.mailbox": [isDemoMailboxOpen() ? ADMIN : "U F F F F F F NF F F", () => ({ limit: 10 })],
  "staff.overview": [STAFF, () => undefined],
  "staff.board": [STAFF, () => ({ filters: { serviceCode: "archive-info" } })],
  "staff.column": [STAFF, () => ({ stage: "registration" })],
  "staff.card": [DEPARTMENT, async (w) => ({ id: (await registered(w)).id })],
  // The card page records that it was read (152-FZ): only where the card itself may be read.
  "staff.recordCardView": [DEPARTMENT, async (w) => ({ id: (await registered(w)).id })],
  "staff.executors": [DEPARTMENT, async (w) => ({ id: (await registered(w)).id })],
  // S0 p.7: every staff member may ask; only the departments they head answer (others get an empty list).
  "staff.lateEntries": [STAFF, () => undefined],
  // Registration is the registrar's transition (the regulation's roles, R2).
  "staff.move": [
    "U F F ok F F F F NF F",
    async (w) => {
      const app = await registered(w);
      return { id: app.id, expectedRowVersion: app.rowVersion, transition: "register" };
    },
  ],
  "staff.reassign": [
    "U F F ok F ok F F NF F",
    async (w) => {
      const app = await registered(w, "check");
      return {
        id: app.id,
        expectedRowVersion: app.rowVersion,
        executorId: w.users.executor2.id,
        reason: "Отпуск исполнителя",
      };
    },
  ],
  "staff.intakeServices": [STAFF, () => undefined],
  "staff.intakeForm": ["U F F ok F F F F NF F", () => ({ serviceCode: "archive-info" })],
  "staff.registerPaper": [
    "U F F ok F F F F NF F",
    () => ({
      serviceCode: "archive-info",
      values: PAPER_ARCHIVE_REQUEST,
      channel: "IN_PERSON",
      receivedAt: new Date(Date.now() - 60_000),
      submissionKey: randomUUID(),
      applicant: { lastName: "Петров", firstName: "Семён" },
    }),
  ],
  // Inter-agency requests follow the regulation's roles (issue 9, item 8): the request types of the
  // seeds name none, so the executor's.
  "staff.sendRequest": [
    EXECUTOR_ONLY,
    async (w) => ({
      id: (await registered(w)).id,
      typeCode: "forward_to_record_holder",
      text: "Просим сообщить о местонахождении документов",
    }),
  ],
  "staff.answerRequest": [
    EXECUTOR_ONLY,
    async (w) => ({ requestId: await openRequest(w), answerText: "Документы хранятся в архиве района" }),
  ],
  "staff.comment": [DEPARTMENT, async (w) => ({ id: (await registered(w)).id, text: "Проверено" })],
  // Complaints (issue 14; 210-FZ art. 11.2): heads and registrars of the department see them, the head
  // decides, the registrar enters paper ones (in the registrar's own department: the MFC's too).
  "complaint.forApplication": [OWNER, async (w) => ({ applicationId: (await registered(w)).id })],
  "complaint.list": ["U F F ok F ok F F ok F", () => ({})],
  "complaint.get": ["U F F ok NF ok NF F NF F", async (w) => ({ id: (await complaintOf(w)).id })],
  "complaint.registerPaper": [
    "U F F ok F F F F ok F",
    () => ({ complainantName: "Петров Семён", complainantAddress: "п. Половинка", subject: "other", text: "Жалоба" }),
  ],
  "complaint.decide": [
    "U F F F NF ok NF F NF F",
    async (w) => ({ id: (await complaintOf(w)).id, outcome: "REJECTED", decisionText: "Нарушений не выявлено" }),
  ],
  // Typo corrections (S2 p.72): the applicant's request; the executor or head checks, the signer signs.
  "typo.forApplication": [OWNER, async (w) => ({ applicationId: (await registered(w)).id })],
  "typo.file": [OWNER, async (w) => ({ ...(await issuedResult(w)), description: "Опечатка в фамилии" })],
  "typo.list": [STAFF, () => undefined],
  // A request received on paper: staff of the department read the card's form; only its registrar enters it.
  "typo.paperTarget": [DEPARTMENT, async (w) => ({ applicationId: (await issuedResult(w)).applicationId })],
  "typo.registerPaper": [
    "U F F ok F F F F NF F",
    async (w) => ({ ...(await issuedResult(w)), description: "Опечатка в фамилии", channel: "POST" }),
  ],
  "typo.get": [DEPARTMENT, async (w) => ({ id: (await typoRequest(w)).id })],
  "typo.check": [
    "U F F F ok ok F F NF F",
    async (w) => ({ id: (await typoRequest(w)).id, confirmed: false, text: "Опечатки нет" }),
  ],
  "typo.sign": [
    "U F F F F F ok F NF F",
    async (w) => ({
      id: (await checkedTypo(w, true)).id,
      comment: "Расписка заявителя о получении",
      signing: { pin: DEMO_SIGNING_PIN },
    }),
  ],
  // Electronic signatures (issue 15): an official's own certificates; the administrator's trust store.
  "signature.mine": [STAFF, () => undefined],
  "signature.register": [STAFF, async (w) => ({ certificate: b64((await trustedHolder(w)).cert.der) })],
  // The registrar's certificate: withdrawn by the registrar; another official does not find it.
  "signature.withdraw": [
    "U F F ok NF NF NF F NF F",
    async (w) => ({ id: await registeredCertificate(w, w.users.registrar.id) }),
  ],
  "signature.trust": [ADMIN, () => undefined],
  "signature.addTrusted": [ADMIN, () => ({ certificate: b64(makeRootCa("УЦ для проверки прав").cert.der) })],
  "signature.removeTrusted": [
    ADMIN,
    async (w) => ({ id: (await addTrustedCertificate(w.db, null, makeRootCa("УЦ").cert.der)).id }),
  ],
  "signature.addCrl": [ADMIN, async (w) => ({ crl: b64(makeCrl(await trustedCa(w), [])) })],
  "signature.removeCrl": [
    ADMIN,
    async (w) => ({ id: (await addRevocationList(w.db, null, makeCrl(await trustedCa(w), []))).id }),
  ],
  "signature.certificates": [ADMIN, () => undefined],
  "signature.withdrawAny": [ADMIN, async (w) => ({ id: await registeredCertificate(w, w.users.executor.id) })],
  // Issue 15 p.4: the verdicts of the signatures applicants attach, for the department's staff; a
  // result document's own signature, for its applicant once issued and the department's staff.
  "verification.attachments": [DEPARTMENT, async (w) => ({ id: (await registered(w)).id })],
  "verification.result": [
    "U ok NF ok ok ok ok NF NF NF",
    async (w) => ({ id: (await registeredWithFiles(w)).resultId }),
  ],
  "admin.overview": [ADMIN, () => undefined],
  "audit.log": [AUDIT, () => ({ filter: { kind: "application:registered" }, limit: 5 })],
  "audit.verify": [AUDIT, () => undefined],
  // The organisation (issue 11): the administrator alone, the auditor included in the refusals.
  "organisation.departments": [ADMIN, () => undefined],
  "organisation.openDepartments": [ADMIN, () => undefined],
  "organisation.createDepartment": [
    ADMIN,
    async (w) => ({ ...departmentFields(), parentId: (await departmentIds(w.db)).administration! }),
  ],
  "organisation.updateDepartment": [ADMIN, async (w) => ({ ...departmentFields(), id: (await freshUnit(w)).id })],
  "organisation.moveDepartment": [
    ADMIN,
    async (w) => ({ id: (await freshUnit(w)).id, parentId: (await departmentIds(w.db)).archive! }),
  ],
  "organisation.closeDepartment": [ADMIN, async (w) => ({ id: (await freshUnit(w)).id })],
  "organisation.staff": [ADMIN, () => ({ q: "Проверочный" })],
  "organisation.account": [ADMIN, (w) => ({ id: w.users.executor.id })],
  "organisation.invite": [
    ADMIN,
    async (w) => ({ ...staffFields(), departmentId: (await departmentIds(w.db)).archive!, role: "EXECUTOR" }),
  ],
  "organisation.resendInvitation": [
    ADMIN,
    async (w) => ({
      id: (
        await inviteStaff(w.db, w.users.admin.id, {
          ...staffFields(),
          departmentId: (await departmentIds(w.db)).archive!,
          role: "REGISTRAR",
        })
      ).id,
    }),
  ],
  "organisation.updateAccount": [
    ADMIN,
    async (w) => ({ ...staffFields(), id: (await staffAccount(w.db, [["archive", "EXECUTOR"]])).id }),
  ],
  "organisation.grantRole": [
    ADMIN,
    async (w) => ({
      userId: (await staffAccount(w.db, [["archive", "EXECUTOR"]])).id,
      role: "HEAD",
      departmentId: (await departmentIds(w.db)).archive!,
    }),
  ],
  "organisation.revokeRole": [
    ADMIN,
    async (w) => ({
      userId: (await staffAccount(w.db, [["archive", "EXECUTOR"]])).id,
      role: "EXECUTOR",
      departmentId: (await departmentIds(w.db)).archive!,
    }),
  ],
  "organisation.deactivate": [ADMIN, async (w) => ({ id: (await staffAccount(w.db, [["archive", "EXECUTOR"]])).id })],
  "organisation.reactivate": [
    ADMIN,
    async (w) => ({ id: (await staffAccount(w.db, [["archive", "EXECUTOR"]], { isActive: false })).id }),
  ],
  // The working calendar and reception schedules (issue 11): administrators only.
  "calendar.years": [ADMIN, () => undefined],
  "calendar.year": [ADMIN, () => ({ year: 2027 })],
  "calendar.exportYear": [ADMIN, () => ({ year: 2027 })],
  "calendar.loadDecree": [ADMIN, () => DECREE_2027_STAND_IN],
  "calendar.setDay": [ADMIN, () => ({ date: "2027-03-01", kind: "working", note: "Рабочий день" })],
  "calendar.importYear": [
    ADMIN,
    () => ({ year: 2029, content: exportedYearJson(2029), decreeNumber: "", decreeDate: "" }),
  ],
  // The regulation editor (issue 10): administrators only; a published edition is refused to them too
  // (server/regulation/editions.int.test.ts).
  "regulation.services": [ADMIN, () => undefined],
  "regulation.service": [ADMIN, () => ({ code: "road-info" })],
  "regulation.edition": [ADMIN, async (w) => ({ id: (await freshService(w)).draftId })],
  "regulation.createService": [
    ADMIN,
    async (w) => ({
      code: `matrix-${randomUUID().slice(0, 8)}`,
      title: "Услуга для проверки прав",
      departmentId: (await departmentIds(w.db)).archive!,
    }),
  ],
  "regulation.updateService": [
    ADMIN,
    async (w) => ({
      serviceId: (await freshService(w)).id,
      title: "Услуга для проверки прав (новое название)",
      departmentId: (await departmentIds(w.db)).archive!,
    }),
  ],
  "regulation.setServiceActive": [ADMIN, async (w) => ({ serviceId: (await freshService(w)).id, active: false })],
  "regulation.startDraft": [
    ADMIN,
    async (w) => {
      const s = await freshService(w);
      await discardDraft(w.db, w.users.admin.id, { id: s.draftId, expectedRowVersion: 0 });
      return { serviceId: s.id };
    },
  ],
  "regulation.saveDraft": [
    ADMIN,
    async (w) => ({
      id: (await freshService(w)).draftId,
      expectedRowVersion: 0,
      document: starterDocument({ title: "Услуга для проверки прав", authority: "Администрация" }),
    }),
  ],
  "regulation.discardDraft": [ADMIN, async (w) => ({ id: (await freshService(w)).draftId, expectedRowVersion: 0 })],
  "regulation.simulate": [
    ADMIN,
    async (w) => ({
      editionId: (await freshService(w)).draftId,
      document: starterDocument({ title: "Услуга для проверки прав", authority: "Администрация" }),
      channel: "PORTAL",
      receivedAt: "2026-05-08T14:00:00.000Z",
    }),
  ],
  // Publishing and import (issue 10 p.4, p.6; server/regulation/editions/publish.int.test.ts).
  "regulation.publishPreview": [
    ADMIN,
    async (w) => ({ id: (await freshService(w)).draftId, effectiveFrom: "2030-01-01" }),
  ],
  "regulation.publish": [
    ADMIN,
    async (w) => {
      const s = await freshService(w);
      const saved = await saveEditionDraft(w.db, w.users.admin.id, {
        id: s.draftId,
        expectedRowVersion: 0,
        document: {
          ...structuredClone(roadInfoRegulation),
          passport: { ...roadInfoRegulation.passport, numberPrefix: undefined },
        },
      });
      const today = w.calendar.localDate(new Date());
      return {
        id: s.draftId,
        expectedRowVersion: saved.rowVersion,
        effectiveFrom: today,
        actDate: today,
        actNumber: "1",
        basis: "Постановление для проверки прав",
      };
    },
  ],
  "regulation.importEdition": [
    ADMIN,
    async (w) => {
      const s = await freshService(w);
      await discardDraft(w.db, w.users.admin.id, { id: s.draftId, expectedRowVersion: 0 });
      const file = transferFile({
        service: { code: "road-info", title: roadInfoRegulation.passport.name },
        edition: { version: 1, basis: null, actNumber: null, actDate: null, effectiveFrom: null },
        document: roadInfoRegulation,
      });
      return { serviceId: s.id, content: transferText(file) };
    },
  ],
  "schedule.departments": [ADMIN, () => undefined],
  "schedule.get": [ADMIN, async (w) => ({ departmentId: (await departmentIds(w.db)).archive })],
  "schedule.save": [ADMIN, async (w) => ({ departmentId: (await departmentIds(w.db)).archive, hours: defaultHours() })],
  // The quality dashboard (issue 14 p.6, R27): heads for their departments (the MFC's head: the archive
  // is not theirs, so not found), administrators for all; other staff, applicants and the auditor refused.
  "quality.options": ["U F F F F ok F ok ok F", () => undefined],
  "quality.report": [
    "U F F F F ok F ok NF F",
    async (w) => ({ from: "2026-01-01", to: "2026-12-31", department: (await departmentIds(w.db)).archive }),
  ],
};

/** A whole year as the calendar page's export writes it (the Labour Code derivation). */
function exportedYearJson(year: number): string {
  return JSON.stringify(exportYear(deriveYearFromLabourCode(year)));
}

// -----------------------------------------------------------------------------------------------
// The file routes: "<path under app/api> <METHOD>". What a call sends: the path parameters, and a
// query or a multipart body where the route reads one.
// -----------------------------------------------------------------------------------------------

export type RouteCall = { params: Record<string, string>; url?: string; body?: () => FormData };

export type RouteRow =
  | [answers: Answers, call: (w: World) => Promise<RouteCall> | RouteCall]
  /** Not a `restRoute`: a library's handler in front of what the matrix covers otherwise. */
  | { gateway: string };

/** The owner's registered application with a file and an issued result. */
async function registeredWithFiles(w: World) {
  const app = await registered(w);
  const key = `matrix/${randomUUID()}`;
  await w.storage.put(key, pdfBytes());
  const file = await w.db.attachment.create({
    data: {
      applicationId: app.id,
      fieldKey: "attachments",
      fileName: "скан.pdf",
      mimeType: "application/pdf",
      size: 2048,
      sha256: "x",
      storageKey: key,
    },
  });
  const result = await w.db.resultDocument.create({
    data: {
      applicationId: app.id,
      resultType: "info",
      kind: "grant",
      title: "Архивная справка",
      storageKey: key,
      sha256: "x",
      outgoingNumber: `АО-${randomUUID().slice(0, 8)}`,
      issuedAt: new Date(),
    },
  });
  return { id: app.id, fileId: file.id, resultId: result.id };
}

// Downloads of a registered application's files: its applicant and the department's staff. The
// administrator is not staff of any department: for the administrator the file does not exist.
const REGISTERED_FILE = "U ok NF ok ok ok ok NF NF NF";

/** A document and its detached signature, for the public check (issue 15). */
function verifyForm(): FormData {
  const holder = issuePersonCertificate(makeRootCa("УЦ проверки прав"), { lastName: "Проверкин", givenNames: "Иван" });
  const content = pdfBytes();
  const sig = signDetached({ content, privateKey: holder.privateKey, cert: holder.cert, signingTime: new Date() });
  const form = new FormData();
  form.append("document", new File([content], "документ.pdf", { type: "application/pdf" }));
  form.append("signature", new File([new Uint8Array(sig)], "документ.pdf.sig"));
  return form;
}

const NO_TEST_CLOCK = "U NF NF NF NF NF NF NF NF NF";

export const ROUTES: Record<string, RouteRow> = {
  "files/[id] GET": [REGISTERED_FILE, async (w) => ({ params: { id: (await registeredWithFiles(w)).fileId } })],
  "results/[id] GET": [REGISTERED_FILE, async (w) => ({ params: { id: (await registeredWithFiles(w)).resultId } })],
  "applications/[id]/files POST": [
    OWNER_ANY_USER,
    async (w) => ({ params: { id: (await draft(w)).id }, url: "/?field=attachments", body: fileForm }),
  ],
  "applications/[id]/files/[fileId] DELETE": [
    OWNER_ANY_USER,
    async (w) => {
      const d = await draftWithFile(w);
      return { params: { id: d.id, fileId: d.fileId } };
    },
  ],
  "applications/[id]/pdf GET": [OWNER_ANY_USER, async (w) => ({ params: { id: (await registered(w)).id } })],
  "applications/[id]/receipt GET": [DEPARTMENT, async (w) => ({ params: { id: (await registered(w)).id } })],
  // The live board's stream: any staff member, about their own departments (an open stream).
  "staff/board/events GET": [STAFF, () => ({ params: {} })],
  "staff/requests/[requestId]/answer POST": [
    EXECUTOR_ONLY,
    async (w) => ({ params: { requestId: await openRequest(w) }, body: answerForm }),
  ],
  "applications/[id]/complaint POST": [
    OWNER,
    async (w) => ({
      params: { id: (await registered(w)).id },
      body: () => {
        const form = new FormData();
        form.set("subject", "other");
        form.set("text", "Жалоба");
        return form;
      },
    }),
  ],
  "complaints/[id]/letter GET": [
    "U ok NF ok NF ok NF NF NF NF",
    async (w) => ({ params: { id: (await decidedComplaint(w)).id } }),
  ],
  "complaints/[id]/files/[n] GET": [
    "U ok NF ok NF ok NF NF NF NF",
    async (w) => ({ params: { id: (await complaintOf(w, true)).id, n: "0" } }),
  ],
  "typos/[id]/letter GET": [REGISTERED_FILE, async (w) => ({ params: { id: (await checkedTypo(w, false)).id } })],
  "health GET": [PUBLIC, () => ({ params: {} })],
  "metrics GET": {
    gateway: "Prometheus scrape: METRICS_TOKEN, not a session (server/observability/metrics.int.test.ts)",
  },
  // Issue 15 p.4 (R17): anyone checks a document and its .sig (a CA nobody trusts here: a verdict, 200).
  "verify POST": [PUBLIC, () => ({ params: {}, body: verifyForm })],
  "audit/export GET": [AUDIT, () => ({ params: {}, url: "/?kind=application:registered" })],
  // The end-to-end tests' clock: not there unless started with REGLAMENT_TEST_CLOCK=1 (server/clock-http.ts).
  "test/clock GET": [NO_TEST_CLOCK, () => ({ params: {} })],
  "test/clock PUT": [NO_TEST_CLOCK, () => ({ params: {}, url: "/?at=2030-01-01T00:00:00Z" })],
  "admin/editions/[id]/result-preview GET": [
    ADMIN,
    async (w) => ({ params: { id: (await freshService(w)).draftId }, url: "/?type=letter" }),
  ],
  "admin/editions/[id]/export GET": [ADMIN, async (w) => ({ params: { id: (await versionOf(w, "road-info")).id } })],
  "quality/export GET": [
    "U F F F F ok F ok NF F",
    async (w) => ({
      params: {},
      url: `/?from=2026-01-01&to=2026-12-31&department=${(await departmentIds(w.db)).archive}`,
    }),
  ],
  "trpc/[trpc] GET": { gateway: "tRPC's fetch adapter: every procedure behind it has its row above" },
  "trpc/[trpc] POST": { gateway: "tRPC's fetch adapter: every procedure behind it has its row above" },
  "auth/[...nextauth] GET": { gateway: "next-auth's own handler (sign-in, session, CSRF)" },
  "auth/[...nextauth] POST": { gateway: "next-auth's own handler (sign-in, session, CSRF)" },
};

// -----------------------------------------------------------------------------------------------
// Setting up the callers.
// -----------------------------------------------------------------------------------------------

export function parseAnswers(name: string, answers: Answers): Record<Role, Outcome> {
  const parts = answers.trim().split(/\s+/);
  if (parts.length !== ROLES.length || parts.some((p) => !(p in OUTCOMES)))
    throw new Error(
      `${name}: expected ${ROLES.length} answers of ${Object.keys(OUTCOMES).join("/")}, got "${answers}"`,
    );
  return Object.fromEntries(ROLES.map((r, i) => [r, parts[i] as Outcome])) as Record<Role, Outcome>;
}

/** Over the demo municipality (`createTestDatabase({ demo: true })`): a second applicant and a staff member of another department. */
export async function createWorld(db: Db): Promise<World> {
  const storageRoot = mkdtempSync(path.join(tmpdir(), "reglament-matrix-"));
  const [owner, registrar, executor, executor2, head, signer, admin] = await Promise.all(
    // The objects are the archive's: its signer is the head of the municipal archive (S2 p.55, p.58).
    (["applicant", "registrar", "executor", "executor2", "head", "archive-head", "admin"] as const).map((who) =>
      demoUser(db, who),
    ),
  );
  const otherApplicant = await applicantAccount(db);
  const otherStaff = await staffAccount(db, [
    ["mfc", "REGISTRAR"],
    ["mfc", "EXECUTOR"],
    ["mfc", "HEAD"],
    ["mfc", "SIGNER"],
  ]);
  const auditor = await createAccount(db, {
    email: `auditor-${randomUUID()}@example.ru`,
    lastName: "Проверяющий",
    firstName: "Аудитор",
    roles: ["AUDITOR"],
    password: null,
    emailVerified: true,
  });
  const w: World = {
    db,
    calendar: await loadWorkingCalendar(db),
    storageRoot,
    storage: new LocalFileStorage(storageRoot),
    users: {
      owner: owner!,
      otherApplicant: { id: otherApplicant.id, email: otherApplicant.email },
      registrar: registrar!,
      executor: executor!,
      head: head!,
      signer: signer!,
      admin: admin!,
      otherStaff: { id: otherStaff.id, email: otherStaff.email },
      auditor,
      executor2: executor2!,
    },
  };
  // The owner has a notification (markRead's input) about a registered application.
  const app = await registered(w);
  await notify(db, {
    userId: owner!.id,
    applicationId: app.id,
    kind: "stage_changed",
    title: "Заявление зарегистрировано",
    body: "Заявление зарегистрировано",
    email: false,
  });
  return w;
}

export function userOf(w: World, role: Role): { id: string; email: string } | null {
  return role === "anonymous" ? null : w.users[role];
}

/** The role's session: only its user id is trusted (the account is re-read on every call). */
export function callerSession(w: World, role: Role): Session | null {
  const u = userOf(w, role);
  return u
    ? ({
        user: { id: u.id, email: u.email, name: "", roles: [], departmentIds: [], authMethod: "password" },
        expires: "2099-01-01T00:00:00Z",
      } as unknown as Session)
    : null;
}

/** The app's router as the role calls it. */
export function callerAs(w: World, role: Role) {
  return createCaller(() => createContext({ db: w.db, session: callerSession(w, role) }));
}
