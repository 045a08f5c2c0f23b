// A small RFP document for the editor helpers' unit tests: one question of most kinds.
import type { RfpContent } from "@/server/rfps/content";

export const CONTENT: RfpContent = {
  sections: [
    {
      id: "s1",
      title: "Technical",
      questions: [
        { id: "t", kind: "text", prompt: "Describe", required: true },
        { id: "yn", kind: "yesno", prompt: "Yes?", required: false },
        { id: "n", kind: "number", prompt: "How many", unit: "L", min: 0, required: true },
        { id: "m", kind: "multi", prompt: "Which", options: ["A", "B"], required: false },
        { id: "p", kind: "price", prompt: "Price", stage: "QC", required: true },
      ],
    },
  ],
};
