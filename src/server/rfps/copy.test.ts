import { describe, expect, it } from "vitest";
import { ZRfpContent, type RfpContent } from "./content";
import { copyContent, copyContentWithMap, newId } from "./copy";

const content: RfpContent = {
  sections: [
    {
      id: "s1",
      title: "Technical capability",
      description: "How you make it",
      questions: [
        { id: "q1", kind: "yesno", prompt: "GMP?", required: true },
        { id: "q2", kind: "single", prompt: "Scale", required: false, options: ["A", "B"] },
      ],
    },
    {
      id: "s2",
      title: "Commercial",
      questions: [{ id: "p", kind: "price", prompt: "DS", required: true, stage: "PD" }],
    },
  ],
};

describe("newId", () => {
  it("makes ids the content schema accepts, of the size asked, without repeats", () => {
    const ids = Array.from({ length: 5000 }, () => newId());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids.slice(0, 200)) expect(id).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(newId(40)).toHaveLength(40);
    expect(() => newId(0)).toThrow(RangeError);
  });

  it("uses every symbol of the alphabet (no bias towards a subset)", () => {
    const seen = new Set(Array.from({ length: 400 }, () => newId(40)).join(""));
    expect(seen.size).toBe(64);
  });
});

describe("copyContent", () => {
  it("keeps structure and text, renews every id, leaves the original untouched", () => {
    const before = structuredClone(content);
    const { content: copy, idMap } = copyContentWithMap(content);
    expect(content).toEqual(before);
    const ids = (c: RfpContent) => c.sections.flatMap((s) => [s.id, ...s.questions.map((q) => q.id)]);
    expect(ids(copy).filter((id) => ids(content).includes(id))).toEqual([]);
    expect(new Set(ids(copy)).size).toBe(5);
    expect([...idMap.keys()]).toEqual(ids(content));
    const strip = (c: RfpContent) =>
      c.sections.map((s) => ({ ...s, id: "", questions: s.questions.map((q) => ({ ...q, id: "" })) }));
    expect(strip(copy)).toEqual(strip(content));
    expect(ZRfpContent.safeParse(copyContent(content)).success).toBe(true);
  });
});
