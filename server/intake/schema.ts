// Client-safe zod schema of paper intake (R23): the `staff.registerPaper` procedure parses its input
// with it and the registrar's form (components/intake/intake-schema.ts) resolves with `.pick()`/
// `.extend()` of the same object. E-mail and phone follow the project's one rule (the application
// form's, server/regulation/identifiers.ts, as sign-in and registration do): an address the
// applicant may register with, «иванов@почта.рф» included, is never refused here.
import { z } from "zod";
import { zId } from "../ids";
import { zText } from "../text";
import { zDraftValues } from "../application/schema";
import { zOptionalPhone } from "../auth/schema";
import { validateEmail } from "../regulation/identifiers";

export const INTAKE_CHANNELS = ["IN_PERSON", "POST", "MFC", "EMAIL"] as const;
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];

export const NAME_MAX = 60;

const requiredName = (missing: string, label: string) =>
  zText(missing).trim().min(1, missing).max(NAME_MAX, `${label} — не длиннее ${NAME_MAX} символов`);

/** Empty, or an address by the application form's rule (the account is opened under it lower-cased). */
export const zOptionalEmail = zText()
  .trim()
  .superRefine((v, ctx) => {
    const problem = v === "" ? null : validateEmail(v);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/** Who brought or sent the application, by the identity document. */
export const zPaperApplicant = z.object({
  lastName: requiredName("Укажите фамилию заявителя", "Фамилия"),
  firstName: requiredName("Укажите имя заявителя", "Имя"),
  middleName: zText().trim().max(NAME_MAX, `Отчество — не длиннее ${NAME_MAX} символов`).optional(),
  email: zOptionalEmail.optional(),
  phone: zOptionalPhone.optional(),
});

export const zIntakeChannel = z.enum(INTAKE_CHANNELS, "Выберите, как поступило заявление");

/**
 * A document received on paper (issue 16 p.12): one of the regulation's documents the applicant
 * provides, with its number of sheets, as the receipt lists it (S2 p.48).
 */
export const zReceivedDocument = z.object({
  title: zText().trim().min(1, "Выберите документ из перечня регламента").max(1000, "Выберите документ из перечня"),
  sheets: z
    .number("Укажите число листов цифрами")
    .int("Число листов — целое число")
    .min(1, "Число листов — не меньше 1")
    .max(999, "Число листов — не больше 999"),
});
export type ReceivedDocument = z.infer<typeof zReceivedDocument>;

export const zRegisterPaperInput = z.object({
  serviceCode: zText().min(1, "Выберите услугу").max(64, "Выберите услугу"),
  /** The regulation's fields: checked on the server by the schema builder of the pinned version. */
  values: zDraftValues,
  channel: zIntakeChannel,
  // Not in the future: the mutation checks it against its own clock.
  receivedAt: z.coerce.date("Укажите дату и время поступления заявления"),
  submissionKey: zId("Обновите страницу и отправьте заявление ещё раз"),
  applicant: zPaperApplicant,
  /** What was handed in or enclosed (issue 16 p.12): the receipt lists these and only these. */
  documents: z.array(zReceivedDocument).max(50, "Не больше 50 документов").default([]),
});
export type RegisterPaperInput = z.input<typeof zRegisterPaperInput>;
