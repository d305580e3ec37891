// The input of the deadline simulator (issue 10 p.5): client-safe, parsed by the simulator section and
// by regulation.simulate alike.
import { z } from "zod";
import { zId } from "../ids";
import { zChannel } from "./document";
import { zDocumentJson } from "./editions/schema";

/** The receipt instants the simulator counts from: the calendar knows 1900-9999, an administrator means these. */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

export const zSimulateInput = z.object({
  /** The edition being edited: its service's department gives the reception hours for minute terms. */
  editionId: zId(),
  /** The document as the editor holds it: unsaved changes count. */
  document: zDocumentJson,
  channel: zChannel,
  receivedAt: z.coerce
    .date("Укажите дату и время поступления заявления")
    .refine(
      (d) => d.getUTCFullYear() >= FIRST_YEAR && d.getUTCFullYear() <= LAST_YEAR,
      `Дата поступления: с ${FIRST_YEAR} по ${LAST_YEAR} год`,
    ),
});
export type SimulateInput = z.input<typeof zSimulateInput>;
