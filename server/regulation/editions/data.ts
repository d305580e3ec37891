// Reads of services and their editions for the regulation editor (issue 10 p.1): each edition's
// state (draft, in force, scheduled, superseded, discarded) is derived from the stored status and
// dates at the instant asked about. Writes are in ./mutations.ts.
import { now as clockNow } from "../../clock";
import "server-only";
import type { Db } from "../../db/client";
import { AppError } from "../../errors";
import { validateDocument, zRegulationDocument, type DocumentProblem } from "../document";
import { describeChanges, type RegulationChange } from "../diff";
import { transferFile } from "../transfer";
import { loadWorkingCalendar } from "../../calendar/data";
import type { WorkingCalendar } from "../../calendar/working-calendar";
import { formatIsoDate } from "../../format/dates";
import { MAX_ACT_YEAR, MIN_ACT_YEAR, type EditionState } from "./schema";

export const serviceNotFound = () => new AppError("NOT_FOUND", "Услуга не найдена");
export const editionNotFound = () => new AppError("NOT_FOUND", "Редакция регламента не найдена");

type EditionRow = { id: string; status: "DRAFT" | "PUBLISHED" | "DISCARDED"; effectiveFrom: Date | null };

/**
 * Each edition's state at an instant: the published one with the latest effective date not after it
 * is in force (as regulation/data.ts versionInForce picks it), later ones are scheduled, earlier
 * ones superseded.
 */
export function editionStates<T extends EditionRow & { version: number }>(
  editions: T[],
  at: Date = clockNow(),
): Map<string, EditionState> {
  const published = editions
    .filter((e) => e.status === "PUBLISHED")
    .sort(
      (a, b) =>
        (a.effectiveFrom?.getTime() ?? -Infinity) - (b.effectiveFrom?.getTime() ?? -Infinity) || a.version - b.version,
    );
  const inForce = [...published].reverse().find((e) => !e.effectiveFrom || e.effectiveFrom <= at);
  const states = new Map<string, EditionState>();
  for (const e of editions) {
    if (e.status === "DRAFT") states.set(e.id, "draft");
    else if (e.status === "DISCARDED") states.set(e.id, "discarded");
    else if (e.id === inForce?.id) states.set(e.id, "in_force");
    else if (e.effectiveFrom && e.effectiveFrom > at) states.set(e.id, "scheduled");
    else states.set(e.id, "superseded");
  }
  return states;
}

const editionSummary = {
  id: true,
  version: true,
  status: true,
  effectiveFrom: true,
  basis: true,
  actNumber: true,
  actDate: true,
  publishedAt: true,
  updatedAt: true,
  createdAt: true,
  basedOn: { select: { version: true } },
} as const;

/** Every service with its editions and their states: the administrator's list of services. */
export async function listServicesForAdmin(db: Db, at: Date = clockNow()) {
  const services = await db.service.findMany({
    orderBy: { title: "asc" },
    select: {
      id: true,
      code: true,
      title: true,
      isActive: true,
      department: { select: { id: true, name: true } },
      versions: { orderBy: { version: "desc" }, select: editionSummary },
      _count: { select: { applications: { where: { status: { in: ["SUBMITTED"] } } } } },
    },
  });
  return services.map(({ versions, _count, ...s }) => {
    const states = editionStates(versions, at);
    return {
      ...s,
      openApplications: _count.applications,
      editions: versions.map((v) => ({ ...v, state: states.get(v.id)! })),
    };
  });
}

/** One service with all its editions (discarded ones too: the history is complete). */
export async function serviceForAdmin(db: Db, code: string, at: Date = clockNow()) {
  const service = await db.service.findUnique({
    where: { code },
    select: {
      id: true,
      code: true,
      title: true,
      isActive: true,
      createdAt: true,
      department: { select: { id: true, name: true } },
      versions: {
        orderBy: { version: "desc" },
        select: {
          ...editionSummary,
          createdBy: { select: { lastName: true, firstName: true } },
          publishedBy: { select: { lastName: true, firstName: true } },
          _count: { select: { applications: true } },
        },
      },
    },
  });
  if (!service) throw serviceNotFound();
  const states = editionStates(service.versions, at);
  return {
    ...service,
    versions: undefined,
    editions: service.versions.map(({ _count, ...v }) => ({
      ...v,
      state: states.get(v.id)!,
      applications: _count.applications,
    })),
  };
}

