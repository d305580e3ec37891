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

/** The user's columns profileFrom reads (a Prisma select). */
export const PROFILE_SELECT = {
  lastName: true,
  firstName: true,
  middleName: true,
  email: true,
  phone: true,
  profile: true,
} as const;

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

/** Profile sources that say who a person is: theirs, not the applicant's, when they come as a representative. */
const IDENTIFYING = new Set<FieldDef["prefill"]>([
  "fullName",
  "lastName",
  "firstName",
  "middleName",
  "snils",
  "birthDate",
  "passport",
  "inn",
]);

/** Equal as typed: spaces, hyphens and case aside («112-233-445 95» is «11223344595»); a name part by part. */
function sameValue(a: unknown, b: unknown): boolean {
  const plain = (v: unknown) =>
    String(v ?? "")
      .replace(/[\s()-]/g, "")
      .toLowerCase();
  if (!a || !b || typeof a !== "object" || typeof b !== "object") return plain(a) === plain(b);
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => plain((a as Record<string, unknown>)[k]) === plain((b as Record<string, unknown>)[k]));
}

function emptyLike(v: unknown): unknown {
  if (v && typeof v === "object" && !Array.isArray(v)) return Object.fromEntries(Object.keys(v).map((k) => [k, ""]));
  return "";
}

/**
 * Issue 16 p.6: the signed-in person ticks «Я представитель заявителя». The form was prefilled from
 * their profile as if they were the applicant; the fields that identify the applicant (name, SNILS,
 * passport, …) still holding exactly the profile's values are emptied for the represented person's
 * data, and filled back from the profile when the tick is taken off and they are still empty. The
 * representative's own fields (shown only for a representative) keep the profile. Returns the
 * changes to apply, by field key.
 */
export function representativeSwap(
  steps: StepDef[],
  values: Record<string, unknown>,
  profileValues: Record<string, unknown>,
  representative: boolean,
): Record<string, unknown> {
  const fields = steps.filter((s) => s.section !== "co_applicant").flatMap((s) => s.fields);
  const tick = fields.find((f) => f.role === "representative");
  if (!tick) return {};
  const changes: Record<string, unknown> = {};
  for (const f of fields) {
    if (!IDENTIFYING.has(f.prefill) || f.role === "representativeName" || f.showIf?.field === tick.key) continue;
    const profile = profileValues[f.key];
    if (profile === undefined) continue;
    const current = values[f.key];
    if (representative && sameValue(current, profile)) changes[f.key] = emptyLike(profile);
    else if (!representative && (current === undefined || sameValue(current, emptyLike(profile))))
      changes[f.key] = profile;
  }
  return changes;
}
