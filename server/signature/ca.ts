// A small certificate authority for the tests and the demo municipality: a root, the officials'
// and applicants' certificates, and CRLs. Its keys are made at run time (nothing secret lives in the
// repository) and it is never trusted by a production installation unless an administrator loads
// its root, which the demo seed alone does.
import { generateKeyPair, OID } from "./gost";
import {
  type CertInfo,
  type DnPart,
  encodePrivateKey,
  issueCertificate,
  issueCrl,
  parseCertificate,
  pem,
} from "./x509";

export type KeyHolder = { cert: CertInfo; privateKey: Uint8Array; publicKey: Uint8Array; curveOid: string };

function serial(): Uint8Array {
  const s = new Uint8Array(16);
  globalThis.crypto.getRandomValues(s);
  s[0] = (s[0]! & 0x3f) | 0x40; // positive, no leading zero: a DER INTEGER as it stands
  return s;
}

const DAY = 86_400_000;

export function makeRootCa(name: string, o: { notBefore?: Date; days?: number } = {}): KeyHolder {
  const pair = generateKeyPair();
  const subject: DnPart[] = [
    { type: "CN", value: name },
    { type: "O", value: name },
    { type: "C", value: "RU" },
  ];
  const notBefore = o.notBefore ?? new Date(Date.now() - DAY);
  const der = issueCertificate({
    subject,
    publicKey: pair.publicKey,
    issuer: { cert: null, subject, privateKey: pair.privateKey, publicKey: pair.publicKey, curveOid: OID.cryptoProA },
    serial: serial(),
    notBefore,
    notAfter: new Date(+notBefore + (o.days ?? 3650) * DAY),
    ca: true,
  });
  return { cert: parseCertificate(der), ...pair, curveOid: OID.cryptoProA };
}

/** A person's certificate: surname, given names (SN, G, CN), position and organisation. */
export function issuePersonCertificate(
  ca: KeyHolder,
  person: { lastName: string; givenNames: string; title?: string; organisation?: string },
  o: { notBefore?: Date; days?: number } = {},
): KeyHolder {
  const pair = generateKeyPair();
  const subject: DnPart[] = [
    { type: "CN", value: `${person.lastName} ${person.givenNames}` },
    { type: "SN", value: person.lastName },
    { type: "G", value: person.givenNames },
    ...(person.title ? [{ type: "T", value: person.title }] : []),
    ...(person.organisation ? [{ type: "O", value: person.organisation }] : []),
    { type: "C", value: "RU" },
  ];
  const notBefore = o.notBefore ?? new Date(Date.now() - DAY);
  const der = issueCertificate({
    subject,
    publicKey: pair.publicKey,
    issuer: ca,
    serial: serial(),
    notBefore,
    notAfter: new Date(+notBefore + (o.days ?? 365) * DAY),
  });
  return { cert: parseCertificate(der), ...pair, curveOid: OID.cryptoProA };
}

export function makeCrl(
  ca: KeyHolder,
  revoked: { serial: string; date: Date }[],
  o: { thisUpdate?: Date; days?: number } = {},
) {
  const thisUpdate = o.thisUpdate ?? new Date(Date.now() - 60_000);
  return issueCrl({ issuer: ca, revoked, thisUpdate, nextUpdate: new Date(+thisUpdate + (o.days ?? 7) * DAY) });
}

/** The key file an official would hold: PEM PKCS#8, as OpenSSL writes it. */
export function privateKeyPem(k: KeyHolder): string {
  return pem("PRIVATE KEY", encodePrivateKey(k.privateKey, k.curveOid));
}
