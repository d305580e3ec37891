// Services and the editions of their regulations, as administrators work with them (issue 10 p.1-3).
// A draft edition is a document being edited: it autosaves under a row version, so two
// administrators never silently overwrite each other; it may be incomplete (the problem list says
// what is missing). A published edition never changes (regulation/mutations.ts publishes). Every
// change is one transaction with its AdminEvent (who, when, what).
import "server-only";
import { editionNotFound, r11Warning, serviceNotFound } from "./data";
import type { z } from "zod";
import type { Db, Tx } from "../../db/client";
import { AppError } from "../../errors";
import { recordAdminEvent } from "../../audit/mutations";
import type { Prisma } from "../../generated/prisma/client";
import { documentChecksum } from "../checksum";
import { validateDocument } from "../document";
import { describeChanges } from "../diff";
import { readTransferFile } from "../transfer";
import { loadWorkingCalendar } from "../../calendar/data";
import { countOf } from "../../format/plural";
import { formatIsoDate } from "../../format/dates";
import type {
  zCreateServiceInput,
  zDiscardDraftInput,
  zImportEditionInput,
  zPublishInput,
  zSaveDraftInput,
  zServiceActiveInput,
  zStartDraftInput,
  zUpdateServiceInput,
} from "./schema";
import { starterDocument } from "../starter";

export async function createService(db: Db, actorId: string, input: z.infer<typeof zCreateServiceInput>) {
  return db.$transaction(async (tx) => {
    const taken = await tx.service.findUnique({ where: { code: input.code }, select: { id: true } });
    if (taken)
      throw new AppError("INVALID", `Услуга с кодом «${input.code}» уже есть`, {
        code: "Этот код уже занят другой услугой",
      });
    const department = await tx.department.findUnique({
      where: { id: input.departmentId },
      select: { id: true, name: true, closedAt: true, parent: { select: { name: true } } },
    });
    if (!department || department.closedAt)
      throw new AppError("INVALID", "Подразделение не найдено или закрыто", {
        departmentId: "Выберите открытое подразделение",
      });
    const service = await tx.service.create({
      data: { code: input.code, title: input.title, departmentId: department.id },
      select: { id: true, code: true },
    });
    await recordAdminEvent(tx, {
      actorId,
      type: "service_created",
      subjectType: "service",
      subjectId: service.id,
      after: { code: input.code, title: input.title, departmentId: department.id },
    });
    // The authority that provides the service: the administration the department belongs to.
    const document = starterDocument({ title: input.title, authority: department.parent?.name ?? department.name });
    const draft = await insertDraft(tx, { serviceId: service.id, document, basedOnId: null, actorId });
    return { ...service, draftId: draft.id };
  });
}

export async function updateService(db: Db, actorId: string, input: z.infer<typeof zUpdateServiceInput>) {
  return db.$transaction(async (tx) => {
    const before = await tx.service.findUnique({
      where: { id: input.serviceId },
      select: { title: true, departmentId: true },
    });
    if (!before) throw serviceNotFound();
    const department = await tx.department.findUnique({
      where: { id: input.departmentId },
      select: { closedAt: true },
    });
    if (!department || department.closedAt)
      throw new AppError("INVALID", "Подразделение не найдено или закрыто", {
        departmentId: "Выберите открытое подразделение",
      });
    await tx.service.update({
      where: { id: input.serviceId },
      data: { title: input.title, departmentId: input.departmentId },
    });
    await recordAdminEvent(tx, {
      actorId,
      type: "service_updated",
      subjectType: "service",
      subjectId: input.serviceId,
      before,
      after: { title: input.title, departmentId: input.departmentId },
    });
  });
}

/**
 * Takes a service out of the catalogue or puts it back (issue 10 p.1). Nothing is deleted: open
 * applications continue under their pinned edition; drafts can no longer be submitted while it is out.
 */
export async function setServiceActive(db: Db, actorId: string, input: z.infer<typeof zServiceActiveInput>) {
  return db.$transaction(async (tx) => {
    const before = await tx.service.findUnique({ where: { id: input.serviceId }, select: { isActive: true } });
    if (!before) throw serviceNotFound();
    if (before.isActive === input.active) return;
    await tx.service.update({ where: { id: input.serviceId }, data: { isActive: input.active } });
    await recordAdminEvent(tx, {
      actorId,
      type: "service_updated",
      subjectType: "service",
      subjectId: input.serviceId,
      before,
      after: { isActive: input.active },
    });
  });
}

