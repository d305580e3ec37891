// The e-mail outbox end to end, against a real PostgreSQL and a real SMTP server in this process:
// notifications roll back with the change they report, each e-mail reaches SMTP exactly once even
// with two senders, failures are recorded and retried with backoff, and the mailbox is scoped.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Session } from "next-auth";
import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/db";
import { applicantAccount } from "../test/factories";
import { freePort } from "../db/embedded";
import { createCallerFactory, createContext } from "../api/trpc";
import { notificationRouter } from "../api/routers/notification";
import { mailboxFor, myNotifications, unreadCount } from "./data";
import { createTransport, deliverPendingEmails, startMailSender } from "./mailer";
import { markRead, notify, queueEmail } from "./mutations";
import { MAX_ATTEMPTS } from "./outbox/mutations";
import { registrationMessage } from "./templates";
import { LocalFileStorage } from "../storage/storage";
import { reloadEnv } from "../env";

type TestSmtp = { url: string; messages: ParsedMail[]; close(): Promise<void> };

/** A real SMTP server on a free local port that keeps what it receives, parsed. */
async function startSmtp(options: { rejectRecipients?: boolean; delayMs?: number } = {}): Promise<TestSmtp> {
  const messages: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (!options.rejectRecipients) return callback();
      callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }));
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          messages.push(mail);
          // A slow server widens the window in which two senders could pick the same e-mail.
          setTimeout(() => callback(), options.delayMs ?? 0);
        },
        (error: Error) => callback(error),
      );
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const addresses = (a: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(a) ? a : a ? [a] : []).flatMap((o) => o.value.map((v) => v.address));

