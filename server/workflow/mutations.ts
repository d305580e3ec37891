// Writes of the process: registration and stage transitions. Each runs in one transaction that
// changes the application and appends its events (R3), conditional on the row version the caller
// read (optimistic concurrency): of two simultaneous moves one wins, the other gets a conflict.
import "server-only";
import type { Db, Tx } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { AppError } from "../errors";
import { pinnedDocument } from "../regulation/document-cache";
import { numberPrefixOf } from "../regulation/document";
import { fileStorage, type FileStorage } from "../storage/storage";
import { prepareSigning, type SigningRequest } from "../signature/mutations";
import { runEffects } from "./effects";
import { notify, type NotifyInput } from "../notification/mutations";
import { appBaseUrl } from "../notification/config";
import { formatDueBy } from "../format/dates";
import type { WorkingCalendar } from "../calendar/working-calendar";
import type { DeadlineNoticeKind } from "./data";
import { visibleToStaff } from "../application/visibility";
import {
  checkDoneAt,
  mayReassign,
  planTransition,
  rolesIn,
  serviceDueAt,
  registrationDueAt,
  stageDueAt,
  type Actor,
  type TransitionRequest,
  type WorkflowError,
} from "./machine";
import { applicantOf } from "../application/applicant";
import { parseHours } from "../organisation/schedule";
import { withProvisional } from "../calendar/provisional";

const WORKFLOW_TO_APP = {
  not_registered: "PRECONDITION",
  closed: "PRECONDITION",
  unknown_transition: "INVALID",
  not_from_this_stage: "PRECONDITION",
  role_not_allowed: "FORBIDDEN",
  not_assignee: "FORBIDDEN",
  out_of_scope: "NOT_FOUND",
  missing_input: "INVALID",
  invalid_input: "INVALID",
} as const;

export function toAppError(error: WorkflowError): AppError {
  // Another department's application is reported as not found: its existence is not disclosed.
  const message = error.code === "out_of_scope" ? "Заявление не найдено" : error.message;
  return new AppError(WORKFLOW_TO_APP[error.code], message, error.field ? { [error.field]: error.message } : undefined);
}

// Under load a transaction may wait for a pooled connection; Prisma's 2 s default would turn that
// wait into an error that is neither a success nor a conflict.
const TX_OPTIONS = { maxWait: 15_000, timeout: 20_000 };

export const CONFLICT_MESSAGE = "Заявление уже изменил другой сотрудник. Обновите карточку: действие не выполнено.";

async function loadForUpdate(tx: Tx, applicationId: string, departmentIds: readonly string[]) {
  const app = await tx.application.findFirst({
    where: visibleToStaff({ departmentIds }, { id: applicationId }),
    select: {
      id: true,
      status: true,
      currentStage: true,
      stageDueAt: true,
      stageEnteredAt: true,
      departmentId: true,
      assigneeId: true,
      registeredAt: true,
      rowVersion: true,
      regulationVersionId: true,
      variantCode: true,
      regulationVersion: { select: { document: true } },
      department: { select: { hours: true } },
    },
  });
  if (!app) throw new AppError("NOT_FOUND", "Заявление не найдено");
  return { app, document: pinnedDocument(app.regulationVersionId, app.regulationVersion.document, app.variantCode) };
}

async function checkExecutor(tx: Tx, executorId: string, departmentId: string) {
  const member = await tx.departmentMember.findFirst({
    where: { userId: executorId, departmentId, role: "EXECUTOR", user: { isActive: true } },
  });
  if (!member)
    throw new AppError("INVALID", "Исполнитель должен быть сотрудником подразделения с ролью исполнителя", {
      executorId: "Выберите исполнителя из сотрудников подразделения",
    });
}

export type MoveResult = {
  rowVersion: number;
  toStage: string;
  stageDueAt: Date | null;
  closed: boolean;
  eventIds: bigint[];
};

