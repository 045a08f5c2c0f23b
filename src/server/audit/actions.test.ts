import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BOARD_ACTIONS } from "../shortlist/board-audit";
import { AUDIT_ACTION_LABELS, actionLabel, actionsMatching, entityTypeLabel } from "./actions";

// recordAudit's `action` is typed by AUDIT_ACTION_LABELS, so tsc already refuses an action
// without words. This scan is the second net: every action string written in a recordAudit call
// in src/server or the seed (literals, both arms of a ternary, the fixed parts of a template)
// has a label, so the audit page never shows a raw key.

const ROOTS = ["src/server", "prisma/seed"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "generated" ? [] : sourceFiles(full);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [full] : [];
  });
}

/** The text of each `recordAudit(...)` call's argument list (balanced parentheses). */
function calls(text: string): string[] {
  const out: string[] = [];
  for (let i = text.indexOf("recordAudit("); i >= 0; i = text.indexOf("recordAudit(", i + 1)) {
    if (/function\s+$/.test(text.slice(Math.max(0, i - 20), i))) continue; // the definition itself
    let depth = 0;
    let j = i + "recordAudit".length;
    for (; j < text.length; j++) {
      if (text[j] === "(") depth++;
      else if (text[j] === ")" && --depth === 0) break;
    }
    out.push(text.slice(i, j + 1));
  }
  return out;
}

/** The action strings one call can write, and any template whose variable part must match a key. */
function actionsOf(call: string): { literals: string[]; patterns: RegExp[]; dynamic: boolean } {
  const m = /\baction(?::\s*([^\n]+?))?\s*,?\s*\n/.exec(call) ?? /\baction:\s*([^,}]+)/.exec(call);
  const expr = (m?.[1] ?? "action").trim().replace(/,$/, "");
  const literals = [...expr.matchAll(/"([a-z][a-zA-Z_]*\.[a-zA-Z_.]+)"/g)].map((x) => x[1]!);
  const patterns: RegExp[] = [];
  for (const t of expr.matchAll(/`([^`]*)`/g)) {
    const template = t[1]!;
    const fixed = template.split(/\$\{[^}]*\}/);
    patterns.push(new RegExp(`^${fixed.map((s) => s.replace(/\./g, "\\.")).join("[a-zA-Z_]+")}$`));
    // `rfp.${cancelled ? "cancelled" : "published"}`: each quoted arm of a ternary in its place.
    const arms = [...(/\$\{([^}]*)\}/.exec(template)?.[1] ?? "").matchAll(/[?:]\s*"([a-zA-Z_]+)"/g)].map((x) => x[1]!);
    for (const arm of arms) literals.push(template.replace(/\$\{[^}]*\}/, arm));
  }
  const dynamic = !literals.length && !patterns.length;
  return { literals: literals.filter((l) => !/\$\{/.test(l)), patterns, dynamic };
}

describe("audit action labels", () => {
  const keys = new Set(Object.keys(AUDIT_ACTION_LABELS));
  const found = ROOTS.flatMap((root) =>
    sourceFiles(root).flatMap((file) =>
      calls(readFileSync(file, "utf8")).map((call) => ({ file, ...actionsOf(call) })),
    ),
  );

  it("finds the recordAudit calls", () => {
    expect(found.length).toBeGreaterThan(60);
    expect(found.flatMap((f) => f.literals)).toContain("vendor.quality_changed");
  });

  it("has words for every action a recordAudit call writes", () => {
    const missing = found.flatMap((f) => f.literals.filter((a) => !keys.has(a)).map((a) => `${a} (${f.file})`));
    expect(missing).toEqual([]);
    for (const f of found)
      for (const p of f.patterns)
        expect(
          [...keys].some((k) => p.test(k)),
          `${p} in ${f.file}`,
        ).toBe(true);
  });

  it("has words for the calls whose action is a variable (the shortlist board's)", () => {
    const dynamic = found.filter((f) => f.dynamic).map((f) => path.basename(f.file));
    expect(dynamic).toEqual(["board-audit.ts"]);
    for (const a of BOARD_ACTIONS) expect(keys.has(a), a).toBe(true);
  });

  it("reads every label as words, and an unknown key still as words", () => {
    for (const [key, label] of Object.entries(AUDIT_ACTION_LABELS)) {
      expect(label, key).toMatch(/^[A-Z][^.]*[a-zA-Z']$/);
      expect(label, key).not.toContain("_");
    }
    expect(actionLabel("vendor.quality_changed")).toBe("Quality score changed");
    expect(actionLabel("rfpInvitation.created")).toBe("Rfp invitation created");
    expect(entityTypeLabel("RfpParticipation")).toBe("RFP participation");
    expect(entityTypeLabel("SomethingNew")).toBe("Something new");
  });

  it("the action filter finds keys by their words too", () => {
    expect(actionsMatching("role")).toEqual(["membership.role_changed"]);
    expect(actionsMatching("quality_changed")).toEqual(["vendor.quality_changed"]);
    expect(actionsMatching("sealed")).toEqual(["rfp.bidsOpened"]);
  });
});
