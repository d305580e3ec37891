// Acceptance of applications (приём): the one flow by which an application of any channel becomes
// registered — submitted on the portal (server/application/mutations.ts submitApplication) or
// brought on paper, by post, in person or from the MFC and entered by a registrar (R23, S1 p.36,
// S2 p.48; registerPaperApplication below). Both end in `acceptApplication`, which checks the
// content against the pinned regulation version, records who answers for it, registers it and
// tells the applicant, in the caller's transaction.
//
// It lives here, not in server/application, because intake is what the word means: the portal's
// side (drafts, co-applicants, attachments) prepares a draft and hands it over; paper intake has
// no draft at all. server/application depends on intake, never the other way round.
import "server-only";
import type { Db, Tx } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { AppError } from "../errors";
import { config } from "../config";
import { departmentsWithRole, type StaffScope } from "../auth/scope";
import type { WorkingCalendar } from "../calendar/working-calendar";
import { contentHash } from "../audit/content";
import { versionInForce } from "../regulation/data";
import type { Channel, RegulationDocument, StepDef } from "../regulation/document";
import { fieldErrorsByPath, withoutFileFields, type ApplicationValues } from "../regulation/form-schema";
import { buildApplicationSchema } from "../regulation/form-zod";
import { registerInTransaction } from "../workflow/mutations";
import { notify } from "../notification/mutations";
import { registrationMessage } from "../notification/templates";
import { appBaseUrl } from "../notification/config";
import { rolesIn } from "../workflow/machine";
import { coApplicantSteps } from "../application/co-applicants";
import { visibleToStaff } from "../application/visibility";
import { salutationName } from "../people";
import type { ReceivedDocument } from "./schema";

/**
 * Every acceptance transaction waits this long for a pooled connection and may run this long. Under
 * load Prisma's 2 s default would turn the wait into an error that is neither a registration nor a
 * conflict (and a paper intake is as likely to be retried as a portal submission).
 */
export const ACCEPTANCE_TX = { maxWait: 15_000, timeout: 20_000 };

/** The SHA-256 of the canonical content (R17): server/audit/content.ts, where the audit recomputes it. */
export { contentHash };

/** Who answers for the content. */
export type AcceptedBy =
  /** The signed-in applicant submitting on the portal: a simple electronic signature (R17). */
  | { kind: "applicant"; userId: string; email: string; method: "password" | "oidc" }
  /**
   * A registrar entering what arrived on paper (R23): the event records who entered it and which of
   * the regulation's documents were received, with their sheets (issue 16 p.12, the receipt's list).
   */
  | { kind: "registrar"; userId: string; documents?: ReceivedDocument[] };

export type AcceptInput = {
  /**
   * The row: the applicant's draft, written only if it is still the row version that was checked
   * (`conflict` is the message otherwise); or a new application for the owner `owner` finds or
   * opens, created once the content has passed the checks.
   */
  application:
    | { draft: { id: string; ownerId: string; rowVersion: number; conflict: string } }
    | {
        create: {
          serviceId: string;
          departmentId: string;
          channel: Exclude<Channel, "PORTAL">;
          owner: (tx: Tx) => Promise<{ id: string; email: string | null }>;
        };
      };
  service: { code: string; title: string };
  /** The regulation version the application is judged by and pinned to (R11). */
  version: { id: string; version: number; document: RegulationDocument };
  values: Record<string, unknown>;
  /** Co-applicants' sections of a joint request (R15): each confirmed, checked and signed with the rest. */
  coApplicants?: { id?: string; email: string; data: unknown; completedAt: Date | null }[];
  submissionKey: string;
  by: AcceptedBy;
  /** When it arrived: deadlines count from here (R7; on a non-working day from the next working day, S2 p.66). */
  receivedAt: Date;
  /** Greeting of the registration notice (R19). */
  recipientName: string;
  calendar: WorkingCalendar;
  now: Date;
};

export type Accepted = {
  id: string;
  ownerId: string;
  registrationNumber: string;
  registeredAt: Date;
  dueAt: Date;
  /** The content as accepted (the strict schema's output) and the co-applicants' sections. */
  data: ApplicationValues;
  coApplicants: { email: string; data: ApplicationValues }[];
};

const applicantSteps = (doc: RegulationDocument): StepDef[] =>
  doc.form.steps.filter((s) => (s.section ?? "applicant") === "applicant");

/**
 * Accepts an application, inside the caller's transaction: validates it with the strict schema
 * rebuilt from the pinned regulation version (the builder the browser's form runs), records the
 * content hash with the applicant's signature or the registrar's entry, writes the row and the
 * `submitted` event, registers it (number, first stage, deadlines from the channel's registration
 * term, R7) and notifies the applicant (R19). Nothing is announced about an acceptance that rolls
 * back: the notice is written in the same transaction.
 */
