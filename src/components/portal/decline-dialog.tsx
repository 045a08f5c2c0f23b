"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { Button } from "../ui/button";

// The dialog (its form library and the schema) loads when the button is pressed, not with the page.
const loadBody = () => import("./decline-dialog-body");
const DeclineDialogBody = dynamic(() => loadBody().then((m) => m.DeclineDialogBody), { ssr: false });

/** Decline the invitation with a reason the sponsor reads (they are told at once). */
export function DeclineDialog(props: { orgSlug: string; rfpId: string; sponsorName: string }) {
  const [open, setOpen] = useState(false);
  const [used, setUsed] = useState(false);
  return (
    <>
      <Button
        variant="ghost"
        size="sm"
        aria-haspopup="dialog"
        onPointerEnter={() => void loadBody()}
        onFocus={() => void loadBody()}
        onClick={() => {
          setUsed(true);
          setOpen(true);
        }}
      >
        Decline invitation
      </Button>
      {used ? <DeclineDialogBody {...props} open={open} setOpen={setOpen} /> : null}
    </>
  );
}
