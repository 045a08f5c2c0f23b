import type { Instrumentation } from "next";

// Runs once when the server starts. The check lives in a Node-only module: this file is
// also compiled for the edge runtime, which has no process.exit.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkDatabaseOrExit } = await import("./server/startup-check");
    await checkDatabaseOrExit();
    const { startServerJobRunner } = await import("./server/jobs/runner");
    startServerJobRunner();
  }
}

// A page or route that threw: logged as a JSON line with the digest its error page shows the
// user and the request's id (src/server/http/request-error.ts).
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logRequestError } = await import("./server/http/request-error");
  logRequestError(error, request, context);
};
