// The process state machine (R1, R2, R25): the only way an application changes stage. Given the
// pinned regulation, the application's state, the actor and a requested transition, it returns the
// new state and the events to record, or a typed error. Pure: no database, no clock of its own.
import type { RegulationDocument, Role, StageDef, TransitionDef } from "../regulation/document";
import type { WorkingCalendar } from "../calendar/working-calendar";
import { addScheduleMinutes, type DepartmentHours } from "../organisation/schedule";
import { isoDateOf, parseDate } from "../calendar/civil-date";
import { formatDate, formatDateTime } from "../format/dates";

export type ApplicationState = {
  status: "DRAFT" | "SUBMITTED" | "CLOSED" | "WITHDRAWN";
  currentStage: string | null;
  departmentId: string;
  assigneeId: string | null;
  registeredAt: Date | null;
  /** How the applicant chose to receive the result (a Delivery code), where known: the issue menu follows it. */
  delivery?: string | null;
};

export type Actor = {
  userId: string;
  /** Departments the actor may act in (their memberships and the units under them). */
  departmentIds: readonly string[];
  /**
   * The actor's roles in each of those departments: a role counts only in the department where it is
   * held and in the units under it (a StaffScope carries exactly this). Ask it with `rolesIn()`.
   */
  rolesByDepartment: ReadonlyMap<string, readonly Role[]>;
};

/** The roles the actor has in one department: never a role held only in another one. */
export function rolesIn(actor: Pick<Actor, "rolesByDepartment">, departmentId: string): readonly Role[] {
  return actor.rolesByDepartment.get(departmentId) ?? [];
}

/** Who may hand an application to another executor: the head or the registrar (R2, S2 p.50), given the roles in its department. */
export function mayReassign(roles: readonly Role[]): boolean {
  return roles.includes("HEAD") || roles.includes("REGISTRAR");
}

export type TransitionRequest = {
  transition: string;
  refusalGrounds?: string[];
  comment?: string;
  resultType?: string;
  executorId?: string;
};

export type EventDraft = {
  type:
    | "stage_changed"
    | "executor_assigned"
    | "refused"
    | "granted"
    | "closed"
    | "document_generated"
    | "document_signed"
    | "document_registered"
    | "document_issued"
    | "awaiting_pickup";
  fromStage: string | null;
  toStage: string | null;
  payload: Record<string, unknown>;
};

export type TransitionPlan = {
  transition: TransitionDef;
  fromStage: string;
  toStage: string;
  stageEnteredAt: Date;
  stageDueAt: Date | null;
  assigneeId: string | null;
  closed: boolean;
  outcome: string | null;
  events: EventDraft[];
};

export type WorkflowErrorCode =
  | "not_registered"
  | "closed"
  | "unknown_transition"
  | "not_from_this_stage"
  | "role_not_allowed"
  | "not_assignee"
  | "out_of_scope"
  | "missing_input"
  | "invalid_input";

