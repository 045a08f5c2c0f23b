"use client";

import { dueDateIcs, ICS_CONTENT_TYPE, icsFileName } from "@/server/rfps/ics";
import { Button } from "../ui/button";

/** "Add to calendar": an .ics file of the due date, made in the browser from what the page shows. */
export function IcsButton({
  rfpId,
  title,
  sponsorName,
  dueAt,
  version,
  path,
}: {
  rfpId: string;
  title: string;
  sponsorName: string;
  dueAt: Date | string;
  version: number;
  /** The RFP's page in this organisation, made absolute here. */
  path: string;
}) {
  const download = () => {
    const text = dueDateIcs({
      uid: `rfp-${rfpId}`,
      title,
      description: `Response due to ${sponsorName} on CDMO Select.`,
      url: `${window.location.origin}${path}`,
      dueAt: new Date(dueAt),
      now: new Date(),
      sequence: version,
    });
    const url = URL.createObjectURL(new Blob([text], { type: ICS_CONTENT_TYPE }));
    const a = document.createElement("a");
    a.href = url;
    a.download = icsFileName(title);
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <Button variant="secondary" size="sm" onClick={download}>
      Add to calendar (.ics)
    </Button>
  );
}
