/**
 * mulberry32: a small, fast 32-bit PRNG with a well-tested distribution, good
 * enough for Monte Carlo here and, unlike Math.random, reproducible from a seed.
 * The seed (any safe integer) is folded to 32 bits with both halves mixed, so
 * seeds that differ only above bit 32 still give different streams.
 */
export function mulberry32(seed: number): () => number {
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 4294967296) >>> 0;
  let state = (lo ^ Math.imul(hi, 0x9e3779b1)) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Inverse-CDF sample of triangular(min a, mode c, max b) from u in [0, 1). */
export function triangular(u: number, a: number, c: number, b: number): number {
  const range = b - a;
  if (range <= 0) return a;
  const fc = (c - a) / range;
  return u < fc ? a + Math.sqrt(u * range * (c - a)) : b - Math.sqrt((1 - u) * range * (b - c));
}
