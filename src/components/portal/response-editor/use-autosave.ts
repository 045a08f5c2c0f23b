"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import type { RfpContent } from "@/server/rfps/content";
import { useTRPC } from "@/trpc/react";
import { errorCode, errorMessage } from "@/components/forms/server-errors";
import { mergeAnswers, normalizeAnswers, sameAnswers, sendableAnswers, type Answers } from "./answers-merge";
import { clearStash, readStash, restoreDraft, writeStash, type DraftKey } from "./draft-store";

// The autosave machine of one draft. Every edit goes to localStorage at once (draft-store.ts) and
// to the server after a pause, as a compare-and-set on the version. A save that fails for want of
// a connection is retried when the browser is back online (and every few seconds); a save refused
// because a colleague saved first merges their answers with ours and, where both changed the same
// answer, asks the person which to keep before anything more is sent.

export type SaveStatus =
  | { kind: "idle"; at: Date | null }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "held"; count: number }
  | { kind: "offline" }
  | { kind: "conflict" }
  | { kind: "error"; message: string };

export type Conflict = { questionId: string; theirs: unknown };

type Draft = { id: string; version: number; answers: Answers; updatedAt: Date };

const DEBOUNCE_MS = 800;
const RETRY_MS = 5_000;

const storage = (): Storage | null => {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
};

/** A failure to reach the server at all (as opposed to an answer from it). */
const isNetworkError = (err: unknown) =>
  errorCode(err) === undefined || (typeof navigator !== "undefined" && navigator.onLine === false);

