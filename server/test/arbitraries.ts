// Inputs for the fuzz tests (server/api/fuzz.int.test.ts): arbitrary values derived from a procedure's
// own zod input schema, and hostile values an attacker sends instead of what a form would: NUL bytes,
// lone UTF-16 surrogates, very long strings, wrong types, ids that are not UUIDs, prototype keys.
import fc from "fast-check";
import type { z } from "zod";

/** Strings no form produces, each a past or plausible way to a 500 or a half-written record. */
export const HOSTILE_STRINGS: readonly string[] = [
  "",
  " ",
  "\u0000",
  "Иван\u0000ов",
  "\uD800",
  "a\uDFFFb",
  "\uDBFF\uDBFF",
  "\uFFFE\uFFFF",
  "\u202Eevil",
  "😀",
  "\r\n\t",
  "1 OR 1=1",
  '\'; DROP TABLE "Application"; --',
  "<script>alert(1)</script>",
  "../../etc/passwd",
  "%00",
  "__proto__",
  "constructor",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "x".repeat(70_000),
  "я".repeat(1_000_001),
];

/** Objects whose keys are the prototype's names, as JSON.parse makes them (own properties). */
const PROTOTYPE_OBJECTS = (): unknown[] => [
  JSON.parse('{"__proto__": {"polluted": "yes"}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}'),
  JSON.parse('{"prototype": {"polluted": "yes"}, "toString": "x", "hasOwnProperty": 1}'),
];

const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  // Any UTF-16 code units, lone surrogates and NULs included.
  { weight: 2, arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
);

/** Any value of a wrong type, or a hostile string. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(
      null,
      undefined,
      true,
      0,
      -1,
      1.5,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.MAX_SAFE_INTEGER,
      2 ** 31,
      [],
      {},
      [null],
      new Date(Number.NaN),
      new Date("1900-01-01T00:00:00Z"),
    ),
  },
  { weight: 1, arbitrary: fc.constant(null).chain(() => fc.constantFrom(...PROTOTYPE_OBJECTS())) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.dictionary(hostileString, hostileString, { maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

type Def = { type: string; [k: string]: unknown };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/**
 * Values shaped by the schema (the right keys and types, mostly), with hostile values mixed in at
 * every level: what a client that knows the API but not the rules sends.
 */
export function arbitraryFor(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  const shaped = shapedBy(defOf(schema), depth);
  return fc.oneof({ weight: 5, arbitrary: shaped }, { weight: 1, arbitrary: hostileValue });
}

function shapedBy(def: Def, depth: number): fc.Arbitrary<unknown> {
  const inner = (s: unknown) => arbitraryFor(s as z.ZodType, depth + 1);
  switch (def.type) {
    case "string":
      if (def.format === "uuid") return fc.oneof(fc.uuid({ version: 4 }), hostileString);
      if (def.format === "email") return fc.oneof(fc.emailAddress(), hostileString);
      return fc.oneof(fc.string({ maxLength: 80 }), hostileString);
    case "number":
      return fc.oneof(fc.integer({ min: -5, max: 200 }), fc.double());
    case "int":
      return fc.integer({ min: -5, max: 200 });
    case "boolean":
      return fc.boolean();
    case "date":
      return fc.oneof(fc.date(), fc.string({ maxLength: 30 }));
    case "literal":
      return fc.constantFrom(...(def.values as unknown[]));
    case "enum":
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "nonoptional":
    case "readonly":
    case "catch":
      return fc.oneof(inner(def.innerType), fc.constant(undefined));
    case "pipe":
      return inner(def.in);
    case "transform":
      return hostileValue;
    case "union":
      return fc.oneof(...(def.options as unknown[]).map(inner));
    case "array":
      return depth > 4 ? fc.constant([]) : fc.array(inner(def.element), { maxLength: 4 });
    case "record":
      return depth > 4
        ? fc.constant({})
        : fc.oneof(
            fc.dictionary(fc.oneof(fc.string({ maxLength: 20 }), hostileString), fc.jsonValue({ maxDepth: 3 }), {
              maxKeys: 5,
            }),
            fc.constantFrom(...PROTOTYPE_OBJECTS()),
          );
    case "object": {
      const shape = def.shape as Record<string, unknown>;
      return fc.record(Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, inner(s)])), {
        requiredKeys: [],
      });
    }
    default:
      // unknown, any and whatever zod adds later: anything at all.
      return hostileValue;
  }
}

/** Every path to a leaf (and to every object or array on the way) of a plain value. */
export function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const here = prefix.length ? [prefix] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => pathsOf(v, [...prefix, i]))];
  if (value !== null && typeof value === "object" && !(value instanceof Date))
    return [...here, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
  return here;
}

type Node = Record<string | number, unknown>;
const isObject = (v: unknown): v is Node => v !== null && typeof v === "object" && !(v instanceof Date);

function at(value: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((node, step) => (node as Node)[step], value);
}

/** A deep copy of `base` with the value at `path` replaced. */
export function replaceAt(base: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(base);
  (at(copy, path.slice(0, -1)) as Node)[path[path.length - 1]!] = value;
  return copy;
}

/** A deep copy of `base` with an own property `key` added to the object at `path`, as JSON.parse makes it. */
export function addKeyAt(base: unknown, path: (string | number)[], key: string, value: unknown): unknown {
  const copy = structuredClone(base);
  // defineProperty: `obj.__proto__ = v` would set the prototype instead of adding a key.
  Object.defineProperty(at(copy, path), key, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}

/**
 * A valid input with one thing broken: a leaf replaced by a hostile value, or a hostile key added
 * to one of its objects. Reaches past the schema's first line into the domain and the database.
 */
export function mutationsOf(base: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(base);
  const objects = [[], ...paths].filter((p) => isObject(at(base, p)) && !Array.isArray(at(base, p)));
  const arbitraries: fc.WeightedArbitrary<unknown>[] = [];
  if (paths.length)
    arbitraries.push({
      weight: 4,
      arbitrary: fc.tuple(fc.constantFrom(...paths), hostileValue).map(([p, v]) => replaceAt(base, p, v)),
    });
  if (objects.length)
    arbitraries.push({
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom(...objects),
          fc.constantFrom("__proto__", "constructor", "prototype", "\u0000", "\uD800", "x".repeat(100)),
          hostileValue,
        )
        .map(([p, key, v]) => addKeyAt(base, p, key, v)),
    });
  return arbitraries.length ? fc.oneof(...arbitraries) : hostileValue;
}
