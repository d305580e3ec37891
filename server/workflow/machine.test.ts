// The process state machine against both seeded regulations (R1, R2, R25): every allowed transition
// succeeds for its role, every other role and stage fails with the right error, refusals need
// grounds from the exhaustive list and a motivation.
import { describe, expect, it } from "vitest";
import { russianWorkingCalendar } from "../calendar/working-calendar";
import { ROLES, type RegulationDocument, type Role, type TransitionDef } from "../regulation/document";
import { roadInfoRegulation } from "../../prisma/seed/regulations/road-info";
import { archiveInfoRegulation } from "../../prisma/seed/regulations/archive-info";
import {
  availableTransitions,
  mayActAs,
  mayReassign,
  offeredTransitions,
  planTransition,
  refusalBoundStages,
  rolesIn,
  serviceDueAt,
  stageDueAt,
  type Actor,
  type ApplicationState,
  type TransitionRequest,
} from "./machine";

const calendar = russianWorkingCalendar({ utcOffsetMinutes: 300 });
const DEPT = "dept-1";
const now = new Date("2026-03-04T06:00:00Z"); // Wednesday 11:00 local
const registeredAt = new Date("2026-03-02T05:00:00Z");

const state = (stage: string): ApplicationState => ({
  status: "SUBMITTED",
  currentStage: stage,
  departmentId: DEPT,
  assigneeId: null,
  registeredAt,
});
const actor = (roles: Role[], departmentIds = [DEPT]): Actor => ({
  userId: "u-1",
  departmentIds,
  rolesByDepartment: new Map(departmentIds.map((d) => [d, roles])),
});

/** The inputs a transition requires, filled correctly. */
function validRequest(doc: RegulationDocument, t: TransitionDef): TransitionRequest {
  const refusal = t.kind === "refusal" || t.kind === "intake_refusal";
  const resultType = doc.resultTypes.find((r) => r.kind === (refusal ? "refusal" : "positive")) ?? doc.resultTypes[0]!;
  return {
    transition: t.key,
    ...(t.requires.refusalGrounds
      ? {
          refusalGrounds: [
            (t.requires.refusalGrounds === "service" ? doc.serviceRefusalGrounds : doc.intakeRefusalGrounds)[0]!.code,
          ],
          comment: "Доверенность не представлена",
        }
      : {}),
    ...(t.requires.comment ? { comment: "Нужна доработка" } : {}),
    ...(t.requires.resultType ? { resultType: resultType.code } : {}),
    ...(t.requires.executor ? { executorId: "executor-1" } : {}),
  };
}

