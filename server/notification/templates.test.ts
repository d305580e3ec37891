import { describe, expect, it } from "vitest";
import {
  bookingConfirmedMessage,
  coApplicantInvitationMessage,
  deadlineBreachedMessage,
  deadlineDueSoonMessage,
  draftExpiringMessage,
  emailText,
  refusalMessage,
  registrationMessage,
  resultReadyMessage,
  stageChangedMessage,
} from "./templates";

const TZ = "Asia/Yekaterinburg";
const S1 = "Предоставление информации пользователям автомобильных дорог общего пользования местного значения";
const CABINET = "http://localhost:3000/cabinet/applications/0b9c";

describe("registrationMessage", () => {
  const facts = {
    recipientName: "Иван Петрович",
    serviceTitle: S1,
    registrationNumber: "ДОР-2026-17",
    registeredAt: new Date("2026-03-10T05:00:00Z"),
    expectedCompletionAt: new Date("2026-03-30T18:59:59.999Z"),
    cabinetUrl: CABINET,
    timeZone: TZ,
  };

  it("gives the number, the date, the expected completion date and time (S1 p.33, S2 p.70), the service and the cabinet link", () => {
    const m = registrationMessage(facts);
    expect(m.title).toBe("Заявление № ДОР-2026-17 зарегистрировано");
    expect(m.body).toContain("Здравствуйте, Иван Петрович!");
    expect(m.body).toContain(`услуги «${S1}» принято и зарегистрировано`);
    expect(m.body).toContain("Регистрационный номер: ДОР-2026-17");
    expect(m.body).toContain("Дата регистрации: 10 марта 2026 г.");
    expect(m.body).toContain("Ожидаемый срок предоставления услуги: не позднее 30 марта 2026 г. в 23:59");
    expect(m.body).toContain(`в личном кабинете: ${CABINET}`);
  });

  it("leaves out the expected date when it is not known, and greets without a name", () => {
    const m = registrationMessage({ ...facts, recipientName: null, expectedCompletionAt: null });
    expect(m.body.startsWith("Здравствуйте!\n\n")).toBe(true);
    expect(m.body).not.toContain("Ожидаемый срок");
    expect(m.body).not.toMatch(/\n{3,}/);
  });
});

describe("refusalMessage", () => {
  const base = {
    serviceTitle: "Предоставление архивной информации",
    decidedAt: new Date("2026-04-02T06:00:00Z"),
    grounds: [
      { text: "Запрашиваемые сведения не относятся к составу архивных документов", ref: "п. 54" },
      { text: "Отсутствие у заявителя права на получение информации" },
    ],
    motivation: "Документы за 1995 год переданы в государственный архив.",
    cabinetUrl: CABINET,
    timeZone: TZ,
  };

  it("lists the grounds with their clauses and gives the motivation (service refusal)", () => {
    const m = refusalMessage({ ...base, stage: "service", registrationNumber: "АРХ-2026-3" });
    expect(m.title).toBe("Отказ в предоставлении услуги по заявлению № АРХ-2026-3");
    expect(m.body).toContain(
      "2 апреля 2026 г. принято решение об отказе в предоставлении услуги «Предоставление архивной информации»",
    );
    expect(m.body).toContain(
      "Основания для отказа:\n1. Запрашиваемые сведения не относятся к составу архивных документов (п. 54)\n2. Отсутствие у заявителя права на получение информации",
    );
    expect(m.body).toContain("Разъяснение причин отказа:\nДокументы за 1995 год переданы в государственный архив.");
    expect(m.body).toContain("досудебном (внесудебном) порядке");
    expect(m.body).toContain(CABINET);
  });

  it("words an intake refusal as refusing the documents, with or without a number", () => {
    expect(refusalMessage({ ...base, stage: "intake" }).title).toBe("Отказ в приёме документов");
    const m = refusalMessage({ ...base, stage: "intake", registrationNumber: "АРХ-2026-4" });
    expect(m.title).toBe("Отказ в приёме документов по заявлению № АРХ-2026-4");
    expect(m.body).toContain("принято решение об отказе в приёме документов");
    expect(m.body).toContain("повторному обращению");
  });

  it("refuses to word a refusal without grounds (R25)", () => {
    expect(() => refusalMessage({ ...base, stage: "service", grounds: [] })).toThrow(/ground/);
  });
});

describe("resultReadyMessage", () => {
  const base = {
    serviceTitle: S1,
    registrationNumber: "ДОР-2026-17",
    resultTitle: "Информационное письмо",
    cabinetUrl: CABINET,
    timeZone: TZ,
  };
  const office = {
    name: "Администрация сельского поселения Половинка",
    address: "ул. Центральная, 1",
    schedule: "пн–пт 9:00–17:00",
    phone: "+7 (34675) 3-00-00",
  };

  it("points to the cabinet download when the result goes to the cabinet", () => {
    const m = resultReadyMessage({ ...base, delivery: "cabinet" });
    expect(m.title).toBe("Результат по заявлению № ДОР-2026-17 готов");
    expect(m.body).toContain("Подготовлен результат: Информационное письмо.");
    expect(m.body).toContain(`его можно скачать: ${CABINET}`);
    expect(m.body.split(CABINET)).toHaveLength(2);
  });

  it("says where and when to collect it in person, and what happens if it is not collected", () => {
    const m = resultReadyMessage({
      ...base,
      delivery: "in_person",
      office,
      collectBy: new Date("2026-04-06T18:59:59Z"),
    });
    expect(m.body).toContain(
      "Получить документ можно лично в администрации:\nАдминистрация сельского поселения Половинка, ул. Центральная, 1",
    );
    expect(m.body).toContain("Часы приёма: пн–пт 9:00–17:00");
    expect(m.body).toContain("Телефон: +7 (34675) 3-00-00");
    expect(m.body).toContain("документ, удостоверяющий личность");
    expect(m.body).toContain("до 6 апреля 2026 г. включительно, он будет направлен вам заказным почтовым отправлением");
    expect(m.body).toContain(`личном кабинете: ${CABINET}`);
  });

  it("covers every delivery channel", () => {
    expect(resultReadyMessage({ ...base, delivery: "email" }).body).toContain("направлен на адрес электронной почты");
    expect(resultReadyMessage({ ...base, delivery: "post" }).body).toContain("направлен почтовым отправлением");
    expect(resultReadyMessage({ ...base, delivery: "mfc" }).body).toContain("в многофункциональном центре (МФЦ).");
    expect(
      resultReadyMessage({ ...base, delivery: "mfc", office: { name: "МФЦ", address: "пгт Междуреченский" } }).body,
    ).toContain("(МФЦ):\nМФЦ, пгт Междуреченский");
  });
});

