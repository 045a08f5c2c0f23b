"use client";

import Link from "next/link";
import { Badge } from "../ui/badge";
import { DropdownMenu, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator } from "../ui/dropdown-menu";
import { kindLabel } from "./labels";

export type OrgOption = { slug: string; name: string; kind: string; role: string };

export function OrgSwitcher({
  current,
  organizations,
}: {
  current: { slug: string; name: string; kind: string };
  organizations: OrgOption[];
}) {
  return (
    <DropdownMenu
      align="start"
      label="Organisations"
      trigger={
        <button
          type="button"
          className="inline-flex max-w-[20rem] items-center gap-2 rounded-md border border-line bg-surface px-3 py-1.5 text-sm font-medium text-ink shadow-sm hover:bg-canvas"
        >
          <span className="sr-only">Switch organisation. Current:</span>
          <span className="truncate">{current.name}</span>
          <Badge tone={current.kind === "CDMO" ? "warning" : "brand"}>{kindLabel(current.kind)}</Badge>
          <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 text-ink-muted" fill="currentColor">
            <path
              d="M5.5 7.5 10 12l4.5-4.5"
              stroke="currentColor"
              strokeWidth="1.6"
              fill="none"
              strokeLinecap="round"
            />
          </svg>
        </button>
      }
    >
      <DropdownMenuLabel>Your organisations</DropdownMenuLabel>
      {organizations.map((o) => (
        <DropdownMenuItem key={o.slug} asChild>
          <Link href={`/${o.slug}`} aria-current={o.slug === current.slug ? "true" : undefined}>
            <span className="flex-1 truncate">
              {o.name}
              {o.slug === current.slug ? <span className="sr-only"> (current)</span> : null}
            </span>
            <Badge tone={o.kind === "CDMO" ? "warning" : "brand"}>{kindLabel(o.kind)}</Badge>
          </Link>
        </DropdownMenuItem>
      ))}
      <DropdownMenuSeparator />
      <DropdownMenuItem asChild>
        <Link href="/orgs/new">+ New organisation</Link>
      </DropdownMenuItem>
    </DropdownMenu>
  );
}
