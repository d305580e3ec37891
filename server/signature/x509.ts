// X.509 certificates, CRLs, PEM and PKCS#8 for GOST R 34.10-2012 keys (RFC 4491, RFC 5280,
// RFC 9215): reading what a CA or OpenSSL produced, and producing them for the test CA and the
// demo municipality's CA (nothing secret lives in the repository: keys are made when needed).
import { AsnConvert, OctetString } from "@peculiar/asn1-schema";
import {
  AlgorithmIdentifier,
  AuthorityKeyIdentifier,
  BasicConstraints,
  Certificate,
  CertificateList,
  Extension,
  Extensions,
  id_ce_authorityKeyIdentifier,
  id_ce_basicConstraints,
  id_ce_keyUsage,
  id_ce_subjectKeyIdentifier,
  KeyIdentifier,
  KeyUsage,
  KeyUsageFlags,
  Name,
  RelativeDistinguishedName,
  AttributeTypeAndValue,
  AttributeValue,
  RevokedCertificate,
  SubjectKeyIdentifier,
  SubjectPublicKeyInfo,
  TBSCertificate,
  TBSCertList,
  Time,
  Validity,
  Version,
} from "@peculiar/asn1-x509";
import { PrivateKeyInfo } from "@peculiar/asn1-pkcs8";
import { CURVES, OID, gostSign, gostVerify, streebog256 } from "./gost";

const ATTR_NAMES: Record<string, string> = {
  "2.5.4.3": "CN",
  "2.5.4.4": "SN",
  "2.5.4.42": "G",
  "2.5.4.12": "T",
  "2.5.4.10": "O",
  "2.5.4.11": "OU",
  "2.5.4.6": "C",
  "2.5.4.7": "L",
  "2.5.4.8": "ST",
  "2.5.4.9": "STREET",
  "1.2.840.113549.1.9.1": "E",
  "1.2.643.100.1": "ОГРН",
  "1.2.643.100.3": "СНИЛС",
  "1.2.643.3.131.1.1": "ИНН",
  "1.2.643.100.4": "ИНН ЮЛ",
};
const ATTR_OIDS = Object.fromEntries(Object.entries(ATTR_NAMES).map(([k, v]) => [v, k]));

export type DnPart = { type: string; value: string };

// ---------------------------------------------------------------------------------------------
// DER framing: the exact bytes a signature covers (never re-encoded)
// ---------------------------------------------------------------------------------------------

/** The element starting at `offset`: its tag, where its content starts and where it ends. */
export function derElement(buf: Uint8Array, offset = 0): { tag: number; start: number; end: number } {
  if (offset + 2 > buf.length) throw new Error("truncated DER");
  const tag = buf[offset]!;
  let len = buf[offset + 1]!;
  let start = offset + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || start + n > buf.length) throw new Error("unsupported DER length");
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[start + i]!;
    start += n;
  }
  const end = start + len;
  if (end > buf.length) throw new Error("truncated DER");
  return { tag, start, end };
}

/** The raw bytes of the first element inside the SEQUENCE at `buf` (a TBSCertificate, a TBSCertList). */
function firstInner(buf: Uint8Array): Uint8Array {
  const outer = derElement(buf, 0);
  const inner = derElement(buf, outer.start);
  return buf.subarray(outer.start, inner.end);
}

// ---------------------------------------------------------------------------------------------
// PEM
// ---------------------------------------------------------------------------------------------

/** Every PEM block in a text, or the text as one DER (binary) file. */
export function pemBlocks(input: Uint8Array): { label: string; der: Uint8Array }[] {
  const text = new TextDecoder("latin1").decode(input);
  const re = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;
  const out: { label: string; der: Uint8Array }[] = [];
  for (const m of text.matchAll(re)) {
    out.push({ label: m[1]!, der: new Uint8Array(Buffer.from(m[2]!.replace(/\s+/g, ""), "base64")) });
  }
  if (out.length === 0 && input[0] === 0x30) out.push({ label: "DER", der: input });
  return out;
}

