// The end of a sentence whose last word may be an abbreviation: a date ends in «г.» («1 апреля 2026
// г.»), and a full stop after it printed «г..» (issue 16 p.9). Client-safe.

/** The text with one full stop at its end, never two. */
export const sentence = (text: string): string => (text.endsWith(".") ? text : `${text}.`);

/**
 * What follows a colon starts in lower case (issue 16 p.9): «Сервер …» → «сервер …», while an
 * abbreviation keeps its capitals («СНИЛС …», «МФЦ …») and a quotation its own case.
 */
export function afterColon(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? `${text.charAt(0).toLocaleLowerCase("ru")}${text.slice(1)}` : text;
}

/**
 * A message that names its field (issue 16 p.5, an error summary read out of context): «Дата
 * окончания: укажите дату», unless the message names the field itself already; `record`: the
 * number of the group's record the field is in («Дата рождения (запись 2): …»).
 */
export function namedMessage(label: string, message: string, record?: number): string {
  const name = label.trim();
  const where = record ? ` (запись ${record})` : "";
  if (!name || message.includes(`«${name}»`) || message.startsWith(name))
    return record ? `Запись ${record}: ${message}` : message;
  return `${name}${where}: ${afterColon(message)}`;
}
