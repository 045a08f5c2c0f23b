// The kinds of file the product accepts, as people call them. Browser-safe (no Node modules):
// the upload component builds its `accept` attribute and its messages from this table, and the
// server's content check (sniff.ts) decides with the same names.
import { FILE_TYPES, type FileType } from "../rfps/content-model";

export type FileKind = FileType;
export { FILE_TYPES as FILE_KINDS };

export const FILE_KIND_INFO: Record<FileKind, { label: string; noun: string; mime: string; extensions: string[] }> = {
  pdf: { label: "PDF", noun: "a PDF document", mime: "application/pdf", extensions: ["pdf"] },
  docx: {
    label: "Word",
    noun: "a Word document",
    mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extensions: ["docx"],
  },
  xlsx: {
    label: "Excel",
    noun: "an Excel workbook",
    mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    extensions: ["xlsx"],
  },
  csv: { label: "CSV", noun: "a CSV file", mime: "text/csv; charset=utf-8", extensions: ["csv"] },
  txt: { label: "text", noun: "a text file", mime: "text/plain; charset=utf-8", extensions: ["txt"] },
  png: { label: "PNG", noun: "a PNG image", mime: "image/png", extensions: ["png"] },
  jpg: { label: "JPEG", noun: "a JPEG image", mime: "image/jpeg", extensions: ["jpg", "jpeg"] },
};

/** "PDF, Word and Excel" — a list of kinds in the product's words. */
export function kindList(kinds: readonly FileKind[]): string {
  const names = kinds.map((k) => FILE_KIND_INFO[k].label);
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** The kind a file name claims by its extension ("Report.JPEG" -> jpg), or null. */
export function kindOfName(name: string): FileKind | null {
  const dot = name.lastIndexOf(".");
  if (dot < 0) return null;
  const ext = name.slice(dot + 1).toLowerCase();
  return FILE_TYPES.find((k) => FILE_KIND_INFO[k].extensions.includes(ext)) ?? null;
}

/** The `accept` attribute of a file input for these kinds (extensions and MIME types). */
export function acceptAttribute(kinds: readonly FileKind[] = FILE_TYPES): string {
  return kinds
    .flatMap((k) => [...FILE_KIND_INFO[k].extensions.map((e) => `.${e}`), FILE_KIND_INFO[k].mime.split(";")[0]!])
    .join(",");
}

/** Bytes as people read them: "812 KB", "25 MB". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  const mb = n / 1024 / 1024;
  return `${mb >= 10 || Number.isInteger(mb) ? Math.round(mb) : mb.toFixed(1)} MB`;
}

/** Longest file name kept (characters). */
export const MAX_FILE_NAME = 200;

/** The header every upload sends: a cross-site form cannot set it, so no other site can upload as the user. */
export const UPLOAD_HEADER = "x-cdmo-upload";

export type UploadTargetParams =
  { purpose: "RFP_ATTACHMENT"; rfpId: string } | { purpose: "RESPONSE_ANSWER"; responseId: string; questionId: string };

/** Where to POST a file's bytes (src/app/api/files/route.ts). */
export function uploadUrl(orgSlug: string, target: UploadTargetParams, name: string): string {
  return `/api/files?${new URLSearchParams({ orgSlug, ...target, name })}`;
}

/** Where a file downloads, for a reader acting in `orgSlug`. */
export function downloadUrl(orgSlug: string, fileId: string): string {
  return `/api/files/${encodeURIComponent(fileId)}?${new URLSearchParams({ orgSlug })}`;
}
