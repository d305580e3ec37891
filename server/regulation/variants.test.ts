// Variants and profiling (issue 10 p.8, Government Decree No. 1228): the projection every reader gets,
// the choice of a variant by the answers, the table of combinations and the editor's problems.
import { describe, expect, it } from "vitest";
import { archiveInfoRegulation, roadInfoRegulation } from "../../prisma/seed/regulations";
import { twoVariantRegulation } from "../test/two-variants";
import { validateDocument, type FieldDef, type RegulationDocument } from "./document";
import { combinations, documentForVariant, MAX_COMBINATIONS, variantFor } from "./variants";

const keys = (fields: FieldDef[]): string[] => fields.flatMap((f) => [f.key, ...(f.fields ? keys(f.fields) : [])]);
const fieldKeys = (doc: RegulationDocument) => doc.form.steps.flatMap((s) => keys(s.fields));

function problemsOf(doc: unknown) {
  const result = validateDocument(doc);
  return result.ok ? [] : result.problems;
}

/** A third answer «Законный представитель» to the first question, optionally leading somewhere. */
function withGuardian(doc: RegulationDocument, leadsTo: string[]) {
  doc.profiling!.questions[0]!.options.push({ value: "guardian", label: "Законный представитель" });
  for (const code of leadsTo) doc.profiling!.variants.find((v) => v.code === code)!.when.who!.push("guardian");
  return doc;
}

describe("a regulation without profiling", () => {
  it("is one implicit variant: the seeds validate as before and project onto themselves", () => {
    for (const doc of [roadInfoRegulation, archiveInfoRegulation]) {
      expect(validateDocument(doc).ok).toBe(true);
      expect(documentForVariant(doc, null)).toBe(doc);
      expect(documentForVariant(doc, "anything")).toBe(doc);
      expect(variantFor(doc, {})).toBeNull();
      expect(combinations(doc)).toEqual({ total: 0, rows: [] });
    }
  });
});

describe("projecting a document onto a variant", () => {
  const doc = twoVariantRegulation();

  it("the two-variant regulation is valid", () => {
    expect(problemsOf(doc)).toEqual([]);
  });

  it("keeps the elements of the variant and of every variant, drops the others and the tags", () => {
    const personal = documentForVariant(doc, "personal");
    const representative = documentForVariant(doc, "representative");
    expect(fieldKeys(personal)).not.toContain("power_of_attorney");
    expect(fieldKeys(representative)).toContain("power_of_attorney");
    expect(fieldKeys(representative)).toContain("representative_name");
    expect(personal.stages.map((s) => s.key)).not.toContain("poa_check");
    expect(representative.stages.map((s) => s.key)).toContain("poa_check");
    expect(personal.transitions.map((t) => t.key)).toContain("register");
    expect(representative.transitions.map((t) => t.key)).not.toContain("register");
    expect(representative.passport.documents.map((d) => d.title).join()).toMatch(/Доверенность/);
    expect(personal.passport.documents.map((d) => d.title).join()).not.toMatch(/Доверенность/);
    expect(personal.stages.length + 1).toBe(representative.stages.length);
    for (const projected of [personal, representative]) {
      expect(projected.profiling).toBeUndefined();
      expect(JSON.stringify(projected)).not.toContain('"variants"');
      // What readers get is a plain document that validates on its own.
      expect(validateDocument(projected).ok).toBe(true);
    }
  });

  it("gives the variant's own term and the passport's otherwise", () => {
    expect(documentForVariant(doc, "representative").passport.term).toEqual({ value: 32, unit: "calendar_days" });
    expect(documentForVariant(doc, "personal").passport.term).toEqual(doc.passport.term);
  });

  it("projects nested fields of a group", () => {
    const copy = twoVariantRegulation();
    const group = copy.form.steps.flatMap((s) => s.fields).find((f) => f.type === "group")!;
    group.fields![0]!.variants = ["representative"];
    const tagged = group.fields![0]!.key;
    expect(fieldKeys(documentForVariant(copy, "personal"))).not.toContain(tagged);
    expect(fieldKeys(documentForVariant(copy, "representative"))).toContain(tagged);
  });
});

