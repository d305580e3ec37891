// Applications that arrive on paper, by post, in person or from the MFC (R23, S1 p.36, S2 p.48): a
// registrar enters them with the same form and checks as the portal, plus the channel and the date
// of receipt; registration gives the number and starts the deadlines from the receipt.
import type { Db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { AppError } from "../errors";
import { config } from "../config";
import { departmentsWithRole, type StaffScope } from "../auth/scope";
import type { WorkingCalendar } from "../calendar/working-calendar";
import { versionInForce } from "../regulation/data";
import type { Channel } from "../regulation/document";
import { fieldErrorsByPath, validateApplication } from "../regulation/form-schema";
import { contentHash } from "../application/mutations";
import { registerInTransaction } from "../workflow/mutations";
import { notify } from "../notification/mutations";
import { registrationMessage } from "../notification/templates";
import { appBaseUrl } from "../notification/config";
import { rolesIn } from "../workflow/machine";
import { salutationName } from "../people";

export type PaperApplicant = { email?: string; lastName: string; firstName: string; middleName?: string; phone?: string };

export async function registerPaperApplication(
  db: Db,
  scope: StaffScope,
  input: {
    serviceCode: string; values: Record<string, unknown>; channel: Exclude<Channel, "PORTAL">; receivedAt: Date; applicant: PaperApplicant; calendar: WorkingCalendar; now?: Date;
    /** Chosen by the form once per application: a repeated request (double click, retry after a lost answer) returns the first registration. */
    submissionKey: string;
  },
): Promise<PaperRegistration> {
  // A registrar nowhere is refused at once; otherwise the role must be held in the service's department.
  if (!departmentsWithRole(scope, ["REGISTRAR"]).length) throw new AppError("FORBIDDEN", "Регистрировать заявления может специалист по приёму и регистрации");
  const earlier = await registeredWithKey(db, scope, input.submissionKey);
  if (earlier) return earlier;
  const now = input.now ?? new Date();
  if (input.receivedAt > now) throw new AppError("INVALID", "Дата поступления не может быть в будущем", { receivedAt: "Укажите дату и время поступления не позже текущего момента" });
  const service = await db.service.findUnique({ where: { code: input.serviceCode }, select: { id: true, code: true, title: true, departmentId: true } });
  if (!service || !scope.departmentIds.includes(service.departmentId)) throw new AppError("NOT_FOUND", "Услуга не найдена");
  if (!rolesIn(scope, service.departmentId).includes("REGISTRAR")) throw new AppError("FORBIDDEN", INTAKE_FORBIDDEN);
  const version = await versionInForce(db, service.id, input.receivedAt);
  if (!version) throw new AppError("PRECONDITION", "На дату поступления регламент услуги не действовал");
  const intake = version.document.intakeChannels;
  if (!intake.includes(input.channel)) throw new AppError("INVALID", "Регламент не предусматривает этот способ подачи", { channel: "Выберите способ подачи, предусмотренный регламентом" });
  const steps = version.document.form.steps.filter((s) => (s.section ?? "applicant") === "applicant");
  const checked = validateApplication(steps, input.values, { mode: "submit", today: now, timeZone: config().timeZone });
  // Files come on paper here: a required attachment is checked against the paper originals instead.
  const issues = checked.ok ? [] : checked.issues.filter((i) => !steps.some((s) => s.fields.some((f) => f.key === i.path[0] && f.type === "file")));
  if (issues.length) throw new AppError("INVALID", "Заявление не зарегистрировано: исправьте ошибки в отмеченных полях", fieldErrorsByPath({ issues }));
  const data = checked.ok ? checked.data : Object.fromEntries(Object.entries(checked.data).filter(([k]) => !steps.some((s) => s.fields.some((f) => f.key === k && f.type === "file"))));

  try {
    return await insertPaperApplication(db, scope, input, { serviceId: service.id, serviceCode: service.code, serviceTitle: service.title, departmentId: service.departmentId, versionId: version.id, version: version.version }, data, now);
  } catch (error) {
    // The same key registered concurrently (two requests of one double click): answer with the winner.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const winner = await registeredWithKey(db, scope, input.submissionKey);
      if (winner) return winner;
    }
    throw error;
  }
}

/** Said to staff of the service's department who are not its registrars. */
export const INTAKE_FORBIDDEN = "Регистрировать заявления по этой услуге может специалист по приёму и регистрации её подразделения";

