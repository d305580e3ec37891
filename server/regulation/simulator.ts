// The deadline simulator of the regulation editor (issue 10 p.5): for an intake channel and a receipt
// instant, the due instant of the registration, of each stage along each path from the initial stage
// to each final stage, and of the whole service, so an administrator checks the regulation's terms
// against the working calendar before publishing. Pure: the calendar (and the receiving department's
// reception hours, for minute terms) are passed in.
//
// It counts with the very functions the app counts real applications with (server/workflow/machine.ts:
// registrationDueAt, stageDueAt, serviceDueAt; the calendar's S2 p.66 rule for arrivals on a day off),
// as registration (server/workflow/mutations.ts registerInTransaction) applies them:
// - the initial stage runs on the channel's registration term counted from receipt, or on its own
//   deadline where the channel has none;
// - a portal application is registered when it is received; one by another channel is registered by
//   the registrar, at the latest when the registration term ends: the simulator takes that latest
//   instant (the terms counted from registration then show their latest due dates);
// - a stage whose deadline counts from entering it is entered when the stage before it is due (the
//   previous stage used its whole term): the worst case the regulation allows;
// - the service's term counts from registration (S1 p.10, S2 p.58).
import ru from "zod/v4/locales/ru.js";
import type { WorkingCalendar } from "../calendar/working-calendar";
import type { DepartmentHours } from "../organisation/schedule";
import { registrationDueAt, serviceDueAt, stageDueAt } from "../workflow/machine";
import {
  CHANNEL_LABEL,
  formatDuration,
  ROLE_LABEL,
  zRegulationDocument,
  type Channel,
  type DocumentProblem,
  type Duration,
  type Outcome,
  type RegulationDocument,
  type StageDef,
} from "./document";

/** The longest term the simulator counts (a typo of 30000 days would run the calendar to the year 2100). */
export const SIMULATION_MAX_DAYS = 3660;
export const SIMULATION_MAX_MINUTES = 100_000;

export const OUTCOME_PATH_TITLE: Record<Outcome, string> = {
  granted: "Услуга предоставлена",
  refused: "Отказ в предоставлении услуги",
  intake_refused: "Отказ в приёме документов",
  withdrawn: "Заявление отозвано",
};

export type SimulatedStage = {
  key: string;
  title: string;
  /** The roles that answer for the stage (R2), in Russian. */
  responsible: string[];
  /** The term as the regulation words it: «11 рабочих дней с даты регистрации»; null when the stage has none. */
  term: string | null;
  /** Where the term comes from: the channel's registration term, the stage's own deadline, or none. */
  basis: "registration_term" | "stage_entry" | "registration" | "none";
  /** When the stage is entered (the previous stage's due instant, the receipt for the first). */
  enteredAt: Date;
  dueAt: Date | null;
  /** Days off (weekends, holidays, days off by decree) between the start of the count and the due date. */
  daysOff: number;
  /** A provisional calendar year (no decree loaded) lies between the start and the due date. */
  provisional: boolean;
  final: boolean;
};

export type SimulatedPath = {
  finalStage: string;
  outcome: Outcome | null;
  title: string;
  stages: SimulatedStage[];
  /** The last stage's due instant, when it falls after the service's due date. */
  exceedsService: boolean;
};

export type Simulation = {
  channel: Channel;
  receivedAt: Date;
  registration: {
    /** «1 рабочий день с момента поступления заявления»; null when the channel has no registration term. */
    term: string | null;
    dueAt: Date | null;
    /** The instant the simulation takes as the registration (see the header). */
    registeredAt: Date;
    daysOff: number;
    provisional: boolean;
  };
  paths: SimulatedPath[];
  service: { term: string; dueAt: Date; daysOff: number; provisional: boolean };
  /** Calendar years between the receipt and the last due date that are provisional (no decree loaded). */
  provisionalYears: number[];
};

export type SimulationInput = { channel: Channel; receivedAt: Date; hours?: DepartmentHours | null };

const RU = ru();

