// The deadline simulator (issue 10 p.5) on the real 2025-2026 calendar (the decrees of 04.10.2024
// No. 1335 and 24.09.2025 No. 1466, as the seed loads them) and the two seed regulations.
import { describe, expect, it } from "vitest";
import { russianWorkingCalendar } from "../calendar";
import { defaultHours } from "../organisation/schedule";
import { archiveInfoRegulation, roadInfoRegulation } from "../../prisma/seed/regulations";
import type { RegulationDocument } from "./document";
import { parseForSimulation, pathsToFinalStages, simulateDeadlines, type Simulation } from "./simulator";

const calendar = russianWorkingCalendar({ utcOffsetMinutes: 300 });
/** A local wall-clock time of the seeds' municipality (UTC+5) as an instant. */
const local = (text: string) => new Date(`${text}+05:00`);
const S1 = roadInfoRegulation as RegulationDocument;
const S2 = archiveInfoRegulation as RegulationDocument;

function simulate(doc: RegulationDocument, input: Parameters<typeof simulateDeadlines>[2]): Simulation {
  const result = simulateDeadlines(doc, calendar, input);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.simulation;
}

const due = (s: Simulation, outcome: string) =>
  Object.fromEntries(
    s.paths.find((p) => p.outcome === outcome)!.stages.map((st) => [st.key, st.dueAt?.toISOString() ?? null]),
  );

