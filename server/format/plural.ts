// The Russian plural, one rule for every count the app prints (forms, board, deadline pages,
// e-mails). Client-safe.

/**
 * The form of a noun that agrees with `n`: plural(1, ["заявление", "заявления", "заявлений"]) →
 * "заявление", 2..4 → "заявления", 5..20 and 0 → "заявлений"; 11..14 take the third form whatever
 * their last digit (111, 112 too), 21 the first, 22 the second.
 */
export function plural(n: number, forms: readonly [one: string, few: string, many: string]): string {
  const n100 = Math.abs(n) % 100;
  const n10 = n100 % 10;
  if (n100 > 10 && n100 < 20) return forms[2];
  if (n10 === 1) return forms[0];
  if (n10 >= 2 && n10 <= 4) return forms[1];
  return forms[2];
}

/** "5 заявлений": the number with its agreeing noun. */
export const countOf = (n: number, forms: readonly [string, string, string]) => `${n} ${plural(n, forms)}`;
