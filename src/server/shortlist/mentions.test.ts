import { describe, expect, it } from "vitest";
import { commentParts, excerpt, mentionToken, plainText, resolveMentions } from "./mentions";

const adam = { id: "u-adam", name: "Adam Reyes", email: "adam.admin@helix.example" };
const eva = { id: "u-eva", name: "Eva Lindqvist", email: "eva@helix.example" };
const eve = { id: "u-eve", name: "Eve Other", email: "eva@elsewhere.example" };

describe("mentions", () => {
  it("resolves autocomplete tokens to members only, each once, in order", () => {
    const body = `${mentionToken(eva)} and ${mentionToken(adam)}, also ${mentionToken(eva)} and @[Mallory](u-mallory)`;
    expect(resolveMentions(body, [adam, eva])).toEqual(["u-eva", "u-adam"]);
  });

  it("resolves a bare e-mail local part when exactly one member has it", () => {
    expect(resolveMentions("Ask @adam.admin. Thanks", [adam, eva])).toEqual(["u-adam"]);
    expect(resolveMentions("(@ADAM.ADMIN)", [adam])).toEqual(["u-adam"]);
    // Two members share "eva": ambiguous, so nobody is notified.
    expect(resolveMentions("@eva please", [eva, eve])).toEqual([]);
    // An e-mail address in the text is not a mention.
    expect(resolveMentions("write to sales@adam.admin", [adam])).toEqual([]);
  });

  it("shows tokens with today's names and leaves unknown ones as text", () => {
    const parts = commentParts(`Hi ${mentionToken(adam)}! cc @[Gone](u-gone)`, new Map([["u-adam", "Adam R."]]));
    expect(parts).toEqual([
      { kind: "text", text: "Hi " },
      { kind: "mention", userId: "u-adam", name: "Adam R." },
      { kind: "text", text: "! cc @Gone" },
    ]);
  });

  it("keeps a token well-formed whatever the name, and writes plain text for e-mails", () => {
    expect(mentionToken({ id: "x", name: "A [b]" })).toBe("@[A  b](x)");
    expect(plainText(`Hi ${mentionToken(adam)}`)).toBe("Hi @Adam Reyes");
    expect(excerpt(`a\n\nb ${"c".repeat(200)}`, 10)).toBe("a b ccccc…");
  });
});