describe("simulateDeadlines", () => {
  it("S1 by post on Friday evening 8 May 2026, before Victory Day and its Monday off: registration on Tuesday, then each stage", () => {
    const s = simulate(S1, { channel: "POST", receivedAt: local("2026-05-08T19:00") });
    // 9 May (holiday), 10 May (Sunday), 11 May (the holiday's day off moved to Monday): 1 working day ends on 12 May.
    expect(s.registration.dueAt?.toISOString()).toBe(local("2026-05-12T23:59:59.999").toISOString());
    expect(s.registration.daysOff).toBe(3);
    expect(s.registration.term).toBe("1 рабочий день с момента поступления заявления");
    // The registrar registers at the latest when the term ends: terms from registration count from 12 May.
    expect(s.registration.registeredAt).toEqual(s.registration.dueAt);
    expect(due(s, "granted")).toEqual({
      registration: local("2026-05-12T23:59:59.999").toISOString(),
      review: local("2026-05-27T23:59:59.999").toISOString(), // 11 working days from registration
      signing: local("2026-05-28T23:59:59.999").toISOString(),
      result_registration: local("2026-05-29T23:59:59.999").toISOString(),
      issue: local("2026-06-01T23:59:59.999").toISOString(), // across the weekend of 30-31 May
      granted: null,
    });
    const review = s.paths[0]!.stages[1]!;
    expect(review.term).toBe("11 рабочих дней с даты регистрации заявления");
    expect(review.responsible).toEqual(["Исполнитель"]);
    expect(review.daysOff).toBe(4);
    expect(due(s, "refused").refusal_issue).toBe(local("2026-06-01T23:59:59.999").toISOString());
    // 15 working days from registration (S1 p.10).
    expect(s.service.dueAt.toISOString()).toBe(local("2026-06-02T23:59:59.999").toISOString());
    expect(s.service.term).toBe("15 рабочих дней со дня регистрации заявления");
    expect(s.paths.every((p) => !p.exceedsService)).toBe(true);
    expect(s.provisionalYears).toEqual([]);
  });

  it("counts an in-person term of 15 minutes in the department's reception hours (shortened pre-holiday Friday)", () => {
    // Default hours 9:00-18:00, lunch 13-14, an hour shorter on the pre-holiday 8 May: closes at 17:00.
    const s = simulate(S1, { channel: "IN_PERSON", receivedAt: local("2026-05-08T16:50"), hours: defaultHours() });
    expect(s.registration.dueAt?.toISOString()).toBe(local("2026-05-12T09:05").toISOString());
    expect(s.paths[0]!.stages[0]!.term).toBe(
      "15 минут с момента поступления заявления в часы приёма (срок регистрации)",
    );
    // Without a schedule: the calendar's day from 9:00 for its minutes (7 h on a shortened day: until 16:00).
    const plain = simulate(S1, { channel: "IN_PERSON", receivedAt: local("2026-05-08T16:50") });
    expect(plain.registration.dueAt?.toISOString()).toBe(local("2026-05-12T09:15").toISOString());
  });

  it("registers a portal application at receipt; S2 p.66: arrival on 31.12.2025 is due on the first working day, 12.01.2026", () => {
    const s = simulate(S2, { channel: "PORTAL", receivedAt: local("2025-12-31T10:00") });
    expect(s.registration.registeredAt.toISOString()).toBe(local("2025-12-31T10:00").toISOString());
    expect(s.registration.dueAt?.toISOString()).toBe(local("2026-01-12T23:59:59.999").toISOString());
    // 31.12 to 11.01 are days off: twelve of them are crossed.
    expect(s.registration.daysOff).toBe(12);
    // 30 calendar days from registration (S2 p.58), from the take-in day 12.01 → 11.02.2026.
    expect(s.service.dueAt.toISOString()).toBe(local("2026-02-11T23:59:59.999").toISOString());
    expect(s.paths.map((p) => p.outcome).sort()).toEqual(["granted", "refused"]);
  });

  it("marks dates in a year without a decree as provisional", () => {
    const s = simulate(S1, { channel: "POST", receivedAt: local("2027-12-24T12:00") });
    expect(s.provisionalYears).toEqual([2027, 2028]);
    expect(s.service.provisional).toBe(true);
  });

  it("follows the shortest line to each final stage, without the returns for rework", () => {
    expect(pathsToFinalStages(S1)).toEqual([
      ["registration", "review", "signing", "result_registration", "issue", "granted"],
      ["registration", "review", "refusal_signing", "refusal_registration", "refusal_issue", "refused"],
    ]);
  });

  it("says when the stages' terms add up to more than the service's term", () => {
    const doc = structuredClone(S1);
    doc.stages.find((st) => st.key === "signing")!.deadline = { value: 10, unit: "working_days", from: "stage_entry" };
    const s = simulate(doc, { channel: "PORTAL", receivedAt: local("2026-03-02T10:00") });
    expect(s.paths.find((p) => p.outcome === "granted")!.exceedsService).toBe(true);
    expect(s.paths.find((p) => p.outcome === "refused")!.exceedsService).toBe(false);
  });

  it("refuses terms it cannot count, and a process with no way to a final stage, with their paths", () => {
    const doc = structuredClone(S1);
    doc.stages[1]!.deadline = { value: -2, unit: "working_days", from: "registration" };
    doc.passport.term = { value: 100_000, unit: "calendar_days" };
    const r = simulateDeadlines(doc, calendar, { channel: "POST", receivedAt: local("2026-03-02T10:00") });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.path)).toEqual(["passport.term.value", "stages.1.deadline.value"]);
    expect(r.problems[1]!.message).toContain("не может быть отрицательным");

    const stuck = structuredClone(S1);
    stuck.transitions = stuck.transitions.filter((t) => t.from !== "registration");
    const r2 = simulateDeadlines(stuck, calendar, { channel: "POST", receivedAt: local("2026-03-02T10:00") });
    expect(r2.ok ? [] : r2.problems.map((p) => p.message)).toEqual([
      "Из начального этапа нельзя дойти ни до одного конечного этапа",
    ]);
  });

  it("parses the editor's document and returns the problems of one that does not parse, in Russian", () => {
    expect(parseForSimulation(S1).ok).toBe(true);
    const broken = parseForSimulation({ ...S1, stages: "нет" });
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.problems[0]!.path).toBe("stages");
  });
});
