// The calendar administration's writes (issue 11; R7: deadlines in working days). Each change is one
// transaction: the days, the year's record, the AdminEvent, and the recomputation of the open
// applications' due dates with one ApplicationEvent each; a refusal writes nothing.
import "server-only";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors";
import { config } from "../config";
import { recordAdminEvent } from "../audit/mutations";
import { pinnedDocument } from "../regulation/document-cache";
import { parseHours } from "../organisation/schedule";
import { registrationDueAt, serviceDueAt, stageDueAt } from "../workflow/machine";
import { calendarYear } from "./russia";
import { readCalendarYears, TO_DB, calendarYearForAdmin } from "./data";
import {
  buildDecreeYear,
  parseYearFile,
  summarizeYear,
  workMinutesOfKind,
  type DecreeInput,
  type ImportYearInput,
  type SetDayInput,
} from "./schema";
import type { CalendarYear } from "./types";
import { WorkingCalendar } from "./working-calendar";

const TX_OPTIONS = { maxWait: 15_000, timeout: 60_000 };

type YearRecord = { decreeNumber: string | null; decreeDate: string | null };

async function writeYear(tx: Tx, year: CalendarYear, record: YearRecord): Promise<void> {
  const from = new Date(Date.UTC(year.year, 0, 1));
  const to = new Date(Date.UTC(year.year + 1, 0, 1));
  await tx.calendarDay.deleteMany({ where: { date: { gte: from, lt: to } } });
  await tx.calendarDay.createMany({
    data: year.days.map((d) => ({
      date: new Date(`${d.date}T00:00:00Z`),
      kind: TO_DB[d.kind],
      working: d.working,
      workMinutes: d.workMinutes,
      note: d.note ?? null,
    })),
  });
  const decreeDate = record.decreeDate ? new Date(`${record.decreeDate}T00:00:00Z`) : null;
  await tx.calendarYear.upsert({
    where: { year: year.year },
    create: {
      year: year.year,
      provisional: year.provisional,
      source: year.source,
      decreeNumber: record.decreeNumber,
      decreeDate,
    },
    update: {
      provisional: year.provisional,
      source: year.source,
      decreeNumber: record.decreeNumber,
      decreeDate,
      loadedAt: new Date(),
    },
  });
}

/** What the AdminEvent keeps of a year: its status and totals (the days themselves are in the export). */
function yearState(
  meta: { provisional: boolean; decreeNumber: string | null; decreeDate: string | null },
  y: CalendarYear,
) {
  const s = summarizeYear(y.days);
  return {
    provisional: meta.provisional,
    decreeNumber: meta.decreeNumber,
    decreeDate: meta.decreeDate,
    workingDays: s.workingDays,
    workHours: s.workMinutes / 60,
  };
}

export type CalendarChangeResult = { year: number; recomputed: number };

async function changeYear(
  db: Db,
  actorId: string,
  input: {
    year: number;
    next: CalendarYear;
    record: YearRecord;
    type: "calendar_year_loaded" | "calendar_day_changed";
    detail?: Record<string, string | null>;
    reason: "decree" | "import" | "day";
  },
): Promise<CalendarChangeResult> {
  return db.$transaction(async (tx) => {
    const before = await calendarYearForAdmin(tx, input.year);
    await writeYear(tx, input.next, input.record);
    await recordAdminEvent(tx, {
      actorId,
      type: input.type,
      subjectType: "calendar_year",
      subjectId: String(input.year),
      before: before.meta.stored ? yearState(before.meta, before.data) : null,
      after: {
        ...yearState({ provisional: input.next.provisional, ...input.record }, input.next),
        ...(input.detail ?? {}),
      },
    });
    const recomputed = await recomputeDeadlines(tx, { actorId, year: input.year, reason: input.reason });
    if (recomputed > 0)
      await recordAdminEvent(tx, {
        actorId,
        type: "deadlines_recomputed",
        subjectType: "calendar_year",
        subjectId: String(input.year),
        after: { year: input.year, applications: recomputed, reason: input.reason },
      });
    return { year: input.year, recomputed };
  }, TX_OPTIONS);
}

