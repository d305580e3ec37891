// `npm run admin:create` (issue 9, item 1): a production installation has no account, and its first
// administrator comes from this command. It makes one that signs in, with registration's rules, and
// refuses bad input in Russian without writing anything; the password never travels as an argument.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdministrator } from "../server/auth/administrator/mutations";
import { generatePassword, zAdministratorInput } from "../server/auth/administrator/schema";
import { findUserForSignIn, toIdentity } from "../server/auth/data";
import { verifyPassword } from "../server/auth/password";
import { randomBytes } from "node:crypto";
import { createTestDatabase, type TestDatabase } from "../server/test/db";

const root = path.resolve(import.meta.dirname, "..");
const PASSWORD = "Надёжный-пароль-2026";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

/** What authorize() in server/auth/options.ts checks for a password sign-in. */
async function signsIn(email: string, password: string): Promise<string[] | null> {
  const user = await findUserForSignIn(t.db, email);
  if (!user?.isActive || !user.passwordHash || !(await verifyPassword(password, user.passwordHash))) return null;
  return toIdentity(user).roles;
}

/** The command as `npm run admin:create -- …` runs it, against the test database, the password on stdin. */
function adminCreate(args: string[], stdin: string) {
  return spawnSync(
    process.execPath,
    [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "scripts/admin-create.ts", ...args],
    { cwd: root, input: stdin, encoding: "utf8", timeout: 120_000, env: { ...process.env, DATABASE_URL: t.url } },
  );
}

describe("createAdministrator", () => {
  it("makes an administrator who signs in with the password given", async () => {
    const result = await createAdministrator(t.db, {
      email: " IT@Polovinka.example.ru ",
      lastName: "Смирнова",
      firstName: "Елена",
      middleName: "",
      password: PASSWORD,
    });
    expect(result).toMatchObject({ email: "it@polovinka.example.ru", created: true });
    expect(await signsIn("it@polovinka.example.ru", PASSWORD)).toEqual(["ADMIN"]);
    expect(await signsIn("it@polovinka.example.ru", "другой-пароль-2026")).toBeNull();
  });

  it("refuses bad input in Russian, field by field, and writes nothing", async () => {
    const before = await t.db.user.count();
    const cases: [Partial<Parameters<typeof createAdministrator>[1]>, Record<string, string>][] = [
      [{ email: "не адрес" }, { email: expect.stringMatching(/адрес/i) as unknown as string }],
      [{ password: "короткий1" }, { password: "Пароль должен содержать не менее 10 символов" }],
      [{ password: "толькобуквыздесь" }, { password: "Пароль должен содержать хотя бы одну букву и одну цифру" }],
      [
        { email: "ivanova@example.ru", password: "ivanova-2026-x" },
        { password: "Пароль не должен содержать адрес электронной почты" },
      ],
      [{ lastName: "" }, { lastName: "Укажите фамилию" }],
      [
        { firstName: "Robert'); DROP TABLE" },
        { firstName: "В имени допускаются только буквы, дефис, апостроф и пробел" },
      ],
    ];
    for (const [change, fieldErrors] of cases) {
      await expect(
        createAdministrator(t.db, {
          email: "new-admin@example.ru",
          lastName: "Петров",
          firstName: "Пётр",
          password: PASSWORD,
          ...change,
        }),
      ).rejects.toMatchObject({ code: "INVALID", fieldErrors });
    }
    expect(await t.db.user.count()).toBe(before);
  });

  it("refuses a taken address, and with --existing makes that account an administrator with a new password", async () => {
    const applicant = await t.db.user.create({
      data: {
        email: "zayavitel@example.ru",
        lastName: "Орлов",
        firstName: "Олег",
        roles: ["APPLICANT"],
        isActive: false,
      },
    });
    const input = { email: applicant.email, lastName: "Другой", firstName: "Человек", password: PASSWORD };
    await expect(createAdministrator(t.db, input)).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("уже есть") as unknown as string,
    });
    expect(await signsIn(applicant.email, PASSWORD)).toBeNull();
    await expect(
      createAdministrator(t.db, { ...input, email: "nobody@example.ru" }, { existing: true }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    expect(await createAdministrator(t.db, input, { existing: true })).toMatchObject({ created: false });
    expect((await signsIn(applicant.email, PASSWORD))?.sort()).toEqual(["ADMIN", "APPLICANT"]);
    // The account's own names stay.
    expect(await t.db.user.findUniqueOrThrow({ where: { id: applicant.id } })).toMatchObject({ lastName: "Орлов" });
  });

  it("generates passwords the policy accepts", () => {
    for (let i = 0; i < 50; i++) {
      const password = generatePassword(randomBytes);
      expect(password).toMatch(/^[A-Za-z2-9]{20}$/);
      expect(
        zAdministratorInput.safeParse({ email: "it-otdel@example.ru", lastName: "А", firstName: "Б", password })
          .success,
      ).toBe(true);
    }
  });
});

describe("npm run admin:create", () => {
  const names = ["--last-name", "Кузнецов", "--first-name", "Андрей"];

  it("reads the password from standard input and creates the administrator", () => {
    const run = adminCreate(["--email", "glava@example.ru", ...names], `${PASSWORD}\n`);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Администратор создан: glava@example.ru.");
    expect(run.stdout).not.toContain(PASSWORD);
  });

  it("refuses a password as an argument, and a weak one, in Russian, creating nothing", async () => {
    const asArgument = adminCreate(["--email", "second@example.ru", ...names, "--password", PASSWORD], "");
    expect(asArgument.status).toBe(1);
    expect(asArgument.stderr).toContain("пароль не передаётся в командной строке");

    const weak = adminCreate(["--email", "second@example.ru", ...names], "qwerty\n");
    expect(weak.status).toBe(1);
    expect(weak.stderr).toContain("Ошибка: Пароль должен содержать не менее 10 символов");

    const unknown = adminCreate(["--emial", "second@example.ru"], "");
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain("неизвестный или неполный параметр --emial");

    expect(await t.db.user.findUnique({ where: { email: "second@example.ru" } })).toBeNull();
    expect(await signsIn("glava@example.ru", PASSWORD)).toEqual(["ADMIN"]);
  });
});
