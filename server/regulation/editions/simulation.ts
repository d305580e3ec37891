// regulation.simulate (issue 10 p.5): the deadline simulator over the municipality's calendar and the
// reception hours of the service's department, for the document as the editor holds it.
import "server-only";
import type { Db } from "../../db/client";
import { loadWorkingCalendar } from "../../calendar/data";
import { departmentHours } from "../../organisation/hours/data";
import { parseForSimulation, simulateDeadlines } from "../simulator";
import type { z } from "zod";
import type { zSimulateInput } from "../simulator-schema";
import { editionForAdmin } from "./data";

export async function simulateEdition(db: Db, input: z.output<typeof zSimulateInput>) {
  const edition = await editionForAdmin(db, input.editionId);
  const parsed = parseForSimulation(input.document);
  if (!parsed.ok) return parsed;
  const [calendar, department] = await Promise.all([
    loadWorkingCalendar(db),
    departmentHours(db, edition.service.department.id),
  ]);
  return simulateDeadlines(parsed.document, calendar, {
    channel: input.channel,
    receivedAt: input.receivedAt,
    hours: department.hours,
  });
}
