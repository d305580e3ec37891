// Result document templates (issue 10 p.2): the placeholder syntax, its check in validateDocument, and
// the text rendered for an application and for the preview's sample data.
import { describe, expect, it } from "vitest";
import { archiveInfoRegulation, roadInfoRegulation } from "../../prisma/seed/regulations";
import { validateDocument, type RegulationDocument } from "./document";
import {
  parseTemplate,
  renderTemplate,
  sampleApplication,
  templateInsertions,
  templatePlaceholders,
  type TemplateContext,
} from "./template";

const S1 = roadInfoRegulation as RegulationDocument;
const S2 = archiveInfoRegulation as RegulationDocument;

const withTemplate = (doc: RegulationDocument, template: string, index = 0) => {
  const copy = structuredClone(doc);
  copy.resultTypes[index]!.template = template;
  return copy;
};

const problemsOf = (doc: RegulationDocument) => {
  const r = validateDocument(doc);
  return r.ok ? [] : r.problems;
};

describe("the placeholder syntax", () => {
  it("splits a template into text and placeholders, spaces inside the braces allowed", () => {
    expect(parseTemplate("Уважаемый {{ заявитель }}! Дорога: {{road_name}}.")).toEqual({
      ok: true,
      parts: [
        { text: "Уважаемый " },
        { placeholder: "заявитель" },
        { text: "! Дорога: " },
        { placeholder: "road_name" },
        { text: "." },
      ],
    });
    expect(templatePlaceholders("{{a}} и {{b}}")).toEqual(["a", "b"]);
    expect(parseTemplate("Текст с {одной} скобкой")).toEqual({
      ok: true,
      parts: [{ text: "Текст с {одной} скобкой" }],
    });
  });

  it("refuses an unclosed and an empty placeholder", () => {
    expect(parseTemplate("Дорога {{road_name и дальше")).toMatchObject({ ok: false });
    expect(parseTemplate("{{road_name {{info_kind}}")).toMatchObject({ ok: false });
    expect(parseTemplate("Пусто {{ }}")).toMatchObject({ ok: false });
  });
});

describe("validateDocument checks templates", () => {
  it("keeps the seeds valid: they have no templates", () => {
    expect(validateDocument(S1).ok).toBe(true);
    expect(validateDocument(S2).ok).toBe(true);
    expect(S1.resultTypes.every((r) => r.template === undefined)).toBe(true);
  });

  it("accepts the built-ins and the applicant's top-level fields", () => {
    const doc = withTemplate(
      S1,
      "{{заявитель}}, {{номер_регистрации}} от {{дата_регистрации}}, {{услуга}}, {{сегодня}}: {{road_name}}",
    );
    expect(problemsOf(doc)).toEqual([]);
  });

  it("names a placeholder with no such field, at the template's path", () => {
    const doc = withTemplate(S1, "Цель: {{purpose}}", 1);
    expect(problemsOf(doc)).toEqual([
      {
        path: "resultTypes.1.template",
        message:
          "В шаблоне «Уведомление о мотивированном отказе в предоставлении муни…» поле {{purpose}} не существует",
      },
    ]);
  });

  it("reports an unclosed brace, a file field, and a co-applicant's field", () => {
    expect(problemsOf(withTemplate(S1, "Текст {{road_name"))[0]).toMatchObject({
      path: "resultTypes.0.template",
      message: expect.stringContaining("не закрыта подстановка {{road_name"),
    });
    expect(problemsOf(withTemplate(S1, "{{power_of_attorney}}"))[0]!.message).toContain("содержит файлы");
    // S2's co-applicants fill their own section: their answers are not the application's.
    expect(problemsOf(withTemplate(S2, "{{co_snils}}"))[0]!.message).toContain("поле {{co_snils}} не существует");
  });
});

describe("renderTemplate", () => {
  const ctx: TemplateContext = {
    doc: S1,
    data: {
      applicant_type: "individual",
      full_name: { lastName: "Петрова", firstName: "Анна", middleName: "Сергеевна" },
      info_kind: S1.form.steps[1]!.fields[0]!.options![1]!.value,
      road_name: "ул. Школьная",
      period_from: "2026-04-01",
    },
    applicantName: "Петрова Анна Сергеевна",
    registrationNumber: "ROAD-INFO-2026-00007",
    registeredAt: new Date("2026-05-12T05:00:00Z"),
    serviceTitle: "Предоставление информации пользователям автомобильных дорог",
    today: new Date("2026-05-20T05:00:00Z"),
  };

  it("prints answers as the answers are printed everywhere: an option's label, a date, a full name", () => {
    const text = renderTemplate(
      "{{заявитель}}! По заявлению № {{номер_регистрации}} от {{дата_регистрации}} ({{услуга}}) о дороге «{{road_name}}», вид: {{info_kind}}, с {{period_from}}. {{full_name}}. Дата: {{сегодня}}. Период по: {{period_to}}.",
      ctx,
    );
    expect(text).toBe(
      `Петрова Анна Сергеевна! По заявлению № ROAD-INFO-2026-00007 от 12 мая 2026 г. (Предоставление информации пользователям автомобильных дорог) о дороге «ул. Школьная», вид: ${S1.form.steps[1]!.fields[0]!.options![1]!.label}, с 01.04.2026. Петрова Анна Сергеевна. Дата: 20 мая 2026 г.. Период по: Не указано.`,
    );
  });

  it("leaves an unknown placeholder and a malformed template as written", () => {
    expect(renderTemplate("Цель: {{purpose}}", ctx)).toBe("Цель: {{purpose}}");
    expect(renderTemplate("Текст {{road_name", ctx)).toBe("Текст {{road_name");
  });
});

describe("the preview's sample application", () => {
  it("gives every field a plausible answer and names the applicant through the field roles", () => {
    const sample = sampleApplication(S1, new Date("2026-05-12T05:00:00Z"));
    expect(sample.applicant.name).toBe("Иванов Иван Иванович");
    const text = renderTemplate("{{full_name}}; {{info_kind}}; {{period_from}}; {{postal_address}}", {
      doc: S1,
      data: sample.data,
      applicantName: sample.applicant.name,
      registrationNumber: sample.registrationNumber,
      registeredAt: sample.registeredAt,
      serviceTitle: "Услуга",
      today: sample.registeredAt,
    });
    expect(text).toBe(
      `Иванов Иван Иванович; ${S1.form.steps[1]!.fields[0]!.options![0]!.label}; 02.03.2026; 628000, Ханты-Мансийский автономный округ — Югра, с. Половинка, ул. Центральная, д. 1, кв. 1`,
    );
  });

  it("offers the built-ins and the fields, not the files, to insert", () => {
    const tokens = templateInsertions(S1).map((i) => i.token);
    expect(tokens.slice(0, 5)).toEqual([
      "{{заявитель}}",
      "{{номер_регистрации}}",
      "{{дата_регистрации}}",
      "{{услуга}}",
      "{{сегодня}}",
    ]);
    expect(tokens).toContain("{{road_name}}");
    expect(tokens).not.toContain("{{power_of_attorney}}");
  });
});