describe.each([
  ["road-info (S1)", roadInfoRegulation],
  ["archive-info (S2)", archiveInfoRegulation],
])("process of %s", (_name, doc) => {
  it("allows every transition to each of its roles, with the stage's deadline set", () => {
    for (const t of doc.transitions) {
      for (const role of t.roles) {
        const result = planTransition(doc, state(t.from), actor([role]), validRequest(doc, t), { now, calendar });
        expect(result.ok, `${t.key} by ${role}: ${result.ok ? "" : result.error.message}`).toBe(true);
        if (!result.ok) continue;
        expect(result.value.toStage).toBe(t.to);
        expect(result.value.events[0]).toMatchObject({ type: "stage_changed", fromStage: t.from, toStage: t.to });
        const target = doc.stages.find((s) => s.key === t.to)!;
        expect(result.value.closed).toBe(!!target.final);
        if (target.final) expect(result.value.stageDueAt).toBeNull();
        else if (target.deadline) {
          expect(result.value.stageDueAt).toEqual(stageDueAt(doc, t.to, { enteredAt: now, registeredAt }, calendar));
          expect(calendar.isWorkingDay(calendar.localDate(result.value.stageDueAt!))).toBe(true);
        }
      }
    }
  });

  it("refuses every transition to the roles the regulation does not name", () => {
    for (const t of doc.transitions) {
      for (const role of ROLES.filter((r) => !(t.roles as readonly Role[]).includes(r))) {
        const result = planTransition(doc, state(t.from), actor([role]), validRequest(doc, t), { now, calendar });
        expect(result.ok ? "ok" : result.error.code, `${t.key} by ${role}`).toBe("role_not_allowed");
      }
    }
  });

  it("refuses every transition from any stage other than its own", () => {
    for (const t of doc.transitions) {
      for (const s of doc.stages.filter((x) => x.key !== t.from && !x.final)) {
        const result = planTransition(doc, state(s.key), actor([...ROLES]), validRequest(doc, t), { now, calendar });
        expect(result.ok ? "ok" : result.error.code, `${t.key} from ${s.key}`).toBe("not_from_this_stage");
      }
    }
  });

  it("offers on the board exactly the transitions of the stage and role", () => {
    for (const s of doc.stages) {
      for (const role of ROLES) {
        const offered = availableTransitions(doc, state(s.key), actor([role]))
          .map((t) => t.key)
          .sort();
        const expected = doc.transitions
          .filter((t) => t.from === s.key && (t.roles as readonly Role[]).includes(role))
          .map((t) => t.key)
          .sort();
        expect(offered).toEqual(expected);
      }
    }
    expect(availableTransitions(doc, state(doc.initialStage), actor([...ROLES], ["other"]))).toEqual([]);
  });

  it("requires refusal grounds from the exhaustive list and a motivation (R25)", () => {
    const refusals = doc.transitions.filter((t) => t.kind === "refusal");
    expect(refusals.length).toBeGreaterThan(0);
    for (const t of refusals) {
      const by = actor([t.roles[0]!]);
      const base = validRequest(doc, t);
      const noGrounds = planTransition(doc, state(t.from), by, { ...base, refusalGrounds: [] }, { now, calendar });
      expect(noGrounds.ok ? null : [noGrounds.error.code, noGrounds.error.field]).toEqual([
        "missing_input",
        "refusalGrounds",
      ]);
      const invented = planTransition(
        doc,
        state(t.from),
        by,
        { ...base, refusalGrounds: ["invented_ground"] },
        { now, calendar },
      );
      expect(invented.ok ? null : invented.error.code).toBe("invalid_input");
      const noMotivation = planTransition(doc, state(t.from), by, { ...base, comment: "  " }, { now, calendar });
      expect(noMotivation.ok ? null : [noMotivation.error.code, noMotivation.error.field]).toEqual([
        "missing_input",
        "comment",
      ]);
      const ok = planTransition(doc, state(t.from), by, base, { now, calendar });
      expect(ok.ok && ok.value.events.find((e) => e.type === "refused")?.payload).toMatchObject({
        refusalGrounds: [{ code: base.refusalGrounds![0] }],
      });
    }
  });

  it("refuses a positive result type on a refusal and a missing executor on assignment", () => {
    for (const t of doc.transitions.filter((x) => x.kind === "refusal" && x.requires.resultType)) {
      const positive = doc.resultTypes.find((r) => r.kind === "positive")!;
      const r = planTransition(
        doc,
        state(t.from),
        actor([t.roles[0]!]),
        { ...validRequest(doc, t), resultType: positive.code },
        { now, calendar },
      );
      expect(r.ok ? null : r.error.code).toBe("invalid_input");
    }
    for (const t of doc.transitions.filter((x) => x.requires.executor)) {
      const r = planTransition(
        doc,
        state(t.from),
        actor([t.roles[0]!]),
        { ...validRequest(doc, t), executorId: undefined },
        { now, calendar },
      );
      expect(r.ok ? null : [r.error.code, r.error.field]).toEqual(["missing_input", "executorId"]);
      const ok = planTransition(doc, state(t.from), actor([t.roles[0]!]), validRequest(doc, t), { now, calendar });
      expect(ok.ok && ok.value.assigneeId).toBe("executor-1");
      expect(ok.ok && ok.value.events.some((e) => e.type === "executor_assigned")).toBe(true);
    }
  });

  it("does nothing for staff of another department, a draft or a closed application", () => {
    const t = doc.transitions[0]!;
    const other = planTransition(doc, state(t.from), actor([...ROLES], ["another-dept"]), validRequest(doc, t), {
      now,
      calendar,
    });
    expect(other.ok ? null : other.error.code).toBe("out_of_scope");
    const draft = planTransition(
      doc,
      { ...state(t.from), status: "DRAFT", currentStage: null },
      actor([...ROLES]),
      validRequest(doc, t),
      { now, calendar },
    );
    expect(draft.ok ? null : draft.error.code).toBe("not_registered");
    const closed = planTransition(
      doc,
      { ...state(t.from), status: "CLOSED" },
      actor([...ROLES]),
      validRequest(doc, t),
      { now, calendar },
    );
    expect(closed.ok ? null : closed.error.code).toBe("closed");
    const unknown = planTransition(
      doc,
      state(t.from),
      actor([...ROLES]),
      { transition: "teleport" },
      { now, calendar },
    );
    expect(unknown.ok ? null : unknown.error.code).toBe("unknown_transition");
  });

  it("reaches a granted and a refused final stage along allowed transitions", () => {
    for (const outcome of ["granted", "refused"] as const) {
      // Breadth-first over the process graph from the initial stage.
      const seen = new Set([doc.initialStage]);
      const queue = [doc.initialStage];
      let found = false;
      while (queue.length) {
        const s = queue.shift()!;
        const st = doc.stages.find((x) => x.key === s)!;
        if (st.final && st.outcome === outcome) found = true;
        for (const t of doc.transitions.filter((x) => x.from === s && !seen.has(x.to))) {
          seen.add(t.to);
          queue.push(t.to);
        }
      }
      expect(found, outcome).toBe(true);
    }
  });
});

