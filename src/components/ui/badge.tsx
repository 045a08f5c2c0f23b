import type { ReactNode } from "react";
import { cn } from "./cn";

export type BadgeTone = "neutral" | "brand" | "success" | "warning" | "danger";
const tones: Record<BadgeTone, string> = {
  neutral: "bg-canvas text-ink-muted border-line",
  brand: "bg-brand-50 text-brand-800 border-brand-200",
  success: "bg-success-50 text-success-700 border-success-700/30",
  warning: "bg-warning-50 text-warning-800 border-warning-800/30",
  danger: "bg-danger-50 text-danger-700 border-danger-600/30",
};

export function Badge({
  tone = "neutral",
  children,
  className,
}: {
  tone?: BadgeTone;
  children: ReactNode;
  className?: string;
}) {
  return (
    <span
      className={cn(
        "inline-flex shrink-0 items-center whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium",
        tones[tone],
        className,
      )}
    >
      {children}
    </span>
  );
}
