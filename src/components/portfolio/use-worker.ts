"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { Progress, WorkerRequest, WorkerResponse } from "./worker-protocol";

type Distribute<T> = T extends unknown ? Omit<T, "id"> : never;
export type Job = Distribute<WorkerRequest>;
type Done = Extract<WorkerResponse, { kind: "compared" | "simulated" }>;

export type WorkerState<R> =
  | { status: "idle" }
  | { status: "running"; progress: Progress | null }
  | { status: "done"; result: R; ms: number }
  | { status: "failed"; message: string }
  | { status: "cancelled" };

/**
 * One Web Worker per use: `run` posts a job (a newer job replaces a running one: the worker is
 * terminated and a fresh one started, so stale results never arrive), `cancel` terminates it.
 */
export function useDecisionWorker<R>(pick: (m: Done) => R) {
  const worker = useRef<Worker | null>(null);
  const seq = useRef(0);
  const [state, setState] = useState<WorkerState<R>>({ status: "idle" });
  const pickRef = useRef(pick);
  pickRef.current = pick;

  const stop = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
  }, []);

  const run = useCallback(
    (job: Job) => {
      stop();
      const w = new Worker(new URL("./compare.worker.ts", import.meta.url));
      worker.current = w;
      const id = ++seq.current;
      setState({ status: "running", progress: null });
      w.onmessage = (e: MessageEvent<WorkerResponse>) => {
        const m = e.data;
        if (m.id !== seq.current) return;
        if (m.kind === "progress") setState({ status: "running", progress: m.progress });
        else if (m.kind === "failed") {
          setState({ status: "failed", message: m.message });
          stop();
        } else {
          setState({ status: "done", result: pickRef.current(m), ms: m.ms });
          stop();
        }
      };
      w.onerror = (e) => {
        setState({ status: "failed", message: e.message || "The calculation stopped unexpectedly." });
        stop();
      };
      w.postMessage({ ...job, id } as WorkerRequest);
    },
    [stop],
  );

  const cancel = useCallback(() => {
    if (!worker.current) return;
    stop();
    seq.current++;
    setState({ status: "cancelled" });
  }, [stop]);

  useEffect(() => stop, [stop]);
  return { state, run, cancel };
}
