import type { TenantDb } from "../db/tenant";
import { allQuestions, type RfpContent } from "../rfps/content";
import { attachedFileIds, type ResponderOrg } from "./load";

// The files an answer set attaches must be the organisation's own answer files for this RFP and
// this question (uploaded for this response, or carried over from an earlier round's). An id that
// is not (another organisation's file, an RFP attachment, a removed file) is never stored.

export type AttachedFile = { id: string; questionId: string; sha256: string; fileName: string };

/** The attachable files among those the answers name, keyed by question. Unknown ids are missing from the result. */
export async function findAttachableFiles(
  db: TenantDb,
  org: ResponderOrg,
  rfpId: string,
  content: RfpContent,
  answers: Record<string, unknown>,
): Promise<{ wanted: Map<string, string[]>; found: Map<string, AttachedFile> }> {
  const wanted = attachedFileIds(content, answers);
  const ids = [...wanted.values()].flat();
  if (!ids.length) return { wanted, found: new Map() };
  const rows = await db.storedFile.findMany({
    where: { id: { in: ids }, organizationId: org.id, rfpId, purpose: "RESPONSE_ANSWER", deletedAt: null },
    select: { id: true, questionId: true, sha256: true, fileName: true },
  });
  const found = new Map<string, AttachedFile>();
  for (const [questionId, list] of wanted)
    for (const id of list) {
      const row = rows.find((r) => r.id === id && (r.questionId === null || r.questionId === questionId));
      if (row) found.set(id, { id, questionId, sha256: row.sha256, fileName: row.fileName });
    }
  return { wanted, found };
}

/** Drop file ids that are not attachable (a draft keeps everything else the user typed). */
export function withoutMissingFiles(
  answers: Record<string, unknown>,
  wanted: Map<string, string[]>,
  found: Map<string, AttachedFile>,
): Record<string, unknown> {
  const out = { ...answers };
  for (const [questionId, list] of wanted) {
    const kept = list.filter((id) => found.has(id));
    if (kept.length === list.length) continue;
    if (kept.length) out[questionId] = { fileIds: kept };
    else delete out[questionId];
  }
  return out;
}

/** The first question (in document order) whose attached files are not all attachable, if any. */
export function firstMissingFile(content: RfpContent, wanted: Map<string, string[]>, found: Map<string, AttachedFile>) {
  for (const { section, question } of allQuestions(content)) {
    const list = wanted.get(question.id);
    if (list?.some((id) => !found.has(id))) return { section, question };
  }
  return null;
}
