// Unsent edits kept on this device, so a reload, a closed tab or a dropped connection loses no
// keystroke. One entry per response draft, keyed by organisation, RFP, round and the version the
// edits were based on; `restoreDraft` decides, against what the server now holds, whether to
// re-send them, or to merge them with a colleague's save. Pure apart from the Storage passed in.
import { mergeAnswers, sameAnswers, type Answers } from "./answers-merge";
import type { RfpContent } from "@/server/rfps/content";

export type DraftKey = { orgSlug: string; rfpId: string; round: number };

export type Stash = {
  responseId: string;
  /** The server version the edits started from, and its answers (the merge base). */
  baseVersion: number;
  base: Answers;
  /** Everything in the editor, sent or not. */
  answers: Answers;
  /** A save under way when this was written: if the server now holds exactly this at baseVersion + 1, it landed. */
  inflight?: Answers | null;
  at: number;
};

type Store = Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">;

const PREFIX = "cdmo-select:response-draft:";
export const keyPrefix = (k: DraftKey) => `${PREFIX}${k.orgSlug}:${k.rfpId}:${k.round}:`;
export const stashKey = (k: DraftKey, version: number) => `${keyPrefix(k)}${version}`;

function keysOf(store: Store, k: DraftKey): string[] {
  const prefix = keyPrefix(k);
  const out: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key?.startsWith(prefix)) out.push(key);
  }
  return out;
}

function isStash(v: unknown): v is Stash {
  const s = v as Stash | null;
  return (
    !!s &&
    typeof s === "object" &&
    typeof s.responseId === "string" &&
    Number.isInteger(s.baseVersion) &&
    !!s.base &&
    typeof s.base === "object" &&
    !!s.answers &&
    typeof s.answers === "object"
  );
}

/** The newest readable entry for this draft, if any (a corrupt one reads as none). */
export function readStash(store: Store, k: DraftKey): Stash | null {
  let best: Stash | null = null;
  for (const key of keysOf(store, k)) {
    try {
      const v: unknown = JSON.parse(store.getItem(key) ?? "null");
      if (isStash(v) && (!best || v.baseVersion > best.baseVersion)) best = v;
    } catch {
      // A corrupt entry is ignored; the next write replaces it.
    }
  }
  return best;
}

/** Replace this draft's entry. False when the browser refuses (storage full or disabled). */
export function writeStash(store: Store, k: DraftKey, stash: Stash): boolean {
  const key = stashKey(k, stash.baseVersion);
  try {
    store.setItem(key, JSON.stringify(stash));
  } catch {
    return false;
  }
  for (const other of keysOf(store, k)) if (other !== key) store.removeItem(other);
  return true;
}

export function clearStash(store: Store, k: DraftKey): void {
  for (const key of keysOf(store, k)) store.removeItem(key);
}

export type ServerDraft = { id: string; version: number; answers: Answers; editable: boolean };

export type Restored = {
  answers: Answers;
  /** The server's version and answers the editor now builds on. */
  version: number;
  base: Answers;
  /** Unsent edits to send again. */
  pending: boolean;
  /** Questions a colleague changed differently meanwhile: the person chooses (theirs = base[id]). */
  conflicts: string[];
  /** Edits kept on this device that can no longer be saved (submitted, closed): shown, then dropped. */
  stranded: Answers | null;
};

/** What the editor opens with, given the server's draft and whatever this device kept. */
export function restoreDraft(content: RfpContent, server: ServerDraft, stash: Stash | null): Restored {
  const plain: Restored = {
    answers: server.answers,
    version: server.version,
    base: server.answers,
    pending: false,
    conflicts: [],
    stranded: null,
  };
  if (!stash || stash.responseId !== server.id) return plain;
  if (sameAnswers(content, stash.answers, server.answers)) return plain;
  if (!server.editable) return { ...plain, stranded: stash.answers };

  let base = stash.base;
  let baseVersion = stash.baseVersion;
  // The save under way before the reload did land: it is ours, not a colleague's.
  if (stash.inflight && server.version === baseVersion + 1 && sameAnswers(content, stash.inflight, server.answers)) {
    base = server.answers;
    baseVersion = server.version;
  }
  if (baseVersion === server.version)
    return {
      answers: stash.answers,
      version: server.version,
      base: server.answers,
      pending: true,
      conflicts: [],
      stranded: null,
    };

  const { merged, conflicts } = mergeAnswers(content, base, stash.answers, server.answers);
  return {
    answers: merged,
    version: server.version,
    base: server.answers,
    pending: !sameAnswers(content, merged, server.answers),
    conflicts,
    stranded: null,
  };
}