describe("notifications and the e-mail outbox", () => {
  let t: TestDatabase;
  let smtp: TestSmtp;
  let applicant: { id: string; email: string };
  let registrar: { id: string; email: string };
  let admin: { id: string; email: string };

  const registered = () =>
    registrationMessage({
      recipientName: "Иван Петрович",
      serviceTitle: "Предоставление архивной информации",
      registrationNumber: "АРХ-2026-1",
      registeredAt: new Date("2026-03-10T05:00:00Z"),
      expectedCompletionAt: new Date("2026-04-21T18:59:59.999Z"),
      cabinetUrl: "http://localhost:3000/cabinet",
    });

  beforeAll(async () => {
    t = await createTestDatabase({ demo: true });
    const user = (email: string) =>
      t.db.user.findUniqueOrThrow({ where: { email }, select: { id: true, email: true } });
    [applicant, registrar, admin] = await Promise.all([
      user("applicant@demo.reglament.ru"),
      user("registrar@demo.reglament.ru"),
      user("admin@demo.reglament.ru"),
    ]);
    smtp = await startSmtp();
  });
  afterAll(async () => {
    await smtp?.close();
    await t?.drop();
  });
  beforeEach(async () => {
    await t.db.outgoingEmail.deleteMany();
    await t.db.notification.deleteMany();
    smtp.messages.length = 0;
  });

  it("writes nothing when the transaction of the reported change rolls back", async () => {
    let seenInside = -1;
    await expect(
      t.db.$transaction(async (tx) => {
        await notify(tx, { userId: applicant.id, kind: "application_registered", ...registered() });
        seenInside = await tx.outgoingEmail.count();
        throw new Error("the registration failed");
      }),
    ).rejects.toThrow("the registration failed");
    expect(seenInside).toBe(1);
    expect(await t.db.notification.count()).toBe(0);
    expect(await t.db.outgoingEmail.count()).toBe(0);
  });

  it("sends one e-mail with the Russian subject and body intact, to the user, and records it", async () => {
    const message = registered();
    const { notificationId, emailId } = await t.db.$transaction((tx) =>
      notify(tx, { userId: applicant.id, kind: "application_registered", ...message }),
    );
    expect(emailId).not.toBeNull();

    const transport = createTransport(smtp.url);
    expect(await deliverPendingEmails(t.db, transport)).toEqual({ sent: 1, failed: 0 });
    expect(smtp.messages).toHaveLength(1);
    const mail = smtp.messages[0]!;
    expect(mail.subject).toBe("Заявление № АРХ-2026-1 зарегистрировано");
    expect(mail.text).toContain(message.body);
    expect(mail.text).toContain("Ожидаемый срок предоставления услуги: не позднее 21 апреля 2026 г.");
    expect(mail.text).toContain("Отвечать на него не нужно.");
    expect(addresses(mail.to)).toEqual(["applicant@demo.reglament.ru"]);
    expect(addresses(mail.from)).toEqual(["no-reply@reglament.local"]);
    expect(mail.from?.value[0]?.name).toBe("Регламент");
    expect(mail.messageId).toBe(`<${emailId}@reglament.local>`);
    expect(mail.headers.get("auto-submitted")).toBe("auto-generated");

    const email = await t.db.outgoingEmail.findUniqueOrThrow({ where: { id: emailId! } });
    expect(email.sentAt).toBeInstanceOf(Date);
    expect(email.messageId).toBe(`<${emailId}@reglament.local>`);
    expect(email.attempts).toBe(1);
    expect((await t.db.notification.findUniqueOrThrow({ where: { id: notificationId } })).emailedAt).toBeInstanceOf(
      Date,
    );

    // Sent is sent: the next run finds nothing.
    expect(await deliverPendingEmails(t.db, transport)).toEqual({ sent: 0, failed: 0 });
    expect(smtp.messages).toHaveLength(1);
    transport.close();
  });

  it("sends stored files as attachments, byte for byte, to the address given instead of the account's (R10)", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "reglament-mail-"));
    const storage = new LocalFileStorage(dir);
    const pdf = Buffer.concat([Buffer.from("%PDF-1.7\n"), randomBytes(2048)]);
    await storage.put("results/ab/letter", pdf);
    const { emailId } = await notify(t.db, {
      userId: applicant.id,
      kind: "result_ready",
      title: "Результат готов",
      body: "Документ приложен.",
      emailTo: "Ivanov.Result@Example.ru",
      attachments: [
        { fileName: "Письмо-ТСУ-2026-00001.pdf", contentType: "application/pdf", storageKey: "results/ab/letter" },
      ],
    });
    const transport = createTransport(smtp.url);
    expect(await deliverPendingEmails(t.db, transport, { storage })).toEqual({ sent: 1, failed: 0 });
    const mail = smtp.messages[0]!;
    expect(addresses(mail.to)).toEqual(["ivanov.result@example.ru"]);
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]!.filename).toBe("Письмо-ТСУ-2026-00001.pdf");
    expect(mail.attachments[0]!.contentType).toBe("application/pdf");
    expect(Buffer.compare(mail.attachments[0]!.content, pdf)).toBe(0);

    // A file that cannot be read fails the attempt: the letter is not sent without its document.
    const missing = await notify(t.db, {
      userId: applicant.id,
      kind: "result_ready",
      title: "Результат готов",
      body: "Документ приложен.",
      attachments: [{ fileName: "x.pdf", contentType: "application/pdf", storageKey: "results/ab/gone" }],
    });
    expect(await deliverPendingEmails(t.db, transport, { storage })).toEqual({ sent: 0, failed: 1 });
    expect(smtp.messages).toHaveLength(1);
    const failed = await t.db.outgoingEmail.findUniqueOrThrow({ where: { id: missing.emailId! } });
    expect(failed.sentAt).toBeNull();
    expect(failed.lastError).toMatch(/ENOENT/);
    expect((await t.db.outgoingEmail.findUniqueOrThrow({ where: { id: emailId! } })).sentAt).toBeInstanceOf(Date);
    transport.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("opens its own transaction when given the root client, and can skip the e-mail", async () => {
    const both = await notify(t.db, {
      userId: applicant.id,
      kind: "stage_changed",
      title: "Статус изменён",
      body: "Текст",
    });
    expect(both.emailId).not.toBeNull();
    const inAppOnly = await notify(t.db, {
      userId: applicant.id,
      kind: "stage_changed",
      title: "Только в кабинете",
      body: "Текст",
      email: false,
    });
    expect(inAppOnly.emailId).toBeNull();
    expect(await t.db.notification.count()).toBe(2);
    expect(await t.db.outgoingEmail.count()).toBe(1);
  });

  it("never e-mails a placeholder address (an account without a mailbox), but still notifies in the cabinet", async () => {
    const paper = await applicantAccount(t.db, {
      email: `paper-${Date.now()}@applicants.invalid`,
      lastName: "Бумажный",
      firstName: "Заявитель",
    });
    const result = await notify(t.db, {
      userId: paper.id,
      kind: "application_registered",
      title: "Зарегистрировано",
      body: "Текст",
    });
    expect(result.emailId).toBeNull();
    expect(await t.db.notification.count({ where: { userId: paper.id } })).toBe(1);
    expect(await t.db.outgoingEmail.count()).toBe(0);
  });

  it("delivers each of 10 e-mails exactly once with two senders running at the same time", async () => {
    const slow = await startSmtp({ delayMs: 25 });
    try {
      for (let i = 1; i <= 10; i++) {
        await notify(t.db, {
          userId: i % 2 ? applicant.id : registrar.id,
          kind: "stage_changed",
          title: `Письмо ${i}`,
          body: `Текст письма ${i}`,
        });
      }
      const [a, b] = [createTransport(slow.url), createTransport(slow.url)];
      const reports = await Promise.all([deliverPendingEmails(t.db, a), deliverPendingEmails(t.db, b)]);
      a.close();
      b.close();
      expect(reports[0]!.sent + reports[1]!.sent).toBe(10);
      expect(reports[0]!.failed + reports[1]!.failed).toBe(0);
      // Both really worked side by side (each e-mail takes the slow server 25 ms).
      expect(reports.every((r) => r.sent > 0)).toBe(true);
      expect(slow.messages).toHaveLength(10);
      expect(new Set(slow.messages.map((m) => m.subject)).size).toBe(10);
      expect(await t.db.outgoingEmail.count({ where: { sentAt: null } })).toBe(0);
      expect(await t.db.outgoingEmail.count({ where: { attempts: 1 } })).toBe(10);
    } finally {
      await slow.close();
    }
  });

  it("records a rejection, keeps the e-mail unsent, and retries it only after the backoff and at most 8 times", async () => {
    const rejecting = await startSmtp({ rejectRecipients: true });
    try {
      const { notificationId, emailId } = await notify(t.db, {
        userId: applicant.id,
        kind: "result_ready",
        title: "Результат готов",
        body: "Текст",
      });
      const transport = createTransport(rejecting.url);
      const createdAt = (await t.db.outgoingEmail.findUniqueOrThrow({ where: { id: emailId! } })).createdAt;
      const at = (minutes: number) => new Date(createdAt.getTime() + minutes * 60_000);

      expect(await deliverPendingEmails(t.db, transport, { now: at(0) })).toEqual({ sent: 0, failed: 1 });
      let email = await t.db.outgoingEmail.findUniqueOrThrow({ where: { id: emailId! } });
      expect(email.sentAt).toBeNull();
      expect(email.attempts).toBe(1);
      expect(email.lastError).toMatch(/550|Mailbox unavailable/);
      expect((await t.db.notification.findUniqueOrThrow({ where: { id: notificationId } })).emailedAt).toBeNull();
      expect(rejecting.messages).toHaveLength(0);

      // The second attempt waits until createdAt + 1 minute.
      expect(await deliverPendingEmails(t.db, transport, { now: at(0.5) })).toEqual({ sent: 0, failed: 0 });
      expect(await deliverPendingEmails(t.db, transport, { now: at(1) })).toEqual({ sent: 0, failed: 1 });
      email = await t.db.outgoingEmail.findUniqueOrThrow({ where: { id: emailId! } });
      expect(email.attempts).toBe(2);

      // After MAX_ATTEMPTS it is left alone, however late it is.
      await t.db.outgoingEmail.update({ where: { id: emailId! }, data: { attempts: MAX_ATTEMPTS } });
      expect(await deliverPendingEmails(t.db, transport, { now: at(60 * 24 * 30) })).toEqual({ sent: 0, failed: 0 });
      transport.close();

      // A working server later delivers what is still within its attempts.
      await t.db.outgoingEmail.update({ where: { id: emailId! }, data: { attempts: 3 } });
      const ok = createTransport(smtp.url);
      expect(await deliverPendingEmails(t.db, ok, { now: at(7) })).toEqual({ sent: 1, failed: 0 });
      ok.close();
      expect(smtp.messages.map((m) => m.subject)).toEqual(["Результат готов"]);
    } finally {
      await rejecting.close();
    }
  });

  it("the background sender delivers the outbox, and does nothing without SMTP", async () => {
    const { emailId } = await notify(t.db, {
      userId: applicant.id,
      kind: "booking_confirmed",
      title: "Запись на приём",
      body: "Текст",
    });
    const idle = startMailSender(t.db, { smtpUrl: null, intervalMs: 20 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await idle();
    expect(smtp.messages).toHaveLength(0);

    const stop = startMailSender(t.db, { smtpUrl: smtp.url, intervalMs: 50 });
    await expect
      .poll(async () => (await t.db.outgoingEmail.findUniqueOrThrow({ where: { id: emailId! } })).sentAt, {
        timeout: 10_000,
      })
      .toBeInstanceOf(Date);
    await stop();
    expect(smtp.messages).toHaveLength(1);
  });

  it("shows a user only the e-mails addressed to them; an administrator sees all, newest first", async () => {
    await notify(t.db, { userId: applicant.id, kind: "application_registered", title: "Заявителю", body: "Текст" });
    await notify(t.db, { userId: registrar.id, kind: "deadline_due_soon", title: "Регистратору", body: "Текст" });
    await queueEmail(t.db, { to: "Co.Applicant@Example.RU", subject: "Приглашение", body: "Ссылка с токеном" });

    const mine = await mailboxFor(t.db, { email: applicant.email, isAdmin: false });
    expect(mine.map((e) => e.subject)).toEqual(["Заявителю"]);
    expect(
      (await mailboxFor(t.db, { email: "APPLICANT@demo.reglament.ru", isAdmin: false })).map((e) => e.subject),
    ).toEqual(["Заявителю"]);
    expect((await mailboxFor(t.db, { email: registrar.email, isAdmin: false })).map((e) => e.subject)).toEqual([
      "Регистратору",
    ]);
    expect(
      (await mailboxFor(t.db, { email: "co.applicant@example.ru", isAdmin: false })).map((e) => e.subject),
    ).toEqual(["Приглашение"]);
    expect((await mailboxFor(t.db, { email: admin.email, isAdmin: true })).map((e) => e.subject)).toEqual([
      "Приглашение",
      "Регистратору",
      "Заявителю",
    ]);
  });

  it("marks read only the caller's own notifications", async () => {
    const own = await notify(t.db, { userId: applicant.id, kind: "stage_changed", title: "Моё", body: "Текст" });
    const other = await notify(t.db, {
      userId: registrar.id,
      kind: "deadline_breached",
      title: "Чужое",
      body: "Текст",
    });
    expect(await unreadCount(t.db, applicant.id)).toBe(1);
    expect(await markRead(t.db, applicant.id, [own.notificationId, other.notificationId])).toEqual({ updated: 1 });
    expect(await unreadCount(t.db, applicant.id)).toBe(0);
    expect(await unreadCount(t.db, registrar.id)).toBe(1);
    expect((await myNotifications(t.db, applicant.id)).map((n) => [n.title, n.readAt instanceof Date])).toEqual([
      ["Моё", true],
    ]);
  });

  describe("the router", () => {
    const caller = (user: { id: string; email: string }, roles: Session["user"]["roles"]) =>
      createCallerFactory(notificationRouter)(
        // Identity is re-read from the database by authedProcedure; the session only names the user.
        {
          db: t.db,
          session: {
            user: {
              id: user.id,
              email: user.email,
              name: "",
              roles,
              departmentIds: [],
              authMethod: "password",
            } as Session["user"],
            expires: "2099-01-01T00:00:00Z",
          },
        },
      );

    it("lists, counts and marks the caller's notifications, and validates ids", async () => {
      const own = await notify(t.db, { userId: applicant.id, kind: "stage_changed", title: "Моё", body: "Текст" });
      const other = await notify(t.db, { userId: registrar.id, kind: "stage_changed", title: "Чужое", body: "Текст" });
      const api = caller(applicant, ["APPLICANT"]);
      expect((await api.mine()).map((n) => n.title)).toEqual(["Моё"]);
      expect(await api.unreadCount()).toBe(1);
      expect(await api.markRead({ ids: [own.notificationId, other.notificationId] })).toEqual({ updated: 1 });
      await expect(api.markRead({ ids: ["not-a-uuid"] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
      await expect(api.markRead({ ids: Array.from({ length: 101 }, () => own.notificationId) })).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
      expect((await t.db.notification.findUniqueOrThrow({ where: { id: other.notificationId } })).readAt).toBeNull();
    });

    it("serves the mailbox to an administrator in demo mode only, and not at all once real mail goes out (issue 9)", async () => {
      await notify(t.db, { userId: applicant.id, kind: "stage_changed", title: "Заявителю", body: "Текст" });
      await notify(t.db, { userId: registrar.id, kind: "stage_changed", title: "Регистратору", body: "Текст" });
      // The configuration is read once per process (server/env.ts): read it again as a restart would.
      const restartWith = (variables: Record<string, string>) => {
        vi.unstubAllEnvs();
        for (const [name, value] of Object.entries(variables)) vi.stubEnv(name, value);
        reloadEnv();
      };
      try {
        restartWith({ REGLAMENT_DEMO: "1" });
        await expect(caller(applicant, ["APPLICANT"]).mailbox()).rejects.toMatchObject({ code: "FORBIDDEN" });
        expect(await caller(admin, ["ADMIN"]).mailbox()).toHaveLength(2);
        restartWith({ REGLAMENT_DEMO: "0" });
        await expect(caller(admin, ["ADMIN"]).mailbox()).rejects.toMatchObject({ code: "NOT_FOUND" });
        restartWith({ REGLAMENT_DEMO: "1", SMTP_URL: smtp.url });
        await expect(caller(admin, ["ADMIN"]).mailbox()).rejects.toMatchObject({ code: "NOT_FOUND" });
      } finally {
        vi.unstubAllEnvs();
        reloadEnv();
      }
      await expect(
        createCallerFactory(notificationRouter)(await createContext({ db: t.db, session: null })).mine(),
      ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    });
  });
});
