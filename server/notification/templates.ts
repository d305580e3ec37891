// The texts of notifications (R19): pure functions from facts to a title and a plain-text body in
// polite Russian. The same text is shown in the cabinet and sent by e-mail, so it must read well
// without markup and carry every fact the applicant needs without opening the site.
import { formatDate, formatDateTime, formatTime } from "../format/dates";
import { withProvisional } from "../calendar/provisional";
import { formatDuration, type Delivery } from "../regulation/document";

export type Message = { title: string; body: string };

/** The municipality's zone by default: a due date is the end of a day there (README, Deadlines). */
type Zoned = { timeZone?: string };

const greeting = (name?: string | null) => (name?.trim() ? `Здравствуйте, ${name.trim()}!` : "Здравствуйте!");

/** Paragraphs separated by a blank line; empty ones (optional facts that are absent) are dropped. */
const paragraphs = (...parts: (string | null | undefined | false)[]) =>
  parts.filter((p): p is string => !!p && p.trim() !== "").join("\n\n");

// A date ends in "г.": a sentence ending with one takes no second period.
const endSentence = (s: string) => (s.endsWith(".") ? s : `${s}.`);

const lines = (...parts: (string | null | undefined | false)[]) =>
  parts.filter((p): p is string => !!p && p.trim() !== "").join("\n");

// ---------------------------------------------------------------------------------------------
// Applicant
// ---------------------------------------------------------------------------------------------

export type RegistrationFacts = Zoned & {
  recipientName?: string | null;
  serviceTitle: string;
  registrationNumber: string;
  registeredAt: Date;
  /** The whole-service deadline; null while it cannot be counted (e.g. the calendar is not loaded). */
  expectedCompletionAt: Date | null;
  /** Counted over a year without its decree (issue 11): the date is marked «предварительно». */
  expectedCompletionProvisional?: boolean;
  /** The application's card in the personal cabinet. */
  cabinetUrl: string;
};

export function registrationMessage(f: RegistrationFacts): Message {
  return {
    title: `Заявление № ${f.registrationNumber} зарегистрировано`,
    body: paragraphs(
      greeting(f.recipientName),
      `Ваше заявление на предоставление услуги «${f.serviceTitle}» принято и зарегистрировано.`,
      lines(
        `Регистрационный номер: ${f.registrationNumber}`,
        `Дата регистрации: ${formatDate(f.registeredAt, f.timeZone)}`,
        f.expectedCompletionAt
          ? withProvisional(
              // S1 p.33, S2 p.70: the notice gives «сведения о дате и времени окончания предоставления
              // муниципальной услуги» — the date and the time of the deadline's instant.
              `Ожидаемый срок предоставления услуги: не позднее ${formatDateTime(f.expectedCompletionAt, f.timeZone)}`,
              f.expectedCompletionProvisional,
            )
          : null,
      ),
      `Следить за ходом рассмотрения заявления можно в личном кабинете: ${f.cabinetUrl}`,
    ),
  };
}

export type RefusalGround = { text: string; ref?: string | null };

export type RefusalFacts = Zoned & {
  /** Refusal to accept the documents (before review) or refusal of the service itself (after it). */
  stage: "intake" | "service";
  recipientName?: string | null;
  serviceTitle: string;
  /** An intake refusal may come before a number is given. */
  registrationNumber?: string | null;
  decidedAt: Date;
  /** From the regulation's exhaustive list (R25): a refusal names its grounds. */
  grounds: readonly RefusalGround[];
  /** Why the grounds apply to this application, in the official's words. */
  motivation: string;
  cabinetUrl: string;
};

export function refusalMessage(f: RefusalFacts): Message {
  // A refusal without grounds is unlawful (R25, S1 p.9): fail loudly instead of sending one.
  if (f.grounds.length === 0) throw new Error("refusalMessage: a motivated refusal needs at least one ground");
  const number = f.registrationNumber ? ` № ${f.registrationNumber}` : "";
  const decided = formatDate(f.decidedAt, f.timeZone);
  const title =
    f.stage === "intake"
      ? `Отказ в приёме документов${number ? ` по заявлению${number}` : ""}`
      : `Отказ в предоставлении услуги по заявлению${number}`;
  const decision =
    f.stage === "intake"
      ? `${decided} принято решение об отказе в приёме документов, необходимых для предоставления услуги «${f.serviceTitle}»${number ? ` (заявление${number})` : ""}.`
      : `По результатам рассмотрения вашего заявления${number} ${decided} принято решение об отказе в предоставлении услуги «${f.serviceTitle}».`;
  return {
    title,
    body: paragraphs(
      greeting(f.recipientName),
      decision,
      lines(
        "Основания для отказа:",
        ...f.grounds.map((g, i) => `${i + 1}. ${g.text.trim()}${g.ref ? ` (${g.ref})` : ""}`),
      ),
      lines("Разъяснение причин отказа:", f.motivation.trim()),
      "Отказ не препятствует повторному обращению после устранения указанных причин.",
      "Решение может быть обжаловано в досудебном (внесудебном) порядке, а также в судебном порядке.",
      `Подробности — в личном кабинете: ${f.cabinetUrl}`,
    ),
  };
}

