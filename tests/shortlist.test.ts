import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/db/client";
import { withOutboxAccess } from "@/server/db/outbox";
import { mentionToken } from "@/server/shortlist/mentions";
import { createTestDb, type TestDb } from "./helpers/test-db";
import { addMember, callerFor, makeUser, type TestUser } from "./helpers/actors";
import { code, makeTeam, profile, type TestOrg } from "./helpers/vendors";

// The shortlist board of a programme: what a card shows, that a vendor is on a board once (also
// under twenty simultaneous adds), moves under a version check with positions kept in order,
// votes, threaded comments whose @mentions notify members of the organisation only, the activity
// feed read back from the audit log, and who may do what.

let t: TestDb;
let s: TestOrg;
let admin: TestUser;
let cdmo: TestOrg;
let other: TestOrg;
let programmeId: string;
const vendors: Record<string, string> = {};

const api = (u: TestUser = s.evaluator) => callerFor(u).shortlist;
const board = async (u: TestUser = s.evaluator, pid = programmeId) =>
  api(u).board({ orgSlug: s.slug, programmeId: pid });
const cardOf = async (vendorId: string, pid = programmeId) =>
  (await board(s.evaluator, pid)).columns.flatMap((c) => c.cards).find((c) => c.vendor.id === vendorId)!;
const column = async (stage: "LONG" | "SHORT" | "SELECTED", pid = programmeId) =>
  (await board(s.evaluator, pid)).columns.find((c) => c.stage === stage)!.cards.map((c) => c.vendor.name);
const auditOf = async (action: string, pid = programmeId) =>
  (await callerFor(s.owner).audit.list({ orgSlug: s.slug, entityId: pid, action })).items;
const outboxTo = async (email: string) =>
  withOutboxAccess(await getDb(), (tx) =>
    tx.emailOutbox.findMany({ where: { to: email.toLowerCase() }, orderBy: { createdAt: "asc" } }),
  );
const newProgramme = async (name: string) =>
  (
    await callerFor(s.owner).programme.create({
      orgSlug: s.slug,
      name,
      molecule: "HX-9",
      modality: "MAB",
      phase: "PHASE_1",
      stages: ["PD", "DS_CLIN"],
    })
  ).id;

beforeAll(async () => {
  t = await createTestDb();
  s = await makeTeam("SPONSOR");
  admin = await makeUser("sponsor-admin");
  await addMember(s.id, admin, "ADMIN");
  cdmo = await makeTeam("CDMO");
  other = await makeTeam("SPONSOR");
  programmeId = await newProgramme("Shortlist programme");
  const mine = callerFor(s.owner).vendors;
  for (const name of ["Aster Bio", "Birch Fill", "Cedar Labs", "Dogwood CMC"])
    vendors[name] = (await mine.createPrivate({ orgSlug: s.slug, ...profile({ name }) })).id;
  vendors.platform = (
    await callerFor(cdmo.owner).vendors.createProfile({ orgSlug: cdmo.slug, ...profile({ name: "Elm Platform" }) })
  ).id;
  vendors.foreign = (
    await callerFor(other.owner).vendors.createPrivate({ orgSlug: other.slug, ...profile({ name: "Secret Other" }) })
  ).id;
}, 300_000);
afterAll(async () => t?.drop());