export async function acceptApplication(tx: Tx, input: AcceptInput): Promise<Accepted> {
  const { by, version, now } = input;
  const strict = { mode: "submit" as const, today: now, timeZone: config().timeZone };
  const refused = by.kind === "applicant" ? "Заявление не отправлено" : "Заявление не зарегистрировано";
  // Documents that came on paper are paper originals, nothing is uploaded: such an application is
  // judged by the form without its file fields, the form the registrar fills.
  const steps =
    by.kind === "registrar" ? withoutFileFields(applicantSteps(version.document)) : applicantSteps(version.document);
  const checked = buildApplicationSchema(steps, strict).safeParse(input.values);
  if (!checked.success)
    throw new AppError("INVALID", `${refused}: исправьте ошибки в отмеченных полях`, fieldErrorsByPath(checked.error));
  const data = checked.data;

  const sections = input.coApplicants ?? [];
  const pending = sections.filter((p) => !p.completedAt);
  if (pending.length)
    throw new AppError(
      "PRECONDITION",
      `Не все созаявители заполнили свои разделы: ${pending.map((p) => p.email).join(", ")}`,
    );
  const coSchema = buildApplicationSchema(coApplicantSteps(version.document), strict);
  const coApplicants = sections.map((p) => {
    const section = coSchema.safeParse(p.data);
    if (!section.success)
      throw new AppError(
        "PRECONDITION",
        `Раздел созаявителя ${p.email} заполнен не полностью: попросите его проверить раздел`,
      );
    return { id: p.id, email: p.email, data: section.data };
  });
  const hash = contentHash({
    serviceCode: input.service.code,
    version: version.version,
    values: data,
    ...(coApplicants.length ? { coApplicants: coApplicants.map(({ email, data }) => ({ email, data })) } : {}),
  });

  let id: string;
  let ownerId: string;
  if ("draft" in input.application) {
    const draft = input.application.draft;
    const updated = await tx.application.updateMany({
      where: { id: draft.id, status: "DRAFT", rowVersion: draft.rowVersion },
      data: {
        regulationVersionId: version.id,
        data: data as Prisma.InputJsonObject,
        submissionKey: input.submissionKey,
        contentHash: hash,
        ...(by.kind === "applicant"
          ? {
              signature: { userId: by.userId, email: by.email, method: by.method, at: now.toISOString(), sha256: hash },
            }
          : {}),
        rowVersion: { increment: 1 },
      },
    });
    if (updated.count !== 1) throw new AppError("CONFLICT", draft.conflict);
    ({ id, ownerId } = draft);
  } else {
    const create = input.application.create;
    const owner = await create.owner(tx);
    const app = await tx.application.create({
      data: {
        serviceId: create.serviceId,
        regulationVersionId: version.id,
        departmentId: create.departmentId,
        ownerId: owner.id,
        channel: create.channel,
        submissionKey: input.submissionKey,
        data: data as Prisma.InputJsonObject,
        contentHash: hash,
        participants: { create: { email: owner.email ?? "", role: "OWNER", userId: owner.id, acceptedAt: now } },
      },
      select: { id: true },
    });
    ({ id } = app);
    ownerId = owner.id;
  }

  // What was hashed is what is kept (R3): the co-applicants' sections as checked, like the values
  // above, so that the audit can recompute the hash from the stored rows (server/audit/content.ts).
  for (const section of coApplicants)
    if (section.id)
      await tx.applicationParticipant.update({
        where: { id: section.id },
        data: { data: section.data as Prisma.InputJsonObject },
      });

  // What each channel records today: the signature's method and the version signed; or who entered
  // the paper application, from which channel, received when.
  const payload =
    by.kind === "applicant"
      ? { sha256: hash, regulationVersion: version.version, method: by.method }
      : {
          sha256: hash,
          channel: "create" in input.application ? input.application.create.channel : null,
          receivedAt: input.receivedAt.toISOString(),
          enteredBy: by.userId,
          documents: by.documents ?? [],
        };
  await tx.applicationEvent.create({
    data: { applicationId: id, at: now, actorId: by.userId, type: "submitted", payload },
  });
  const reg = await registerInTransaction(tx, {
    applicationId: id,
    actorId: by.kind === "registrar" ? by.userId : null,
    calendar: input.calendar,
    receivedAt: input.receivedAt,
    // A registrar registers when entering the paper application, which may be after its receipt.
    registeredAt: by.kind === "registrar" ? now : input.receivedAt,
    now,
  });
  // R19: acceptance and registration with the expected completion date, in the cabinet and by e-mail
  // (to the address the owner has; a paper applicant without one is told in the cabinet only).
  const message = registrationMessage({
    recipientName: input.recipientName,
    serviceTitle: input.service.title,
    registrationNumber: reg.registrationNumber,
    registeredAt: reg.registeredAt,
    expectedCompletionAt: reg.dueAt,
    expectedCompletionProvisional: reg.dueProvisional,
    cabinetUrl: `${appBaseUrl()}/cabinet/applications/${id}`,
  });
  await notify(tx, { userId: ownerId, applicationId: id, kind: "application_registered", ...message });
  return {
    id,
    ownerId,
    registrationNumber: reg.registrationNumber,
    registeredAt: reg.registeredAt,
    dueAt: reg.dueAt,
    data,
    coApplicants: coApplicants.map(({ email, data }) => ({ email, data })),
  };
}

