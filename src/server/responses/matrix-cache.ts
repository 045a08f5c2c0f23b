import type { Matrix } from "../rfps/matrix";

// Built matrices, keyed by everything they are built from: the RFP and its version (any edit of
// its questions bumps it), the programme's currency, the round, and each response's id, version
// and the name the sponsor gave its invitee. Submitted responses never change, so a round's
// matrix is the same until one of those does; building it again validated every answer with zod
// and formatted every price (a fifth of the procedure's CPU at 20 concurrent users). The key is
// only looked up after the seal check passed and the responses were read under row-level
// security, so the cache never decides what anyone may see. Per process and bounded: another
// instance simply builds its own.

const MAX_ENTRIES = 200;
const cache = new Map<string, Matrix>();

export type MatrixKey = {
  rfpId: string;
  rfpVersion: number;
  currency: string;
  round: number;
  responses: readonly { id: string; version: number; name: string }[];
};

export function matrixKey(k: MatrixKey): string {
  return JSON.stringify([
    k.rfpId,
    k.rfpVersion,
    k.currency,
    k.round,
    k.responses.map((r) => [r.id, r.version, r.name]),
  ]);
}

/** The cached matrix for `key`, or the one `build` makes (then kept, the least recently used dropped). */
export function cachedMatrix(key: string, build: () => Matrix): Matrix {
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key); // re-inserted: Map order is recency
    cache.set(key, hit);
    return hit;
  }
  const built = build();
  cache.set(key, built);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return built;
}

export const matrixCacheSize = () => cache.size;