/** The document as the editor holds it (unsaved changes count): parsed, or its problems. */
export function parseForSimulation(
  input: unknown,
): { ok: true; document: RegulationDocument } | { ok: false; problems: DocumentProblem[] } {
  const parsed = zRegulationDocument.safeParse(input, { error: RU.localeError });
  if (!parsed.success)
    return { ok: false, problems: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) };
  return { ok: true, document: parsed.data };
}

/** Terms the calendar cannot count (negative) or that are too long to be meant: the simulator's own refusals. */
function termProblems(doc: RegulationDocument): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  const check = (d: Duration, path: string, what: string) => {
    if (d.value < 0) problems.push({ path, message: `${what}: срок не может быть отрицательным` });
    else if (d.unit === "working_minutes" ? d.value > SIMULATION_MAX_MINUTES : d.value > SIMULATION_MAX_DAYS)
      problems.push({
        path,
        message: `${what}: срок ${formatDuration(d)} слишком велик для расчёта (не больше ${d.unit === "working_minutes" ? `${SIMULATION_MAX_MINUTES} минут` : `${SIMULATION_MAX_DAYS} дней`})`,
      });
  };
  check(doc.passport.term, "passport.term.value", "Срок предоставления услуги");
  doc.passport.registrationTerms.forEach((r, i) =>
    check(r.term, `passport.registrationTerms.${i}.term.value`, `Срок регистрации (${CHANNEL_LABEL[r.channel]})`),
  );
  doc.stages.forEach((s, i) => {
    if (s.deadline) check(s.deadline, `stages.${i}.deadline.value`, `Этап «${s.title}»`);
  });
  return problems;
}

/**
 * The shortest path (fewest transitions) from the initial stage to each final stage reachable from it:
 * the main line of the process, without the returns for rework.
 */
export function pathsToFinalStages(doc: RegulationDocument): string[][] {
  const previous = new Map<string, string | null>([[doc.initialStage, null]]);
  const queue = [doc.initialStage];
  while (queue.length) {
    const at = queue.shift()!;
    for (const t of doc.transitions) {
      if (t.from === at && !previous.has(t.to) && doc.stages.some((s) => s.key === t.to)) {
        previous.set(t.to, at);
        queue.push(t.to);
      }
    }
  }
  const paths: string[][] = [];
  for (const s of doc.stages) {
    if (!s.final || !previous.has(s.key)) continue;
    const path: string[] = [];
    for (let k: string | null = s.key; k !== null; k = previous.get(k) ?? null) path.unshift(k);
    paths.push(path);
  }
  return paths;
}

/** Days off between two instants' local dates, both ends included. */
function daysOffBetween(calendar: WorkingCalendar, from: Date, to: Date | null): number {
  if (!to) return 0;
  let date = calendar.localDate(from);
  const last = calendar.localDate(to);
  let count = 0;
  for (let i = 0; date <= last && i <= SIMULATION_MAX_DAYS * 2; i += 1) {
    if (!calendar.isWorkingDay(date)) count += 1;
    date = calendar.localDate(new Date(calendar.startOfLocalDay(date).getTime() + 36 * 3_600_000));
  }
  return count;
}

function stageTerm(stage: StageDef): string | null {
  const d = stage.deadline;
  if (!d) return null;
  const suffix =
    d.from === "registration"
      ? "с даты регистрации заявления"
      : "с поступления на этап (срок предыдущего этапа использован полностью)";
  return `${formatDuration(d)} ${suffix}${d.unit === "working_minutes" ? " в часы приёма" : ""}`;
}

/** «1 рабочий день с момента поступления заявления», «в день поступления», «15 минут … в часы приёма». */
export function registrationTermText(d: Duration): string {
  if (d.value === 0) return "в день поступления заявления";
  return `${formatDuration(d)} с момента поступления заявления${d.unit === "working_minutes" ? " в часы приёма" : ""}`;
}

