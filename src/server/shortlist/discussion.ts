import type { Actor } from "../audit/record-audit";
import { listMembers } from "../members/members";
import { assertCan } from "../auth/assert-can";
import { userNames } from "../db/globals";
import { lockForWrite } from "../db/sql/locks";
import type { TenantDb } from "../db/tenant";
import { AppError } from "../errors/app-error";
import { notifyMembers } from "../notifications/notify";
import { findProgramme } from "../programmes/programmes";
import { auditBoard } from "./board-audit";
import { findEntry, type ShortlistOrg } from "./board";
import { excerpt, resolveMentions } from "./mentions";
import type { TShortlistCommentInput } from "./schemas";

// Votes and comments on a shortlisted vendor. One vote per member and card (for, against, or
// none); comments are threaded one level deep (a reply to a reply joins the thread it is in), and
// their @mentions notify the mentioned members of this organisation, nobody else (mentions.ts).

async function openCard(db: TenantDb, org: ShortlistOrg, entryId: string) {
  assertCan(org, "shortlist.write");
  const card = await findEntry(db, org, entryId);
  const programme = await findProgramme(db, org, card.programmeId);
  if (programme.archivedAt)
    throw new AppError("CONFLICT", "This programme is archived. Restore it before changing its shortlist.");
  return { card, programme };
}

export async function voteOnShortlist(
  db: TenantDb,
  actor: Actor & object,
  org: ShortlistOrg,
  input: { entryId: string; value: 1 | -1 | 0 },
) {
  const { card } = await openCard(db, org, input.entryId);
  // One member's double click: the second vote waits for the first and then sees it.
  await lockForWrite(db, { kind: "shortlist", orgId: org.id, programmeId: card.programmeId });
  const where = { entryId: card.id, userId: actor.id };
  const old = (await db.shortlistVote.findFirst({ where, select: { value: true } }))?.value ?? 0;
  if (old !== input.value) {
    if (input.value === 0) await db.shortlistVote.deleteMany({ where });
    else
      await db.shortlistVote.upsert({
        where: { entryId_userId: where },
        create: { ...where, value: input.value },
        update: { value: input.value },
      });
    await auditBoard(
      db,
      actor,
      card.programmeId,
      "shortlist.voted",
      { id: card.id, vendorName: card.vendorName },
      {
        vote: { old, new: input.value },
      },
    );
  }
  const all = await db.shortlistVote.findMany({ where: { entryId: card.id }, select: { value: true } });
  return {
    up: all.filter((v) => v.value > 0).length,
    down: all.filter((v) => v.value < 0).length,
    mine: input.value,
  };
}

/** The organisation's members as mention candidates. */
async function members(db: TenantDb) {
  return (await listMembers(db)).map((m) => m.user);
}

export async function commentOnShortlist(
  db: TenantDb,
  actor: Actor & object,
  org: ShortlistOrg,
  input: TShortlistCommentInput,
) {
  const { card, programme } = await openCard(db, org, input.entryId);
  let parentId: string | null = null;
  if (input.parentId) {
    const parent = await db.shortlistComment.findFirst({
      where: { id: input.parentId, entryId: card.id },
      select: { id: true, parentId: true },
    });
    if (!parent)
      throw new AppError("NOT_FOUND", "The comment you replied to was not found on this vendor.", {
        field: "parentId",
      });
    parentId = parent.parentId ?? parent.id;
  }
  const team = await members(db);
  const mentions = resolveMentions(input.body, team).filter((id) => id !== actor.id);
  const c = await db.shortlistComment.create({
    data: { entryId: card.id, parentId, authorId: actor.id, body: input.body, mentions },
  });
  await auditBoard(
    db,
    actor,
    card.programmeId,
    "shortlist.commented",
    { id: card.id, vendorName: card.vendorName },
    {
      comment: { old: null, new: c.id },
      excerpt: { old: null, new: excerpt(input.body) },
      ...(parentId ? { replyTo: { old: null, new: parentId } } : {}),
      ...(mentions.length ? { mentions: { old: null, new: mentions } } : {}),
    },
  );
  if (mentions.length) {
    const author = team.find((m) => m.id === actor.id)?.name ?? actor.email;
    await notifyMembers(db, {
      userIds: mentions,
      kind: "MENTION",
      title: `${author} mentioned you on the ${programme.name} shortlist`,
      body: `On ${card.vendorName}: “${excerpt(input.body, 280)}”`,
      link: `/${org.slug}/programmes/${programme.id}/shortlist?entry=${card.id}`,
    });
  }
  return { id: c.id, parentId, mentions };
}

export type ShortlistComment = {
  id: string;
  parentId: string | null;
  author: { id: string; name: string } | null;
  body: string;
  mentions: { id: string; name: string }[];
  createdAt: Date;
  replies: ShortlistComment[];
};

/** A card's comments, oldest first, each with its replies under it. */
export async function listShortlistComments(db: TenantDb, org: ShortlistOrg, entryId: string) {
  assertCan(org, "shortlist.read");
  const card = await findEntry(db, org, entryId);
  const rows = await db.shortlistComment.findMany({
    where: { entryId: card.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 1000,
  });
  const names = await userNames(db, [
    ...new Set(rows.flatMap((r) => [...(r.authorId ? [r.authorId] : []), ...r.mentions])),
  ]);
  const shaped = rows.map((r): ShortlistComment => ({
    id: r.id,
    parentId: r.parentId,
    author: r.authorId ? { id: r.authorId, name: names.get(r.authorId) ?? "A former member" } : null,
    body: r.body,
    mentions: r.mentions.flatMap((id) => (names.has(id) ? [{ id, name: names.get(id)! }] : [])),
    createdAt: r.createdAt,
    replies: [],
  }));
  const byId = new Map(shaped.map((c) => [c.id, c]));
  const roots: ShortlistComment[] = [];
  for (const c of shaped) {
    const parent = c.parentId ? byId.get(c.parentId) : undefined;
    if (parent) parent.replies.push(c);
    else roots.push(c);
  }
  return {
    entry: { id: card.id, vendorName: card.vendorName, stage: card.stage, programmeId: card.programmeId },
    comments: roots,
  };
}
