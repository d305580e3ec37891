// Result documents through the process (R9, R20, R25, R26): generated from the template as a PDF
// with the applicant's data, signed (who, when, SHA-256), registered with an outgoing number, issued
// by the chosen channel with its proof, announced to the applicant; a failing template changes nothing.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/db";
import { loadIdentity } from "../auth/data";
import { staffScope } from "../auth/scope";
import { loadWorkingCalendar } from "../calendar/data";
import type { WorkingCalendar } from "../calendar/working-calendar";
import { applicationForOwner } from "../application/data";
import { LocalFileStorage, sha256, type FileStorage } from "../storage/storage";
import { moveApplication } from "./mutations";
import { registeredApplication } from "../test/factories";
import type { Actor, TransitionRequest } from "./machine";
import { ROAD_INFO_REFUSAL_GROUND } from "../../prisma/seed/regulations/road-info";
import { ARCHIVE_REQUEST, withDemoSigning } from "../test/fixtures";
import { loadTrustStore } from "../signature/data";
import { verifyDetached } from "../signature/cms";
import { formatDate } from "../format/dates";
import { archiveInfoRegulation } from "../../prisma/seed/regulations/archive-info";

let t: TestDatabase;
let calendar: WorkingCalendar;
let storage: LocalFileStorage;
let ownerId: string;
const actors: Record<string, Actor> = {};

async function actorFor(email: string): Promise<Actor> {
  const u = await t.db.user.findUniqueOrThrow({ where: { email } });
  const identity = (await loadIdentity(t.db, u.id))!;
  return staffScope(t.db, identity);
}

async function registered(delivery: string, extra: Record<string, unknown> = {}) {
  const app = await registeredApplication(t.db, {
    serviceCode: "road-info",
    ownerId,
    calendar,
    data: {
      applicant_type: "individual",
      full_name: { lastName: "Иванов", firstName: "Иван", middleName: "Петрович" },
      delivery_channel: delivery,
      postal_address: "628212, п. Половинка, ул. Комсомольская, 5",
      ...extra,
    },
  });
  return app.id;
}

async function run(id: string, steps: [string, TransitionRequest][], store: FileStorage = storage) {
  let rowVersion = (await t.db.application.findUniqueOrThrow({ where: { id } })).rowVersion;
  for (const [who, request] of steps) {
    rowVersion = (
      await moveApplication(t.db, {
        applicationId: id,
        expectedRowVersion: rowVersion,
        actor: actors[who]!,
        request,
        ...withDemoSigning(request),
        calendar,
        storage: store,
      })
    ).rowVersion;
  }
}

const pdfText = async (id: string) => {
  const doc = await t.db.resultDocument.findFirstOrThrow({ where: { applicationId: id } });
  return (await new PDFParse({ data: new Uint8Array(await storage.get(doc.storageKey)) }).getText()).text;
};

beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  calendar = await loadWorkingCalendar(t.db);
  storage = new LocalFileStorage(mkdtempSync(path.join(tmpdir(), "reglament-results-")));
  ownerId = (await t.db.user.findUniqueOrThrow({ where: { email: "applicant@demo.reglament.ru" } })).id;
  for (const r of ["registrar", "executor", "head", "signer", "archive-head"])
    actors[r] = await actorFor(`${r}@demo.reglament.ru`);
});
afterAll(() => t.drop());

