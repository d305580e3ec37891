// Word forms used by the board and the card (dates: components/ui/format.ts).
import { countOf } from "@/server/format/plural";

export const applicationsCount = (n: number) => countOf(n, ["заявление", "заявления", "заявлений"]);

export const numberLabel = (registrationNumber: string | null) =>
  registrationNumber ? `№ ${registrationNumber}` : "без номера";
