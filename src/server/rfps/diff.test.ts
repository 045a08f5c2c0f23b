import { describe, expect, it } from "vitest";
import { DEFAULT_WEIGHTS, type RfpContent } from "./content";
import { copyContent } from "./copy";
import {
  MAX_CHANGE_SENTENCES,
  describeContentChanges,
  describeRfpChanges,
  describeScheduleChanges,
  describeWeightChanges,
} from "./diff";
import { RFP_TEMPLATES } from "./templates";

const base: RfpContent = {
  sections: [
    {
      id: "tech",
      title: "Technical capability",
      questions: [
        { id: "titre", kind: "number", prompt: "Max titre", required: false, unit: "g/L" },
        { id: "scale", kind: "single", prompt: "Scale", required: true, options: ["2,000 L", "5,000 L"] },
        { id: "gmp", kind: "yesno", prompt: "GMP certified?", required: true },
      ],
    },
    {
      id: "com",
      title: "Commercial",
      questions: [{ id: "p", kind: "price", prompt: "DS price", required: true, stage: "DS_CLIN" }],
    },
  ],
};
const edit = (f: (c: RfpContent) => void) => {
  const c = structuredClone(base);
  f(c);
  return describeContentChanges(base, c);
};

describe("describeContentChanges", () => {
  it("says nothing when nothing changed", () => {
    expect(describeContentChanges(base, structuredClone(base))).toEqual([]);
    for (const t of RFP_TEMPLATES) expect(describeContentChanges(t.content, structuredClone(t.content))).toEqual([]);
  });

  it("names added, removed, reworded and moved questions with their section", () => {
    expect(
      edit((c) =>
        c.sections[0]!.questions.push({ id: "new", kind: "text", prompt: "Viral clearance", required: false }),
      ),
    ).toEqual(["Question “Viral clearance” added to Technical capability."]);
    expect(edit((c) => c.sections[0]!.questions.splice(2, 1))).toEqual([
      "Question “GMP certified?” removed from Technical capability.",
    ]);
    expect(edit((c) => (c.sections[0]!.questions[0]!.prompt = "Maximum titre"))).toEqual([
      "Question “Max titre” in Technical capability: reworded to “Maximum titre”.",
    ]);
    expect(
      edit((c) => {
        const [moved] = c.sections[0]!.questions.splice(2, 1);
        c.sections[1]!.questions.push(moved!);
      }),
    ).toEqual(["Question “GMP certified?” moved from Technical capability to Commercial."]);
  });

  it("lists what changed inside a question", () => {
    expect(
      edit((c) => {
        const s = c.sections[0]!.questions[1]! as { options: string[]; required: boolean };
        s.options = ["2,000 L", "10,000 L"];
        s.required = false;
      }),
    ).toEqual(["Question “Scale” in Technical capability: now optional, options changed."]);
    expect(edit((c) => ((c.sections[1]!.questions[0] as { stage: string }).stage = "FILL"))).toEqual([
      "Question “DS price” in Commercial: stage changed to Aseptic fill-finish.",
    ]);
    expect(edit((c) => ((c.sections[0]!.questions[0] as { max?: number }).max = 30))).toEqual([
      "Question “Max titre” in Technical capability: allowed range changed.",
    ]);
  });

  it("covers sections: added, renamed, removed, reordered; and question order", () => {
    expect(edit((c) => c.sections.push({ id: "cap", title: "Capacity", questions: [] }))).toEqual([
      "Section “Capacity” added.",
    ]);
    expect(edit((c) => (c.sections[1]!.title = "Pricing"))).toEqual(["Section “Commercial” renamed to “Pricing”."]);
    expect(edit((c) => c.sections.splice(1, 1))).toEqual(["Section “Commercial” removed with its question."]);
    expect(edit((c) => c.sections.reverse())).toEqual(["Sections reordered."]);
    expect(edit((c) => c.sections[0]!.questions.reverse())).toEqual(["Questions in Technical capability reordered."]);
  });

  it("treats fresh ids as different questions (a copy is not an edit)", () => {
    const changes = describeContentChanges(base, copyContent(base));
    expect(changes.filter((c) => / added( to .+)?\.$/.test(c))).toHaveLength(6); // 2 sections, 4 questions
    expect(changes.filter((c) => / removed with its/.test(c))).toEqual([
      "Section “Technical capability” removed with its 3 questions.",
      "Section “Commercial” removed with its question.",
    ]);
  });
});

describe("schedule and weights", () => {
  const due = new Date("2027-01-15T16:00:00Z");
  it("moves, sets and removes the due date in the RFP's zone", () => {
    expect(
      describeScheduleChanges(
        { dueAt: due, timeZone: "Europe/Berlin" },
        { dueAt: new Date("2027-01-22T16:00:00Z"), timeZone: "Europe/Berlin" },
      ),
    ).toEqual(["Due date moved from Fri, 15 Jan 2027, 17:00 CET to Fri, 22 Jan 2027, 17:00 CET."]);
    expect(describeScheduleChanges({ dueAt: null, timeZone: "UTC" }, { dueAt: due, timeZone: "UTC" })).toEqual([
      "Due date set to Fri, 15 Jan 2027, 16:00 UTC.",
    ]);
    expect(describeScheduleChanges({ dueAt: due, timeZone: "UTC" }, { dueAt: due, timeZone: "Europe/Berlin" })).toEqual(
      ["Due date now given in Europe/Berlin time: Fri, 15 Jan 2027, 17:00 CET (the same moment as before)."],
    );
    expect(describeScheduleChanges({ dueAt: due, timeZone: "UTC" }, { dueAt: new Date(due), timeZone: "UTC" })).toEqual(
      [],
    );
  });

  it("describes weights for the audit log but never to invitees", () => {
    const after = { ...DEFAULT_WEIGHTS, pricing: 30, handoff: 10 };
    expect(describeWeightChanges(DEFAULT_WEIGHTS, after)).toEqual([
      "Pricing weight changed from 25% to 30%.",
      "Hand-off efficiency weight changed from 15% to 10%.",
    ]);
    const v = { title: "RFP", dueAt: due, timeZone: "UTC", content: base, weights: DEFAULT_WEIGHTS };
    expect(describeRfpChanges(v, { ...v, weights: after })).toHaveLength(2);
    expect(describeRfpChanges(v, { ...v, weights: after }, { forInvitees: true })).toEqual([]);
    expect(describeRfpChanges(v, { ...v, title: "RFP v2" })).toEqual(["Title changed to “RFP v2”."]);
  });

  it("caps what invitees are told", () => {
    const many = structuredClone(base);
    for (let i = 0; i < 30; i++)
      many.sections[0]!.questions.push({ id: `n${i}`, kind: "yesno", prompt: `Q${i}`, required: false });
    const v = { title: "RFP", dueAt: due, timeZone: "UTC", content: base };
    const told = describeRfpChanges(v, { ...v, content: many }, { forInvitees: true });
    expect(told).toHaveLength(MAX_CHANGE_SENTENCES);
    expect(told.at(-1)).toBe("…and 11 more changes.");
    expect(describeRfpChanges(v, { ...v, content: many })).toHaveLength(30);
  });
});
