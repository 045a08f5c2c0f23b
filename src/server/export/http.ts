import { can, refusal } from "../auth/permissions";
import { peek, procedureLimitMessage, take, TooManyRequestsError } from "../auth/rate-limit";
import type { SessionUser } from "../auth/sessions";
import { recordAudit } from "../audit/record-audit";
import { asMember, asResolvedMember } from "../db/member-tx";
import type { Membership } from "../db/tenant";
import { AppError } from "../errors/app-error";
import { fileConfig, type FileConfig } from "../files/config";
import { contentDisposition, errorResponse, fileRouteHeaders } from "../files/http";
import { zSlug } from "../validation";
import { buildExportArchive } from "./archive";

// GET /api/orgs/{orgSlug}/export streams the organisation's ZIP; HEAD answers whether a GET would
// be allowed right now (signed in, a member, holding org.export, within the limit) without
// taking a point or writing anything, so the settings page can say why not before the browser
// navigates to a download. The caller is resolved like a procedure's (db/member-tx.ts): a
// non-member, or a slug that does not exist, is 404 alike.

type Options = { now?: () => Date; config?: FileConfig };

async function exporter(user: SessionUser | null, orgSlug: string): Promise<{ user: SessionUser; m: Membership }> {
  if (!user) throw new AppError("UNAUTHORIZED", "Sign in to continue.");
  if (!zSlug.safeParse(orgSlug).success) throw new AppError("NOT_FOUND", "Organisation not found.");
  const m = await asMember(user.id, orgSlug, async (m) => m);
  if (!can(m, "org.export")) throw new AppError("FORBIDDEN", refusal(m, "org.export"));
  return { user, m };
}

function limited(retryAfterSeconds: number): TooManyRequestsError {
  return new TooManyRequestsError(retryAfterSeconds, procedureLimitMessage("orgExport", retryAfterSeconds));
}

/** `helix-therapeutics-export-2026-12-02.zip` (the day in UTC). */
export const exportFileName = (slug: string, at: Date) => `${slug}-export-${at.toISOString().slice(0, 10)}.zip`;

export async function handleExportCheck(req: Request, user: SessionUser | null, orgSlug: string): Promise<Response> {
  try {
    const { user: u } = await exporter(user, orgSlug);
    const left = await peek("orgExport", u.id);
    if (!left.ok) throw limited(left.retryAfterSeconds);
    return new Response(null, { status: 204, headers: fileRouteHeaders(req) });
  } catch (e) {
    const res = errorResponse(req, e);
    // HEAD carries no body: the status (and Retry-After) say it.
    return new Response(null, { status: res.status, headers: res.headers });
  }
}

export async function handleExport(
  req: Request,
  user: SessionUser | null,
  orgSlug: string,
  opts: Options = {},
): Promise<Response> {
  try {
    const { user: u, m } = await exporter(user, orgSlug);
    const left = await take("orgExport", u.id);
    if (!left.ok) throw limited(left.retryAfterSeconds);
    const startedAt = (opts.now ?? (() => new Date()))();
    const actor = { id: u.id, email: u.email };
    // Written before the first byte: an export that is cut off half way was still an export.
    await asResolvedMember(m, u.id, (db) =>
      recordAudit(db, { actor, action: "organization.exported", entityType: "Organization", entityId: m.orgId }),
    );
    const archive = buildExportArchive({
      org: { id: m.orgId, slug: m.slug, name: m.name, kind: m.kind },
      exporter: { id: u.id, email: u.email, name: u.name, role: m.role },
      startedAt,
      config: opts.config ?? fileConfig(),
      run: (fn) => asResolvedMember(m, u.id, fn),
      signal: req.signal,
    });
    return new Response(archive, {
      status: 200,
      headers: fileRouteHeaders(req, {
        "Content-Type": "application/zip",
        "Content-Disposition": contentDisposition(exportFileName(m.slug, startedAt)),
      }),
    });
  } catch (e) {
    return errorResponse(req, e);
  }
}
