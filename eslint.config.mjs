import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { dataBoundary } from "./eslint/data-boundary.mjs";

// Prisma is reached only through server/ data-access files (CONVENTIONS habit 4): `data.ts` (reads)
// and `mutations.ts` (writes) of a domain or of a part of it, plus the infrastructure in server/db.
// Pages, routers, components and domain logic call those, so every query carries its scope in one
// place. Tests, the seed, scripts and the end-to-end helpers set up and inspect the database directly.
const DATA_ACCESS = ["server/**/data.ts", "server/**/mutations.ts", "server/db/**"];
const DIRECT_DB_ALLOWED = ["server/test/**", "**/*.test.ts", "prisma/**", "scripts/**", "e2e/**"];
const PRISMA_ALLOWED = [...DATA_ACCESS, ...DIRECT_DB_ALLOWED];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".next-e2e-*/**",
      "data/**",
      "server/generated/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    files: ["**/*.ts", "**/*.tsx"],
    ignores: PRISMA_ALLOWED,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/generated/prisma/**", "**/generated/prisma", "@prisma/*"],
              message: "Prisma is used only in server/ data-access files (data.ts, mutations.ts, server/db/).",
            },
          ],
        },
      ],
    },
  },
  {
    // Where-builders (server/application/visibility.ts) query nothing: they return Prisma `where`
    // fragments typed with the generated types, so a type-only import is all they may have.
    files: ["server/**/visibility.ts"],
    rules: {
      "no-restricted-imports": "off",
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/generated/prisma/**", "**/generated/prisma", "@prisma/*"],
              allowTypeImports: true,
              message: "Only Prisma types here: queries belong in data.ts/mutations.ts.",
            },
          ],
        },
      ],
    },
  },
  {
    // Routes and components reach data through tRPC procedures or the server caller, never the client.
    files: ["app/**/*.ts", "app/**/*.tsx", "components/**/*.ts", "components/**/*.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/generated/prisma/**", "@prisma/*"], message: "No Prisma in routes or components." },
            {
              group: ["@/server/db/client", "**/server/db/client"],
              message: "Use the server caller (server/api/server.ts) or a data-access function.",
            },
          ],
        },
      ],
    },
  },
  {
    // Queries too, not only Prisma imports: a Db/Tx handle passed in needs no import (eslint/data-boundary.mjs).
    files: ["**/*.ts", "**/*.tsx"],
    ignores: PRISMA_ALLOWED,
    plugins: { reglament: dataBoundary },
    rules: { "reglament/no-query-outside-data": "error" },
  },
  {
    // Routes and components never import data access; "use client" modules only client-safe server modules.
    files: ["app/**/*.ts", "app/**/*.tsx", "components/**/*.ts", "components/**/*.tsx"],
    plugins: { reglament: dataBoundary },
    rules: { "reglament/client-imports": "error" },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
];

export default config;
