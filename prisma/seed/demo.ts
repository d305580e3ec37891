// The municipality, loaded on every start and idempotent: departments, the two services of the seed
// regulations (S1, S2) with their published regulation versions, and the working-day calendar.
// Nothing here overwrites what administrators changed later: rows are created when missing and left
// alone when present.
//
// Demo mode only (issue 9, item 1; README "Configuration", REGLAMENT_DEMO): one account per role with
// the password printed by `npm start`. They are created once per database, recorded in the Setting
// `demo-accounts-seeded`, so an account an administrator deleted is never created again. A production
// start creates no account; the first administrator comes from `npm run admin:create`.
import type { Db } from "../../server/db/client";
import { verifyPassword } from "../../server/auth/password";
import { documentChecksum } from "../../server/regulation/checksum";
import type { FieldDef, RegulationDocument } from "../../server/regulation/document";
import { SEED_SERVICES } from "./regulations";
import { PREVIOUS_SEED_DOCUMENTS } from "./regulations/previous";
import { loadCalendarYears } from "../../server/calendar/data";
import { transferFile } from "../../server/regulation/transfer";
import { DEMO_SIGNING_PIN } from "./demo-constants";
import { issuePersonCertificate, makeRootCa } from "../../server/signature/ca";
import { addTrustedCertificate, registerSigningCertificate } from "../../server/signature/mutations";
import { encodePrivateKey } from "../../server/signature/x509";
import { createAccount, createDepartment, createService, importAndPublish, publishRegulation } from "./factories";

export const DEMO_PASSWORD = "demo-Reglament-2026";

export const DEMO_DEPARTMENTS = [
  {
    code: "administration",
    name: "Администрация сельского поселения Половинка",
    kind: "ADMINISTRATION" as const,
    parent: null,
    address: "628212, Ханты-Мансийский автономный округ – Югра, Кондинский район, п. Половинка",
    // A demo number (the source gives none): marked in the README, not on the pages that print it (issue 12).
    phone: "+7 (34677) 0-00-00",
    email: "admin@demo.reglament.ru",
    schedule: "пн–чт 9:00–18:00, пт 9:00–17:00, обед 13:00–14:00 (время местное, UTC+5)",
  },
  {
    code: "roads",
    name: "Отдел жилищно-коммунального хозяйства и дорожной деятельности",
    kind: "UNIT" as const,
    parent: "administration",
  },
  { code: "archive", name: "Архивный отдел", kind: "UNIT" as const, parent: "administration" },
  {
    code: "mfc",
    name: "Многофункциональный центр предоставления государственных и муниципальных услуг (МФЦ)",
    kind: "MFC" as const,
    parent: null,
  },
];

type DemoUser = {
  email: string;
  lastName: string;
  firstName: string;
  middleName: string;
  phone: string;
  roles: ("APPLICANT" | "ADMIN" | "AUDITOR")[];
  memberships: { department: string; role: "REGISTRAR" | "EXECUTOR" | "HEAD" | "SIGNER" }[];
  profile?: Record<string, unknown>;
  label: string;
};

