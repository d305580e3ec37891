// Field roles at publishing (R16): a regulation says which of its fields is the applicant's name,
// e-mail, address, delivery channel..., and one that lacks a role its process needs, doubles a role
// or puts it on a field of the wrong type is refused with the reason in Russian.
import { describe, expect, it } from "vitest";
import { CUSTOM_REGULATION } from "../test/custom-regulation";
import { archiveInfoRegulation, roadInfoRegulation } from "../../prisma/seed/regulations";
import {
  FIELD_ROLE_LABEL,
  FIELD_ROLES,
  fieldWithRole,
  validateDocument,
  type FieldDef,
  type RegulationDocument,
} from "./document";

const problemsOf = (doc: RegulationDocument) => {
  const result = validateDocument(doc);
  return result.ok ? [] : result.problems;
};

function edit(change: (doc: RegulationDocument, field: (key: string) => FieldDef) => void): RegulationDocument {
  const doc = structuredClone(CUSTOM_REGULATION);
  change(doc, (key) => doc.form.steps.flatMap((s) => s.fields).find((f) => f.key === key)!);
  return doc;
}

const withoutField = (doc: RegulationDocument, key: string) => {
  for (const s of doc.form.steps) s.fields = s.fields.filter((f) => f.key !== key);
};

describe("field roles", () => {
  it("publish a regulation with keys of its own", () => {
    expect(problemsOf(CUSTOM_REGULATION)).toEqual([]);
    expect(fieldWithRole(CUSTOM_REGULATION, "deliveryChannel")?.key).toBe("how_to_receive");
  });

  it("are declared in both seed regulations, each on the field the seeds always meant", () => {
    for (const doc of [roadInfoRegulation, archiveInfoRegulation]) {
      expect(fieldWithRole(doc, "applicantName")?.key).toBe("full_name");
      expect(fieldWithRole(doc, "organisationName")?.key).toBe("org_name");
      expect(
        fieldWithRole(doc, "applicantKind")
          ?.options?.filter((o) => o.legalEntity)
          .map((o) => o.value),
      ).toEqual(["legal"]);
      expect(fieldWithRole(doc, "deliveryChannel")?.key).toBe("delivery_channel");
      expect(fieldWithRole(doc, "postalAddress")?.key).toBe("postal_address");
      expect(fieldWithRole(doc, "email")?.key).toBe("email");
      expect(fieldWithRole(doc, "powerOfAttorney")?.key).toBe("power_of_attorney");
    }
  });

  it("have a Russian label each", () => {
    for (const role of FIELD_ROLES) expect(FIELD_ROLE_LABEL[role]).toMatch(/^[А-ЯЁ][а-яё ,()-]+$/i);
  });

  it("refuse a regulation that issues by the applicant's choice without a delivery-channel field", () => {
    const doc = edit((d) => withoutField(d, "how_to_receive"));
    expect(problemsOf(doc)).toEqual([
      {
        path: "form",
        message:
          "В форме нет поля с ролью «Способ получения результата»: оно нужно для выдачи результата по выбору заявителя",
      },
    ]);
  });

  it("refuse a form without the applicant's name, naming the roles", () => {
    const doc = edit((d) => {
      withoutField(d, "zayavitel_fio");
      withoutField(d, "company");
      withoutField(d, "kind");
    });
    expect(problemsOf(doc)).toEqual([
      {
        path: "form",
        message:
          "В форме нет поля с ролью «ФИО заявителя» или «Наименование организации»: имя заявителя нужно для доски заявлений, расписки и документа-результата",
      },
    ]);
  });

  it("refuse a regulation that sends by post without a postal address, and by e-mail without an e-mail", () => {
    const doc = edit((d, f) => {
      delete f("address_for_reply").role;
      delete f("mail").role;
    });
    expect(problemsOf(doc).map((p) => p.message)).toEqual([
      "В форме нет поля с ролью «Почтовый адрес»: он нужен для направления результата почтой",
      "В форме нет поля с ролью «Адрес электронной почты»: он нужен для направления результата по электронной почте",
    ]);
  });

  it("refuse a role given to two fields", () => {
    const doc = edit((d) =>
      d.form.steps[1]!.fields.push({ key: "mail2", type: "email", role: "email", label: "Ещё почта" }),
    );
    expect(problemsOf(doc)).toEqual([
      {
        path: "form.steps.1.fields.6.role",
        message: "Роль «Адрес электронной почты» уже назначена полю «mail»: у каждой роли одно поле",
      },
    ]);
  });

  it("refuse a role on a field of the wrong type", () => {
    const doc = edit((d, f) => (f("vopros").role = "email"));
    expect(problemsOf(doc)).toEqual([
      {
        path: "form.steps.1.fields.0.role",
        message: "Роль «Адрес электронной почты» подходит только полю типа «email», а у поля «vopros» тип «textarea»",
      },
    ]);
  });

  it("refuse a role inside a repeating group or a co-applicant's section", () => {
    const grouped = edit((d) =>
      d.form.steps[1]!.fields.push({
        key: "extra",
        type: "group",
        label: "Ещё",
        fields: [{ key: "extra_phone", type: "phone", role: "phone", label: "Телефон" }],
      }),
    );
    expect(problemsOf(grouped).map((p) => p.path)).toEqual(["form.steps.1.fields.6.fields.0.role"]);
    const coApplicant = edit((d) =>
      d.form.steps.push({
        key: "co",
        title: "Созаявитель",
        section: "co_applicant",
        fields: [{ key: "co_tel", type: "phone", role: "phone", label: "Телефон" }],
      }),
    );
    // The applicant's own phone keeps the role; the co-applicant's is refused.
    expect(problemsOf(coApplicant)).toEqual([
      {
        path: "form.steps.2.fields.0.role",
        message: "Роль «Контактный телефон» можно назначить только полю раздела заявителя, не входящему в группу",
      },
    ]);
  });

  it("refuse a delivery choice that means no channel of the regulation, and a channel nobody can choose", () => {
    const doc = edit((d, f) => {
      f("how_to_receive").options = f("how_to_receive")
        .options!.filter((o) => o.value !== "lichno")
        .map((o) => (o.value === "lk" ? { value: "lk", label: o.label } : o));
    });
    expect(problemsOf(doc)).toEqual([
      {
        path: "form.steps.1.fields.1.options.0.delivery",
        message:
          "Вариант «В личном кабинете» не сопоставлен со способом выдачи: укажите delivery (cabinet, email, post, in_person, mfc)",
      },
      {
        path: "deliveryChannels.0",
        message:
          "Способ получения «Через Федеральный или Региональный порталы (в личный кабинет)» нельзя выбрать в поле с ролью «Способ получения результата»",
      },
      {
        path: "deliveryChannels.1",
        message:
          "Способ получения «Лично в администрации сельского поселения Половинка» нельзя выбрать в поле с ролью «Способ получения результата»",
      },
    ]);
  });

  it("refuse an applicant kind without a legal-entity option, and a kind without both names", () => {
    const doc = edit((d, f) => {
      f("kind").options = f("kind").options!.map(({ value, label }) => ({ value, label }));
      withoutField(d, "company");
    });
    expect(problemsOf(doc).map((p) => p.message)).toEqual([
      "В форме нет поля с ролью «Наименование организации»: оно нужно, когда обращается юридическое лицо",
      "Ни один вариант поля с ролью «Категория заявителя (физическое или юридическое лицо)» не отмечен как юридическое лицо (legalEntity)",
    ]);
  });

  it("refuse a representative without a power of attorney (R16)", () => {
    const doc = edit((d) =>
      d.form.steps[0]!.fields.push({
        key: "predstavitel",
        type: "checkbox",
        role: "representative",
        label: "Я представитель",
      }),
    );
    expect(problemsOf(doc).map((p) => p.message)).toEqual([
      "В форме нет поля с ролью «Доверенность представителя»: представитель прикладывает документ, подтверждающий его полномочия",
    ]);
  });

  it("refuse option meanings on fields without the role they belong to", () => {
    const doc = edit((d, f) => (f("kind").options![0]!.delivery = "post"));
    expect(problemsOf(doc)).toEqual([
      {
        path: "form.steps.0.fields.0.options.0.delivery",
        message: "Способ выдачи (delivery) указывается только у вариантов поля с ролью «Способ получения результата»",
      },
    ]);
  });
});
