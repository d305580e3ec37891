import { zodResolver } from "@hookform/resolvers/zod";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { type StepDef, validateDocument, zStep } from "./document";
import { archiveInfoRegulation } from "../../prisma/seed/regulations";
import {
  DRAFT_LIMITS,
  FORM_ERROR_KEY,
  civilToday,
  evaluateCondition,
  fieldErrorsByPath,
  isStepComplete,
  resolveDateBound,
  validateApplication,
  visibleFields,
} from "./form-schema";
import { buildApplicationSchema } from "./form-zod";
import { makeSnils } from "./identifiers";

// Thursday 5 March 2026, noon in Moscow.
const TODAY = new Date("2026-03-05T09:00:00Z");

// A small form in the shape of the regulation document; parsed by zStep below so the fixture
// cannot drift from what an administrator can publish.
const STEPS: StepDef[] = [
  {
    key: "applicant",
    title: "Заявитель",
    fields: [
      { key: "full_name", type: "full_name", label: "Фамилия, имя, отчество", required: true },
      {
        key: "birth_date",
        type: "date",
        label: "Дата рождения",
        required: true,
        validation: { minDate: "1900-01-01", maxDate: "today-18y" },
      },
      { key: "snils", type: "snils", label: "СНИЛС", required: true },
      { key: "phone", type: "phone", label: "Телефон", required: true },
      { key: "email", type: "email", label: "Электронная почта" },
      { key: "representative", type: "checkbox", label: "Я представитель заявителя" },
      {
        key: "power_of_attorney",
        type: "file",
        label: "Доверенность",
        required: true,
        showIf: { field: "representative", equals: true },
        accept: ["application/pdf", "image/jpeg", "image/png"],
        maxSizeMb: 10,
        maxFiles: 2,
      },
      {
        key: "principal_inn",
        type: "inn_person",
        label: "ИНН доверителя",
        showIf: { field: "representative", equals: true },
      },
    ],
  },
  {
    key: "request",
    title: "Заявление",
    fields: [
      {
        key: "delivery",
        type: "select",
        label: "Способ получения результата",
        required: true,
        options: [
          { value: "cabinet", label: "В личном кабинете" },
          { value: "post", label: "Почтой" },
        ],
      },
      {
        key: "postal_address",
        type: "address",
        label: "Почтовый адрес",
        required: true,
        showIf: { field: "delivery", equals: "post" },
      },
      {
        key: "postal_index",
        type: "postal_index",
        label: "Индекс",
        required: true,
        showIf: { field: "postal_address", notEmpty: true },
      },
      { key: "area", type: "number", label: "Площадь участка, кв. м", validation: { min: 1, max: 100_000 } },
      {
        key: "cadastral",
        type: "text",
        label: "Кадастровый номер",
        validation: {
          pattern: "\\d{2}:\\d{2}:\\d{6,7}:\\d+",
          patternMessage: "Кадастровый номер выглядит так: 50:21:0110101:123 — проверьте двоеточия и цифры",
        },
      },
      { key: "comment", type: "textarea", label: "Комментарий", validation: { minLength: 10, maxLength: 200 } },
      {
        key: "persons",
        type: "group",
        label: "Члены семьи",
        minItems: 1,
        maxItems: 3,
        fields: [
          { key: "last_name", type: "text", label: "Фамилия", required: true },
          { key: "birth_date", type: "date", label: "Дата рождения", required: true, validation: { maxDate: "today" } },
          { key: "is_minor", type: "checkbox", label: "Несовершеннолетний" },
          {
            key: "birth_certificate",
            type: "file",
            label: "Свидетельство о рождении",
            required: true,
            showIf: { field: "persons.is_minor", equals: true },
          },
        ],
      },
      { key: "consent", type: "checkbox", label: "Согласие на обработку персональных данных", required: true },
    ],
  },
].map((s) => zStep.parse(s));

const pdf = (name = "доверенность.pdf", size = 200_000) => ({
  id: `f-${name}`,
  name,
  size,
  mimeType: "application/pdf",
});

const VALID = {
  full_name: "  Иванов   Иван Иванович ",
  birth_date: "12.04.1985",
  snils: "112 233 445 95",
  phone: "8 (912) 345-67-89",
  email: "Ivanov@Mail.RU",
  representative: false,
  delivery: "cabinet",
  area: "1 200,5",
  cadastral: "50:21:0110101:123",
  persons: [
    { last_name: "Иванова", birth_date: "2015-06-01", is_minor: true, birth_certificate: [pdf("свидетельство.pdf")] },
  ],
  consent: true,
};

