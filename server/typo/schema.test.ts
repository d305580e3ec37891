// The typo-correction terms as the public page and the cabinet word them (S2 p.72; issue 12 p.10:
// grammatical Russian, «в течение 2 рабочих дней», not «2 рабочих дня»).
import { describe, expect, it } from "vitest";
import { typoTermsText } from "./schema";
import { complaintTerm } from "../complaint/terms";

describe("typoTermsText", () => {
  it("S2 p.72: the check within 2 working days, the fix within 5, in the genitive «в течение» governs", () => {
    expect(
      typoTermsText({ check: { value: 2, unit: "working_days" }, fix: { value: 5, unit: "working_days" } }),
    ).toEqual({
      check: "Проверка сведений — в течение 2 рабочих дней со дня регистрации заявления",
      fix: "Исправленный документ или письменный ответ об отсутствии опечаток — в течение 5 рабочих дней со дня регистрации заявления",
    });
    expect(
      typoTermsText({ check: { value: 1, unit: "working_days" }, fix: { value: 21, unit: "working_days" } }).check,
    ).toBe("Проверка сведений — в течение 1 рабочего дня со дня регистрации заявления");
  });
});

describe("complaintTerm (210-FZ art. 11.2 part 6)", () => {
  it("the regulation's review term, or 15 working days; 5 for a refusal to accept documents or to correct a typo", () => {
    expect(complaintTerm("refusal", { value: 10, unit: "working_days" })).toEqual({ value: 10, unit: "working_days" });
    expect(complaintTerm("deadline", undefined)).toEqual({ value: 15, unit: "working_days" });
    expect(complaintTerm("intake_refusal", { value: 10, unit: "working_days" })).toEqual({
      value: 5,
      unit: "working_days",
    });
    expect(complaintTerm("typo_refusal", undefined)).toEqual({ value: 5, unit: "working_days" });
  });
});
