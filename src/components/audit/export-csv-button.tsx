"use client";

import { format } from "date-fns";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { useTRPCClient } from "@/trpc/react";
import { Button } from "../ui/button";
import { errorMessage } from "../forms/server-errors";
import { toApiFilter, type AuditFilterValues } from "./filters";

/** Downloads the filtered trail as audit-<slug>-<date>.csv. */
export function ExportCsvButton({ orgSlug, filters }: { orgSlug: string; filters: AuditFilterValues }) {
  const client = useTRPCClient();
  const [pending, setPending] = useState(false);

  const run = async () => {
    setPending(true);
    try {
      const res = await client.audit.exportCsv.query({ orgSlug, ...toApiFilter(filters) });
      const blob = new Blob([res.csv], { type: "text/csv;charset=utf-8" });
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = `audit-${orgSlug}-${format(new Date(), "yyyy-MM-dd")}.csv`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      if (res.truncated)
        toast.warning(`Exported the newest ${res.rows} events; narrow the filters to export the rest.`);
      else toast.success(`Exported ${res.rows} event${res.rows === 1 ? "" : "s"}.`);
    } catch (err) {
      toast.error(errorMessage(err));
    } finally {
      setPending(false);
    }
  };

  return (
    <Button variant="secondary" pending={pending} onClick={() => void run()}>
      {pending ? "Exporting…" : "Export CSV"}
    </Button>
  );
}