/** Same person: last and first name equal, ignoring case, spaces and ё/е. */
function sameName(a: { lastName: string; firstName: string }, b: { lastName: string; firstName: string }): boolean {
  const norm = (x: string) => x.trim().toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ");
  return norm(a.lastName) === norm(b.lastName) && norm(a.firstName) === norm(b.firstName);
}

export type PaperRegistration = { id: string; registrationNumber: string; registeredAt: Date; dueAt: Date; alreadyRegistered: boolean };

async function registeredWithKey(db: Db, scope: StaffScope, submissionKey: string): Promise<PaperRegistration | null> {
  const app = await db.application.findFirst({
    where: { submissionKey, departmentId: { in: departmentsWithRole(scope, ["REGISTRAR"]) }, registrationNumber: { not: null } },
    select: { id: true, registrationNumber: true, registeredAt: true, dueAt: true },
  });
  return app ? { id: app.id, registrationNumber: app.registrationNumber!, registeredAt: app.registeredAt!, dueAt: app.dueAt!, alreadyRegistered: true } : null;
}

async function insertPaperApplication(
  db: Db,
  scope: StaffScope,
  input: { channel: Exclude<Channel, "PORTAL">; receivedAt: Date; applicant: PaperApplicant; calendar: WorkingCalendar; submissionKey: string },
  service: { serviceId: string; serviceCode: string; serviceTitle: string; departmentId: string; versionId: string; version: number },
  data: Record<string, unknown>,
  now: Date,
): Promise<PaperRegistration> {
  return db.$transaction(async (tx) => {
    const email = input.applicant.email?.trim().toLowerCase() || null;
    const existing = email
      ? await tx.user.findUnique({ where: { email }, select: { id: true, lastName: true, firstName: true, roles: true, _count: { select: { memberships: true } } } })
      : null;
    // An e-mail that belongs to an account is used only if the account is this applicant's: a typo
    // must not put a citizen's application (and its e-mails) into a stranger's cabinet, nor into a
    // staff account.
    if (existing && (existing._count.memberships > 0 || !existing.roles.includes("APPLICANT") || !sameName(existing, input.applicant))) {
      throw new AppError("INVALID", "Заявление не зарегистрировано: адрес электронной почты принадлежит другому пользователю", {
        "applicant.email": "Этот адрес электронной почты зарегистрирован на другого человека. Проверьте адрес или оставьте поле пустым",
      });
    }
    // A paper applicant without an account gets one without a password: registering later with the
    // same e-mail claims it, and the application appears in that cabinet.
    const owner =
      existing ??
      (await tx.user.create({
        data: {
          email: email ?? `paper-${crypto.randomUUID()}@applicants.invalid`, lastName: input.applicant.lastName, firstName: input.applicant.firstName,
          middleName: input.applicant.middleName || null, phone: input.applicant.phone || null, roles: ["APPLICANT"],
        },
        select: { id: true },
      }));
    const app = await tx.application.create({
      data: {
        serviceId: service.serviceId, regulationVersionId: service.versionId, departmentId: service.departmentId, ownerId: owner.id, channel: input.channel,
        submissionKey: input.submissionKey,
        data: data as object, contentHash: contentHash({ serviceCode: service.serviceCode, version: service.version, values: data }),
        participants: { create: { email: email ?? "", role: "OWNER", userId: owner.id, acceptedAt: now } },
      },
      select: { id: true },
    });
    await tx.applicationEvent.create({ data: { applicationId: app.id, at: now, actorId: scope.userId, type: "submitted", payload: { channel: input.channel, receivedAt: input.receivedAt.toISOString(), enteredBy: scope.userId } } });
    const reg = await registerInTransaction(tx, { applicationId: app.id, actorId: scope.userId, calendar: input.calendar, receivedAt: input.receivedAt, now });
    // R19: acceptance and registration with the expected completion date, as for a portal
    // submission (by e-mail only when the applicant gave an address).
    const message = registrationMessage({
      recipientName: salutationName(input.applicant),
      serviceTitle: service.serviceTitle, registrationNumber: reg.registrationNumber, registeredAt: reg.registeredAt,
      expectedCompletionAt: reg.dueAt, cabinetUrl: `${appBaseUrl()}/cabinet/applications/${app.id}`,
    });
    await notify(tx, { userId: owner.id, applicationId: app.id, kind: "application_registered", ...message });
    return { id: app.id, registrationNumber: reg.registrationNumber, registeredAt: reg.registeredAt, dueAt: reg.dueAt, alreadyRegistered: false };
  });
}
