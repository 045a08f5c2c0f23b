/**
 * Ticks at 1 January (UTC) of the years inside [min, max], every `step` years so that at
 * most `maxTicks` are drawn. A time axis left to itself puts several ticks in one year and
 * labels each with the same year.
 */
export function yearTicks(min: number, max: number, maxTicks = 8): number[] {
  if (!(max >= min)) return [];
  const first = new Date(min).getUTCFullYear() + (isJanFirst(min) ? 0 : 1);
  const last = new Date(max).getUTCFullYear();
  const years = last - first + 1;
  if (years <= 0) return [];
  const step = Math.max(1, Math.ceil(years / maxTicks));
  const out: number[] = [];
  for (let y = first; y <= last; y += step) out.push(Date.UTC(y, 0, 1));
  return out;
}

function isJanFirst(t: number): boolean {
  const d = new Date(t);
  return d.getUTCMonth() === 0 && d.getUTCDate() === 1 && t % 86_400_000 === 0;
}
