// Word forms used by the board and the card (dates: components/ui/format.ts).
import { countOf } from "@/server/format/plural";

/** A column's count; `capped`: the server stopped counting at `n` (issue 13 p.2). */
export const applicationsCount = (n: number, capped = false) =>
  capped ? `более ${n.toLocaleString("ru-RU")} заявлений` : countOf(n, ["заявление", "заявления", "заявлений"]);

export const numberLabel = (registrationNumber: string | null) =>
  registrationNumber ? `№ ${registrationNumber}` : "без номера";
