// What the administration pages read about the organisation (issue 11): the department tree with
// what each department holds, the staff list (search and filters), and one account with its roles
// and its open assigned applications (listed for reassignment when it is deactivated).
import "server-only";
import type { Db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { personName } from "../people";
import { DEPARTMENT_ROLES, GLOBAL_ROLES, zStaffFilters, type StaffFilters } from "./schema";
import { inTreeOrder } from "./tree";

/** A department as the tree shows it and as its audit records snapshot it. */
export const DEPARTMENT_FIELDS = {
  id: true,
  code: true,
  name: true,
  kind: true,
  parentId: true,
  address: true,
  phone: true,
  email: true,
  schedule: true,
  closedAt: true,
} as const;

export async function departmentTree(db: Db) {
  const rows = await db.department.findMany({
    select: {
      ...DEPARTMENT_FIELDS,
      _count: {
        select: {
          services: { where: { isActive: true } },
          applications: { where: { status: "SUBMITTED", closedAt: null } },
          members: true,
        },
      },
    },
  });
  return inTreeOrder(rows, (a, b) => a.name.localeCompare(b.name, "ru")).map(({ node, depth }) => ({
    ...node,
    depth,
    activeServices: node._count.services,
    openApplications: node._count.applications,
    memberships: node._count.members,
  }));
}
export type DepartmentRow = Awaited<ReturnType<typeof departmentTree>>[number];

const STAFF_PAGE = 200;

/**
 * Staff accounts: every account with a staff or global role other than an applicant's, searched by
 * name or e-mail, filtered by department, role and whether it is active. An applicant's account
 * is not staff and is not listed.
 */
export async function staffList(db: Db, raw: StaffFilters) {
  const f = zStaffFilters.parse(raw);
  const staff: Prisma.UserWhereInput = {
    OR: [{ memberships: { some: {} } }, { roles: { hasSome: [...GLOBAL_ROLES] } }],
  };
  const and: Prisma.UserWhereInput[] = [staff];
  const words = (f.q ?? "").split(/\s+/).filter(Boolean).slice(0, 5);
  for (const w of words)
    and.push({
      OR: [
        { email: { contains: w, mode: "insensitive" } },
        { lastName: { contains: w, mode: "insensitive" } },
        { firstName: { contains: w, mode: "insensitive" } },
        { middleName: { contains: w, mode: "insensitive" } },
      ],
    });
  const role = f.role || undefined;
  const departmentId = f.departmentId || undefined;
  if (role && (GLOBAL_ROLES as readonly string[]).includes(role)) and.push({ roles: { has: role } });
  if (role && (DEPARTMENT_ROLES as readonly string[]).includes(role) && !departmentId)
    and.push({ memberships: { some: { role } } });
  if (departmentId)
    and.push({
      memberships: {
        some: { departmentId, ...(role && (DEPARTMENT_ROLES as readonly string[]).includes(role) ? { role } : {}) },
      },
    });
  if (f.active === "active") and.push({ isActive: true });
  if (f.active === "inactive") and.push({ isActive: false });
  const rows = await db.user.findMany({
    where: { AND: and },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
    take: STAFF_PAGE + 1,
    select: {
      id: true,
      email: true,
      lastName: true,
      firstName: true,
      middleName: true,
      roles: true,
      isActive: true,
      passwordHash: true,
      memberships: {
        select: { role: true, department: { select: { id: true, name: true } } },
        orderBy: [{ department: { name: "asc" } }, { role: "asc" }],
      },
    },
  });
  return {
    truncated: rows.length > STAFF_PAGE,
    accounts: rows.slice(0, STAFF_PAGE).map(({ passwordHash, ...u }) => ({
      ...u,
      name: personName(u),
      globalRoles: u.roles.filter((r) => (GLOBAL_ROLES as readonly string[]).includes(r)),
      invitationPending: passwordHash === null,
    })),
  };
}

/** One account for its administration page: details, roles, open assigned applications. Null: no such account. */
export async function staffAccountDetail(db: Db, id: string) {
  const u = await db.user.findUnique({
    where: { id },
    select: {
      id: true,
      email: true,
      lastName: true,
      firstName: true,
      middleName: true,
      phone: true,
      roles: true,
      isActive: true,
      passwordHash: true,
      emailVerifiedAt: true,
      _count: { select: { identities: true } },
      memberships: {
        select: { role: true, department: { select: { id: true, name: true, closedAt: true } } },
        orderBy: [{ department: { name: "asc" } }, { role: "asc" }],
      },
      assigned: {
        where: { closedAt: null, status: "SUBMITTED" },
        orderBy: [{ stageDueAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
        select: {
          id: true,
          registrationNumber: true,
          currentStage: true,
          stageDueAt: true,
          service: { select: { title: true } },
          department: { select: { name: true } },
        },
      },
    },
  });
  if (!u) return null;
  const { passwordHash, _count, ...rest } = u;
  return {
    ...rest,
    name: personName(u),
    globalRoles: u.roles.filter((r) => (GLOBAL_ROLES as readonly string[]).includes(r)),
    invitationPending: passwordHash === null && _count.identities === 0,
  };
}

/** Open departments, for the forms' lists. */
export async function openDepartments(db: Db) {
  const rows = await db.department.findMany({
    where: { closedAt: null },
    select: { id: true, name: true, parentId: true },
  });
  return inTreeOrder(rows, (a, b) => a.name.localeCompare(b.name, "ru")).map(({ node, depth }) => ({
    id: node.id,
    name: node.name,
    depth,
  }));
}
