// Reads of regulation versions. The version in force at an instant is the published one with the
// latest effective-from not after it (R11); an application is pinned to it at submission.
import "server-only";
import type { Db, Tx } from "../db/client";
import { now } from "../clock";
import { zRegulationDocument, type RegulationDocument } from "./document";

export type VersionInForce = { id: string; version: number; effectiveFrom: Date | null; document: RegulationDocument };

export async function versionInForce(db: Db | Tx, serviceId: string, at: Date = now()): Promise<VersionInForce | null> {
  const row = await db.regulationVersion.findFirst({
    where: { serviceId, status: "PUBLISHED", OR: [{ effectiveFrom: null }, { effectiveFrom: { lte: at } }] },
    orderBy: [{ effectiveFrom: { sort: "desc", nulls: "last" } }, { version: "desc" }],
    select: { id: true, version: true, effectiveFrom: true, document: true },
  });
  if (!row) return null;
  // Documents were validated on publishing; parsing again applies defaults and guards old rows.
  return { ...row, document: zRegulationDocument.parse(row.document) };
}
