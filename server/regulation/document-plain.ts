// The part of the regulation document (./document.ts) the browser needs, without zod: the wording of
// durations and the identifier field types. document.ts re-exports all of it; a browser module
// importing document.ts would take its zod schemas (and zod itself) into the page (issue 13 p.6).
import { plural } from "../format/plural";

/** R7: deadlines are in working days, calendar days or minutes (document.ts: zDuration). */
export type Duration = { value: number; unit: "working_days" | "calendar_days" | "working_minutes" };

export const DURATION_UNIT_LABEL: Record<Duration["unit"], [string, string, string]> = {
  working_days: ["рабочий день", "рабочих дня", "рабочих дней"],
  calendar_days: ["календарный день", "календарных дня", "календарных дней"],
  working_minutes: ["минута", "минуты", "минут"],
};

/** The same nouns in the genitive, as «в течение» and «не позднее» govern them (1 рабочего дня, 2 рабочих дней). */
const DURATION_UNIT_GENITIVE: Record<Duration["unit"], [string, string, string]> = {
  working_days: ["рабочего дня", "рабочих дней", "рабочих дней"],
  calendar_days: ["календарного дня", "календарных дней", "календарных дней"],
  working_minutes: ["минуты", "минут", "минут"],
};

/** Codes made of digits: checked by their own rules (./identifiers.ts), typed on a digit keypad. */
export const IDENTIFIER_FIELD_TYPES = [
  "snils",
  "inn",
  "inn_legal",
  "inn_person",
  "ogrn",
  "ogrnip",
  "passport",
  "postal_index",
] as const;

/** Russian plural for durations: 1 рабочий день, 2 рабочих дня, 5 рабочих дней. */
export function formatDuration(d: Duration): string {
  return `${d.value} ${plural(d.value, DURATION_UNIT_LABEL[d.unit])}`;
}

/**
 * A term within which something is done, as the regulations word it (issue 12, S1 p.33, S2 p.70):
 * «в течение 1 рабочего дня», «в течение 2 рабочих дней», «в течение 15 минут»; a zero term is
 * «в день поступления».
 */
export function formatWithin(d: Duration): string {
  if (d.value === 0) return "в день поступления";
  return `в течение ${d.value} ${plural(d.value, DURATION_UNIT_GENITIVE[d.unit])}`;
}

/** An upper bound, in the genitive «не более» governs: «не более 1 минуты», «не более 15 минут» (issue 12). */
export function formatAtMost(d: Duration): string {
  return `не более ${d.value} ${plural(d.value, DURATION_UNIT_GENITIVE[d.unit])}`;
}

/**
 * How a result goes to the applicant, as an adverbial phrase («направить в личный кабинет», «выдать
 * лично»): one wording for the staff's dialogs, the event history and the regulation editor. Keyed
 * by the Delivery codes of ./document.ts.
 */
export const DELIVERY_WAY: Record<"cabinet" | "email" | "post" | "in_person" | "mfc", string> = {
  cabinet: "в личный кабинет",
  email: "по электронной почте",
  post: "почтой",
  in_person: "лично",
  mfc: "через МФЦ",
};
