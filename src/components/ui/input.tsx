import type { ComponentProps } from "react";
import { cn } from "./cn";

const control =
  "block w-full rounded-md border bg-surface px-3 text-sm text-ink shadow-sm placeholder:text-ink-muted disabled:bg-canvas disabled:opacity-70";
const ok = "border-line-strong";
const bad = "border-danger-600";

export function Input({ className, ...rest }: ComponentProps<"input">) {
  const invalid = rest["aria-invalid"] === true || rest["aria-invalid"] === "true";
  return <input className={cn(control, "h-10", invalid ? bad : ok, className)} {...rest} />;
}

export function Select({ className, ...rest }: ComponentProps<"select">) {
  const invalid = rest["aria-invalid"] === true || rest["aria-invalid"] === "true";
  return <select className={cn(control, "h-10 pr-8", invalid ? bad : ok, className)} {...rest} />;
}

/** Multi-line text with the same border, invalid state and focus as the other controls. */
export function Textarea({ className, ...rest }: ComponentProps<"textarea">) {
  const invalid = rest["aria-invalid"] === true || rest["aria-invalid"] === "true";
  return <textarea className={cn(control, "py-2", invalid ? bad : ok, className)} {...rest} />;
}
