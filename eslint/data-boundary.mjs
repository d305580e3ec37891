// The data boundary of README "Architecture", as two syntactic lint rules (no type information, so
// linting stays as fast as it is):
//
// - `no-query-outside-data`: a query is a member access on a database handle — `db.application`,
//   `tx.$queryRaw`, `ctx.db.service`, `c.tx.resultDocument`. Outside the data-access files (the
//   config decides which files the rule sees) a handle may only be passed on, never queried. A
//   handle is what is called `db`, `tx` or `prisma` by house convention, a `.db`/`.tx` property, or
//   any parameter, variable or property of this file typed `Db`, `Tx`, `PrismaClient` or
//   `Prisma.TransactionClient`, or assigned from `getDb()` / `createPrismaClient()` / `new PrismaClient()`.
// - `client-imports`: routes and components never import a data-access file or server/db (they go
//   through the tRPC caller; type-only imports are erased and allowed), and a "use client" module
//   imports from server/ only what is safe in the browser (CLIENT_SAFE). `server-only` in every
//   data-access file makes the build fail on what slips through indirectly; this says it earlier
//   and where.
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");

const HANDLE_NAMES = new Set(["db", "tx", "prisma"]);
const HANDLE_TYPES = new Set(["Db", "Tx", "PrismaClient", "TransactionClient"]);
const HANDLE_FACTORIES = new Set(["getDb", "createPrismaClient"]);

/** Is a type annotation a handle type (`Db`, `Db | Tx`, `Prisma.TransactionClient`)? Not one that merely contains one (`{ db?: Db }`). */
function mentionsHandleType(node) {
  if (!node) return false;
  if (node.type === "TSTypeAnnotation") return mentionsHandleType(node.typeAnnotation);
  if (node.type === "TSUnionType" || node.type === "TSIntersectionType") return node.types.some(mentionsHandleType);
  if (node.type === "TSTypeReference") {
    const name = node.typeName.type === "TSQualifiedName" ? node.typeName.right.name : node.typeName.name;
    return HANDLE_TYPES.has(name);
  }
  return false;
}

function createsHandle(init) {
  let e = init;
  while (e && (e.type === "AwaitExpression" || e.type === "TSAsExpression" || e.type === "TSNonNullExpression"))
    e = e.expression ?? e.argument;
  if (!e) return false;
  if (e.type === "CallExpression" && e.callee.type === "Identifier") return HANDLE_FACTORIES.has(e.callee.name);
  if (e.type === "NewExpression" && e.callee.type === "Identifier") return e.callee.name === "PrismaClient";
  return false;
}

const propertyName = (member) =>
  !member.computed && member.property.type === "Identifier" ? member.property.name : null;

const noQueryOutsideData = {
  meta: {
    type: "problem",
    docs: { description: "Queries (member access on a Db/Tx handle) only in data.ts / mutations.ts" },
    schema: [],
    messages: {
      router:
        "Routers never query: move this into the domain's data.ts (reads) or mutations.ts (writes) and pass ctx.db to it.",
      query:
        "Queries belong in the domain's data.ts (reads) or mutations.ts (writes): call a function there and pass the handle ({{name}}) to it.",
    },
  },
  create(context) {
    const sourceCode = context.sourceCode;
    // Properties declared with a handle type in this file (`type EffectContext = { tx: Tx }`).
    const handleProps = new Set(["db", "tx"]);
    const collectProp = (node) => {
      if (!node.computed && node.key?.type === "Identifier" && mentionsHandleType(node.typeAnnotation))
        handleProps.add(node.key.name);
    };

    function isHandleIdentifier(id) {
      if (HANDLE_NAMES.has(id.name)) return true;
      let scope = sourceCode.getScope(id);
      let variable = null;
      for (; scope && !variable; scope = scope.upper) variable = scope.set.get(id.name) ?? null;
      if (!variable) return false;
      return variable.defs.some((def) => {
        if (def.type === "Parameter") {
          const param = def.name.parent?.type === "AssignmentPattern" ? def.name.parent : def.name;
          return mentionsHandleType(def.name.typeAnnotation) || mentionsHandleType(param.typeAnnotation);
        }
        if (def.type === "Variable")
          return mentionsHandleType(def.node.id.typeAnnotation) || createsHandle(def.node.init);
        return false;
      });
    }

    function isHandle(node) {
      if (node.type === "Identifier") return isHandleIdentifier(node);
      if (node.type === "MemberExpression") {
        const name = propertyName(node);
        return name !== null && handleProps.has(name);
      }
      if (node.type === "TSNonNullExpression" || node.type === "TSAsExpression") return isHandle(node.expression);
      return false;
    }

    const describe = (node) => sourceCode.getText(node);
    const isCtxDb = (node) =>
      node.type === "MemberExpression" &&
      propertyName(node) === "db" &&
      node.object.type === "Identifier" &&
      node.object.name === "ctx";

    const pending = [];
    return {
      TSPropertySignature: collectProp,
      PropertyDefinition: collectProp,
      MemberExpression(node) {
        pending.push(node);
      },
      VariableDeclarator(node) {
        if (node.id.type === "ObjectPattern" && node.init) pending.push(node);
      },
      // Decided at the end, once every property type of the file is known.
      "Program:exit"() {
        for (const node of pending) {
          const object = node.type === "VariableDeclarator" ? node.init : node.object;
          if (!isHandle(object)) continue;
          context.report({ node, messageId: isCtxDb(object) ? "router" : "query", data: { name: describe(object) } });
        }
      },
    };
  },
};

