// Writes of result documents (R9, R20, R26): what the effects of a transition (workflow/effects.ts)
// do to the ResultDocument rows, always in the move's transaction `tx`, so a failed render or store
// rolls them back with the move. The reads those effects make live here too: under the same
// transaction they see the move's own writes.
import "server-only";
import type { Tx } from "../db/client";

/** The application's newest result document: the one the next effect works on. */
export async function latestResultDocument(tx: Tx, applicationId: string) {
  return tx.resultDocument.findFirst({ where: { applicationId }, orderBy: { createdAt: "desc" } });
}

/** What a new result document is rendered from. */
export async function resultSource(tx: Tx, applicationId: string) {
  return tx.application.findUniqueOrThrow({
    where: { id: applicationId },
    select: {
      registrationNumber: true,
      registeredAt: true,
      data: true,
      service: { select: { title: true } },
      owner: { select: { lastName: true, firstName: true, middleName: true, email: true } },
    },
  });
}

/** What issuing needs: the owner to tell, the channel chosen, and the refusal being issued, if one is. */
export async function issueSource(tx: Tx, applicationId: string) {
  return tx.application.findUniqueOrThrow({
    where: { id: applicationId },
    select: {
      ownerId: true,
      registrationNumber: true,
      data: true,
      service: { select: { title: true } },
      owner: { select: { lastName: true, firstName: true, middleName: true, email: true } },
      events: { where: { type: "refused" }, orderBy: { id: "desc" }, take: 1, select: { payload: true, at: true } },
    },
  });
}

/** Whether a registered document already bears this outgoing number (they are unique). */
export async function outgoingNumberTaken(tx: Tx, outgoingNumber: string): Promise<boolean> {
  return (await tx.resultDocument.count({ where: { outgoingNumber } })) > 0;
}

/** Outgoing numbers are gap-free per year under concurrency: one counter row, incremented in the move's transaction. */
export async function nextOutgoingNumber(tx: Tx, year: number): Promise<string> {
  const rows = await tx.$queryRaw<{ value: number }[]>`
    INSERT INTO "Counter" ("key", "value") VALUES (${`outgoing-${year}`}, 1)
    ON CONFLICT ("key") DO UPDATE SET "value" = "Counter"."value" + 1 RETURNING "value"`;
  return `ИСХ-${year}-${String(rows[0]!.value).padStart(5, "0")}`;
}

export async function createResultDocument(
  tx: Tx,
  data: {
    id: string;
    applicationId: string;
    resultType: string;
    kind: string;
    title: string;
    storageKey: string;
    sha256: string;
    createdAt: Date;
    createdById: string;
    content: object;
  },
) {
  await tx.resultDocument.create({ data });
}

/** The signature record: who signed, when, and exactly which file (its key and SHA-256). */
export async function markResultSigned(
  tx: Tx,
  id: string,
  signature: {
    signedAt: Date;
    signedById: string;
    signedStorageKey: string;
    signedSha256: string;
    /** The detached CMS of the signed file and the certificate's details (issue 15). */
    signature: Uint8Array<ArrayBuffer>;
    signatureCert: object;
    /** The copy bearing the stamp, when the signed file was already registered (S2). */
    storageKey?: string;
    sha256?: string;
  },
) {
  await tx.resultDocument.update({ where: { id }, data: signature });
}

/** Registration: the outgoing number, and the numbered file when the document was rendered again. */
export async function markResultRegistered(
  tx: Tx,
  id: string,
  registration: { outgoingNumber: string; registeredAt: Date; storageKey?: string; sha256?: string },
) {
  await tx.resultDocument.update({ where: { id }, data: registration });
}

export async function markResultIssued(
  tx: Tx,
  id: string,
  issue: { issuedAt: Date; issuedVia: string; issueProof: object },
) {
  await tx.resultDocument.update({ where: { id }, data: issue });
}

export async function setResultCollectBy(tx: Tx, id: string, collectBy: Date) {
  await tx.resultDocument.update({ where: { id }, data: { collectBy } });
}
