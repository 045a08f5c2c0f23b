import type { Prisma } from "../db/generated/client";
import type { TenantDb } from "../db/tenant";
import { recordAudit } from "../audit/record-audit";
import { assertCan } from "../auth/assert-can";
import { can } from "../auth/permissions";
import { AppError, conflict, forbidden, notFound } from "../errors/app-error";
import { type Actor, type VendorOrg } from "./context";
import type { TDirectoryFilter } from "./schemas";
import { findVisibleVendor } from "./vendors";
import { lockForWrite } from "../db/sql/locks";

// A sponsor's private annotations on any vendor it can see: notes, tags and the directory
// filters each user saves. Always private to the organisation (RLS has no public branch).

const needUser = (actor: Actor) => {
  if (!actor) throw new AppError("FORBIDDEN", "Sign in to do this.");
  return actor;
};

export async function addNote(db: TenantDb, actor: Actor, org: VendorOrg, input: { vendorId: string; body: string }) {
  const user = needUser(actor);
  assertCan(org, "notes.write");
  const vendor = await findVisibleVendor(db, org, input.vendorId);
  const note = await db.vendorNote.create({ data: { vendorId: vendor.id, authorId: user.id, body: input.body } });
  await recordAudit(db, {
    actor,
    action: "vendor_note.created",
    entityType: "VendorNote",
    entityId: note.id,
    changes: { vendorId: { old: null, new: vendor.id }, body: { old: null, new: input.body } },
  });
  return { id: note.id };
}

/** The author removes their own note; an administrator removes anyone's. */
export async function removeNote(db: TenantDb, actor: Actor, org: VendorOrg, input: { noteId: string }) {
  const user = needUser(actor);
  const note = await db.vendorNote.findFirst({ where: { id: input.noteId } });
  if (!note) throw notFound("The note");
  if (note.authorId !== user.id && !can(org, "notes.removeAny"))
    throw forbidden("Only the author or an administrator can remove this note.");
  if (note.authorId === user.id) assertCan(org, "notes.write");
  await db.vendorNote.delete({ where: { id: note.id } });
  await recordAudit(db, {
    actor,
    action: "vendor_note.removed",
    entityType: "VendorNote",
    entityId: note.id,
    changes: {
      vendorId: { old: note.vendorId, new: null },
      body: { old: note.body, new: null },
      authorId: { old: note.authorId, new: null },
    },
  });
  return { ok: true as const };
}

const sameSet = (a: readonly string[], b: readonly string[]) => {
  const x = [...new Set(a)].sort();
  const y = [...new Set(b)].sort();
  return x.length === y.length && x.every((t, i) => t === y[i]);
};

/**
 * Replace the organisation's tags on a vendor, if they are still `expectedTags` (what the
 * caller last read); otherwise CONFLICT, so one person's change never silently replaces
 * another's. Concurrent calls are serialised, so of several callers who read the same tags,
 * exactly one wins. Case-insensitive duplicates collapse to the first spelling.
 */
export async function setTags(
  db: TenantDb,
  actor: Actor,
  org: VendorOrg,
  input: { vendorId: string; tags: string[]; expectedTags: string[] },
) {
  assertCan(org, "notes.write");
  const vendor = await findVisibleVendor(db, org, input.vendorId);
  await lockForWrite(db, { kind: "vendor", orgId: org.id, vendorId: vendor.id });
  const seen = new Set<string>();
  const tags = input.tags.filter((t) => {
    const k = t.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const before = (await db.vendorTag.findMany({ where: { vendorId: vendor.id }, orderBy: { tag: "asc" } })).map(
    (t) => t.tag,
  );
  if (!sameSet(before, input.expectedTags)) {
    throw conflict("Someone else changed the tags on this vendor. Reload to see them, then apply your change again.");
  }
  const keep = new Set(tags);
  const removed = before.filter((t) => !keep.has(t));
  const added = tags.filter((t) => !before.includes(t));
  if (removed.length) await db.vendorTag.deleteMany({ where: { vendorId: vendor.id, tag: { in: removed } } });
  if (added.length) await db.vendorTag.createMany({ data: added.map((tag) => ({ vendorId: vendor.id, tag })) });
  const after = [...tags].sort();
  if (removed.length || added.length) {
    await recordAudit(db, {
      actor,
      action: "vendor_tags.set",
      entityType: "Vendor",
      entityId: vendor.id,
      changes: { tags: { old: before, new: after } },
    });
  }
  return { tags: after };
}

export async function allTags(db: TenantDb): Promise<string[]> {
  const rows = await db.vendorTag.findMany({ distinct: ["tag"], select: { tag: true }, orderBy: { tag: "asc" } });
  return rows.map((r) => r.tag);
}

// ---------- saved directory filters (per user) ----------

export async function listSavedFilters(db: TenantDb, actor: Actor) {
  const user = needUser(actor);
  const rows = await db.savedFilter.findMany({ where: { userId: user.id }, orderBy: [{ name: "asc" }] });
  return rows.map((r) => ({ id: r.id, name: r.name, query: r.query as TDirectoryFilter }));
}

/** Saves (or overwrites, by name) one of the user's filters. */
export async function saveFilter(
  db: TenantDb,
  actor: Actor,
  org: VendorOrg,
  input: { name: string; query: TDirectoryFilter },
) {
  const user = needUser(actor);
  const query = input.query as unknown as Prisma.InputJsonValue;
  // Concurrent saves of one name would both try to insert: serialise them (the last one wins).
  await lockForWrite(db, { kind: "savedFilter", orgId: org.id, userId: user.id, name: input.name });
  const row = await db.savedFilter.upsert({
    where: { organizationId_userId_name: { organizationId: org.id, userId: user.id, name: input.name } },
    create: { userId: user.id, name: input.name, query },
    update: { query },
  });
  return { id: row.id };
}

export async function removeFilter(db: TenantDb, actor: Actor, input: { filterId: string }) {
  const user = needUser(actor);
  const deleted = await db.savedFilter.deleteMany({ where: { id: input.filterId, userId: user.id } });
  if (deleted.count !== 1) throw notFound("The saved filter");
  return { ok: true as const };
}