export type PaperApplicant = {
  email?: string;
  lastName: string;
  firstName: string;
  middleName?: string;
  phone?: string;
};

export async function registerPaperApplication(
  db: Db,
  scope: StaffScope,
  input: {
    serviceCode: string;
    values: Record<string, unknown>;
    channel: Exclude<Channel, "PORTAL">;
    receivedAt: Date;
    applicant: PaperApplicant;
    /** The regulation's documents received, with their sheets (issue 16 p.12). */
    documents?: ReceivedDocument[];
    calendar: WorkingCalendar;
    now?: Date;
    /** Chosen by the form once per application: a repeated request (double click, retry after a lost answer) returns the first registration. */
    submissionKey: string;
  },
): Promise<PaperRegistration> {
  // A registrar nowhere is refused at once; otherwise the role must be held in the service's department.
  if (!departmentsWithRole(scope, ["REGISTRAR"]).length)
    throw new AppError("FORBIDDEN", "Регистрировать заявления может специалист по приёму и регистрации");
  const earlier = await registeredWithKey(db, scope, input.submissionKey);
  if (earlier) return earlier;
  const now = input.now ?? new Date();
  if (input.receivedAt > now)
    throw new AppError("INVALID", "Дата поступления не может быть в будущем", {
      receivedAt: "Укажите дату и время поступления не позже текущего момента",
    });
  const service = await db.service.findUnique({
    where: { code: input.serviceCode },
    select: { id: true, code: true, title: true, departmentId: true },
  });
  if (!service || !scope.departmentIds.includes(service.departmentId))
    throw new AppError("NOT_FOUND", "Услуга не найдена");
  if (!rolesIn(scope, service.departmentId).includes("REGISTRAR")) throw new AppError("FORBIDDEN", INTAKE_FORBIDDEN);
  const version = await versionInForce(db, service.id, input.receivedAt);
  if (!version) throw new AppError("PRECONDITION", "На дату поступления регламент услуги не действовал");
  if (!version.document.intakeChannels.includes(input.channel))
    throw new AppError("INVALID", "Регламент не предусматривает этот способ подачи", {
      channel: "Выберите способ подачи, предусмотренный регламентом",
    });
  const documents = receivedDocuments(version.document, input.documents ?? []);

  try {
    return await db.$transaction(async (tx) => {
      const accepted = await acceptApplication(tx, {
        application: {
          create: {
            serviceId: service.id,
            departmentId: service.departmentId,
            channel: input.channel,
            owner: (t) => paperOwner(t, input.applicant),
          },
        },
        service,
        version,
        values: input.values,
        submissionKey: input.submissionKey,
        by: { kind: "registrar", userId: scope.userId, documents },
        receivedAt: input.receivedAt,
        recipientName: salutationName(input.applicant),
        calendar: input.calendar,
        now,
      });
      return {
        id: accepted.id,
        registrationNumber: accepted.registrationNumber,
        registeredAt: accepted.registeredAt,
        dueAt: accepted.dueAt,
        alreadyRegistered: false,
      };
    }, ACCEPTANCE_TX);
  } catch (error) {
    // The same key registered concurrently (two requests of one double click): answer with the winner.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const winner = await registeredWithKey(db, scope, input.submissionKey);
      if (winner) return winner;
    }
    throw error;
  }
}

/**
 * The received documents, each one of the regulation's documents the applicant provides (issue 16
 * p.12), once, in the regulation's order: the receipt lists what was handed in, never a document the
 * regulation does not know.
 */