/** One edition with its document, for the editor (a draft) or for reading (any other). */
export async function editionForAdmin(db: Db, id: string, at: Date = clockNow()) {
  const edition = await db.regulationVersion.findUnique({
    where: { id },
    select: {
      ...editionSummary,
      document: true,
      checksum: true,
      rowVersion: true,
      updatedBy: { select: { lastName: true, firstName: true } },
      service: {
        select: {
          id: true,
          code: true,
          title: true,
          isActive: true,
          department: { select: { id: true, name: true } },
          versions: { select: { id: true, version: true, status: true, effectiveFrom: true } },
        },
      },
    },
  });
  if (!edition) throw editionNotFound();
  const { versions, ...service } = edition.service;
  const state = editionStates(versions, at).get(edition.id)!;
  const checked = validateDocument(edition.document);
  return {
    ...edition,
    service,
    state,
    problems: checked.ok ? ([] as DocumentProblem[]) : checked.problems,
  };
}

// ---------------------------------------------------------------------------------------------
// Publishing (issue 10 p.4) and export (p.6)

/**
 * What publishing an edition with this effective date does to applications (R11): every draft
 * application of the service moves to it when next opened on or after the date (a draft is moved to
 * the edition in force, server/application/mutations.ts), while submitted applications stay on the
 * edition they were submitted under. A scheduled edition between now and the date takes the drafts
 * first; one after the date ends this edition's time in force.
 */
export async function publishImpact(
  db: Db,
  input: { serviceId: string; versionId: string; effectiveFrom: Date | null; now?: Date },
) {
  const now = input.now ?? new Date();
  const effectiveFrom = input.effectiveFrom ?? now;
  const [drafts, pinned, scheduled] = await Promise.all([
    db.application.count({ where: { serviceId: input.serviceId, status: "DRAFT" } }),
    db.application.groupBy({
      by: ["regulationVersionId"],
      where: { serviceId: input.serviceId, status: "SUBMITTED" },
      _count: { _all: true },
    }),
    db.regulationVersion.findMany({
      where: {
        serviceId: input.serviceId,
        status: "PUBLISHED",
        id: { not: input.versionId },
        effectiveFrom: { gt: now },
      },
      orderBy: { effectiveFrom: "asc" },
      select: { id: true, version: true, effectiveFrom: true },
    }),
  ]);
  const versions = await db.regulationVersion.findMany({
    where: { id: { in: pinned.map((p) => p.regulationVersionId) } },
    select: { id: true, version: true },
  });
  const numberOf = new Map(versions.map((v) => [v.id, v.version]));
  return {
    effectiveFrom,
    drafts,
    open: pinned
      .map((p) => ({ version: numberOf.get(p.regulationVersionId)!, count: p._count._all }))
      .sort((a, b) => a.version - b.version),
    scheduledBefore: scheduled
      .filter((s) => s.effectiveFrom! < effectiveFrom)
      .map((s) => ({ version: s.version, effectiveFrom: s.effectiveFrom! })),
    scheduledAfter: scheduled
      .filter((s) => s.effectiveFrom! >= effectiveFrom)
      .map((s) => ({ version: s.version, effectiveFrom: s.effectiveFrom! })),
  };
}
export type PublishImpact = Awaited<ReturnType<typeof publishImpact>>;

/** An amendment is published within 5 working days of the act that makes it (R11, S1 p.6). */
export const R11_WORKING_DAYS = 5;

/**
 * The R11 warning (not a refusal: the act may say it takes effect later, or the municipality is
 * late and must still publish): the effective date is more than 5 working days after the act's date.
 */
export function r11Warning(calendar: WorkingCalendar, actDate: string, effectiveFrom: string): string | null {
  const act = calendar.startOfLocalDay(actDate);
  // Working days in (act date, effective date], as every term of the regulation is counted (ГК РФ ст. 191).
  if (calendar.countWorkingDays(act, calendar.startOfLocalDay(effectiveFrom)) <= R11_WORKING_DAYS) return null;
  const last = calendar.localDate(calendar.lastInstantWithinWorkingDays(act, R11_WORKING_DAYS));
  return `Дата вступления в силу (${formatIsoDate(effectiveFrom)}) позже ${R11_WORKING_DAYS} рабочих дней после даты акта (${formatIsoDate(actDate)}): изменения регламента публикуются в течение ${R11_WORKING_DAYS} рабочих дней, не позднее ${formatIsoDate(last)}`;
}