export function useAutosave({
  orgSlug,
  rfpId,
  round,
  content,
  draft,
  editable,
}: {
  orgSlug: string;
  rfpId: string;
  round: number;
  content: RfpContent;
  draft: Draft;
  editable: boolean;
}) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const save = useMutation(trpc.portal.response.saveDraft.mutationOptions());
  const key: DraftKey = { orgSlug, rfpId, round };

  // Opened once per draft: the server's answers, or this device's unsent edits on top of them.
  const [init] = useState(() => {
    const store = storage();
    const restored = restoreDraft(
      content,
      { id: draft.id, version: draft.version, answers: draft.answers, editable },
      store ? readStash(store, key) : null,
    );
    return restored;
  });
  const [answers, setAnswersState] = useState<Answers>(init.answers);
  const [status, setStatus] = useState<SaveStatus>(
    init.conflicts.length
      ? { kind: "conflict" }
      : init.pending
        ? { kind: "pending" }
        : { kind: "idle", at: draft.updatedAt },
  );
  const [conflicts, setConflicts] = useState<Conflict[]>(
    init.conflicts.map((id) => ({ questionId: id, theirs: init.base[id] })),
  );
  const [version, setVersion] = useState(init.version);

  const answersRef = useRef(init.answers);
  const versionRef = useRef(init.version);
  const baseRef = useRef(init.base);
  const conflictsRef = useRef(conflicts);
  const inflight = useRef<Promise<boolean> | null>(null);
  const again = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const send = useRef<() => Promise<boolean>>(async () => false);

  const persist = useCallback(
    (sending: Answers | null = null) => {
      const store = storage();
      if (!store) return;
      if (!conflictsRef.current.length && !sending && sameAnswers(content, answersRef.current, baseRef.current))
        clearStash(store, key);
      else
        writeStash(store, key, {
          responseId: draft.id,
          baseVersion: versionRef.current,
          base: baseRef.current,
          answers: answersRef.current,
          inflight: sending,
          at: Date.now(),
        });
    },
    // The key's parts and the draft id identify the entry; content is fixed for the draft.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [orgSlug, rfpId, round, draft.id, content],
  );

  const schedule = useCallback((ms = DEBOUNCE_MS) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void send.current(), ms);
  }, []);

  /** A colleague saved first: take their answers where only they changed, keep ours elsewhere, ask where both did. */
  const onStale = async () => {
    const latest = await qc.fetchQuery({ ...trpc.portal.response.get.queryOptions({ orgSlug, rfpId }), staleTime: 0 });
    const theirs = latest.response;
    if (!theirs || theirs.id !== draft.id || !latest.editable) {
      setStatus({ kind: "error", message: "This response can no longer be changed. Reload the page to see it." });
      return false;
    }
    const { merged, conflicts: both } = mergeAnswers(content, baseRef.current, answersRef.current, theirs.answers);
    versionRef.current = theirs.version;
    baseRef.current = theirs.answers;
    answersRef.current = merged;
    conflictsRef.current = both.map((id) => ({ questionId: id, theirs: theirs.answers[id] }));
    setVersion(theirs.version);
    setAnswersState(merged);
    setConflicts(conflictsRef.current);
    persist();
    if (both.length) setStatus({ kind: "conflict" });
    else {
      setStatus({ kind: "pending" });
      schedule(0);
    }
    return false;
  };

  send.current = async () => {
    if (timer.current) clearTimeout(timer.current);
    if (!editable || conflictsRef.current.length) return false;
    if (inflight.current) {
      again.current = true;
      return inflight.current;
    }
    const { answers: sendable, held } = sendableAnswers(content, answersRef.current);
    if (sameAnswers(content, sendable, baseRef.current)) {
      persist();
      setStatus((s) =>
        held.length
          ? { kind: "held", count: held.length }
          : s.kind === "saved" || s.kind === "idle"
            ? s
            : { kind: "saved", at: new Date() },
      );
      return held.length === 0;
    }
    if (typeof navigator !== "undefined" && navigator.onLine === false) {
      setStatus({ kind: "offline" });
      return false;
    }
    setStatus({ kind: "saving" });
    persist(sendable);
    const run = (async () => {
      try {
        const r = await save.mutateAsync({
          orgSlug,
          responseId: draft.id,
          version: versionRef.current,
          answers: sendable,
        });
        versionRef.current = r.version;
        baseRef.current = normalizeAnswers(content, sendable);
        setVersion(r.version);
        persist();
        const more = !sameAnswers(content, sendableAnswers(content, answersRef.current).answers, baseRef.current);
        setStatus(
          more
            ? { kind: "pending" }
            : held.length
              ? { kind: "held", count: held.length }
              : { kind: "saved", at: new Date(r.savedAt) },
        );
        return held.length === 0;
      } catch (err) {
        persist();
        if (isNetworkError(err)) {
          setStatus({ kind: "offline" });
          schedule(RETRY_MS);
          return false;
        }
        if (errorCode(err) === "CONFLICT" && (err as { data?: { field?: string } }).data?.field === "version")
          return await onStale().catch((e: unknown) => {
            setStatus({ kind: "error", message: errorMessage(e) });
            return false;
          });
        setStatus({ kind: "error", message: errorMessage(err) });
        return false;
      }
    })();
    inflight.current = run;
    const ok = await run;
    inflight.current = null;
    if (again.current) {
      again.current = false;
      return send.current();
    }
    return ok;
  };

  /** Change one answer (a function gets the current value: uploads finishing together each add their file). */
  const setAnswer = useCallback(
    (questionId: string, update: unknown) => {
      const value =
        typeof update === "function" ? (update as (prev: unknown) => unknown)(answersRef.current[questionId]) : update;
      const next = { ...answersRef.current };
      if (value === undefined || value === null) delete next[questionId];
      else next[questionId] = value;
      answersRef.current = next;
      setAnswersState(next);
      persist();
      if (!conflictsRef.current.length) {
        setStatus((s) => (s.kind === "offline" ? s : { kind: "pending" }));
        schedule();
      }
    },
    [persist, schedule],
  );

  /** Settle one conflict: keep what this person typed, or take the colleague's answer. */
  const resolve = useCallback(
    (questionId: string, choice: "mine" | "theirs") => {
      const c = conflictsRef.current.find((x) => x.questionId === questionId);
      if (!c) return;
      if (choice === "theirs") {
        const next = { ...answersRef.current };
        if (c.theirs === undefined) delete next[questionId];
        else next[questionId] = c.theirs;
        answersRef.current = next;
        setAnswersState(next);
      }
      conflictsRef.current = conflictsRef.current.filter((x) => x.questionId !== questionId);
      setConflicts(conflictsRef.current);
      persist();
      if (!conflictsRef.current.length) {
        setStatus({ kind: "pending" });
        schedule(0);
      }
    },
    [persist, schedule],
  );

  // Back online: send what waited. Leaving the page: nothing to do, the device already has it all.
  useEffect(() => {
    const online = () => void send.current();
    window.addEventListener("online", online);
    if (init.pending && editable) schedule(0);
    return () => {
      window.removeEventListener("online", online);
      if (timer.current) clearTimeout(timer.current);
    };
    // Once per draft.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  /** Save now and wait: true when the server holds everything typed (before a submit). */
  const flush = useCallback(async () => {
    if (inflight.current) await inflight.current;
    return send.current();
  }, []);

  const versionNow = useCallback(() => versionRef.current, []);

  return {
    answers,
    setAnswer,
    status,
    conflicts,
    resolve,
    version,
    versionNow,
    flush,
  };
}
