import Link from "next/link";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Icon, type IconData } from "@/components/ui/icon";
import { icons } from "@/components/ui/icons";

// Building blocks of the overview pages (server components: the icons are HTML only).

export function Stats({ children }: { children: ReactNode }) {
  return <dl className="mb-6 grid grid-cols-2 gap-3 lg:grid-cols-4">{children}</dl>;
}

export function Stat({
  label,
  value,
  hint,
  icon,
  tone = "neutral",
}: {
  label: string;
  value: number | string;
  hint?: ReactNode;
  icon: IconData;
  tone?: "neutral" | "attention";
}) {
  return (
    <div className="rounded-lg border border-line bg-surface px-4 py-3 shadow-sm">
      <dt className="flex items-center gap-2 text-[13px] font-medium text-ink-muted">
        <Icon icon={icon} className={cn("size-4", tone === "attention" ? "text-warning-800" : "text-brand-600")} />
        {label}
      </dt>
      <dd className="mt-1 text-2xl font-semibold tracking-tight text-ink tabular-nums">{value}</dd>
      {hint ? <dd className="mt-0.5 text-xs text-ink-muted">{hint}</dd> : null}
    </div>
  );
}

/** A card with a heading (and its icon) and an optional link to the full page at the right. */
export function Section({
  id,
  title,
  icon,
  count,
  more,
  className,
  children,
}: {
  id: string;
  title: string;
  icon: IconData;
  count?: number;
  more?: { href: string; label: string };
  className?: string;
  children: ReactNode;
}) {
  return (
    <Card aria-labelledby={id} className={cn("overflow-hidden", className)}>
      <div className="flex items-center justify-between gap-3 border-b border-line px-4 py-3">
        <h2 id={id} className="flex items-center gap-2 text-sm font-semibold text-ink">
          <Icon icon={icon} className="text-ink-muted" />
          {title}
          {count !== undefined ? (
            <span className="rounded-full bg-canvas px-1.5 text-xs font-medium text-ink-muted tabular-nums">
              {count}
            </span>
          ) : null}
        </h2>
        {more ? (
          <Link
            href={more.href}
            className="inline-flex items-center gap-1 text-[13px] font-medium text-brand-700 hover:text-brand-900 hover:underline"
          >
            {more.label}
            <Icon icon={icons.arrowRight} className="size-3.5" />
          </Link>
        ) : null}
      </div>
      {children}
    </Card>
  );
}

export function Rows({ label, children }: { label?: string; children: ReactNode }) {
  return (
    <ul aria-label={label} className="divide-y divide-line">
      {children}
    </ul>
  );
}

/** One line of a section: a main link, its context and facts below it, and one detail at the right. */
export function Row({
  href,
  title,
  context,
  meta,
  aside,
}: {
  href: string;
  title: string;
  context?: ReactNode;
  meta?: ReactNode;
  aside?: ReactNode;
}) {
  return (
    <li className="flex flex-col gap-1.5 px-4 py-3 sm:flex-row sm:items-start sm:justify-between sm:gap-6">
      <div className="min-w-0 flex-1">
        <Link href={href} className="text-sm font-medium break-words text-ink hover:text-brand-700 hover:underline">
          {title}
        </Link>
        {context ? <div className="mt-0.5 text-xs text-ink-muted">{context}</div> : null}
        {meta ? (
          <div className="mt-1.5 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-ink-muted">{meta}</div>
        ) : null}
      </div>
      {aside ? (
        <div className="flex shrink-0 flex-wrap items-center gap-2 text-xs text-ink-muted sm:justify-end sm:text-right">
          {aside}
        </div>
      ) : null}
    </li>
  );
}

/** A short message in place of an empty list, with the one thing to do about it. */
export function Quiet({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div className="flex flex-col items-start gap-2 px-4 py-5 text-sm text-ink-muted">
      <p>{children}</p>
      {action}
    </div>
  );
}

export type Step = { title: string; text: string; icon: IconData; action?: ReactNode };

/** What a brand-new organisation does first, in order. */
export function GetStarted({ title, intro, steps }: { title: string; intro: string; steps: Step[] }) {
  return (
    <Card aria-labelledby="get-started" className="mb-6">
      <div className="border-b border-line px-5 py-4">
        <h2 id="get-started" className="flex items-center gap-2 text-base font-semibold text-ink">
          <Icon icon={icons.compass} className="size-5 text-brand-600" />
          {title}
        </h2>
        <p className="mt-1 text-sm text-ink-muted">{intro}</p>
      </div>
      <ol className="grid gap-px bg-line md:grid-cols-3">
        {steps.map((s, i) => (
          <li key={s.title} className="flex flex-col gap-2 bg-surface px-5 py-4">
            <span className="flex items-center gap-2 text-sm font-semibold text-ink">
              <span className="flex size-7 items-center justify-center rounded-full bg-brand-50 text-brand-700">
                <Icon icon={s.icon} className="size-4" />
              </span>
              <span>
                <span className="sr-only">Step {i + 1}: </span>
                {s.title}
              </span>
            </span>
            <p className="text-sm text-ink-muted">{s.text}</p>
            {s.action ? <div className="mt-auto pt-1">{s.action}</div> : null}
          </li>
        ))}
      </ol>
    </Card>
  );
}
