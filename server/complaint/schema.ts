// Client-safe definitions of pre-trial complaints (R21; Federal Law 210-FZ art. 11.1-11.2; S1 p.47-50,
// S2 p.74): what may be complained of, with the Russian words the forms and letters use, and the
// schemas shared by the forms (zodResolver) and the procedures.
import { z } from "zod";
import { zText } from "../text";
import { zId } from "../ids";

/**
 * The subjects of a complaint, after 210-FZ art. 11.1 (the cases the applicant may complain of).
 * `short`: 5 working days instead of 15 (art. 11.2 part 6: a refusal to accept documents, a refusal
 * to correct a typo or a missed term of the correction). `against`: whose decision or action it is
 * by default — the official who refused (the decider), or the executor in charge (the assignee).
 */
export const COMPLAINT_SUBJECTS = [
  { code: "refusal", label: "Отказ в предоставлении услуги", short: false, against: "decider" },
  { code: "intake_refusal", label: "Отказ в приёме документов", short: true, against: "decider" },
  {
    code: "deadline",
    label: "Нарушение срока предоставления услуги или регистрации заявления",
    short: false,
    against: "assignee",
  },
  {
    code: "documents_demanded",
    label: "Требование документов, не предусмотренных регламентом",
    short: false,
    against: "assignee",
  },
  {
    code: "typo_refusal",
    label: "Отказ в исправлении опечаток и ошибок или нарушение срока их исправления",
    short: true,
    against: "typo_handler",
  },
  { code: "fee", label: "Требование платы, не предусмотренной регламентом", short: false, against: "assignee" },
  { code: "other", label: "Иное нарушение порядка предоставления услуги", short: false, against: null },
] as const;

export type ComplaintSubject = (typeof COMPLAINT_SUBJECTS)[number]["code"];
const SUBJECT_CODES = COMPLAINT_SUBJECTS.map((s) => s.code) as [ComplaintSubject, ...ComplaintSubject[]];

export const COMPLAINT_SUBJECT_LABEL = Object.fromEntries(COMPLAINT_SUBJECTS.map((s) => [s.code, s.label])) as Record<
  ComplaintSubject,
  string
>;

export function subjectOf(code: string) {
  return COMPLAINT_SUBJECTS.find((s) => s.code === code);
}

export const COMPLAINT_STATUS_LABEL: Record<"REGISTERED" | "UPHELD" | "REJECTED", string> = {
  REGISTERED: "На рассмотрении",
  UPHELD: "Удовлетворена",
  REJECTED: "Отказано в удовлетворении",
};

export const COMPLAINT_TEXT_MAX = 10_000;
export const COMPLAINT_FILES_MAX = 5;
/** Attachments: the formats and size of an applicant's scan (checked by content on the server). */
export const COMPLAINT_FILE_RULE = { maxSizeMb: 10, accept: ["application/pdf", "image/jpeg", "image/png"] } as const;

const zSubject = z.enum(SUBJECT_CODES, { message: "Выберите, что вы обжалуете" });
const zComplaintText = zText()
  .trim()
  .min(1, "Опишите, с чем вы не согласны и чего просите")
  .max(COMPLAINT_TEXT_MAX, `Текст жалобы не длиннее ${COMPLAINT_TEXT_MAX} знаков`);

/** The applicant's complaint from the cabinet (the multipart route adds the files). */
export const zComplaintForm = z.object({ subject: zSubject, text: zComplaintText });

/** A complaint on paper, entered by the registrar: who complains and where to answer. */
export const zPaperComplaintForm = z.object({
  registrationNumber: zText()
    .trim()
    .max(60, "Номер заявления не длиннее 60 знаков")
    .optional()
    .transform((v) => (v ? v : undefined)),
  complainantName: zText().trim().min(1, "Укажите фамилию, имя, отчество заявителя").max(300, "Не длиннее 300 знаков"),
  complainantAddress: zText().trim().min(1, "Укажите почтовый адрес для ответа").max(500, "Не длиннее 500 знаков"),
  complainantEmail: z
    .union([z.literal(""), z.email("Адрес электронной почты указан неверно").max(254)])
    .optional()
    .transform((v) => (v ? v : undefined)),
  subject: zSubject,
  text: zComplaintText,
});

export const zComplaintId = z.object({ id: zId("Жалоба не найдена: обновите страницу") });

const zDecisionText = zText()
  .trim()
  .min(1, "Изложите мотивы решения")
  .max(COMPLAINT_TEXT_MAX, `Не длиннее ${COMPLAINT_TEXT_MAX} знаков`);

const zDecisionBase = z.object({
  outcome: z.enum(["UPHELD", "REJECTED"], { message: "Выберите решение" }),
  decisionText: zDecisionText,
  remedy: zText().trim().max(COMPLAINT_TEXT_MAX, `Не длиннее ${COMPLAINT_TEXT_MAX} знаков`).optional(),
});

function remedyRequired(v: { outcome: string; remedy?: string }, ctx: z.RefinementCtx) {
  if (v.outcome === "UPHELD" && !v.remedy?.trim())
    ctx.addIssue({
      code: "custom",
      path: ["remedy"],
      message: "Укажите, какие меры будут приняты для устранения нарушения и в какой срок",
    });
}

/**
 * The decision (210-FZ art. 11.2 part 7-8): upheld with the remedy (what will be done, by when), or
 * rejected with reasons.
 */
export const zComplaintDecisionForm = zDecisionBase.superRefine(remedyRequired);
export const zDecideComplaintInput = zDecisionBase.extend(zComplaintId.shape).superRefine(remedyRequired);