describe("what the menu offers (issue 16 p.11, p.13)", () => {
  const executor = actor(["EXECUTOR"]);
  const offered = (stage: string, delivery?: string | null) =>
    offeredTransitions(archiveInfoRegulation, { ...state(stage), delivery }, executor);

  it("follows the way of issue the applicant chose, and offers both when it is not known", () => {
    expect(offered("issue", "in_person").map((t) => t.key)).toEqual(["ready_for_pickup"]);
    expect(offered("issue", "cabinet").map((t) => t.key)).toEqual(["send_result"]);
    expect(offered("issue", "post").map((t) => t.key)).toEqual(["send_result"]);
    expect(
      offered("issue", null)
        .map((t) => t.key)
        .sort(),
    ).toEqual(["ready_for_pickup", "send_result"]);
    // A stage without the choice keeps all its ways (collected in person, or sent by post when not).
    expect(
      offered("awaiting_pickup", "in_person")
        .map((t) => t.key)
        .sort(),
    ).toEqual(["hand_over", "send_uncollected_by_post"]);
  });

  it("asks to confirm registering, decisions, signing and issuing, and names the way of issue", () => {
    const confirm = (stage: string, roles: Role[]) =>
      Object.fromEntries(
        offeredTransitions(archiveInfoRegulation, { ...state(stage), delivery: "in_person" }, actor(roles)).map((t) => [
          t.key,
          [t.confirm, t.issuesVia],
        ]),
      );
    expect(confirm("registration", ["REGISTRAR"])).toEqual({ register: [true, null] });
    expect(confirm("check", ["EXECUTOR"])).toEqual({
      no_grounds_found: [false, null],
      grounds_found: [false, null],
    });
    expect(confirm("decision", ["EXECUTOR"])).toMatchObject({ prepare_result: [true, null] });
    expect(confirm("signing", ["SIGNER"])).toMatchObject({ sign_result: [true, null] });
    expect(confirm("awaiting_pickup", ["EXECUTOR"])).toEqual({
      hand_over: [true, "in_person"],
      send_uncollected_by_post: [true, "post"],
    });
  });
});

describe("stages leading to a refusal (issue 16 p.8, R25)", () => {
  it("are those whose nearest end is a refusal, a way back to the decision notwithstanding", () => {
    expect([...refusalBoundStages(archiveInfoRegulation)].sort()).toEqual([
      "refusal_drafting",
      "refusal_issue",
      "refusal_signing",
      "refused",
    ]);
    expect([...refusalBoundStages(roadInfoRegulation)].sort()).toEqual([
      "refusal_issue",
      "refusal_registration",
      "refusal_signing",
      "refused",
    ]);
  });
});

describe("roles by department (R2)", () => {
  // Head of the road unit, only an executor of the archive; both are in scope.
  const ROADS = "roads";
  const ARCHIVE = "archive";
  const mixed: Actor = {
    userId: "u-2",
    departmentIds: [ROADS, ARCHIVE],
    rolesByDepartment: new Map<string, Role[]>([
      [ROADS, ["HEAD"]],
      [ARCHIVE, ["EXECUTOR"]],
    ]),
  };
  const at = (stage: string, departmentId: string): ApplicationState => ({ ...state(stage), departmentId });
  const assign = archiveInfoRegulation.transitions.find((t) => t.key === "assign_executor")!;

  it("counts a role only in the department where it is held", () => {
    expect(rolesIn(mixed, ROADS)).toEqual(["HEAD"]);
    expect(rolesIn(mixed, ARCHIVE)).toEqual(["EXECUTOR"]);
    expect(rolesIn(mixed, "elsewhere")).toEqual([]);
  });

  it("neither offers nor performs a head's transition in the department where the actor is an executor", () => {
    expect(availableTransitions(archiveInfoRegulation, at("assignment", ARCHIVE), mixed)).toEqual([]);
    const refused = planTransition(
      archiveInfoRegulation,
      at("assignment", ARCHIVE),
      mixed,
      validRequest(archiveInfoRegulation, assign),
      { now, calendar },
    );
    expect(refused.ok ? null : refused.error.code).toBe("role_not_allowed");
    // The executor's own transitions there stay available.
    expect(
      availableTransitions(archiveInfoRegulation, at("check", ARCHIVE), mixed)
        .map((t) => t.key)
        .sort(),
    ).toEqual(["grounds_found", "no_grounds_found"]);
  });

  it("offers and performs it in the department where the actor is the head", () => {
    expect(availableTransitions(archiveInfoRegulation, at("assignment", ROADS), mixed).map((t) => t.key)).toEqual([
      "assign_executor",
    ]);
    const done = planTransition(
      archiveInfoRegulation,
      at("assignment", ROADS),
      mixed,
      validRequest(archiveInfoRegulation, assign),
      { now, calendar },
    );
    expect(done.ok && done.value.toStage).toBe("check");
    // ...and not the executor's transitions, which it does not hold there.
    expect(availableTransitions(archiveInfoRegulation, at("check", ROADS), mixed)).toEqual([]);
  });

  it("lets only the head or the registrar reassign", () => {
    expect(mayReassign(rolesIn(mixed, ROADS))).toBe(true);
    expect(mayReassign(rolesIn(mixed, ARCHIVE))).toBe(false);
    expect(mayReassign(["REGISTRAR"])).toBe(true);
    expect(mayReassign(["EXECUTOR", "SIGNER"])).toBe(false);
  });
});

