// Who the applicant is, read through the field roles of the pinned regulation (R16), never through
// field keys: administrators define their own forms. One place for the board, the staff card, the
// receipt, result letters and issuing, so they cannot disagree about a name or an address.
// Pure: no Prisma, no clock.
import {
  fieldWithRole,
  optionDelivery,
  type Delivery,
  type FieldRole,
  type RegulationDocument,
} from "../regulation/document";
import { personName, type PersonNameParts } from "../people";

/** The account that owns the application: the fallback for what the form does not say. */
export type ApplicantOwner = PersonNameParts & { email?: string | null; phone?: string | null };

export type Applicant = {
  /** The organisation's name for a legal entity, else the person's full name, else the owner's name. */
  name: string;
  legalEntity: boolean;
  /** The postal address, with the index in front when the form asks for it separately. */
  address: string | null;
  legalAddress: string | null;
  /** The e-mail given in the form, else the owner's. */
  email: string | null;
  /** The phone given in the form, else the owner's. */
  phone: string | null;
  /** The delivery channel the applicant chose (R10); null when the form has none or it is not chosen. */
  delivery: Delivery | null;
  /** The representative's full name when a representative applies. */
  representative: string | null;
};

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() ? value.trim() : null;
}

function fullName(value: unknown): string | null {
  if (!value || typeof value !== "object") return null;
  const v = value as Record<string, unknown>;
  const parts = {
    lastName: text(v.lastName) ?? "",
    firstName: text(v.firstName) ?? "",
    middleName: text(v.middleName),
  };
  return parts.lastName || parts.firstName ? personName(parts) : null;
}

export function applicantOf(doc: Pick<RegulationDocument, "form">, data: unknown, owner: ApplicantOwner): Applicant {
  const values = data && typeof data === "object" ? (data as Record<string, unknown>) : {};
  const valueOf = (role: FieldRole) => {
    const field = fieldWithRole(doc, role);
    return field ? { field, value: values[field.key] } : undefined;
  };

  const person = fullName(valueOf("applicantName")?.value);
  const organisation = text(valueOf("organisationName")?.value);
  const kind = valueOf("applicantKind");
  // Without a kind, a form that gives only an organisation's name is a legal entity's.
  const legalEntity = kind
    ? !!kind.field.options?.find((o) => o.value === kind.value)?.legalEntity
    : organisation !== null && person === null;
  const name = (legalEntity ? (organisation ?? person) : person) ?? personName(owner);

  const address = text(valueOf("postalAddress")?.value);
  const index = text(valueOf("postalIndex")?.value);
  const channel = valueOf("deliveryChannel");
  const chosen = channel?.field.options?.find((o) => o.value === channel.value);
  const representing = valueOf("representative");

  return {
    name,
    legalEntity,
    address: address && index && !address.includes(index) ? `${index}, ${address}` : address,
    legalAddress: text(valueOf("legalAddress")?.value),
    email: text(valueOf("email")?.value) ?? text(owner.email),
    phone: text(valueOf("phone")?.value) ?? text(owner.phone),
    delivery: chosen ? (optionDelivery(chosen) ?? null) : null,
    representative:
      !representing || representing.value === true ? fullName(valueOf("representativeName")?.value) : null,
  };
}
