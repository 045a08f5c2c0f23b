// Why a response is shown read-only, in the sentence the page puts above it. Pure.
import type { RfpStatus } from "@/server/rfps/lifecycle";

type Rfp = { status: RfpStatus; round: number; acceptsResponses: boolean };
type Response = { round: number; submittedAt: Date | null };

/** The reason, or null when there is nothing to add (a submitted response says so itself). */
export function lockedReason({ rfp }: { rfp: Rfp }, response: Response, canWrite: boolean): string | null {
  if (rfp.status === "CANCELLED")
    return "The sponsor cancelled this RFP: responses can no longer be changed or submitted.";
  if (rfp.status === "AWARDED") return "The sponsor has decided this RFP: responses are closed.";
  if (rfp.status === "CLOSED" || !rfp.acceptsResponses)
    return response.submittedAt
      ? null
      : "The due date has passed: this response can no longer be changed or submitted. It was not submitted.";
  if (response.round < rfp.round)
    return `This is your response to round ${response.round}; the RFP is now in round ${rfp.round}.`;
  if (!canWrite && !response.submittedAt) return "Your role can read this response but not change it.";
  return null;
}