describe("deadlines of the road information service (S1, R7)", () => {
  it("sets the whole service due date 15 working days after registration", () => {
    // Registered Friday 2026-03-06 (Mon 9 March is the day off for 8 March, a Sunday).
    const reg = new Date("2026-03-06T07:00:00Z");
    expect(calendar.localDate(serviceDueAt(roadInfoRegulation, reg, calendar))).toBe("2026-03-30");
  });
  it("counts review (11 working days) from registration, not from entering the stage", () => {
    const review = roadInfoRegulation.stages.find((s) => s.key === "review")!;
    expect(review.deadline).toMatchObject({ value: 11, unit: "working_days", from: "registration" });
    const due = stageDueAt(roadInfoRegulation, "review", { enteredAt: now, registeredAt }, calendar);
    expect(calendar.countWorkingDays(registeredAt, due!)).toBe(11);
  });
  it("starts counting on the next working day for an application that arrived on a non-working day (S2 p.66)", () => {
    const saturday = new Date("2026-05-09T08:00:00Z"); // Victory Day, a Saturday; Monday 11 May is off too
    const due = serviceDueAt(roadInfoRegulation, saturday, calendar);
    expect(calendar.countWorkingDays(new Date("2026-05-12T04:00:00Z"), due)).toBe(15);
    expect(calendar.localDate(due)).toBe(calendar.dueDateAfterWorkingDays(new Date("2026-05-12T04:00:00Z"), 15));
  });
});

describe("assignment counts (R2, S2 p.50-51; issue 9 item 8)", () => {
  const assigned = (assigneeId: string | null): ApplicationState => ({ ...state("check"), assigneeId });
  const who = (userId: string, roles: Role[]): Actor => ({ ...actor(roles), userId });
  const check = archiveInfoRegulation.transitions.find((t) => t.key === "no_grounds_found")!;
  const plan = (s: ApplicationState, a: Actor) =>
    planTransition(archiveInfoRegulation, s, a, validRequest(archiveInfoRegulation, check), { now, calendar });

  it("gives an assigned application's executor work to its executor, not to another executor", () => {
    expect(mayActAs(check.roles, assigned("exec-1"), who("exec-1", ["EXECUTOR"]))).toBe("yes");
    expect(mayActAs(check.roles, assigned("exec-1"), who("exec-2", ["EXECUTOR"]))).toBe("not_assignee");
    const refused = plan(assigned("exec-1"), who("exec-2", ["EXECUTOR"]));
    expect(refused.ok ? null : refused.error.code).toBe("not_assignee");
    expect(refused.ok ? null : refused.error.message).toMatch(/назначенный исполнитель/);
    expect(availableTransitions(archiveInfoRegulation, assigned("exec-1"), who("exec-2", ["EXECUTOR"]))).toEqual([]);
    expect(plan(assigned("exec-1"), who("exec-1", ["EXECUTOR"])).ok).toBe(true);
  });

  it("lets the head of the department stand in for the assigned executor, and nobody else", () => {
    expect(plan(assigned("exec-1"), who("head-1", ["HEAD"])).ok).toBe(true);
    expect(availableTransitions(archiveInfoRegulation, assigned("exec-1"), who("head-1", ["HEAD"])).length).toBe(2);
    const signer = plan(assigned("exec-1"), who("signer-1", ["SIGNER"]));
    expect(signer.ok ? null : signer.error.code).toBe("role_not_allowed");
  });

  it("leaves an unassigned application to any executor of the department, as the regulation says", () => {
    expect(plan(assigned(null), who("exec-2", ["EXECUTOR"])).ok).toBe(true);
    const head = plan(assigned(null), who("head-1", ["HEAD"]));
    expect(head.ok ? null : head.error.code).toBe("role_not_allowed");
  });
});
