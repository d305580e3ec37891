// The editor's variants section and the variant tags control (issue 10 p.8), rendered as the browser
// gets them first: the table of combinations with its problems, the problems at their controls, and
// tags «Во всех вариантах» / per variant.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { validateDocument, type RegulationDocument } from "@/server/regulation/document";
import { twoVariantRegulation } from "@/server/test/two-variants";
import { archiveInfoRegulation } from "@/prisma/seed/regulations";
import { VariantsSection } from "./variants-section";
import { VariantTags } from "./variant-tags";
import { editorId } from "./section-props";

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();

function render(doc: RegulationDocument, readOnly = false) {
  const result = validateDocument(doc);
  const problems = result.ok ? [] : result.problems;
  return renderToStaticMarkup(createElement(VariantsSection, { doc, change: () => {}, readOnly, problems }));
}

describe("VariantsSection", () => {
  it("offers to add variants to a regulation with one", () => {
    const html = render(archiveInfoRegulation);
    expect(text(html)).toContain("У услуги один вариант");
    expect(text(html)).toContain("Добавить варианты и вопросы");
    expect(text(render(archiveInfoRegulation, true))).not.toContain("Добавить варианты и вопросы");
  });

  it("shows the questions, the variants and every combination with the variant it leads to", () => {
    const html = render(twoVariantRegulation());
    expect(html).toContain(`id="${editorId("profiling.questions.0.label")}"`);
    expect(html).toContain(`id="${editorId("profiling.variants.1.code")}"`);
    expect(html).toContain(`id="${editorId("profiling.variants.1.term.value")}"`);
    const rows = html.match(/<tr[^>]*data-testid="combination"[\s\S]*?<\/tr>/g)!;
    expect(rows.map(text)).toEqual([
      "Заявитель лично Личное обращение заявителя",
      "Представитель заявителя Обращение через представителя",
    ]);
    expect(html).not.toContain("bg-red-50");
  });

  it("highlights a combination leading nowhere, and the problem stands at the variants", () => {
    const doc = twoVariantRegulation();
    doc.profiling!.questions[0]!.options.push({ value: "guardian", label: "Законный представитель" });
    const html = render(doc);
    const rows = html.match(/<tr[^>]*data-testid="combination"[\s\S]*?<\/tr>/g)!;
    expect(rows).toHaveLength(3);
    expect(rows[2]).toContain("bg-red-50");
    expect(text(rows[2]!)).toContain("Не ведёт ни к одному варианту");
    expect(text(html)).toContain("Ответы «Кто обращается?: Законный представитель» не ведут ни к одному варианту");
  });
});

describe("VariantTags", () => {
  const doc = twoVariantRegulation();
  const tags = (value?: string[]) =>
    renderToStaticMarkup(createElement(VariantTags, { doc, value, onChange: () => {}, idPrefix: "ed-stages-1" }));

  it("is «Во всех вариантах» when the element has no tags, and each variant's box otherwise", () => {
    expect(tags()).toMatch(/id="ed-stages-1-variants-all"[^>]*checked/);
    const one = tags(["representative"]);
    expect(one).not.toMatch(/id="ed-stages-1-variants-all"[^>]*checked/);
    expect(one).toMatch(/id="ed-stages-1-variants-representative"[^>]*checked/);
    expect(one).not.toMatch(/id="ed-stages-1-variants-personal"[^>]*checked/);
    expect(text(tags([]))).toContain("Не входит ни в один вариант");
  });

  it("shows nothing for a regulation without variants", () => {
    expect(
      renderToStaticMarkup(
        createElement(VariantTags, { doc: archiveInfoRegulation, onChange: () => {}, idPrefix: "ed-stages-1" }),
      ),
    ).toBe("");
  });
});
