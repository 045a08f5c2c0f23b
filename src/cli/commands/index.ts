import type { Command } from "./types";

/**
 * The command table. Each entry loads its module on demand, so starting the
 * CLI for a decision command never loads database code. To add a command
 * (for example `import-inspections`), write `commands/import-inspections.ts`
 * exporting a Command and add one line here:
 *   "import-inspections": () => import("./import-inspections").then((m) => m.importInspections),
 */
const decision = (name: string) => () => import("./decision").then((m) => m.decisionCommands[name]);

export const commandTable: Record<string, () => Promise<Command>> = {
  scorecard: decision("scorecard"),
  sensitivity: decision("sensitivity"),
  acceptability: decision("acceptability"),
  evaluate: decision("evaluate"),
  optimize: decision("optimize"),
  simulate: decision("simulate"),
  "import-inspections": () => import("./import-inspections").then((m) => m.importInspections),
  "import-fda": () => import("./import-fda").then((m) => m.importFda),
  "refresh-quality": () => import("./refresh-quality").then((m) => m.refreshQualityCommand),
};
