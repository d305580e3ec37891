import { describe, expect, it } from "vitest";
import type { StepDef } from "@/server/regulation/document";
import { checkIntake, emptyIntake, formPathOf, INTAKE_KEY, paperSteps, registerInput } from "./intake-schema";
import { fromLocalInput, toLocalInput, utcOffsetLabel } from "./zoned-time";

const TZ = "Asia/Yekaterinburg";

describe("wall-clock time in the municipality's zone", () => {
  it("reads and writes datetime-local values in the zone, not the browser's", () => {
    expect(fromLocalInput("2026-03-06T12:05", TZ)?.toISOString()).toBe("2026-03-06T07:05:00.000Z");
    expect(fromLocalInput("2026-03-06T00:30", TZ)?.toISOString()).toBe("2026-03-05T19:30:00.000Z");
    expect(fromLocalInput("2026-03-06T12:05", "Europe/Moscow")?.toISOString()).toBe("2026-03-06T09:05:00.000Z");
    expect(toLocalInput(new Date("2026-03-05T19:30:00Z"), TZ)).toBe("2026-03-06T00:30");
    expect(utcOffsetLabel(TZ)).toBe("UTC+5");
  });

  it("refuses dates that do not exist", () => {
    expect(fromLocalInput("2026-02-30T10:00", TZ)).toBeNull();
    expect(fromLocalInput("2026-03-06T25:00", TZ)).toBeNull();
    expect(fromLocalInput("06.03.2026 10:00", TZ)).toBeNull();
    expect(fromLocalInput("", TZ)).toBeNull();
  });
});

