// Reads for electronic signatures (issue 15): the trust store the administrator keeps (trusted CA
// certificates and CRLs), the officials' signing certificates, and the verdicts shown to the clerk,
// the applicant and anyone checking a Reglament document (R17, R20, R26).
import "server-only";
import type { Db, Tx } from "../db/client";
import { visibleToStaff } from "../application/visibility";
import { INTERAGENCY_ANSWER_FIELD } from "../attachment/data";
import { isUuid } from "../ids";
import { type TrustStore, type Verdict, verifyDetached } from "./cms";
import { type CertInfo, type CrlInfo, parseCertificate, parseCrl } from "./x509";

/**
 * The trust anchors and CRLs, parsed. A row that no longer parses (it was checked when loaded) is
 * left out rather than failing every verification.
 */
export async function loadTrustStore(db: Db | Tx): Promise<TrustStore> {
  const [roots, lists] = await Promise.all([
    db.trustedCertificate.findMany({ select: { der: true } }),
    db.revocationList.findMany({ select: { der: true } }),
  ]);
  const anchors: CertInfo[] = [];
  for (const r of roots) {
    try {
      anchors.push(parseCertificate(r.der));
    } catch {
      /* checked on load */
    }
  }
  const crls: CrlInfo[] = [];
  for (const l of lists) {
    try {
      crls.push(parseCrl(l.der));
    } catch {
      /* checked on load */
    }
  }
  return { anchors, crls };
}

export async function trustStoreRows(db: Db) {
  const [certificates, crls] = await Promise.all([
    db.trustedCertificate.findMany({
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        subject: true,
        serial: true,
        notBefore: true,
        notAfter: true,
        thumbprint: true,
        createdAt: true,
      },
    }),
    db.revocationList.findMany({
      orderBy: [{ issuer: "asc" }, { thisUpdate: "desc" }],
      select: { id: true, issuer: true, thisUpdate: true, nextUpdate: true, revokedCount: true, createdAt: true },
    }),
  ]);
  return { certificates, crls };
}

const CERT_SELECT = {
  id: true,
  serial: true,
  owner: true,
  issuer: true,
  notBefore: true,
  notAfter: true,
  createdAt: true,
  withdrawnAt: true,
  sealedKey: true,
} as const;

/** An official's certificates, newest first; `serverKey` says whether the server holds the key. */
export async function certificatesOf(db: Db | Tx, userId: string) {
  const rows = await db.signingCertificate.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    select: CERT_SELECT,
  });
  return rows.map(({ sealedKey, ...r }) => ({ ...r, serverKey: sealedKey !== null }));
}

/** Every official's certificates, for the administrator. */
export async function allSigningCertificates(db: Db) {
  const rows = await db.signingCertificate.findMany({
    orderBy: [{ withdrawnAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: {
      ...CERT_SELECT,
      user: { select: { id: true, lastName: true, firstName: true, middleName: true, email: true } },
    },
    take: 500,
  });
  return rows.map(({ sealedKey, ...r }) => ({ ...r, serverKey: sealedKey !== null }));
}

/** A result document's signature, checked now against the trust store (the cabinet, the staff card). */
export async function resultSignatureVerdict(
  db: Db | Tx,
  doc: { signature: Uint8Array | null },
  signedContent: () => Promise<Uint8Array>,
  now: Date,
): Promise<Verdict | null> {
  if (!doc.signature) return null;
  return verifyDetached(await signedContent(), doc.signature, await loadTrustStore(db), now);
}

// ---------------------------------------------------------------------------------------------
// Incoming signatures (issue 15 p.4; R17; S1 p.28, p.34; S2 p.46.2): the files verification reads
// ---------------------------------------------------------------------------------------------

/**
 * The applicant's files of an application in the staff member's scope (the department's own papers,
 * answers to inter-agency requests, are not among them), or null: another department's application
 * is not found.
 */
export async function applicationFilesForStaff(
  db: Db | Tx,
  scope: { readonly departmentIds: readonly string[] },
  applicationId: string,
) {
  if (!isUuid(applicationId)) return null;
  return db.application.findFirst({
    where: visibleToStaff(scope, { id: applicationId }),
    select: {
      id: true,
      attachments: {
        where: { fieldKey: { not: INTERAGENCY_ANSWER_FIELD } },
        orderBy: { createdAt: "asc" },
        select: { id: true, fieldKey: true, fileName: true, mimeType: true, storageKey: true },
      },
    },
  });
}