const submit = (values: unknown, opts: { stepKeys?: string[] } = {}) =>
  buildApplicationSchema(STEPS, { mode: "submit", today: TODAY, ...opts }).safeParse(values);
const draft = (values: unknown) => buildApplicationSchema(STEPS, { mode: "draft", today: TODAY }).safeParse(values);
const errors = (values: unknown, opts: { stepKeys?: string[] } = {}) => {
  const r = submit(values, opts);
  return r.success ? {} : fieldErrorsByPath(r.error);
};

describe("buildApplicationSchema, submit mode", () => {
  it("accepts a valid application and returns normalized values", () => {
    const r = submit({ ...VALID, unknown_key: "dropped" });
    expect(r.success).toBe(true);
    expect(r.data).toEqual({
      full_name: "Иванов Иван Иванович",
      birth_date: "1985-04-12",
      snils: "112-233-445 95",
      phone: "+79123456789",
      email: "Ivanov@mail.ru",
      representative: false,
      delivery: "cabinet",
      area: 1200.5,
      cadastral: "50:21:0110101:123",
      persons: [
        {
          last_name: "Иванова",
          birth_date: "2015-06-01",
          is_minor: true,
          birth_certificate: [pdf("свидетельство.pdf")],
        },
      ],
      consent: true,
    });
  });

  it("names the label of every missing required field, all at once", () => {
    expect(errors({})).toEqual({
      full_name: "Заполните поле «Фамилия, имя, отчество»",
      birth_date: "Укажите дату в поле «Дата рождения»",
      snils: "Заполните поле «СНИЛС»",
      phone: "Заполните поле «Телефон»",
      delivery: "Выберите вариант в поле «Способ получения результата»",
      persons: "Добавьте хотя бы одну запись в «Члены семьи»",
      consent: "Отметьте «Согласие на обработку персональных данных»: без этой отметки заявление не может быть подано",
    });
    // Whitespace is not an answer.
    expect(errors({ ...VALID, phone: "   " }).phone).toBe("Заполните поле «Телефон»");
  });

  it("applies the identifier checks with their specific messages", () => {
    const e = errors({ ...VALID, snils: "112-233-445 96", phone: "+7 912 345", email: "ivanov.mail.ru" });
    expect(e.snils).toContain("Контрольное число СНИЛС не сходится");
    expect(e.phone).toContain("В российском номере 10 цифр");
    expect(e.email).toContain("нет знака @");
    // A valid СНИЛС made by the generator passes.
    expect(submit({ ...VALID, snils: makeSnils("123456789") }).success).toBe(true);
  });

  it("does not require or validate a hidden field, and drops its value", () => {
    const r = submit({ ...VALID, representative: false, power_of_attorney: [pdf("old.docx")], principal_inn: "123" });
    expect(r.success).toBe(true);
    expect(r.data).not.toHaveProperty("power_of_attorney");
    expect(r.data).not.toHaveProperty("principal_inn");
  });

  it("requires the power of attorney from a representative (R16) and checks its files", () => {
    expect(errors({ ...VALID, representative: true }).power_of_attorney).toBe("Приложите файл в поле «Доверенность»");
    expect(submit({ ...VALID, representative: true, power_of_attorney: [pdf()] }).success).toBe(true);

    const docx = {
      id: "x",
      name: "доверенность.docx",
      size: 1000,
      mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    };
    expect(errors({ ...VALID, representative: true, power_of_attorney: [docx] }).power_of_attorney).toBe(
      "Файл «доверенность.docx» неподходящего формата: приложите файл в формате PDF, JPEG, PNG",
    );
    const big = pdf("скан.pdf", 12.4 * 1024 * 1024);
    expect(errors({ ...VALID, representative: true, power_of_attorney: [big] }).power_of_attorney).toBe(
      "Файл «скан.pdf» весит 12 МБ, а допускается не больше 10 МБ: сожмите его или отсканируйте с меньшим разрешением",
    );
    const three = [pdf("1.pdf"), pdf("2.pdf"), { id: "3", name: "3.jpg", size: 10, mimeType: "image/jpeg" }];
    expect(errors({ ...VALID, representative: true, power_of_attorney: three }).power_of_attorney).toBe(
      "Можно приложить не больше 2 файлов, сейчас 3: удалите 1 лишний",
    );
    expect(
      errors({ ...VALID, representative: true, power_of_attorney: [pdf("пусто.pdf", 0)] }).power_of_attorney,
    ).toContain("пустой");
    // A checkbox holds a boolean; a string there did not come from the form.
    expect(errors({ ...VALID, representative: "true" }).representative).toContain("ожидается отметка");
  });

  it("cascades hiding: a field conditioned on a hidden field is hidden too", () => {
    // postal_index shows when postal_address is filled, but postal_address is hidden (delivery ≠ post).
    const r = submit({ ...VALID, delivery: "cabinet", postal_address: "г. Москва, ул. Тверская, д. 1" });
    expect(r.success).toBe(true);
    expect(r.data).not.toHaveProperty("postal_index");
    expect(errors({ ...VALID, delivery: "post" })).toEqual({ postal_address: "Заполните поле «Почтовый адрес»" });
    expect(errors({ ...VALID, delivery: "post", postal_address: "г. Москва, ул. Тверская, д. 1" })).toEqual({
      postal_index: "Заполните поле «Индекс»",
    });
    expect(errors({ ...VALID, delivery: "post", postal_address: "д1", postal_index: "010000" })).toEqual({
      postal_address: "Адрес слишком короткий: укажите населённый пункт, улицу, дом и, если есть, квартиру",
      postal_index: expect.stringContaining("не начинается с 0"),
    });
  });

  it("rejects an option the regulation does not declare", () => {
    expect(errors({ ...VALID, delivery: "courier" }).delivery).toBe(
      "Варианта «courier» нет в списке: выберите один из вариантов «В личном кабинете», «Почтой»",
    );
  });

  it("checks groups item by item with paths like persons.0.last_name", () => {
    const e = errors({
      ...VALID,
      persons: [
        { birth_date: "2015-06-01" },
        { last_name: "Петров", birth_date: "2026-03-06" },
        { last_name: "Петрова", birth_date: "2020-01-01", is_minor: true },
        { last_name: "Лишний", birth_date: "2000-01-01" },
      ],
    });
    expect(e).toEqual({
      persons: "В «Члены семьи» можно добавить не больше 3 записей, сейчас 4: удалите 1 лишнюю",
      "persons.0.last_name": "Заполните поле «Фамилия»",
      "persons.1.birth_date": "Дата не может быть позже сегодняшнего дня (05.03.2026): проверьте число, месяц и год",
      "persons.2.birth_certificate": "Приложите файл в поле «Свидетельство о рождении»",
    });
    // A sub-field's condition reads its own item: the hidden certificate of an adult is dropped.
    const r = submit({
      ...VALID,
      persons: [{ last_name: "Иванов", birth_date: "1990-01-01", is_minor: false, birth_certificate: [pdf()] }],
    });
    expect(r.success).toBe(true);
    expect(r.data?.persons).toEqual([{ last_name: "Иванов", birth_date: "1990-01-01", is_minor: false }]);
  });

  it("enforces minItems", () => {
    const steps = [
      zStep.parse({
        key: "s",
        title: "Шаг",
        fields: [
          {
            key: "heirs",
            type: "group",
            label: "Наследники",
            minItems: 2,
            fields: [{ key: "name", type: "text", label: "Имя" }],
          },
        ],
      }),
    ];
    const r = buildApplicationSchema(steps, { mode: "submit" }).safeParse({ heirs: [{ name: "А" }] });
    expect(r.success || fieldErrorsByPath(r.error)).toEqual({
      heirs: "В «Наследники» нужно не меньше 2 записей, сейчас 1: добавьте ещё 1",
    });
  });

  it("resolves date bounds: today-18y, today, fixed dates, impossible dates", () => {
    expect(errors({ ...VALID, birth_date: "2008-03-06" }).birth_date).toBe(
      "Дата должна быть не позже 05.03.2008 (18 лет назад): исправьте дату",
    );
    expect(errors({ ...VALID, birth_date: "2008-03-05" }).birth_date).toBeUndefined();
    // The regulation's own minDate speaks, not the typo guard.
    expect(errors({ ...VALID, birth_date: "1899-12-31" }).birth_date).toBe(
      "Дата должна быть не раньше 01.01.1900: исправьте дату",
    );
    expect(
      errors({ ...VALID, persons: [{ ...VALID.persons[0], birth_date: "1899-12-31" }] })["persons.0.birth_date"],
    ).toContain("Проверьте год");
    expect(errors({ ...VALID, birth_date: "30.02.1990" }).birth_date).toBe(
      "Даты 30.02.1990 не существует: в этом месяце 28 дней, проверьте день и месяц",
    );
    expect(errors({ ...VALID, birth_date: "12/1985" }).birth_date).toBe(
      "Введите дату в формате ДД.ММ.ГГГГ, например 05.03.1985",
    );
    expect(resolveDateBound("today-18y", "2024-02-29")).toBe("2006-02-28");
    expect(resolveDateBound("today+30d", "2026-03-05")).toBe("2026-04-04");
    expect(resolveDateBound("today-1m", "2026-03-31")).toBe("2026-02-28");
    expect(resolveDateBound("today", "2026-03-05")).toBe("2026-03-05");
    expect(resolveDateBound("2020-01-01", "2026-03-05")).toBe("2020-01-01");
    expect(resolveDateBound("вчера", "2026-03-05")).toBeNull();
    // "Today" is the municipality's calendar date, not UTC's: 23:30 UTC is already tomorrow in Moscow.
    expect(civilToday(new Date("2026-03-05T23:30:00Z"))).toBe("2026-03-06");
    expect(civilToday(new Date("2026-03-05T23:30:00Z"), "UTC")).toBe("2026-03-05");
    // A date picker's Date (local midnight) keeps the chosen calendar day.
    expect(submit({ ...VALID, birth_date: new Date(1985, 3, 12) }).data?.birth_date).toBe("1985-04-12");
  });

  it("checks numbers, lengths and patterns with the rule in the message", () => {
    expect(errors({ ...VALID, area: "двести" }).area).toBe(
      "Введите число цифрами, например 12 или 12,5 (без букв и единиц измерения)",
    );
    expect(errors({ ...VALID, area: 0 }).area).toBe(
      "Значение 0 меньше допустимого: введите число от 1 до 100\u00a0000",
    );
    expect(errors({ ...VALID, cadastral: "50-21-0110101-123" }).cadastral).toBe(
      "Кадастровый номер выглядит так: 50:21:0110101:123 — проверьте двоеточия и цифры",
    );
    // The pattern matches the whole value, as the HTML pattern attribute does.
    expect(errors({ ...VALID, cadastral: "x50:21:0110101:123" }).cadastral).toBeDefined();
    expect(errors({ ...VALID, comment: "Коротко" }).comment).toBe(
      "Слишком коротко: нужно не меньше 10 символов, сейчас 7 — допишите ещё 3 символа",
    );
    expect(errors({ ...VALID, comment: "я".repeat(201) }).comment).toBe(
      "Слишком длинно: допускается не больше 200 символов, сейчас 201 — сократите на 1 символ",
    );
  });

  it("checks the full name", () => {
    expect(errors({ ...VALID, full_name: "Иванов" }).full_name).toContain("Укажите фамилию и имя через пробел");
    expect(errors({ ...VALID, full_name: "Иван0в Иван" }).full_name).toContain("уберите цифру «0»");
    expect(errors({ ...VALID, full_name: "Ивaнов Иван" }).full_name).toContain("смешаны русские и латинские буквы"); // Latin «a»
    expect(submit({ ...VALID, full_name: "Мамин-Сибиряк Дмитрий Наркисович" }).success).toBe(true);
    // The structured shape is accepted too, with errors on its parts.
    expect(submit({ ...VALID, full_name: { lastName: "Иванов", firstName: "Иван" } }).success).toBe(true);
    expect(errors({ ...VALID, full_name: { lastName: "Иванов", middleName: "Иванович" } })).toEqual({
      "full_name.firstName": "Укажите имя: поле «Фамилия, имя, отчество» заполнено не полностью",
    });
  });

  it("validates only the requested steps and passes the others through unchanged", () => {
    const values = {
      full_name: "Иванов Иван",
      birth_date: "1985-04-12",
      snils: "112-233-445 95",
      phone: "+79123456789",
      delivery: "courier",
    };
    expect(submit(values, { stepKeys: ["applicant"] }).success).toBe(true);
    expect(submit(values, { stepKeys: ["applicant"] }).data?.delivery).toBe("courier");
    expect(Object.keys(errors(values, { stepKeys: ["request"] })).sort()).toEqual(["consent", "delivery", "persons"]);
  });

  it("never answers with zod's English defaults", () => {
    const garbage = [
      5,
      null,
      [],
      "x",
      { full_name: 5, persons: "x", power_of_attorney: {}, consent: "yes", area: {} },
      { persons: [5, { birth_date: 7 }] },
    ];
    for (const input of garbage) {
      const r = submit(input);
      expect(r.success).toBe(false);
      for (const issue of r.error?.issues ?? []) {
        expect(issue.message).not.toMatch(/invalid|expected|required/i);
        expect(issue.message).toMatch(/[а-яё]/i);
      }
    }
    expect(fieldErrorsByPath(submit(5).error!)).toEqual({
      [FORM_ERROR_KEY]: "Данные формы не получены: обновите страницу и заполните форму заново",
    });
  });
});

