// Reads of services and their editions for the regulation editor (issue 10 p.1): each edition's
// state (draft, in force, scheduled, superseded, discarded) is derived from the stored status and
// dates at the instant asked about. Writes are in ./mutations.ts.
import "server-only";
import type { Db } from "../../db/client";
import { AppError } from "../../errors";
import { validateDocument, type DocumentProblem } from "../document";
import type { EditionState } from "./schema";

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
  at: Date = new Date(),
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
export async function listServicesForAdmin(db: Db, at: Date = new Date()) {
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
export async function serviceForAdmin(db: Db, code: string, at: Date = new Date()) {
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
export async function editionForAdmin(db: Db, id: string, at: Date = new Date()) {
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
