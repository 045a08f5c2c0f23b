/// <reference lib="webworker" />
// The portfolio page's worker: the same decision code as the server and `cdmo`, off the main thread.
import { simulateChunked } from "@/server/decision";
import { runComparison } from "@/server/portfolio/compare";
import type { WorkerRequest, WorkerResponse } from "./worker-protocol";

const post = (m: WorkerResponse) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);

self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const req = e.data;
  const started = performance.now();
  try {
    if (req.kind === "compare") {
      const comparison = runComparison(req.built, req.settings, {
        timeBudgetMs: req.budgetMs,
        onProgress: (p) =>
          post({
            id: req.id,
            kind: "progress",
            progress: { done: Math.round(p.elapsedMs), total: req.budgetMs, note: "ms" },
          }),
      });
      post({ id: req.id, kind: "compared", comparison, ms: performance.now() - started });
    } else {
      const result = await simulateChunked(
        { problem: req.built.problem, assignment: req.assignment, iterations: req.iterations, seed: req.seed },
        {
          chunkSize: 5000,
          onProgress: (done, total) =>
            post({ id: req.id, kind: "progress", progress: { done, total, note: "iterations" } }),
        },
      );
      post({ id: req.id, kind: "simulated", result, ms: performance.now() - started });
    }
  } catch (err) {
    post({ id: req.id, kind: "failed", message: err instanceof Error ? err.message : String(err) });
  }
};