export const DEMO_USERS: DemoUser[] = [
  {
    label: "Заявитель",
    email: "applicant@demo.reglament.ru",
    lastName: "Иванов",
    firstName: "Иван",
    middleName: "Петрович",
    phone: "+79825550101",
    roles: ["APPLICANT"],
    memberships: [],
    profile: {
      snils: "112-233-445 95",
      birthDate: "1985-04-12",
      passport: "6710 123456",
      address: "628212, ХМАО – Югра, Кондинский район, п. Половинка, ул. Комсомольская, д. 5, кв. 2",
    },
  },
  {
    label: "Регистратор",
    email: "registrar@demo.reglament.ru",
    lastName: "Петрова",
    firstName: "Мария",
    middleName: "Сергеевна",
    phone: "+79825550102",
    roles: [],
    memberships: [
      { department: "roads", role: "REGISTRAR" },
      { department: "archive", role: "REGISTRAR" },
      { department: "mfc", role: "REGISTRAR" },
    ],
  },
  {
    label: "Исполнитель",
    email: "executor@demo.reglament.ru",
    lastName: "Сидоров",
    firstName: "Алексей",
    middleName: "Николаевич",
    phone: "+79825550103",
    roles: [],
    memberships: [
      { department: "roads", role: "EXECUTOR" },
      { department: "archive", role: "EXECUTOR" },
    ],
  },
  {
    // A second executor, so that the head can hand work over (R2, S2 p.50).
    label: "Исполнитель (второй)",
    email: "executor2@demo.reglament.ru",
    lastName: "Фёдорова",
    firstName: "Анна",
    middleName: "Игоревна",
    phone: "+79825550107",
    roles: [],
    memberships: [
      { department: "roads", role: "EXECUTOR" },
      { department: "archive", role: "EXECUTOR" },
    ],
  },
  {
    label: "Руководитель отдела",
    email: "head@demo.reglament.ru",
    lastName: "Кузнецова",
    firstName: "Ольга",
    middleName: "Викторовна",
    phone: "+79825550104",
    roles: [],
    memberships: [
      { department: "roads", role: "HEAD" },
      { department: "archive", role: "HEAD" },
    ],
  },
  {
    // S1 p.37-39: the head of the settlement administration signs the road unit's results. His signing
    // is held in that unit: a role held in the administration would reach the archive below it too.
    label: "Подписант (глава администрации)",
    email: "signer@demo.reglament.ru",
    lastName: "Старжинский",
    firstName: "Андрей",
    middleName: "Александрович",
    phone: "+79825550105",
    roles: [],
    memberships: [{ department: "roads", role: "SIGNER" }],
  },
  {
    // S2 p.55, p.58: the archive's results and refusal notices are signed by the head of the municipal
    // archive (or the person substituting them), not by the head of the administration (issue 12 p.12).
    label: "Начальник муниципального архива (подписант)",
    email: "archive-head@demo.reglament.ru",
    lastName: "Лебедева",
    firstName: "Наталья",
    middleName: "Павловна",
    phone: "+79825550109",
    roles: [],
    memberships: [{ department: "archive", role: "SIGNER" }],
  },
  {
    label: "Администратор",
    email: "admin@demo.reglament.ru",
    lastName: "Орлов",
    firstName: "Дмитрий",
    middleName: "Игоревич",
    phone: "+79825550106",
    roles: ["ADMIN"],
    memberships: [],
  },
  {
    // Reads the log of every action and nothing else (issue 11): an inspector, a security officer.
    label: "Аудитор",
    email: "auditor@demo.reglament.ru",
    lastName: "Белова",
    firstName: "Светлана",
    middleName: "Андреевна",
    phone: "+79825550108",
    roles: ["AUDITOR"],
    memberships: [],
  },
];

/**
 * `upgraded`: seed regulation versions of an older demo database given their field roles (see below).
 * `retired`: demo accounts a production start found still opening with the published demo password.
 */
export type SeedReport = { created: Record<string, number>; upgraded: { versions: number }; retired: string[] };

/** The Setting that records that the demo accounts were created (the migration sets it for older databases). */
export const DEMO_ACCOUNTS_SEEDED = "demo-accounts-seeded";

/** The Setting that records that the demo CA and the demo signers' keys were made (issue 15). */
export const DEMO_SIGNATURES_SEEDED = "demo-signatures-seeded";
export { DEMO_SIGNING_PIN };
/** Whose keys the demo holds: the officials who sign results (S1 p.37-39, S2 p.55). */
const DEMO_SIGNERS = [
  {
    email: "signer@demo.reglament.ru",
    title: "Глава администрации",
    organisation: "Администрация сельского поселения",
  },
  {
    email: "archive-head@demo.reglament.ru",
    title: "Начальник муниципального архива",
    organisation: "Муниципальный архив",
  },
];

/**
 * The seed document as it was before field roles existed: the same document without the `role` of
 * its fields and the `legalEntity` / `delivery` meanings of its options.
 */
export function withoutFieldRoles(document: RegulationDocument): RegulationDocument {
  const copy = structuredClone(document);
  const strip = (fields: FieldDef[]) =>
    fields.forEach((f) => {
      delete f.role;
      f.options?.forEach((o) => {
        delete o.legalEntity;
        delete o.delivery;
      });
      if (f.fields) strip(f.fields);
    });
  copy.form.steps.forEach((s) => strip(s.fields));
  return copy;
}

