// The staff scope: which departments a staff member may see and act in, and with which roles in each.
// Only staffScope() creates one (the brand makes it impossible to build by hand), and every staff
// query takes it as an argument and puts it in its `where` (CONVENTIONS habit 5).
import type { Db } from "../db/client";
import { departmentParents, type Identity } from "./data";
import type { Role } from "../regulation/document";

declare const scopeBrand: unique symbol;
export type StaffScope = {
  readonly userId: string;
  /** Member departments and every unit under them. */
  readonly departmentIds: readonly string[];
  /**
   * The roles the user has in each department of `departmentIds`. A role counts in the department
   * where it is held and in every unit under it, nowhere else: the head of the road unit who is also
   * an executor of the archive is an executor, not a head, for archive applications. Every role check
   * asks for the roles in the application's (or the service's) department — `rolesIn()` of the
   * workflow machine; a StaffScope is a workflow Actor as it is.
   */
  readonly rolesByDepartment: ReadonlyMap<string, readonly Role[]>;
  readonly [scopeBrand]: true;
};

export async function staffScope(db: Db, identity: Pick<Identity, "id" | "memberships">): Promise<StaffScope> {
  const all = await departmentParents(db);
  const children = new Map<string, string[]>();
  for (const d of all) if (d.parentId) children.set(d.parentId, [...(children.get(d.parentId) ?? []), d.id]);
  const roles = new Map<string, Set<Role>>();
  for (const m of identity.memberships) {
    // The department of the membership and every unit under it; `seen` guards against a cycle.
    const seen = new Set<string>();
    const stack = [m.departmentId];
    while (stack.length) {
      const id = stack.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      roles.set(id, (roles.get(id) ?? new Set<Role>()).add(m.role));
      stack.push(...(children.get(id) ?? []));
    }
  }
  const rolesByDepartment = new Map<string, readonly Role[]>([...roles].map(([id, set]) => [id, [...set]]));
  return {
    userId: identity.id,
    departmentIds: [...rolesByDepartment.keys()],
    rolesByDepartment,
  } as unknown as StaffScope;
}

/** Departments of the scope where the user has one of `roles` (held there or in a department above it). */
export function departmentsWithRole(scope: Pick<StaffScope, "rolesByDepartment">, roles: readonly Role[]): string[] {
  return [...scope.rolesByDepartment].filter(([, held]) => held.some((r) => roles.includes(r))).map(([id]) => id);
}
