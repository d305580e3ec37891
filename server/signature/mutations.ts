// Writes for electronic signatures (issue 15): the administrator's trust store (CA certificates and
// CRLs), the officials' signing certificates and server-held keys, and the signing of a document's
// exact bytes in one of the ways an official holds a key. Bad input gets a Russian reason and
// nothing is written.
import "server-only";
import { createHash } from "node:crypto";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors";
import { recordAdminEvent } from "../audit/mutations";
import { admit, clearAttempts } from "../throttle/mutations";
import { THROTTLES } from "../throttle/policy";
import { formatDate } from "../format/dates";
import { checkCertificate, signDetached, signatureBytes, summary, verifyDetached, type SignerSummary } from "./cms";
import { publicKeyOf } from "./gost";
import { sealKey, unsealKey, PIN_MAX, PIN_MIN } from "./keys";
import type { SigningInput } from "./schema";
import { loadTrustStore } from "./data";
import { type CertInfo, crlIssuedBy, dnString, parseCertificate, parseCrl, parsePrivateKey, sameBytes } from "./x509";

export const thumbprint = (der: Uint8Array) => createHash("sha256").update(der).digest("hex");

function readCertificate(bytes: Uint8Array): CertInfo {
  let cert: CertInfo;
  try {
    cert = parseCertificate(bytes);
  } catch {
    throw new AppError(
      "INVALID",
      "Файл не является сертификатом X.509 (ожидается .cer или .crt в формате DER или PEM)",
      {
        certificate: "Выберите файл сертификата (.cer, .crt)",
      },
    );
  }
  if (!cert.publicKey)
    throw new AppError(
      "INVALID",
      "Сертификат выпущен не для ключа ГОСТ Р 34.10-2012 (256 бит): система подписывает и проверяет только такие",
      { certificate: "Нужен сертификат ГОСТ Р 34.10-2012 (256 бит)" },
    );
  return cert;
}

// ---------------------------------------------------------------------------------------------
// The administrator's trust store
// ---------------------------------------------------------------------------------------------

export async function addTrustedCertificate(db: Db, actorId: string | null, bytes: Uint8Array) {
  const cert = readCertificate(bytes);
  if (!cert.isCa)
    throw new AppError(
      "INVALID",
      `«${cert.owner}» — сертификат не удостоверяющего центра: доверять нужно корневому (или промежуточному) сертификату УЦ, выдавшего сертификаты подписантов`,
      { certificate: "Нужен сертификат удостоверяющего центра" },
    );
  const tp = thumbprint(cert.der);
  return db.$transaction(async (tx) => {
    if (await tx.trustedCertificate.findUnique({ where: { thumbprint: tp }, select: { id: true } }))
      throw new AppError("CONFLICT", `Сертификат «${cert.owner}» уже в списке доверенных`);
    const row = await tx.trustedCertificate.create({
      data: {
        der: Buffer.from(cert.der),
        thumbprint: tp,
        subject: dnString(cert.subject),
        serial: cert.serial,
        notBefore: cert.notBefore,
        notAfter: cert.notAfter,
        createdById: actorId,
      },
      select: { id: true },
    });
    await recordAdminEvent(tx, {
      actorId,
      type: "trusted_certificate_added",
      subjectType: "trusted_certificate",
      subjectId: row.id,
      after: { subject: dnString(cert.subject), serial: cert.serial, thumbprint: tp },
    });
    return { id: row.id, owner: cert.owner };
  });
}

export async function removeTrustedCertificate(db: Db, actorId: string, id: string) {
  return db.$transaction(async (tx) => {
    const row = await tx.trustedCertificate.findUnique({ where: { id }, select: { subject: true, serial: true } });
    if (!row) throw new AppError("NOT_FOUND", "Сертификат не найден: возможно, его уже удалили");
    await tx.trustedCertificate.delete({ where: { id } });
    await recordAdminEvent(tx, {
      actorId,
      type: "trusted_certificate_removed",
      subjectType: "trusted_certificate",
      subjectId: id,
      before: row,
    });
  });
}

export async function addRevocationList(db: Db, actorId: string | null, bytes: Uint8Array) {
  let crl;
  try {
    crl = parseCrl(bytes);
  } catch {
    throw new AppError(
      "INVALID",
      "Файл не является списком отзыва сертификатов (ожидается .crl в формате DER или PEM)",
      {
        crl: "Выберите файл списка отзыва (.crl)",
      },
    );
  }
  const trust = await loadTrustStore(db);
  const issuer = trust.anchors.find((a) => crlIssuedBy(crl, a));
  if (!issuer)
    throw new AppError(
      "INVALID",
      `Список отзыва выпущен «${dnString(crl.issuer)}», а этого удостоверяющего центра нет среди доверенных (или подпись списка неверна): сначала добавьте его сертификат`,
      { crl: "Список отзыва не доверенного УЦ" },
    );
  const tp = thumbprint(crl.der);
  return db.$transaction(async (tx) => {
    if (await tx.revocationList.findUnique({ where: { thumbprint: tp }, select: { id: true } }))
      throw new AppError("CONFLICT", "Этот список отзыва уже загружен");
    const row = await tx.revocationList.create({
      data: {
        der: Buffer.from(crl.der),
        thumbprint: tp,
        issuer: issuer.owner,
        thisUpdate: crl.thisUpdate,
        nextUpdate: crl.nextUpdate,
        revokedCount: crl.revoked.length,
        createdById: actorId,
      },
      select: { id: true },
    });
    await recordAdminEvent(tx, {
      actorId,
      type: "revocation_list_loaded",
      subjectType: "revocation_list",
      subjectId: row.id,
      after: { issuer: issuer.owner, thisUpdate: crl.thisUpdate.toISOString(), revoked: crl.revoked.length },
    });
    return { id: row.id, issuer: issuer.owner, revoked: crl.revoked.length };
  });
}

