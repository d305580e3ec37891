// The canonical encoding of an application event and its link in the hash chain (R3, S0 p.5-6).
//
// The database chains every event as it is inserted (trigger "ApplicationEvent_chain", migration
// audit_chain): `hash = SHA-256(encoding)`, where the encoding includes the previous event's hash.
// This file is the verifier's own, independent statement of the same encoding: `npm run audit:verify`
// recomputes every hash here, so a chain rewritten with a database function of someone's choosing
// (the owner can replace functions) still fails against the code in the repository.
//
// The encoding is a JSON array of explicit fields in a fixed order (not an object whose key order a
// serializer might change), versioned by its first element:
//   ["reglament.event.v1", id, prevHash|null, applicationId, at, actorId|null, type, fromStage|null,
//    toStage|null, payload]
// `at` is the stored timestamp(3) as `YYYY-MM-DDTHH:MM:SS.ffffff` (no zone: the column has none), and
// `payload` is jsonb's own text output, which is normalised (keys sorted by length then bytes, one
// spelling per value, duplicates dropped): the data access reads both as text from PostgreSQL, so no
// JavaScript date or number conversion stands between the stored row and its hash.
import { createHash } from "node:crypto";

export const EVENT_ENCODING = "reglament.event.v1";

/** An event as the verifier reads it: every field as stored, `at` and `payload` as PostgreSQL's text. */
export type ChainedEvent = {
  id: string;
  prevHash: string | null;
  hash: string;
  applicationId: string;
  /** to_char(at, 'YYYY-MM-DD"T"HH24:MI:SS.US') */
  at: string;
  actorId: string | null;
  type: string;
  fromStage: string | null;
  toStage: string | null;
  /** payload::text */
  payload: string;
};

/** PostgreSQL's to_json(text) and JSON.stringify escape strings alike (", \, control characters). */
const str = (value: string | null) => (value === null ? "null" : JSON.stringify(value));

export function eventEncoding(e: Omit<ChainedEvent, "hash">): string {
  return (
    `[${str(EVENT_ENCODING)},${e.id},${str(e.prevHash)},${str(e.applicationId)},${str(e.at)},` +
    `${str(e.actorId)},${str(e.type)},${str(e.fromStage)},${str(e.toStage)},${e.payload}]`
  );
}

export function eventDigest(e: Omit<ChainedEvent, "hash">): string {
  return createHash("sha256").update(eventEncoding(e), "utf8").digest("hex");
}

export type ChainBreak = {
  /** The first event whose link or hash is wrong: where the log was changed (or right after it). */
  eventId: string;
  reason: "hash" | "link";
  message: string;
};

/**
 * Checks one event against its predecessor in id order (null for the first event of the log).
 * "hash": the event's own fields no longer give its stored hash (the row was edited). "link": it does
 * not point at the event before it (an event was deleted or inserted out of the chain, or the
 * predecessor's hash was rewritten to hide an edit).
 */
export function checkLink(event: ChainedEvent, previous: { hash: string } | null): ChainBreak | null {
  const expectedPrev = previous?.hash ?? null;
  if (event.prevHash !== expectedPrev)
    return {
      eventId: event.id,
      reason: "link",
      message: `событие ${event.id} не ссылается на предыдущее событие журнала (удалено или вставлено событие, или переписан хеш предыдущего)`,
    };
  if (eventDigest(event) !== event.hash)
    return {
      eventId: event.id,
      reason: "hash",
      message: `событие ${event.id} изменено после записи: его содержимое не соответствует сохранённому хешу`,
    };
  return null;
}
