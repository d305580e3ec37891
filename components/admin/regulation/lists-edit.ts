// Rules of the grounds and channels sections that look at more than the item edited (issue 10 p.2):
// what depends on a refusal ground or a delivery channel before it is removed, and which delivery
// codes are still free. Framework-free; tested in lists-edit.test.ts.
import {
  DELIVERY,
  fieldWithRole,
  optionDelivery,
  type Delivery,
  type RegulationDocument,
} from "@/server/regulation/document";
import { transitionsNeedingGrounds } from "./process-edit";

/** The question asked before removing ground `index` of a list, or null when nothing depends on it. */
export function groundRemovalQuestion(
  doc: Pick<RegulationDocument, "transitions" | "serviceRefusalGrounds" | "intakeRefusalGrounds">,
  list: "service" | "intake",
  index: number,
): string | null {
  const grounds = list === "service" ? doc.serviceRefusalGrounds : doc.intakeRefusalGrounds;
  if (grounds.length !== 1 || index !== 0) return null;
  const needing = transitionsNeedingGrounds(doc, list);
  if (!needing.length) return null;
  return `Это последнее основание в перечне. Переходы ${needing.map((t) => `«${t.title || t.key}»`).join(", ")} требуют оснований из него: после удаления такой отказ станет невозможен, пока не будет добавлено основание или изменён переход. Удалить?`;
}

export const DELIVERY_LABEL: Record<Delivery, string> = {
  cabinet: "В личный кабинет на портале",
  email: "На электронную почту",
  post: "Почтовым отправлением",
  in_person: "Лично в администрации",
  mfc: "Лично в МФЦ",
};

/** The delivery codes not yet offered, in DELIVERY's order. */
export function freeDeliveryCodes(doc: Pick<RegulationDocument, "deliveryChannels">, except?: number): Delivery[] {
  const used = new Set(doc.deliveryChannels.filter((_, i) => i !== except).map((c) => c.code));
  return DELIVERY.filter((c) => !used.has(c));
}

/** The question before removing a delivery channel that a choice of the form's delivery field stands for. */
export function deliveryRemovalQuestion(doc: RegulationDocument, index: number): string | null {
  const channel = doc.deliveryChannels[index];
  const field = fieldWithRole(doc, "deliveryChannel");
  if (!channel || !field) return null;
  const options = (field.options ?? []).filter((o) => optionDelivery(o) === channel.code);
  if (!options.length) return null;
  return `Вариант ${options.map((o) => `«${o.label}»`).join(", ")} поля «${field.label}» означает этот способ получения. После удаления способа этот вариант нужно будет убрать из формы или сопоставить с другим способом. Удалить?`;
}
