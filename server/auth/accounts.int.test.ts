// Issue 9, items 2 and 3, on a real PostgreSQL: an e-mail is proven by a one-time link before it
// signs in or receives paper applications; password reset and change; sessions ended on the server
// (the session version); sign-in, registration and invitation throttles that hold under parallel
// requests.
import { randomUUID } from "node:crypto";
import type { JWT } from "next-auth/jwt";
import type { Session } from "next-auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../prisma/seed/demo";
import { createTestDatabase, serveAsProcessDb, type TestDatabase } from "../test/db";
import { applicantAccount, demoScope } from "../test/factories";
import { ARCHIVE_REQUEST, PAPER_ARCHIVE_REQUEST } from "../test/fixtures";
import { createCallerFactory, createContext } from "../api/trpc";
import { authRouter } from "../api/routers/auth";
import { loadWorkingCalendar } from "../calendar/data";
import { registerPaperApplication } from "../intake/mutations";
import { saveDraft, startDraft } from "../application/mutations";
import { inviteCoApplicant, removeCoApplicant } from "../application/participants/mutations";
import { MAX_CO_APPLICANTS } from "../application/co-applicants";
import { THROTTLES } from "../throttle/policy";
import { RESET_TTL_MS, requestPasswordReset, signInWithPassword } from "./mutations";
import { verifyPassword } from "./password";

let t: TestDatabase;
let restoreDb: (() => void) | undefined;
type Callbacks = NonNullable<typeof import("./options").authOptions.callbacks>;
let jwt: (token: JWT) => Promise<JWT>;
let signOutEvent: (token: JWT) => Promise<void>;

const PASSWORD = "Весенний-ручей-2026";
const NEW_PASSWORD = "Осенний-листопад-2027";

const anonymous = (clientAddress: string | null = null) =>
  createCallerFactory(authRouter)(() => createContext({ session: null, db: t.db, clientAddress }));
const signedIn = (user: { id: string; email: string }, sessionVersion: number) => {
  const session: Session = {
    user: { id: user.id, email: user.email, name: "", roles: ["APPLICANT"], departmentIds: [], authMethod: "password" },
    expires: new Date(Date.now() + 3_600_000).toISOString(),
  };
  session.user.sessionVersion = sessionVersion;
  return createCallerFactory(authRouter)(() => createContext({ session, db: t.db }));
};

const registration = (email: string, over: Record<string, unknown> = {}) => ({
  lastName: "Петров",
  firstName: "Семён",
  middleName: "",
  email,
  phone: "",
  consent: true as const,
  ...over,
});
const passwords = (password: string) => ({ password, passwordConfirm: password });

/** The token of the newest link of `kind` e-mailed to `to`. */
async function lastLink(to: string, kind: "claim" | "reset-password"): Promise<string> {
  const emails = await t.db.outgoingEmail.findMany({ where: { to }, orderBy: { createdAt: "asc" } });
  const tokens = emails.flatMap((e) => {
    const m = new RegExp(`/${kind}/([A-Za-z0-9_-]+)`).exec(e.text);
    return m ? [m[1]!] : [];
  });
  if (!tokens.length) throw new Error(`no ${kind} link to ${to}`);
  return tokens.at(-1)!;
}

const signIn = (email: string, password: string, now?: Date, clientAddress: string | null = "192.0.2.1") =>
  signInWithPassword(t.db, { email, password, clientAddress }, now);

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db);
  // The next-auth callbacks reach the database through getDb().
  restoreDb = serveAsProcessDb(t);
  const { authOptions } = await import("./options");
  const callbacks = authOptions.callbacks as Callbacks;
  jwt = (token) => callbacks.jwt!({ token } as Parameters<NonNullable<Callbacks["jwt"]>>[0]) as Promise<JWT>;
  signOutEvent = async (token) => {
    await authOptions.events!.signOut!({ token, session: undefined as never });
  };
});
afterAll(async () => {
  restoreDb?.();
  await t?.drop();
});

