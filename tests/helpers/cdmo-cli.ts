import { spawn } from "node:child_process";

/** Runs `cdmo <args>` (scripts/cdmo.mjs, the bundled src/cli/cdmo.ts) with `stdin` as its input document, as the README tells users to. */
export function runCdmo(
  args: string[],
  stdin: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["scripts/cdmo.mjs", ...args], { cwd: process.cwd(), env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (c) => resolve({ code: c, stdout, stderr }));
    child.stdin.end(stdin);
  });
}