async function insertDraft(
  tx: Tx,
  input: {
    serviceId: string;
    document: unknown;
    basedOnId: string | null;
    /** Null: the installation itself (the seed regulations, issue 10 p.7). */
    actorId: string | null;
    /** The amending act, when the draft comes with one (an imported file). */
    act?: { basis: string | null; actNumber: string | null; actDate: Date | null };
    /** What the audit record says the draft came from, beyond its base edition (an imported file). */
    origin?: Prisma.InputJsonObject;
  },
) {
  // One draft per service at a time: two would be two competing truths of the next edition.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('reglament:editions:' || ${input.serviceId}))`;
  const open = await tx.regulationVersion.findFirst({
    where: { serviceId: input.serviceId, status: "DRAFT" },
    select: { version: true },
  });
  if (open)
    throw new AppError(
      "PRECONDITION",
      `У услуги уже есть черновик редакции № ${open.version}: продолжите его или удалите, чтобы начать новый`,
    );
  const last = await tx.regulationVersion.findFirst({
    where: { serviceId: input.serviceId },
    orderBy: { version: "desc" },
    select: { version: true },
  });
  const draft = await tx.regulationVersion.create({
    data: {
      serviceId: input.serviceId,
      version: (last?.version ?? 0) + 1,
      status: "DRAFT",
      document: input.document as Prisma.InputJsonValue,
      checksum: documentChecksum(input.document),
      basedOnId: input.basedOnId,
      basis: input.act?.basis ?? null,
      actNumber: input.act?.actNumber ?? null,
      actDate: input.act?.actDate ?? null,
      createdById: input.actorId,
      updatedById: input.actorId,
    },
    select: { id: true, version: true },
  });
  await recordAdminEvent(tx, {
    actorId: input.actorId,
    type: "edition_created",
    subjectType: "regulation_version",
    subjectId: draft.id,
    after: { serviceId: input.serviceId, version: draft.version, basedOnId: input.basedOnId, ...input.origin },
  });
  return draft;
}

/**
 * A new draft: from the given edition (a restore of an earlier one, issue 10 p.4), else from the
 * edition in force, else from the latest published, else the starter document.
 */
export async function startDraft(db: Db, actorId: string, input: z.infer<typeof zStartDraftInput>) {
  return db.$transaction(async (tx) => {
    const service = await tx.service.findUnique({
      where: { id: input.serviceId },
      select: { id: true, title: true, department: { select: { name: true, parent: { select: { name: true } } } } },
    });
    if (!service) throw serviceNotFound();
    let base: { id: string; document: unknown } | null = null;
    if (input.fromVersionId) {
      base = await tx.regulationVersion.findFirst({
        where: { id: input.fromVersionId, serviceId: service.id, status: { not: "DRAFT" } },
        select: { id: true, document: true },
      });
      if (!base) throw editionNotFound();
    } else {
      const now = new Date();
      base =
        (await tx.regulationVersion.findFirst({
          where: {
            serviceId: service.id,
            status: "PUBLISHED",
            OR: [{ effectiveFrom: null }, { effectiveFrom: { lte: now } }],
          },
          orderBy: [{ effectiveFrom: { sort: "desc", nulls: "last" } }, { version: "desc" }],
          select: { id: true, document: true },
        })) ??
        (await tx.regulationVersion.findFirst({
          where: { serviceId: service.id, status: "PUBLISHED" },
          orderBy: { version: "desc" },
          select: { id: true, document: true },
        }));
    }
    const document =
      base?.document ??
      starterDocument({ title: service.title, authority: service.department.parent?.name ?? service.department.name });
    return insertDraft(tx, { serviceId: service.id, document, basedOnId: base?.id ?? null, actorId });
  });
}

/** The top-level parts of the document that differ: what an audit record of a save names. */
function changedParts(before: unknown, after: unknown): string[] {
  const a = (before ?? {}) as Record<string, unknown>;
  const b = (after ?? {}) as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
    (k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]),
  );
}

/**
 * The editor's autosave (issue 10 p.3). Refused with CONFLICT when someone else saved since the
 * editor loaded the draft (expectedRowVersion): the editor then offers the choice, nothing is lost.
 * Returns the new row version and the document's problems, so the list stays current after every save.
 */
