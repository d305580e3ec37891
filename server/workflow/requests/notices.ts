// Texts of the inter-agency answer notices (S0 p.6, p.11; R5): a warning to the official who sent
// the request when the answer is due soon, and an escalation to the heads of the department when it
// is overdue. Kept beside the requests (the shared templates are another module's).
import { formatDate } from "../../format/dates";

export type RequestNoticeFacts = {
  recipientName: string;
  registrationNumber: string;
  serviceTitle: string;
  agency: string;
  sentAt: Date;
  dueAt: Date;
  senderName: string | null;
  applicationUrl: string;
};

const lines = (...parts: (string | null)[]) => parts.filter((p): p is string => !!p).join("\n\n");
const greeting = (name: string) => (name.trim() ? `Здравствуйте, ${name.trim()}!` : "Здравствуйте!");

export function requestDueSoonMessage(f: RequestNoticeFacts) {
  return {
    title: `Истекает срок ответа на межведомственный запрос по заявлению № ${f.registrationNumber}`,
    body: lines(
      greeting(f.recipientName),
      `Ответ организации «${f.agency}» на запрос от ${formatDate(f.sentAt)} по заявлению № ${f.registrationNumber} (услуга «${f.serviceTitle}») должен поступить не позднее ${formatDate(f.dueAt)}; ответ ещё не получен.`,
      `Карточка заявления: ${f.applicationUrl}`,
    ),
  };
}

export function requestOverdueMessage(f: RequestNoticeFacts) {
  return {
    title: `Просрочен ответ на межведомственный запрос по заявлению № ${f.registrationNumber}`,
    body: lines(
      greeting(f.recipientName),
      `Срок ответа организации «${f.agency}» на запрос от ${formatDate(f.sentAt)} по заявлению № ${f.registrationNumber} (услуга «${f.serviceTitle}») истёк ${formatDate(f.dueAt)}, ответ не получен.`,
      `Запрос направил: ${f.senderName?.trim() || "не указан"}`,
      "Пожалуйста, примите меры к получению ответа.",
      `Карточка заявления: ${f.applicationUrl}`,
    ),
  };
}
