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
