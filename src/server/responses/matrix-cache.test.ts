import { describe, expect, it, vi } from "vitest";
import type { Matrix } from "../rfps/matrix";
import { cachedMatrix, matrixCacheSize, matrixKey, type MatrixKey } from "./matrix-cache";

const base: MatrixKey = {
  rfpId: "rfp-cache-1",
  rfpVersion: 3,
  currency: "USD",
  round: 1,
  responses: [{ id: "resp-1", version: 2, name: "Northbridge" }],
};
const matrix = (currency: string): Matrix => ({
  vendors: [],
  rows: [],
  priceRows: [],
  totals: [],
  currency,
  pricesSealed: false,
});

describe("matrix cache", () => {
  it("builds once per key and hands back the same matrix", () => {
    const build = vi.fn(() => matrix("USD"));
    const a = cachedMatrix(matrixKey(base), build);
    const b = cachedMatrix(matrixKey({ ...base, responses: [...base.responses] }), build);
    expect(b).toBe(a);
    expect(build).toHaveBeenCalledTimes(1);
  });

  it("builds again when anything the matrix is made from changes", () => {
    const changes: MatrixKey[] = [
      { ...base, rfpVersion: 4 },
      { ...base, currency: "EUR" },
      { ...base, round: 2 },
      { ...base, responses: [{ id: "resp-1", version: 3, name: "Northbridge" }] },
      { ...base, responses: [{ id: "resp-1", version: 2, name: "Northbridge Biologics" }] },
      { ...base, responses: [...base.responses, { id: "resp-2", version: 1, name: "Aldermoor" }] },
    ];
    const keys = new Set([base, ...changes].map(matrixKey));
    expect(keys.size).toBe(changes.length + 1);
    for (const k of changes) {
      const build = vi.fn(() => matrix(k.currency));
      cachedMatrix(matrixKey(k), build);
      expect(build).toHaveBeenCalledTimes(1);
    }
  });

  it("keeps at most 200 matrices, dropping the least recently used", () => {
    const first = matrixKey({ ...base, rfpId: "lru-0" });
    cachedMatrix(first, () => matrix("USD"));
    for (let i = 1; i <= 250; i++) cachedMatrix(matrixKey({ ...base, rfpId: `lru-${i}` }), () => matrix("USD"));
    expect(matrixCacheSize()).toBe(200);
    const rebuild = vi.fn(() => matrix("USD"));
    cachedMatrix(first, rebuild);
    expect(rebuild).toHaveBeenCalledTimes(1);
  });
});