/** A civil date of the form, or null when it is not one (yet: the preview runs while it is typed). */
export function localDateOrNull(value: string | undefined): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) &&
    d.toISOString().slice(0, 10) === value &&
    d.getUTCFullYear() >= MIN_ACT_YEAR &&
    d.getUTCFullYear() <= MAX_ACT_YEAR
    ? value
    : null;
}

/** The edition in force against which a publication is described: at `at`, other than the edition itself. */
async function baseEdition(db: Db, serviceId: string, exceptId: string, at: Date) {
  return db.regulationVersion.findFirst({
    where: {
      serviceId,
      id: { not: exceptId },
      status: "PUBLISHED",
      OR: [{ effectiveFrom: null }, { effectiveFrom: { lte: at } }],
    },
    orderBy: [{ effectiveFrom: { sort: "desc", nulls: "last" } }, { version: "desc" }],
    select: { id: true, version: true, document: true },
  });
}

/**
 * What the publish page shows before the administrator publishes: the problems that forbid it, the
 * changes against the edition in force (none: the first edition), the impact on applications, and
 * the warnings (R11; a date in the past).
 */
export async function publishPreview(
  db: Db,
  input: { id: string; effectiveFrom?: string; actDate?: string },
  now: Date = clockNow(),
) {
  const edition = await db.regulationVersion.findUnique({
    where: { id: input.id },
    select: {
      id: true,
      version: true,
      status: true,
      rowVersion: true,
      document: true,
      serviceId: true,
      effectiveFrom: true,
      basis: true,
      actNumber: true,
      actDate: true,
    },
  });
  if (!edition) throw editionNotFound();
  const calendar = await loadWorkingCalendar(db);
  const today = calendar.localDate(now);
  const effectiveDate = localDateOrNull(input.effectiveFrom);
  const actDate = localDateOrNull(input.actDate);
  const effectiveFrom =
    edition.status === "PUBLISHED"
      ? edition.effectiveFrom
      : effectiveDate
        ? calendar.startOfLocalDay(effectiveDate)
        : null;
  const checked = validateDocument(edition.document);
  const base = await baseEdition(db, edition.serviceId, edition.id, now);
  const baseParsed = base ? zRegulationDocument.safeParse(base.document) : null;
  const changes =
    checked.ok && baseParsed?.success ? describeChanges(baseParsed.data, checked.document) : ([] as RegulationChange[]);
  const warnings: string[] = [];
  if (actDate && effectiveDate) {
    const r11 = r11Warning(calendar, actDate, effectiveDate);
    if (r11) warnings.push(r11);
  }
  if (effectiveDate && effectiveDate < today && edition.status === "DRAFT")
    warnings.push(`Дата вступления в силу в прошлом: укажите сегодняшнюю (${formatIsoDate(today)}) или более позднюю`);
  if (actDate && actDate > today) warnings.push("Дата акта ещё не наступила: укажите дату принятого акта");
  return {
    id: edition.id,
    version: edition.version,
    status: edition.status,
    rowVersion: edition.rowVersion,
    today,
    problems: checked.ok ? ([] as DocumentProblem[]) : checked.problems,
    base: base ? { id: base.id, version: base.version } : null,
    changes,
    impact: await publishImpact(db, { serviceId: edition.serviceId, versionId: edition.id, effectiveFrom, now }),
    warnings,
  };
}
export type PublishPreview = Awaited<ReturnType<typeof publishPreview>>;

/** The edition as its transfer file (./../transfer.ts): what the export route sends. */
export async function editionTransferFile(db: Db, id: string) {
  const edition = await db.regulationVersion.findUnique({
    where: { id },
    select: {
      version: true,
      status: true,
      basis: true,
      actNumber: true,
      actDate: true,
      effectiveFrom: true,
      document: true,
      service: { select: { code: true, title: true } },
    },
  });
  if (!edition) throw editionNotFound();
  const published = edition.status === "PUBLISHED";
  return transferFile({
    service: edition.service,
    edition: {
      version: edition.version,
      basis: edition.basis,
      actNumber: edition.actNumber,
      actDate: edition.actDate,
      effectiveFrom: published ? edition.effectiveFrom : null,
    },
    document: edition.document,
  });
}
