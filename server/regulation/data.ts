// Reads of regulation versions. The version in force at an instant is the published one with the
// latest effective-from not after it (R11); an application is pinned to it at submission.
import "server-only";
import type { Db, Tx } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { now } from "../clock";
import type { RegulationDocument } from "./document";
import { editionDocument } from "./document-cache";

export type VersionInForce = { id: string; version: number; effectiveFrom: Date | null; document: RegulationDocument };

/** Published and in effect at `at`; the latest effective date first, then the highest number (R11). */
const inEffect = (at: Date): Prisma.RegulationVersionWhereInput => ({
  status: "PUBLISHED",
  OR: [{ effectiveFrom: null }, { effectiveFrom: { lte: at } }],
});
const LATEST_FIRST: Prisma.RegulationVersionOrderByWithRelationInput[] = [
  { effectiveFrom: { sort: "desc", nulls: "last" } },
  { version: "desc" },
];
const editionSelect = { id: true, version: true, effectiveFrom: true, checksum: true } as const;

/**
 * A published edition's document is read and parsed (defaults applied, old rows guarded) once per
 * process and content, not with every catalogue, board or form request (issue 13 p.3).
 */
async function withDocument(
  db: Db | Tx,
  row: { id: string; version: number; effectiveFrom: Date | null; checksum: string },
): Promise<VersionInForce> {
  const document = await editionDocument(
    row.id,
    row.checksum,
    async () =>
      (await db.regulationVersion.findUniqueOrThrow({ where: { id: row.id }, select: { document: true } })).document,
  );
  return { id: row.id, version: row.version, effectiveFrom: row.effectiveFrom, document };
}

export async function versionInForce(db: Db | Tx, serviceId: string, at: Date = now()): Promise<VersionInForce | null> {
  const row = await db.regulationVersion.findFirst({
    where: { serviceId, ...inEffect(at) },
    orderBy: LATEST_FIRST,
    select: editionSelect,
  });
  return row ? withDocument(db, row) : null;
}

/**
 * The editions in force of several services by one query, for the lists that show many services (the
 * catalogue, the board's columns, the services taking appointments): one query per service grew with
 * a region's catalogue (issue 13). The same rule as versionInForce; a service without one is absent.
 */
export async function versionsInForce(
  db: Db | Tx,
  serviceIds: readonly string[],
  at: Date = now(),
): Promise<Map<string, VersionInForce>> {
  if (serviceIds.length === 0) return new Map();
  const rows = await db.regulationVersion.findMany({
    where: { serviceId: { in: [...serviceIds] }, ...inEffect(at) },
    orderBy: [{ serviceId: "asc" }, ...LATEST_FIRST],
    select: { ...editionSelect, serviceId: true },
  });
  const first = new Map<string, (typeof rows)[number]>();
  for (const row of rows) if (!first.has(row.serviceId)) first.set(row.serviceId, row);
  return new Map(
    await Promise.all([...first].map(async ([serviceId, row]) => [serviceId, await withDocument(db, row)] as const)),
  );
}
