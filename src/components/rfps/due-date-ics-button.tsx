"use client";

import { dueDateIcs, ICS_CONTENT_TYPE, icsFileName } from "@/server/rfps/ics";
import { Button, type ButtonSize, type ButtonVariant } from "@/components/ui/button";

export type IcsRfp = {
  id: string;
  title: string;
  dueAt: Date;
  /** Grows with every change (the RFP's version), so a newer file moves the calendar entry. */
  version: number;
  cancelled?: boolean;
};

/**
 * "Add to calendar": an .ics file of the due date, made in the browser (nothing to fetch). The
 * event's UID is the RFP's, so importing a later file moves the entry instead of adding one.
 * `path` is the app path of the RFP for the reader (the sponsor's page or the CDMO's inbox).
 */
export function DueDateIcsButton({
  rfp,
  path,
  variant = "secondary",
  size = "sm",
}: {
  rfp: IcsRfp;
  path: string;
  variant?: ButtonVariant;
  size?: ButtonSize;
}) {
  const download = () => {
    const text = dueDateIcs({
      uid: `rfp-${rfp.id}`,
      title: rfp.title,
      description: `Responses to “${rfp.title}” are due. Open the RFP in CDMO Select: ${window.location.origin}${path}`,
      url: `${window.location.origin}${path}`,
      dueAt: rfp.dueAt,
      now: new Date(),
      sequence: rfp.version,
      cancelled: rfp.cancelled,
    });
    const url = URL.createObjectURL(new Blob([text], { type: ICS_CONTENT_TYPE }));
    const a = document.createElement("a");
    a.href = url;
    a.download = icsFileName(rfp.title);
    document.body.appendChild(a);
    a.click();
    a.remove();
    // Revoked after the click has been handled; the download keeps its own copy.
    setTimeout(() => URL.revokeObjectURL(url), 1_000);
  };
  return (
    <Button variant={variant} size={size} onClick={download}>
      Add due date to calendar (.ics)
    </Button>
  );
}