describe("coApplicantInvitationMessage", () => {
  it("names who invites, the service and carries the link with its token", () => {
    const link = "http://localhost:3000/invite/abc123tokenXYZ";
    const m = coApplicantInvitationMessage({
      inviterName: "Иванов Иван Петрович",
      serviceTitle: S1,
      link,
      expiresAt: new Date("2026-04-10T10:00:00Z"),
      timeZone: TZ,
    });
    expect(m.title).toBe(`Приглашение стать созаявителем по услуге «${S1}»`);
    expect(m.body).toContain(
      `Иванов Иван Петрович приглашает вас подать совместное заявление на предоставление услуги «${S1}»`,
    );
    expect(m.body).toContain(`перейдите по ссылке: ${link}`);
    expect(m.body).toContain("Ссылка действительна до 10 апреля 2026 г. включительно.");
  });
});

describe("draftExpiringMessage", () => {
  it("gives the purge date and the way back to the draft", () => {
    const m = draftExpiringMessage({
      serviceTitle: "Предоставление архивной информации",
      purgeAt: new Date("2026-05-15T12:00:00Z"),
      draftUrl: "http://localhost:3000/cabinet/drafts/1",
      timeZone: TZ,
    });
    expect(m.title).toBe("Черновик заявления будет удалён 15 мая 2026 г.");
    expect(m.body).toContain("15 мая 2026 г. он будет удалён");
    expect(m.body).toContain("откройте черновик: http://localhost:3000/cabinet/drafts/1");
  });
});

describe("deadline messages for staff", () => {
  const facts = {
    registrationNumber: "ДОР-2026-17",
    serviceTitle: S1,
    stageTitle: "Рассмотрение заявления",
    dueAt: new Date("2026-03-25T18:59:59.999Z"),
    executorName: "Сидоров Алексей Николаевич",
    applicationUrl: "http://localhost:3000/staff/applications/0b9c",
    timeZone: TZ,
  };

  it("due soon: number, stage, due date, executor and the days left", () => {
    const m = deadlineDueSoonMessage({ ...facts, workingDaysLeft: 2 });
    expect(m.title).toBe("Истекает срок этапа «Рассмотрение заявления» по заявлению № ДОР-2026-17");
    expect(m.body).toContain("истекает 25 марта 2026 г. Осталось: 2 рабочих дня.");
    expect(m.body).toContain("Исполнитель: Сидоров Алексей Николаевич");
    expect(m.body).toContain("Карточка заявления: http://localhost:3000/staff/applications/0b9c");
    expect(deadlineDueSoonMessage({ ...facts, workingDaysLeft: 1 }).body).toContain("Осталось: 1 рабочий день.");
    expect(deadlineDueSoonMessage({ ...facts, workingDaysLeft: 0 }).body).toContain("Срок истекает сегодня.");
  });

  it("breached: says the term expired and that nobody is assigned when so", () => {
    const m = deadlineBreachedMessage({ ...facts, executorName: null });
    expect(m.title).toBe("Нарушен срок этапа «Рассмотрение заявления» по заявлению № ДОР-2026-17");
    expect(m.body).toContain("истёк 25 марта 2026 г., этап не завершён");
    expect(m.body).toContain("Исполнитель: не назначен");
  });
});

describe("other applicant messages", () => {
  it("stage changed: the stage and the next steps", () => {
    const m = stageChangedMessage({
      serviceTitle: S1,
      registrationNumber: "ДОР-2026-17",
      stageTitle: "Подписание результата",
      cabinetUrl: CABINET,
    });
    expect(m.title).toBe("Заявление № ДОР-2026-17: Подписание результата");
    expect(m.body).toContain("Текущий этап: Подписание результата.");
    expect(m.body).toContain("Никаких действий с вашей стороны сейчас не требуется.");
  });

  it("booking confirmed: date, time and place", () => {
    const m = bookingConfirmedMessage({
      serviceTitle: S1,
      at: new Date("2026-04-07T05:30:00Z"),
      place: "ул. Центральная, 1, каб. 5",
      cabinetUrl: CABINET,
      timeZone: TZ,
    });
    expect(m.title).toBe("Запись на приём 7 апреля 2026 г. в 10:30");
    expect(m.body).toContain("Дата: 7 апреля 2026 г.\nВремя: 10:30\nМесто: ул. Центральная, 1, каб. 5");
  });
});

describe("emailText", () => {
  it("appends a signature that says the letter is automatic", () => {
    const text = emailText("Здравствуйте!", "https://reglament.example");
    expect(text).toBe(
      "Здравствуйте!\n\n-- \nЭто письмо отправлено автоматически системой «Регламент» (https://reglament.example). Отвечать на него не нужно.",
    );
  });
});