export type Office = { name: string; address: string; schedule?: string | null; phone?: string | null };

export type ResultReadyFacts = Zoned & {
  recipientName?: string | null;
  serviceTitle: string;
  registrationNumber: string;
  /** The result document, e.g. «Информационное письмо» or «Архивная справка». */
  resultTitle: string;
  /** The channel the applicant chose (R10). */
  delivery: Delivery;
  cabinetUrl: string;
  /** Where to collect the result in person (administration or MFC). */
  office?: Office | null;
  /** When an uncollected result goes out by registered post (S2 p.57); counted by the caller. */
  collectBy?: Date | null;
};

function officeLines(office: Office): string {
  return lines(
    `${office.name}, ${office.address}`,
    office.schedule ? `Часы приёма: ${office.schedule}` : null,
    office.phone ? `Телефон: ${office.phone}` : null,
  );
}

function howToGet(f: ResultReadyFacts): string {
  const collect = (where: string) =>
    paragraphs(
      f.office
        ? lines(`Получить документ можно лично ${where}:`, officeLines(f.office))
        : `Получить документ можно лично ${where}.`,
      "При себе необходимо иметь документ, удостоверяющий личность (представителю — также документ, подтверждающий полномочия).",
      f.collectBy
        ? `Если документ не будет получен до ${formatDate(f.collectBy, f.timeZone)} включительно, он будет направлен вам заказным почтовым отправлением.`
        : null,
    );
  switch (f.delivery) {
    case "cabinet":
      return `Документ размещён в карточке заявления в личном кабинете, его можно скачать: ${f.cabinetUrl}`;
    case "email":
      return "Документ направлен на адрес электронной почты, указанный в заявлении.";
    case "post":
      return "Документ направлен почтовым отправлением по адресу, указанному в заявлении.";
    case "in_person":
      return collect("в администрации");
    case "mfc":
      return collect("в многофункциональном центре (МФЦ)");
  }
}

export function resultReadyMessage(f: ResultReadyFacts): Message {
  return {
    title: `Результат по заявлению № ${f.registrationNumber} готов`,
    body: paragraphs(
      greeting(f.recipientName),
      `Рассмотрение вашего заявления № ${f.registrationNumber} на предоставление услуги «${f.serviceTitle}» завершено. Подготовлен результат: ${f.resultTitle}.`,
      howToGet(f),
      f.delivery === "cabinet" ? null : `Статус заявления можно посмотреть в личном кабинете: ${f.cabinetUrl}`,
    ),
  };
}

export type StageChangedFacts = {
  recipientName?: string | null;
  serviceTitle: string;
  registrationNumber: string;
  /** The stage as the applicant should read it, e.g. «Рассмотрение документов». */
  stageTitle: string;
  /** What the applicant should do now, if anything. */
  nextSteps?: string | null;
  cabinetUrl: string;
};

export function stageChangedMessage(f: StageChangedFacts): Message {
  return {
    title: `Заявление № ${f.registrationNumber}: ${f.stageTitle}`,
    body: paragraphs(
      greeting(f.recipientName),
      `Изменился статус вашего заявления № ${f.registrationNumber} на предоставление услуги «${f.serviceTitle}». Текущий этап: ${f.stageTitle}.`,
      f.nextSteps?.trim() || "Никаких действий с вашей стороны сейчас не требуется.",
      `Подробности — в личном кабинете: ${f.cabinetUrl}`,
    ),
  };
}

export type CoApplicantInvitationFacts = Zoned & {
  /** Full name of the applicant who invites. */
  inviterName: string;
  serviceTitle: string;
  /** The invitation link carrying the one-time token. */
  link: string;
  expiresAt?: Date | null;
};

