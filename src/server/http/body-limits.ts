// How large a request body each route accepts, in one table, checked before anything parses
// the body. Sized from the inputs each procedure's schema admits, so real use never meets them:
// they stop payloads no valid input needs from being read into memory.
//
// The file routes (src/app/api/files) are not here: they stream the body to disk and stop at
// FILE_MAX_BYTES (src/server/env.ts, 25 MB by default; src/server/files/spool.ts).

const KB = 1024;
const MB = 1024 * KB;

/** tRPC (POST /api/trpc/...): anything not listed below gets `default`. */
export const TRPC_BODY_LIMITS = {
  // Forms, settings, comments: the largest text field is a few thousand characters.
  default: 256 * KB,
  // Up to 1,000 CSV rows a call: about 1.4 MB at 14 generous columns (the import page sends
  // 500, about 160 KB for the FDA exports).
  "vendors.importStage": 2 * MB,
  // A batch of up to 500 scores with 2,000-character comments: about 1.1 MB at most.
  "evaluation.saveScores": 2 * MB,
  // The scorecard: up to 60 scored criteria in groups three deep (180 criteria), each with a
  // description and 11 anchors: about 430 KB at most.
  "evaluation.setup": 1 * MB,
  // The RFP builder saves the whole document: 400 questions with the longest prompts, help
  // texts and 50 options each come to about 6.2 MB.
  "rfp.update": 8 * MB,
  // The response editor saves every answer at once: 400 answers of 20,000 characters, 8 MB.
  "portal.response.saveDraft": 10 * MB,
} as const satisfies Record<string, number>;

/** next-auth (POST /api/auth/...): a sign-in form is an e-mail, a password and a CSRF token. */
export const AUTH_BODY_LIMIT = 64 * KB;

/**
 * The limit of one tRPC request: the largest of its procedures' (a batch carries several inputs,
 * each checked against its own schema afterwards). `paths` come from the URL, before parsing.
 */
export function trpcBodyLimit(paths: readonly string[]): number {
  const limits: Record<string, number> = TRPC_BODY_LIMITS;
  return Math.max(TRPC_BODY_LIMITS.default, ...paths.map((p) => (Object.hasOwn(limits, p) ? limits[p]! : 0)));
}

/** "256 KB", "2 MB": how a limit is named in messages and the README. */
export function formatBytes(n: number): string {
  return n >= MB && n % MB === 0 ? `${n / MB} MB` : `${Math.round(n / KB)} KB`;
}

/**
 * The body's bytes, or null when it is larger than `limit`: refused at once on a declared
 * Content-Length, otherwise counted as it arrives (chunked uploads have none) and abandoned at
 * the first byte over, so an oversized body is never held in memory whole.
 */
export async function readBodyWithin(req: Request, limit: number): Promise<Uint8Array | null> {
  const declared = req.headers.get("content-length");
  if (declared && /^\d+$/.test(declared) && Number(declared) > limit) return null;
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    parts.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    body.set(p, at);
    at += p.byteLength;
  }
  return body;
}

/** `req` again with its body read into memory, or null when the body is over `limit` (see readBodyWithin). */
export async function withBodyWithin(req: Request, limit: number): Promise<Request | null> {
  const body = await readBodyWithin(req, limit);
  return body && new Request(req, { body: body as BodyInit, ...({ duplex: "half" } as object) });
}
