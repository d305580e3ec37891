// Versions of a service's regulation (R11): drafts are edited freely; publishing validates the whole
// document and fixes it, with the date it takes effect. Published versions are never edited: an
// application stays pinned to the version it was submitted under.
import "server-only";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { countOf } from "../format/plural";
import { documentChecksum } from "./checksum";
import { validateDocument } from "./document";

export async function createDraftVersion(
  db: Db,
  input: { serviceId: string; document: unknown; basis?: string; actorId: string | null },
) {
  return db.$transaction(async (tx) => {
    const last = await tx.regulationVersion.findFirst({
      where: { serviceId: input.serviceId },
      orderBy: { version: "desc" },
      select: { version: true },
    });
    return tx.regulationVersion.create({
      data: {
        serviceId: input.serviceId,
        version: (last?.version ?? 0) + 1,
        status: "DRAFT",
        basis: input.basis ?? null,
        document: input.document as object,
        checksum: documentChecksum(input.document),
        createdById: input.actorId,
      },
      select: { id: true, version: true },
    });
  });
}

export async function publishVersion(
  db: Db,
  input: { versionId: string; effectiveFrom: Date; actorId: string | null; now?: Date },
) {
  const version = await db.regulationVersion.findUnique({
    where: { id: input.versionId },
    select: { id: true, status: true, document: true },
  });
  if (!version) throw new AppError("NOT_FOUND", "Редакция регламента не найдена");
  if (version.status === "PUBLISHED")
    throw new AppError("PRECONDITION", "Редакция уже опубликована; для изменений создайте новую редакцию");
  const checked = validateDocument(version.document);
  if (!checked.ok) {
    throw new AppError(
      "INVALID",
      `Редакция не может быть опубликована: ${countOf(checked.problems.length, ["ошибка", "ошибки", "ошибок"])}`,
      Object.fromEntries(checked.problems.map((p) => [p.path || "document", p.message])),
    );
  }
  const updated = await db.regulationVersion.updateMany({
    where: { id: version.id, status: "DRAFT" },
    data: {
      status: "PUBLISHED",
      effectiveFrom: input.effectiveFrom,
      publishedAt: input.now ?? new Date(),
      publishedById: input.actorId,
      // Store the parsed document: defaults applied, so every reader sees the same shape.
      document: checked.document as object,
      checksum: documentChecksum(checked.document),
    },
  });
  if (updated.count !== 1) throw new AppError("CONFLICT", "Редакцию только что опубликовал другой администратор");
  return { id: version.id, problems: [] };
}
