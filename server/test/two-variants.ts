// A regulation with two variants (issue 10 p.8): a copy of S2 whose applicant answers «Кто
// обращается?». The applicant in person fills no representative's fields; a representative names
// themself, attaches the power of attorney (a document of the list of that variant only) and the
// application passes one more stage, the check of the power of attorney, before the executor is
// assigned. Shared by the unit, integration and e2e tests.
import { archiveInfoRegulation } from "../../prisma/seed/regulations/archive-info";
import type { FieldDef, RegulationDocument } from "../regulation/document";

export const TWO_VARIANTS_SERVICE = { code: "archive-variants", title: "Архивная информация (варианты)" };

export function twoVariantRegulation(): RegulationDocument {
  const doc = structuredClone(archiveInfoRegulation);
  doc.passport.name = TWO_VARIANTS_SERVICE.title;
  // Numbered by its own code: S2's prefix is S2's (registration numbers are unique, issue 16 p.8).
  delete doc.passport.numberPrefix;
  doc.profiling = {
    questions: [
      {
        key: "who",
        label: "Кто обращается?",
        hint: "Представитель действует по доверенности или как законный представитель.",
        options: [
          { value: "own", label: "Заявитель лично" },
          { value: "representative", label: "Представитель заявителя" },
        ],
      },
    ],
    variants: [
      { code: "personal", title: "Личное обращение заявителя", when: { who: ["own"] } },
      {
        code: "representative",
        title: "Обращение через представителя",
        description: "Представитель прикладывает доверенность; полномочия проверяются до назначения исполнителя.",
        when: { who: ["representative"] },
        term: { value: 32, unit: "calendar_days" },
      },
    ],
  };
  // The representative's fields belong to their variant and are always asked there.
  const applicant = doc.form.steps[0]!;
  applicant.fields = applicant.fields.flatMap((f): FieldDef[] => {
    if (f.key === "is_representative") return [];
    if (f.role === "representativeName" || f.role === "powerOfAttorney") {
      const own = { ...f, variants: ["representative"] };
      delete own.showIf;
      return [own];
    }
    return [f];
  });
  // The power of attorney, a conditional document of S2, is always required of a representative only.
  for (const d of doc.passport.documents) {
    if (/^Доверенность/.test(d.title)) Object.assign(d, { required: "always", variants: ["representative"] });
  }
  // One more stage for the representative: registration → the check of the power of attorney → assignment.
  const registration = doc.stages.findIndex((s) => s.key === "registration");
  doc.stages.splice(registration + 1, 0, {
    key: "poa_check",
    title: "Проверка полномочий представителя",
    responsibleRoles: ["REGISTRAR"],
    deadline: { value: 1, unit: "working_days", from: "stage_entry" },
    variants: ["representative"],
  });
  const register = doc.transitions.findIndex((t) => t.key === "register");
  doc.transitions[register] = { ...doc.transitions[register]!, variants: ["personal"] };
  doc.transitions.splice(
    register + 1,
    0,
    {
      key: "register_representative",
      from: "registration",
      to: "poa_check",
      title: "Зарегистрировать заявление представителя",
      roles: ["REGISTRAR"],
      kind: "normal",
      requires: {},
      variants: ["representative"],
    },
    {
      key: "poa_confirmed",
      from: "poa_check",
      to: "assignment",
      title: "Полномочия представителя подтверждены",
      roles: ["REGISTRAR"],
      kind: "normal",
      requires: {},
      variants: ["representative"],
    },
  );
  return doc;
}
