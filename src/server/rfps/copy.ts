// Fresh ids for sections and questions, and copies of a document with every id renewed (copying a
// previous RFP or a template must not make answers of one RFP look like answers of another).
// Browser-safe: Web Crypto's getRandomValues exists in browsers and in Node 20.
import type { RfpContent } from "./content";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

/**
 * A random id of `size` characters from [A-Za-z0-9_-] (nanoid-like; 64 symbols, so each byte's
 * low 6 bits map without bias). 12 characters = 72 bits: no collision within any real document.
 */
export function newId(size = 12): string {
  if (!Number.isInteger(size) || size < 1 || size > 40) throw new RangeError("newId: size must be 1..40");
  const bytes = new Uint8Array(size);
  globalThis.crypto.getRandomValues(bytes);
  let id = "";
  for (const b of bytes) id += ALPHABET[b & 63];
  return id;
}

/** The document with the same structure and text but a fresh id on every section and question. */
export function copyContent(content: RfpContent): RfpContent {
  return copyContentWithMap(content).content;
}

/** As copyContent, plus old id -> new id (to carry answers or references over deliberately). */
export function copyContentWithMap(content: RfpContent): { content: RfpContent; idMap: Map<string, string> } {
  const idMap = new Map<string, string>();
  const used = new Set<string>();
  const fresh = (old: string) => {
    const known = idMap.get(old);
    if (known) return known; // a valid document never repeats an id; an invalid one stays as invalid
    let id = newId();
    while (used.has(id)) id = newId();
    used.add(id);
    idMap.set(old, id);
    return id;
  };
  const copy = structuredClone(content);
  for (const section of copy.sections) {
    section.id = fresh(section.id);
    for (const q of section.questions) q.id = fresh(q.id);
  }
  return { content: copy, idMap };
}
