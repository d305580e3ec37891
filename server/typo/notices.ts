// Texts of the typo-correction notices (R19; S2 p.72): the registration with both terms, the answer
// that there is no error (the corrected document itself is announced by the result's own notice when
// it is issued), and the monitor's warning and escalation.
import { formatDate } from "../format/dates";
import { sentence } from "../format/sentence";

const lines = (...parts: (string | null | undefined | false)[]) =>
  parts.filter((p): p is string => !!p && p.trim() !== "").join("\n\n");
const greeting = (name?: string | null) => (name?.trim() ? `Здравствуйте, ${name.trim()}!` : "Здравствуйте!");

export function typoRegisteredMessage(f: {
  number: string;
  documentTitle: string;
  outgoingNumber: string | null;
  registeredAt: Date;
  checkDueAt: Date;
  fixDueAt: Date;
  cabinetUrl: string;
}) {
  return {
    title: `Заявление об исправлении опечатки № ${f.number} зарегистрировано`,
    body: lines(
      greeting(),
      `Ваше заявление об исправлении опечаток и ошибок в документе «${f.documentTitle}»${f.outgoingNumber ? ` (исх. № ${f.outgoingNumber})` : ""} зарегистрировано ${formatDate(f.registeredAt)} под номером ${f.number}.`,
      sentence(
        `Проверка будет проведена не позднее ${formatDate(f.checkDueAt)}; исправленный документ или ответ об отсутствии опечаток Вы получите не позднее ${formatDate(f.fixDueAt)}`,
      ),
      `Заявление в личном кабинете: ${f.cabinetUrl}`,
    ),
  };
}

export function typoDecidedMessage(f: {
  recipientName?: string | null;
  number: string;
  corrected: boolean;
  reasons: string;
  cabinetUrl: string;
}) {
  return {
    title: `Ответ на заявление об исправлении опечатки № ${f.number}`,
    body: lines(
      greeting(f.recipientName),
      `По результатам проверки по Вашему заявлению № ${f.number} опечаток и ошибок в выданном документе не выявлено.`,
      `Основания: ${f.reasons}`,
      "Письмо с ответом приложено к этому сообщению.",
      `Заявление в личном кабинете: ${f.cabinetUrl}`,
    ),
  };
}

/** `what`: the term in the genitive, «проверки сведений». */
export function typoDueSoonMessage(f: {
  recipientName: string;
  number: string;
  what: string;
  dueAt: Date;
  url: string;
}) {
  return {
    title: `Истекает срок по заявлению об исправлении опечатки № ${f.number}`,
    body: lines(
      greeting(f.recipientName),
      sentence(`Срок ${f.what} по заявлению № ${f.number} истекает ${formatDate(f.dueAt)}`),
      `Заявление: ${f.url}`,
    ),
  };
}

export function typoOverdueMessage(f: {
  recipientName: string;
  number: string;
  what: string;
  dueAt: Date;
  url: string;
}) {
  return {
    title: `Нарушен срок по заявлению об исправлении опечатки № ${f.number}`,
    body: lines(
      greeting(f.recipientName),
      sentence(`Срок ${f.what} по заявлению № ${f.number} истёк ${formatDate(f.dueAt)}`),
      "Пожалуйста, примите меры.",
      `Заявление: ${f.url}`,
    ),
  };
}
