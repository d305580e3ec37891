// Texts of the complaint notices (R19, R21; 210-FZ art. 11.2): the registration with its term, the
// decision sent to the complainant (the letter attached), and the monitor's warning and escalation
// to the head. Kept beside the complaints (the shared templates are another module's).
import { formatDate } from "../format/dates";

const lines = (...parts: (string | null | undefined | false)[]) =>
  parts.filter((p): p is string => !!p && p.trim() !== "").join("\n\n");
const greeting = (name?: string | null) => (name?.trim() ? `Здравствуйте, ${name.trim()}!` : "Здравствуйте!");

export function complaintRegisteredMessage(f: {
  recipientName?: string | null;
  number: string;
  registeredAt: Date;
  dueAt: Date;
  subjectLabel: string;
  applicationNumber: string | null;
  cabinetUrl: string | null;
}) {
  return {
    title: `Жалоба № ${f.number} зарегистрирована`,
    body: lines(
      greeting(f.recipientName),
      `Ваша жалоба (${f.subjectLabel.toLowerCase()})${f.applicationNumber ? ` по заявлению № ${f.applicationNumber}` : ""} зарегистрирована ${formatDate(f.registeredAt)} под номером ${f.number}.`,
      `Она будет рассмотрена не позднее ${formatDate(f.dueAt)}; решение направим Вам в письменной форме и по электронной почте.`,
      f.cabinetUrl ? `Жалоба в личном кабинете: ${f.cabinetUrl}` : null,
    ),
  };
}

export function complaintDecidedMessage(f: {
  recipientName?: string | null;
  number: string;
  outcome: "UPHELD" | "REJECTED";
  decisionText: string;
  remedy: string | null;
  cabinetUrl: string | null;
}) {
  return {
    title: `Решение по жалобе № ${f.number}: ${f.outcome === "UPHELD" ? "жалоба удовлетворена" : "в удовлетворении отказано"}`,
    body: lines(
      greeting(f.recipientName),
      f.outcome === "UPHELD"
        ? `Ваша жалоба № ${f.number} удовлетворена.`
        : `В удовлетворении Вашей жалобы № ${f.number} отказано.`,
      `Мотивы решения: ${f.decisionText}`,
      f.outcome === "UPHELD" && f.remedy ? `Меры по устранению нарушения: ${f.remedy}` : null,
      "Письмо с решением приложено к этому сообщению. Решение может быть обжаловано в судебном порядке.",
      f.cabinetUrl ? `Жалоба в личном кабинете: ${f.cabinetUrl}` : null,
    ),
  };
}

type MonitorFacts = {
  recipientName: string;
  number: string;
  subjectLabel: string;
  registeredAt: Date;
  dueAt: Date;
  url: string;
};

export function complaintDueSoonMessage(f: MonitorFacts) {
  return {
    title: `Истекает срок рассмотрения жалобы № ${f.number}`,
    body: lines(
      greeting(f.recipientName),
      `Жалоба № ${f.number} (${f.subjectLabel.toLowerCase()}) от ${formatDate(f.registeredAt)} должна быть рассмотрена не позднее ${formatDate(f.dueAt)}; решение ещё не принято.`,
      `Жалоба: ${f.url}`,
    ),
  };
}

export function complaintOverdueMessage(f: MonitorFacts) {
  return {
    title: `Нарушен срок рассмотрения жалобы № ${f.number}`,
    body: lines(
      greeting(f.recipientName),
      `Срок рассмотрения жалобы № ${f.number} (${f.subjectLabel.toLowerCase()}) от ${formatDate(f.registeredAt)} истёк ${formatDate(f.dueAt)}, решение не принято.`,
      "Пожалуйста, примите решение и направьте его заявителю.",
      `Жалоба: ${f.url}`,
    ),
  };
}