/** Moves an application through one transition of its pinned regulation. */
export async function moveApplication(
  db: Db,
  input: {
    applicationId: string;
    expectedRowVersion: number;
    actor: Actor;
    request: TransitionRequest;
    calendar: WorkingCalendar;
    now?: Date;
    /**
     * When the procedure was actually done, if before it is entered (S0 p.7: at most one working day
     * back; machine.ts checkDoneAt). The move takes effect then: the stage is left and the next one
     * entered at that instant and its terms count from it; the events keep the instant of entry and
     * carry `doneAt`, so the lag stays visible (the card's history, the head's deadlines page).
     */
    doneAt?: Date;
    storage?: FileStorage;
    /** How the official signs, when the transition signs the result (issue 15). */
    signing?: SigningRequest;
  },
): Promise<MoveResult> {
  const enteredAt = input.now ?? new Date();
  const written: string[] = [];
  const obsolete: string[] = [];
  const storage = input.storage ?? fileStorage();
  // The PIN is checked (and a wrong one counted) before the transaction, which a refusal rolls back.
  const signing = input.signing ? await prepareSigning(db, input.actor.userId, input.signing, enteredAt) : undefined;
  return db
    .$transaction(async (tx) => {
      const { app, document } = await loadForUpdate(tx, input.applicationId, input.actor.departmentIds);
      if (app.rowVersion !== input.expectedRowVersion) throw new AppError("CONFLICT", CONFLICT_MESSAGE);
      let now = enteredAt;
      if (input.doneAt) {
        const done = checkDoneAt(input.calendar, {
          doneAt: input.doneAt,
          now: enteredAt,
          stageEnteredAt: app.stageEnteredAt,
        });
        if (!done.ok) throw toAppError(done.error);
        now = done.value;
      }
      const backdated = now.getTime() !== enteredAt.getTime() ? { doneAt: now.toISOString() } : {};
      const planned = planTransition(document, app, input.actor, input.request, {
        now,
        calendar: input.calendar,
        hours: parseHours(app.department.hours),
      });
      // Counted over a year without its decree: shown «предварительно» and recomputed when the decree
      // is loaded (issue 11, server/calendar/recompute.ts).
      if (!planned.ok) throw toAppError(planned.error);
      const plan = planned.value;
      const stageDueProvisional = provisionalBetween(input.calendar, now, plan.stageDueAt);
      if (input.request.executorId && plan.transition.requires.executor)
        await checkExecutor(tx, input.request.executorId, app.departmentId);

      // The guard on rowVersion makes the update and the check one atomic step.
      const updated = await tx.application.updateMany({
        where: { id: app.id, rowVersion: input.expectedRowVersion },
        data: {
          currentStage: plan.toStage,
          stageEnteredAt: plan.stageEnteredAt,
          stageDueAt: plan.stageDueAt,
          stageDueProvisional,
          assigneeId: plan.assigneeId,
          rowVersion: { increment: 1 },
          ...(plan.closed ? { status: "CLOSED" as const, closedAt: now, outcome: plan.outcome } : {}),
        },
      });
      if (updated.count !== 1) throw new AppError("CONFLICT", CONFLICT_MESSAGE);
      await tx.applicationStage.updateMany({ where: { applicationId: app.id, leftAt: null }, data: { leftAt: now } });
      await tx.applicationStage.create({
        data: {
          applicationId: app.id,
          stage: plan.toStage,
          enteredAt: now,
          dueAt: plan.stageDueAt,
          dueProvisional: stageDueProvisional,
        },
      });
      const effectEvents = await runEffects({
        tx,
        storage,
        calendar: input.calendar,
        now,
        actorId: input.actor.userId,
        document,
        transition: plan.transition,
        request: input.request,
        applicationId: app.id,
        written,
        obsolete,
        enteredAt,
        signing,
      });
      const eventIds: bigint[] = [];
      for (const e of [...plan.events, ...effectEvents]) {
        const row = await tx.applicationEvent.create({
          data: {
            applicationId: app.id,
            at: enteredAt,
            actorId: input.actor.userId,
            type: e.type,
            fromStage: e.fromStage,
            toStage: e.toStage,
            payload: { ...e.payload, ...backdated } as Prisma.InputJsonObject,
          },
          select: { id: true },
        });
        eventIds.push(row.id);
      }
      // The executor named by this move learns of it (R2), unless they made the move themselves.
      if (plan.assigneeId && plan.assigneeId !== app.assigneeId && plan.assigneeId !== input.actor.userId) {
        await notifyExecutor(tx, { executorId: plan.assigneeId, applicationId: app.id, stageDueAt: plan.stageDueAt });
      }
      return {
        rowVersion: input.expectedRowVersion + 1,
        toStage: plan.toStage,
        stageDueAt: plan.stageDueAt,
        closed: plan.closed,
        eventIds,
      };
    }, TX_OPTIONS)
    .then(async (result) => {
      // Files the committed move replaced (best effort: a leftover file is harmless, a lost one is not).
      for (const key of obsolete) await storage.delete(key).catch(() => undefined);
      return result;
    })
    .catch(async (error: unknown) => {
      // Nothing half-written: a file stored for a move that rolled back is removed again.
      for (const key of written) await storage.delete(key).catch(() => undefined);
      throw error;
    });
}

