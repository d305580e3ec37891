// Moving and removing items of a list inside a draft (the editor's `change` hands its mutator a copy
// of the document, so these edit the list in place). Framework-free: unit tested in list-ops.test.ts.

/** Moves the item at `index` by `delta` places (−1 up, +1 down); false when it would leave the list. */
export function moveItem<T>(list: T[], index: number, delta: number): boolean {
  const to = index + delta;
  if (!Number.isInteger(index) || index < 0 || index >= list.length || to < 0 || to >= list.length) return false;
  const [item] = list.splice(index, 1);
  list.splice(to, 0, item!);
  return true;
}

/** Removes the item at `index`; false when there is none. */
export function removeItem<T>(list: T[], index: number): boolean {
  if (!Number.isInteger(index) || index < 0 || index >= list.length) return false;
  list.splice(index, 1);
  return true;
}

/**
 * A code not yet taken in a list («stage_3» beside stage_1 and stage_2): new items get a valid,
 * unique code at once, so adding never creates a problem the specialist did not cause.
 */
export function freeCode(taken: Iterable<string>, prefix: string): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) {
    const code = `${prefix}_${n}`;
    if (!used.has(code)) return code;
  }
}

/** The rule of every code in the regulation document (zod's `code`): Latin lower case, digits and _. */
export const CODE_PATTERN = /^[a-z][a-z0-9_]*$/;

/** Why a code cannot be used, in Russian, or null. `others`: the codes of the other items of its list. */
export function codeProblem(code: string, others: Iterable<string>): string | null {
  if (!code) return "Укажите код";
  if (!CODE_PATTERN.test(code))
    return "Код пишется латинскими строчными буквами, цифрами и знаком _ и начинается с буквы (например, review)";
  for (const other of others) if (other === code) return `Код «${code}» уже занят`;
  return null;
}