export function coApplicantInvitationMessage(f: CoApplicantInvitationFacts): Message {
  return {
    title: `Приглашение стать созаявителем по услуге «${f.serviceTitle}»`,
    body: paragraphs(
      greeting(),
      `${f.inviterName} приглашает вас подать совместное заявление на предоставление услуги «${f.serviceTitle}» в качестве созаявителя.`,
      lines(
        `Чтобы заполнить свой раздел заявления, перейдите по ссылке: ${f.link}`,
        "Войдите в систему или зарегистрируйтесь с адресом электронной почты, на который пришло это письмо.",
        f.expiresAt ? `Ссылка действительна до ${formatDate(f.expiresAt, f.timeZone)} включительно.` : null,
      ),
      "Ссылка личная: не пересылайте её другим людям. Если вы не ожидали приглашения, ничего делать не нужно — без вашего участия ваши данные в заявление не попадут.",
    ),
  };
}

export type AccountClaimFacts = Zoned & {
  /** The one-time link that leads to setting a password. */
  link: string;
  expiresAt: Date;
};

/**
 * Sent when somebody registers with the address of an account a registrar opened for a paper
 * application: only whoever reads this mailbox can take that account (and its applications).
 */
export function accountClaimMessage(f: AccountClaimFacts): Message {
  return {
    title: "Подтвердите адрес электронной почты, чтобы войти в личный кабинет",
    body: paragraphs(
      greeting(),
      "С этим адресом электронной почты пытаются зарегистрироваться на портале муниципальных услуг. На этот адрес уже есть учётная запись: её открыли в администрации, когда принимали заявление на бумаге.",
      lines(
        `Чтобы задать пароль и войти в личный кабинет, перейдите по ссылке: ${f.link}`,
        `Ссылка действует до ${formatDateTime(f.expiresAt, f.timeZone)} и только один раз.`,
      ),
      "Ссылка личная: не пересылайте её другим людям. Если вы не регистрировались, ничего делать не нужно — без перехода по ссылке доступ к учётной записи никто не получит.",
    ),
  };
}

/** An administrator invited a staff member (issue 11): the link sets the password of the new account. */
export function staffInvitationMessage(f: AccountClaimFacts & { departmentName: string; roleLabel: string }): Message {
  return {
    title: "Приглашение в систему «Регламент»: задайте пароль",
    body: paragraphs(
      greeting(),
      `Администратор пригласил вас в систему «Регламент» как сотрудника подразделения «${f.departmentName}» (роль: ${f.roleLabel.toLowerCase()}).`,
      lines(
        `Чтобы задать пароль и войти, перейдите по ссылке: ${f.link}`,
        `Ссылка действует до ${formatDateTime(f.expiresAt, f.timeZone)} и только один раз. Если она устареет, попросите администратора прислать новую.`,
      ),
      "Ссылка личная: не пересылайте её другим людям. Если вы не ждали этого письма, ничего делать не нужно — без перехода по ссылке доступ к учётной записи никто не получит.",
    ),
  };
}

/** Sent on registration with an address that has no account yet: the link proves the mailbox. */
export function registrationConfirmMessage(f: AccountClaimFacts): Message {
  return {
    title: "Подтвердите адрес электронной почты, чтобы завершить регистрацию",
    body: paragraphs(
      greeting(),
      "С этим адресом электронной почты зарегистрировались на портале муниципальных услуг.",
      lines(
        `Чтобы подтвердить адрес, задать пароль и войти в личный кабинет, перейдите по ссылке: ${f.link}`,
        `Ссылка действует до ${formatDateTime(f.expiresAt, f.timeZone)} и только один раз.`,
      ),
      "Ссылка личная: не пересылайте её другим людям. Если вы не регистрировались, ничего делать не нужно — без перехода по ссылке учётная запись не будет создана.",
    ),
  };
}

/**
 * Sent on registration with an address that already has an account: the page answers every
 * registration alike, so the registrant learns about the account only by reading this mailbox.
 */
export function accountExistsMessage(f: { signInUrl: string; resetUrl: string }): Message {
  return {
    title: "Попытка регистрации с вашим адресом электронной почты",
    body: paragraphs(
      greeting(),
      "С этим адресом электронной почты пытались зарегистрироваться на портале муниципальных услуг, но учётная запись с этим адресом уже есть.",
      lines(`Войти: ${f.signInUrl}`, `Если вы не помните пароль, восстановите его: ${f.resetUrl}`),
      "Если вы не регистрировались, ничего делать не нужно: ваша учётная запись не изменилась.",
    ),
  };
}

/** The one-time link of "Забыли пароль?". */
export function passwordResetMessage(f: AccountClaimFacts): Message {
  return {
    title: "Восстановление пароля",
    body: paragraphs(
      greeting(),
      "Для вашей учётной записи на портале муниципальных услуг запросили восстановление пароля.",
      lines(
        `Чтобы задать новый пароль, перейдите по ссылке: ${f.link}`,
        `Ссылка действует до ${formatDateTime(f.expiresAt, f.timeZone)} и только один раз.`,
      ),
      "После смены пароля вход будет завершён на всех устройствах. Если вы не запрашивали восстановление, ничего делать не нужно: пароль останется прежним.",
    ),
  };
}