/** Loads the decree on transferring days off of a year: the year becomes official. */
export async function loadDecree(db: Db, actorId: string, input: DecreeInput): Promise<CalendarChangeResult> {
  const built = buildDecreeYear(input);
  if (!built.ok) throw new AppError("INVALID", "Проверьте данные постановления", built.errors);
  return changeYear(db, actorId, {
    year: input.year,
    next: built.year,
    record: { decreeNumber: input.decreeNumber, decreeDate: input.decreeDate },
    type: "calendar_year_loaded",
    detail: { via: "decree" },
    reason: "decree",
  });
}

/** Imports a whole year from a file (CSV or the export's JSON); official when a decree is named. */
export async function importCalendarYear(
  db: Db,
  actorId: string,
  input: ImportYearInput,
): Promise<CalendarChangeResult> {
  const parsed = parseYearFile(input.year, input.content);
  if (!parsed.ok) throw new AppError("INVALID", parsed.message, { content: parsed.message });
  if (!input.decreeNumber !== !input.decreeDate) {
    const field = input.decreeNumber ? "decreeDate" : "decreeNumber";
    const message = "Укажите и номер, и дату постановления (или ни того, ни другого для предварительного года)";
    throw new AppError("INVALID", message, { [field]: message });
  }
  const official = !!input.decreeNumber && !!input.decreeDate;
  const next: CalendarYear = {
    ...parsed.year,
    provisional: !official,
    source: official
      ? `Постановление Правительства РФ от ${input.decreeDate.split("-").reverse().join(".")} № ${input.decreeNumber} (загружено из файла)`
      : parsed.year.source,
  };
  return changeYear(db, actorId, {
    year: input.year,
    next,
    record: official
      ? { decreeNumber: input.decreeNumber, decreeDate: input.decreeDate }
      : { decreeNumber: null, decreeDate: null },
    type: "calendar_year_loaded",
    detail: { via: "import" },
    reason: "import",
  });
}

/** Changes one day (kind and note); the year keeps its status. */
export async function setCalendarDay(db: Db, actorId: string, input: SetDayInput): Promise<CalendarChangeResult> {
  const year = Number(input.date.slice(0, 4));
  const current = await calendarYearForAdmin(db, year);
  const i = current.data.days.findIndex((d) => d.date === input.date);
  if (i < 0) throw new AppError("INVALID", "Такой даты нет в календаре", { date: "Такой даты нет в календаре" });
  const old = current.data.days[i]!;
  const minutes = workMinutesOfKind(input.kind);
  const days = current.data.days.map((d, j) =>
    j === i
      ? {
          date: d.date,
          kind: input.kind,
          working: minutes > 0,
          workMinutes: minutes,
          ...(input.note ? { note: input.note } : {}),
        }
      : d,
  );
  return changeYear(db, actorId, {
    year,
    next: { ...current.data, days },
    record: { decreeNumber: current.meta.decreeNumber, decreeDate: current.meta.decreeDate },
    type: "calendar_day_changed",
    detail: { date: input.date, kindBefore: old.kind, kindAfter: input.kind, note: input.note || null },
    reason: "day",
  });
}

/**
 * Recomputes the due dates of open applications that a change of `year` can move (issue 11): those
 * marked provisional, and those whose stage or service due date falls in that year or later. Each
 * application whose date or mark changes gets a `deadlines_recomputed` event with the old and new
 * dates. The row version is left alone: a staff member's open card stays valid (a move computes its
 * own new due date anyway). But the update is conditional on the version read: an application moved
 * meanwhile keeps the due date its move wrote, rather than one counted for the stage it has left.
 */
