// Reads of regulation versions. The version in force at an instant is the published one with the
// latest effective-from not after it (R11); an application is pinned to it at submission.
import "server-only";
import type { Db, Tx } from "../db/client";
import { now } from "../clock";
import type { RegulationDocument } from "./document";
import { editionDocument } from "./document-cache";

export type VersionInForce = { id: string; version: number; effectiveFrom: Date | null; document: RegulationDocument };

export async function versionInForce(db: Db | Tx, serviceId: string, at: Date = now()): Promise<VersionInForce | null> {
  const row = await db.regulationVersion.findFirst({
    where: { serviceId, status: "PUBLISHED", OR: [{ effectiveFrom: null }, { effectiveFrom: { lte: at } }] },
    orderBy: [{ effectiveFrom: { sort: "desc", nulls: "last" } }, { version: "desc" }],
    select: { id: true, version: true, effectiveFrom: true, checksum: true },
  });
  if (!row) return null;
  // A published edition's document is read and parsed (defaults applied, old rows guarded) once per
  // process and content, not with every catalogue, board or form request (issue 13 p.3).
  const document = await editionDocument(
    row.id,
    row.checksum,
    async () =>
      (await db.regulationVersion.findUniqueOrThrow({ where: { id: row.id }, select: { document: true } })).document,
  );
  return { id: row.id, version: row.version, effectiveFrom: row.effectiveFrom, document };
}