describe("dates: the regulation's bounds and the municipality's today", () => {
  const dateStep = (validation?: { minDate?: string; maxDate?: string }): StepDef[] => [
    zStep.parse({
      key: "s",
      title: "Шаг",
      fields: [
        { key: "d", type: "date", label: "Дата рождения", required: true, ...(validation ? { validation } : {}) },
      ],
    }),
  ];
  const check = (steps: StepDef[], d: unknown, opts: { today?: Date; timeZone?: string } = {}) => {
    const r = validateApplication(steps, { d }, { mode: "submit", today: TODAY, ...opts });
    return r.ok ? null : fieldErrorsByPath({ issues: r.issues }).d;
  };

  it("lets an explicit minDate before 1900 take precedence over the typo guard (archive requests)", () => {
    const archive = dateStep({ minDate: "1880-01-01", maxDate: "today" });
    expect(check(archive, "03.02.1885")).toBeNull();
    expect(check(archive, "1880-01-01")).toBeNull();
    expect(check(archive, "1879-12-31")).toBe("Дата должна быть не раньше 01.01.1880: исправьте дату");
    // 1888 was a leap year, 1900 was not: the day check holds before 1900 too.
    expect(check(archive, "29.02.1888")).toBeNull();
    expect(check(dateStep({ minDate: "0001-01-01" }), "29.02.0085")).toMatch(
      /^Даты 29\.02\.85 не существует: в этом месяце 28 дней/,
    );
    // The upper side keeps its guard where the regulation sets no maxDate of its own.
    expect(check(dateStep({ minDate: "1880-01-01" }), "2985-01-01")).toContain("Проверьте год: 2985");
    expect(check(dateStep({ maxDate: "2300-01-01" }), "2250-01-01")).toBeNull();
  });

  it("keeps the typo guard where the regulation sets no bound", () => {
    expect(check(dateStep(), "1885-02-03")).toBe(
      "Проверьте год: 1885 — вероятно, опечатка (допускаются годы с 1900 по 2100)",
    );
    expect(check(dateStep(), "1985-02-03")).toBeNull();
  });

  it("takes today in the municipality's zone around midnight, not Moscow's", () => {
    const noLaterThanToday = dateStep({ maxDate: "today" });
    // 19:30 UTC on 5 March: 00:30 on 6 March in Polovinka (UTC+5), still 22:30 on 5 March in Moscow.
    const justAfterLocalMidnight = new Date("2026-03-05T19:30:00Z");
    expect(
      check(noLaterThanToday, "06.03.2026", { today: justAfterLocalMidnight, timeZone: "Asia/Yekaterinburg" }),
    ).toBeNull();
    expect(check(noLaterThanToday, "06.03.2026", { today: justAfterLocalMidnight, timeZone: "Europe/Moscow" })).toBe(
      "Дата не может быть позже сегодняшнего дня (05.03.2026): проверьте число, месяц и год",
    );
    // A minute before local midnight it is still the 5th in Polovinka.
    expect(
      check(noLaterThanToday, "06.03.2026", {
        today: new Date("2026-03-05T18:59:00Z"),
        timeZone: "Asia/Yekaterinburg",
      }),
    ).toBe("Дата не может быть позже сегодняшнего дня (05.03.2026): проверьте число, месяц и год");
    expect(
      isStepComplete(noLaterThanToday[0]!, { d: "2026-03-06" }, noLaterThanToday, {
        today: justAfterLocalMidnight,
        timeZone: "Asia/Yekaterinburg",
      }),
    ).toBe(true);
  });
});

