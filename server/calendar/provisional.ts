// The mark of a due date counted over a year without its decree on transferring days off (issue 11):
// shown beside the date on the card, the board, the deadlines page, the cabinet and in notifications.
// Client-safe.

export const PROVISIONAL_LABEL = "предварительно";

export const PROVISIONAL_HINT =
  "Срок рассчитан по календарю без постановления Правительства о переносе выходных дней и будет пересчитан, когда оно будет загружено";

/** "до 15.01.2027 включительно" → "до 15.01.2027 включительно (предварительно)" in plain texts. */
export function withProvisional(text: string, provisional: boolean | null | undefined): string {
  return provisional ? `${text} (${PROVISIONAL_LABEL})` : text;
}
