// The one rule of who may see an application (server/application/visibility.ts). Its effect on real
// rows is proven in visibility.int.test.ts; here, that the fragments say what the rule says and that
// a caller's conditions narrow the rule but can never replace it.
import { describe, expect, it } from "vitest";
import { ISSUED_RESULTS, ownedBy, visibleToApplicant, visibleToStaff } from "./visibility";

describe("visibleToApplicant", () => {
  it("is the owner or a co-applicant who accepted the invitation", () => {
    expect(visibleToApplicant("u1")).toEqual({
      OR: [{ ownerId: "u1" }, { participants: { some: { userId: "u1", acceptedAt: { not: null } } } }],
    });
  });

  it("ANDs the caller's conditions with the rule, so they cannot replace it", () => {
    const where = visibleToApplicant("u1", { id: "a1", ownerId: "someone-else" });
    expect(where).toEqual({ AND: [{ id: "a1", ownerId: "someone-else" }, visibleToApplicant("u1")] });
  });
});

describe("visibleToStaff", () => {
  it("is a submitted application of a department in scope: never a draft", () => {
    expect(visibleToStaff({ departmentIds: ["d1", "d2"] })).toEqual({
      departmentId: { in: ["d1", "d2"] },
      status: { not: "DRAFT" },
    });
  });

  it("with an empty scope matches nothing rather than everything", () => {
    expect(visibleToStaff({ departmentIds: [] })).toEqual({ departmentId: { in: [] }, status: { not: "DRAFT" } });
  });

  it("keeps the scope and the draft exclusion whatever the caller adds", () => {
    const where = visibleToStaff({ departmentIds: ["d1"] }, { id: "a1", departmentId: "d9", status: "DRAFT" });
    expect(where.AND).toEqual([
      { id: "a1", departmentId: "d9", status: "DRAFT" },
      { departmentId: { in: ["d1"] }, status: { not: "DRAFT" } },
    ]);
    expect(Object.keys(where)).toEqual(["AND"]);
  });

  it("copies the scope's departments: a later change of the array does not widen a built query", () => {
    const departmentIds = ["d1"];
    const where = visibleToStaff({ departmentIds });
    departmentIds.push("d2");
    expect(where).toMatchObject({ departmentId: { in: ["d1"] } });
  });
});

describe("ownedBy", () => {
  it("is the owner alone, with the caller's conditions ANDed", () => {
    expect(ownedBy("u1")).toEqual({ ownerId: "u1" });
    expect(ownedBy("u1", { id: "a1", status: "DRAFT" })).toEqual({
      AND: [{ id: "a1", status: "DRAFT" }, { ownerId: "u1" }],
    });
  });
});

describe("ISSUED_RESULTS", () => {
  it("shows the applicant side only issued result documents (R20)", () => {
    expect(ISSUED_RESULTS).toEqual({ issuedAt: { not: null } });
  });
});