describe("checks across fields (R14, issue 16 p.1): notBefore", () => {
  const steps: StepDef[] = [
    zStep.parse({
      key: "period",
      title: "Период",
      fields: [
        { key: "from", type: "date", label: "Хронологические рамки: с", required: true },
        {
          key: "to",
          type: "date",
          label: "Хронологические рамки: по",
          required: true,
          validation: { notBefore: "from" },
        },
      ],
    }),
    zStep.parse({
      key: "work",
      title: "Стаж",
      fields: [
        { key: "tracked", type: "checkbox", label: "Указать стаж" },
        {
          key: "jobs",
          type: "group",
          label: "Места работы",
          fields: [
            { key: "year_from", type: "number", label: "Год начала работы", required: true },
            { key: "year_to", type: "number", label: "Год окончания работы", validation: { notBefore: "year_from" } },
          ],
        },
      ],
    }),
  ];
  const errors = (values: Record<string, unknown>) => {
    const r = validateApplication(steps, values, { mode: "submit", today: TODAY });
    return r.ok ? {} : fieldErrorsByPath({ issues: r.issues });
  };

  it("refuses a period that ends before it begins, naming both fields and the other date", () => {
    expect(errors({ from: "01.01.1995", to: "01.01.1990" })).toEqual({
      to: "«Хронологические рамки: по» не может быть раньше, чем «Хронологические рамки: с» (01.01.1995): проверьте обе даты",
    });
    // The same day, and any order of input formats: ISO as saved, ДД.ММ.ГГГГ as typed.
    expect(errors({ from: "1990-01-01", to: "01.01.1990" })).toEqual({});
    expect(errors({ from: "31.12.1989", to: "1990-01-01" })).toEqual({});
  });

  it("compares numbers within the same group item", () => {
    expect(
      errors({
        from: "1990-01-01",
        to: "1995-01-01",
        jobs: [
          { year_from: "1990", year_to: "1995" },
          { year_from: "1996", year_to: "1992" },
        ],
      }),
    ).toEqual({
      "jobs.1.year_to":
        "«Год окончания работы» не может быть меньше, чем «Год начала работы» (1996): проверьте оба значения",
    });
  });

  it("says nothing while the other value is absent or malformed: that field has its own message", () => {
    expect(errors({ to: "01.01.1990" })).toEqual({ from: "Укажите дату в поле «Хронологические рамки: с»" });
    expect(Object.keys(errors({ from: "32.01.1995", to: "01.01.1990" }))).toEqual(["from"]);
    expect(errors({ from: "1990-01-01", to: "1991-01-01", jobs: [{ year_to: "1980" }] })).toEqual({
      "jobs.0.year_from": "Заполните поле «Год начала работы»",
    });
  });
});

