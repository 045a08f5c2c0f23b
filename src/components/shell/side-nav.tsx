"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { usePathname } from "next/navigation";
import { cn } from "../ui/cn";

/** `icon` is an element rendered on the server (ui/icon.tsx), so the nav ships no icon code. */
export type NavItem = { href: string; label: string; exact?: boolean; icon?: ReactNode };

/** Primary navigation; the active entry carries aria-current="page". */
export function SideNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="md:py-3">
      <ul className="flex gap-0.5 overflow-x-auto px-3 py-2 md:flex-col md:overflow-visible md:px-3 md:py-0">
        {items.map((item) => {
          const active = item.exact
            ? pathname === item.href
            : pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm font-medium whitespace-nowrap transition-colors",
                  active
                    ? "bg-brand-50 text-brand-800 [&_svg]:text-brand-700"
                    : "text-ink-muted hover:bg-canvas hover:text-ink [&_svg]:text-ink-muted/80",
                )}
              >
                {item.icon}
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
