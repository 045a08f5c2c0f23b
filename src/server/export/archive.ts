import { Readable } from "node:stream";
import archiver from "archiver";
import Papa from "papaparse";
import { CSV_FORMULA } from "@/lib/csv-formula";
import type { TenantDb } from "../db/tenant";
import type { FileConfig } from "../files/config";
import { openBytes, readChunk } from "../files/store";
import { readReceivedPage, RECEIVED_FILE, type SealMemo } from "./received";
import { PAGE_SIZE, readPage, tablesFor, type ExportFormat, type Row, type TableSpec } from "./tables";

// The export as one streamed ZIP (archiver): every entry is a lazy stream that reads its first
// page only when the archive reaches it, one entry after another, so memory holds one page of
// rows or one file chunk at a time however large the organisation is. Each page is read in a
// short transaction of its own (like a file download's chunks): a slow client never holds one
// open, at the price of the files not being one snapshot (a row written during the export may
// show in a later file and not an earlier one; manifest.json says when the export began).

export const SCHEMA_VERSION = 1;

export type ExportOrg = { id: string; slug: string; name: string; kind: "SPONSOR" | "CDMO" };
export type Exporter = { id: string; email: string; name: string; role: string };
/** Runs `fn` in a fresh short transaction as the exporting member. */
export type RunAsMember = <T>(fn: (db: TenantDb) => Promise<T>) => Promise<T>;

type Page = (after: string | null) => Promise<Row[]>;

async function* pages(read: Page): AsyncGenerator<Row[]> {
  let after: string | null = null;
  for (;;) {
    const rows = await read(after);
    if (rows.length) yield rows;
    if (rows.length === 0 || typeof rows.at(-1)!.id !== "string") return;
    after = rows.at(-1)!.id as string;
    if (rows.length < PAGE_SIZE) return;
  }
}

const cell = (v: unknown): unknown =>
  v instanceof Date
    ? v.toISOString()
    : Array.isArray(v)
      ? v.join("; ")
      : v && typeof v === "object"
        ? JSON.stringify(v)
        : v;

/** A table's rows as CSV (header from the first row; none at all for an empty table) or a JSON array. */
async function* encode(format: ExportFormat, read: Page, count: (n: number) => void): AsyncGenerator<string> {
  let fields: string[] | null = null;
  let first = true;
  if (format === "json") yield "[";
  for await (const rows of pages(read)) {
    count(rows.length);
    if (format === "json") {
      yield rows.map((r) => (first ? ((first = false), "\n") : ",\n") + JSON.stringify(r)).join("");
      continue;
    }
    const header = !fields;
    fields ??= Object.keys(rows[0]!);
    const data = rows.map((r) => fields!.map((f) => cell(r[f])));
    yield Papa.unparse({ fields, data }, { header, escapeFormulae: CSV_FORMULA, newline: "\r\n" }) + "\r\n";
  }
  if (format === "json") yield first ? "]\n" : "\n]\n";
}

/** `files/<id>-<name>`: the id keeps two files of the same name apart; no separators survive. */
export const fileEntryName = (id: string, name: string) =>
  `files/${id}-${name.replace(/[\\/\p{Cc}]/gu, "_").replace(/^\.+/, "_")}`;

