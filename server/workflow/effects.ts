// Effects of transitions on the result document (R9, R20, R26), run inside the transaction of the
// move: if a template fails to render or a file cannot be stored, the whole move rolls back and the
// application stays where it was, with the reason in the error.
import { randomUUID } from "node:crypto";
import type { Tx } from "../db/client";
import { AppError } from "../errors";
import type { Delivery, RegulationDocument, TransitionDef } from "../regulation/document";
import type { WorkingCalendar } from "../calendar/working-calendar";
import { renderResultDocument, type ResultDocumentContent, type ResultDocumentInput } from "../document/result";
import { notify } from "../notification/mutations";
import { refusalMessage, resultReadyMessage } from "../notification/templates";
import { appBaseUrl } from "../notification/config";
import { sha256, type FileStorage } from "../storage/storage";
import { addDuration, type EventDraft, type TransitionRequest } from "./machine";
import { salutationName } from "../people";
import {
  createResultDocument,
  issueSource,
  latestResultDocument,
  markResultIssued,
  markResultRegistered,
  markResultSigned,
  nextOutgoingNumber,
  outgoingNumberTaken,
  resultSource,
  setResultCollectBy,
} from "../document/mutations";
import { applicantOf } from "../application/applicant";
import { NO_KEY, signContent, type PreparedSigning } from "../signature/mutations";
import type { SignerSummary } from "../signature/cms";

type EffectContext = {
  tx: Tx;
  storage: FileStorage;
  calendar: WorkingCalendar;
  now: Date;
  actorId: string;
  document: RegulationDocument;
  transition: TransitionDef;
  request: TransitionRequest;
  applicationId: string;
  /** Files written during this move: removed again if the transaction fails. */
  written: string[];
  /** Files this move replaces: removed once the transaction has committed. */
  obsolete: string[];
  /** The moment the move is entered (`now` may be earlier: S0 p.7): a signature is made now. */
  enteredAt?: Date;
  /** The official's key or their own signature, made ready before the transaction (issue 15). */
  signing?: PreparedSigning;
};

async function latestDocument(c: EffectContext) {
  const doc = await latestResultDocument(c.tx, c.applicationId);
  if (!doc) throw new AppError("PRECONDITION", "У заявления ещё нет сформированного документа-результата");
  return doc;
}

/**
 * A template or storage failure: the raw exception (English, a path, a stack) is for the server log,
 * with the application it concerns; the official is told in Russian what did not happen and that
 * nothing changed. The reason tells the browser to keep the dialog open with what was typed.
 */
function effectFailed(c: EffectContext, what: string, error: unknown, reason: string): AppError {
  console.error(`[effects] ${what} (application ${c.applicationId}, transition ${c.transition.key})`, error);
  return new AppError(
    "PRECONDITION",
    `${reason} Заявление осталось на прежнем этапе; попробуйте ещё раз или сообщите администратору.`,
    undefined,
    "effect_failed",
  );
}

/** Renders a result document from its template and stores it under a new key (removed again if the move fails). */
async function renderAndStore(
  c: EffectContext,
  input: ResultDocumentInput,
  documentId: string,
): Promise<{ storageKey: string; sha256: string }> {
  let pdf: Buffer;
  try {
    pdf = await renderResultDocument(input);
  } catch (error) {
    throw effectFailed(
      c,
      "the result document template failed to render",
      error,
      "Не удалось сформировать документ по шаблону.",
    );
  }
  const storageKey = `results/${documentId.slice(0, 2)}/${documentId}${input.outgoing ? `-${randomUUID().slice(0, 8)}` : ""}`;
  try {
    await c.storage.put(storageKey, pdf);
  } catch (error) {
    throw effectFailed(
      c,
      "the result document could not be stored",
      error,
      "Не удалось сохранить документ в хранилище файлов.",
    );
  }
  c.written.push(storageKey);
  return { storageKey, sha256: sha256(pdf) };
}

/** The stored content, with its dates back as Date objects (JSON keeps them as strings). */
function contentOf(json: unknown): ResultDocumentContent | null {
  if (!json || typeof json !== "object") return null;
  const c = json as ResultDocumentContent;
  return { ...c, registeredAt: new Date(c.registeredAt), createdAt: new Date(c.createdAt) };
}

