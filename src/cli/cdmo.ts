/**
 * `npm run --silent cdmo -- <command> [--input FILE]`
 *
 * Reads one JSON document (FILE, or standard input), writes one JSON document
 * to standard output and exits 0. Invalid input - malformed JSON, an unknown
 * command or flag, or anything the decision core rejects - exits 2 with
 * {"error":{"code","message","path"}} on standard error; `path` is an array of
 * keys and indices into the input document. Unexpected failures exit 1 with
 * code "INTERNAL". Numbers are printed as computed, not rounded.
 */
import { readFile } from "node:fs/promises";
import { DecisionError } from "../server/decision/errors";
import { parseArgs } from "./args";
import { CliError, type ErrorBody } from "./cli-error";
import { commandTable } from "./commands";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function readJson(file: string | undefined): Promise<unknown> {
  let text: string;
  try {
    text = file === undefined ? await readStdin() : await readFile(file, "utf8");
  } catch (e) {
    throw new CliError("INPUT_NOT_READABLE", `cannot read ${file ?? "standard input"}: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new CliError("INVALID_JSON", `input is not valid JSON: ${(e as Error).message}`);
  }
}

function usage(): string {
  return `usage: cdmo <command> [--input FILE]; commands: ${Object.keys(commandTable).join(", ")}`;
}

async function main(argv: string[]): Promise<unknown> {
  const { command, flags } = parseArgs(argv);
  if (!command) throw new CliError("UNKNOWN_COMMAND", usage());
  const load = Object.hasOwn(commandTable, command) ? commandTable[command] : undefined;
  if (!load) throw new CliError("UNKNOWN_COMMAND", `unknown command "${command}"; ${usage()}`);
  const cmd = await load();
  for (const name of Object.keys(flags)) {
    if (!cmd.flags.includes(name)) throw new CliError("INVALID_ARGS", `"${command}" does not take --${name}`);
  }
  return cmd.run({ flags, readJsonInput: () => readJson(flags.input) });
}

function fail(exitCode: number, body: ErrorBody): void {
  process.stderr.write(JSON.stringify(body) + "\n");
  process.exitCode = exitCode;
}

main(process.argv.slice(2)).then(
  (result) => {
    process.stdout.write(JSON.stringify(result) + "\n");
    process.exitCode = 0;
  },
  (e: unknown) => {
    if (e instanceof DecisionError || e instanceof CliError) {
      fail(2, { error: { code: e.code, message: e.message, path: e.path } });
    } else {
      fail(1, { error: { code: "INTERNAL", message: e instanceof Error ? e.message : String(e), path: [] } });
    }
  },
);
