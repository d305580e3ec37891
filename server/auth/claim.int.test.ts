// Claiming the account a registrar opened for a paper application (R23) proves the mailbox:
// registering with its address sends a one-time link over the outbox (delivered by real SMTP here)
// and sets no password; the link sets it once, in one transaction with using the token up; used,
// expired and superseded links are refused. A brand-new address gets a link too (issue 9): the
// account exists only once the link is used.
import { createHash, randomUUID } from "node:crypto";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/db";
import { applicantAccount, createAccount, demoScope } from "../test/factories";
import { PAPER_ARCHIVE_REQUEST } from "../test/fixtures";
import { freePort } from "../db/embedded";
import { createCallerFactory, createContext } from "../api/trpc";
import { authRouter } from "../api/routers/auth";
import { loadWorkingCalendar } from "../calendar/data";
import { createTransport, deliverPendingEmails } from "../notification/mailer";
import { registerPaperApplication } from "../intake/mutations";
import { CLAIM_TTL_MS, claimAccount, claimLink, pendingClaim, requestAccountClaim } from "./mutations";
import { emailTaken, findUserForSignIn } from "./data";
import { linkExternalIdentity } from "./mutations";
import { DEFAULT_CLAIMS, mapClaims } from "./oidc";
import { verifyPassword } from "./password";

let t: TestDatabase;
let smtp: { url: string; messages: ParsedMail[]; close(): Promise<void> };
const caller = () => createCallerFactory(authRouter)(() => createContext({ session: null, db: t.db }));

const PASSWORD = "Новый-пароль-2026";
const registration = (email: string, over: Record<string, unknown> = {}) => ({
  lastName: "Петров",
  firstName: "Семён",
  middleName: "",
  email,
  phone: "8 (982) 555-01-99",
  password: "Чужой-пароль-2026",
  passwordConfirm: "Чужой-пароль-2026",
  consent: true as const,
  ...over,
});
const claimInput = (token: string, over: Record<string, unknown> = {}) => ({
  token,
  lastName: "Петров",
  firstName: "Семён",
  middleName: "Ильич",
  phone: "+7 982 555-01-99",
  password: PASSWORD,
  passwordConfirm: PASSWORD,
  ...over,
});

/** The claim letters queued to an address, newest last, with the token of each link. */
async function claimLetters(to: string) {
  const emails = await t.db.outgoingEmail.findMany({
    where: { to, subject: { startsWith: "Подтвердите адрес" } },
    orderBy: { createdAt: "asc" },
  });
  return emails.map((e) => ({ ...e, token: /\/claim\/([A-Za-z0-9_-]+)/.exec(e.text)?.[1] ?? null }));
}

/** An account like the one paper intake opens: no password, no identity. */
async function paperAccount(email: string) {
  return applicantAccount(t.db, { email, lastName: "Бумажный", firstName: "Заявитель" });
}

beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  const messages: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => (messages.push(mail), callback()),
        (error: Error) => callback(error),
      );
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", () => resolve()));
  smtp = {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
});
afterAll(async () => {
  await smtp?.close();
  await t?.drop();
});

