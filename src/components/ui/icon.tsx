import { createElement, type SVGProps } from "react";
import { cn } from "./cn";

/** One icon's drawing: lucide's SVG shapes, [tag, attributes] (icon-paths.ts, generated). */
export type IconData = { name: string; node: readonly (readonly [string, Record<string, string | number>])[] };

/**
 * Draws a lucide icon as plain SVG. Decorative by default (aria-hidden): the text beside it says
 * what it means. Not a client component: on a server-rendered page an icon is HTML only.
 */
export function Icon({
  icon,
  className,
  ...rest
}: { icon: IconData } & Omit<SVGProps<SVGSVGElement>, "children" | "ref">) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      data-icon={icon.name}
      className={cn("size-4 shrink-0", className)}
      {...rest}
    >
      {icon.node.map(([tag, attrs], i) => createElement(tag, { key: i, ...attrs }))}
    </svg>
  );
}
