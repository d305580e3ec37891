// How a person's name is written, everywhere: the card, the board, letters, PDFs, the answers of a
// full_name field. Client-safe.

/** A user row or a full_name answer; the patronymic is optional (not every Russian has one). */
export type PersonNameParts = { lastName?: string | null; firstName?: string | null; middleName?: string | null };

const part = (x: unknown) => (typeof x === "string" ? x.trim() : "");
const join = (...parts: unknown[]) => parts.map(part).filter(Boolean).join(" ");

/** «Иванов Иван Иванович», «Иванов Иван» without a patronymic; "" when nothing is known. */
export function personName(u: PersonNameParts): string {
  return join(u.lastName, u.firstName, u.middleName);
}

/**
 * «Иван Иванович»: how a letter addresses the person (Здравствуйте, Иван Иванович!), the first
 * name alone without a patronymic.
 */
export function salutationName(u: Pick<PersonNameParts, "firstName" | "middleName">): string {
  return join(u.firstName, u.middleName);
}

/** The full name of a full_name answer, which may be stored as its parts or as one string. */
export function fullNameOf(value: unknown): string {
  if (typeof value === "string") return value.trim();
  if (typeof value !== "object" || value === null) return "";
  return personName(value as PersonNameParts);
}