async function generate(c: EffectContext): Promise<EventDraft> {
  const app = await resultSource(c.tx, c.applicationId);
  const rt = c.document.resultTypes.find((r) => r.code === c.request.resultType)!;
  const grounds = (c.request.refusalGrounds ?? [])
    .map(
      (code) =>
        c.document.serviceRefusalGrounds.find((g) => g.code === code) ??
        c.document.intakeRefusalGrounds.find((g) => g.code === code),
    )
    .filter((g) => g !== undefined);
  // The applicant as the pinned regulation's field roles say (R16), not by field keys.
  const applicant = applicantOf(c.document, app.data, app.owner);
  const content: ResultDocumentContent = {
    resultTitle: rt.title,
    kind: rt.kind,
    registrationNumber: app.registrationNumber ?? "—",
    registeredAt: app.registeredAt ?? c.now,
    applicant: { name: applicant.name, address: applicant.address, email: applicant.email },
    serviceTitle: app.service.title,
    body: c.request.comment?.trim() ?? "",
    grounds,
    createdAt: c.now,
  };
  const id = randomUUID();
  const file = await renderAndStore(c, { ...content, passport: c.document.passport }, id);
  await createResultDocument(c.tx, {
    id,
    applicationId: c.applicationId,
    resultType: rt.code,
    kind: rt.kind,
    title: rt.title,
    storageKey: file.storageKey,
    sha256: file.sha256,
    createdAt: c.now,
    createdById: c.actorId,
    content: content as object,
  });
  return {
    type: "document_generated",
    fromStage: c.transition.from,
    toStage: c.transition.to,
    payload: { documentId: id, title: rt.title, sha256: file.sha256 },
  };
}

/** The stamp's data, as stored with the document (ResultDocument.signatureCert). */
export type StoredSignatureCert = Omit<SignerSummary, "notBefore" | "notAfter" | "subject"> & {
  notBefore: string;
  notAfter: string;
  signingTime: string;
};

function stampOf(cert: unknown): ResultDocumentInput["signature"] | undefined {
  const s = cert as StoredSignatureCert | null;
  if (!s?.serial) return undefined;
  return {
    owner: s.owner,
    serial: s.serial,
    issuer: s.issuer,
    notBefore: new Date(s.notBefore),
    notAfter: new Date(s.notAfter),
    signedAt: new Date(s.signingTime),
  };
}

/**
 * The signature (R20, R26; issue 15): the exact bytes of the stored PDF signed with the official's
 * GOST key (or their own `.sig` of those bytes accepted), the detached signature kept with the
 * document. The signed file is never changed; a document already registered (S2 registers, then
 * signs) gets a copy bearing the stamp of this signature, and the signed original stays beside it.
 */
async function sign(c: EffectContext): Promise<EventDraft> {
  const doc = await latestDocument(c);
  if (doc.signedAt) throw new AppError("PRECONDITION", "Документ уже подписан");
  if (!c.signing) throw new AppError("INVALID", NO_KEY, { pin: "Введите PIN-код ключа электронной подписи" });
  const at = c.enteredAt ?? c.now;
  const made = await signContent(c.tx, c.signing, await c.storage.get(doc.storageKey), at);
  const signatureCert: StoredSignatureCert = {
    owner: made.signer.owner,
    organisation: made.signer.organisation,
    serial: made.signer.serial,
    issuer: made.signer.issuer,
    notBefore: made.signer.notBefore.toISOString(),
    notAfter: made.signer.notAfter.toISOString(),
    signingTime: made.signingTime.toISOString(),
  };
  let copy: { storageKey: string; sha256: string } | undefined;
  const content = contentOf(doc.content);
  if (doc.outgoingNumber && doc.registeredAt && content) {
    copy = await renderAndStore(
      c,
      {
        ...content,
        passport: c.document.passport,
        outgoing: { number: doc.outgoingNumber, date: doc.registeredAt },
        signature: stampOf(signatureCert),
      },
      doc.id,
    );
  }
  await markResultSigned(c.tx, doc.id, {
    signedAt: at,
    signedById: c.actorId,
    signedStorageKey: doc.storageKey,
    signedSha256: doc.sha256,
    signature: Buffer.from(made.cms),
    signatureCert,
    ...(copy ?? {}),
  });
  // The record keeps who signed, when, the SHA-256 of exactly the file that was signed and the
  // certificate it was signed with.
  return {
    type: "document_signed",
    fromStage: c.transition.from,
    toStage: c.transition.to,
    payload: {
      documentId: doc.id,
      sha256: doc.sha256,
      signedBy: c.actorId,
      certificate: { serial: made.signer.serial, owner: made.signer.owner, issuer: made.signer.issuer },
    },
  };
}