export function simulateDeadlines(
  doc: RegulationDocument,
  calendar: WorkingCalendar,
  input: SimulationInput,
): { ok: true; simulation: Simulation } | { ok: false; problems: DocumentProblem[] } {
  const problems = termProblems(doc);
  if (!doc.stages.some((s) => s.key === doc.initialStage))
    problems.push({ path: "initialStage", message: `Начальный этап «${doc.initialStage}» не существует` });
  if (problems.length) return { ok: false, problems };
  const paths = pathsToFinalStages(doc);
  if (!paths.length)
    return {
      ok: false,
      problems: [{ path: "stages", message: "Из начального этапа нельзя дойти ни до одного конечного этапа" }],
    };

  const hours = input.hours ?? null;
  const { receivedAt, channel } = input;
  const regTerm = doc.passport.registrationTerms.find((r) => r.channel === channel)?.term;
  const registrationDue = regTerm ? registrationDueAt(calendar, receivedAt, regTerm, hours) : null;
  // As registration does: the portal registers at receipt, a registrar at the latest when the term ends.
  const registeredAt = channel === "PORTAL" || !registrationDue ? receivedAt : registrationDue;
  const serviceDue = serviceDueAt(doc, registeredAt, calendar);
  let latest = serviceDue;
  const later = (d: Date | null) => {
    if (d && d > latest) latest = d;
  };
  later(registrationDue);

  const simulated: SimulatedPath[] = paths.map((path) => {
    let enteredAt = receivedAt;
    const stages = path.map((key, i): SimulatedStage => {
      const stage = doc.stages.find((s) => s.key === key)!;
      const onRegistrationTerm = i === 0 && !!regTerm;
      const dueAt = onRegistrationTerm
        ? registrationDue
        : stageDueAt(doc, key, { enteredAt, registeredAt }, calendar, hours);
      const from = onRegistrationTerm ? receivedAt : stage.deadline?.from === "registration" ? registeredAt : enteredAt;
      later(dueAt);
      const row: SimulatedStage = {
        key,
        title: stage.title,
        responsible: stage.responsibleRoles.map((r) => ROLE_LABEL[r]),
        term: onRegistrationTerm ? `${registrationTermText(regTerm!)} (срок регистрации)` : stageTerm(stage),
        basis: onRegistrationTerm ? "registration_term" : stage.deadline ? stage.deadline.from : "none",
        enteredAt,
        dueAt,
        daysOff: daysOffBetween(calendar, from, dueAt),
        provisional: dueAt ? calendar.isProvisionalBetween(from, dueAt) : false,
        final: !!stage.final,
      };
      if (dueAt) enteredAt = dueAt;
      return row;
    });
    const final = doc.stages.find((s) => s.key === path.at(-1))!;
    const lastDue = [...stages].reverse().find((s) => s.dueAt)?.dueAt ?? null;
    return {
      finalStage: final.key,
      outcome: final.outcome ?? null,
      title: final.outcome ? OUTCOME_PATH_TITLE[final.outcome] : final.title,
      stages,
      exceedsService: !!lastDue && lastDue > serviceDue,
    };
  });

  const firstYear = Number(calendar.localDate(receivedAt).slice(0, 4));
  const lastYear = Number(calendar.localDate(latest).slice(0, 4));
  const provisionalYears: number[] = [];
  for (let y = firstYear; y <= lastYear; y += 1) if (calendar.isProvisional(y)) provisionalYears.push(y);

  return {
    ok: true,
    simulation: {
      channel,
      receivedAt,
      registration: {
        term: regTerm ? registrationTermText(regTerm) : null,
        dueAt: registrationDue,
        registeredAt,
        daysOff: daysOffBetween(calendar, receivedAt, registrationDue),
        provisional: registrationDue ? calendar.isProvisionalBetween(receivedAt, registrationDue) : false,
      },
      paths: simulated,
      service: {
        term: `${formatDuration(doc.passport.term)} со дня регистрации заявления`,
        dueAt: serviceDue,
        daysOff: daysOffBetween(calendar, registeredAt, serviceDue),
        provisional: calendar.isProvisionalBetween(registeredAt, serviceDue),
      },
      provisionalYears,
    },
  };
}
