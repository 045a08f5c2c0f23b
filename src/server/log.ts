import pino, { type DestinationStream, type Logger } from "pino";
import { env } from "./env";

// The server's one logger: JSON lines on stdout, one object a line
// ({"level":"error","time":"2026-12-02T11:40:00.000Z","pid":..,"hostname":..,"msg":..,...}),
// for whatever collects the process's output. A request's lines come from a child logger
// (`log.child({ requestId, path, userId, orgId })`), so every line of one request carries its
// id. Nothing here formats for humans: `| npx pino-pretty` does that when wanted.

/**
 * Keys whose values never reach a log line, at the top level or one level down (an error's
 * cause, a job's data). Procedure inputs are left out as a whole: they hold passwords, tokens
 * and prices, and a log line needs the path, not the payload.
 */
export const REDACTED_KEYS = [
  "password",
  "currentPassword",
  "newPassword",
  "token",
  "secret",
  "authorization",
  "cookie",
  "input",
  "price",
  "prices",
];
const REDACT_PATHS = REDACTED_KEYS.flatMap((k) => [k, `*.${k}`]).concat(["headers.authorization", "headers.cookie"]);

function configuredLevel(): string {
  try {
    return env().LOG_LEVEL;
  } catch {
    // A bad environment is itself logged (startup-check.ts); log it at the default level.
    return "info";
  }
}

/** A logger writing to `destination` (stdout by default); tests pass a stream to read the lines. */
export function createLogger(destination?: DestinationStream, level = configuredLevel()): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      formatters: { level: (label) => ({ level: label }) },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    // Synchronous writes: a line written just before process.exit (a failed start) is not lost.
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

// Lines go through `target`, so a test can read what the app logs without replacing `log`.
let target: DestinationStream | undefined;
let stdout: DestinationStream | undefined;
const current: DestinationStream = {
  write: (line: string) => (target ?? (stdout ??= pino.destination({ dest: 1, sync: true }))).write(line),
};

export const log: Logger = createLogger(current);

/** For tests: send every line of `log` (and its children) to `destination`; undefined restores stdout. */
export function setLogDestinationForTests(destination: DestinationStream | undefined): void {
  target = destination;
}

/** For tests: every line `log` writes from now on, parsed, appended to the array returned. */
export function captureLogLinesForTests(): Record<string, unknown>[] {
  const lines: Record<string, unknown>[] = [];
  setLogDestinationForTests({
    write: (chunk: string) => {
      for (const line of chunk.split("\n").filter(Boolean)) lines.push(JSON.parse(line));
    },
  });
  return lines;
}
