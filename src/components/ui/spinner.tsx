import { cn } from "./cn";

/** Decorative spinner; the surrounding text or aria-busy tells assistive tech what is happening. */
export function Spinner({ size = "md", className }: { size?: "sm" | "md" | "lg"; className?: string }) {
  const dim = size === "sm" ? "size-4" : size === "lg" ? "size-8" : "size-5";
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className={cn("animate-spin", dim, className)} fill="none">
      <circle cx="12" cy="12" r="10" stroke="currentColor" strokeOpacity="0.25" strokeWidth="3" />
      <path d="M22 12a10 10 0 0 0-10-10" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}

export function LoadingBlock({ label = "Loading…" }: { label?: string }) {
  return (
    <div role="status" className="flex items-center gap-3 p-8 text-ink-muted">
      <Spinner />
      <span>{label}</span>
    </div>
  );
}
