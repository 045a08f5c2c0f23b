import { describe, expect, it } from "vitest";
import { formatQuantity, siteName } from "./format";

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

describe("siteName", () => {
  it("uses the site's name, else its city, else its place in the list", () => {
    expect(siteName({ name: "Boston DS plant", city: "Boston" }, 0)).toBe("Boston DS plant");
    expect(siteName({ name: null, city: "Bloomington" }, 0)).toBe("Bloomington site");
    expect(siteName({ name: "  ", city: "" }, 1)).toBe("Site 2");
  });
});