// What a "use client" module may import from server/: zod schemas and the pure modules the browser
// shares with the server (the regulation document, the form schema builder, identifier checks, file
// sniffing, prefill, the error type). Paths are relative to the repository, without extension.
const CLIENT_SAFE = [
  /^server\/(.+\/)?schema$/,
  /^server\/regulation\/(document|document-plain|form-schema|form-zod|identifiers|variants)$/,
  /^server\/attachment\/sniff$/,
  /^server\/application\/(prefill|answers)$/,
  /^server\/format\/(dates|plural|sentence)$/,
  /^server\/(people|ids|uuid)$/,
  /^server\/errors$/,
  /^server\/auth\/callback-url$/,
  // Reception hours: the form's zod schema with its pure arithmetic; the «предварительно» mark (issue 11).
  /^server\/organisation\/schedule$/,
  /^server\/calendar\/provisional$/,
  // Result document templates (issue 10 p.2): the placeholder syntax and its rendering, pure.
  /^server\/regulation\/template(-syntax)?$/,
];
const DATA_ACCESS = /^server\/(.+\/)?(data|mutations)$/;
const DB_INFRA = /^server\/db\//;
// The health probe asks the database itself how it is: the one route that imports server/db.
const DB_FOR_ROUTES = /^server\/db\/health$/;

function target(filename, source) {
  let resolved;
  if (source.startsWith("@/")) resolved = path.join(ROOT, source.slice(2));
  else if (source.startsWith(".")) resolved = path.resolve(path.dirname(filename), source);
  else return null;
  const rel = path.relative(ROOT, resolved).split(path.sep).join("/");
  return rel.replace(/\.(tsx?|mjs|js)$/, "").replace(/\/index$/, "");
}

const typeOnly = (node) =>
  node.importKind === "type" ||
  node.exportKind === "type" ||
  (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === "type" || s.exportKind === "type"));

const clientImports = {
  meta: {
    type: "problem",
    docs: {
      description:
        "Routes and components do not import data access; client modules import only client-safe server modules",
    },
    schema: [],
    messages: {
      dataAccess:
        "Routes and components do not import data-access files or server/db ({{target}}): use the tRPC server caller or a procedure.",
      clientUnsafe:
        'A "use client" module imports from server/ only client-safe modules (zod schema.ts files and the pure modules of eslint/data-boundary.mjs CLIENT_SAFE); {{target}} is not one.',
    },
  },
  create(context) {
    const filename = context.filename;
    const isClient = context.sourceCode.ast.body.some(
      (s) => s.type === "ExpressionStatement" && s.directive === "use client",
    );
    function check(node, sourceNode, erased) {
      if (!sourceNode || typeof sourceNode.value !== "string" || erased) return;
      const t = target(filename, sourceNode.value);
      if (!t || !t.startsWith("server/")) return;
      if (DATA_ACCESS.test(t) || (DB_INFRA.test(t) && !DB_FOR_ROUTES.test(t))) {
        context.report({ node, messageId: "dataAccess", data: { target: t } });
      } else if (isClient && !CLIENT_SAFE.some((re) => re.test(t))) {
        context.report({ node, messageId: "clientUnsafe", data: { target: t } });
      }
    }
    return {
      ImportDeclaration: (node) => check(node, node.source, typeOnly(node)),
      ExportNamedDeclaration: (node) => check(node, node.source, typeOnly(node)),
      ExportAllDeclaration: (node) => check(node, node.source, node.exportKind === "type"),
      ImportExpression: (node) => check(node, node.source.type === "Literal" ? node.source : null, false),
    };
  },
};

export const dataBoundary = {
  meta: { name: "reglament-data-boundary" },
  rules: { "no-query-outside-data": noQueryOutsideData, "client-imports": clientImports },
};
