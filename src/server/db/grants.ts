import { APP_ROLE } from "./config";

// What the application role may do, applied after every migration run (applyMigrations calls
// it, so a table added by any future migration gets its grants without anyone remembering to
// write them). The default for a table is plain DML; the exceptions below narrow it. The role
// owns nothing, so it can never ALTER a table, DISABLE a trigger or switch row-level security
// off, whatever it is granted here. Role names are not written into migrations: the shadow
// database that checks drift has no such roles.

/** Tables whose privileges differ from SELECT, INSERT, UPDATE, DELETE. */
export const APP_TABLE_PRIVILEGES: Record<string, readonly ("SELECT" | "INSERT" | "UPDATE" | "DELETE")[]> = {
  // Append-only: the trigger rejects UPDATE/DELETE/TRUNCATE for everyone; the app has no such privilege either.
  AuditEvent: ["SELECT", "INSERT"],
  // Migration bookkeeping belongs to the owner; the app reads it only to report, in /api/health,
  // whether the database has every migration the code expects.
  _prisma_migrations: ["SELECT"],
  // Nothing in the app renames or deletes an organisation (a mistaken tx.organization.update
  // inside a tenant transaction would rename someone else's), nor deletes a user.
  Organization: ["SELECT", "INSERT"],
  User: ["SELECT", "INSERT", "UPDATE"],
  // Pending sign-ups (a password hash, an e-mail, a name): written by the sign-up form, read
  // and marked used only through auth_claim_sign_up (src/server/db/credentials.ts).
  SignUpRequest: ["INSERT"],
};

/**
 * Columns the application role may write but never read. SELECT on these tables is granted
 * column by column, leaving these out, so no query (a mistaken `tx.user.findMany()` in a tenant
 * transaction included) returns them; reads go through the SECURITY DEFINER functions below.
 */
export const APP_HIDDEN_COLUMNS: Record<string, readonly string[]> = {
  User: ["passwordHash"],
};

/** Functions (with argument types) the application role may execute: SECURITY DEFINER helpers whose migration revokes EXECUTE from PUBLIC. */
export const APP_FUNCTIONS: readonly string[] = [
  "auth_credentials(text)",
  "auth_password_hash(text)",
  "auth_claim_sign_up(text)",
  "auth_user_by_email(text)",
  "organization_slugs_with_prefix(text)",
  "organization_ids()",
  "organization_by_slug(text)",
  "notify_org(text, text, text, text, text, text[])",
  "notify_members(text[], text, text, text, text)",
  "rfps_due_to_close(timestamptz, int)",
  "rfps_due_for_reminder(timestamptz, interval, int)",
];

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * The grant step as one SQL script, run by the migrating connection (the owner on PostgreSQL,
 * the superuser on PGlite). `createRole`: create the role when missing (PGlite only; on
 * PostgreSQL the owner may not create roles, and the script fails with a message instead).
 */
export function appGrantsSql(opts: { createRole: boolean; role?: string }): string {
  const role = opts.role ?? APP_ROLE;
  const r = ident(role);
  const lines = [
    opts.createRole
      ? `DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${literal(role)}) THEN CREATE ROLE ${r} NOLOGIN NOBYPASSRLS; END IF; END $$;`
      : `DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${literal(role)}) THEN RAISE EXCEPTION 'The application role ${role} does not exist: create it first (README: PostgreSQL).'; END IF; END $$;`,
    `GRANT USAGE ON SCHEMA public TO ${r};`,
    `REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${r};`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r};`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r};`,
  ];
  for (const [table, privileges] of Object.entries(APP_TABLE_PRIVILEGES)) {
    const hidden = APP_HIDDEN_COLUMNS[table] ?? [];
    const plain = privileges.filter((p) => !(p === "SELECT" && hidden.length));
    const grant = plain.length ? ` GRANT ${plain.join(", ")} ON ${ident(table)} TO ${r};` : "";
    // Column-level SELECT on every column but the hidden ones, computed now so new columns are covered.
    const columns =
      privileges.includes("SELECT") && hidden.length
        ? ` EXECUTE (SELECT format('GRANT SELECT (%s) ON ${ident(table).replace(/'/g, "''")} TO ${r.replace(/'/g, "''")}', string_agg(quote_ident(column_name), ', '))
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ${literal(table)}
              AND column_name <> ALL (ARRAY[${hidden.map(literal).join(", ")}]::text[]));`
        : "";
    lines.push(
      `DO $$ BEGIN IF to_regclass(${literal(`public.${ident(table)}`)}) IS NOT NULL THEN REVOKE ALL ON ${ident(table)} FROM ${r};${grant}${columns} END IF; END $$;`,
    );
  }
  for (const fn of APP_FUNCTIONS) {
    lines.push(
      `DO $$ BEGIN IF to_regprocedure(${literal(`public.${fn}`)}) IS NOT NULL THEN GRANT EXECUTE ON FUNCTION public.${fn} TO ${r}; END IF; END $$;`,
    );
  }
  return lines.join("\n");
}