export function pem(label: string, der: Uint8Array): string {
  const b64 = Buffer.from(der).toString("base64");
  return `-----BEGIN ${label}-----\n${b64.replace(/(.{64})/g, "$1\n").replace(/\n$/, "")}\n-----END ${label}-----\n`;
}

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------

export function nameParts(name: Name): DnPart[] {
  const parts: DnPart[] = [];
  for (const rdn of name)
    for (const atv of rdn) parts.push({ type: ATTR_NAMES[atv.type] ?? atv.type, value: atv.value.toString() });
  return parts;
}

export function dnString(parts: DnPart[]): string {
  return parts.map((p) => `${p.type}=${p.value}`).join(", ");
}

/** The person a certificate names: surname and given names (SN, G) when present, else its CN. */
export function ownerName(parts: DnPart[]): string {
  const get = (t: string) => parts.find((p) => p.type === t)?.value;
  const sn = get("SN");
  const g = get("G");
  return sn && g ? `${sn} ${g}` : (get("CN") ?? dnString(parts));
}

function makeName(parts: DnPart[]): Name {
  return new Name(
    parts.map(
      (p) =>
        new RelativeDistinguishedName([
          new AttributeTypeAndValue({
            type: ATTR_OIDS[p.type] ?? p.type,
            value:
              p.type === "C"
                ? new AttributeValue({ printableString: p.value })
                : new AttributeValue({ utf8String: p.value }),
          }),
        ]),
    ),
  );
}

/** Byte-for-byte equality (the signature code compares DER, digests and keys with it). */
export function sameBytes(a: ArrayBuffer | Uint8Array, b: ArrayBuffer | Uint8Array): boolean {
  const x = new Uint8Array(a instanceof Uint8Array ? a : new Uint8Array(a));
  const y = new Uint8Array(b instanceof Uint8Array ? b : new Uint8Array(b));
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

export function sameName(a: Name, b: Name): boolean {
  return sameBytes(AsnConvert.serialize(a), AsnConvert.serialize(b));
}

// ---------------------------------------------------------------------------------------------
// Certificates
// ---------------------------------------------------------------------------------------------

export type CertInfo = {
  der: Uint8Array;
  asn: Certificate;
  /** Upper-case hex, as certificate viewers show it. */
  serial: string;
  subject: DnPart[];
  issuer: DnPart[];
  owner: string;
  notBefore: Date;
  notAfter: Date;
  /** GOST key: X||Y little-endian, and its parameter set; null for a key of another algorithm. */
  publicKey: Uint8Array | null;
  curveOid: string | null;
  isCa: boolean;
  subjectKeyId: string | null;
  authorityKeyId: string | null;
};

function hex(b: ArrayBuffer | Uint8Array): string {
  return Buffer.from(b instanceof Uint8Array ? b : new Uint8Array(b))
    .toString("hex")
    .toUpperCase();
}

/** A positive INTEGER's content octets: no redundant leading zero, a zero before a high bit. */
function integerBytes(b: Uint8Array): ArrayBuffer {
  let i = 0;
  while (i < b.length - 1 && b[i] === 0 && b[i + 1]! < 0x80) i++;
  const v = b.subarray(i);
  return (v[0]! >= 0x80 ? new Uint8Array([0, ...v]) : v.slice()).buffer as ArrayBuffer;
}

export function serialHex(b: ArrayBuffer): string {
  const h = hex(b).replace(/^(00)+(?=.)/, "");
  return h;
}

function gostKey(spki: SubjectPublicKeyInfo): { publicKey: Uint8Array; curveOid: string } | null {
  if (spki.algorithm.algorithm !== OID.gost2012_256 || !spki.algorithm.parameters) return null;
  const params = new Uint8Array(spki.algorithm.parameters);
  // GostR3410-2012-PublicKeyParameters ::= SEQUENCE { publicKeyParamSet OID, digestParamSet OID OPTIONAL }
  const seq = derElement(params, 0);
  const oidEl = derElement(params, seq.start);
  const curveOid = decodeOid(params.subarray(oidEl.start, oidEl.end));
  if (!CURVES[curveOid]) return null;
  const key = AsnConvert.parse(spki.subjectPublicKey, OctetString);
  return { publicKey: new Uint8Array(key.buffer), curveOid };
}

function decodeOid(b: Uint8Array): string {
  const parts: number[] = [];
  let v = 0;
  for (const byte of b) {
    v = v * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      if (parts.length === 0) parts.push(Math.min(2, Math.floor(v / 40)), v - Math.min(2, Math.floor(v / 40)) * 40);
      else parts.push(v);
      v = 0;
    }
  }
  return parts.join(".");
}