describe("the regulation document's cross-field rules (issue 16 p.1)", () => {
  const withRule = (validation: Record<string, unknown>, type = "date") =>
    validateDocument({
      ...archiveInfoRegulation,
      form: {
        steps: archiveInfoRegulation.form.steps.map((s) =>
          s.key === "request"
            ? { ...s, fields: s.fields.map((f) => (f.key === "period_to" ? { ...f, type, validation } : f)) }
            : s,
        ),
      },
    });
  const problem = (r: ReturnType<typeof validateDocument>) =>
    r.ok ? [] : r.problems.filter((p) => p.path.endsWith("validation.notBefore")).map((p) => p.message);

  it("accepts a rule naming a field of the same type, in another step too", () => {
    expect(problem(withRule({ notBefore: "period_from" }))).toEqual([]);
    expect(withRule({ notBefore: "period_from" }).ok).toBe(true);
  });

  it("refuses a missing field, itself, another type or a group's sub-field from outside the group", () => {
    expect(problem(withRule({ notBefore: "nothing_here" }))).toEqual([
      "Поля «nothing_here» нет в форме: сравнивать можно с полем той же группы или, вне групп, с полем любого шага",
    ]);
    expect(problem(withRule({ notBefore: "period_to" }))).toEqual(["Поле не может сравниваться само с собой"]);
    expect(problem(withRule({ notBefore: "purpose" }))).toEqual([
      "Поле «Цель запроса (для чего нужны сведения)» другого типа: дату сравнивают с датой, число — с числом",
    ]);
    expect(problem(withRule({ notBefore: "work_year_from" }))).toHaveLength(1);
    expect(problem(withRule({ notBefore: "period_from" }, "text"))).toEqual([
      "Правило «не раньше другого поля» задаётся только у полей с датой или числом",
    ]);
  });
});

