/**
 * Minimum-cost assignment of every row to a distinct column (rows <= cols),
 * Hungarian algorithm with potentials, O(rows^2 * cols). Used as the exact
 * relaxation for the all-different (specialized) search. `cost` is row-major
 * rows x cols; Infinity marks a forbidden pair. Returns Infinity when no
 * assignment avoids forbidden pairs.
 */
const BIG = 1e30;

export function minAssignment(cost: Float64Array, rows: number, cols: number): number {
  if (rows === 0) return 0;
  if (rows > cols) return Infinity;
  const u = new Float64Array(rows + 1);
  const v = new Float64Array(cols + 1);
  const match = new Int32Array(cols + 1); // match[j] = row (1-based) assigned to column j
  const way = new Int32Array(cols + 1);
  const minv = new Float64Array(cols + 1);
  const used = new Uint8Array(cols + 1);
  const at = (i: number, j: number): number => {
    const c = cost[(i - 1) * cols + (j - 1)];
    return c === Infinity ? BIG : c;
  };
  for (let i = 1; i <= rows; i++) {
    match[0] = i;
    let j0 = 0;
    minv.fill(Infinity);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = match[j0];
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= cols; j++) {
        if (used[j]) continue;
        const cur = at(i0, j) - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= cols; j++) {
        if (used[j]) {
          u[match[j]] += delta;
          v[j] -= delta;
        } else minv[j] -= delta;
      }
      j0 = j1;
    } while (match[j0] !== 0);
    do {
      const j1 = way[j0];
      match[j0] = match[j1];
      j0 = j1;
    } while (j0 !== 0);
  }
  // Sum the chosen entries rather than trusting the potentials' rounding.
  let total = 0;
  for (let j = 1; j <= cols; j++) {
    if (match[j] === 0) continue;
    const c = cost[(match[j] - 1) * cols + (j - 1)];
    if (c === Infinity) return Infinity;
    total += c;
  }
  return total;
}