export class WorkflowError extends Error {
  constructor(
    readonly code: WorkflowErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "WorkflowError";
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: WorkflowError };
const fail = (code: WorkflowErrorCode, message: string, field?: string): Result<never> => ({
  ok: false,
  error: new WorkflowError(code, message, field),
});

function stage(doc: RegulationDocument, key: string): StageDef {
  const s = doc.stages.find((x) => x.key === key);
  if (!s) throw new Error(`stage ${key} is not in the regulation`);
  return s;
}

/**
 * When a stage is due (R4, R7): its deadline counted from entering it, or from registration. A stage
 * without a deadline (a final stage) has none.
 */
export function stageDueAt(
  doc: RegulationDocument,
  stageKey: string,
  at: { enteredAt: Date; registeredAt: Date | null },
  calendar: WorkingCalendar,
  hours: DepartmentHours | null = null,
): Date | null {
  const deadline = stage(doc, stageKey).deadline;
  if (!deadline) return null;
  const from = deadline.from === "registration" && at.registeredAt ? at.registeredAt : at.enteredAt;
  return addDuration(calendar, from, deadline, hours);
}

/**
 * A period added to an instant (R7). Minutes count the reception hours of the department that
 * received the application when it has a schedule (issue 11, S1 p.22), else the calendar's day
 * from 9:00.
 */
export function addDuration(
  calendar: WorkingCalendar,
  from: Date,
  d: { value: number; unit: "working_days" | "calendar_days" | "working_minutes" },
  hours: DepartmentHours | null = null,
): Date {
  switch (d.unit) {
    case "working_days":
      return calendar.addWorkingDays(from, d.value);
    case "calendar_days":
      return calendar.addCalendarDays(from, d.value);
    case "working_minutes":
      return hours ? addScheduleMinutes(calendar, hours, from, d.value) : calendar.addWorkingMinutes(from, d.value);
  }
}

/**
 * The deadline of a channel's registration term, counted from receipt (R7, S1 p.22, S2 p.66). Working
 * days follow S2 p.66: an application arriving on a non-working day is registered on the first working
 * day after it, and that day is its deadline (not one more working day after it). Minutes already start
 * at the next opening; calendar days are not used for registration terms and count as usual.
 */
export function registrationDueAt(
  calendar: WorkingCalendar,
  receivedAt: Date,
  term: { value: number; unit: "working_days" | "calendar_days" | "working_minutes" },
  hours: DepartmentHours | null = null,
): Date {
  return term.unit === "working_days"
    ? calendar.addRegistrationWorkingDays(receivedAt, term.value)
    : addDuration(calendar, receivedAt, term, hours);
}

/** The whole-service due date shown to the applicant (R7, R19), counted from registration. */
export function serviceDueAt(doc: RegulationDocument, registeredAt: Date, calendar: WorkingCalendar): Date {
  return addDuration(calendar, registeredAt, doc.passport.term);
}

/**
 * Whether the actor may act as one of `roles` on this application (R2, S2 p.50-51): holding one of
 * them in its department — except that an executor's work on an assigned application is the assigned
 * executor's. Another executor of the department may not do it; the head of the department may (the
 * head answers for the department's work and stands in for an absent executor, and reassignment
 * exists for a lasting change). A role listed besides EXECUTOR counts as it is. The same rule decides
 * the transitions offered and performed and who handles inter-agency requests.
 */
export function mayActAs(
  roles: readonly Role[],
  state: Pick<ApplicationState, "departmentId" | "assigneeId">,
  actor: Pick<Actor, "userId" | "rolesByDepartment">,
): "yes" | "role" | "not_assignee" {
  const held = rolesIn(actor, state.departmentId);
  const otherRole = roles.some((r) => r !== "EXECUTOR" && held.includes(r));
  if (otherRole) return "yes";
  if (!roles.includes("EXECUTOR")) return "role";
  if (!state.assigneeId) return held.includes("EXECUTOR") ? "yes" : "role";
  if (held.includes("HEAD")) return "yes";
  if (!held.includes("EXECUTOR")) return "role";
  return actor.userId === state.assigneeId ? "yes" : "not_assignee";
}

/** Transitions this actor may take now: what the board's menu offers (nothing else). */
/**
 * When a procedure entered now was actually done (S0 p.7): the official enters it into the system at
 * once, and where that is not possible no later than one working day after it was done; an entry made
 * later records when the procedure was done. So the instant given must not be in the future, not before
 * the application reached its current stage, and on the day of entry or on the working day before it
 * (the days off in between included): entered on Monday, a procedure done on Friday or at the weekend
 * may be recorded, one done on Thursday may not. The terms of the next stage count from it.
 */
export function checkDoneAt(
  calendar: WorkingCalendar,
  input: { doneAt: Date; now: Date; stageEnteredAt: Date | null },
): Result<Date> {
  const { doneAt, now, stageEnteredAt } = input;
  if (doneAt.getTime() > now.getTime())
    return fail("invalid_input", "Время выполнения не может быть позже текущего момента", "doneAt");
  // The form gives minutes: a time in the minute the stage began means the stage's own instant.
  const enteredMinute = stageEnteredAt ? Math.floor(stageEnteredAt.getTime() / 60_000) * 60_000 : null;
  if (stageEnteredAt && enteredMinute !== null && doneAt.getTime() < enteredMinute)
    return fail(
      "invalid_input",
      `Процедура не могла быть выполнена раньше, чем заявление поступило на текущий этап (${formatDateTime(stageEnteredAt)})`,
      "doneAt",
    );
  const earliest = earliestDoneDate(calendar, now);
  if (calendar.localDate(doneAt) < earliest)
    return fail(
      "invalid_input",
      `Сведения вносятся не позднее одного рабочего дня после выполнения процедуры (п. 7 Порядка работы): ` +
        `укажите время не раньше ${formatDate(calendar.startOfLocalDay(earliest))}`,
      "doneAt",
    );
  return { ok: true, value: stageEnteredAt && doneAt < stageEnteredAt ? stageEnteredAt : doneAt };
}

/** The earliest local date a procedure entered at `now` may be recorded as done on: the previous working day. */
export function earliestDoneDate(calendar: WorkingCalendar, now: Date): string {
  let day = parseDate(calendar.localDate(now)) - 1;
  while (!calendar.isWorkingDay(isoDateOf(day))) day -= 1;
  return isoDateOf(day);
}

/**
 * The transitions a staff member is offered, as the board and the card show them: with the target
 * stage's title from the application's own regulation (issue 12 p.9: two services may give one stage
 * key different titles, so a title looked up by key alone can be another service's).
 */
export function offeredTransitions(doc: RegulationDocument, state: ApplicationState, actor: Actor) {
  const effects = (t: TransitionDef) => t.effects ?? [];
  return followDelivery(availableTransitions(doc, state, actor), state.delivery).map((t) => ({
    key: t.key,
    title: t.title,
    kind: t.kind,
    to: t.to,
    toTitle: doc.stages.find((s) => s.key === t.to)?.title ?? t.to,
    requires: t.requires,
    /** The move signs the result (issue 15): the dialog shows the document and asks for the key. */
    signs: effects(t).includes("sign_result"),
    /**
     * Issue 16 p.11: legally significant — registering, a decision, signing, issuing — so asked for
     * in a dialog even when nothing needs to be typed: one click on a menu must not make such a record.
     */
    confirm: t.kind !== "normal" || t.from === doc.initialStage || effects(t).some((e) => LEGAL_EFFECTS.has(e)),
    /** The move issues the result: the way the applicant chose (a Delivery code), for the dialog to say. */
    issuesVia: effects(t).includes("issue_by_post")
      ? "post"
      : effects(t).includes("issue_result")
        ? (state.delivery ?? "cabinet")
        : null,
  }));
}

const LEGAL_EFFECTS = new Set<string>([
  "generate_result",
  "register_result",
  "sign_result",
  "issue_result",
  "issue_by_post",
  "await_pickup",
]);

/**
 * Issue 16 p.13: where a stage offers both issuing the result (by the chosen way) and preparing it for
 * pickup in person, only the one matching the applicant's choice is offered; unknown choice: both.
 */
function followDelivery(transitions: TransitionDef[], delivery: string | null | undefined): TransitionDef[] {
  if (!delivery) return transitions;
  const has = (t: TransitionDef, e: string) => (t.effects ?? []).includes(e as never);
  const issue = transitions.filter((t) => has(t, "issue_result"));
  const pickup = transitions.filter((t) => has(t, "await_pickup"));
  if (!issue.length || !pickup.length) return transitions;
  const drop = new Set(delivery === "in_person" ? issue : pickup);
  return transitions.filter((t) => !drop.has(t));
}

export function availableTransitions(doc: RegulationDocument, state: ApplicationState, actor: Actor): TransitionDef[] {
  if (state.status !== "SUBMITTED" || !state.currentStage) return [];
  if (!actor.departmentIds.includes(state.departmentId)) return [];
  return doc.transitions.filter((t) => t.from === state.currentStage && mayActAs(t.roles, state, actor) === "yes");
}

export function planTransition(
  doc: RegulationDocument,
  state: ApplicationState,
  actor: Actor,
  request: TransitionRequest,
  ctx: { now: Date; calendar: WorkingCalendar; hours?: DepartmentHours | null },
): Result<TransitionPlan> {
  if (state.status === "DRAFT" || !state.currentStage)
    return fail("not_registered", "Заявление ещё не зарегистрировано: действия по нему недоступны");
  if (state.status !== "SUBMITTED") return fail("closed", "Рассмотрение заявления завершено: изменить этап нельзя");
  // Out of scope first: staff of another department learn nothing about the process of this one.
  if (!actor.departmentIds.includes(state.departmentId))
    return fail("out_of_scope", "Заявление относится к другому подразделению");
  const transition = doc.transitions.find((t) => t.key === request.transition);
  if (!transition) return fail("unknown_transition", "Такого действия нет в регламенте услуги");
  if (transition.from !== state.currentStage) {
    const current = stage(doc, state.currentStage).title;
    return fail("not_from_this_stage", `Действие «${transition.title}» невозможно на этапе «${current}»`);
  }
  // The role must be held in the application's department: a head elsewhere is no head here. An
  // assigned application's executor work is its executor's (or the head's), not any executor's.
  const may = mayActAs(transition.roles, state, actor);
  if (may === "role")
    return fail("role_not_allowed", `Действие «${transition.title}» выполняет другая роль по регламенту`);
  if (may === "not_assignee")
    return fail(
      "not_assignee",
      `Действие «${transition.title}» выполняет назначенный исполнитель заявления или руководитель подразделения`,
    );

  const req = transition.requires;
  const events: EventDraft[] = [];
  let assigneeId = state.assigneeId;

  let grounds: { code: string; text: string }[] = [];
  if (req.refusalGrounds) {
    const list = req.refusalGrounds === "service" ? doc.serviceRefusalGrounds : doc.intakeRefusalGrounds;
    const chosen = [...new Set(request.refusalGrounds ?? [])];
    if (chosen.length === 0)
      return fail("missing_input", "Укажите хотя бы одно основание для отказа из перечня регламента", "refusalGrounds");
    const unknown = chosen.filter((c) => !list.some((g) => g.code === c));
    if (unknown.length)
      return fail(
        "invalid_input",
        "Основание для отказа должно быть из исчерпывающего перечня регламента",
        "refusalGrounds",
      );
    grounds = list.filter((g) => chosen.includes(g.code)).map((g) => ({ code: g.code, text: g.text }));
    if (!request.comment?.trim())
      return fail(
        "missing_input",
        "Изложите мотивы отказа: ссылка на основание без пояснения не допускается",
        "comment",
      );
  }
  if (req.comment && !request.comment?.trim())
    return fail("missing_input", "Добавьте комментарий к действию", "comment");
  let resultType: { code: string; title: string } | undefined;
  if (req.resultType) {
    if (!request.resultType) return fail("missing_input", "Выберите вид результата", "resultType");
    const rt = doc.resultTypes.find((r) => r.code === request.resultType);
    const expected =
      transition.kind === "refusal" || transition.kind === "intake_refusal"
        ? "refusal"
        : transition.kind === "grant"
          ? "positive"
          : null;
    if (!rt || (expected && rt.kind !== expected))
      return fail("invalid_input", "Такого вида результата нет среди предусмотренных для этого решения", "resultType");
    resultType = { code: rt.code, title: rt.title };
  }
  if (req.executor) {
    if (!request.executorId) return fail("missing_input", "Выберите исполнителя", "executorId");
    if (request.executorId !== state.assigneeId) {
      events.push({
        type: "executor_assigned",
        fromStage: state.currentStage,
        toStage: state.currentStage,
        payload: { from: state.assigneeId, to: request.executorId },
      });
    }
    assigneeId = request.executorId;
  }

  const target = stage(doc, transition.to);
  const closed = !!target.final;
  const stageDue = closed
    ? null
    : stageDueAt(doc, target.key, { enteredAt: ctx.now, registeredAt: state.registeredAt }, ctx.calendar, ctx.hours);
  events.unshift({
    type: "stage_changed",
    fromStage: state.currentStage,
    toStage: target.key,
    payload: {
      transition: transition.key,
      title: transition.title,
      ...(request.comment?.trim() ? { comment: request.comment.trim() } : {}),
      ...(grounds.length ? { refusalGrounds: grounds } : {}),
      ...(resultType ? { resultType } : {}),
      ...(stageDue ? { stageDueAt: stageDue.toISOString() } : {}),
    },
  });
  if (transition.kind === "refusal" || transition.kind === "intake_refusal") {
    events.push({
      type: "refused",
      fromStage: state.currentStage,
      toStage: target.key,
      payload: {
        intake: transition.kind === "intake_refusal",
        refusalGrounds: grounds,
        motivation: request.comment?.trim(),
      },
    });
  }
  if (transition.kind === "grant")
    events.push({
      type: "granted",
      fromStage: state.currentStage,
      toStage: target.key,
      payload: resultType ? { resultType } : {},
    });
  if (closed)
    events.push({
      type: "closed",
      fromStage: state.currentStage,
      toStage: target.key,
      payload: { outcome: target.outcome },
    });

  return {
    ok: true,
    value: {
      transition,
      fromStage: state.currentStage,
      toStage: target.key,
      stageEnteredAt: ctx.now,
      stageDueAt: stageDue,
      assigneeId,
      closed,
      outcome: closed ? (target.outcome ?? null) : null,
      events,
    },
  };
}

/**
 * The stages that lead to a refusal (R25): those whose nearest end, by the fewest transitions, is a
 * refusal only (S2's «Подготовка мотивированного отказа» may go back to the decision, but leads to
 * the refusal). While the application is open the applicant is told of these by their short names
 * only: the refusal reaches them with its signed notice, not through a stage's legal title (issue 16 p.8).
 */
export function refusalBoundStages(doc: Pick<RegulationDocument, "stages" | "transitions">): Set<string> {
  const refusal = (o: string | undefined) => o === "refused" || o === "intake_refused";
  const bound = new Set<string>();
  for (const start of doc.stages) {
    // Breadth first: the final stages met at the smallest distance.
    let frontier = [start.key];
    const seen = new Set(frontier);
    while (frontier.length) {
      const finals = frontier.map((k) => doc.stages.find((s) => s.key === k)).filter((s) => s?.final);
      if (finals.length) {
        if (finals.every((f) => refusal(f!.outcome))) bound.add(start.key);
        break;
      }
      frontier = doc.transitions
        .filter((t) => frontier.includes(t.from) && !seen.has(t.to))
        .map((t) => t.to)
        .filter((k) => !seen.has(k) && seen.add(k));
    }
  }
  return bound;
}
