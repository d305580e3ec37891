// `npm run admin:create` (scripts/admin-create.ts): the first administrator of a production
// installation, or administrator rights and a new password for an existing account (`--existing`:
// a municipality that lost its administrator's password, or closed a demo account, gets back in).
import "server-only";
import type { Db } from "../../db/client";
import { AppError, isRace } from "../../errors";
import { hashPassword } from "../password";
import { zAdministratorInput, type AdministratorInput } from "./schema";

export type AdministratorResult = { id: string; email: string; created: boolean };

const taken = (email: string) =>
  new AppError(
    "CONFLICT",
    `Учётная запись с адресом ${email} уже есть. Чтобы сделать её администратором и задать ей новый пароль, ` +
      "повторите команду с --existing.",
  );

/** Checks the input (Russian messages, AppError INVALID with field errors) and writes in one statement. */
export async function createAdministrator(
  db: Db,
  raw: AdministratorInput,
  options: { existing?: boolean } = {},
): Promise<AdministratorResult> {
  const parsed = zAdministratorInput.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".")] ??= issue.message;
    throw new AppError("INVALID", Object.values(fieldErrors).join("; "), fieldErrors);
  }
  const input = parsed.data;
  const passwordHash = await hashPassword(input.password);
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true, roles: true } });
  if (existing && !options.existing) throw taken(input.email);
  if (!existing && options.existing)
    throw new AppError(
      "NOT_FOUND",
      `Учётной записи с адресом ${input.email} нет. Чтобы создать новую, повторите команду без --existing.`,
    );
  if (existing) {
    // Names stay as they are: the account is someone's; it gets the role, the password, and is opened.
    await db.user.update({
      where: { id: existing.id },
      data: {
        roles: existing.roles.includes("ADMIN") ? existing.roles : [...existing.roles, "ADMIN"],
        passwordHash,
        isActive: true,
        // The operator vouches for the address; a new password ends the account's other sessions.
        emailVerifiedAt: new Date(),
        sessionVersion: { increment: 1 },
      },
    });
    return { id: existing.id, email: input.email, created: false };
  }
  try {
    const user = await db.user.create({
      data: {
        email: input.email,
        lastName: input.lastName,
        firstName: input.firstName,
        middleName: input.middleName || null,
        roles: ["ADMIN"],
        passwordHash,
        emailVerifiedAt: new Date(),
      },
      select: { id: true },
    });
    return { id: user.id, email: input.email, created: true };
  } catch (error) {
    if (isRace(error)) throw taken(input.email);
    throw error;
  }
}
