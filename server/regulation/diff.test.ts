// The change list before publishing (issue 10 p.4), on the seed regulations: each kind of change an
// amendment makes is named in plain Russian, in its part, with the path the editor links to.
// Elements are matched by key, so moving them is not "removed and added".
import { describe, expect, it } from "vitest";
import { archiveInfoRegulation, roadInfoRegulation } from "../../prisma/seed/regulations";
import { describeChanges, type RegulationChange } from "./diff";
import type { RegulationDocument } from "./document";

const s1 = () => structuredClone(roadInfoRegulation) as RegulationDocument;
const texts = (changes: RegulationChange[]) => changes.map((c) => c.text);
const stepOf = (doc: RegulationDocument, key: string) => doc.form.steps.find((s) => s.key === key)!;

describe("describeChanges", () => {
  it("finds nothing between an edition and its copy", () => {
    expect(describeChanges(roadInfoRegulation, s1())).toEqual([]);
    expect(describeChanges(archiveInfoRegulation, structuredClone(archiveInfoRegulation))).toEqual([]);
  });

  it("names the slot length of appointments set, changed and removed (issue 14, R18)", () => {
    const after = s1();
    after.passport.appointment = { slotMinutes: 20 };
    const none = s1();
    delete none.passport.appointment;
    const at = "passport.appointment.slotMinutes";
    expect(describeChanges(roadInfoRegulation, after)).toEqual([
      { part: "Паспорт", kind: "changed", text: "Длительность приёма по записи: 15 мин → 20 мин", path: at },
    ]);
    expect(texts(describeChanges(roadInfoRegulation, none))).toEqual([
      "Длительность приёма по записи: 15 мин → запись не ведётся",
    ]);
  });

  it("names a changed stage deadline with both values and points at the deadline", () => {
    const after = s1();
    const review = after.stages.find((s) => s.key === "review")!;
    review.deadline = { ...review.deadline!, value: 10 };
    const changes = describeChanges(roadInfoRegulation, after);
    expect(changes).toEqual([
      {
        part: "Процесс",
        kind: "changed",
        text: `Срок этапа «${review.title}»: 11 рабочих дней → 10 рабочих дней`,
        path: `stages.${after.stages.indexOf(review)}.deadline.value`,
      },
    ]);
  });

  it("names fields added, removed, renamed, made required, given options and moved between steps", () => {
    const after = s1();
    const request = stepOf(after, "request");
    const delivery = stepOf(after, "delivery");
    // Added, required.
    request.fields.push({
      key: "vehicle_number",
      type: "text",
      label: "Госномер транспортного средства",
      required: true,
    });
    // Removed.
    const removed = request.fields.find((f) => f.key === "request_details")!;
    request.fields = request.fields.filter((f) => f !== removed);
    // Renamed and no longer required.
    const road = request.fields.find((f) => f.key === "road_name")!;
    const oldRoadLabel = road.label;
    road.label = "Наименование автомобильной дороги";
    road.required = !road.required;
    // A new option.
    const kind = request.fields.find((f) => f.key === "info_kind")!;
    kind.options = [...kind.options!, { value: "winter", label: "Зимнее содержание" }];
    // Moved to another step.
    const phone = delivery.fields.find((f) => f.key === "phone")!;
    delivery.fields = delivery.fields.filter((f) => f !== phone);
    request.fields.unshift(phone);

    const changes = describeChanges(roadInfoRegulation, after);
    expect(changes.every((c) => c.part === "Форма")).toBe(true);
    const requestIndex = after.form.steps.indexOf(request);
    expect(changes).toContainEqual({
      part: "Форма",
      kind: "added",
      text: `Добавлено поле «Госномер транспортного средства» (шаг «${request.title}», обязательное)`,
      path: `form.steps.${requestIndex}.fields.${request.fields.length - 1}`,
    });
    // A removal points into the old document.
    const oldRequest = stepOf(roadInfoRegulation, "request");
    expect(changes).toContainEqual({
      part: "Форма",
      kind: "removed",
      text: `Удалено поле «${removed.label}» (шаг «${request.title}»)`,
      path: `form.steps.${roadInfoRegulation.form.steps.indexOf(oldRequest)}.fields.${oldRequest.fields.findIndex((f) => f.key === "request_details")}`,
    });
    expect(texts(changes)).toContain(`Поле «${oldRoadLabel}» переименовано: «Наименование автомобильной дороги»`);
    expect(texts(changes)).toContain(
      `Поле «Наименование автомобильной дороги» стало ${road.required ? "обязательным" : "необязательным"}`,
    );
    expect(texts(changes)).toContain(`Поле «${kind.label}»: добавлен вариант «Зимнее содержание»`);
    expect(texts(changes)).toContain(
      `Поле «${phone.label}» перенесено из шага «${delivery.title}» в шаг «${request.title}»`,
    );
    // Reordering inside a step is not a change of the fields themselves.
    expect(changes.filter((c) => c.text.includes(kind.label))).toHaveLength(1);
  });

  it("names a changed type, a removed role and a changed condition of a field", () => {
    const after = s1();
    const fields = after.form.steps.flatMap((s) => s.fields);
    const name = fields.find((f) => f.key === "org_name")!;
    const role = name.role!;
    name.type = "textarea";
    delete name.role;
    const attorney = fields.find((f) => f.key === "power_of_attorney")!;
    attorney.showIf = { field: "is_representative", equals: false };
    const t = texts(describeChanges(roadInfoRegulation, after));
    expect(t).toContain(`Поле «${name.label}»: тип «строка» → «многострочный текст»`);
    expect(t.some((x) => x.startsWith(`Поле «${name.label}»: снята роль`))).toBe(true);
    expect(role).toBe("organisationName");
    expect(t).toContain(
      `Поле «${attorney.label}»: условие показа «is_representative = true» → «is_representative = false»`,
    );
  });

  it("names stages and transitions added and removed, roles and final stages", () => {
    const after = s1();
    after.stages.push({
      key: "archive_check",
      title: "Проверка в архиве",
      responsibleRoles: ["EXECUTOR"],
      deadline: { value: 3, unit: "calendar_days", from: "stage_entry" },
    });
    after.transitions.push({
      key: "to_archive",
      from: "review",
      to: "archive_check",
      title: "Направить в архив",
      roles: ["EXECUTOR"],
      kind: "normal",
      requires: {},
    });
    const removed = after.transitions.find((t) => t.key === "return_result_for_rework")!;
    after.transitions = after.transitions.filter((t) => t !== removed);
    const signing = after.stages.find((s) => s.key === "signing")!;
    signing.responsibleRoles = ["SIGNER", "HEAD"];
    const t = texts(describeChanges(roadInfoRegulation, after));
    expect(t).toContain("Добавлен этап «Проверка в архиве» со сроком 3 календарных дня");
    expect(t.some((x) => x.startsWith("Добавлен переход «Направить в архив» («Рассмотрение заявления"))).toBe(true);
    expect(t.some((x) => x.startsWith(`Удалён переход «${removed.title}»`))).toBe(true);
    expect(t).toContain(
      `Ответственные этапа «${signing.title}»: Уполномоченное должностное лицо (подписант) → Уполномоченное должностное лицо (подписант), Руководитель подразделения`,
    );
  });

  it("names grounds, result types, channels, request terms and passport terms (S2)", () => {
    const before = structuredClone(archiveInfoRegulation) as RegulationDocument;
    const after = structuredClone(archiveInfoRegulation) as RegulationDocument;
    after.intakeRefusalGrounds.push({ code: "no_fund", text: "Документы не поступали на хранение" });
    const ground = after.serviceRefusalGrounds.find((g) => g.code === "no_right_to_information")!;
    ground.text = `${ground.text} (уточнено)`;
    after.serviceRefusalGrounds = after.serviceRefusalGrounds.filter((g) => g.code !== "unauthorized_person");
    const removedGround = before.serviceRefusalGrounds.find((g) => g.code === "unauthorized_person")!;
    after.resultTypes[0]!.title = "Архивная справка (новая форма)";
    after.deliveryChannels = after.deliveryChannels.filter((c) => c.code !== "post");
    after.intakeChannels = after.intakeChannels.filter((c) => c !== "POST");
    after.interagencyRequestTypes[0]!.responseDeadline = { value: 3, unit: "working_days" };
    after.passport.fee = { free: false, amount: 200 };
    after.passport.registrationTerms.find((r) => r.channel === "POST")!.term = { value: 2, unit: "working_days" };
    after.passport.legalBasis.push("Закон ХМАО – Югры об архивном деле");
    after.passport.typoCorrection!.fix = { value: 4, unit: "working_days" };

    const changes = describeChanges(before, after);
    const byPart = (part: string) => texts(changes.filter((c) => c.part === part));
    expect(byPart("Основания отказа")).toEqual([
      "Добавлено основание отказа в приёме документов: «Документы не поступали на хранение»",
      `Исключено основание отказа в предоставлении услуги: «${removedGround.text}»`,
      `Изменена формулировка основания отказа в предоставлении услуги: «${ground.text}»`,
    ]);
    expect(byPart("Результаты")).toEqual([
      `Вид результата «${before.resultTypes[0]!.title}» переименован: «Архивная справка (новая форма)»`,
    ]);
    expect(byPart("Способы")).toEqual([
      `Исключён способ получения результата «${before.deliveryChannels.find((c) => c.code === "post")!.title}»`,
      "Заявление больше нельзя подать: Почтовым отправлением",
    ]);
    expect(changes.filter((c) => c.part === "Межведомственные запросы")).toEqual([
      {
        part: "Межведомственные запросы",
        kind: "changed",
        text: `Срок ответа на запрос «${after.interagencyRequestTypes[0]!.title}»: 5 рабочих дней → 3 рабочих дня`,
        path: "interagencyRequestTypes.0.responseDeadline",
      },
    ]);
    expect(byPart("Паспорт")).toEqual([
      "Правовые основания: добавлено «Закон ХМАО – Югры об архивном деле»",
      "Плата: бесплатно → 200 ₽",
      "Срок регистрации заявления (Почтовым отправлением): 1 рабочий день → 2 рабочих дня",
      "Срок исправления опечаток: 5 рабочих дней → 4 рабочих дня",
    ]);
    expect(changes.find((c) => c.text.startsWith("Исключено основание"))!.path).toBe(
      `serviceRefusalGrounds.${before.serviceRefusalGrounds.indexOf(removedGround)}`,
    );
  });

  it("names a part of the document it does not know field by field", () => {
    const after = { ...s1(), variants: [{ code: "self" }] } as unknown as RegulationDocument;
    expect(describeChanges(roadInfoRegulation, after)).toEqual([
      { part: "Прочее", kind: "added", text: "Изменён раздел регламента «variants»", path: "variants" },
    ]);
  });
});
