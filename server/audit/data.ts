// The audit's reads: the whole-record check behind `npm run audit:verify` (R3, S0 p.5-6), and the
// submitted content of one application for the check on opening its card.
//
// verifyAuditTrail walks the event log in id order (the chain's order: the trigger draws the id under
// the head's lock) and recomputes every hash with server/audit/chain.ts, then checks every submitted
// application's content against its hash and the hash recorded in its chained `submitted` event, and
// every signed result document against the hash in its chained `document_signed` event (and, given
// the file storage, the signed file itself). The backup/restore test calls it after a restore.
import "server-only";
import type { Db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { sha256, type FileStorage } from "../storage/storage";
import { checkLink, type ChainBreak, type ChainedEvent } from "./chain";
import { storedContentHash, type StoredContent } from "./content";

export type AuditProblem = {
  kind: "event" | "chain_head" | "application" | "result_document";
  /** The record's id: an event id, an application id, a result document id. */
  id: string;
  message: string;
};

export type AuditReport = {
  ok: boolean;
  events: number;
  applications: number;
  resultDocuments: number;
  /** The last event and its hash: record it elsewhere (a printout, another system) to anchor the log. */
  head: { eventId: string | null; hash: string | null };
  /** The first broken event of the chain, null when the chain holds. */
  firstBrokenEvent: ChainBreak | null;
  /** Every problem found, the chain's first break first. */
  problems: AuditProblem[];
};

type EventRow = ChainedEvent;

const BATCH = 2_000;

async function* eventsInOrder(db: Db): AsyncGenerator<EventRow> {
  let after = -1n;
  for (;;) {
    const rows = await db.$queryRaw<EventRow[]>`
      -- Ordered by the column, not by the text alias (which would sort "10" before "9").
      SELECT e.id::text AS "id", "prevHash", "hash", "applicationId"::text AS "applicationId",
             to_char("at", 'YYYY-MM-DD"T"HH24:MI:SS.US') AS "at", "actorId"::text AS "actorId", "type",
             "fromStage", "toStage", "payload"::text AS "payload"
      FROM "ApplicationEvent" e WHERE e.id > ${after} ORDER BY e.id LIMIT ${BATCH}`;
    for (const row of rows) yield row;
    if (rows.length < BATCH) return;
    after = BigInt(rows[rows.length - 1]!.id);
  }
}

/** Checks the whole record. Never throws on what it finds: it reports it (the caller decides the exit code). */
export async function verifyAuditTrail(db: Db, options: { storage?: FileStorage } = {}): Promise<AuditReport> {
  const problems: AuditProblem[] = [];
  let firstBrokenEvent: ChainBreak | null = null;
  let previous: EventRow | null = null;
  let events = 0;
  // The hashes the chained events vouch for: submitted content per application, signed file per document.
  const submittedHash = new Map<string, string>();
  const signedHash = new Map<string, string>();
  for await (const event of eventsInOrder(db)) {
    events++;
    const broken = checkLink(event, previous);
    if (broken) {
      firstBrokenEvent ??= broken;
      problems.push({ kind: "event", id: event.id, message: broken.message });
    }
    if (event.type === "submitted" || event.type === "document_signed") {
      const payload = JSON.parse(event.payload) as { sha256?: unknown; documentId?: unknown };
      if (typeof payload.sha256 === "string") {
        if (event.type === "submitted") submittedHash.set(event.applicationId, payload.sha256);
        else if (typeof payload.documentId === "string") signedHash.set(payload.documentId, payload.sha256);
      }
    }
    previous = event;
  }

  // The head row says where the chain ended: events removed from the end show here.
  const heads = await db.auditChainHead.findMany({ select: { id: true, lastEventId: true, hash: true } });
  const head = heads[0] ?? null;
  const headEventId = head?.lastEventId?.toString() ?? null;
  if (!head) problems.push({ kind: "chain_head", id: "1", message: "нет записи о последнем событии журнала" });
  else if (headEventId !== (previous?.id ?? null) || (head.hash ?? null) !== (previous?.hash ?? null))
    problems.push({
      kind: "chain_head",
      id: String(head.id),
      message: `последнее событие журнала — ${previous?.id ?? "нет"}, а по записи о вершине цепочки — ${headEventId ?? "нет"}: события в конце журнала удалены или изменены`,
    });

  let applications = 0;
  for await (const app of submittedContents(db)) {
    applications++;
    const actual = storedContentHash(app);
    const chained = submittedHash.get(app.id);
    if (actual !== app.contentHash)
      problems.push({
        kind: "application",
        id: app.id,
        message: `содержимое заявления ${app.registrationNumber ?? app.id} изменено после подачи: хеш SHA-256 не совпадает с подписанным`,
      });
    else if (chained && chained !== app.contentHash)
      problems.push({
        kind: "application",
        id: app.id,
        message: `хеш содержимого заявления ${app.registrationNumber ?? app.id} не совпадает с записанным в журнале при подаче`,
      });
  }

  const documents = await db.resultDocument.findMany({
    where: { signedAt: { not: null } },
    orderBy: { createdAt: "asc" },
    select: { id: true, sha256: true, signedSha256: true, storageKey: true, signedStorageKey: true },
  });
  for (const doc of documents) {
    const recorded = doc.signedSha256 ?? doc.sha256;
    const chained = signedHash.get(doc.id);
    if (chained && chained !== recorded) {
      problems.push({
        kind: "result_document",
        id: doc.id,
        message: `хеш подписанного документа ${doc.id} не совпадает с записанным в журнале при подписании`,
      });
      continue;
    }
    if (options.storage) {
      const file = await options.storage.get(doc.signedStorageKey ?? doc.storageKey).catch(() => null);
      if (!file)
        problems.push({
          kind: "result_document",
          id: doc.id,
          message: `файл подписанного документа ${doc.id} не найден`,
        });
      else if (sha256(file) !== (chained ?? recorded))
        problems.push({
          kind: "result_document",
          id: doc.id,
          message: `файл подписанного документа ${doc.id} изменён после подписания`,
        });
    }
  }

  return {
    ok: problems.length === 0,
    events,
    applications,
    resultDocuments: documents.length,
    head: { eventId: previous?.id ?? null, hash: previous?.hash ?? null },
    firstBrokenEvent,
    problems,
  };
}

type SubmittedContent = StoredContent & { id: string; registrationNumber: string | null; contentHash: string };

const CONTENT_SELECT = {
  id: true,
  registrationNumber: true,
  contentHash: true,
  data: true,
  service: { select: { code: true } },
  regulationVersion: { select: { version: true } },
  // The order acceptance hashed them in (server/application/mutations.ts submitApplication).
  participants: {
    where: { role: "CO_APPLICANT" as const },
    orderBy: [{ createdAt: "asc" as const }, { id: "asc" as const }],
    select: { email: true, data: true },
  },
};

type ContentRow = {
  id: string;
  registrationNumber: string | null;
  contentHash: string | null;
  data: unknown;
  service: { code: string };
  regulationVersion: { version: number };
  participants: { email: string; data: unknown }[];
};

const toContent = (row: ContentRow): StoredContent & { id: string; registrationNumber: string | null } => ({
  id: row.id,
  registrationNumber: row.registrationNumber,
  contentHash: row.contentHash,
  data: row.data,
  serviceCode: row.service.code,
  version: row.regulationVersion.version,
  coApplicants: row.participants,
});

async function* submittedContents(db: Db): AsyncGenerator<SubmittedContent> {
  let cursor: string | undefined;
  for (;;) {
    const rows = await db.application.findMany({
      where: { contentHash: { not: null }, ...(cursor ? { id: { gt: cursor } } : {}) },
      orderBy: { id: "asc" },
      take: 500,
      select: CONTENT_SELECT,
    });
    for (const row of rows) yield toContent(row) as SubmittedContent;
    if (rows.length < 500) return;
    cursor = rows[rows.length - 1]!.id;
  }
}

/**
 * One application's submitted content and stage, for the check when its card or page is opened; the
 * caller's visibility rule (server/application/visibility.ts) is the `where`. Null: not visible.
 */
export async function storedContent(
  db: Db,
  where: Prisma.ApplicationWhereInput,
): Promise<(StoredContent & { id: string; status: string; currentStage: string | null }) | null> {
  const row = await db.application.findFirst({
    where,
    select: { ...CONTENT_SELECT, status: true, currentStage: true },
  });
  return row ? { ...toContent(row), status: row.status, currentStage: row.currentStage } : null;
}
