import { beforeEach, describe, expect, it } from "vitest";
import { CONTENT } from "./test-content";
import { clearStash, readStash, restoreDraft, stashKey, writeStash, type Stash } from "./draft-store";

class MemoryStorage {
  private m = new Map<string, string>();
  get length() {
    return this.m.size;
  }
  key(i: number) {
    return [...this.m.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.m.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.m.set(k, v);
  }
  removeItem(k: string) {
    this.m.delete(k);
  }
}

const K = { orgSlug: "acme", rfpId: "rfp1", round: 2 };
const stash = (over: Partial<Stash> = {}): Stash => ({
  responseId: "r1",
  baseVersion: 4,
  base: { t: "saved" },
  answers: { t: "saved and more" },
  at: 1,
  ...over,
});

describe("draft store", () => {
  let store: MemoryStorage;
  beforeEach(() => {
    store = new MemoryStorage();
  });

  it("keeps one entry per draft, keyed by org, RFP, round and base version", () => {
    writeStash(store, K, stash());
    writeStash(store, K, stash({ baseVersion: 5 }));
    writeStash(store, { ...K, round: 1 }, stash({ baseVersion: 9 }));
    expect(store.getItem(stashKey(K, 4))).toBeNull();
    expect(readStash(store, K)?.baseVersion).toBe(5);
    expect(readStash(store, { ...K, round: 1 })?.baseVersion).toBe(9);
    clearStash(store, K);
    expect(readStash(store, K)).toBeNull();
    expect(readStash(store, { ...K, round: 1 })).not.toBeNull();
  });

  it("ignores a corrupt entry and survives a storage that refuses writes", () => {
    store.setItem(stashKey(K, 3), "{not json");
    expect(readStash(store, K)).toBeNull();
    const full = {
      ...store,
      length: 0,
      key: () => null,
      getItem: () => null,
      removeItem() {},
      setItem() {
        throw new Error("QuotaExceededError");
      },
    };
    expect(writeStash(full, K, stash())).toBe(false);
  });
});

describe("restoreDraft", () => {
  const server = { id: "r1", version: 4, answers: { t: "saved" }, editable: true };

  it("opens the server's draft when nothing was kept", () => {
    expect(restoreDraft(CONTENT, server, null)).toMatchObject({ answers: { t: "saved" }, pending: false, version: 4 });
  });

  it("restores unsent edits on the same version and sends them again", () => {
    const r = restoreDraft(CONTENT, server, stash());
    expect(r).toMatchObject({ answers: { t: "saved and more" }, pending: true, conflicts: [], version: 4 });
  });

  it("recognises its own save that landed just before the reload (no false conflict)", () => {
    const landed = { ...server, version: 5, answers: { t: "saved and" } };
    const r = restoreDraft(CONTENT, landed, stash({ inflight: { t: "saved and " } }));
    expect(r).toMatchObject({ answers: { t: "saved and more" }, version: 5, pending: true, conflicts: [] });
  });

  it("merges with a colleague's newer save, and reports where both changed the same answer", () => {
    const theirs = { ...server, version: 6, answers: { t: "their text", yn: true } };
    const r = restoreDraft(CONTENT, theirs, stash());
    expect(r.answers).toEqual({ t: "saved and more", yn: true });
    expect(r.conflicts).toEqual(["t"]);
    expect(r.base).toEqual(theirs.answers);
    expect(r.version).toBe(6);
  });

  it("ignores another response's entry, and reports edits stranded by a submission", () => {
    expect(restoreDraft(CONTENT, server, stash({ responseId: "other" })).pending).toBe(false);
    const r = restoreDraft(CONTENT, { ...server, editable: false }, stash());
    expect(r.stranded).toEqual({ t: "saved and more" });
    expect(r.answers).toEqual({ t: "saved" });
  });
});
