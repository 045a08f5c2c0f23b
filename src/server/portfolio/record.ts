import { createHash } from "node:crypto";
import { evaluatePortfolio } from "../decision";
import type { TAssignment } from "../decision/portfolio-schema";
import { stageName, type BuiltProblem } from "./build";
import type { ScenarioSettings } from "./settings";

// The document a decision is signed on: the exact problem (offers, risks, discounts, scores,
// assumptions), the constraints and the chosen assignment with its metrics. Its SHA-256 over a
// canonical JSON (keys sorted) is what each signature carries; when the record rebuilt from
// today's data hashes differently, recordChanges says in words what moved.

export type DecisionRecord = {
  programmeId: string;
  rfpId: string;
  scenarioId: string;
  problem: BuiltProblem["problem"];
  vendors: {
    id: string;
    name: string;
    estimate: boolean;
    riskSource: string;
    riskBasis: string;
    offerScore: number | null;
  }[];
  constraints: ScenarioSettings["constraints"];
  assignment: TAssignment;
  metrics: ReturnType<typeof evaluatePortfolio>;
};

export function buildRecord(
  ids: { programmeId: string; rfpId: string; scenarioId: string },
  built: BuiltProblem,
  settings: ScenarioSettings,
  assignment: TAssignment,
): DecisionRecord {
  return {
    ...ids,
    problem: built.problem,
    vendors: built.vendors.map((v) => ({
      id: v.id,
      name: v.name,
      estimate: v.estimate,
      riskSource: v.riskSource,
      riskBasis: v.riskBasis,
      offerScore: v.offerScore,
    })),
    constraints: settings.constraints,
    assignment,
    metrics: evaluatePortfolio({ problem: built.problem, assignment }),
  };
}

/** JSON with object keys sorted at every level: the same record always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export const recordHash = (record: DecisionRecord): string =>
  createHash("sha256").update(canonicalJson(record)).digest("hex");

const fmt = (x: unknown) =>
  typeof x === "number"
    ? x.toLocaleString("en-US", { maximumFractionDigits: 4 })
    : x === undefined
      ? "none"
      : JSON.stringify(x);

/** What differs between the signed record and today's, in sentences (at most `limit`). */
export function recordChanges(signed: DecisionRecord, now: DecisionRecord, limit = 6): string[] {
  const out: string[] = [];
  const name = (id: string) =>
    now.vendors.find((v) => v.id === id)?.name ?? signed.vendors.find((v) => v.id === id)?.name ?? id;
  for (const s of signed.problem.stages) {
    const a = signed.assignment[s.id];
    const b = now.assignment[s.id];
    if (a !== b) out.push(`${stageName(s.id)} moved from ${a ? name(a) : "nobody"} to ${b ? name(b) : "nobody"}.`);
  }
  const sa = signed.problem.assumptions as Record<string, unknown>;
  const na = now.problem.assumptions as Record<string, unknown>;
  for (const k of Object.keys({ ...sa, ...na }))
    if (canonicalJson(sa[k]) !== canonicalJson(na[k]))
      out.push(`Assumption ${k} changed from ${fmt(sa[k])} to ${fmt(na[k])}.`);
  const offerKey = (o: { vendorId: string; stageId: string }) => `${o.vendorId}|${o.stageId}`;
  const nowOffers = new Map(now.problem.offers.map((o) => [offerKey(o), o]));
  const signedOffers = new Map(signed.problem.offers.map((o) => [offerKey(o), o]));
  for (const [k, o] of signedOffers) {
    const n = nowOffers.get(k);
    const where = `${name(o.vendorId)}'s offer for ${stageName(o.stageId)}`;
    if (!n) out.push(`${where} is no longer in the data.`);
    else if (canonicalJson(o) !== canonicalJson(n)) {
      const fields = (["price", "durationWeeks", "durationMinWeeks", "durationMaxWeeks", "score"] as const).filter(
        (f) => o[f] !== n[f],
      );
      out.push(`${where} changed (${fields.map((f) => `${f} ${fmt(o[f])} to ${fmt(n[f])}`).join(", ")}).`);
    }
  }
  for (const [k, o] of nowOffers)
    if (!signedOffers.has(k)) out.push(`${name(o.vendorId)} now offers ${stageName(o.stageId)}.`);
  for (const v of signed.problem.vendors) {
    const n = now.problem.vendors.find((x) => x.id === v.id);
    if (!n) continue;
    if (v.annualDisruptionRisk !== n.annualDisruptionRisk)
      out.push(
        `${name(v.id)}'s disruption risk changed from ${fmt(v.annualDisruptionRisk)} to ${fmt(n.annualDisruptionRisk)}.`,
      );
    if (canonicalJson(v.bundleDiscount) !== canonicalJson(n.bundleDiscount))
      out.push(`${name(v.id)}'s bundle discount changed.`);
  }
  if (canonicalJson(signed.constraints) !== canonicalJson(now.constraints)) out.push("The constraints changed.");
  if (!out.length && canonicalJson(signed) !== canonicalJson(now)) out.push("The record's data changed.");
  return out.length > limit ? [...out.slice(0, limit), `and ${out.length - limit} more changes.`] : out;
}

/**
 * Today's record with each quality-derived risk put back to its value at signing. Quality scores
 * age every day (src/server/vendors/quality-aging.ts), so a derived risk drifts without anyone
 * editing anything; that drift is reported (riskDrift) but does not void a signature. An override
 * typed by the team, new history that moves the risk source, or any other change does.
 */
export function rebaseDerivedRisks(now: DecisionRecord, signed: DecisionRecord): DecisionRecord {
  const derivedThen = new Map(
    signed.vendors
      .filter((v) => v.riskSource === "derived")
      .map((v) => [v.id, signed.problem.vendors.find((p) => p.id === v.id)]),
  );
  const derivedNow = new Set(now.vendors.filter((v) => v.riskSource === "derived").map((v) => v.id));
  return {
    ...now,
    vendors: now.vendors.map((v) =>
      derivedThen.has(v.id) && derivedNow.has(v.id)
        ? { ...v, riskBasis: signed.vendors.find((s) => s.id === v.id)!.riskBasis }
        : v,
    ),
    problem: {
      ...now.problem,
      vendors: now.problem.vendors.map((v) => {
        const then = derivedThen.get(v.id);
        return then && derivedNow.has(v.id) ? { ...v, annualDisruptionRisk: then.annualDisruptionRisk } : v;
      }),
    },
    metrics: signed.metrics,
  };
}

/** Derived risks that moved since signing, in words (information, not a change). */
export function riskDrift(now: DecisionRecord, signed: DecisionRecord): string[] {
  const out: string[] = [];
  for (const v of signed.problem.vendors) {
    const n = now.problem.vendors.find((x) => x.id === v.id);
    const derived = signed.vendors.find((x) => x.id === v.id)?.riskSource === "derived";
    if (n && derived && Math.abs((n.annualDisruptionRisk ?? 0) - (v.annualDisruptionRisk ?? 0)) >= 0.0005)
      out.push(
        `${signed.vendors.find((x) => x.id === v.id)?.name ?? v.id}: ${pct(v.annualDisruptionRisk)} at signing, ${pct(n.annualDisruptionRisk)} today`,
      );
  }
  return out;
}

const pct = (x: number | undefined) => `${((x ?? 0) * 100).toFixed(2)}%`;
