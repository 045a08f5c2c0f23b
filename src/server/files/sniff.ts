// What a file is, decided by its bytes, never by its name or the browser's Content-Type.
// The upload is spooled to a temporary file first, so the check reads it with random access:
// magic numbers for PDF, PNG and JPEG; for Word and Excel the ZIP central directory, then the
// package's [Content_Types].xml (inflated with a hard output cap); CSV and text must be UTF-8
// without NUL or other control characters. Anything else is refused.
import { inflateRawSync } from "node:zlib";
import type { FileKind } from "./kinds";

/** Random access to the bytes being checked (a spooled upload, or a buffer in tests). */
export type ByteReader = { size: number; read(offset: number, length: number): Promise<Uint8Array> };

export function bufferReader(bytes: Uint8Array): ByteReader {
  return {
    size: bytes.length,
    read: async (offset, length) => bytes.subarray(offset, Math.min(bytes.length, offset + length)),
  };
}

/** What the content is: one of the accepted kinds, "text" (csv or txt, by name), or why not. */
export type Sniffed =
  | { ok: true; kind: Exclude<FileKind, "csv" | "txt"> | "text" }
  | { ok: false; reason: "empty" | "unknown" | "macros" | "encrypted" };

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const startsWith = (b: Uint8Array, sig: number[]) => sig.every((v, i) => b[i] === v);

export async function sniff(r: ByteReader): Promise<Sniffed> {
  if (r.size === 0) return { ok: false, reason: "empty" };
  const head = await r.read(0, 16);
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { ok: true, kind: "pdf" }; // %PDF-
  if (startsWith(head, PNG)) return { ok: true, kind: "png" };
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { ok: true, kind: "jpg" };
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return officePackage(r);
  return (await isPlainText(r)) ? { ok: true, kind: "text" } : { ok: false, reason: "unknown" };
}

const TEXT_BLOCK = 64 * 1024;

/** UTF-8 (a BOM is fine) with no NUL and no control characters but tab, line feed, form feed and carriage return. */
export async function isPlainText(r: ByteReader): Promise<boolean> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    for (let at = 0; at < r.size; at += TEXT_BLOCK) {
      const block = await r.read(at, TEXT_BLOCK);
      for (const b of block) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) return false;
      decoder.decode(block, { stream: true });
    }
    decoder.decode();
    return true;
  } catch {
    return false; // not UTF-8
  }
}

// ---- ZIP (Office Open XML) ----------------------------------------------------------------

const EOCD_SIG = 0x06054b50;
const CD_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const MAX_CD_BYTES = 4 * 1024 * 1024;
const MAX_TYPES_XML = 1024 * 1024;

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

type Entry = { name: string; flags: number; method: number; compSize: number; size: number; localOffset: number };

/** The central directory's entries, or null when it is not a well-formed (non-ZIP64) archive. */
async function centralDirectory(r: ByteReader): Promise<Entry[] | null> {
  const tailLength = Math.min(r.size, 22 + 0xffff);
  const tail = await r.read(r.size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (u32(tail, i) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = u16(tail, eocd + 10);
  const cdSize = u32(tail, eocd + 12);
  const cdOffset = u32(tail, eocd + 16);
  if (cdSize > MAX_CD_BYTES || cdOffset + cdSize > r.size) return null; // includes ZIP64's 0xFFFFFFFF
  const cd = await r.read(cdOffset, cdSize);
  const names = new TextDecoder();
  const entries: Entry[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > cd.length || u32(cd, at) !== CD_SIG) return null;
    const nameLength = u16(cd, at + 28);
    const end = at + 46 + nameLength + u16(cd, at + 30) + u16(cd, at + 32);
    if (end > cd.length) return null;
    entries.push({
      flags: u16(cd, at + 8),
      method: u16(cd, at + 10),
      compSize: u32(cd, at + 20),
      size: u32(cd, at + 24),
      localOffset: u32(cd, at + 42),
      name: names.decode(cd.subarray(at + 46, at + 46 + nameLength)),
    });
    at = end;
  }
  return entries;
}

async function entryText(r: ByteReader, e: Entry): Promise<string | null> {
  if (e.flags & 1 || e.compSize > MAX_TYPES_XML || e.size > MAX_TYPES_XML) return null;
  const local = await r.read(e.localOffset, 30);
  if (local.length < 30 || u32(local, 0) !== LOCAL_SIG) return null;
  const dataAt = e.localOffset + 30 + u16(local, 26) + u16(local, 28);
  const data = await r.read(dataAt, e.compSize);
  if (data.length !== e.compSize) return null;
  try {
    const raw =
      e.method === 0 ? data : e.method === 8 ? inflateRawSync(data, { maxOutputLength: MAX_TYPES_XML }) : null;
    return raw ? new TextDecoder().decode(raw) : null;
  } catch {
    return null;
  }
}

const MAIN_PART: { kind: "docx" | "xlsx"; contentType: string; folder: string }[] = [
  {
    kind: "docx",
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    folder: "word/",
  },
  {
    kind: "xlsx",
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    folder: "xl/",
  },
];

/** A Word document or an Excel workbook: a ZIP whose content types name the main part, without macros. */
async function officePackage(r: ByteReader): Promise<Sniffed> {
  const entries = await centralDirectory(r);
  if (!entries) return { ok: false, reason: "unknown" };
  const types = entries.find((e) => e.name === "[Content_Types].xml");
  if (!types) return { ok: false, reason: "unknown" };
  if (types.flags & 1) return { ok: false, reason: "encrypted" };
  const xml = await entryText(r, types);
  if (!xml) return { ok: false, reason: "unknown" };
  if (/macroEnabled|vbaProject/i.test(xml) || entries.some((e) => /vbaProject\.bin$/i.test(e.name)))
    return { ok: false, reason: "macros" };
  for (const p of MAIN_PART) {
    if (xml.includes(`"${p.contentType}"`) && entries.some((e) => e.name.startsWith(p.folder)))
      return { ok: true, kind: p.kind };
  }
  return { ok: false, reason: "unknown" };
}
