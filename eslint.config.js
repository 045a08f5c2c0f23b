import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

// The unscoped database client bypasses tenant scoping. Only these modules may import it;
// everything tenant-owned goes through ctx.db (src/server/db/tenant.ts). Name files, not
// folders, so a new module does not inherit the exception.
const UNSCOPED_DB_ALLOWED = [
  "src/server/db/**",
  "src/server/auth/options.ts",
  "src/server/auth/sessions.ts",
  "src/server/accounts/accounts.ts",
  "src/server/email/**",
  "src/server/api/trpc.ts",
  "src/server/startup-check.ts",
  "src/server/api/routers/account.ts",
  "src/server/api/routers/organization.ts",
  "src/server/api/routers/invitation.ts",
  "src/server/api/routers/rfp-invite-link.ts",
  // Jobs run outside any request: each opens the transactions it needs (the daily quality
  // refresh, one tenant transaction per organisation), and the runner needs the connection.
  "src/server/jobs/runner.ts",
  "src/server/jobs/deliver-email.ts",
  "src/server/jobs/fda-load.ts",
  "src/server/jobs/quality-refresh.ts",
  "src/server/jobs/quality-views.ts",
  "src/server/jobs/rfp-close.ts",
  "src/server/jobs/rfp-deadline-reminder.ts",
  // Operator commands open their own connection (and act as OPERATOR, see permissions.ts).
  "src/cli/commands/import-inspections.ts",
  "src/cli/commands/import-fda.ts",
  "src/cli/commands/refresh-quality.ts",
  "scripts/**",
  "prisma/**",
  "tests/**",
  "e2e/**",
  "bench/**",
];

// Raw SQL and the generated client's values (Prisma.sql, Prisma.raw, the PrismaClient class)
// live under src/server/db/ only, as named functions; anywhere else they would skip the
// tenant scoping that the narrow TenantDb type gives. Type-only imports are fine anywhere.
// tests/ may use raw SQL: they tamper with rows on purpose to prove RLS and triggers hold.
const RAW_SQL_MESSAGE = "Raw SQL lives in src/server/db/ as a named function; call that function instead.";
const RAW_SQL = [
  {
    selector: "MemberExpression[property.name=/^\\$(queryRaw|executeRaw|queryRawUnsafe|executeRawUnsafe)$/]",
    message: RAW_SQL_MESSAGE,
  },
  {
    selector: "MemberExpression[object.name='Prisma'][property.name=/^(sql|raw|join|empty)$/]",
    message: RAW_SQL_MESSAGE,
  },
  {
    selector: "ImportExpression[source.value=/db\\/generated/]",
    message: "Only src/server/db/ may load the generated Prisma client.",
  },
];
const GENERATED_CLIENT = {
  group: ["**/db/generated", "**/db/generated/**", "@/server/db/generated", "@/server/db/generated/**"],
  allowTypeImports: true,
  message: "Only src/server/db/ may import values from the generated Prisma client; import types with `import type`.",
};

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "src/server/db/generated/**",
      ".data/**",
      ".cache/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/db/client", "@/server/db/client"],
              message:
                "Use ctx.db (tenant-scoped). The unscoped client is only for modules on the allow-list in eslint.config.js.",
            },
          ],
        },
      ],
    },
  },
  { files: UNSCOPED_DB_ALLOWED, rules: { "no-restricted-imports": "off" } },
  {
    files: ["**/*.{ts,tsx,js,mjs,cjs}"],
    ignores: ["src/server/db/**"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [GENERATED_CLIENT] }] },
  },
  {
    files: ["**/*.{ts,tsx,js,mjs,cjs}"],
    ignores: ["src/server/db/**", "tests/**"],
    rules: { "no-restricted-syntax": ["error", ...RAW_SQL] },
  },
  {
    // The decision core is pure: nothing but zod.
    files: ["src/server/decision/**"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: "^(?!zod$|\\./)", message: "The decision core imports nothing but zod (and its own files)." },
          ],
        },
      ],
    },
  },
);
