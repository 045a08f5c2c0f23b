import { describe, expect, it } from "vitest";
import { changeBody, contentSize, describeScopeChanges } from "./edit-summary";

describe("describeScopeChanges", () => {
  it("names the stages added and removed, or says the order changed", () => {
    expect(describeScopeChanges(["DS_CLIN", "FILL"], ["DS_CLIN", "FILL"])).toEqual([]);
    expect(describeScopeChanges(["DS_CLIN", "FILL"], ["DS_CLIN", "DP_FORM", "LYO"])).toEqual([
      "Added to the scope: Drug product formulation, Lyophilisation.",
      "Removed from the scope: Aseptic fill-finish.",
    ]);
    expect(describeScopeChanges(["DS_CLIN", "FILL"], ["FILL", "DS_CLIN"])).toEqual(["Stages in scope reordered."]);
  });
});

describe("contentSize", () => {
  it("counts questions and sections", () => {
    const q = { id: "q", kind: "yesno", prompt: "?", required: false } as const;
    expect(contentSize({ sections: [{ id: "s", title: "T", questions: [q, { ...q, id: "r" }] }] })).toBe(
      "2 questions in 1 section",
    );
    expect(contentSize({ sections: [] })).toBe("0 questions in 0 sections");
  });
});

describe("changeBody", () => {
  it("lists up to five changes and counts the rest", () => {
    expect(changeBody("DS for mAb-12", ["Summary changed."])).toBe(
      "The sponsor changed “DS for mAb-12”:\n- Summary changed.\nCheck your answers against the current version before you submit.",
    );
    const many = Array.from({ length: 8 }, (_, i) => `Change ${i + 1}.`);
    const body = changeBody("X", many);
    expect(body).toContain("- Change 5.");
    expect(body).not.toContain("Change 6.");
    expect(body).toContain("…and 3 more; the RFP lists every change.");
  });
});
