// The staff scope: which departments a staff member may see and act in. Only staffScope() creates
// one (the brand makes it impossible to build by hand), and every staff query takes it as an argument
// and puts it in its `where` (CONVENTIONS habit 5).
import type { Db } from "../db/client";
import type { Identity } from "./data";
import type { Role } from "../regulation/document";

declare const scopeBrand: unique symbol;
export type StaffScope = {
  readonly userId: string;
  readonly roles: readonly Role[];
  /** Member departments and every unit under them. */
  readonly departmentIds: readonly string[];
  readonly [scopeBrand]: true;
};

export async function staffScope(db: Db, identity: Identity): Promise<StaffScope> {
  const all = await db.department.findMany({ select: { id: true, parentId: true } });
  const children = new Map<string, string[]>();
  for (const d of all) if (d.parentId) children.set(d.parentId, [...(children.get(d.parentId) ?? []), d.id]);
  const ids = new Set<string>();
  const visit = (id: string) => {
    if (ids.has(id)) return;
    ids.add(id);
    for (const c of children.get(id) ?? []) visit(c);
  };
  identity.departmentIds.forEach(visit);
  return { userId: identity.id, roles: identity.roles, departmentIds: [...ids] } as unknown as StaffScope;
}
