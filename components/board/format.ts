// Date and word forms used by the board and the card. Dates are in the municipality's zone
// (see components/ui/format.ts for where the zone comes from).
import { formatDate, formatDateTime } from "@/components/ui/format";
import { plural } from "@/server/regulation/identifiers";

export { formatDate, formatDateTime };

// The Russian plural rule lives with the other language helpers the forms use (client-safe).
export { plural };

export const applicationsCount = (n: number) => `${n} ${plural(n, ["заявление", "заявления", "заявлений"])}`;

export const numberLabel = (registrationNumber: string | null) => (registrationNumber ? `№ ${registrationNumber}` : "без номера");