function receivedDocuments(doc: RegulationDocument, documents: ReceivedDocument[]): ReceivedDocument[] {
  const titles = doc.passport.documents.filter((d) => d.providedBy === "applicant").map((d) => d.title);
  const problems: Record<string, string> = {};
  documents.forEach((d, i) => {
    if (!titles.includes(d.title)) problems[`documents.${i}.title`] = `Документа «${d.title}» нет в перечне регламента`;
    else if (documents.findIndex((o) => o.title === d.title) !== i)
      problems[`documents.${i}.title`] = `Документ «${d.title}» отмечен дважды`;
  });
  if (Object.keys(problems).length)
    throw new AppError("INVALID", "Заявление не зарегистрировано: проверьте перечень принятых документов", problems);
  return [...documents].sort((a, b) => titles.indexOf(a.title) - titles.indexOf(b.title));
}

/** Said to staff of the service's department who are not its registrars. */
export const INTAKE_FORBIDDEN =
  "Регистрировать заявления по этой услуге может специалист по приёму и регистрации её подразделения";

/** Same person: last and first name equal, ignoring case, spaces and ё/е. */
function sameName(a: { lastName: string; firstName: string }, b: { lastName: string; firstName: string }): boolean {
  const norm = (x: string) => x.trim().toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ");
  return norm(a.lastName) === norm(b.lastName) && norm(a.firstName) === norm(b.firstName);
}

export type PaperRegistration = {
  id: string;
  registrationNumber: string;
  registeredAt: Date;
  dueAt: Date;
  alreadyRegistered: boolean;
};

async function registeredWithKey(db: Db, scope: StaffScope, submissionKey: string): Promise<PaperRegistration | null> {
  // Among what the caller registers: applications of the departments where they are a registrar.
  const app = await db.application.findFirst({
    where: visibleToStaff(
      { departmentIds: departmentsWithRole(scope, ["REGISTRAR"]) },
      { submissionKey, registrationNumber: { not: null } },
    ),
    select: { id: true, registrationNumber: true, registeredAt: true, dueAt: true },
  });
  return app
    ? {
        id: app.id,
        registrationNumber: app.registrationNumber!,
        registeredAt: app.registeredAt!,
        dueAt: app.dueAt!,
        alreadyRegistered: true,
      }
    : null;
}

/**
 * The owner of a paper application. An e-mail that belongs to an account is used only if the
 * account is this applicant's: a typo must not put a citizen's application (and its e-mails) into a
 * stranger's cabinet, nor into a staff account. And only if whoever signs in to it proved the
 * address (emailVerifiedAt), or nobody can sign in to it yet: the application belongs to whoever
 * proves the mailbox, never to whoever typed the address first (issue 9). A paper applicant without
 * an account gets one without a password: registering later with the same e-mail sends a link to
 * it, and the application appears in the cabinet of whoever follows the link. Returns the address
 * the owner's participant record carries (none: null).
 */
async function paperOwner(tx: Tx, applicant: PaperApplicant): Promise<{ id: string; email: string | null }> {
  const email = applicant.email?.trim().toLowerCase() || null;
  const existing = email
    ? await tx.user.findUnique({
        where: { email },
        select: {
          id: true,
          lastName: true,
          firstName: true,
          roles: true,
          passwordHash: true,
          emailVerifiedAt: true,
          _count: { select: { memberships: true, identities: true } },
        },
      })
    : null;
  if (
    existing &&
    existing.emailVerifiedAt === null &&
    (existing.passwordHash !== null || existing._count.identities > 0)
  ) {
    throw new AppError(
      "INVALID",
      "Заявление не зарегистрировано: владелец учётной записи с этим адресом ещё не подтвердил адрес",
      {
        "applicant.email":
          "Учётная запись с этим адресом электронной почты не подтверждена. Проверьте адрес или оставьте поле пустым",
      },
    );
  }
  if (
    existing &&
    (existing._count.memberships > 0 || !existing.roles.includes("APPLICANT") || !sameName(existing, applicant))
  ) {
    throw new AppError(
      "INVALID",
      "Заявление не зарегистрировано: адрес электронной почты принадлежит другому пользователю",
      {
        "applicant.email":
          "Этот адрес электронной почты зарегистрирован на другого человека. Проверьте адрес или оставьте поле пустым",
      },
    );
  }
  if (existing) return { id: existing.id, email };
  const created = await tx.user.create({
    data: {
      email: email ?? `paper-${crypto.randomUUID()}@applicants.invalid`,
      lastName: applicant.lastName,
      firstName: applicant.firstName,
      middleName: applicant.middleName || null,
      phone: applicant.phone || null,
      roles: ["APPLICANT"],
    },
    select: { id: true },
  });
  return { id: created.id, email };
}
