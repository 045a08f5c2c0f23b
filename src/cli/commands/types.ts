/**
 * One entry of the command table. A command declares the flags it accepts and
 * returns a JSON-serialisable result; cdmo.ts prints it. Commands that need a
 * database (e.g. a future `import-inspections --org SLUG --file FILE`) live in
 * their own module, loaded lazily from the table, so the decision commands
 * never pay for (or import) database code.
 */
export interface CommandContext {
  flags: Record<string, string>;
  /** The JSON document from --input FILE, or standard input when there is no --input. */
  readJsonInput(): Promise<unknown>;
}

export interface Command {
  description: string;
  /** Accepted `--name value` flags, without the dashes. */
  flags: string[];
  run(ctx: CommandContext): Promise<unknown> | unknown;
}