describe("buildApplicationSchema, draft mode (R15)", () => {
  it("saves invalid and partial input as typed", () => {
    const values = {
      snils: "112-233-445 96",
      phone: "8 912",
      birth_date: "31.02",
      area: "12,",
      delivery: "courier",
      representative: true,
      persons: [{ last_name: "Ив" }, {}],
    };
    const r = draft(values);
    expect(r.success).toBe(true);
    expect(r.data).toEqual({ ...values, persons: [{ last_name: "Ив" }, {}] });
  });

  it("keeps hidden values, so switching a condition back restores them", () => {
    const r = draft({ representative: false, power_of_attorney: [pdf()] });
    expect(r.data).toEqual({ representative: false, power_of_attorney: [pdf()] });
  });

  it("refuses only structural garbage, with a message that says what to do", () => {
    const huge = draft({ full_name: "я".repeat(10 * 1024 * 1024) });
    expect(huge.success).toBe(false);
    expect(fieldErrorsByPath(huge.error!).full_name).toMatch(
      /^Слишком длинный текст в поле «Фамилия, имя, отчество»: допускается не больше 10.000 символов/,
    );
    expect(fieldErrorsByPath(draft({ snils: { $gt: "" } }).error!).snils).toBe(
      "Значение поля «СНИЛС» не распознано (ожидается текст): обновите страницу и заполните поле заново",
    );
    expect(
      fieldErrorsByPath(draft({ persons: Array.from({ length: DRAFT_LIMITS.groupItems + 1 }, () => ({})) }).error!)
        .persons,
    ).toContain("слишком много записей");
    expect(fieldErrorsByPath(draft({ power_of_attorney: [{ id: "", name: "x" }] }).error!).power_of_attorney).toContain(
      "удалите его и загрузите заново",
    );
    expect(fieldErrorsByPath(draft({ persons: [{ last_name: ["x"] }] }).error!)["persons.0.last_name"]).toContain(
      "не распознано",
    );
  });

  it("strips unknown keys at every level", () => {
    const r = draft({
      evil: "x",
      persons: [{ last_name: "А", extra: 1 }],
      power_of_attorney: [{ ...pdf(), url: "http://x" }],
    });
    expect(r.data).toEqual({ persons: [{ last_name: "А" }], power_of_attorney: [pdf()] });
  });

  it("does not read inherited properties for a field named like one", () => {
    const steps = [
      zStep.parse({
        key: "s",
        title: "Шаг",
        fields: [{ key: "constructor", type: "text", label: "Поле", required: true }],
      }),
    ];
    const r = buildApplicationSchema(steps, { mode: "submit" }).safeParse({});
    expect(r.success || fieldErrorsByPath(r.error)).toEqual({ constructor: "Заполните поле «Поле»" });
  });
});