describe("result documents (S1)", () => {
  it("grant: letter generated with the applicant's data, signed, registered, issued to the cabinet", async () => {
    const id = await registered("cabinet");
    await run(id, [
      ["registrar", { transition: "pass_to_review", executorId: actors.executor!.userId }],
      [
        "executor",
        {
          transition: "prepare_information",
          resultType: "road_info_letter",
          comment: "Дорога ул. Лесная открыта для движения без ограничений.",
        },
      ],
    ]);
    const number = (await t.db.application.findUniqueOrThrow({ where: { id } })).registrationNumber!;
    const text = await pdfText(id);
    expect(text).toContain("Иванов Иван Петрович");
    expect(text).toContain(number);
    expect(text).toContain("Дорога ул. Лесная открыта");
    // Issue 15 p.1: an unsigned document claims no signature.
    expect(text).not.toMatch(/подписан/i);
    expect((await applicationForOwner(t.db, ownerId, id))!.documents).toEqual([]); // not issued yet

    await run(id, [
      ["signer", { transition: "sign_result" }],
      ["registrar", { transition: "register_result" }],
      ["registrar", { transition: "issue_result" }],
    ]);
    const doc = await t.db.resultDocument.findFirstOrThrow({ where: { applicationId: id } });
    expect(doc).toMatchObject({ signedById: actors.signer!.userId, issuedVia: "cabinet" });
    expect(doc.outgoingNumber).toMatch(/^ИСХ-\d{4}-\d{5}$/);
    const signed = await t.db.applicationEvent.findFirstOrThrow({
      where: { applicationId: id, type: "document_signed" },
    });
    const generated = await t.db.applicationEvent.findFirstOrThrow({
      where: { applicationId: id, type: "document_generated" },
    });
    // Signed before registration (S1): the signed original is kept with its SHA-256; the copy issued
    // bears the outgoing number and the stamp of that signature.
    expect(signed.payload).toMatchObject({ sha256: doc.signedSha256 });
    expect(generated.payload).toMatchObject({ sha256: doc.signedSha256 });
    expect(doc.sha256).not.toBe(doc.signedSha256);
    expect(sha256(await storage.get(doc.signedStorageKey!))).toBe(doc.signedSha256);
    expect(sha256(await storage.get(doc.storageKey))).toBe(doc.sha256);
    const issuedText = (await pdfText(id)).replace(/\s+/g, " ");
    expect(issuedText).toContain(`Исх. № ${doc.outgoingNumber} от`);
    // The stamp of GOST R 7.0.97-2016 from the real certificate (issue 15 p.3), and the detached
    // signature of the signed original checks against it, and against it only.
    const cert = doc.signatureCert as { serial: string; owner: string; notBefore: string; notAfter: string };
    expect(cert.owner).toBe("Старжинский Андрей Александрович");
    expect(issuedText).toContain("ДОКУМЕНТ ПОДПИСАН ЭЛЕКТРОННОЙ ПОДПИСЬЮ");
    expect(issuedText).toContain(`Сертификат: ${cert.serial}`);
    expect(issuedText).toContain("Владелец: Старжинский Андрей Александрович");
    expect(issuedText).toContain(`Действителен: с ${formatDate(cert.notBefore)} по ${formatDate(cert.notAfter)}`);
    const trust = await loadTrustStore(t.db);
    const signedBytes = await storage.get(doc.signedStorageKey!);
    expect(verifyDetached(signedBytes, doc.signature!, trust, new Date())).toMatchObject({
      valid: true,
      signer: { serial: cert.serial, owner: "Старжинский Андрей Александрович" },
    });
    expect(verifyDetached(await storage.get(doc.storageKey), doc.signature!, trust, new Date()).code).toBe(
      "other_document",
    );
    const original = (await new PDFParse({ data: new Uint8Array(await storage.get(doc.signedStorageKey!)) }).getText())
      .text;
    expect(original).toContain("Исх. № ____________");
    const app = await t.db.application.findUniqueOrThrow({ where: { id } });
    expect(app).toMatchObject({ status: "CLOSED", outcome: "granted" });
    const view = (await applicationForOwner(t.db, ownerId, id))!;
    expect(view.documents.map((d) => d.title)).toEqual([doc.title]);
    const notice = await t.db.notification.findFirstOrThrow({ where: { applicationId: id, kind: "result_ready" } });
    expect(await t.db.outgoingEmail.count({ where: { notificationId: notice.id } })).toBe(1);
  });

  it("by e-mail: the signed letter itself goes to the address given in the application, attached (R10)", async () => {
    const id = await registered("email", { email: "ivanov.letters@example.ru" });
    await run(id, [
      ["registrar", { transition: "pass_to_review", executorId: actors.executor!.userId }],
      [
        "executor",
        {
          transition: "prepare_information",
          resultType: "road_info_letter",
          comment: "Сведения о дороге по ул. Лесной.",
        },
      ],
      ["signer", { transition: "sign_result" }],
      ["registrar", { transition: "register_result" }],
      ["registrar", { transition: "issue_result" }],
    ]);
    const doc = await t.db.resultDocument.findFirstOrThrow({ where: { applicationId: id } });
    const number = (await t.db.application.findUniqueOrThrow({ where: { id } })).registrationNumber!;
    const notice = await t.db.notification.findFirstOrThrow({ where: { applicationId: id, kind: "result_ready" } });
    const email = await t.db.outgoingEmail.findFirstOrThrow({ where: { notificationId: notice.id } });
    expect(email.to).toBe("ivanov.letters@example.ru");
    expect(email.attachments).toEqual([
      { fileName: `Информация-${number}.pdf`, contentType: "application/pdf", storageKey: doc.storageKey },
    ]);
    expect(doc).toMatchObject({ issuedVia: "email" });
    expect(doc.issueProof).toMatchObject({
      via: "email",
      note: "Направлен по электронной почте на ivanov.letters@example.ru",
      emailId: email.id,
    });
  });

  it("refusal: the notice names the ground and the motivation, and the applicant is told them", async () => {
    const id = await registered("post");
    await run(
      id,
      [
        ["registrar", { transition: "pass_to_review", executorId: actors.executor!.userId }],
        [
          "executor",
          {
            transition: "prepare_refusal",
            refusalGrounds: ["unauthorized_person"],
            resultType: "refusal_notice",
            comment: "Доверенность представителя не приложена.",
          },
        ],
      ].map(([w, r]) => [w, r] as [string, TransitionRequest]),
    );
    const text = await pdfText(id);
    expect(text.replace(/\s+/g, " ")).toContain(ROAD_INFO_REFUSAL_GROUND.replace(/\s+/g, " ").slice(0, 40));
    expect(text).toContain("Доверенность представителя не приложена.");
    // Unsigned, the refusal is a draft the signer may return: the cabinet does not show it yet.
    expect((await applicationForOwner(t.db, ownerId, id))!.refusal).toBeNull();
    await run(id, [
      ["signer", { transition: "sign_refusal" }],
      ["registrar", { transition: "register_refusal" }],
    ]);
    // Paper channels need the proof of issue (R26).
    const rv = (await t.db.application.findUniqueOrThrow({ where: { id } })).rowVersion;
    await expect(
      moveApplication(t.db, {
        applicationId: id,
        expectedRowVersion: rv,
        actor: actors.registrar!,
        request: { transition: "issue_refusal" },
        calendar,
        storage,
      }),
    ).rejects.toMatchObject({ code: "INVALID" });
    await run(id, [["registrar", { transition: "issue_refusal", comment: "Заказное письмо № 62821295012345" }]]);
    const doc = await t.db.resultDocument.findFirstOrThrow({ where: { applicationId: id } });
    expect(doc.issueProof).toMatchObject({ via: "post", note: "Заказное письмо № 62821295012345" });
    const notice = await t.db.notification.findFirstOrThrow({ where: { applicationId: id, kind: "refused" } });
    expect(notice.body).toContain("Доверенность представителя не приложена.");
    expect((await t.db.application.findUniqueOrThrow({ where: { id } })).outcome).toBe("refused");
    expect((await applicationForOwner(t.db, ownerId, id))!.refusal).toMatchObject({
      refusalGrounds: [{ code: "unauthorized_person" }],
      motivation: "Доверенность представителя не приложена.",
    });
  });

  it("S2 p.55: the refusal notice, signed by the head of the archive, is numbered with the registration number; no «демо» is printed", async () => {
    const app = await registeredApplication(t.db, {
      serviceCode: "archive-info",
      ownerId,
      calendar,
      data: ARCHIVE_REQUEST,
    });
    await run(app.id, [
      ["registrar", { transition: "register" }],
      ["head", { transition: "assign_executor", executorId: actors.executor!.userId }],
      ["executor", { transition: "grounds_found", comment: "Не указаны хронологические рамки запроса." }],
      [
        "executor",
        {
          transition: "prepare_refusal",
          refusalGrounds: ["insufficient_request_data"],
          resultType: "refusal_notice",
          comment: "Не указаны хронологические рамки запроса.",
        },
      ],
    ]);
    // Issue 12 p.12, S2 p.55: the notice is signed by the head of the municipal archive; the head of
    // the administration, S1's signer, has no signature in the archive (the application is not his to see).
    await expect(run(app.id, [["signer", { transition: "sign_refusal" }]])).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await run(app.id, [["archive-head", { transition: "sign_refusal" }]]);
    const number = (await t.db.application.findUniqueOrThrow({ where: { id: app.id } })).registrationNumber!;
    const doc = await t.db.resultDocument.findFirstOrThrow({ where: { applicationId: app.id } });
    expect(number).toBe("АРХ-2026-00001");
    expect(doc.outgoingNumber).toBe(number);
    const text = (await pdfText(app.id)).replace(/\s+/g, " ");
    expect(text).toContain(`Исх. № ${number} от`);
    expect(text).toContain("(п. 36, 52.3 административного регламента)");
    expect(text).not.toMatch(/демо|допущени/i);
    // A positive S2 result still takes the outgoing register's number (the text says so for the refusal only).
    expect(
      archiveInfoRegulation.resultTypes.filter((r) => r.outgoingNumber === "registration").map((r) => r.code),
    ).toEqual(["refusal_notice"]);
  });

  it("a template or storage failure leaves the application where it was and says why", async () => {
    const id = await registered("cabinet");
    await run(id, [["registrar", { transition: "pass_to_review", executorId: actors.executor!.userId }]]);
    const before = await t.db.application.findUniqueOrThrow({ where: { id } });
    const broken: FileStorage = {
      ...storage,
      put: async () => {
        throw new Error("диск недоступен");
      },
      putStream: storage.putStream.bind(storage),
      get: storage.get.bind(storage),
      delete: storage.delete.bind(storage),
      exists: storage.exists.bind(storage),
    };
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const error = await moveApplication(t.db, {
      applicationId: id,
      expectedRowVersion: before.rowVersion,
      actor: actors.executor!,
      calendar,
      storage: broken,
      request: { transition: "prepare_information", resultType: "road_info_letter", comment: "Текст" },
    }).catch((e: Error) => e);
    // The official reads what did not happen, in Russian; the browser learns it may keep the dialog
    // open and try again; the raw exception goes to the server log with the application's id.
    expect(error).toMatchObject({ code: "PRECONDITION", reason: "effect_failed" });
    expect((error as Error).message).toBe(
      "Не удалось сохранить документ в хранилище файлов. Заявление осталось на прежнем этапе; попробуйте ещё раз или сообщите администратору.",
    );
    expect((error as Error).message).not.toContain("диск недоступен");
    expect(logged).toHaveBeenCalledWith(
      expect.stringContaining(id),
      expect.objectContaining({ message: "диск недоступен" }),
    );
    logged.mockRestore();
    const after = await t.db.application.findUniqueOrThrow({ where: { id } });
    expect(after).toMatchObject({ currentStage: "review", rowVersion: before.rowVersion });
    expect(await t.db.resultDocument.count({ where: { applicationId: id } })).toBe(0);
    expect(
      await t.db.applicationEvent.count({ where: { applicationId: id, type: "stage_changed", toStage: "signing" } }),
    ).toBe(0);
  });
});
