import { afterEach, describe, expect, it, vi } from "vitest";
import { resetEnvForTests } from "../env";

// next-auth names its cookies __Secure-/__Host- and marks them Secure when useSecureCookies is on.
async function optionsWith(url: string) {
  process.env.NEXTAUTH_URL = url;
  resetEnvForTests();
  vi.resetModules();
  return (await import("./options")).authOptions;
}

describe("next-auth cookies", () => {
  const before = process.env.NEXTAUTH_URL;
  afterEach(() => {
    if (before === undefined) delete process.env.NEXTAUTH_URL;
    else process.env.NEXTAUTH_URL = before;
    resetEnvForTests();
  });

  it("are __Secure-/__Host- prefixed and Secure when the app is served over https", async () => {
    expect((await optionsWith("https://cdmo.example.com")).useSecureCookies).toBe(true);
    expect((await optionsWith("http://localhost:3000")).useSecureCookies).toBe(false);
  });

  it("include the known-device cookie: __Host- and Secure over https", async () => {
    await optionsWith("https://cdmo.example.com");
    const { deviceCookieHeader } = await import("./login-limits");
    expect(deviceCookieHeader("a@b.example")).toMatch(
      /^__Host-cdmo-device=[\w-]+\.[\w-]+; Path=\/; .*HttpOnly; SameSite=Lax; Secure$/,
    );
    await optionsWith("http://localhost:3000");
    const plain = (await import("./login-limits")).deviceCookieHeader("a@b.example");
    expect(plain).toMatch(/^cdmo-device=/);
    expect(plain).not.toContain("Secure");
  });
});
