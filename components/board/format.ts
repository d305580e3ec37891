// Date and word forms used by the board and the card. Dates are in the municipality's zone
// (see components/ui/format.ts for where the zone comes from).
import { formatDate, formatDateTime } from "@/components/ui/format";

export { formatDate, formatDateTime };

/** Russian plural: plural(5, ["заявление", "заявления", "заявлений"]) → "заявлений". */
export function plural(n: number, forms: readonly [string, string, string]): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return forms[0];
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return forms[1];
  return forms[2];
}

export const applicationsCount = (n: number) => `${n} ${plural(n, ["заявление", "заявления", "заявлений"])}`;

export const numberLabel = (registrationNumber: string | null) => (registrationNumber ? `№ ${registrationNumber}` : "без номера");