describe("properties", () => {
  const textKeys = STEPS.flatMap((s) => s.fields)
    .filter((f) => !["checkbox", "file", "group", "full_name", "number"].includes(f.type))
    .map((f) => f.key);

  it("a draft saves whatever text is typed into any text-like field, unchanged", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...textKeys), fc.string({ maxLength: 200 })), (values) => {
        const r = draft(values);
        expect(r.success).toBe(true);
        expect(r.data).toEqual(values);
      }),
      { numRuns: 300 },
    );
  });

  it("submit never throws on arbitrary JSON and answers in Russian", () => {
    const keys = STEPS.flatMap((s) => s.fields).map((f) => f.key);
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...keys, "persons", "other"), fc.jsonValue({ maxDepth: 3 })),
        (values) => {
          for (const mode of ["submit", "draft"] as const) {
            const r = buildApplicationSchema(STEPS, { mode, today: TODAY }).safeParse(values);
            for (const issue of r.error?.issues ?? []) expect(issue.message).toMatch(/[а-яё]/i);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("helpers", () => {
  it("evaluateCondition: equals, in, notEmpty, bare field, groups", () => {
    expect(evaluateCondition({ field: "a", equals: true }, { a: true })).toBe(true);
    expect(evaluateCondition({ field: "a", equals: true }, { a: "true" })).toBe(true);
    expect(evaluateCondition({ field: "a", equals: true }, {})).toBe(false);
    expect(evaluateCondition({ field: "a", equals: 5 }, { a: "5" })).toBe(true);
    expect(evaluateCondition({ field: "a", in: ["x", "y"] }, { a: "y" })).toBe(true);
    expect(evaluateCondition({ field: "a", in: ["x", "y"] }, { a: ["z", "x"] })).toBe(true);
    expect(evaluateCondition({ field: "a", in: ["x", "y"] }, { a: "z" })).toBe(false);
    expect(evaluateCondition({ field: "a", notEmpty: true }, { a: " " })).toBe(false);
    expect(evaluateCondition({ field: "a", notEmpty: false }, { a: [] })).toBe(true);
    expect(evaluateCondition({ field: "a" }, { a: false })).toBe(false);
    expect(evaluateCondition({ field: "a" }, { a: "да" })).toBe(true);
    expect(evaluateCondition({ field: "a", equals: "x", notEmpty: true }, { a: "x" })).toBe(true);
    // Inside a group item the condition reads the item; from the top it holds if any item matches.
    const item = { group: "persons", values: { is_minor: true } };
    expect(evaluateCondition({ field: "persons.is_minor", equals: true }, { persons: [] }, item)).toBe(true);
    expect(evaluateCondition({ field: "is_minor", equals: true }, {}, item)).toBe(true);
    expect(
      evaluateCondition(
        { field: "persons.is_minor", equals: true },
        { persons: [{ is_minor: false }, { is_minor: true }] },
      ),
    ).toBe(true);
    expect(evaluateCondition({ field: "persons.is_minor", equals: true }, { persons: [{ is_minor: false }] })).toBe(
      false,
    );
  });

  it("visibleFields and isStepComplete follow the conditions", () => {
    const applicant = STEPS[0]!;
    expect(visibleFields(applicant, { representative: false }).map((f) => f.key)).not.toContain("power_of_attorney");
    expect(visibleFields(applicant, { representative: true }).map((f) => f.key)).toContain("power_of_attorney");

    const filled = {
      full_name: "Иванов Иван",
      birth_date: "1985-04-12",
      snils: "112-233-445 95",
      phone: "+79123456789",
    };
    expect(isStepComplete(applicant, filled, STEPS, { today: TODAY })).toBe(true);
    expect(isStepComplete(applicant, { ...filled, representative: true }, STEPS, { today: TODAY })).toBe(false);
    expect(isStepComplete(STEPS[1]!, filled, STEPS, { today: TODAY })).toBe(false);
  });

  it("validateApplication returns the same issues as the schema", () => {
    const r = validateApplication(STEPS, { ...VALID, snils: "1" }, { mode: "submit", today: TODAY });
    expect(r.ok).toBe(false);
    expect(r.issues).toEqual([
      { path: ["snils"], message: "СНИЛС содержит 11 цифр; сейчас введена 1 — допишите недостающие" },
    ]);
  });

  it("fieldErrorsByPath keeps the first message per path", () => {
    const err = new z.ZodError([
      { code: "custom", path: ["a", 0, "b"], message: "первое", input: 1 },
      { code: "custom", path: ["a", 0, "b"], message: "второе", input: 1 },
    ]);
    expect(fieldErrorsByPath(err)).toEqual({ "a.0.b": "первое" });
  });
});

describe("react-hook-form resolver", () => {
  it("maps the issues onto nested field names", async () => {
    const resolver = zodResolver(buildApplicationSchema(STEPS, { mode: "submit", today: TODAY }));
    const result = await resolver({ ...VALID, persons: [{ birth_date: "2015-06-01" }] }, undefined, {
      fields: {},
      shouldUseNativeValidation: false,
    });
    expect(result.values).toEqual({});
    const persons = result.errors.persons as unknown as { last_name?: { message?: string } }[];
    expect(persons[0]?.last_name?.message).toBe("Заполните поле «Фамилия»");

    const ok = await resolver(VALID, undefined, { fields: {}, shouldUseNativeValidation: false });
    expect(ok.errors).toEqual({});
    expect(ok.values).toMatchObject({ phone: "+79123456789" });
  });
});
