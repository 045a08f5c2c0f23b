import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

// The unscoped database client bypasses tenant scoping. Only these modules may import it;
// everything tenant-owned goes through ctx.db (src/server/db/tenant.ts).
const UNSCOPED_DB_ALLOWED = [
  "src/server/db/**",
  "src/server/auth/**",
  "src/server/accounts/**",
  "src/server/email/**",
  "src/server/api/trpc.ts",
  "src/server/startup-check.ts",
  "src/server/api/routers/account.ts",
  "src/server/api/routers/organization.ts",
  "src/server/api/routers/invitation.ts",
  // The daily quality refresh opens one tenant transaction per organisation itself.
  "src/server/vendors/quality-schedule.ts",
  "src/cli/**",
  "src/app/dev/**",
  "scripts/**",
  "prisma/**",
  "tests/**",
  "e2e/**",
  "bench/**",
];

export default tseslint.config(
  { ignores: [".next/**", "node_modules/**", "src/server/db/generated/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
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
        { patterns: [{ group: ["**/db/client", "@/server/db/client"], message: "Use ctx.db (tenant-scoped). The unscoped client is only for modules on the allow-list in eslint.config.js." }] },
      ],
    },
  },
  { files: UNSCOPED_DB_ALLOWED, rules: { "no-restricted-imports": "off" } },
  {
    // The decision core is pure: nothing but zod.
    files: ["src/server/decision/**"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ regex: "^(?!zod$|\\./)", message: "The decision core imports nothing but zod (and its own files)." }] }],
    },
  },
);
