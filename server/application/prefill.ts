// Prefill from the identity profile (R15): before the applicant types, fields that declare a
// `prefill` source take the value from the signed-in user's profile (ESIA-compatible claims).
import type { FieldDef, StepDef } from "../regulation/document";
import { personName } from "../people";

export type IdentityProfile = {
  lastName: string;
  firstName: string;
  middleName?: string | null;
  email: string;
  phone?: string | null;
  snils?: string;
  birthDate?: string;
  passport?: string;
  address?: string;
  inn?: string;
};

function valueFor(field: FieldDef, p: IdentityProfile): unknown {
  switch (field.prefill) {
    case "fullName":
      return field.type === "full_name"
        ? { lastName: p.lastName, firstName: p.firstName, ...(p.middleName ? { middleName: p.middleName } : {}) }
        : personName(p);
    case "lastName":
      return p.lastName;
    case "firstName":
      return p.firstName;
    case "middleName":
      return p.middleName ?? undefined;
    case "email":
      return p.email;
    case "phone":
      return p.phone ?? undefined;
    case "snils":
      return p.snils;
    case "birthDate":
      return p.birthDate;
    case "passport":
      return p.passport;
    case "address":
      return p.address;
    case "inn":
      return p.inn;
    default:
      return undefined;
  }
}

/** Values for every top-level field with a prefill source; values already present are kept. */
export function prefillValues(
  steps: StepDef[],
  profile: IdentityProfile,
  existing: Record<string, unknown> = {},
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...existing };
  for (const step of steps) {
    if (step.section === "co_applicant") continue;
    for (const field of step.fields) {
      if (!field.prefill || out[field.key] !== undefined) continue;
      const v = valueFor(field, profile);
      if (v !== undefined && v !== "") out[field.key] = v;
    }
  }
  return out;
}

export function profileFrom(user: {
  lastName: string;
  firstName: string;
  middleName: string | null;
  email: string;
  phone: string | null;
  profile: unknown;
}): IdentityProfile {
  const extra = (user.profile && typeof user.profile === "object" ? user.profile : {}) as Record<string, unknown>;
  const str = (k: string) => (typeof extra[k] === "string" ? (extra[k] as string) : undefined);
  return {
    lastName: user.lastName,
    firstName: user.firstName,
    middleName: user.middleName,
    email: user.email,
    phone: user.phone,
    snils: str("snils"),
    birthDate: str("birthDate"),
    passport: str("passport"),
    address: str("address"),
    inn: str("inn"),
  };
}
