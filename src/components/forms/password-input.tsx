"use client";

import { useState, type ComponentProps } from "react";
import { Input } from "../ui/input";

/** A password input with a show/hide toggle (the toggle is a separate, labelled button). */
export function PasswordInput(props: ComponentProps<"input">) {
  const [shown, setShown] = useState(false);
  return (
    <div className="relative">
      <Input {...props} type={shown ? "text" : "password"} className="pr-16" />
      <button
        type="button"
        onClick={() => setShown((s) => !s)}
        aria-pressed={shown}
        className="absolute inset-y-0 right-0 my-1 mr-1 rounded px-2 text-xs font-medium text-brand-700 hover:bg-brand-50"
      >
        {shown ? "Hide" : "Show"}
        <span className="sr-only"> password</span>
      </button>
    </div>
  );
}