export type DraftExpiringFacts = Zoned & {
  recipientName?: string | null;
  serviceTitle: string;
  /** When the unsent draft will be deleted. */
  purgeAt: Date;
  draftUrl: string;
};

export function draftExpiringMessage(f: DraftExpiringFacts): Message {
  const purge = formatDate(f.purgeAt, f.timeZone);
  return {
    title: `Черновик заявления будет удалён ${purge}`,
    body: paragraphs(
      greeting(f.recipientName),
      `Черновик заявления на предоставление услуги «${f.serviceTitle}» не был отправлен. ${purge} он будет удалён вместе с введёнными данными и приложенными файлами.`,
      `Чтобы продолжить заполнение и подать заявление, откройте черновик: ${f.draftUrl}`,
      "Если заявление больше не нужно, ничего делать не требуется.",
    ),
  };
}

export type BookingFacts = Zoned & {
  recipientName?: string | null;
  serviceTitle: string;
  at: Date;
  place: string;
  cabinetUrl: string;
};

export function bookingConfirmedMessage(f: BookingFacts): Message {
  const date = formatDate(f.at, f.timeZone);
  const time = formatTime(f.at, f.timeZone);
  return {
    title: `Запись на приём ${date} в ${time}`,
    body: paragraphs(
      greeting(f.recipientName),
      `Вы записаны на приём по услуге «${f.serviceTitle}».`,
      lines(`Дата: ${date}`, `Время: ${time}`, `Место: ${f.place}`),
      "Пожалуйста, возьмите с собой документ, удостоверяющий личность, и документы, необходимые для предоставления услуги.",
      `Если вы не сможете прийти, отмените запись в личном кабинете: ${f.cabinetUrl}`,
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// Staff: deadline control (R4, S0 p.6, p.10)
// ---------------------------------------------------------------------------------------------

export type DeadlineFacts = Zoned & {
  recipientName?: string | null;
  registrationNumber: string;
  serviceTitle: string;
  stageTitle: string;
  dueAt: Date;
  /** Counted over a year without its decree (issue 11): the date is marked «предварительно». */
  dueProvisional?: boolean;
  /** Full name of the assigned executor; null when nobody is assigned yet. */
  executorName: string | null;
  /** The application's card in the staff workspace. */
  applicationUrl: string;
};

const executorLine = (name: string | null) => `Исполнитель: ${name?.trim() || "не назначен"}`;

export function deadlineDueSoonMessage(f: DeadlineFacts & { workingDaysLeft?: number | null }): Message {
  const left =
    f.workingDaysLeft == null
      ? null
      : f.workingDaysLeft <= 0
        ? "Срок истекает сегодня."
        : `Осталось: ${formatDuration({ value: f.workingDaysLeft, unit: "working_days" })}.`;
  return {
    title: `Истекает срок этапа «${f.stageTitle}» по заявлению № ${f.registrationNumber}`,
    body: paragraphs(
      greeting(f.recipientName),
      `Срок выполнения этапа «${f.stageTitle}» по заявлению № ${f.registrationNumber} (услуга «${f.serviceTitle}») истекает ${endSentence(withProvisional(formatDate(f.dueAt, f.timeZone), f.dueProvisional))}${left ? ` ${left}` : ""}`,
      executorLine(f.executorName),
      `Карточка заявления: ${f.applicationUrl}`,
    ),
  };
}

export function deadlineBreachedMessage(f: DeadlineFacts): Message {
  return {
    title: `Нарушен срок этапа «${f.stageTitle}» по заявлению № ${f.registrationNumber}`,
    body: paragraphs(
      greeting(f.recipientName),
      `Срок выполнения этапа «${f.stageTitle}» по заявлению № ${f.registrationNumber} (услуга «${f.serviceTitle}») истёк ${formatDate(f.dueAt, f.timeZone)}, этап не завершён.`,
      executorLine(f.executorName),
      "Пожалуйста, примите меры к завершению этапа.",
      `Карточка заявления: ${f.applicationUrl}`,
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// E-mail
// ---------------------------------------------------------------------------------------------

/**
 * The e-mail text of a notification: its body and a signature that says the letter is automatic,
 * so that nobody waits for an answer to a reply sent to a no-reply address.
 */
export function emailText(body: string, baseUrl: string): string {
  return `${body}\n\n-- \nЭто письмо отправлено автоматически системой «Регламент» (${baseUrl}). Отвечать на него не нужно.`;
}
