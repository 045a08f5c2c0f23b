"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { can } from "@/server/auth/permissions";
import { SEARCH_MAX } from "@/server/validation/text";
import { useTRPC } from "@/trpc/react";
import { Button, ButtonLink } from "../ui/button";
import { Card } from "../ui/card";
import { EmptyState } from "../ui/empty-state";
import { ErrorState } from "../ui/error-state";
import { Field } from "../ui/field";
import { Input, Select } from "../ui/input";
import { TableSkeleton } from "../ui/skeleton";
import { errorMessage } from "../forms/server-errors";
import { DirectoryFilters } from "./directory-filters";
import {
  activeFilterCount,
  PAGE_SIZES,
  toDirectoryInput,
  toSearchParams,
  type DirectoryState,
} from "./directory-params";
import { ColumnPicker, useDirectoryColumns } from "./column-picker";
import { MAX_COMPARE, type Selection } from "./directory-columns";
import { SavedFilters } from "./saved-filters";
import type { VendorViewer } from "./types";
import { useDebouncedField, useDirectoryUrl } from "./use-directory-url";

// The rows' cells (and TanStack Table under them) arrive with the first rows, not with the page.
const DirectoryTable = dynamic(() => import("./directory-table"), {
  loading: () => <TableSkeleton label="vendors" rows={12} />,
});

/** The sponsor's vendor directory: search, filters, sort and paging all in the URL. */
export function VendorDirectory({ viewer }: { viewer: VendorViewer }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { state, update, navigate } = useDirectoryUrl();
  const [search, setSearch] = useDebouncedField(state.q, (q) => update({ q }, "replace"));
  const [selection, setSelection] = useState<Selection>(() => new Map());
  const [columns, setColumns] = useDirectoryColumns();
  const result = useQuery({
    ...trpc.vendors.directory.queryOptions(toDirectoryInput(viewer.orgSlug, state)),
    placeholderData: keepPreviousData,
  });
  const canWrite = can(viewer, "vendor.createPrivate");
  const base = `/${viewer.orgSlug}/vendors`;

  const toggle = (v: { id: string; name: string }, on: boolean) =>
    setSelection((prev) => {
      const next = new Map(prev);
      if (on && next.size < MAX_COMPARE) next.set(v.id, v.name);
      else next.delete(v.id);
      return next;
    });

  const data = result.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const applySaved = (s: DirectoryState) => navigate(s);
  const filters = activeFilterCount(state);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-x-3 gap-y-2">
        <Field
          // The field says what it is; a visible label above it would cost a row of vendors.
          label={<span className="sr-only">Search vendors</span>}
          className="w-full max-w-md"
          description={search.length >= SEARCH_MAX ? `Searches use the first ${SEARCH_MAX} characters.` : undefined}
        >
          <Input
            type="search"
            value={search}
            maxLength={SEARCH_MAX}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="Search vendors: name, city, FEI number…"
          />
        </Field>
        <div className="flex flex-wrap gap-2">
          <Button
            variant="primary"
            disabled={selection.size === 0}
            aria-describedby="compare-hint"
            onClick={() => router.push(`${base}/compare?ids=${[...selection.keys()].join(",")}`)}
          >
            Compare{selection.size ? ` (${selection.size})` : ""}
          </Button>
          <ColumnPicker visible={columns} onChange={setColumns} />
        </div>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-x-6 gap-y-2">
        <SavedFilters orgSlug={viewer.orgSlug} state={state} onApply={applySaved} />
        <p id="compare-hint" className="text-xs text-ink-muted" aria-live="polite">
          {selection.size === 0
            ? `Tick up to ${MAX_COMPARE} vendors to compare them side by side.`
            : `${selection.size} of ${MAX_COMPARE} selected: ${[...selection.values()].join(", ")}.`}
          {selection.size ? (
            <button type="button" className="ml-2 text-brand-700 underline" onClick={() => setSelection(new Map())}>
              Clear selection
            </button>
          ) : null}
        </p>
      </div>

      <div className="grid gap-4 lg:grid-cols-[14rem_minmax(0,1fr)]">
        <Card className="h-fit p-4">
          <h2 className="mb-3 text-sm font-semibold text-ink">Filters{filters ? ` (${filters} active)` : ""}</h2>
          <DirectoryFilters orgSlug={viewer.orgSlug} state={state} update={update} />
        </Card>
        <Card className="min-w-0 self-start" aria-busy={result.isFetching}>
          {result.isPending ? (
            <TableSkeleton label="vendors" rows={12} />
          ) : result.isError && !data ? (
            <ErrorState
              title="The directory could not be loaded"
              message={errorMessage(result.error)}
              onRetry={() => void result.refetch()}
            />
          ) : data && data.items.length === 0 && data.total > 0 ? (
            // A page past the end (an old link, a hand-edited URL): the vendors are there, on earlier pages.
            <EmptyState
              title={`Page ${data.page} is past the end`}
              description={`${data.total} vendor${data.total === 1 ? "" : "s"} match, on ${pages} page${pages === 1 ? "" : "s"}.`}
              action={
                <ButtonLink
                  href={[base, toSearchParams({ ...state, page: pages }).toString()].filter(Boolean).join("?")}
                  variant="secondary"
                  size="sm"
                >
                  Go to page {pages}
                </ButtonLink>
              }
            />
          ) : !data || data.items.length === 0 ? (
            <EmptyState
              title="No vendors match"
              description={
                filters || state.q
                  ? "Try fewer filters or a shorter search."
                  : "There are no vendors in the directory yet."
              }
              action={
                canWrite ? (
                  <ButtonLink href={`${base}/new`} variant="secondary" size="sm">
                    Add a private vendor record
                  </ButtonLink>
                ) : undefined
              }
            />
          ) : (
            <>
              <p className="sr-only" role="status">
                {data.total} vendor{data.total === 1 ? "" : "s"} found
              </p>
              <DirectoryTable
                orgSlug={viewer.orgSlug}
                items={data.items}
                state={state}
                visible={columns}
                onSort={(sort, dir) => update({ sort, dir })}
                selection={selection}
                onToggle={toggle}
              />
              <nav
                aria-label="Pagination"
                className="flex flex-wrap items-center justify-between gap-3 border-t border-line px-4 py-2 text-sm"
              >
                <span className="text-ink-muted">
                  {data.total} vendor{data.total === 1 ? "" : "s"} · Page {data.page} of {pages}
                </span>
                <div className="flex items-center gap-2">
                  <label className="flex items-center gap-2 whitespace-nowrap text-ink-muted">
                    Per page
                    <Select
                      className="h-8 w-20"
                      value={state.pageSize}
                      onChange={(e) => update({ pageSize: Number(e.target.value) })}
                    >
                      {PAGE_SIZES.map((n) => (
                        <option key={n} value={n}>
                          {n}
                        </option>
                      ))}
                    </Select>
                  </label>
                  <Button
                    variant="secondary"
                    size="sm"
                    disabled={data.page <= 1}
                    onClick={() => update({ page: data.page - 1 })}
                  >
                    Previous
                  </Button>
                  <Button
                    variant="secondary"
                    size="sm"
                    disabled={data.page >= pages}
                    onClick={() => update({ page: data.page + 1 })}
                  >
                    Next
                  </Button>
                </div>
              </nav>
            </>
          )}
        </Card>
      </div>
    </div>
  );
}
