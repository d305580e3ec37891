import { describe, expect, it } from "vitest";
import { PDFParse } from "pdf-parse";
import { renderPdf } from "./pdf";

describe("PDF rendering", () => {
  it("keeps Cyrillic text extractable", async () => {
    const pdf = await renderPdf({ title: "Заявление" }, [
      { kind: "title", text: "Заявление о предоставлении архивной информации" },
      { kind: "paragraph", text: "Заявитель: Иванов Иван Петрович, СНИЛС 112-233-445 95" },
      {
        kind: "sections",
        sections: [{ title: "Запрос", rows: [{ label: "Тема", text: "Подтверждение трудового стажа" }] }],
      },
    ]);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = (await new PDFParse({ data: new Uint8Array(pdf) }).getText()).text;
    expect(text).toContain("Заявление о предоставлении архивной информации");
    expect(text).toContain("Иванов Иван Петрович");
    expect(text).toContain("Подтверждение трудового стажа");
  });
});
