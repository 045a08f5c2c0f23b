"use client";

import { signOut } from "./sign-out";
import { useState } from "react";
import { Button } from "../ui/button";

export function SignOutButton({
  callbackUrl = "/login",
  label = "Sign out",
}: {
  callbackUrl?: string;
  label?: string;
}) {
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="secondary"
      className="w-full"
      pending={pending}
      onClick={() => {
        setPending(true);
        void signOut(callbackUrl);
      }}
    >
      {label}
    </Button>
  );
}