export async function saveDraft(db: Db, actorId: string, input: z.infer<typeof zSaveDraftInput>) {
  return db.$transaction(async (tx) => {
    const current = await tx.regulationVersion.findUnique({
      where: { id: input.id },
      select: {
        status: true,
        rowVersion: true,
        document: true,
        updatedAt: true,
        updatedBy: { select: { lastName: true, firstName: true } },
      },
    });
    if (!current) throw editionNotFound();
    if (current.status !== "DRAFT")
      throw new AppError(
        "PRECONDITION",
        current.status === "PUBLISHED"
          ? "Опубликованная редакция не изменяется: начните новую редакцию"
          : "Черновик удалён: начните новую редакцию",
      );
    const changed = changedParts(current.document, input.document);
    const now = new Date();
    if (changed.length === 0 && current.rowVersion === input.expectedRowVersion) {
      const checked = validateDocument(input.document);
      return {
        rowVersion: current.rowVersion,
        updatedAt: current.updatedAt,
        problems: checked.ok ? [] : checked.problems,
      };
    }
    const updated = await tx.regulationVersion.updateMany({
      where: { id: input.id, status: "DRAFT", rowVersion: input.expectedRowVersion },
      data: {
        document: input.document as Prisma.InputJsonValue,
        checksum: documentChecksum(input.document),
        rowVersion: { increment: 1 },
        updatedAt: now,
        updatedById: actorId,
      },
    });
    if (updated.count !== 1) {
      const who = current.updatedBy
        ? `${current.updatedBy.lastName} ${current.updatedBy.firstName}`
        : "другой администратор";
      throw new AppError("CONFLICT", `Черновик только что сохранил ${who}: выберите, какую версию оставить`);
    }
    await recordAdminEvent(tx, {
      actorId,
      type: "edition_updated",
      subjectType: "regulation_version",
      subjectId: input.id,
      before: { rowVersion: input.expectedRowVersion },
      after: { rowVersion: input.expectedRowVersion + 1, changed },
      at: now,
    });
    const checked = validateDocument(input.document);
    return { rowVersion: input.expectedRowVersion + 1, updatedAt: now, problems: checked.ok ? [] : checked.problems };
  });
}

