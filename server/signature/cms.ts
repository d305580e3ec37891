// Detached CMS signatures (CAdES-BES) with GOST R 34.10-2012 / 34.11-2012 (RFC 5652, RFC 4490,
// ETSI EN 319 122-1): what Reglament writes as the `.sig` of a result document (R20, R26) and what
// it checks when an applicant attaches a `.sig` beside a document (R17; S1 p.28, p.34; S2 p.46.2).
// The verdict is always one of a fixed list, told in Russian: a malformed file, another document,
// a broken signature value, a certificate out of its validity, untrusted or revoked. Nothing here
// throws on bad input.
import { AsnConvert, OctetString } from "@peculiar/asn1-schema";
import {
  Attribute,
  CertificateChoices,
  CertificateSet,
  ContentInfo,
  EncapsulatedContentInfo,
  IssuerAndSerialNumber,
  SignedData,
  SignerIdentifier,
  SignerInfo,
  SignerInfos,
  DigestAlgorithmIdentifiers,
  id_signedData,
  id_data,
} from "@peculiar/asn1-cms";
import { AlgorithmIdentifier, Time } from "@peculiar/asn1-x509";
import { formatDate } from "../format/dates";
import { OID, gostSign, gostVerify, streebog256 } from "./gost";
import {
  type CertInfo,
  type CrlInfo,
  crlIssuedBy,
  derElement,
  dnString,
  issuedBy,
  nameParts,
  parseCertificate,
  pemBlocks,
  sameBytes,
  serialHex,
  encodeOid,
} from "./x509";

const ATTR = {
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingTime: "1.2.840.113549.1.9.5",
  signingCertificateV2: "1.2.840.113549.1.9.16.2.47",
} as const;

// ---------------------------------------------------------------------------------------------
// Signing
// ---------------------------------------------------------------------------------------------

function der(tag: number, body: Uint8Array): Uint8Array {
  const n = body.length;
  const len =
    n < 0x80
      ? [n]
      : n < 0x100
        ? [0x81, n]
        : n < 0x10000
          ? [0x82, n >> 8, n & 0xff]
          : [0x83, n >> 16, (n >> 8) & 0xff, n & 0xff];
  return new Uint8Array([tag, ...len, ...body]);
}
const concat = (...parts: Uint8Array[]) => new Uint8Array(parts.flatMap((p) => [...p]));
const ab = (u: Uint8Array) => u.slice().buffer as ArrayBuffer;

