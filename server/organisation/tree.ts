// The department tree as plain data: no database, no framework (CONVENTIONS: domain rules are pure
// and unit-tested). Used by the move (no cycles) and by the administration page (the tree's order).

export type TreeNode = { id: string; parentId: string | null };

/** Whether putting `id` under `newParentId` would make a cycle: the new parent is `id` itself or under it. */
export function wouldCycle(nodes: readonly TreeNode[], id: string, newParentId: string): boolean {
  const parentOf = new Map(nodes.map((n) => [n.id, n.parentId]));
  const seen = new Set<string>();
  for (let at: string | null | undefined = newParentId; at; at = parentOf.get(at)) {
    if (at === id) return true;
    // A cycle already in the data (never written by this app) must not hang the walk.
    if (seen.has(at)) return true;
    seen.add(at);
  }
  return false;
}

/** The nodes in tree order (each parent followed by its children, siblings by `order`), with their depth. */
export function inTreeOrder<T extends TreeNode>(
  nodes: readonly T[],
  order: (a: T, b: T) => number,
): { node: T; depth: number }[] {
  const ids = new Set(nodes.map((n) => n.id));
  const children = new Map<string | null, T[]>();
  for (const n of nodes) {
    const key = n.parentId && ids.has(n.parentId) ? n.parentId : null;
    children.set(key, [...(children.get(key) ?? []), n]);
  }
  const out: { node: T; depth: number }[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    for (const n of [...(children.get(parent) ?? [])].sort(order)) {
      if (seen.has(n.id)) continue;
      seen.add(n.id);
      out.push({ node: n, depth });
      walk(n.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** `id` and every node under it. */
export function subtreeOf(nodes: readonly TreeNode[], id: string): Set<string> {
  const result = new Set<string>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const n of nodes)
      if (n.parentId && result.has(n.parentId) && !result.has(n.id)) {
        result.add(n.id);
        grew = true;
      }
  }
  return result;
}