export async function removeRevocationList(db: Db, actorId: string, id: string) {
  return db.$transaction(async (tx) => {
    const row = await tx.revocationList.findUnique({ where: { id }, select: { issuer: true, thisUpdate: true } });
    if (!row) throw new AppError("NOT_FOUND", "Список отзыва не найден: возможно, его уже удалили");
    await tx.revocationList.delete({ where: { id } });
    await recordAdminEvent(tx, {
      actorId,
      type: "revocation_list_removed",
      subjectType: "revocation_list",
      subjectId: id,
      before: { issuer: row.issuer, thisUpdate: row.thisUpdate.toISOString() },
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Officials' certificates and keys
// ---------------------------------------------------------------------------------------------

/**
 * An official adds their certificate: alone (the key stays with them: a `.sig` made by their own
 * program, or the CryptoPro plug-in), or with the private key file and a PIN, and the server holds
 * the key sealed under that PIN. The certificate must be valid now and chain to a trusted CA; the key
 * must be the certificate's.
 */
export async function registerSigningCertificate(
  db: Db,
  userId: string,
  input: { certificate: Uint8Array; key?: Uint8Array; pin?: string },
  now: Date,
) {
  const cert = readCertificate(input.certificate);
  const verdict = checkCertificate(cert, { trust: await loadTrustStore(db), at: now, now, registering: true });
  if (!verdict.valid) throw new AppError("INVALID", verdict.message, { certificate: verdict.message });
  let sealed: Uint8Array<ArrayBuffer> | null = null;
  if (input.key) {
    let key;
    try {
      key = parsePrivateKey(input.key);
    } catch {
      throw new AppError(
        "INVALID",
        "Файл ключа не читается: нужен закрытый ключ ГОСТ Р 34.10-2012 (256 бит) в формате PEM или DER (PKCS#8) без пароля",
        { key: "Выберите файл закрытого ключа (.key, .pem)" },
      );
    }
    const pub = publicKeyOf(key.privateKey, key.curveOid);
    if (key.curveOid !== cert.curveOid || !cert.publicKey || !sameBytes(pub, cert.publicKey))
      throw new AppError(
        "INVALID",
        "Ключ не соответствует сертификату: выберите ключ, для которого выдан этот сертификат",
        {
          key: "Ключ от другого сертификата",
        },
      );
    const pin = input.pin ?? "";
    if (pin.length < PIN_MIN || pin.length > PIN_MAX)
      throw new AppError("INVALID", `PIN-код — от ${PIN_MIN} до ${PIN_MAX} знаков`, {
        pin: `Придумайте PIN-код от ${PIN_MIN} до ${PIN_MAX} знаков`,
      });
    sealed = sealKey(key.privateKey, pin);
  }
  const tp = thumbprint(cert.der);
  const existing = await db.signingCertificate.findUnique({
    where: { thumbprint: tp },
    select: { userId: true, withdrawnAt: true },
  });
  if (existing && (existing.userId !== userId || !existing.withdrawnAt))
    throw new AppError(
      "CONFLICT",
      existing.userId === userId
        ? "Этот сертификат уже добавлен"
        : "Этот сертификат уже закреплен за другим сотрудником",
    );
  const data = {
    der: Buffer.from(cert.der),
    serial: cert.serial,
    owner: cert.owner,
    issuer: verdict.signer!.issuer,
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
    sealedKey: sealed,
    withdrawnAt: null,
  };
  const row = await db.signingCertificate.upsert({
    where: { thumbprint: tp },
    create: { userId, thumbprint: tp, ...data },
    update: data,
    select: { id: true },
  });
  return { id: row.id, owner: cert.owner, serial: cert.serial, serverKey: sealed !== null, notes: verdict.notes };
}

/**
 * The holder (or an administrator) withdraws a certificate: it signs nothing more; the server's key
 * copy is erased. An administrator's withdrawal is in the administrators' log.
 */
export async function withdrawSigningCertificate(
  db: Db,
  actor: { userId: string; admin: boolean },
  id: string,
  now: Date,
) {
  const row = await db.signingCertificate.findUnique({
    where: { id },
    select: { userId: true, withdrawnAt: true, owner: true, serial: true },
  });
  if (!row || (row.userId !== actor.userId && !actor.admin)) throw new AppError("NOT_FOUND", "Сертификат не найден");
  if (row.withdrawnAt) return;
  await db.$transaction(async (tx) => {
    await tx.signingCertificate.update({ where: { id }, data: { withdrawnAt: now, sealedKey: null } });
    if (actor.admin)
      await recordAdminEvent(tx, {
        actorId: actor.userId,
        type: "signing_certificate_withdrawn",
        subjectType: "signing_certificate",
        subjectId: id,
        before: { owner: row.owner, serial: row.serial, holderId: row.userId },
        at: now,
      });
  });
}

// ---------------------------------------------------------------------------------------------
// Signing a document
// ---------------------------------------------------------------------------------------------

/** How the official signs, as the move dialog sends it (schema.ts zSigning). */
export type SigningRequest = SigningInput;

/**
 * What a move needs to sign, made ready outside its transaction: a PIN is checked here, so a wrong
 * one is counted (throttled per official) even though the move itself then rolls back.
 */
export type PreparedSigning =
  { kind: "key"; privateKey: Uint8Array; cert: CertInfo } | { kind: "external"; cms: Uint8Array; holderId: string };

export const NO_KEY =
  "Для подписания нужна электронная подпись: введите PIN-код ключа, который хранится в системе, или приложите файл подписи (.sig), сделанный вашей программой. Сертификат добавляется на странице «Моя электронная подпись».";

export async function prepareSigning(
  db: Db,
  actorId: string,
  request: SigningRequest | undefined,
  now: Date,
): Promise<PreparedSigning> {
  if (!request) throw new AppError("INVALID", NO_KEY, { pin: "Введите PIN-код ключа электронной подписи" });
  if ("signature" in request) {
    const bytes = signatureBytes(new Uint8Array(Buffer.from(request.signature, "base64")));
    if (!bytes)
      throw new AppError(
        "INVALID",
        "Файл не является электронной подписью (ожидается открепленная подпись CMS, .sig или .p7s)",
        {
          signature: "Выберите файл открепленной подписи (.sig)",
        },
      );
    return { kind: "external", cms: bytes, holderId: actorId };
  }
  const certs = await db.signingCertificate.findMany({
    where: {
      userId: actorId,
      withdrawnAt: null,
      sealedKey: { not: null },
      notBefore: { lte: now },
      notAfter: { gte: now },
    },
    orderBy: { createdAt: "desc" },
    select: { der: true, sealedKey: true },
  });
  const row = certs[0];
  if (!row) throw new AppError("INVALID", NO_KEY, { pin: "В системе нет действующего ключа на ваше имя" });
  const rule = THROTTLES.signingPin;
  const admission = await admit(db, rule, actorId, now);
  if (!admission.admitted)
    throw new AppError(
      "TOO_MANY",
      `Слишком много неверных PIN-кодов: повторите через ${Math.ceil(admission.retryAfterMs / 1000)} с`,
    );
  const privateKey = unsealKey(row.sealedKey!, request.pin);
  if (!privateKey)
    throw new AppError("INVALID", "Неверный PIN-код ключа электронной подписи", { pin: "Неверный PIN-код" });
  await clearAttempts(db, rule, actorId);
  return { kind: "key", privateKey, cert: parseCertificate(row.der) };
}

export type MadeSignature = { cms: Uint8Array; signer: SignerSummary; signingTime: Date };

/**
 * Signs (or accepts the official's own signature of) exactly `content`: the signature must be valid
 * now (trusted CA, not revoked) and, for one made elsewhere, by a certificate the official added.
 */
export async function signContent(
  tx: Tx,
  prepared: PreparedSigning,
  content: Uint8Array,
  at: Date,
): Promise<MadeSignature> {
  const trust = await loadTrustStore(tx);
  if (prepared.kind === "key") {
    const cms = signDetached({ content, privateKey: prepared.privateKey, cert: prepared.cert, signingTime: at });
    const v = verifyDetached(content, cms, trust, at);
    if (!v.valid) throw new AppError("INVALID", `Подписать нельзя. ${v.message}`, { pin: v.message });
    return { cms, signer: summary(prepared.cert), signingTime: at };
  }
  const v = verifyDetached(content, prepared.cms, trust, at);
  if (!v.valid) throw new AppError("INVALID", `Подпись не принята. ${v.message}`, { signature: v.message });
  const holder = await tx.signingCertificate.findFirst({
    where: { userId: prepared.holderId, serial: v.signer!.serial, withdrawnAt: null },
    select: { id: true },
  });
  if (!holder)
    throw new AppError(
      "INVALID",
      `Подпись сделана сертификатом ${v.signer!.serial} (${v.signer!.owner}), который не закреплен за вами: добавьте его на странице «Моя электронная подпись»`,
      { signature: "Сертификат подписи не закреплен за вами" },
    );
  const signingTime = v.signingTime ?? at;
  if (Math.abs(+signingTime - +at) > 24 * 3600_000)
    throw new AppError("INVALID", `Подпись сделана ${formatDate(signingTime)}: подпишите документ заново`, {
      signature: "Подпись сделана не сейчас",
    });
  return { cms: prepared.cms, signer: v.signer!, signingTime };
}