/**
 * What every start loads: the municipality, and in demo mode the demo accounts (once). A production
 * start (`demo: false`) creates no account, and retires demo accounts a database made by an earlier
 * version still has with the published password (README: it was printed there).
 */
export async function seedInstallation(
  db: Db,
  options: { demo: boolean; calendarYears?: number[] },
): Promise<SeedReport> {
  const created: Record<string, number> = { departments: 0, users: 0, services: 0, versions: 0, calendarYears: 0 };
  let upgradedVersions = 0;

  const departmentIds = new Map<string, string>();
  for (const d of DEMO_DEPARTMENTS) {
    const existing = await db.department.findUnique({ where: { code: d.code } });
    const row =
      existing ?? (await createDepartment(db, { ...d, parentId: d.parent ? departmentIds.get(d.parent) : null }));
    if (!existing) created.departments! += 1;
    departmentIds.set(d.code, row.id);
  }

  const retired = options.demo ? [] : await retireDemoPasswords(db);
  if (options.demo) created.users = await seedDemoAccountsOnce(db, departmentIds);
  if (options.demo) await seedDemoSignaturesOnce(db);
  for (const s of SEED_SERVICES) {
    let service = await db.service.findUnique({ where: { code: s.code } });
    if (!service) {
      service = await createService(db, {
        code: s.code,
        title: s.title,
        departmentId: departmentIds.get(s.departmentCode)!,
      });
      created.services! += 1;
    }
    const hasVersion = await db.regulationVersion.count({ where: { serviceId: service.id } });
    if (!hasVersion) {
      // Loaded as an administrator moves a regulation between installations (issue 10 p.7): the
      // seed's transfer file, as the export writes it, imported (checked like any uploaded file)
      // and published with its act and date. The seed documents pass unchanged.
      await importAndPublish(db, {
        serviceId: service.id,
        file: transferFile({
          service: { code: s.code, title: s.title },
          edition: {
            version: 1,
            basis: s.basis,
            actNumber: s.actNumber ?? null,
            actDate: s.actDate ?? null,
            effectiveFrom: new Date(`${s.effectiveFrom}T00:00:00+05:00`),
          },
          document: s.document,
        }),
      });
      created.versions! += 1;
    } else {
      // A demo database made before field roles holds this seed document without them, pinned by
      // its applications. Roles only say which field is which; the form, the process and the legal
      // text are the same. So exactly that document (matched by its checksum, never an
      // administrator's edition) is given the roles in place, with its new checksum: the platform
      // then reads its applications through roles like any other. This runs at start, before the
      // server caches parsed documents.
      // Each seed edition without roles gets its own wording's roles (an older edition keeps its
      // wording; the step below adds the current one after it).
      const previous = PREVIOUS_SEED_DOCUMENTS[s.code] ?? [];
      for (const edition of [...previous, s.document]) {
        const upgraded = await db.regulationVersion.updateMany({
          where: { serviceId: service.id, checksum: documentChecksum(withoutFieldRoles(edition)) },
          data: { document: edition as object, checksum: documentChecksum(edition) },
        });
        upgradedVersions += upgraded.count;
      }
      // Issue 12: a database whose latest published edition is an earlier seed wording (never an
      // administrator's) gets the corrected wording as a new edition, in force from now. Applications
      // stay pinned to the edition they were submitted under (R11); nothing published is edited.
      const latest = await db.regulationVersion.findFirst({
        where: { serviceId: service.id, status: "PUBLISHED" },
        orderBy: { version: "desc" },
        select: { checksum: true },
      });
      if (latest && previous.some((edition) => documentChecksum(edition) === latest.checksum)) {
        await publishRegulation(db, {
          serviceId: service.id,
          document: s.document,
          basis: s.basis,
          effectiveFrom: new Date(),
        });
        created.versions! += 1;
      }
    }
  }

  created.calendarYears = await loadCalendarYears(db, options.calendarYears ?? [2025, 2026, 2027]);
  return { created, upgraded: { versions: upgradedVersions }, retired };
}

