import { CliError } from "./cli-error";

/** Flags that take no value (`--dry-run`); they read as "true". */
const BOOLEAN_FLAGS = new Set(["dry-run"]);

/** `<command> [--name value]...`; `--name=value` is accepted too. */
export function parseArgs(argv: string[]): { command: string | undefined; flags: Record<string, string> } {
  const [command, ...rest] = argv;
  const flags: Record<string, string> = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith("--")) throw new CliError("INVALID_ARGS", `unexpected argument "${arg}"`);
    const eq = arg.indexOf("=");
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    const value = eq > 0 ? arg.slice(eq + 1) : BOOLEAN_FLAGS.has(name) ? "true" : rest[++i];
    if (!name || value === undefined) throw new CliError("INVALID_ARGS", `flag "${arg}" needs a value`);
    if (name in flags) throw new CliError("INVALID_ARGS", `flag "--${name}" given twice`);
    flags[name] = value;
  }
  return { command, flags };
}
