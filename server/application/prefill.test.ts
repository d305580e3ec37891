// Issue 16 p.6: a representative's own profile does not stay in the applicant's fields.
import { describe, expect, it } from "vitest";
import { archiveInfoRegulation } from "../../prisma/seed/regulations";
import { validateApplication } from "../regulation/form-schema";
import { prefillValues, representativeSwap, type IdentityProfile } from "./prefill";

const steps = archiveInfoRegulation.form.steps;
const profile: IdentityProfile = {
  lastName: "Иванов",
  firstName: "Иван",
  middleName: "Петрович",
  email: "ivanov@example.ru",
  phone: "+79821234567",
  snils: "112-233-445 95",
};
const prefilled = prefillValues(steps, profile);

describe("representativeSwap", () => {
  it("empties the applicant's name and SNILS still holding the profile's, keeps contacts and the representative's name", () => {
    const values = { ...prefilled, applicant_type: "individual", is_representative: true, snils: "11223344595" };
    expect(representativeSwap(steps, values, prefilled, true)).toEqual({
      full_name: { lastName: "", firstName: "", middleName: "" },
      snils: "",
    });
  });

  it("leaves what the applicant typed, and fills back only empty fields when the tick is taken off", () => {
    const typed = { ...prefilled, full_name: { lastName: "Иванова", firstName: "Мария" } };
    expect(representativeSwap(steps, typed, prefilled, true)).toEqual({ snils: "" });
    const emptied = { ...prefilled, full_name: { lastName: "", firstName: "", middleName: "" }, snils: "" };
    expect(representativeSwap(steps, emptied, prefilled, false)).toEqual({
      full_name: prefilled.full_name,
      snils: prefilled.snils,
    });
    expect(representativeSwap(steps, typed, prefilled, false)).toEqual({});
  });

  it("does nothing on a form without the representative's tick", () => {
    const plain = steps.map((s) => ({ ...s, fields: s.fields.filter((f) => f.role !== "representative") }));
    expect(representativeSwap(plain, prefilled, prefilled, true)).toEqual({});
  });
});

describe("the server's check (validateApplication)", () => {
  it("refuses the representative's own name as the applicant's", () => {
    const values = {
      ...prefilled,
      applicant_type: "individual",
      is_representative: true,
      power_of_attorney: [],
    };
    const r = validateApplication(steps, values, { mode: "submit", stepKeys: ["applicant"] });
    expect(r.issues.find((i) => i.path.join(".") === "full_name")?.message).toBe(
      "ФИО заявителя совпадает с ФИО представителя: укажите ФИО человека, которого вы представляете, или снимите отметку о представителе, если подаёте заявление за себя",
    );
    const other = { ...values, full_name: { lastName: "Иванова", firstName: "Мария" } };
    const r2 = validateApplication(steps, other, { mode: "submit", stepKeys: ["applicant"] });
    expect(r2.issues.some((i) => i.path.join(".") === "full_name")).toBe(false);
  });
});
