import type { Server } from "node:http";

export type DrainOptions = {
  stopJobs?: () => Promise<void>;
  closeDb?: () => Promise<void>;
  timeoutMs?: number;
  log?: (message: string) => void;
};
/** Drain `server` (see graceful-shutdown.mjs); true when everything finished before the deadline. */
export function drain(server: Server, options?: DrainOptions): Promise<boolean>;
export function drainOnSignal(server: Server, options?: DrainOptions): void;
