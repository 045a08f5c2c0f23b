import { describe, expect, it } from "vitest";
import { formatQuantity } from "./format";

describe("formatQuantity", () => {
  it("groups thousands and names the unit", () => {
    expect(formatQuantity(12000, "L")).toBe("12,000 L");
    expect(formatQuantity(400_000, "units")).toBe("400,000 units");
    expect(formatQuantity(0, "L")).toBe("0 L");
  });

  it("says what is shown when the figure is not given", () => {
    expect(formatQuantity(null, "L")).toBe("—");
    expect(formatQuantity(undefined, "units", "Not given")).toBe("Not given");
  });
});
