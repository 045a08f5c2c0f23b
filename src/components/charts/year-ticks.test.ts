import { describe, expect, it } from "vitest";
import { yearTicks } from "./year-ticks";

const years = (ticks: number[]) => ticks.map((t) => new Date(t).getUTCFullYear());

describe("yearTicks", () => {
  it("puts one tick on 1 January of each year inside the range, never the same year twice", () => {
    const t = yearTicks(Date.UTC(2019, 6, 3), Date.UTC(2023, 2, 9));
    expect(years(t)).toEqual([2020, 2021, 2022, 2023]);
    expect(t.every((x) => new Date(x).getUTCMonth() === 0 && new Date(x).getUTCDate() === 1)).toBe(true);
  });

  it("includes a range that starts exactly on 1 January", () => {
    expect(years(yearTicks(Date.UTC(2020, 0, 1), Date.UTC(2021, 5, 1)))).toEqual([2020, 2021]);
  });

  it("thins long ranges to at most maxTicks", () => {
    const t = yearTicks(Date.UTC(1990, 3, 1), Date.UTC(2026, 3, 1), 8);
    expect(t.length).toBeLessThanOrEqual(8);
    expect(new Set(years(t)).size).toBe(t.length);
    expect(years(t)[0]).toBe(1991);
  });

  it("has no ticks for a range inside one year or an empty range", () => {
    expect(yearTicks(Date.UTC(2024, 2, 1), Date.UTC(2024, 9, 1))).toEqual([]);
    expect(yearTicks(5, 1)).toEqual([]);
  });
});