function extension<T>(cert: Certificate, oid: string, type: new () => T): T | null {
  const ext = cert.tbsCertificate.extensions?.find((e) => e.extnID === oid);
  return ext ? AsnConvert.parse(ext.extnValue, type) : null;
}

/** Reads a certificate (DER, or the first certificate of a PEM text); throws on anything else. */
export function parseCertificate(input: Uint8Array): CertInfo {
  const block = pemBlocks(input).find((b) => b.label === "CERTIFICATE" || b.label === "DER");
  if (!block) throw new Error("not a certificate");
  const der = block.der;
  const asn = AsnConvert.parse(der, Certificate);
  const tbs = asn.tbsCertificate;
  const key = gostKey(tbs.subjectPublicKeyInfo);
  const subject = nameParts(tbs.subject);
  const bc = extension(asn, id_ce_basicConstraints, BasicConstraints);
  const ski = extension(asn, id_ce_subjectKeyIdentifier, SubjectKeyIdentifier);
  const aki = extension(asn, id_ce_authorityKeyIdentifier, AuthorityKeyIdentifier);
  return {
    der,
    asn,
    serial: serialHex(tbs.serialNumber),
    subject,
    issuer: nameParts(tbs.issuer),
    owner: ownerName(subject),
    notBefore: tbs.validity.notBefore.getTime(),
    notAfter: tbs.validity.notAfter.getTime(),
    publicKey: key?.publicKey ?? null,
    curveOid: key?.curveOid ?? null,
    isCa: bc?.cA === true,
    subjectKeyId: ski ? hex(ski.buffer) : null,
    authorityKeyId: aki?.keyIdentifier ? hex(aki.keyIdentifier.buffer) : null,
  };
}

/** Whether `cert` was signed by the key of `issuer` (names chained, GOST signature valid). */
export function issuedBy(cert: CertInfo, issuer: CertInfo): boolean {
  if (!sameName(cert.asn.tbsCertificate.issuer, issuer.asn.tbsCertificate.subject)) return false;
  if (!issuer.publicKey || !issuer.curveOid) return false;
  if (cert.asn.signatureAlgorithm.algorithm !== OID.signWithStreebog256) return false;
  const sig = new Uint8Array(cert.asn.signatureValue);
  return gostVerify(issuer.publicKey, sig, firstInner(cert.der), issuer.curveOid);
}

export type IssuerKey = {
  cert: CertInfo | null;
  subject?: DnPart[];
  privateKey: Uint8Array;
  publicKey: Uint8Array;
  curveOid: string;
};

function gostSpki(publicKey: Uint8Array, curveOid: string): SubjectPublicKeyInfo {
  return new SubjectPublicKeyInfo({
    algorithm: new AlgorithmIdentifier({
      algorithm: OID.gost2012_256,
      parameters: encodeSequenceOfOids([curveOid, OID.streebog256]),
    }),
    subjectPublicKey: AsnConvert.serialize(new OctetString(publicKey)),
  });
}

/** An OBJECT IDENTIFIER, tag and length included. */
export function encodeOid(oid: string): Uint8Array {
  const nums = oid.split(".").map(Number);
  const out: number[] = [nums[0]! * 40 + nums[1]!];
  for (const n of nums.slice(2)) {
    const bytes = [n & 0x7f];
    for (let v = Math.floor(n / 128); v > 0; v = Math.floor(v / 128)) bytes.unshift((v & 0x7f) | 0x80);
    out.push(...bytes);
  }
  return new Uint8Array([0x06, out.length, ...out]);
}

function encodeSequenceOfOids(oids: string[]): ArrayBuffer {
  const body = oids.flatMap((o) => [...encodeOid(o)]);
  return new Uint8Array([0x30, body.length, ...body]).buffer;
}

