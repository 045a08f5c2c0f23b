import { describe, expect, it } from "vitest";
import { ZRfpContent } from "./content";
import { contentIssueMessage, contentLocation, pathKey } from "./content-errors";

describe("contentLocation", () => {
  it("names sections, questions and their fields in the builder's words", () => {
    expect(contentLocation(["sections", 1, "questions", 2, "options", 0])).toBe("Section 2, question 3, option 1");
    expect(contentLocation(["sections", 1, "questions", 2, "options"])).toBe("Section 2, question 3, options");
    expect(contentLocation(["sections", 0, "questions", 0, "prompt"])).toBe("Section 1, question 1, question text");
    expect(contentLocation(["sections", 0, "questions", 4, "accept", 1])).toBe("Section 1, question 5, file type 2");
    expect(contentLocation(["sections", 3, "title"])).toBe("Section 4, title");
    expect(contentLocation(["sections", 3, "questions"])).toBe("Section 4");
    expect(contentLocation(["sections", 0, "questions", 1])).toBe("Section 1, question 2");
    expect(contentLocation(["sections"])).toBe("");
    expect(contentLocation([])).toBe("");
  });
});

describe("contentIssueMessage", () => {
  it("prefixes the location to a field's own message", () => {
    expect(
      contentIssueMessage({ path: ["sections", 1, "questions", 2, "options"], message: "Add at least one option." }),
    ).toBe("Section 2, question 3, options: add at least one option.");
  });

  it("keeps messages of the document-wide checks, which already say where", () => {
    const m = "Question 3 in “Quality” lists the option “A” twice.";
    expect(contentIssueMessage({ path: ["sections", 0, "questions", 2, "options", 1], message: m })).toBe(m);
    const total = "An RFP can have at most 30 sections.";
    expect(contentIssueMessage({ path: ["sections"], message: total })).toBe(total);
  });

  it("locates every issue zod reports for a bad document", () => {
    const r = ZRfpContent.safeParse({
      sections: [
        { id: "s1", title: "Quality", questions: [] },
        {
          id: "s2",
          title: "",
          questions: [{ id: "q1", kind: "single", prompt: "", required: true, options: [""] }],
        },
      ],
    });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map(contentIssueMessage)).toEqual([
      "Section 2, title: give the section a title.",
      "Section 2, question 1, question text: enter the question.",
      "Section 2, question 1, option 1: an option cannot be empty.",
    ]);
  });

  it("pathKey joins a path for matching", () => {
    expect(pathKey(["sections", 1, "questions", 0, "prompt"])).toBe("sections.1.questions.0.prompt");
  });
});
