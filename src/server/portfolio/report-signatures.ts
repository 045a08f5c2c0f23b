// Sections 5-7 of the decision report: the signatures with their manifestation (printed name,
// e-mail, meaning, time, standing), the audit trail of the decision and its scenario, and the
// record's SHA-256 with the rationale.
import type { Content } from "pdfmake/interfaces";
import { utcSecond } from "./report-format";
import { h2, h3, keep, keyValues, note, para, table } from "./report-layout";
import type { ReportData, ReportDecision } from "./report-types";

const MEANING: Record<string, string> = {
  AUTHOR: "proposed the award and is responsible for it",
  REVIEWER: "reviewed the record",
  APPROVER: "approves the award",
};

/** One line for the title block and the record section. */
export function decisionStatus(d: ReportDecision | null, withdrawn = 0): string {
  const before = withdrawn ? ` (${withdrawn} earlier proposal${withdrawn === 1 ? "" : "s"} withdrawn)` : "";
  if (!d) return `No decision yet${before}.`;
  if (d.status === "AWARDED")
    return `Awarded${d.awardedAt ? ` on ${utcSecond(new Date(d.awardedAt))}` : ""}, proposed by ${d.proposedBy}${before}.`;
  const waiting = d.requiredApprovers.filter((a) => !a.signed).map((a) => a.name);
  return `Proposed on ${utcSecond(new Date(d.proposedAt))} by ${d.proposedBy}; ${waiting.length ? `waiting for the approval of ${waiting.join(", ")}` : "every approval is in"}${before}.`;
}

export function signaturesContent(data: ReportData): Content[] {
  const d = data.decision;
  const heading = h2("5. Signatures");
  if (!d) return [keep(0, heading, para(decisionStatus(null, data.withdrawn)))];
  return [
    keep(
      d.signatures.length,
      heading,
      para(decisionStatus(d, data.withdrawn)),
      para(
        "Each signature below was applied by its signer re-entering their password, stamped with the server's clock, and bound to the SHA-256 of the record in section 7. Meaning: AUTHOR proposes the award, REVIEWER has reviewed it, APPROVER approves it.",
      ),
      table(
        ["Printed name", "E-mail", "Meaning", "Signed at", "Standing"],
        d.signatures.map((s) => [
          { text: s.printedName, bold: true },
          s.email,
          { text: `${s.meaning}\n(${MEANING[s.meaning] ?? s.meaning.toLowerCase()})` },
          utcSecond(new Date(s.signedAt)),
          s.valid
            ? { text: "Valid", color: "#166534" }
            : { text: `Invalid: ${s.invalidReason ?? "no longer bound to the record"}`, color: "#b91c1c" },
        ]),
        [85, 105, 95, 75, "*"],
      ),
    ),
    keep(
      d.requiredApprovers.length,
      h3("Required approvers"),
      table(
        ["Approver", "Approval"],
        d.requiredApprovers.map((a) => [a.name, a.signed ? "signed, valid" : "not (validly) signed"]),
        ["*", 140],
      ),
    ),
  ];
}

export function auditContent(data: ReportData): Content[] {
  const heading = h2("6. Audit summary");
  const a = data.audit;
  if (!a.visible)
    return [
      keep(
        0,
        heading,
        para(
          "The audit entries are shown to owners and admins, who can read the audit log. Ask one of them for a report that includes them.",
        ),
      ),
    ];
  if (!a.entries.length) return [keep(0, heading, para("No audit entries for this scenario or its decisions."))];
  const out: Content[] = [
    keep(
      a.entries.length,
      heading,
      para(
        "Every change to the scenario and to the decisions on this RFP, oldest first, as the audit log holds it (server clock).",
      ),
      table(
        ["When", "Who", "Action", "Record", "Changed", "Reason"],
        a.entries.map((e) => [
          utcSecond(e.at),
          e.actor,
          e.action,
          e.subject,
          e.fields.join(", ") || "-",
          e.reason ?? "-",
        ]),
        [66, 95, 70, 55, 58, "*"],
      ),
    ),
  ];
  if (a.truncated)
    out.push(note("Only the latest entries of each record are listed; the audit log page has them all."));
  return out;
}

export function recordContent(data: ReportData): Content[] {
  const d = data.decision;
  const heading = h2("7. Record");
  if (!d)
    return [
      keep(
        0,
        heading,
        para("No decision yet: there is no signed record, so no record hash and no rationale to report."),
      ),
    ];
  const out: Content[] = [
    keep(
      0,
      heading,
      keyValues([
        ["Status", decisionStatus(d, data.withdrawn)],
        ["Proposed", `${utcSecond(new Date(d.proposedAt))} by ${d.proposedBy}`],
      ]),
      h3("Record hash (SHA-256)"),
      { text: d.recordHash, style: "mono" },
      note(
        "The SHA-256 of the canonical JSON of the record (problem, vendors, constraints, assignment and metrics, keys sorted) that every signature carries.",
      ),
      para(
        d.intact
          ? "Rebuilt from today's data, the record gives the same hash."
          : `Rebuilt from today's data, the record gives another hash: ${d.changes.join(" ")}`,
      ),
    ),
  ];
  if (d.drift.length)
    out.push(
      note(`Quality-derived risks have aged since signing (this does not change the record): ${d.drift.join("; ")}.`),
    );
  out.push(keep(0, h3("Rationale"), para(d.rationale)));
  return out;
}