/** ESS signing-certificate-v2 (RFC 5035): binds the signer's certificate into what is signed (CAdES-BES). */
function signingCertificateV2(cert: CertInfo): ArrayBuffer {
  const hashAlg = der(
    0x30,
    new Uint8Array(AsnConvert.serialize(new AlgorithmIdentifier({ algorithm: OID.streebog256 }))).subarray(2),
  );
  const certHash = der(0x04, streebog256(cert.der));
  const issuerName = new Uint8Array(AsnConvert.serialize(cert.asn.tbsCertificate.issuer));
  const generalNames = der(0x30, der(0xa4, issuerName)); // GeneralNames { directoryName [4] EXPLICIT Name }
  const serial = new Uint8Array(cert.asn.tbsCertificate.serialNumber);
  const issuerSerial = der(0x30, concat(generalNames, der(0x02, serial)));
  const essCertId = der(0x30, concat(hashAlg, certHash, issuerSerial));
  return ab(der(0x30, der(0x30, essCertId)));
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/**
 * A detached CAdES-BES signature of `content` by the holder of `privateKey` and `cert`: the DER of
 * a ContentInfo/SignedData carrying the signer's certificate (and `chain`), without the content.
 */
export function signDetached(o: {
  content: Uint8Array;
  privateKey: Uint8Array;
  cert: CertInfo;
  signingTime: Date;
  chain?: CertInfo[];
}): Uint8Array {
  if (!o.cert.curveOid) throw new Error("the certificate is not a GOST R 34.10-2012 256-bit one");
  const attrs = [
    new Attribute({ attrType: ATTR.contentType, attrValues: [ab(encodeOid(id_data))] }),
    new Attribute({ attrType: ATTR.signingTime, attrValues: [AsnConvert.serialize(new Time(o.signingTime))] }),
    new Attribute({
      attrType: ATTR.messageDigest,
      attrValues: [AsnConvert.serialize(new OctetString(streebog256(o.content)))],
    }),
    new Attribute({ attrType: ATTR.signingCertificateV2, attrValues: [signingCertificateV2(o.cert)] }),
  ];
  // DER orders a SET OF by encoding: the attributes are written in that order, and what is signed
  // is exactly the SET they make (checked below against what the encoder wrote).
  const encoded = attrs
    .map((a) => ({ a, der: new Uint8Array(AsnConvert.serialize(a)) }))
    .sort((x, y) => compareBytes(x.der, y.der));
  const signedAttrsSet = der(0x31, concat(...encoded.map((e) => e.der)));
  const signature = gostSign(o.privateKey, signedAttrsSet, o.cert.curveOid);
  const signerInfo = new SignerInfo({
    version: 1,
    sid: new SignerIdentifier({
      issuerAndSerialNumber: new IssuerAndSerialNumber({
        issuer: o.cert.asn.tbsCertificate.issuer,
        serialNumber: o.cert.asn.tbsCertificate.serialNumber,
      }),
    }),
    digestAlgorithm: new AlgorithmIdentifier({ algorithm: OID.streebog256 }),
    signedAttrs: encoded.map((e) => e.a),
    signatureAlgorithm: new AlgorithmIdentifier({ algorithm: OID.gost2012_256 }),
    signature: new OctetString(signature),
  });
  const sd = new SignedData({
    version: 1,
    digestAlgorithms: new DigestAlgorithmIdentifiers([new AlgorithmIdentifier({ algorithm: OID.streebog256 })]),
    encapContentInfo: new EncapsulatedContentInfo({ eContentType: id_data }),
    certificates: new CertificateSet(
      [o.cert, ...(o.chain ?? [])].map((c) => new CertificateChoices({ certificate: c.asn })),
    ),
    signerInfos: new SignerInfos([signerInfo]),
  });
  const out = new Uint8Array(
    AsnConvert.serialize(new ContentInfo({ contentType: id_signedData, content: AsnConvert.serialize(sd) })),
  );
  const written = rawSignedAttributes(out);
  if (!written || !sameBytes(written.subarray(1), signedAttrsSet.subarray(1)))
    throw new Error("signed attributes were not encoded as signed");
  return out;
}

// ---------------------------------------------------------------------------------------------
// Verification
// ---------------------------------------------------------------------------------------------

export type VerdictCode =
  | "valid"
  | "malformed"
  | "unsupported"
  | "no_certificate"
  | "other_document"
  | "bad_signature"
  | "expired"
  | "not_yet_valid"
  | "untrusted"
  | "revoked";

export type SignerSummary = {
  owner: string;
  subject: string;
  organisation: string | null;
  serial: string;
  issuer: string;
  notBefore: Date;
  notAfter: Date;
};

export type Verdict = {
  valid: boolean;
  code: VerdictCode;
  /** In Russian, for the clerk, the applicant and anyone checking a document. */
  message: string;
  /** What was checked beyond the verdict, or could not be (no CRL loaded for the issuer). */
  notes: string[];
  signer: SignerSummary | null;
  signingTime: Date | null;
};

export type TrustStore = {
  /** Root (and intermediate) certificates the administrator trusts. */
  anchors: CertInfo[];
  crls: CrlInfo[];
};

export function summary(cert: CertInfo): SignerSummary {
  return {
    owner: cert.owner,
    subject: dnString(cert.subject),
    organisation: cert.subject.find((p) => p.type === "O")?.value ?? null,
    serial: cert.serial,
    issuer: cert.issuer.find((p) => p.type === "CN")?.value ?? dnString(cert.issuer),
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
  };
}

function fail(
  code: VerdictCode,
  message: string,
  signer: CertInfo | null = null,
  signingTime: Date | null = null,
): Verdict {
  return { valid: false, code, message, notes: [], signer: signer ? summary(signer) : null, signingTime };
}

/** A `.sig`/`.p7s` file as bytes: DER, PEM ("PKCS7", "CMS") or bare base64, as CAs' tools write it. */
export function signatureBytes(input: Uint8Array): Uint8Array | null {
  if (input[0] === 0x30) return input;
  const blocks = pemBlocks(input);
  if (blocks.length > 0 && blocks[0]!.label !== "DER") return blocks[0]!.der;
  const text = new TextDecoder("latin1").decode(input).replace(/\s+/g, "");
  if (text.length > 0 && /^[A-Za-z0-9+/]+=*$/.test(text)) {
    const b = new Uint8Array(Buffer.from(text, "base64"));
    if (b[0] === 0x30) return b;
  }
  return null;
}

function parseSignedData(bytes: Uint8Array): SignedData | null {
  try {
    const ci = AsnConvert.parse(bytes, ContentInfo);
    if (ci.contentType !== id_signedData) return null;
    return AsnConvert.parse(ci.content, SignedData);
  } catch {
    return null;
  }
}

/**
 * The first signer's signed attributes exactly as encoded in the file (tag [0] included): what
 * the signature covers, once re-tagged as a SET. The schema parser does not keep them raw.
 */
function rawSignedAttributes(bytes: Uint8Array): Uint8Array | null {
  try {
    const ci = derElement(bytes, 0);
    const oid = derElement(bytes, ci.start);
    const explicit = derElement(bytes, oid.end);
    const sd = derElement(bytes, explicit.start);
    let at = sd.start;
    let el = derElement(bytes, at);
    // version, digestAlgorithms, encapContentInfo, [0] certificates, [1] crls, then signerInfos (a SET)
    for (let i = 0; el.tag !== 0x31 || i < 2; i++) {
      at = el.end;
      el = derElement(bytes, at);
    }
    const signerInfos = el;
    const si = derElement(bytes, signerInfos.start);
    at = si.start;
    for (let i = 0; i < 3; i++) at = derElement(bytes, at).end; // version, sid, digestAlgorithm
    const attrs = derElement(bytes, at);
    return attrs.tag === 0xa0 ? bytes.subarray(at, attrs.end) : null;
  } catch {
    return null;
  }
}

function attrValue(si: SignerInfo, type: string): ArrayBuffer | null {
  return si.signedAttrs?.find((a) => a.attrType === type)?.attrValues[0] ?? null;
}

/** The chain from `cert` up to a trust anchor, through the anchors and the certificates the CMS carries. */
function chainTo(cert: CertInfo, pool: CertInfo[], anchors: CertInfo[]): CertInfo[] | null {
  const chain = [cert];
  let current = cert;
  for (let depth = 0; depth < 6; depth++) {
    const anchor = anchors.find((a) => sameBytes(a.der, current.der) || issuedBy(current, a));
    if (anchor) return sameBytes(anchor.der, current.der) ? chain : [...chain, anchor];
    const next = pool.find((c) => !chain.some((x) => sameBytes(x.der, c.der)) && issuedBy(current, c));
    if (!next) return null;
    chain.push(next);
    current = next;
  }
  return null;
}

/**
 * Checks a detached signature over `content`: the signature value, the certificate's validity at
 * signing time, its chain to one of `trust.anchors`, and revocation by the CRLs the administrator
 * loaded. `now` stands for the signing time when the signature names none.
 */
export function verifyDetached(content: Uint8Array, signatureFile: Uint8Array, trust: TrustStore, now: Date): Verdict {
  const bytes = signatureBytes(signatureFile);
  const sd = bytes ? parseSignedData(bytes) : null;
  if (!sd)
    return fail(
      "malformed",
      "Файл не является электронной подписью (ожидается открепленная подпись CMS/PKCS#7, файл .sig или .p7s)",
    );
  const si = sd.signerInfos[0];
  if (!si) return fail("malformed", "В файле подписи нет ни одной подписи");
  if (sd.encapContentInfo.eContent) {
    const inner = sd.encapContentInfo.eContent.single ?? sd.encapContentInfo.eContent.any;
    // An attached signature carries its own content: it must be this document.
    if (inner && !sameBytes(new Uint8Array(inner instanceof OctetString ? inner.buffer : inner), content))
      return fail(
        "other_document",
        "Подпись относится к другому документу: содержимое файла не совпадает с подписанным",
      );
  }

  const certs: CertInfo[] = [];
  for (const c of sd.certificates ?? []) {
    if (!c.certificate) continue;
    try {
      certs.push(parseCertificate(new Uint8Array(AsnConvert.serialize(c.certificate))));
    } catch {
      /* a certificate we cannot read is not the signer's */
    }
  }
  const sid = si.sid;
  const signer = certs.find((c) =>
    sid.issuerAndSerialNumber
      ? c.serial === serialHex(sid.issuerAndSerialNumber.serialNumber) &&
        dnString(c.issuer) === dnString(nameParts(sid.issuerAndSerialNumber.issuer))
      : sid.subjectKeyIdentifier
        ? c.subjectKeyId === Buffer.from(sid.subjectKeyIdentifier.buffer).toString("hex").toUpperCase()
        : false,
  );
  if (!signer) return fail("no_certificate", "В подписи нет сертификата подписавшего: проверить ее нельзя");

  if (si.digestAlgorithm.algorithm !== OID.streebog256 || !signer.publicKey || !signer.curveOid)
    return fail(
      "unsupported",
      "Подпись выполнена по алгоритму, который система не проверяет (поддерживается ГОСТ Р 34.10-2012 с ключом 256 бит)",
      signer,
    );

  let signingTime: Date | null = null;
  const st = attrValue(si, ATTR.signingTime);
  if (st) {
    try {
      signingTime = AsnConvert.parse(st, Time).getTime();
    } catch {
      return fail("malformed", "Время подписания в подписи повреждено", signer);
    }
  }

  // The signature value, over the signed attributes as they were encoded (re-tagged as a SET),
  // or over the content itself when there are none.
  let signedBytes: Uint8Array;
  if (si.signedAttrs) {
    const raw = rawSignedAttributes(bytes!);
    if (!raw) return fail("malformed", "Подписанные атрибуты в файле подписи повреждены", signer, signingTime);
    signedBytes = concat(new Uint8Array([0x31]), raw.subarray(1));
    const md = attrValue(si, ATTR.messageDigest);
    if (!md) return fail("malformed", "В подписи нет хэш-значения документа", signer, signingTime);
    const digest = new Uint8Array(AsnConvert.parse(md, OctetString).buffer);
    if (!sameBytes(digest, streebog256(content)))
      return fail(
        "other_document",
        "Подпись не соответствует документу: документ изменен после подписания или подпись сделана к другому файлу",
        signer,
        signingTime,
      );
  } else signedBytes = content;
  if (!gostVerify(signer.publicKey, new Uint8Array(si.signature.buffer), signedBytes, signer.curveOid))
    return fail(
      "bad_signature",
      "Подпись недействительна: значение подписи не сходится с сертификатом подписавшего",
      signer,
      signingTime,
    );

  return checkCertificate(signer, { pool: certs, trust, at: signingTime ?? now, now, signingTime });
}

/**
 * A certificate's own verdict at `at` (the signing time, or now for a certificate being registered):
 * its validity, its chain to a trust anchor (through `pool`, the certificates a signature carries),
 * and revocation by the loaded CRLs of each CA on the chain.
 */
export function checkCertificate(
  signer: CertInfo,
  o: { pool?: CertInfo[]; trust: TrustStore; at: Date; now: Date; signingTime?: Date | null; registering?: boolean },
): Verdict {
  const { trust, at, now } = o;
  const moment = o.registering ? "сейчас" : "на момент подписания";
  const signingTime = o.signingTime ?? null;
  const certs = o.pool ?? [];
  if (at < signer.notBefore)
    return fail(
      "not_yet_valid",
      `Сертификат ${o.registering ? "" : "подписавшего "}еще не действует ${moment} (действует с ${formatDate(signer.notBefore)})`,
      signer,
      signingTime,
    );
  if (at > signer.notAfter)
    return fail(
      "expired",
      o.registering
        ? `Срок действия сертификата истек ${formatDate(signer.notAfter)}`
        : `Срок действия сертификата подписавшего истек ${formatDate(signer.notAfter)}, до подписания`,
      signer,
      signingTime,
    );

  const chain = chainTo(signer, certs, trust.anchors);
  if (!chain) {
    const issuer = signer.issuer.find((p) => p.type === "CN")?.value ?? dnString(signer.issuer);
    return fail(
      "untrusted",
      `Сертификат выдан удостоверяющим центром, которому система не доверяет: «${issuer}»`,
      signer,
      signingTime,
    );
  }
  for (const c of chain.slice(1)) {
    if (at < c.notBefore || at > c.notAfter)
      return fail(
        "expired",
        `Сертификат удостоверяющего центра «${c.owner}» не действует ${moment}`,
        signer,
        signingTime,
      );
  }

  const notes: string[] = [];
  for (let i = 0; i < chain.length - 1; i++) {
    const cert = chain[i]!;
    const issuer = chain[i + 1]!;
    const crls = trust.crls.filter((l) => crlIssuedBy(l, issuer)).sort((a, b) => +b.thisUpdate - +a.thisUpdate);
    const crl = crls[0];
    if (!crl) {
      notes.push(
        `Отзыв сертификата «${cert.owner}» не проверен: список отзыва удостоверяющего центра «${issuer.owner}» не загружен`,
      );
      continue;
    }
    const revoked = crl.revoked.find((r) => r.serial === cert.serial);
    if (revoked)
      return fail(
        "revoked",
        `Сертификат «${cert.owner}» отозван удостоверяющим центром ${formatDate(revoked.date)}`,
        signer,
        signingTime,
      );
    if (crl.nextUpdate && crl.nextUpdate < now)
      notes.push(
        `Список отзыва удостоверяющего центра «${issuer.owner}» устарел: следующий выпуск ожидался ${formatDate(crl.nextUpdate)}`,
      );
  }
  return {
    valid: true,
    code: "valid",
    message: `Подпись действительна: ${signer.owner}`,
    notes,
    signer: summary(signer),
    signingTime,
  };
}
