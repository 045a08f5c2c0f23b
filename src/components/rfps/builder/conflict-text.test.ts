import { describe, expect, it } from "vitest";
import type { RfpContent } from "@/server/rfps/content";
import { changedText } from "./conflict-text";

const content = (): RfpContent => ({
  sections: [
    {
      id: "s1",
      title: "Quality",
      questions: [
        { id: "q1", kind: "yesno", prompt: "EU GMP?", required: true },
        { id: "q2", kind: "single", prompt: "Audits?", required: false, options: ["Yes", "No"] },
      ],
    },
  ],
});

describe("changedText", () => {
  it("says when nothing differs", () => {
    const doc = { title: "T", summary: null, content: content() };
    expect(changedText(doc, doc)).toBe("Nothing differs from the saved version.");
  });

  it("lists the title, summary and each question typed differently, with its options", () => {
    const mine = { title: "Mine", summary: "New summary", content: content() };
    const q2 = mine.content.sections[0]!.questions[1]!;
    if (q2.kind === "single") q2.options = ["Yes", "No", "On request"];
    mine.content.sections.push({
      id: "s2",
      title: "Logistics",
      questions: [{ id: "q3", kind: "text", prompt: "Cold chain?", required: false, help: "Lanes" }],
    });
    expect(changedText({ title: "T", summary: null, content: content() }, mine)).toBe(
      [
        "Title: Mine",
        "Summary: New summary",
        "Section “Quality”",
        "  Single choice: Audits?",
        "    Options: Yes | No | On request",
        "Section “Logistics” (new)",
        "  Free text: Cold chain?",
        "    Help: Lanes",
      ].join("\n"),
    );
  });
});