export function buildExportArchive(opts: {
  org: ExportOrg;
  exporter: Exporter;
  startedAt: Date;
  config: FileConfig;
  run: RunAsMember;
  signal?: AbortSignal;
}): ReadableStream<Uint8Array> {
  const { org, run, config, startedAt } = opts;
  const archive = archiver("zip", { zlib: { level: 6 } });
  const counts: Record<string, number> = {};
  const missing: string[] = [];
  let fileCount = 0;
  let fileBytes = 0;
  // Entries queued and entries written: the file list is read a page at a time and the next page
  // only once the archive has caught up, so an organisation with 100,000 files never holds
  // 100,000 queued entries.
  let appended = 0;
  let written = 0;
  let wake: (() => void) | null = null;
  const caughtUp = () => (written >= appended ? Promise.resolve() : new Promise<void>((r) => (wake = r)));
  archive.on("entry", () => {
    if (++written >= appended) wake?.();
  });
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    archive.abort();
    wake?.();
  };
  const lazy = (name: string, gen: () => AsyncGenerator<string | Uint8Array>) => {
    appended++;
    archive.append(Readable.from(gen(), { objectMode: false }), { name, date: startedAt });
  };
  const table = (name: string, format: ExportFormat, read: Page) => {
    counts[name] = 0;
    lazy(name, () => encode(format, read, (n) => (counts[name]! += n)));
  };

  for (const spec of tablesFor(org.kind))
    table(`${spec.file}.${spec.format}`, spec.format, (after) => run((db) => readPage(db, org.id, spec, after)));
  if (org.kind === "SPONSOR") {
    const seals: SealMemo = new Map();
    table(`${RECEIVED_FILE}.json`, "json", (after) =>
      run((db) => readReceivedPage(db, org.id, after, seals, startedAt)),
    );
  }

  const filesSpec = tablesFor(org.kind).find((t) => t.model === "storedFile") as TableSpec;
  const addFiles = async () => {
    for await (const rows of pages((after) => run((db) => readPage(db, org.id, filesSpec, after)))) {
      for (const f of rows) {
        if (stopped) return;
        if (f.deletedAt) continue; // removed files keep their row in files.csv; their bytes do not go out
        const file = {
          id: f.id as string,
          organizationId: org.id,
          size: f.size as number,
          storage: f.storage as string,
        };
        lazy(fileEntryName(file.id, f.fileName as string), async function* () {
          const body = await openBytes(file, config, (seq) => run((db) => readChunk(db, file.id, seq)));
          if (!body) return void missing.push(file.id);
          fileCount++;
          fileBytes += file.size;
          for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) yield chunk;
        });
      }
      await caughtUp();
    }
    if (stopped) return;
    lazy("manifest.json", async function* () {
      yield JSON.stringify(manifest(), null, 2) + "\n";
    });
    await archive.finalize();
  };

  const manifest = () => ({
    schemaVersion: SCHEMA_VERSION,
    organisation: org,
    exportedAt: startedAt.toISOString(),
    exporter: opts.exporter,
    files: Object.entries(counts).map(([name, rows]) => ({ name, rows })),
    uploadedFiles: { count: fileCount, bytes: fileBytes, missing },
    notIncluded: [
      "Secrets: password hashes, sessions, invitation and reset tokens.",
      "Other organisations' rows: platform profiles of other CDMOs, RFPs you were invited to, other invitees.",
      ...(org.kind === "SPONSOR"
        ? ["Answers of responses whose sealed bids have not opened (responses-received.json marks them sealed)."]
        : []),
      "Files that were removed, and the bytes of files other organisations shared with you.",
    ],
  });

  opts.signal?.addEventListener("abort", stop, { once: true });
  // A cancelled download (the client went away) is not a failure: nothing more is read or logged.
  archive.on("error", (e) => stopped || console.error(`The export of ${org.slug} failed:`, e));
  addFiles().catch((e: unknown) => stopped || archive.emit("error", e));
  return toWeb(archive, stop);
}

/**
 * The archive as a web stream for the Response, pulling only as fast as the client reads. Not
 * Readable.toWeb: archiver's streams are readable-stream's, which keep emitting after a cancel,
 * and the adapter then throws into the process; here a cancelled download aborts the archive
 * (no further entry is read) and anything it still emits is dropped.
 */
function toWeb(archive: archiver.Archiver, stop: () => void): ReadableStream<Uint8Array> {
  let done = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        archive.on("data", (chunk: Buffer) => {
          if (done) return;
          controller.enqueue(new Uint8Array(chunk));
          if ((controller.desiredSize ?? 0) <= 0) archive.pause();
        });
        archive.on("end", () => {
          if (!done) controller.close();
          done = true;
        });
        archive.on("error", (e) => {
          if (!done) controller.error(e);
          done = true;
        });
        archive.pause();
      },
      pull() {
        archive.resume();
      },
      cancel() {
        done = true;
        stop();
      },
    },
    { highWaterMark: 8 },
  );
}