describe("choosing the variant by the answers", () => {
  const doc = twoVariantRegulation();
  it("leads each answer to its variant", () => {
    expect(variantFor(doc, { who: "own" })).toBe("personal");
    expect(variantFor(doc, { who: "representative" })).toBe("representative");
  });
  it("gives no variant for a missing or unknown answer, or answers leading nowhere or to two", () => {
    expect(variantFor(doc, {})).toBeNull();
    expect(variantFor(doc, { who: "someone" })).toBeNull();
    expect(variantFor(withGuardian(twoVariantRegulation(), []), { who: "guardian" })).toBeNull();
    expect(
      variantFor(withGuardian(twoVariantRegulation(), ["personal", "representative"]), { who: "guardian" }),
    ).toBeNull();
  });
  it("a question absent from `when` means any answer", () => {
    const copy = twoVariantRegulation();
    copy.profiling!.questions.push({
      key: "result",
      label: "Результат",
      options: [
        { value: "original", label: "справка" },
        { value: "copy", label: "копия" },
      ],
    });
    expect(variantFor(copy, { who: "own", result: "copy" })).toBe("personal");
    expect(variantFor(copy, { who: "own" })).toBeNull();
    expect(problemsOf(copy)).toEqual([]);
  });
});

describe("the table of combinations", () => {
  it("is the cartesian product of the options with the variants each leads to", () => {
    const copy = twoVariantRegulation();
    copy.profiling!.questions.push({
      key: "result",
      label: "Результат",
      options: [
        { value: "original", label: "справка" },
        { value: "copy", label: "копия" },
        { value: "letter", label: "письмо" },
      ],
    });
    copy.profiling!.variants[1]!.when.result = ["original", "copy"];
    const table = combinations(copy);
    expect(table.total).toBe(6);
    expect(table.rows).toContainEqual({ answers: { who: "own", result: "letter" }, variants: ["personal"] });
    expect(table.rows).toContainEqual({
      answers: { who: "representative", result: "copy" },
      variants: ["representative"],
    });
    expect(table.rows).toContainEqual({ answers: { who: "representative", result: "letter" }, variants: [] });
    expect(problemsOf(copy)).toContainEqual({
      path: "profiling.variants",
      message: "Ответы «Кто обращается?: Представитель заявителя; Результат: письмо» не ведут ни к одному варианту",
    });
  });

  it("refuses more combinations than the editor can show", () => {
    const copy = twoVariantRegulation();
    for (let i = 0; i < 8; i++)
      copy.profiling!.questions.push({
        key: `q${i}`,
        label: `Вопрос ${i}`,
        options: [
          { value: "a", label: "А" },
          { value: "b", label: "Б" },
        ],
      });
    const table = combinations(copy);
    expect(table.total).toBe(2 ** 9);
    expect(table.total).toBeGreaterThan(MAX_COMBINATIONS);
    expect(table.rows).toEqual([]);
    expect(
      problemsOf(copy)
        .map((p) => p.message)
        .join("\n"),
    ).toMatch(/Слишком много сочетаний ответов \(512\)/);
  });
});