function keyId(publicKey: Uint8Array): Uint8Array {
  return streebog256(publicKey).subarray(0, 20);
}

/**
 * Issues a certificate signed by `issuer` (or self-signed when `issuer` is the subject's own key):
 * used by the tests' CA and the demo municipality's CA, never for a real signer.
 */
export function issueCertificate(o: {
  subject: DnPart[];
  publicKey: Uint8Array;
  curveOid?: string;
  issuer: IssuerKey;
  serial: Uint8Array;
  notBefore: Date;
  notAfter: Date;
  ca?: boolean;
}): Uint8Array {
  const curveOid = o.curveOid ?? OID.cryptoProA;
  const issuerName = o.issuer.cert ? o.issuer.cert.asn.tbsCertificate.subject : makeName(o.issuer.subject ?? o.subject);
  const tbs = new TBSCertificate({
    version: Version.v3,
    serialNumber: integerBytes(o.serial),
    signature: new AlgorithmIdentifier({ algorithm: OID.signWithStreebog256 }),
    issuer: issuerName,
    validity: new Validity({ notBefore: o.notBefore, notAfter: o.notAfter }),
    subject: makeName(o.subject),
    subjectPublicKeyInfo: gostSpki(o.publicKey, curveOid),
    extensions: new Extensions([
      new Extension({
        extnID: id_ce_basicConstraints,
        critical: true,
        extnValue: new OctetString(AsnConvert.serialize(new BasicConstraints({ cA: o.ca === true }))),
      }),
      new Extension({
        extnID: id_ce_keyUsage,
        critical: true,
        extnValue: new OctetString(
          AsnConvert.serialize(
            new KeyUsage(
              o.ca
                ? KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign | KeyUsageFlags.digitalSignature
                : KeyUsageFlags.digitalSignature | KeyUsageFlags.nonRepudiation,
            ),
          ),
        ),
      }),
      new Extension({
        extnID: id_ce_subjectKeyIdentifier,
        extnValue: new OctetString(AsnConvert.serialize(new SubjectKeyIdentifier(keyId(o.publicKey)))),
      }),
      new Extension({
        extnID: id_ce_authorityKeyIdentifier,
        extnValue: new OctetString(
          AsnConvert.serialize(
            new AuthorityKeyIdentifier({ keyIdentifier: new KeyIdentifier(keyId(o.issuer.publicKey)) }),
          ),
        ),
      }),
    ]),
  });
  const tbsDer = new Uint8Array(AsnConvert.serialize(tbs));
  const signature = gostSign(o.issuer.privateKey, tbsDer, o.issuer.curveOid);
  const cert = new Certificate({
    tbsCertificate: tbs,
    signatureAlgorithm: new AlgorithmIdentifier({ algorithm: OID.signWithStreebog256 }),
    signatureValue: signature.buffer.slice(
      signature.byteOffset,
      signature.byteOffset + signature.byteLength,
    ) as ArrayBuffer,
  });
  return new Uint8Array(AsnConvert.serialize(cert));
}

// ---------------------------------------------------------------------------------------------
// CRLs
// ---------------------------------------------------------------------------------------------

export type CrlInfo = {
  der: Uint8Array;
  asn: CertificateList;
  issuer: DnPart[];
  thisUpdate: Date;
  nextUpdate: Date | null;
  revoked: { serial: string; date: Date }[];
};

export function parseCrl(input: Uint8Array): CrlInfo {
  const block = pemBlocks(input).find((b) => b.label === "X509 CRL" || b.label === "DER");
  if (!block) throw new Error("not a CRL");
  const asn = AsnConvert.parse(block.der, CertificateList);
  const t = asn.tbsCertList;
  return {
    der: block.der,
    asn,
    issuer: nameParts(t.issuer),
    thisUpdate: t.thisUpdate.getTime(),
    nextUpdate: t.nextUpdate ? t.nextUpdate.getTime() : null,
    revoked: (t.revokedCertificates ?? []).map((r) => ({
      serial: serialHex(r.userCertificate),
      date: r.revocationDate.getTime(),
    })),
  };
}