describe("claiming a paper applicant's account", () => {
  it("takes a link from the mailbox: registering sets no password, the e-mailed link claims the account once", async () => {
    // A registrar enters a paper application for Петров with his e-mail: he gets an account without a password.
    const registrar = await demoScope(t.db, "registrar");
    const values = PAPER_ARCHIVE_REQUEST;
    const paper = await registerPaperApplication(t.db, registrar, {
      serviceCode: "archive-info",
      values,
      channel: "IN_PERSON",
      receivedAt: new Date("2026-03-06T07:00:00Z"),
      applicant: { email: "petrov.paper@example.ru", lastName: "Петров", firstName: "Семён" },
      calendar: await loadWorkingCalendar(t.db),
      submissionKey: randomUUID(),
    });
    const ownerId = (await t.db.application.findUniqueOrThrow({ where: { id: paper.id } })).ownerId;

    // Somebody registers with that address (case aside): the answer asks to confirm it; nothing is claimed.
    const answer = await caller().register(registration("Petrov.Paper@example.ru"));
    expect(answer).toEqual({ email: "petrov.paper@example.ru", status: "confirm_email" });
    const owner = await t.db.user.findUniqueOrThrow({ where: { id: ownerId } });
    expect(owner).toMatchObject({ passwordHash: null, lastName: "Петров" });
    expect(await emailTaken(t.db, "petrov.paper@example.ru")).toBe(false);
    expect((await findUserForSignIn(t.db, "petrov.paper@example.ru"))?.passwordHash).toBeNull();
    expect(await t.db.user.count({ where: { email: "petrov.paper@example.ru" } })).toBe(1);

    // One letter with the link; only its SHA-256 is stored. Registering again sends another (the
    // throttle allows a few an hour: THROTTLES.accountLinks), and either link works.
    const [letter, ...more] = await claimLetters("petrov.paper@example.ru");
    expect(more).toHaveLength(0);
    expect(letter!.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(letter!.text).toContain(claimLink(letter!.token!));
    const stored = await t.db.accountClaim.findFirstOrThrow({ where: { userId: ownerId } });
    expect(stored.tokenHash).toBe(createHash("sha256").update(letter!.token!).digest("hex"));
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(CLAIM_TTL_MS);
    expect(await caller().register(registration("petrov.paper@example.ru"))).toMatchObject({ status: "confirm_email" });
    expect(await claimLetters("petrov.paper@example.ru")).toHaveLength(2);

    // The outbox delivers it over SMTP with the link intact.
    const transport = createTransport(smtp.url);
    try {
      await deliverPendingEmails(t.db, transport);
    } finally {
      transport.close();
    }
    const received = smtp.messages.filter((m) => m.subject?.startsWith("Подтвердите адрес"));
    expect(received).toHaveLength(2);
    expect(received[0]!.text).toContain(`/claim/${letter!.token}`);

    // The link's page shows the address and what was typed at registration (the phone normalised).
    expect(await caller().pendingClaim({ token: letter!.token! })).toEqual({
      email: "petrov.paper@example.ru",
      invitedStaff: false,
      lastName: "Петров",
      firstName: "Семён",
      middleName: null,
      phone: "+79825550199",
    });
    expect(await caller().pendingClaim({ token: "A".repeat(43) })).toBeNull();

    // The same password rules as registration, the address's own too.
    await expect(
      caller().claim(claimInput(letter!.token!, { password: "short1", passwordConfirm: "short1" })),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      caller().claim(
        claimInput(letter!.token!, { password: "petrov.paper-2026", passwordConfirm: "petrov.paper-2026" }),
      ),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { fieldErrors: { password: "Пароль не должен содержать адрес электронной почты" } },
    });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: ownerId } })).passwordHash).toBeNull();

    // Two submissions of the link at once: one claims, the other is refused.
    const results = await Promise.allSettled([
      caller().claim(claimInput(letter!.token!)),
      caller().claim(claimInput(letter!.token!)),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({
      reason: { code: "PRECONDITION_FAILED", message: expect.stringContaining("Ссылка недействительна") },
    });
    const claimed = await t.db.user.findUniqueOrThrow({ where: { id: ownerId } });
    expect(await verifyPassword(PASSWORD, claimed.passwordHash!)).toBe(true);
    expect(await verifyPassword("Чужой-пароль-2026", claimed.passwordHash!)).toBe(false);
    expect(claimed).toMatchObject({
      lastName: "Петров",
      firstName: "Семён",
      middleName: "Ильич",
      phone: "+79825550199",
    });
    // The paper application is in the claimed account.
    expect(await t.db.application.count({ where: { ownerId, id: paper.id } })).toBe(1);

    // The address is proven now: the account is the mailbox's.
    expect(claimed.emailVerifiedAt).not.toBeNull();

    // Used: the link is dead, and so is the other one; the address is now simply taken.
    expect(await caller().pendingClaim({ token: letter!.token! })).toBeNull();
    await expect(
      caller().claim(
        claimInput(letter!.token!, { password: "Третий-пароль-2026", passwordConfirm: "Третий-пароль-2026" }),
      ),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(
      await verifyPassword(PASSWORD, (await t.db.user.findUniqueOrThrow({ where: { id: ownerId } })).passwordHash!),
    ).toBe(true);
    const second = (await claimLetters("petrov.paper@example.ru")).at(-1)!;
    expect(await caller().pendingClaim({ token: second.token! })).toBeNull();
    // Registering it once more answers as always; the mailbox is told the account exists, with no link.
    expect(await caller().register(registration("petrov.paper@example.ru"))).toMatchObject({ status: "confirm_email" });
    expect(await claimLetters("petrov.paper@example.ru")).toHaveLength(2);
    expect(
      await t.db.outgoingEmail.count({
        where: { to: "petrov.paper@example.ru", subject: "Попытка регистрации с вашим адресом электронной почты" },
      }),
    ).toBe(1);
  });

  it("refuses an expired link", async () => {
    const { id } = await paperAccount("expired.paper@example.ru");
    const past = new Date(Date.now() - CLAIM_TTL_MS - 60_000);
    expect(
      await requestAccountClaim(
        t.db,
        { email: "expired.paper@example.ru", lastName: "Сомова", firstName: "Анна" },
        past,
      ),
    ).toBe(true);
    const [letter] = await claimLetters("expired.paper@example.ru");
    expect(await pendingClaim(t.db, letter!.token!)).toBeNull();
    await expect(
      claimAccount(t.db, { token: letter!.token!, passwordHash: "scrypt$x", lastName: "Сомова", firstName: "Анна" }),
    ).rejects.toMatchObject({ code: "PRECONDITION" });
    expect((await t.db.user.findUniqueOrThrow({ where: { id } })).passwordHash).toBeNull();
    // The link seen a minute before it expires still works; the one a minute after does not.
    const now = new Date();
    expect(
      await requestAccountClaim(
        t.db,
        { email: "expired.paper@example.ru", lastName: "Сомова", firstName: "Анна" },
        now,
      ),
    ).toBe(true);
    const fresh = (await claimLetters("expired.paper@example.ru")).at(-1)!;
    expect(await pendingClaim(t.db, fresh.token!, new Date(now.getTime() + CLAIM_TTL_MS + 60_000))).toBeNull();
    await expect(
      claimAccount(
        t.db,
        { token: fresh.token!, passwordHash: "scrypt$x", lastName: "Сомова", firstName: "Анна" },
        new Date(now.getTime() + CLAIM_TTL_MS + 60_000),
      ),
    ).rejects.toMatchObject({ code: "PRECONDITION" });
    expect(
      await claimAccount(
        t.db,
        { token: fresh.token!, passwordHash: "scrypt$x", lastName: "Сомова", firstName: "Анна" },
        new Date(now.getTime() + CLAIM_TTL_MS - 60_000),
      ),
    ).toEqual({ email: "expired.paper@example.ru" });
  });

  it("voids every link of an account once it is claimed, by another link or through the identity provider", async () => {
    await paperAccount("two.links@example.ru");
    const start = Date.now();
    await requestAccountClaim(
      t.db,
      { email: "two.links@example.ru", lastName: "Первый", firstName: "Раз" },
      new Date(start - 60_000),
    );
    await requestAccountClaim(
      t.db,
      { email: "two.links@example.ru", lastName: "Второй", firstName: "Два" },
      new Date(start),
    );
    const [first, second] = await claimLetters("two.links@example.ru");
    expect(second).toBeDefined();
    await claimAccount(t.db, { token: second!.token!, passwordHash: "scrypt$x", lastName: "Второй", firstName: "Два" });
    await expect(
      claimAccount(t.db, { token: first!.token!, passwordHash: "scrypt$y", lastName: "Первый", firstName: "Раз" }),
    ).rejects.toMatchObject({ code: "PRECONDITION" });
    expect((await t.db.user.findUniqueOrThrow({ where: { email: "two.links@example.ru" } })).passwordHash).toBe(
      "scrypt$x",
    );

    await paperAccount("esia.first@example.ru");
    await requestAccountClaim(t.db, { email: "esia.first@example.ru", lastName: "Есина", firstName: "Вера" });
    const [letter] = await claimLetters("esia.first@example.ru");
    await linkExternalIdentity(
      t.db,
      "https://esia.example",
      mapClaims(
        {
          sub: "esia-claim-1",
          family_name: "Есина",
          given_name: "Вера",
          email: "esia.first@example.ru",
          email_verified: true,
        },
        DEFAULT_CLAIMS,
      ),
    );
    expect(await pendingClaim(t.db, letter!.token!)).toBeNull();
    await expect(
      claimAccount(t.db, { token: letter!.token!, passwordHash: "scrypt$x", lastName: "Есина", firstName: "Вера" }),
    ).rejects.toMatchObject({ code: "PRECONDITION" });
    expect((await t.db.user.findUniqueOrThrow({ where: { email: "esia.first@example.ru" } })).passwordHash).toBeNull();
  });

  it("sends no link for an address that is not claimable; a new address gets its account only through the link", async () => {
    // A password account, and a staff account without a password: the same answer as any other
    // registration, and the mailbox is told an account exists; no link, nothing changed.
    expect(await caller().register(registration("applicant@demo.reglament.ru"))).toMatchObject({
      status: "confirm_email",
    });
    const staff = await createAccount(t.db, {
      email: "new.staff@example.ru",
      lastName: "Новый",
      firstName: "Сотрудник",
      roles: ["ADMIN"],
    });
    expect(await caller().register(registration("new.staff@example.ru"))).toMatchObject({ status: "confirm_email" });
    expect(
      await requestAccountClaim(t.db, { email: "new.staff@example.ru", lastName: "Новый", firstName: "Сотрудник" }),
    ).toBe(false);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: staff.id } })).passwordHash).toBeNull();
    expect(
      await t.db.outgoingEmail.count({
        where: {
          to: { in: ["applicant@demo.reglament.ru", "new.staff@example.ru"] },
          subject: { startsWith: "Подтвердите адрес" },
        },
      }),
    ).toBe(0);
    expect(
      await t.db.outgoingEmail.count({
        where: {
          to: { in: ["applicant@demo.reglament.ru", "new.staff@example.ru"] },
          subject: "Попытка регистрации с вашим адресом электронной почты",
        },
      }),
    ).toBe(2);

    // A brand-new address: no account until the link is used; then one, with the password set on
    // the link's page, the phone as the form would store it, and the address proven.
    const email = "новый.заявитель@почта.рф";
    expect(await caller().register(registration(email, { phone: "912 345 67 89" }))).toEqual({
      email,
      status: "confirm_email",
    });
    expect(await t.db.user.count({ where: { email } })).toBe(0);
    const [letter] = await claimLetters(email);
    expect(letter!.subject).toBe("Подтвердите адрес электронной почты, чтобы завершить регистрацию");
    expect(await caller().pendingClaim({ token: letter!.token! })).toMatchObject({ email, phone: "+79123456789" });
    await caller().claim(claimInput(letter!.token!, { phone: "912 345 67 89" }));
    const user = await t.db.user.findUniqueOrThrow({ where: { email } });
    expect(await verifyPassword(PASSWORD, user.passwordHash!)).toBe(true);
    expect(user).toMatchObject({ phone: "+79123456789", roles: ["APPLICANT"], middleName: "Ильич" });
    expect(user.emailVerifiedAt).not.toBeNull();
  });

  it("carries the page registration started from through the letter's link, only when it is a page of this app (issue 16 p.3)", async () => {
    const linkOf = async (email: string) =>
      /https?:\/\/\S+\/claim\/\S+/.exec((await claimLetters(email)).at(-1)!.text)![0];
    await caller().register({ ...registration("vozvrat@example.ru"), returnTo: "/services/archive-info?x=1" });
    expect(await linkOf("vozvrat@example.ru")).toMatch(
      /\/claim\/[A-Za-z0-9_-]+\?next=%2Fservices%2Farchive-info%3Fx%3D1$/,
    );
    for (const [i, elsewhere] of [
      "//evil.example/services",
      "https://evil.example/",
      "javascript:alert(1)",
    ].entries()) {
      await caller().register({ ...registration(`chuzhoy${i}@example.ru`), returnTo: elsewhere });
      expect(await linkOf(`chuzhoy${i}@example.ru`)).toMatch(/\/claim\/[A-Za-z0-9_-]+$/);
    }
    // An address that has an account is sent to sign in, with the same page to come back to.
    await caller().register({ ...registration("applicant@demo.reglament.ru"), returnTo: "/services/road-info" });
    const exists = await t.db.outgoingEmail.findFirstOrThrow({
      where: { to: "applicant@demo.reglament.ru", subject: "Попытка регистрации с вашим адресом электронной почты" },
      orderBy: { createdAt: "desc" },
    });
    expect(exists.text).toContain("/sign-in?callbackUrl=%2Fservices%2Froad-info");
  });
});