/**
 * The outgoing number a document gets on registration: from the outgoing register, or, where the
 * regulation says so for its result type, the application's registration number (S2 p.55: the refusal
 * notice «присваиваются исходящий номер, соответствующий регистрационному номеру, и дата»).
 */
async function outgoingNumberFor(c: EffectContext, resultType: string): Promise<string> {
  const rt = c.document.resultTypes.find((t) => t.code === resultType);
  if (rt?.outgoingNumber !== "registration")
    return nextOutgoingNumber(c.tx, Number(c.calendar.localDate(c.now).slice(0, 4)));
  const { registrationNumber } = await resultSource(c.tx, c.applicationId);
  if (!registrationNumber)
    throw new AppError(
      "PRECONDITION",
      `Заявление не зарегистрировано, а документ «${rt.title}» получает исходящий номер, соответствующий регистрационному номеру заявления (${rt.ref})`,
    );
  if (await outgoingNumberTaken(c.tx, registrationNumber))
    throw new AppError(
      "CONFLICT",
      `Исходящий номер ${registrationNumber} уже присвоен другому документу по этому заявлению: документ «${rt.title}» получает номер, соответствующий регистрационному номеру заявления (${rt.ref})`,
    );
  return registrationNumber;
}

/**
 * Registration gives the outgoing number (R26) and puts it on the document: rendered again from the
 * stored content with the number filled in. A document registered before signing (S2) is simply
 * replaced, and what is signed afterwards bears its number. One signed before registration (S1) is
 * kept as signed (signedStorageKey, its SHA-256 in the signature record), and the copy issued to the
 * applicant bears the number and the stamp of that signature, with the signed original's SHA-256.
 */
async function register(c: EffectContext): Promise<EventDraft> {
  const doc = await latestDocument(c);
  if (doc.outgoingNumber)
    throw new AppError("PRECONDITION", `Документ уже зарегистрирован под номером ${doc.outgoingNumber}`);
  const number = await outgoingNumberFor(c, doc.resultType);
  const content = contentOf(doc.content);
  let file: { storageKey: string; sha256: string } | undefined;
  if (content) {
    const stamp = doc.signedAt ? stampOf(doc.signatureCert) : undefined;
    file = await renderAndStore(
      c,
      {
        ...content,
        passport: c.document.passport,
        outgoing: { number, date: c.now },
        ...(stamp ? { signature: stamp } : {}),
      },
      doc.id,
    );
    // An unsigned draft replaced by its numbered version is of no further use.
    if (!doc.signedAt) c.obsolete.push(doc.storageKey);
  }
  await markResultRegistered(c.tx, doc.id, { outgoingNumber: number, registeredAt: c.now, ...(file ?? {}) });
  return {
    type: "document_registered",
    fromStage: c.transition.from,
    toStage: c.transition.to,
    payload: { documentId: doc.id, outgoingNumber: number, ...(file ? { sha256: file.sha256 } : {}) },
  };
}

/** «Информация-ROAD-INFO-2026-00012.pdf»: the first word of the title (it is too long for a file name) and the number. */
export function resultFileName(title: string, registrationNumber: string | null): string {
  const word = title.split(/\s+/)[0]?.replace(/[^\p{L}\p{N}-]/gu, "") || "Документ";
  return `${word}-${(registrationNumber ?? "без-номера").replace(/[^\p{L}\p{N}-]/gu, "-")}.pdf`;
}