/** Whether the CRL was signed by `issuer`'s key. */
export function crlIssuedBy(crl: CrlInfo, issuer: CertInfo): boolean {
  if (!sameName(crl.asn.tbsCertList.issuer, issuer.asn.tbsCertificate.subject)) return false;
  if (!issuer.publicKey || !issuer.curveOid) return false;
  return gostVerify(issuer.publicKey, new Uint8Array(crl.asn.signature), firstInner(crl.der), issuer.curveOid);
}

/** A CRL signed by a CA's key (the tests' and the demo's CA). */
export function issueCrl(o: {
  issuer: IssuerKey & { cert: CertInfo };
  revoked: { serial: string; date: Date }[];
  thisUpdate: Date;
  nextUpdate: Date;
}): Uint8Array {
  const tbs = new TBSCertList({
    version: Version.v2,
    signature: new AlgorithmIdentifier({ algorithm: OID.signWithStreebog256 }),
    issuer: o.issuer.cert.asn.tbsCertificate.subject,
    thisUpdate: new Time(o.thisUpdate),
    nextUpdate: new Time(o.nextUpdate),
    ...(o.revoked.length
      ? {
          revokedCertificates: o.revoked.map(
            (r) =>
              new RevokedCertificate({
                userCertificate: integerBytes(
                  new Uint8Array(Buffer.from(r.serial.length % 2 ? `0${r.serial}` : r.serial, "hex")),
                ),
                revocationDate: new Time(r.date),
              }),
          ),
        }
      : {}),
  });
  const tbsDer = new Uint8Array(AsnConvert.serialize(tbs));
  const signature = gostSign(o.issuer.privateKey, tbsDer, o.issuer.curveOid);
  return new Uint8Array(
    AsnConvert.serialize(
      new CertificateList({
        tbsCertList: tbs,
        signatureAlgorithm: new AlgorithmIdentifier({ algorithm: OID.signWithStreebog256 }),
        signature: signature.slice().buffer,
      }),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Private keys (PKCS#8, unencrypted, as OpenSSL's GOST engine writes them)
// ---------------------------------------------------------------------------------------------

export function parsePrivateKey(input: Uint8Array): { privateKey: Uint8Array; curveOid: string } {
  const block = pemBlocks(input).find((b) => b.label === "PRIVATE KEY" || b.label === "DER");
  if (!block) throw new Error("not a private key");
  const info = AsnConvert.parse(block.der, PrivateKeyInfo);
  if (info.privateKeyAlgorithm.algorithm !== OID.gost2012_256 || !info.privateKeyAlgorithm.parameters)
    throw new Error("not a GOST R 34.10-2012 256-bit key");
  const params = new Uint8Array(info.privateKeyAlgorithm.parameters);
  const seq = derElement(params, 0);
  const oidEl = derElement(params, seq.start);
  const curveOid = decodeOid(params.subarray(oidEl.start, oidEl.end));
  if (!CURVES[curveOid]) throw new Error("unsupported parameter set");
  let key = new Uint8Array(info.privateKey.buffer);
  // Older writers wrap the key once more: an OCTET STRING (little-endian) or an INTEGER (big-endian).
  if (key.length > 32 && key[0] === 0x04) {
    const el = derElement(key, 0);
    key = key.slice(el.start, el.end);
  } else if (key.length > 32 && key[0] === 0x02) {
    const el = derElement(key, 0);
    key = key.slice(el.start, el.end).reverse();
    while (key.length > 32 && key[key.length - 1] === 0) key = key.slice(0, -1);
  }
  if (key.length !== 32) throw new Error("unexpected key length");
  return { privateKey: key, curveOid };
}

export function encodePrivateKey(privateKey: Uint8Array, curveOid: string = OID.cryptoProA): Uint8Array {
  return new Uint8Array(
    AsnConvert.serialize(
      new PrivateKeyInfo({
        version: 0,
        privateKeyAlgorithm: new AlgorithmIdentifier({
          algorithm: OID.gost2012_256,
          parameters: encodeSequenceOfOids([curveOid, OID.streebog256]),
        }),
        privateKey: new OctetString(privateKey),
      }),
    ),
  );
}
