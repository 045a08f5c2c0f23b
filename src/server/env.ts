import { isIP } from "node:net";
import { z } from "zod";

// Every environment variable the server reads, validated once. Server code reads
// `env()` instead of process.env, so a typo or a malformed value stops the server at
// start with the variable's name instead of failing on some later request.
// To add a variable: add it to `ZEnv` (empty strings count as unset) and to the
// configuration table in README.md. Client components must not import this module.

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

const url = (schemes: string[], example: string) =>
  z
    .string()
    .trim()
    .refine(
      (v) => {
        try {
          return schemes.includes(new URL(v).protocol.replace(/:$/, ""));
        } catch {
          return false;
        }
      },
      `must be a ${schemes.join(" or ")} URL, e.g. ${example}`,
    );

const flag = z.enum(["0", "1"], { message: 'must be "0" or "1"' });

/** "10.0.0.1, 10.1.0.0/16, ::1" → entries, each an IP address or CIDR range. */
const ipList = z
  .string()
  .transform((v) =>
    v
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .superRefine((list, ctx) => {
    for (const entry of list) {
      const [addr, bits, extra] = entry.split("/");
      const family = isIP(addr ?? "");
      const max = family === 6 ? 128 : 32;
      const okBits = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= max);
      if (!family || !okBits || extra !== undefined)
        ctx.addIssue({ code: "custom", message: `"${entry}" is not an IP address or CIDR range (e.g. 10.0.0.0/8)` });
    }
  });

export const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: optional(z.string().trim()).default("127.0.0.1"),
  DATABASE_URL: optional(url(["postgres", "postgresql"], "postgres://user@host/db")),
  MIGRATION_DATABASE_URL: optional(url(["postgres", "postgresql"], "postgres://cdmo_owner@host/db")),
  PGLITE_DATA_DIR: optional(z.string()),
  NEXTAUTH_SECRET: optional(z.string().min(16, "must be at least 16 characters")),
  NEXTAUTH_URL: optional(url(["http", "https"], "https://cdmo.example.com")),
  APP_URL: optional(url(["http", "https"], "https://cdmo.example.com")),
  SMTP_URL: optional(url(["smtp", "smtps"], "smtps://user:pass@smtp.example.com")),
  MAIL_FROM: optional(z.string().trim()).default("CDMO Select <no-reply@cdmo-select.local>"),
  ENABLE_DEV_OUTBOX: optional(flag),
  TEST_DATABASE_URL: optional(url(["postgres", "postgresql"], "postgres://user@host/db")),
  TEST_MIGRATION_DATABASE_URL: optional(url(["postgres", "postgresql"], "postgres://cdmo_owner@host/db")),
  QUALITY_REFRESH: optional(z.enum(["on", "off"], { message: 'must be "on" or "off"' })).default("on"),
  JOBS: optional(z.enum(["on", "off"], { message: 'must be "on" or "off"' })).default("on"),
  TRUSTED_PROXIES: optional(ipList).default([]),
  REDIS_URL: optional(url(["redis", "rediss"], "redis://127.0.0.1:6379")),
  // Uploaded files (src/server/files/): where the disk backend keeps bytes, which backend, the size limit.
  FILE_STORAGE_DIR: optional(z.string().trim()),
  FILE_STORAGE: optional(z.enum(["disk", "db"], { message: 'must be "disk" or "db"' })),
  // The shortest notice a published RFP (or a moved due date) gives CDMOs. An hour by default;
  // the browser journeys set a minute so they can watch an RFP close on the real clock.
  RFP_MIN_NOTICE_MINUTES: optional(
    z.coerce
      .number()
      .int("must be a whole number of minutes")
      .min(1, "must be at least 1")
      .max(10080, "must be at most 10080 (a week)"),
  ).default(60),
  // Public FDA data (src/server/jobs/fda-load.ts): a file path or an http(s) URL of the Data
  // Dashboard inspection export and of the warning-letter listing, loaded daily for everyone.
  FDA_INSPECTIONS_SOURCE: optional(z.string().trim()),
  FDA_WARNING_LETTERS_SOURCE: optional(z.string().trim()),
  // How much the server logs (src/server/log.ts): pino's levels, "info" by default.
  LOG_LEVEL: optional(
    z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      message: 'must be one of "fatal", "error", "warn", "info", "debug", "trace", "silent"',
    }),
  ).default("info"),
  FILE_MAX_BYTES: optional(
    z.coerce
      .number()
      .int("must be a whole number of bytes")
      .min(1024, "must be at least 1024 bytes")
      .max(1024 * 1024 * 1024, "must be at most 1 GiB (1073741824 bytes)"),
  ).default(25 * 1024 * 1024),
});

export type Env = z.infer<typeof ZEnv>;

/** Parse an environment; throws one error naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const res = ZEnv.safeParse(source);
  if (res.success) return res.data;
  const lines = res.error.issues.map((i) => `  ${i.path.join(".") || "(environment)"}: ${i.message}`);
  throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
}

let cached: Env | undefined;

/** The validated environment of this process (parsed on first use). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** For tests that change process.env: parse again on next use. */
export function resetEnvForTests(): void {
  cached = undefined;
}

/** The public address used in links and for the cookie/HSTS decisions. */
export function publicUrl(e: Env = env()): string {
  return (e.APP_URL ?? e.NEXTAUTH_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, "");
}
