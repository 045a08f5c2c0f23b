import { describe, expect, it } from "vitest";
import { hashPassword, passwordWeakness, verifyPassword } from "./password";

describe("passwordWeakness", () => {
  it("rejects short passwords", () => {
    expect(passwordWeakness("short1!")).toMatch(/12 characters/);
  });
  it("rejects common passwords, also padded with digits", () => {
    expect(passwordWeakness("password1234")).toMatch(/most common/);
    expect(passwordWeakness("qwertyuiop12!")).toMatch(/most common/);
  });
  it("rejects repeated characters and the e-mail's local part", () => {
    expect(passwordWeakness("aaaaaaaaaaaaaa")).not.toBeNull();
    expect(passwordWeakness("jane.doe-secret-99", { email: "jane.doe@example.com" })).toMatch(/e-mail/);
  });
  it("accepts a long uncommon passphrase", () => {
    expect(passwordWeakness("lyophilised-vials-at-dawn")).toBeNull();
  });
});

describe("argon2id hashing", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const h = await hashPassword("lyophilised-vials-at-dawn");
    expect(h.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(h, "lyophilised-vials-at-dawn")).toBe(true);
    expect(await verifyPassword(h, "lyophilised-vials-at-dusk")).toBe(false);
    expect(await verifyPassword("not-a-hash", "x")).toBe(false);
  });
});
