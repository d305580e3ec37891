// The demo municipality, loaded on every start and idempotent: departments, one user per role, the
// two services of the seed regulations (S1, S2) with their published regulation versions, and the
// working-day calendar. Nothing here overwrites what administrators changed later: rows are created
// when missing and left alone when present.
import type { Db } from "../../server/db/client";
import { documentChecksum } from "../../server/regulation/checksum";
import type { FieldDef, RegulationDocument } from "../../server/regulation/document";
import { SEED_SERVICES } from "./regulations";
import { loadCalendarYears } from "../../server/calendar/data";
import { createAccount, createDepartment, createService, publishRegulation } from "./factories";

export const DEMO_PASSWORD = "demo-Reglament-2026";

export const DEMO_DEPARTMENTS = [
  {
    code: "administration",
    name: "Администрация сельского поселения Половинка",
    kind: "ADMINISTRATION" as const,
    parent: null,
    address: "628212, Ханты-Мансийский автономный округ – Югра, Кондинский район, п. Половинка",
    phone: "+7 (34677) 0-00-00 (демо)",
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
  roles: ("APPLICANT" | "ADMIN")[];
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
    label: "Подписант (глава)",
    email: "signer@demo.reglament.ru",
    lastName: "Старжинский",
    firstName: "Андрей",
    middleName: "Александрович",
    phone: "+79825550105",
    roles: [],
    memberships: [{ department: "administration", role: "SIGNER" }],
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
];

/** `upgraded`: seed regulation versions of an older demo database given their field roles (see below). */
export type SeedReport = { created: Record<string, number>; upgraded: { versions: number } };

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

export async function seedDemo(db: Db, options: { calendarYears?: number[] } = {}): Promise<SeedReport> {
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
    created.users! += 1;
  }

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
      // Published as an administrator publishes (validated first): the seed documents pass unchanged.
      await publishRegulation(db, {
        serviceId: service.id,
        document: s.document,
        basis: s.basis,
        effectiveFrom: new Date(`${s.effectiveFrom}T00:00:00+05:00`),
      });
      created.versions! += 1;
    } else {
      // A demo database made before field roles holds this seed document without them, pinned by
      // its applications. Roles only say which field is which; the form, the process and the legal
      // text are the same. So exactly that document (matched by its checksum, never an
      // administrator's edition) is given the roles in place, with its new checksum: the platform
      // then reads its applications through roles like any other. This runs at start, before the
      // server caches parsed documents.
      const upgraded = await db.regulationVersion.updateMany({
        where: { serviceId: service.id, checksum: documentChecksum(withoutFieldRoles(s.document)) },
        data: { document: s.document as object, checksum: documentChecksum(s.document) },
      });
      upgradedVersions += upgraded.count;
    }
  }

  created.calendarYears = await loadCalendarYears(db, options.calendarYears ?? [2025, 2026, 2027]);
  return { created, upgraded: { versions: upgradedVersions } };
}