export async function recomputeDeadlines(
  tx: Tx,
  input: { actorId: string | null; year: number; reason: string; now?: Date },
): Promise<number> {
  const calendar = new WorkingCalendar(await readCalendarYears(tx), {
    utcOffsetMinutes: config().utcOffsetMinutes,
    deriveYear: calendarYear,
  });
  const yearStart = new Date(Date.UTC(input.year, 0, 1) - 14 * 3600_000);
  const apps = await tx.application.findMany({
    where: {
      status: "SUBMITTED",
      registeredAt: { not: null },
      OR: [
        { stageDueProvisional: true },
        { dueProvisional: true },
        { stageDueAt: { gte: yearStart } },
        { dueAt: { gte: yearStart } },
      ],
    },
    select: {
      id: true,
      rowVersion: true,
      channel: true,
      currentStage: true,
      stageEnteredAt: true,
      stageDueAt: true,
      stageDueProvisional: true,
      dueAt: true,
      dueProvisional: true,
      registeredAt: true,
      submittedAt: true,
      regulationVersionId: true,
      variantCode: true,
      department: { select: { hours: true } },
    },
  });
  // Each edition's document is read once, not with every one of thousands of applications.
  const versionIds = [...new Set(apps.map((a) => a.regulationVersionId))];
  const documents = new Map(
    (
      await tx.regulationVersion.findMany({ where: { id: { in: versionIds } }, select: { id: true, document: true } })
    ).map((v) => [v.id, v.document]),
  );
  const now = input.now ?? new Date();
  let changed = 0;
  for (const app of apps) {
    const registeredAt = app.registeredAt!;
    const doc = pinnedDocument(app.regulationVersionId, documents.get(app.regulationVersionId), app.variantCode);
    const hours = parseHours(app.department.hours);
    const enteredAt = app.stageEnteredAt ?? registeredAt;
    let stageDue: Date | null = app.stageDueAt;
    if (app.currentStage && app.stageDueAt) {
      // The initial stage entered at receipt may run on the channel's registration term (S1 p.22),
      // counted from receipt (which precedes registration for paper intake, issue 12) as S2 p.66 reads.
      const receivedAt = app.submittedAt ?? registeredAt;
      const term =
        app.currentStage === doc.initialStage && enteredAt.getTime() === receivedAt.getTime()
          ? doc.passport.registrationTerms.find((r) => r.channel === app.channel)?.term
          : undefined;
      stageDue = term
        ? registrationDueAt(calendar, enteredAt, term, hours)
        : stageDueAt(doc, app.currentStage, { enteredAt, registeredAt }, calendar, hours);
    }
    const stageProvisional = stageDue ? calendar.isProvisionalBetween(enteredAt, stageDue) : false;
    const due = app.dueAt ? serviceDueAt(doc, registeredAt, calendar) : null;
    const dueProvisional = due ? calendar.isProvisionalBetween(registeredAt, due) : false;
    const same =
      (stageDue?.getTime() ?? null) === (app.stageDueAt?.getTime() ?? null) &&
      (due?.getTime() ?? null) === (app.dueAt?.getTime() ?? null) &&
      stageProvisional === app.stageDueProvisional &&
      dueProvisional === app.dueProvisional;
    if (same) continue;
    const updated = await tx.application.updateMany({
      where: { id: app.id, rowVersion: app.rowVersion, currentStage: app.currentStage },
      data: { stageDueAt: stageDue, stageDueProvisional: stageProvisional, dueAt: due, dueProvisional },
    });
    if (updated.count === 0) continue;
    await tx.applicationStage.updateMany({
      where: { applicationId: app.id, leftAt: null },
      data: { dueAt: stageDue, dueProvisional: stageProvisional },
    });
    await tx.applicationEvent.create({
      data: {
        applicationId: app.id,
        at: now,
        actorId: input.actorId,
        type: "deadlines_recomputed",
        fromStage: app.currentStage,
        toStage: app.currentStage,
        payload: {
          year: input.year,
          reason: input.reason,
          stageDueAt: { from: app.stageDueAt?.toISOString() ?? null, to: stageDue?.toISOString() ?? null },
          dueAt: { from: app.dueAt?.toISOString() ?? null, to: due?.toISOString() ?? null },
          stageDueProvisional: { from: app.stageDueProvisional, to: stageProvisional },
          dueProvisional: { from: app.dueProvisional, to: dueProvisional },
        },
      },
    });
    changed += 1;
  }
  return changed;
}