describe("problems of a regulation with variants", () => {
  it("a combination leading to no variant or to two", () => {
    expect(problemsOf(withGuardian(twoVariantRegulation(), []))).toContainEqual({
      path: "profiling.variants",
      message: "Ответы «Кто обращается?: Законный представитель» не ведут ни к одному варианту",
    });
    expect(problemsOf(withGuardian(twoVariantRegulation(), ["personal", "representative"]))).toContainEqual({
      path: "profiling.variants",
      message:
        "Ответы «Кто обращается?: Законный представитель» ведут к нескольким вариантам: «Личное обращение заявителя», «Обращение через представителя»",
    });
  });

  it("a `when` naming an unknown question or answer, a tag naming an unknown variant, duplicates", () => {
    const doc = twoVariantRegulation();
    doc.profiling!.variants[0]!.when.whom = ["self"];
    doc.profiling!.variants[1]!.when.who!.push("nobody");
    doc.stages[0]!.variants = ["ghost"];
    doc.profiling!.variants.push({ ...doc.profiling!.variants[0]!, when: { who: [] } });
    doc.profiling!.questions.push({ ...doc.profiling!.questions[0]! });
    const messages = problemsOf(doc);
    expect(messages).toContainEqual({
      path: "profiling.variants.0.when",
      message: "Вариант «Личное обращение заявителя» ссылается на несуществующий вопрос «whom»",
    });
    expect(messages).toContainEqual({
      path: "profiling.variants.1.when.who",
      message:
        "Вариант «Обращение через представителя» ссылается на несуществующий ответ «nobody» вопроса «Кто обращается?»",
    });
    expect(messages).toContainEqual({ path: "stages.0.variants", message: "Вариант «ghost» не существует" });
    expect(messages).toContainEqual({ path: "profiling.variants.2.code", message: "Вариант «personal» повторяется" });
    expect(messages).toContainEqual({ path: "profiling.questions.1.key", message: "Вопрос «who» повторяется" });
  });

  it("each variant's document is checked, prefixed with its title, at the path of the original document", () => {
    const doc = twoVariantRegulation();
    // The representative's new stage loses its way out: only that variant is broken.
    doc.transitions = doc.transitions.filter((t) => t.key !== "poa_confirmed");
    const stageIndex = doc.stages.findIndex((s) => s.key === "poa_check");
    const problems = problemsOf(doc);
    expect(problems).toContainEqual({
      path: `stages.${stageIndex}`,
      message:
        "Вариант «Обращение через представителя»: Из этапа «Проверка полномочий представителя» нет переходов, и он не конечный",
    });
    expect(problems.every((p) => !p.message.startsWith("Вариант «Личное обращение заявителя»"))).toBe(true);
  });

  it("a field missing from a variant's form is that variant's problem; one every variant has is reported once", () => {
    const doc = twoVariantRegulation();
    const applicant = doc.form.steps[0]!;
    const poa = applicant.fields.findIndex((f) => f.key === "power_of_attorney");
    // The representative's name stays in both variants but names a condition field of one variant only.
    const name = applicant.fields.findIndex((f) => f.key === "representative_name");
    applicant.fields[name]!.showIf = { field: "power_of_attorney", notEmpty: true };
    delete applicant.fields[name]!.variants;
    doc.passport.term.value = 0;
    const problems = problemsOf(doc);
    expect(poa).toBeGreaterThan(-1);
    expect(problems).toContainEqual({
      path: `form.steps.0.fields.${name}.showIf.field`,
      message: "Вариант «Личное обращение заявителя»: Условие ссылается на несуществующее поле «power_of_attorney»",
    });
    // The personal variant uses the passport's term; the representative's own term is fine.
    expect(problems).toContainEqual({
      path: "passport.term.value",
      message: "Вариант «Личное обращение заявителя»: Срок предоставления услуги должен быть положительным",
    });
    const broken = twoVariantRegulation();
    broken.initialStage = "nowhere";
    expect(problemsOf(broken).filter((p) => p.path === "initialStage")).toEqual([
      { path: "initialStage", message: "Начальный этап «nowhere» не существует" },
    ]);
  });

  it("refuses a malformed profiling with the schema's messages", () => {
    const doc = twoVariantRegulation() as unknown as { profiling: { questions: unknown[] } };
    doc.profiling.questions = [];
    expect(problemsOf(doc).map((p) => p.path)).toContain("profiling.questions");
  });
});

describe("the editor's edits of variants", () => {
  it("renaming or deleting a variant carries its tags; removing the profiling leaves a plain document", async () => {
    const { retagVariant, removeProfiling } = await import("./variants");
    const doc = twoVariantRegulation();
    doc.profiling!.variants[1]!.code = "proxy";
    retagVariant(doc, "representative", "proxy");
    expect(problemsOf(doc)).toEqual([]);
    expect(fieldKeys(documentForVariant(doc, "proxy"))).toContain("power_of_attorney");

    retagVariant(doc, "proxy", null);
    expect(problemsOf(doc).map((p) => p.message)).toContain(
      "Элемент не входит ни в один вариант: отметьте хотя бы один",
    );

    const plain = twoVariantRegulation();
    removeProfiling(plain);
    expect(plain.profiling).toBeUndefined();
    expect(JSON.stringify(plain)).not.toContain('"variants"');
  });
});
