// "Фамилия Имя Отчество" from a user row; the patronymic is optional.
export type PersonNameParts = { lastName: string; firstName: string; middleName?: string | null };

export function personName(u: PersonNameParts): string {
  return [u.lastName, u.firstName, u.middleName].filter(Boolean).join(" ");
}
