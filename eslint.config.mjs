import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Prisma is reached only through server/ data-access files (CONVENTIONS habit 4): pages, components
// and domain logic call those, so every query carries its scope in one place.
const PRISMA_ALLOWED = [
  "server/db/**", "server/**/data.ts", "server/**/mutations.ts",
  "server/api/trpc.ts", "server/test/**", "server/**/*.int.test.ts", "prisma/**", "scripts/**", "e2e/**",
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ["node_modules/**", ".next/**", ".next-e2e-*/**", "data/**", "server/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
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
              message: "Prisma is used only in server/ data-access files (data.ts, mutations.ts, *-mutations.ts, *-store.ts, server/db/).",
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
        { patterns: [{ group: ["**/generated/prisma/**", "**/generated/prisma", "@prisma/*"], allowTypeImports: true, message: "Only Prisma types here: queries belong in data.ts/mutations.ts." }] },
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
            { group: ["@/server/db/client", "**/server/db/client"], message: "Use the server caller (server/api/server.ts) or a data-access function." },
          ],
        },
      ],
    },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
];

export default config;