describe("registration proves the e-mail before anything signs in", () => {
  it("creates no account until the link is used, and the link's page sets the password", async () => {
    const email = "verify.first@example.ru";
    expect(await anonymous().register(registration(email))).toEqual({ email, status: "confirm_email" });
    // Nothing to sign in to: no account, no password anywhere.
    expect(await t.db.user.count({ where: { email } })).toBe(0);
    expect(await signIn(email, PASSWORD)).toEqual({ ok: false, retryAfterMs: null });

    const token = await lastLink(email, "claim");
    // The shared schema refuses a common password on the server too.
    await expect(
      anonymous().claim({ token, lastName: "Петров", firstName: "Семён", ...passwords("qwerty1234") }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { issues: [expect.objectContaining({ path: ["password"] })] },
    });
    await anonymous().claim({ token, lastName: "Петров", firstName: "Семён", ...passwords(PASSWORD) });
    const signed = await signIn(email, PASSWORD);
    expect(signed).toMatchObject({ ok: true, identity: { email, roles: ["APPLICANT"] } });
  });

  it("gives a paper application to whoever proves the mailbox, never to whoever registered the address first", async () => {
    const victim = "paper.owner@example.ru";
    // A stranger registers the citizen's address first: the link goes to the citizen's mailbox, and
    // nothing is created that the stranger could sign in to.
    await anonymous().register(registration(victim, { lastName: "Чужой", firstName: "Человек" }));
    const strangersLink = await lastLink(victim, "claim");

    // The citizen files a paper application with that address.
    const registrar = await demoScope(t.db, "registrar");
    const paper = await registerPaperApplication(t.db, registrar, {
      serviceCode: "archive-info",
      values: PAPER_ARCHIVE_REQUEST,
      channel: "IN_PERSON",
      receivedAt: new Date("2026-03-06T07:00:00Z"),
      applicant: { email: victim, lastName: "Петров", firstName: "Семён" },
      calendar: await loadWorkingCalendar(t.db),
      submissionKey: randomUUID(),
    });
    const owner = await t.db.user.findUniqueOrThrow({ where: { email: victim } });
    expect(paper).toMatchObject({ id: expect.any(String) });
    expect(owner).toMatchObject({ passwordHash: null, emailVerifiedAt: null, lastName: "Петров" });
    expect(await signIn(victim, PASSWORD)).toMatchObject({ ok: false });

    // The citizen registers too and follows the link from the mailbox: the account is theirs, the
    // application in it, and the address proven. The stranger's link (in the same mailbox) is dead.
    await anonymous().register(registration(victim));
    const own = await lastLink(victim, "claim");
    expect(own).not.toBe(strangersLink);
    await anonymous().claim({ token: own, lastName: "Петров", firstName: "Семён", ...passwords(PASSWORD) });
    const claimed = await t.db.user.findUniqueOrThrow({ where: { email: victim } });
    expect(claimed.id).toBe(owner.id);
    expect(claimed.emailVerifiedAt).not.toBeNull();
    expect(await t.db.application.count({ where: { id: paper.id, ownerId: owner.id } })).toBe(1);
    expect(await anonymous().pendingClaim({ token: strangersLink })).toBeNull();
    expect(await signIn(victim, PASSWORD)).toMatchObject({ ok: true });
  });

  it("refuses to file a paper application under an address its account has not proven", async () => {
    // An account with a password but an unproven address (one made before verification existed).
    await applicantAccount(t.db, {
      email: "unproven@example.ru",
      lastName: "Петров",
      firstName: "Семён",
      password: PASSWORD,
      emailVerified: false,
    });
    const registrar = await demoScope(t.db, "registrar");
    const before = await t.db.application.count();
    await expect(
      registerPaperApplication(t.db, registrar, {
        serviceCode: "archive-info",
        values: PAPER_ARCHIVE_REQUEST,
        channel: "IN_PERSON",
        receivedAt: new Date("2026-03-06T07:00:00Z"),
        applicant: { email: "unproven@example.ru", lastName: "Петров", firstName: "Семён" },
        calendar: await loadWorkingCalendar(t.db),
        submissionKey: randomUUID(),
      }),
    ).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: { "applicant.email": expect.stringContaining("не подтверждена") },
    });
    expect(await t.db.application.count()).toBe(before);
  });

  it("limits registrations per client address", async () => {
    const from = anonymous("198.51.100.9");
    for (let i = 0; i < THROTTLES.registrationAddress.cap; i++)
      await from.register(registration(`many-${i}@example.ru`));
    await expect(from.register(registration("one-more@example.ru"))).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      message: expect.stringMatching(/Слишком много регистраций.*Повторите через/),
    });
    expect(await t.db.outgoingEmail.count({ where: { to: "one-more@example.ru" } })).toBe(0);
    // Another address is not affected.
    await anonymous("198.51.100.10").register(registration("one-more@example.ru"));
    expect(await t.db.outgoingEmail.count({ where: { to: "one-more@example.ru" } })).toBe(1);
  });
});

