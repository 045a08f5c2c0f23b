"use client";

import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/trpc/react";
import { errorMessage } from "../forms/server-errors";
import { Label } from "../ui/label";
import { Input } from "../ui/input";
import { cn } from "../ui/cn";
import { countryName } from "../vendors/options";

/**
 * A combobox over the directory (platform CDMOs and the sponsor's own records): type to search,
 * arrow keys to choose, Enter to add to the long list. Vendors already on the board are shown as
 * such and cannot be chosen again.
 */
export function AddVendor({
  orgSlug,
  programmeId,
  onBoard,
  onAdded,
}: {
  orgSlug: string;
  programmeId: string;
  onBoard: ReadonlySet<string>;
  onAdded: () => void;
}) {
  const trpc = useTRPC();
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState("");
  const [q, setQ] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const t = setTimeout(() => setQ(text.trim()), 250);
    return () => clearTimeout(t);
  }, [text]);
  const results = useQuery({
    ...trpc.vendors.directory.queryOptions({ orgSlug, q: q || undefined, pageSize: 10, sort: "name" }),
    enabled: open,
    placeholderData: keepPreviousData,
  });
  const items = results.data?.items ?? [];
  const add = useMutation(
    trpc.shortlist.add.mutationOptions({
      onSuccess: (_r, v) => {
        const name = items.find((i) => i.id === v.vendorId)?.name ?? "The vendor";
        toast.success(`${name} is on the long list.`);
        setText("");
        setOpen(false);
        onAdded();
      },
      onError: (err) => toast.error(errorMessage(err)),
    }),
  );
  const choose = (i: number) => {
    const v = items[i];
    if (!v || onBoard.has(v.id) || add.isPending) return;
    add.mutate({ orgSlug, programmeId, vendorId: v.id });
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!open) return setOpen(true);
      const n = items.length;
      if (n) setActive((a) => (a + (e.key === "ArrowDown" ? 1 : n - 1)) % n);
    } else if (e.key === "Enter" && open) {
      e.preventDefault();
      choose(active);
    } else if (e.key === "Escape") {
      setOpen(false);
    }
  };
  const optionId = (i: number) => `${id}-opt-${i}`;
  const expanded = open && text.length > 0;

  return (
    <div className="relative w-full max-w-md">
      <Label htmlFor={`${id}-input`} className="mb-1 block text-sm font-medium text-ink">
        Add a vendor from the directory
      </Label>
      <Input
        ref={inputRef}
        id={`${id}-input`}
        role="combobox"
        type="text"
        autoComplete="off"
        placeholder="Search by name, city or capability"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && items[active] ? optionId(active) : undefined}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => text && setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Directory vendors"
        hidden={!expanded}
        className="absolute z-30 mt-1 max-h-72 w-full overflow-y-auto rounded-md border border-line bg-surface p-1 shadow-lg"
      >
        {results.isPending ? (
          <li role="option" aria-selected={false} aria-disabled className="px-2.5 py-2 text-sm text-ink-muted">
            Searching…
          </li>
        ) : items.length === 0 ? (
          <li role="option" aria-selected={false} aria-disabled className="px-2.5 py-2 text-sm text-ink-muted">
            No vendor in the directory matches “{q}”.
          </li>
        ) : (
          items.map((v, i) => {
            const already = onBoard.has(v.id);
            return (
              <li
                key={v.id}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                aria-disabled={already || undefined}
                onMouseDown={(e) => e.preventDefault()}
                onMouseEnter={() => setActive(i)}
                onClick={() => choose(i)}
                className={cn(
                  "flex cursor-pointer items-center justify-between gap-3 rounded px-2.5 py-2 text-sm",
                  i === active && "bg-brand-50 text-brand-900",
                  already && "cursor-default opacity-70",
                )}
              >
                <span className="min-w-0">
                  <span className="block truncate font-medium">{v.name}</span>
                  <span className="block text-xs text-ink-muted">
                    {v.kind === "PLATFORM" ? "Platform CDMO" : "Your record"}
                    {v.hqCountry ? ` · ${countryName(v.hqCountry)}` : ""}
                  </span>
                </span>
                <span className="shrink-0 text-xs font-medium text-ink-muted">{already ? "On the board" : "Add"}</span>
              </li>
            );
          })
        )}
      </ul>
      <p aria-live="polite" className="sr-only">
        {expanded && !results.isPending
          ? `${items.length} ${items.length === 1 ? "vendor matches" : "vendors match"}. Use the arrow keys and Enter to add one.`
          : ""}
      </p>
    </div>
  );
}
