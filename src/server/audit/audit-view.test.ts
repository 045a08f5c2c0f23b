import { describe, expect, it } from "vitest";
import { changedFields, valueText } from "./audit-view";

describe("changedFields", () => {
  it("drops fields whose value did not change, whatever the key order of objects", () => {
    expect(
      changedFields({
        qualityScore: { old: 100, new: 100 },
        tags: { old: ["a", "b"], new: ["a", "b"] },
        address: { old: { city: "Boston", country: "US" }, new: { country: "US", city: "Boston" } },
        name: { old: "Kestrel", new: "Kestrel Bio" },
      }),
    ).toEqual([["name", { old: "Kestrel", new: "Kestrel Bio" }]]);
  });

  it("reads bare values as set, and missing sides as nothing", () => {
    expect(changedFields({ note: "hello", gone: { old: "x" } })).toEqual([
      ["note", { old: null, new: "hello" }],
      ["gone", { old: "x", new: null }],
    ]);
    expect(changedFields({ same: { old: null } })).toEqual([]);
    expect(changedFields(null)).toEqual([]);
    expect(changedFields(["not", "a", "record"])).toEqual([]);
  });
});

describe("valueText", () => {
  it("writes values as words", () => {
    expect(valueText(null)).toBe("—");
    expect(valueText("")).toBe("—");
    expect(valueText(true)).toBe("Yes");
    expect(valueText(1234.5)).toBe("1,234.5");
    expect(valueText("2025-05-14T00:00:00.000Z")).toBe("2025-05-14");
    expect(valueText(["DS_CLIN", "FILL"])).toBe("DS_CLIN, FILL");
    expect(valueText([])).toBe("none");
    expect(valueText({ a: 1 })).toBe('{"a":1}');
  });
});