describe("the intake data", () => {
  const now = () => new Date("2026-03-06T07:00:00Z"); // 12:00 in Yekaterinburg
  const opts = { channels: ["IN_PERSON", "POST"] as const, timeZone: TZ, now };
  const filled = {
    channel: "IN_PERSON" as const,
    receivedAt: "2026-03-06T11:30",
    applicant: { lastName: "Петров", firstName: "Семён", middleName: "", email: "", phone: "" },
    documents: [
      { received: true, sheets: "2" },
      { received: false, sheets: "" },
    ],
  };

  it("is complete with a channel, a past time and a name", () => {
    expect(checkIntake(filled, opts)).toEqual({});
  });

  it("explains every missing or wrong part", () => {
    expect(checkIntake(emptyIntake(""), opts)).toEqual({
      channel: "Выберите, как поступило заявление",
      receivedAt: "Укажите дату и время поступления заявления",
      "applicant.lastName": "Укажите фамилию заявителя",
      "applicant.firstName": "Укажите имя заявителя",
    });
    const wrong = checkIntake(
      {
        ...filled,
        channel: "MFC",
        receivedAt: "2026-03-06T12:30",
        applicant: { ...filled.applicant, email: "petrov@", phone: "123" },
      },
      opts,
    );
    expect(Object.keys(wrong).sort()).toEqual(["applicant.email", "applicant.phone", "channel", "receivedAt"]);
    expect(wrong.receivedAt).toMatch(/позже текущего момента/);
  });

  it("takes the project's one e-mail and phone rules (an address in the .рф zone is an address)", () => {
    expect(
      checkIntake(
        { ...filled, applicant: { ...filled.applicant, email: "иванов@почта.рф", phone: "+7 (912) 345-67-89" } },
        opts,
      ),
    ).toEqual({});
    const wrong = checkIntake(
      { ...filled, applicant: { ...filled.applicant, email: "ivanov@mail.ру", phone: "912" } },
      opts,
    );
    expect(wrong["applicant.email"]).toMatch(/смешаны русские и латинские буквы/);
    expect(wrong["applicant.phone"]).toMatch(/[А-ЯЁа-яё]/);
  });

  it("limits names to 60 characters, with the reason", () => {
    const sixty = "а".repeat(60);
    expect(
      checkIntake(
        { ...filled, applicant: { ...filled.applicant, lastName: sixty, firstName: sixty, middleName: sixty } },
        opts,
      ),
    ).toEqual({});
    expect(
      checkIntake(
        {
          ...filled,
          applicant: { ...filled.applicant, lastName: `${sixty}а`, firstName: `${sixty}а`, middleName: `${sixty}а` },
        },
        opts,
      ),
    ).toEqual({
      "applicant.lastName": "Фамилия — не длиннее 60 символов",
      "applicant.firstName": "Имя — не длиннее 60 символов",
      "applicant.middleName": "Отчество — не длиннее 60 символов",
    });
  });

  it("builds the server's input: the receipt time as an instant, optional parts left out, the phone normalised", () => {
    const steps: StepDef[] = [
      {
        key: "contacts",
        title: "Контакты",
        fields: [{ key: "postal_index", type: "postal_index", label: "Индекс", required: true }],
      },
    ] as StepDef[];
    const input = registerInput(
      "archive-info",
      steps,
      {
        postal_index: "628212",
        stray: 1,
        [INTAKE_KEY]: { ...filled, applicant: { ...filled.applicant, phone: "8 912 345 67 89" } },
      },
      TZ,
    );
    expect(input).toEqual({
      serviceCode: "archive-info",
      values: { postal_index: "628212" },
      channel: "IN_PERSON",
      receivedAt: new Date("2026-03-06T06:30:00Z"),
      applicant: {
        lastName: "Петров",
        firstName: "Семён",
        middleName: undefined,
        email: undefined,
        phone: "+79123456789",
      },
      documents: [],
    });
  });

  it("asks the sheets of each received document, and of no other (issue 16 p.12)", () => {
    const sheets = (documents: { received: boolean; sheets: string }[]) => checkIntake({ ...filled, documents }, opts);
    expect(
      sheets([
        { received: true, sheets: "" },
        { received: false, sheets: "" },
        { received: true, sheets: "2,5" },
        { received: true, sheets: "1000" },
      ]),
    ).toEqual({
      "documents.0.sheets": "Укажите число листов принятого документа",
      "documents.2.sheets": "Число листов — целое число цифрами, например 3",
      "documents.3.sheets": "Число листов — от 1 до 999",
    });
    const input = registerInput("archive-info", [], { [INTAKE_KEY]: filled }, TZ, [
      { title: "Запрос", required: "always", condition: null },
      { title: "Доверенность", required: "conditional", condition: "при обращении представителя" },
    ]);
    expect(input?.documents).toEqual([{ title: "Запрос", sheets: 2 }]);
  });

  it("maps the server's error paths onto the form", () => {
    expect(formPathOf("postal_index")).toBe("postal_index");
    expect(formPathOf("persons.0.person_full_name.lastName")).toBe("persons.0.person_full_name.lastName");
    expect(formPathOf("receivedAt")).toBe(`${INTAKE_KEY}.receivedAt`);
    expect(formPathOf("channel")).toBe(`${INTAKE_KEY}.channel`);
    expect(formPathOf("applicant.email")).toBe(`${INTAKE_KEY}.applicant.email`);
    expect(formPathOf("values.postal_index")).toBe("postal_index");
  });
});

describe("the regulation's steps on paper", () => {
  it("leave out file fields (listed as paper documents) and the autofill hints", () => {
    const steps = [
      {
        key: "applicant",
        title: "Заявитель",
        fields: [
          { key: "full_name", type: "full_name", label: "ФИО", required: true, prefill: "fullName" },
          { key: "power_of_attorney", type: "file", label: "Доверенность", required: true },
          {
            key: "persons",
            type: "group",
            label: "Лица",
            fields: [
              { key: "scan", type: "file", label: "Скан" },
              { key: "name", type: "text", label: "Имя" },
            ],
          },
        ],
      },
    ] as StepDef[];
    const [paper] = paperSteps(steps);
    expect(paper!.step.fields.map((f) => f.key)).toEqual(["full_name", "persons"]);
    expect(paper!.step.fields[0]!.prefill).toBeUndefined();
    expect(paper!.step.fields[1]!.fields!.map((f) => f.key)).toEqual(["name"]);
    expect(paper!.paperDocuments).toEqual([
      { key: "power_of_attorney", label: "Доверенность" },
      { key: "persons", label: "Скан" },
    ]);
  });
});
