// `isUuid` of ./ids.ts without zod, for the browser (submission keys): the pattern of zod's `z.uuid()`
// (zod/v4/core/regexes.js `uuid()`), which `zId` checks; server/ids.test.ts keeps the two equal.
const UUID =
  /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}