async function issue(c: EffectContext, byPost: boolean): Promise<EventDraft> {
  const doc = await latestDocument(c);
  if (!doc.signedAt) throw new AppError("PRECONDITION", "Документ не подписан: выдать его нельзя");
  if (doc.issuedAt) throw new AppError("PRECONDITION", "Документ уже выдан");
  const app = await issueSource(c.tx, c.applicationId);
  const applicant = applicantOf(c.document, app.data, app.owner);
  const via: Delivery = byPost ? "post" : (applicant.delivery ?? "cabinet");
  // R26: the proof of issue. Paper channels need the official's note (postal notice, signed receipt).
  const note = c.request.comment?.trim();
  if ((via === "post" || via === "in_person" || via === "mfc") && !note) {
    throw new AppError(
      "INVALID",
      "Укажите подтверждение выдачи: номер почтового отправления или отметку о расписке заявителя",
      { comment: "Укажите номер почтового отправления или отметку о получении" },
    );
  }
  // R10: by e-mail the document itself goes out, attached, to the address given in the application.
  const emailTo = via === "email" ? applicant.email : null;
  const attachments =
    via === "email"
      ? [
          {
            fileName: resultFileName(doc.title, app.registrationNumber),
            contentType: "application/pdf",
            storageKey: doc.storageKey,
          },
        ]
      : undefined;
  const recipientName = salutationName(app.owner);
  const cabinetUrl = `${appBaseUrl()}/cabinet/applications/${c.applicationId}`;
  const refused =
    doc.kind === "refusal"
      ? (app.events[0]?.payload as { refusalGrounds?: { text: string }[]; motivation?: string } | undefined)
      : undefined;
  const message = refused
    ? refusalMessage({
        stage: "service",
        recipientName,
        serviceTitle: app.service.title,
        registrationNumber: app.registrationNumber,
        decidedAt: app.events[0]!.at,
        grounds: refused.refusalGrounds ?? [],
        motivation: refused.motivation ?? "",
        cabinetUrl,
      })
    : resultReadyMessage({
        recipientName,
        serviceTitle: app.service.title,
        registrationNumber: app.registrationNumber ?? "",
        resultTitle: doc.title,
        delivery: via,
        cabinetUrl,
      });
  const sent = await notify(c.tx, {
    userId: app.ownerId,
    applicationId: c.applicationId,
    kind: refused ? "refused" : "result_ready",
    ...message,
    emailTo,
    attachments,
  });
  if (via === "email" && !sent.emailId)
    throw new AppError(
      "PRECONDITION",
      "Не указан адрес электронной почты для направления документа: выберите другой способ выдачи",
    );
  const proof = {
    via,
    note:
      note ??
      (via === "cabinet"
        ? "Размещён в личном кабинете заявителя"
        : via === "email"
          ? `Направлен по электронной почте на ${emailTo}`
          : null),
    at: c.now.toISOString(),
    ...(via === "email" ? { emailId: sent.emailId } : {}),
  };
  await markResultIssued(c.tx, doc.id, { issuedAt: c.now, issuedVia: via, issueProof: proof });
  return {
    type: "document_issued",
    fromStage: c.transition.from,
    toStage: c.transition.to,
    payload: { documentId: doc.id, ...proof },
  };
}

async function awaitPickup(c: EffectContext): Promise<EventDraft> {
  const doc = await latestDocument(c);
  const after = c.document.passport.uncollectedResultAfter ?? { value: 3, unit: "working_days" as const };
  // S2 p.57: "в течение 3 рабочих дней со дня регистрации результата предоставления услуги" — counted
  // from the result's registration (its outgoing number, S2 p.58.1-58.4), not from this move.
  const collectBy = addDuration(c.calendar, doc.registeredAt ?? c.now, after);
  await setResultCollectBy(c.tx, doc.id, collectBy);
  return {
    type: "awaiting_pickup",
    fromStage: c.transition.from,
    toStage: c.transition.to,
    payload: { documentId: doc.id, collectBy: collectBy.toISOString() },
  };
}

export async function runEffects(c: EffectContext): Promise<EventDraft[]> {
  const events: EventDraft[] = [];
  for (const effect of c.transition.effects ?? []) {
    if (effect === "generate_result") events.push(await generate(c));
    else if (effect === "sign_result") events.push(await sign(c));
    else if (effect === "register_result") events.push(await register(c));
    else if (effect === "issue_result") events.push(await issue(c, false));
    else if (effect === "issue_by_post") events.push(await issue(c, true));
    else if (effect === "await_pickup") events.push(await awaitPickup(c));
  }
  return events;
}