describe("password reset", () => {
  it("answers alike for any address, works once, ends the sessions and lifts a sign-in lock", async () => {
    const user = await applicantAccount(t.db, { email: "forgetful@example.ru", password: PASSWORD });
    const known = await anonymous().requestPasswordReset({ email: "Forgetful@example.ru" });
    const unknown = await anonymous().requestPasswordReset({ email: "nobody.here@example.ru" });
    expect(known).toEqual({ email: "forgetful@example.ru" });
    expect(unknown).toEqual({ email: "nobody.here@example.ru" });
    expect(await t.db.outgoingEmail.count({ where: { to: "nobody.here@example.ru" } })).toBe(0);

    const token = await lastLink("forgetful@example.ru", "reset-password");
    expect(await anonymous().pendingReset({ token })).toEqual({ email: "forgetful@example.ru" });
    // A claim link's token does not reset, nor the other way round.
    expect(await anonymous().pendingClaim({ token })).toBeNull();
    await expect(anonymous().resetPassword({ token, ...passwords("password12") })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(anonymous().resetPassword({ token, ...passwords("forgetful-2026-x") })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { fieldErrors: { password: "Пароль не должен содержать адрес электронной почты" } },
    });

    const before = (await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion;
    const results = await Promise.allSettled([
      anonymous().resetPassword({ token, ...passwords(NEW_PASSWORD) }),
      anonymous().resetPassword({ token, ...passwords("Третий-вариант-2028") }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const after = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.sessionVersion).toBe(before + 1);
    expect(await signIn("forgetful@example.ru", PASSWORD)).toMatchObject({ ok: false });
    const winner = (await verifyPassword(NEW_PASSWORD, after.passwordHash!)) ? NEW_PASSWORD : "Третий-вариант-2028";
    expect(await signIn("forgetful@example.ru", winner)).toMatchObject({ ok: true });
    // Used: the link is dead.
    expect(await anonymous().pendingReset({ token })).toBeNull();
    await expect(anonymous().resetPassword({ token, ...passwords("Четвёртый-вариант-29") })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
  });

  it("expires", async () => {
    await applicantAccount(t.db, { email: "late@example.ru", password: PASSWORD });
    await requestPasswordReset(t.db, "late@example.ru", new Date(Date.now() - RESET_TTL_MS - 60_000));
    const token = await lastLink("late@example.ru", "reset-password");
    expect(await anonymous().pendingReset({ token })).toBeNull();
    await expect(anonymous().resetPassword({ token, ...passwords(NEW_PASSWORD) })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    expect(await signIn("late@example.ru", PASSWORD)).toMatchObject({ ok: true });
  });

  it("is throttled per address, whether the address has an account or not", async () => {
    for (const email of ["throttled.reset@example.ru", "no.account.reset@example.ru"]) {
      if (email.startsWith("throttled")) await applicantAccount(t.db, { email, password: PASSWORD });
      for (let i = 0; i < THROTTLES.accountLinks.cap; i++) await anonymous().requestPasswordReset({ email });
      await expect(anonymous().requestPasswordReset({ email })).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    }
    expect(await t.db.outgoingEmail.count({ where: { to: "throttled.reset@example.ru" } })).toBe(
      THROTTLES.accountLinks.cap,
    );
  });
});

describe("sessions end on the server", () => {
  it("a password change ends every session of the account; sign-out ends them too", async () => {
    const user = await applicantAccount(t.db, { email: "two.devices@example.ru", password: PASSWORD });
    const first = await signIn(user.email, PASSWORD);
    if (!first.ok) throw new Error("sign-in failed");
    const token = (sv: number): JWT => ({ sub: user.id, email: user.email, name: "", sv });
    const laptop = token(first.sessionVersion);
    const phone = token(first.sessionVersion);
    expect((await jwt(laptop)).sub).toBe(user.id);
    expect((await jwt(phone)).sub).toBe(user.id);

    // The current password is required, and a wrong one changes nothing.
    await expect(
      signedIn(user, first.sessionVersion).changePassword({
        currentPassword: "не-тот-пароль-1",
        ...passwords(NEW_PASSWORD),
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { fieldErrors: { currentPassword: "Неверный текущий пароль" } },
    });
    await expect(
      signedIn(user, first.sessionVersion).changePassword({ currentPassword: PASSWORD, ...passwords("qwerty1234") }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await jwt(phone)).sub).toBe(user.id);

    await signedIn(user, first.sessionVersion).changePassword({
      currentPassword: PASSWORD,
      ...passwords(NEW_PASSWORD),
    });
    await expect(jwt(laptop)).rejects.toThrow(/session was ended/);
    await expect(jwt(phone)).rejects.toThrow(/session was ended/);
    // A procedure called with the old session is refused as anonymous.
    await expect(
      signedIn(user, first.sessionVersion).changePassword({
        currentPassword: NEW_PASSWORD,
        ...passwords("Ещё-один-пароль-31"),
      }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await signIn(user.email, PASSWORD)).toMatchObject({ ok: false });

    const again = await signIn(user.email, NEW_PASSWORD);
    if (!again.ok) throw new Error("sign-in failed");
    const fresh = token(again.sessionVersion);
    expect((await jwt(fresh)).sub).toBe(user.id);
    await signOutEvent(fresh);
    await expect(jwt(fresh)).rejects.toThrow(/session was ended/);
    // A token from before the session versions existed is void as well.
    await expect(jwt({ sub: user.id, email: user.email, name: "" })).rejects.toThrow(/session was ended/);
  });
});

describe("sign-in throttling", () => {
  it("30 wrong passwords lock the account; the right one during the lock fails; an unrelated account is unaffected", async () => {
    const victim = await applicantAccount(t.db, { email: "guessed@example.ru", password: PASSWORD });
    const bystander = await applicantAccount(t.db, { email: "bystander@example.ru", password: PASSWORD });
    const address = "203.0.113.7";
    let now = Date.now();
    // Each guess waits out the progressive delay (at most a minute), so all 30 are checked.
    for (let i = 0; i < 30; i++) {
      expect(await signIn(victim.email, `Неверный-пароль-${i}`, new Date(now), address)).toEqual({
        ok: false,
        retryAfterMs: null,
      });
      now += THROTTLES.signInAccount.maxDelayMs + 1000;
    }
    const locked = await signIn(victim.email, PASSWORD, new Date(now), address);
    expect(locked).toMatchObject({ ok: false, retryAfterMs: expect.any(Number) });
    expect(!locked.ok && locked.retryAfterMs! > 10 * 60_000).toBe(true);
    // The same client address signs in to another account at once.
    expect(await signIn(bystander.email, PASSWORD, new Date(now), address)).toMatchObject({ ok: true });
    // When the lock ends, the right password signs in (and clears the count).
    now += THROTTLES.signInAccount.lockMs;
    expect(await signIn(victim.email, PASSWORD, new Date(now), address)).toMatchObject({ ok: true });
    expect(await t.db.rateLimit.count({ where: { key: `sign-in:account:${victim.email}` } })).toBe(0);
  });

  it("delays guessing progressively after a few failures, and parallel guesses do not slip through", async () => {
    const user = await applicantAccount(t.db, { email: "hurried@example.ru", password: PASSWORD });
    const at = new Date();
    // Ten guesses at once: only the free ones are checked, the rest are refused unchecked.
    const burst = await Promise.all(
      Array.from({ length: 10 }, (_, i) => signIn(user.email, `Неверный-${i}-пароль`, at, null)),
    );
    expect(burst.filter((r) => !r.ok && r.retryAfterMs === null)).toHaveLength(THROTTLES.signInAccount.free);
    // Now even the right password waits out the delay...
    expect(await signIn(user.email, PASSWORD, at, null)).toEqual({ ok: false, retryAfterMs: 1000 });
    // ...and passes once it has.
    expect(await signIn(user.email, PASSWORD, new Date(at.getTime() + 1000), null)).toMatchObject({ ok: true });
  });
});

describe("co-applicant invitations", () => {
  async function ownerWithDraft() {
    const owner = await applicantAccount(t.db, { password: PASSWORD });
    const { id } = await startDraft(t.db, { ownerId: owner.id, serviceCode: "archive-info" });
    await saveDraft(t.db, owner.id, { id, values: ARCHIVE_REQUEST, currentStep: "delivery", expectedRowVersion: 0 });
    return { ownerId: owner.id, applicationId: id };
  }

  it("invite/remove/invite cycles cannot send unlimited mail", async () => {
    const draft = await ownerWithDraft();
    const email = "cycled@example.ru";
    let sent = 0;
    for (;;) {
      const invited = await inviteCoApplicant(t.db, { ...draft, email }).catch((e: unknown) => e);
      if (invited instanceof Error) {
        expect(invited).toMatchObject({
          code: "TOO_MANY",
          message: expect.stringContaining("Слишком много приглашений"),
        });
        break;
      }
      sent++;
      await removeCoApplicant(t.db, { ...draft, participantId: (invited as { id: string }).id });
      if (sent > 100) throw new Error("invitations are not capped");
    }
    expect(sent).toBe(THROTTLES.coApplicantInvitations.cap);
    expect(await t.db.outgoingEmail.count({ where: { to: email } })).toBe(sent);
  });

  it("30 parallel invitations never exceed 10 co-applicants", async () => {
    const draft = await ownerWithDraft();
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) => inviteCoApplicant(t.db, { ...draft, email: `parallel-${i}@example.ru` })),
    );
    const participants = await t.db.applicationParticipant.count({
      where: { applicationId: draft.applicationId, role: "CO_APPLICANT" },
    });
    expect(participants).toBe(MAX_CO_APPLICANTS);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(MAX_CO_APPLICANTS);
    for (const r of results)
      if (r.status === "rejected")
        expect(r.reason).toMatchObject({ code: "INVALID", message: expect.stringContaining("не больше 10") });
  });
});
