import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "@/server/audit/record-audit";
import { getDb } from "@/server/db/client";
import { onStatement } from "@/server/db/statement-log";
import { withTenant } from "@/server/db/tenant";
import { createTestDb, type TestDb } from "./helpers/test-db";
import { callerFor } from "./helpers/actors";
import { makeTeam, profile, type TestOrg } from "./helpers/vendors";

// Issue 11, point 5: the audit page reads as names, words and links, shows only what changed,
// keeps the ids, resolves a page in a fixed number of statements, and stays tenant-scoped.

let t: TestDb;
let s: TestOrg;
let other: TestOrg;
const vendorIds: string[] = [];

beforeAll(async () => {
  t = await createTestDb();
  s = await makeTeam("SPONSOR", "Helix Audit");
  other = await makeTeam("SPONSOR", "Other Audit");
  const api = callerFor(s.owner).vendors;
  for (let i = 0; i < 12; i++) {
    const { id } = await api.createPrivate({ orgSlug: s.slug, ...profile({ name: `Audit Vendor ${i}` }) });
    vendorIds.push(id);
  }
}, 120_000);
afterAll(async () => t?.drop());

const list = (input: Record<string, unknown> = {}, user = s.owner, slug = s.slug) =>
  callerFor(user).audit.list({ orgSlug: slug, limit: 50, ...input });

describe(`the audit log as a person reads it (${process.env.TEST_DB ?? "pglite"})`, () => {
  it("names the actor and the record, words the action, links the record and keeps the ids", async () => {
    const { items } = await list({ entityId: vendorIds[0] });
    const created = items.find((i) => i.action === "vendor.created")!;
    expect(created).toMatchObject({
      actionLabel: "Added a private vendor",
      actorName: s.owner.name,
      actorId: s.owner.id,
      actorEmail: s.owner.email,
      entityType: "Vendor",
      entityTypeLabel: "Vendor",
      entityId: vendorIds[0],
      record: { label: "Audit Vendor 0", href: `/${s.slug}/vendors/${vendorIds[0]}` },
    });
  });

  it("shows only the fields that changed, by name", async () => {
    const api = callerFor(s.owner).vendors;
    const v = await api.get({ orgSlug: s.slug, vendorId: vendorIds[1]! });
    await api.update({
      orgSlug: s.slug,
      vendorId: vendorIds[1]!,
      version: v.vendor.version,
      ...profile({ name: "Audit Vendor 1 renamed", hqCity: "Boston" }),
    });
    const base = await getDb();
    await withTenant(base, { orgId: s.id }, (db) =>
      recordAudit(db, {
        actor: null,
        action: "vendor.quality_changed",
        entityType: "Vendor",
        entityId: vendorIds[1]!,
        changes: {
          qualityScore: { old: 100, new: 100 },
          openWarningLetters: { old: 0, new: 1 },
          // An id nothing names (a comment's) stays in the details; people's ids read as names.
          comment: { old: null, new: `c${"a".repeat(24)}` },
          mentions: { old: null, new: [s.owner.id] },
          // Kept unchanged for context (as the shortlist's entries keep their card's vendor).
          vendor: { old: "Audit Vendor 1 renamed", new: "Audit Vendor 1 renamed" },
        },
      }),
    );
    const { items } = await list({ entityId: vendorIds[1] });
    const updated = items.find((i) => i.action === "vendor.updated")!;
    expect(updated.changed.map((c) => [c.label, c.old.text, c.new.text])).toEqual([
      ["Name", "Audit Vendor 1", "Audit Vendor 1 renamed"],
    ]);
    const quality = items.find((i) => i.action === "vendor.quality_changed")!;
    expect(quality.actionLabel).toBe("Quality score changed");
    expect(quality.actorName).toBeNull();
    expect(quality.about).toBe("Audit Vendor 1 renamed");
    // (jsonb keeps its own key order.)
    expect(quality.changed.map((c) => [c.label, c.old.text, c.new.text]).sort()).toEqual([
      ["Mentions", "—", s.owner.name],
      ["Open warning letters", "0", "1"],
    ]);
    // What was stored stays as it was: the log is append-only, the page only reads it.
    expect(quality.changes).toMatchObject({
      qualityScore: { old: 100, new: 100 },
      openWarningLetters: { old: 0, new: 1 },
      comment: { old: null, new: `c${"a".repeat(24)}` },
    });
  });

  it("names ids inside changes and records that are gone", async () => {
    const api = callerFor(s.owner).vendors;
    const { id: noteId } = await api.addNote({ orgSlug: s.slug, vendorId: vendorIds[2]!, body: "Good QA lead." });
    await api.removeNote({ orgSlug: s.slug, noteId });
    const { items } = await list({ entityId: noteId });
    const removed = items.find((i) => i.action === "vendor_note.removed")!;
    expect(removed.actionLabel).toBe("Removed a note");
    expect(removed.record).toEqual({ label: "Audit Vendor 2", href: `/${s.slug}/vendors/${vendorIds[2]}` });
    const added = items.find((i) => i.action === "vendor_note.created")!;
    const vendor = added.changed.find((c) => c.field === "vendorId")!;
    expect(vendor.new).toEqual({
      text: "Audit Vendor 2",
      id: vendorIds[2],
      ref: { label: "Audit Vendor 2", href: `/${s.slug}/vendors/${vendorIds[2]}` },
    });
  });

  it("finds actions by their words", async () => {
    const { items } = await list({ action: "private vendor" });
    expect(items.length).toBeGreaterThanOrEqual(12);
    expect(new Set(items.map((i) => i.action))).toEqual(new Set(["vendor.created"]));
    const types = await callerFor(s.owner).audit.entityTypes({ orgSlug: s.slug });
    expect(types).toContainEqual({ value: "VendorNote", label: "Vendor note" });
  });

  it("resolves a page in a fixed number of statements, however long (no N+1)", async () => {
    const count = async (limit: number) => {
      const seen: string[] = [];
      const stop = onStatement((sql) => seen.push(sql));
      try {
        const page = await list({ limit });
        expect(page.items).toHaveLength(limit);
      } finally {
        stop();
      }
      return seen.length;
    };
    const few = await count(2);
    const many = await count(14);
    expect(many).toBe(few);
  });

  it("stays inside the organisation: another sponsor sees none of it", async () => {
    const { items } = await list({}, other.owner, other.slug);
    expect(items.some((i) => vendorIds.includes(i.entityId))).toBe(false);
    await expect(list({}, other.owner, s.slug)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
