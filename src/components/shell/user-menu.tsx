"use client";

import { signOut } from "./sign-out";
import Link from "next/link";
import { DropdownMenu, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator } from "../ui/dropdown-menu";

function initials(name: string, email: string) {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const s = parts.length ? parts.slice(0, 2).map((p) => p[0]) : [email[0]];
  return s.join("").toUpperCase();
}

export function UserMenu({ user }: { user: { name: string | null; email: string } }) {
  const name = user.name ?? user.email;
  return (
    <DropdownMenu
      label="User menu"
      trigger={
        <button
          type="button"
          aria-label="User menu"
          className="inline-flex size-9 items-center justify-center rounded-full bg-brand-700 text-sm font-semibold text-white hover:bg-brand-800"
        >
          <span aria-hidden="true">{initials(name, user.email)}</span>
        </button>
      }
    >
      <DropdownMenuLabel className="normal-case tracking-normal">
        <span className="block text-sm font-semibold text-ink">{name}</span>
        <span className="block text-xs font-normal break-all text-ink-muted">{user.email}</span>
      </DropdownMenuLabel>
      <DropdownMenuSeparator />
      <DropdownMenuItem asChild>
        <Link href="/account">Account</Link>
      </DropdownMenuItem>
      <DropdownMenuItem onSelect={() => void signOut("/login")}>Sign out</DropdownMenuItem>
    </DropdownMenu>
  );
}
