import type { ReactNode } from "react";
import { cn } from "./cn";

type Tone = "info" | "success" | "danger" | "warning";
const tones: Record<Tone, string> = {
  info: "border-brand-200 bg-brand-50 text-brand-900",
  success: "border-success-700/30 bg-success-50 text-success-700",
  danger: "border-danger-600/30 bg-danger-50 text-danger-700",
  warning: "border-warning-800/30 bg-warning-50 text-warning-800",
};

/** An inline notice. Danger notices are announced (role="alert"), others politely (role="status"). */
export function Alert({
  tone = "info",
  title,
  children,
  className,
}: {
  tone?: Tone;
  title?: ReactNode;
  children?: ReactNode;
  className?: string;
}) {
  return (
    <div
      role={tone === "danger" ? "alert" : "status"}
      className={cn("rounded-md border px-4 py-3 text-sm", tones[tone], className)}
    >
      {title ? <p className="font-semibold">{title}</p> : null}
      {children ? <div className={title ? "mt-1" : undefined}>{children}</div> : null}
    </div>
  );
}