async function nextRegistrationNumber(tx: Tx, serviceId: string, prefix: string, year: number): Promise<string> {
  const rows = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "RegistrationCounter" ("serviceId", "year", "last") VALUES (${serviceId}::uuid, ${year}, 1)
    ON CONFLICT ("serviceId", "year") DO UPDATE SET "last" = "RegistrationCounter"."last" + 1
    RETURNING "last"`;
  return `${prefix}-${year}-${String(rows[0]!.last).padStart(5, "0")}`;
}

/**
 * Registers a submitted application (R23, S1 p.36): a number and date, the initial stage with its
 * deadline and the whole-service due date (R7, R19). An application received on a non-working day
 * keeps its arrival instant, and its deadlines count from the next working day (S2 p.66).
 */
export async function registerApplication(db: Db, input: RegisterInput): Promise<Registration> {
  return db.$transaction((tx) => registerInTransaction(tx, input), TX_OPTIONS);
}

export type RegisterInput = {
  applicationId: string;
  actorId: string | null;
  calendar: WorkingCalendar;
  receivedAt?: Date;
  /**
   * When it is registered (S1 p.10, p.22; S2 p.48): the portal registers at receipt; a registrar
   * registers a post, e-mail or in-person application when entering it, which may be later than its
   * receipt. Default: `receivedAt`.
   */
  registeredAt?: Date;
  now?: Date;
};
export type Registration = {
  registrationNumber: string;
  registeredAt: Date;
  dueAt: Date;
  dueProvisional: boolean;
  stageDueAt: Date | null;
  rowVersion: number;
};

/** The same, inside the caller's transaction (submission registers in the transaction that submits). */
export async function registerInTransaction(tx: Tx, input: RegisterInput): Promise<Registration> {
  const now = input.now ?? new Date();
  const receivedAt = input.receivedAt ?? now;
  const registeredAt = input.registeredAt ?? receivedAt;
  if (registeredAt < receivedAt)
    throw new AppError("INVALID", "Заявление не может быть зарегистрировано раньше, чем поступило");
  const app = await tx.application.findUnique({
    where: { id: input.applicationId },
    select: {
      id: true,
      status: true,
      channel: true,
      registrationNumber: true,
      rowVersion: true,
      serviceId: true,
      regulationVersionId: true,
      variantCode: true,
      service: { select: { code: true } },
      regulationVersion: { select: { document: true } },
      department: { select: { hours: true } },
      data: true,
      owner: { select: { lastName: true, firstName: true, middleName: true } },
    },
  });
  if (!app) throw new AppError("NOT_FOUND", "Заявление не найдено");
  if (app.registrationNumber)
    throw new AppError("CONFLICT", `Заявление уже зарегистрировано под номером ${app.registrationNumber}`);
  const document = pinnedDocument(app.regulationVersionId, app.regulationVersion.document, app.variantCode);
  const year = Number(input.calendar.localDate(registeredAt).slice(0, 4));
  const registrationNumber = await nextRegistrationNumber(
    tx,
    app.serviceId,
    numberPrefixOf(document.passport, app.service.code),
    year,
  );
  // Receipt and registration are two instants (issue 12): the service term counts from registration
  // (S1 p.10: "15 рабочих дней со дня регистрации заявления"; S2 p.58), the registration term from
  // receipt (S1 p.22, S2 p.48, p.66).
  const dueAt = serviceDueAt(document, registeredAt, input.calendar);
  const stage = document.initialStage;
  // R7: the regulation may fix the registration term per channel (S1 p.22: the portal the same day,
  // in person within 15 minutes, post and e-mail within a working day); that term is the deadline
  // of the initial stage, and the stage's own deadline applies where the channel has none.
  const term = document.passport.registrationTerms.find((r) => r.channel === app.channel)?.term;
  const hours = parseHours(app.department.hours);
  const due = term
    ? registrationDueAt(input.calendar, receivedAt, term, hours)
    : stageDueAt(document, stage, { enteredAt: receivedAt, registeredAt }, input.calendar, hours);
  const stageDueProvisional = provisionalBetween(input.calendar, receivedAt, due);
  const dueProvisional = provisionalBetween(input.calendar, registeredAt, dueAt);
  const applicant = applicantOf(document, app.data, app.owner);
  const updated = await tx.application.updateMany({
    where: { id: app.id, rowVersion: app.rowVersion, registrationNumber: null },
    data: {
      status: "SUBMITTED",
      registrationNumber,
      registeredAt,
      submittedAt: receivedAt,
      currentStage: stage,
      stageEnteredAt: receivedAt,
      stageDueAt: due,
      stageDueProvisional,
      dueAt,
      dueProvisional,
      rowVersion: { increment: 1 },
      // Field roles (R16): every way in (portal, paper, tests) registers here, so the board's name is
      // fixed once, from the pinned regulation, for showing and searching without field keys.
      applicantName: applicant.name,
      // Issue 16 p.13: the issue menu offers the way the applicant chose.
      delivery: applicant.delivery,
    },
  });
  if (updated.count !== 1) throw new AppError("CONFLICT", CONFLICT_MESSAGE);
  await tx.applicationStage.create({
    data: { applicationId: app.id, stage, enteredAt: receivedAt, dueAt: due, dueProvisional: stageDueProvisional },
  });
  await tx.applicationEvent.create({
    data: {
      applicationId: app.id,
      at: now,
      actorId: input.actorId,
      type: "registered",
      toStage: stage,
      payload: {
        registrationNumber,
        registeredAt: registeredAt.toISOString(),
        dueAt: dueAt.toISOString(),
        stageDueAt: due?.toISOString() ?? null,
      },
    },
  });
  return {
    registrationNumber,
    registeredAt,
    dueAt,
    dueProvisional,
    stageDueAt: due,
    rowVersion: app.rowVersion + 1,
  };
}

/** Whether a due date counted from `from` crosses a year without its decree (issue 11). */
export function provisionalBetween(calendar: WorkingCalendar, from: Date, due: Date | null | undefined): boolean {
  return due ? calendar.isProvisionalBetween(from, due) : false;
}

const REASSIGN_FORBIDDEN =
  "Передать заявление другому исполнителю может руководитель или специалист по приёму и регистрации его подразделения";

/**
 * Hands an application to another executor of its department (R2, S2 p.50): by the head or the
 * registrar of that department, at any stage of an open application that already has one, with the
 * reason. The stage and its deadline do not change (the deadline belongs to the stage, not to the
 * person); the new executor is notified, and the change is an event of the history like any other (R3).
 */
export async function reassignExecutor(
  db: Db,
  input: {
    applicationId: string;
    expectedRowVersion: number;
    actor: Actor;
    executorId: string;
    reason: string;
    now?: Date;
  },
): Promise<{ rowVersion: number }> {
  // Somebody who is head or registrar nowhere is refused at once; otherwise the role must be held in
  // the application's department, checked once it is loaded (another department's: not found).
  if (![...input.actor.rolesByDepartment.values()].some(mayReassign))
    throw new AppError("FORBIDDEN", REASSIGN_FORBIDDEN);
  const reason = input.reason.trim();
  if (!reason)
    throw new AppError("INVALID", "Укажите причину передачи", {
      reason: "Укажите причину передачи заявления другому исполнителю",
    });
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const { app } = await loadForUpdate(tx, input.applicationId, input.actor.departmentIds);
    if (!mayReassign(rolesIn(input.actor, app.departmentId))) throw new AppError("FORBIDDEN", REASSIGN_FORBIDDEN);
    if (app.rowVersion !== input.expectedRowVersion) throw new AppError("CONFLICT", CONFLICT_MESSAGE);
    if (app.status !== "SUBMITTED")
      throw new AppError("PRECONDITION", "Рассмотрение заявления завершено: исполнителя сменить нельзя");
    if (!app.assigneeId)
      throw new AppError(
        "PRECONDITION",
        "Исполнитель ещё не назначен: назначьте его действием процесса на этапе назначения",
      );
    if (app.assigneeId === input.executorId)
      throw new AppError("INVALID", "Заявление уже у этого исполнителя", {
        executorId: "Выберите другого исполнителя",
      });
    await checkExecutor(tx, input.executorId, app.departmentId);
    const updated = await tx.application.updateMany({
      where: { id: app.id, rowVersion: input.expectedRowVersion },
      data: { assigneeId: input.executorId, rowVersion: { increment: 1 } },
    });
    if (updated.count !== 1) throw new AppError("CONFLICT", CONFLICT_MESSAGE);
    await tx.applicationEvent.create({
      data: {
        applicationId: app.id,
        at: now,
        actorId: input.actor.userId,
        type: "executor_assigned",
        fromStage: app.currentStage,
        toStage: app.currentStage,
        payload: { from: app.assigneeId, to: input.executorId, reason },
      },
    });
    await notifyExecutor(tx, {
      executorId: input.executorId,
      applicationId: app.id,
      stageDueAt: app.stageDueAt,
      reason,
    });
    return { rowVersion: input.expectedRowVersion + 1 };
  }, TX_OPTIONS);
}

/** Tells an executor that an application is now theirs: assigned by the process, or handed over with a reason. */
async function notifyExecutor(
  tx: Tx,
  input: { executorId: string; applicationId: string; stageDueAt: Date | null; reason?: string },
) {
  const app = await tx.application.findUniqueOrThrow({
    where: { id: input.applicationId },
    select: { registrationNumber: true, stageDueProvisional: true, service: { select: { title: true } } },
  });
  const number = app.registrationNumber ?? "";
  const due = input.stageDueAt
    ? `${withProvisional(`Срок текущего этапа — до ${formatDueBy(input.stageDueAt)}`, app.stageDueProvisional)}.`
    : null;
  await notify(tx, {
    userId: input.executorId,
    applicationId: input.applicationId,
    kind: "executor_assigned",
    title: input.reason ? `Вам передано заявление № ${number}` : `Вам назначено заявление № ${number}`,
    body: [
      `Вы назначены ответственным исполнителем по заявлению № ${number} («${app.service.title}»).`,
      input.reason ? `Причина передачи: ${input.reason}` : null,
      due,
      `Карточка заявления: ${appBaseUrl()}/staff/applications/${input.applicationId}`,
    ]
      .filter(Boolean)
      .join("\n\n"),
  });
}

/**
 * A deadline notice for one stay in a stage, sent once however many instances run the monitoring
 * job: the DeadlineAlert row (primary key: stage stay, kind) is written in the transaction of the
 * notifications, so only the instance whose insert wins sends them. False: another one did.
 */
export async function sendDeadlineNotice(
  db: Db,
  input: { stageId: string; kind: DeadlineNoticeKind; notices: readonly NotifyInput[] },
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const claimed = await tx.$queryRaw<{ stageId: string }[]>`
      INSERT INTO "DeadlineAlert" ("stageId", "kind") VALUES (${input.stageId}::uuid, ${input.kind}) ON CONFLICT DO NOTHING RETURNING "stageId"`;
    if (claimed.length === 0) return false; // another instance got here first
    for (const notice of input.notices) await notify(tx, notice);
    // R4, R3: an escalation to the head is part of the record, once, with whom it went to.
    if (input.kind === "breach") {
      const stay = await tx.applicationStage.findUniqueOrThrow({
        where: { id: input.stageId },
        select: { applicationId: true, stage: true, dueAt: true },
      });
      await tx.applicationEvent.create({
        data: {
          applicationId: stay.applicationId,
          type: "deadline_escalated",
          fromStage: stay.stage,
          toStage: stay.stage,
          payload: {
            stageId: input.stageId,
            dueAt: stay.dueAt?.toISOString() ?? null,
            notified: [...new Set(input.notices.map((n) => n.userId))],
          },
        },
      });
    }
    return true;
  });
}