/** Throws a draft away (issue 10 p.4): it stays in the history as discarded, nothing is deleted. */
export async function discardDraft(db: Db, actorId: string, input: z.infer<typeof zDiscardDraftInput>) {
  return db.$transaction(async (tx) => {
    const now = new Date();
    const updated = await tx.regulationVersion.updateMany({
      where: { id: input.id, status: "DRAFT", rowVersion: input.expectedRowVersion },
      data: {
        status: "DISCARDED",
        discardedAt: now,
        rowVersion: { increment: 1 },
        updatedById: actorId,
        updatedAt: now,
      },
    });
    if (updated.count !== 1) {
      const row = await tx.regulationVersion.findUnique({ where: { id: input.id }, select: { status: true } });
      if (!row) throw editionNotFound();
      if (row.status !== "DRAFT") throw new AppError("PRECONDITION", "Удалить можно только черновик");
      throw new AppError("CONFLICT", "Черновик только что изменил другой администратор: обновите страницу");
    }
    await recordAdminEvent(tx, {
      actorId,
      type: "edition_discarded",
      subjectType: "regulation_version",
      subjectId: input.id,
      before: { status: "DRAFT" },
      after: { status: "DISCARDED" },
      at: now,
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Publishing (issue 10 p.4)

const publishedNeverChanges = () =>
  new AppError("PRECONDITION", "Опубликованная редакция не изменяется: начните новую редакцию");

/**
 * Publishes a draft edition (R11): its whole document validated (every problem refused with its
 * path), only as the administrator last saw it (the row version: a save by someone else since the
 * preview is a CONFLICT), fixed with the amending act and the instant it takes effect, in one
 * transaction with its audit record, whose `after` names the changes against the edition in force.
 * A published edition never changes again: every procedure refuses it (saveDraft, discardDraft,
 * this one). A date ahead makes it scheduled: it comes into force by itself (regulation/data.ts
 * versionInForce picks the latest effective edition at each instant).
 *
 * The instant is given: the form's date goes through publishFromForm (today or later); the seed
 * (prisma/seed/demo.ts) publishes its editions with their historical dates.
 */
/**
 * Issue 16 p.8: registration numbers are unique across the installation, so a service's number
 * prefix may be neither another service's published prefix nor another service's code (the numbers
 * of a service without a prefix).
 */
async function refuseTakenNumberPrefix(tx: Tx, serviceId: string, prefix: string | undefined): Promise<void> {
  if (!prefix) return;
  const taken =
    (
      await tx.regulationVersion.findFirst({
        where: {
          status: "PUBLISHED",
          serviceId: { not: serviceId },
          document: { path: ["passport", "numberPrefix"], equals: prefix },
        },
        select: { service: { select: { title: true } } },
      })
    )?.service ??
    (await tx.service.findFirst({
      where: { id: { not: serviceId }, code: { equals: prefix, mode: "insensitive" } },
      select: { title: true },
    }));
  if (taken)
    throw new AppError("INVALID", "Редакция не может быть опубликована: префикс номера заявлений занят", {
      "document.passport.numberPrefix": `Префикс «${prefix}» уже у услуги «${taken.title}»: номера заявлений совпали бы. Выберите другой`,
    });
}

export async function publishEdition(
  db: Db,
  actorId: string | null,
  input: {
    id: string;
    expectedRowVersion: number;
    effectiveFrom: Date;
    basis: string | null;
    actNumber: string | null;
    /** The act's civil date, YYYY-MM-DD. */
    actDate: string | null;
  },
  now: Date = new Date(),
) {
  return db.$transaction(async (tx) => {
    const edition = await tx.regulationVersion.findUnique({
      where: { id: input.id },
      select: { id: true, serviceId: true, version: true, status: true, rowVersion: true, document: true },
    });
    if (!edition) throw editionNotFound();
    if (edition.status === "PUBLISHED") throw publishedNeverChanges();
    if (edition.status === "DISCARDED") throw new AppError("PRECONDITION", "Черновик удалён: начните новую редакцию");
    if (edition.rowVersion !== input.expectedRowVersion)
      throw new AppError(
        "CONFLICT",
        "Черновик изменили после того, как открылась эта страница: проверьте список изменений и опубликуйте снова",
      );
    const checked = validateDocument(edition.document);
    if (!checked.ok)
      throw new AppError(
        "INVALID",
        `Редакция не может быть опубликована: ${countOf(checked.problems.length, ["ошибка", "ошибки", "ошибок"])} в регламенте`,
        Object.fromEntries(checked.problems.map((p) => [`document.${p.path}`, p.message])),
      );
    await refuseTakenNumberPrefix(tx, edition.serviceId, checked.document.passport.numberPrefix);
    const base = await tx.regulationVersion.findFirst({
      where: {
        serviceId: edition.serviceId,
        status: "PUBLISHED",
        OR: [{ effectiveFrom: null }, { effectiveFrom: { lte: now } }],
      },
      orderBy: [{ effectiveFrom: { sort: "desc", nulls: "last" } }, { version: "desc" }],
      select: { version: true, document: true },
    });
    const baseDocument = base ? validateDocument(base.document) : null;
    const changes = baseDocument?.ok ? describeChanges(baseDocument.document, checked.document) : [];
    const updated = await tx.regulationVersion.updateMany({
      where: { id: edition.id, status: "DRAFT", rowVersion: input.expectedRowVersion },
      data: {
        status: "PUBLISHED",
        effectiveFrom: input.effectiveFrom,
        publishedAt: now,
        publishedById: actorId,
        basis: input.basis,
        actNumber: input.actNumber,
        actDate: input.actDate ? new Date(`${input.actDate}T00:00:00Z`) : null,
        // The parsed document: defaults applied, so every reader sees the same shape.
        document: checked.document as Prisma.InputJsonValue,
        checksum: documentChecksum(checked.document),
        rowVersion: { increment: 1 },
        updatedAt: now,
        updatedById: actorId,
      },
    });
    if (updated.count !== 1)
      throw new AppError("CONFLICT", "Редакцию только что изменил или опубликовал другой администратор");
    const LISTED = 100;
    await recordAdminEvent(tx, {
      actorId,
      type: "edition_published",
      subjectType: "regulation_version",
      subjectId: edition.id,
      before: { status: "DRAFT", rowVersion: input.expectedRowVersion },
      after: {
        status: "PUBLISHED",
        version: edition.version,
        effectiveFrom: input.effectiveFrom.toISOString(),
        basis: input.basis,
        actNumber: input.actNumber,
        actDate: input.actDate,
        comparedWith: base ? base.version : null,
        changes: base
          ? [
              ...changes.slice(0, LISTED).map((c) => `${c.part}: ${c.text}`),
              ...(changes.length > LISTED ? [`и ещё ${changes.length - LISTED}`] : []),
            ]
          : ["первая редакция"],
      },
      at: now,
    });
    return {
      id: edition.id,
      serviceId: edition.serviceId,
      version: edition.version,
      effectiveFrom: input.effectiveFrom,
      state: input.effectiveFrom > now ? ("scheduled" as const) : ("in_force" as const),
      changes,
    };
  });
}

/**
 * The publish page's procedure: the dates are the municipality's civil dates. The edition takes
 * effect at the start of its date, which is today or later (a past date would rewrite what applied
 * to applications already submitted); the act is already adopted, and the edition cannot take effect
 * before its act. Returns the R11 warning with the result (it warns, it does not refuse).
 */
export async function publishFromForm(
  db: Db,
  actorId: string,
  input: z.infer<typeof zPublishInput>,
  now: Date = new Date(),
) {
  const status = await db.regulationVersion.findUnique({ where: { id: input.id }, select: { status: true } });
  if (!status) throw editionNotFound();
  if (status.status === "PUBLISHED") throw publishedNeverChanges();
  const calendar = await loadWorkingCalendar(db);
  const today = calendar.localDate(now);
  const fieldErrors: Record<string, string> = {};
  if (input.effectiveFrom < today)
    fieldErrors.effectiveFrom = `Дата вступления в силу не может быть в прошлом: укажите ${formatIsoDate(today)} или более позднюю`;
  if (input.actDate > today) fieldErrors.actDate = "Дата акта не может быть в будущем: укажите дату принятого акта";
  else if (input.effectiveFrom < input.actDate)
    fieldErrors.effectiveFrom = "Редакция не может вступить в силу раньше даты акта";
  if (Object.keys(fieldErrors).length)
    throw new AppError("INVALID", Object.values(fieldErrors).join("; "), fieldErrors);
  const published = await publishEdition(
    db,
    actorId,
    {
      id: input.id,
      expectedRowVersion: input.expectedRowVersion,
      effectiveFrom: calendar.startOfLocalDay(input.effectiveFrom),
      basis: input.basis,
      actNumber: input.actNumber,
      actDate: input.actDate,
    },
    now,
  );
  const warning = r11Warning(calendar, input.actDate, input.effectiveFrom);
  return { ...published, changes: published.changes.length, warnings: warning ? [warning] : [] };
}

// ---------------------------------------------------------------------------------------------
// Import (issue 10 p.6)

/**
 * A new draft of the service from a transfer file (../transfer.ts). A file that is not one, or whose
 * document is not a regulation, is refused with its problems (each with its path, as fieldErrors);
 * a document that parses but has problems is imported and its problems returned, to be fixed in the
 * editor. One draft per service: with one open, the import is refused like startDraft.
 */
export async function importEdition(db: Db, actorId: string | null, input: z.infer<typeof zImportEditionInput>) {
  const read = readTransferFile(input.content);
  if (!read.ok)
    throw new AppError("INVALID", read.message, {
      content: read.message,
      ...Object.fromEntries(read.problems.map((p) => [p.path || "document", p.message])),
    });
  const { file } = read;
  return db.$transaction(async (tx) => {
    const service = await tx.service.findUnique({ where: { id: input.serviceId }, select: { id: true } });
    if (!service) throw serviceNotFound();
    const draft = await insertDraft(tx, {
      serviceId: service.id,
      document: file.document,
      basedOnId: null,
      actorId,
      act: {
        basis: file.edition.basis,
        actNumber: file.edition.actNumber,
        actDate: file.edition.actDate ? new Date(`${file.edition.actDate}T00:00:00Z`) : null,
      },
      origin: { importedFrom: { service: file.service.code, version: file.edition.version } },
    });
    return { ...draft, problems: read.problems, file: { service: file.service, edition: file.edition } };
  });
}
