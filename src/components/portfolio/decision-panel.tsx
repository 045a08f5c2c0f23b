"use client";

import type { PortfolioView } from "@/server/portfolio/view";
import type { BuiltProblem } from "@/server/portfolio/build";
import { Alert } from "../ui/alert";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { Card, CardBody, CardHeader } from "../ui/card";
import { fmtMoney, fmtWeeks } from "./format";
import { SignDialog, type Meaning } from "./sign-dialog";

type Decision = NonNullable<PortfolioView["decision"]>;

const MEANING: Record<string, string> = { AUTHOR: "Author", REVIEWER: "Reviewer", APPROVER: "Approver" };

/** The server's time with its zone, as signed: "2 Dec 2026, 01:23:45 UTC". */
export const signedTime = (d: Date | string) =>
  `${new Date(d).toLocaleString("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit" })} UTC`;

/** The proposal, its signatures with their manifestation, and what voided them if anything did. */
export function DecisionPanel({
  decision,
  built,
  currency,
  me,
  printedName,
  onSign,
  onWithdraw,
  reportButton,
}: {
  decision: Decision;
  built: BuiltProblem;
  currency: string;
  me: PortfolioView["me"];
  printedName: string;
  onSign: (m: { meaning: Meaning; password: string }) => Promise<string | null>;
  onWithdraw: () => void;
  reportButton?: React.ReactNode;
}) {
  const name = (id: string) => built.vendors.find((v) => v.id === id)?.name ?? id;
  const mine = decision.signatures.filter((s) => s.userId === me.id && s.valid).map((s) => s.meaning);
  const meanings: Meaning[] = [
    ...(decision.requiredApprovers.some((a) => a.id === me.id) && !mine.includes("APPROVER")
      ? (["APPROVER"] as const)
      : []),
    ...(!mine.includes("REVIEWER") && !mine.includes("AUTHOR") ? (["REVIEWER"] as const) : []),
  ];
  const waiting = decision.requiredApprovers.filter((a) => !a.signed);
  const m = decision.metrics;
  return (
    <Card>
      <CardHeader
        title="Decision"
        description={
          decision.status === "AWARDED"
            ? `Awarded ${signedTime(decision.awardedAt!)}. Every CDMO has been told its own outcome.`
            : decision.intact
              ? waiting.length
                ? `Proposed by ${decision.proposedBy}; waiting for ${waiting.map((w) => w.name).join(", ")}.`
                : "Every approver has signed."
              : "The record changed after it was proposed: the signatures no longer hold."
        }
        actions={
          <>
            {reportButton}
            <Badge tone={decision.status === "AWARDED" ? "success" : decision.intact ? "brand" : "danger"}>
              {decision.status === "AWARDED" ? "Awarded" : decision.intact ? "Proposed" : "Signatures void"}
            </Badge>
          </>
        }
      />
      <CardBody className="space-y-4">
        {!decision.intact && decision.status !== "AWARDED" ? (
          <Alert tone="danger" title="What changed since signing">
            <ul className="list-disc pl-5">
              {decision.changes.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
            {me.canPropose ? (
              <p className="mt-2">Withdraw this proposal and propose again to collect fresh signatures.</p>
            ) : null}
          </Alert>
        ) : null}
        {decision.drift.length ? (
          <Alert tone="info" title="Quality-derived risks have aged since signing">
            <p>
              {decision.drift.join("; ")}. This is the daily ageing of quality scores, not an edit; the signatures
              stand.
            </p>
          </Alert>
        ) : null}
        <div className="grid gap-4 lg:grid-cols-2">
          <div className="space-y-2 text-sm">
            <p className="font-medium text-ink">Chosen portfolio</p>
            <ul className="space-y-0.5">
              {built.problem.stages.map((s) => (
                <li key={s.id}>
                  <span className="text-ink-muted">{s.name}:</span> {name(decision.assignment[s.id] ?? "")}
                </li>
              ))}
            </ul>
            <p className="text-ink-muted">
              {fmtMoney(m.cost, currency)}, {fmtWeeks(m.durationWeeks)}, risk-adjusted{" "}
              {fmtMoney(m.riskAdjustedCost, currency)}
            </p>
            <p className="font-medium text-ink">Rationale</p>
            <p className="whitespace-pre-line text-ink">{decision.rationale}</p>
            <p className="text-xs text-ink-muted">
              Record SHA-256 <code className="break-all">{decision.recordHash}</code>
            </p>
          </div>
          <div className="space-y-2">
            <p className="text-sm font-medium text-ink">Signatures</p>
            <ul className="space-y-2">
              {decision.signatures.map((s) => (
                <li key={s.id} className="rounded border border-line p-3 text-sm">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <span className="font-semibold text-ink">{s.printedName}</span>
                    <Badge tone={s.valid ? "success" : "danger"}>{s.valid ? "Valid" : "Invalid"}</Badge>
                  </div>
                  <p className="text-ink-muted">
                    {MEANING[s.meaning]} &middot; {s.email} &middot; {signedTime(s.signedAt)}
                  </p>
                  {!s.valid && s.invalidReason ? <p className="mt-1 text-danger-700">{s.invalidReason}</p> : null}
                </li>
              ))}
            </ul>
            {waiting.length && decision.status === "PROPOSED" ? (
              <p className="text-sm text-ink-muted">Still to approve: {waiting.map((w) => w.name).join(", ")}.</p>
            ) : null}
            {decision.status === "PROPOSED" ? (
              <div className="flex flex-wrap gap-2 pt-1">
                {me.canSign && meanings.length && decision.intact ? (
                  <SignDialog
                    title="Sign the decision"
                    meanings={meanings}
                    recordHash={decision.recordHash}
                    printedName={printedName}
                    onSign={onSign}
                    trigger={<Button size="sm">Sign</Button>}
                  />
                ) : null}
                {me.canPropose ? (
                  <Button size="sm" variant="secondary" onClick={onWithdraw}>
                    Withdraw the proposal
                  </Button>
                ) : null}
              </div>
            ) : null}
          </div>
        </div>
      </CardBody>
    </Card>
  );
}