/** The demo municipality with its accounts: what the embedded default loads, and what tests build on. */
export function seedDemo(db: Db, options: { calendarYears?: number[] } = {}): Promise<SeedReport> {
  return seedInstallation(db, { ...options, demo: true });
}

/**
 * Creates the demo accounts the first time only. Callers hold the seed lock (server/db/lock.ts), so
 * two instances never both see the Setting missing. A row already there (the migration found none
 * recorded) is left alone, like every seeded row.
 */
async function seedDemoAccountsOnce(db: Db, departmentIds: Map<string, string>): Promise<number> {
  if (await db.setting.findUnique({ where: { key: DEMO_ACCOUNTS_SEEDED } })) return 0;
  let created = 0;
  for (const u of DEMO_USERS) {
    if (await db.user.findUnique({ where: { email: u.email } })) continue;
    await createAccount(db, {
      email: u.email,
      lastName: u.lastName,
      firstName: u.firstName,
      middleName: u.middleName,
      phone: u.phone,
      roles: u.roles,
      password: DEMO_PASSWORD,
      profile: u.profile,
      memberships: u.memberships.map((m) => ({ role: m.role, departmentId: departmentIds.get(m.department)! })),
    });
    created += 1;
  }
  await db.setting.create({
    data: { key: DEMO_ACCOUNTS_SEEDED, value: { at: new Date().toISOString(), accounts: created } },
  });
  return created;
}

/**
 * The demo's electronic signatures (issue 15): a demo certification authority, made here with a
 * fresh key (its key is not kept: it issues the signers' certificates and is gone), trusted by this
 * database only; each demo signer gets a certificate and a key the server holds under
 * DEMO_SIGNING_PIN. A production start never runs this, and a real CA's certificates are what an
 * administrator loads there. The certificates run from 2024 to 2031 so that tests may sign on any
 * date they simulate.
 */
async function seedDemoSignaturesOnce(db: Db): Promise<void> {
  if (await db.setting.findUnique({ where: { key: DEMO_SIGNATURES_SEEDED } })) return;
  const validity = { notBefore: new Date("2024-01-01T00:00:00Z"), days: 8 * 365 };
  const ca = makeRootCa("Тестовый удостоверяющий центр «Регламент» (не аккредитован)", validity);
  const admin = await db.user.findUnique({ where: { email: "admin@demo.reglament.ru" }, select: { id: true } });
  await addTrustedCertificate(db, admin?.id ?? null, ca.cert.der);
  for (const s of DEMO_SIGNERS) {
    const user = await db.user.findUnique({
      where: { email: s.email },
      select: { id: true, lastName: true, firstName: true, middleName: true },
    });
    if (!user) continue;
    const holder = issuePersonCertificate(
      ca,
      {
        lastName: user.lastName,
        givenNames: [user.firstName, user.middleName].filter(Boolean).join(" "),
        title: s.title,
        organisation: s.organisation,
      },
      validity,
    );
    await registerSigningCertificate(
      db,
      user.id,
      { certificate: holder.cert.der, key: encodePrivateKey(holder.privateKey), pin: DEMO_SIGNING_PIN },
      new Date("2024-06-01T00:00:00Z"),
    );
  }
  await db.setting.create({ data: { key: DEMO_SIGNATURES_SEEDED, value: { at: new Date().toISOString() } } });
}

/**
 * A production database made by an earlier version has the demo accounts, opened by a password the
 * README printed. Each one that still opens with it is closed: deactivated, its password removed
 * (the account and its history stay). One the municipality gave its own password is left alone.
 */
async function retireDemoPasswords(db: Db): Promise<string[]> {
  const candidates = await db.user.findMany({
    where: { email: { in: DEMO_USERS.map((u) => u.email) }, passwordHash: { not: null } },
    select: { id: true, email: true, passwordHash: true },
  });
  const retired: string[] = [];
  for (const u of candidates) {
    if (!(await verifyPassword(DEMO_PASSWORD, u.passwordHash!))) continue;
    await db.user.update({ where: { id: u.id }, data: { isActive: false, passwordHash: null } });
    retired.push(u.email);
  }
  return retired;
}
