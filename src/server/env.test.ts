import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("parseEnv", () => {
  it("applies defaults and treats empty strings as unset", () => {
    const e = parseEnv({ DATABASE_URL: "", SMTP_URL: "" });
    expect(e.HOST).toBe("127.0.0.1");
    expect(e.PORT).toBe(3000);
    expect(e.DATABASE_URL).toBeUndefined();
    expect(e.TRUSTED_PROXIES).toEqual([]);
    expect(e.QUALITY_REFRESH).toBe("on");
  });

  it("parses lists and URLs", () => {
    const e = parseEnv({
      TRUSTED_PROXIES: "10.0.0.0/8, 192.168.1.5,::1",
      REDIS_URL: "redis://127.0.0.1:6379",
      DATABASE_URL: "postgres://a@b/c",
    });
    expect(e.TRUSTED_PROXIES).toEqual(["10.0.0.0/8", "192.168.1.5", "::1"]);
    expect(e.REDIS_URL).toBe("redis://127.0.0.1:6379");
  });

  it("names every bad variable in one error", () => {
    const bad = {
      PORT: "http",
      DATABASE_URL: "mysql://x",
      TRUSTED_PROXIES: "10.0.0.0/33,proxy.local",
      QUALITY_REFRESH: "no",
      ENABLE_DEV_OUTBOX: "yes",
      REDIS_URL: "localhost:6379",
    };
    let message = "";
    try {
      parseEnv(bad);
    } catch (e) {
      message = (e as Error).message;
    }
    for (const name of Object.keys(bad)) expect(message).toContain(`${name}:`);
    expect(message).toContain('"proxy.local" is not an IP address');
  });
});
