// The applicant through the field roles of the pinned regulation (R16): the same answers for a seed
// form and for a form with keys of its own, and the owner's account where the form says nothing.
import { describe, expect, it } from "vitest";
import { roadInfoRegulation } from "../../prisma/seed/regulations";
import { CUSTOM_REGULATION, CUSTOM_REQUEST } from "../test/custom-regulation";
import type { RegulationDocument } from "../regulation/document";
import { applicantOf } from "./applicant";

const owner = {
  lastName: "Владелец",
  firstName: "Учётной",
  middleName: "Записи",
  email: "owner@example.ru",
  phone: "+79990000000",
};

describe("the applicant of an application", () => {
  it("is read through the roles of a form with keys of its own", () => {
    expect(applicantOf(CUSTOM_REGULATION, CUSTOM_REQUEST, owner)).toEqual({
      name: "Сидорова Мария Ильинична",
      legalEntity: false,
      address: "628212, п. Половинка, ул. Школьная, д. 3",
      legalAddress: null,
      email: "sidorova.reply@example.ru",
      phone: "+79825550177",
      delivery: "email",
      representative: null,
    });
  });

  it("is the organisation when the kind chosen means a legal entity", () => {
    const a = applicantOf(
      CUSTOM_REGULATION,
      { ...CUSTOM_REQUEST, kind: "ul", company: "ООО «Северные дороги»", how_to_receive: "pochta" },
      owner,
    );
    expect(a).toMatchObject({ name: "ООО «Северные дороги»", legalEntity: true, delivery: "post" });
    // A person's name left over from before the kind changed does not count for an organisation's.
    expect(applicantOf(CUSTOM_REGULATION, { ...CUSTOM_REQUEST, company: "ООО «Северные дороги»" }, owner).name).toBe(
      "Сидорова Мария Ильинична",
    );
  });

  it("reads the seed forms the same way, with the index not repeated when the address has it", () => {
    const a = applicantOf(
      roadInfoRegulation,
      {
        applicant_type: "legal",
        org_name: "МКУ «Служба заказчика»",
        full_name: { lastName: "Иванов", firstName: "Иван" },
        delivery_channel: "post",
        postal_address: "628212, п. Половинка, ул. Комсомольская, 5",
        postal_index: "628212",
        is_representative: true,
        representative_name: { lastName: "Петров", firstName: "Пётр" },
      },
      owner,
    );
    expect(a).toMatchObject({
      name: "МКУ «Служба заказчика»",
      legalEntity: true,
      address: "628212, п. Половинка, ул. Комсомольская, 5",
      delivery: "post",
      representative: "Петров Пётр",
    });
  });

  it("falls back to the owner's account where the form says nothing", () => {
    expect(applicantOf(CUSTOM_REGULATION, { kind: "fl" }, owner)).toEqual({
      name: "Владелец Учётной Записи",
      legalEntity: false,
      address: null,
      legalAddress: null,
      email: "owner@example.ru",
      phone: "+79990000000",
      delivery: null,
      representative: null,
    });
    // A regulation published before roles existed names nobody from its form.
    const roleless: RegulationDocument = {
      ...CUSTOM_REGULATION,
      form: {
        steps: CUSTOM_REGULATION.form.steps.map((s) => ({ ...s, fields: s.fields.map(({ role: _role, ...f }) => f) })),
      },
    };
    expect(applicantOf(roleless, CUSTOM_REQUEST, owner)).toMatchObject({
      name: "Владелец Учётной Записи",
      email: "owner@example.ru",
      delivery: null,
    });
  });

  it("maps a choice to its delivery code, and a choice the form does not offer to none", () => {
    expect(applicantOf(CUSTOM_REGULATION, { ...CUSTOM_REQUEST, how_to_receive: "lk" }, owner).delivery).toBe("cabinet");
    expect(applicantOf(CUSTOM_REGULATION, { ...CUSTOM_REQUEST, how_to_receive: "cabinet" }, owner).delivery).toBeNull();
  });
});