describe(`shortlist board (${process.env.TEST_DB ?? "pglite"})`, () => {
  it("adds the sponsor's own vendors and platform profiles to the long list, in order, audited", async () => {
    for (const v of ["Aster Bio", "Birch Fill", "Cedar Labs"])
      await api().add({ orgSlug: s.slug, programmeId, vendorId: vendors[v]! });
    const r = await api().add({ orgSlug: s.slug, programmeId, vendorId: vendors.platform! });
    expect(r.version).toBe(1);
    const b = await board();
    expect(b.programme.name).toBe("Shortlist programme");
    expect(b.columns.map((c) => [c.stage, c.label])).toEqual([
      ["LONG", "Long list"],
      ["SHORT", "Shortlist"],
      ["SELECTED", "Selected"],
    ]);
    expect(await column("LONG")).toEqual(["Aster Bio", "Birch Fill", "Cedar Labs", "Elm Platform"]);
    const card = await cardOf(vendors.platform!);
    expect(card).toMatchObject({
      stage: "LONG",
      position: 3,
      vendor: { name: "Elm Platform", kind: "PLATFORM", stages: ["DS_CLIN"] },
      votes: { up: 0, down: 0, mine: 0 },
      commentCount: 0,
    });
    const added = await auditOf("shortlist.added");
    expect(added).toHaveLength(4);
    expect(added[0]!.changes).toMatchObject({ vendor: { old: null, new: "Elm Platform" }, stage: { new: "LONG" } });
    expect(added[0]!.actorEmail).toBe(s.evaluator.email);
  });

  it("refuses a vendor already on the board with a sentence naming its column", async () => {
    const err = await api()
      .add({ orgSlug: s.slug, programmeId, vendorId: vendors["Aster Bio"]! })
      .catch((e: unknown) => e);
    expect(code("CONFLICT")(err)).toBe(true);
    expect((err as Error).message).toBe("Aster Bio is already on this shortlist, in Long list.");
  });

  it("twenty simultaneous adds of one vendor: one card, nineteen clear refusals, one audit entry", async () => {
    const pid = await newProgramme("Race programme");
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        api(i % 2 ? s.owner : s.evaluator).add({ orgSlug: s.slug, programmeId: pid, vendorId: vendors.platform! }),
      ),
    );
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(refused).toHaveLength(19);
    for (const r of refused) {
      expect(code("CONFLICT")(r.reason), String(r.reason)).toBe(true);
      expect((r.reason as Error).message).toMatch(/already on this shortlist/);
    }
    expect(await column("LONG", pid)).toEqual(["Elm Platform"]);
    expect(await auditOf("shortlist.added", pid)).toHaveLength(1);
  });

  it("refuses vendors the sponsor cannot read or has archived", async () => {
    await expect(api().add({ orgSlug: s.slug, programmeId, vendorId: vendors.foreign! })).rejects.toSatisfy(
      code("NOT_FOUND"),
    );
    const { id } = await callerFor(s.owner).vendors.createPrivate({ orgSlug: s.slug, ...profile({ name: "Old Yew" }) });
    await callerFor(s.owner).vendors.archive({ orgSlug: s.slug, vendorId: id, version: 1 });
    const err = await api()
      .add({ orgSlug: s.slug, programmeId, vendorId: id })
      .catch((e: unknown) => e);
    expect(code("CONFLICT")(err)).toBe(true);
    expect((err as Error).message).toMatch(/Old Yew is archived/);
  });

  it("moves between columns and within one, keeping positions in order, under a version check", async () => {
    const aster = await cardOf(vendors["Aster Bio"]!);
    const moved = await api().move({ orgSlug: s.slug, entryId: aster.id, stage: "SHORT", position: 0, version: 1 });
    expect(moved.version).toBe(2);
    const cedar = await cardOf(vendors["Cedar Labs"]!);
    await api().move({ orgSlug: s.slug, entryId: cedar.id, stage: "SHORT", position: 0, version: cedar.version });
    expect(await column("SHORT")).toEqual(["Cedar Labs", "Aster Bio"]);
    expect(await column("LONG")).toEqual(["Birch Fill", "Elm Platform"]);
    // Reorder within the shortlist: Aster to the top; a position past the end means last.
    await api().move({ orgSlug: s.slug, entryId: aster.id, stage: "SHORT", position: 0, version: 2 });
    expect(await column("SHORT")).toEqual(["Aster Bio", "Cedar Labs"]);
    const birch = await cardOf(vendors["Birch Fill"]!);
    await api().move({ orgSlug: s.slug, entryId: birch.id, stage: "SHORT", position: 99, version: 1 });
    expect(await column("SHORT")).toEqual(["Aster Bio", "Cedar Labs", "Birch Fill"]);
    const b = await board();
    for (const c of b.columns) expect(c.cards.map((x) => x.position)).toEqual(c.cards.map((_, i) => i));

    // A move from a stale version is refused with a sentence saying what happened, and changes nothing.
    const err = await api(s.owner)
      .move({ orgSlug: s.slug, entryId: aster.id, stage: "SELECTED", position: 0, version: 2 })
      .catch((e: unknown) => e);
    expect(code("CONFLICT")(err)).toBe(true);
    expect((err as Error).message).toMatch(/Someone else moved Aster Bio .* now in Shortlist/);
    expect(await column("SELECTED")).toEqual([]);
    const [last] = await auditOf("shortlist.moved");
    expect(last!.changes).toMatchObject({
      vendor: { old: "Birch Fill", new: "Birch Fill" },
      stage: { old: "LONG", new: "SHORT" },
      position: { old: 1, new: 3 },
    });
  });

  it("two people moving the same card from the same version: one wins, the other is told", async () => {
    const elm = await cardOf(vendors.platform!);
    const results = await Promise.allSettled([
      api(s.owner).move({ orgSlug: s.slug, entryId: elm.id, stage: "SELECTED", position: 0, version: elm.version }),
      api(admin).move({ orgSlug: s.slug, entryId: elm.id, stage: "SHORT", position: 0, version: elm.version }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!;
    expect(code("CONFLICT")(refused.reason)).toBe(true);
    expect((await cardOf(vendors.platform!)).version).toBe(elm.version + 1);
  });

  it("votes for, against and back to none: tallies, my vote, audited", async () => {
    const aster = await cardOf(vendors["Aster Bio"]!);
    expect(await api(s.evaluator).vote({ orgSlug: s.slug, entryId: aster.id, value: 1 })).toEqual({
      up: 1,
      down: 0,
      mine: 1,
    });
    await api(s.owner).vote({ orgSlug: s.slug, entryId: aster.id, value: -1 });
    await api(admin).vote({ orgSlug: s.slug, entryId: aster.id, value: 1 });
    expect((await cardOf(vendors["Aster Bio"]!)).votes).toEqual({ up: 2, down: 1, mine: 1 });
    // Voting the same again changes nothing and audits nothing.
    await api(s.evaluator).vote({ orgSlug: s.slug, entryId: aster.id, value: 1 });
    expect(await api(s.evaluator).vote({ orgSlug: s.slug, entryId: aster.id, value: 0 })).toEqual({
      up: 1,
      down: 1,
      mine: 0,
    });
    const votes = await auditOf("shortlist.voted");
    expect(votes).toHaveLength(4);
    expect(votes[0]!.changes).toMatchObject({ vote: { old: 1, new: 0 }, vendor: { new: "Aster Bio" } });
    const err = await api()
      .vote({ orgSlug: s.slug, entryId: aster.id, value: 2 as never })
      .catch((e: unknown) => e);
    expect(code("BAD_REQUEST")(err)).toBe(true);
    expect((err as Error).message).toMatch(/^Value: vote 1 \(for\), -1 \(against\) or 0/);
  });

  it("threads comments and notifies the members mentioned, and no one else", async () => {
    const aster = await cardOf(vendors["Aster Bio"]!);
    const outsider = await makeUser("outsider");
    const before = (await outboxTo(admin.email)).length;
    const body = `${mentionToken({ id: admin.id, name: admin.name })} and @${s.viewer.email.split("@")[0]}: look at their 2024 inspection. cc ${mentionToken({ id: other.owner.id, name: "Other" })} ${mentionToken({ id: outsider.id, name: "Out" })}`;
    const c = await api().comment({ orgSlug: s.slug, entryId: aster.id, body });
    expect(c.mentions.sort()).toEqual([admin.id, s.viewer.id].sort());

    const adminNotes = (await callerFor(admin).notification.list()).items.filter((n) => n.kind === "MENTION");
    expect(adminNotes).toHaveLength(1);
    expect(adminNotes[0]!.title).toBe(`${s.evaluator.name} mentioned you on the Shortlist programme shortlist`);
    expect(adminNotes[0]!.body).toContain(`On Aster Bio: “@${admin.name} and @`);
    expect(adminNotes[0]!.link).toBe(`/${s.slug}/programmes/${programmeId}/shortlist?entry=${aster.id}`);
    expect((await outboxTo(admin.email)).length).toBe(before + 1);
    expect((await callerFor(s.viewer).notification.list()).items.filter((n) => n.kind === "MENTION")).toHaveLength(1);
    // Not members: another organisation's owner and a stranger; nor the author, nor the owner not mentioned.
    for (const u of [other.owner, outsider, s.evaluator, s.owner])
      expect((await callerFor(u).notification.list()).items.filter((n) => n.kind === "MENTION")).toEqual([]);

    const reply = await api(admin).comment({ orgSlug: s.slug, entryId: aster.id, body: "Agreed.", parentId: c.id });
    // A reply to a reply joins the thread it is in.
    const nested = await api(s.owner).comment({
      orgSlug: s.slug,
      entryId: aster.id,
      body: "Me too.",
      parentId: reply.id,
    });
    expect(nested.parentId).toBe(c.id);
    await api().comment({ orgSlug: s.slug, entryId: aster.id, body: "A second thread." });
    const thread = await api(s.viewer).comments({ orgSlug: s.slug, entryId: aster.id });
    expect(thread.entry.vendorName).toBe("Aster Bio");
    expect(thread.comments.map((x) => [x.body.slice(0, 8), x.replies.map((r) => r.body)])).toEqual([
      [body.slice(0, 8), ["Agreed.", "Me too."]],
      ["A second", []],
    ]);
    expect(thread.comments[0]!.mentions.map((m) => m.name).sort()).toEqual([admin.name, s.viewer.name].sort());
    expect(thread.comments[0]!.author?.name).toBe(s.evaluator.name);
    expect((await cardOf(vendors["Aster Bio"]!)).commentCount).toBe(4);

    // A parent from another card is refused; so is an empty comment, naming the field.
    const cedar = await cardOf(vendors["Cedar Labs"]!);
    await expect(api().comment({ orgSlug: s.slug, entryId: cedar.id, body: "x", parentId: c.id })).rejects.toSatisfy(
      code("NOT_FOUND"),
    );
    const empty = await api()
      .comment({ orgSlug: s.slug, entryId: cedar.id, body: "   " })
      .catch((e: unknown) => e);
    expect((empty as Error).message).toBe("Body: write a comment first.");
    const [audited] = await auditOf("shortlist.commented");
    expect(audited!.changes).toMatchObject({ excerpt: { new: "A second thread." }, vendor: { new: "Aster Bio" } });
  });

  it("removes a card under its version, audited, and the column closes up", async () => {
    const birch = await cardOf(vendors["Birch Fill"]!);
    await expect(api().remove({ orgSlug: s.slug, entryId: birch.id, version: birch.version + 5 })).rejects.toSatisfy(
      code("CONFLICT"),
    );
    await api().remove({ orgSlug: s.slug, entryId: birch.id, version: birch.version });
    const short = (await board()).columns.find((c) => c.stage === "SHORT")!.cards;
    expect(short.map((c) => c.vendor.name)).not.toContain("Birch Fill");
    expect(short.map((c) => c.position)).toEqual(short.map((_, i) => i));
    const [removed] = await auditOf("shortlist.removed");
    expect(removed!.changes).toMatchObject({ vendor: { old: "Birch Fill", new: null }, entryId: { new: null } });
    // It can be added again later.
    await api().add({ orgSlug: s.slug, programmeId, vendorId: vendors["Birch Fill"]! });
  });

  it("adds the directory vendors invited to the programme's RFPs that are not on the board yet", async () => {
    const pid = await newProgramme("Invited programme");
    const owner = callerFor(s.owner);
    const { id: rfpId } = await owner.rfp.create({
      orgSlug: s.slug,
      programmeId: pid,
      from: "template",
      templateKey: "mab-ds-dp",
      title: "Invited RFP",
    });
    await owner.rfpInvitation.addPlatform({ orgSlug: s.slug, rfpId, vendorId: vendors.platform! });
    await owner.rfpInvitation.addEmail({ orgSlug: s.slug, rfpId, email: "new-cdmo@test.example", name: "New CDMO" });
    const first = await api().addInvited({ orgSlug: s.slug, programmeId: pid });
    expect(first).toEqual({ added: ["Elm Platform"], already: 0, invited: 1 });
    const again = await api().addInvited({ orgSlug: s.slug, programmeId: pid });
    expect(again).toEqual({ added: [], already: 1, invited: 1 });
    expect(await column("LONG", pid)).toEqual(["Elm Platform"]);
  });

  it("feeds the board's activity from its audit entries, newest first, page by page", async () => {
    const first = await api(s.viewer).activity({ orgSlug: s.slug, programmeId, limit: 5 });
    expect(first.items).toHaveLength(5);
    expect(first.items[0]).toMatchObject({ action: "shortlist.added", vendor: "Birch Fill", to: "LONG" });
    expect(first.items[1]).toMatchObject({ action: "shortlist.removed", vendor: "Birch Fill", from: "SHORT" });
    const all = [...first.items];
    let cursor = first.nextCursor;
    while (cursor) {
      const next = await api(s.viewer).activity({ orgSlug: s.slug, programmeId, limit: 5, cursor });
      all.push(...next.items);
      cursor = next.nextCursor;
    }
    expect(new Set(all.map((i) => i.id)).size).toBe(all.length);
    const times = all.map((i) => i.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const moves = all.filter((i) => i.action === "shortlist.moved");
    expect(moves.at(-1)).toMatchObject({ vendor: "Aster Bio", from: "LONG", to: "SHORT", actor: s.evaluator.name });
    expect(all.find((i) => i.action === "shortlist.voted")).toMatchObject({ vote: 0, actor: s.evaluator.name });
    expect(all.some((i) => i.action === "shortlist.commented" && i.excerpt === "A second thread.")).toBe(true);
  });

  it("lets viewers read but not write, and CDMOs neither", async () => {
    const aster = await cardOf(vendors["Aster Bio"]!);
    const viewer = api(s.viewer);
    expect((await viewer.board({ orgSlug: s.slug, programmeId })).columns).toHaveLength(3);
    for (const call of [
      () => viewer.add({ orgSlug: s.slug, programmeId, vendorId: vendors["Dogwood CMC"]! }),
      () => viewer.addInvited({ orgSlug: s.slug, programmeId }),
      () => viewer.move({ orgSlug: s.slug, entryId: aster.id, stage: "SELECTED", position: 0, version: aster.version }),
      () => viewer.remove({ orgSlug: s.slug, entryId: aster.id, version: aster.version }),
      () => viewer.vote({ orgSlug: s.slug, entryId: aster.id, value: 1 }),
      () => viewer.comment({ orgSlug: s.slug, entryId: aster.id, body: "Viewer says hi" }),
    ])
      await expect(call()).rejects.toSatisfy(code("FORBIDDEN"));
    await expect(api(cdmo.owner).board({ orgSlug: cdmo.slug, programmeId })).rejects.toSatisfy(code("FORBIDDEN"));
    expect((await cardOf(vendors["Aster Bio"]!)).version).toBe(aster.version);
  });

  it("answers NOT_FOUND for another organisation's board, cards and comments", async () => {
    const aster = await cardOf(vendors["Aster Bio"]!);
    const intruder = api(other.owner);
    const o = other.slug;
    await expect(intruder.board({ orgSlug: o, programmeId })).rejects.toSatisfy(code("NOT_FOUND"));
    await expect(intruder.board({ orgSlug: s.slug, programmeId })).rejects.toSatisfy(code("NOT_FOUND"));
    await expect(intruder.activity({ orgSlug: o, programmeId })).rejects.toSatisfy(code("NOT_FOUND"));
    await expect(intruder.comments({ orgSlug: o, entryId: aster.id })).rejects.toSatisfy(code("NOT_FOUND"));
    await expect(intruder.add({ orgSlug: o, programmeId, vendorId: vendors.platform! })).rejects.toSatisfy(
      code("NOT_FOUND"),
    );
    await expect(
      intruder.move({ orgSlug: o, entryId: aster.id, stage: "SELECTED", position: 0, version: aster.version }),
    ).rejects.toSatisfy(code("NOT_FOUND"));
    await expect(intruder.vote({ orgSlug: o, entryId: aster.id, value: 1 })).rejects.toSatisfy(code("NOT_FOUND"));
    await expect(intruder.comment({ orgSlug: o, entryId: aster.id, body: "hi" })).rejects.toSatisfy(code("NOT_FOUND"));
    await expect(intruder.remove({ orgSlug: o, entryId: aster.id, version: aster.version })).rejects.toSatisfy(
      code("NOT_FOUND"),
    );
    // Their own programme cannot take our private vendor either.
    const { id: theirs } = await callerFor(other.owner).programme.create({
      orgSlug: o,
      name: "Theirs",
      molecule: "T-1",
      modality: "MAB",
      phase: "PHASE_1",
      stages: ["PD"],
    });
    await expect(
      intruder.add({ orgSlug: o, programmeId: theirs, vendorId: vendors["Dogwood CMC"]! }),
    ).rejects.toSatisfy(code("NOT_FOUND"));
    expect((await cardOf(vendors["Aster Bio"]!)).version).toBe(aster.version);
  });

  it("keeps an archived programme's board as it is", async () => {
    const pid = await newProgramme("Archived board");
    await api().add({ orgSlug: s.slug, programmeId: pid, vendorId: vendors["Dogwood CMC"]! });
    await callerFor(s.owner).programme.archive({ orgSlug: s.slug, programmeId: pid, version: 1 });
    const card = await cardOf(vendors["Dogwood CMC"]!, pid);
    expect((await board(s.evaluator, pid)).programme.archived).toBe(true);
    const err = await api()
      .move({ orgSlug: s.slug, entryId: card.id, stage: "SHORT", position: 0, version: card.version })
      .catch((e: unknown) => e);
    expect(code("CONFLICT")(err)).toBe(true);
    expect((err as Error).message).toMatch(/archived/);
    await expect(api().vote({ orgSlug: s.slug, entryId: card.id, value: 1 })).rejects.toSatisfy(code("CONFLICT"));
  });

  it("names the field at fault in the product's words", async () => {
    const aster = await cardOf(vendors["Aster Bio"]!);
    const bad = await api()
      .move({ orgSlug: s.slug, entryId: aster.id, stage: "MAYBE" as never, position: -1, version: 0 })
      .catch((e: unknown) => e);
    expect(code("BAD_REQUEST")(bad)).toBe(true);
    expect((bad as Error).message).toContain("Stage: choose a column: Long list, Shortlist or Selected.");
    expect((bad as Error).message).toContain("Position must be 0 or more.");
  });
});
