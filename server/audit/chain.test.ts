// The canonical encoding of an event (server/audit/chain.ts): explicit fields in a fixed order, every
// field covered by the hash, and the two ways a chain breaks told apart. The database's trigger is
// checked against this code in audit.int.test.ts.
import { describe, expect, it } from "vitest";
import { checkLink, eventDigest, eventEncoding, type ChainedEvent } from "./chain";

const base: Omit<ChainedEvent, "hash"> = {
  id: "42",
  prevHash: "ab".repeat(32),
  applicationId: "0d7c9d8e-4d0e-4d43-9a43-1f6c9a3f0b11",
  at: "2026-11-29T10:15:00.123000",
  actorId: null,
  type: "comment",
  fromStage: "check",
  toStage: "check",
  payload: '{"text": "«кавычки», \\"двойные\\" и \\n перевод строки"}',
};

describe("event encoding", () => {
  it("is a JSON array of the fields in their fixed order, the payload as stored", () => {
    expect(JSON.parse(eventEncoding(base))).toEqual([
      "reglament.event.v1",
      42,
      base.prevHash,
      base.applicationId,
      base.at,
      null,
      "comment",
      "check",
      "check",
      { text: '«кавычки», "двойные" и \n перевод строки' },
    ]);
  });

  it("changes the hash when any field changes", () => {
    const digest = eventDigest(base);
    const changed: Partial<Omit<ChainedEvent, "hash">>[] = [
      { id: "43" },
      { prevHash: null },
      { applicationId: "0d7c9d8e-4d0e-4d43-9a43-1f6c9a3f0b12" },
      { at: "2026-11-29T10:15:00.124000" },
      { actorId: "0d7c9d8e-4d0e-4d43-9a43-1f6c9a3f0b11" },
      { type: "card_viewed" },
      { fromStage: null },
      { toStage: "decision" },
      { payload: '{"text": "другой"}' },
    ];
    for (const change of changed) expect(eventDigest({ ...base, ...change }), JSON.stringify(change)).not.toBe(digest);
  });

  it("tells an edited event from a broken link", () => {
    const first = { ...base, prevHash: null, hash: "" };
    first.hash = eventDigest(first);
    const second = { ...base, id: "43", prevHash: first.hash, hash: "" };
    second.hash = eventDigest(second);
    expect(checkLink(first, null)).toBeNull();
    expect(checkLink(second, first)).toBeNull();
    expect(checkLink({ ...second, type: "granted" }, first)).toMatchObject({ eventId: "43", reason: "hash" });
    expect(checkLink(second, { hash: "00".repeat(32) })).toMatchObject({ eventId: "43", reason: "link" });
    expect(checkLink(second, null)).toMatchObject({ reason: "link" });
  });
});
